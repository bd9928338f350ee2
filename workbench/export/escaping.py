"""Making untrusted text inert in each output: spreadsheet formulas, Markdown, HTML, JSON in a script tag."""

from __future__ import annotations

import html
import json
import re
from typing import Any

# A spreadsheet treats a cell starting with one of these as a formula (tab and CR too, in some).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
# First characters that get the prefix: the triggers, and the prefix itself (so it reverses).
NEUTRALISED_STARTS = frozenset((*FORMULA_TRIGGERS, NEUTRALISER))


def neutralise_formula(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet could run as a formula.

    A cell that already starts with ``'`` is prefixed too, so the rule reverses without doubt:
    a cell that starts with ``'`` had one added; drop that first character to get the original
    (``restore_formula``).
    """
    return NEUTRALISER + value if value and value[0] in NEUTRALISED_STARTS else value


def restore_formula(value: str) -> str:
    """The original text of a cell written by ``neutralise_formula``."""
    return value[1:] if value.startswith(NEUTRALISER) else value


# Everything Markdown (CommonMark and GitHub's) gives a meaning to inline gets a backslash;
# HTML's special characters become entities. One ``str.translate`` does both.
_MARKDOWN_TABLE = str.maketrans(
    {
        **{ch: "\\" + ch for ch in "\\`*_{}[]()#+!|~"},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
    }
)
_MARKDOWN_LIST_START = re.compile(r"^(\s*)(\d+)\.")  # "1." would start an ordered list
_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)([-=])")  # a bullet, a thematic break or a setext line
_LINE_BREAKS = re.compile(r"\r\n?|\n")


def _escape_line_start(line: str) -> str:
    first = line.lstrip()[:1]
    if not first:
        return line
    if first in "-=":
        return _MARKDOWN_BLOCK_START.sub(r"\1\\\2", line)
    if first in "0123456789" and "." in line:  # only "12." can start an ordered list
        return _MARKDOWN_LIST_START.sub(r"\1\2\\.", line)
    return line  # the common case, without running the patterns


def markdown_text(value: str) -> str:
    """Text that renders literally in Markdown: ``[x](javascript:...)`` and ``<script>`` stay visible text.

    With brackets and parentheses escaped no text can become a link (bare ``https://`` text may
    still be autolinked by GitHub, which is harmless); line breaks become ``<br>`` so text cannot
    start a heading, list or code block of its own.
    """
    text = value.translate(_MARKDOWN_TABLE)
    lines = _LINE_BREAKS.split(text) if ("\n" in text or "\r" in text) else [text]
    return "<br>".join(_escape_line_start(line) for line in lines)


def html_text(value: Any) -> str:
    """Text (or an attribute value) safe inside HTML: ``& < > " '`` become entities."""
    return html.escape("" if value is None else str(value), quote=True)


_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_safe_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON that can sit inside ``<script type="application/ld+json">`` as is.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where ``\\u003c`` means the same, so the
    result is still the same JSON; a ``</script>`` in a quote can no longer end the tag.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.translate(_SCRIPT_UNSAFE)
