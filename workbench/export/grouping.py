"""Rows grouped for the printable sheets: by article (in export order), then by speaker within it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from workbench.export.rows import ExportRow

UNKNOWN_SPEAKER = "(speaker unknown)"


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    speaker: str
    rows: list[ExportRow]


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    first: ExportRow  # carries the article's columns
    speakers: list[SpeakerGroup]


def by_article_and_speaker(rows: Iterable[ExportRow]) -> Iterator[ArticleGroup]:
    """Rows arrive ordered by article; only one article's rows are held at a time."""
    for _, article_rows in groupby(rows, key=lambda r: r.article_id):
        speakers: dict[str, list[ExportRow]] = {}
        first = None
        for row in article_rows:
            first = first or row
            speakers.setdefault(row.speaker or UNKNOWN_SPEAKER, []).append(row)
        yield ArticleGroup(first, [SpeakerGroup(name, group) for name, group in speakers.items()])
