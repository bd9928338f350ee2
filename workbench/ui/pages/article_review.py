"""Article review: the article with each quote highlighted in its speaker's colour, the table of
its quotes, the editor of the selected quote, and the follow-ups the article itself reports."""

import streamlit as st

from workbench import browse
from workbench.ui import tables
from workbench.ui.common import transaction
from workbench.ui.editor import attempts_panel, follow_up_editor, history_table, quote_editor, state_label
from workbench.ui.highlight import ARTICLE_CSS, Span, article_html, legend_html
from workbench.ui.navigation import article_picker
from workbench.ui.text import md

article_id = article_picker()
if article_id is None:
    st.stop()
article = transaction(browse.article_view, article_id)

st.subheader(md(article.title or article.external_id or f"Article {article.id}"))
facts = [
    md(article.publisher or "publisher unknown"),
    md(article.published.isoformat()) if article.published else "date unknown",
]
if article.original_source:
    facts.append(f"from {md(article.original_source)}")
if article.url:
    facts.append(md(article.url))
facts.append(f"{len(article.quotes)} quotes, {sum(q.attribution != 'unreviewed' for q in article.quotes)} reviewed")
st.caption(" · ".join(facts))

quote_key = f"review_quote_{article.id}"
quote_ids = [q.id for q in article.quotes]
wanted = st.query_params.get("quote")
if quote_key not in st.session_state and wanted and wanted.isdigit() and int(wanted) in quote_ids:
    st.session_state[quote_key] = int(wanted)
if st.session_state.get(quote_key) not in (None, *quote_ids):
    del st.session_state[quote_key]  # the quote is gone (re-extraction removed it)
selected_id = None

numbers = {q.id: n for n, q in enumerate(article.quotes, start=1)}
by_id = {q.id: q for q in article.quotes}
if not article.quotes:
    st.info("No quotes were found in this article.")
else:
    table_key = f"review_table_{article.id}"

    def _picked_row() -> None:
        rows = st.session_state[table_key].selection.rows
        if rows:
            st.session_state[quote_key] = quote_ids[rows[0]]

    st.dataframe(
        tables.article_quotes_frame(article.quotes),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(article.quotes), 280),
        key=table_key,
        on_select=_picked_row,
        selection_mode="single-row",
        column_config=tables.QUOTE_COLUMNS,
    )
    selected_id = st.selectbox(
        "Quote to review",
        quote_ids,
        index=None,
        key=quote_key,
        format_func=lambda qid: tables.quote_choice_label(numbers[qid], by_id[qid]),
        placeholder="click a row above, or choose here",
    )

text_column, work_column = st.columns([1, 1], gap="large")

with text_column:
    speakers = [(tables.speaker_key(q), q.shown_speaker) for q in article.quotes]
    spans = [
        Span(q.start, q.end, number, tables.speaker_key(q), selected=q.id == selected_id)
        for number, q in enumerate(article.quotes, start=1)
    ]
    st.markdown(
        ARTICLE_CSS + legend_html(speakers) + article_html(article.text, spans, article.boilerplate_lines),
        unsafe_allow_html=True,
    )

with work_column:
    if selected_id is not None:
        quote = by_id[selected_id]
        st.query_params["quote"] = str(quote.id)
        st.markdown(f"**Quote {numbers[selected_id]}**: {md(quote.text)}")
        extracted = quote.extracted_speaker or quote.speaker_mention or "nobody"
        st.caption(
            f"Machine attribution: {md(extracted)} (mention {md(quote.speaker_mention or '-')}, "
            f"cue {md(quote.cue or '-')})" + (f" · flagged: {md(quote.flag_reason)}" if quote.flag_reason else "")
        )
        decide, attempts, changes = st.tabs(["Decide", "Contact attempts", "History"])
        with decide:
            quote_editor(quote, key="review")
        with attempts:
            attempts_panel(key=f"review_attempts_{quote.id}", quote_id=quote.id)
        with changes:
            history_table(quote_id=quote.id)
    elif article.quotes:
        st.caption("Select a quote in the table (or the list above it) to review it.")

    st.markdown("#### Follow-ups reported in the article")
    if not article.follow_ups:
        st.caption("The article reports no attempt to reach anyone for comment.")
    for follow_up in article.follow_ups:
        who = follow_up.target_name or "someone unnamed"
        role = f", {follow_up.target_role}" if follow_up.target_role else ""
        with st.expander(f"{md(who + role)}: {md(state_label(follow_up.status))}", expanded=True):
            st.caption(f"Article says ({md(state_label(follow_up.extracted_status))}): {md(follow_up.evidence)}")
            follow_up_editor(follow_up, key="review")
            with st.popover("Attempts and history"):
                attempts_panel(key=f"review_fu_attempts_{follow_up.id}", follow_up_id=follow_up.id)
                history_table(follow_up_id=follow_up.id)
