"""Which quotes a sheet holds, and what each row says: verified only by default, every filter narrows."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from db.models import Article, Person, Quote
from workbench.errors import InvalidValue, NotFound
from workbench.export import ExportOptions, build_options, count_rows, iter_rows
from workbench.queries import QuoteFilter


def rows_for(sessions, **filters):
    with sessions() as session:
        return list(iter_rows(session, build_options(session, **filters)))


def test_default_holds_only_quotes_whose_attribution_a_person_decided(sessions, desk):
    rows = rows_for(sessions)
    assert {r.quote_id for r in rows} == desk.verified
    assert all(r.verified and r.attribution in ("confirmed", "corrected") for r in rows)


def test_include_unverified_adds_the_rest_marked_unverified(sessions, desk):
    rows = {r.quote_id: r for r in rows_for(sessions, include_unverified=True)}
    assert set(rows) == desk.everything
    assert {q for q, r in rows.items() if not r.verified} == {desk.quotes["unreviewed"], desk.quotes["misattributed"]}


def test_rows_come_by_article_then_position(sessions, desk):
    ids = [r.quote_id for r in rows_for(sessions, include_unverified=True)]
    q = desk.quotes
    order = ["confirmed", "corrected", "unreviewed", "world", "misattributed", "apostrophe"]
    assert ids == [q[k] for k in order]


FILTER_CASES = [
    # (filters, keys of the quotes expected; "desk.x" values are resolved in the test)
    ({"article_id": "article_b"}, {"world", "apostrophe"}),
    ({"speaker": "Joni Muslim"}, {"corrected"}),
    ({"speaker": "  joni MUSLIM "}, {"corrected"}),
    ({"speaker": "bakhtiar"}, {"confirmed", "apostrophe"}),  # by id
    ({"attribution": ["corrected"]}, {"corrected"}),
    ({"attribution": ["misattributed"], "include_unverified": True}, {"misattributed"}),
    ({"follow_up": ["no_response", "to_contact"]}, {"confirmed", "world"}),
    ({"verdict": ["true", "unproven"]}, {"corrected", "apostrophe"}),
    ({"verdict": ["none"]}, {"world"}),
    ({"verdict": ["none"], "include_unverified": True}, {"world", "misattributed"}),
    ({"date_from": "2024-09-01"}, {"world", "apostrophe"}),
    ({"date_to": "2024-08-31"}, {"confirmed", "corrected"}),
    ({"date_from": "2024-08-20", "date_to": "2024-08-20"}, {"confirmed", "corrected"}),
    ({"reviewer": "Rina"}, {"confirmed", "world"}),
    ({"reviewer": "Rina", "article_id": "article_a"}, {"confirmed"}),
    ({"reviewer": "Nobody"}, set()),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_each_filter_narrows(sessions, desk, filters, expected):
    resolved = dict(filters)
    if "article_id" in resolved:
        resolved["article_id"] = getattr(desk, resolved["article_id"])
    if resolved.get("speaker") == "bakhtiar":
        resolved["speaker"] = str(desk.bakhtiar)
    rows = rows_for(sessions, **resolved)
    assert {r.quote_id for r in rows} == {desk.quotes[k] for k in expected}
    with sessions() as session:
        assert count_rows(session, build_options(session, **resolved)) == len(rows)


BAD_FILTERS = [
    ({"attribution": ["approved"]}, InvalidValue, "approved"),
    ({"attribution": ["unreviewed"]}, InvalidValue, "include unverified"),
    ({"follow_up": ["phoned"]}, InvalidValue, "phoned"),
    ({"verdict": ["pants_on_fire"]}, InvalidValue, "pants_on_fire"),
    ({"date_from": "20 Agustus"}, InvalidValue, "YYYY-MM-DD"),
    ({"date_from": "2024-09-01", "date_to": "2024-08-01"}, InvalidValue, "after"),
    ({"speaker": "Nobody Here"}, NotFound, "Nobody Here"),
    ({"speaker": "99999"}, NotFound, "99999"),
    ({"article_id": "99999"}, NotFound, "99999"),
    ({"article_id": "abc"}, InvalidValue, "abc"),
]


@pytest.mark.parametrize(("filters", "error", "named"), BAD_FILTERS)
def test_bad_filters_are_refused_with_the_value_named(sqlite_sessions, sqlite_desk, filters, error, named):
    with sqlite_sessions() as session, pytest.raises(error, match=named):
        build_options(session, **filters)


def test_two_people_of_the_same_name_need_an_id(sqlite_sessions, sqlite_desk):
    with sqlite_sessions.begin() as session:
        session.add(Person(name="Joni Muslim", name_key="joni muslim", aliases=[], roles=[]))
    with sqlite_sessions() as session, pytest.raises(InvalidValue, match="give one id"):
        build_options(session, speaker="Joni Muslim")


def test_corrected_quote_shows_the_corrected_speaker_and_keeps_the_extracted_one(sessions, desk):
    row = next(r for r in rows_for(sessions) if r.quote_id == desk.quotes["corrected"])
    assert (row.speaker, row.corrected_speaker, row.extracted_speaker) == (
        "Joni Muslim",
        "Joni Muslim",
        "Muhammad Sahib",
    )
    # The role the article gave belongs to the extracted speaker; the corrected one's own role shows.
    assert row.speaker_role == "Ketua DPD Nasdem Bontang"
    assert (row.verdict_label, row.verdict_rating) == ("Benar / True", 5)


def test_confirmed_quote_keeps_the_role_the_article_gives(sessions, desk):
    row = next(r for r in rows_for(sessions) if r.quote_id == desk.quotes["confirmed"])
    assert (row.speaker, row.speaker_role, row.corrected_speaker) == (
        "Bakhtiar Wakkang",
        "Politisi NasDem Bontang",
        None,
    )


def test_follow_up_sentences_come_from_the_quote_its_attempts_and_the_article(sessions, desk):
    rows = {r.quote_id: r for r in rows_for(sessions)}
    confirmed = rows[desk.quotes["confirmed"]]
    assert confirmed.follow_up == "No response from Politisi NasDem Bontang Bakhtiar Wakkang as of 2024-08-23"
    assert confirmed.follow_up_summary == "Dua kali ditelepon"
    assert confirmed.follow_up_last_attempt == (
        "2024-08-23 08:00 UTC via WhatsApp, no response: tidak diangkat (logged by Rina)"
    )
    expected_article = "No response from Ketua DPD Nasdem Bontang Joni Muslim as of 2024-08-20"
    assert confirmed.article_follow_ups == expected_article
    assert rows[desk.quotes["corrected"]].article_follow_ups == expected_article
    world = rows[desk.quotes["world"]]
    assert (world.follow_up, world.follow_up_last_attempt) == ("To contact Ketua Penjaringan Muhammad Sahib", None)
    assert world.article_follow_ups is None
    assert rows[desk.quotes["corrected"]].follow_up is None  # not_needed


def _statements_for_export(sessions) -> int:
    statements = []

    def count(*_args):
        statements.append(1)

    engine = sessions.kw["bind"]
    event.listen(engine, "before_cursor_execute", count)
    try:
        with sessions() as session:
            rows = list(iter_rows(session, build_options(session, include_unverified=True), chunk_size=50))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(rows), len(statements)


def test_queries_per_chunk_do_not_grow_with_quotes_or_articles(sqlite_sessions):
    """No N+1: 40 quotes over 8 articles and 40 quotes over 40 articles read with the same queries."""

    def add(session, articles: int, per_article: int, offset: int) -> None:
        speaker = Person(name=f"P{offset}", name_key=f"p{offset}", aliases=[], roles=["r"])
        session.add(speaker)
        for a in range(articles):
            article = Article(title=f"A{offset + a}", text="t", content_hash=f"{offset + a:064d}", boilerplate_lines=[])
            session.add(article)
            session.flush()
            for p in range(per_article):
                session.add(
                    Quote(article=article, position=p, text="x", kind="direct", start=0, end=1, speaker=speaker)
                )

    with sqlite_sessions.begin() as session:
        add(session, articles=8, per_article=5, offset=0)
    few_articles = _statements_for_export(sqlite_sessions)
    with sqlite_sessions.begin() as session:
        session.query(Quote).delete()
        add(session, articles=40, per_article=1, offset=100)
    many_articles = _statements_for_export(sqlite_sessions)
    assert few_articles[0] == many_articles[0] == 40
    assert few_articles[1] == many_articles[1] <= 8


@pytest.mark.parametrize("chunk_size", [1, 2, 5])
def test_small_chunks_give_the_same_rows(sessions, desk, chunk_size):
    """Chunk boundaries inside an article lose nothing (its follow-ups are carried to the next chunk)."""
    with sessions() as session:
        options = build_options(session, include_unverified=True)
        whole = list(iter_rows(session, options))
        chunked = list(iter_rows(session, options, chunk_size=chunk_size))
    assert chunked == whole
    assert len(whole) == len(desk.everything)


def test_options_made_by_hand_cannot_slip_unverified_quotes_in(sqlite_sessions, sqlite_desk):
    options = ExportOptions(quote_filter=QuoteFilter(attribution=("unreviewed",)))
    with sqlite_sessions() as session, pytest.raises(InvalidValue, match="not verified"):
        list(iter_rows(session, options))
