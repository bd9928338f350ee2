"""Who the article names: one record per person, with aliases and roles, and where each is mentioned.

A short form (`Parwati`, `Lynch`) joins the fuller name whose words cover it; an alias (`BW--sapaan
akrabnya--`, `Bakhtiar Wakkang (BW)`) joins the person it is given for. ``current(at)`` answers "who
is the article talking about at this point", which is how `-nya`, `ia`, `he` and `she` are resolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from workbench.extract.lexicon import LEXICON, Lexicon
from workbench.extract.models import Person
from workbench.extract.names import (
    PREPOSITIONS,
    WORD,
    bare_word,
    clean_name,
    spaced_words,
    split_mention,
    word_alternation,
)

# `\b[A-Z](?:[\w'\u2019]|-(?!-))*`, written so that the scan jumps from capital to capital: the word boundary is
# checked after the first letter (a lookbehind), and the rest is possessive runs instead of a per-character choice.
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w'\u2019]*+(?:-(?!-)[\w'\u2019]*+)*+")
# `Bakhtiar Wakkang (BW)`: an acronym in brackets right after a name is its alias.
_BRACKET_ALIAS = re.compile(r"\(([A-Z]{2,6})\)")
# `BW--sapaan akrabnya--`, `yang akrab disapa BW`, `biasa dipanggil Ucok`: an alias for the current person.
_NICKNAME_AFTER = re.compile(r"\b([A-Z][\w]{1,20})\s*(?:--|\u2014|\u2013|,)\s*(?:sapaan|panggilan)\s+akrab", re.UNICODE)
_NICKNAME_BEFORE = re.compile(
    r"(?:akrab|biasa|kerap)\s+(?:di)?(?:sapa|panggil|disapa|dipanggil)\s+([A-Z][\w]{1,20})|also known as ([A-Z][\w]+)",
    re.UNICODE,
)
# Each with the words it cannot match without (`sapaan akrab`; `disapa`, `dipanggil`, `also known as`).
_NICKNAME_PATTERNS = (
    (_NICKNAME_AFTER, ("sapaan", "panggilan")),
    (_NICKNAME_BEFORE, ("sapa", "panggil", "also known as")),
)
_MIN_PREFIX = 4
_MAX_NAME_TOKENS = 4
# `(45)`: an age in brackets; the name is looked for right before it.
_AGE = re.compile(r"\((\d{1,2})\)")
_NAME_BEFORE_AGE = re.compile(r"([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){0,2})[ \t]*$")
_ANTECEDENT_LOOKBACK = 40
# How far back (characters) a pronoun prefers the subject of a sentence to a person named later in it.
_SUBJECT_REACH = 600
_AND_NAME = re.compile(r"[ \t]+(?:dan|and)[ \t]+([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){1,2})\b")
# Words right after an acronym or a place word (`DPRD Bontang`, `DPP Nasdem`, `Kabupaten Sleman`) name
# places and parties.
# Same matches as `\b(?:[A-Z]{2,6}|Kabupaten|...)[ \t]+([A-Z][a-z][\w\-]*)`, with the first capital factored out
# (and the word boundary checked after it) so that the regex engine scans from capital to capital; each place word
# is its letters after the capital, then the capital checked (a lookbehind), so most are passed over at a letter.
_AFTER_ACRONYM = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:[A-Z]{1,5}+|"
    + "|".join(f"{h[1:]}(?<={h})" for h in sorted({h for lex in LEXICON.values() for h in lex.place_heads}))
    + r")[ \t]++([A-Z][a-z][\w\-]*+)"
)


def place_words(text: str) -> frozenset[str]:
    return frozenset(map(str.lower, _AFTER_ACRONYM.findall(text)))


@dataclass
class _Record:
    name: str
    tokens: tuple[str, ...]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None  # "m", "f", "" when unknown; worked out on first use


_CLAUSE_MARKS = '.!?\n",'
# A name (with initials and a bracketed aside: `Stephen Lynch (D-Mass.)`) and the character after it.
_NAME_THEN = re.compile(
    r"[A-Z](?:\.|[\w'\u2019\-]*)(?:[ \t]+[A-Z](?:\.|[\w'\u2019\-]*))*(?:[ \t]+\([^()\n]{1,30}\))?[ \t]*(\S)"
)
# A full stop that ends an abbreviation or an initial (`Mr.`, `Sen.`, `F.`), not a sentence.
_ABBREVIATION_DOT = re.compile(r"(?:^|[^\w.])[A-Z][a-z]{0,2}\.$")


def _opens_clause(
    text: str, at: int, titles: frozenset[str] = frozenset(), verbs: frozenset[str] = frozenset()
) -> bool:
    """A mention within the first three words of its sentence or clause: likely its subject. With ``titles``
    (and ``verbs``, speech verbs), titles before a name are skipped and an apposition is told apart."""
    lead = text[max(0, at - 40) : at]
    cut = max(map(lead.rfind, _CLAUSE_MARKS))
    while (
        cut > 0
        and (
            lead[cut] == "."
            and _ABBREVIATION_DOT.search(lead, 0, cut + 1)  # `the voice of Mr. Tribe`
            # `"a demand" of Obama`: marks around words inside a clause (not `...," said Sanders`)
            or lead[cut] == '"'
            and lead[cut - 1].isalnum()
            and lead[cut + 1 :].lstrip()[:1].islower()
        )
    ):
        cut = max(lead.rfind(c, 0, cut) for c in _CLAUSE_MARKS)
    if cut < 0 and at > 40:
        return False
    words = lead[cut + 1 :].split()
    if len(words) <= 2 and not (titles and cut >= 0 and lead[cut] == ","):
        return True
    if not titles:
        return False
    if cut >= 0 and lead[cut] == ",":
        # After a comma, a name set off by a comma or a full stop is an apposition (`his wife, Democratic
        # presidential nominee Hillary Clinton, over ...`), unless a speech verb leads to it (`..., noted NBC's
        # Dante Chinni.`); one followed by its verb is a subject (`Following initial reports, Republican
        # presidential nominee Donald Trump said`).
        after = _NAME_THEN.match(text, at)
        if after is not None and after.group(1) in ",.;" and not any(w.lower() in verbs for w in words):
            return False
    # At the start of a sentence, titles and capitalised words before a name do not count (`White House
    # spokesman Josh Earnest`, `PolitiFact Executive Director Aaron Sharockman`).
    return sum(1 for w in words if _bare_token(w) not in titles and not w[:1].isupper()) <= 1


@lru_cache(maxsize=1 << 16)
def _bare_token(word: str) -> str:
    """A capitalised word as a name token: lower case, without a final dot or possessive."""
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")


@lru_cache(maxsize=1 << 16)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t.lower().strip(".,") for t in name.split() if t.strip(".,"))


_PRONOUN_CHAIN = 4
_PRONOUN_OPENINGS: dict[str, re.Pattern[str]] = {}


def _pronoun_opening(pronoun: str) -> re.Pattern[str]:
    """A sentence that opens with ``pronoun`` (any case), the pronoun as group 1; built once per pronoun."""
    key = pronoun.lower()
    if key not in _PRONOUN_OPENINGS:
        _PRONOUN_OPENINGS[key] = re.compile(
            r"(?:[.!?][\"'\u201d\u2019]?[ \t]+|\n[ \t]*)(" + re.escape(key) + r")\b", re.IGNORECASE
        )
    return _PRONOUN_OPENINGS[key]


# Characters that are not word characters but can stand inside a capitalised word (`O'Brien`, `Jean-Pierre`).
_INSIDE_WORD = "'\u2019-"


def _capitalised_words(text: str, tokens: set[str]) -> list[tuple[int, str]]:
    """(position, token) of the matches of ``_CAPITALISED`` whose ``_bare_token`` is one of ``tokens``, in text
    order. Read only at the capitals the tokens can start with (a token's first letter is that of a capital, lower
    case), found by a fast search each, not by a scan over every capitalised word; and there only where the letter
    after the capital, lower case, goes on like a token (a letter can lower-case to two: `İ`), or where a token is
    one letter."""
    following: dict[str, set[str] | None] = {}  # capital -> second letters of its tokens; None: any
    for t in tokens:
        if "a" <= t[0] <= "z":
            capital = t[0].upper()
            if len(t) == 1:
                following[capital] = None
            elif following.get(capital, ()) is not None:
                following.setdefault(capital, set()).update((t[1:2], t[1:3]))
    found = []
    for capital, second in following.items():
        at = text.find(capital)
        while at >= 0:
            if second is None or text[at + 1 : at + 2].lower() in second:
                match = _CAPITALISED.match(text, at)
                if match is not None:
                    token = _bare_token(match.group())
                    if token in tokens and (not at or text[at - 1] not in _INSIDE_WORD or _scan_starts_at(text, at)):
                        found.append((at, token))
            at = text.find(capital, at + 1)
    found.sort()
    return found


def _scan_starts_at(text: str, at: int) -> bool:
    """Whether a match of ``_CAPITALISED.finditer(text)`` starts at ``at``, and not inside a word a match took from
    further back: scanned from the start of the word characters, dashes and apostrophes that ``at`` stands in."""
    start = at
    while start and (text[start - 1] in _INSIDE_WORD or text[start - 1] == "_" or text[start - 1].isalnum()):
        start -= 1
    return any(m.start() == at for m in _CAPITALISED.finditer(text, start, at + 1))


def _covers(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Every word of ``short`` is a word of ``long``, exactly or by a prefix of 4+ letters (`Sofyan Edi`)."""
    for s in short:
        if s in long:
            continue
        if len(s) >= _MIN_PREFIX and any(t.startswith(s) or s.startswith(t) for t in long if len(t) >= _MIN_PREFIX):
            continue
        return False
    return True


