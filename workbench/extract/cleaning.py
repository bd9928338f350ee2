"""Cleaning: find the lines that are not the article and blank them out, keeping every offset.

Each step is ``str -> str`` and keeps the length of its input, so a position in the cleaned text is the
same position in the text as given. Removed characters become spaces (newlines stay newlines).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.extract.lexicon import BOILERPLATE_LINE_PATTERNS

_BOILERPLATE = re.compile(r"^[ \t]*(?:" + "|".join(BOILERPLATE_LINE_PATTERNS) + r")", re.IGNORECASE | re.MULTILINE)
# The same lines found by the newline before them: a pattern that opens with a literal lets the regex engine
# jump from newline to newline instead of trying `^` at every character (about 3x faster on the eval corpora).
# The first line has no newline before it and is tried on its own with ``_BOILERPLATE.match``.
_BOILERPLATE_AFTER_NEWLINE = re.compile(
    r"\n[ \t]*(?:" + "|".join(BOILERPLATE_LINE_PATTERNS) + r")", re.IGNORECASE | re.MULTILINE
)
# Control characters and other non-text: they become spaces so that binary-looking input stays harmless.
_CONTROL_CHARACTERS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]))
_CONTROL = re.compile("[" + re.escape(_CONTROL_CHARACTERS) + "]")
# Every quotation-mark variant becomes one of two marks with the same length: '"' (double) or "'" stays.
_DOUBLE_MARK_VARIANTS = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is not article text, in order."""
    # Same matches as ``_BOILERPLATE.finditer(text)``: each line start but the first is the character after a
    # newline, and no match ends right at a line start unless that line is empty (a match ends after a
    # newline only by `\s*` before a `$`), so searching from each newline finds the same lines.
    starts = []
    first = _BOILERPLATE.match(text)
    if first is not None:
        starts.append(0)
    starts.extend(m.start() + 1 for m in _BOILERPLATE_AFTER_NEWLINE.finditer(text, first.end() if first else 0))
    spans = []
    for start in starts:
        line_end = text.find("\n", start)
        spans.append((start, len(text) if line_end < 0 else line_end))
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
    # Control characters are rare: one plain search per character (fast, C speed) before the regex pass.
    if not any(c in text for c in _CONTROL_CHARACTERS):
        return text
    return _CONTROL.sub(" ", text)


def unify_quotation_marks(text: str) -> str:
    """All double-quote variants become '"' (one character each, so offsets hold)."""
    # str.replace per variant present: about 3x faster than the regex over the whole text, same result.
    for mark in _DOUBLE_MARK_VARIANTS:
        if mark in text:
            text = text.replace(mark, '"')
    return text


def drop_crlf(text: str) -> str:
    """A CR before LF is a space, so lines end with one LF."""
    if "\r" not in text:
        return text
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
