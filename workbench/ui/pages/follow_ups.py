"""Follow-ups: everything awaiting a response, overdue and oldest first."""

from datetime import UTC, datetime

import streamlit as st

from workbench import browse
from workbench.ui.common import page_offset, pager, transaction
from workbench.ui.editor import attempts_panel, follow_up_editor, history_table, quote_editor, state_label
from workbench.ui.navigation import open_article
from workbench.ui.text import md

PAGE_SIZE = 25
PAGE_KEY = "follow_ups_page"

st.title("Follow-ups")
today = datetime.now(UTC).date()
result = transaction(browse.awaiting_reply, today=today, limit=PAGE_SIZE, offset=page_offset(PAGE_KEY, PAGE_SIZE))
if not result.rows and result.total:
    result = transaction(browse.awaiting_reply, today=today, limit=PAGE_SIZE, offset=0)
if not result.rows:
    st.success("Nobody is awaiting a response.")
    st.stop()

overdue = sum(row.overdue(today) for row in result.rows)
st.caption(f"{result.total} awaiting a response" + (f"; {overdue} overdue on this page" if overdue else ""))
table_key = f"follow_ups_table_{result.offset}"
choice_key = f"follow_ups_choice_{result.offset}"


def _item_key(row: browse.AwaitingRow) -> str:
    return f"{row.kind}:{row.id}"


items = {_item_key(row): row for row in result.rows}
if st.session_state.get(choice_key) not in (None, *items):
    del st.session_state[choice_key]  # answered or closed since it was chosen


def _picked_row() -> None:
    rows = st.session_state[table_key].selection.rows
    if rows:
        st.session_state[choice_key] = _item_key(result.rows[rows[0]])


st.dataframe(
    [
        {
            "who": row.who or "unknown",
            "role": row.role or "",
            "status": state_label(row.status),
            "overdue": row.overdue(today),
            "deadline": row.deadline,
            "since": row.since.date() if row.since else None,
            "attempts": row.attempts,
            "channel": row.channel or "",
            "summary": row.summary or "",
            "about": "a quote" if row.kind == "quote" else "the article",
            "article": row.article_title or f"#{row.article_id}",
        }
        for row in result.rows
    ],
    hide_index=True,
    width="stretch",
    key=table_key,
    on_select=_picked_row,
    selection_mode="single-row",
    column_config={"overdue": st.column_config.CheckboxColumn("overdue")},
)
pager(PAGE_KEY, result.page_count, result.total, ("item", "items"))


def _item_label(key: str) -> str:
    row = items[key]
    about = "a quote" if row.kind == "quote" else "the article"
    return f"{row.who or 'unknown'}: {state_label(row.status)} ({about} in {row.article_title or 'an article'})"


chosen = st.selectbox(
    "Update",
    list(items),
    index=None,
    key=choice_key,
    format_func=_item_label,
    placeholder="click a row, or choose here",
)
if chosen is None:
    st.stop()
item = items[chosen]
st.subheader(f"{md(item.who or 'Unknown')}: {md(state_label(item.status))}")
if st.button("Open the article", key="follow_ups_open"):
    open_article(item.article_id, item.id if item.kind == "quote" else None)
decide, attempts, changes = st.tabs(["Update", "Contact attempts", "History"])
if item.kind == "quote":
    quote = transaction(browse.quote_detail, item.id)
    with decide:
        st.markdown(f"Quote: {md(quote.text)}")
        quote_editor(quote, key="follow_ups")
    with attempts:
        attempts_panel(key=f"follow_ups_attempts_q{item.id}", quote_id=item.id)
    with changes:
        history_table(quote_id=item.id)
else:
    follow_up = transaction(browse.follow_up_detail, item.id)
    with decide:
        st.caption(f"Article says: {md(follow_up.evidence)}")
        follow_up_editor(follow_up, key="follow_ups")
    with attempts:
        attempts_panel(key=f"follow_ups_attempts_f{item.id}", follow_up_id=item.id)
    with changes:
        history_table(follow_up_id=item.id)
