"""Reported (indirect) speech: `X mengatakan, ...`, `Menurut X, ...`, `X said (that) ...`, `..., X said.`

The quote is the reported clause; the speaker mention is found like a direct quote's. Sentences that are
quotations themselves are left to ``spans``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from workbench.extract.casing import lower, without_common_marks
from workbench.extract.cues import (
    ASCII_WORD,
    Cue,
    mention_from_words,
    starts_clause,
    subject_words,
    word_pattern,
)
from workbench.extract.lexicon import TITLE_ABBREVIATIONS, Lexicon
from workbench.extract.names import (
    NAME_PARTICLES,
    WORD,
    Mention,
    bare_word,
    is_capitalised,
    strip_word,
    word_alternation,
)

# A sentence ends at . ! ? before a space, a mark or a capital (`resmi.Dirinya`), or at a line break;
# not after an abbreviation or an initial (`Mr.`, `E.`). A closing mark right after the stop (`control."`)
# ends the sentence with it, so the next sentence does not open inside a quotation. Written to open with one
# character class (its plain form is in tests/extract/test_fast_paths_reported.py), so the scan jumps between
# . ! ? and line breaks (a leading alternation makes the engine try a match at every character).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|\"(?=\s)|(?=[\s\"]|[A-Z]))")
_ABBREVIATIONS = frozenset(a.lower() for a in TITLE_ABBREVIATIONS)
_WORD_BEFORE = re.compile(r"(\w+)$")
_NEXT_CHAR = re.compile(r"[ \t]+(\w)")
_NOTE_END = re.compile(r"[.!?](?=\s|$)")
# `--sapaan akrabnya--` and similar asides between double dashes sit between a subject and its verb.
_LETTERS = re.compile(r"[a-z]+")
_ASIDE = re.compile(r"--[^\n\-]{1,40}--|\u2014[^\n\u2014]{1,40}\u2014")
_MIN_CLAUSE_WORDS = 3
_MAX_OBJECT_WORDS = 6
_MAX_SETTING_WORDS = 10
_MAX_OPENING_NAME = 6
_MAX_INTERRUPTING_SUBJECT = 3
_MAX_TAIL_WORDS = 8
_MAX_SHORT_TAIL = 4
_HEADLINE_SHARE = 0.7
_MAX_COLON_NAME = 3
# A line that opens with a name and a colon (a headline quote or a transcript line).
_NAME_COLON_LINE = r"[ \t\"]*(?:[A-Z][\w'\u2019.\-]*[ \t]?){1,3}:"
# `^` + the line, re.M, read as: the first line, or a newline and the line (a scan from newline to newline
# instead of a `^` test at every character; no match crosses a line, so the matches are the same).
_NAME_COLON = re.compile(_NAME_COLON_LINE)
_NAME_COLON_AFTER_NEWLINE = re.compile(r"\n" + _NAME_COLON_LINE)
_TRIM = " \t,:;.\"'"
_START = itemgetter(1)  # where a word (text, start, end) starts


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    cue: Cue


def _blank_asides(text: str) -> str:
    """Asides between dashes (`BW--sapaan akrabnya--`) blanked to spaces, so offsets stay the same."""
    if "--" not in text and "\u2014" not in text:
        return text  # the common case: a plain membership test is far cheaper than the regex scan
    # An aside opens at a double hyphen or an em dash: those places are found with str.find and the pattern is
    # tried there only, leftmost first (as ``_ASIDE.sub`` would, without its scan of every character).
    pieces = []
    done = 0
    hyphens = text.find("--")
    dash = text.find("\u2014")
    while hyphens >= 0 or dash >= 0:
        at = dash if hyphens < 0 or 0 <= dash < hyphens else hyphens
        aside = _ASIDE.match(text, at)
        if aside is None:
            after = at + 1  # `---`: the next place may overlap this one
        else:
            pieces.append(text[done:at])
            pieces.append(" " * (aside.end() - at))
            done = after = aside.end()
        if 0 <= hyphens < after:
            hyphens = text.find("--", after)
        if 0 <= dash < after:
            dash = text.find("\u2014", after)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _clause(text: str, start: int, end: int, lex: Lexicon, ahead: bool = True) -> tuple[int, int] | None:
    """Trim a reported clause to its words; None when too short or when it is a quotation itself. A clause
    ahead of its cue ends at a break (`, although`, `and vowed`); one before its cue (`A, but B, X said`)
    runs to the cue."""
    while start < end and text[start] in _TRIM:
        if text[start] == '"':
            if _words_after_quotation(text, start, end):
                break  # `said "budget reforms" and the collection of taxes would ...`: a mixed clause
            return None
        start += 1
    first = WORD.search(text, start, end)
    if first and text[start] != '"' and bare_word(first.group()) in lex.complementisers:
        # `said that "a bomb" had gone off`: the clause keeps the quotation (a mixed quote is two quotes).
        start = first.end()
        while start < end and text[start] in " \t,":
            start += 1
    lowered = text[start:end].lower()
    if lowered.startswith(("by ", "oleh ")):
        return None  # a passive agent (`reported by The Washington Post`), not what was said
    if ahead:
        breaks, break_chars, conjunction = _break_marks(lex)
        for mark, quoted_mark in breaks if break_chars.search(lowered) else ():
            cut = lowered.find(mark)
            while cut > 0 and lowered.count('"', 0, cut) % 2:
                cut = lowered.find(mark, cut + 1)  # `one of "suffering and delight, but also of hope"`: quoted
            if quoted_mark:
                # `because "you talk about the issues," though she noted ...`: the comma inside the quotation.
                quoted = lowered.find(quoted_mark)
                if quoted > 0 and (cut <= 0 or quoted < cut):
                    cut = quoted + 2
            if cut > 0:
                end = start + cut
                lowered = lowered[:cut]
        conjoined = conjunction.search(lowered) is not None
        # `X said A and vowed B`: a second speech verb joined to the same subject ends the first clause.
        joins = _joins(lex) if conjoined or "," in lowered else None
        joined = joins.verb.search(lowered) if joins else None
        if joined:
            end = start + joined.start()
            lowered = lowered[: joined.start()]
        if conjoined:
            # `..., and Hillary Clinton is promising ...`: a named subject of its own and a reporting verb.
            named = joins.name.search(text, start, end)
            if named:
                end = named.start()
                lowered = lowered[: end - start]
            # `..., and human rights groups warned that ...`: any short subject, a reporting verb and `that`.
            reported = joins.report.search(lowered)
            if reported:
                end = start + reported.start()
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if not _at_least_words(text, start, end, _MIN_CLAUSE_WORDS):
        return None
    return start, end


@dataclass(frozen=True, slots=True)
class _Joins:
    """What ends a reported clause ahead of its cue: another report joined to it, in lower case unless noted."""

    verb: re.Pattern[str]  # `, and said`, ` and also warned`, ` and he noted`, `, saying` (its start only)
    name: re.Pattern[str]  # `, and Hillary Clinton is promising` (as written; its start only)
    report: re.Pattern[str]  # `, and human rights groups warned that`


_JOINS: dict[tuple[frozenset[str], ...], _Joins] = {}


def _joins(lex: Lexicon) -> _Joins:
    """The three join patterns of a lexicon, built once, sharing one alternation of its reporting verbs."""
    key = (
        lex.reported_verbs,
        lex.verb_conjunctions,
        lex.between_subject_and_verb,
        lex.pronouns,
        lex.complementisers,
    )
    if key not in _JOINS:
        verbs = word_alternation(sorted(w for w in lex.reported_verbs if _LETTERS.fullmatch(w)))
        conjunctions = word_alternation(sorted(lex.verb_conjunctions))
        adverbs = word_alternation(sorted(lex.between_subject_and_verb))
        pronouns = word_alternation(sorted(lex.pronouns))
        complementisers = word_alternation(sorted(lex.complementisers))
        # Only where a match starts is read (of verb and name): each is written to open with one character class
        # (a comma or a space, the first character of every match), so the scan jumps between those characters
        # instead of trying a match at every one; a lookbehind at the second character tells which was met. The
        # plain forms are in tests/extract/test_fast_paths_reported.py.
        _JOINS[key] = _Joins(
            verb=re.compile(
                rf"[,\s](?:(?<=,)\s+(?:(?:{conjunctions})(?:\s+(?:{pronouns}))?\s+)?"
                rf"|(?<=\s)\s*(?:{conjunctions})(?:\s+(?:{pronouns}))?\s+)(?:(?:{adverbs})\s+)?(?:{verbs})(?![^\W_]|-)"
            ),
            name=re.compile(
                rf"[,\s](?:(?<=,)\s+|(?<=\s)\s*)(?:{conjunctions})\s+(?:[A-Z][\w.'\u2019-]*\s+){{1,3}}"
                rf"(?:(?:{adverbs})\s+)*(?:{verbs})(?![^\W_]|-)"
            ),
            report=re.compile(
                rf",\s+(?:{conjunctions})\s+(?:[\w.'\u2019-]+\s+){{1,3}}(?:{verbs})\s+(?:{complementisers})(?![^\W_]|-)"
            ),
        )
    return _JOINS[key]


def _words_after_quotation(text: str, open_at: int, end: int) -> bool:
    """Whether the quotation opening at ``open_at`` closes before ``end`` and words follow it there."""
    close_at = text.find('"', open_at + 1, end)
    return close_at > 0 and _at_least_words(text, close_at + 1, end, 2)


_BREAK_MARKS: dict[tuple, tuple] = {}


def _break_marks(lex: Lexicon) -> tuple[tuple[tuple[str, str | None], ...], re.Pattern[str], re.Pattern[str]]:
    """The clause breaks, each with its form after a closing mark (`," though`); a pattern for the characters
    one of them must hold (its first one other than a space), and one for the conjunctions as words (` and `),
    built once per lexicon."""
    key = (lex.clause_breaks, lex.verb_conjunctions)
    if key not in _BREAK_MARKS:
        breaks = tuple((mark, ',"' + mark[1:] if mark.startswith(",") else None) for mark in lex.clause_breaks)
        needed = "".join(sorted({mark.strip()[0] for mark in lex.clause_breaks}))
        conjunction = "|".join(re.escape(f" {c} ") for c in sorted(lex.verb_conjunctions)) or "(?!)"
        _BREAK_MARKS[key] = (
            breaks,
            re.compile("[" + re.escape(needed) + "]" if needed else "(?!)"),
            re.compile(conjunction),
        )
    return _BREAK_MARKS[key]


def _at_least_words(text: str, start: int, end: int, wanted: int) -> bool:
    return len(list(islice(word_pattern(text).finditer(text, start, end), wanted))) == wanted


def reported_speech(text: str, lex: Lexicon, inside_quote) -> list[Reported]:
    """Every reported clause with its cue, in text order. ``inside_quote(pos)`` says a position is quoted."""
    work = _blank_asides(text)
    words_in = word_pattern(work)
    lowered = lower(work, words_in is ASCII_WORD)
    cue_at = _cue_positions(work, lex, lowered)
    if not cue_at:
        return []
    notes = _editorial_notes(work, lex, lowered)
    if notes:
        cue_at = [p for p in cue_at if not any(start <= p < end for start, end in notes)]
    found: list[Reported] = []
    covered = 0
    verb_forms = _verb_forms(lex)
    for s_start, s_end in _sentences_with(work, cue_at, _short_months(lex.months)):
        if s_start < covered:
            continue
        if (s_start == 0 or work[s_start - 1] == "\n") and _opens_with_name_colon(work, s_start):
            # `WALLACE: Let's start ...`, `"PENCE: Well, ...` (a transcript line, quoted or not): the whole line.
            line_end = work.find("\n", s_start)
            line_end = len(work) if line_end < 0 else line_end
            lead = list(islice(WORD.finditer(work, s_start, line_end), _MAX_COLON_NAME + 1))
            lead_words = [(m.group(), m.start(), m.end()) for m in lead]
            hit = _colon_frame(work, lead_words, line_end, lex, headline=s_start == 0)
            if hit is not None:
                found.append(hit)
                covered = line_end
                continue
        if inside_quote(s_start) and inside_quote(max(s_start, s_end - 2)):
            continue
        if work.find('"', s_start, s_end) < 0 and not inside_quote(s_start):
            # No quotation mark in the sentence and none open at its start: no word of it is quoted.
            words = [(m.group(), m.start(), m.end()) for m in words_in.finditer(work, s_start, s_end)]
        else:
            words = [
                (m.group(), m.start(), m.end())
                for m in words_in.finditer(work, s_start, s_end)
                if not inside_quote(m.start())
            ]
        if len(words) < 2:
            continue
        hit = _according_to(work, words, s_end, lex, lowered) or _verb_clause(work, words, s_end, lex, verb_forms)
        while hit is not None:
            found.append(hit)
            # A second report in the same sentence (`X said A and vowed B`) starts after this cue.
            rest = words[bisect_left(words, hit.end, key=_START) :]  # the words start in order
            previous = hit.cue.mention
            hit = _verb_clause(work, rest, s_end, lex, verb_forms) if len(rest) >= 2 else None
            if hit is not None and hit.cue.mention is None:
                break
            if hit is not None and previous is not None and hit.cue.mention.pronoun and not hit.cue.mention.text:
                # `X said A and vowed B`: the joined verb has the first one's subject.
                hit = Reported(hit.start, hit.end, Cue(hit.cue.verb, hit.cue.verb_start, previous))
    return found


def _editorial_notes(text: str, lex: Lexicon, lowered: str) -> list[tuple[int, int]]:
    """(start, end) of each editorial note (`Editor's note: ... .`), which may run over line breaks."""
    notes = []
    for opener in lex.note_openers:
        at = lowered.find(opener)
        while at >= 0:
            stop = _NOTE_END.search(text, at)
            notes.append((at, stop.end() if stop else len(text)))
            at = lowered.find(opener, at + 1)
    return notes


def _cue_positions(text: str, lex: Lexicon, lowered: str | None = None) -> list[int]:
    """Where a reporting verb (or `according`, `menurut`) stands as a whole word, in order: in lower case,
    not touching a letter, digit or hyphen on either side. ``lowered``: the text in lower case, if at hand."""
    lowered = text.lower() if lowered is None else lowered
    at_start = _cue_patterns(lex.reported_verbs, lex.according_to)[1]
    positions = _cues_after_marks(lowered, lex)
    if at_start.match(lowered):
        positions.insert(0, 0)
    first_line = _opens_with_name_colon(text, 0)
    if first_line:
        positions.append(first_line.end() - 1)
    positions.extend(_name_colon_ends(text))
    positions.sort()
    return positions


def _cues_after_marks(lowered: str, lex: Lexicon) -> list[int]:
    """The positions of the cue pattern after a character that is not a letter, digit or hyphen, in order."""
    after_mark, _, after_space = _cue_patterns(lex.reported_verbs, lex.according_to)
    ascii_text = without_common_marks(lowered)  # the same kind of character: a space changes no match
    if not ascii_text.isascii():
        return [m.start(1) for m in after_mark.finditer(lowered)]
    # Every character that is not a letter, digit or hyphen made a space, so the scan jumps from space to space
    # (a literal first character) instead of testing each character against a class: the same matches.
    return [m.start(1) for m in after_space.finditer(ascii_text.encode("ascii").translate(_TO_SPACES))]


def _opens_with_name_colon(text: str, at: int) -> re.Match[str] | None:
    """``_NAME_COLON.match(text, at)``, tried only where the line holds a colon (no character before the pattern's
    colon may be a colon or a line break, so a line without one cannot match)."""
    line_end = text.find("\n", at)
    if text.find(":", at, len(text) if line_end < 0 else line_end) < 0:
        return None
    return _NAME_COLON.match(text, at)


def _name_colon_ends(text: str) -> list[int]:
    """Where the colon is of each line after the first that opens with a name and a colon: the positions of
    ``_NAME_COLON_AFTER_NEWLINE.finditer`` (less one), with the pattern tried only at the lines that hold a
    colon (a match never crosses a line break, so a line without one cannot match)."""
    ends = []
    colon = text.find(":")
    while colon >= 0:
        line = text.rfind("\n", 0, colon)
        if line >= 0:
            found = _NAME_COLON_AFTER_NEWLINE.match(text, line)
            if found:
                ends.append(found.end() - 1)
        line_end = text.find("\n", colon)
        if line_end < 0:
            break
        colon = text.find(":", line_end)
    return ends


# An article whose characters other than ASCII ones are common marks (``casing.COMMON_NON_ASCII_MARKS``) is scanned as
# bytes.
# Each ASCII byte that is not a letter, digit or hyphen made a space.
_TO_SPACES = bytes(b if chr(b).isalnum() or b == ord("-") else ord(" ") for b in range(128)) + bytes(range(128, 256))

_CUE_PATTERNS: dict[tuple[frozenset[str], tuple[str, ...]], tuple[re.Pattern, re.Pattern, re.Pattern]] = {}


def _cue_patterns(verbs: frozenset[str], according_to: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Patterns for the cue words (those of plain letters a-z: `[a-z]+` words are the only ones looked for),
    built once per lexicon: after a character that is not a letter, digit or hyphen, at the very start, and
    (in ASCII bytes where every such character is a space) after a space."""
    key = (verbs, according_to)
    if key not in _CUE_PATTERNS:
        words = sorted(w for w in verbs | {p.split()[0] for p in according_to} if _LETTERS.fullmatch(w))
        alternation = word_alternation(words)
        # `[\W_](?<!-)`: one character that is neither a letter/digit nor a hyphen (the scan jumps between them).
        _CUE_PATTERNS[key] = (
            re.compile(r"[\W_](?<!-)(" + alternation + r")(?![^\W_]|-)"),
            re.compile(alternation + r"(?![^\W_]|-)"),
            re.compile(rb" (" + alternation.encode("ascii") + rb")(?![a-zA-Z0-9\-])"),
        )
    return _CUE_PATTERNS[key]


