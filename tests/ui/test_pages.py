"""The app driven by Streamlit's AppTest: pages load, and review decisions reach the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import ContactAttempt, FollowUp, Person, Quote, ReviewEvent
from tests.ui.conftest import button, no_errors, run_app
from workbench import review
from workbench.ingest import ingest_article
from workbench.sources import ArticleInput

PAGES = ["articles", "article_review", "queue", "people", "follow_ups", "dashboard"]
if (Path(__file__).resolve().parents[2] / "workbench" / "ui" / "pages" / "export.py").is_file():
    PAGES.append("export")  # the export engineer's page, registered by app.py once it exists


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_on_an_empty_database(empty_db, page):
    at = run_app(page=page)
    no_errors(at)
    if page == "articles":
        assert any("No articles yet" in i.value for i in at.info)
        assert at.expander[0].proto.expanded  # "Add articles" is open when there is nothing yet


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_on_a_seeded_database(desk, page):
    at = run_app(page=page, query={"article": "5"})
    no_errors(at)
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.title, *at.subheader])
    assert shown.strip()
    if page == "articles":
        assert at.dataframe[0].value["title"].str.startswith("Article").all()


def test_the_demo_article_is_there_on_first_start(app_url):
    at = run_app(page="article_review")
    no_errors(at)
    assert any("Bakhtiar Wakkang" in m.value for m in at.markdown)


def test_the_reviewer_name_is_asked_once_and_kept(desk):
    at = run_app(reviewer=None, page="queue")
    assert not [b for b in at.button if b.label == "Save and next" and not b.disabled]
    at.sidebar.text_input(key="reviewer_input").input("Siti Rahma")
    button(at, "Start reviewing").click().run()
    assert at.session_state["reviewer"] == "Siti Rahma"
    assert any("Siti Rahma" in m.value for m in at.sidebar.markdown)
    at.switch_page("workbench/ui/pages/people.py").run()
    assert not [t for t in at.sidebar.text_input if t.key == "reviewer_input"]


def _first_quote(sessions, article_id=5) -> Quote:
    with sessions.begin() as s:
        return s.scalars(select(Quote).where(Quote.article_id == article_id).order_by(Quote.position)).first()


def _open_quote(quote: Quote, *, reviewer="Ana"):
    at = run_app(reviewer=reviewer, page="article_review", query={"article": str(quote.article_id)})
    at.selectbox(key=f"review_quote_{quote.article_id}").set_value(quote.id).run()
    no_errors(at)
    return at


def _field(at, quote: Quote, name: str, version: int | None = None):
    key = f"review_q{quote.id}v{version or quote.version}_{name}"
    for group in (at.selectbox, at.text_input, at.text_area, at.date_input):
        for widget in group:
            if widget.key == key:
                return widget
    raise AssertionError(f"no field {key}")


def test_confirming_a_quote_is_stored_with_the_reviewer(desk):
    quote = _first_quote(desk)
    with desk.begin() as s:
        s.get(Quote, quote.id).attribution = "unreviewed"
    quote = _first_quote(desk)
    at = _open_quote(quote)
    _field(at, quote, "attribution").set_value("confirmed")
    button(at, "Save").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        assert (stored.attribution, stored.reviewed_by) == ("confirmed", "Ana")
        events = s.scalars(select(ReviewEvent).where(ReviewEvent.quote_id == quote.id)).all()
        assert [(e.field, e.reviewer) for e in events] == [("attribution", "Ana")]
    # The form now shows the stored state, and the history tab lists the change.
    assert _field(at, quote, "attribution", stored.version).value == "confirmed"
    assert any("attribution" in str(df.value.to_dict()) for df in at.dataframe)


def test_correcting_the_speaker_to_a_known_person(desk):
    quote = _first_quote(desk)
    with desk.begin() as s:
        other = s.scalars(select(Person).where(Person.id != quote.speaker_id).order_by(Person.id)).first()
        other_id, other_name = other.id, other.name
    at = _open_quote(quote)
    # The fuzzy search lists the person; choosing them is a correction.
    at.text_input(key=f"review_find_{quote.id}").input(other_name.replace("a", "e", 1)).run()
    _field(at, quote, "speaker").set_value(other_id)
    button(at, "Save").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        assert (stored.speaker_id, stored.attribution) == (other_id, "corrected")
        assert stored.extracted_person_id == quote.extracted_person_id


def test_correcting_the_speaker_to_a_new_person(desk):
    quote = _first_quote(desk)
    at = _open_quote(quote)
    _field(at, quote, "new_person").input("Rahmat Hidayat")
    _field(at, quote, "role").input("Kepala Desa")
    button(at, "Save").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        person = s.get(Person, stored.speaker_id)
        assert (person.name, person.roles, stored.attribution) == ("Rahmat Hidayat", ["Kepala Desa"], "corrected")


def test_follow_up_and_verdict_are_stored(desk):
    quote = _first_quote(desk)
    at = _open_quote(quote)
    _field(at, quote, "follow_up").set_value("no_response")
    _field(at, quote, "channel").input("WhatsApp")
    _field(at, quote, "deadline").set_value(date(2026, 12, 1))
    _field(at, quote, "summary").input("no response from party chair")
    _field(at, quote, "verdict").set_value("misleading")
    _field(at, quote, "notes").input("BPS data says otherwise")
    _field(at, quote, "links").input("https://example.org/bps\nhttps://example.org/other")
    button(at, "Save").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        assert stored.follow_up_status == "no_response"
        assert stored.follow_up_channel == "WhatsApp"
        assert stored.follow_up_deadline == date(2026, 12, 1)
        assert stored.follow_up_summary == "no response from party chair"
        assert stored.verdict == "misleading"
        assert stored.notes == "BPS data says otherwise"
        assert stored.evidence_links == ["https://example.org/bps", "https://example.org/other"]


def test_a_bad_evidence_link_is_refused_with_a_message(desk):
    quote = _first_quote(desk)
    at = _open_quote(quote)
    _field(at, quote, "links").input("not a link")
    button(at, "Save").click().run()
    assert not at.exception
    assert any("not a web address" in e.value for e in at.error)
    with desk.begin() as s:
        assert s.get(Quote, quote.id).version == quote.version


def test_a_stale_save_is_refused_shown_and_can_be_reapplied(desk):
    quote = _first_quote(desk)
    at = _open_quote(quote, reviewer="Ana")
    _field(at, quote, "verdict").set_value("false")
    # Budi saves the same quote after Ana opened it and before she submits.
    with desk.begin() as s:
        review.decide_quote(
            s, quote.id, review.QuoteDecision(notes="checked with BPS"), reviewer="Budi", expected_version=quote.version
        )
    button(at, "Save").click().run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "Budi" in warning and "Not saved" in warning
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        assert (stored.verdict, stored.notes) == (quote.verdict, "checked with BPS")
    tables = [df.value for df in at.dataframe]
    assert any("stored now (theirs)" in t.columns for t in tables)
    button(at, "Reapply my changes").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(Quote, quote.id)
        assert (stored.verdict, stored.notes) == ("false", "checked with BPS")


def test_queue_save_and_next_moves_to_the_next_unreviewed_quote(desk):
    with desk.begin() as s:
        for q in s.scalars(select(Quote)):
            q.attribution = "unreviewed"
        first, second = s.scalars(select(Quote).order_by(Quote.article_id, Quote.position).limit(2)).all()
        first_id, second_id, first_version = first.id, second.id, first.version
    at = run_app(page="queue")
    no_errors(at)
    attribution = next(w for w in at.selectbox if w.key == f"queue_q{first_id}v{first_version}_attribution")
    attribution.set_value("confirmed")
    button(at, "Save and next").click().run()
    no_errors(at)
    with desk.begin() as s:
        assert s.get(Quote, first_id).attribution == "confirmed"
    assert any(w.key and w.key.startswith(f"queue_q{second_id}v") for w in at.selectbox)


def test_article_follow_up_is_edited_on_the_review_page(desk):
    with desk.begin() as s:
        follow_up = s.scalars(select(FollowUp).order_by(FollowUp.id)).first()
        follow_up_id, article_id, version = follow_up.id, follow_up.article_id, follow_up.version
    at = run_app(page="article_review", query={"article": str(article_id)})
    status = next(w for w in at.selectbox if w.key == f"review_f{follow_up_id}v{version}_status")
    status.set_value("declined")
    next(w for w in at.text_input if w.key == f"review_f{follow_up_id}v{version}_summary").input("party chair declined")
    button(at, "Save follow-up").click().run()
    no_errors(at)
    with desk.begin() as s:
        stored = s.get(FollowUp, follow_up_id)
        assert (stored.status, stored.summary, stored.updated_by) == ("declined", "party chair declined", "Ana")


def test_article_text_and_labels_are_escaped(empty_db):
    hostile = (
        'Judul <script>alert("x")</script> dan [klik](javascript:alert(1)) serta $x$.\n'
        '"Saya <b>tidak</b> **setuju**," kata Budi Santoso.\n'
    )
    with empty_db.begin() as s:
        result = ingest_article(s, ArticleInput(text=hostile, id="hostile", title="<img src=x onerror=alert(1)>"))
    at = run_app(page="article_review", query={"article": str(result.article_id)})
    no_errors(at)
    article = next(m.value for m in at.markdown if "qw-article" in m.value and "<div" in m.value)
    assert "<script" not in article and "<b>" not in article and "[klik]" not in article
    assert "&#60;script&#62;" in article and "&#91;klik&#93;" in article
    heading = " ".join(h.value for h in at.subheader)
    assert heading == "\\<img src\\=x onerror\\=alert\\(1\\)\\>"  # every Markdown/HTML character escaped


def test_uploading_files_adds_articles_and_reports_bad_ones(empty_db):
    at = run_app(page="articles")
    at.file_uploader[0].set_value(
        [
            ("one.txt", b'"Kami siap," kata Budi Santoso, Ketua RT.\n', "text/plain"),
            ("two.jsonl", b'{"id": "a2", "text": "\\"Tidak benar,\\" ujar Siti."}\nnot json\n', "application/json"),
        ]
    )
    button(at, "Add files").click().run()
    assert not at.exception
    assert any("2 new" in s.value for s in at.success)
    assert any("two.jsonl:2" in w.value.replace("\\", "") for w in at.warning)
    assert len(at.dataframe[0].value) == 2


def test_merge_suggestions_are_merged_or_rejected_by_a_click(desk):
    from db.models import MergeSuggestion

    with desk.begin() as s:
        first, second = s.scalars(select(MergeSuggestion).order_by(MergeSuggestion.id).limit(2)).all()
        merge_id, reject_id, merged_person = first.id, second.id, first.other_person_id
    at = run_app(page="people")
    no_errors(at)
    at.button(key=f"merge_{merge_id}").click().run()
    no_errors(at)
    at.button(key=f"reject_{reject_id}").click().run()
    no_errors(at)
    with desk.begin() as s:
        assert s.get(MergeSuggestion, merge_id).status == "merged"
        assert s.get(MergeSuggestion, reject_id).status == "rejected"
        assert s.get(Person, merged_person).merged_into_id is not None
        assert s.get(MergeSuggestion, reject_id).decided_by == "Ana"
    assert not [b for b in at.button if b.key in (f"merge_{merge_id}", f"reject_{reject_id}")]


def test_a_person_s_quotes_are_listed(desk):
    at = run_app(page="people")
    chooser = next(s for s in at.selectbox if s.key and s.key.startswith("people_choice_"))
    with desk.begin() as s:
        first = s.scalars(
            select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.name, Person.id)
        ).first()
        expected = s.query(Quote).filter(Quote.speaker_id == first.id).count()
    chooser.set_value(first.id).run()
    no_errors(at)
    assert any(h.value == f"Quotes by {first.name}" for h in at.subheader)
    assert len(at.dataframe[-1].value) == min(expected, 100)


def test_follow_ups_page_updates_an_item_and_logs_an_attempt(desk):
    with desk.begin() as s:
        follow_up = s.scalars(select(FollowUp).order_by(FollowUp.id)).first()
        follow_up_id, version = follow_up.id, follow_up.version
    at = run_app(page="follow_ups")
    no_errors(at)
    waiting_before = int(at.caption[0].value.split()[0])
    at.selectbox(key="follow_ups_choice_0").set_value(f"article:{follow_up_id}").run()
    no_errors(at)
    at.text_input(key=f"follow_ups_attempts_f{follow_up_id}_attempt_channel").input("phone")
    at.text_input(key=f"follow_ups_attempts_f{follow_up_id}_attempt_note").input("rang the office twice")
    button(at, "Log attempt").click().run()
    no_errors(at)
    next(w for w in at.selectbox if w.key == f"follow_ups_f{follow_up_id}v{version}_status").set_value("responded")
    button(at, "Save follow-up").click().run()
    no_errors(at)
    # Answered: it leaves the list of what awaits a response.
    assert int(at.caption[0].value.split()[0]) == waiting_before - 1
    with desk.begin() as s:
        assert s.get(FollowUp, follow_up_id).status == "responded"
        notes = [a.note for a in s.query(ContactAttempt).filter(ContactAttempt.follow_up_id == follow_up_id)]
        assert "rang the office twice" in notes


def test_pasting_an_article_stores_it(empty_db):
    at = run_app(page="articles")
    at.text_area[0].input('"Harga beras naik," kata Menteri Perdagangan Budi Santoso.')
    next(t for t in at.text_input if t.label == "Title (optional)").input("Harga beras")
    button(at, "Add article").click().run()
    assert not at.exception
    assert any("1 new" in s.value for s in at.success)
    assert at.dataframe[0].value["title"].tolist() == ["Harga beras"]


def test_an_unreachable_database_is_one_message_not_a_traceback(app_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = run_app(page="queue")
    assert not at.exception
    assert at.error and "database" in at.error[0].value.lower()


def _app_url_for(engine) -> str:
    """The URL of the test database, with the PostgreSQL schema the fixture made for this test."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name != "postgresql":
        return url
    with engine.connect() as connection:
        schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def test_pages_and_a_decision_on_both_backends(engine, monkeypatch):
    import streamlit as st

    from db.engine import make_session_factory
    from workbench.benchmarks.pages import seed_desk

    monkeypatch.setenv("WORKBENCH_DATABASE_URL", _app_url_for(engine))
    st.cache_resource.clear()
    sessions = make_session_factory(engine)
    with sessions.begin() as s:
        seed_desk(s, articles=6, quotes_per_article=3, people=10, seed=5)
    try:
        for page in PAGES:
            no_errors(run_app(page=page, query={"article": "5"}))
        quote = _first_quote(sessions)
        at = _open_quote(quote)
        _field(at, quote, "verdict").set_value("true")
        button(at, "Save").click().run()
        no_errors(at)
        with sessions.begin() as s:
            assert (s.get(Quote, quote.id).verdict, s.get(Quote, quote.id).reviewed_by) == ("true", "Ana")
    finally:
        st.cache_resource.clear()


