"""Language detection for ``lang="auto"``: count each language's function words, highest wins."""

from __future__ import annotations

import re

from workbench.extract.lexicon import LANGUAGES, LEXICON

_WORD = re.compile(r"[a-z]+")
# Enough words to decide; reading more does not change the answer and costs time on big inputs.
_SAMPLE_CHARS = 5000


def detect_language(text: str) -> str:
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    scores = {lang: sum(1 for w in words if w in LEXICON[lang].function_words) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    # With no evidence either way, Indonesian: the desk's main language.
    return best if scores[best] > 0 else "id"
