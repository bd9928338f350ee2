"""The quote editor and the article follow-up editor, shared by the review, queue and follow-up pages.

A form holds one decision; its widget keys carry the row's version, so after any save (ours or a
colleague's) the form shows what is stored now. Only fields the reviewer changed are sent, so a
save never overwrites a colleague's change to another field with stale values. A save refused as
stale keeps the reviewer's values and shows them next to the stored ones, with a button to apply
them again over the current version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time
from typing import Any

import streamlit as st

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench import browse, review
from workbench.browse import FollowUpRow, QuoteRow
from workbench.errors import StaleEdit
from workbench.ui.common import NAME_FIRST, REVIEWER_KEY, act, flash, need_reviewer, transaction
from workbench.ui.keyboard import focus_first_field
from workbench.ui.text import md
from workbench.verdicts import VERDICT_SCALE, verdict_for

NO_VERDICT = ""
VERDICT_KEYS = (NO_VERDICT, *(v.key for v in VERDICT_SCALE))


def verdict_label(key: str | None) -> str:
    verdict = verdict_for(key)
    return verdict.label if verdict else "no verdict"


def state_label(state: str) -> str:
    return state.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Conflict:
    """A refused save kept for the reviewer: what they wanted, and why it was refused."""

    message: str
    mine: Any  # the QuoteDecision or FollowUpDecision they submitted
    new_person: tuple[str, str | None] | None  # (name, role) to add before reapplying
    changes: list[tuple[str, str, str, str | None, str | None]]  # (at, reviewer, field, before, after)


def _contact_datetime(day: date | None) -> datetime | None:
    return datetime.combine(day, time(), UTC) if day else None


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def _links(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _changed_fields(decision: Any) -> dict[str, Any]:
    return {f.name: getattr(decision, f.name) for f in fields(decision) if getattr(decision, f.name) is not None}


def _speaker_options(quote: QuoteRow, search: str) -> dict[int, str]:
    """The current speaker first, then people like the search (or like the extracted name)."""
    wanted = search.strip() or quote.extracted_speaker or quote.speaker_mention or ""
    options: dict[int, str] = {}
    if quote.speaker_id is not None:
        for person in transaction(browse.people_by_id, [quote.speaker_id]):
            options[person.id] = person.label
    if wanted:
        for person in transaction(browse.search_people, wanted, limit=15):
            options.setdefault(person.id, person.label)
    return options


def quote_editor(
    current: QuoteRow,
    *,
    key: str,
    submit_label: str = "Save",
    on_saved: Callable[[int], None] | None = None,
    focus: bool = False,
) -> None:
    """Edit one quote's review state. ``on_saved(quote_id)`` runs after a successful save;
    ``focus`` puts the keyboard focus on the form's first field (after "save and next").

    The form shows the quote as it was when the reviewer opened it (kept in the browser session),
    and saves against that version, so a colleague's save in between is caught, not overwritten.
    """
    reviewer = need_reviewer()
    opened_key = f"{key}_opened_{current.id}"
    quote: QuoteRow = st.session_state.setdefault(opened_key, current)
    conflict_key = f"{key}_conflict_{current.id}"
    if conflict_key in st.session_state:
        _show_quote_conflict(current, conflict_key, opened_key, reviewer, on_saved)
    elif quote.version != current.version:
        _offer_latest(opened_key, current.reviewed_by)

    search = st.text_input(
        "Find a person",
        key=f"{key}_find_{quote.id}",
        placeholder="type a name to list more people under Speaker",
    )
    options = _speaker_options(quote, search)
    form_key = f"{key}_q{quote.id}v{quote.version}"
    # Fields in the order a reviewer usually needs them, so Tab walks the common path first:
    # attribution, speaker, verdict, then the follow-up, then notes; Enter in a one-line field saves.
    with st.container(key=f"{form_key}_box"), st.form(form_key, border=True):
        left, middle, right = st.columns(3)
        attribution = left.selectbox(
            "Attribution",
            ATTRIBUTION_STATES,
            index=ATTRIBUTION_STATES.index(quote.attribution) if quote.attribution in ATTRIBUTION_STATES else 0,
            format_func=state_label,
            key=f"{form_key}_attribution",
        )
        speaker = middle.selectbox(
            "Speaker",
            list(options),
            index=list(options).index(quote.speaker_id) if quote.speaker_id in options else None,
            format_func=lambda pid: options.get(pid, str(pid)),
            placeholder="choose a known person",
            key=f"{form_key}_speaker",
        )
        verdict = right.selectbox(
            "Verdict",
            VERDICT_KEYS,
            index=VERDICT_KEYS.index(quote.verdict or NO_VERDICT)
            if (quote.verdict or NO_VERDICT) in VERDICT_KEYS
            else 0,
            format_func=verdict_label,
            key=f"{form_key}_verdict",
        )
        left, middle, right = st.columns(3)
        follow_up = left.selectbox(
            "Follow-up",
            FOLLOW_UP_STATES,
            index=FOLLOW_UP_STATES.index(quote.follow_up_status) if quote.follow_up_status in FOLLOW_UP_STATES else 0,
            format_func=state_label,
            key=f"{form_key}_follow_up",
        )
        summary = middle.text_input(
            "Follow-up summary",
            value=quote.follow_up_summary or "",
            placeholder="e.g. no response from party chair",
            key=f"{form_key}_summary",
        )
        channel = right.text_input(
            "Channel", value=quote.follow_up_channel or "", placeholder="phone, WhatsApp...", key=f"{form_key}_channel"
        )
        left, middle, right = st.columns(3)
        deadline = left.date_input("Deadline", value=quote.follow_up_deadline, key=f"{form_key}_deadline")
        contacted = middle.date_input(
            "Contacted on", value=_day(quote.follow_up_contacted_at), key=f"{form_key}_contacted"
        )
        left, right = st.columns(2)
        notes = left.text_area("Notes", value=quote.notes or "", height=80, key=f"{form_key}_notes")
        links = right.text_area(
            "Evidence links (one per line)",
            value="\n".join(quote.evidence_links),
            height=80,
            key=f"{form_key}_links",
        )
        left, right = st.columns(2)
        new_name = left.text_input(
            "Speaker not listed? Their name",
            key=f"{form_key}_new_person",
            placeholder="added as a new person; this corrects the speaker",
        )
        new_role = right.text_input("Their role", key=f"{form_key}_role", placeholder="optional")
        submitted = st.form_submit_button(
            submit_label, type="primary", disabled=not reviewer, help=None if reviewer else NAME_FIRST
        )

    if focus:
        focus_first_field(f"{form_key}_box")
    if not submitted or not reviewer:
        return
    new_person = (new_name.strip(), new_role.strip() or None) if new_name.strip() else None
    speaker_id = speaker if new_person is None and speaker is not None and speaker != quote.speaker_id else None
    decision = review.QuoteDecision(
        attribution=attribution if attribution != quote.attribution else None,
        speaker_id=speaker_id,
        follow_up=follow_up if follow_up != quote.follow_up_status else None,
        follow_up_channel=channel.strip() if channel.strip() != (quote.follow_up_channel or "") else None,
        follow_up_contacted_at=_contact_datetime(contacted)
        if contacted and contacted != _day(quote.follow_up_contacted_at)
        else None,
        follow_up_deadline=deadline if deadline and deadline != quote.follow_up_deadline else None,
        follow_up_summary=summary.strip() if summary.strip() != (quote.follow_up_summary or "") else None,
        verdict=verdict if verdict != (quote.verdict or NO_VERDICT) else None,
        notes=notes.strip() if notes.strip() != (quote.notes or "") else None,
        evidence_links=_links(links) if _links(links) != list(quote.evidence_links) else None,
    )
    if not _changed_fields(decision) and new_person is None:
        if on_saved:
            on_saved(quote.id)  # nothing to save: "save and next" moves on, like a skip
        else:
            st.info("Nothing changed.")
        return
    _save_quote(quote.id, decision, new_person, reviewer, quote.version, (conflict_key, opened_key), on_saved)


def _offer_latest(opened_key: str, by: str | None) -> None:
    note, load = st.columns([4, 1], vertical_alignment="center")
    note.info(f"{md(by or 'Someone')} changed this since you opened it; saving will show you both versions.")
    if load.button("Show the latest", key=f"{opened_key}_latest"):
        st.session_state.pop(opened_key, None)
        st.rerun()


def _decide_with_new_person(session, quote_id, decision, new_person, reviewer, expected_version):
    # Adding the person and attributing the quote to them is one action: both or neither.
    if new_person is not None:
        person = review.add_person(session, new_person[0], reviewer=reviewer, role=new_person[1])
        session.flush()
        decision = replace(decision, speaker_id=person.id)
    return review.decide_quote(session, quote_id, decision, reviewer=reviewer, expected_version=expected_version)


def _save_quote(quote_id, decision, new_person, reviewer, expected_version, keys, on_saved) -> None:
    conflict_key, opened_key = keys
    try:
        done, _quote = act(_decide_with_new_person, quote_id, decision, new_person, reviewer, expected_version)
    except StaleEdit as exc:
        st.session_state[conflict_key] = Conflict(str(exc), decision, new_person, _change_rows(exc.changes))
        st.rerun()
    if not done:
        return  # refused (a bad link, say): the message is shown and the form keeps what was typed
    # Saved: the form starts again from what is stored now.
    st.session_state.pop(conflict_key, None)
    st.session_state.pop(opened_key, None)
    flash("Saved.")
    if on_saved:
        on_saved(quote_id)
    st.rerun()


def _change_rows(changes: list) -> list[tuple[str, str, str, str, str]]:
    """A colleague's ReviewEvents as plain rows (the events belong to a closed session)."""
    return [
        (
            review.show_time(event.at),
            event.reviewer,
            event.field,
            review.show_value(review.decode(event.before)),
            review.show_value(review.decode(event.after)),
        )
        for event in changes
    ]


