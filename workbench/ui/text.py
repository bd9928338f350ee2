"""Make untrusted article and quote text safe for Streamlit's Markdown and HTML.

Streamlit renders labels, captions and ``st.markdown`` as Markdown (with LaTeX between ``$``,
emoji ``:shortcodes:`` and links), so text from an article must lose every one of those meanings
before it is shown; HTML built for ``unsafe_allow_html`` must also be HTML-escaped.
"""

from __future__ import annotations

import html

# Characters that start Markdown, LaTeX, emoji or directive syntax somewhere in a line.
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:&\"'="
_BACKSLASHED = {ord(c): "\\" + c for c in _MARKDOWN_SPECIALS}
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIALS}


def md(text: object) -> str:
    """``text`` as literal Markdown: every special character backslash-escaped, newlines as spaces."""
    # Escaping ":" and "." also stops "http://..." and "www..." from being auto-linked.
    return " ".join(str(text).split()).translate(_BACKSLASHED)


def html_text(text: object) -> str:
    """``text`` for HTML that Streamlit also reads as Markdown: tags escaped, Markdown specials as entities."""
    # Entities are decoded after Markdown parsing, so the characters show up but never act as syntax.
    return str(text).translate(_ENTITIES)


def html_attr(text: object) -> str:
    return html.escape(str(text), quote=True)