_SHORT_MONTHS: dict[int, frozenset[str]] = {}


def _short_months(months: dict[str, int]) -> frozenset[str]:
    """The short forms among month names (`sept`, `jan`; not `may`, which is also a full name)."""
    key = id(months)
    if key not in _SHORT_MONTHS:
        _SHORT_MONTHS[key] = frozenset(
            name
            for name, number in months.items()
            if any(n == number and len(m) > len(name) for m, n in months.items())
        )
    return _SHORT_MONTHS[key]


def _sentences_with(text: str, positions: list[int], months=()):
    """(start, end) of each sentence holding one of the positions, once each, in order. ``months``: the
    language's month names, whose short forms (`Sept. 11`) do not end a sentence."""
    last_end = -1
    for pos in positions:
        if pos < last_end:
            continue
        start = _sentence_start(text, pos, months, last_end)
        match = _BOUNDARY.search(text, pos)
        while match and match.group() != "\n" and _after_abbreviation(text, match.start(), months):
            match = _BOUNDARY.search(text, match.end())
        end = match.end() if match else len(text)
        last_end = end
        yield start, end


def _sentence_start(text: str, pos: int, months=(), known: int = 0) -> int:
    """Where the sentence holding ``pos`` starts; ``known`` is a sentence end at or before ``pos`` (no need to
    look at the stops before it)."""
    start = max(text.rfind("\n", 0, pos) + 1, known)
    for match in _BOUNDARY.finditer(text, start, pos):
        if not _after_abbreviation(text, match.start(), months):
            start = match.end()
    return start


