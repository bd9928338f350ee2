"""The pages' read-side queries on SQLite and PostgreSQL: filters, counts and paging done in SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from db.models import FollowUp, Quote
from workbench import browse, review
from workbench.benchmarks.pages import seed_desk
from workbench.queries import QuoteFilter


def _seed(sessions, articles=12, quotes_per_article=4, people=20):
    with sessions.begin() as s:
        return seed_desk(s, articles=articles, quotes_per_article=quotes_per_article, people=people, seed=3)


def test_article_listing_counts_quotes_reviews_and_open_follow_ups(sessions):
    _seed(sessions)
    with sessions.begin() as s:
        quote = s.scalars(select(Quote).where(Quote.article_id == 5).order_by(Quote.position)).first()
        expected_quotes = s.query(Quote).filter(Quote.article_id == 5).count()
        expected_reviewed = s.query(Quote).filter(Quote.article_id == 5, Quote.attribution != "unreviewed").count()
        expected_open = (
            s.query(Quote)
            .filter(Quote.article_id == 5, Quote.follow_up_status.in_(browse.OPEN_FOLLOW_UP_STATES))
            .count()
            + s.query(FollowUp).filter(FollowUp.article_id == 5, FollowUp.status == "no_response").count()
        )
        assert quote is not None
    with sessions.begin() as s:
        page = browse.list_articles(s, browse.ArticleFilter(search="desk-5"), limit=10)
    assert page.total == 1
    row = page.rows[0]
    assert (row.id, row.quotes, row.reviewed, row.open_follow_ups) == (
        5,
        expected_quotes,
        expected_reviewed,
        expected_open,
    )
    assert expected_open >= 1  # article 5 carries a follow-up found in its text


def test_article_listing_pages_and_filters(sessions):
    _seed(sessions)
    with sessions.begin() as s:
        first = browse.list_articles(s, limit=5, offset=0)
        second = browse.list_articles(s, limit=5, offset=5)
        by_publisher = browse.list_articles(s, browse.ArticleFilter(publisher="Reuters"), limit=50)
        nothing = browse.list_articles(s, browse.ArticleFilter(search="no such article"), limit=5)
    assert first.total == 12 and first.page_count == 3
    assert not {r.id for r in first.rows} & {r.id for r in second.rows}
    published = [r.published for r in first.rows + second.rows]
    assert published == sorted(published, reverse=True)
    assert by_publisher.rows and all(r.publisher == "Reuters" for r in by_publisher.rows)
    assert nothing.total == 0 and nothing.rows == []


def test_quote_listing_uses_the_shared_filter_and_pages(sessions):
    _seed(sessions)
    only = QuoteFilter(attribution=("unreviewed",))
    with sessions.begin() as s:
        page = browse.list_quotes(s, only, limit=7, offset=0)
        rest = browse.list_quotes(s, only, limit=1000, offset=7)
        expected = s.query(Quote).filter(Quote.attribution == "unreviewed").count()
    assert page.total == expected
    assert len(page.rows) + len(rest.rows) == expected
    assert all(q.attribution == "unreviewed" for q in page.rows + rest.rows)
    assert all(q.speaker_name for q in page.rows)


def test_next_unreviewed_follows_queue_order_and_skips_reviewed(sessions):
    _seed(sessions, articles=2, quotes_per_article=3)
    with sessions.begin() as s:
        for q in s.scalars(select(Quote)):
            q.attribution = "unreviewed"
        s.flush()
        ids = [q.id for q in s.scalars(select(Quote).order_by(Quote.article_id, Quote.position))]
        version = s.get(Quote, ids[1]).version
        review.decide_quote(
            s, ids[1], review.QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=version
        )
    with sessions.begin() as s:
        assert browse.next_unreviewed_quote(s, QuoteFilter()) == ids[0]
        assert browse.next_unreviewed_quote(s, QuoteFilter(), after=ids[0]) == ids[2]
        # After the last one it wraps to the first still unreviewed.
        assert browse.next_unreviewed_quote(s, QuoteFilter(), after=ids[-1]) == ids[0]
        assert browse.next_unreviewed_quote(s, QuoteFilter(article_id=999)) is None


def test_people_search_is_fuzzy_and_counts_are_per_person(sessions):
    _seed(sessions)
    with sessions.begin() as s:
        target = browse.list_people(s, limit=100).rows[3]
        misspelt = target.name.replace("a", "e", 1)
        found = browse.search_people(s, misspelt, limit=5)
        quoted = s.query(Quote).filter(Quote.speaker_id == target.id).count()
        articles = len({q.article_id for q in s.query(Quote).filter(Quote.speaker_id == target.id)})
    assert target.id in [p.id for p in found]
    assert (target.quotes, target.articles) == (quoted, articles)


def test_awaiting_reply_lists_overdue_first_then_oldest(sessions):
    _seed(sessions, articles=10, quotes_per_article=3)
    with sessions.begin() as s:
        for q in s.scalars(select(Quote)):
            q.follow_up_status, q.follow_up_deadline = "not_needed", None
        quotes = list(s.scalars(select(Quote).order_by(Quote.id)).all())
        quotes[0].follow_up_status, quotes[0].follow_up_deadline = "to_contact", date(2030, 1, 1)
        quotes[1].follow_up_status, quotes[1].follow_up_deadline = "contacted", date(2020, 1, 1)
        quotes[1].follow_up_contacted_at = datetime(2019, 12, 1, tzinfo=UTC)
        overdue_id, later_id = quotes[1].id, quotes[0].id
    with sessions.begin() as s:
        page = browse.awaiting_reply(s, today=date(2026, 1, 1), limit=50)
        article_open = s.query(FollowUp).filter(FollowUp.status.in_(browse.OPEN_ARTICLE_FOLLOW_UP_STATES)).count()
    assert page.total == 2 + article_open
    assert (page.rows[0].kind, page.rows[0].id) == ("quote", overdue_id)
    assert page.rows[0].overdue(date(2026, 1, 1))
    assert page.rows[0].since == datetime(2019, 12, 1, tzinfo=UTC)
    assert page.rows[0].attempts == 0
    assert ("quote", later_id) in [(r.kind, r.id) for r in page.rows]
    assert {r.kind for r in page.rows} == {"quote", "article"}


def test_a_follow_up_found_in_an_article_waits_since_the_article_was_published(sessions):
    _seed(sessions, articles=12, quotes_per_article=1)
    with sessions.begin() as s:
        for q in s.scalars(select(Quote)):
            q.follow_up_status = "not_needed"
        follow_up = s.scalars(select(FollowUp).order_by(FollowUp.id)).first()
        follow_up.status, follow_up.contacted_at = "no_response", None
        follow_up.article.published = date(2024, 8, 20)
        follow_up_id = follow_up.id
    with sessions.begin() as s:
        rows = {(r.kind, r.id): r for r in browse.awaiting_reply(s, today=date(2026, 1, 1), limit=50).rows}
    assert rows[("article", follow_up_id)].since == datetime(2024, 8, 20, tzinfo=UTC)


def test_desk_progress_counts_by_state(sessions):
    size = _seed(sessions)
    with sessions.begin() as s:
        progress = browse.desk_progress(s)
        unreviewed = s.query(Quote).filter(Quote.attribution == "unreviewed").count()
    assert progress.articles == size.articles and progress.quotes == size.quotes
    assert progress.reviewed == size.quotes - unreviewed
    assert sum(progress.by_verdict.values()) == size.quotes


def test_article_view_keeps_offsets_into_the_stored_text(sessions):
    _seed(sessions, articles=1, quotes_per_article=5)
    with sessions.begin() as s:
        view = browse.article_view(s, 1)
    assert len(view.quotes) == 5
    assert all(view.text[q.start : q.end] == q.text for q in view.quotes)
