"""Read-side use cases for the pages: small records out, filtering, counting and paging in SQL.

Every function takes a session and plain values and returns frozen dataclasses, so a page never
touches the ORM and a test can check a listing without Streamlit. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process, utils
from sqlalchemy import DateTime, Select, and_, case, distinct, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session, aliased

from db.models import (
    OPEN_FOLLOW_UP_STATES,
    Article,
    ContactAttempt,
    FollowUp,
    MergeSuggestion,
    Person,
    Quote,
)
from workbench.errors import NotFound
from workbench.queries import QuoteFilter, apply_quote_filter, quotes_select

# Article follow-ups found by extraction may carry "pending"; anything not settled awaits a reply.
OPEN_ARTICLE_FOLLOW_UP_STATES = (*OPEN_FOLLOW_UP_STATES, "pending")
ALL_QUOTES = QuoteFilter()


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing plus the total number of matching rows."""

    rows: list[T]
    total: int
    limit: int
    offset: int

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1


# ---------------------------------------------------------------------------------------------
# Articles


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    search: str | None = None  # substring of title, publisher, original source or external id
    publisher: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    title: str | None
    external_id: str | None
    publisher: str | None
    original_source: str | None
    published: date | None
    url: str | None
    quotes: int
    reviewed: int
    open_follow_ups: int  # quotes awaiting a reply plus the article's own open follow-ups


def _article_conditions(article_filter: ArticleFilter) -> list:
    f = article_filter
    conditions = []
    if f.search:
        needle = f.search.strip()
        conditions.append(
            or_(
                Article.title.icontains(needle, autoescape=True),
                Article.publisher.icontains(needle, autoescape=True),
                Article.original_source.icontains(needle, autoescape=True),
                Article.external_id.icontains(needle, autoescape=True),
            )
        )
    if f.publisher:
        conditions.append(Article.publisher == f.publisher)
    if f.date_from is not None:
        conditions.append(Article.published >= f.date_from)
    if f.date_to is not None:
        conditions.append(Article.published <= f.date_to)
    return conditions


