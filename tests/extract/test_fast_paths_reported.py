"""Fast paths in reported speech and cues against the plain forms they replace: the same matches, the same results."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import casing, cues, reported
from workbench.extract.lexicon import LEXICON
from workbench.extract.names import WORD, bare_word, word_alternation

# The plain forms of the sentence patterns that reported.py and cues.py write to open with one character class.
BOUNDARY_PLAIN = r"[.!?](?:\"(?=\s)|(?=[\s\"]|[A-Z]))|\n"
SENTENCE_END_BEFORE_PLAIN = r"[.!?]\s+|\n|\""

# Verbs in the forms a word can take (capitalised, in capitals, with a stop, an apostrophe, a possessive, next to a
# hyphen or an underscore), their subjects and clauses, and characters at their edges.
PIECES = [
    "said", "Said", "SAID", "says", "told", "Vows", "warned", "saying", "kata", "Kata", "katanya", "mengatakan",
    "menurut", "Menurut", "according to", "According", "he", "He", "ia", "Ia", "she", "that", "bahwa", "Clinton",
    "Joko Widodo", "Mr.", "the", "and", "budget", "would", "rise", "his remarks", "were", "to", "Friday", "in",
    "--", "-", "_", "\u2014", "\u2014 ", "'", "'s", "\u2019", "\u2019s", ".", ",", ":", ";", '"', "(", ")", "?", "!",
    " ", " ", " ",
    "\t", "\n", "\r\n", "\u0130", "\u212a", "\u017f", "\u00e9", "\u00b2", "45", "A", "a",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=40
).map("".join)

SENTENCES = [
    "",
    " ",
    "\n",
    "\r\n",
    '"',
    "He said the budget would rise.",
    "He --said the budget would rise.",
    "He said--the budget would rise--and more.",
    "The budget would rise, Clinton said.",
    "The budget would rise, said Clinton.",
    "Sanders Vows To Eliminate Tax Breaks For The Rich, Report Says",
    "He SAID the budget would rise.",
    "He said. The budget would rise, she said\u2019 and then he told reporters that it would.",
    "He said's the budget would rise.",
    "\u0130stanbul: He said the budget would rise, and she warned that taxes would too.",
    "\u0130 said the budget would rise.",
    'He said "the budget" would rise, and he warned that "taxes" would too.',
    '"The budget will rise," he said, adding that taxes would too.',
    "Ketua DPD Nasdem Joko Widodo mengatakan, partainya siap menghadapi pemilu tahun depan.\r\n",
    "Menurut Joko Widodo, partainya siap menghadapi pemilu tahun depan.",
    "Partainya siap menghadapi pemilu, kata Joko Widodo kepada wartawan.",
    "Partainya siap menghadapi pemilu--kata Joko--tahun depan.",
    "Mrs. Clinton has embraced the plan, saying it would help families.",
    "The economy, he said, is fine and getting better.",
]


def _plain_blank_asides(text: str) -> str:
    return reported._ASIDE.sub(lambda m: " " * len(m.group()), text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_blank_asides_matches_the_plain_substitution(text):
    assert reported._blank_asides(text) == _plain_blank_asides(text)


@pytest.mark.parametrize(
    "text", SENTENCES + ["\n".join(SENTENCES), "a --b-- c --- d -- e--f", "x\u2014y\u2014\u2014z\u2014"]
)
def test_blank_asides_matches_the_plain_substitution_in_real_sentences(text):
    assert reported._blank_asides(text) == _plain_blank_asides(text)


def _spans(pattern, text: str, start: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start)]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(0, 200))
def test_sentence_boundaries_match_the_plain_pattern(text, start):
    plain = re.compile(BOUNDARY_PLAIN)
    assert _spans(reported._BOUNDARY, text) == _spans(plain, text)
    start = min(start, len(text))
    assert _spans(reported._BOUNDARY, text, start) == _spans(plain, text, start)
    fast, slow = reported._BOUNDARY.search(text, start), plain.search(text, start)
    assert (fast and (fast.span(), fast.group())) == (slow and (slow.span(), slow.group()))


@pytest.mark.parametrize("text", SENTENCES + ["\n".join(SENTENCES), 'He said. "Yes." No!\nWhy?A', '."\n.\r\n?"x'])
def test_sentence_boundaries_match_the_plain_pattern_in_real_sentences(text):
    assert _spans(reported._BOUNDARY, text) == _spans(re.compile(BOUNDARY_PLAIN), text)


# --- cues: the sentence a cue before a quotation is looked for in. ---


def _plain_sentence_start_before(lead: str) -> int:
    start = 0
    for m in re.finditer(SENTENCE_END_BEFORE_PLAIN, lead):
        word_before = (lead[: m.start() + 1].split() or [""])[-1]
        if m.group().startswith(".") and cues._ABBREVIATION.match(word_before):
            continue
        start = m.end()
    return start


CUE_LEADS = SENTENCES + [
    'Mr. Clinton said: "',
    "He met Sen. Warren. Then Dr. Smith told reporters, ",
    "A. B. said\n",
    "\u0130. said. x ",
    "In the U.S. and D.C. he said ",
    ".\u00a0.\u2003Mr.",
]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_sentence_start_before_matches_the_plain_loop(lead):
    assert cues._sentence_start_before(lead) == _plain_sentence_start_before(lead)


@pytest.mark.parametrize("lead", CUE_LEADS)
def test_sentence_start_before_matches_the_plain_loop_in_real_leads(lead):
    assert cues._sentence_start_before(lead) == _plain_sentence_start_before(lead)


def _plain_cue_after_words(text: str, close_at: int, stop: int) -> list:
    sentence = []
    for m in WORD.finditer(text, close_at + 1, stop):
        w = (m.group(), m.start(), m.end())
        sentence.append(w)
        if cues._ends_sentence(w[0]) or len(sentence) >= 40:
            break
    return sentence


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_cues_match_the_plain_helpers(text):
    # The checks `cue_after` and `_segments` now make inline agree with the helpers they replace.
    for close_at in [i for i, c in enumerate(text) if c == '"'] + [-1]:
        words = _plain_cue_after_words(text, close_at, len(text))
        for lex in LEXICON.values():
            plain_verbs = [w for w in words if cues._is_verb(w[0], lex)]
            bare = [w for w in words if bare_word(w[0]) in lex.speech_verbs or bare_word(w[0]) in lex.nya_cues]
            assert plain_verbs == bare
        inline_ends = [w[0][-1] in ".!?" and not cues._ABBREVIATION.match(w[0]) for w in words]
        assert inline_ends == [cues._ends_sentence(w[0]) for w in words]
        commas = [w for w in words if text.startswith(",", w[2]) or text.startswith(" ,", w[2])]
        assert commas == [w for w in words if cues._comma_after(text, w)]
        for lex in LEXICON.values():
            cues.cue_after(text, close_at, lex)
            if close_at >= 0:
                cues.cue_before(text, close_at, lex)


# --- The transcript lines (`WALLACE: ...`) among the cue positions. ---

COLON_TEXTS = st.lists(
    st.sampled_from(
        ["WALLACE", "Pat Caddell", "Mr. Smith", "He", "said", ":", ": ", "\n", "\r\n", " ", "\t", '"', "x"]
    ),
    max_size=30,
).map("".join)


def _plain_name_colon_ends(text: str) -> list[int]:
    return [m.end() - 1 for m in reported._NAME_COLON_AFTER_NEWLINE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(COLON_TEXTS | TEXTS)
def test_name_colon_ends_match_the_plain_scan(text):
    assert reported._name_colon_ends(text) == _plain_name_colon_ends(text)


@pytest.mark.parametrize(
    "text",
    CUE_LEADS + ["\n".join(SENTENCES), "A: b\nWALLACE: Let's\n\"PENCE: Well\nx: y: z\n:\n\nB:", "WALLACE: x\nNo colon"],
)
def test_name_colon_ends_match_the_plain_scan_in_real_texts(text):
    assert reported._name_colon_ends(text) == _plain_name_colon_ends(text)


def _assert_name_colon_openings_like_the_pattern(text: str, positions) -> None:
    for at in positions:
        fast, plain = reported._opens_with_name_colon(text, at), reported._NAME_COLON.match(text, at)
        assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=500, deadline=None)
@given(COLON_TEXTS | TEXTS)
def test_name_colon_openings_match_the_pattern(text):
    _assert_name_colon_openings_like_the_pattern(text, range(len(text) + 1))


def test_name_colon_openings_match_the_pattern_on_real_articles(dev_texts):
    for text in dev_texts:
        # Line starts, where reported_speech looks for one.
        _assert_name_colon_openings_like_the_pattern(text, [0] + [i + 1 for i, c in enumerate(text) if c == "\n"])


# --- reported: the verb form of a word, remembered per word. ---


def _plain_verb_form(word: str, lex, first: bool) -> str | None:
    """How ``_verb_clause`` read a word before the forms were remembered: a lower-case verb, a capitalised one
    (a verb in a headline, not as a sentence's first word), or None."""
    verbs = lex.reported_verbs
    if word[0].islower():
        if word not in verbs and word.rstrip(".,'\u2019") not in verbs:
            return None
        form = "lower"
    elif not first and word[0].isupper() and word.lower().rstrip(".,'\u2019") in verbs:
        form = "capitalised"
    else:
        return None
    bare = bare_word(word)
    return None if bare not in verbs or bare in lex.nya_cues else form


def _assert_verb_forms_like_plain(text: str) -> None:
    names = {reported._NOT_VERB: None, reported._LOWER_VERB: "lower", reported._CAPITALISED_VERB: "capitalised"}
    for lex in LEXICON.values():
        for m in WORD.finditer(text):
            form = names[reported._verb_form(m.group(), lex)]
            assert _plain_verb_form(m.group(), lex, first=True) == (None if form == "capitalised" else form)
            assert _plain_verb_form(m.group(), lex, first=False) == form


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_verb_forms_match_the_plain_reading(text):
    _assert_verb_forms_like_plain(text)


@pytest.mark.parametrize("text", SENTENCES + ["Said SAID Says said.' Kata KATA katanya Menurut Vows. vows'"])
def test_verb_forms_match_the_plain_reading_in_real_sentences(text):
    _assert_verb_forms_like_plain(text)


# --- reported: sentence ends after abbreviations, and the clause breaks looked for only where they can be. ---


def _plain_after_abbreviation(text: str, dot: int, months=()) -> bool:
    if text[dot] != ".":
        return False
    following = reported._NEXT_CHAR.match(text, dot + 1)
    if following and following.group(1).islower():
        return True
    word = reported._WORD_BEFORE.search(text, max(0, dot - 6), dot)
    return bool(word) and (
        len(word.group(1)) == 1
        and word.group(1).isupper()
        or word.group(1).lower() in reported._ABBREVIATIONS
        or word.group(1).lower() in months
    )


def _assert_abbreviations_like_plain(text: str) -> None:
    for lex in LEXICON.values():
        months = reported._short_months(lex.months)
        for dot in range(len(text)):
            assert reported._after_abbreviation(text, dot, months) == _plain_after_abbreviation(text, dot, months)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_after_abbreviation_matches_the_plain_reading(text):
    _assert_abbreviations_like_plain(text)


@pytest.mark.parametrize("text", CUE_LEADS + ["Sept. 11 and Jan. 6, A. B. and a.m. x. Prof. Y", "\u0130. \u00e9."])
def test_after_abbreviation_matches_the_plain_reading_in_real_sentences(text):
    _assert_abbreviations_like_plain(text)


BREAK_PIECES = PIECES + [
    " and ",
    " but ",
    " dan ",
    " serta ",
    ", although",
    ", but ",
    ", tetapi",
    "; ",
    " -- ",
    " \u2015 ",
    ',"',
    ", though",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BREAK_PIECES), max_size=30).map("".join))
