"""``demo``: store the demo article (a real Indonesian news story) so there is something to review."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Running it again changes nothing: the same article is stored once."


def run(args: argparse.Namespace) -> int:
    from workbench.demo import DEMO_TITLE, load_demo
    from workbench.startup import open_database

    sessions = open_database(load_demo_if_empty=False)
    with sessions.begin() as session:
        result = load_demo(session)
    state = {"new": "loaded", "unchanged": "already loaded", "updated": "re-extracted"}[result.status]
    print(f"Demo article {state}: #{result.article_id} {DEMO_TITLE!r}, {result.quotes} quotes")
    return 0
