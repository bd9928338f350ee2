"""The one place that changes review state; every change is an append-only ``ReviewEvent``.

Functions take a session and plain values and never commit: the caller owns the transaction
(``with sessions.begin() as s: decide_quote(s, ...)``). A save made against an old version is
refused with ``StaleEdit`` naming who changed the row, when and what, instead of overwriting a
colleague; that holds both for an old ``expected_version`` and for two transactions racing from
the same version (the versioned UPDATE then matches no row).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.models import (
    ATTRIBUTION_STATES,
    FOLLOW_UP_STATES,
    ContactAttempt,
    FollowUp,
    MergeSuggestion,
    Person,
    Quote,
    ReviewEvent,
    utcnow,
)
from workbench.errors import DatabaseUnavailable, InvalidValue, NotFound, StaleEdit
from workbench.match import canonical_person_id, lock_people, merge_unique, name_key
from workbench.verdicts import VERDICTS_BY_KEY

# Follow-up states that mean someone was reached for, so a contact attempt is logged with them.
CONTACT_STATES = ("contacted",)
EMPTY = "(empty)"
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")  # how encode() writes a datetime


@dataclass
class QuoteDecision:
    """What a reviewer decided about a quote; ``None`` leaves a field unchanged."""

    attribution: str | None = None  # one of ATTRIBUTION_STATES
    speaker_id: int | None = None  # required (or speaker_name) when attribution == "corrected"
    speaker_name: str | None = None  # matched to a known person by name, else a new Person
    follow_up: str | None = None  # one of FOLLOW_UP_STATES
    follow_up_channel: str | None = None
    follow_up_contacted_at: datetime | None = None
    follow_up_deadline: date | None = None
    follow_up_summary: str | None = None  # e.g. "no response from party chair"
    verdict: str | None = None  # key of workbench.verdicts.VERDICT_SCALE; "" clears it
    notes: str | None = None
    evidence_links: list[str] | None = None


@dataclass
class FollowUpDecision:
    status: str | None = None
    channel: str | None = None
    contacted_at: datetime | None = None
    deadline: date | None = None
    summary: str | None = None


# -- values as stored in events -------------------------------------------------------------------
def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a review event")


def encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=_json_default)


def decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def show_value(value: Any) -> str:
    """A stored event value as a reviewer reads it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        return ", ".join(f"{key} {show_value(v)}" for key, v in value.items() if key != "id")
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value)
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return show_time(datetime.fromisoformat(value))
    return str(value)


def show_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def describe_change(event: ReviewEvent) -> str:
    """``attribution unreviewed -> confirmed``"""
    return f"{event.field} {show_value(decode(event.before))} -> {show_value(decode(event.after))}"


def describe_event(event: ReviewEvent) -> str:
    """``Ana at 2026-11-28 10:02 UTC: attribution unreviewed -> confirmed``"""
    return f"{event.reviewer} at {show_time(event.at)}: {describe_change(event)}"


# -- validation -----------------------------------------------------------------------------------
def _require_reviewer(reviewer: str) -> str:
    name = (reviewer or "").strip()
    if not name:
        raise InvalidValue("A reviewer name is required for every review decision.")
    return name


def _check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise InvalidValue(f"Unknown {what} {value!r}; use one of: {', '.join(allowed)}.")
    return value


def _check_verdict(value: str) -> str | None:
    if value == "":
        return None
    if value not in VERDICTS_BY_KEY:
        raise InvalidValue(f"Unknown verdict {value!r}; use one of: {', '.join(VERDICTS_BY_KEY)} (or '' to clear).")
    return value


def _check_links(links: list[str]) -> list[str]:
    cleaned = []
    for link in links:
        link = (link or "").strip()
        if not link:
            continue
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidValue(f"Evidence link {link!r} is not a web address (http:// or https://).")
        if link not in cleaned:
            cleaned.append(link)
    return cleaned


def _clean_text(value: str) -> str | None:
    value = value.strip()
    return value or None


# -- conflicts ------------------------------------------------------------------------------------
def _changes_since(session: Session, *, quote_id: int | None = None, follow_up_id: int | None = None, version: int):
    column = ReviewEvent.quote_id if quote_id is not None else ReviewEvent.follow_up_id
    row_id = quote_id if quote_id is not None else follow_up_id
    statement = (
        select(ReviewEvent)
        .where(column == row_id, ReviewEvent.version > version)
        .order_by(ReviewEvent.at, ReviewEvent.id)
    )
    return list(session.scalars(statement))


