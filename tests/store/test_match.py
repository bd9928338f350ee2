"""One speaker under many spellings: sure matches merge, doubtful ones become suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.models import MergeSuggestion, Person, Quote, ReviewEvent
from tests.store.fake_extraction import FakeExtractor, article, person, quote_at
from workbench.errors import InvalidValue
from workbench.ingest import ingest_items
from workbench.match import HONORIFICS, compare_names, name_key
from workbench.review import merge_people, reject_merge
from workbench.sources import ArticleInput


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("NasDem", "nasdem"),
        ("Pak Basri Rase", "basri rase"),
        ("Bapak  Basri Rase,", "basri rase"),
        ("Dr. Joni Muslim", "joni muslim"),
        ("H. Muhammad Sahib", "muhammad sahib"),
        ("Pak", "pak"),  # an honorific alone still names someone
        ("", ""),
        (None, ""),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("NasDem", "Nasdem", "same"),
        ("Pak Basri Rase", "Basri Rase", "same"),
        ("Bakhtiar Wakkang", "Bakhtiar Wakang", "same"),  # one letter off in a long name
        ("Basri", "Basri Rase", "doubtful"),  # surname or given name alone
        ("Muhammad Sahib", "Muhammad Sahid", "doubtful"),
        ("Joni Muslim", "Basri Rase", "different"),
        ("BW", "BP", "different"),  # short names: no fuzzy guessing
        ("Joko Widodo", "", "different"),
    ],
)
def test_compare_names(a, b, verdict):
    assert compare_names(a, b).verdict == verdict


def _store(sessions, monkeypatch, speakers_by_article):
    fake = FakeExtractor(monkeypatch)
    items = []
    for number, speakers in enumerate(speakers_by_article):
        text = " ".join(
            f'{speaker} berkata, "Kutipan nomor {number}-{i} dari {speaker}."' for i, speaker in enumerate(speakers)
        )
        quotes = [quote_at(text, f"Kutipan nomor {number}-{i} dari {s}.", s) for i, s in enumerate(speakers)]
        fake.outputs[text] = article(quotes=quotes, people=[person(s) for s in speakers])
        items.append(ArticleInput(text=text, id=f"a{number}"))
    summary = ingest_items(sessions, items)
    assert summary.rejected == []
    return summary


def _speakers(session):
    rows = session.execute(select(Quote.extracted_speaker, Quote.speaker_id).order_by(Quote.id)).all()
    return {speaker: person_id for speaker, person_id in rows}


def test_spellings_of_one_speaker_across_articles_are_one_person(sessions, monkeypatch):
    _store(sessions, monkeypatch, [["Pak Basri Rase", "NasDem"], ["Basri Rase", "Nasdem"], ["BASRI RASE"]])
    with sessions.begin() as s:
        ids = _speakers(s)
        assert ids["Pak Basri Rase"] == ids["Basri Rase"] == ids["BASRI RASE"]
        assert ids["NasDem"] == ids["Nasdem"]
        assert s.scalar(select(func.count(Person.id))) == 2
        assert s.scalar(select(func.count(MergeSuggestion.id))) == 0


def test_doubtful_match_is_a_suggestion_then_a_merge(sessions, monkeypatch):
    _store(sessions, monkeypatch, [["Basri Rase"], ["Basri"]])
    with sessions.begin() as s:
        ids = _speakers(s)
        assert ids["Basri Rase"] != ids["Basri"]  # no silent merge
        suggestion = s.scalars(select(MergeSuggestion)).one()
        assert (suggestion.person_id, suggestion.other_person_id) == (ids["Basri Rase"], ids["Basri"])
        assert "only part of the other name" in suggestion.reason
    with sessions.begin() as s:
        kept = merge_people(s, suggestion.id, reviewer="Ana")
        assert (kept.id, kept.name) == (ids["Basri Rase"], "Basri Rase")
        assert "Basri" in kept.aliases
    with sessions.begin() as s:
        assert set(s.scalars(select(Quote.speaker_id))) == {ids["Basri Rase"]}
        assert set(s.scalars(select(Quote.extracted_person_id))) == {ids["Basri Rase"]}
        assert s.get(Person, ids["Basri"]).merged_into_id == ids["Basri Rase"]
        assert s.get(MergeSuggestion, suggestion.id).status == "merged"
        event = s.scalars(select(ReviewEvent).where(ReviewEvent.field == "merged")).one()
        assert (event.reviewer, event.person_id) == ("Ana", ids["Basri Rase"])
        versions = set(s.scalars(select(Quote.version)))
    assert versions == {1}  # moving quotes to the kept person is not a review change
    with pytest.raises(InvalidValue, match="already merged by Ana"), sessions.begin() as s:
        reject_merge(s, suggestion.id, reviewer="Budi")
    # Later articles naming the merged spelling go to the kept person.
    _store(sessions, monkeypatch, [["Basri"]])
    with sessions.begin() as s:
        assert _speakers(s)["Basri"] == ids["Basri Rase"]


def test_rejected_suggestion_keeps_two_people(sessions, monkeypatch):
    _store(sessions, monkeypatch, [["Muhammad Sahib"], ["Muhammad Sahid"]])
    with sessions.begin() as s:
        suggestion_id = s.scalars(select(MergeSuggestion.id)).one()
        reject_merge(s, suggestion_id, reviewer="Ana")
    with sessions.begin() as s:
        assert s.get(MergeSuggestion, suggestion_id).status == "rejected"
        assert s.scalar(select(func.count(Person.id)).where(Person.merged_into_id.is_(None))) == 2


def test_aliases_and_roles_accumulate_from_each_article(sessions, monkeypatch):
    fake = FakeExtractor(monkeypatch)
    texts = ['BW berkata, "Saya kecewa."', 'Bakhtiar berkata, "Saya siap."']
    fake.outputs[texts[0]] = article(people=[person("Bakhtiar Wakkang", ["BW"], ["Sekretaris DPD Nasdem Bontang"])])
    fake.outputs[texts[1]] = article(people=[person("Bakhtiar Wakkang", ["Bakhtiar"], ["mantan DPRD Bontang"])])
    ingest_items(sessions, [ArticleInput(text=t, id=str(i)) for i, t in enumerate(texts)])
    with sessions.begin() as s:
        stored = s.scalars(select(Person)).one()
    assert stored.aliases == ["BW", "Bakhtiar"]
    assert stored.roles == ["Sekretaris DPD Nasdem Bontang", "mantan DPRD Bontang"]


@given(st.text(max_size=40))
def test_name_key_is_idempotent_and_ignores_case_and_honorifics(name):
    key = name_key(name)
    assert name_key(key) == key
    assert name_key(name.upper()) == name_key(name.lower()) or not name.isascii()
    if key and key.split()[0] not in HONORIFICS:
        assert name_key(f"Pak {name}") == key


@given(st.text(max_size=30), st.text(max_size=30))
def test_compare_names_is_symmetric(a, b):
    assert compare_names(a, b).verdict == compare_names(b, a).verdict


def test_two_writers_naming_the_same_new_person_make_one_person(sessions, monkeypatch):
    import threading
    import time

    from workbench.ingest import ingest_article

    fake = FakeExtractor(monkeypatch)
    texts = ['Budi Santoso berkata, "Satu."', 'Budi Santoso berkata, "Dua."']
    for text in texts:
        fake.outputs[text] = article(people=[person("Budi Santoso")])
    first = sessions()
    first.begin()
    ingest_article(first, ArticleInput(text=texts[0], id="a"))  # Budi created, not yet committed
    errors = []

    def second_writer():
        try:
            with sessions.begin() as s:
                ingest_article(s, ArticleInput(text=texts[1], id="b"))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(0.5)  # the second writer is now waiting for the first
    first.commit()
    first.close()
    thread.join(timeout=30)
    assert errors == []
    with sessions.begin() as s:
        assert s.scalars(select(Person.name)).all() == ["Budi Santoso"]