class People:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.records: list[_Record] = []
        self._by_token: dict[str, list[int]] = {}
        self._by_prefix: dict[str, set[int]] = {}  # first 4 letters of every token a record has had -> records
        self._mentions: list[tuple[int, int]] = []  # (position, record index), sorted once built
        self._positions: list[int] = []
        self._text = ""  # the article, for telling which mentions open a clause (read lazily)
        self.alias_count = 0  # aliases added so far (``learn_aliases`` says whether it added one)

    # --- building -------------------------------------------------------------------------------
    def add(self, name: str, role: str | None = None, alias: str | None = None) -> int:
        """The index of the person called ``name``, creating or widening a record as needed."""
        tokens = _tokens(name)
        found = self._find(tokens)
        if found is None:
            found = len(self.records)
            self.records.append(_Record(name, tokens))
            for t in tokens:
                self._by_token.setdefault(t, []).append(found)
            self._index_prefixes(found)
        else:
            record = self.records[found]
            if len(tokens) > len(record.tokens) and _covers(tokens, record.tokens):
                record.name, record.tokens = name, tokens
                for t in tokens:
                    if found not in self._by_token.setdefault(t, []):
                        self._by_token[t].append(found)
                self._index_prefixes(found)
        record = self.records[found]
        if role and role not in record.roles:
            record.roles.append(role)
        if alias:
            self.add_alias(found, alias)
        return found

    def _index_prefixes(self, index: int) -> None:
        """File a record under the first letters of its tokens, when it is created or its name widened."""
        for t in self.records[index].tokens:
            if len(t) >= _MIN_PREFIX:
                self._by_prefix.setdefault(t[:_MIN_PREFIX], set()).add(index)

    def add_alias(self, index: int, alias: str) -> None:
        record = self.records[index]
        if alias != record.name and alias not in record.aliases:
            record.aliases.append(alias)
            self.alias_count += 1
        for t in _tokens(alias):
            if index not in self._by_token.setdefault(t, []):
                self._by_token[t].append(index)

    def _find(self, tokens: tuple[str, ...]) -> int | None:
        if not tokens:
            return None
        candidates = {i for t in tokens for i in self._by_token.get(t, ())}
        if not candidates:
            prefix = [t for t in tokens if len(t) >= _MIN_PREFIX]
            if not prefix:
                return None
            # A record covers a 4+ letter token it lacks only with a 4+ letter token of the same first 4 letters.
            near = {i for t in prefix for i in self._by_prefix.get(t[:_MIN_PREFIX], ())}
            candidates = {i for i in near if any(_covers(self.records[i].tokens, (t,)) for t in prefix)}
        best = None
        for i in sorted(candidates):
            record = self.records[i]
            if (
                _covers(record.tokens, tokens)
                or _covers(tokens, record.tokens)
                or set(tokens) <= {t for a in record.aliases for t in _tokens(a)}
            ):
                if best is None or len(record.tokens) > len(self.records[best].tokens):
                    best = i
        return best

    def find(self, name: str) -> int | None:
        return self._find(_tokens(name))

    def learn_aliases(self, text: str) -> bool:
        """Aliases the text gives: `Name (BW)`, `BW--sapaan akrabnya--`, `akrab disapa BW`. Whether any was
        new."""
        known = self.alias_count
        for match in _BRACKET_ALIAS.finditer(text):
            # Only right after a person's name (`Bakhtiar Wakkang (BW)`), not after an organisation's.
            i = bisect.bisect_left(self._positions, match.start())
            if not i:
                continue
            position, index = self._mentions[i - 1]
            between = text[position : match.start()].split()
            if 0 < len(between) <= _MAX_NAME_TOKENS and all(w[:1].isupper() for w in between):
                if self.find(match.group(1)) is None:
                    self.add_alias(index, match.group(1))
        if "akrab" not in text and "biasa di" not in text and "known as" not in text:
            return self.alias_count != known
        for pattern, needs in _NICKNAME_PATTERNS:
            # (Only where a word the pattern needs stands: `_NICKNAME_AFTER` has no literal to look for first, so
            # the regex engine tries it at every character.)
            if not any(w in text for w in needs):
                continue
            for match in pattern.finditer(text):
                alias = match.group(1) or (match.group(2) if match.lastindex and match.lastindex > 1 else None)
                if not alias or alias.lower() in self.lex.not_names:
                    continue
                person = self.current(match.start())
                if person is not None and self.find(alias) is None:
                    self.add_alias(person, alias)
        return self.alias_count != known

    # --- mentions ---------------------------------------------------------------------------------
    def index_mentions(self, text: str, outside) -> None:
        """Record every place a known person is named, outside quotations (``outside(pos)`` says so)."""
        mentions: list[tuple[int, int]] = []
        by_token, not_names, office_words = self._by_token, self.lex.not_names, self.lex.office_words
        tokens = by_token.keys() - not_names - office_words
        for at, token in _capitalised_words(text, tokens):
            if not outside(at):
                continue
            owners = by_token[token]
            if len(owners) == 1:
                if at >= 2 and text[at - 2 : at] == ". ":  # (each hint ends with `. `: most mentions have none)
                    before = text[max(0, at - 5) : at].lower()
                    for hint in ("mrs. ", "ms. ", "mr. "):
                        if before.endswith(hint):
                            self.records[owners[0]].gender = self.lex.gender_hints.get(hint.strip(" ."))
                mentions.append((at, owners[-1]))
            else:
                mentions.append((at, self._nearest(owners, mentions)))
        self._mentions = mentions
        self._positions = [p for p, _ in mentions]
        self._text = text

    def _nearest(self, owners: list[int], mentions: list[tuple[int, int]]) -> int:
        for _, index in reversed(mentions):
            if index in owners:
                return index
        return owners[-1]

    def note(self, position: int, index: int) -> None:
        """A mention found by other means (a cue site); kept in order."""
        at = bisect.bisect_left(self._positions, position)
        self._positions.insert(at, position)
        self._mentions.insert(at, (position, index))

    def current(self, at: int) -> int | None:
        """The person named most recently before ``at``."""
        i = bisect.bisect_left(self._positions, at)
        return self._mentions[i - 1][1] if i else None

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """(position, person) of the mentions in text[start:end], in order."""
        i = bisect.bisect_left(self._positions, start)
        j = bisect.bisect_left(self._positions, end, i)
        return self._mentions[i:j]

    def current_subject(self, at: int) -> int | None:
        """The person most recently named as the subject of a sentence before ``at`` (what `ia`, `he`,
        `dia` usually point at), or else the one named most recently."""
        i = bisect.bisect_left(self._positions, at)
        for position, index in reversed(self._mentions[:i]):
            if _opens_clause(self._text, position):
                return index
        return self.current(at)

    def antecedent(self, at: int, pronoun: str, depth: int = 0) -> int | None:
        """The person a pronoun at ``at`` stands for: one named before it who can be a person (not initials of
        an organisation) and whose gender, when known, fits the pronoun; where the lexicon says pronouns
        follow the subject, the latest such person who opens a sentence or clause nearby, or the one that
        sentences opening with the same pronoun nearby stand for (`Lynch said. She has faced ... She said
        ...`), else the latest."""
        wanted = self.lex.pronoun_gender.get(pronoun.lower())
        i = bisect.bisect_left(self._positions, at)
        latest = None
        for position, index in reversed(self._mentions[max(0, i - _ANTECEDENT_LOOKBACK) : i]):
            record = self.records[index]
            if " " not in record.name and record.name.isupper():
                continue
            if wanted and self.gender(index) not in (None, wanted):
                continue
            if latest is None:
                latest = index
            if not self.lex.pronoun_follows_subject or at - position > _SUBJECT_REACH:
                break
            if _opens_clause(self._text, position, _leading_words(self.lex), self.lex.speech_verbs):
                return index
        if self.lex.pronoun_follows_subject and pronoun and depth < _PRONOUN_CHAIN:
            # The earliest sentence within reach that opens with the same pronoun continues the chain.
            earlier = _pronoun_opening(pronoun).search(self._text, max(0, at - _SUBJECT_REACH), at)
            if earlier is not None and earlier.start(1) < at:
                chained = self.antecedent(earlier.start(1), pronoun, depth + 1)
                if chained is not None:
                    return chained
        return latest

    def gender(self, index: int) -> str | None:
        record = self.records[index]
        if record.gender is None:
            hints = self.lex.gender_hints
            # The first word of a name or alias tells (`Hillary`, `Mrs.`), not a surname (`Rakeyia Scott`).
            firsts = [record.tokens[:1]] + [_tokens(a)[:1] for a in record.aliases]
            for word in (t for first in firsts for t in first):
                if word in hints:
                    record.gender = hints[word]
                    break
            else:
                record.gender = ""
        return record.gender or None

    # --- output -----------------------------------------------------------------------------------
    def name(self, index: int) -> str:
        return self.records[index].name

    def roles(self, index: int) -> list[str]:
        return self.records[index].roles

    def to_people(self, first: list[int | None] | None = None) -> tuple[Person, ...]:
        """Everyone, ``first`` (speakers, then follow-up targets) leading, the rest in order of mention."""
        order = list(dict.fromkeys([i for i in (first or []) if i is not None] + list(range(len(self.records)))))
        return tuple(
            Person(self.records[i].name, tuple(self.records[i].aliases), tuple(self.records[i].roles)) for i in order
        )


