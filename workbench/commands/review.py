"""``review QUOTE_ID --reviewer NAME [decision options]``: record a decision on one quote.

The same rules as the app: every change is an audit event, and a save made against an old
version is refused, naming who changed the quote and what.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from db.models import ATTRIBUTION_STATES, FOLLOW_UP_STATES
from workbench.verdicts import VERDICT_SCALE, verdict_key


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("quote_id", type=int, metavar="QUOTE_ID", help="id from `python -m workbench quotes`")
    parser.add_argument("--reviewer", help="your name, recorded with every change (required to decide)")
    parser.add_argument(
        "--expected-version",
        type=int,
        metavar="N",
        help="the quote version your decision is based on (the 'v' column of `quotes`); the save is refused "
        "if someone changed the quote since. Without it the current version is used, so only a change "
        "racing this very command is caught",
    )
    parser.add_argument("--history", action="store_true", help="show the quote's recorded changes and exit")
    attribution = parser.add_argument_group("attribution")
    attribution.add_argument("--attribution", choices=ATTRIBUTION_STATES)
    attribution.add_argument(
        "--speaker",
        metavar="NAME",
        help="the right speaker (implies --attribution corrected); matched to a known person",
    )
    follow_up = parser.add_argument_group("follow-up")
    follow_up.add_argument("--follow-up", choices=FOLLOW_UP_STATES)
    follow_up.add_argument("--channel", help="how the person was contacted (phone, email, WhatsApp...)")
    follow_up.add_argument("--contacted-at", type=_datetime, metavar="YYYY-MM-DD[THH:MM]", help="default: now")
    follow_up.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD", help="when an answer is due")
    follow_up.add_argument("--summary", help='e.g. "no response from party chair"')
    verdict = parser.add_argument_group("verdict")
    verdict.add_argument(
        "--verdict",
        type=_verdict_argument,
        metavar="VERDICT",
        help="one of: "
        + ", ".join(f"{v.key} ({v.label_id}, {v.rating})" for v in VERDICT_SCALE)
        + "; a label or the rating works too; 'none' clears the verdict",
    )
    verdict.add_argument("--note", help="replaces the quote's notes")
    verdict.add_argument("--evidence", nargs="+", metavar="URL", help="evidence links (replace the stored ones)")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-12-01") from exc


def _datetime(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a time like 2026-11-28T10:02") from exc


def _verdict_argument(value: str) -> str:
    if value.strip().casefold() == "none":
        return "none"
    key = verdict_key(value)
    if key is None:
        names = ", ".join(f"{v.key}/{v.label_id}" for v in VERDICT_SCALE)
        raise argparse.ArgumentTypeError(f"{value!r} is not a verdict (one of {names}, or a rating 1-5)")
    return key


def _decision(args: argparse.Namespace):
    from workbench.review import QuoteDecision

    return QuoteDecision(
        attribution=args.attribution,
        speaker_name=args.speaker,
        follow_up=args.follow_up,
        follow_up_channel=args.channel,
        follow_up_contacted_at=args.contacted_at,
        follow_up_deadline=args.deadline,
        follow_up_summary=args.summary,
        verdict="" if args.verdict == "none" else args.verdict,
        notes=args.note,
        evidence_links=args.evidence,
    )


def run(args: argparse.Namespace) -> int:
    from db.models import Quote
    from workbench.errors import InvalidValue, NotFound
    from workbench.review import decide_quote, describe_event, history
    from workbench.startup import open_database

    sessions = open_database(load_demo_if_empty=False)
    if args.history:
        with sessions.begin() as session:
            if session.get(Quote, args.quote_id) is None:
                raise NotFound(f"Quote {args.quote_id} does not exist.")
            events = history(session, quote_id=args.quote_id)
            lines = [describe_event(e) for e in events]
        print("\n".join(lines) if lines else f"Quote {args.quote_id} has no recorded changes.")
        return 0
    if not args.reviewer:
        raise InvalidValue("--reviewer NAME is required to record a decision.")
    decision = _decision(args)
    with sessions.begin() as session:
        expected = args.expected_version
        if expected is None:
            quote = session.get(Quote, args.quote_id)
            if quote is None:
                raise NotFound(f"Quote {args.quote_id} does not exist.")
            expected = quote.version
        before = {e.id for e in history(session, quote_id=args.quote_id)}
        quote = decide_quote(session, args.quote_id, decision, reviewer=args.reviewer, expected_version=expected)
        changes = [describe_event(e) for e in history(session, quote_id=args.quote_id) if e.id not in before]
        version = quote.version
    if not changes:
        print(f"Quote {args.quote_id}: nothing to change (version {version}).")
        return 0
    print(f"Quote {args.quote_id} saved (version {version}):")
    for line in changes:
        print(f"  {line}")
    return 0
