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


def verdict_key(text: str) -> str | None:
    """The key for a verdict typed by a person: key, Indonesian or English label, or rating 1-5.

    ``Keliru``, ``false``, ``False`` and ``1`` all name the same verdict; None when nothing does.
    """
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    for verdict in VERDICT_SCALE:
        names = (verdict.key.replace("_", " "), verdict.label_id, verdict.label_en, str(verdict.rating))
        if wanted in (name.casefold() for name in names):
            return verdict.key
    return None
