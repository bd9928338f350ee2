"""The scorer against small hand-made gold/prediction pairs whose right answer is known."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.scoring import (
    match_one_to_one,
    normalise,
    normalise_speaker,
    score_article,
    score_corpus,
    speakers_agree,
)


def q(text, kind="direct", speaker=None, **extra):
    return {"text": text, "kind": kind, "speaker": speaker, **extra}


def article(quotes, follow_ups=(), text="", article_id="a1"):
    return {"id": article_id, "text": text, "quotes": list(quotes), "follow_ups": list(follow_ups)}


NORMALISED = [
    ("“Saya kecewa,”", "saya kecewa"),
    ('  "Hello   World!" ', "hello world"),
    ("«Ça va»", "ça va"),
    ("It’s done.", "its done"),
    ("ＡＢＣ １２３", "abc 123"),  # NFKC folds full-width forms
    ("Straße", "strasse"),  # casefold, not lower
    ("...wait... (really)", "wait... (really"),
    ("naik 50%", "naik 50"),  # % is punctuation (Po) to Unicode
    ("harga naik +", "harga naik +"),  # + is a symbol, not punctuation
    ("line\none\r\n\ttwo", "line one two"),
    ("„—”", ""),
    (None, ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISED)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pak Basri Rase", "basri rase"),
        ("Mr. John Smith", "john smith"),
        ("Dr. Ir. Budi", "ir. budi"),
        ("Ibu Sri Mulyani", "sri mulyani"),
        ("Bapak", ""),
        ("Mrs Clinton", "clinton"),
    ],
)
def test_normalise_speaker_removes_honorifics(raw, expected):
    assert normalise_speaker(raw) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("Hillary Clinton", "Hillary Clinton", True),
        ("Clinton", "Hillary Clinton", True),  # token_set_ratio: a subset agrees
        ("Pak Basri Rase", "Basri Rase", True),
        ("Mr. Trump", "Donald J. Trump", True),
        ("joko widodo", "Joko Widodo", True),
        ("Jokowi", "Joko Widodo", False),
        ("Muhammad Sahib", "Bakhtiar Wakkang", False),
        ("BW", "Bakhtiar Wakkang", False),
        (None, "Bakhtiar Wakkang", False),
        ("Bakhtiar Wakkang", None, False),
        (None, None, True),
    ],
)
def test_speakers_agree(predicted, gold, agree):
    assert speakers_agree(predicted, gold) is agree


def test_exact_match_is_perfect():
    gold = article([q("Saya kecewa", speaker="Bakhtiar Wakkang")])
    pred = article([q("“Saya kecewa.”", speaker="Pak Bakhtiar Wakkang")])
    direct = score_article(gold, pred).kinds["direct"]
    assert (direct.tp, direct.fp, direct.fn) == (1, 0, 0)
    assert (direct.precision, direct.recall, direct.f1) == (1.0, 1.0, 1.0)
    assert (direct.speaker_accuracy, direct.e2e_f1) == (1.0, 1.0)


def test_thresholds_differ_by_kind():
    # ratio("aaaaaaaaaa", "aaaaaaaaaabbbb") = 2*10/24 = 83.3: below 85 (direct), above 70 (indirect)
    for kind, matched in (("direct", 0), ("indirect", 1)):
        tally = score_article(article([q("aaaaaaaaaa", kind)]), article([q("aaaaaaaaaabbbb", kind)])).kinds[kind]
        assert tally.tp == matched
    # 2*10/23 = 86.96 is enough for a direct quote
    assert score_article(article([q("aaaaaaaaaa")]), article([q("aaaaaaaaaabbb")])).kinds["direct"].tp == 1


def test_kind_must_agree():
    scores = score_article(article([q("we will win", "indirect")]), article([q("we will win", "direct")]))
    assert (scores.kinds["direct"].fp, scores.kinds["direct"].tp) == (1, 0)
    assert (scores.kinds["indirect"].fn, scores.kinds["indirect"].tp) == (1, 0)
    assert [f.what for f in scores.findings] == ["false positive", "miss"]


def test_each_gold_quote_matches_one_prediction_only():
    gold = article([q("the economy is doing fine")])
    pred = article([q("the economy is doing fine"), q("the economy is doing fine.")])
    direct = score_article(gold, pred).kinds["direct"]
    assert (direct.tp, direct.fp, direct.fn) == (1, 1, 0)
    assert direct.precision == 0.5


def test_best_similarity_is_matched_first():
    # The first prediction is close to both gold quotes but closest to the second; the second
    # prediction only reaches the first. Best-first gives two matches; first-come would give one.
    gold = ["we will build the wall now", "we will build the wall"]
    pred = ["we will build the wall", "we will build the wall now!!"]
    pairs = match_one_to_one([normalise(t) for t in pred], [normalise(t) for t in gold], 85)
    assert sorted((p, g) for p, g, _ in pairs) == [(0, 1), (1, 0)]
    assert all(score == 100.0 for _, _, score in pairs)


def test_tie_goes_to_the_earlier_gold_quote():
    pairs = match_one_to_one(["same words here"], ["same words here", "same words here"], 85)
    assert [(p, g) for p, g, _ in pairs] == [(0, 0)]


def test_speech_false_gold_is_dropped_and_its_matches_ignored():
    gold = article(
        [
            q("that the polls are rigged against him", "indirect", "Donald Trump", speech=False),
            q("that the economy is strong", "indirect", "Barack Obama", speech=True),
            q("that nobody expected this", "indirect", None, speech=False),  # unmatched: not a miss
        ]
    )
    pred = article(
        [
            q("that the polls are rigged against him", "indirect", "Donald Trump"),  # ignored
            q("that the economy is strong", "indirect", "Obama"),  # true positive
            q("the weather will be cold tomorrow", "indirect"),  # false positive
        ]
    )
    indirect = score_article(gold, pred).kinds["indirect"]
    assert (indirect.tp, indirect.fp, indirect.fn, indirect.ignored) == (1, 1, 0, 1)
    assert (indirect.precision, indirect.recall) == (0.5, 1.0)


def test_speech_false_gold_never_takes_a_prediction_from_a_scored_one():
    gold = article(
        [q("we are going to win this state", speech=False), q("we are going to win this state big", speech=True)]
    )
    pred = article([q("we are going to win this state")])
    direct = score_article(gold, pred).kinds["direct"]
    assert (direct.tp, direct.fp, direct.fn, direct.ignored) == (1, 0, 0, 0)


def test_null_gold_speaker_is_scored_on_text_alone():
    gold = article([q("the rally was huge", speaker=None), q("it was not", speaker="Hillary Clinton")])
    pred = article([q("the rally was huge", speaker="Donald Trump"), q("it was not", speaker="Hillary Clinton")])
    direct = score_article(gold, pred).kinds["direct"]
    assert (direct.speaker_checked, direct.speaker_right) == (1, 1)
    assert direct.e2e_tp == 2


def test_wrong_speaker_lowers_accuracy_and_end_to_end_only():
    text = 'Dia berkata, "Saya kecewa dengan pengurus." Lalu pergi.'
    gold = article([q("Saya kecewa dengan pengurus.", speaker="Bakhtiar Wakkang", start=14, end=42)], text=text)
    gold["quotes"].append(q("Kami siap", speaker="Muhammad Sahib"))
    pred = article([q("Saya kecewa dengan pengurus", speaker="Muhammad Sahib"), q("Kami siap", speaker="Sahib")])
    scores = score_article(gold, pred)
    direct = scores.kinds["direct"]
    assert (direct.f1, direct.speaker_accuracy, direct.e2e_f1) == (1.0, 0.5, 0.5)
    [finding] = scores.findings
    assert (finding.what, finding.predicted, finding.gold) == ("wrong speaker", "Muhammad Sahib", "Bakhtiar Wakkang")
    assert finding.context == '…Dia berkata, "[Saya kecewa dengan pengurus.]" Lalu pergi.…'
    assert "predicted 'Muhammad Sahib', gold 'Bakhtiar Wakkang'" in str(finding)


def test_findings_show_context_for_misses_and_false_positives():
    text = "x" * 100 + " He said “we won”. " + "y" * 100
    start = text.index("we won")
    gold = article([q("we won", start=start, end=start + 6)], text=text, article_id="nyt-1")
    pred = article([q("nothing at all like it", start=0, end=5)], text=text, article_id="nyt-1")
    miss, false_positive = score_article(gold, pred).findings
    assert str(miss) == f"nyt-1: miss (direct): …{'x' * 30} He said “[we won]”. {'y' * 37}…"
    assert false_positive.what == "false positive"
    assert false_positive.context.startswith("[nothing at all like it]")


def test_empty_article_has_no_defined_rates():
    direct = score_article(article([]), article([])).kinds["direct"]
    assert (direct.precision, direct.recall, direct.f1, direct.speaker_accuracy) == (None, None, None, None)


def test_predictions_without_gold_have_zero_precision_and_undefined_recall():
    indirect = score_article(article([]), article([q("something was said", "indirect")])).kinds["indirect"]
    assert (indirect.precision, indirect.recall, indirect.f1) == (0.0, None, 0.0)


def test_follow_ups_match_on_target_and_score_status():
    gold = article(
        [],
        follow_ups=[
            {"target": "Joni Muslim", "status": "no_response"},
            {"target": "Basri Rase", "status": "declined"},
        ],
    )
    pred = article(
        [],
        follow_ups=[
            {"target": "Pak Joni Muslim", "status": "no_response"},
            {"target": "Basri Rase", "status": "responded"},
            {"target": "Nasrullah", "status": "pending"},
        ],
    )
    scores = score_article(gold, pred)
    follow_ups = scores.follow_ups
    assert (follow_ups.tp, follow_ups.fp, follow_ups.fn) == (2, 1, 0)
    assert follow_ups.status_accuracy == 0.5
    assert [(f.what, f.predicted, f.gold) for f in scores.findings] == [
        ("wrong status", "responded", "declined"),
        ("false positive", None, None),
    ]


def test_corpus_sums_articles():
    first = (article([q("aaa bbb ccc")]), article([q("aaa bbb ccc")]))
    second = (article([q("ddd eee fff"), q("ggg hhh iii", "indirect")]), article([]))
    scores = score_corpus([first, second])
    assert scores.articles == 2
    assert scores.kinds["direct"].recall == 0.5
    assert scores.all.to_dict()["gold"] == 3
    assert scores.all.recall == pytest.approx(1 / 3)
    assert scores.to_dict()["indirect"]["fn"] == 1


quote_text = st.text(alphabet="abcde fgh“”\"'.,!", min_size=1, max_size=40).filter(lambda t: normalise(t))
gold_quotes = st.lists(
    st.builds(q, quote_text, st.sampled_from(["direct", "indirect"]), st.sampled_from([None, "Ana", "Budi Santoso"])),
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(gold_quotes)
def test_gold_scored_against_itself_is_perfect(quotes):
    scores = score_article(article(quotes), article(quotes))
    total = scores.all
    assert total.fp == total.fn == 0
    assert total.speaker_right == total.speaker_checked
    assert total.e2e_tp == total.tp == len(quotes)


@settings(max_examples=100, deadline=None)
@given(gold_quotes, gold_quotes)
def test_counts_are_consistent(gold, pred):
    total = score_article(article(gold), article(pred)).all
    assert total.tp <= min(len(gold), len(pred))
    assert total.tp + total.fn == len(gold)
    assert total.tp + total.fp + total.ignored == len(pred)
    assert total.e2e_tp <= total.tp
