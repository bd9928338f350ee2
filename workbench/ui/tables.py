"""Small tables for st.dataframe built from browse records (cells are shown as text, never Markdown)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from workbench.browse import QuoteRow
from workbench.ui.editor import state_label, verdict_label
from workbench.ui.highlight import speaker_colours

# Widths in pixels so that all nine columns fit a wide screen; the full text is in the editor.
QUOTE_COLUMNS = {
    "#": st.column_config.NumberColumn("#", width=40),
    "speaker": st.column_config.TextColumn("speaker", width=150),
    "quote": st.column_config.TextColumn("quote", width=330),
    "role": st.column_config.TextColumn("role", width=140),
}


def speaker_key(quote: QuoteRow) -> str:
    """Quotes by the same person share a colour; unresolved speakers are grouped by their name."""
    if quote.speaker_id is not None:
        return f"person:{quote.speaker_id}"
    return f"name:{quote.extracted_speaker or quote.speaker_mention or ''}"


def short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_choice_label(number: int, quote: QuoteRow) -> str:
    return f"{number}. {quote.shown_speaker}: {short(quote.text, 70)}"


def follow_up_cell(quote: QuoteRow) -> str:
    cell = state_label(quote.follow_up_status)
    if quote.follow_up_summary:
        cell += f" ({short(quote.follow_up_summary, 40)})"
    return cell


def article_quotes_frame(quotes: Sequence[QuoteRow]):
    """The review page's table; the speaker cell takes the speaker's highlight colour."""
    frame = pd.DataFrame(
        [
            {
                "#": number,
                "speaker": q.shown_speaker,
                "quote": short(q.text),
                "role": q.speaker_role or "",
                "cue": q.cue or "",
                "kind": q.kind,
                "attribution": state_label(q.attribution),
                "follow-up": follow_up_cell(q),
                "verdict": verdict_label(q.verdict) if q.verdict else "",
            }
            for number, q in enumerate(quotes, start=1)
        ]
    )
    colours = speaker_colours(speaker_key(q) for q in quotes)
    backgrounds = [f"background-color: {colours.get(speaker_key(q), '')}" for q in quotes]
    return frame.style.apply(lambda _column: backgrounds, subset=["speaker"])


def quotes_frame(quotes: Sequence[QuoteRow]) -> pd.DataFrame:
    """The queue's and people page's table: quotes from many articles."""
    return pd.DataFrame(
        [
            {
                "quote": short(q.text),
                "speaker": q.shown_speaker,
                "attribution": state_label(q.attribution),
                "follow-up": follow_up_cell(q),
                "verdict": verdict_label(q.verdict) if q.verdict else "",
                "article": short(q.article_title or f"#{q.article_id}", 40),
                "date": q.published,
                "reviewed by": q.reviewed_by or "",
            }
            for q in quotes
        ],
        columns=["quote", "speaker", "attribution", "follow-up", "verdict", "article", "date", "reviewed by"],
    )
