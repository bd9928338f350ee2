"""Articles given without a title get a working title from their first line."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Article
from workbench.ingest import ingest_items
from workbench.sources import MAX_HEADLINE_CHARS, ArticleInput, headline_from_text


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "Stealth Over Health: Hillary Clinton Was Headed to ER.\n\nThe New York Post reports",
            "Stealth Over Health: Hillary Clinton Was Headed to ER.",
        ),
        ("JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol.\nIa mengatakan...", "Presiden meresmikan jalan tol."),
        ("\n\n  SuaraKaltim.id - Politisi NasDem kecewa.  \n", "Politisi NasDem kecewa."),
        (
            "SuaraKaltim.id - Politisi Partai Nasional Demokrat (NasDem) Bontang Bakhtiar Wakkang blak-blakan soal "
            "rasa kecewanya dengan pengurus",
            "Politisi Partai Nasional Demokrat (NasDem) Bontang Bakhtiar Wakkang blak-blakan soal rasa…",
        ),
        ("", None),
        ("  \n\t\n", None),
    ],
)
def test_headline_is_the_first_line_without_its_dateline(text, headline):
    assert headline_from_text(text) == headline


def test_a_line_without_spaces_is_cut_at_the_limit():
    assert headline_from_text("x" * 500) == "x" * MAX_HEADLINE_CHARS + "…"


def test_ingest_titles_an_untitled_article_and_keeps_a_given_title(sessions):
    text = "Bontang - Wali Kota meninjau banjir.\nIa mengatakan, warga diminta waspada."
    items = [ArticleInput(text=text, id="a"), ArticleInput(text=text + " Lagi.", id="b", title="Banjir")]
    ingest_items(sessions, items)
    with sessions() as session:
        titles = dict(session.execute(select(Article.external_id, Article.title)).all())
    assert titles == {"a": "Wali Kota meninjau banjir.", "b": "Banjir"}
