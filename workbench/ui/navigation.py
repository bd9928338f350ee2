"""Moving between pages: which article is open lives in the URL (``?article=ID&quote=ID``), so a
reload or a shared link shows the same article."""

from __future__ import annotations

import streamlit as st

from workbench import browse
from workbench.ui.common import transaction

REVIEW_PAGE = "workbench/ui/pages/article_review.py"  # relative to app.py


def query_int(name: str) -> int | None:
    value = st.query_params.get(name)
    return int(value) if value and value.isdigit() else None


def open_article(article_id: int, quote_id: int | None = None) -> None:
    params = {"article": str(article_id)}
    if quote_id is not None:
        params["quote"] = str(quote_id)
    st.switch_page(REVIEW_PAGE, query_params=params)


def article_picker() -> int | None:
    """A search box and a list of matching articles; the choice is kept in the URL."""
    current = query_int("article")
    left, right = st.columns([1, 2])
    search = left.text_input("Find an article", key="review_article_search", placeholder="title, publisher or #id")
    choices = transaction(browse.find_articles, search, limit=50)
    if current is not None and all(c.id != current for c in choices):
        extra = transaction(browse.article_choice, current)
        if extra is not None:
            choices.insert(0, extra)
    if not choices:
        st.info("No article matches. Add articles on the Articles page." if search else "No articles yet.")
        return None
    labels = {c.id: c.label for c in choices}
    ids = list(labels)
    # No widget key: the list's identity follows the URL, so arriving from another page shows that article.
    chosen = right.selectbox(
        "Article", ids, index=ids.index(current) if current in labels else 0, format_func=labels.get
    )
    if chosen != current:
        st.query_params["article"] = str(chosen)
        if "quote" in st.query_params:
            del st.query_params["quote"]
    return chosen
