"""The schema. Every change to it goes through an Alembic migration in ``db/migrations``.

Machine-extracted fields and human review state live side by side on ``quotes`` and
``follow_ups``; only ``workbench.review`` changes review state, and every change it makes is a
``ReviewEvent``. ``version`` on reviewable rows is SQLAlchemy's version counter: an UPDATE made
from an old version matches no row and is refused.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
name_str = Annotated[str, mapped_column(String(300))]
short_str = Annotated[str, mapped_column(String(40))]
created_at = Annotated[datetime, mapped_column(UTCDateTime, default=utcnow)]
json_list = Annotated[list[Any], mapped_column(JSON, default=list)]

# Allowed values, kept here so the schema, review rules and UI agree.
QUOTE_KINDS = ("direct", "indirect")
ATTRIBUTION_STATES = ("unreviewed", "confirmed", "corrected", "misattributed", "unverifiable")
FOLLOW_UP_STATES = (
    "not_needed",
    "to_contact",
    "contacted",
    "responded",
    "declined",
    "no_response",
    "unreachable",
)
OPEN_FOLLOW_UP_STATES = ("to_contact", "contacted", "no_response")


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[intpk]
    external_id: Mapped[str | None] = mapped_column(String(300))  # id from the input record / file stem
    title: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000))
    source_path: Mapped[str | None] = mapped_column(String(2000))  # file it was ingested from
    publisher: Mapped[str | None] = mapped_column(String(300))
    original_source: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(8), default="id")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    boilerplate_lines: Mapped[json_list]
    extractor_version: Mapped[str] = mapped_column(String(40), default="")
    ingested_at: Mapped[created_at]
    updated_at: Mapped[created_at]

    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Quote.position"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="FollowUp.position"
    )

    __table_args__ = (
        Index("ix_articles_published", "published"),
        Index("ix_articles_publisher", "publisher"),
        # Ingest finds an article's earlier version by its external id or URL (migration 0002).
        Index("ix_articles_external_id", "external_id"),
        Index("ix_articles_url", "url"),
    )


class Person(Base):
    """One real person (or organisation) across all articles."""

    __tablename__ = "people"

    id: Mapped[intpk]
    name: Mapped[name_str]
    name_key: Mapped[str] = mapped_column(String(300), index=True)  # normalised name for look-ups
    aliases: Mapped[json_list]
    roles: Mapped[json_list]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[created_at]


class MergeSuggestion(Base):
    """A doubtful cross-article identity match, left for a person to merge or reject."""

    __tablename__ = "merge_suggestions"

    id: Mapped[intpk]
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    other_person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[short_str] = mapped_column(default="open", index=True)  # open | merged | rejected
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[created_at]

    __table_args__ = (UniqueConstraint("person_id", "other_person_id", name="uq_merge_pair"),)


class Quote(Base):
    __tablename__ = "quotes"

    id: Mapped[intpk]
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the article

    # Machine-extracted (replaced on re-extraction)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[short_str]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(200))
    speaker_mention: Mapped[str | None] = mapped_column(String(300))
    speaker_role: Mapped[str | None] = mapped_column(String(500))
    extracted_speaker: Mapped[str | None] = mapped_column(String(300))
    extracted_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    # Set when re-extraction no longer finds a quote that a person had reviewed: kept, flagged.
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_reason: Mapped[str | None] = mapped_column(String(500))

    # The attributed speaker now: the extracted one until a reviewer corrects it.
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)

    # Review state (changed only by workbench.review)
    attribution: Mapped[short_str] = mapped_column(default="unreviewed", index=True)
    follow_up_status: Mapped[short_str] = mapped_column(default="not_needed", index=True)
    follow_up_channel: Mapped[str | None] = mapped_column(String(100))
    follow_up_contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    follow_up_deadline: Mapped[date | None] = mapped_column(Date)
    follow_up_summary: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(40), index=True)  # key into VERDICT_SCALE
    notes: Mapped[str | None] = mapped_column(Text)
    evidence_links: Mapped[json_list]
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[created_at]

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Person | None] = relationship(foreign_keys=[speaker_id])
    extracted_person: Mapped[Person | None] = relationship(foreign_keys=[extracted_person_id])

    __mapper_args__ = {"version_id_col": version}


class FollowUp(Base):
    """An attempt, found in the article, to reach someone for comment; tracked like a quote's."""

    __tablename__ = "follow_ups"

    id: Mapped[intpk]
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    # Machine-extracted
    target_name: Mapped[str | None] = mapped_column(String(300))
    target_role: Mapped[str | None] = mapped_column(String(500))
    target_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    by: Mapped[str | None] = mapped_column(String(300))  # who tried (the outlet or reporter)
    extracted_status: Mapped[short_str]  # what the article says: no_response, declined, ...
    evidence: Mapped[str] = mapped_column(Text)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_reason: Mapped[str | None] = mapped_column(String(500))

    # Review state (changed only by workbench.review)
    status: Mapped[short_str] = mapped_column(index=True)  # one of FOLLOW_UP_STATES
    channel: Mapped[str | None] = mapped_column(String(100))
    contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[created_at]

    article: Mapped[Article] = relationship(back_populates="follow_ups")
    target_person: Mapped[Person | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ContactAttempt(Base):
    """One logged try to reach someone, for a quote or for an article's follow-up."""

    __tablename__ = "contact_attempts"

    id: Mapped[intpk]
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str | None] = mapped_column(String(100))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[created_at]


class ReviewEvent(Base):
    """Append-only audit log: one row per changed field."""

    __tablename__ = "review_events"

    id: Mapped[intpk]
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id", ondelete="SET NULL"), index=True)
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_ups.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[created_at]
    field: Mapped[str] = mapped_column(String(60))
    before: Mapped[str | None] = mapped_column(Text)  # JSON-encoded value
    after: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int | None] = mapped_column(Integer)  # row version this change produced
