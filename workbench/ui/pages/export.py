"""Export: verified quote sheets with the same filters as ``python -m workbench export``.

The page counts the quotes first; a sheet's bytes are made only when its download button is
clicked (Streamlit runs the callable then, on its own thread, in a transaction of its own). Every
database call goes through ``workbench.ui.common.transaction``: the app's one engine.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench.errors import WorkbenchError
from workbench.export import FORMATS, export_bytes, file_name, plan_export, reviewer_choices
from workbench.export.options import NO_VERDICT, ExportOptions
from workbench.ui.common import transaction
from workbench.ui.text import md
from workbench.verdicts import VERDICT_SCALE

ANYONE = ""
VERDICT_LABELS = {v.key: v.label for v in VERDICT_SCALE} | {NO_VERDICT: "No verdict yet"}


def sheet_bytes(format_name: str, options: ExportOptions) -> bytes:
    """Made on click, on Streamlit's download thread: a transaction of its own, read only."""
    return transaction(export_bytes, format_name, options)


st.header("Export")
st.caption(
    "Verified quote sheets: by default only quotes whose attribution a person confirmed or corrected. "
    "Every filter set here must match."
)

reviewers = transaction(reviewer_choices)

left, middle, right = st.columns(3)
article = left.text_input("Article id", key="export_article", placeholder="all articles")
speaker = middle.text_input("Speaker (name or person id)", key="export_speaker", placeholder="all speakers")
reviewer = right.selectbox(
    "Reviewer", [ANYONE, *reviewers], key="export_reviewer", format_func=lambda name: name or "anyone"
)
attribution = left.multiselect("Attribution", ATTRIBUTION_STATES, key="export_attribution")
follow_up = middle.multiselect("Follow-up", FOLLOW_UP_STATES, key="export_follow_up")
verdict = right.multiselect("Verdict", list(VERDICT_LABELS), key="export_verdict", format_func=VERDICT_LABELS.get)
date_from = left.date_input("Published from", value=None, key="export_from")
date_to = middle.date_input("Published to", value=None, key="export_to")
include_unverified = right.checkbox(
    "Include unverified quotes",
    key="export_unverified",
    help='They are marked: "verified: no" in CSV, JSON and XLSX, NOT VERIFIED in Markdown and HTML.',
)

try:
    options, total = transaction(
        plan_export,
        article_id=article,
        speaker=speaker,
        attribution=attribution,
        follow_up=follow_up,
        verdict=verdict,
        date_from=date_from,
        date_to=date_to,
        reviewer=reviewer or None,
        include_unverified=include_unverified,
    )
except WorkbenchError as exc:
    st.error(md(str(exc)))
    st.stop()

st.metric("Quotes in the sheet", f"{total:,}")
if total == 0:
    st.info("No quote matches these filters." + ("" if include_unverified else " Unverified quotes are left out."))

st.subheader("Download")
buttons = st.columns(len(FORMATS))
for column, export_format in zip(buttons, FORMATS.values(), strict=True):
    column.download_button(
        export_format.label,
        data=partial(sheet_bytes, export_format.name, options),
        file_name=file_name(export_format.name),
        mime=export_format.mime,
        key=f"export_download_{export_format.name}",
        help=export_format.description,
        on_click="ignore",
        disabled=total == 0,
        icon=":material/download:",
        width="stretch",
    )
st.caption(
    "CSV cells that begin with = + - @ or ' get one ' in front so no spreadsheet runs them as formulas; "
    "drop that first character to get the original text. ClaimReview holds only quotes with a verdict."
)
