"""The store's commands, run through ``workbench.cli.main`` against a temporary SQLite file."""

from __future__ import annotations

import json

import pytest

from tests.store.fake_extraction import FakeExtractor, article, quote_at
from workbench.cli import main

TEXT = 'Basri Rase berkata, "Jalan kota akan diperbaiki tahun ini."'


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    return url


@pytest.fixture
def stored(database, tmp_path, monkeypatch, capsys):
    """One article with one quote (id 1), ingested through the CLI."""
    fake = FakeExtractor(monkeypatch)
    fake.outputs[TEXT] = article(quotes=[quote_at(TEXT, "Jalan kota akan diperbaiki tahun ini.", "Basri Rase")])
    (tmp_path / "jalan.txt").write_text(TEXT, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "jalan.txt")]) == 0
    capsys.readouterr()
    return tmp_path / "jalan.txt"


def test_ingest_names_bad_files_summarises_and_exits_1(database, tmp_path, monkeypatch, capsys):
    FakeExtractor(monkeypatch)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("Satu artikel.", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "more.jsonl").write_text('{"id": "x", "text": "Dua."}\nnot json\n', encoding="utf-8")

    status = main(["ingest", str(folder)])

    out, err = capsys.readouterr()
    assert status == 1
    assert out.strip() == "articles: 2 new, 0 unchanged, 0 updated, 2 rejected; quotes found: 0"
    assert "binary.txt" in err and "more.jsonl:2" in err
    assert "4/4" in err  # the progress bar reached the end
    assert main(["ingest", str(folder / "good.txt")]) == 0
    assert "0 new, 1 unchanged" in capsys.readouterr().out


def test_quotes_lists_with_ids_and_filters(stored, capsys):
    assert main(["quotes", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["attribution"], r["speaker"]) for r in rows] == [(1, "unreviewed", "Basri Rase")]
    assert main(["quotes", "--status", "confirmed"]) == 0
    assert "No quotes match" in capsys.readouterr().out
    assert main(["quotes"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["id", "article", "v"]
    assert "Jalan kota akan diperbaiki" in table


def test_review_applies_a_decision_and_refuses_a_stale_one(stored, capsys):
    assert main(["review", "1", "--reviewer", "Ana", "--attribution", "confirmed", "--verdict", "true"]) == 0
    assert "attribution unreviewed -> confirmed" in capsys.readouterr().out
    status = main(["review", "1", "--reviewer", "Budi", "--attribution", "misattributed", "--expected-version", "1"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("error: Quote 1 was changed by Ana at ") and "Traceback" not in err
    assert main(["review", "1", "--reviewer", "Budi", "--follow-up", "contacted", "--channel", "phone"]) == 0
    capsys.readouterr()
    assert main(["review", "1", "--history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in lines[:3]] == [
        "attribution unreviewed -> confirmed",
        "verdict (empty) -> true",
        "follow_up not_needed -> contacted",
    ]


@pytest.mark.parametrize(
    ("typed", "stored_label"),
    [("Keliru", "false"), ("sebagian  benar", "mostly_true"), ("Misleading", "misleading"), ("5", "true")],
)
def test_review_takes_the_verdict_as_a_reviewer_says_it(stored, capsys, typed, stored_label):
    assert main(["review", "1", "--reviewer", "Ana", "--verdict", typed]) == 0
    assert f"verdict (empty) -> {stored_label}" in capsys.readouterr().out


def test_review_names_an_unknown_verdict(stored, capsys):
    with pytest.raises(SystemExit):
        main(["review", "1", "--reviewer", "Ana", "--verdict", "bohong"])
    assert "'bohong' is not a verdict (one of true/Benar" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["review", "99", "--reviewer", "Ana", "--attribution", "confirmed"], "Quote 99 does not exist"),
        (["review", "1", "--attribution", "confirmed"], "--reviewer NAME is required"),
        (["review", "1", "--reviewer", "Ana", "--evidence", "not-a-link"], "is not a web address"),
    ],
)
def test_review_errors_are_one_line(stored, capsys, argv, message):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_db_and_demo_commands(database, capsys):
    assert main(["db", "current"]) == 0
    assert "none (empty database)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["demo"]) == 0
    assert "Demo article loaded" in capsys.readouterr().out
    assert main(["demo"]) == 0
    assert "already loaded" in capsys.readouterr().out


def test_unreachable_database_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert main(["quotes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot open the database") and len(err.strip().splitlines()) == 1


def test_bench_ingest_runs_and_reports_each_measure(monkeypatch, capsys):
    monkeypatch.delenv("WORKBENCH_TEST_POSTGRES_URL", raising=False)
    assert main(["bench", "ingest", "--articles", "4", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    for line in (
        "store only (extraction done beforehand):",
        "ingest (extract + store",
        "all unchanged",
        "stored 4 articles",
    ):
        assert line in out
    assert "PostgreSQL: not measured" in out
