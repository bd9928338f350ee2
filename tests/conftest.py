"""Shared fixtures: a clean, migrated database per test on SQLite and on PostgreSQL.

PostgreSQL runs when WORKBENCH_TEST_POSTGRES_URL is set (``.ci/run`` sets it); each test gets its
own schema. Without it the PostgreSQL half is skipped with a reason, except under CI, where a
missing prerequisite is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.engine import make_engine, make_session_factory, upgrade

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("WORKBENCH_SHARED_DIR", REPO_ROOT.parent / "shared"))
IN_CI = bool(os.environ.get("CI"))


def need(condition: bool, reason: str) -> None:
    """Skip when a prerequisite is missing on this machine; fail instead when running under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    need(SHARED_DIR.is_dir(), f"the shared folder is not at {SHARED_DIR} (set WORKBENCH_SHARED_DIR)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def dev_texts(shared_dir) -> list[str]:
    """The texts of the PFSA-ID and PolNeAR dev articles, as given: real input for the fast-path checks."""
    from workbench.sources import read_paths

    paths = [shared_dir / "eval" / name for name in ("pfsa-id/dev.jsonl", "polnear/dev.jsonl")]
    return [item.text for item in read_paths(paths) if not isinstance(item, Exception)]


def _postgres_engine():
    url = os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
    need(bool(url), "WORKBENCH_TEST_POSTGRES_URL is not set, so PostgreSQL tests cannot run")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server here"
        admin.dispose()
        need(False, f"PostgreSQL at {url} is not reachable: {exc}")
    engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})

    def drop() -> None:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return engine, drop


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A freshly migrated database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'workbench.db'}")
        drop = eng.dispose
    else:
        eng, drop = _postgres_engine()
    upgrade(eng)
    yield eng
    drop()


@pytest.fixture
def sqlite_engine(tmp_path):
    """SQLite only, for tests about behaviour that does not depend on the backend."""
    eng = make_engine(f"sqlite:///{tmp_path / 'workbench.db'}")
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine):
    """A sessionmaker; tests own their transactions: ``with sessions.begin() as s: ...``."""
    return make_session_factory(engine)
