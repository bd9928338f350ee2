"""Keyboard help: after "save and next" the browser's focus would fall back to the page body, so
the next quote's first field takes it again and the reviewer can keep going with Tab and Enter."""

from __future__ import annotations

import streamlit as st

# Fixed script, no user data in it. Streamlit mounts st.html without an iframe, so it reaches the
# form; it waits a moment for the new form to be drawn.
_FOCUS_SCRIPT = """
<script>
setTimeout(function () {
  const field = document.querySelector('[data-testid="stForm"] input:not([type="hidden"])');
  if (field) { field.focus(); }
}, 400);
</script>
"""


def focus_first_field() -> None:
    st.html(_FOCUS_SCRIPT, unsafe_allow_javascript=True, width=1)
