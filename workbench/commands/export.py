"""``export``: write a verified quote sheet (only quotes whose attribution a person decided, by default)."""

from __future__ import annotations

import argparse
import sys

FORMAT_NAMES = ("csv", "json", "xlsx", "md", "html", "claimreview")


EPILOG = (
    "CSV is UTF-8 with a byte-order mark; a cell that begins with = + - @ tab, carriage return or ' "
    "gets one ' in front so no spreadsheet runs it as a formula: drop that first character to get "
    "the original text. XLSX needs -o. ClaimReview holds only quotes with a verdict; its author is "
    "WORKBENCH_ORG_NAME / WORKBENCH_ORG_URL."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--format", "-f", choices=FORMAT_NAMES, default="csv", help="output format (default: csv)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    filters = parser.add_argument_group("filters (all given filters must match)")
    filters.add_argument("--article", metavar="ID", help="one article, by id")
    filters.add_argument("--speaker", metavar="NAME|ID", help="the attributed speaker, by name or person id")
    filters.add_argument(
        "--attribution", nargs="+", action="extend", default=[], metavar="S", help="attribution status(es)"
    )
    filters.add_argument(
        "--follow-up", nargs="+", action="extend", default=[], metavar="S", help="follow-up status(es)"
    )
    filters.add_argument(
        "--verdict",
        nargs="+",
        action="extend",
        default=[],
        metavar="VERDICT",
        help='verdict key(s) or label(s) (false, Keliru, Misleading, 5); "none" = no verdict',
    )
    filters.add_argument("--from", dest="date_from", metavar="DATE", help="articles published on or after (YYYY-MM-DD)")
    filters.add_argument("--to", dest="date_to", metavar="DATE", help="articles published on or before (YYYY-MM-DD)")
    filters.add_argument("--reviewer", metavar="NAME", help="quotes last reviewed by NAME")
    filters.add_argument(
        "--include-unverified",
        action="store_true",
        help='also export quotes whose attribution nobody decided, marked verified "no" / NOT VERIFIED',
    )


def run(args: argparse.Namespace) -> int:
    from workbench.errors import BadInput
    from workbench.export import build_options, get_format, write_export
    from workbench.startup import open_database

    export_format = get_format(args.format)
    if export_format.binary and not args.output:
        raise BadInput(f"The {args.format} format is a binary file: give a file name with -o, e.g. -o quotes.xlsx.")
    sessions = open_database(load_demo_if_empty=False)
    with sessions() as session:
        options = build_options(
            session,
            article_id=args.article,
            speaker=args.speaker,
            attribution=args.attribution,
            follow_up=args.follow_up,
            verdict=args.verdict,
            date_from=args.date_from,
            date_to=args.date_to,
            reviewer=args.reviewer,
            include_unverified=args.include_unverified,
        )
        if args.output:
            try:
                with open(args.output, "wb") as out:
                    count = write_export(session, args.format, options, out)
            except OSError as exc:
                raise BadInput(f"Cannot write {args.output}: {exc.strerror}.") from exc
            print(f"{count} quotes written to {args.output}", file=sys.stderr)
        else:
            count = write_export(session, args.format, options, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    if count == 0:
        print("no quote matched; verified quotes only unless --include-unverified is given", file=sys.stderr)
    return 0
