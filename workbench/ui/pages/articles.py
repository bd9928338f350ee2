"""Articles: add articles (paste, upload, URL) and list them with their review progress."""

import streamlit as st

from workbench import browse
from workbench.ui.adding import add_articles_panel
from workbench.ui.common import filter_key, page_offset, pager, transaction
from workbench.ui.navigation import open_article

PAGE_SIZE = 25

st.title("Articles")
has_articles = transaction(browse.list_articles, limit=1).total > 0
with st.expander("Add articles", expanded=not has_articles, icon=":material/add:"):
    add_articles_panel()

search_column, publisher_column, dates_column = st.columns([3, 2, 2])
search = search_column.text_input("Search", placeholder="title, publisher, source or id", key="articles_search")
publisher = publisher_column.selectbox(
    "Publisher", transaction(browse.publishers), index=None, placeholder="any publisher", key="articles_publisher"
)
dates = dates_column.date_input("Published between", value=[], key="articles_dates")
date_from = dates[0] if len(dates) > 0 else None
date_to = dates[1] if len(dates) > 1 else date_from

article_filter = browse.ArticleFilter(search=search or None, publisher=publisher, date_from=date_from, date_to=date_to)
page_key = filter_key("articles_page", article_filter)
result = transaction(browse.list_articles, article_filter, limit=PAGE_SIZE, offset=page_offset(page_key, PAGE_SIZE))
if not result.rows and result.total:
    result = transaction(browse.list_articles, article_filter, limit=PAGE_SIZE, offset=0)

if not result.rows:
    st.info("No article matches these filters." if result.total == 0 and has_articles else "No articles yet.")
else:
    table = [
        {
            "id": row.id,
            "title": row.title or row.external_id or "untitled",
            "publisher": row.publisher or "",
            "published": row.published,
            "original source": row.original_source or "",
            "quotes": row.quotes,
            "reviewed": row.reviewed,
            "open follow-ups": row.open_follow_ups,
        }
        for row in result.rows
    ]
    table_key = f"articles_table_{page_key}_{result.offset}"
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key=table_key,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "id": st.column_config.NumberColumn("id", width="small"),
            "title": st.column_config.TextColumn("title", width="large"),
        },
    )
    pager(page_key, result.page_count, result.total, ("article", "articles"))
    rows = picked.selection.rows if picked else []
    if rows:
        open_article(result.rows[rows[0]].id)
    st.caption("Select a row to review that article.")