def _after_abbreviation(text: str, dot: int, months=()) -> bool:
    if text[dot] != ".":
        return False
    following = _NEXT_CHAR.match(text, dot + 1)
    if following and following.group(1).islower():
        return True  # `8:30 p.m. in front of ...`: a sentence does not go on in lower case
    word = _WORD_BEFORE.search(text, max(0, dot - 6), dot)
    if word is None:
        return False
    before = word[1]
    if len(before) == 1 and before.isupper():
        return True
    before = before.lower()
    return before in _ABBREVIATIONS or before in months


def _name_then_pause(text: str, words, k: int) -> bool:
    """Whether the capitalised words from ``k`` end at a comma or the sentence end (`said Jeffrey N.
    Trimble, a senior official`), rather than run on into a clause (`said Clinton reached out`)."""
    while k < len(words) and (is_capitalised(words[k][0]) or words[k][0] in NAME_PARTICLES):
        if text.startswith(",", words[k][2]) or k == len(words) - 1:
            return True
        k += 1
    return False


def _colon_frame(text: str, words, s_end: int, lex: Lexicon, headline: bool = False) -> Reported | None:
    """`Pat Caddell: Democrat Voters Worried ...`, `WALLACE: Let's start ...`: a name, a colon, what is said."""
    for k in range(min(_MAX_COLON_NAME, len(words))):
        if not is_capitalised(words[k][0]) or bare_word(words[k][0]) in lex.not_names:
            return None
        if text.startswith(":", words[k][2]):
            mention = mention_from_words(text, words[: k + 1], lex)
            if mention is None and k == 0 and words[0][0].isupper() and len(words[0][0]) > 2:
                # `WALLACE: ...` in a transcript: the surname in capitals.
                mention = Mention(words[0][0], words[0][1], words[0][2], name=words[0][0].title())
            span = _clause(text, words[k][2] + 1, s_end, lex)
            if mention is None or mention.name is None or span is None:
                return None
            if k == 0 and not words[0][0].isupper() and not headline:
                # One ordinary word before a colon (`Editor:`, `Foto:`) is a label, not a speaker; in the
                # headline it is who speaks (`Pence: Gennifer Flowers Won't Be at Debate`).
                return None
            return Reported(*span, Cue(":", words[k][2], mention))
    return None


