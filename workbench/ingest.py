"""Store articles: dedupe by content, extract, resolve speakers, and keep every piece of review work.

``ingest_article`` works inside the caller's transaction; ``ingest_items`` gives each article its
own, so a bad file or a crash in the middle of a batch loses nothing already stored and the batch
goes on. Re-extracting an article (``reextract=True`` or a new ``EXTRACTOR_VERSION``) replaces
machine output, but quotes and follow-ups a person has worked on are matched to the new output
and keep their review state; those no longer found are kept and flagged (``orphaned``), never
deleted or silently detached.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from sqlalchemy import bindparam, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from db.models import Article, ContactAttempt, FollowUp, Quote, ReviewEvent, utcnow
from workbench.errors import BadInput, WorkbenchError
from workbench.match import PeopleResolver, name_key
from workbench.review import encode
from workbench.sources import ArticleInput, headline_from_text

if TYPE_CHECKING:
    from workbench.extract.models import ExtractedArticle

# Who re-extraction's changes to reviewed rows are recorded as, in the audit log.
REEXTRACTION = "re-extraction"
# What the article says about a follow-up -> what the desk tracks.
TRACKED_FOLLOW_UP = {"pending": "to_contact"}
QUOTE_MATCH_SCORE = 85  # rapidfuzz ratio of normalised texts for "the same quote, re-extracted"
FOLLOW_UP_MATCH_SCORE = 80
FOLLOW_UP_SAME_TARGET_SCORE = 50  # evidence similarity enough when the target is the same person
EXTRACTION_CHUNK = 256  # articles extracted ahead of storing (bounded memory, workers kept busy)

_QUOTE_MARKS = str.maketrans("", "", "\"'“”„‟‘’‚‛«»‹›「」『』")


@dataclass(frozen=True)
class IngestResult:
    article_id: int
    status: str  # "new" | "unchanged" | "updated"
    quotes: int
    flagged: int  # reviewed quotes and follow-ups kept but no longer found by extraction


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    rejected: list[str] = field(default_factory=list)
    quotes: int = 0
    flagged: int = 0
    results: list[IngestResult] = field(default_factory=list)

    def count(self, result: IngestResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.quotes += result.quotes
        self.flagged += result.flagged
        self.results.append(result)


# -- pure helpers ---------------------------------------------------------------------------------
def normalise_text(text: str) -> str:
    """What must differ for two texts to be different articles: not line endings, spacing or NFKC forms."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def _quote_key(text: str) -> str:
    return normalise_text(text).translate(_QUOTE_MARKS).casefold().strip(" .,;:!?")


def tracked_status(extracted_status: str) -> str:
    return TRACKED_FOLLOW_UP.get(extracted_status, extracted_status)


def run_extraction(item: ArticleInput) -> ExtractedArticle:
    from workbench.extract import extract

    return extract(
        item.text,
        lang=item.lang or "auto",
        article_id=item.id,
        publisher=item.publisher,
        published=item.published,
    )


def extractor_version() -> str:
    from workbench.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def item_name(item: Any, number: int | None = None) -> str:
    """How messages name an input: its file (and line), else its id or URL."""
    if isinstance(item, BadInput):
        return item.source or str(item)
    return item.source or item.id or item.url or (f"article {number}" if number else "article")


# -- people ---------------------------------------------------------------------------------------
class _ArticlePeople:
    """Names of one article -> person ids, resolved together; aliases and roles accumulate."""

    def __init__(self, session: Session, resolver: PeopleResolver, extracted: ExtractedArticle):
        profiles: dict[str, tuple[list[str], list[str]]] = {}
        for person in extracted.people:
            aliases, roles = profiles.setdefault(name_key(person.name), ([], []))
            aliases.extend([person.name, *person.aliases])
            roles.extend(person.roles)
        names = [person.name for person in extracted.people]
        names += [quote.speaker for quote in extracted.quotes]
        names += [follow_up.target for follow_up in extracted.follow_ups]
        resolved = resolver.resolve_many(session, names, profiles)
        self.ids = resolved.ids
        # Spellings matched to an existing person by similarity become its aliases.
        additions: dict[int, tuple[list[str], list[str]]] = {
            person_id: (list(spellings), []) for person_id, spellings in resolved.spellings.items()
        }
        for key, (aliases, roles) in profiles.items():
            person_id = self.ids.get(key)
            if person_id is None:
                continue
            for alias in aliases:
                # Within this article an alias ("BW") means this person.
                self.ids.setdefault(name_key(alias), person_id)
            if person_id not in resolved.created:
                more_aliases, more_roles = additions.setdefault(person_id, ([], []))
                more_aliases.extend(aliases)
                more_roles.extend(roles)
        resolver.add_profiles(session, additions)

    def person_id(self, name: str | None) -> int | None:
        return self.ids.get(name_key(name))


