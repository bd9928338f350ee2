"""Keyboard help: after "save and next" the browser's focus would fall back to the page body, so
the next quote's first field takes it again and the reviewer can keep going with Tab and Enter."""

from __future__ import annotations

import re

import streamlit as st

_SAFE_KEY = re.compile(r"[A-Za-z0-9_-]+")

# Fixed script, no user data in it (only a container key of ours). Streamlit mounts st.html without
# an iframe, so it reaches the form; a keyed container carries the class st-key-<key>.
_FOCUS_SCRIPT = """
<script>
(function () {
  // Poll briefly: the new form may be drawn after this script runs, while the old one still shows.
  let tries = 0;
  const timer = setInterval(function () {
    tries += 1;
    const field = document.querySelector('.st-key-BOX input:not([type="hidden"])');
    if (field && document.activeElement !== field) { field.focus(); }
    if (tries >= 30 || (tries >= 8 && field && document.activeElement === field)) { clearInterval(timer); }
  }, 100);
})();
</script>
"""


def focus_first_field(container_key: str) -> None:
    """Focus the first field inside ``st.container(key=container_key)`` (a key we chose, never user text)."""
    if not _SAFE_KEY.fullmatch(container_key):
        raise ValueError(f"not a plain container key: {container_key!r}")
    st.html(_FOCUS_SCRIPT.replace("BOX", container_key), unsafe_allow_javascript=True, width=1)
