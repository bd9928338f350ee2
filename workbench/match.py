"""Fuzzy identity: one speaker under many spellings across articles.

Pure functions over names (``name_key``, ``compare_names``) plus ``PeopleResolver``, the one
piece that looks people up in the database during ingest. A sure match reuses a person; a
doubtful one (a close spelling, or one name being part of the other, such as a surname alone)
creates a new person and a ``MergeSuggestion`` for a reviewer, never a silent merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MergeSuggestion, Person

# Honorifics and courtesy titles that say nothing about who someone is (Indonesian and English).
HONORIFICS = frozenset(
    "pak bapak bu ibu bang mas mbak kak saudara sdr sdri tuan nyonya nona "
    "mr mrs ms miss mister sir madam dr drs h hj haji hajjah prof".split()
)
SAME_SCORE = 95  # token_sort_ratio at or above: one person spelled slightly differently
DOUBTFUL_SCORE = 80  # between this and SAME_SCORE: ask a person
MAX_SUGGESTIONS = 3  # per new person, best first
BLOCK_PREFIX = 4  # candidate names must share a token starting with the same letters

_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_DIGITS_ONLY = re.compile(r"^\d+$")


def name_key(name: str | None) -> str:
    """Normalised name for look-ups: NFKC, casefolded, no punctuation or honorifics.

    ``"Pak Basri Rase"`` and ``"Basri Rase"`` give the same key, as do ``NasDem`` and ``Nasdem``.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("'", "").replace("\u2019", "")  # O'Brien -> obrien, not "o brien"
    text = _PUNCTUATION.sub(" ", text).replace("_", " ")
    tokens = _SPACES.split(text.strip())
    kept = [t for t in tokens if t and t not in HONORIFICS]
    # A name made only of honorifics ("Pak") still names someone the article points at.
    return " ".join(kept or [t for t in tokens if t])


@dataclass(frozen=True, slots=True)
class NameMatch:
    verdict: str  # "same" | "doubtful" | "different"
    score: float
    reason: str


def compare_keys(a: str, b: str) -> NameMatch:
    """How two normalised names relate; see ``compare_names``."""
    if not a or not b:
        return NameMatch("different", 0.0, "empty name")
    if a == b:
        return NameMatch("same", 100.0, "same name once case, honorifics and punctuation are ignored")
    tokens_a, tokens_b = set(a.split()), set(b.split())
    if tokens_a <= tokens_b or tokens_b <= tokens_a:
        shorter = a if len(tokens_a) < len(tokens_b) else b
        return NameMatch("doubtful", float(fuzz.token_set_ratio(a, b)), f"'{shorter}' is only part of the other name")
    score = float(fuzz.token_sort_ratio(a, b))
    if score >= SAME_SCORE and min(len(a), len(b)) >= 6:
        return NameMatch("same", score, f"spellings differ slightly (similarity {score:.0f})")
    if score >= DOUBTFUL_SCORE:
        return NameMatch("doubtful", score, f"similar spellings (similarity {score:.0f})")
    return NameMatch("different", score, "different names")


def compare_names(a: str | None, b: str | None) -> NameMatch:
    """``same``: one entity for sure; ``doubtful``: a person should decide; ``different``."""
    return compare_keys(name_key(a), name_key(b))


def blocking_keys(key: str) -> set[str]:
    """Short prefixes of a name's tokens: only names sharing one are compared (keeps matching fast)."""
    return {t[:BLOCK_PREFIX] for t in key.split() if len(t) >= 2 and not _DIGITS_ONLY.match(t)}


@dataclass(frozen=True, slots=True)
class Resolution:
    person_id: int
    created: bool


