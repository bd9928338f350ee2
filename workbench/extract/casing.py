"""Reading an article cheaply when it is ASCII but for a few common marks: quotation marks, dashes, a no-break
space, an ellipsis. Such an article can be lower-cased as bytes and read with ASCII patterns."""

from __future__ import annotations

# Characters other than ASCII ones that articles often hold, none a letter, digit, underscore or hyphen, and none
# with a case.
COMMON_NON_ASCII_MARKS = "\u201c\u201d\u2018\u2019\u2014\u2015\u2013\u00a0\u2026"


def without_common_marks(text: str) -> str:
    """The text with each of ``COMMON_NON_ASCII_MARKS`` made a space (the same length)."""
    for mark in COMMON_NON_ASCII_MARKS:
        text = text.replace(mark, " ")
    return text


def marks_only(text: str) -> bool:
    """Whether the only characters of ``text`` other than ASCII ones are common marks."""
    return text.isascii() or without_common_marks(text).isascii()


def lower(text: str, only_marks: bool | None = None) -> str:
    """``text.lower()``; where the only characters other than ASCII ones are common marks (``only_marks``, when the
    caller knows it already), lowered as UTF-8 bytes, several times cheaper: the marks' bytes are all above ASCII,
    which ``bytes.lower`` leaves as they are."""
    if text.isascii():
        return text.lower()
    if only_marks is None:
        only_marks = marks_only(text)
    return text.encode("utf-8").lower().decode("utf-8") if only_marks else text.lower()
