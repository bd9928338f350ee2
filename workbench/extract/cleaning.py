"""Cleaning: find the lines that are not the article and blank them out, keeping every offset.

Each step is ``str -> str`` and keeps the length of its input, so a position in the cleaned text is the
same position in the text as given. Removed characters become spaces (newlines stay newlines).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.extract.lexicon import BOILERPLATE_LINE_PATTERNS

_BOILERPLATE = re.compile(r"^[ \t]*(?:" + "|".join(BOILERPLATE_LINE_PATTERNS) + r")", re.IGNORECASE | re.MULTILINE)
_LINE = re.compile(r"[^\n]*")
# Control characters and other non-text: they become spaces so that binary-looking input stays harmless.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Every quotation-mark variant becomes one of two marks with the same length: '"' (double) or "'" stays.
_DOUBLE_MARKS = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02]")


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is not article text, in order."""
    spans = []
    for match in _BOILERPLATE.finditer(text):
        line_end = text.find("\n", match.start())
        spans.append((match.start(), len(text) if line_end < 0 else line_end))
    return spans


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span by spaces of the same length."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def drop_control_characters(text: str) -> str:
    return _CONTROL.sub(" ", text)


def unify_quotation_marks(text: str) -> str:
    """All double-quote variants become '"' (one character each, so offsets hold)."""
    return _DOUBLE_MARKS.sub('"', text)


def drop_crlf(text: str) -> str:
    """A CR before LF is a space, so lines end with one LF."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


CLEANING_STEPS: tuple[Callable[[str], str], ...] = (drop_crlf, drop_control_characters, unify_quotation_marks)


def clean(text: str) -> tuple[str, list[str]]:
    """The text with boilerplate blanked and marks unified (same length), and the removed lines."""
    spans = boilerplate_lines(text)
    removed = [text[s:e].strip() for s, e in spans]
    cleaned = blank(text, spans)
    for step in CLEANING_STEPS:
        cleaned = step(cleaned)
    return cleaned, removed