def stale_message(what: str, changes: list[ReviewEvent], expected: int, current: int) -> str:
    if not changes:
        return (
            f"{what} was changed since you opened it (your version {expected}, now {current}); "
            "reload it and decide again."
        )
    authors: list[str] = []
    for event in changes:
        author = f"{event.reviewer} at {show_time(event.at)}"
        if author not in authors:
            authors.append(author)
    several = len({e.reviewer for e in changes}) > 1
    parts = [describe_change(e) + (f" ({e.reviewer})" if several else "") for e in changes]
    return f"{what} was changed by {', '.join(authors)} since you opened it: {'; '.join(parts)}"


def _stale_edit(session: Session, kind, row_id: int, expected: int) -> StaleEdit:
    """Read who changed the row in a fresh session: the caller's may be unusable after a failed flush."""
    with Session(bind=session.get_bind()) as fresh:
        row = fresh.get(kind, row_id)
        current = row.version if row is not None else expected
        if kind is Quote:
            changes = _changes_since(fresh, quote_id=row_id, version=expected)
            what = f"Quote {row_id}"
        else:
            changes = _changes_since(fresh, follow_up_id=row_id, version=expected)
            what = f"Follow-up {row_id}"
        fresh.expunge_all()
    return StaleEdit(stale_message(what, changes, expected, current), current_version=current, changes=changes)


def _flush_versioned(session: Session, row, kind, expected: int) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise _stale_edit(session, kind, row.id, expected) from exc
    except OperationalError as exc:
        # SQLite: another save held the write lock past the busy timeout. Nothing was written.
        if "locked" in str(exc.orig).lower():
            raise DatabaseUnavailable("The database is busy with another save; try saving again.") from exc
        raise


# -- quotes ---------------------------------------------------------------------------------------
def _person_value(session: Session, person_id: int | None) -> dict | None:
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    return {"id": person_id, "name": person.name if person else None}


def _resolve_speaker(session: Session, decision: QuoteDecision, reviewer: str) -> int | None:
    if decision.speaker_id is not None:
        if session.get(Person, decision.speaker_id) is None:
            raise NotFound(f"Person {decision.speaker_id} does not exist.")
        return canonical_person_id(session, decision.speaker_id)
    if decision.speaker_name is not None and decision.speaker_name.strip():
        return add_person(session, decision.speaker_name, reviewer=reviewer).id
    return None


def _planned_quote_changes(session: Session, quote: Quote, decision: QuoteDecision, reviewer: str) -> dict[str, Any]:
    """Field -> new value, only for fields whose value actually changes."""
    planned: dict[str, Any] = {}
    attribution = decision.attribution
    if attribution is not None:
        _check_choice(attribution, ATTRIBUTION_STATES, "attribution")
    speaker_given = decision.speaker_id is not None or bool(decision.speaker_name and decision.speaker_name.strip())
    if speaker_given and attribution is None:
        attribution = "corrected"  # naming the right speaker is a correction
    if speaker_given and attribution != "corrected":
        raise InvalidValue(f"A speaker can only be given with attribution 'corrected', not {attribution!r}.")
    if attribution == "corrected" and not speaker_given:
        raise InvalidValue("Attribution 'corrected' needs the right speaker (a known person or a name).")
    if attribution is not None:
        planned["attribution"] = attribution
        if attribution == "corrected":
            planned["speaker_id"] = _resolve_speaker(session, decision, reviewer)
        elif attribution == "confirmed":
            # Confirming means the machine's speaker is right; undo an earlier correction.
            planned["speaker_id"] = quote.extracted_person_id
    if decision.follow_up is not None:
        planned["follow_up_status"] = _check_choice(decision.follow_up, FOLLOW_UP_STATES, "follow-up status")
        if decision.follow_up == "contacted" and decision.follow_up_contacted_at is None:
            planned["follow_up_contacted_at"] = quote.follow_up_contacted_at or utcnow()
    if decision.follow_up_channel is not None:
        planned["follow_up_channel"] = _clean_text(decision.follow_up_channel)
    if decision.follow_up_contacted_at is not None:
        planned["follow_up_contacted_at"] = decision.follow_up_contacted_at
    if decision.follow_up_deadline is not None:
        planned["follow_up_deadline"] = decision.follow_up_deadline
    if decision.follow_up_summary is not None:
        planned["follow_up_summary"] = _clean_text(decision.follow_up_summary)
    if decision.verdict is not None:
        planned["verdict"] = _check_verdict(decision.verdict)
    if decision.notes is not None:
        planned["notes"] = _clean_text(decision.notes)
    if decision.evidence_links is not None:
        planned["evidence_links"] = _check_links(decision.evidence_links)
    return {field: value for field, value in planned.items() if not _same(getattr(quote, field), value)}


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, datetime) and isinstance(new, datetime):
        return old.astimezone(UTC) == (new if new.tzinfo else new.replace(tzinfo=UTC)).astimezone(UTC)
    return old == new