# A run of capitalised words, with name particles and bracketed asides inside (`Partai Nasional Demokrat
# (NasDem) Bontang`); lower-case office words before it are picked up by the caller.
_RUN_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Prof")
# `(?:(?:[A-Z]|Mr|Mrs|...)\.|[A-Z](?:[\w'\u2019]|-(?!-))*)` with its first capital factored out, so the regex
# engine scans for a capital before trying anything, and the abbreviations tried only before a dot 1-3 letters on
# (same matches, several times faster).
_RUN_WORD = (
    r"[A-Z](?:\.|(?=[a-z]{1,3}\.)(?:"
    + "|".join(f"(?<={a[0]}){a[1:]}" for a in _RUN_ABBREVIATIONS)
    + r")\.|[\w'\u2019]*+(?:-(?!-)[\w'\u2019]*+)*+)"
)
# Possessive throughout: nothing after a word, a particle or an aside can start anything else the run could take.
_RUN = re.compile(
    _RUN_WORD + r"(?:[ \t]++(?:(?:de|van|von|bin|binti|al)[ \t]++)?+(?:\([^()\n]{1,30}\)[ \t]++)?+" + _RUN_WORD + r")*+"
)
# A run, with the lower-case letters that open the word after it as group 1 (`[ \t]+([a-z]+)` matched at its end),
# or None: read by a lookahead that always succeeds, so the runs are the same and no second match is tried per run.
_RUN_THEN_WORD = re.compile(_RUN.pattern + r"(?=[ \t]+([a-z]+)|)")


