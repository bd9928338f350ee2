"""The highlighted article: quotes marked at their offsets, boilerplate greyed, every text escaped."""

from __future__ import annotations

import pytest

from workbench.ui.highlight import PALETTE, Span, article_html, speaker_colours
from workbench.ui.text import html_text, md


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
        ("[klik](javascript:alert(1))", "\\[klik\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("**bold** _it_ `code` $x$", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\$x\\$"),
        ("# heading\n- item", "\\# heading \\- item"),
        ("https://evil.example", "https\\://evil\\.example"),
    ],
)
def test_markdown_escaping(text, escaped):
    assert md(text) == escaped


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("<script>alert(1)</script>", "<"),
        ("[klik](javascript:alert(1))", "["),
        ('" onmouseover="x', '"'),
        ("$x$ and *y*", "$"),
        ("Tom & Jerry", "& "),
    ],
)
def test_html_escaping_leaves_no_markup_or_markdown(text, absent):
    assert absent not in html_text(text)


def test_quotes_are_marked_at_their_offsets_in_speaker_colours():
    text = 'Intro line.\n"Kami siap," kata Budi. "Tidak," ujar Siti.\nBaca Juga: Berita lain\n'
    first = text.index("Kami siap")
    second = text.index("Tidak")
    spans = [
        Span(first, first + len("Kami siap"), 1, "budi"),
        Span(second, second + len("Tidak"), 2, "siti", selected=True),
    ]
    html = article_html(text, spans, ["Baca Juga: Berita lain"])
    colours = speaker_colours(["budi", "siti"])
    assert colours == {"budi": PALETTE[0], "siti": PALETTE[1]}
    assert f'data-quote="1" style="background:{PALETTE[0]}">Kami siap</mark>' in html
    assert 'class="qw-q qw-selected" data-quote="2"' in html
    assert '<sup class="qw-n">1</sup>' in html and '<sup class="qw-n">2</sup>' in html
    assert '<p class="qw-boilerplate"' in html and "Baca Juga" in html  # greyed, not hidden
    assert html.count("<p") == 3


def test_nested_quotes_take_the_innermost_colour_and_bad_offsets_are_ignored():
    text = 'She said she was "deeply troubled" by it.'
    inner = text.index("deeply")
    spans = [
        Span(0, len(text) - 1, 1, "outer"),
        Span(inner, inner + len("deeply troubled"), 2, "inner"),
        Span(30, 10, 3, "broken"),
        Span(5, 500, 4, "beyond the end"),
    ]
    html = article_html(text, spans)
    colours = speaker_colours(["outer", "inner"])
    assert f'data-quote="2" style="background:{colours["inner"]}">deeply troubled</mark>' in html
    assert 'data-quote="3"' not in html and 'data-quote="4"' not in html


def test_hostile_article_text_stays_text():
    text = '<script>alert("x")</script>\n"<img src=x onerror=alert(1)>," kata [X](javascript:y).'
    start = text.index("<img")
    html = article_html(text, [Span(start, text.index(",", start), 1, "x")])
    assert "<script" not in html and "<img" not in html and "[X]" not in html
    assert "&#60;script&#62;" in html
