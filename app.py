"""Quote Workbench: ``streamlit run app.py``. A router; each page is a small file in workbench/ui/pages."""

from pathlib import Path

import streamlit as st

from workbench.ui.common import reviewer_sidebar, show_flash, shown_errors

PAGES_DIR = Path(__file__).resolve().parent / "workbench" / "ui" / "pages"

st.set_page_config(page_title="Quote Workbench", page_icon=":material/format_quote:", layout="wide")


def _page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    return st.Page(PAGES_DIR / f"{name}.py", title=title, icon=icon, url_path=name, default=default)


pages = [
    _page("articles", "Articles", ":material/newspaper:", default=True),
    _page("article_review", "Article review", ":material/rate_review:"),
    _page("queue", "Queue", ":material/checklist:"),
    _page("people", "People", ":material/groups:"),
    _page("follow_ups", "Follow-ups", ":material/call:"),
    _page("dashboard", "Dashboard", ":material/monitoring:"),
]
if (PAGES_DIR / "export.py").is_file():
    pages.append(_page("export", "Export", ":material/download:"))

# Less empty space above each page: the desk works on wide screens full of text.
st.html("<style>[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }</style>")
navigation = st.navigation(pages)
reviewer_sidebar()
show_flash()
with shown_errors():
    navigation.run()
