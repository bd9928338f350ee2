"""``bench output``: the saved extraction output is compared case by case, and a change is named."""

from __future__ import annotations

import argparse
import dataclasses

from workbench.benchmarks import output


def _args(tmp_path, corpus, **action) -> argparse.Namespace:
    return argparse.Namespace(**{"save": None, "check": None, "random": 20, "corpus": [corpus], **action})


def _corpus(tmp_path):
    corpus = tmp_path / "article.txt"
    corpus.write_text('"Saya kecewa," ucap Bakhtiar Wakkang.\n\nIa mengatakan, "Belum ada sikap resmi."\n')
    return corpus


def test_unchanged_output_checks_identical(tmp_path, capsys):
    corpus, saved = _corpus(tmp_path), tmp_path / "out.json.gz"
    assert output.run(_args(tmp_path, corpus, save=saved)) == 0
    assert output.run(_args(tmp_path, corpus, check=saved)) == 0
    assert "0 differ: output identical" in capsys.readouterr().out


def test_a_changed_speaker_is_named_with_its_case(tmp_path, capsys, monkeypatch):
    corpus, saved = _corpus(tmp_path), tmp_path / "out.json.gz"
    assert output.run(_args(tmp_path, corpus, save=saved)) == 0
    import workbench.extract

    real = workbench.extract.extract

    def renamed(text, **options):
        article = real(text, **options)
        quotes = tuple(dataclasses.replace(q, speaker="Someone Else") for q in article.quotes)
        return dataclasses.replace(article, quotes=quotes)

    monkeypatch.setattr(workbench.extract, "extract", renamed)
    assert output.run(_args(tmp_path, corpus, check=saved)) == 1
    printed = capsys.readouterr().out
    assert "differs: " in printed and "article.txt" in printed and "Someone Else" in printed


def test_unreadable_saved_file_is_an_error_not_a_traceback(tmp_path, capsys):
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip")
    assert output.run(_args(tmp_path, _corpus(tmp_path), check=broken)) == 1
    assert "cannot read saved output" in capsys.readouterr().err
