"""One flat ``ExportRow`` per quote, read in chunks with a fixed number of queries per chunk.

The quotes come from the shared filter (``workbench.queries.quotes_select``) as plain columns
joined to their article; per chunk, one query each then fetches the speakers, the articles'
follow-ups and the contact attempts the chunk needs. 100,000 quotes therefore cost a few
hundred queries, never one per quote, and no ORM object is built per quote (that alone would
take longer than writing the sheet).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import DateTime, Text, bindparam, func, select, type_coerce
from sqlalchemy.orm import Session

from db.models import Article, ContactAttempt, FollowUp, Person, Quote, UTCDateTime
from workbench.export import follow_up_text
from workbench.export.options import VERIFIED_ATTRIBUTIONS, ExportOptions
from workbench.queries import quotes_select
from workbench.verdicts import VERDICTS_BY_KEY

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

_DRIVER_TIME = DateTime(timezone=True)
_utc = UTCDateTime().process_result_value

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
    # Times as the driver returns them; ``_utc`` makes the ones that are set UTC, as UTCDateTime
    # would, without its per-value call for the many that are empty.
    type_coerce(Quote.follow_up_contacted_at, _DRIVER_TIME).label("follow_up_contacted_at"),
    Quote.follow_up_summary,
    Quote.verdict,
    Quote.notes,
    # As stored (JSON text on SQLite): most quotes have no links, and skipping json.loads for "[]"
    # is a tenth of the read time of a large export.
    type_coerce(Quote.evidence_links, Text).label("evidence_links"),
    Quote.reviewed_by,
    type_coerce(Quote.reviewed_at, _DRIVER_TIME).label("reviewed_at"),
    Quote.orphaned,
    Quote.flag_reason,
)
# Read once per article (``_ARTICLES``), not once per quote: fewer values to fetch and convert.
_ARTICLE_COLUMNS = (
    Article.id,
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


_ID, _ARTICLE_ID, _EXTRACTED_PERSON_ID, _SPEAKER_ID = (
    [column.key for column in _QUOTE_COLUMNS].index(name)
    for name in ("id", "article_id", "extracted_person_id", "speaker_id")
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


# Per chunk, what its quotes need is looked up by the chunk's range of article ids (rows come by
# article, so the range holds exactly the chunk's articles plus, under a filter, some not
# exported, whose extra rows are ignored). Two bound values instead of an IN list of 2,000 ids:
# the statements compile once and stay cached.
_FIRST, _LAST = bindparam("first_article"), bindparam("last_article")
_QUOTE_ATTEMPTS = (
    select(ContactAttempt.quote_id, *_ATTEMPT_COLUMNS)
    .join(Quote, Quote.id == ContactAttempt.quote_id)
    .where(Quote.article_id.between(_FIRST, _LAST))
    .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
)
_FOLLOW_UP_ATTEMPTS = (
    select(ContactAttempt.follow_up_id, *_ATTEMPT_COLUMNS)
    .join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id)
    .where(FollowUp.article_id.between(_FIRST, _LAST))
    .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
)
_ARTICLES = select(*_ARTICLE_COLUMNS).where(Article.id.between(_FIRST, _LAST))
_FOLLOW_UPS = (
    select(*_FOLLOW_UP_COLUMNS)
    .where(FollowUp.article_id.between(_FIRST, _LAST))
    .order_by(FollowUp.article_id, FollowUp.position, FollowUp.id)
)


def _latest_attempts(session: Session, statement, first: int, last: int) -> dict:
    """The newest logged attempt per quote (or follow-up) id of the articles ``first``..``last``."""
    latest: dict = {}
    for attempt in session.execute(statement, {"first_article": first, "last_article": last}):
        latest[attempt[0]] = attempt  # ascending order: the last one wins
    return latest


def _load_speakers(session: Session, ids: set[int], known: dict[int, Speaker]) -> None:
    missing = [i for i in ids if i not in known]
    if missing:
        statement = select(Person.id, Person.name, Person.roles).where(Person.id.in_(missing))
        for person_id, name, roles in session.execute(statement):
            known[person_id] = Speaker(name, tuple(roles or ()))


def _describe_article_follow_ups(
    session: Session, published: dict[int, date | None], first: int, last: int
) -> dict[int, str | None]:
    """One sentence per follow-up of each article, e.g. "No response from ... as of 2024-08-20"."""
    described: dict[int, list[str]] = {article_id: [] for article_id in published}
    if not published:
        return {}
    bounds = {"first_article": first, "last_article": last}
    follow_ups = [f for f in session.execute(_FOLLOW_UPS, bounds) if f.article_id in published]
    attempts = _latest_attempts(session, _FOLLOW_UP_ATTEMPTS, first, last) if follow_ups else {}
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
        if stored in ("[]", "null"):
            return ()
        # One link without quotes or escapes (non-ASCII is stored escaped) needs no JSON parser.
        if stored.startswith('["') and stored.endswith('"]') and '"' not in stored[2:-2] and "\\" not in stored:
            return (stored[2:-2],)
        return tuple(json.loads(stored))
    return tuple(stored or ())


_new_row = tuple.__new__  # an ExportRow from a tuple, without NamedTuple's keyword-handling __new__
_VERDICTS = {key: verdict for key, verdict in VERDICTS_BY_KEY.items() if key}


@lru_cache(maxsize=4096)
def _follow_up_sentence(status: str, role: str | None, name: str | None, as_of: date | None) -> str | None:
    """The same speaker, state and date recur across a sheet; each sentence is made once."""
    return follow_up_text.describe_state(status, follow_up_text.who(role, name, "the speaker"), as_of)


class _ArticleFacts(NamedTuple):
    title: str | None
    url: str | None
    publisher: str | None
    original_source: str | None
    published: date | None
    follow_ups: str | None  # one line per follow-up attempt found in the article


def build_row(q, speakers: dict[int, Speaker], attempt, article: _ArticleFacts) -> ExportRow:
    """Flatten one quote row (``_QUOTE_COLUMNS``, in that order) and its article into an ``ExportRow``."""
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
    ) = q
    title, url, publisher, original_source, published, article_follow_ups = article
    if reviewed_at is not None:
        reviewed_at = reviewed_at.replace(tzinfo=UTC) if reviewed_at.tzinfo is None else reviewed_at.astimezone(UTC)
    if follow_up_contacted_at is not None:
        follow_up_contacted_at = _utc(follow_up_contacted_at, None)
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
    verdict = _VERDICTS.get(verdict_key)

    follow_up = last_attempt = None
    if follow_up_status != follow_up_text.NOT_NEEDED:
        as_of = follow_up_text.first_date(attempt.attempted_at if attempt else None, follow_up_contacted_at)
        follow_up = _follow_up_sentence(follow_up_status, role, name, as_of)
    if attempt is not None:
        last_attempt = follow_up_text.describe_attempt(attempt)
    elif follow_up_contacted_at is not None:
        last_attempt = follow_up_text.describe_contact(follow_up_contacted_at, follow_up_channel)

    return _new_row(
        ExportRow,
        (
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
            () if evidence_links is None or evidence_links == "[]" else _links(evidence_links),
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
        ),
    )


def iter_rows(session: Session, options: ExportOptions, *, chunk_size: int = CHUNK_SIZE) -> Iterator[ExportRow]:
    """The rows to export, by article then position, streamed chunk by chunk."""
    speakers: dict[int, Speaker] = {}
    articles: dict[int, _ArticleFacts] = {}
    # Plain rows through the session's connection: the ORM's per-row bookkeeping is not needed here.
    result = session.connection().execute(export_statement(options).execution_options(yield_per=chunk_size))
    for chunk in result.partitions():
        # Positions in ``_QUOTE_COLUMNS``: indexing a row is cheaper than naming its attributes.
        people = {q[_SPEAKER_ID] for q in chunk} | {q[_EXTRACTED_PERSON_ID] for q in chunk}
        people.discard(None)
        _load_speakers(session, people, speakers)
        first, last = chunk[0][_ARTICLE_ID], chunk[-1][_ARTICLE_ID]
        attempts = _latest_attempts(session, _QUOTE_ATTEMPTS, first, last)
        _load_articles(session, {q[_ARTICLE_ID] for q in chunk}, first, last, articles)
        get_attempt = attempts.get
        for q in chunk:
            yield build_row(q, speakers, get_attempt(q[_ID]), articles[q[_ARTICLE_ID]])
        # Rows come by article: only the last article of a chunk can have quotes in the next one.
        articles = {last: articles[last]}


def _load_articles(session: Session, wanted: set[int], first: int, last: int, known: dict[int, _ArticleFacts]) -> None:
    """Facts of the chunk's articles not seen yet (an article's quotes may span two chunks)."""
    missing = wanted.difference(known)
    if not missing:
        return
    bounds = {"first_article": first, "last_article": last}
    found = {row[0]: row[1:] for row in session.execute(_ARTICLES, bounds) if row[0] in missing}
    described = _describe_article_follow_ups(session, {i: facts[-1] for i, facts in found.items()}, first, last)
    for article_id, facts in found.items():
        known[article_id] = _ArticleFacts(*facts, described.get(article_id))
