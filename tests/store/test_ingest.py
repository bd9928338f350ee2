"""Ingest: dedupe, updates, re-extraction that keeps review work, and batches that survive bad input."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from db.models import Article, FollowUp, Quote
from tests.store.fake_extraction import FakeExtractor, article, follow_up, quote_at
from workbench.errors import BadInput
from workbench.ingest import ingest_article, ingest_items
from workbench.review import FollowUpDecision, QuoteDecision, decide_follow_up, decide_quote, history
from workbench.sources import ArticleInput

TEXT = (
    'Basri Rase berkata, "Jalan kota akan diperbaiki tahun ini." '
    'Joni Muslim menjawab, "Anggaran belum cukup untuk semua jalan." '
    'Warga menilai, "Kami sudah menunggu lima tahun lamanya."'
)
FIRST, SECOND, THIRD = (
    "Jalan kota akan diperbaiki tahun ini.",
    "Anggaran belum cukup untuk semua jalan.",
    "Kami sudah menunggu lima tahun lamanya.",
)


@pytest.fixture
def fake(monkeypatch):
    fake = FakeExtractor(monkeypatch)
    fake.outputs[TEXT] = article(
        quotes=[
            quote_at(TEXT, FIRST, "Basri Rase"),
            quote_at(TEXT, SECOND, "Joni Muslim"),
            quote_at(TEXT, THIRD, None),
        ],
        follow_ups=[follow_up("Joni Muslim", "pending", "Redaksi masih menunggu jawaban Joni Muslim.")],
    )
    return fake


def ingest(sessions, text=TEXT, **kwargs):
    item = ArticleInput(text=text, id=kwargs.pop("id", "jalan-kota"), source=kwargs.pop("source", "jalan.txt"))
    with sessions.begin() as s:
        return ingest_article(s, item, **kwargs)


def stored_quotes(sessions, article_id):
    with sessions.begin() as s:
        return s.scalars(select(Quote).where(Quote.article_id == article_id).order_by(Quote.position)).all()


def test_same_article_twice_is_stored_once(sessions, fake):
    first = ingest(sessions)
    again = ingest(sessions)
    respaced = ingest(sessions, TEXT.replace(" ", "  ") + "\n", id="another-name")
    assert (first.status, again.status, respaced.status) == ("new", "unchanged", "unchanged")
    assert first.article_id == again.article_id == respaced.article_id
    assert (first.quotes, again.quotes) == (3, 3)
    assert fake.calls == 1  # unchanged articles are not extracted again
    with sessions.begin() as s:
        assert s.scalar(select(func.count(Article.id))) == 1
        assert s.scalar(select(func.count(Quote.id))) == 3
        assert s.scalars(select(FollowUp.status)).all() == ["to_contact"]  # pending -> to_contact


def test_same_id_with_new_text_is_an_update_of_that_article(sessions, fake):
    first = ingest(sessions)
    corrected = TEXT.replace("lima tahun", "enam tahun")
    fake.outputs[corrected] = article(quotes=[quote_at(corrected, FIRST, "Basri Rase")])
    update = ingest(sessions, corrected)
    assert (update.status, update.article_id) == ("updated", first.article_id)
    with sessions.begin() as s:
        stored = s.get(Article, first.article_id)
        assert stored.text == corrected
        assert s.scalar(select(func.count(Article.id))) == 1
    assert [q.text for q in stored_quotes(sessions, first.article_id)] == [FIRST]


def test_reextraction_keeps_review_work_and_flags_what_disappeared(sessions, fake):
    article_id = ingest(sessions).article_id
    first, second, third = stored_quotes(sessions, article_id)
    with sessions.begin() as s:
        decide_quote(s, first.id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
        decide_quote(s, second.id, QuoteDecision(verdict="misleading"), reviewer="Ana", expected_version=1)
    # The improved extractor trims the first quote, no longer finds the second or third, finds a new one.
    trimmed = FIRST.rstrip(".")
    fake.outputs[TEXT] = article(quotes=[quote_at(TEXT, trimmed, "Basri Rase"), quote_at(TEXT, "Warga menilai", None)])

    result = ingest(sessions, reextract=True)

    assert (result.status, result.quotes, result.flagged) == ("updated", 2, 1)
    rows = {q.id: q for q in stored_quotes(sessions, article_id)}
    kept = rows[first.id]  # matched by fuzzy text: same row, same review state, new offsets
    assert (kept.text, kept.attribution, kept.reviewed_by, kept.orphaned) == (trimmed, "confirmed", "Ana", False)
    orphan = rows[second.id]  # reviewed but gone: kept and flagged, never deleted
    assert orphan.orphaned and orphan.verdict == "misleading" and "not found by extractor" in orphan.flag_reason
    assert TEXT[orphan.start : orphan.end] == SECOND
    assert third.id not in rows  # unreviewed and gone: replaced
    assert sorted(q.text for q in rows.values()) == sorted([trimmed, "Warga menilai", SECOND])
    with sessions.begin() as s:
        orphan_events = [(e.reviewer, e.field) for e in history(s, quote_id=second.id)]
    assert ("re-extraction", "orphaned") in orphan_events


def test_a_reviewer_with_the_quote_open_is_told_re_extraction_changed_it(sessions, fake):
    article_id = ingest(sessions).article_id
    first = stored_quotes(sessions, article_id)[0]
    with sessions.begin() as s:
        decide_quote(s, first.id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
    fake.outputs[TEXT] = article(quotes=[])
    ingest(sessions, reextract=True)
    with pytest.raises(Exception, match=r"changed by re-extraction at .*orphaned False -> True"):
        with sessions.begin() as s:
            decide_quote(s, first.id, QuoteDecision(verdict="true"), reviewer="Ana", expected_version=2)


def test_new_extractor_version_reextracts_without_being_asked(sessions, fake):
    ingest(sessions)
    fake.version = "test-2"
    assert ingest(sessions).status == "updated"
    with sessions.begin() as s:
        assert s.scalars(select(Article.extractor_version)).one() == "test-2"
    assert ingest(sessions).status == "unchanged"


def test_reviewed_follow_up_survives_reextraction(sessions, fake):
    article_id = ingest(sessions).article_id
    with sessions.begin() as s:
        follow_up_id = s.scalars(select(FollowUp.id).where(FollowUp.article_id == article_id)).one()
        decision = FollowUpDecision(status="no_response", summary="no response from party chair")
        decide_follow_up(s, follow_up_id, decision, reviewer="Ana", expected_version=1)
    fake.outputs[TEXT] = article()
    assert ingest(sessions, reextract=True).flagged == 1
    with sessions.begin() as s:
        kept = s.get(FollowUp, follow_up_id)
        assert (kept.status, kept.summary, kept.orphaned) == ("no_response", "no response from party chair", True)


def test_a_bad_item_or_a_crash_does_not_stop_the_batch_or_lose_stored_work(sessions, fake):
    article_id = ingest(sessions).article_id
    first = stored_quotes(sessions, article_id)[0]
    with sessions.begin() as s:
        decide_quote(s, first.id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
    fake.outputs["Artikel rusak."] = RuntimeError("extractor bug")
    fake.outputs[TEXT] = RuntimeError("crashed while re-extracting")
    items = [
        ArticleInput(text="Artikel pertama.", id="a", source="folder/a.txt"),
        BadInput("not UTF-8 text", source="folder/b.txt"),
        ArticleInput(text="Artikel rusak.", id="c", source="folder/c.txt"),
        ArticleInput(text=TEXT, id="jalan-kota", source="jalan.txt"),
        ArticleInput(text="   ", id="e", source="folder/e.txt"),
        ArticleInput(text="Artikel terakhir.", id="f", source="folder/f.txt"),
    ]
    seen = []
    summary = ingest_items(sessions, items, reextract=True, progress=lambda done, name: seen.append((done, name)))
    assert (summary.new, summary.updated, summary.unchanged) == (2, 0, 0)
    assert summary.rejected == [
        "folder/b.txt: not UTF-8 text",
        "folder/c.txt: could not be stored (RuntimeError: extractor bug)",
        "jalan.txt: could not be stored (RuntimeError: crashed while re-extracting)",
        "folder/e.txt: the article has no text",
    ]
    assert [done for done, _name in seen] == [1, 2, 3, 4, 5, 6]
    with sessions.begin() as s:
        assert s.scalar(select(func.count(Article.id))) == 3
        assert s.get(Quote, first.id).attribution == "confirmed"
        assert s.scalar(select(func.count(Quote.id))) == 3


def test_extraction_in_worker_processes_stores_the_same(sessions, fake):
    texts = [f'Warga ke-{n} berkata, "Jalan nomor {n} rusak parah."' for n in range(6)]
    for n, text in enumerate(texts):
        fake.outputs[text] = article(quotes=[quote_at(text, f"Jalan nomor {n} rusak parah.", f"Warga {n}")])
    fake.outputs[texts[3]] = RuntimeError("extractor bug")
    items = [ArticleInput(text=t, id=f"w{n}", source=f"w{n}.txt") for n, t in enumerate(texts)]
    summary = ingest_items(sessions, items, workers=2)
    assert (summary.new, summary.quotes) == (5, 5)
    assert summary.rejected == ["w3.txt: could not be stored (RuntimeError: extractor bug)"]
    assert ingest_items(sessions, items, workers=2).unchanged == 5


def test_a_flagged_quote_found_again_is_unflagged_and_a_new_speaker_guess_is_flagged(sessions, fake):
    original = fake.outputs[TEXT]
    article_id = ingest(sessions).article_id
    first, second, _third = stored_quotes(sessions, article_id)
    with sessions.begin() as s:
        decide_quote(s, first.id, QuoteDecision(attribution="confirmed"), reviewer="Ana", expected_version=1)
        decide_quote(s, second.id, QuoteDecision(verdict="false"), reviewer="Ana", expected_version=1)
    fake.outputs[TEXT] = article(quotes=[quote_at(TEXT, FIRST, "Joni Muslim")])
    ingest(sessions, reextract=True)
    fake.outputs[TEXT] = dataclasses.replace(
        original, quotes=(quote_at(TEXT, FIRST, "Joni Muslim"), *original.quotes[1:])
    )
    assert ingest(sessions, reextract=True).flagged == 0

    rows = {q.id: q for q in stored_quotes(sessions, article_id)}
    assert (rows[second.id].orphaned, rows[second.id].flag_reason, rows[second.id].verdict) == (False, None, "false")
    confirmed = rows[first.id]
    assert confirmed.speaker_id == first.speaker_id  # the confirmed speaker stays
    assert confirmed.extracted_speaker == "Joni Muslim"
    assert confirmed.flag_reason == "re-extraction now attributes this quote to Joni Muslim"