# -- storing --------------------------------------------------------------------------------------
def _quote_values(position: int, quote, person_id: int | None) -> dict[str, Any]:
    return {
        "position": position,
        "text": quote.text,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "speaker_mention": quote.speaker_mention,
        "speaker_role": quote.speaker_role,
        "extracted_speaker": quote.speaker,
        "extracted_person_id": person_id,
    }


def _follow_up_values(position: int, follow_up, person_id: int | None) -> dict[str, Any]:
    return {
        "position": position,
        "target_name": follow_up.target,
        "target_role": follow_up.target_role,
        "target_person_id": person_id,
        "by": follow_up.by,
        "extracted_status": follow_up.status,
        "evidence": follow_up.evidence,
    }


def _metadata(item: ArticleInput, extracted: ExtractedArticle, version: str) -> dict[str, Any]:
    """Input and machine metadata; None where the input or extraction has nothing to say."""
    return {
        "external_id": item.id,
        "title": item.title or headline_from_text(item.text),
        "url": item.url,
        "source_path": item.source or None,
        "publisher": extracted.publisher or item.publisher,
        "original_source": extracted.original_source,
        "published": extracted.published,
        "lang": extracted.lang,
        "boilerplate_lines": list(extracted.boilerplate_lines),
        "extractor_version": version,
        "updated_at": utcnow(),
    }


def _apply_metadata(article: Article, item: ArticleInput, extracted: ExtractedArticle, version: str) -> None:
    """Update a stored article; values the new input lacks keep what was stored."""
    for column, value in _metadata(item, extracted, version).items():
        if value is not None:
            setattr(article, column, value)


def _insert_article(session: Session, text: str, digest: str, metadata: dict[str, Any]) -> int:
    table = Article.__table__
    values = {**metadata, "text": text, "content_hash": digest}
    return session.connection().execute(insert(table).returning(table.c.id), values).scalar_one()


def _insert_new(session: Session, article_id: int, extracted: ExtractedArticle, people: _ArticlePeople) -> int:
    """Insert a new article's quotes and follow-ups, each kind in one executemany.

    Core statements, not ORM objects: fresh rows need none of the unit of work's bookkeeping.
    """
    quotes = []
    for position, quote in enumerate(extracted.quotes):
        person_id = people.person_id(quote.speaker)
        quotes.append({"article_id": article_id, "speaker_id": person_id, **_quote_values(position, quote, person_id)})
    follow_ups = [
        {
            "article_id": article_id,
            "status": tracked_status(follow_up.status),
            **_follow_up_values(position, follow_up, people.person_id(follow_up.target)),
        }
        for position, follow_up in enumerate(extracted.follow_ups)
    ]
    connection = session.connection()
    if quotes:
        connection.execute(insert(Quote.__table__), quotes)
    if follow_ups:
        connection.execute(insert(FollowUp.__table__), follow_ups)
    return len(quotes)


# -- re-extraction --------------------------------------------------------------------------------
def _quote_is_reviewed(quote: Quote, attempted: set[int]) -> bool:
    return (
        quote.attribution != "unreviewed"
        or quote.reviewed_by is not None
        or quote.follow_up_status != "not_needed"
        or quote.verdict is not None
        or bool(quote.notes)
        or bool(quote.evidence_links)
        or quote.id in attempted
    )


def _follow_up_is_reviewed(follow_up: FollowUp, attempted: set[int]) -> bool:
    return (
        follow_up.updated_by is not None
        or follow_up.status != tracked_status(follow_up.extracted_status)
        or any((follow_up.channel, follow_up.contacted_at, follow_up.deadline, follow_up.summary))
        or follow_up.id in attempted
    )