def _according_to(text: str, words, s_end: int, lex: Lexicon, lowered: str) -> Reported | None:
    """`According to X, ...` / `..., according to X.`; ``lowered`` is the whole text in lower case."""
    for prefix in lex.according_to:
        if lowered.find(prefix, words[0][1], s_end) < 0:
            continue
        parts = prefix.split()
        n = len(parts)
        first = parts[0]
        for i in range(len(words) - n + 1):
            # The first word alone rules out most places (without a list built for each).
            if bare_word(words[i][0]) != first or [bare_word(w[0]) for w in words[i : i + n]] != parts:
                continue
            if i and not text[words[i - 1][2] : words[i][1]].strip().startswith(","):
                continue
            # The mention runs to the next comma; the clause is the rest (or, at the end, what came before).
            j = i + n
            k = j
            while k < len(words) and not text.startswith(",", words[k][2]) and k - j < 8:
                k += 1
            if i == 0 and k + 1 < len(words):
                span = _clause(text, words[k][2], s_end, lex)
            elif i > 0:
                span = _clause(text, words[0][1], words[i][1], lex, ahead=False)
            else:
                span = None
            if not span:
                return None
            # The speaker, worked out once there is a clause.
            mention = mention_from_words(text, words[j : k + 1], lex) or _organisation(text, words[j : k + 1])
            return Reported(*span, Cue(" ".join(w[0] for w in words[i : i + n]), words[i][1], mention))
    return None