def list_articles(
    session: Session, article_filter: ArticleFilter = ArticleFilter(), *, limit: int = 25, offset: int = 0
) -> Page[ArticleRow]:
    """Newest first; the per-article counts are GROUP BY queries over just the page's articles."""
    conditions = _article_conditions(article_filter)
    total = session.scalar(select(func.count(Article.id)).where(*conditions)) or 0
    articles = session.execute(
        select(
            Article.id,
            Article.title,
            Article.external_id,
            Article.publisher,
            Article.original_source,
            Article.published,
            Article.url,
        )
        .where(*conditions)
        .order_by(Article.published.desc().nulls_last(), Article.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [a.id for a in articles]
    quote_counts: dict[int, tuple[int, int, int]] = {}
    follow_up_counts: dict[int, int] = {}
    if ids:
        for article_id, quotes, reviewed, waiting in session.execute(
            select(
                Quote.article_id,
                func.count(Quote.id),
                func.sum(case((Quote.attribution != "unreviewed", 1), else_=0)),
                func.sum(case((Quote.follow_up_status.in_(OPEN_FOLLOW_UP_STATES), 1), else_=0)),
            )
            .where(Quote.article_id.in_(ids))
            .group_by(Quote.article_id)
        ):
            quote_counts[article_id] = (quotes, reviewed or 0, waiting or 0)
        for article_id, waiting in session.execute(
            select(FollowUp.article_id, func.count(FollowUp.id))
            .where(FollowUp.article_id.in_(ids), FollowUp.status.in_(OPEN_ARTICLE_FOLLOW_UP_STATES))
            .group_by(FollowUp.article_id)
        ):
            follow_up_counts[article_id] = waiting
    rows = []
    for a in articles:
        quotes, reviewed, waiting = quote_counts.get(a.id, (0, 0, 0))
        rows.append(
            ArticleRow(
                id=a.id,
                title=a.title,
                external_id=a.external_id,
                publisher=a.publisher,
                original_source=a.original_source,
                published=a.published,
                url=a.url,
                quotes=quotes,
                reviewed=reviewed,
                open_follow_ups=waiting + follow_up_counts.get(a.id, 0),
            )
        )
    return Page(rows, total, limit, offset)


def publishers(session: Session, *, limit: int = 200) -> list[str]:
    """Distinct publishers, most frequent first, for a filter's choices."""
    return list(
        session.scalars(
            select(Article.publisher)
            .where(Article.publisher.is_not(None))
            .group_by(Article.publisher)
            .order_by(func.count(Article.id).desc(), Article.publisher)
            .limit(limit)
        )
    )


@dataclass(frozen=True, slots=True)
class ArticleChoice:
    id: int
    label: str


def _article_label(article_id: int, title: str | None, external_id: str | None, published: date | None) -> str:
    name = title or external_id or "untitled"
    when = f" ({published.isoformat()})" if published else ""
    return f"#{article_id} {name}{when}"


def find_articles(session: Session, search: str | None = None, *, limit: int = 50) -> list[ArticleChoice]:
    """Articles to pick from: matches of ``search`` (or a number as an id), newest first."""
    statement = select(Article.id, Article.title, Article.external_id, Article.published)
    if search and search.strip():
        needle = search.strip().lstrip("#")
        condition = or_(*_article_conditions(ArticleFilter(search=needle)))
        if needle.isdigit():
            condition = or_(condition, Article.id == int(needle))
        statement = statement.where(condition)
    rows = session.execute(
        statement.order_by(Article.published.desc().nulls_last(), Article.id.desc()).limit(limit)
    ).all()
    return [ArticleChoice(r.id, _article_label(r.id, r.title, r.external_id, r.published)) for r in rows]


def article_choice(session: Session, article_id: int) -> ArticleChoice | None:
    row = session.execute(
        select(Article.id, Article.title, Article.external_id, Article.published).where(Article.id == article_id)
    ).first()
    return ArticleChoice(row.id, _article_label(row.id, row.title, row.external_id, row.published)) if row else None


# ---------------------------------------------------------------------------------------------
# Quotes


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    article_id: int
    article_title: str | None
    published: date | None
    position: int
    text: str
    kind: str
    start: int
    end: int
    cue: str | None
    speaker_mention: str | None
    speaker_role: str | None
    extracted_speaker: str | None
    speaker_id: int | None
    speaker_name: str | None  # the attributed speaker now (the corrected one after a correction)
    attribution: str
    follow_up_status: str
    follow_up_channel: str | None
    follow_up_contacted_at: datetime | None
    follow_up_deadline: date | None
    follow_up_summary: str | None
    verdict: str | None
    notes: str | None
    evidence_links: tuple[str, ...]
    reviewed_by: str | None
    reviewed_at: datetime | None
    orphaned: bool
    flag_reason: str | None
    version: int

    @property
    def shown_speaker(self) -> str:
        return self.speaker_name or self.extracted_speaker or self.speaker_mention or "(unknown)"


_Speaker = aliased(Person)

_QUOTE_COLUMNS = (
    Quote.id,
    Quote.article_id,
    Article.title.label("article_title"),
    Article.published,
    Quote.position,
    Quote.text,
    Quote.kind,
    Quote.start,
    Quote.end,
    Quote.cue,
    Quote.speaker_mention,
    Quote.speaker_role,
    Quote.extracted_speaker,
    Quote.speaker_id,
    _Speaker.name.label("speaker_name"),
    Quote.attribution,
    Quote.follow_up_status,
    Quote.follow_up_channel,
    Quote.follow_up_contacted_at,
    Quote.follow_up_deadline,
    Quote.follow_up_summary,
    Quote.verdict,
    Quote.notes,
    Quote.evidence_links,
    Quote.reviewed_by,
    Quote.reviewed_at,
    Quote.orphaned,
    Quote.flag_reason,
    Quote.version,
)


def _quote_rows(session: Session, statement: Select) -> list[QuoteRow]:
    rows = []
    for r in session.execute(statement):
        values = r._asdict()
        values["evidence_links"] = tuple(values["evidence_links"] or ())
        values["orphaned"] = bool(values["orphaned"])
        rows.append(QuoteRow(**values))
    return rows


def _quote_rows_select(quote_filter: QuoteFilter) -> Select:
    # The shared filter decides which quotes; this only swaps the selected columns for flat ones.
    return (
        quotes_select(quote_filter)
        .with_only_columns(*_QUOTE_COLUMNS, maintain_column_froms=True)
        .outerjoin(_Speaker, _Speaker.id == Quote.speaker_id)
    )


def count_quotes(session: Session, quote_filter: QuoteFilter = ALL_QUOTES) -> int:
    statement = select(func.count(Quote.id)).select_from(Quote)
    if quote_filter.date_from is not None or quote_filter.date_to is not None:
        # Only the date filter reads the article; without it the count stays on the quotes' indexes.
        statement = statement.join(Article, Quote.article_id == Article.id)
    return session.scalar(apply_quote_filter(statement, quote_filter)) or 0


def list_quotes(
    session: Session, quote_filter: QuoteFilter = ALL_QUOTES, *, limit: int = 50, offset: int = 0
) -> Page[QuoteRow]:
    rows = _quote_rows(session, _quote_rows_select(quote_filter).limit(limit).offset(offset))
    total = count_quotes(session, quote_filter) if rows or offset else 0
    return Page(rows, total, limit, offset)


def quote_detail(session: Session, quote_id: int) -> QuoteRow:
    rows = _quote_rows(
        session,
        select(*_QUOTE_COLUMNS)
        .select_from(Quote)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(_Speaker, _Speaker.id == Quote.speaker_id)
        .where(Quote.id == quote_id),
    )
    if not rows:
        raise NotFound(f"Quote {quote_id} does not exist (it may have been removed by re-extraction).")
    return rows[0]


def next_unreviewed_quote(session: Session, quote_filter: QuoteFilter, *, after: int | None = None) -> int | None:
    """The first unreviewed quote matching ``quote_filter`` after quote ``after`` in queue order (wrapping)."""
    base = apply_quote_filter(
        select(Quote.id)
        .select_from(Quote)
        .join(Article, Quote.article_id == Article.id)
        .where(Quote.attribution == "unreviewed"),
        quote_filter,
    ).order_by(Quote.article_id, Quote.position, Quote.id)
    if after is not None:
        anchor = session.execute(select(Quote.article_id, Quote.position).where(Quote.id == after)).first()
        if anchor is not None:
            later = or_(
                Quote.article_id > anchor.article_id,
                and_(Quote.article_id == anchor.article_id, Quote.position > anchor.position),
                and_(Quote.article_id == anchor.article_id, Quote.position == anchor.position, Quote.id > after),
            )
            found = session.scalar(base.where(later).limit(1))
            if found is not None:
                return found
    return session.scalar((base.where(Quote.id != after) if after is not None else base).limit(1))


# ---------------------------------------------------------------------------------------------
# One article with its quotes and follow-ups


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: int
    article_id: int
    position: int
    target_name: str | None
    target_role: str | None
    target_person_id: int | None
    by: str | None
    extracted_status: str
    evidence: str
    status: str
    channel: str | None
    contacted_at: datetime | None
    deadline: date | None
    summary: str | None
    updated_by: str | None
    updated_at: datetime | None
    orphaned: bool
    version: int


_FOLLOW_UP_COLUMNS = (
    FollowUp.id,
    FollowUp.article_id,
    FollowUp.position,
    FollowUp.target_name,
    FollowUp.target_role,
    FollowUp.target_person_id,
    FollowUp.by,
    FollowUp.extracted_status,
    FollowUp.evidence,
    FollowUp.status,
    FollowUp.channel,
    FollowUp.contacted_at,
    FollowUp.deadline,
    FollowUp.summary,
    FollowUp.updated_by,
    FollowUp.updated_at,
    FollowUp.orphaned,
    FollowUp.version,
)


def _follow_up_rows(session: Session, statement: Select) -> list[FollowUpRow]:
    return [FollowUpRow(**{**r._asdict(), "orphaned": bool(r.orphaned)}) for r in session.execute(statement)]


def follow_up_detail(session: Session, follow_up_id: int) -> FollowUpRow:
    rows = _follow_up_rows(session, select(*_FOLLOW_UP_COLUMNS).where(FollowUp.id == follow_up_id))
    if not rows:
        raise NotFound(f"Follow-up {follow_up_id} does not exist (it may have been removed by re-extraction).")
    return rows[0]


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: int
    title: str | None
    external_id: str | None
    url: str | None
    publisher: str | None
    original_source: str | None
    published: date | None
    lang: str
    text: str
    boilerplate_lines: tuple[str, ...]
    quotes: list[QuoteRow] = field(default_factory=list)
    follow_ups: list[FollowUpRow] = field(default_factory=list)


def article_view(session: Session, article_id: int) -> ArticleView:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"Article {article_id} does not exist.")
    quotes = _quote_rows(session, _quote_rows_select(QuoteFilter(article_id=article_id)))
    follow_ups = _follow_up_rows(
        session,
        select(*_FOLLOW_UP_COLUMNS).where(FollowUp.article_id == article_id).order_by(FollowUp.position, FollowUp.id),
    )
    return ArticleView(
        id=article.id,
        title=article.title,
        external_id=article.external_id,
        url=article.url,
        publisher=article.publisher,
        original_source=article.original_source,
        published=article.published,
        lang=article.lang,
        text=article.text,
        boilerplate_lines=tuple(article.boilerplate_lines or ()),
        quotes=quotes,
        follow_ups=follow_ups,
    )


# ---------------------------------------------------------------------------------------------
# People


@dataclass(frozen=True, slots=True)
class PersonChoice:
    id: int
    name: str
    roles: tuple[str, ...]
    score: float  # 0-100 similarity to the search; 100 for an exact or unsearched listing

    @property
    def label(self) -> str:
        role = f" ({self.roles[0]})" if self.roles else ""
        return f"{self.name}{role}"


def search_people(session: Session, query: str | None, *, limit: int = 20, min_score: float = 50) -> list[PersonChoice]:
    """People (not merged away) whose name or an alias is like ``query``, best first (rapidfuzz).

    Fuzzy similarity cannot be computed in SQL portably, so this reads id, name and aliases of
    the live people; the listing for an empty query is paged in SQL instead.
    """
    live = Person.merged_into_id.is_(None)
    if not query or not query.strip():
        people = session.execute(
            select(Person.id, Person.name, Person.roles).where(live).order_by(Person.name).limit(limit)
        ).all()
        return [PersonChoice(p.id, p.name, tuple(p.roles or ()), 100.0) for p in people]
    rows = session.execute(select(Person.id, Person.name, Person.aliases, Person.roles).where(live)).all()
    names: list[str] = []
    owners: list[int] = []
    for index, row in enumerate(rows):
        for name in (row.name, *(row.aliases or ())):
            names.append(name)
            owners.append(index)
    best: dict[int, float] = {}
    for _name, score, position in process.extract(
        query,
        names,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit * 3,
        score_cutoff=min_score,
    ):
        owner = owners[position]
        best[owner] = max(best.get(owner, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], rows[item[0]].name))[:limit]
    return [PersonChoice(rows[i].id, rows[i].name, tuple(rows[i].roles or ()), score) for i, score in ranked]