QUOTE_FIELDS_SHOWN = {
    "attribution": "attribution",
    "speaker_id": "speaker_name",
    "follow_up": "follow_up_status",
    "follow_up_channel": "follow_up_channel",
    "follow_up_contacted_at": "follow_up_contacted_at",
    "follow_up_deadline": "follow_up_deadline",
    "follow_up_summary": "follow_up_summary",
    "verdict": "verdict",
    "notes": "notes",
    "evidence_links": "evidence_links",
}


def _show_quote_conflict(quote: QuoteRow, conflict_key: str, opened_key: str, reviewer: str | None, on_saved) -> None:
    """``quote`` is the stored quote now (theirs); the conflict holds the reviewer's decision (yours)."""
    conflict: Conflict = st.session_state[conflict_key]
    with st.container(border=True):
        st.warning(f"Not saved: {md(conflict.message)}")
        mine = _changed_fields(conflict.mine)
        if conflict.new_person:
            mine["speaker_id"] = f"new person: {conflict.new_person[0]}"
        elif "speaker_id" in mine:
            mine["speaker_id"] = next(
                (p.name for p in transaction(browse.people_by_id, [mine["speaker_id"]])), mine["speaker_id"]
            )
        theirs = asdict(quote)
        table = [
            {
                "field": name.replace("_", " "),
                "stored now (theirs)": _shown(theirs.get(QUOTE_FIELDS_SHOWN.get(name, name))),
                "yours": _shown(value),
            }
            for name, value in mine.items()
        ]
        st.dataframe(table, hide_index=True, width="stretch")
        if conflict.changes:
            st.caption("Changed since you opened the quote:")
            st.dataframe(
                [
                    {"when": at, "who": who, "field": field, "before": before, "after": after}
                    for at, who, field, before, after in conflict.changes
                ],
                hide_index=True,
                width="stretch",
            )
        reapply, discard = st.columns(2)
        if reapply.button("Reapply my changes", key=f"{conflict_key}_reapply", type="primary", disabled=not reviewer):
            _save_quote(
                quote.id,
                conflict.mine,
                conflict.new_person,
                reviewer,
                quote.version,
                (conflict_key, opened_key),
                on_saved,
            )
        if discard.button("Keep theirs", key=f"{conflict_key}_discard"):
            st.session_state.pop(conflict_key, None)
            st.session_state.pop(opened_key, None)
            st.rerun()


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    return str(value)


