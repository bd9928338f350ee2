"""``extract [--lang id|en|auto] PATH... | -``: quotes, speakers and follow-ups as JSON Lines.

One JSON object per article on stdout, in input order; every rejected input and every article
the engine fails on is one line on stderr naming where it came from; exit 1 if there was any.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("id", "en", "auto"),
        default=None,
        help="language of every article; default: each record's own 'lang', else detected",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .html or .jsonl files or folders of them; '-' reads JSON Lines from stdin",
    )


def run(args: argparse.Namespace) -> int:
    from workbench.errors import BadInput
    from workbench.extract import extract
    from workbench.sources import read_paths

    # JSON Lines are UTF-8 whatever the locale says; a lone surrogate from a JSON escape is
    # written back as the same escape rather than failing the whole run.
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    extracted = rejected = 0
    for item in read_paths(args.paths):
        if isinstance(item, BadInput):
            print(f"error: {item}", file=sys.stderr)
            rejected += 1
            continue
        try:
            article = extract(
                item.text,
                lang=args.lang or item.lang or "auto",
                article_id=item.id,
                publisher=item.publisher,
                published=item.published,
            )
            line = json.dumps(article.to_dict(), ensure_ascii=False)
        except Exception as exc:  # noqa: BLE001 - an engine bug must cost one article, not the run
            print(
                f"error: {item.source}: extraction failed for article {item.id!r} ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
            rejected += 1
            continue
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        extracted += 1
    if rejected:
        print(f"extract: {extracted} article(s) extracted, {rejected} input(s) rejected", file=sys.stderr)
    return 1 if rejected else 0
