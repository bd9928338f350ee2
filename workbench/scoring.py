"""Score extracted quotes, speakers and follow-ups against gold, by the contract's rules.

The rules are those of ``shared/docs/extraction-format.md`` ("Scoring"): normalised text,
``fuzz.ratio`` >= 85 (direct) / >= 70 (indirect), one-to-one matching per article and kind,
best similarity first; speakers agree when ``token_set_ratio`` >= 90 after normalisation and
honorific removal. Gold quotes with ``"speech": false`` (PolNeAR) are not scored, and a
prediction that matches one is ignored: neither a true nor a false positive.

Both sides are plain dicts in the contract's JSON shape, so predictions from any tool (or a
file) can be scored. Pure: no I/O, no extraction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

KINDS = ("direct", "indirect")
QUOTE_CUTOFF = {"direct": 85.0, "indirect": 70.0}
SPEAKER_CUTOFF = 90.0
HONORIFICS = frozenset(("pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "dr"))
QUOTATION_MARKS = "\"'`´«»‹›‘’‚‛“”„‟❛❜❝❞⹂〝〞〟＂＇「」『』′″"
_DROP_QUOTATION_MARKS = str.maketrans("", "", QUOTATION_MARKS)
CONTEXT_CHARS = 40  # either side of a quote in a finding: about 80 characters of context
QUOTE_SHOWN_CHARS = 80


def normalise(text: str | None) -> str:
    """NFKC, casefold, quotation marks removed, whitespace collapsed, edge punctuation stripped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_DROP_QUOTATION_MARKS)
    return _strip_edge_punctuation(" ".join(text.split()))


def normalise_speaker(name: str | None) -> str:
    """A speaker name normalised like a quote, with honorifics (Pak, Bu, Mr, Dr...) removed."""
    tokens = normalise(name).split()
    return " ".join(token for token in tokens if token.rstrip(".") not in HONORIFICS)


def speakers_agree(predicted: str | None, gold: str | None) -> bool:
    """The contract's attribution rule; two missing speakers agree, one missing one does not."""
    if not gold or not predicted:
        return not gold and not predicted
    return fuzz.token_set_ratio(normalise_speaker(predicted), normalise_speaker(gold)) >= SPEAKER_CUTOFF


def match_one_to_one(
    predicted: Sequence[str], gold: Sequence[str], cutoff: float, scorer=fuzz.ratio
) -> list[tuple[int, int, float]]:
    """(predicted index, gold index, similarity) pairs at or above cutoff, best similarity first.

    Texts must already be normalised. Ties go to the earlier gold item, then the earlier prediction,
    so results do not depend on dict or set order.
    """
    if not predicted or not gold:
        return []
    # cdist (float32) finds candidates fast; exact float64 scores then decide borderline pairs.
    matrix = process.cdist(predicted, gold, scorer=scorer, score_cutoff=max(cutoff - 0.01, 0), workers=1)
    candidates = []
    for p_index, g_index in zip(*matrix.nonzero(), strict=True):
        score = scorer(predicted[p_index], gold[g_index])
        if score >= cutoff:
            candidates.append((-score, int(g_index), int(p_index)))
    candidates.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for negative_score, g_index, p_index in candidates:
        if p_index in used_pred or g_index in used_gold:
            continue
        used_pred.add(p_index)
        used_gold.add(g_index)
        pairs.append((p_index, g_index, -negative_score))
    return pairs


@dataclass
class QuoteTally:
    """Counts for one kind of quote (or all kinds together) over one or many articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # predictions matching a speech:false gold quote
    speaker_checked: int = 0  # matched quotes whose gold names a speaker
    speaker_right: int = 0
    e2e_tp: int = 0  # matched with the right speaker (or gold gives none)

    def add(self, other: QuoteTally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, self.predicted + self.gold)

    @property
    def speaker_accuracy(self) -> float | None:
        return _ratio(self.speaker_right, self.speaker_checked)

    @property
    def e2e_f1(self) -> float | None:
        return _ratio(2 * self.e2e_tp, self.predicted + self.gold)

    def to_dict(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "ignored": self.ignored,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "speaker_checked": self.speaker_checked,
            "speaker_accuracy": self.speaker_accuracy,
            "e2e_tp": self.e2e_tp,
            "e2e_f1": self.e2e_f1,
        }


@dataclass
class FollowUpTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_right: int = 0

    def add(self, other: FollowUpTally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def status_accuracy(self) -> float | None:
        return _ratio(self.status_right, self.tp)

    def to_dict(self) -> dict:
        return {
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "tp": self.tp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "status_accuracy": self.status_accuracy,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One error worth reading: a missed gold quote, a false positive, a wrong speaker or status."""

    article_id: str | None
    what: str  # "miss", "false positive", "wrong speaker" or "wrong status"
    kind: str  # quote kind, or "follow-up"
    context: str  # the quote in [brackets] with some article text around it
    predicted: str | None = None  # predicted speaker / status
    gold: str | None = None  # gold speaker / status

    def __str__(self) -> str:
        line = f"{self.article_id}: {self.what} ({self.kind}): {self.context}"
        if self.what.startswith("wrong"):
            line += f"\n    predicted {self.predicted!r}, gold {self.gold!r}"
        return line


