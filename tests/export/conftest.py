"""A small desk built straight through the ORM: two articles, three people, quotes in every review state.

Text is hostile on purpose: markup, spreadsheet formulas and non-Latin scripts must come out
of every format inert and intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest

from db.models import Article, ContactAttempt, FollowUp, Person, Quote

HOSTILE_TITLE = 'Nasdem <script>alert("t")</script> [klik](javascript:alert(1)) — بيان 官方 🙂'
HOSTILE_NOTE = '=HYPERLINK("http://evil.example/?a=1&b=2","klik") <script>alert(1)</script>\nBaris kedua: تحقق 核实 ✅'
WORLD_QUOTE = "Kami belum ada sikap — لم نتخذ موقفا — 我们还没有立场 🙂"
DASH_QUOTE = "-5 persen, kata dia, itu @bohong"
APOSTROPHE_QUOTE = "'Sudah bulat' katanya"
REVIEWED_AT = datetime(2024, 8, 21, 9, 30, 15, 123456, tzinfo=UTC)


@dataclass
class Desk:
    article_a: int = 0
    article_b: int = 0
    joni: int = 0
    bakhtiar: int = 0
    sahib: int = 0
    quotes: dict[str, int] = field(default_factory=dict)

    @property
    def verified(self) -> set[int]:
        return {self.quotes[k] for k in ("confirmed", "corrected", "world", "apostrophe")}

    @property
    def everything(self) -> set[int]:
        return set(self.quotes.values())


def build_desk(session) -> Desk:
    joni = Person(name="Joni Muslim", name_key="joni muslim", aliases=[], roles=["Ketua DPD Nasdem Bontang"])
    bakhtiar = Person(
        name="Bakhtiar Wakkang",
        name_key="bakhtiar wakkang",
        aliases=["BW"],
        roles=["Sekretaris DPD Nasdem Bontang", "mantan DPRD Bontang 2019-2024"],
    )
    sahib = Person(name="Muhammad Sahib", name_key="muhammad sahib", aliases=[], roles=["Ketua Penjaringan"])
    article_a = Article(
        title=HOSTILE_TITLE,
        url="https://suarakaltim.id/read/2024/08/20/nasdem?a=1&b=2",
        publisher="SuaraKaltim.id",
        original_source="KlikKaltim.com",
        published=date(2024, 8, 20),
        lang="id",
        text="(article text)",
        content_hash="a" * 64,
        boilerplate_lines=[],
    )
    article_b = Article(
        title="Rapat DPRD Bontang",
        url="javascript:alert(1)",
        publisher="Kaltim Post",
        original_source=None,
        published=date(2024, 9, 5),
        lang="id",
        text="(article text)",
        content_hash="b" * 64,
        boilerplate_lines=[],
    )
    session.add_all([joni, bakhtiar, sahib, article_a, article_b])
    session.flush()
    follow_up = FollowUp(
        article_id=article_a.id,
        target_name="Joni Muslim",
        target_role="Ketua DPD Nasdem Bontang",
        target_person_id=joni.id,
        by="Klik Kaltim",
        extracted_status="no_response",
        status="no_response",
        evidence="Klik Kaltim berusaha mengkonfirmasi Ketua DPD Nasdem Bontang Joni Muslim.",
    )
    session.add(follow_up)

    def quote(article, position, text, **values) -> Quote:
        values.setdefault("kind", "direct")
        row = Quote(article_id=article.id, position=position, text=text, start=0, end=len(text), **values)
        session.add(row)
        return row

    confirmed = quote(
        article_a,
        0,
        "Saya kecewa. Jadi saya arahkan dukungan saya ke Pak Basri Rase",
        speaker_id=bakhtiar.id,
        extracted_person_id=bakhtiar.id,
        extracted_speaker="BW",
        speaker_role="Politisi NasDem Bontang",
        attribution="confirmed",
        verdict="misleading",
        notes=HOSTILE_NOTE,
        evidence_links=["https://example.org/bukti?a=1&b=2", "https://example.org/二"],
        reviewed_by="Rina",
        reviewed_at=REVIEWED_AT,
        follow_up_status="no_response",
        follow_up_channel="WhatsApp",
        follow_up_summary="Dua kali ditelepon",
    )
    corrected = quote(
        article_a,
        1,
        "Kami belum ada sikap sampai saat ini yang keluar",
        speaker_id=joni.id,
        extracted_person_id=sahib.id,
        extracted_speaker="Muhammad Sahib",
        speaker_role="Ketua Penjaringan",
        attribution="corrected",
        verdict="true",
        reviewed_by="Budi",
        reviewed_at=datetime(2024, 8, 22, 1, 2, 3, tzinfo=UTC),
    )
    unreviewed = quote(
        article_a, 2, DASH_QUOTE, kind="indirect", speaker_id=sahib.id, extracted_person_id=sahib.id, verdict="false"
    )
    world = quote(
        article_b,
        0,
        WORLD_QUOTE,
        kind="indirect",
        speaker_id=sahib.id,
        extracted_person_id=sahib.id,
        attribution="confirmed",
        reviewed_by="Rina",
        reviewed_at=datetime(2024, 9, 6, tzinfo=UTC),
        follow_up_status="to_contact",
    )
    misattributed = quote(
        article_b, 1, "Itu bukan kata saya", extracted_speaker="Nasrullah", attribution="misattributed"
    )
    apostrophe = quote(
        article_b,
        2,
        APOSTROPHE_QUOTE,
        speaker_id=bakhtiar.id,
        extracted_person_id=bakhtiar.id,
        attribution="confirmed",
        verdict="unproven",
        reviewed_by="Budi",
        reviewed_at=datetime(2024, 9, 7, tzinfo=UTC),
    )
    session.flush()
    session.add_all(
        [
            ContactAttempt(
                quote_id=confirmed.id,
                channel="WhatsApp",
                attempted_at=datetime(2024, 8, 23, 8, 0, tzinfo=UTC),
                outcome="no_response",
                note="tidak diangkat",
                logged_by="Rina",
            ),
            ContactAttempt(
                quote_id=confirmed.id,
                channel="phone",
                attempted_at=datetime(2024, 8, 22, 8, 0, tzinfo=UTC),
                outcome="no_response",
                logged_by="Rina",
            ),
        ]
    )
    session.flush()
    return Desk(
        article_a=article_a.id,
        article_b=article_b.id,
        joni=joni.id,
        bakhtiar=bakhtiar.id,
        sahib=sahib.id,
        quotes={
            "confirmed": confirmed.id,
            "corrected": corrected.id,
            "unreviewed": unreviewed.id,
            "world": world.id,
            "misattributed": misattributed.id,
            "apostrophe": apostrophe.id,
        },
    )


@pytest.fixture
def desk(sessions) -> Desk:
    """The desk on SQLite and on PostgreSQL (through the shared ``engine`` fixture)."""
    with sessions.begin() as session:
        return build_desk(session)


@pytest.fixture
def sqlite_sessions(sqlite_engine):
    from db.engine import make_session_factory

    return make_session_factory(sqlite_engine)


@pytest.fixture
def sqlite_desk(sqlite_sessions) -> Desk:
    """The same desk on SQLite only, for behaviour that does not depend on the backend."""
    with sqlite_sessions.begin() as session:
        return build_desk(session)
