"""Round trips: CSV, XLSX and JSON read back with ordinary readers carry every stored field unchanged."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import openpyxl

from tests.export.conftest import APOSTROPHE_QUOTE, DASH_QUOTE, HOSTILE_NOTE, HOSTILE_TITLE
from tests.export.helpers import export, stored
from workbench.export import COLUMNS
from workbench.export.escaping import restore_formula
from workbench.export.rows import LABELS

COMPARED = (
    "quote",
    "speaker",
    "kind",
    "attribution",
    "verdict",
    "verdict_label",
    "follow_up_status",
    "follow_up_summary",
    "notes",
    "reviewed_by",
    "article_title",
    "publisher",
    "original_source",
    "article_url",
)


def lines(cell: str | None) -> list[str]:
    """A list written one item per line back into a list."""
    return cell.split("\n") if cell else []


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark tells spreadsheets the file is UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_round_trip_matches_the_database(sessions, desk):
    rows = read_csv(export(sessions, "csv", include_unverified=True))
    assert list(rows[0]) == list(COLUMNS)
    assert {int(r["quote_id"]) for r in rows} == desk.everything
    for row in rows:
        original = {k: restore_formula(v) for k, v in row.items()}
        db = stored(sessions, int(row["quote_id"]))
        for name in COMPARED:
            assert original[name] == (db[name] or ""), name
        assert lines(original["evidence_links"]) == db["evidence_links"]
        assert original["verdict_rating"] == (str(db["verdict_rating"]) if db["verdict_rating"] else "")
        assert original["reviewed_at"] == (db["reviewed_at"].isoformat() if db["reviewed_at"] else "")
        assert original["article_date"] == db["article_date"].isoformat()
        assert int(original["article_id"]) == db["article_id"]
        assert original["verified"] == ("yes" if db["attribution"] in ("confirmed", "corrected") else "no")


def test_csv_cells_cannot_run_as_formulas_and_reverse_exactly(sessions, desk):
    rows = {int(r["quote_id"]): r for r in read_csv(export(sessions, "csv", include_unverified=True))}
    confirmed = rows[desk.quotes["confirmed"]]
    assert confirmed["notes"] == "'" + HOSTILE_NOTE
    assert rows[desk.quotes["unreviewed"]]["quote"] == "'" + DASH_QUOTE
    # A leading apostrophe of the original gets one more, so "drop one" always restores it.
    assert rows[desk.quotes["apostrophe"]]["quote"] == "'" + APOSTROPHE_QUOTE
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_xlsx_round_trip_matches_the_database(sessions, desk, tmp_path):
    path = tmp_path / "quotes.xlsx"
    path.write_bytes(export(sessions, "xlsx", include_unverified=True))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Quotes", "Export"]
    sheet = workbook["Quotes"]
    assert sheet.freeze_panes == "A2"
    # 60 characters wide; the file holds Excel's own figure for that, padding included (60.71).
    assert 60 <= sheet.column_dimensions["A"].width < 61
    header = [c.value for c in sheet[1]]
    assert header == [LABELS[name] for name in COLUMNS]
    assert sheet.cell(2, 1).alignment.wrap_text
    seen = set()
    for cells in sheet.iter_rows(min_row=2):
        values = dict(zip(COLUMNS, (c.value for c in cells), strict=True))
        for cell in cells:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", f"{cell.coordinate} {cell.value!r} must be text, not a formula"
        db = stored(sessions, values["quote_id"])
        seen.add(values["quote_id"])
        for name in COMPARED:
            assert values[name] == db[name], name
        assert lines(values["evidence_links"]) == db["evidence_links"]
        assert values["verdict_rating"] == db["verdict_rating"]
        expected_time = db["reviewed_at"] and db["reviewed_at"].astimezone(UTC).replace(tzinfo=None, microsecond=0)
        assert values["reviewed_at"] == expected_time
        assert values["article_date"] == datetime.combine(db["article_date"], datetime.min.time())
        assert values["article_id"] == db["article_id"]
        assert values["verified"] == ("yes" if db["attribution"] in ("confirmed", "corrected") else "no")
    assert seen == desk.everything
    about = dict(workbook["Export"].iter_rows(values_only=True))
    assert about["Rows"] == str(len(desk.everything))
    assert about["Quotes"] == "verified and unverified"
    assert "Exported at (UTC)" in about


def test_xlsx_records_the_filters(sessions, desk, tmp_path):
    path = tmp_path / "quotes.xlsx"
    path.write_bytes(export(sessions, "xlsx", reviewer="Rina", date_from=date(2024, 8, 1), verdict=["misleading"]))
    about = dict(openpyxl.load_workbook(path)["Export"].iter_rows(values_only=True))
    assert (about["Reviewer"], about["Published from"], about["Verdict"]) == ("Rina", "2024-08-01", "misleading")
    assert about["Quotes"] == "verified only (confirmed or corrected)"
    assert about["Rows"] == "1"


def test_json_round_trip_matches_the_database(sessions, desk):
    document = json.loads(export(sessions, "json", attribution=["confirmed", "corrected"]))
    assert document["export"]["filters"]["Attribution"] == "confirmed, corrected"
    assert document["export"]["columns"] == list(COLUMNS)
    assert document["row_count"] == len(document["rows"]) == len(desk.verified)
    for row in document["rows"]:
        db = stored(sessions, row["quote_id"])
        for name in (*COMPARED, "evidence_links", "verdict_rating", "article_id"):
            assert row[name] == db[name], name
        assert row["reviewed_at"] == db["reviewed_at"].isoformat()
        assert datetime.fromisoformat(row["reviewed_at"]) == db["reviewed_at"]
        assert row["article_date"] == db["article_date"].isoformat()
        assert row["verified"] is True


def test_json_of_an_empty_selection_is_valid(sessions, desk):
    document = json.loads(export(sessions, "json", reviewer="Nobody"))
    assert (document["rows"], document["row_count"]) == ([], 0)


def test_hostile_title_survives_every_data_format(sessions, desk, tmp_path):
    csv_rows = read_csv(export(sessions, "csv", article_id=desk.article_a))
    assert {restore_formula(r["article_title"]) for r in csv_rows} == {HOSTILE_TITLE}
    json_rows = json.loads(export(sessions, "json", article_id=desk.article_a))["rows"]
    assert {r["article_title"] for r in json_rows} == {HOSTILE_TITLE}
    path = tmp_path / "a.xlsx"
    path.write_bytes(export(sessions, "xlsx", article_id=desk.article_a))
    titles = {
        row[COLUMNS.index("article_title")]
        for row in openpyxl.load_workbook(path)["Quotes"].iter_rows(2, values_only=True)
    }
    assert titles == {HOSTILE_TITLE}


def test_csv_row_of_a_reviewed_quote_holds_every_column(sessions, desk):
    rows = {int(r["quote_id"]): r for r in read_csv(export(sessions, "csv"))}
    assert rows[desk.quotes["confirmed"]] == {
        "quote": "Saya kecewa. Jadi saya arahkan dukungan saya ke Pak Basri Rase",
        "speaker": "Bakhtiar Wakkang",
        "speaker_role": "Politisi NasDem Bontang",
        "kind": "direct",
        "verified": "yes",
        "attribution": "confirmed",
        "corrected_speaker": "",
        "extracted_speaker": "Bakhtiar Wakkang",
        "verdict_label": "Menyesatkan / Misleading",
        "verdict_rating": "2",
        "verdict": "misleading",
        "follow_up_status": "no_response",
        "follow_up": "No response from Politisi NasDem Bontang Bakhtiar Wakkang as of 2024-08-23",
        "follow_up_summary": "Dua kali ditelepon",
        "follow_up_last_attempt": "2024-08-23 08:00 UTC via WhatsApp, no response: tidak diangkat (logged by Rina)",
        "article_follow_ups": "No response from Ketua DPD Nasdem Bontang Joni Muslim as of 2024-08-20",
        "notes": "'" + HOSTILE_NOTE,
        "evidence_links": "https://example.org/bukti?a=1&b=2\nhttps://example.org/二",
        "reviewed_by": "Rina",
        "reviewed_at": "2024-08-21T09:30:15.123456+00:00",
        "article_title": HOSTILE_TITLE,
        "publisher": "SuaraKaltim.id",
        "original_source": "KlikKaltim.com",
        "article_url": "https://suarakaltim.id/read/2024/08/20/nasdem?a=1&b=2",
        "article_date": "2024-08-20",
        "flag": "",
        "quote_id": str(desk.quotes["confirmed"]),
        "article_id": str(desk.article_a),
    }
    corrected = rows[desk.quotes["corrected"]]
    assert (corrected["speaker"], corrected["corrected_speaker"], corrected["extracted_speaker"]) == (
        "Joni Muslim",
        "Joni Muslim",
        "Muhammad Sahib",
    )
