"""CSV: UTF-8 (with a byte-order mark so spreadsheets pick the encoding), one header row, one row per quote.

Spreadsheet safety: a text cell that starts with ``= + - @``, a tab or a carriage return (or with
``'``) is written with one ``'`` in front, so opening the file cannot run a formula. To get the
original text back, drop the first character of every text cell that starts with ``'``
(``workbench.export.escaping.restore_formula``). Lists (evidence links, article follow-ups) are
one item per line inside the cell; times are ISO 8601 in UTC; ``verified`` is ``yes`` or ``no``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from typing import BinaryIO

from workbench.export.escaping import neutralise_formula
from workbench.export.meta import ExportMeta
from workbench.export.rows import COLUMNS, ExportRow

ENCODING = "utf-8-sig"


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = "\n".join(value)
    if isinstance(value, str):
        return neutralise_formula(value)
    return str(value)


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding=ENCODING, newline="", write_through=False)
    try:
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        count = 0
        for row in rows:
            writer.writerow([cell(getattr(row, name)) for name in COLUMNS])
            count += 1
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return count
