"""``db upgrade|current``: bring the database schema up to date, or show its revision."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=("upgrade", "current"),
        help="upgrade: apply pending migrations (also done on every start); current: print the schema revision",
    )


def _head() -> str | None:
    from alembic.script import ScriptDirectory

    from db.engine import MIGRATIONS_DIR

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def run(args: argparse.Namespace) -> int:
    from db.engine import current_revision, make_engine, upgrade

    engine = make_engine()
    url = engine.url.render_as_string(hide_password=True)
    try:
        if args.action == "upgrade":
            before = _current(engine, current_revision)
            upgrade(engine)
            after = _current(engine, current_revision)
            change = "already up to date" if before == after else f"upgraded from {before or 'empty'}"
            print(f"{url}: schema revision {after} ({change})")
        else:
            revision = _current(engine, current_revision)
            head = _head()
            state = "up to date" if revision == head else f"newest is {head}; run `python -m workbench db upgrade`"
            print(f"{url}: schema revision {revision or 'none (empty database)'} ({state})")
    finally:
        engine.dispose()
    return 0


def _current(engine, current_revision) -> str | None:
    from sqlalchemy.exc import OperationalError

    from db.engine import one_line
    from workbench.errors import DatabaseUnavailable

    try:
        return current_revision(engine)
    except OperationalError as exc:
        raise DatabaseUnavailable(f"Cannot open the database {engine.url!r}: {one_line(exc.orig)}") from exc
