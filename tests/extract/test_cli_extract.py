"""The extract, eval and bench commands as a user runs them: `python -m workbench ...` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SHARED_DIR, need

SEED_TEXT = (
    "SuaraKaltim.id - Politisi Bakhtiar Wakkang kecewa.\n"
    '"Saya kecewa. Jadi saya arahkan dukungan saya ke Pak Basri Rase," ucap BW, Selasa (20/08/2024).\n'
    '"Kader mendaftar tapi kok dibiarin," sambungnya.\n'
)


def workbench(*args: str, stdin: str | bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        timeout=120,
    )


def output_objects(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def assert_offsets_point_into(text: str, article: dict) -> None:
    for quote in article["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode()


@pytest.fixture
def seed_file(tmp_path) -> Path:
    path = tmp_path / "seed-article.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


def test_txt_file_gives_one_object_with_its_stem_as_id(seed_file):
    result = workbench("extract", str(seed_file))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    [article] = output_objects(result)
    assert article["id"] == "seed-article"
    assert article["lang"] == "id"
    assert set(article) >= {"quotes", "follow_ups", "people", "boilerplate_lines", "publisher", "published"}
    assert article["quotes"], "the seed text has two direct quotes"
    assert_offsets_point_into(SEED_TEXT, article)


def test_output_is_utf8_without_ascii_escapes(tmp_path):
    path = tmp_path / "unicode.jsonl"
    record = {"id": "berita-café-“1”", "text": "Dia berkata, “Kami menolak,” ujar Budi."}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = workbench("extract", str(path))
    assert result.returncode == 0
    assert '"id": "berita-café-“1”"'.encode() in result.stdout
    assert b"\\u" not in result.stdout


def test_folder_is_extracted_in_sorted_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text('"Ini kutipan yang panjang sekali," kata Ani.', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tidak ada kutipan di sini.", encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text(
        '{"id": "c1", "text": "Satu."}\n{"id": "c2", "text": "Dua."}\n', encoding="utf-8"
    )
    result = workbench("extract", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    assert [a["id"] for a in output_objects(result)] == ["a", "b", "c1", "c2"]


def test_bad_jsonl_line_is_reported_and_the_rest_extracted(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "first", "text": "Pertama."}\n'
        "{broken\n"
        '{"id": "no-text"}\n'
        '{"id": "last", "text": "\\"Kami siap bekerja keras,\\" kata Ani.", "lang": "id"}\n',
        encoding="utf-8",
    )
    result = workbench("extract", str(path))
    assert result.returncode == 1
    assert [a["id"] for a in output_objects(result)] == ["first", "last"]
    stderr = result.stderr.decode()
    assert f"{path}:2: not valid JSON" in stderr
    assert f"{path}:3: the record has no 'text' field" in stderr
    assert "2 article(s) extracted, 2 input(s) rejected" in stderr
    assert_no_traceback(result)


def test_dash_reads_jsonl_from_stdin():
    lines = '{"id": "s1", "text": "Satu."}\n{"id": "s2", "text": "Dua.", "lang": "en"}\n'
    result = workbench("extract", "-", stdin=lines)
    assert result.returncode == 0, result.stderr.decode()
    assert [(a["id"], a["lang"]) for a in output_objects(result)] == [("s1", "id"), ("s2", "en")]


def test_lang_option_overrides_the_records(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "x", "text": "Dia mengatakan bahwa harga naik.", "lang": "id"}\n', encoding="utf-8")
    result = workbench("extract", "--lang", "en", str(path))
    assert [a["lang"] for a in output_objects(result)] == ["en"]


def test_binary_and_missing_files_are_rejected_with_exit_1(tmp_path, seed_file):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    missing = tmp_path / "missing.txt"
    result = workbench("extract", str(binary), str(seed_file), str(missing))
    assert result.returncode == 1
    assert [a["id"] for a in output_objects(result)] == ["seed-article"]
    stderr = result.stderr.decode()
    assert f"error: {binary}: binary content (NUL bytes), not text" in stderr
    assert f"error: {missing}: no such file or folder" in stderr
    assert_no_traceback(result)


def test_undecodable_file_names_the_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Kata “café” di sini.".encode("cp1252"))
    result = workbench("extract", str(path))
    assert result.returncode == 1
    assert "cannot decode as UTF-8 or UTF-8 with BOM" in result.stderr.decode()


def test_engine_failure_costs_one_article_not_the_run(monkeypatch, capsys, tmp_path):
    import argparse

    import workbench.extract
    from workbench.commands import extract as command

    real_extract = workbench.extract.extract

    def fragile(text, **options):
        if "boom" in text:
            raise ValueError("unbalanced marks")
        return real_extract(text, **options)

    monkeypatch.setattr(workbench.extract, "extract", fragile)
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "ok1", "text": "Satu."}\n{"id": "bad", "text": "boom"}\n{"id": "ok2", "text": "Dua."}\n')
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert command.run(parser.parse_args([str(path)])) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok1", "ok2"]
    assert f"error: {path}:2: extraction failed for article 'bad' (ValueError: unbalanced marks)" in err


def test_seed_check_tool_runs_against_extract():
    tool = SHARED_DIR / "tools" / "seed_check.py"
    need(tool.is_file(), f"{tool} is missing")
    result = subprocess.run([sys.executable, str(tool)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert "extract failed" not in result.stdout, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("seed: ")


# --- eval ---------------------------------------------------------------------------------------

GOLD = [
    {
        "id": "g1",
        "lang": "en",
        "text": "“We will win,” said Ann Lee. Lee said the polls were wrong.",
        "quotes": [
            {"text": "We will win", "kind": "direct", "speaker": "Ann Lee", "start": 1, "end": 12},
            {"text": "the polls were wrong", "kind": "indirect", "speaker": "Ann Lee", "start": 38, "end": 58},
        ],
        "follow_ups": [],
    },
    {"id": "g2", "lang": "en", "text": "Nothing was said.", "quotes": [], "follow_ups": []},
]
PREDICTIONS = [
    {
        "id": "g1",
        "quotes": [
            {"text": "We will win", "kind": "direct", "speaker": "Lee", "start": 1, "end": 12},
            {"text": "Lee said", "kind": "indirect", "speaker": None, "start": 29, "end": 37},
        ],
        "follow_ups": [],
    },
    {"id": "g2", "quotes": [], "follow_ups": []},
]


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_scores_saved_predictions_as_json(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    predictions = write_jsonl(tmp_path / "pred.jsonl", PREDICTIONS)
    result = workbench("eval", str(gold), "--predictions", str(predictions), "--json")
    assert result.returncode == 0, result.stderr.decode()
    numbers = json.loads(result.stdout)
    assert numbers["articles"] == 2
    assert (numbers["direct"]["precision"], numbers["direct"]["recall"]) == (1.0, 1.0)
    assert numbers["direct"]["speaker_accuracy"] == 1.0
    assert (numbers["indirect"]["tp"], numbers["indirect"]["fp"], numbers["indirect"]["fn"]) == (0, 1, 1)
    assert numbers["all"]["f1"] == 0.5


def test_eval_verbose_lists_misses_and_false_positives(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    predictions = write_jsonl(tmp_path / "pred.jsonl", PREDICTIONS)
    result = workbench("eval", str(gold), "--predictions", str(predictions), "--verbose")
    out = result.stdout.decode()
    assert "g1: miss (indirect): …“We will win,” said Ann Lee. Lee said [the polls were wrong].…" in out
    assert "g1: false positive (indirect): …“We will win,” said Ann Lee. [Lee said] the polls were wrong.…" in out
    assert "direct" in out and "e2e F1" in out


def test_eval_reports_bad_gold_records_and_scores_the_rest(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_jsonl(gold, GOLD)
    with gold.open("a", encoding="utf-8") as handle:
        handle.write("not json\n")
        handle.write('{"id": "g3", "text": "x", "quotes": [{"text": "y", "kind": "quoted"}]}\n')
    result = workbench("eval", str(gold), "--json")
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert f"{gold}:3: not valid JSON" in stderr
    assert (
        f"{gold}:4: gold record not scored: quote 0 needs a string 'text' and a 'kind' of direct or indirect" in stderr
    )
    assert json.loads(result.stdout)["articles"] == 2
    assert_no_traceback(result)


def test_eval_runs_the_extractor_on_the_seed():
    expected = SHARED_DIR / "fixtures" / "seed" / "expected.json"
    need(expected.is_file(), f"{expected} is missing")
    result = workbench("eval", str(expected), "--json")
    assert result.returncode == 0, result.stderr.decode()
    numbers = json.loads(result.stdout)
    assert numbers["articles"] == 1
    assert numbers["direct"]["gold"] == 3 and numbers["indirect"]["gold"] == 3


# --- bench --------------------------------------------------------------------------------------


def test_bench_extract_measures_a_given_corpus(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", GOLD)
    result = workbench("bench", "extract", "--corpus", str(corpus), "--seconds", "0.05")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "2 articles" in out and "articles/s" in out and "MB/s" in out and "machine:" in out
    assert "articles/s counting this process's CPU time only" in out


def test_bench_extract_rounds_is_a_fixed_amount_of_work(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", GOLD)
    result = workbench("bench", "extract", "--corpus", str(corpus), "--rounds", "3")
    assert result.returncode == 0, result.stderr.decode()
    assert "3 round(s), 6 articles in" in result.stdout.decode()
    refused = workbench("bench", "extract", "--corpus", str(corpus), "--rounds", "0")
    assert refused.returncode == 2 and "must be 1 or more" in refused.stderr.decode()


def test_bench_reports_an_engine_failure_and_measures_the_rest(monkeypatch, capsys, tmp_path):
    import argparse

    import workbench.extract
    from workbench.benchmarks import extract as bench

    real_extract = workbench.extract.extract

    def fragile(text, **options):
        if "boom" in text:
            raise ValueError("unbalanced marks")
        return real_extract(text, **options)

    monkeypatch.setattr(workbench.extract, "extract", fragile)
    monkeypatch.setattr(bench, "_pin_to_one_core", lambda: None)  # keep the test process on all its cores
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*GOLD, {"id": "bad", "text": "boom"}])
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    assert bench.run(parser.parse_args(["--corpus", str(corpus), "--seconds", "0.05"])) == 1
    out, err = capsys.readouterr()
    assert "articles/s" in out
    assert f"error: {corpus}:3: extraction failed for article 'bad' (ValueError: unbalanced marks); not counted" in err


def test_bench_says_when_the_corpus_is_missing(tmp_path):
    result = workbench("bench", "extract", "--corpus", str(tmp_path / "nowhere.jsonl"))
    assert result.returncode == 1
    assert f"corpus not found: {tmp_path / 'nowhere.jsonl'}" in result.stderr.decode()
    assert_no_traceback(result)


def test_plain_bench_measures_extraction_over_the_eval_corpora(tmp_path):
    result = workbench("bench", env={"WORKBENCH_SHARED_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert f"corpus not found: {tmp_path / 'eval' / 'pfsa-id' / 'dev.jsonl'}" in result.stderr.decode()
    assert "set WORKBENCH_SHARED_DIR" in result.stderr.decode()
