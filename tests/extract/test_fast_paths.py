"""The speed-ups keep the rules' results: each fast pattern or scan against the plain form it replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import casing, cleaning, follow_ups, metadata, names, people, reported, spans
from workbench.extract.lexicon import LEXICON, ORIGINAL_SOURCE_CUES

# Pieces that make the patterns fire, plus characters at their edges (non-ASCII letters, digits that are not
# letters, hyphens, underscores, blanks, newlines, dots, brackets).
PIECES = [
    "kata", "katanya", "mengatakan", "menurut", "said", "according", "ketua", "presiden", "juru bicara",
    "Mr.", "Mrs.", "Dr.", "Pak", "pak", "Bu", "H.", "Kabupaten", "County", "DPD", "Nasdem", "Joko Widodo",
    "bin", "van", "(NasDem)", "sebagai", "as", "ini", "tersebut", "via", "dikutip dari", "sumber:", "McDonald",
    "O'Brien", "Jean-Luc", "--", "-", "_", "é", "É", "½", "²", "İ", "ß", "'s", "\u2019", " ", "  ", "\t", "\n",
    ".", ",", ":", '"', "(", ")", "45", "a", "A", "19", "20", "2024", "1", "0",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

PLAIN_PATTERNS = [
    (names.WORD, r"\([^()\n]{1,40}\)|[^\W\d_](?:[\w'\u2019.]|-(?!-))*|\d[\w\-/]*"),
    (people._CAPITALISED, r"\b[A-Z](?:[\w'\u2019]|-(?!-))*"),
    (
        people._RUN,
        r"(?:(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Prof)\.|[A-Z](?:[\w'\u2019]|-(?!-))*)"
        r"(?:[ \t]+(?:(?:de|van|von|bin|binti|al)[ \t]+)?(?:\([^()\n]{1,30}\)[ \t]+)?"
        r"(?:(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Prof)\.|[A-Z](?:[\w'\u2019]|-(?!-))*))*",
    ),
    (
        people._AFTER_ACRONYM,
        r"\b(?:[A-Z]{2,6}|"
        + "|".join(sorted({h for lex in LEXICON.values() for h in lex.place_heads}))
        + r")[ \t]+([A-Z][a-z][\w\-]*)",
    ),
    (
        people._AS_ROLE,
        r"\b(?:sebagai|as)[ \t]+((?:[a-z]+[ \t]+){0,2}[A-Z][\w\-]*(?:[ \t][A-Z][\w\-()]*){0,5})",
    ),
    (people._DEMONSTRATIVE, r"(?<=[ \t])(?:ini|tersebut)\b"),
    (metadata._YEAR, r"(?<!\d)(?:19|20)\d\d(?!\d)"),
    (
        metadata._SOURCE,
        r"\b(?:" + "|".join(ORIGINAL_SOURCE_CUES) + r")[ \t]+(?P<outlet>" + metadata._OUTLET + r")",
    ),
] + [
    (
        people._HONORIFIC_NAME[id(lex.honorifics)],
        r"(?<![\w.])(?:"
        + "|".join(
            re.escape(f)
            for f in sorted({h.capitalize() for h in lex.honorifics} | set(lex.honorifics), key=len, reverse=True)
        )
        + r")\.?[ \t]+([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){0,2})",
    )
    for lex in LEXICON.values()
]


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_fast_patterns_match_like_their_plain_forms(text):
    for fast, plain in PLAIN_PATTERNS:
        assert _matches(fast, text) == _matches(re.compile(plain), text), plain


def _plain_word_positions(text: str, wanted) -> list[int]:
    # The scan `_word_positions` replaces: findall to filter, then str.find with isalpha() boundaries.
    present = wanted & set(re.findall(r"[a-z]+", text))
    positions = []
    for word in present:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                positions.append(at)
            at = text.find(word, end)
    return sorted(positions)


def _plain_cue_positions(text: str, lex) -> list[int]:
    lowered = text.lower()
    wanted = (lex.reported_verbs | {p.split()[0] for p in lex.according_to}) & set(re.findall(r"[a-z]+", lowered))
    positions = []
    for verb in wanted:
        at = lowered.find(verb)
        while at >= 0:
            end = at + len(verb)
            if (at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "-")) and (
                end == len(lowered) or not (lowered[end].isalnum() or lowered[end] == "-")
            ):
                positions.append(at)
            at = lowered.find(verb, end)
    positions.extend(m.end() - 1 for m in re.finditer(r"^[ \t\"]*(?:[A-Z][\w'\u2019.\-]*[ \t]?){1,3}:", text, re.M))
    return sorted(positions)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_and_cue_positions_match_the_plain_scans(text):
    for lex in LEXICON.values():
        wanted = people._lead_mark_words(lex)
        assert people._word_positions(text, wanted) == _plain_word_positions(text, wanted)
        assert reported._cue_positions(text, lex) == _plain_cue_positions(text, lex)


def test_word_alternation_matches_exactly_its_words():
    words = ["kata", "katanya", "ujar", "ujarnya", "ucap", "said", "say", "says"]
    pattern = re.compile(names.word_alternation(sorted(words)))
    for word in words:
        assert pattern.fullmatch(word)
    for other in ["kat", "katany", "uja", "sa", "sayss", "", "ucapnya"]:
        assert not pattern.fullmatch(other)
    assert not re.compile(names.word_alternation([])).match("anything")


# --- Cleaning, quotation spans, metadata and follow-ups: fast scans against the plain forms they replace. ---

EDGE_TEXTS = [
    "",
    " ",
    "\n",
    "\n\n",
    '"',
    '""',
    'He said "unbalanced',
    'He said "one" and "two',
    "\u201cA,\u201d kata Joko Widodo. \u201cB.\u201d",
    "\u201cnested \u201cinner\u201d outer\u201d",
    "\u2018single quoted words\u2019 here",
    "x \u2018unbalanced single",
    'Baca juga: x\r\n"Ini kutipan," kata Pak Budi.\r\nAdvertisement\r\n',
    "a\rb\r\nc\n\r",
    "\x00\x01\x1f\x7f\ufffe\uffff text",
    'Привет "мир" сказал он.',
    "中文 \u201c引用\u201d 说",
    "İSTANBUL \u212aomentar tidak dapat dihubungi. Dia belum merespons.",
    "''double apostrophes'' and ``backticks''",
    "share\n\nBaca juga x\nADVERTISEMENT\n\n  iklan  \nFoto: y\n(foto: z)",
]

CLEANING_PIECES = [
    "Baca juga", "baca  juga", "BACA\nJUGA", "Advertisement", "iklan", "share", "Bagikan", "this", ":", "Foto:",
    "(foto:", "Related:", "read more:", "scroll to continue", "Dapatkan update", "WhatsApp", "follow us",
    "download aplikasi", "x", "kata", " ", "\t", "\n", "\n\n", "\r", "\r\n", "\x00", "\x0b", "\x7f", "\ufffe",
    '"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2033", "\u301d", "\uff02", "\u2018", "\u2019", "'",
    "''", "``", "é", "İ", "\u212a", ".", "!", "?", ",",
]  # fmt: skip
CLEANING_TEXTS = st.lists(st.sampled_from(CLEANING_PIECES), max_size=40).map("".join)


def _plain_boilerplate_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in cleaning._BOILERPLATE.finditer(text):
        line_end = text.find("\n", match.start())
        spans.append((match.start(), len(text) if line_end < 0 else line_end))
    return spans


def _plain_clean_steps(text: str) -> tuple[str, str, str]:
    return (
        text.replace("\r\n", " \n").replace("\r", "\n"),
        re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", " ", text),
        re.sub("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02]", '"', text),
    )


def _assert_cleaning_like_plain(text: str) -> None:
    assert cleaning.boilerplate_lines(text) == _plain_boilerplate_lines(text)
    fast = (cleaning.drop_crlf(text), cleaning.drop_control_characters(text), cleaning.unify_quotation_marks(text))
    assert fast == _plain_clean_steps(text)
    assert spans.unify_double_apostrophes(text) == re.sub(r"''|``", '" ', text)


@settings(max_examples=300, deadline=None)
@given(CLEANING_TEXTS)
def test_cleaning_matches_the_plain_scans(text):
    _assert_cleaning_like_plain(text)


def test_cleaning_edge_cases():
    for text in EDGE_TEXTS:
        _assert_cleaning_like_plain(text)
    # A boilerplate line at the very start (no newline before it) and right after a match that ate a newline.
    assert cleaning.boilerplate_lines("Baca juga: x\nteks") == [(0, 12)]
    assert cleaning.boilerplate_lines("share\n\nBaca juga x") == [(0, 5), (7, 18)]


def _quote_inputs(text: str) -> tuple[str, str]:
    """(cleaned, original) as ``extract`` passes them to ``quote_spans``."""
    cleaned, _ = cleaning.clean(text)
    return spans.unify_double_apostrophes(cleaned), text


def _quote_spans_by_line(text: str, original: str | None = None) -> list[spans.QuoteSpan]:
    """``spans.quote_spans`` as first written: the marks of each line looked for line by line."""
    original = text if original is None else original
    found: list[spans.QuoteSpan] = []
    single_marks = "\u2018" in original
    if not single_marks and '"' not in text:
        return found
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer('"', para.group())]
        for open_at, close_at in spans._pairs(text, original, marks, para.end()) if marks else ():
            end = close_at if close_at is not None else para.end()
            start, stop = spans.trim(text, open_at + 1, end)
            if stop > start:
                found.append(spans.QuoteSpan(start, stop, open_at, close_at))
        if not single_marks:
            continue
        for match in spans._SINGLE_QUOTED.finditer(text, para.start(), para.end()):
            start, stop = spans.trim(text, match.start(1), match.end(1))
            if stop > start and not any(s.start <= start < s.end for s in found):
                found.append(spans.QuoteSpan(start, stop, match.start(), match.end() - 1))
    found.sort(key=lambda s: s.start)
    return found


@settings(max_examples=300, deadline=None)
@given(CLEANING_TEXTS)
def test_quote_spans_match_the_line_by_line_form(text):
    cleaned, original = _quote_inputs(text)
    assert spans.quote_spans(cleaned, original) == _quote_spans_by_line(cleaned, original)
    assert spans.quote_spans(cleaned) == _quote_spans_by_line(cleaned)


def _plain_original_source(text: str) -> str | None:
    match = metadata._SOURCE.search(text)
    return match.group("outlet") if match else None


SOURCE_PIECES = ["via", "Via", "VIA", "sumber", "Sumber", ":", "disadur dari", "Disadur dari", "dikutip dari",
                 "melansir", "Melansir", "dilansir dari", "seperti", "seperti dikutip dari", "trivia", "viaa",
                 " ", "\n", "\t", "Reuters", "KOMPAS.com", "Klik Kaltim", "x"]  # fmt: skip


def test_every_source_cue_opens_with_a_lower_case_word():
    # original_source tries the pattern only where a cue's first word is written: each cue must open with one.
    assert all(re.match(r"[a-z]+", cue) for cue in ORIGINAL_SOURCE_CUES)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SOURCE_PIECES), max_size=20).map("".join))
def test_original_source_matches_the_plain_search(text):
    assert metadata.original_source(text) == _plain_original_source(text)


def test_remembered_dates_are_dateutils():
    from dateutil import parser as date_parser

    for written in ["20/08/2024", "08/12/2024", "31/02/2024", "20 Agustus 2024", "Aug. 20, 2024", "9-9-2099"]:
        for dayfirst in (True, False):
            try:
                plain = date_parser.parse(written, parserinfo=metadata._PARSER_INFO, dayfirst=dayfirst).date()
            except (ValueError, OverflowError):
                plain = None
            assert metadata._parsed_date(written, dayfirst) == plain
            assert metadata._parsed_date(written, dayfirst) == plain  # and again, from memory


def _sentences_with_stems_listed(text: str):
    """``follow_ups._sentences_with_stems`` as first written: every sentence listed, each hit looked up."""
    lowered = text.lower()
    if not any(stem in lowered for stem in follow_ups._STEMS):
        return
    yield from follow_ups._listed_sentences_with_hits(text, sorted(follow_ups._stem_positions(lowered)))


def _follow_up_sentences(sentences) -> list:
    return [(start, end, following()) for start, end, following in sentences]


FOLLOW_UP_PIECES = [
    "Dia", "dihubungi", "DIKONFIRMASI", "Konfirmasi", "respon", "responden", "Respond", "komentar", "comment",
    "reach", "unavailable", "aktif", "return", "jawab", "balas", "membenarkan", "tanggapan", "contact", "belum",
    "tidak", "declined to comment", "İ", "\u212a", "é", "x", " ", "  ", "\n", ".", "..", "!", "?", ",", '"',
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FOLLOW_UP_PIECES), max_size=40).map("".join))
def test_follow_up_sentences_match_the_lowercased_scan(text):
    fast = _follow_up_sentences(follow_ups._sentences_with_stems(text))
    assert fast == _follow_up_sentences(_sentences_with_stems_listed(text))


PHRASE_PIECES = ["berusaha", "mencoba", "Mengkonfirmasi", "menghubungi", "TRIED TO", "reach", "Sought to Contact",
                 "saat", "Dihubungi", "requests for comment", "Enggan", "berkomentar", "Declined To Comment",
                 "tidak dapat dihubungi", "Belum mendapatkan", "respons", "did not immediately respond",
                 "told", "in response", "Membenarkan", "ponselnya", "Aktif", "x", " ", "\t", "\n", "'", "."]  # fmt: skip
FOLLOW_UP_PATTERNS = [
    (follow_ups._PHRASES.attempt, follow_ups._PHRASES_LOWER.attempt),
    (follow_ups._PHRASES.passive, follow_ups._PHRASES_LOWER.passive),
] + [
    (ignoring_case, lower)
    for (_, ignoring_case), (_, lower) in zip(
        follow_ups._PHRASES.outcomes, follow_ups._PHRASES_LOWER.outcomes, strict=True
    )
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=30).map("".join))
def test_follow_up_phrases_on_lowered_ascii_match_ignoring_case(text):
    # An ASCII sentence is read lower-cased with case-sensitive patterns: the same matches at the same places.
    assert text.isascii()
    for ignoring_case, lower in FOLLOW_UP_PATTERNS:
        assert _matches(ignoring_case, text) == _matches(lower, text.lower())


def test_follow_up_sentences_edge_cases():
    for text in EDGE_TEXTS:
        fast = _follow_up_sentences(follow_ups._sentences_with_stems(text))
        assert fast == _follow_up_sentences(_sentences_with_stems_listed(text))
    text = "Saat dihubungi. Dia belum merespons.\nTidak ada komentar"
    assert _follow_up_sentences(follow_ups._sentences_with_stems(text)) == [
        (0, 15, (15, 36)),
        (15, 36, (37, 55)),
        (37, 55, None),
    ]


def test_cleaning_on_real_articles(dev_texts):
    for text in dev_texts:
        _assert_cleaning_like_plain(text)


def test_quote_spans_on_real_articles(dev_texts):
    for text in dev_texts:
        cleaned, original = _quote_inputs(text)
        assert spans.quote_spans(cleaned, original) == _quote_spans_by_line(cleaned, original)


def test_original_source_on_real_articles(dev_texts):
    for text in dev_texts:
        cleaned, _ = cleaning.clean(text)
        assert metadata.original_source(cleaned) == _plain_original_source(cleaned)


def test_follow_up_sentences_on_real_articles(dev_texts):
    for text in dev_texts:
        cleaned, _ = cleaning.clean(text)
        fast = _follow_up_sentences(follow_ups._sentences_with_stems(cleaned))
        assert fast == _follow_up_sentences(_sentences_with_stems_listed(cleaned))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -\u2014\n.,")), max_size=80))
def test_blank_asides_matches_the_plain_substitution(text):
    plain = reported._ASIDE.sub(lambda m: " " * len(m.group()), text)
    assert reported._blank_asides(text) == plain
    assert len(reported._blank_asides(text)) == len(text)


# --- People: the prefix index against the full scan over every record it replaces. ---


class _PlainPeople(people.People):
    def _find(self, tokens):
        if not tokens:
            return None
        candidates = {i for t in tokens for i in self._by_token.get(t, ())}
        if not candidates:
            prefix = [t for t in tokens if len(t) >= people._MIN_PREFIX]
            if not prefix:
                return None
            candidates = {i for i, r in enumerate(self.records) if any(people._covers(r.tokens, (t,)) for t in prefix)}
        best = None
        for i in sorted(candidates):
            record = self.records[i]
            if (
                people._covers(record.tokens, tokens)
                or people._covers(tokens, record.tokens)
                or set(tokens) <= {t for a in record.aliases for t in people._tokens(a)}
            ):
                if best is None or len(record.tokens) > len(self.records[best].tokens):
                    best = i
        return best


NAME_WORDS = ["Sofyan", "Sofyani", "Sofy", "Sof", "Edi", "Edy", "Joko", "Jokowi", "Widodo", "Wido", "Basri",
              "Rase", "Pak", "H.", "Nasrullah", "Nasr", "Ab", "É", "İsmail", "İsma", "Ali", "Alia", "Li"]  # fmt: skip
NAMES = st.lists(st.sampled_from(NAME_WORDS), min_size=0, max_size=3).map(" ".join)


def _people_state(crowd) -> list:
    return [(r.name, r.tokens, r.roles, r.aliases) for r in crowd.records]


def _run_people(cls, steps) -> tuple[list, list]:
    crowd = cls(LEXICON["id"])
    returned = []
    for kind, name, other in steps:
        if kind == "add":
            returned.append(crowd.add(name, role=other or None))
        elif kind == "alias" and crowd.records:
            crowd.add_alias(len(name) % len(crowd.records), other or name)
        else:
            returned.append(crowd.find(name))
    return returned, _people_state(crowd)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "find", "alias"]), NAMES, NAMES), max_size=25))
def test_people_find_matches_the_full_scan(steps):
    assert _run_people(people.People, steps) == _run_people(_PlainPeople, steps)


HONORIFIC_PIECES = ["Pak", "pak", "Bu", "bu", "Bapak", "Ibu", "H", "h", "Hj", "Dr", "dr", "Mrs", "Mr", "mr", "Miss",
                    "Sir", "Rev", "Dame", "Budi", "Joko", "Ani", "Widodo", "Xy", "X", "é", "É", "İ", "İsmail", "1", "_",
                    ".", ". ", " ", "  ", "\t", "\n", "\r\n", "-", "ab", "Привет", "中文"]  # fmt: skip


def _assert_honorifics_like_plain(text: str) -> None:
    for lex in LEXICON.values():
        plain = _matches(people._HONORIFIC_NAME[id(lex.honorifics)], text)
        assert [(m.span(), m.groups()) for m in people.honorific_matches(text, lex)] == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HONORIFIC_PIECES), max_size=30).map("".join))
def test_honorific_matches_match_the_plain_scan(text):
    _assert_honorifics_like_plain(text)


def test_honorific_matches_edge_cases_and_real_articles(dev_texts):
    for text in EDGE_TEXTS + ["Pak  Budi", "Pak. Budi", "Pak .Budi", "xPak Budi", "1Pak Budi", "éPak Budi", "PakBudi"]:
        _assert_honorifics_like_plain(text)
    for text in dev_texts:
        _assert_honorifics_like_plain(text)


def test_fast_patterns_on_edge_cases_and_real_articles(dev_texts):
    texts = EDGE_TEXTS + ["sebagai Ketua", "has Ketua", "as  Ketua X", "sebagai ketua as Ketua DPD", "Sebagai X"]
    for text in texts + dev_texts:
        for fast, plain in PLAIN_PATTERNS:
            assert _matches(fast, text) == _matches(re.compile(plain), text), plain


COPULA_PIECES = ["ialah", "adalah", "Adalah", "padalah", "salah", "ialahadalah", "Nasrullah", "Budi", "X", "Ab",
                 "yang", "é", "İ", "1", "-", " ", "  ", "\t", "\n", "\r\n", "."]  # fmt: skip
PLAIN_COPULA = re.compile(r"[ \t](?:ialah|adalah)[ \t]+([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){0,2})")


def _assert_copula_like_plain(text: str) -> None:
    # The fast matches start at the word; the plain ones at the blank before it.
    fast = [((m.start() - 1, m.end()), m.span(1), m.groups()) for m in people._COPULA.finditer(text)]
    assert fast == [(m.span(), m.span(1), m.groups()) for m in PLAIN_COPULA.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(COPULA_PIECES), max_size=30).map("".join))
def test_copula_matches_the_plain_scan(text):
    _assert_copula_like_plain(text)


def test_copula_edge_cases_and_real_articles(dev_texts):
    for text in EDGE_TEXTS + [" ialah Budi adalah Ani", "x adalah  Budi Ani Cdi Edi", "adalah Budi"]:
        _assert_copula_like_plain(text)
    for text in dev_texts:
        _assert_copula_like_plain(text)


def test_per_article_lexicon_is_replace():
    from dataclasses import replace

    from workbench.extract import pipeline
    from workbench.extract.lexicon import Lexicon

    for language, lex in LEXICON.items():
        for places in (frozenset(), frozenset({"Bontang", "İzmir"})):
            fast = Lexicon(**pipeline._LEXICON_FIELDS[language], place_words=places)
            assert fast == replace(lex, place_words=places)


def _runs_of_words(text: str) -> list[list[tuple[str, int, int]]]:
    return [
        [(w.group(), w.start(), w.end()) for w in names.WORD.finditer(text, *run.span())]
        for run in people._RUN.finditer(text)
    ]


def test_remembered_split_mention_is_the_plain_one(dev_texts):
    from dataclasses import replace

    texts = EDGE_TEXTS + [
        "Ketua DPD Nasdem Bontang Muhammad Sahib dan Pak Basri Rase. Kepala BNPB Doni Monardo.",
        "Mr. Trump and Mrs. Clinton's N.Y.U. speech; Wali Kota Surabaya; the Democrat of California.",
    ]
    for text in texts + dev_texts[:80]:
        lexes = [replace(lex, place_words=people.place_words(text)) for lex in LEXICON.values()]
        for words in _runs_of_words(text):
            for lex in lexes + lexes[::-1]:  # a lexicon after another one: the memory is the new one's
                assert names.split_mention(words, lex) == names.split_mention_plain(words, lex)
                assert names.split_mention(words, lex) == names.split_mention_plain(words, lex)


SPACED_PIECES = ["ketua", "Ketua", "bill", "x", "", " ", "  ", "\t", "\n", ",", ".", "é", "İ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SPACED_PIECES), max_size=30).map("".join), st.sampled_from(SPACED_PIECES[:6]))
def test_spaced_words_answer_like_the_search_they_replace(text, word):
    word = word.strip()
    assert (word in names.spaced_words(text)) == (text.find(f" {word} ", 0, names.COMMON_WORD_WINDOW) >= 0)


def test_spaced_words_read_only_the_window():
    text = "x" * (names.COMMON_WORD_WINDOW - 4) + " bill " + " ketua "
    assert "bill" not in names.spaced_words(text)  # its closing space falls past the window
    assert text.find(" bill ", 0, names.COMMON_WORD_WINDOW) < 0
    assert "ketua" not in names.spaced_words(text)


CASING_PIECES = ["Kata", "SAID", "x", " ", "\u201c", "\u201d", "\u2019", "\u2014", "\u00a0", "\u2026", "\u2015",
                 "É", "é", "İ", "\u212a", "ß", "Σ", "½", "\n", "-"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CASING_PIECES), max_size=30).map("".join))
def test_lower_is_str_lower(text):
    # Lowered as bytes where the only characters other than ASCII ones are common marks, else by str.lower (the
    # real articles are in test_fast_paths_reported.py).
    assert casing.lower(text) == text.lower()
