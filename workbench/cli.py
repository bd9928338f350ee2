"""``python -m workbench COMMAND``: a thin layer over the use cases.

Each command lives in ``workbench/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int``; heavy imports happen inside ``run`` so that ``extract`` starts fast.
Errors are translated here, once: a ``WorkbenchError`` becomes one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench.errors import WorkbenchError

# (command, module, one-line help)
COMMANDS: list[tuple[str, str, str]] = [
    ("extract", "workbench.commands.extract", "extract quotes, speakers and follow-ups as JSON Lines"),
    ("eval", "workbench.commands.evaluate", "score extraction against a gold JSONL file"),
    ("bench", "workbench.commands.bench", "measure speed: extraction, ingest, pages, export"),
    ("ingest", "workbench.commands.ingest", "store articles (.txt, .html, .jsonl, folders, URLs)"),
    ("demo", "workbench.commands.demo", "load the demo article into the database"),
    ("db", "workbench.commands.db", "database maintenance (upgrade)"),
    ("quotes", "workbench.commands.quotes", "list stored quotes"),
    ("review", "workbench.commands.review", "record a review decision on a quote"),
    ("export", "workbench.commands.export", "export a verified quote sheet"),
]


def chosen_command(argv: list[str], names: list[str]) -> str | None:
    """The command named on the line, so that only its module is imported (others stay unloaded)."""
    for token in argv:
        if not token.startswith("-"):
            return token if token in names else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workbench", description="Quote attribution and fact-check workbench"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = chosen_command(sys.argv[1:] if argv is None else argv, [name for name, _, _ in COMMANDS])
    for name, module_name, help_text in COMMANDS:
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if chosen is None or name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(command_parser)
            command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except WorkbenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a message.
        return 0
