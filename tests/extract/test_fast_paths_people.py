"""Fast paths in finding people against the plain forms they replace: the same people, mentions and positions."""

from __future__ import annotations

import bisect
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import names, people
from workbench.extract.lexicon import LEXICON
from workbench.extract.names import PREPOSITIONS, WORD, bare_word, clean_name, split_mention

# Names in the forms they take (possessive, with a title, an honorific, initials, inside a hyphenated or an
# apostrophised word, in capitals), words that lead or follow them, and characters at their edges.
PIECES = [
    "Joko Widodo", "Widodo", "Jokowi", "Basri Rase", "Pak", "pak", "Bu", "Mr.", "Mrs.", "Ms.", "Dr.", "H.", "Sen.",
    "Hillary Clinton", "Clinton's", "Clinton\u2019s", "CLINTON", "McDonald", "O'Brien", "Brien", "Jean-Brien",
    "Jean--Brien", "Kepala BNPB", "Ketua DPD Nasdem Bontang", "Donald Trump", "Trump", "Barack Obama", "Sahib",
    "juru bicara", "ketua", "kepala", "menurut", "according to", "spokesman", "governor", "senator", "kata",
    "mengatakan", "said", "says", "di", "of", "dan", "and", "bin", "de", "(NasDem)", "(45)", "warga", "yang",
    "--", "-", "_", "'", "\u2019", "'s", ".", ",", ":", '"', "(", ")", "\u0130", "\u0130brahim", "\u212a", "\u00e9",
    "x", "a", "A", "B", "45", " ", " ", " ", "\t", "\n",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=40
).map("".join)

SENTENCES = [
    "",
    "Kepala BNPB Doni Monardo mengatakan, juru bicara Basri Rase dan Chusnul Dhihin hadir. Menurut Pak Basri, ia",
    "Mr. Trump and Mrs. Clinton's N.Y.U. speech; O'Brien, Jean-Pierre Brien and Pierre met \u0130brahim Brien.",
    "said Hillary Clinton, the Democrat of California. According to Sen. Warren, spokesman Josh Earnest said",
    "x--Trump -Trump 'Trump Trump's Trump\u2019s TRUMP Trumpet aTrump _Trump Trump_x Trump-Pence",
]


# --- Capitalised words of known people: the searches per token against the scan over every capitalised word. ---


def _plain_capitalised_words(text: str, tokens: set[str]) -> list[tuple[int, str]]:
    words = ((m.start(), people._bare_token(m.group())) for m in people._CAPITALISED.finditer(text))
    return [(at, token) for at, token in words if token in tokens]


def _tokens_to_look_for(text: str, seed: int) -> set[str]:
    # Some of the text's own capitalised words (as tokens), some pieces of them, and a few that are not there.
    words = sorted({people._bare_token(m.group()) for m in people._CAPITALISED.finditer(text)})
    chosen = random.Random(seed).sample(words, len(words) // 2)
    return set(chosen) | {w[:3] for w in chosen} | {"brien", "trump", "o", "x", "a"}


def _assert_capitalised_words_like_plain(text: str, seed: int = 0) -> None:
    tokens = _tokens_to_look_for(text, seed)
    assert people._capitalised_words(text, tokens) == _plain_capitalised_words(text, tokens)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(0, 9))
def test_capitalised_words_match_the_plain_scan(text, seed):
    _assert_capitalised_words_like_plain(text, seed)


def test_capitalised_words_on_edge_cases_and_real_articles(dev_texts):
    for text in SENTENCES + dev_texts:
        _assert_capitalised_words_like_plain(text)


# --- Lead-mark words within a window: the windowed scan against the positions of the whole text. ---


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(-45, 200), st.integers(0, 60))
def test_word_positions_in_a_window_are_those_of_the_whole_text(text, start, width):
    for lex in LEXICON.values():
        wanted = people._lead_mark_words(lex)
        everywhere = people._word_positions(text, wanted)
        end = max(0, start) + width
        assert people._word_positions(text, wanted, start, end) == [p for p in everywhere if start <= p < end]


# --- discover: the run scan with the lead read only where it could count, against reading it wherever a lead-mark
# word is near. ---


PLAIN_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