@dataclass
class Scores:
    """Everything measured over a set of articles."""

    articles: int = 0
    kinds: dict[str, QuoteTally] = field(default_factory=lambda: {kind: QuoteTally() for kind in KINDS})
    follow_ups: FollowUpTally = field(default_factory=FollowUpTally)
    findings: list[Finding] = field(default_factory=list)

    @property
    def all(self) -> QuoteTally:
        total = QuoteTally()
        for tally in self.kinds.values():
            total.add(tally)
        return total

    def add(self, other: Scores) -> None:
        self.articles += other.articles
        for kind in KINDS:
            self.kinds[kind].add(other.kinds[kind])
        self.follow_ups.add(other.follow_ups)
        self.findings.extend(other.findings)

    def to_dict(self) -> dict:
        result: dict = {"articles": self.articles}
        for kind in KINDS:
            result[kind] = self.kinds[kind].to_dict()
        result["all"] = self.all.to_dict()
        result["follow_ups"] = self.follow_ups.to_dict()
        return result


def score_article(gold: dict, predicted: dict) -> Scores:
    """Scores of one article's predicted quotes and follow-ups against its gold record."""
    text = gold.get("text") or ""
    article_id = gold.get("id")
    scores = Scores(articles=1)
    gold_quotes = [q for q in gold.get("quotes", []) if q.get("kind") in KINDS]
    predicted_quotes = list(predicted.get("quotes", []))
    for kind in KINDS:
        tally = scores.kinds[kind]
        scored = [q for q in gold_quotes if q["kind"] == kind and q.get("speech", True) is not False]
        unscored = [q for q in gold_quotes if q["kind"] == kind and q.get("speech", True) is False]
        preds = [q for q in predicted_quotes if q.get("kind") == kind]
        pred_texts = [normalise(q.get("text")) for q in preds]
        pairs = match_one_to_one(pred_texts, [normalise(q.get("text")) for q in scored], QUOTE_CUTOFF[kind])
        matched_pred = {p for p, _, _ in pairs}
        # Only predictions left over may be excused by a quote the gold does not score.
        leftover = [p for p in range(len(preds)) if p not in matched_pred]
        excused = match_one_to_one(
            [pred_texts[p] for p in leftover], [normalise(q.get("text")) for q in unscored], QUOTE_CUTOFF[kind]
        )
        excused_pred = {leftover[i] for i, _, _ in excused}
        tally.ignored = len(excused_pred)
        tally.tp = len(pairs)
        tally.fp = len(preds) - len(pairs) - len(excused_pred)
        tally.fn = len(scored) - len(pairs)
        for p_index, g_index, _ in sorted(pairs, key=lambda pair: pair[1]):
            gold_speaker = scored[g_index].get("speaker")
            pred_speaker = preds[p_index].get("speaker")
            if not gold_speaker:
                tally.e2e_tp += 1
                continue
            tally.speaker_checked += 1
            if speakers_agree(pred_speaker, gold_speaker):
                tally.speaker_right += 1
                tally.e2e_tp += 1
            else:
                context = _context(text, scored[g_index])
                scores.findings.append(Finding(article_id, "wrong speaker", kind, context, pred_speaker, gold_speaker))
        matched_gold = {g for _, g, _ in pairs}
        for g_index, quote in enumerate(scored):
            if g_index not in matched_gold:
                scores.findings.append(Finding(article_id, "miss", kind, _context(text, quote)))
        for p_index, quote in enumerate(preds):
            if p_index not in matched_pred and p_index not in excused_pred:
                scores.findings.append(Finding(article_id, "false positive", kind, _context(text, quote)))
    _score_follow_ups(gold, predicted, scores)
    return scores


def score_corpus(pairs: Iterable[tuple[dict, dict]]) -> Scores:
    """Scores summed over (gold, predicted) article pairs."""
    total = Scores()
    for gold, predicted in pairs:
        total.add(score_article(gold, predicted))
    return total


def _score_follow_ups(gold: dict, predicted: dict, scores: Scores) -> None:
    gold_items = list(gold.get("follow_ups", []))
    pred_items = list(predicted.get("follow_ups", []))
    # A missing target becomes a token of its own, so two missing targets agree and nothing else does.
    pairs = match_one_to_one(
        [normalise_speaker(f.get("target")) or "\0" for f in pred_items],
        [normalise_speaker(f.get("target")) or "\0" for f in gold_items],
        SPEAKER_CUTOFF,
        scorer=fuzz.token_set_ratio,
    )
    tally = scores.follow_ups
    tally.tp = len(pairs)
    tally.fp = len(pred_items) - len(pairs)
    tally.fn = len(gold_items) - len(pairs)
    article_id = gold.get("id")
    for p_index, g_index, _ in pairs:
        pred_status, gold_status = pred_items[p_index].get("status"), gold_items[g_index].get("status")
        if pred_status == gold_status:
            tally.status_right += 1
        else:
            target = f"[{gold_items[g_index].get('target')}]"
            scores.findings.append(Finding(article_id, "wrong status", "follow-up", target, pred_status, gold_status))
    matched_gold = {g for _, g, _ in pairs}
    matched_pred = {p for p, _, _ in pairs}
    for g_index, item in enumerate(gold_items):
        if g_index not in matched_gold:
            scores.findings.append(Finding(article_id, "miss", "follow-up", f"[{item.get('target')}]"))
    for p_index, item in enumerate(pred_items):
        if p_index not in matched_pred:
            scores.findings.append(Finding(article_id, "false positive", "follow-up", f"[{item.get('target')}]"))


def _context(text: str, quote: dict) -> str:
    """The quote (shortened) in brackets with the article text around it, on one line."""
    quote_text = quote.get("text") or ""
    start, end = quote.get("start"), quote.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == quote_text):
        start = text.find(quote_text) if quote_text else -1
        end = start + len(quote_text)
    shown = quote_text if len(quote_text) <= QUOTE_SHOWN_CHARS else quote_text[: QUOTE_SHOWN_CHARS - 1] + "…"
    if start < 0:
        return _one_line(f"[{shown}]")
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return _one_line(f"…{before}[{shown}]{after}…")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _strip_edge_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
