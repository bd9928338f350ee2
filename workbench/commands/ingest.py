"""``ingest PATH|URL ... [--reextract]``: store articles, with a progress bar and a summary.

Each article is stored in its own transaction: a bad file is named on stderr and the others are
still stored. Exit status 1 if any input was rejected.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

BAR_WIDTH = 30
URL_PREFIXES = ("http://", "https://")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH|URL",
        help=".txt, .html or .jsonl files, folders of them, '-' for JSON Lines on stdin, or http(s) URLs to fetch",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes extracting articles while one writes to the database (default: one per core)",
    )
    parser.add_argument(
        "--reextract",
        action="store_true",
        help="extract stored articles again; review work is kept, quotes no longer found are flagged",
    )


class ProgressBar:
    """``[#####.....]  12/100 name`` on one stderr line; on a non-terminal, about every 5 %."""

    def __init__(self, total: int, stream: TextIO | None = None):
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.step = 1 if self.interactive else max(1, self.total // 20)

    def __call__(self, done: int, name: str) -> None:
        if done % self.step and done != self.total:
            return
        filled = BAR_WIDTH * done // self.total
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:>{len(str(self.total))}}/{self.total} {name[-40:]}"
        if self.interactive:
            self.stream.write("\r" + line.ljust(BAR_WIDTH + 60)[: BAR_WIDTH + 60])
            if done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _read_inputs(inputs: list[str]):
    from workbench.errors import BadInput
    from workbench.ingest import fetch_url
    from workbench.sources import read_paths

    items = []
    for value in inputs:
        if value.startswith(URL_PREFIXES):
            try:
                items.append(fetch_url(value))
            except BadInput as exc:
                items.append(exc)
        else:
            items.extend(read_paths([value]))
    return items


def run(args: argparse.Namespace) -> int:
    from workbench.ingest import ingest_items
    from workbench.startup import open_database

    sessions = open_database(load_demo_if_empty=False)
    items = _read_inputs(args.inputs)
    progress = ProgressBar(len(items))
    summary = ingest_items(sessions, items, reextract=args.reextract, progress=progress, workers=args.workers)
    for message in summary.rejected:
        print(f"rejected: {message}", file=sys.stderr)
    flagged = f"; {summary.flagged} reviewed items no longer found, kept and flagged" if summary.flagged else ""
    print(
        f"articles: {summary.new} new, {summary.unchanged} unchanged, {summary.updated} updated, "
        f"{len(summary.rejected)} rejected; quotes found: {summary.quotes}{flagged}"
    )
    return 1 if summary.rejected else 0