_HEADLINE_MIN_WORDS = 4


def _title_case_first_line_end(text: str, lex: Lexicon) -> int:
    """Where the first line ends when it is a headline in title case (every word capitalised but the small joining
    words: `Donald Trump Invokes Rigged Election Again at Rally`), else 0 (`Donald Trump met Hillary Clinton in
    Ohio.` is a sentence)."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    pieces = text[:end].split()
    if len(pieces) < _HEADLINE_MIN_WORDS:
        return 0
    for piece in pieces:
        word = piece.strip("\"'\u2018\u2019\u201c\u201d(")
        if word[:1].islower() and bare_word(word) not in lex.title_joiners and bare_word(word) not in lex.prepositions:
            return 0
    return end


def discover(text: str, people: People, outside, speech_verbs: frozenset[str], unquoted=None) -> None:
    """Register the people the narrative names: after an office word (`Kepala BNPB Doni Monardo`), before a
    speech verb (`Yusri mengatakan`), after `Menurut`, with an honorific (`Pak Basri`), or by a first name and a
    surname (`Donald Trump`). ``outside(pos)`` says a position is outside every quote; a name found by its first
    name alone may also stand in a reported clause (``unquoted(pos)``: outside the direct quotes)."""
    lex = people.lex
    for name, at in _aged_names(text):
        if outside(at) and name.split()[0].lower() not in lex.not_names:
            people.add(name)
    given = _given_names(lex)
    kinds = _run_kinds(lex)
    lead_marks, office_words = _lead_mark_words(lex), lex.office_words
    headline_end = _title_case_first_line_end(text, lex)
    for match in _RUN_THEN_WORD.finditer(text):
        start, end = match.span()
        run, next_word = match.group(0, 1)
        cue_next = next_word is not None and next_word in speech_verbs  # (`[a-z]+`: lower case already)
        has_office, full_name = kinds(run)
        # Lower-case words right before the run (`juru bicara X`, `menurut X`) lead it when a lead-mark word
        # stands within 40 characters before it; that is looked for (a short scan) only where the lead could
        # make the run count.
        lead_words: list[str] = []
        menurut = False
        if start and text[start - 1] in " \t":
            lead_words = _lower_words_before(text, start)
            # (`menurut` is joined and compared only where the other reasons to read the lead all fail.)
            if (
                lead_words
                and (
                    has_office
                    or cue_next
                    or full_name
                    or not office_words.isdisjoint(lead_words)
                    or _ends_according_to(lead_words, lex)
                )
                and _word_positions(text, lead_marks, start - 40, start)
            ):
                menurut = _ends_according_to(lead_words, lex)
            else:
                lead_words = []
        if not (has_office or cue_next or full_name or lead_words):
            continue
        after_preposition = bool(lead_words) and lead_words[-1] in PREPOSITIONS
        lead_office = _office_lead(lead_words, lex) and not after_preposition
        cue_next = cue_next and not after_preposition
        if not (has_office or lead_office or cue_next or menurut or full_name):
            continue
        if not outside(start) and not (
            full_name and unquoted is not None and unquoted(start) and not (has_office or lead_office or cue_next)
        ):
            continue
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]
        possessive = False
        for k, w in enumerate(words[:-1]):
            if w[0].endswith(("'s", "\u2019s")):
                words = words[: k + 1]  # `Mrs. Clinton's N.Y.U. speech`: the name ends at the possessive
                possessive = True
                break
        if start < headline_end and not (possessive or has_office or lead_office or cue_next or menurut):
            # `Hillary Clinton Speaks 'Directly To White People'`: every word of a headline is capitalised, so the
            # name's end is known only at a possessive (`Hillary Clinton's Health`).
            continue
        parts = split_mention(words, lex)
        if parts is None:
            continue
        role_start, name_start, name_end = parts
        name_words = [w[0] for w in words[name_start:name_end]]
        while len(name_words) > 1 and bare_word(name_words[0]) in lex.not_names:
            name_words = name_words[1:]
        if full_name and not (has_office or lead_office or cue_next or menurut):
            name_words = _from_given_name(name_words, given, text)
        first = bare_word(name_words[0])
        if first in lex.not_names or first in lex.org_words or first in lex.pronouns:
            continue
        name = clean_name(name_words, lex, text)
        role = None
        if role_start < name_start:
            role = text[words[role_start][1] : words[name_start - 1][2]].strip(" ,")
        elif name_start == 0 and lead_office:
            first_office = next(i for i, w in enumerate(lead_words) if w in lex.office_words)
            role = " ".join(lead_words[first_office:])
        people.add(name, role)
        # `bakal calon Basri Rase dan Chusnul Dhihin`: a coordinated name shares the role.
        joined = _AND_NAME.match(text, end)
        if joined:
            joined_words = joined.group(1).split()
            bare = {bare_word(w) for w in joined_words}
            # (`dan Dirjen Pemberdayaan Sosial Edi Suharto`: a second role, with a name of its own, shares nothing.)
            if bare.isdisjoint(lex.not_names) and bare.isdisjoint(lex.office_words):
                people.add(clean_name(joined_words, lex, text), role)


def by_role(people: People, role: str, before: int) -> int | None:
    """The person a bare title points at (`kata Presiden`): the latest one mentioned whose role ends with it."""
    wanted = role.lower()
    holders = {
        i
        for i, r in enumerate(people.records)
        if any(x.lower().endswith(wanted) or x.lower().startswith(wanted) for x in r.roles)
    }
    if not holders:
        return None
    # `kata Presiden`: the one whose role is exactly that, not the `Wakil Presiden` named since.
    exact = {i for i in holders if any(x.lower() == wanted for x in people.records[i].roles)}
    holders = exact or holders
    i = bisect.bisect_left(people._positions, before)
    for _, index in reversed(people._mentions[:i]):
        if index in holders:
            return index
    return min(holders)


class _LeftmostOf:
    """The matches of the alternation of ``patterns`` (``finditer``), from one literal-first pattern each (a fast
    literal search). The patterns must open with different letters: at most one of them matches at a position."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.patterns = patterns

    def finditer(self, text: str):
        patterns = self.patterns
        heads = [p.search(text) for p in patterns]
        while True:
            first = None
            for head in heads:
                if head is not None and (first is None or head.start() < first.start()):
                    first = head
            if first is None:
                return
            yield first
            end = first.end()
            heads = [
                h if h is None or h.start() >= end else p.search(text, end)
                for h, p in zip(heads, patterns, strict=True)
            ]