# Event field names as a reviewer reads them.
QUOTE_EVENT_FIELDS = {
    "attribution": "attribution",
    "speaker_id": "speaker",
    "follow_up_status": "follow_up",
    "follow_up_channel": "follow_up_channel",
    "follow_up_contacted_at": "follow_up_contacted_at",
    "follow_up_deadline": "follow_up_deadline",
    "follow_up_summary": "follow_up_summary",
    "verdict": "verdict",
    "notes": "notes",
    "evidence_links": "evidence_links",
}


def decide_quote(
    session: Session, quote_id: int, decision: QuoteDecision, *, reviewer: str, expected_version: int
) -> Quote:
    """Apply ``decision`` to quote ``quote_id`` as ``reviewer``; refuse it if the quote moved on."""
    reviewer = _require_reviewer(reviewer)
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFound(f"Quote {quote_id} does not exist.")
    if quote.version != expected_version:
        raise _stale_edit(session, Quote, quote_id, expected_version)
    planned = _planned_quote_changes(session, quote, decision, reviewer)
    if not planned:
        return quote
    before = {field: getattr(quote, field) for field in planned}
    now = utcnow()
    for field, value in planned.items():
        setattr(quote, field, value)
    quote.reviewed_by = reviewer
    quote.reviewed_at = now
    _flush_versioned(session, quote, Quote, expected_version)

    changes = {}
    for field, value in planned.items():
        old = before[field]
        if field == "speaker_id":
            old, value = _person_value(session, old), _person_value(session, value)
        changes[QUOTE_EVENT_FIELDS[field]] = (old, value)
    owner = {"quote_id": quote.id}
    _record_changes(session, owner, changes, reviewer=reviewer, at=now, version=quote.version)
    if "follow_up_contacted_at" in planned or planned.get("follow_up_status") in CONTACT_STATES:
        _add_attempt(
            session,
            reviewer=reviewer,
            **owner,
            channel=quote.follow_up_channel,
            attempted_at=quote.follow_up_contacted_at or now,
            outcome=quote.follow_up_status,
            note=quote.follow_up_summary,
        )
    session.flush()
    return quote


# -- article follow-ups ---------------------------------------------------------------------------
def _planned_follow_up_changes(follow_up: FollowUp, decision: FollowUpDecision) -> dict[str, Any]:
    planned: dict[str, Any] = {}
    if decision.status is not None:
        planned["status"] = _check_choice(decision.status, FOLLOW_UP_STATES, "follow-up status")
        if decision.status == "contacted" and decision.contacted_at is None:
            planned["contacted_at"] = follow_up.contacted_at or utcnow()
    if decision.channel is not None:
        planned["channel"] = _clean_text(decision.channel)
    if decision.contacted_at is not None:
        planned["contacted_at"] = decision.contacted_at
    if decision.deadline is not None:
        planned["deadline"] = decision.deadline
    if decision.summary is not None:
        planned["summary"] = _clean_text(decision.summary)
    return {field: value for field, value in planned.items() if not _same(getattr(follow_up, field), value)}


def decide_follow_up(
    session: Session, follow_up_id: int, decision: FollowUpDecision, *, reviewer: str, expected_version: int
) -> FollowUp:
    """Track an article's follow-up (status, channel, when, deadline, summary); same conflict rules as quotes."""
    reviewer = _require_reviewer(reviewer)
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound(f"Follow-up {follow_up_id} does not exist.")
    if follow_up.version != expected_version:
        raise _stale_edit(session, FollowUp, follow_up_id, expected_version)
    planned = _planned_follow_up_changes(follow_up, decision)
    if not planned:
        return follow_up
    before = {field: getattr(follow_up, field) for field in planned}
    now = utcnow()
    for field, value in planned.items():
        setattr(follow_up, field, value)
    follow_up.updated_by = reviewer
    follow_up.updated_at = now
    _flush_versioned(session, follow_up, FollowUp, expected_version)
    owner = {"follow_up_id": follow_up.id}
    changes = {field: (before[field], value) for field, value in planned.items()}
    _record_changes(session, owner, changes, reviewer=reviewer, at=now, version=follow_up.version)
    if "contacted_at" in planned or planned.get("status") in CONTACT_STATES:
        _add_attempt(
            session,
            reviewer=reviewer,
            **owner,
            channel=follow_up.channel,
            attempted_at=follow_up.contacted_at or now,
            outcome=follow_up.status,
            note=follow_up.summary,
        )
    session.flush()
    return follow_up


