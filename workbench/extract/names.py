"""Reading a mention: the words that point at a person, split into role, honorific and name.

``Ketua Penjaringan DPD Nasdem Bontang Muhammad Sahib`` -> role ``Ketua Penjaringan DPD Nasdem Bontang``,
name ``Muhammad Sahib``; ``Pak Basri Rase`` -> name ``Basri Rase``; ``dia`` -> a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.extract.lexicon import Lexicon

# A word of a mention: a word with letters, a parenthesised aside, or a joining particle inside names.
# Written for speed (same matches as `[^\W\d_](?:[\w'\u2019.]|-(?!-))*`): possessive runs, no per-character
# alternation; nothing follows a word in the pattern, so giving back characters could never change a match.
WORD = re.compile(r"\([^()\n]{1,40}\)|[^\W\d_][\w'\u2019.]*+(?:-(?!-)[\w'\u2019.]*+)*+|\d[\w\-/]*+", re.UNICODE)
# Lower-case particles that may sit inside a person's name.
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "binti", "al", "dos"})
_MAX_NAME_WORDS = 4
# Words after which a capitalised run is a place or body, not a person (`Democrat of California`).
PREPOSITIONS = frozenset({"of", "from", "for", "at", "in", "dari", "di", "ke", "untuk", "pada"})
# How far into the article a word is looked up in lower case (bounded, so long inputs stay linear).
COMMON_WORD_WINDOW = 30000


@dataclass(frozen=True, slots=True)
class Mention:
    """What a cue points at: ``name`` for a person named here, ``pronoun`` when it is ``ia``/``he``/``-nya``."""

    text: str  # as written
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    pronoun: bool = False
    ordinary: bool = False  # described as an ordinary person (warga, sopir...)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# Two initials with their dots before a surname (`G.K. Butterfield`): part of the name, not an acronym.
_DOTTED_INITIALS = re.compile(r"[A-Z]\.[A-Z]\.")


# Words repeat within and across articles, so the per-word answers below are memoised (bounded caches:
# they depend on the word alone, never on the article).
@lru_cache(maxsize=1 << 16)
def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1 << 16)
def has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def strip_word(word: str) -> str:
    return word.rstrip(".'\u2019").removesuffix("'s").removesuffix("\u2019s")


@lru_cache(maxsize=1 << 16)
def bare_word(word: str) -> str:
    """``strip_word(word).lower()``: the form a word is looked up in the lexicon by."""
    return strip_word(word).lower()


# split_mention's answers for the lexicon last asked with (an article's own Lexicon, with its place words):
# (lexicon, {word texts: answer}), replaced as a whole, so a thread reading another article keeps its own pair.
_SPLIT_MEMO: list[tuple[Lexicon | None, dict]] = [(None, {})]
_UNKNOWN = object()


def split_mention(words: list[tuple[str, int, int]], lex: Lexicon) -> tuple[int, int, int] | None:
    """``split_mention_plain``, remembered for the article being read: the answer depends only on the words'
    texts and the lexicon, and runs of words repeat within an article (`Joko Widodo`, `Kepala BNPB`)."""
    memo = _SPLIT_MEMO[0]
    if memo[0] is not lex:
        memo = _SPLIT_MEMO[0] = (lex, {})
    key = tuple([w[0] for w in words])
    answer = memo[1].get(key, _UNKNOWN)
    if answer is _UNKNOWN:
        answer = memo[1][key] = split_mention_plain(words, lex)
    return answer


def split_mention_plain(words: list[tuple[str, int, int]], lex: Lexicon) -> tuple[int, int, int] | None:
    """For a run of words (text, start, end) that ends at a name: indexes (role_start, name_start, name_end).

    The name is the capitalised tail after the last office word, acronym or honorific; the role is what
    comes before it, starting at the first office word.
    """
    end = len(words)
    while end and not words[end - 1][0][:1].isupper():
        end -= 1
    if not end:
        return None
    described = bool(lex.determiners) and bare_word(words[0][0]) in lex.determiners
    if end < len(words) and (described or words[end - 1][0].endswith(("'s", "\u2019s"))):
        # `a Clinton surrogate`, `the Charlotte-Mecklenburg police chief`, `Pyongyang's only ally`: a
        # description of someone, not a name
        return None
    office_words, org_words, place_words = lex.office_words, lex.org_words, lex.place_words
    start = end
    while start > 0:
        word = words[start - 1][0]
        if word.startswith("("):
            break
        bare = bare_word(word)
        if bare in NAME_PARTICLES and start - 1 > 0 and is_capitalised(words[start - 2][0]):
            start -= 1
            continue
        if (
            not word[:1].isupper()
            or bare in office_words
            or bare in lex.honorifics
            or bare in org_words
            or (is_acronym(word) and not (start < end and _DOTTED_INITIALS.fullmatch(word)))
            or has_digit(word)
        ):
            break
        if bare in lex.not_names or bare in lex.ordinary_people:
            if not (start == end and start > 1 and bare_word(words[start - 2][0]) in lex.gender_hints):
                break
            # `Theresa May`: a surname that is also a month or a common word, after a first name
        if bare in place_words and end - start >= 2:
            # `DPD Nasdem Bontang Muhammad Sahib`: a word that follows an acronym elsewhere in the article
            # names a place or party; it ends the role, and the two or more words after it are the name.
            break
        start -= 1
    if 0 < start < end and _continues_place(words, start, place_words, lex):
        # `Provinsi Sulawesi Utara`, `Kalimantan Barat Mohammad Alexander`: the place goes on, the name after it.
        start += 1
        if start == end:
            return None
    if start and start < end and words[start - 1][0].lower() in PREPOSITIONS:
        return None  # `Democrat of California`: a place or body, not a name
    if described and any(w[0].lower() in PREPOSITIONS for w in words[1:start]):
        return None  # `a developer and spokeswoman for the EB-5 Investment Coalition`
    if start == end:
        last = words[end - 1][0]
        if any(w[0].lower() in PREPOSITIONS for w in words[: end - 1]):
            return None  # `chairman of the Congressional Black Caucus PAC`: an organisation's initials
        if is_acronym(last) and bare_word(last) not in lex.org_words and len(strip_word(last)) <= 4:
            before = words[end - 2][0] if end > 1 else ""
            if len(strip_word(last)) == 2 and _plain_name_word(before, lex):
                # `Menko Polhukam Mahfud MD`: two initials after a name word are part of the name.
                return end - 2, end - 2, end
            # `ucap BW`: initials stand for a person the article names in full (an alias).
            return end - 1, end - 1, end
        return None
    start = max(start, end - _MAX_NAME_WORDS)
    # (start < end here: with no place words the name cannot be all places.)
    if place_words and (
        (end - start > 1 and all(bare_word(w[0]) in place_words for w in words[start:end]))
        or (start > 0 and _lone_place(words, start, end, place_words, lex))
    ):
        return None
    if lex.office_takes_complement and any(
        bare_word(w[0]) in office_words or bare_word(w[0]) in org_words for w in words[:start]
    ):
        # `Bupati Sleman Kustini`, `Partai Golkar Bakhtiar Wakkang`: the word after an office or organisation
        # word completes it; a long tail after a role keeps its last two words (`Nasdem Bontang Muhammad Sahib`).
        while end > start:
            before = bare_word(words[start - 1][0]) if start else ""
            if before in lex.name_titles or not (before in office_words or before in org_words):
                break
            if before in org_words and before in lex.not_names:
                break  # `Garuda Indonesia Irfan Setiaputra`, `Satgas Covid-19 Doni Monardo`: a name completes nothing
            if before in place_words and end - start >= 2:
                break  # `Gubernur DKI Jakarta Anies Baswedan`: a place after initials is complete; a name follows
            if is_acronym(words[start - 1][0]):
                break
            start += 1
        if start == end:
            return None  # `Wali Kota Surabaya`: a title with what it heads, and no name
        if _lone_place(words, start, end, place_words, lex):
            return None  # `Dinas Kesehatan Banyuwangi`: the place after what the office heads
        # (A place the lexicon knows, `DKI Jakarta Benni Agus Candra`, ends the role where it stands: the three
        # words after it are the name.)
        before = bare_word(words[start - 1][0]) if start > 0 else ""
        three_after_place = end - start == 3 and (
            bare_word(words[start][0]) in place_words or (before in place_words and before not in lex.not_names)
        )
        if end - start >= 4 or three_after_place:
            start = end - 2
    role_start = start
    for i in range(start):
        if bare_word(words[i][0]) in office_words:
            role_start = i
            break
    return role_start, start, end


def _continues_place(words: list[tuple[str, int, int]], at: int, place_words, lex: Lexicon) -> bool:
    """Whether the word at ``at`` continues the place before it (`Utara` after `Sulawesi`)."""
    before = bare_word(words[at - 1][0])
    return bare_word(words[at][0]) in lex.place_qualifiers and (before in lex.not_names or before in place_words)


def _lone_place(words: list[tuple[str, int, int]], start: int, end: int, place_words, lex: Lexicon) -> bool:
    """A one-word name the article also uses as a place or party (`Kabupaten Banyuwangi`, `DPD Nasdem`), unless
    middle initials stand before it (`Bambang PS Brodjonegoro`, where `PS` only looks like an acronym)."""
    return (
        end - start == 1
        and bare_word(words[start][0]) in place_words
        and not (start > 0 and is_acronym(words[start - 1][0]) and _middle_initials(words, start - 1, lex))
    )


def _middle_initials(words: list[tuple[str, int, int]], at: int, lex: Lexicon) -> bool:
    """Initials between a first name and a surname (`Bambang PS Brodjonegoro`), not an acronym before a place."""
    initials = words[at][0]
    return at > 0 and len(strip_word(initials)) <= 3 and _plain_name_word(words[at - 1][0], lex)


def _plain_name_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word that is no office, organisation, honorific, place or common word, nor initials."""
    bare = bare_word(word)
    return (
        word[:1].isupper()
        and not is_acronym(word)
        and not has_digit(word)
        and bare not in lex.office_words
        and bare not in lex.org_words
        and bare not in lex.honorifics
        and bare not in lex.place_words
        and bare not in lex.not_names
    )


