"""CSV: UTF-8 (with a byte-order mark so spreadsheets pick the encoding), one header row, one row per quote.

Spreadsheet safety: a text cell that starts with ``= + - @``, a tab or a carriage return (or with
``'``) is written with one ``'`` in front, so opening the file cannot run a formula. To get the
original text back, drop the first character of every text cell that starts with ``'``
(``workbench.export.escaping.restore_formula``). Lists (evidence links, article follow-ups) are
one item per line inside the cell; times are ISO 8601 in UTC; ``verified`` is ``yes`` or ``no``;
missing values are empty cells.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from typing import BinaryIO

from workbench.export.escaping import NEUTRALISED_STARTS, NEUTRALISER
from workbench.export.meta import ExportMeta
from workbench.export.rows import COLUMNS, ExportRow

ENCODING = "utf-8-sig"
BATCH = 2000
_NUMBERS = ("verdict_rating", "quote_id", "article_id")
_DATES = ("reviewed_at", "article_date")
_SPECIAL = (*_NUMBERS, *_DATES, "verified", "evidence_links")
# Positions of the columns by what they hold; the loop below is the hot path of a 100,000-quote export.
TEXT_AT = tuple(i for i, name in enumerate(COLUMNS) if name not in _SPECIAL)
DATES_AT = tuple(COLUMNS.index(name) for name in _DATES)
VERIFIED_AT = COLUMNS.index("verified")
LINKS_AT = COLUMNS.index("evidence_links")
_CHECKED_AT = (*TEXT_AT, LINKS_AT)


def cells(row: ExportRow) -> list:
    """The row as CSV cells (``None`` is written as an empty cell, numbers as digits)."""
    values = list(row)
    values[VERIFIED_AT] = "yes" if values[VERIFIED_AT] else "no"
    links = values[LINKS_AT]
    values[LINKS_AT] = "\n".join(links) if links else None
    for i in DATES_AT:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    for i in _CHECKED_AT:
        value = values[i]
        if value and value[0] in NEUTRALISED_STARTS:
            values[i] = NEUTRALISER + value
    return values


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    out.write(buffer.getvalue().encode(ENCODING))  # with the byte-order mark
    count = 0
    rows = iter(rows)
    # A few thousand rows at a time into text, then one encode and one write for all of them.
    while batch := list(itertools.islice(rows, BATCH)):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(map(cells, batch))
        out.write(buffer.getvalue().encode("utf-8"))
        count += len(batch)
    return count
