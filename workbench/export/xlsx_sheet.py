"""XLSX via openpyxl in write-only mode: a "Quotes" sheet (header frozen, widths set, long text
wrapped) and an "Export" sheet saying when it was made and under which filters.

Every text cell is stored as text, never as a formula or an error value, whatever it starts with.
Times are UTC without a zone (Excel has none); lists are one item per line. Control characters
that XML cannot carry are replaced by U+FFFD; Excel's limit of 32,767 characters per cell holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from datetime import UTC
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, TYPE_STRING
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
_ERROR_CODES = frozenset(ERROR_CODES)
# Positions of the columns by what they hold; ``quote_cells`` is the hot path of a large export.
TEXT_AT = tuple(i for i, name in enumerate(COLUMNS) if name not in ("verified", "evidence_links", "reviewed_at"))
WRAPPED_AT = frozenset(COLUMNS.index(name) for name in WRAPPED)
VERIFIED_AT = COLUMNS.index("verified")
LINKS_AT = COLUMNS.index("evidence_links")
REVIEWED_AT = COLUMNS.index("reviewed_at")


def text_cell(sheet, value: str, alignment: Alignment | None = None) -> WriteOnlyCell:
    """A cell that holds ``value`` as text whatever it starts with ("=..." is not a formula here)."""
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    cell.data_type = TYPE_STRING  # "=..." stays text, never a formula; "#N/A" stays text, never an error
    if alignment is not None:
        cell.alignment = alignment
    return cell


class WrappedCells:
    """Wrapped text cells made fast: the style is resolved once and its id array copied per cell.

    Assigning ``cell.alignment`` hashes the Alignment against the workbook's style list every
    time; copying the resolved ``StyleArray`` (what openpyxl itself does to copy a style) does not.
    """

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        template = WriteOnlyCell(sheet, "")
        template.alignment = WRAP
        self.style = template._style

    def __call__(self, value: str, *, as_text: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value)
        cell._style = copy(self.style)
        if as_text:
            cell.data_type = TYPE_STRING
        return cell


def quote_cells(sheet, row: ExportRow, wrapped: WrappedCells) -> list:
    values = list(row)
    values[VERIFIED_AT] = "yes" if row.verified else "no"
    values[LINKS_AT] = "\n".join(row.evidence_links) or None
    if row.reviewed_at is not None:
        # Excel has no time zones; stored times are UTC, and the heading says so. Whole seconds.
        values[REVIEWED_AT] = row.reviewed_at.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    for i in (*TEXT_AT, LINKS_AT):
        value = values[i]
        if not isinstance(value, str):
            continue
        if not value:
            values[i] = None  # no cell at all, as for a missing value
            continue
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = values[i] = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        as_text = value.startswith("=") or value in _ERROR_CODES
        if i in WRAPPED_AT:
            values[i] = wrapped(value, as_text=as_text)
        elif as_text:
            values[i] = text_cell(sheet, value)
    return values


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
    wrapped = WrappedCells(sheet)
    count = 0
    for row in rows:
        sheet.append(quote_cells(sheet, row, wrapped))
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