def test_clause_breaks_hold_the_characters_looked_for(text):
    # A clause where the pattern finds none of those characters holds no break, plain or after a closing mark.
    # The conjunctions are found by one pattern as by a test of each in turn.
    lowered = text.lower()
    for lex in LEXICON.values():
        breaks, break_chars, conjunction = reported._break_marks(lex)
        if break_chars.search(lowered) is None:
            assert not any(mark in lowered or (quoted and quoted in lowered) for mark, quoted in breaks)
        conjoined = any(f" {c} " in lowered for c in lex.verb_conjunctions)
        assert (conjunction.search(lowered) is not None) == conjoined


def _plain_joins(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The verb and name join patterns as first written (opening with an alternation)."""
    verbs = word_alternation(sorted(w for w in lex.reported_verbs if reported._LETTERS.fullmatch(w)))
    conjunctions = word_alternation(sorted(lex.verb_conjunctions))
    adverbs = word_alternation(sorted(lex.between_subject_and_verb))
    pronouns = word_alternation(sorted(lex.pronouns))
    return (
        re.compile(
            rf"(?:,?\s+(?:{conjunctions})(?:\s+(?:{pronouns}))?|,)\s+(?:(?:{adverbs})\s+)?(?:{verbs})(?![^\W_]|-)"
        ),
        re.compile(
            rf",?\s+(?:{conjunctions})\s+(?:[A-Z][\w.'\u2019-]*\s+){{1,3}}(?:(?:{adverbs})\s+)*(?:{verbs})(?![^\W_]|-)"
        ),
    )


def _match_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Every position a match of ``pattern`` starts at (overlapping ones too)."""
    starts = []
    found = pattern.search(text)
    while found:
        starts.append(found.start())
        found = pattern.search(text, found.start() + 1)
    return starts


def _assert_joins_start_like_plain(text: str) -> None:
    for lex in LEXICON.values():
        joins, (verb, name) = reported._joins(lex), _plain_joins(lex)
        for written in (text, text.lower()):
            assert _match_starts(joins.verb, written) == _match_starts(verb, written)
            assert _match_starts(joins.name, written) == _match_starts(name, written)


JOIN_PIECES = BREAK_PIECES + [" he ", " dia ", " also ", " juga ", " Hillary Clinton ", " said", " mengatakan", " is "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(JOIN_PIECES), max_size=30).map("".join))
def test_joins_start_where_the_plain_patterns_do(text):
    _assert_joins_start_like_plain(text)