class PeopleResolver:
    """Resolves names to ``Person`` ids during an ingest batch, caching what it learns.

    The cache spans the batch's articles, each in its own transaction: call ``accept()`` after a
    commit and ``discard()`` after a rollback, so that people from a failed article are forgotten.
    Exact keys are looked up through the indexed ``name_key`` column; fuzzy candidates come from an
    in-memory token index built once, so no quote ever scans the people table.
    """

    def __init__(self) -> None:
        self._loaded = False
        self._by_key: dict[str, int] = {}
        self._keys_by_id: dict[int, str] = {}
        self._block: dict[str, set[int]] = defaultdict(set)
        self._pending: list[tuple[str, int]] = []

    # -- batch bookkeeping -------------------------------------------------------------------
    def accept(self) -> None:
        self._pending.clear()

    def discard(self) -> None:
        for key, person_id in self._pending:
            if self._by_key.get(key) == person_id:
                del self._by_key[key]
            if self._keys_by_id.get(person_id) == key:
                del self._keys_by_id[person_id]
                for block in blocking_keys(key):
                    self._block[block].discard(person_id)
        self._pending.clear()

    def _remember(self, key: str, person_id: int, *, pending: bool) -> None:
        self._by_key.setdefault(key, person_id)
        if person_id not in self._keys_by_id:
            self._keys_by_id[person_id] = key
            for block in blocking_keys(key):
                self._block[block].add(person_id)
        if pending:
            self._pending.append((key, person_id))

    def _load(self, session: Session) -> None:
        # One pass over (id, name_key) of the people still standing; merged ones redirect.
        rows = session.execute(select(Person.id, Person.name_key).where(Person.merged_into_id.is_(None)))
        for person_id, key in rows:
            self._remember(key, person_id, pending=False)
        self._loaded = True

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, session: Session, name: str | None) -> Resolution | None:
        """The person ``name`` refers to, created when no sure match exists."""
        key = name_key(name)
        if not key:
            return None
        if not self._loaded:
            self._load(session)
        known = self._by_key.get(key)
        if known is not None:
            return Resolution(known, created=False)
        found = _find_by_key(session, key)
        if found is not None:
            self._remember(key, found, pending=False)
            return Resolution(found, created=False)

        sure, doubtful = self._fuzzy_candidates(key)
        if sure is not None:
            self._by_key[key] = sure
            self._pending.append((key, sure))
            person = session.get(Person, sure)
            if person is not None and name not in person.aliases and name != person.name:
                person.aliases = [*person.aliases, name]
            return Resolution(sure, created=False)

        person = Person(name=name.strip(), name_key=key, aliases=[], roles=[])
        session.add(person)
        session.flush()
        self._remember(key, person.id, pending=True)
        for other_id, match in doubtful:
            session.add(
                MergeSuggestion(person_id=other_id, other_person_id=person.id, score=match.score, reason=match.reason)
            )
        return Resolution(person.id, created=True)

    def _fuzzy_candidates(self, key: str) -> tuple[int | None, list[tuple[int, NameMatch]]]:
        candidate_ids: set[int] = set()
        for block in blocking_keys(key):
            candidate_ids |= self._block.get(block, set())
        if not candidate_ids:
            return None, []
        choices = {pid: self._keys_by_id[pid] for pid in candidate_ids if pid in self._keys_by_id}
        # token_set_ratio ranks "part of the other name" matches high too; compare_keys then decides.
        ranked = process.extract(key, choices, scorer=fuzz.token_set_ratio, score_cutoff=DOUBTFUL_SCORE, limit=10)
        doubtful: list[tuple[int, NameMatch]] = []
        for _choice, _score, pid in ranked:
            match = compare_keys(key, choices[pid])
            if match.verdict == "same":
                return pid, []
            if match.verdict == "doubtful" and len(doubtful) < MAX_SUGGESTIONS:
                doubtful.append((pid, match))
        return None, doubtful


def _find_by_key(session: Session, key: str) -> int | None:
    person_id = session.scalars(select(Person.id).where(Person.name_key == key).order_by(Person.id).limit(1)).first()
    if person_id is None:
        return None
    return canonical_person_id(session, person_id)


def canonical_person_id(session: Session, person_id: int) -> int:
    """Follow ``merged_into_id`` to the person that was kept."""
    seen: set[int] = set()
    current = person_id
    while current not in seen:
        seen.add(current)
        merged_into = session.scalar(select(Person.merged_into_id).where(Person.id == current))
        if merged_into is None:
            return current
        current = merged_into
    return current


def merge_unique(existing: Iterable[str], new: Iterable[str]) -> list[str]:
    """``existing`` followed by the ``new`` values it lacks (compared by ``name_key``), order kept."""
    result = list(existing)
    seen = {name_key(v) or v for v in result}
    for value in new:
        if not value:
            continue
        key = name_key(value) or value
        if key not in seen:
            seen.add(key)
            result.append(value)
    return result
