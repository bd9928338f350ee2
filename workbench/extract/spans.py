"""Quotation-mark pairing: where the direct-quote candidates are.

Works on cleaned text, where every double-mark variant is already '"'. Marks pair up within a
paragraph (a line); a quote still open at the end of its paragraph runs to that end, which is how
news prints a quotation that continues in the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `''` is the NYT-style double mark; in the cleaned text it reads as '"' plus a space (same length).
_TWO_APOSTROPHES = re.compile(r"''|``")
_PARAGRAPH = re.compile(r"[^\n]+")
_DOUBLE_MARK = re.compile('"')
# Single marks count only as a pair: an opening ‘ after a space and a closing ’ before a non-letter.
_SINGLE_QUOTED = re.compile(r"(?:(?<=[\s(\[:;,])|^)\u2018(?=\w)([^\u2018\u2019\n]{2,400}?[^\s])\u2019(?!\w)", re.M)
_TRIM_END = " \t,;-\u2013\u2014"
_TRIM_START = " \t,.;:-\u2013\u2014'\u2018\u2019"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words between a pair of marks; ``open_at``/``close_at`` are the marks (close may be None)."""

    start: int
    end: int
    open_at: int
    close_at: int | None


def unify_double_apostrophes(text: str) -> str:
    return _TWO_APOSTROPHES.sub('" ', text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to the quoted words: no outer spaces, no trailing comma, no stray leading dot."""
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of the text, in order. ``text`` is cleaned and has '"' as its only double mark."""
    spans: list[QuoteSpan] = []
    for para in _PARAGRAPH.finditer(text):
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text, para.start(), para.end())]
        for k in range(0, len(marks), 2):
            open_at = marks[k]
            close_at = marks[k + 1] if k + 1 < len(marks) else None
            end = close_at if close_at is not None else para.end()
            start, stop = trim(text, open_at + 1, end)
            if stop > start:
                spans.append(QuoteSpan(start, stop, open_at, close_at))
        for match in _SINGLE_QUOTED.finditer(text, para.start(), para.end()):
            start, stop = trim(text, match.start(1), match.end(1))
            if stop > start and not any(s.start <= start < s.end for s in spans):
                spans.append(QuoteSpan(start, stop, match.start(), match.end() - 1))
    spans.sort(key=lambda s: s.start)
    return spans
