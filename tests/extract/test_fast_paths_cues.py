"""Fast paths in cues against the plain forms they replace: the same cues and speaker mentions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import casing, cleaning, cues
from workbench.extract.cues import Cue
from workbench.extract.lexicon import LEXICON
from workbench.extract.names import WORD, Mention, bare_word, is_capitalised, strip_word

# Quotations with cues after and before them, names (with appositions and commas), pronouns, stops.
PIECES = [
    '"', '"', "said", "Said", "says", "told", "asked", "kata", "ujar", "ujarnya", "katanya", "mengatakan", "he", "He",
    "she", "dia", "Ia", "Clinton", "Joko Widodo", "Mr.", "Leonard E. Burman", "director", "of", "the", "center",
    "warga", "sopir", "Senin", "there", "is", "a", "law", "and", ",", ", ", " ,", ".", "?", "!", ":", " ", " ", " ",
    "\n", "\u2014 ", "\u2015", "(", ")", "A", "x",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=50).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=50
).map("".join)

SENTENCES = [
    '"The budget will rise," he said.',
    '"The budget will rise," said Leonard E. Burman, director of the center, on Monday.',
    '"The budget will rise," Leonard E. Burman, director of the Tax Policy Center at the Urban Institute, said.',
    '"Why?" Clinton says there needs to be a law.',
    '"Kami siap," kata Joko Widodo, warga Karah, Senin (1/2).',
    '"Kami siap," ujarnya.',
    '"Kami siap," kata sopir yang ditemui di lokasi.',
    '"Yes" \u2015 Carla Sanchez',
    '"No" and then the people of the city of the state of the country went home without any of them talking.',
]


def _plain_cue_after(text: str, close_at: int, lex) -> Cue | None:
    """``cue_after`` reading every word of the first sentence (or 40) before looking for the verb."""
    stop = min(len(text), close_at + cues._WINDOW)
    newline = text.find("\n", close_at + 1, stop)
    if newline >= 0:
        stop = newline
    mark = text.find('"', close_at + 1, stop)
    if mark >= 0:
        stop = mark
    dash = cues._DASH_NAME.match(text, close_at + 1)
    if dash:
        run = cues._mention_run(text, cues._words(text, dash.end(), stop), lex)
        return Cue(dash.group().strip(), dash.start(), cues.mention_from_words(text, run, lex))
    sentence = []
    for m in WORD.finditer(text, close_at + 1, stop):
        sentence.append((m[0], m.start(), m.end()))
        if cues._ends_sentence(m[0]) or len(sentence) >= 40:
            break
    reach = cues._REACH_NAME_FIRST if sentence and is_capitalised(sentence[0][0]) else cues._REACH_AFTER
    for v, w in enumerate(sentence[:reach]):
        if not cues._is_verb(w[0], lex):
            continue
        verb = strip_word(w[0])
        if verb.lower() in lex.nya_cues:
            at = w[1] + len(verb) - 3
            return Cue(verb, w[1], Mention("nya", at, at + 3, pronoun=True))
        if v == 0:
            mention = cues.mention_from_words(text, cues._mention_run(text, sentence[1:], lex), lex)
            if mention is None and len(sentence) > 1 and bare_word(sentence[1][0]) in lex.ordinary_people:
                following = sentence[1]
                mention = Mention(following[0], following[1], following[2], ordinary=True)
            return Cue(verb, w[1], mention)
        ended = text[close_at - 1 : close_at] in (".", "?", "!")
        if ended and v + 1 < len(sentence) and cues.starts_clause(sentence[v + 1][0], lex):
            return None
        return Cue(verb, w[1], cues.mention_from_words(text, sentence[:v], lex, nearest_last=True))
    return None


def _assert_cue_after_like_plain(text: str) -> None:
    for close_at in [i for i, c in enumerate(text) if c == '"'] + [-1]:
        for lex in LEXICON.values():
            assert cues.cue_after(text, close_at, lex) == _plain_cue_after(text, close_at, lex)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_cue_after_matches_the_plain_reading(text):
    _assert_cue_after_like_plain(text)


@pytest.mark.parametrize("text", SENTENCES + [" ".join(SENTENCES), "\n".join(SENTENCES)])
def test_cue_after_matches_the_plain_reading_in_real_sentences(text):
    _assert_cue_after_like_plain(text)


def _plain_segments(text: str, words) -> list:
    segments = [[]]
    for w in words:
        segments[-1].append(w)
        if cues._comma_after(text, w):
            segments.append([])
    return [seg for seg in segments if seg]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(0, 30), st.integers(1, 30))
def test_segments_match_the_plain_split(text, first, count):
    words = cues._words(text, 0, len(text))[first : first + count]
    if words:
        assert cues._segments(text, words) == _plain_segments(text, words)


def test_cues_on_real_articles(dev_texts):
    for article in dev_texts:
        text, _ = cleaning.clean(article)
        _assert_cue_after_like_plain(text)
        words = cues._words(text, 0, len(text))
        for start in range(0, len(words), 7):
            assert cues._segments(text, words[start : start + 9]) == _plain_segments(text, words[start : start + 9])


def test_word_pattern_finds_the_words_word_does(dev_texts):
    for article in dev_texts:
        text, _ = cleaning.clean(article)
        pattern = cues.word_pattern(text)
        assert pattern is (cues.ASCII_WORD if casing.marks_only(text) else WORD)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in WORD.finditer(text)]