# `... sebagai Sekretaris DPD Nasdem Bontang`: a role given to the person the sentence is about.
# (`\b(?:sebagai|as)`: each word searched for as a literal, the boundary checked behind it.)
_AS_ROLE_NAME = r"[ \t]+((?:[a-z]+[ \t]+){0,2}[A-Z][\w\-]*(?:[ \t][A-Z][\w\-()]*){0,5})"
_AS_ROLE = _LeftmostOf(re.compile(r"sebagai(?<!\wsebagai)" + _AS_ROLE_NAME), re.compile(r"as(?<!\was)" + _AS_ROLE_NAME))
# `mantan DPRD Bontang 2019-2024 ini ...`: a role phrase with a demonstrative stands for the current person.
# Found by its word (each word searched for as a literal, the blank checked behind it).
_DEMONSTRATIVE = _LeftmostOf(re.compile(r"ini(?<=[ \t]ini)\b"), re.compile(r"tersebut(?<=[ \t]tersebut)\b"))
# `bakal calon yang ... ialah Nasrullah`: a role, a relative clause, then the name after a copula.
# (`[ \t](?:ialah|adalah)`: each word searched for as a literal, the blank checked behind it; the blank starts
# the match one character before the match found.)
_COPULA_NAME = r"[ \t]+([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){0,2})"
_COPULA = _LeftmostOf(
    re.compile(r"ialah(?<=[ \t]ialah)" + _COPULA_NAME), re.compile(r"adalah(?<=[ \t]adalah)" + _COPULA_NAME)
)


