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
_DOUBLE_MARK = re.compile('"')
# Single marks count only as a pair: an opening ‘ after a space and a closing ’ before a non-letter.
_SINGLE_QUOTED = re.compile(r"(?:(?<=[\s(\[:;,])|^)\u2018(?=\w)([^\u2018\u2019\n]{2,400}?[^\s])\u2019(?!\w)", re.M)
_OPENERS = "\u201c\u201e\u00ab"
_CLOSERS = "\u201d\u00bb"
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
    if "''" not in text and "``" not in text:  # plain searches: most texts have neither, and skip the regex
        return text
    return _TWO_APOSTROPHES.sub('" ', text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to the quoted words: no outer spaces, no trailing comma, no stray leading dot."""
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


def _pairs(text: str, original: str, marks: list[int], para_end: int) -> list[tuple[int, int | None]]:
    """Pair the marks of one paragraph: curly marks by direction, straight ones in turn; nesting is skipped."""
    directional = any(original[i] in _OPENERS for i in marks) and any(original[i] in _CLOSERS for i in marks)
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    depth = 0
    for i in marks:
        mark = original[i]
        role = "either"
        if directional and mark in _OPENERS:
            role = "open"
        elif directional and mark in _CLOSERS:
            role = "close"
        if open_at is None:
            if role != "close" and not (mark in _CLOSERS and _closes_unseen_opening(text, i, para_end)):
                open_at = i
            continue
        if role == "open" or (role == "either" and depth == 0 and original[open_at] != mark and mark in _OPENERS):
            depth += 1
            continue
        if depth:
            depth -= 1
            continue
        pairs.append((open_at, i))
        open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


_LOWER_WORD_AFTER_BLANK = re.compile(r"[ \t]+[a-z]")


def _closes_unseen_opening(text: str, at: int, para_end: int) -> bool:
    """A closing mark glued to the end of a clause and followed by a lower-case word or the paragraph's end
    (`... demi ekonomi,” ujar Windhu.`) closes a quotation whose opening mark the text left out; it opens
    nothing. (Checked for curly closing marks only: a straight mark tells nothing of its direction.)"""
    return (
        at > 0
        and text[at - 1] in ",.!?"
        and (not text[at + 1 : para_end].strip() or _LOWER_WORD_AFTER_BLANK.match(text, at + 1, para_end) is not None)
    )


def quote_spans(text: str, original: str | None = None) -> list[QuoteSpan]:
    """Every quoted stretch, in order. ``text`` is cleaned ('"' is its only double mark); ``original`` keeps
    the curly marks whose direction helps pairing (same length as ``text``)."""
    original = text if original is None else original
    spans: list[QuoteSpan] = []
    single_marks = "\u2018" in original  # looked up once, not per paragraph
    if not single_marks and '"' not in text:
        return spans
    # Only the paragraphs (lines) that hold a mark are read: the marks are found in one pass over the text
    # and grouped by line, instead of a search per line. A single-quoted match never spans a newline, so
    # one pass over the whole text finds the same matches as one per line.
    paragraphs: dict[int, tuple[int, list[int], list[re.Match[str]]]] = {}
    para_start = para_end = -1
    for mark in _DOUBLE_MARK.finditer(text):
        at = mark.start()
        if at >= para_end:
            para_start, para_end = _line(text, at)
            paragraphs[para_start] = (para_end, [], [])
        paragraphs[para_start][1].append(at)
    if single_marks:
        para_start = para_end = -1
        for match in _SINGLE_QUOTED.finditer(text):
            at = match.start()
            if at >= para_end:
                para_start, para_end = _line(text, at)
                if para_start not in paragraphs:
                    paragraphs[para_start] = (para_end, [], [])
            paragraphs[para_start][2].append(match)
    for para_start in sorted(paragraphs):
        para_end, marks, singles = paragraphs[para_start]
        first = len(spans)
        for open_at, close_at in _pairs(text, original, marks, para_end) if marks else ():
            end = close_at if close_at is not None else para_end
            start, stop = trim(text, open_at + 1, end)
            if stop > start:
                spans.append(QuoteSpan(start, stop, open_at, close_at))
        for match in singles:
            start, stop = trim(text, match.start(1), match.end(1))
            if stop > start and not any(s.start <= start < s.end for s in spans[first:]):
                spans.append(QuoteSpan(start, stop, match.start(), match.end() - 1))
    spans.sort(key=lambda s: s.start)
    return spans


def _line(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line holding position ``at``, without its newline."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end