def test_a_stale_follow_up_save_shows_both_and_keeping_theirs_discards_mine(desk):
    with desk.begin() as s:
        follow_up = s.scalars(select(FollowUp).order_by(FollowUp.id)).first()
        follow_up_id, article_id, version = follow_up.id, follow_up.article_id, follow_up.version
    at = run_app(page="article_review", query={"article": str(article_id)})
    next(w for w in at.text_input if w.key == f"review_f{follow_up_id}v{version}_summary").input("mine")
    with desk.begin() as s:
        review.decide_follow_up(
            s, follow_up_id, review.FollowUpDecision(summary="theirs"), reviewer="Budi", expected_version=version
        )
    button(at, "Save follow-up").click().run()
    assert not at.exception
    assert any("Budi" in w.value for w in at.warning)
    comparison = next(df.value for df in at.dataframe if "yours" in df.value.columns)
    assert comparison.to_dict("records") == [{"field": "summary", "stored now (theirs)": "theirs", "yours": "mine"}]
    button(at, "Keep theirs").click().run()
    no_errors(at)
    assert not at.warning
    with desk.begin() as s:
        assert s.get(FollowUp, follow_up_id).summary == "theirs"
    # The form now shows what is stored.
    assert at.text_input(key=f"review_f{follow_up_id}v{version + 1}_summary").value == "theirs"