def _office_tail(words: list[str], lex: Lexicon) -> str | None:
    """The words from the first office word on, when there is one."""
    for i, w in enumerate(words):
        if w.lower() in lex.office_words:
            return " ".join(words[i:])
    return None


def learn_roles(text: str, people: People, outside) -> None:
    """Roles the narrative gives without a name next to them, and names given after a copula."""
    lex = people.lex
    given: list[tuple[int, int, str]] = []  # (position, person, role), applied in text order
    for match in _COPULA.finditer(text) if "alah" in text else ():  # `ialah`, `adalah`
        at = match.start() - 1  # the blank before the word
        window = text[max(0, at - 110) : at]
        cut = window.rfind(" yang ")
        before = window[:cut].split()[-3:] if cut > 0 and not any(c in window[cut:] for c in '.\n"') else []
        role = _office_tail([w for w in before if w.islower()], lex)
        if role and outside(match.start(1)) and match.group(1).split()[0].lower() not in lex.not_names:
            people.note(match.start(1), people.add(match.group(1), role))
    for match in _AS_ROLE.finditer(text):
        role = _office_tail(match.group(1).split(), lex)
        if role is None:
            continue
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, match.start(1), match.end(1))]
        if split_mention(words, lex) is not None or not outside(match.start()):
            continue
        index = people.current_subject(match.start())
        if index is not None:
            given.append((match.start(), index, role.rstrip(".")))
    for match in _DEMONSTRATIVE.finditer(text) if "ini" in text or "tersebut" in text else ():
        at = match.start() - 1  # the blanks before the word: `[ \t]+(?:ini|tersebut)\b` started there
        while at and text[at - 1] in " \t":
            at -= 1
        window = text[max(0, at - 60) : at]
        lead = window[max(map(window.rfind, '.,;:\n"')) + 1 :].split()
        if not lead or lead[0].lower() not in lex.office_words:
            continue
        role = _office_tail(lead, lex)
        if role is None or lead[0].lower() not in lex.office_words or not outside(at):
            continue
        index = people.current_subject(at)
        if index is not None:
            given.append((at, index, role))
    for _, index, role in sorted(given):
        if role not in people.records[index].roles:
            people.records[index].roles.append(role)


def _honorific_pattern(lex: Lexicon) -> re.Pattern[str]:
    forms = sorted({h.capitalize() for h in lex.honorifics} | set(lex.honorifics), key=len, reverse=True)
    # `(?<![\w.])(?:Pak|...)`, the lookbehind moved after each form's first letter so the scan skips to one.
    return re.compile(
        r"(?:"
        + "|".join(re.escape(f[0]) + r"(?<![\w.]" + re.escape(f[0]) + ")" + re.escape(f[1:]) for f in forms)
        + r")\.?[ \t]+"
        r"([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){0,2})"
    )


