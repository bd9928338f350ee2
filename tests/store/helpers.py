"""Rows for storage tests, built directly so the tests do not depend on extraction quality."""

from __future__ import annotations

import hashlib

from db.models import Article, FollowUp, Person, Quote


def make_article(session, text: str = 'Ana berkata, "Harga beras naik." Budi diam.', *, quotes: int = 1) -> Article:
    article = Article(text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), lang="id")
    person = Person(name="Basri Rase", name_key="basri rase")
    session.add_all([article, person])
    session.flush()
    for position in range(quotes):
        session.add(
            Quote(
                article_id=article.id,
                position=position,
                text=f"Harga beras naik {position}",
                kind="direct",
                start=position,
                end=position + 10,
                extracted_speaker="Basri Rase",
                extracted_person_id=person.id,
                speaker_id=person.id,
            )
        )
    session.add(
        FollowUp(
            article_id=article.id,
            target_name="Joni Muslim",
            extracted_status="no_response",
            evidence="Belum mendapatkan respon.",
            status="no_response",
        )
    )
    session.flush()
    return article
