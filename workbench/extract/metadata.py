"""Article metadata stated in the text: dateline publisher, the outlet it was taken from, the date."""

from __future__ import annotations

import functools
import re
from datetime import date

from dateutil import parser as date_parser

from workbench.extract.lexicon import LEXICON, ORIGINAL_SOURCE_CUES, Lexicon

# An outlet name: `SuaraKaltim.id`, `KOMPAS.com`, `Klik Kaltim`, `Reuters`.
_OUTLET = r"[A-Z][\w\-]*(?:\.[a-z]{2,4})+|[A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+){0,2}"
# `SuaraKaltim.id - ...`, `JAKARTA, KOMPAS.com - ...`, `JAKARTA, KOMPAS — ...` at the start of the article.
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Za-z .]{1,30},[ \t]*)?(?P<outlet>[A-Z][\w\-]*(?:\.[a-z]{2,4})+|[A-Z]{3,})[ \t]*[-\u2013\u2014]"
)
# `\b(?:cue|...)`: each cue opens with a letter, so the boundary is checked right after it (a lookbehind) and
# the regex engine can scan for the cues' first letters instead of trying every position.
_SOURCE = re.compile(
    r"(?:"
    + "|".join(c[0] + r"(?<!\w" + c[0] + ")" + c[1:] if c[:1].isalpha() else r"\b" + c for c in ORIGINAL_SOURCE_CUES)
    + r")[ \t]+(?P<outlet>"
    + _OUTLET
    + r")"
)
# The word each cue in ORIGINAL_SOURCE_CUES opens with. ``_SOURCE`` is case-sensitive, so a match can start only
# where one of these words is written as is: the pattern is tried there alone, not at every character.
_SOURCE_FIRST_WORDS = tuple(sorted({re.match(r"[a-z]+", cue).group() for cue in ORIGINAL_SOURCE_CUES}))
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_DATE_SAMPLE = 3000
# Same matches as `(?<!\d)(?:19|20)\d\d(?!\d)`, with the digits first and the boundary checked behind them, so
# the regex engine scans for `19`/`20` instead of trying the lookbehind at every character (about 4x faster).
_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


class _Names(date_parser.parserinfo):
    """dateutil's parser, also knowing Indonesian month and day names."""

    MONTHS = [
        tuple({m for lex in LEXICON.values() for m, n in lex.months.items() if n == number}) for number in range(1, 13)
    ]
    WEEKDAYS = date_parser.parserinfo.WEEKDAYS


_PARSER_INFO = _Names(dayfirst=True)


def _word_date_pattern(lex: Lexicon) -> re.Pattern[str]:
    months = "|".join(sorted(lex.months, key=len, reverse=True))
    return re.compile(
        r"\b(?:\d{1,2}[ \t]+(?:" + months + r")\.?[ \t]+\d{4}|(?:" + months + r")\.?[ \t]+\d{1,2},?[ \t]+\d{4})\b",
        re.IGNORECASE,
    )


_WORD_DATES = {lang: _word_date_pattern(lex) for lang, lex in LEXICON.items()}


def dateline_publisher(text: str) -> str | None:
    match = _DATELINE.match(text)
    return match.group("outlet") if match else None


def original_source(text: str) -> str | None:
    """The outlet after `disadur dari`, `dikutip dari`, `via`... (first one stated)."""
    starts = []
    for word in _SOURCE_FIRST_WORDS:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    # The first start where the pattern matches is where ``_SOURCE.search(text)`` would find it.
    for at in sorted(starts):
        match = _SOURCE.match(text, at)
        if match:
            return match.group("outlet")
    return None


def stated_date(text: str, lang: str) -> date | None:
    """The first full date in the text: `Selasa (20/08/2024)`, `20 Agustus 2024`, `Aug. 20, 2024`."""
    # A date is written around a year; reading only there keeps this cheap on long texts.
    for year in _YEAR.finditer(text, 0, _DATE_SAMPLE):
        found = _date_near(text[max(0, year.start() - 40) : year.end() + 1], lang)
        if found is not None:
            return found
    return None


def _date_near(sample: str, lang: str) -> date | None:
    candidates = []
    numeric = _NUMERIC_DATE.search(sample)
    if numeric:
        candidates.append((numeric.start(), numeric.group()))
    worded = _WORD_DATES[lang].search(sample)
    if worded:
        candidates.append((worded.start(), worded.group()))
    for _, written in sorted(candidates):
        found = _parsed_date(written, lang == "id")
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=4096)
def _parsed_date(written: str, dayfirst: bool) -> date | None:
    """dateutil's reading of a full date (day, month and year all written, so it does not depend on today);
    remembered, because dateutil takes ~0.1 ms and the same dates recur across the articles of a corpus."""
    try:
        return date_parser.parse(written, parserinfo=_PARSER_INFO, dayfirst=dayfirst).date()
    except (ValueError, OverflowError):
        return None


def as_date(value: str | date | None) -> date | None:
    """A publication date given by an input record (ISO string or date); None when it cannot be read."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        try:
            return date_parser.parse(str(value)).date()
        except (ValueError, OverflowError):
            return None