def _honorific_capital(lex: Lexicon) -> re.Pattern[str]:
    """The capital a name after an honorific opens with: after a form and one blank (fixed-width lookbehinds, one
    per form length), or after two blanks (the form further back is checked by hand). Capital to capital, the
    cheap tests first: a lower-case letter after the capital, and two before it a letter a form ends with, a dot
    or a blank."""
    forms = sorted({h.capitalize() for h in lex.honorifics} | set(lex.honorifics), key=len, reverse=True)
    assert all(f.isascii() and f.isalpha() for f in forms)
    by_length: dict[int, list[str]] = {}
    for f in forms:
        by_length.setdefault(len(f), []).append(re.escape(f))
    plain = "|".join(r"(?<=(?<![\w.])(?:" + "|".join(fs) + r")[ \t][A-Z])" for fs in by_length.values())
    dotted = "|".join(r"(?<=(?<![\w.])(?:" + "|".join(fs) + r")\.[ \t][A-Z])" for fs in by_length.values())
    last_letters = "".join(sorted({f[-1] for f in forms}))
    return re.compile(
        r"[A-Z](?=[a-z])(?:(?<=[ \t][ \t][A-Z])|(?<=["
        + last_letters
        + r"][ \t][A-Z])(?:"
        + plain
        + r")|(?<=["
        + last_letters
        + r"]\.[ \t][A-Z])(?:"
        + dotted
        + r"))"
    )


def honorific_matches(text: str, lex: Lexicon):
    """The matches of ``_HONORIFIC_NAME[id(lex.honorifics)].finditer(text)``, found from the capitals after an
    honorific: the pattern is tried only where its form starts (blanks, a dot and letters back from the capital)."""
    full = _HONORIFIC_NAME[id(lex.honorifics)]
    last_end = 0
    for at in _honorific_capitals(text, lex):
        if at < last_end:
            continue
        i = at
        while i and text[i - 1] in " \t":
            i -= 1
        if i and text[i - 1] == ".":
            i -= 1
        start = i
        while start and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        if start == i or start < last_end:
            continue
        match = full.match(text, start)
        if match is not None:
            last_end = match.end()
            yield match


def _honorific_capitals(text: str, lex: Lexicon):
    """The positions of the matches of ``_HONORIFIC_CAPITAL[id(lex.honorifics)]``. Each such capital follows a
    blank; in a text without a tab, a space: there the scan searches for a space (a literal, a fast search) and
    reads the capital after it, instead of trying every capital."""
    if "\t" in text:
        return (m.start() for m in _HONORIFIC_CAPITAL[id(lex.honorifics)].finditer(text))
    return (m.start() + 1 for m in _HONORIFIC_SPACE_CAPITAL[id(lex.honorifics)].finditer(text))


def honorific_aliases(text: str, people: People) -> None:
    """`Pak Basri Rase`, `pak Nasrullah`: a known person named with an honorific; the form is an alias."""
    for match in honorific_matches(text, people.lex):
        index = people.find(match.group(1))
        if index is not None:
            people.add_alias(index, match.group(0))


_HONORIFIC_NAME = {id(lex.honorifics): _honorific_pattern(lex) for lex in LEXICON.values()}
_HONORIFIC_CAPITAL = {id(lex.honorifics): _honorific_capital(lex) for lex in LEXICON.values()}
# The same, from the space before the capital.
_HONORIFIC_SPACE_CAPITAL = {key: re.compile(" " + capital.pattern) for key, capital in _HONORIFIC_CAPITAL.items()}


_LOWER_LETTERS = re.compile(r"[a-z]+")


def _lower_words_before(text: str, at: int) -> list[str]:
    """The lower-case words (up to three, as split on blanks) that end the 40 characters before ``at``."""
    # (Unrolled: the last three words checked from the end, no loop and no slice of the words before them.)
    words = text[at - 40 if at > 40 else 0 : at].rsplit(None, 3)
    if not words or not words[-1].islower():
        return []
    if len(words) == 1 or not words[-2].islower():
        return words[-1:]
    if len(words) == 2 or not words[-3].islower():
        return words[-2:]
    return words[-3:]


def _ends_according_to(lead_words: list[str], lex: Lexicon) -> bool:
    """Whether lower-case words before a name end with a `menurut`-like frame (`menurut`, `according to`)."""
    return " ".join(lead_words).endswith(lex.according_to)


def _office_lead(lead_words: list[str], lex: Lexicon) -> bool:
    """Lower-case words before a name that are its role (`bakal calon perseorangan`, `juru bicara`): an
    office word, then no preposition, function word or word for ordinary people (`khusus untuk warga`)."""
    for i, w in enumerate(lead_words):
        if w in lex.office_words:
            rest = lead_words[i + 1 :]
            return not any(r in PREPOSITIONS or r in lex.not_names or r in lex.ordinary_people for r in rest)
    return False


_LEADING_WORDS: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}


def _leading_words(lex: Lexicon) -> frozenset[str]:
    """Office words and honorifics (one set per lexicon, built once)."""
    key = (lex.office_words, lex.honorifics)
    if key not in _LEADING_WORDS:
        _LEADING_WORDS[key] = lex.office_words | lex.honorifics
    return _LEADING_WORDS[key]


def _names_office(run: str, leading: frozenset[str]) -> bool:
    """Whether a run of capitalised words holds an office word or honorific (`Kepala BNPB`, `Mr.`)."""
    return not leading.isdisjoint(run.lower().replace(".", " ").split())


_GIVEN_NAMES: dict[int, frozenset[str]] = {}


def _given_names(lex: Lexicon) -> frozenset[str]:
    """First names among the gender hints (`hillary`, `donald`), without the honorifics (one set per lexicon)."""
    key = id(lex.gender_hints)
    if key not in _GIVEN_NAMES:
        _GIVEN_NAMES[key] = frozenset(lex.gender_hints) - lex.honorifics - {"mister", "madam"}
    return _GIVEN_NAMES[key]


