"""What a sheet says about itself: when it was made, in which format, under which filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ExportMeta:
    exported_at: datetime  # UTC
    format: str
    described: tuple[tuple[str, str], ...]  # (filter, value) pairs, as ExportOptions.described
    include_unverified: bool
    organisation: tuple[str, str]  # (name, url) of the fact-checking desk

    def as_pairs(self) -> list[tuple[str, str]]:
        return [("Exported at (UTC)", self.exported_at.isoformat(timespec="seconds")), *self.described]
