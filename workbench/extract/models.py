"""What extraction returns: small frozen records, serialisable to the contract's JSON.

The fields and their meaning are fixed by ``shared/docs/extraction-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

QuoteKind = Literal["direct", "indirect"]
FollowUpStatus = Literal["no_response", "declined", "responded", "unreachable", "pending"]
FOLLOW_UP_STATUSES: tuple[str, ...] = ("no_response", "declined", "responded", "unreachable", "pending")


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_mention: str | None
    speaker_role: str | None
    cue: str | None
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_role": self.speaker_role,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class FollowUp:
    target: str | None
    target_role: str | None
    by: str | None
    status: FollowUpStatus
    evidence: str

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "target_role": self.target_role,
            "by": self.by,
            "status": self.status,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "roles": list(self.roles)}


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    id: str | None
    lang: Literal["id", "en"]
    publisher: str | None
    original_source: str | None
    published: date | None
    quotes: tuple[Quote, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    people: tuple[Person, ...] = ()
    boilerplate_lines: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "lang": self.lang,
            "publisher": self.publisher,
            "original_source": self.original_source,
            "published": self.published.isoformat() if self.published else None,
            "quotes": [q.to_dict() for q in self.quotes],
            "follow_ups": [f.to_dict() for f in self.follow_ups],
            "people": [p.to_dict() for p in self.people],
            "boilerplate_lines": list(self.boilerplate_lines),
        }
