"""The export formats by name, and the use case that writes one: ``write_export``."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from sqlalchemy.orm import Session

from db.models import utcnow
from workbench import settings
from workbench.errors import InvalidValue
from workbench.export import claimreview, csv_sheet, html_sheet, json_sheet, markdown_sheet, xlsx_sheet
from workbench.export.meta import ExportMeta
from workbench.export.options import ExportOptions, build_options
from workbench.export.rows import ExportRow, count_rows, iter_rows

Writer = Callable[[Iterable[ExportRow], ExportMeta, BinaryIO], int]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    extension: str
    mime: str
    write: Writer
    description: str
    binary: bool = False  # cannot go to a terminal


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("csv", "CSV", "csv", "text/csv", csv_sheet.write, "one row per quote, for spreadsheets and scripts"),
        Format("json", "JSON", "json", "application/json", json_sheet.write, "row objects plus the export's filters"),
        Format(
            "xlsx",
            "Excel",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx_sheet.write,
            "a Quotes sheet and an Export sheet naming the filters",
            binary=True,
        ),
        Format("md", "Markdown", "md", "text/markdown", markdown_sheet.write, "grouped by article, then speaker"),
        Format("html", "HTML", "html", "text/html", html_sheet.write, "a printable page, grouped by article"),
        Format(
            "claimreview",
            "ClaimReview",
            "jsonld",
            "application/ld+json",
            claimreview.write,
            "schema.org JSON-LD, one review per quote with a verdict",
        ),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise InvalidValue(f"Unknown export format {name!r}; choose from: {', '.join(FORMATS)}.") from None


def write_export(
    session: Session, format_name: str, options: ExportOptions, out: BinaryIO, *, exported_at: datetime | None = None
) -> int:
    """Write the quotes ``options`` selects to ``out`` in ``format_name``; returns how many were written.

    Reads only; the caller owns the session and its transaction.
    """
    export_format = get_format(format_name)
    meta = ExportMeta(
        exported_at=exported_at or utcnow(),
        format=export_format.name,
        described=options.described,
        include_unverified=options.include_unverified,
        organisation=settings.organisation(),
    )
    with _cyclic_gc_paused():
        return export_format.write(iter_rows(session, options), meta, out)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while rows stream out.

    An export makes hundreds of thousands of short-lived tuples and strings, none of them in
    reference cycles (reference counting frees them), yet each allocation burst triggers
    collections that walk every object the process holds (the whole app, SQLAlchemy, its
    caches): a third of a 100,000-quote CSV export. Paused, not disabled: the previous state
    comes back when the export ends or fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plan_export(session: Session, **filters) -> tuple[ExportOptions, int]:
    """Validate filter values (as ``build_options`` takes them) and count the quotes they select."""
    options = build_options(session, **filters)
    return options, count_rows(session, options)


def export_bytes(session: Session, format_name: str, options: ExportOptions) -> bytes:
    """The whole export in memory (for a download button)."""
    buffer = io.BytesIO()
    write_export(session, format_name, options, buffer)
    return buffer.getvalue()


def file_name(format_name: str, exported_at: datetime | None = None) -> str:
    moment = exported_at or utcnow()
    return f"quotes-{moment:%Y%m%d-%H%M%S}.{get_format(format_name).extension}"
