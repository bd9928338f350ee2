"""``quotes [filters] [--limit N] [--offset N] [--format table|json]``: stored quotes with their ids."""

from __future__ import annotations

import argparse
import json
import sys

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench.verdicts import VERDICTS_BY_KEY

TEXT_WIDTH = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    filters = parser.add_argument_group("filters (repeat an option to allow several values)")
    filters.add_argument("--article", type=int, metavar="ID", help="only quotes of this article")
    filters.add_argument("--status", action="append", choices=ATTRIBUTION_STATES, help="attribution state")
    filters.add_argument("--follow-up", action="append", choices=FOLLOW_UP_STATES, help="follow-up state")
    filters.add_argument(
        "--verdict", action="append", choices=(*VERDICTS_BY_KEY, "none"), help="verdict key; 'none': no verdict yet"
    )
    filters.add_argument("--no-orphaned", action="store_true", help="hide quotes re-extraction no longer finds")
    paging = parser.add_argument_group("output")
    paging.add_argument("--limit", type=_positive, default=50, help="at most this many quotes (default 50)")
    paging.add_argument("--offset", type=_not_negative, default=0, help="skip this many first")
    paging.add_argument("--format", choices=("table", "json"), default="table")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _row(quote) -> dict:
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "version": quote.version,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "extracted_speaker": quote.extracted_speaker,
        "speaker_id": quote.speaker_id,
        "speaker": quote.speaker.name if quote.speaker else None,
        "attribution": quote.attribution,
        "follow_up": quote.follow_up_status,
        "verdict": quote.verdict,
        "notes": quote.notes,
        "evidence_links": list(quote.evidence_links),
        "reviewed_by": quote.reviewed_by,
        "reviewed_at": quote.reviewed_at.isoformat() if quote.reviewed_at else None,
        "orphaned": quote.orphaned,
        "flag_reason": quote.flag_reason,
    }


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[dict]) -> str:
    header = ("id", "article", "v", "attribution", "follow_up", "verdict", "speaker", "text")
    lines = [
        (
            str(r["id"]),
            str(r["article_id"]),
            str(r["version"]),
            r["attribution"],
            r["follow_up"],
            r["verdict"] or "-",
            _clip(r["speaker"] or r["extracted_speaker"] or "?", 24),
            ("[orphaned] " if r["orphaned"] else "") + _clip(r["text"], TEXT_WIDTH),
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.orm import selectinload

    from db.models import Quote
    from workbench.queries import QuoteFilter, quotes_select
    from workbench.startup import open_database

    quote_filter = QuoteFilter(
        article_id=args.article,
        attribution=tuple(args.status or ()),
        follow_up=tuple(args.follow_up or ()),
        verdict=tuple(args.verdict or ()),
        include_orphaned=not args.no_orphaned,
    )
    sessions = open_database(load_demo_if_empty=False)
    with sessions.begin() as session:
        statement = quotes_select(quote_filter)
        total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
        page = statement.options(selectinload(Quote.speaker)).limit(args.limit).offset(args.offset)
        rows = [_row(q) for q in session.scalars(page)]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        print(f"No quotes match ({total} in all with these filters).")
        return 0
    print(_table(rows))
    print(f"{args.offset + 1}-{args.offset + len(rows)} of {total} quotes", file=sys.stderr)
    return 0
