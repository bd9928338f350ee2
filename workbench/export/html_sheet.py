"""A printable, self-contained HTML sheet: grouped by article, then speaker; inline CSS, nothing fetched.

Every value goes through ``html.escape`` (attributes too); only http(s) addresses become links.
Quotes whose attribution nobody has decided carry a visible "NOT VERIFIED" marker.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO
from urllib.parse import urlsplit

from workbench.export.escaping import html_text
from workbench.export.grouping import by_article_and_speaker
from workbench.export.markdown_sheet import DETAIL_FIELDS
from workbench.export.meta import ExportMeta
from workbench.export.readable import readable_moment
from workbench.export.rows import LABELS, ExportRow

STYLE = """
body { font: 11pt/1.45 Georgia, "Noto Serif", serif; margin: 2em auto; max-width: 60em; color: #111; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #333; margin-top: 2em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
table.filters td { padding: 0 1em 0 0; vertical-align: top; }
.facts, .quote dl { font: 9.5pt/1.4 "Helvetica Neue", Arial, sans-serif; }
.quote { border-left: 4px solid #2a6; padding: .3em .8em; margin: .8em 0; page-break-inside: avoid; }
.quote.unverified { border-left-color: #c00; background: #fff4f4; }
.marker { display: inline-block; font: bold 9pt Arial, sans-serif; color: #fff; background: #c00; padding: 0 .5em; }
blockquote { margin: .2em 0 .5em; font-size: 1.05em; white-space: pre-wrap; }
dl { display: grid; grid-template-columns: 11em 1fr; gap: .1em .8em; margin: 0; }
dt { color: #555; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #134; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; color: #555; }
  h2 { page-break-after: avoid; } h3 { page-break-after: avoid; }
}
"""


def link(url: str | None) -> str:
    """A link for http(s) addresses; anything else (``javascript:``...) stays visible, inert text."""
    if not url:
        return ""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{html_text(url)}" rel="noopener noreferrer">{html_text(url)}</a>'
    return html_text(url)


def shown(name: str, value) -> str | None:
    if value is None or value == ():
        return None
    if name == "evidence_links":
        return "<br>".join(link(url) for url in value)
    if hasattr(value, "isoformat"):
        return html_text(readable_moment(value))
    return html_text(value)


def _article(first: ExportRow) -> str:
    facts = [
        ("Publisher", html_text(first.publisher) if first.publisher else None),
        ("Original source", html_text(first.original_source) if first.original_source else None),
        ("Published", html_text(first.article_date.isoformat()) if first.article_date else None),
        ("URL", link(first.article_url) or None),
        ("Article id", html_text(first.article_id)),
        ("Follow-ups in the article", html_text(first.article_follow_ups) if first.article_follow_ups else None),
    ]
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts if value)
    return f'<h2>{html_text(first.article_title or "Untitled article")}</h2>\n<dl class="facts">{items}</dl>\n'


def _quote(row: ExportRow) -> str:
    marker = "" if row.verified else '<span class="marker">NOT VERIFIED</span> '
    details = "".join(
        f"<dt>{html_text(LABELS[name])}</dt><dd>{value}</dd>"
        for name in DETAIL_FIELDS
        if (value := shown(name, getattr(row, name))) is not None
    )
    css = "quote" if row.verified else "quote unverified"
    return (
        f'<div class="{css}" id="quote-{row.quote_id}">{marker}<small>Quote {row.quote_id}</small>\n'
        f"<blockquote>{html_text(row.quote)}</blockquote>\n<dl>{details}</dl></div>\n"
    )


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    count = 0
    try:
        filters = "".join(f"<tr><td>{html_text(k)}</td><td>{html_text(v)}</td></tr>" for k, v in meta.as_pairs())
        text.write(
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>Verified quote sheet</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f'<h1>Verified quote sheet</h1>\n<table class="filters">{filters}</table>\n'
        )
        for article in by_article_and_speaker(rows):
            text.write(f"<section>\n{_article(article.first)}")
            for group in article.speakers:
                text.write(f"<h3>{html_text(group.speaker)}</h3>\n")
                for row in group.rows:
                    text.write(_quote(row))
                    count += 1
            text.write("</section>\n")
        text.write(f"<p><small>{count} quotes.</small></p>\n</body>\n</html>\n")
        text.flush()
    finally:
        text.detach()
    return count
