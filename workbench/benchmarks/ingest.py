"""``bench ingest [--articles 1000]``: articles/s stored into SQLite, and into PostgreSQL when given.

Articles are the seed article and the eval dev corpora (when present), repeated with a varying
extra paragraph so that every one is distinct and brings its own speaker. Each backend starts
empty (a temporary SQLite file; a throwaway PostgreSQL schema, dropped afterwards) and is timed:

- ingest: ``ingest_items`` as the CLI runs it: extraction (in ``--workers`` processes), speaker
  resolution, one transaction per article;
- store only: the same with extraction done beforehand, i.e. what the database side costs;
- again: the same articles a second time (all ``unchanged``: the dedupe path).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from workbench.benchmarks import machine_description

TARGET_ARTICLES_PER_SECOND = 300
SEED_FILE = "fixtures/seed/suarakaltim-nasdem-bontang.txt"
CORPUS_FILES = ("eval/pfsa-id/dev.jsonl", "eval/polnear/dev.jsonl")
FIRST_NAMES = ("Andi", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari")
LAST_NAMES = ("Saputra", "Wijaya", "Pratama", "Siregar", "Nasution", "Hakim", "Lubis", "Wibowo", "Rahman", "Sitompul")


def shared_dir() -> Path:
    explicit = os.environ.get("WORKBENCH_SHARED_DIR")
    return Path(explicit) if explicit else Path(__file__).resolve().parents[2].parent / "shared"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=int, default=1000, help="how many articles to store (default: 1000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="extraction processes, as `ingest --workers` (default: one per core)",
    )
    parser.add_argument(
        "--postgres-url",
        help="also measure PostgreSQL (a throwaway schema is made and dropped); "
        "default: WORKBENCH_TEST_POSTGRES_URL when set",
    )


def base_articles():
    """The seed article, then the dev corpora's articles, as ArticleInput."""
    from workbench.errors import BadInput
    from workbench.sources import ArticleInput, read_paths

    root = shared_dir()
    bases = []
    seed = root / SEED_FILE
    if seed.exists():
        bases.append(ArticleInput(text=seed.read_text(encoding="utf-8"), id="seed", lang="id", source=str(seed)))
    else:
        from workbench.demo import demo_article

        bases.append(demo_article())
    corpora = [root / name for name in CORPUS_FILES if (root / name).exists()]
    bases += [item for item in read_paths(corpora) if not isinstance(item, BadInput)]
    return bases, [seed if seed.exists() else "workbench/demo_data", *corpora]


