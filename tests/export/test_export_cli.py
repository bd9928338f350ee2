"""``python -m workbench export`` through ``workbench.cli.main`` against a temporary SQLite file."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from db.engine import make_engine, make_session_factory, upgrade
from tests.export.conftest import build_desk
from workbench.cli import main


@pytest.fixture
def cli_desk(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine).begin() as session:
        desk = build_desk(session)
    engine.dispose()
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    return desk


def ids_in_csv(data: bytes) -> set[int]:
    return {int(r["quote_id"]) for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}


def test_csv_to_standard_output_holds_verified_quotes(cli_desk, capsysbinary):
    assert main(["export"]) == 0
    assert ids_in_csv(capsysbinary.readouterr().out) == cli_desk.verified


def test_filters_and_repeated_options(cli_desk, capsysbinary):
    argv = ["export", "--attribution", "confirmed", "--attribution", "misattributed", "--include-unverified"]
    assert main([*argv, "--speaker", "Muhammad Sahib", "--from", "2024-09-01", "--to", "2024-09-30"]) == 0
    assert ids_in_csv(capsysbinary.readouterr().out) == {cli_desk.quotes["world"]}
    assert (
        main(["export", "--reviewer", "Budi", "--verdict", "true", "unproven", "--article", str(cli_desk.article_a)])
        == 0
    )
    assert ids_in_csv(capsysbinary.readouterr().out) == {cli_desk.quotes["corrected"]}


def test_verdict_filter_takes_the_label_a_reviewer_says(cli_desk, capsysbinary):
    by_key = ["export", "--reviewer", "Budi", "--verdict", "true", "unproven", "--article", str(cli_desk.article_a)]
    assert main(by_key) == 0
    expected = ids_in_csv(capsysbinary.readouterr().out)
    assert expected
    by_label = [*by_key[:4], "Benar", "Tidak Terbukti", *by_key[6:]]
    assert main(by_label) == 0
    assert ids_in_csv(capsysbinary.readouterr().out) == expected
    assert main([*by_key[:4], "5", "3", *by_key[6:]]) == 0
    assert ids_in_csv(capsysbinary.readouterr().out) == expected


@pytest.mark.parametrize("format_name", ["csv", "json", "xlsx", "md", "html", "claimreview"])
def test_every_format_writes_a_file(cli_desk, tmp_path, capsysbinary, format_name):
    target = tmp_path / f"out.{format_name}"
    assert main(["export", "--format", format_name, "-o", str(target), "--include-unverified"]) == 0
    err = capsysbinary.readouterr().err.decode()
    expected = 4 if format_name == "claimreview" else len(cli_desk.everything)
    assert f"{expected} quotes written to {target}" in err
    data = target.read_bytes()
    if format_name == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data))["Quotes"].max_row == expected + 1
    elif format_name in ("json", "claimreview"):
        json.loads(data)
    else:
        assert data


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xlsx"], "give a file name with -o"),
        (["--attribution", "unreviewed"], "include unverified"),
        (["--from", "kemarin"], "'kemarin' is not a date"),
        (["--speaker", "Tidak Ada"], "No speaker is named 'Tidak Ada'"),
        (["--verdict", "hoax"], "Unknown verdict 'hoax'"),
        (["-o", "/nonexistent-folder/x.csv"], "Cannot write /nonexistent-folder/x.csv"),
    ],
)
def test_bad_input_is_one_line_naming_the_problem(cli_desk, capsysbinary, argv, message):
    assert main(["export", *argv]) == 1
    captured = capsysbinary.readouterr()
    err = captured.err.decode()
    assert message in err and err.startswith("error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_empty_selection_says_why(cli_desk, capsysbinary):
    assert main(["export", "--reviewer", "Nobody"]) == 0
    captured = capsysbinary.readouterr()
    assert ids_in_csv(captured.out) == set()
    assert "verified quotes only" in captured.err.decode()
