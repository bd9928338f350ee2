"""The "Add articles" panel: paste text, upload files (several at once), or fetch a URL."""

from __future__ import annotations

import streamlit as st

from workbench import ingest
from workbench.errors import WorkbenchError
from workbench.sources import ArticleInput, read_upload
from workbench.ui.common import session_factory
from workbench.ui.text import md

UPLOAD_TYPES = ["txt", "html", "htm", "jsonl"]
LANGUAGES = {"auto": "detect", "id": "Indonesian", "en": "English"}


def add_articles_panel() -> None:
    paste, upload, url = st.tabs(["Paste text", "Upload files", "From a URL"])
    with paste:
        _paste_form()
    with upload:
        _upload_form()
    with url:
        _url_form()
    report = st.session_state.pop("ingest_report", None)
    if report:
        _show_report(*report)


def _paste_form() -> None:
    with st.form("add_paste", clear_on_submit=True):
        text = st.text_area("Article text", height=200, placeholder="paste the whole article, dateline included")
        left, middle, right = st.columns(3)
        title = left.text_input("Title (optional)")
        url = middle.text_input("URL (optional)")
        lang = right.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get)
        if st.form_submit_button("Add article", type="primary"):
            if not text.strip():
                st.error("Paste the article's text first.")
                return
            item = ArticleInput(
                text=text,
                title=title.strip() or None,
                url=url.strip() or None,
                lang=None if lang == "auto" else lang,
                source="pasted text",
            )
            _ingest([item], "pasted text")


def _upload_form() -> None:
    with st.form("add_upload", clear_on_submit=True):
        files = st.file_uploader(
            "Articles as .txt, .html or .jsonl (one article per line)",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
        )
        if st.form_submit_button("Add files", type="primary"):
            if not files:
                st.error("Choose one or more files first.")
                return
            items = [item for f in files for item in read_upload(f.name, f.getvalue())]
            _ingest(items, f"{len(files)} file(s)")


def _url_form() -> None:
    with st.form("add_url", clear_on_submit=True):
        address = st.text_input("Article URL", placeholder="https://...")
        if st.form_submit_button("Fetch and add", type="primary"):
            if not address.strip():
                st.error("Type the article's address first.")
                return
            try:
                with st.spinner("Fetching the page..."):
                    item = ingest.fetch_url(address.strip())
            except WorkbenchError as exc:
                st.error(md(str(exc)))  # unreachable, not HTML, no text...: the rest of the page stays
                return
            _ingest([item], address.strip())


def _ingest(items: list, what: str) -> None:
    progress = st.progress(0.0, text=f"Storing {what}...")
    total = max(1, len(items))

    def advance(done: int, message: str) -> None:
        progress.progress(min(1.0, done / total), text=md(message))

    summary = ingest.ingest_items(session_factory(), items, progress=advance)
    progress.empty()
    st.session_state["ingest_report"] = (what, summary)
    st.rerun()


def _show_report(what: str, summary) -> None:
    st.success(
        f"{md(what)}: {summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged "
        f"article(s); {summary.quotes} quote(s)."
    )
    for problem in summary.rejected:
        st.warning(md(problem))
