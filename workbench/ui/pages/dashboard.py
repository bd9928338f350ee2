"""Dashboard: how far the desk has come, from a handful of GROUP BY counts."""

import pandas as pd
import streamlit as st

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench import browse
from workbench.ui.common import transaction
from workbench.ui.editor import state_label, verdict_label
from workbench.verdicts import VERDICT_SCALE

st.title("Dashboard")
progress = transaction(browse.desk_progress)

articles, quotes, reviewed, waiting = st.columns(4)
articles.metric("Articles", f"{progress.articles:,}")
quotes.metric("Quotes", f"{progress.quotes:,}")
share = f" ({100 * progress.reviewed / progress.quotes:.0f}%)" if progress.quotes else ""
reviewed.metric("Reviewed", f"{progress.reviewed:,}{share}")
waiting.metric("Awaiting a response", f"{progress.open_quote_follow_ups + progress.open_article_follow_ups:,}")
if progress.quotes:
    st.progress(progress.reviewed / progress.quotes, text=f"{progress.reviewed:,} of {progress.quotes:,} reviewed")


def _chart(title: str, counts: dict[str, int], order: list[str], label) -> None:
    st.markdown(f"**{title}**")
    if not any(counts.get(key, 0) for key in order):
        # An all-zero chart draws a meaningless axis; say it in words instead.
        st.caption("None yet.")
        return
    frame = pd.DataFrame(
        {"state": [label(key) for key in order], "quotes": [counts.get(key, 0) for key in order]}
    ).set_index("state")
    st.bar_chart(frame, horizontal=True, height=260, sort=False)


left, middle, right = st.columns(3)
with left:
    _chart("Attribution", progress.by_attribution, list(ATTRIBUTION_STATES), state_label)
with middle:
    # Quotes without a verdict would dwarf the scale; they are counted underneath instead.
    _chart("Verdicts", progress.by_verdict, [v.key for v in VERDICT_SCALE], verdict_label)
    st.caption(f"No verdict yet: {progress.by_verdict.get('none', 0):,} quotes")
with right:
    _chart("Quote follow-ups", progress.by_follow_up, list(FOLLOW_UP_STATES), state_label)
st.caption(f"Follow-ups reported in articles still awaiting a reply: {progress.open_article_follow_ups:,}")
