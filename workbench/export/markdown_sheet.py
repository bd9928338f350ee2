"""Markdown: a readable sheet grouped by article, then speaker; every value is escaped text.

Quotes whose attribution nobody has decided carry a bold **NOT VERIFIED** marker.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO

from workbench.export.escaping import markdown_text
from workbench.export.grouping import by_article_and_speaker
from workbench.export.meta import ExportMeta
from workbench.export.readable import readable_moment
from workbench.export.rows import LABELS, ExportRow

# The fields listed under each quote, after the quote itself.
DETAIL_FIELDS = (
    "speaker_role",
    "kind",
    "attribution",
    "corrected_speaker",
    "extracted_speaker",
    "verdict_label",
    "verdict_rating",
    "follow_up",
    "follow_up_summary",
    "follow_up_last_attempt",
    "notes",
    "evidence_links",
    "reviewed_by",
    "reviewed_at",
    "flag",
)
NOT_VERIFIED = "**NOT VERIFIED**"


def shown(value) -> str | None:
    """A value as escaped Markdown, or ``None`` when there is nothing to show."""
    if value is None or value == ():
        return None
    if isinstance(value, tuple):
        return "<br>".join(markdown_text(item) for item in value)
    if hasattr(value, "isoformat"):
        return markdown_text(readable_moment(value))
    return markdown_text(str(value))


def _article_lines(first: ExportRow) -> list[str]:
    lines = [f"## {shown(first.article_title) or 'Untitled article'}", ""]
    facts = [
        ("Publisher", first.publisher),
        ("Original source", first.original_source),
        ("Published", first.article_date),
        ("URL", first.article_url),
        ("Article id", first.article_id),
    ]
    lines += [f"- **{label}:** {shown(value)}" for label, value in facts if shown(value) is not None]
    if first.article_follow_ups:
        lines.append("- **Follow-ups in the article:**")
        lines += [f"  - {markdown_text(line)}" for line in first.article_follow_ups.split("\n")]
    lines.append("")
    return lines


def _quote_lines(row: ExportRow) -> list[str]:
    heading = f"#### Quote {row.quote_id}"
    if not row.verified:
        heading += f" {NOT_VERIFIED}"
    lines = [heading, "", f"> {markdown_text(row.quote)}", ""]
    for name in DETAIL_FIELDS:
        value = shown(getattr(row, name))
        if value is not None:
            lines.append(f"- **{LABELS[name]}:** {value}")
    lines.append("")
    return lines


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    count = 0
    try:
        text.write("# Verified quote sheet\n\n")
        for label, value in meta.as_pairs():
            text.write(f"- **{markdown_text(label)}:** {markdown_text(value)}\n")
        text.write("\n")
        for article in by_article_and_speaker(rows):
            text.write("\n".join(_article_lines(article.first)) + "\n")
            for group in article.speakers:
                text.write(f"### {markdown_text(group.speaker)}\n\n")
                for row in group.rows:
                    text.write("\n".join(_quote_lines(row)) + "\n")
                    count += 1
        text.write(f"_{count} quotes._\n")
        text.flush()
    finally:
        text.detach()
    return count