class _SpacedWords:
    """The words written between two spaces in the first ``COMMON_WORD_WINDOW`` characters of a text, as written."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __contains__(self, word: str) -> bool:
        # Two spaces around a word without one are the spaces that split it off as a piece.
        return " " not in word and self.text.find(f" {word} ", 0, COMMON_WORD_WINDOW) >= 0


def spaced_words(text: str) -> _SpacedWords:
    """``w in spaced_words(text)``: whether ``w`` is one of the pieces ``text[:COMMON_WORD_WINDOW].split(" ")[1:-1]``,
    found by a search for it between two spaces. (An article asks about a few words: a search each costs less than
    splitting the text into a set, ~0.5 M instructions per article.)"""
    return _SpacedWords(text)


def clean_name(words: list[str], lex: Lexicon, text: str = "") -> str:
    """Join name words without honorifics and trailing possessive or punctuation. A leading word the
    article also writes in lower case (`Ketergantungan Faisal`, a sub-heading glued on) is a common word,
    unless it is a first name (`Bill Clinton` in an article about a bill)."""
    kept = [*words[:-1], strip_word(words[-1])] if words else []
    while len(kept) > 1:
        first = kept[0].lower()
        if not (
            first.rstrip(".") in lex.honorifics
            or first in lex.not_names
            or (
                text
                and first not in lex.gender_hints  # a first name (`Bill Clinton`, `Mark Burns`) stays
                and first in spaced_words(text)
            )
        ):
            break
        kept = kept[1:]
    return " ".join(kept).strip(" ,;:")


def is_ordinary(role_words: list[str], lex: Lexicon) -> bool:
    return any(bare_word(w) in lex.ordinary_people for w in role_words)


def word_alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` as a prefix tree (`(?:kata|ucap)`, shared prefixes written once)."""
    tree: dict = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(c) + branch(node[c]) for c in sorted(node) if c]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return branch(tree) if words else "(?!)"
