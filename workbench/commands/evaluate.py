"""``eval GOLD.jsonl``: run the extractor over a gold file and score it by the contract's rules."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import BadInput

if TYPE_CHECKING:
    from workbench.scoring import Scores


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold articles: JSON Lines, or one .json object")
    parser.add_argument("--verbose", "-v", action="store_true", help="list each miss, false positive and wrong speaker")
    parser.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    parser.add_argument(
        "--predictions",
        metavar="PRED.jsonl",
        help="score these saved predictions (output of `extract`, matched by id) instead of running the extractor",
    )


@dataclass
class Evaluation:
    scores: Scores
    problems: list[str] = field(default_factory=list)  # rejected gold records, failed extractions
    seconds: float = 0.0
    extractor_version: str | None = None


def run(args: argparse.Namespace) -> int:
    evaluation = evaluate(Path(args.gold), Path(args.predictions) if args.predictions else None)
    for problem in evaluation.problems:
        print(f"error: {problem}", file=sys.stderr)
    scores = evaluation.scores
    if args.json:
        result = {
            "gold": args.gold,
            "extractor_version": evaluation.extractor_version,
            "seconds": round(evaluation.seconds, 3),
            **scores.to_dict(),
        }
        if args.verbose:
            result["findings"] = [asdict(finding) for finding in scores.findings]
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        if args.verbose:
            for finding in scores.findings:
                print(finding)
            print()
        print(format_report(evaluation, args.gold))
    return 1 if evaluation.problems else 0


def evaluate(gold_path: Path, predictions_path: Path | None = None) -> Evaluation:
    """Scores of the extractor (or of saved predictions) on every usable article of a gold file."""
    from workbench.scoring import Scores, score_article

    gold_records, problems = load_gold(gold_path)
    evaluation = Evaluation(scores=Scores(), problems=problems)
    started = time.perf_counter()
    if predictions_path is None:
        predictions = _extract_all(gold_records, evaluation)
    else:
        predictions = _saved_predictions(gold_records, predictions_path, evaluation)
    for gold, predicted in zip(gold_records, predictions, strict=True):
        evaluation.scores.add(score_article(gold, predicted))
    evaluation.seconds = time.perf_counter() - started
    return evaluation


def load_gold(path: Path) -> tuple[list[dict], list[str]]:
    """Gold records that can be scored, and a message for each one that cannot."""
    from workbench.scoring import KINDS

    records: list[dict] = []
    problems: list[str] = []
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(
            str(BadInput(f"cannot read gold file: {getattr(exc, 'strerror', None) or exc}", source=str(path)))
        )
        return records, problems
    if path.suffix.lower() == ".json":
        # A single gold article such as the seed's expected.json (or a list of them).
        try:
            loaded = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(str(BadInput(f"not valid JSON ({exc.msg})", source=str(path), line=exc.lineno)))
            return records, problems
        entries = [(None, item) for item in (loaded if isinstance(loaded, list) else [loaded])]
    else:
        entries = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(str(BadInput(f"not valid JSON ({exc.msg})", source=str(path), line=number)))
    for number, record in entries:
        message = _gold_problem(record, KINDS)
        if message:
            problems.append(str(BadInput(f"gold record not scored: {message}", source=str(path), line=number)))
            continue
        if record.get("id") is None:
            record = {**record, "id": f"{path.stem}:{number}" if number else path.stem}
        records.append(record)
    return records, problems


def _gold_problem(record: object, kinds: tuple[str, ...]) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("text"), str):
        return "'text' is missing or not a string"
    quotes = record.get("quotes", [])
    if not isinstance(quotes, list):
        return "'quotes' is not a list"
    for index, quote in enumerate(quotes):
        if not isinstance(quote, dict) or not isinstance(quote.get("text"), str) or quote.get("kind") not in kinds:
            return f"quote {index} needs a string 'text' and a 'kind' of {' or '.join(kinds)}"
    if not isinstance(record.get("follow_ups", []), list):
        return "'follow_ups' is not a list"
    return None


def _extract_all(gold_records: list[dict], evaluation: Evaluation) -> Iterator[dict]:
    from workbench.extract import EXTRACTOR_VERSION, extract

    evaluation.extractor_version = EXTRACTOR_VERSION
    for gold in gold_records:
        try:
            article = extract(
                gold["text"],
                lang=gold.get("lang") or "auto",
                article_id=gold.get("id"),
                publisher=gold.get("publisher"),
                published=gold.get("published"),
            )
        except Exception as exc:  # noqa: BLE001 - an engine bug must not stop the evaluation
            evaluation.problems.append(
                f"extraction failed for article {gold.get('id')!r} ({type(exc).__name__}: {exc}); scored as no output"
            )
            yield {}
            continue
        yield article.to_dict()


def _saved_predictions(gold_records: list[dict], path: Path, evaluation: Evaluation) -> Iterator[dict]:
    by_id: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        lines = []
        evaluation.problems.append(
            str(BadInput(f"cannot read predictions: {getattr(exc, 'strerror', None) or exc}", source=str(path)))
        )
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            evaluation.problems.append(str(BadInput(f"not valid JSON ({exc.msg})", source=str(path), line=number)))
            continue
        if isinstance(record, dict) and record.get("id") is not None:
            by_id[str(record["id"])] = record
        else:
            evaluation.problems.append(str(BadInput("prediction without an 'id'", source=str(path), line=number)))
    for gold in gold_records:
        predicted = by_id.get(str(gold["id"]))
        if predicted is None:
            evaluation.problems.append(f"{path}: no prediction for article {gold['id']!r}; scored as no output")
        yield predicted or {}


def format_report(evaluation: Evaluation, name: str) -> str:
    scores = evaluation.scores
    version = f", extractor {evaluation.extractor_version}" if evaluation.extractor_version else ""
    lines = [f"{name}: {scores.articles} articles{version}, {evaluation.seconds:.1f} s"]
    header = ("", "gold", "pred", "tp", "fp", "fn", "ignored", "P", "R", "F1", "speaker", "e2e F1")
    lines.append("{:<11}{:>6}{:>6}{:>6}{:>6}{:>6}{:>8}{:>7}{:>7}{:>7}{:>9}{:>8}".format(*header))
    rows = [*scores.kinds.items(), ("all", scores.all)]
    for label, tally in rows:
        lines.append(
            f"{label:<11}{tally.gold:>6}{tally.predicted:>6}{tally.tp:>6}{tally.fp:>6}{tally.fn:>6}{tally.ignored:>8}{_rate(tally.precision):>7}{_rate(tally.recall):>7}{_rate(tally.f1):>7}{_rate(tally.speaker_accuracy):>9}{_rate(tally.e2e_f1):>8}"
        )
    follow = scores.follow_ups
    lines.append(
        f"follow-ups: gold {follow.tp + follow.fn}, predicted {follow.tp + follow.fp}, matched {follow.tp}; "
        f"P {_rate(follow.precision)}, R {_rate(follow.recall)}, F1 {_rate(follow.f1)}, "
        f"status accuracy {_rate(follow.status_accuracy)}"
    )
    lines.append(
        "speaker = accuracy over matched quotes whose gold names a speaker; "
        "ignored = predictions matching gold quotes with speech: false"
    )
    return "\n".join(lines)


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
