"""Review decisions: state kept apart, every change audited, stale saves refused on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import ContactAttempt, FollowUp, Person, Quote
from tests.store.helpers import make_article
from workbench.errors import InvalidValue, NotFound, StaleEdit
from workbench.review import (
    FollowUpDecision,
    QuoteDecision,
    add_person,
    decide_follow_up,
    decide_quote,
    describe_event,
    history,
    log_contact_attempt,
)


@pytest.fixture
def quote_id(sessions):
    with sessions.begin() as s:
        return make_article(s).quotes[0].id


def test_confirm_records_reviewer_and_one_event_per_changed_field(sessions, quote_id):
    with sessions.begin() as s:
        decision = QuoteDecision(attribution="confirmed", verdict="false", notes="checked with BPS data")
        quote = decide_quote(s, quote_id, decision, reviewer="Ana", expected_version=1)
        assert quote.version == 2
    with sessions.begin() as s:
        quote = s.get(Quote, quote_id)
        assert (quote.attribution, quote.verdict, quote.notes) == ("confirmed", "false", "checked with BPS data")
        assert quote.reviewed_by == "Ana" and quote.reviewed_at is not None
        assert quote.follow_up_status == "not_needed"  # untouched: the three kinds of state are apart
        events = history(s, quote_id=quote_id)
    assert [(e.field, e.reviewer, e.version) for e in events] == [
        ("attribution", "Ana", 2),
        ("verdict", "Ana", 2),
        ("notes", "Ana", 2),
    ]
    assert describe_event(events[0]).endswith("attribution unreviewed -> confirmed")


def test_every_later_change_is_appended_never_rewritten(sessions, quote_id):
    with sessions.begin() as s:
        decide_quote(s, quote_id, QuoteDecision(verdict="false"), reviewer="Ana", expected_version=1)
    with sessions.begin() as s:
        decide_quote(s, quote_id, QuoteDecision(verdict=""), reviewer="Budi", expected_version=2)
    with sessions.begin() as s:
        events = history(s, quote_id=quote_id)
        assert s.get(Quote, quote_id).verdict is None
    assert [(e.reviewer, e.before, e.after) for e in events] == [
        ("Ana", None, '"false"'),
        ("Budi", '"false"', None),
    ]


def test_saving_from_an_old_version_names_who_changed_what(sessions, quote_id):
    with sessions.begin() as s:
        decide_quote(s, quote_id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
    with pytest.raises(StaleEdit) as caught:
        with sessions.begin() as s:
            decide_quote(s, quote_id, QuoteDecision(attribution="misattributed"), reviewer="Budi", expected_version=1)
    message = str(caught.value)
    assert message.startswith(f"Quote {quote_id} was changed by Ana at ")
    assert message.endswith("since you opened it: attribution unreviewed -> confirmed")
    assert caught.value.current_version == 2
    assert [e.field for e in caught.value.changes] == ["attribution"]
    with sessions.begin() as s:
        assert s.get(Quote, quote_id).attribution == "confirmed"  # Ana's decision stands


def test_two_transactions_racing_from_the_same_version_cannot_both_win(sessions, quote_id):
    first, second = sessions(), sessions()
    try:
        first.begin()
        second.begin()
        # Both open the quote at version 1 and pass the version check...
        assert first.get(Quote, quote_id).version == 1
        assert second.get(Quote, quote_id).version == 1
        decide_quote(first, quote_id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
        first.commit()
        # ...but the versioned UPDATE of the second matches no row any more.
        with pytest.raises(StaleEdit) as caught:
            decide_quote(
                second, quote_id, QuoteDecision(attribution="misattributed"), reviewer="Budi", expected_version=1
            )
        second.rollback()
    finally:
        first.close()
        second.close()
    assert "changed by Ana" in str(caught.value) and "unreviewed -> confirmed" in str(caught.value)
    with sessions.begin() as s:
        quote = s.get(Quote, quote_id)
        assert (quote.attribution, quote.reviewed_by, quote.version) == ("confirmed", "Ana", 2)
        assert [e.reviewer for e in history(s, quote_id=quote_id)] == ["Ana"]


def test_correcting_a_speaker_keeps_the_machine_guess(sessions, quote_id):
    with sessions.begin() as s:
        guess = s.get(Quote, quote_id).extracted_person_id
        decision = QuoteDecision(attribution="corrected", speaker_name="Pak Joni Muslim")
        quote = decide_quote(s, quote_id, decision, reviewer="Ana", expected_version=1)
        corrected = quote.speaker_id
        assert corrected != guess and quote.extracted_person_id == guess
        assert s.get(Person, corrected).name == "Pak Joni Muslim"
        # The same name again reuses that person (normalised: honorific and case ignored).
        assert add_person(s, "joni muslim", reviewer="Budi").id == corrected
        speaker_event = [e for e in history(s, quote_id=quote_id) if e.field == "speaker"][0]
        assert "Basri Rase -> Pak Joni Muslim" in describe_event(speaker_event)
    with sessions.begin() as s:
        quote = decide_quote(s, quote_id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=2)
        assert quote.speaker_id == guess  # confirming the machine's speaker undoes the correction


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (QuoteDecision(attribution="maybe"), "Unknown attribution 'maybe'"),
        (QuoteDecision(attribution="corrected"), "needs the right speaker"),
        (QuoteDecision(attribution="confirmed", speaker_name="X"), "only be given with attribution 'corrected'"),
        (QuoteDecision(follow_up="waiting"), "Unknown follow-up status 'waiting'"),
        (QuoteDecision(verdict="pants_on_fire"), "Unknown verdict 'pants_on_fire'"),
        (QuoteDecision(evidence_links=["javascript:alert(1)"]), "is not a web address"),
    ],
)
def test_invalid_decisions_are_refused_and_change_nothing(sessions, quote_id, decision, message):
    with pytest.raises(InvalidValue, match=message):
        with sessions.begin() as s:
            decide_quote(s, quote_id, decision, reviewer="Ana", expected_version=1)
    with sessions.begin() as s:
        quote = s.get(Quote, quote_id)
        assert (quote.version, quote.attribution, quote.reviewed_by) == (1, "unreviewed", None)
        assert history(s, quote_id=quote_id) == []


def test_unknown_quote_and_missing_reviewer(sessions, quote_id):
    with pytest.raises(NotFound, match="Quote 999999 does not exist"), sessions.begin() as s:
        decide_quote(s, 999999, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
    with pytest.raises(InvalidValue, match="reviewer name"), sessions.begin() as s:
        decide_quote(s, quote_id, QuoteDecision(attribution="confirmed"), reviewer=" ", expected_version=1)


def test_quote_follow_up_contact_is_logged_with_summary(sessions, quote_id):
    with sessions.begin() as s:
        decision = QuoteDecision(
            follow_up="contacted", follow_up_channel="WhatsApp", follow_up_deadline=date(2026, 12, 1)
        )
        decide_quote(s, quote_id, decision, reviewer="Ana", expected_version=1)
    with sessions.begin() as s:
        decision = QuoteDecision(follow_up="no_response", follow_up_summary="no response from party chair")
        decide_quote(s, quote_id, decision, reviewer="Ana", expected_version=2)
        log_contact_attempt(s, reviewer="Ana", quote_id=quote_id, channel="phone", outcome="no_response")
    with sessions.begin() as s:
        quote = s.get(Quote, quote_id)
        assert quote.follow_up_status == "no_response"
        assert quote.follow_up_summary == "no response from party chair"
        assert quote.follow_up_contacted_at is not None and quote.follow_up_deadline == date(2026, 12, 1)
        attempts = s.scalars(select(ContactAttempt).order_by(ContactAttempt.id)).all()
        assert [(a.channel, a.outcome, a.logged_by) for a in attempts] == [
            ("WhatsApp", "contacted", "Ana"),
            ("phone", "no_response", "Ana"),
        ]
        assert "contact_attempt" in [e.field for e in history(s, quote_id=quote_id)]


def test_article_follow_up_is_versioned_and_audited(sessions, quote_id):
    with sessions.begin() as s:
        follow_up_id = s.scalars(select(FollowUp.id)).one()
        decision = FollowUpDecision(status="contacted", channel="email", summary="asked for comment")
        follow_up = decide_follow_up(s, follow_up_id, decision, reviewer="Ana", expected_version=1)
        assert (follow_up.status, follow_up.updated_by, follow_up.version) == ("contacted", "Ana", 2)
    with pytest.raises(StaleEdit, match=r"Follow-up \d+ was changed by Ana .*status no_response -> contacted"):
        with sessions.begin() as s:
            decide_follow_up(s, follow_up_id, FollowUpDecision(status="declined"), reviewer="Budi", expected_version=1)
    with sessions.begin() as s:
        fields = [e.field for e in history(s, follow_up_id=follow_up_id)]
    assert set(fields) == {"status", "channel", "contacted_at", "summary", "contact_attempt"}


def test_a_save_blocked_by_another_writer_says_so_and_writes_nothing(sqlite_engine):
    from db.engine import make_session_factory
    from workbench.errors import DatabaseUnavailable

    sessions = make_session_factory(sqlite_engine)
    with sessions.begin() as s:
        quote_id = make_article(s).quotes[0].id
    holder = sessions()
    try:
        holder.begin()
        decide_quote(holder, quote_id, QuoteDecision(notes="mine"), reviewer="Ana", expected_version=1)
        # Ana's transaction still holds SQLite's write lock when Budi saves.
        with pytest.raises(DatabaseUnavailable, match="busy with another save"), sessions.begin() as s:
            decide_quote(s, quote_id, QuoteDecision(notes="theirs"), reviewer="Budi", expected_version=1)
        holder.commit()
    finally:
        holder.close()
    with sessions.begin() as s:
        assert s.get(Quote, quote_id).notes == "mine"
        assert [e.reviewer for e in history(s, quote_id=quote_id)] == ["Ana"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "(empty)"),
        ("", "(empty)"),
        ([], "(empty)"),
        ("confirmed", "confirmed"),
        ({"id": 3, "name": "Basri Rase"}, "Basri Rase"),
        (["https://a.example/1", "https://b.example/2"], "https://a.example/1, https://b.example/2"),
        ("2026-11-28T10:02:59.5+00:00", "2026-11-28 10:02 UTC"),
        ("2026-12-01", "2026-12-01"),  # a date stays a date
        ({"id": 1, "channel": "phone", "outcome": "no_response"}, "channel phone, outcome no_response"),
        (False, "False"),
    ],
)
def test_event_values_read_plainly(value, shown):
    from workbench.review import show_value

    assert show_value(value) == shown
