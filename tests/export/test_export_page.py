"""The export page under Streamlit's AppTest: counts first, one download button per format."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.export.conftest import build_desk
from workbench.export import FORMATS
from workbench.startup import open_database

PAGE = Path(__file__).resolve().parents[2] / "workbench" / "ui" / "pages" / "export.py"


@pytest.fixture
def page_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'page.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


@pytest.fixture
def empty_page_db(page_url, monkeypatch):
    monkeypatch.setattr("workbench.demo.load_demo_if_empty", lambda _factory: False)
    open_database(page_url, load_demo_if_empty=False)


@pytest.fixture
def seeded_page_db(page_url):
    sessions = open_database(page_url, load_demo_if_empty=False)
    with sessions.begin() as session:
        return build_desk(session)


def run_page() -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def download_labels(at: AppTest) -> list[str]:
    return [button.label for button in at.download_button]


def test_empty_database_shows_zero_and_disabled_buttons(empty_page_db):
    at = run_page()
    assert at.metric[0].value == "0"
    assert download_labels(at) == [f.label for f in FORMATS.values()]
    assert all(button.proto.disabled for button in at.download_button)
    assert "No quote matches" in at.info[0].value


def test_seeded_database_counts_verified_quotes_and_offers_every_format(seeded_page_db):
    at = run_page()
    assert at.metric[0].value == str(len(seeded_page_db.verified))
    assert download_labels(at) == [f.label for f in FORMATS.values()]
    assert not any(button.proto.disabled for button in at.download_button)
    assert not at.error


def test_filters_change_the_count(seeded_page_db):
    at = run_page()
    at.checkbox(key="export_unverified").check().run()
    assert at.metric[0].value == str(len(seeded_page_db.everything))
    assert at.selectbox(key="export_reviewer").options == ["anyone", "Budi", "Rina"]
    at.selectbox(key="export_reviewer").select("Rina").run()
    assert at.metric[0].value == "2"
    at.text_input(key="export_article").input(str(seeded_page_db.article_b)).run()
    assert at.metric[0].value == "1"
    at.multiselect(key="export_verdict").select("none").run()
    assert at.metric[0].value == "1"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("export_speaker", "Tidak Ada", "No speaker is named"),
        ("export_article", "abc", "is not a number"),
        ("export_article", "999", "no article with id 999"),
    ],
)
def test_bad_filters_are_one_message_not_a_traceback(seeded_page_db, key, value, message):
    at = run_page()
    at.text_input(key=key).input(value).run()
    assert not at.exception
    assert message in at.error[0].value
    assert not at.download_button  # nothing to download until the filter is fixed


def test_unverified_attribution_needs_the_checkbox(seeded_page_db):
    at = run_page()
    at.multiselect(key="export_attribution").select("unreviewed").run()
    assert "include unverified" in at.error[0].value
    at.checkbox(key="export_unverified").check().run()
    assert not at.error
    assert at.metric[0].value == "1"


def test_page_uses_the_apps_one_session_factory(seeded_page_db, monkeypatch):
    from workbench import startup
    from workbench.ui.common import session_factory

    opened = []
    real = startup.open_database
    monkeypatch.setattr(startup, "open_database", lambda *a, **k: opened.append(a) or real(*a, **k))
    at = run_page()
    at.checkbox(key="export_unverified").check().run()
    assert at.metric[0].value == str(len(seeded_page_db.everything))
    assert len(opened) == 1  # one engine for every run of the page
    session_factory()  # what the other pages use: the same cached factory, nothing opened again
    assert len(opened) == 1