def _pair(
    old_rows: list, new_rows: list, keys: tuple[Callable, Callable], similarity: Callable, reviewed: set[int]
) -> dict[int, int]:
    """old index -> new index, one-to-one: identical first, then the most similar above the cut-off.

    Reviewed rows choose first among identical matches and win ties, so review work keeps its quote.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    old_key, new_key = keys
    by_key: dict[Any, list[int]] = {}
    for j, new in enumerate(new_rows):
        by_key.setdefault(new_key(new), []).append(j)
    order = sorted(range(len(old_rows)), key=lambda i: old_rows[i].id not in reviewed)
    for i in order:
        for j in by_key.get(old_key(old_rows[i]), []):
            if j not in taken:
                pairs[i] = j
                taken.add(j)
                break
    candidates = []
    for i in order:
        if i in pairs:
            continue
        for j, new in enumerate(new_rows):
            if j not in taken:
                score = similarity(old_rows[i], new)
                if score is not None:
                    candidates.append((-score, old_rows[i].id not in reviewed, i, j))
    for _neg_score, _unreviewed, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


class _Audit:
    """Changes re-extraction makes to reviewed rows, written as events once versions are known."""

    def __init__(self) -> None:
        self.changes: list[tuple[Any, str, Any, Any]] = []

    def set(self, row, column: str, value: Any, *, reviewed: bool) -> None:
        old = getattr(row, column)
        if old == value:
            return
        setattr(row, column, value)
        if reviewed:
            self.changes.append((row, column, old, value))

    def write(self, session: Session) -> None:
        if not self.changes:
            return
        session.flush()
        now = utcnow()
        session.add_all(
            ReviewEvent(
                quote_id=row.id if isinstance(row, Quote) else None,
                follow_up_id=row.id if isinstance(row, FollowUp) else None,
                reviewer=REEXTRACTION,
                at=now,
                field=column,
                before=encode(old),
                after=encode(new),
                version=row.version,
            )
            for row, column, old, new in self.changes
        )


def _orphan(audit: _Audit, row, article_text: str, version: str, *, reviewed: bool = True) -> None:
    reason = f"not found by extractor {version} on {utcnow():%Y-%m-%d}; review work kept"
    if isinstance(row, Quote):
        where = article_text.find(row.text)
        if where >= 0:
            # Offsets must keep pointing at the quote's words in the text as it is now.
            audit.set(row, "start", where, reviewed=reviewed)
            audit.set(row, "end", where + len(row.text), reviewed=reviewed)
        else:
            reason += "; its words are no longer in the article"
    if not row.orphaned:
        audit.set(row, "orphaned", True, reviewed=reviewed)
        audit.set(row, "flag_reason", reason, reviewed=reviewed)


def _drop_unmatched(session: Session, audit: _Audit, row, reviewed: bool, article_text: str, version: str) -> None:
    """A row the new extraction no longer finds: kept and flagged if a person worked on it, else deleted."""
    if reviewed:
        _orphan(audit, row, article_text, version)
    else:
        session.delete(row)


def _unorphan(audit: _Audit, row, reviewed: bool) -> None:
    audit.set(row, "orphaned", False, reviewed=reviewed)
    audit.set(row, "flag_reason", None, reviewed=reviewed)


def _reconcile_quotes(
    session: Session, article: Article, extracted: ExtractedArticle, people: _ArticlePeople, audit: _Audit, version: str
) -> tuple[int, int]:
    old = list(session.scalars(select(Quote).where(Quote.article_id == article.id).order_by(Quote.position, Quote.id)))
    attempted = set(
        session.scalars(select(ContactAttempt.quote_id).where(ContactAttempt.quote_id.in_([q.id for q in old])))
    )
    reviewed = {q.id for q in old if _quote_is_reviewed(q, attempted)}
    new = list(extracted.quotes)

    def similarity(old_quote: Quote, new_quote) -> float | None:
        score = fuzz.ratio(_quote_key(old_quote.text), _quote_key(new_quote.text), score_cutoff=QUOTE_MATCH_SCORE)
        return score or None

    same_place = (lambda q: (q.start, q.end, q.text),) * 2
    pairs = _pair(old, new, same_place, similarity, reviewed)
    matched_new = set(pairs.values())
    for i, row in enumerate(old):
        is_reviewed = row.id in reviewed
        if i not in pairs:
            _drop_unmatched(session, audit, row, is_reviewed, article.text, version)
            continue
        j = pairs[i]
        person_id = people.person_id(new[j].speaker)
        values = _quote_values(j, new[j], person_id)
        row.position = values.pop("position")
        for column, value in values.items():
            audit.set(row, column, value, reviewed=is_reviewed)
        if row.attribution == "unreviewed":
            row.speaker_id = person_id
        if row.orphaned:
            _unorphan(audit, row, is_reviewed)
        if row.attribution != "unreviewed" and person_id != row.speaker_id and row.attribution != "corrected":
            speaker = new[j].speaker or "nobody"
            audit.set(row, "flag_reason", f"re-extraction now attributes this quote to {speaker}", reviewed=True)
    inserts = []
    for j, quote in enumerate(new):
        if j in matched_new:
            continue
        person_id = people.person_id(quote.speaker)
        inserts.append(Quote(article_id=article.id, speaker_id=person_id, **_quote_values(j, quote, person_id)))
    session.add_all(inserts)
    # Kept orphans go after what extraction found, in their old order.
    orphans = [row for i, row in enumerate(old) if i not in pairs and row.id in reviewed]
    for offset, row in enumerate(orphans):
        row.position = len(new) + offset
    return len(new), len(orphans)


def _reconcile_follow_ups(
    session: Session, article: Article, extracted: ExtractedArticle, people: _ArticlePeople, audit: _Audit, version: str
) -> int:
    old = list(session.scalars(select(FollowUp).where(FollowUp.article_id == article.id).order_by(FollowUp.position)))
    attempted = set(
        session.scalars(select(ContactAttempt.follow_up_id).where(ContactAttempt.follow_up_id.in_([f.id for f in old])))
    )
    reviewed = {f.id for f in old if _follow_up_is_reviewed(f, attempted)}
    new = list(extracted.follow_ups)

    def similarity(old_row: FollowUp, new_row) -> float | None:
        score = fuzz.ratio(_quote_key(old_row.evidence), _quote_key(new_row.evidence))
        same_target = name_key(old_row.target_name) == name_key(new_row.target) != ""
        if score >= FOLLOW_UP_MATCH_SCORE or (same_target and score >= FOLLOW_UP_SAME_TARGET_SCORE):
            return score
        return None

    keys = (lambda f: (name_key(f.target_name), f.evidence), lambda f: (name_key(f.target), f.evidence))
    pairs = _pair(old, new, keys, similarity, reviewed)
    for i, row in enumerate(old):
        is_reviewed = row.id in reviewed
        if i not in pairs:
            _drop_unmatched(session, audit, row, is_reviewed, article.text, version)
            continue
        j = pairs[i]
        values = _follow_up_values(j, new[j], people.person_id(new[j].target))
        row.position = values.pop("position")
        for column, value in values.items():
            audit.set(row, column, value, reviewed=is_reviewed)
        if not is_reviewed:
            row.status = tracked_status(new[j].status)
        if row.orphaned:
            _unorphan(audit, row, is_reviewed)
    matched_new = set(pairs.values())
    session.add_all(
        FollowUp(
            article_id=article.id,
            status=tracked_status(follow_up.status),
            **_follow_up_values(j, follow_up, people.person_id(follow_up.target)),
        )
        for j, follow_up in enumerate(new)
        if j not in matched_new
    )
    orphans = [row for i, row in enumerate(old) if i not in pairs and row.id in reviewed]
    for offset, row in enumerate(orphans):
        row.position = len(new) + offset
    return len(orphans)


# -- use cases ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Stored:
    """What ingest needs to know about a stored article before deciding anything."""

    id: int
    content_hash: str
    url: str | None
    external_id: str | None
    extractor_version: str
    quotes: int  # not orphaned


def _stored_versions_statement():
    articles, quotes = Article.__table__, Quote.__table__
    live_quotes = (
        select(func.count(quotes.c.id))
        .where(quotes.c.article_id == articles.c.id, quotes.c.orphaned.is_(False))
        .scalar_subquery()
    )
    columns = (articles.c.id, articles.c.content_hash, articles.c.url, articles.c.external_id)
    # A missing URL or id is bound as NULL, which equals nothing: one statement for every input.
    matches = or_(
        articles.c.content_hash == bindparam("digest"),
        articles.c.url == bindparam("url"),
        articles.c.external_id == bindparam("external_id"),
    )
    return select(*columns, articles.c.extractor_version, live_quotes).where(matches).order_by(articles.c.id)


_STORED_VERSIONS = _stored_versions_statement()


def _stored_versions(session: Session, digest: str, item: ArticleInput) -> tuple[_Stored | None, _Stored | None]:
    """In one light query: the stored article with this content, and the one this input replaces
    (same URL, else same external id). Full rows are loaded only when they are to be changed."""
    parameters = {"digest": digest, "url": item.url or None, "external_id": item.id or None}
    rows = [_Stored(*row) for row in session.connection().execute(_STORED_VERSIONS, parameters)]
    same = next((row for row in rows if row.content_hash == digest), None)
    earlier = next((row for row in rows if item.url and row.url == item.url), None) or next(
        (row for row in rows if item.id and row.external_id == item.id), None
    )
    return same, earlier


def ingest_article(
    session: Session,
    item: ArticleInput,
    *,
    reextract: bool = False,
    resolver: PeopleResolver | None = None,
    extracted: ExtractedArticle | None = None,
) -> IngestResult:
    """Store one article in the caller's transaction; see the module docstring for the rules.

    ``resolver`` carries the speaker cache across a batch; ``extracted`` skips extraction (benchmarks).
    """
    text = item.text
    if not isinstance(text, str) or not text.strip():
        raise BadInput("the article has no text", source=item_name(item))
    digest = content_hash(text)
    version = extractor_version()
    resolver = resolver or PeopleResolver()

    same, earlier = _stored_versions(session, digest, item)
    if same is not None and not reextract and same.extractor_version == version:
        return IngestResult(same.id, "unchanged", same.quotes, 0)

    article = session.get(Article, same.id) if same else None
    if article is not None and article.text != text:
        # Same content, different spacing: extract from the stored text so offsets point into it.
        item = dataclasses.replace(item, text=article.text)
        extracted = None
    extracted = extracted or run_extraction(item)
    if article is None:
        article = session.get(Article, earlier.id) if earlier else None
        if article is None:
            article_id = _insert_article(session, text, digest, _metadata(item, extracted, version))
            people = _ArticlePeople(session, resolver, extracted)
            quotes = _insert_new(session, article_id, extracted, people)
            session.flush()
            return IngestResult(article_id, "new", quotes, 0)
        article.text, article.content_hash = text, digest

    _apply_metadata(article, item, extracted, version)
    people = _ArticlePeople(session, resolver, extracted)
    audit = _Audit()
    quotes, flagged_quotes = _reconcile_quotes(session, article, extracted, people, audit, version)
    flagged_follow_ups = _reconcile_follow_ups(session, article, extracted, people, audit, version)
    audit.write(session)
    session.flush()
    return IngestResult(article.id, "updated", quotes, flagged_quotes + flagged_follow_ups)


def _ingest_in_own_transaction(
    session_factory: sessionmaker[Session],
    item: ArticleInput,
    reextract: bool,
    resolver: PeopleResolver,
    extracted: ExtractedArticle | None,
) -> IngestResult:
    for attempt in (1, 2):
        try:
            with session_factory.begin() as session:
                result = ingest_article(session, item, reextract=reextract, resolver=resolver, extracted=extracted)
            resolver.accept()
            return result
        except IntegrityError:
            resolver.discard()
            # Another writer stored the same article or person a moment ago: look again once.
            if attempt == 2:
                raise
        except BaseException:
            resolver.discard()
            raise
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """An extractor crash on one article, carried back from a worker process as plain data."""

    error_type: str
    message: str


def extract_safely(item: ArticleInput) -> ExtractedArticle | ExtractionFailed:
    try:
        return run_extraction(item)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must cost one article, not the batch
        return ExtractionFailed(type(exc).__name__, str(exc))


def _needs_extraction(item: Any) -> bool:
    return not isinstance(item, BadInput) and isinstance(item.text, str) and bool(item.text.strip())


def _start_extraction(session_factory: sessionmaker[Session], chunk: list, reextract: bool, pool) -> list:
    """Start extracting a chunk: one entry per item, a Future (with a pool) or a note to extract it
    later, or None where the stored article is already up to date or the input is unusable
    (``ingest_article`` then says why)."""
    wanted = [i for i, item in enumerate(chunk) if _needs_extraction(item)]
    if wanted and not reextract:
        digests = {i: content_hash(chunk[i].text) for i in wanted}
        statement = select(Article.content_hash).where(
            Article.content_hash.in_(set(digests.values())), Article.extractor_version == extractor_version()
        )
        with session_factory() as session:
            current = set(session.scalars(statement))
        wanted = [i for i in wanted if digests[i] not in current]
    started: list = [None] * len(chunk)
    for i in wanted:
        # Without a pool, extract when the article's turn comes, so progress moves article by article.
        started[i] = pool.submit(extract_safely, chunk[i]) if pool is not None else _Later(chunk[i])
    return started


@dataclass(frozen=True, slots=True)
class _Later:
    item: ArticleInput


def _finished(extraction) -> ExtractedArticle | ExtractionFailed | None:
    if isinstance(extraction, Future):
        return extraction.result()
    if isinstance(extraction, _Later):
        return extract_safely(extraction.item)
    return extraction


def _extraction_pool(workers: int):
    """Worker processes for extraction (pure and CPU-bound); None means extract in this process."""
    if workers <= 1:
        return None
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # spawn would re-run the caller's main module; stay sequential there
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def _rejection(name: str, exc: Exception | ExtractionFailed) -> str:
    if isinstance(exc, ExtractionFailed):
        detail = exc.message.strip().splitlines()[0] if exc.message.strip() else ""
        return f"{name}: could not be stored ({exc.error_type}{': ' + detail if detail else ''})"
    if isinstance(exc, BadInput) and exc.source:
        return str(exc)
    if isinstance(exc, WorkbenchError):
        return f"{name}: {exc}"
    return _rejection(name, ExtractionFailed(type(exc).__name__, str(exc)))


def ingest_items(
    session_factory: sessionmaker[Session],
    items: Iterable[ArticleInput | BadInput],
    *,
    reextract: bool = False,
    progress: Callable[[int, str], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Store each article in its own transaction; bad input and failures are listed, the rest goes on.

    ``progress(done, name)`` is called after each item. Articles already stored by the current
    extractor are not extracted again; with ``workers`` > 1 the others are extracted in that many
    processes while this one writes (the database sees one writer either way).
    """
    summary = IngestSummary()
    resolver = PeopleResolver()
    pool = _extraction_pool(workers)
    done = 0

    def store(chunk: list, extractions: list) -> None:
        nonlocal done
        for item, extraction in zip(chunk, extractions, strict=True):
            done += 1
            name = item_name(item, done)
            extraction = _finished(extraction)
            if isinstance(item, BadInput):
                summary.rejected.append(str(item))
            elif isinstance(extraction, ExtractionFailed):
                summary.rejected.append(_rejection(name, extraction))
            else:
                try:
                    summary.count(_ingest_in_own_transaction(session_factory, item, reextract, resolver, extraction))
                except Exception as exc:  # noqa: BLE001 - one article's failure (DB error...) must not end the batch
                    summary.rejected.append(_rejection(name, exc))
            if progress is not None:
                progress(done, name)

    try:
        waiting = None  # with a pool, the next chunk is extracted while this one is stored
        for chunk in _chunks(items, EXTRACTION_CHUNK):
            started = (chunk, _start_extraction(session_factory, chunk, reextract, pool))
            if waiting is not None:
                store(*waiting)
            waiting = started
        if waiting is not None:
            store(*waiting)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


