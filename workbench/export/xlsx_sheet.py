"""XLSX: a "Quotes" sheet (header frozen, widths set, long text wrapped) and an "Export" sheet
saying when it was made and under which filters.

XlsxWriter makes the workbook: styles, column widths, the frozen header, the Export sheet. The
quote rows (millions of cells in a large export) are written here as ``<row>`` elements with
inline strings and spliced into XlsxWriter's Quotes sheet, because XlsxWriter spends some 14 µs
on every cell, which made 100,000 quotes take 30 s. The rows go to a temporary file first, so
memory stays flat; the cell styles are the column styles XlsxWriter wrote (checked, not assumed).

Every text cell is stored as text, never as a formula, a link, a number or an error value,
whatever it starts with. Times are UTC without a zone (Excel has none), to the second; lists are
one item per line. Control characters that XML cannot carry are replaced by U+FFFD and carriage
returns become line breaks; text longer than Excel's 32,767 characters per cell is cut there.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import BinaryIO

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from workbench.export.meta import ExportMeta
from workbench.export.rows import COLUMNS, LABELS, ExportRow

WIDTHS = {
    "quote": 60,
    "speaker": 24,
    "speaker_role": 30,
    "follow_up": 40,
    "follow_up_summary": 30,
    "follow_up_last_attempt": 30,
    "article_follow_ups": 40,
    "notes": 40,
    "evidence_links": 40,
    "article_title": 40,
    "article_url": 40,
    "reviewed_at": 20,
    "verdict_label": 22,
    "flag": 24,
}
DEFAULT_WIDTH = 14
WRAPPED = frozenset(
    {"quote", "speaker_role", "follow_up", "follow_up_summary", "follow_up_last_attempt", "article_follow_ups"}
    | {"notes", "evidence_links", "article_title", "flag"}
)
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
WORKBOOK_OPTIONS = {
    "in_memory": True,  # the workbook without its quote rows is small
    "strings_to_formulas": False,  # "=HYPERLINK(...)" stays text
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
QUOTES_PART = "xl/worksheets/sheet1.xml"  # XlsxWriter's name for the first sheet
COMPRESSION = 6  # zlib level of the quote rows
MAX_CELL = 32_767  # Excel's limit, in UTF-16 code units

# What XML 1.0 cannot carry (tab and newline it can) becomes U+FFFD; a carriage return becomes a
# line break, as an XML reader would have made it of a raw one.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_UNSAFE_OR_CRLF = re.compile("\r\n|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
# Excel reads "_x0041_" in a cell as an escaped "A"; its own escape for a literal one is "_x005F_".
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_WHITESPACE = frozenset(" \t\n\r\u00a0")

_NUMBERS = ("verdict_rating", "quote_id", "article_id")
_SPECIAL = (*_NUMBERS, "verified", "evidence_links", "reviewed_at", "article_date")
TEXT_AT = tuple(i for i, name in enumerate(COLUMNS) if name not in _SPECIAL)
NUMBERS_AT = tuple(COLUMNS.index(name) for name in _NUMBERS)
VERIFIED_AT = COLUMNS.index("verified")
LINKS_AT = COLUMNS.index("evidence_links")
REVIEWED_AT = COLUMNS.index("reviewed_at")
DATE_AT = COLUMNS.index("article_date")
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0, counting its phantom 1900-02-29
_EPOCH_ORDINAL = _EPOCH.toordinal()


def _line_break(match: re.Match) -> str:
    return "\n" if match.group()[0] == "\r" else "\ufffd"


def safe_text(value: str) -> str:
    """``value`` as XML can carry it, cut to Excel's cell limit."""
    if _UNSAFE.search(value):
        value = _UNSAFE_OR_CRLF.sub(_line_break, value)
    if len(value) > MAX_CELL // 2 and len(value.encode("utf-16-le")) // 2 > MAX_CELL:
        value = value.encode("utf-16-le")[: MAX_CELL * 2].decode("utf-16-le", errors="ignore")
    return value


def _before_phantom_leap_day(days: float) -> float:
    """Excel counts a 29 February 1900 that never was: days before it are one less."""
    return days if days >= 61 else days - 1


def excel_time(moment: datetime) -> float:
    """A UTC time as Excel's serial number (1900 date system), to the whole second."""
    moment = moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    return _before_phantom_leap_day((moment - _EPOCH).total_seconds() / 86400)


def excel_date(day: date) -> float:
    return _before_phantom_leap_day(day.toordinal() - _EPOCH_ORDINAL)


def _text_cell(head: str, value: str) -> str:
    """``<c ...>`` holding ``value`` as an inline string: text whatever it says."""
    value = safe_text(value)
    if "_x" in value:
        value = _EXCEL_ESCAPE.sub(r"_x005F_\1", value)
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if value[0] in _WHITESPACE or value[-1] in _WHITESPACE:
        return f'{head} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    return f'{head} t="inlineStr"><is><t>{value}</t></is></c>'