def test_joins_start_where_the_plain_patterns_do_on_real_articles(dev_texts):
    for text in dev_texts:
        _assert_joins_start_like_plain(text)


# --- reported: cue words after a mark, scanned as ASCII bytes where the article allows. ---

ASCII_PIECES = PIECES + list(casing.COMMON_NON_ASCII_MARKS) + ["_said", "-said", "said-", "said_", "\x00", "~", "/"]
ASCII_TEXTS = st.lists(st.sampled_from(ASCII_PIECES), max_size=40).map("".join) | st.lists(
    st.sampled_from(ASCII_PIECES), max_size=40
).map(" ".join)


def _assert_cues_after_marks_like_the_pattern(text: str) -> None:
    lowered = text.lower()
    for lex in LEXICON.values():
        after_mark = reported._cue_patterns(lex.reported_verbs, lex.according_to)[0]
        assert reported._cues_after_marks(lowered, lex) == [m.start(1) for m in after_mark.finditer(lowered)]


@settings(max_examples=1000, deadline=None)
@given(ASCII_TEXTS)
def test_cues_after_marks_match_the_pattern(text):
    _assert_cues_after_marks_like_the_pattern(text)


@pytest.mark.parametrize("text", SENTENCES + ["\n".join(SENTENCES), "".join(ASCII_PIECES), "".join(PIECES)])
def test_cues_after_marks_match_the_pattern_in_real_sentences(text):
    _assert_cues_after_marks_like_the_pattern(text)


