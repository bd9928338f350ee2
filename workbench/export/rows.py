"""One flat ``ExportRow`` per quote, read in chunks with a fixed number of queries per chunk.

The quotes come from the shared filter (``workbench.queries.quotes_select``) as plain columns
joined to their article; per chunk, one query each then fetches the speakers, the articles'
follow-ups and the contact attempts the chunk needs. 100,000 quotes therefore cost a few
hundred queries, never one per quote, and no ORM object is built per quote (that alone would
take longer than writing the sheet).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Text, func, select, type_coerce
from sqlalchemy.orm import Session

from db.models import Article, ContactAttempt, FollowUp, Person, Quote
from workbench.export import follow_up_text
from workbench.export.options import VERIFIED_ATTRIBUTIONS, ExportOptions
from workbench.queries import quotes_select
from workbench.verdicts import verdict_for

CHUNK_SIZE = 2000


class ExportRow(NamedTuple):
    """The columns of every sheet, in the order a reader scans them."""

    quote: str
    speaker: str | None  # the attributed speaker: the corrected one when attribution is "corrected"
    speaker_role: str | None
    kind: str
    verified: bool
    attribution: str
    corrected_speaker: str | None
    extracted_speaker: str | None  # what the machine said
    verdict_label: str | None
    verdict_rating: int | None
    verdict: str | None
    follow_up_status: str
    follow_up: str | None  # the state in one sentence
    follow_up_summary: str | None
    follow_up_last_attempt: str | None
    article_follow_ups: str | None  # one sentence per follow-up found in the article, one per line
    notes: str | None
    evidence_links: tuple[str, ...]
    reviewed_by: str | None
    reviewed_at: datetime | None  # UTC
    article_title: str | None
    publisher: str | None
    original_source: str | None
    article_url: str | None
    article_date: date | None
    flag: str | None  # why the quote is flagged (e.g. no longer found in the article)
    quote_id: int
    article_id: int


COLUMNS: tuple[str, ...] = ExportRow._fields

# Human headings for the printable sheets.
LABELS: dict[str, str] = {
    "quote": "Quote",
    "speaker": "Speaker",
    "speaker_role": "Role",
    "kind": "Kind",
    "verified": "Verified",
    "attribution": "Attribution",
    "corrected_speaker": "Corrected speaker",
    "extracted_speaker": "Extracted speaker",
    "verdict_label": "Verdict",
    "verdict_rating": "Rating",
    "verdict": "Verdict key",
    "follow_up_status": "Follow-up status",
    "follow_up": "Follow-up",
    "follow_up_summary": "Follow-up summary",
    "follow_up_last_attempt": "Last attempt",
    "article_follow_ups": "Article follow-ups",
    "notes": "Notes",
    "evidence_links": "Evidence",
    "reviewed_by": "Reviewed by",
    "reviewed_at": "Reviewed at (UTC)",
    "article_title": "Article",
    "publisher": "Publisher",
    "original_source": "Original source",
    "article_url": "URL",
    "article_date": "Published",
    "flag": "Flag",
    "quote_id": "Quote id",
    "article_id": "Article id",
}

# What a row needs from the quote and its article; the article's text is never read.
_QUOTE_COLUMNS = (
    Quote.id,
    Quote.article_id,
    Quote.text,
    Quote.kind,
    Quote.speaker_role,
    Quote.extracted_speaker,
    Quote.extracted_person_id,
    Quote.speaker_id,
    Quote.attribution,
    Quote.follow_up_status,
    Quote.follow_up_channel,
    Quote.follow_up_contacted_at,
    Quote.follow_up_summary,
    Quote.verdict,
    Quote.notes,
    # As stored (JSON text on SQLite): most quotes have no links, and skipping json.loads for "[]"
    # is a tenth of the read time of a large export.
    type_coerce(Quote.evidence_links, Text).label("evidence_links"),
    Quote.reviewed_by,
    Quote.reviewed_at,
    Quote.orphaned,
    Quote.flag_reason,
    Article.title,
    Article.url,
    Article.publisher,
    Article.original_source,
    Article.published,
)
_ATTEMPT_COLUMNS = (
    ContactAttempt.attempted_at,
    ContactAttempt.channel,
    ContactAttempt.outcome,
    ContactAttempt.note,
    ContactAttempt.logged_by,
)

_FOLLOW_UP_COLUMNS = (
    FollowUp.id,
    FollowUp.article_id,
    FollowUp.target_name,
    FollowUp.target_role,
    FollowUp.status,
    FollowUp.contacted_at,
    FollowUp.updated_at,
    FollowUp.summary,
    FollowUp.orphaned,
)


class Speaker(NamedTuple):
    name: str
    roles: tuple[str, ...]


def export_statement(options: ExportOptions):
    """The filtered quotes as plain columns, article columns joined, by article then position."""
    return quotes_select(options.effective_filter()).with_only_columns(*_QUOTE_COLUMNS)


def count_rows(session: Session, options: ExportOptions) -> int:
    """How many quotes the export would hold, counted in SQL."""
    statement = quotes_select(options.effective_filter()).order_by(None).with_only_columns(func.count(Quote.id))
    return session.scalar(statement) or 0


def _latest_attempts(session: Session, column, ids: Iterable[int]) -> dict:
    """The newest logged attempt per quote (or follow-up) id, for a whole chunk at once."""
    ids = list(set(ids))
    latest: dict = {}
    if not ids:
        return latest
    statement = (
        select(column, *_ATTEMPT_COLUMNS)
        .where(column.in_(ids))
        .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
    )
    for attempt in session.execute(statement):
        latest[attempt[0]] = attempt  # ascending order: the last one wins
    return latest


def _load_speakers(session: Session, ids: set[int], known: dict[int, Speaker]) -> None:
    missing = [i for i in ids if i not in known]
    if missing:
        statement = select(Person.id, Person.name, Person.roles).where(Person.id.in_(missing))
        for person_id, name, roles in session.execute(statement):
            known[person_id] = Speaker(name, tuple(roles or ()))


def _describe_article_follow_ups(session: Session, published: dict[int, date | None]) -> dict[int, str | None]:
    """One sentence per follow-up of each article, e.g. "No response from ... as of 2024-08-20"."""
    described: dict[int, list[str]] = {article_id: [] for article_id in published}
    if not published:
        return {}
    follow_ups = list(
        session.execute(
            select(*_FOLLOW_UP_COLUMNS)
            .where(FollowUp.article_id.in_(list(published)))
            .order_by(FollowUp.article_id, FollowUp.position, FollowUp.id)
        )
    )
    attempts = _latest_attempts(session, ContactAttempt.follow_up_id, (f.id for f in follow_ups))
    for follow_up in follow_ups:
        attempt = attempts.get(follow_up.id)
        # Without a logged contact, the article's own statement holds as of its publication.
        as_of = follow_up_text.first_date(
            attempt.attempted_at if attempt else None,
            follow_up.contacted_at,
            follow_up.updated_at,
            published[follow_up.article_id],
        )
        person = follow_up_text.who(follow_up.target_role, follow_up.target_name, "(unnamed)")
        line = follow_up_text.describe_state(follow_up.status, person, as_of)
        if line is None:
            continue
        if follow_up.summary:
            line += f": {follow_up.summary}"
        if attempt is not None:
            line += f" (last attempt {follow_up_text.describe_attempt(attempt)})"
        if follow_up.orphaned:
            line += " [no longer found in the article]"
        described[follow_up.article_id].append(line)
    return {article_id: "\n".join(lines) or None for article_id, lines in described.items()}


def _links(stored) -> tuple[str, ...]:
    """Evidence links from the stored JSON text (SQLite) or the list a driver already decoded (PostgreSQL)."""
    if isinstance(stored, str):
        return () if stored in ("[]", "null") else tuple(json.loads(stored))
    return tuple(stored or ())


def build_row(q, speakers: dict[int, Speaker], attempt, article_follow_ups: str | None) -> ExportRow:
    """Flatten one quote row (``_QUOTE_COLUMNS``, in that order) into an ``ExportRow``."""
    # Unpacked once: attribute access on a result row costs more than the rest of this function.
    (
        quote_id,
        article_id,
        text,
        kind,
        speaker_role,
        extracted_speaker,
        extracted_person_id,
        speaker_id,
        attribution,
        follow_up_status,
        follow_up_channel,
        follow_up_contacted_at,
        follow_up_summary,
        verdict_key,
        notes,
        evidence_links,
        reviewed_by,
        reviewed_at,
        orphaned,
        flag_reason,
        title,
        url,
        publisher,
        original_source,
        published,
    ) = q
    speaker = speakers.get(speaker_id) if speaker_id is not None else None
    corrected = attribution == "corrected"
    if speaker is not None:
        name = speaker.name
        if speaker_id == extracted_person_id and speaker_role:
            role = speaker_role  # the role the article gives at this quote
        else:
            role = "; ".join(speaker.roles) or None
    else:
        # No linked person: the machine's name and role stand unless a reviewer corrected them.
        name = None if corrected else extracted_speaker
        role = None if corrected else speaker_role
    extracted = speakers.get(extracted_person_id) if extracted_person_id is not None else None
    verdict = verdict_for(verdict_key)

    follow_up = last_attempt = None
    if follow_up_status != follow_up_text.NOT_NEEDED:
        as_of = follow_up_text.first_date(attempt.attempted_at if attempt else None, follow_up_contacted_at)
        follow_up = follow_up_text.describe_state(
            follow_up_status, follow_up_text.who(role, name, "the speaker"), as_of
        )
    if attempt is not None:
        last_attempt = follow_up_text.describe_attempt(attempt)
    elif follow_up_contacted_at is not None:
        last_attempt = follow_up_text.describe_contact(follow_up_contacted_at, follow_up_channel)

    return ExportRow(
        text,
        name,
        role,
        kind,
        attribution in VERIFIED_ATTRIBUTIONS,
        attribution,
        name if corrected else None,
        extracted.name if extracted is not None else extracted_speaker,
        verdict.label if verdict else None,
        verdict.rating if verdict else None,
        verdict_key,
        follow_up_status,
        follow_up,
        follow_up_summary,
        last_attempt,
        article_follow_ups,
        notes,
        _links(evidence_links),
        reviewed_by,
        reviewed_at,
        title,
        publisher,
        original_source,
        url,
        published,
        (flag_reason or "no longer found in the article") if orphaned else flag_reason,
        quote_id,
        article_id,
    )


def iter_rows(session: Session, options: ExportOptions, *, chunk_size: int = CHUNK_SIZE) -> Iterator[ExportRow]:
    """The rows to export, by article then position, streamed chunk by chunk."""
    speakers: dict[int, Speaker] = {}
    article_follow_ups: dict[int, str | None] = {}
    # Plain rows through the session's connection: the ORM's per-row bookkeeping is not needed here.
    result = session.connection().execute(export_statement(options).execution_options(yield_per=chunk_size))
    for chunk in result.partitions():
        people = {q.speaker_id for q in chunk} | {q.extracted_person_id for q in chunk}
        people.discard(None)
        _load_speakers(session, people, speakers)
        attempts = _latest_attempts(session, ContactAttempt.quote_id, (q.id for q in chunk))
        # Rows come by article, so an article's follow-ups are only needed while its quotes last.
        new_articles = {q.article_id: q.published for q in chunk if q.article_id not in article_follow_ups}
        article_follow_ups = {
            **{q.article_id: article_follow_ups[q.article_id] for q in chunk if q.article_id in article_follow_ups},
            **_describe_article_follow_ups(session, new_articles),
        }
        for q in chunk:
            yield build_row(q, speakers, attempts.get(q.id), article_follow_ups[q.article_id])