def varied_articles(count: int):
    """``count`` distinct articles: each round over the bases adds a paragraph quoting a new person."""
    import dataclasses

    bases, sources = base_articles()
    items = []
    for number in range(count):
        base = bases[number % len(bases)]
        round_number = number // len(bases)
        if round_number == 0:
            items.append(dataclasses.replace(base, id=f"bench-{number}"))
            continue
        speaker = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[(number // 7) % len(LAST_NAMES)]}"
        extra = f'\n"Kami akan memeriksa laporan nomor {number} minggu ini," kata {speaker}, Senin.'
        items.append(dataclasses.replace(base, text=base.text + extra, id=f"bench-{number}"))
    return items, sources


def _store_only(url: str, items, extracted) -> tuple[float, float]:
    """Articles/s for the database side alone (extraction done beforehand): per wall-clock second,
    and per CPU second of this process (SQLite works inside it), which a busy machine distorts less."""
    from workbench.ingest import ingest_article
    from workbench.match import PeopleResolver
    from workbench.startup import open_database

    sessions = open_database(url, load_demo_if_empty=False)
    try:
        resolver = PeopleResolver()
        started, cpu_started = time.perf_counter(), time.process_time()
        for item, extraction in zip(items, extracted, strict=True):
            with sessions.begin() as session:
                ingest_article(session, item, resolver=resolver, extracted=extraction)
            resolver.accept()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        return len(items) / wall, len(items) / cpu
    finally:
        sessions.kw["bind"].dispose()


def _ingest_twice(url: str, items, workers: int) -> dict[str, float]:
    """``ingest_items`` as the CLI runs it, then the same articles again (all unchanged)."""
    from sqlalchemy import func, select

    from db.models import Article, MergeSuggestion, Person, Quote
    from workbench.ingest import ingest_items
    from workbench.startup import open_database

    sessions = open_database(url, load_demo_if_empty=False)
    try:
        started = time.perf_counter()
        summary = ingest_items(sessions, items, workers=workers)
        results = {"ingest": len(items) / (time.perf_counter() - started)}
        if summary.rejected:
            raise RuntimeError(f"benchmark articles were rejected: {summary.rejected[:3]}")
        started = time.perf_counter()
        again = ingest_items(sessions, items, workers=workers)
        results["again"] = len(items) / (time.perf_counter() - started)
        if again.unchanged != len(items):
            raise RuntimeError(f"re-ingest changed {len(items) - again.unchanged} articles")
        with sessions.begin() as session:
            for name, model in (("articles", Article), ("quotes", Quote), ("people", Person)):
                results[name] = session.scalar(select(func.count(model.id)))
            results["suggestions"] = session.scalar(select(func.count(MergeSuggestion.id)))
        return results
    finally:
        sessions.kw["bind"].dispose()


def _measure(new_database, items, extracted, workers: int) -> dict[str, float]:
    """Each phase on a fresh, empty database from ``new_database()`` -> (url, cleanup)."""
    url, cleanup = new_database()
    try:
        store_only, store_only_cpu = _store_only(url, items, extracted)
    finally:
        cleanup()
    url, cleanup = new_database()
    try:
        results = _ingest_twice(url, items, workers)
    finally:
        cleanup()
    results["store_only"], results["store_only_cpu"] = store_only, store_only_cpu
    return results


def _postgres_database(url: str):
    """A throwaway schema on the server at ``url``: (URL that uses it, function that drops it)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False), drop


def _report(name: str, results: dict[str, float]) -> None:
    print(f"{name}:")
    print(
        f"  store only (extraction done beforehand): {results['store_only']:,.0f} articles/s "
        f"({results['store_only_cpu']:,.0f} per CPU second of this process)"
    )
    print(f"  ingest (extract + store, as the CLI): {results['ingest']:,.0f} articles/s")
    print(f"  same articles again (all unchanged): {results['again']:,.0f} articles/s")
    print(
        f"  stored {results['articles']:.0f} articles, {results['quotes']:.0f} quotes, "
        f"{results['people']:.0f} people, {results['suggestions']:.0f} merge suggestions"
    )


def _extraction_rate(items) -> tuple[list, float]:
    from workbench.ingest import run_extraction

    started = time.perf_counter()
    extracted = [run_extraction(item) for item in items]
    return extracted, len(items) / (time.perf_counter() - started)


def run(args: argparse.Namespace) -> int:
    from workbench.extract import EXTRACTOR_VERSION

    if args.articles < 1:
        print("error: --articles must be 1 or more", file=sys.stderr)
        return 1
    items, sources = varied_articles(args.articles)
    print(f"bench ingest: {len(items)} articles (extractor {EXTRACTOR_VERSION}) from {', '.join(map(str, sources))}")
    extracted, extraction_rate = _extraction_rate(items)
    print(f"  extract() alone, one process: {extraction_rate:,.0f} articles/s")
    print(f"  ingest extracts in {args.workers} process(es); storing is one writer, one transaction per article")

    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as folder:
        counter = iter(range(1_000_000))

        def new_sqlite():
            return f"sqlite:///{Path(folder) / f'bench-{next(counter)}.db'}", lambda: None

        sqlite = _measure(new_sqlite, items, extracted, args.workers)
    _report("SQLite (file, WAL)", sqlite)

    postgres_url = args.postgres_url or os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
    if postgres_url:
        try:
            _postgres_database(postgres_url)[1]()
        except Exception as exc:  # noqa: BLE001 - any connection failure: report it, keep the SQLite numbers
            print(f"PostgreSQL: not measured, {postgres_url} is not reachable ({type(exc).__name__})")
        else:
            postgres = _measure(lambda: _postgres_database(postgres_url), items, extracted, args.workers)
            _report("PostgreSQL (throwaway schemas, dropped)", postgres)
    else:
        print("PostgreSQL: not measured (give --postgres-url or set WORKBENCH_TEST_POSTGRES_URL)")
    verdicts = [
        f"{label} {'met' if sqlite[key] >= TARGET_ARTICLES_PER_SECOND else 'NOT met'}"
        for label, key in (("wall clock", "store_only"), ("per CPU second", "store_only_cpu"))
    ]
    print(f"target >= {TARGET_ARTICLES_PER_SECOND} articles/s stored into SQLite: {', '.join(verdicts)}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {machine_description()}; load average at the end {load:.1f}")
    return 0