def _setting_after(text: str, words, v: int, lex: Lexicon) -> int:
    """After a verb, a setting (`at a briefing Monday`, `in his interview`): the index of the complementiser
    that ends it (`... that`), -1 when no clause follows it, 0 when the verb is not followed by a setting."""
    j = v + 1
    while j < len(words) and (bare_word(words[j][0]) in lex.days or bare_word(words[j][0]) in lex.time_words):
        j += 1
    if j > v + 1 and any(bare_word(w[0]) in lex.days for w in words[v + 1 : j]):
        # `said Friday the ...`, `revealed Tuesday the ...`: the day sets the verb; the clause follows it.
        if j < len(words) and bare_word(words[j][0]) not in lex.setting_openers:
            return j
        v = j - 1
    if v + 1 >= len(words) or bare_word(words[v + 1][0]) not in lex.setting_openers:
        return 0
    for k in range(v + 2, min(len(words), v + 2 + _MAX_SETTING_WORDS)):
        if bare_word(words[k][0]) in lex.complementisers:
            return k
        if text.startswith(",", words[k - 1][2]):
            return 0  # `said in a statement, ...`: read as before
    return -1 if len(words) <= v + 1 + _MAX_SETTING_WORDS else 0


def _tail_words(after_verb, rest_words: int, lex: Lexicon, headline: bool = False) -> bool:
    """Whether what follows a verb at a sentence's end only sets it (`said Friday`, `told The Huffington Post on
    Thursday`), so the clause is before it; not an object (`said enough`, `declared bankruptcy`). In a headline
    (`..., Sanders Vows To Eliminate Tax Breaks`) capitals tell nothing."""
    if rest_words > _MAX_TAIL_WORDS:
        return False
    for i, w in enumerate(after_verb):
        bare = bare_word(w[0])
        if not (
            (is_capitalised(w[0]) and not headline)
            or w[0][0].isdigit()
            or bare in lex.setting_openers
            or bare in lex.days
            or bare in lex.months
            or bare in lex.between_subject_and_verb
            or bare in lex.time_words
        ):
            return i > 0 and rest_words <= _MAX_SHORT_TAIL
    return True