# -- contact attempts -----------------------------------------------------------------------------
def _record_changes(
    session: Session,
    owner: dict[str, int],
    changes: dict[str, tuple[Any, Any]],
    *,
    reviewer: str,
    at: datetime,
    version: int,
) -> None:
    """One append-only event per changed field of a quote or follow-up (``owner`` names which)."""
    session.add_all(
        ReviewEvent(
            **owner, reviewer=reviewer, at=at, field=field, before=encode(old), after=encode(new), version=version
        )
        for field, (old, new) in changes.items()
    )


def _add_attempt(session: Session, *, reviewer: str, **values: Any) -> ContactAttempt:
    attempt = ContactAttempt(logged_by=reviewer, **values)
    session.add(attempt)
    session.flush()
    record = {k: v for k, v in values.items() if k in ("channel", "attempted_at", "outcome", "note") and v is not None}
    session.add(
        ReviewEvent(
            quote_id=values.get("quote_id"),
            follow_up_id=values.get("follow_up_id"),
            reviewer=reviewer,
            at=utcnow(),
            field="contact_attempt",
            before=None,
            after=encode({"id": attempt.id, **record}),
        )
    )
    return attempt


def log_contact_attempt(
    session: Session,
    *,
    reviewer: str,
    quote_id: int | None = None,
    follow_up_id: int | None = None,
    channel: str | None = None,
    attempted_at: datetime | None = None,
    outcome: str | None = None,
    note: str | None = None,
) -> ContactAttempt:
    """Log one try to reach someone about a quote or an article's follow-up (it does not change their status)."""
    reviewer = _require_reviewer(reviewer)
    if (quote_id is None) == (follow_up_id is None):
        raise InvalidValue("A contact attempt belongs to exactly one quote or one follow-up.")
    if quote_id is not None and session.get(Quote, quote_id) is None:
        raise NotFound(f"Quote {quote_id} does not exist.")
    if follow_up_id is not None and session.get(FollowUp, follow_up_id) is None:
        raise NotFound(f"Follow-up {follow_up_id} does not exist.")
    if outcome is not None:
        _check_choice(outcome, FOLLOW_UP_STATES, "contact outcome")
    attempt = _add_attempt(
        session,
        reviewer=reviewer,
        quote_id=quote_id,
        follow_up_id=follow_up_id,
        channel=_clean_text(channel) if channel else None,
        attempted_at=attempted_at or utcnow(),
        outcome=outcome,
        note=_clean_text(note) if note else None,
    )
    session.flush()
    return attempt


def contact_attempts(
    session: Session, *, quote_id: int | None = None, follow_up_id: int | None = None
) -> list[ContactAttempt]:
    """Logged attempts for one quote or follow-up, oldest first."""
    if (quote_id is None) == (follow_up_id is None):
        raise InvalidValue("Ask for the contact attempts of exactly one quote or one follow-up.")
    column = ContactAttempt.quote_id if quote_id is not None else ContactAttempt.follow_up_id
    row_id = quote_id if quote_id is not None else follow_up_id
    statement = select(ContactAttempt).where(column == row_id)
    return list(session.scalars(statement.order_by(ContactAttempt.attempted_at, ContactAttempt.id)))


def history(session: Session, *, quote_id: int | None = None, follow_up_id: int | None = None) -> list[ReviewEvent]:
    """Every recorded change to one quote or follow-up, oldest first."""
    if (quote_id is None) == (follow_up_id is None):
        raise InvalidValue("Ask for the history of exactly one quote or one follow-up.")
    column = ReviewEvent.quote_id if quote_id is not None else ReviewEvent.follow_up_id
    row_id = quote_id if quote_id is not None else follow_up_id
    return list(session.scalars(select(ReviewEvent).where(column == row_id).order_by(ReviewEvent.at, ReviewEvent.id)))


