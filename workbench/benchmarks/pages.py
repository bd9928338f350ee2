"""A synthetic news desk for page benchmarks and UI tests: articles whose quotes sit at real offsets.

Bulk-inserted with ``insert()`` of the ORM models in large batches; deterministic for a seed.
Review states are spread the way a busy desk looks: most quotes unreviewed, some confirmed or
corrected, a few with verdicts and open follow-ups.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.models import (
    ATTRIBUTION_STATES,
    FOLLOW_UP_STATES,
    Article,
    ContactAttempt,
    FollowUp,
    MergeSuggestion,
    Person,
    Quote,
)
from workbench.benchmarks import machine_description
from workbench.verdicts import VERDICT_SCALE

PUBLISHERS = ("SuaraKaltim.id", "Kompas.com", "Tempo.co", "Detik.com", "Reuters", "AP News", "Antara")
FIRST = ("Budi", "Siti", "Joko", "Dewi", "Andi", "Rina", "Agus", "Maria", "John", "Sarah", "Ahmad", "Putri")
LAST = ("Santoso", "Wijaya", "Hartono", "Lestari", "Saputra", "Kusuma", "Smith", "Nugroho", "Halim", "Rahman")
ROLES = ("Ketua DPD", "Wali Kota", "juru bicara", "minister", "analyst", "Sekretaris", "anggota DPRD")
WORDS = (
    "pemerintah akan segera menyelesaikan masalah ini dengan baik kami tidak pernah setuju "
    "the plan will cost more than expected and nobody told us about it warga menunggu kepastian"
).split()
BATCH = 5000


@dataclass(frozen=True, slots=True)
class DeskSize:
    articles: int
    quotes: int
    people: int


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def seed_desk(
    session: Session, *, articles: int = 5000, quotes_per_article: int = 20, people: int = 800, seed: int = 7
) -> DeskSize:
    """Insert a desk into an empty, migrated database through ``session`` (the caller commits)."""
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    person_rows = []
    for pid in range(1, people + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {pid}"
        person_rows.append(
            {
                "id": pid,
                "name": name,
                "name_key": name.casefold(),
                "aliases": [name.split()[0]],
                "roles": [rng.choice(ROLES)],
                "created_at": now,
            }
        )
    _insert(session, Person, person_rows)
    _insert(
        session,
        MergeSuggestion,
        [
            {
                "id": i,
                "person_id": 2 * i - 1,
                "other_person_id": 2 * i,
                "score": 80 + rng.random() * 15,
                "reason": "similar names",
                "status": "open",
                "created_at": now,
            }
            for i in range(1, min(50, people // 2) + 1)
        ],
    )

    article_rows, quote_rows, follow_up_rows, attempt_rows = [], [], [], []
    quote_id = follow_up_id = 0
    verdicts = [v.key for v in VERDICT_SCALE]
    for aid in range(1, articles + 1):
        parts: list[str] = []
        length = 0
        spans = []
        for position in range(quotes_per_article):
            lead = _sentence(rng, rng.randint(6, 14)) + ". "
            quote = _sentence(rng, rng.randint(5, 16))
            speaker = rng.randint(1, people)
            parts.append(lead + '"')
            length += len(lead) + 1
            spans.append((position, length, length + len(quote), quote, speaker))
            parts.append(quote + f'," kata {person_rows[speaker - 1]["name"]}.\n')
            length += len(parts[-1])
        text = "".join(parts)
        published = date(2024, 1, 1) + timedelta(days=aid % 700)
        article_rows.append(
            {
                "id": aid,
                "external_id": f"desk-{aid}",
                "title": f"Article {aid}: {_sentence(rng, 6)}",
                "url": f"https://example.org/news/{aid}",
                "publisher": PUBLISHERS[aid % len(PUBLISHERS)],
                "original_source": PUBLISHERS[(aid + 3) % len(PUBLISHERS)] if aid % 4 == 0 else None,
                "published": published,
                "lang": "id" if aid % 3 else "en",
                "text": text,
                "content_hash": hashlib.sha256(f"{seed}-{aid}".encode()).hexdigest(),
                "boilerplate_lines": [],
                "extractor_version": "desk",
                "ingested_at": now,
                "updated_at": now,
            }
        )
        for position, start, end, quote, speaker in spans:
            quote_id += 1
            roll = rng.random()
            attribution = "unreviewed" if roll < 0.7 else rng.choice(ATTRIBUTION_STATES[1:])
            follow_up = "not_needed" if rng.random() < 0.9 else rng.choice(FOLLOW_UP_STATES[1:])
            quote_rows.append(
                {
                    "id": quote_id,
                    "article_id": aid,
                    "position": position,
                    "text": quote,
                    "kind": "direct",
                    "start": start,
                    "end": end,
                    "cue": "kata",
                    "speaker_mention": person_rows[speaker - 1]["name"],
                    "speaker_role": None,
                    "extracted_speaker": person_rows[speaker - 1]["name"],
                    "extracted_person_id": speaker,
                    "speaker_id": speaker,
                    "attribution": attribution,
                    "follow_up_status": follow_up,
                    "follow_up_deadline": published + timedelta(days=7) if follow_up != "not_needed" else None,
                    "verdict": rng.choice(verdicts) if attribution != "unreviewed" and rng.random() < 0.5 else None,
                    "evidence_links": [],
                    "reviewed_by": "seed" if attribution != "unreviewed" else None,
                    "reviewed_at": now if attribution != "unreviewed" else None,
                    "orphaned": False,
                    "version": 1,
                    "created_at": now,
                }
            )
            if follow_up in ("contacted", "no_response"):
                attempt_rows.append(
                    {
                        "quote_id": quote_id,
                        "channel": "phone",
                        "attempted_at": now,
                        "outcome": follow_up,
                        "logged_by": "seed",
                        "created_at": now,
                    }
                )
        if aid % 5 == 0:
            follow_up_id += 1
            target = rng.randint(1, people)
            follow_up_rows.append(
                {
                    "id": follow_up_id,
                    "article_id": aid,
                    "position": 0,
                    "target_name": person_rows[target - 1]["name"],
                    "target_role": "Ketua DPD",
                    "target_person_id": target,
                    "by": PUBLISHERS[aid % len(PUBLISHERS)],
                    "extracted_status": "no_response",
                    "evidence": "Namun hingga berita ini diterbitkan belum mendapatkan respon.",
                    "status": "no_response",
                    "orphaned": False,
                    "version": 1,
                    "created_at": now,
                }
            )
        if len(quote_rows) >= BATCH:
            _flush(session, article_rows, quote_rows, follow_up_rows, attempt_rows)
    _flush(session, article_rows, quote_rows, follow_up_rows, attempt_rows)
    return DeskSize(articles=articles, quotes=quote_id, people=people)


def _flush(session: Session, articles: list, quotes: list, follow_ups: list, attempts: list) -> None:
    # Parents before children; the lists are emptied so the caller keeps filling them.
    for model, rows in ((Article, articles), (Quote, quotes), (FollowUp, follow_ups), (ContactAttempt, attempts)):
        _insert(session, model, rows)
        rows.clear()


def _insert(session: Session, model, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(model), rows)


# ---------------------------------------------------------------------------------------------
# The benchmark: server time per rerun of each page, measured with Streamlit's AppTest.

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGES = {
    "Articles": "articles",
    "Article review": "article_review",
    "Queue": "queue",
    "People": "people",
    "Follow-ups": "follow_ups",
    "Dashboard": "dashboard",
}
if (APP.parent / "workbench" / "ui" / "pages" / "export.py").is_file():
    PAGES["Export"] = "export"
TARGET_MS = 300


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=int, default=5000, help="articles to seed (default 5000)")
    parser.add_argument("--quotes-per-article", type=int, default=20, help="quotes per article (default 20)")
    parser.add_argument("--reruns", type=int, default=7, help="timed reruns per page (default 7)")
    parser.add_argument("--keep", metavar="PATH", help="seed into this SQLite file and keep it (reused if seeded)")


def run(args: argparse.Namespace) -> int:
    from streamlit.testing.v1 import AppTest

    from db.engine import make_engine, make_session_factory, upgrade

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder:
        path = Path(args.keep) if args.keep else Path(folder) / "desk.db"
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        upgrade(engine)
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            seeded = session.scalar(select(func.count(Quote.id)))
            if not seeded:
                started = time.perf_counter()
                size = seed_desk(session, articles=args.articles, quotes_per_article=args.quotes_per_article)
                seeded = size.quotes
                print(
                    f"seeded {size.articles:,} articles, {size.quotes:,} quotes in {time.perf_counter() - started:.1f} s"
                )
            middle_article = session.scalar(select(func.max(Quote.article_id))) // 2 or 1
            middle_quote = session.scalar(select(func.min(Quote.id)).where(Quote.article_id == middle_article))
        engine.dispose()
        print(f"machine: {machine_description()}")
        print(f"database: SQLite, {seeded:,} quotes; median of {args.reruns} reruns after one warm-up")

        previous = os.environ.get("WORKBENCH_DATABASE_URL")
        os.environ["WORKBENCH_DATABASE_URL"] = url
        try:
            results = _time_pages(AppTest, args.reruns, middle_article, middle_quote)
        finally:
            if previous is None:
                os.environ.pop("WORKBENCH_DATABASE_URL", None)
            else:
                os.environ["WORKBENCH_DATABASE_URL"] = previous
    slow = 0
    for title, (median, worst) in results.items():
        mark = "ok" if median < TARGET_MS else "SLOW"
        slow += median >= TARGET_MS
        print(f"{title:<16} median {median:7.1f} ms   max {worst:7.1f} ms   {mark}")
    print(f"target: under {TARGET_MS} ms per rerun; {len(results) - slow} of {len(results)} pages meet it")
    return 0


def _time_pages(app_test, reruns: int, article_id: int, quote_id: int) -> dict[str, tuple[float, float]]:
    from workbench.ui.common import session_factory

    # Clearing a cache outside a script run makes Streamlit warn "missing ScriptRunContext",
    # which is expected here and would only clutter the report.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    session_factory.clear()  # the app opens the benchmark's database, not one cached earlier
    at = app_test.from_file(str(APP), default_timeout=120)
    at.session_state["reviewer"] = "bench"
    at.run()
    results = {}
    for title, name in PAGES.items():
        if name == "article_review":
            at.query_params["article"] = str(article_id)
        at.switch_page(f"workbench/ui/pages/{name}.py").run()
        if at.exception:
            raise RuntimeError(f"{title} failed: {at.exception[0].value}")
        if name == "article_review":
            # Time it with a quote open in the editor, the page's heaviest state.
            at.selectbox(key=f"review_quote_{article_id}").set_value(quote_id).run()
        timings = []
        for _ in range(reruns):
            started = time.perf_counter()
            at.run()
            timings.append(1000 * (time.perf_counter() - started))
        if at.exception:
            raise RuntimeError(f"{title} failed: {at.exception[0].value}")
        results[title] = (statistics.median(timings), max(timings))
    return results
