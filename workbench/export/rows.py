"""One flat ``ExportRow`` per quote, read in chunks with everything a row needs loaded per chunk.

Per chunk of quotes there is a fixed number of queries (quotes joined to articles, then the
speakers, the articles' follow-ups and the contact attempts, each for the whole chunk), so
100,000 quotes cost a few hundred queries, not hundreds of thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager, load_only, selectinload

from db.models import Article, ContactAttempt, Quote
from workbench.export import follow_up_text
from workbench.export.options import VERIFIED_ATTRIBUTIONS, ExportOptions
from workbench.queries import quotes_select
from workbench.verdicts import verdict_for

CHUNK_SIZE = 2000


@dataclass(frozen=True, slots=True)
class ExportRow:
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


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ExportRow))

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

_ARTICLE_COLUMNS = (Article.title, Article.url, Article.publisher, Article.original_source, Article.published)


def export_statement(options: ExportOptions):
    """The filtered quotes with their article columns joined and speakers loaded per chunk."""
    return quotes_select(options.effective_filter()).options(
        # The article's text can be long and is not exported: load only what a row shows.
        contains_eager(Quote.article).options(load_only(*_ARTICLE_COLUMNS), selectinload(Article.follow_ups)),
        selectinload(Quote.speaker),
        selectinload(Quote.extracted_person),
    )


def count_rows(session: Session, options: ExportOptions) -> int:
    """How many quotes the export would hold, counted in SQL."""
    statement = quotes_select(options.effective_filter()).order_by(None).with_only_columns(func.count(Quote.id))
    return session.scalar(statement) or 0


def _latest_attempts(session: Session, column, ids: Iterable[int]) -> dict[int, ContactAttempt]:
    """The newest logged attempt per quote (or follow-up) id, for a whole chunk at once."""
    ids = list(set(ids))
    latest: dict[int, ContactAttempt] = {}
    if not ids:
        return latest
    statement = select(ContactAttempt).where(column.in_(ids)).order_by(ContactAttempt.attempted_at, ContactAttempt.id)
    for attempt in session.scalars(statement):
        latest[getattr(attempt, column.key)] = attempt  # ascending order: the last one wins
    return latest


def _article_follow_ups(article: Article, attempts: dict[int, ContactAttempt]) -> str | None:
    lines = []
    for follow_up in article.follow_ups:
        attempt = attempts.get(follow_up.id)
        # Without a logged contact, the article's own statement holds as of its publication.
        as_of = follow_up_text.first_date(
            attempt.attempted_at if attempt else None, follow_up.contacted_at, follow_up.updated_at, article.published
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
        lines.append(line)
    return "\n".join(lines) or None


def _speaker_role(quote: Quote) -> str | None:
    speaker = quote.speaker
    if speaker is None:
        return quote.speaker_role
    if speaker.id == quote.extracted_person_id and quote.speaker_role:
        return quote.speaker_role  # the role the article gives at this quote
    return "; ".join(speaker.roles) or None


def _speaker_name(quote: Quote) -> str | None:
    if quote.speaker is not None:
        return quote.speaker.name
    # No linked person: the machine's name stands unless a reviewer corrected it.
    return quote.extracted_speaker if quote.attribution != "corrected" else None


def build_row(quote: Quote, attempt: ContactAttempt | None, article_follow_ups: str | None) -> ExportRow:
    """Flatten one quote (with its article and speakers loaded) into a row."""
    article = quote.article
    speaker = _speaker_name(quote)
    verdict = verdict_for(quote.verdict)
    person = follow_up_text.who(_speaker_role(quote), speaker, "the speaker")
    as_of = follow_up_text.first_date(attempt.attempted_at if attempt else None, quote.follow_up_contacted_at)
    if attempt is not None:
        last_attempt = follow_up_text.describe_attempt(attempt)
    elif quote.follow_up_contacted_at is not None:
        last_attempt = follow_up_text.describe_contact(quote.follow_up_contacted_at, quote.follow_up_channel)
    else:
        last_attempt = None
    extracted = quote.extracted_person.name if quote.extracted_person is not None else quote.extracted_speaker
    return ExportRow(
        quote=quote.text,
        speaker=speaker,
        speaker_role=_speaker_role(quote),
        kind=quote.kind,
        verified=quote.attribution in VERIFIED_ATTRIBUTIONS,
        attribution=quote.attribution,
        corrected_speaker=speaker if quote.attribution == "corrected" else None,
        extracted_speaker=extracted,
        verdict_label=verdict.label if verdict else None,
        verdict_rating=verdict.rating if verdict else None,
        verdict=quote.verdict,
        follow_up_status=quote.follow_up_status,
        follow_up=follow_up_text.describe_state(quote.follow_up_status, person, as_of),
        follow_up_summary=quote.follow_up_summary,
        follow_up_last_attempt=last_attempt,
        article_follow_ups=article_follow_ups,
        notes=quote.notes,
        evidence_links=tuple(quote.evidence_links or ()),
        reviewed_by=quote.reviewed_by,
        reviewed_at=quote.reviewed_at,
        article_title=article.title,
        publisher=article.publisher,
        original_source=article.original_source,
        article_url=article.url,
        article_date=article.published,
        flag=(quote.flag_reason or "no longer found in the article") if quote.orphaned else quote.flag_reason,
        quote_id=quote.id,
        article_id=quote.article_id,
    )


def iter_rows(session: Session, options: ExportOptions, *, chunk_size: int = CHUNK_SIZE) -> Iterator[ExportRow]:
    """The rows to export, by article then position, streamed chunk by chunk."""
    result = session.scalars(export_statement(options).execution_options(yield_per=chunk_size))
    for chunk in result.partitions():
        quote_attempts = _latest_attempts(session, ContactAttempt.quote_id, (q.id for q in chunk))
        articles = {q.article_id: q.article for q in chunk}
        follow_up_ids = (f.id for article in articles.values() for f in article.follow_ups)
        follow_up_attempts = _latest_attempts(session, ContactAttempt.follow_up_id, follow_up_ids)
        described = {aid: _article_follow_ups(a, follow_up_attempts) for aid, a in articles.items()}
        for quote in chunk:
            yield build_row(quote, quote_attempts.get(quote.id), described[quote.article_id])