def _has_given_name(run: str, given: frozenset[str]) -> bool:
    """Whether a run of capitalised words holds a first name followed by another name word (`But Hillary
    Clinton`): a person the narrative names in full, with or without a title or a speech verb."""
    if not given:
        return False
    words = run.split()
    return any(w.lower() in given and words[k + 1][:1].isupper() for k, w in enumerate(words[:-1]))


_RUN_KINDS: dict[tuple[frozenset[str], frozenset[str]], Callable[[str], tuple[bool, bool]]] = {}


def _run_kinds(lex: Lexicon) -> Callable[[str], tuple[bool, bool]]:
    """For a run of capitalised words: (``_names_office``, ``_has_given_name``) with the lexicon's words. Runs
    repeat (`Jakarta`, `Trump`), so the answers are memoised per run, in one memo per lexicon (built once)."""
    leading, given = _leading_words(lex), _given_names(lex)
    key = (leading, given)
    if key not in _RUN_KINDS:

        @lru_cache(maxsize=1 << 16)
        def kinds(run: str) -> tuple[bool, bool]:
            # (Most runs are one word: only longer ones are looked up for a first name.)
            return _names_office(run, leading), " " in run and _has_given_name(run, given)

        _RUN_KINDS[key] = kinds
    return _RUN_KINDS[key]


def _from_given_name(words: list[str], given: frozenset[str], text: str) -> list[str]:
    """A name found by its first name alone: from the first name on (`Activist Angela Davis`, `New Mitt
    Romney`), without trailing words the article also writes in lower case (`Barack Obama Election Day`,
    `Hillary Clinton Speaks`), keeping a first name and a surname at least."""
    for k, w in enumerate(words[:-1]):
        if w.lower() in given:
            words = words[k:]
            break
    while len(words) > 2 and words[-1].lower() in spaced_words(text):
        words = words[:-1]
    return words


_LEAD_MARK_WORDS: dict[tuple[frozenset[str], tuple[str, ...]], frozenset[str]] = {}


def _lead_mark_words(lex: Lexicon) -> frozenset[str]:
    """Lower-case words that can lead a name: office words and the last word of `menurut`-like frames."""
    key = (lex.office_words, lex.according_to)
    if key not in _LEAD_MARK_WORDS:
        _LEAD_MARK_WORDS[key] = lex.office_words | {p.split()[-1] for p in lex.according_to}
    return _LEAD_MARK_WORDS[key]


def _word_positions(text: str, wanted: frozenset[str] | set[str], start: int = 0, end: int | None = None) -> list[int]:
    """Sorted start positions (from ``start`` up to ``end``) of the words of ``wanted`` that occur in lower case as
    whole words (no letter right before or after them). Only words of plain letters a-z are looked for."""
    after_mark, at_start, reach = _word_patterns(frozenset(wanted))
    start = max(0, start)
    end = len(text) if end is None else end
    positions = []
    if not start and end:
        first = at_start.match(text)
        if first and (first.end() == len(text) or not text[first.end()].isalpha()):
            positions.append(0)
    # A word that starts before ``end`` ends, with the character after it, within ``reach`` characters of it.
    for match in after_mark.finditer(text, max(0, start - 1), end + reach):
        # The pattern's boundaries are ASCII (`[^a-zA-Z]`); letters beyond ASCII are told apart here.
        at, after = match.start(1), match.end()
        if at >= end:
            break
        if not text[at - 1].isalpha() and (after == len(text) or not text[after].isalpha()):
            positions.append(at)
    return positions


_WORD_PATTERNS: dict[frozenset[str], tuple[re.Pattern[str], re.Pattern[str], int]] = {}


def _word_patterns(wanted: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str], int]:
    """For ``_word_positions``, built once per word list: the words after a character that is not an ASCII
    letter (a superset of "not a letter", checked exactly by the caller), at the start of the text, and the
    length of the longest word plus one."""
    if wanted not in _WORD_PATTERNS:
        words = sorted(w for w in wanted if _LOWER_LETTERS.fullmatch(w))
        alternation = word_alternation(words)
        _WORD_PATTERNS[wanted] = (
            re.compile(r"[^a-zA-Z](" + alternation + r")(?![a-zA-Z])"),
            re.compile(alternation + r"(?![a-zA-Z])"),
            max(map(len, words), default=0) + 1,
        )
    return _WORD_PATTERNS[wanted]


def _aged_names(text: str):
    """(name, position) of each `Name (45)` in the text."""
    for match in _AGE.finditer(text):
        name = _NAME_BEFORE_AGE.search(text, max(0, match.start() - 50), match.start())
        if name:
            yield name.group(1), name.start(1)


def private_people(text: str, people: People) -> set[int]:
    """People the article presents as private individuals: given an age in brackets, or described only
    with words for ordinary people (warga, sopir, pedagang...)."""
    private = set()
    for name, _ in _aged_names(text):
        index = people.find(name)
        if index is not None:
            private.add(index)
    ordinary, office_words = people.lex.ordinary_people, people.lex.office_words
    for index, record in enumerate(people.records):
        if not record.roles:
            continue  # (no role words: neither kind)
        words = [w.lower() for role in record.roles for w in role.split()]
        if not ordinary.isdisjoint(words) and office_words.isdisjoint(words):
            private.add(index)
    return private