def test_the_article_list_pages_through_the_database(app_url):
    from workbench.benchmarks.pages import seed_desk
    from workbench.startup import open_database

    sessions = open_database(app_url, load_demo_if_empty=False)
    with sessions.begin() as s:
        seed_desk(s, articles=30, quotes_per_article=1, people=5, seed=2)
    at = run_app(page="articles")
    first_page = at.dataframe[0].value["id"].tolist()
    assert len(first_page) == 25 and any("30 articles" in c.value for c in at.caption)
    at.pagination[0].select(2).run()
    no_errors(at)
    second_page = at.dataframe[0].value["id"].tolist()
    assert len(second_page) == 5 and not set(first_page) & set(second_page)
    # A new search starts again at its first page.
    at.text_input(key="articles_search").input("desk-1").run()
    assert set(at.dataframe[0].value["id"]) == {i for i in range(1, 31) if str(i).startswith("1")}


def test_a_bad_url_is_one_message_and_the_list_stays(desk):
    at = run_app(page="articles")
    next(t for t in at.text_input if t.label == "Article URL").input("not a url")
    button(at, "Fetch and add").click().run()
    assert not at.exception
    assert any("not a web address" in e.value for e in at.error)
    assert len(at.dataframe[0].value) == 15  # the list below is still there


def test_a_nameless_person_is_refused_where_it_was_typed(desk):
    with desk.begin() as s:
        people_before = s.query(Person).count()
    at = run_app(page="people")
    next(t for t in at.text_input if t.label == "Name").input("  ")
    button(at, "Add person").click().run()
    assert not at.exception
    assert any("usable person name" in e.value for e in at.error)
    with desk.begin() as s:
        assert s.query(Person).count() == people_before


def test_the_queue_moves_on_when_its_quote_was_removed(desk):
    at = run_app(page="queue")
    shown = next(
        w.key for w in at.selectbox if w.key and w.key.startswith("queue_q") and w.key.endswith("_attribution")
    )
    removed_id = int(shown.removeprefix("queue_q").split("v")[0])
    with desk.begin() as s:
        s.delete(s.get(Quote, removed_id))
    at.run()
    no_errors(at)
    now = next(w.key for w in at.selectbox if w.key and w.key.startswith("queue_q") and w.key.endswith("_attribution"))
    assert not now.startswith(f"queue_q{removed_id}v")