def history_table(*, quote_id: int | None = None, follow_up_id: int | None = None) -> None:
    def read(session):
        return [
            {
                "when": review.show_time(e.at),
                "who": e.reviewer,
                "field": e.field,
                "before": review.show_value(review.decode(e.before)),
                "after": review.show_value(review.decode(e.after)),
            }
            for e in review.history(session, quote_id=quote_id, follow_up_id=follow_up_id)
        ]

    rows = transaction(read)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption("No changes yet.")


def attempts_panel(*, key: str, quote_id: int | None = None, follow_up_id: int | None = None) -> None:
    """Contact attempts made so far, and a small form to log another."""
    attempts = transaction(browse.contact_attempts, quote_id=quote_id, follow_up_id=follow_up_id)
    if attempts:
        st.dataframe(
            [
                {
                    "when": a.attempted_at.strftime("%Y-%m-%d %H:%M"),
                    "channel": a.channel,
                    "outcome": a.outcome,
                    "note": a.note,
                    "by": a.logged_by,
                }
                for a in attempts
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No contact attempts logged.")
    reviewer = st.session_state.get(REVIEWER_KEY)
    with st.form(f"{key}_attempt", clear_on_submit=True, border=False):
        left, middle, right = st.columns(3)
        channel = left.text_input("Channel", placeholder="phone, WhatsApp, email", key=f"{key}_attempt_channel")
        outcome = middle.selectbox(
            "Outcome", FOLLOW_UP_STATES[1:], format_func=state_label, key=f"{key}_attempt_outcome"
        )
        note = right.text_input("Note", key=f"{key}_attempt_note")
        if st.form_submit_button("Log attempt", disabled=not reviewer, help=None if reviewer else NAME_FIRST):
            done, _attempt = act(
                review.log_contact_attempt,
                reviewer=reviewer,
                quote_id=quote_id,
                follow_up_id=follow_up_id,
                channel=channel.strip() or None,
                outcome=outcome,
                note=note.strip() or None,
            )
            if done:
                flash("Attempt logged.")
                st.rerun()


def follow_up_editor(current: FollowUpRow, *, key: str, on_saved: Callable[[int], None] | None = None) -> None:
    """Edit an article follow-up (an attempt to reach someone that the article itself reports).

    Like the quote editor, the form keeps the version the reviewer opened and saves against it.
    """
    reviewer = st.session_state.get(REVIEWER_KEY)
    opened_key = f"{key}_opened_f{current.id}"
    follow_up: FollowUpRow = st.session_state.setdefault(opened_key, current)
    conflict_key = f"{key}_conflict_f{current.id}"
    form_key = f"{key}_f{follow_up.id}v{follow_up.version}"
    keys = (conflict_key, opened_key)
    if conflict_key not in st.session_state and follow_up.version != current.version:
        _offer_latest(opened_key, current.updated_by)
    if conflict_key in st.session_state:
        conflict: Conflict = st.session_state[conflict_key]
        with st.container(border=True):
            st.warning(f"Not saved: {md(conflict.message)}")
            theirs = asdict(current)
            st.dataframe(
                [
                    {"field": name, "stored now (theirs)": _shown(theirs.get(name)), "yours": _shown(value)}
                    for name, value in _changed_fields(conflict.mine).items()
                ],
                hide_index=True,
                width="stretch",
            )
            reapply, discard = st.columns(2)
            if reapply.button(
                "Reapply my changes", key=f"{conflict_key}_reapply", type="primary", disabled=not reviewer
            ):
                _save_follow_up(current.id, conflict.mine, reviewer, current.version, keys, on_saved)
            if discard.button("Keep theirs", key=f"{conflict_key}_discard"):
                st.session_state.pop(conflict_key, None)
                st.session_state.pop(opened_key, None)
                st.rerun()

    with st.form(form_key, border=True):
        left, middle, right = st.columns(3)
        status = left.selectbox(
            "Status",
            FOLLOW_UP_STATES,
            index=FOLLOW_UP_STATES.index(follow_up.status) if follow_up.status in FOLLOW_UP_STATES else 0,
            format_func=state_label,
            key=f"{form_key}_status",
        )
        channel = middle.text_input("Channel", value=follow_up.channel or "", key=f"{form_key}_channel")
        contacted = right.date_input("Contacted on", value=_day(follow_up.contacted_at), key=f"{form_key}_contacted")
        left, right = st.columns([1, 2])
        deadline = left.date_input("Deadline", value=follow_up.deadline, key=f"{form_key}_deadline")
        summary = right.text_input(
            "Summary",
            value=follow_up.summary or "",
            placeholder="e.g. no response from party chair",
            key=f"{form_key}_summary",
        )
        submitted = st.form_submit_button(
            "Save follow-up", type="primary", disabled=not reviewer, help=None if reviewer else NAME_FIRST
        )
    if not submitted or not reviewer:
        return
    decision = review.FollowUpDecision(
        status=status if status != follow_up.status else None,
        channel=channel.strip() if channel.strip() != (follow_up.channel or "") else None,
        contacted_at=_contact_datetime(contacted) if contacted and contacted != _day(follow_up.contacted_at) else None,
        deadline=deadline if deadline and deadline != follow_up.deadline else None,
        summary=summary.strip() if summary.strip() != (follow_up.summary or "") else None,
    )
    if not _changed_fields(decision):
        st.info("Nothing changed.")
        return
    _save_follow_up(follow_up.id, decision, reviewer, follow_up.version, keys, on_saved)


def _save_follow_up(follow_up_id, decision, reviewer, expected_version, keys, on_saved) -> None:
    conflict_key, opened_key = keys
    try:
        done, _follow_up = act(
            review.decide_follow_up, follow_up_id, decision, reviewer=reviewer, expected_version=expected_version
        )
    except StaleEdit as exc:
        st.session_state[conflict_key] = Conflict(str(exc), decision, None, _change_rows(exc.changes))
        st.rerun()
    if not done:
        return
    st.session_state.pop(conflict_key, None)
    st.session_state.pop(opened_key, None)
    flash("Follow-up saved.")
    if on_saved:
        on_saved(follow_up_id)
    st.rerun()
