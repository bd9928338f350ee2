"""Markdown, HTML and ClaimReview: untrusted text is inert and intact; unverified quotes are marked."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from tests.export.conftest import HOSTILE_NOTE, HOSTILE_TITLE, WORLD_QUOTE
from tests.export.helpers import export, stored
from workbench.export.escaping import markdown_text, neutralise_formula, restore_formula, script_safe_json

MARKUP = ("<script", "</script", "[klik](", "javascript:alert(1))", "<b>")


class Collector(HTMLParser):
    """Tags, attributes and text of an HTML document, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "a":
            self.hrefs.append(attrs["href"])
        for name in ("src", "srcset") + (("href",) if tag == "link" else ()):
            if name in attrs:
                self.external.append(attrs[name])

    def handle_data(self, data):
        self.text.append(data)


def parse_html(data: bytes) -> Collector:
    collector = Collector()
    collector.feed(data.decode("utf-8"))
    return collector


def test_html_sheet_is_inert_intact_and_self_contained(sessions, desk):
    page = parse_html(export(sessions, "html", include_unverified=True))
    assert "script" not in page.tags
    assert page.external == []
    text = "".join(page.text)
    for original in (HOSTILE_TITLE, WORLD_QUOTE, *HOSTILE_NOTE.split("\n")):
        assert original in text  # shown exactly, as text
    # Only http(s) addresses become links; article B's "javascript:" URL stays text.
    assert page.hrefs and all(h.startswith(("https://", "http://")) for h in page.hrefs)
    assert "https://suarakaltim.id/read/2024/08/20/nasdem?a=1&b=2" in page.hrefs
    assert "javascript:alert(1)" in text


def test_html_sheet_groups_by_article_then_speaker(sessions, desk):
    data = export(sessions, "html").decode("utf-8")
    title_a, title_b = html.escape(HOSTILE_TITLE), "Rapat DPRD Bontang"
    assert data.index(title_a) < data.index("<h3>Bakhtiar Wakkang</h3>") < data.index("<h3>Joni Muslim</h3>")
    assert data.index("<h3>Joni Muslim</h3>") < data.index(title_b)
    article_b = data[data.index(title_b) :]
    assert article_b.index("<h3>Muhammad Sahib</h3>") < article_b.index("<h3>Bakhtiar Wakkang</h3>")
    assert "No response from Ketua DPD Nasdem Bontang Joni Muslim as of 2024-08-20" in data


def test_not_verified_marker_only_on_unverified_quotes(sessions, desk):
    default_html = export(sessions, "html").decode()
    default_md = export(sessions, "md").decode()
    assert "NOT VERIFIED" not in default_html and "NOT VERIFIED" not in default_md
    full_html = export(sessions, "html", include_unverified=True).decode()
    full_md = export(sessions, "md", include_unverified=True).decode()
    for quote_key in ("unreviewed", "misattributed"):
        block = re.search(
            rf'<div class="quote unverified" id="quote-{desk.quotes[quote_key]}">(.*?)</div>', full_html, re.S
        )
        assert block and "NOT VERIFIED" in block.group(1)
        assert f"#### Quote {desk.quotes[quote_key]} **NOT VERIFIED**" in full_md
    assert full_html.count(">NOT VERIFIED<") == full_md.count("NOT VERIFIED") == 2


def test_markdown_sheet_keeps_markup_as_text(sessions, desk):
    data = export(sessions, "md", include_unverified=True).decode("utf-8")
    for fragment in MARKUP:
        assert fragment not in data
    assert "&lt;script&gt;" in data
    assert r"\[klik\]\(javascript" in data
    assert WORLD_QUOTE in data  # non-Latin text needs no escaping
    assert r"\=HYPERLINK\(&quot;http" in data


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("[x](javascript:alert(1))", r"\[x\]\(javascript:alert\(1\)\)"),
        ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;"),
        ("![img](http://t.example/p.gif)", r"\!\[img\]\(http://t.example/p.gif\)"),
        ("# judul\n1. satu\n- dua", r"\# judul<br>1\. satu<br>\- dua"),
        ("*tebal* _miring_ `kode` a|b", r"\*tebal\* \_miring\_ \`kode\` a\|b"),
        ("Rp 5.000 & 10% — بيان 官方 🙂", "Rp 5.000 &amp; 10% — بيان 官方 🙂"),
        ("plain words", "plain words"),
    ],
)
def test_markdown_escaping(text, rendered):
    assert markdown_text(text) == rendered


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-5 persen", "'-5 persen"),
        ("@user", "'@user"),
        ("\tindent", "'\tindent"),
        ("\rx", "'\rx"),
        ("'kutip", "''kutip"),
        ("biasa = aman", "biasa = aman"),
        ("", ""),
    ],
)
def test_formula_neutralising_reverses_exactly(cell, written):
    assert neutralise_formula(cell) == written
    assert restore_formula(written) == cell


def test_script_safe_json_is_the_same_json_and_cannot_close_a_script_tag():
    value = {"q": '</script><script>alert("x")</script> & \u2028 بيان'}
    text = script_safe_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_claimreview_has_every_required_and_recommended_field(sessions, desk, monkeypatch):
    monkeypatch.setenv("WORKBENCH_ORG_NAME", "Cek Fakta Kaltim")
    monkeypatch.setenv("WORKBENCH_ORG_URL", "https://cekfakta.example/kaltim")
    data = export(sessions, "claimreview")
    text = data.decode("utf-8")
    assert "<" not in text and ">" not in text and "&" not in text
    reviews = {int(r["url"].rsplit("-", 1)[1]): r for r in json.loads(text)}
    # Verified quotes with a verdict only: "world" has none, "unreviewed" is not verified.
    assert set(reviews) == {desk.quotes[k] for k in ("confirmed", "corrected", "apostrophe")}
    for quote_id, review in reviews.items():
        db = stored(sessions, quote_id)
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["url"] == f"https://cekfakta.example/kaltim#quote-{quote_id}"
        assert review["claimReviewed"] == db["quote"]
        assert review["datePublished"] == db["reviewed_at"].date().isoformat()
        assert review["author"] == {
            "@type": "Organization",
            "name": "Cek Fakta Kaltim",
            "url": "https://cekfakta.example/kaltim",
        }
        assert review["reviewRating"] == {
            "@type": "Rating",
            "ratingValue": db["verdict_rating"],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": db["verdict_label"],
        }
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["@type"] == "Person" and claim["author"]["name"] == db["speaker"]
        assert claim["datePublished"] == db["article_date"].isoformat()
        assert claim["appearance"]["url"] == db["article_url"]
        assert claim["appearance"]["headline"] == db["article_title"]
    corrected = reviews[desk.quotes["corrected"]]["itemReviewed"]["author"]
    assert corrected == {"@type": "Person", "name": "Joni Muslim", "jobTitle": "Ketua DPD Nasdem Bontang"}
    assert reviews[desk.quotes["confirmed"]]["itemReviewed"]["appearance"]["headline"] == HOSTILE_TITLE


def test_claimreview_includes_unverified_only_when_asked(sessions, desk):
    reviews = json.loads(export(sessions, "claimreview", include_unverified=True))
    assert desk.quotes["unreviewed"] in {int(r["url"].rsplit("-", 1)[1]) for r in reviews}
