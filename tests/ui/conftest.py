"""Fixtures for the app's tests: a tmp database the app is pointed at, and AppTest runs of app.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from workbench.benchmarks.pages import seed_desk
from workbench.startup import open_database

APP = Path(__file__).resolve().parents[2] / "app.py"


@pytest.fixture
def app_url(tmp_path, monkeypatch):
    """WORKBENCH_DATABASE_URL points at a fresh SQLite file; the app's cached factory is dropped."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


@pytest.fixture
def empty_db(app_url, monkeypatch):
    """No article at all: the demo article is not loaded."""
    monkeypatch.setattr("workbench.demo.load_demo_if_empty", lambda _factory: False)
    return open_database(app_url, load_demo_if_empty=False)


@pytest.fixture
def desk(app_url):
    """A small synthetic desk (quotes at real offsets, people, merge suggestions, follow-ups)."""
    sessions = open_database(app_url, load_demo_if_empty=False)
    with sessions.begin() as session:
        seed_desk(session, articles=15, quotes_per_article=4, people=30, seed=11)
    return sessions


def run_app(*, reviewer: str | None = "Ana", page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if reviewer:
        at.session_state["reviewer"] = reviewer
    at.run()
    if page:
        at.query_params.update(query or {})
        at.switch_page(f"workbench/ui/pages/{page}.py").run()
    return at


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    return matches[0]


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
