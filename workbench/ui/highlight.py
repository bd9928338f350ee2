"""The article as HTML with every quote highlighted in its speaker's colour; boilerplate greyed.

Pure string building (no Streamlit), so the escaping can be tested directly. Offsets point into
the text exactly as stored; quotes may nest (a mixed quote's direct words inside its reported
clause), so the text is cut at every boundary and each piece takes the innermost quote's colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.ui.text import html_attr, html_text

# Soft backgrounds readable with dark text; a speaker keeps one colour within an article.
PALETTE = (
    "#ffe08a",
    "#a7d8ff",
    "#c3f0b5",
    "#ffc2d1",
    "#d9c8ff",
    "#ffd1a8",
    "#b8f0ea",
    "#f0e1b8",
    "#e0e0e0",
    "#f7b8ff",
)
UNKNOWN_COLOUR = "#eeeeee"

ARTICLE_CSS = """
<style>
.qw-article { font-size: 1.02rem; line-height: 1.7; max-height: 75vh; overflow-y: auto;
  padding: 0.25rem 0.75rem 0.25rem 0; }
.qw-article p { margin: 0 0 0.7rem 0; }
.qw-article p.qw-boilerplate { color: #9a9a9a; font-style: italic; }
.qw-article mark { padding: 0.05rem 0.1rem; border-radius: 0.2rem; color: inherit; }
.qw-article mark.qw-selected { outline: 2px solid #d33; }
.qw-article sup.qw-n { font-size: 0.7rem; font-weight: 600; color: #555; margin-right: 0.1rem; }
.qw-legend span { display: inline-block; padding: 0.05rem 0.45rem; margin: 0 0.3rem 0.3rem 0;
  border-radius: 0.3rem; font-size: 0.9rem; }
</style>
"""


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    number: int  # shown before the quote, matching the quote table
    speaker_key: str  # quotes with the same key share a colour
    selected: bool = False


def speaker_colours(keys: Iterable[str]) -> dict[str, str]:
    """A colour per speaker key in order of first appearance; the palette repeats after ten."""
    colours: dict[str, str] = {}
    for key in keys:
        if key and key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def article_html(text: str, spans: Sequence[Span], boilerplate_lines: Iterable[str] = ()) -> str:
    length = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    colours = speaker_colours(s.speaker_key for s in valid)
    boilerplate = {line.strip() for line in boilerplate_lines if line.strip()}

    cuts = {0, length}
    for s in valid:
        cuts.update((s.start, s.end))
    newline = text.find("\n")
    while newline != -1:
        cuts.update((newline, newline + 1))
        newline = text.find("\n", newline + 1)
    cuts_sorted = sorted(cuts)

    paragraphs: list[tuple[str, list[str]]] = []  # (plain line text, html pieces)
    line_plain: list[str] = []
    line_html: list[str] = []
    for a, b in zip(cuts_sorted, cuts_sorted[1:], strict=False):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append(("".join(line_plain), line_html))
            line_plain, line_html = [], []
            continue
        for s in valid:
            if s.start == a:
                line_html.append(f'<sup class="qw-n">{s.number}</sup>')
        covering = [s for s in valid if s.start <= a and b <= s.end]
        line_plain.append(piece)
        if not covering:
            line_html.append(html_text_keep_spaces(piece))
            continue
        inner = min(covering, key=lambda s: s.end - s.start)
        selected = " qw-selected" if any(s.selected for s in covering) else ""
        line_html.append(
            f'<mark class="qw-q{selected}" data-quote="{inner.number}" '
            f'style="background:{html_attr(colours.get(inner.speaker_key, UNKNOWN_COLOUR))}">'
            f"{html_text_keep_spaces(piece)}</mark>"
        )
    paragraphs.append(("".join(line_plain), line_html))

    body = []
    for plain, pieces in paragraphs:
        if not plain.strip():
            continue
        css = (
            ' class="qw-boilerplate" title="boilerplate: not part of the article"'
            if plain.strip() in boilerplate
            else ""
        )
        body.append(f"<p{css}>{''.join(pieces)}</p>")
    return f'<div class="qw-article">{"".join(body)}</div>'


def html_text_keep_spaces(piece: str) -> str:
    return html_text(piece).replace("\r", "")


def legend_html(speakers: Sequence[tuple[str, str]]) -> str:
    """``speakers`` as (key, display name) in order of first appearance."""
    colours = speaker_colours(key for key, _ in speakers)
    seen: set[str] = set()
    chips = []
    for key, name in speakers:
        if key in seen or not key:
            continue
        seen.add(key)
        chips.append(f'<span style="background:{html_attr(colours[key])}">{html_text(name)}</span>')
    return f'<div class="qw-legend">{"".join(chips)}</div>'