def _chunks(items: Iterable, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- fetching -------------------------------------------------------------------------------------
FETCH_TIMEOUT_S = 20
USER_AGENT = "quote-workbench/1.0 (fact-checking desk)"


def fetch_url(url: str) -> ArticleInput:
    """Download one page a user asked for and take its main text; a clear BadInput when that fails."""
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    from workbench.sources import MAX_HTML_BYTES, ArticleInput, html_to_text

    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput("is not a web address (http:// or https://)", source=url or "(empty URL)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:  # noqa: S310 - scheme checked above
            data = response.read(MAX_HTML_BYTES + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise BadInput(f"the site answered HTTP {exc.code} {exc.reason}", source=url) from exc
    except urllib.error.URLError as exc:
        raise BadInput(f"could not be fetched: {exc.reason}", source=url) from exc
    except (TimeoutError, OSError, ValueError) as exc:
        raise BadInput(f"could not be fetched: {exc}", source=url) from exc
    if len(data) > MAX_HTML_BYTES:
        raise BadInput(f"the page is larger than {MAX_HTML_BYTES // 2**20} MiB", source=url)
    try:
        page = data.decode(charset, errors="replace")
    except LookupError:
        page = data.decode("utf-8", errors="replace")
    if content_type == "text/plain":
        title, text = None, page
    elif content_type in ("text/html", "application/xhtml+xml"):
        title, text = html_to_text(page)
    else:
        raise BadInput(f"is not a web page or text ({content_type})", source=url)
    if not text.strip():
        raise BadInput("no article text was found on the page", source=url)
    return ArticleInput(text=text, url=url, title=title, source=url)


__all__ = [
    "IngestResult",
    "IngestSummary",
    "content_hash",
    "fetch_url",
    "ingest_article",
    "ingest_items",
]