def _plain_discover(text: str, found: people.People, outside, speech_verbs, unquoted=None) -> None:
    lex = found.lex
    for name, at in people._aged_names(text):
        if outside(at) and name.split()[0].lower() not in lex.not_names:
            found.add(name)
    leading = people._leading_words(lex)
    given = people._given_names(lex)
    lead_marks = people._word_positions(text, people._lead_mark_words(lex))
    headline_end = people._title_case_first_line_end(text, lex)
    for match in people._RUN.finditer(text):
        start, end = match.span()
        nxt = PLAIN_NEXT_WORD.match(text, end) if text.startswith((" ", "\t"), end) else None
        cue_next = bool(nxt) and nxt.group(1) in speech_verbs
        run = match.group()
        has_office = people._names_office(run, leading)
        full_name = " " in run and people._has_given_name(run, given)
        lead_words: list[str] = []
        k = bisect.bisect_left(lead_marks, start)
        if k and lead_marks[k - 1] >= start - 40 and text[start - 1] in " \t":
            for w in reversed(text[max(0, start - 40) : start].split()[-3:]):
                if not w.islower():
                    break
                lead_words.insert(0, w)
        elif not (has_office or cue_next or full_name):
            continue
        after_preposition = bool(lead_words) and lead_words[-1] in PREPOSITIONS
        lead_office = people._office_lead(lead_words, lex) and not after_preposition
        cue_next = cue_next and not after_preposition
        menurut = bool(lead_words) and " ".join(lead_words).endswith(lex.according_to)
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
                words = words[: k + 1]
                possessive = True
                break
        if start < headline_end and not (possessive or has_office or lead_office or cue_next or menurut):
            continue
        parts = split_mention(words, lex)
        if parts is None:
            continue
        role_start, name_start, name_end = parts
        name_words = [w[0] for w in words[name_start:name_end]]
        while len(name_words) > 1 and bare_word(name_words[0]) in lex.not_names:
            name_words = name_words[1:]
        if full_name and not (has_office or lead_office or cue_next or menurut):
            name_words = people._from_given_name(name_words, given, text)
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
        found.add(name, role)
        joined = people._AND_NAME.match(text, end)
        if joined:
            joined_words = joined.group(1).split()
            bare = {bare_word(w) for w in joined_words}
            if bare.isdisjoint(lex.not_names) and bare.isdisjoint(lex.office_words):
                found.add(clean_name(joined_words, lex, text), role)


def _state(found: people.People) -> list:
    return [(r.name, r.tokens, r.roles, r.aliases, r.gender) for r in found.records]


def _assert_discover_like_plain(text: str) -> None:
    quoted = [(i, i + 30) for i in range(0, len(text), 90)]  # some stretches count as quotes

    def outside(at: int) -> bool:
        return not any(a <= at < b for a, b in quoted)

    def unquoted(at: int) -> bool:
        return not any(a <= at < b for a, b in quoted[::2])

    for lex in LEXICON.values():
        fast, plain = people.People(lex), people.People(lex)
        people.discover(text, fast, outside, lex.speech_verbs, unquoted)
        _plain_discover(text, plain, outside, lex.speech_verbs, unquoted)
        assert _state(fast) == _state(plain)
        fast.index_mentions(text, outside)
        _PlainPeople.index_mentions(plain, text, outside)
        assert fast._mentions == plain._mentions
        assert _state(fast) == _state(plain)


class _PlainPeople(people.People):
    def index_mentions(self, text: str, outside) -> None:
        mentions: list[tuple[int, int]] = []
        by_token, not_names, office_words = self._by_token, self.lex.not_names, self.lex.office_words
        for match in people._CAPITALISED.finditer(text):
            token = people._bare_token(match.group())
            owners = by_token.get(token)
            if not owners or token in not_names or token in office_words:
                continue
            at = match.start()
            if not outside(at):
                continue
            if len(owners) == 1:
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


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_discover_and_mentions_match_the_plain_forms(text):
    _assert_discover_like_plain(text)


def test_discover_and_mentions_on_edge_cases_and_real_articles(dev_texts):
    for text in SENTENCES + dev_texts:
        _assert_discover_like_plain(text)


def test_run_kinds_are_the_plain_answers():
    for lex in LEXICON.values():
        kinds = people._run_kinds(lex)
        leading, given = people._leading_words(lex), people._given_names(lex)
        for run in ["Jakarta", "Kepala BNPB", "Mr. Trump", "Hillary Clinton", "But Hillary Clinton", "Hillary", "Pak"]:
            assert kinds(run) == (people._names_office(run, leading), people._has_given_name(run, given))


# --- The run and the word after it in one match, against the run and a second match at its end. ---


def _assert_run_then_word_like_plain(text: str) -> None:
    fast = [(m.span(), m.group(1)) for m in people._RUN_THEN_WORD.finditer(text)]
    plain = []
    for match in people._RUN.finditer(text):
        nxt = PLAIN_NEXT_WORD.match(text, match.end())
        plain.append((match.span(), nxt.group(1) if nxt else None))
    assert fast == plain


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_run_then_word_matches_the_plain_form(text):
    _assert_run_then_word_like_plain(text)


def test_run_then_word_on_edge_cases_and_real_articles(dev_texts):
    for text in SENTENCES + dev_texts:
        _assert_run_then_word_like_plain(text)


# --- Lower-case words before a position: the unrolled reading against the loop over the last three words. ---


def _plain_lower_words_before(text: str, at: int) -> list[str]:
    words = text[max(0, at - 40) : at].rsplit(None, 3)[-3:]
    k = len(words)
    while k and words[k - 1].islower():
        k -= 1
    return words[k:]


def _assert_lower_words_before_like_plain(text: str) -> None:
    for at in range(len(text) + 1):
        assert people._lower_words_before(text, at) == _plain_lower_words_before(text, at)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_lower_words_before_match_the_plain_form(text):
    _assert_lower_words_before_like_plain(text)