def test_common_non_ascii_marks_are_neither_letters_digits_nor_hyphens():
    assert all(re.fullmatch(r"[\W_]", mark) and mark != "-" for mark in casing.COMMON_NON_ASCII_MARKS)


def test_cues_after_marks_on_real_articles(dev_texts):
    for text in dev_texts:
        _assert_cues_after_marks_like_the_pattern(text)


@settings(max_examples=1000, deadline=None)
@given(ASCII_TEXTS)
def test_lower_matches_str_lower(text):
    assert casing.lower(text, casing.marks_only(text)) == text.lower()


def test_lower_matches_str_lower_on_real_articles_and_marks(dev_texts):
    assert all(mark.lower() == mark for mark in casing.COMMON_NON_ASCII_MARKS)
    for text in dev_texts:
        assert casing.lower(text, casing.marks_only(text)) == text.lower()


def _assert_ascii_words_like_word(text: str) -> None:
    if casing.marks_only(text):
        assert _spans(cues.ASCII_WORD, text) == _spans(WORD, text)


@settings(max_examples=1000, deadline=None)
@given(ASCII_TEXTS)
def test_ascii_words_match_word(text):
    _assert_ascii_words_like_word(text)


def test_ascii_words_match_word_on_real_articles(dev_texts):
    for text in dev_texts:
        _assert_ascii_words_like_word(text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_sentence_ends_before_match_the_plain_pattern(text):
    assert _spans(cues._SENTENCE_END_BEFORE, text) == _spans(re.compile(SENTENCE_END_BEFORE_PLAIN), text)


@pytest.mark.parametrize("text", CUE_LEADS + ["\n".join(CUE_LEADS), 'a.\t\n b."c!\n?', ".", "\n", '"', ". ", ".x"])
def test_sentence_ends_before_match_the_plain_pattern_in_real_leads(text):
    assert _spans(cues._SENTENCE_END_BEFORE, text) == _spans(re.compile(SENTENCE_END_BEFORE_PLAIN), text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_capped_word_count_tells_the_tail_lengths_apart_as_the_full_count(rest):
    # _verb_clause counts the words after a verb only up to one past _MAX_TAIL_WORDS.
    capped, full = len(rest.split(None, reported._MAX_TAIL_WORDS)), len(rest.split())
    assert (capped > reported._MAX_TAIL_WORDS) == (full > reported._MAX_TAIL_WORDS)
    assert (capped <= reported._MAX_SHORT_TAIL) == (full <= reported._MAX_SHORT_TAIL)
