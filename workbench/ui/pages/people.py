"""People: every speaker with aliases, roles and counts; merge suggestions; one person's quotes."""

import streamlit as st

from workbench import browse, review
from workbench.queries import QuoteFilter
from workbench.ui import tables
from workbench.ui.common import act, filter_key, flash, need_reviewer, page_offset, pager, transaction
from workbench.ui.text import md

PAGE_SIZE = 25

st.title("People")
reviewer = need_reviewer()

suggestions = transaction(browse.open_merge_suggestions, limit=20)
if suggestions.total:
    st.subheader(f"Merge suggestions ({suggestions.total} open)")
    for suggestion in suggestions.rows:
        text, merge, reject = st.columns([6, 1, 1], vertical_alignment="center")
        text.markdown(
            f"**{md(suggestion.person_name)}** and **{md(suggestion.other_name)}** "
            f"(similarity {suggestion.score:.0f}{'; ' + md(suggestion.reason) if suggestion.reason else ''})"
        )
        if merge.button("Merge", key=f"merge_{suggestion.id}", disabled=not reviewer):
            done, kept = act(review.merge_people, suggestion.id, reviewer=reviewer)
            if done:
                flash(f"Merged into {md(kept.name)}.")
                st.rerun()
        if reject.button("Different people", key=f"reject_{suggestion.id}", disabled=not reviewer):
            done, _ = act(review.reject_merge, suggestion.id, reviewer=reviewer)
            if done:
                flash("Suggestion rejected.")
                st.rerun()

st.subheader("Speakers")
search = st.text_input("Search by name", key="people_search")
page_key = filter_key("people_page", search)
result = transaction(browse.list_people, search or None, limit=PAGE_SIZE, offset=page_offset(page_key, PAGE_SIZE))
if not result.rows and result.total:
    result = transaction(browse.list_people, search or None, limit=PAGE_SIZE, offset=0)
if not result.rows:
    st.info("Nobody matches." if search else "No people yet: they come with ingested articles.")
else:
    table_key = f"people_table_{page_key}_{result.offset}"
    choice_key = f"people_choice_{page_key}_{result.offset}"

    def _picked_row() -> None:
        rows = st.session_state[table_key].selection.rows
        if rows:
            st.session_state[choice_key] = result.rows[rows[0]].id

    st.dataframe(
        [
            {
                "name": p.name,
                "aliases": ", ".join(p.aliases),
                "roles": "; ".join(p.roles),
                "quotes": p.quotes,
                "articles": p.articles,
            }
            for p in result.rows
        ],
        hide_index=True,
        width="stretch",
        key=table_key,
        on_select=_picked_row,
        selection_mode="single-row",
    )
    pager(page_key, result.page_count, result.total, ("person", "people"))
    by_id = {p.id: p for p in result.rows}
    if st.session_state.get(choice_key) not in (None, *by_id):
        del st.session_state[choice_key]  # merged away since it was chosen
    chosen = st.selectbox(
        "Show the quotes of",
        list(by_id),
        index=None,
        key=choice_key,
        format_func=lambda pid: by_id[pid].name,
        placeholder="click a row above, or choose here",
    )
    if chosen is not None:
        person = by_id[chosen]
        st.subheader(f"Quotes by {md(person.name)}")
        quotes = transaction(browse.list_quotes, QuoteFilter(speaker_id=person.id), limit=100)
        if quotes.rows:
            st.dataframe(tables.quotes_frame(quotes.rows), hide_index=True, width="stretch")
            if quotes.total > len(quotes.rows):
                st.caption(f"The first {len(quotes.rows)} of {quotes.total}; the Queue filters by speaker for all.")
        else:
            st.caption("No quotes are attributed to this person.")

with st.expander("Add a person", icon=":material/person_add:"):
    with st.form("add_person", clear_on_submit=True):
        name = st.text_input("Name")
        role = st.text_input("Role (optional)")
        if st.form_submit_button("Add person", disabled=not reviewer):
            done, person = act(review.add_person, name, reviewer=reviewer, role=role or None)
            if done:
                flash(f"{md(person.name)} is on the list.")
                st.rerun()