def test_lower_words_before_on_edge_cases_and_real_articles(dev_texts):
    for text in SENTENCES + ["   ", "a  b c d e", "A b c", "a B c", "a b C"]:
        _assert_lower_words_before_like_plain(text)
    for text in dev_texts:
        for match in people._RUN.finditer(text):
            at = match.start()
            assert people._lower_words_before(text, at) == _plain_lower_words_before(text, at)


# --- Capitals after an honorific: searched from the space before them where the text has no tab. ---


def _assert_honorific_capitals_like_plain(text: str) -> None:
    for lex in LEXICON.values():
        plain = [m.start() for m in people._HONORIFIC_CAPITAL[id(lex.honorifics)].finditer(text)]
        assert list(people._honorific_capitals(text, lex)) == plain


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_honorific_capitals_match_the_plain_scan(text):
    _assert_honorific_capitals_like_plain(text)


def test_honorific_capitals_on_edge_cases_and_real_articles(dev_texts):
    texts = ["Pak Basri, pak  Basri, Bu. Ani, Pak\tBasri, Mr. Trump", "Pak Basri Pak  Basri\tPak Basri"]
    for text in texts + SENTENCES + dev_texts:
        _assert_honorific_capitals_like_plain(text)
        _assert_honorific_capitals_like_plain(text.replace("\t", " "))


# --- Words between two spaces: a search per word asked about, against the set of the pieces between spaces. ---


def _assert_spaced_words_like_plain(text: str, words: list[str]) -> None:
    pieces = frozenset(text[: names.COMMON_WORD_WINDOW].split(" ")[1:-1])
    spaced = names.spaced_words(text)
    for word in words:
        assert (word in spaced) == (word in pieces)


SPACED_PIECES = ["ketua", "Ketua", "bill", "x", "", " ", "  ", "\t", "\n", ",", ".", "\u00e9", "\u0130"]
SPACED_TEXTS = st.lists(st.sampled_from(SPACED_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(SPACED_TEXTS, st.lists(SPACED_TEXTS, max_size=5))
def test_spaced_words_match_the_plain_set(text, words):
    _assert_spaced_words_like_plain(text, words)


def test_spaced_words_on_edge_cases_and_real_articles(dev_texts):
    long = "x" * (names.COMMON_WORD_WINDOW - 4) + " bill " + " ketua "
    _assert_spaced_words_like_plain(long, ["bill", "ketua", "x"])
    for text in SENTENCES + dev_texts:
        words = text.split() + text.split(" ") + ["said Hillary", "", "Clinton", "clinton"]
        _assert_spaced_words_like_plain(text, words)


# --- Aliases: the nickname patterns tried only where a word they need stands, against trying them always. ---


class _PlainAliasPeople(people.People):
    def learn_aliases(self, text: str) -> None:
        for match in people._BRACKET_ALIAS.finditer(text):
            i = bisect.bisect_left(self._positions, match.start())
            if not i:
                continue
            position, index = self._mentions[i - 1]
            between = text[position : match.start()].split()
            if 0 < len(between) <= people._MAX_NAME_TOKENS and all(w[:1].isupper() for w in between):
                if self.find(match.group(1)) is None:
                    self.add_alias(index, match.group(1))
        if "akrab" not in text and "biasa di" not in text and "known as" not in text:
            return
        for pattern in (people._NICKNAME_AFTER, people._NICKNAME_BEFORE):
            for match in pattern.finditer(text):
                alias = match.group(1) or (match.group(2) if match.lastindex and match.lastindex > 1 else None)
                if not alias or alias.lower() in self.lex.not_names:
                    continue
                index = self.current(match.start())
                if index is not None and self.find(alias) is None:
                    self.add_alias(index, alias)


NICKNAME_PIECES = ["Bakhtiar Wakkang", "(BW)", "BW", "Ucok", "Kepala BNPB Doni Monardo", "mengatakan", "--", ",",
                   "\u2014", "sapaan", "panggilan", "akrab", "akrabnya", "biasa", "kerap", "disapa", "dipanggil", "di",
                   "sapa", "panggil", "also known as", "known as", "Budi", " ", " ", " ", "\n", "."]  # fmt: skip


def _assert_aliases_like_plain(text: str) -> None:
    def outside(at: int) -> bool:
        return True

    for lex in LEXICON.values():
        found = []
        for cls in (people.People, _PlainAliasPeople):
            crowd = cls(lex)
            people.discover(text, crowd, outside, lex.speech_verbs)
            crowd.index_mentions(text, outside)
            crowd.learn_aliases(text)
            found.append(_state(crowd))
        assert found[0] == found[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NICKNAME_PIECES), max_size=30).map(" ".join))
def test_aliases_match_the_plain_form(text):
    _assert_aliases_like_plain(text)


def test_aliases_on_edge_cases_and_real_articles(dev_texts):
    texts = ["Kepala BNPB Doni Monardo mengatakan. Ucok--sapaan akrabnya--hadir. Ia akrab disapa Doni.",
             "Bakhtiar Wakkang (BW) mengatakan, BW biasa dipanggil Ucok, also known as Wakkang."]  # fmt: skip
    for text in texts + SENTENCES + dev_texts:
        _assert_aliases_like_plain(text)