def people_by_id(session: Session, ids: Sequence[int]) -> list[PersonChoice]:
    if not ids:
        return []
    rows = session.execute(select(Person.id, Person.name, Person.roles).where(Person.id.in_(list(ids)))).all()
    return [PersonChoice(p.id, p.name, tuple(p.roles or ()), 100.0) for p in rows]


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    quotes: int
    articles: int


def list_people(session: Session, search: str | None = None, *, limit: int = 25, offset: int = 0) -> Page[PersonRow]:
    """Live people by name, with how many quotes and articles are attributed to each.

    The counts are one GROUP BY over just the page's people (counting every person's quotes to
    sort by them would read the whole quotes table on each rerun).
    """
    conditions = [Person.merged_into_id.is_(None)]
    if search and search.strip():
        needle = search.strip()
        conditions.append(
            or_(Person.name.icontains(needle, autoescape=True), Person.name_key.icontains(needle, autoescape=True))
        )
    total = session.scalar(select(func.count(Person.id)).where(*conditions)) or 0
    people = session.execute(
        select(Person.id, Person.name, Person.aliases, Person.roles)
        .where(*conditions)
        .order_by(Person.name, Person.id)
        .limit(limit)
        .offset(offset)
    ).all()
    counts: dict[int, tuple[int, int]] = {}
    if people:
        for person_id, quotes, articles in session.execute(
            select(Quote.speaker_id, func.count(Quote.id), func.count(distinct(Quote.article_id)))
            .where(Quote.speaker_id.in_([p.id for p in people]))
            .group_by(Quote.speaker_id)
        ):
            counts[person_id] = (quotes, articles)
    rows = [
        PersonRow(p.id, p.name, tuple(p.aliases or ()), tuple(p.roles or ()), *counts.get(p.id, (0, 0))) for p in people
    ]
    return Page(rows, total, limit, offset)


