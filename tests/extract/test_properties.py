"""Invariants of extract() over any text: it never raises, and what it returns points into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.extract import extract
from workbench.extract.models import FOLLOW_UP_STATUSES, ExtractedArticle

QUOTE_MARKS = "\"'“”‘’„‟«»‹›「」＂`"
NEWLINES = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x85"]
# Words that make the engine's rules fire: speech verbs, -nya cues, honorifics, titles, follow-up phrases.
CUE_WORDS = [
    "kata",
    "katanya",
    "ujar",
    "ujarnya",
    "ucap",
    "sambungnya",
    "mengatakan",
    "menurut",
    "tutur",
    "jelasnya",
    "Baca Juga:",
    "belum merespons",
    "tidak menjawab",
    "said",
    "says",
    "told reporters",
    "according to",
    "declined to comment",
    "did not respond",
    "Pak",
    "Bu",
    "Mr.",
    "Dr.",
    "Presiden",
    "Joko Widodo",
    "Bakhtiar Wakkang",
    "BW",
    "Hillary Clinton",
    "he",
    "she",
    "-nya",
    "KOMPAS.com -",
    "SuaraKaltim.id -",
    "Selasa (20/08/2024)",
    "Sept. 11, 2016",
]
marks = st.sampled_from(list(QUOTE_MARKS) + [""])
words = st.lists(st.sampled_from(["Kami", "siap", "we", "will", "win", "A", "x", "-", "..."]), max_size=5).map(" ".join)
separators = st.sampled_from(["", " ", ",", " ,", ".", ":", "\n", "\r\n", "--"])
# The shape the rules look for: [cue] [,] “words,” cue Name. — with any part missing or doubled.
quote_like = st.tuples(
    st.sampled_from(CUE_WORDS + [""]),
    separators,
    marks,
    words,
    separators,
    marks,
    separators,
    st.sampled_from(CUE_WORDS + [""]),
    separators,
).map("".join)
fragments = st.one_of(
    quote_like,
    st.sampled_from(CUE_WORDS),
    st.sampled_from(list(QUOTE_MARKS)),
    st.sampled_from(NEWLINES),
    st.sampled_from([" ", ", ", ". ", ": ", "—", "--", "(", ")", "\x00", "\t", "\ufeff"]),
    st.text(alphabet=QUOTE_MARKS + "aAbB. ,\n", max_size=8),
    st.text(max_size=6),  # anything at all, surrogates and controls included
)
articles = st.lists(fragments, max_size=60).map(" ".join)
languages = st.sampled_from(["auto", "id", "en"])
published = st.one_of(st.none(), st.sampled_from(["2024-08-20", "20/08/2024", "not a date", "", "2016-13-45"]))


def assert_well_formed(article: ExtractedArticle, text: str) -> None:
    assert article.lang in ("id", "en")
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text), quote
        assert text[quote.start : quote.end] == quote.text, quote
        assert quote.kind in ("direct", "indirect"), quote
    starts = [quote.start for quote in article.quotes]
    assert starts == sorted(starts), "quotes must come in text order"
    for follow_up in article.follow_ups:
        assert follow_up.status in FOLLOW_UP_STATUSES, follow_up
    article.to_dict()  # serialisable in the contract's shape


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, lang=languages, published=published)
@example(text="\r\n ,“A", lang="auto", published=None)  # crashed cue_before: only spaces before the comma
def test_extract_never_raises_and_offsets_slice_back(text, lang, published):
    article = extract(text, lang=lang, article_id="prop", publisher=None, published=published)
    assert_well_formed(article, text)
    assert article.id == "prop"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), lang=languages)
def test_extract_handles_arbitrary_unicode(text, lang):
    assert_well_formed(extract(text, lang=lang), text)


def test_five_megabyte_article_runs(shared_dir):
    seed = (shared_dir / "fixtures" / "seed" / "suarakaltim-nasdem-bontang.txt").read_text(encoding="utf-8")
    # Unbalanced marks every so often, so a runaway quote could swallow the rest of the text.
    block = seed + '\n"Kalimat tanpa penutup kata Ani.\n'
    text = block * (5 * 2**20 // len(block.encode("utf-8")))
    article = extract(text, lang="auto")
    assert_well_formed(article, text)
    assert len(article.quotes) >= text.count("ucap Muhammad Sahib")
