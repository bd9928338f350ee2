"""The seed article (a real SuaraKaltim story) against its hand-checked expectation, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.extract import extract

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"
EXPECTED = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
TEXT = (SEED / "suarakaltim-nasdem-bontang.txt").read_text(encoding="utf-8")
QUOTE_FIELDS = ("text", "kind", "speaker", "speaker_mention", "speaker_role", "cue")


@pytest.fixture(scope="module")
def result() -> dict:
    return extract(TEXT, article_id=EXPECTED["id"]).to_dict()


def test_the_fixture_text_is_the_expected_text():
    assert TEXT == EXPECTED["text"]


@pytest.mark.parametrize("key", ["id", "lang", "publisher", "original_source", "published"])
def test_metadata(result, key):
    assert result[key] == EXPECTED[key]


def test_same_number_of_quotes(result):
    assert [q["text"][:30] for q in result["quotes"]] == [q["text"][:30] for q in EXPECTED["quotes"]]


@pytest.mark.parametrize("index", range(len(EXPECTED["quotes"])))
@pytest.mark.parametrize("field", QUOTE_FIELDS)
def test_quote_field(result, index, field):
    assert result["quotes"][index][field] == EXPECTED["quotes"][index][field]


@pytest.mark.parametrize("index", range(len(EXPECTED["quotes"])))
def test_offsets_slice_back_to_the_quote(result, index):
    quote = result["quotes"][index]
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]


def test_follow_ups(result):
    assert result["follow_ups"] == EXPECTED["follow_ups"]


def test_people(result):
    assert result["people"] == EXPECTED["people"]


def test_boilerplate_lines(result):
    assert result["boilerplate_lines"] == EXPECTED["boilerplate_lines"]


def test_a_name_inside_boilerplate_is_never_a_speaker(result):
    # `Baca Juga:Basri Rase Tak Percaya ...` names Basri Rase, who says nothing in this article.
    assert "Basri Rase" not in {q["speaker"] for q in result["quotes"]}