def _scaffold(meta: ExportMeta, count: int) -> bytes:
    """The workbook without its quote rows: header, widths, styles, frozen pane, the Export sheet."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    quotes = workbook.add_worksheet("Quotes")
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    top = workbook.add_format({"valign": "top"})
    formats = {
        "reviewed_at": workbook.add_format({"num_format": TIME_FORMAT, "valign": "top"}),
        "article_date": workbook.add_format({"num_format": DATE_FORMAT, "valign": "top"}),
    }
    for col, name in enumerate(COLUMNS):
        column_format = wrap if name in WRAPPED else formats.get(name, top)
        quotes.set_column(col, col, WIDTHS.get(name, DEFAULT_WIDTH), column_format)
    quotes.freeze_panes(1, 0)
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for col, name in enumerate(COLUMNS):
        quotes.write_string(0, col, LABELS[name], header)

    export = workbook.add_worksheet("Export")
    export.set_column(0, 0, 24)
    export.set_column(1, 1, 80, wrap)
    pairs = [*meta.as_pairs(), ("Rows", str(count)), ("Format", "xlsx; text cells are text, never formulas")]
    for row, (label, value) in enumerate(pairs):
        export.write_string(row, 0, safe_text(label))
        export.write_string(row, 1, safe_text(value))
    workbook.close()
    return buffer.getvalue()


_COL = re.compile(rb"<col\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\b(min|max|style)="(\d+)"')


def _column_styles(sheet_xml: bytes) -> tuple[str, ...]:
    """The style XlsxWriter gave each column of the Quotes sheet, for the cells written here."""
    styles = ["0"] * len(COLUMNS)
    for element in _COL.findall(sheet_xml):
        attributes = dict(_ATTRIBUTE.findall(element))
        for col in range(int(attributes[b"min"]) - 1, int(attributes[b"max"])):
            styles[col] = attributes.get(b"style", b"0").decode()
    return tuple(styles)


def _write_rows(rows: Iterable[ExportRow], styles: tuple[str, ...], body) -> int:
    """The quote rows as ``<row>`` elements (UTF-8) into ``body``; returns how many."""
    letters = [xl_col_to_name(col) for col in range(len(COLUMNS))]
    heads = [(f'<c r="{letter}', f'" s="{style}"') for letter, style in zip(letters, styles, strict=True)]
    count = 0
    pending: list[str] = []
    for count, row in enumerate(rows, 1):
        r = count + 1  # row 1 is the header
        cells = [f'<row r="{r}">']
        for i in TEXT_AT:
            value = row[i]
            if value:  # an empty text is no cell at all, as a missing value
                ref, style = heads[i]
                cells.append(_text_cell(f"{ref}{r}{style}", value))
        for i in NUMBERS_AT:
            value = row[i]
            if value is not None:
                ref, style = heads[i]
                cells.append(f"{ref}{r}{style}><v>{value}</v></c>")
        ref, style = heads[VERIFIED_AT]
        verified = "yes" if row[VERIFIED_AT] else "no"
        cells.append(f'{ref}{r}{style} t="inlineStr"><is><t>{verified}</t></is></c>')
        if row[LINKS_AT]:
            ref, style = heads[LINKS_AT]
            cells.append(_text_cell(f"{ref}{r}{style}", "\n".join(row[LINKS_AT])))
        if row[REVIEWED_AT] is not None:
            ref, style = heads[REVIEWED_AT]
            cells.append(f"{ref}{r}{style}><v>{excel_time(row[REVIEWED_AT])!r}</v></c>")
        if row[DATE_AT] is not None:
            ref, style = heads[DATE_AT]
            cells.append(f"{ref}{r}{style}><v>{excel_date(row[DATE_AT])!r}</v></c>")
        cells.append("</row>")
        pending.append("".join(cells))
        if len(pending) == 1000:
            body.write("".join(pending).encode("utf-8"))
            pending.clear()
    body.write("".join(pending).encode("utf-8"))
    return count


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    styles = _column_styles(zipfile.ZipFile(io.BytesIO(_scaffold(meta, 0))).read(QUOTES_PART))
    with tempfile.TemporaryFile() as body:
        count = _write_rows(rows, styles, body)
        scaffold = zipfile.ZipFile(io.BytesIO(_scaffold(meta, count)))
        sheet_xml = scaffold.read(QUOTES_PART)
        if _column_styles(sheet_xml) != styles or sheet_xml.count(b"</sheetData>") != 1:
            raise RuntimeError("XlsxWriter wrote the Quotes sheet differently from what this module expects.")
        head, tail = sheet_xml.split(b"</sheetData>")
        last_cell = f"{xl_col_to_name(len(COLUMNS) - 1)}{count + 1}"
        head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last_cell}"/>'.encode(), head, count=1)
        body.seek(0)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as target:
            for info in scaffold.infolist():
                if info.filename != QUOTES_PART:
                    target.writestr(info, scaffold.read(info))
                    continue
                with target.open(info.filename, "w", force_zip64=True) as part:
                    part.write(head)
                    shutil.copyfileobj(body, part, 1 << 20)
                    part.write(b"</sheetData>" + tail)
    return count
