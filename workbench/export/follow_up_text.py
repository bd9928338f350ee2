"""Follow-up state in one sentence, e.g. "No response from Ketua DPD Nasdem Bontang Joni Muslim as of 2024-08-20"."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

STATUS_PHRASES = {
    "to_contact": "To contact {who}",
    "contacted": "Contacted {who}",
    "responded": "Response from {who}",
    "declined": "{who} declined to comment",
    "no_response": "No response from {who}",
    "unreachable": "Could not reach {who}",
    "pending": "Awaiting a reply from {who}",  # extraction's word for an unsettled request
}
NOT_NEEDED = "not_needed"


def who(role: str | None, name: str | None, fallback: str) -> str:
    """``Ketua DPD Nasdem Bontang Joni Muslim``: the role first, as Indonesian copy writes it."""
    parts = [p.strip() for p in (role, name) if p and p.strip()]
    return " ".join(parts) or fallback


def describe_state(status: str, person: str, as_of: date | None) -> str | None:
    """The sentence for ``status``; ``None`` when no follow-up is needed."""
    if not status or status == NOT_NEEDED:
        return None
    phrase = STATUS_PHRASES.get(status, status.replace("_", " ").capitalize() + ": {who}")
    sentence = phrase.format(who=person)
    return f"{sentence} as of {as_of.isoformat()}" if as_of else sentence


class Attempt(Protocol):
    """A logged contact attempt: a ``ContactAttempt`` or a row of its columns."""

    attempted_at: datetime
    channel: str | None
    outcome: str | None
    note: str | None
    logged_by: str


def _minutes(moment: datetime) -> str:
    """``2024-08-21 09:30`` (isoformat is several times faster than strftime)."""
    return moment.isoformat(" ", "minutes")[:16]


def describe_attempt(attempt: Attempt) -> str:
    """``2024-08-21 09:30 UTC via phone, no response: rang twice (logged by Rina)``."""
    text = _minutes(attempt.attempted_at) + " UTC"
    if attempt.channel:
        text += f" via {attempt.channel}"
    if attempt.outcome:
        text += f", {attempt.outcome.replace('_', ' ')}"
    if attempt.note:
        text += f": {attempt.note}"
    return f"{text} (logged by {attempt.logged_by})"


def describe_contact(contacted_at: datetime, channel: str | None) -> str:
    """A contact recorded on the quote itself, without a logged attempt."""
    text = _minutes(contacted_at) + " UTC"
    return f"{text} via {channel}" if channel else text


def first_date(*moments: date | datetime | None) -> date | None:
    """The first of ``moments`` that is set, as a date."""
    for moment in moments:
        if moment is not None:
            return moment.date() if isinstance(moment, datetime) else moment
    return None
