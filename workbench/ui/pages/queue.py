"""Queue: every quote across articles, filtered and paged in the database, with "save and next"."""

import streamlit as st

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench import browse
from workbench.errors import NotFound
from workbench.queries import QuoteFilter
from workbench.ui import tables
from workbench.ui.common import filter_key, page_offset, pager, transaction
from workbench.ui.editor import VERDICT_KEYS, quote_editor, state_label, verdict_label
from workbench.ui.navigation import open_article
from workbench.ui.text import md

PAGE_SIZE = 50

st.title("Queue")

first, second, third = st.columns(3)
attribution = first.multiselect(
    "Attribution is", ATTRIBUTION_STATES, default=["unreviewed"], format_func=state_label, key="queue_attribution"
)
follow_up = second.multiselect("Follow-up is", FOLLOW_UP_STATES, format_func=state_label, key="queue_follow_up")
verdict = third.multiselect(
    "Verdict is",
    ["none", *VERDICT_KEYS[1:]],
    format_func=lambda key: "no verdict" if key == "none" else verdict_label(key),
    key="queue_verdict",
)
first, second, third = st.columns(3)
who = first.text_input("Speaker", placeholder="name (fuzzy)", key="queue_speaker_search")
speaker_id = None
if who.strip():
    people = transaction(browse.search_people, who, limit=20)
    labels = {p.id: p.label for p in people}
    speaker_id = first.selectbox(
        "Matching people", list(labels), format_func=labels.get, key="queue_speaker", placeholder="nobody matches"
    )
which = second.text_input("Article", placeholder="title, publisher or #id", key="queue_article_search")
article_id = None
if which.strip():
    found = {a.id: a.label for a in transaction(browse.find_articles, which, limit=30)}
    article_id = second.selectbox(
        "Matching articles", list(found), format_func=found.get, key="queue_article", placeholder="no article matches"
    )
dates = third.date_input("Published between", value=[], key="queue_dates")

quote_filter = QuoteFilter(
    attribution=tuple(attribution),
    follow_up=tuple(follow_up),
    verdict=tuple(verdict),
    speaker_id=speaker_id,
    article_id=article_id,
    date_from=dates[0] if len(dates) > 0 else None,
    date_to=dates[1] if len(dates) > 1 else (dates[0] if dates else None),
)


# The quote being reviewed, remembered per filter: a new filter starts at its first unreviewed quote.
CURRENT = filter_key("queue_current", quote_filter)


def _move_on(saved_quote_id: int) -> None:
    st.session_state[CURRENT] = transaction(browse.next_unreviewed_quote, quote_filter, after=saved_quote_id)
    st.session_state["queue_focus"] = True


current_id = st.session_state.get(CURRENT)
if current_id is None:
    current_id = transaction(browse.next_unreviewed_quote, quote_filter)
    st.session_state[CURRENT] = current_id

editor_column, list_column = st.columns([1, 1], gap="large")
with editor_column:
    if current_id is None:
        st.success("Nothing left to review under these filters.")
    else:
        try:
            quote = transaction(browse.quote_detail, current_id)
        except NotFound:
            del st.session_state[CURRENT]  # removed by re-extraction meanwhile: take the next one
            st.rerun()
        st.markdown(f"**{md(quote.shown_speaker)}**: {md(quote.text)}")
        st.caption(
            f"{md(quote.article_title or 'article')} · {quote.published or 'date unknown'} · "
            f"{md(state_label(quote.attribution))} · cue {md(quote.cue or '-')}"
        )
        if st.button("Open in its article", key="queue_open_article"):
            open_article(quote.article_id, quote.id)
        quote_editor(
            quote,
            key="queue",
            submit_label="Save and next",
            on_saved=_move_on,
            focus=st.session_state.pop("queue_focus", False),
        )

with list_column:
    page_key = filter_key("queue_page", quote_filter)
    result = transaction(browse.list_quotes, quote_filter, limit=PAGE_SIZE, offset=page_offset(page_key, PAGE_SIZE))
    if not result.rows and result.total:
        result = transaction(browse.list_quotes, quote_filter, limit=PAGE_SIZE, offset=0)
    if not result.rows:
        st.info("No quote matches these filters.")
    else:
        table_key = f"queue_table_{page_key}_{result.offset}"
        ids = [row.id for row in result.rows]

        def _picked_row() -> None:
            rows = st.session_state[table_key].selection.rows
            if rows:
                st.session_state[CURRENT] = ids[rows[0]]

        st.dataframe(
            tables.quotes_frame(result.rows),
            hide_index=True,
            width="stretch",
            key=table_key,
            on_select=_picked_row,
            selection_mode="single-row",
            column_config=tables.QUOTE_COLUMNS,
        )
        pager(page_key, result.page_count, result.total, ("quote", "quotes"))
        st.caption("Select a row to review that quote.")
