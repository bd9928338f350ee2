"""The demo article is loaded on the first start of an empty database, and only then."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Article, Quote
from workbench.demo import DEMO_TITLE, demo_article
from workbench.ingest import ingest_article
from workbench.sources import ArticleInput
from workbench.startup import open_database


def url_of(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_demo_ships_with_the_package_and_matches_the_seed(shared_dir):
    seed = (shared_dir / "fixtures" / "seed" / "suarakaltim-nasdem-bontang.txt").read_text(encoding="utf-8")
    assert demo_article().text == seed


def test_first_start_loads_the_demo_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    sessions = open_database(url)
    open_database(url)  # a second start (or a second app tab) adds nothing
    with sessions.begin() as s:
        titles = s.scalars(select(Article.title)).all()
        quotes = s.scalar(select(func.count(Quote.id)))
    assert titles == [DEMO_TITLE]
    assert quotes > 0


def test_demo_is_not_loaded_into_a_database_that_has_articles(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    sessions = open_database(url, load_demo_if_empty=False)
    with sessions.begin() as s:
        ingest_article(s, ArticleInput(text='Ana berkata, "Kami siap."', id="own"))
    open_database(url)
    with sessions.begin() as s:
        assert s.scalars(select(Article.external_id)).all() == ["own"]


def test_a_demo_that_fails_to_load_does_not_stop_the_start(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'desk.db'}"

    def broken(item):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr("workbench.ingest.run_extraction", broken)
    sessions = open_database(url)
    with sessions.begin() as s:
        assert s.scalar(select(func.count(Article.id))) == 0
    monkeypatch.undo()
    open_database(url)  # the next start tries again
    with sessions.begin() as s:
        assert s.scalars(select(Article.title)).all() == [DEMO_TITLE]