def _earlier_subject(text: str, words, v: int, lex: Lexicon) -> Mention | None:
    """The subject of the reporting verb before ``v`` in the sentence (`"...," he said, adding ...`)."""
    for j in range(v - 1, 0, -1):
        if bare_word(words[j][0]) in lex.reported_verbs:
            subject = subject_words(words[:j], lex, text)
            return mention_from_words(text, subject, lex, nearest_last=True) if subject else None
    return None


def _opening_name(text: str, words, lex: Lexicon) -> Mention | None:
    """The name or pronoun a sentence opens with (`Mrs. Clinton has embraced ...`), if it opens with one; after
    a one-word opener (`Chastened, Trump ...`) the name that follows it."""
    for skip in range(2):
        if words and bare_word(words[0][0]) in lex.pronouns:
            return mention_from_words(text, words[:1], lex)
        run = []
        for w in words[:_MAX_OPENING_NAME]:
            if not is_capitalised(w[0]) and bare_word(w[0]) not in NAME_PARTICLES:
                break
            run.append(w)
            if text.startswith(",", w[2]):
                break
        if skip == 0 and len(run) == 1 and text.startswith(",", run[0][2]):
            words = words[1:]
            continue
        mention = mention_from_words(text, run, lex) if run else None
        return mention if mention is not None and (mention.name or mention.pronoun) else None
    return None


def _noun_before(word: str, lex: Lexicon) -> bool:
    """Whether the word before a verb form makes it a noun: a marker (`his remarks`) or a possessive
    (`Obama's remarks`; not `He's claiming`)."""
    bare = bare_word(word)
    if bare in lex.noun_markers:
        return True
    stem = word[:-2].lower()
    return word.endswith(("'s", "\u2019s")) and stem not in lex.not_names and stem not in lex.pronouns


def _between_commas(text: str, words, v: int, subject) -> bool:
    """Whether the words before the verb at ``v`` since the last comma are its subject alone (`, he said,`)."""
    if subject and text[max(0, subject[0][1] - 3) : subject[0][1]].rstrip().endswith(","):
        return True
    k = v
    while k > 0 and v - k < _MAX_INTERRUPTING_SUBJECT and not text.startswith(",", words[k - 1][2]):
        k -= 1
    return 0 < k < v and text.startswith(",", words[k - 1][2])


def _object_then_quotation(text: str, w_end: int, s_end: int) -> bool:
    """Whether a few words after a verb end at a comma or colon and a quotation (`told CBS, "...`)."""
    mark = text.find('"', w_end, s_end)
    if mark < 0:
        return False
    lead = text[w_end:mark].rstrip()
    return lead.endswith((",", ":")) and len(lead.split()) <= _MAX_OBJECT_WORDS


