"""``bench export [--quotes 100000]``: seconds to export a large desk in each format.

A throwaway SQLite file is filled by bulk insert with ``--quotes`` quotes over ``--articles``
articles (default: one article per 20 quotes), each article with a follow-up, every quote with
a speaker, most reviewed, some with notes, evidence links and logged contact attempts. Every
quote is exported (``include_unverified``) so each format writes all of them, through the same
``write_export`` the CLI uses, into a file. Each line gives wall-clock seconds (what the targets
are about) and the process's CPU seconds: on a busy machine the first exceeds the second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workbench.benchmarks import machine_description

TARGET_SECONDS = {"csv": 3.0, "xlsx": 20.0}
FORMAT_ORDER = ("csv", "json", "xlsx", "md", "html", "claimreview")
ATTRIBUTIONS = ("confirmed", "confirmed", "corrected", "confirmed", "unreviewed")
VERDICTS = ("true", "mostly_true", None, "unproven", "misleading", "false", None)
FOLLOW_UPS = ("not_needed", "not_needed", "no_response", "contacted", "responded")
SENTENCES = (
    "Saya kecewa karena struktur tidak bantu untuk memuluskan niatnya calon Wakil Wali Kota",
    "Kami belum ada sikap sampai saat ini yang keluar, tapi yang getol memang pak Nasrullah",
    "Anggaran tahun ini naik 12 persen dibanding tahun lalu dan semuanya sudah diaudit",
    "We will publish the full report next week once the audit is complete",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quotes", type=int, default=100_000, help="quotes to export (default: 100000)")
    parser.add_argument("--articles", type=int, help="articles they are spread over (default: quotes / 20)")
    parser.add_argument(
        "--formats", nargs="+", choices=FORMAT_ORDER, default=list(FORMAT_ORDER), help="formats to time (default: all)"
    )


def seed(sessions, quotes: int, articles: int) -> None:
    """Bulk-insert the desk: executemany through the ORM's insert(), no per-row objects."""
    from sqlalchemy import insert

    from db.models import Article, ContactAttempt, FollowUp, Person, Quote

    now = datetime(2024, 9, 1, tzinfo=UTC)
    people = max(articles // 2, 1)
    with sessions.begin() as session:
        session.execute(
            insert(Person),
            [
                {
                    "id": p + 1,
                    "name": f"Narasumber {p}",
                    "name_key": f"narasumber {p}",
                    "aliases": [],
                    "roles": [f"Ketua {p}"],
                }
                for p in range(people)
            ],
        )
        session.execute(
            insert(Article),
            [
                {
                    "id": a + 1,
                    "title": f"Berita nomor {a}: DPRD membahas anggaran",
                    "url": f"https://news.example/{a}",
                    "publisher": f"Media {a % 40}",
                    "original_source": "KlikKaltim.com" if a % 3 == 0 else None,
                    "published": date(2024, 1, 1) + timedelta(days=a % 365),
                    "lang": "id",
                    "text": "(article text) " * 200,
                    "content_hash": f"{a:064d}",
                    "boilerplate_lines": [],
                    "ingested_at": now,
                    "updated_at": now,
                }
                for a in range(articles)
            ],
        )
        session.execute(
            insert(FollowUp),
            [
                {
                    "id": a + 1,
                    "article_id": a + 1,
                    "target_name": f"Narasumber {(a + 1) % people}",
                    "target_role": "Ketua DPD",
                    "extracted_status": "no_response",
                    "status": "no_response",
                    "evidence": "belum mendapatkan respon",
                    "created_at": now,
                }
                for a in range(articles)
            ],
        )
        batch = []
        for q in range(quotes):
            attribution = ATTRIBUTIONS[q % len(ATTRIBUTIONS)]
            speaker = (q * 7) % people + 1
            reviewed = attribution != "unreviewed"
            text = f"{SENTENCES[q % len(SENTENCES)]} ({q})"
            batch.append(
                {
                    "id": q + 1,
                    "article_id": q % articles + 1,
                    "position": q // articles,
                    "text": text,
                    "kind": "direct" if q % 3 else "indirect",
                    "start": 0,
                    "end": len(text),
                    "speaker_role": "Ketua DPD" if q % 2 else None,
                    "extracted_speaker": f"Narasumber {speaker - 1}",
                    "extracted_person_id": speaker if attribution != "corrected" else (speaker % people) + 1,
                    "speaker_id": speaker,
                    "attribution": attribution,
                    "follow_up_status": FOLLOW_UPS[q % len(FOLLOW_UPS)],
                    "follow_up_summary": "Dua kali ditelepon" if q % 5 == 2 else None,
                    "verdict": VERDICTS[q % len(VERDICTS)] if reviewed else None,
                    "notes": f"=Catatan pemeriksa <b>{q}</b>" if q % 4 == 0 else None,
                    "evidence_links": [f"https://evidence.example/{q}"] if q % 3 == 0 else [],
                    "reviewed_by": f"Pemeriksa {q % 9}" if reviewed else None,
                    "reviewed_at": now + timedelta(minutes=q) if reviewed else None,
                    "created_at": now,
                }
            )
            if len(batch) == 10_000:
                session.execute(insert(Quote), batch)
                batch = []
        if batch:
            session.execute(insert(Quote), batch)
        session.execute(
            insert(ContactAttempt),
            [
                {
                    "quote_id": q + 1,
                    "channel": "WhatsApp",
                    "attempted_at": now + timedelta(hours=q % 48),
                    "outcome": "no_response",
                    "logged_by": "Pemeriksa 1",
                    "created_at": now,
                }
                for q in range(2, quotes, 5)
            ],
        )


def run(args: argparse.Namespace) -> int:
    from workbench.errors import InvalidValue
    from workbench.export import build_options, count_rows, write_export
    from workbench.startup import open_database

    if args.quotes < 1:
        raise InvalidValue("--quotes must be at least 1.")
    articles = args.articles or max(args.quotes // 20, 1)
    if articles < 1:
        raise InvalidValue("--articles must be at least 1.")
    print(f"bench export: {args.quotes:,} quotes over {articles:,} articles, SQLite")
    print(f"machine: {machine_description()}")
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        sessions = open_database(f"sqlite:///{Path(folder) / 'bench.db'}", load_demo_if_empty=False)
        started = time.perf_counter()
        seed(sessions, args.quotes, articles)
        print(f"seeded in {time.perf_counter() - started:.1f} s")
        failed = False
        with sessions() as session:
            options = build_options(session, include_unverified=True)
            verified = count_rows(session, build_options(session))
            print(f"exporting {count_rows(session, options):,} quotes ({verified:,} verified)")
            for name in args.formats:
                target = Path(folder) / f"quotes.{name}"
                started, cpu_started = time.perf_counter(), time.process_time()
                with open(target, "wb") as out:
                    written = write_export(session, name, options, out)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
                size = target.stat().st_size / 2**20
                line = f"  {name:<12} {seconds:6.2f} s (cpu {cpu:6.2f} s)  {written:>8,} rows  {size:7.1f} MiB"
                if name in TARGET_SECONDS:
                    met = seconds < TARGET_SECONDS[name]
                    failed |= not met
                    line += f"  (target < {TARGET_SECONDS[name]:g} s: {'met' if met else 'NOT met'})"
                print(line, flush=True)
        sessions.kw["bind"].dispose()
    return 1 if failed else 0
