"""Verified quote sheets: CSV, JSON, XLSX, Markdown, HTML and ClaimReview JSON-LD.

Use cases take a session and plain values and only read::

    options = build_options(session, attribution=["confirmed"], date_from="2024-08-01")
    count_rows(session, options)
    write_export(session, "csv", options, out)   # out: a binary file
"""

from workbench.export.formats import FORMATS, export_bytes, file_name, get_format, plan_export, write_export
from workbench.export.options import (
    VERIFIED_ATTRIBUTIONS,
    ExportOptions,
    build_options,
    resolve_speaker,
    reviewer_choices,
)
from workbench.export.rows import COLUMNS, ExportRow, count_rows, iter_rows

__all__ = [
    "COLUMNS",
    "FORMATS",
    "VERIFIED_ATTRIBUTIONS",
    "ExportOptions",
    "ExportRow",
    "build_options",
    "count_rows",
    "export_bytes",
    "file_name",
    "get_format",
    "iter_rows",
    "plan_export",
    "resolve_speaker",
    "reviewer_choices",
    "write_export",
]