# -- people ---------------------------------------------------------------------------------------
def add_person(session: Session, name: str, *, reviewer: str, role: str | None = None) -> Person:
    """The person called ``name``: an existing one with the same normalised name, else a new one."""
    reviewer = _require_reviewer(reviewer)
    key = name_key(name)
    if not key:
        raise InvalidValue(f"{name!r} is not a usable person name.")
    lock_people(session)
    existing_id = session.scalars(select(Person.id).where(Person.name_key == key).order_by(Person.id).limit(1)).first()
    role = _clean_text(role) if role else None
    if existing_id is not None:
        person = session.get(Person, canonical_person_id(session, existing_id))
        if role and name_key(role) not in {name_key(r) for r in person.roles}:
            person.roles = [*person.roles, role]
        return person
    person = Person(name=name.strip(), name_key=key, aliases=[], roles=[role] if role else [])
    session.add(person)
    session.flush()
    session.add(
        ReviewEvent(person_id=person.id, reviewer=reviewer, at=utcnow(), field="person", after=encode(person.name))
    )
    return person


def _open_suggestion(session: Session, suggestion_id: int) -> MergeSuggestion:
    suggestion = session.get(MergeSuggestion, suggestion_id)
    if suggestion is None:
        raise NotFound(f"Merge suggestion {suggestion_id} does not exist.")
    if suggestion.status != "open":
        raise InvalidValue(
            f"Merge suggestion {suggestion_id} was already {suggestion.status} by {suggestion.decided_by}."
        )
    return suggestion


def merge_people(session: Session, suggestion_id: int, *, reviewer: str) -> Person:
    """Merge the suggested pair: quotes, follow-ups, aliases and roles move to the person kept."""
    reviewer = _require_reviewer(reviewer)
    suggestion = _open_suggestion(session, suggestion_id)
    now = utcnow()
    kept = session.get(Person, canonical_person_id(session, suggestion.person_id))
    other = session.get(Person, canonical_person_id(session, suggestion.other_person_id))
    suggestion.status, suggestion.decided_by, suggestion.decided_at = "merged", reviewer, now
    if kept.id == other.id:  # an earlier merge already joined them
        return kept
    if len(other.name_key.split()) > len(kept.name_key.split()):
        # Keep the fuller name ("Basri Rase" over "Basri"); the shorter stays an alias.
        kept.aliases = merge_unique(kept.aliases, [kept.name])
        kept.name, kept.name_key = other.name, other.name_key
    kept.aliases = [a for a in merge_unique(kept.aliases, [other.name, *other.aliases]) if name_key(a) != kept.name_key]
    kept.roles = merge_unique(kept.roles, other.roles)
    other.merged_into_id = kept.id

    moves = (
        (Quote.speaker_id, Quote),
        (Quote.extracted_person_id, Quote),
        (FollowUp.target_person_id, FollowUp),
        (Person.merged_into_id, Person),
    )
    for column, model in moves:
        statement = update(model).where(column == other.id).values({column.key: kept.id})
        if model is not Person:
            # Who a quote points at is identity bookkeeping, not a review change: keep versions.
            statement = statement.execution_options(synchronize_session="fetch")
        session.execute(statement)
    other.merged_into_id = kept.id  # the bulk update above must not have pointed it at itself
    # Other open suggestions about the merged person now concern the kept one.
    for pending in session.scalars(
        select(MergeSuggestion).where(
            MergeSuggestion.status == "open",
            or_(MergeSuggestion.person_id == other.id, MergeSuggestion.other_person_id == other.id),
        )
    ):
        pair = {canonical_person_id(session, pending.person_id), canonical_person_id(session, pending.other_person_id)}
        if len(pair) == 1:
            pending.status, pending.decided_by, pending.decided_at = "merged", reviewer, now
    session.add(
        ReviewEvent(
            person_id=kept.id,
            reviewer=reviewer,
            at=now,
            field="merged",
            before=None,
            after=encode({"id": other.id, "name": other.name, "suggestion_id": suggestion_id}),
        )
    )
    session.flush()
    return kept


def reject_merge(session: Session, suggestion_id: int, *, reviewer: str) -> None:
    """Record that the two people of a suggestion are different; it is not offered again."""
    reviewer = _require_reviewer(reviewer)
    suggestion = _open_suggestion(session, suggestion_id)
    now = utcnow()
    suggestion.status, suggestion.decided_by, suggestion.decided_at = "rejected", reviewer, now
    session.add(
        ReviewEvent(
            person_id=suggestion.person_id,
            reviewer=reviewer,
            at=now,
            field="merge_rejected",
            before=None,
            after=encode({"id": suggestion.other_person_id, "suggestion_id": suggestion_id}),
        )
    )
    session.flush()
