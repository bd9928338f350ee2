"""The one quote filter shared by the queue, the CLI listing and exports; applied in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, or_, select

from db.models import Article, Quote


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Every field is optional; set fields are ANDed. Tuples mean "any of"."""

    article_id: int | None = None
    speaker_id: int | None = None  # the attributed speaker (corrected one when corrected)
    attribution: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()
    verdict: tuple[str, ...] = ()  # verdict keys; "none" selects quotes without a verdict
    kind: tuple[str, ...] = ()
    date_from: date | None = None  # article's published date, inclusive
    date_to: date | None = None
    reviewer: str | None = None  # last reviewer of the quote
    text_contains: str | None = None  # case-insensitive substring of the quote text
    include_orphaned: bool = True


def apply_quote_filter(statement: Select, quote_filter: QuoteFilter) -> Select:
    """Add WHERE clauses for ``quote_filter``; ``statement`` must already select from or join Article."""
    f = quote_filter
    conditions = []
    if f.article_id is not None:
        conditions.append(Quote.article_id == f.article_id)
    if f.speaker_id is not None:
        conditions.append(Quote.speaker_id == f.speaker_id)
    if f.attribution:
        conditions.append(Quote.attribution.in_(f.attribution))
    if f.follow_up:
        conditions.append(Quote.follow_up_status.in_(f.follow_up))
    if f.verdict:
        keys = [v for v in f.verdict if v != "none"]
        parts = [Quote.verdict.in_(keys)] if keys else []
        if "none" in f.verdict:
            parts.append(Quote.verdict.is_(None))
        conditions.append(or_(*parts))
    if f.kind:
        conditions.append(Quote.kind.in_(f.kind))
    if f.date_from is not None:
        conditions.append(Article.published >= f.date_from)
    if f.date_to is not None:
        conditions.append(Article.published <= f.date_to)
    if f.reviewer:
        conditions.append(Quote.reviewed_by == f.reviewer)
    if f.text_contains:
        conditions.append(Quote.text.icontains(f.text_contains, autoescape=True))
    if not f.include_orphaned:
        conditions.append(Quote.orphaned.is_(False))
    return statement.where(and_(*conditions)) if conditions else statement


def quotes_select(quote_filter: QuoteFilter = QuoteFilter()) -> Select:
    """``SELECT quotes JOIN articles`` filtered, ordered by article then position (stable paging)."""
    statement = select(Quote).join(Article, Quote.article_id == Article.id)
    statement = apply_quote_filter(statement, quote_filter)
    return statement.order_by(Quote.article_id, Quote.position, Quote.id)
