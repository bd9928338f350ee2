"""Invariants over any text: every sheet writer gives the text back exactly, or keeps it inert.

The writers are fed ``ExportRow`` values directly (no database), so hypothesis can try many texts.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.export import COLUMNS, ExportRow, csv_sheet, html_sheet, json_sheet, markdown_sheet, xlsx_sheet
from workbench.export.escaping import neutralise_formula, restore_formula
from workbench.export.meta import ExportMeta

META = ExportMeta(
    exported_at=datetime(2024, 9, 1, tzinfo=UTC),
    format="test",
    described=(("Quotes", "verified only"),),
    include_unverified=False,
    organisation=("Desk", "https://desk.example"),
)
# Any text a news article or a reviewer could produce (no lone surrogates, which UTF-8 cannot carry).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
# XML 1.0 cannot carry most C0 control characters; the XLSX writer replaces them (documented).
xml_texts = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="".join(map(chr, range(0x20))) + "\ufffe\uffff"),
    max_size=60,
)


def row_with(text: str, note: str, title: str) -> ExportRow:
    return ExportRow(
        quote=text,
        speaker="Joni Muslim",
        speaker_role=None,
        kind="direct",
        verified=True,
        attribution="confirmed",
        corrected_speaker=None,
        extracted_speaker="Joni Muslim",
        verdict_label=None,
        verdict_rating=None,
        verdict=None,
        follow_up_status="not_needed",
        follow_up=None,
        follow_up_summary=None,
        follow_up_last_attempt=None,
        article_follow_ups=None,
        notes=note,
        evidence_links=(),
        reviewed_by="Rina",
        reviewed_at=datetime(2024, 8, 21, 9, 30, tzinfo=UTC),
        article_title=title,
        publisher=None,
        original_source=None,
        article_url=None,
        article_date=date(2024, 8, 20),
        flag=None,
        quote_id=1,
        article_id=1,
    )


def written(writer, row: ExportRow) -> bytes:
    out = io.BytesIO()
    assert writer([row], META, out) == 1
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(texts, texts, texts)
def test_csv_gives_every_text_back(text, note, title):
    data = written(csv_sheet.write, row_with(text, note, title))
    (back,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert [restore_formula(back[name]) for name in ("quote", "notes", "article_title")] == [text, note, title]
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in back.values())


@settings(max_examples=40, deadline=None)
@given(texts, texts, texts)
def test_json_gives_every_text_back(text, note, title):
    (back,) = json.loads(written(json_sheet.write, row_with(text, note, title)))["rows"]
    assert (back["quote"], back["notes"], back["article_title"]) == (text, note, title)


@settings(max_examples=15, deadline=None)
@given(xml_texts, xml_texts)
def test_xlsx_gives_every_text_back_as_text(text, note):
    data = written(xlsx_sheet.write, row_with(text, note, "t"))
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Quotes"]
    cells = dict(zip(COLUMNS, sheet[2], strict=True))
    for name, expected in (("quote", text), ("notes", note)):
        cell = cells[name]
        assert (cell.value or "") == expected
        assert cell.data_type in ("s", "n")  # never "f" (formula) or "e" (error)


class TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


@settings(max_examples=40, deadline=None)
@given(texts, texts)
def test_html_shows_any_text_as_text(text, note):
    data = written(html_sheet.write, row_with(text, note, "t")).decode("utf-8")
    parser = TextOnly()
    parser.feed(data)
    expected_tags = TextOnly()
    expected_tags.feed(written(html_sheet.write, row_with("x", "x", "t")).decode("utf-8"))
    assert parser.tags == expected_tags.tags  # the text added no element
    assert text.replace("\r\n", "\n").replace("\r", "\n") in parser.text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=40, deadline=None)
@given(texts)
def test_markdown_never_carries_raw_markup(text):
    data = written(markdown_sheet.write, row_with(text, "note", "t")).decode("utf-8")
    quote_line = next(line for line in data.splitlines() if line.startswith("> "))
    assert "<" not in quote_line.replace("<br>", "") and ">" not in quote_line[2:].replace("<br>", "")
    assert "](" not in quote_line.replace("\\](", "")


def test_xlsx_text_that_looks_like_rich_text_markup_stays_text():
    # XlsxWriter copies a string of the form "<r>...</r>" into the file as markup unless told otherwise.
    markup = '<r><t>=1+1</t></r><script>alert("x")</script></r>'
    data = written(xlsx_sheet.write, row_with(markup, "<r></r>", "t"))
    cells = dict(zip(COLUMNS, openpyxl.load_workbook(io.BytesIO(data))["Quotes"][2], strict=True))
    assert (cells["quote"].value, cells["notes"].value) == (markup, "<r></r>")
    assert cells["quote"].data_type == "s"


def test_xlsx_replaces_what_xml_cannot_carry_and_keeps_line_breaks():
    data = written(xlsx_sheet.write, row_with("a\x00b\x1fc", "one\r\ntwo\rthree\nfour", "t"))
    cells = dict(zip(COLUMNS, openpyxl.load_workbook(io.BytesIO(data))["Quotes"][2], strict=True))
    assert (cells["quote"].value, cells["notes"].value) == ("a\ufffdb\ufffdc", "one\ntwo\nthree\nfour")


def test_xlsx_escapes_text_that_excel_would_read_as_its_own_escape():
    # Excel shows "_x0041_" in a cell as "A"; "_x005F_" is its escape for a literal underscore.
    data = written(xlsx_sheet.write, row_with("a_x0041_b", "n", "t"))
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "a_x005F_x0041_b" in sheet_xml


def reference_csv_line(row: ExportRow) -> str:
    """What ``csv.writer`` writes for the row's cells, formula-neutralised as documented."""
    values = list(row)
    values[COLUMNS.index("verified")] = "yes" if row.verified else "no"
    values[COLUMNS.index("evidence_links")] = "\n".join(row.evidence_links)
    for name in ("reviewed_at", "article_date"):
        moment = getattr(row, name)
        values[COLUMNS.index(name)] = moment.isoformat() if moment else None
    values = [neutralise_formula(v) if isinstance(v, str) else v for v in values]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(texts, texts, st.lists(texts, max_size=3), st.sampled_from([None, "", '"', "a,b", "x\r\ny", "=1"]))
def test_csv_line_is_what_the_csv_module_writes(text, note, links, title):
    row = row_with(text, note, title)._replace(evidence_links=tuple(links), verdict_rating=3, reviewed_at=None)
    assert csv_sheet.line(row) + csv_sheet.LINE_END == reference_csv_line(row)


def test_printable_sheets_show_review_time_to_the_second_in_utc_and_data_formats_keep_it_exact():
    moment = datetime(2024, 8, 21, 9, 30, 15, 123456, tzinfo=UTC)
    row = row_with("Saya kecewa.", "", "Nasdem")._replace(reviewed_at=moment)
    for writer in (markdown_sheet.write, html_sheet.write):
        sheet = written(writer, row).decode("utf-8")
        assert "2024-08-21 09:30:15" in sheet
        assert ".123456" not in sheet and "09:30:15+" not in sheet and "09:30:15\\+" not in sheet
    assert json.loads(written(json_sheet.write, row))["rows"][0]["reviewed_at"] == moment.isoformat()
