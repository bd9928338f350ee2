"""What to export: the shared quote filter plus the "verified only" rule, validated from plain values.

A quote is *verified* when a person decided its attribution (``confirmed`` or ``corrected``);
only those go into a sheet unless ``include_unverified`` is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from dateutil import parser as date_parser
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES, Article, Person, Quote
from workbench.errors import InvalidValue, NotFound
from workbench.match import name_key
from workbench.queries import QuoteFilter
from workbench.verdicts import VERDICTS_BY_KEY, verdict_key

VERIFIED_ATTRIBUTIONS = ("confirmed", "corrected")
NO_VERDICT = "none"  # QuoteFilter's key for "quotes without a verdict"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    quote_filter: QuoteFilter = QuoteFilter()
    include_unverified: bool = False
    # Human-readable filter settings, in order, for the sheet's description of itself.
    described: tuple[tuple[str, str], ...] = field(default=())

    def effective_filter(self) -> QuoteFilter:
        """The filter actually run: restricted to verified attributions unless unverified are included."""
        if self.include_unverified:
            return self.quote_filter
        unverified = [a for a in self.quote_filter.attribution if a not in VERIFIED_ATTRIBUTIONS]
        if unverified:
            raise InvalidValue(
                f"Attribution {', '.join(unverified)} is not verified; include unverified quotes to export it."
            )
        return replace(self.quote_filter, attribution=self.quote_filter.attribution or VERIFIED_ATTRIBUTIONS)


def _check_all(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise InvalidValue(f"Unknown {what} {', '.join(map(repr, unknown))}; choose from: {', '.join(allowed)}.")
    return tuple(dict.fromkeys(values))  # keep order, drop repeats


def parse_date(value: date | str | None, what: str) -> date | None:
    """A date from ``2024-08-20`` (or a ``date``); anything else is refused with the value named."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date_parser.isoparse(value.strip()).date()
    except (ValueError, OverflowError) as exc:
        raise InvalidValue(f"{what} {value!r} is not a date; write it as YYYY-MM-DD.") from exc


def resolve_speaker(session: Session, speaker: int | str) -> Person:
    """The person meant by an id (``12``) or a name (``Joni Muslim``, matched like names are elsewhere)."""
    text = str(speaker).strip()
    if not text:
        raise InvalidValue("The speaker is empty; give a name or a person id.")
    if text.isdigit():
        person = session.get(Person, int(text))
        if person is None:
            raise NotFound(f"There is no person with id {text}.")
        return person
    matches = list(
        session.scalars(
            select(Person).where(Person.name_key == name_key(text), Person.merged_into_id.is_(None)).order_by(Person.id)
        )
    )
    if not matches:
        raise NotFound(f"No speaker is named {text!r}; check the spelling or give the person's id.")
    if len(matches) > 1:
        ids = ", ".join(f"{p.id} ({p.name})" for p in matches)
        raise InvalidValue(f"Several people are named {text!r}: {ids}; give one id instead.")
    return matches[0]


def reviewer_choices(session: Session) -> list[str]:
    """Everyone who has reviewed a quote, for a reviewer filter."""
    statement = select(Quote.reviewed_by).where(Quote.reviewed_by.is_not(None)).distinct().order_by(Quote.reviewed_by)
    return list(session.scalars(statement))


def build_options(
    session: Session,
    *,
    article_id: int | str | None = None,
    speaker: int | str | None = None,
    attribution: tuple[str, ...] | list[str] = (),
    follow_up: tuple[str, ...] | list[str] = (),
    verdict: tuple[str, ...] | list[str] = (),
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    reviewer: str | None = None,
    include_unverified: bool = False,
) -> ExportOptions:
    """Validate plain filter values (from the CLI or the page) into ``ExportOptions``."""
    described: list[tuple[str, str]] = []
    article = None
    if article_id not in (None, ""):
        text = str(article_id).strip()
        if not text.isdigit():
            raise InvalidValue(f"Article id {text!r} is not a number.")
        article = session.get(Article, int(text))
        if article is None:
            raise NotFound(f"There is no article with id {text}.")
        described.append(("Article", f"{article.id}: {article.title or '(untitled)'}"))
    person = None
    if speaker not in (None, ""):
        person = resolve_speaker(session, speaker)
        described.append(("Speaker", f"{person.name} (id {person.id})"))

    attribution = _check_all(tuple(attribution), ATTRIBUTION_STATES, "attribution status")
    follow_up = _check_all(tuple(follow_up), FOLLOW_UP_STATES, "follow-up status")
    # A verdict may be named as a reviewer says it (Keliru, Misleading, 5) as well as by its key.
    verdict = tuple(v if v == NO_VERDICT else verdict_key(v) or v for v in verdict)
    verdict = _check_all(verdict, (*VERDICTS_BY_KEY, NO_VERDICT), "verdict")
    start = parse_date(date_from, "From date")
    end = parse_date(date_to, "To date")
    if start and end and start > end:
        raise InvalidValue(f"The From date {start} is after the To date {end}.")
    reviewer = (reviewer or "").strip() or None

    for label, values in (("Attribution", attribution), ("Follow-up", follow_up), ("Verdict", verdict)):
        if values:
            described.append((label, ", ".join(values)))
    if start:
        described.append(("Published from", start.isoformat()))
    if end:
        described.append(("Published to", end.isoformat()))
    if reviewer:
        described.append(("Reviewer", reviewer))
    described.append(
        ("Quotes", "verified and unverified" if include_unverified else "verified only (confirmed or corrected)")
    )
    quote_filter = QuoteFilter(
        article_id=article.id if article else None,
        speaker_id=person.id if person else None,
        attribution=attribution,
        follow_up=follow_up,
        verdict=verdict,
        date_from=start,
        date_to=end,
        reviewer=reviewer,
    )
    options = ExportOptions(
        quote_filter=quote_filter, include_unverified=include_unverified, described=tuple(described)
    )
    options.effective_filter()  # refuses unverified attributions unless they are included
    return options
