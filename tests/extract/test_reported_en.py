"""English reported speech: a table of real sentences (PolNeAR news style) and the quotes extraction must find.

Each row lists every quote of its text, in text order, as (quote text, kind, speaker, cue); [] means none.
"""

from __future__ import annotations

import pytest

from workbench.extract import extract

CASES = [
    pytest.param(
        'South Korea accused the North\'s leader of "fanatic recklessness." South Korean President Park Geun-hye '
        'said Kim\'s mental state is "spiraling out of control."',
        [
            ("the North's leader of \"fanatic recklessness", "indirect", "South Korea", "accused"),
            ("fanatic recklessness.", "direct", "South Korea", "accused"),
            ("Kim's mental state is \"spiraling out of control", "indirect", "Park Geun-hye", "said"),
            ("spiraling out of control.", "direct", "Park Geun-hye", "said"),
        ],
        id="sentence-after-a-closing-mark-is-not-inside-the-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reported(text, expected):
    article = extract(text, lang="en")
    got = [(q.text, q.kind, q.speaker, q.cue) for q in article.quotes]
    assert got == expected
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
