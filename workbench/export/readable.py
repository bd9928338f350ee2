"""Dates and times as a reader of the printable sheets (Markdown, HTML) wants them.

The data formats (CSV, JSON, XLSX) keep full ISO 8601 so they round-trip; a person reading a
sheet needs neither microseconds nor a ``+00:00`` the column label already states (UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def readable_moment(value: date) -> str:
    """``2024-08-21`` for a date, ``2024-08-21 09:30:15`` (UTC) for a time."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat(" ", "seconds")[:19]
    return value.isoformat()
