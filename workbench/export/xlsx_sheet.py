"""XLSX via openpyxl in write-only mode: a "Quotes" sheet (header frozen, widths set, long text
wrapped) and an "Export" sheet saying when it was made and under which filters.

Every text cell is stored as text, never as a formula or an error value, whatever it starts with.
Times are UTC without a zone (Excel has none); lists are one item per line. Control characters
that XML cannot carry are replaced by U+FFFD; Excel's limit of 32,767 characters per cell holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

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
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


def text_cell(sheet, value: str, alignment: Alignment | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    cell.data_type = TYPE_STRING  # "=..." stays text, never a formula; "#N/A" stays text, never an error
    if alignment is not None:
        cell.alignment = alignment
    return cell


def excel_value(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        # Excel has no time zones; stored times are UTC, and the heading says so. Whole seconds.
        return value.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    if isinstance(value, tuple):
        return "\n".join(value) or None
    return value


def quote_cells(sheet, row: ExportRow) -> list:
    cells = []
    for name in COLUMNS:
        value = excel_value(getattr(row, name))
        if isinstance(value, str):
            cells.append(text_cell(sheet, value, WRAP if name in WRAPPED else None))
        elif isinstance(value, datetime):
            cell = WriteOnlyCell(sheet, value)
            cell.number_format = TIME_FORMAT
            cells.append(cell)
        elif name == "article_date" and value is not None:
            cell = WriteOnlyCell(sheet, value)
            cell.number_format = DATE_FORMAT
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def _quotes_sheet(workbook: Workbook, rows: Iterable[ExportRow]) -> int:
    sheet = workbook.create_sheet("Quotes")
    sheet.freeze_panes = "A2"
    for index, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, DEFAULT_WIDTH)
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = text_cell(sheet, LABELS[name], WRAP)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append(quote_cells(sheet, row))
        count += 1
    return count


def _export_sheet(workbook: Workbook, meta: ExportMeta, count: int) -> None:
    sheet = workbook.create_sheet("Export")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
    pairs = [*meta.as_pairs(), ("Rows", str(count)), ("Format", "xlsx; text cells are text, never formulas")]
    for label, value in pairs:
        sheet.append([text_cell(sheet, label), text_cell(sheet, value, WRAP)])


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    workbook = Workbook(write_only=True)
    count = _quotes_sheet(workbook, rows)
    _export_sheet(workbook, meta, count)
    workbook.save(out)
    return count
