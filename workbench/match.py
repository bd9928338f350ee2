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
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import insert, select, text
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


@lru_cache(maxsize=65536)  # ingest asks for the same few names many times per article
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


class PeopleResolver:
    """Resolves names to ``Person`` ids during an ingest batch, caching what it learns.

    The cache spans the batch's articles, each in its own transaction: call ``accept()`` after a
    commit and ``discard()`` after a rollback, so that people from a failed article are forgotten.
    ``resolve_many`` takes all names of one article at once: cached keys cost nothing, the others
    one indexed ``name_key IN (...)`` query (people another writer added meanwhile), and new people
    are inserted together. Fuzzy candidates come from an in-memory index of name-token prefixes,
    so no name is ever compared with the whole people table.
    """

    def __init__(self) -> None:
        self._seen_up_to = 0  # highest person id looked at
        self._by_key: dict[str, int] = {}
        self._keys_by_id: dict[int, str] = {}
        self._block: dict[str, set[int]] = defaultdict(set)
        self._pending: list[tuple[str, int]] = []
        # person id -> name keys of (aliases, roles) stored as of this batch's last look; lets an
        # article that brings nothing new skip reading and writing the person row.
        self._profiles: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._pending_profiles: set[int] = set()

    # -- batch bookkeeping -------------------------------------------------------------------
    def accept(self) -> None:
        self._pending.clear()
        self._pending_profiles.clear()

    def discard(self) -> None:
        for person_id in self._pending_profiles:
            self._profiles.pop(person_id, None)
        self._pending_profiles.clear()
        for key, person_id in self._pending:
            if self._by_key.get(key) == person_id:
                del self._by_key[key]
            if self._keys_by_id.get(person_id) == key:
                del self._keys_by_id[person_id]
                for block in blocking_keys(key):
                    self._block[block].discard(person_id)
        self._pending.clear()

    def _remember(self, key: str, person_id: int, *, pending: bool, indexed: bool = True) -> None:
        self._by_key.setdefault(key, person_id)
        if indexed and person_id not in self._keys_by_id:
            self._keys_by_id[person_id] = key
            for block in blocking_keys(key):
                self._block[block].add(person_id)
        if pending:
            self._pending.append((key, person_id))

    def _refresh(self, session: Session) -> None:
        """Learn the people added since the last look (the whole table the first time).

        One primary-key range query: it also picks up people another writer committed meanwhile.
        Merged people answer for the person kept.
        """
        people = Person.__table__
        statement = select(people.c.id, people.c.name_key, people.c.merged_into_id).where(
            people.c.id > self._seen_up_to
        )
        rows = session.connection().execute(statement.order_by(people.c.id)).all()
        if not rows:
            return
        merged_into = {pid: into for pid, _key, into in rows if into is not None}
        for person_id, key, into in rows:
            if into is None:
                self._remember(key, person_id, pending=False)
        complete = self._seen_up_to == 0  # the first look sees every merge target
        for person_id, key, into in rows:
            if into is not None:
                kept = _follow(merged_into, person_id)
                if not complete:
                    kept = canonical_person_id(session, kept)
                self._remember(key, kept, pending=False, indexed=False)
        self._seen_up_to = max(self._seen_up_to, rows[-1][0])

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, session: Session, name: str | None) -> int | None:
        """The id of the person ``name`` refers to, created when no sure match exists."""
        key = name_key(name)
        return self.resolve_many(session, [name]).ids.get(key) if key else None

    def resolve_many(
        self,
        session: Session,
        names: Iterable[str | None],
        profiles: dict[str, tuple[list[str], list[str]]] | None = None,
    ) -> Resolved:
        """Ids for every name (by ``name_key``); new people and merge suggestions are added to ``session``.

        ``profiles`` (name key -> aliases, roles) fills in the people this call creates.
        """
        profiles = profiles or {}
        spellings: dict[str, str] = {}
        for name in names:
            key = name_key(name)
            if key and key not in spellings:
                spellings[key] = name.strip()
        resolved = Resolved()
        missing = []
        for key in spellings:
            if key in self._by_key:
                resolved.ids[key] = self._by_key[key]
            else:
                missing.append(key)
        if not missing:
            return resolved
        lock_people(session)
        self._refresh(session)
        for key in missing:
            if key in self._by_key:
                resolved.ids[key] = self._by_key[key]
        # New people as row values; "twins" are spellings that are surely one of them.
        created: dict[str, dict] = {}
        doubts: dict[str, list[tuple[int, NameMatch]]] = {}
        same_as: list[tuple[str, int | str]] = []  # key -> existing id, or the key of a new person
        for key in missing:
            if key in resolved.ids:
                continue
            sure, doubtful = self._fuzzy_candidates(key)
            if sure is not None:
                same_as.append((key, sure))
                continue
            # Two spellings in one article ("Wakkang", "Wakang") are one person too.
            twin = next((k for k in created if compare_keys(key, k).verdict == "same"), None)
            if twin is not None:
                same_as.append((key, twin))
                continue
            aliases, roles = profiles.get(key, ([], []))
            created[key] = {
                "name": spellings[key],
                "name_key": key,
                "aliases": merge_unique([spellings[key]], aliases)[1:],
                "roles": merge_unique([], roles),
            }
            doubts[key] = doubtful
        if created:
            # Core INSERT ... RETURNING: one statement for the article's new people, not one per person.
            table = Person.__table__
            statement = insert(table).returning(table.c.id, table.c.name_key)
            returned = session.connection().execute(statement, list(created.values()))
            suggestions = []
            for person_id, key in returned:
                values = created[key]
                self._remember(key, person_id, pending=True)
                self._note_profile(person_id, values["name"], values["aliases"], values["roles"])
                resolved.ids[key] = person_id
                resolved.created.add(person_id)
                suggestions += [
                    {"person_id": other, "other_person_id": person_id, "score": m.score, "reason": m.reason}
                    for other, m in doubts[key]
                ]
            if suggestions:
                session.connection().execute(insert(MergeSuggestion.__table__), suggestions)
        for key, target in same_as:
            person_id = target if isinstance(target, int) else resolved.ids[target]
            self._remember(key, person_id, pending=True, indexed=False)
            resolved.ids[key] = person_id
            resolved.spellings.setdefault(person_id, []).append(spellings[key])
        return resolved

    def _note_profile(self, person_id: int, name: str, aliases: list[str], roles: list[str]) -> None:
        alias_keys = frozenset(name_key(a) or a for a in [name, *aliases])
        self._profiles[person_id] = (alias_keys, frozenset(name_key(r) or r for r in roles))
        self._pending_profiles.add(person_id)

    def add_profiles(self, session: Session, additions: dict[int, tuple[list[str], list[str]]]) -> None:
        """Accumulate aliases and roles on existing people; rows are read (fresh) only when something is new."""
        changed = []
        for person_id, (aliases, roles) in additions.items():
            known = self._profiles.get(person_id)
            alias_keys = {name_key(a) or a for a in aliases if a}
            role_keys = {name_key(r) or r for r in roles if r}
            if known is None or not alias_keys <= known[0] or not role_keys <= known[1]:
                changed.append(person_id)
        if not changed:
            return
        for row in session.scalars(select(Person).where(Person.id.in_(changed))):
            aliases, roles = additions[row.id]
            merged_aliases = merge_unique([row.name, *row.aliases], aliases)[1:]
            if merged_aliases != row.aliases:
                row.aliases = merged_aliases
            merged_roles = merge_unique(row.roles, roles)
            if merged_roles != row.roles:
                row.roles = merged_roles
            self._note_profile(row.id, row.name, row.aliases, row.roles)

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


@dataclass
class Resolved:
    """What ``resolve_many`` found: ids by name key, people it created, and other spellings seen."""

    ids: dict[str, int] = field(default_factory=dict)
    created: set[int] = field(default_factory=set)
    # person id -> spellings matched to that person by fuzzy similarity (to keep as aliases)
    spellings: dict[int, list[str]] = field(default_factory=dict)


def _follow(merged_into: dict[int, int], person_id: int) -> int:
    seen = set()
    while person_id in merged_into and person_id not in seen:
        seen.add(person_id)
        person_id = merged_into[person_id]
    return person_id


PEOPLE_LOCK_KEY = 7_215_004_301  # any constant: names PostgreSQL's advisory lock for creating people


def lock_people(session: Session) -> None:
    """Make concurrent writers create people one at a time, so a name cannot become two people.

    SQLite already allows one writer at a time; on PostgreSQL a transaction-scoped advisory lock
    does it (held until commit). Call before looking a name up with the intent to create it.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PEOPLE_LOCK_KEY})


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