def _participle_cue(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the word at ``at`` is a reporting verb's -ing form (`saying`, `arguing`)."""
    word = WORD.match(text, at)
    if word is None:
        return False
    bare = bare_word(word.group())
    return bare.endswith("ing") and bare in lex.reported_verbs


def _organisation(text: str, words) -> Mention | None:
    """`According to Yahoo News,`: capitalised words up to the comma name who says it, a person or not."""
    if not words or len(words) > _MAX_COLON_NAME or not all(is_capitalised(w[0]) for w in words):
        return None
    name = text[words[0][1] : words[-1][1] + len(strip_word(words[-1][0]))]
    return Mention(name, words[0][1], words[0][1] + len(name), name=name)


# How a word as written can be a reporting verb: not at all, in lower case (`said`, `said.`), or capitalised
# (`Vows`: one only in a headline, never as a sentence's first word).
_NOT_VERB, _LOWER_VERB, _CAPITALISED_VERB = 0, 1, 2
_MAX_VERB_FORMS = 1 << 16
# Per lexicon's reporting verbs, the form of each word met (words repeat within and across articles). Plain
# dicts of strings and ints: the garbage collector does not track them, so their size costs no collection time.
_VERB_FORMS: dict[tuple[frozenset[str], frozenset[str]], dict[str, int]] = {}


def _verb_forms(lex: Lexicon) -> dict[str, int]:
    """The verb forms remembered for the lexicon's verbs; started again when full, so it stays bounded."""
    key = (lex.reported_verbs, lex.nya_cues)
    forms = _VERB_FORMS.get(key)
    if forms is None or len(forms) >= _MAX_VERB_FORMS:
        forms = _VERB_FORMS[key] = {}
    return forms


def _verb_form(word: str, lex: Lexicon) -> int:
    """The verb form of ``word``: one of the three above."""
    verbs = lex.reported_verbs
    if word[0].islower():
        if word not in verbs and word.rstrip(".,'\u2019") not in verbs:
            return _NOT_VERB
        form = _LOWER_VERB
    elif word[0].isupper() and word.lower().rstrip(".,'\u2019") in verbs:
        form = _CAPITALISED_VERB
    else:
        return _NOT_VERB
    bare = bare_word(word)
    return _NOT_VERB if bare not in verbs or bare in lex.nya_cues else form


def _verb_clause(text: str, words, s_end: int, lex: Lexicon, forms: dict[str, int]) -> Reported | None:
    """The first reported clause in a sentence's words, with its cue. ``forms``: ``_verb_forms(lex)``."""
    headline = None  # worked out only when a capitalised verb is met
    for v, (word, w_start, w_end) in enumerate(words):
        form = forms.get(word)
        if form is None:
            form = forms[word] = _verb_form(word, lex)
        if not form:
            continue
        if form == _CAPITALISED_VERB:
            # In a headline (`Sanders Vows To Eliminate Tax Breaks`) verbs are capitalised too; the cue stays
            # as written (`Vows`).
            if not v:
                continue
            if headline is None:
                headline = sum(1 for w in words if w[0][0].isupper()) >= _HEADLINE_SHARE * len(words)
            if not headline:
                continue
        bare = bare_word(word)
        if v and _noun_before(words[v - 1][0], lex):
            # `his latest remarks`, `personal attacks that ...`: a noun; but `Trump's claim that ...` reports.
            if (
                v + 1 < len(words)
                and bare_word(words[v + 1][0]) in lex.complementisers
                and text[w_end : words[v + 1][1]].strip() == ""
            ):
                owner = words[v - 1]
                span = _clause(text, words[v + 1][1], s_end, lex)
                if span and owner[0].endswith(("'s", "\u2019s")):
                    mention = mention_from_words(text, subject_words(words[:v], lex, text), lex, nearest_last=True)
                    return Reported(*span, Cue(strip_word(word), w_start, mention))
            continue
        if v and bare_word(words[v - 1][0]) in lex.passive_auxiliaries and not bare.endswith("ing"):
            continue  # `were admitted`, `is observed`: passive, its subject is not the speaker
        if v and bare_word(words[v - 1][0]) in lex.infinitive_markers:
            continue  # `is to tell the American people that ...`: not said (yet)
        rest = text[w_end:s_end].strip(' ."')
        comma = text.rfind(",", words[0][1], w_start)
        # `..., said Jeffrey N. Trimble, a senior official ...`: a name right after the verb is its subject.
        name_after = (
            v + 1 < len(words)
            and is_capitalised(words[v + 1][0])
            and comma >= 0
            and not [w for w in words[:v] if w[1] > comma]
            and _name_then_pause(text, words, v + 1)
        )
        setting_end = _setting_after(text, words, v, lex)
        after_verb = words[v + 1 : v + 1 + _MAX_TAIL_WORDS + 1]
        tail = (
            not rest
            or name_after
            or setting_end == -1
            # Words counted up to one past the most ``_tail_words`` tells apart.
            or _tail_words(after_verb, len(rest.split(None, _MAX_TAIL_WORDS)), lex, headline=word[0].isupper())
        ) and not text.startswith(",", w_end)
        if tail and comma > words[0][1]:
            if text[max(0, words[0][1] - 3) : words[0][1]].strip(" ,") == '"':
                continue  # `"...," Mr. King, 82, told me`: the cue of a direct quotation
            # `Clause, X said.` / `Clause, said X.`: the clause is what comes before the comma.
            between = [w for w in words[:v] if w[1] > comma]
            span = _clause(text, words[0][1], comma, lex, ahead=False) if len(between) <= 6 else None
            if span:
                # The speaker, worked out once there is a clause.
                mention = (
                    mention_from_words(text, between, lex, nearest_last=True)
                    if between
                    else mention_from_words(text, words[v + 1 : v + 6], lex)
                )
                if mention is not None or not lex.reported_needs_subject:
                    return Reported(*span, Cue(strip_word(word), w_start, mention))
        participle = text[max(0, w_start - 3) : w_start].rstrip().endswith(",") and bare.endswith("ing")
        # `"...," he said, adding he would ...`: a participle after the cue has no subject of its own.
        subject = [] if participle else subject_words(words[:v], lex, text)
        lead_end = subject[0][1] if subject else w_start
        before_subject = text[max(0, lead_end - 4) : lead_end]
        mark = before_subject.rfind('"')
        direct_cue = mark == 0 or (mark > 0 and before_subject[mark - 1] == ",")
        mark_at = lead_end - len(before_subject) + mark
        if direct_cue and ("\n" in before_subject[mark:] or text[mark_at - 1 : mark_at] == "."):
            direct_cue = False  # `...to get us here."\n\nShe said she ...`: a quotation that ended its sentence
        if mark > 0 and before_subject[mark - 1] in "?!":
            # `"...?" she asked` is the quotation's cue; `"...?" Clinton says there ...` reports anew.
            direct_cue = not (v + 1 < len(words) and starts_clause(words[v + 1][0], lex))
        if direct_cue:
            # `"...," she said ...`: the cue of a direct quotation, not a reported clause.
            continue
        joined = bool(v) and not subject and words[v - 1][0].lower() in lex.verb_conjunctions
        if not (participle or joined or subject) and (lex.reported_needs_subject or not v):
            continue  # no subject where one is needed
        opening = text[w_end : w_end + 3].lstrip()
        if opening.startswith('"') and not _words_after_quotation(text, text.index('"', w_end), s_end):
            continue
        after = w_end
        for k in range(v + 1, min(len(words), v + 1 + _MAX_OBJECT_WORDS)):
            if text.startswith(",", w_end):
                break
            if bare_word(words[k][0]) in lex.complementisers:
                after = words[k][1]
                break
            if k > v + 1 and bare_word(words[k][0]) in lex.question_words:
                after = words[k][1]  # `told Breitbart News Daily host Alex Marlow how surprised he is ...`
                break
            if text.startswith(",", words[k][2]):
                # `kepada wartawan, ...`, `in a statement, ...`: a short setting before the clause.
                setting = words[v + 1 : k + 1]
                if len(setting) <= 4 and not any(is_capitalised(w[0]) for w in setting):
                    after = words[k][2]
                break
        if setting_end == -1:
            continue  # `said in his interview.`: a setting and no clause
        if setting_end:
            after = words[setting_end][1]  # `said at an event in Colorado Springs that ...`
        if lex.interrupting_cues and text.startswith(",", w_end) and _between_commas(text, words, v, subject):
            # `The economy, he said, is fine`, `The benefit, it says, would be $300`: the clause runs around its cue.
            after = words[0][1]
        if (after == w_end or text.startswith(",", after)) and _object_then_quotation(text, w_end, s_end):
            # `Mook told CBS, "We're really focused ..."`, `saying during the debate, "That makes me smart,"`: the
            # cue of a direct quotation.
            continue
        span = _clause(text, after, s_end, lex)
        if not span:
            continue
        if text[after : span[0]].strip() == "," and _participle_cue(text, span[0], lex):
            continue  # `mocked the complaint, saying ...`: the object and a comma; the report is the participle's
        # The speaker, worked out once there is a clause.
        if participle or joined:
            # `..., saying ...`: the speaker is the one the sentence is about: its opening name, or its person.
            mention = (
                _earlier_subject(text, words, v, lex)
                or _opening_name(text, words[:v], lex)
                or Mention("", w_start, w_start, pronoun=True)
            )
        else:
            mention = mention_from_words(text, subject, lex, nearest_last=True) if subject else None
            if mention is None and (lex.reported_needs_subject or not v):
                continue
            if mention is None:
                mention = Mention("", w_start, w_start, pronoun=True)
        return Reported(*span, Cue(strip_word(word), w_start, mention))
    return None
