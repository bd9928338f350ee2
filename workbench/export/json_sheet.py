"""JSON: ``{"export": {...metadata}, "rows": [{column: value}, ...], "row_count": n}``, written as it streams.

Values keep their types: ``null`` for missing, ``true``/``false`` for ``verified``, a list of
evidence links, ISO 8601 strings for dates and UTC times.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import BinaryIO

from workbench.export.meta import ExportMeta
from workbench.export.rows import COLUMNS, ExportRow

_LINKS = "evidence_links"


def row_object(row: ExportRow) -> dict:
    obj = dict(zip(COLUMNS, row, strict=True))
    obj[_LINKS] = list(row.evidence_links)
    if row.reviewed_at is not None:
        obj["reviewed_at"] = row.reviewed_at.isoformat()
    if row.article_date is not None:
        obj["article_date"] = row.article_date.isoformat()
    return obj


# One encoder for every row: ``json.dumps`` with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def metadata(meta: ExportMeta) -> dict:
    return {
        "exported_at": meta.exported_at.isoformat(),
        "format": meta.format,
        "filters": dict(meta.described),
        "include_unverified": meta.include_unverified,
        "organisation": {"name": meta.organisation[0], "url": meta.organisation[1]},
        "columns": list(COLUMNS),
    }


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    try:
        text.write('{"export": ' + json.dumps(metadata(meta), ensure_ascii=False) + ',\n"rows": [')
        count = 0
        for row in rows:
            text.write(("\n" if count == 0 else ",\n") + _encode(row_object(row)))
            count += 1
        text.write(f'\n],\n"row_count": {count}}}\n')
        text.flush()
    finally:
        text.detach()
    return count
