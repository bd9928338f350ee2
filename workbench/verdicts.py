"""The verdict scale: labels in Indonesian and English mapped to a 1-5 rating (ClaimReview-ready)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    key: str
    label_id: str
    label_en: str
    rating: int

    @property
    def label(self) -> str:
        return f"{self.label_id} / {self.label_en}"


VERDICT_SCALE: tuple[Verdict, ...] = (
    Verdict("true", "Benar", "True", 5),
    Verdict("mostly_true", "Sebagian Benar", "Mostly true", 4),
    Verdict("unproven", "Tidak Terbukti", "Unproven", 3),
    Verdict("misleading", "Menyesatkan", "Misleading", 2),
    Verdict("false", "Keliru", "False", 1),
)
VERDICTS_BY_KEY: dict[str, Verdict] = {v.key: v for v in VERDICT_SCALE}
BEST_RATING = 5
WORST_RATING = 1


def verdict_for(key: str | None) -> Verdict | None:
    return VERDICTS_BY_KEY.get(key) if key else None