@dataclass(frozen=True, slots=True)
class MergeRow:
    id: int
    person_id: int
    person_name: str
    other_person_id: int
    other_name: str
    score: float
    reason: str | None


def open_merge_suggestions(session: Session, *, limit: int = 50, offset: int = 0) -> Page[MergeRow]:
    one, other = aliased(Person), aliased(Person)
    condition = MergeSuggestion.status == "open"
    total = session.scalar(select(func.count(MergeSuggestion.id)).where(condition)) or 0
    rows = session.execute(
        select(
            MergeSuggestion.id,
            MergeSuggestion.person_id,
            one.name,
            MergeSuggestion.other_person_id,
            other.name.label("other_name"),
            MergeSuggestion.score,
            MergeSuggestion.reason,
        )
        .join(one, one.id == MergeSuggestion.person_id)
        .join(other, other.id == MergeSuggestion.other_person_id)
        .where(condition)
        .order_by(MergeSuggestion.score.desc(), MergeSuggestion.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page([MergeRow(*r) for r in rows], total, limit, offset)


# ---------------------------------------------------------------------------------------------
# Follow-ups awaiting a reply


@dataclass(frozen=True, slots=True)
class AwaitingRow:
    kind: str  # "quote" (a quote's follow-up) or "article" (a follow-up found in the article)
    id: int  # quote id or follow-up id
    article_id: int
    article_title: str | None
    who: str | None
    role: str | None
    status: str
    channel: str | None
    since: datetime | None  # when the contact was made, else when the article was published or the item came in
    deadline: date | None
    summary: str | None
    attempts: int

    def overdue(self, today: date) -> bool:
        return self.deadline is not None and self.deadline < today


def _attempts(column) -> Select:
    return select(func.count(ContactAttempt.id)).where(column).scalar_subquery()


def awaiting_reply(session: Session, *, today: date, limit: int = 25, offset: int = 0) -> Page[AwaitingRow]:
    """Quotes and article follow-ups in an open state: overdue first (oldest deadline), then oldest."""
    speaker = aliased(Person)
    quotes = (
        select(
            literal("quote").label("kind"),
            Quote.id.label("id"),
            Quote.article_id.label("article_id"),
            Article.title.label("article_title"),
            func.coalesce(speaker.name, Quote.extracted_speaker, Quote.speaker_mention).label("who"),
            Quote.speaker_role.label("role"),
            Quote.follow_up_status.label("status"),
            Quote.follow_up_channel.label("channel"),
            func.coalesce(Quote.follow_up_contacted_at, Quote.created_at).label("since"),
            Quote.follow_up_deadline.label("deadline"),
            Quote.follow_up_summary.label("summary"),
            _attempts(ContactAttempt.quote_id == Quote.id).label("attempts"),
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(speaker, speaker.id == Quote.speaker_id)
        .where(Quote.follow_up_status.in_(OPEN_FOLLOW_UP_STATES))
    )
    target = aliased(Person)
    article_follow_ups = (
        select(
            literal("article").label("kind"),
            FollowUp.id.label("id"),
            FollowUp.article_id.label("article_id"),
            Article.title.label("article_title"),
            func.coalesce(target.name, FollowUp.target_name).label("who"),
            FollowUp.target_role.label("role"),
            FollowUp.status.label("status"),
            FollowUp.channel.label("channel"),
            # The article reports the attempt: unanswered since it was published, not since ingest.
            func.coalesce(FollowUp.contacted_at, type_coerce(Article.published, DateTime), FollowUp.created_at).label(
                "since"
            ),
            FollowUp.deadline.label("deadline"),
            FollowUp.summary.label("summary"),
            _attempts(ContactAttempt.follow_up_id == FollowUp.id).label("attempts"),
        )
        .join(Article, Article.id == FollowUp.article_id)
        .outerjoin(target, target.id == FollowUp.target_person_id)
        .where(FollowUp.status.in_(OPEN_ARTICLE_FOLLOW_UP_STATES))
    )
    both = union_all(quotes, article_follow_ups).subquery()
    # Counted apart, on the status indexes: counting the union would build every row first.
    total = (
        session.scalar(select(func.count(Quote.id)).where(Quote.follow_up_status.in_(OPEN_FOLLOW_UP_STATES))) or 0
    ) + (session.scalar(select(func.count(FollowUp.id)).where(FollowUp.status.in_(OPEN_ARTICLE_FOLLOW_UP_STATES))) or 0)
    overdue_first = case((and_(both.c.deadline.is_not(None), both.c.deadline < today), 0), else_=1)
    rows = session.execute(
        select(both)
        .order_by(overdue_first, both.c.deadline.asc().nulls_last(), both.c.since.asc(), both.c.kind, both.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page(
        [AwaitingRow(**{**r._asdict(), "since": _as_utc(r.since), "attempts": r.attempts or 0}) for r in rows],
        total,
        limit,
        offset,
    )


def _as_utc(value) -> datetime | None:
    # A UNION column loses the UTCDateTime type; SQLite then hands back naive datetimes or text.
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time())
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class AttemptRow:
    id: int
    channel: str | None
    attempted_at: datetime
    outcome: str | None
    note: str | None
    logged_by: str


def contact_attempts(
    session: Session, *, quote_id: int | None = None, follow_up_id: int | None = None
) -> list[AttemptRow]:
    condition = (
        ContactAttempt.quote_id == quote_id if quote_id is not None else ContactAttempt.follow_up_id == follow_up_id
    )
    rows = session.execute(
        select(
            ContactAttempt.id,
            ContactAttempt.channel,
            ContactAttempt.attempted_at,
            ContactAttempt.outcome,
            ContactAttempt.note,
            ContactAttempt.logged_by,
        )
        .where(condition)
        .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
    ).all()
    return [AttemptRow(*r) for r in rows]


# ---------------------------------------------------------------------------------------------
# Dashboard


@dataclass(frozen=True, slots=True)
class DeskProgress:
    articles: int
    quotes: int
    by_attribution: dict[str, int]
    by_verdict: dict[str, int]  # verdict key, "none" for quotes without one
    by_follow_up: dict[str, int]
    open_article_follow_ups: int

    @property
    def reviewed(self) -> int:
        return self.quotes - self.by_attribution.get("unreviewed", 0)

    @property
    def open_quote_follow_ups(self) -> int:
        return sum(self.by_follow_up.get(state, 0) for state in OPEN_FOLLOW_UP_STATES)


def desk_progress(session: Session) -> DeskProgress:
    """Small aggregates for the dashboard, each one GROUP BY query."""
    articles = session.scalar(select(func.count(Article.id))) or 0
    # One GROUP BY per state: each reads only that column's index.
    by_attribution = dict(
        session.execute(select(Quote.attribution, func.count(Quote.id)).group_by(Quote.attribution)).all()
    )
    by_verdict = {
        (key or "none"): count
        for key, count in session.execute(select(Quote.verdict, func.count(Quote.id)).group_by(Quote.verdict))
    }
    by_follow_up = dict(
        session.execute(select(Quote.follow_up_status, func.count(Quote.id)).group_by(Quote.follow_up_status)).all()
    )
    open_article = (
        session.scalar(select(func.count(FollowUp.id)).where(FollowUp.status.in_(OPEN_ARTICLE_FOLLOW_UP_STATES))) or 0
    )
    return DeskProgress(
        articles=articles,
        quotes=sum(by_attribution.values()),
        by_attribution=by_attribution,
        by_verdict=by_verdict,
        by_follow_up=by_follow_up,
        open_article_follow_ups=open_article,
    )
