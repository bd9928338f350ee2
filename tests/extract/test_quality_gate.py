"""Quality gate: extraction scores on the dev gold sets and the seed may not drop below pinned floors.

pytest runs it over ``../shared/eval/*/dev.jsonl`` and the seed (marked slow). The floors live in
``tests/eval_baseline.json``; raise them as the engine improves:

    python tests/extract/test_quality_gate.py --update [--allow-lower]

which raises the floors to the current scores and refuses to lower any unless told to (a score within the
tolerance below its floor leaves that floor as it is).
Scores come from ``python -m workbench eval GOLD --json``, the command a user runs, so this file
imports nothing from the project and also runs as a plain script. Test splits are never used here.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = Path(os.environ.get("WORKBENCH_SHARED_DIR", REPO_ROOT.parent / "shared"))
BASELINE = REPO_ROOT / "tests" / "eval_baseline.json"
TOLERANCE = 0.005

# PFSA-ID annotates direct quotes only, so its indirect numbers (and "all" rows, which include
# indirect predictions as false positives) say nothing; PolNeAR and the seed have both kinds.
DIRECT_METRICS = ("direct.precision", "direct.recall", "direct.f1", "direct.speaker_accuracy", "direct.e2e_f1")
BOTH_KINDS_METRICS = (
    "direct.precision",
    "direct.recall",
    "direct.f1",
    "indirect.f1",
    "all.speaker_accuracy",
    "all.e2e_f1",
)
GATED: dict[str, tuple[str, tuple[str, ...]]] = {
    "pfsa-id/dev": ("eval/pfsa-id/dev.jsonl", DIRECT_METRICS),
    "polnear/dev": ("eval/polnear/dev.jsonl", BOTH_KINDS_METRICS),
    "seed": ("fixtures/seed/expected.json", (*BOTH_KINDS_METRICS, "follow_ups.f1", "follow_ups.status_accuracy")),
}


def gold_path(name: str) -> Path:
    relative = GATED[name][0]
    if name == "seed" and (REPO_ROOT / "tests" / relative).is_file():
        return REPO_ROOT / "tests" / relative  # the repository's own copy, when there is one
    return SHARED_DIR / relative


@functools.cache
def current_scores(name: str) -> tuple[dict[str, float], str]:
    """({metric: score}, problems) of the extractor on one gold set; undefined scores count as 0."""
    run = subprocess.run(
        [sys.executable, "-m", "workbench", "eval", str(gold_path(name)), "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if not run.stdout.strip():
        return {}, f"`workbench eval` printed nothing (exit {run.returncode}): {run.stderr.strip()[-2000:]}"
    numbers = json.loads(run.stdout)
    scores = {}
    for metric in GATED[name][1]:
        group, _, key = metric.partition(".")
        scores[metric] = numbers[group][key] or 0.0
    return scores, run.stderr.strip()


def load_floors() -> dict[str, dict[str, float]]:
    if not BASELINE.is_file():
        return {}
    return json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


def below_floor(name: str, scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    failures = []
    for metric in GATED[name][1]:
        if metric not in floors:
            failures.append(f"{name} {metric}: no floor pinned in {BASELINE.name}; run this file with --update")
        elif metric not in scores:
            failures.append(f"{name} {metric}: not measured")
        elif scores[metric] < floors[metric] - TOLERANCE:
            failures.append(
                f"{name} {metric} dropped to {scores[metric]:.3f}, below its floor {floors[metric]:.3f}"
                f" (tolerance {TOLERANCE})"
            )
    return failures


@pytest.mark.slow
@pytest.mark.parametrize("name", list(GATED))
def test_scores_stay_above_their_floors(name):
    from conftest import need

    need(gold_path(name).is_file(), f"the gold set {gold_path(name)} is missing")
    scores, problems = current_scores(name)
    assert not problems, f"{name}: the evaluation reported problems:\n{problems}"
    failures = below_floor(name, scores, load_floors().get(name, {}))
    assert not failures, "\n".join(failures)


def test_a_drop_below_a_floor_names_the_metric():
    floors = {metric: 0.8 for metric in DIRECT_METRICS}
    scores = {**floors, "direct.recall": 0.7949, "direct.f1": 0.7951}
    assert below_floor("pfsa-id/dev", scores, floors) == [
        "pfsa-id/dev direct.recall dropped to 0.795, below its floor 0.800 (tolerance 0.005)"
    ]
    assert below_floor("pfsa-id/dev", scores, {}) == [
        f"pfsa-id/dev {metric}: no floor pinned in eval_baseline.json; run this file with --update"
        for metric in DIRECT_METRICS
    ]


def test_update_raises_floors_and_refuses_to_lower_them():
    old = {"seed": {"direct.f1": 0.9, "direct.recall": 0.5, "direct.precision": 0.8}}
    current = {"seed": {"direct.f1": 0.85, "direct.recall": 0.61234, "direct.precision": 0.797}}
    floors, refused = updated_floors(old, current, allow_lower=False)
    # precision 0.797 is within the tolerance of its floor: the floor stays, nothing is refused for it
    assert floors["seed"] == {"direct.f1": 0.9, "direct.recall": 0.612, "direct.precision": 0.8}
    assert refused == ["seed direct.f1: 0.850 is below the floor 0.900"]
    floors, refused = updated_floors(old, current, allow_lower=True)
    assert (floors["seed"]["direct.f1"], floors["seed"]["direct.precision"], refused) == (0.85, 0.797, [])


def updated_floors(
    old: dict[str, dict[str, float]], current: dict[str, dict[str, float]], *, allow_lower: bool
) -> tuple[dict[str, dict[str, float]], list[str]]:
    """New floors from current scores (rounded down to 3 places), and the lowerings refused."""
    floors = {name: dict(metrics) for name, metrics in old.items()}
    refused = []
    for name, scores in current.items():
        for metric, score in scores.items():
            floor = math.floor(score * 1000 + 1e-9) / 1000
            previous = old.get(name, {}).get(metric)
            if previous is not None and floor < previous and not allow_lower:
                # Within the tolerance the old floor still holds and simply stays; beyond it, say so.
                if score < previous - TOLERANCE:
                    refused.append(f"{name} {metric}: {score:.3f} is below the floor {previous:.3f}")
                continue
            floors.setdefault(name, {})[metric] = floor
    return floors, refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or update the extraction quality floors.")
    parser.add_argument("--update", action="store_true", help=f"rewrite {BASELINE} from the current scores")
    parser.add_argument("--allow-lower", action="store_true", help="let --update lower a floor")
    args = parser.parse_args(argv)
    current, failures = {}, []
    for name in GATED:
        if not gold_path(name).is_file():
            print(f"error: the gold set {gold_path(name)} is missing (set WORKBENCH_SHARED_DIR)", file=sys.stderr)
            return 1
        scores, problems = current_scores(name)
        if problems or not scores:
            print(f"error: {name}: {problems}", file=sys.stderr)
            return 1
        current[name] = scores
        print(name + ": " + ", ".join(f"{metric} {score:.3f}" for metric, score in scores.items()))
        failures += below_floor(name, scores, load_floors().get(name, {}))
    if not args.update:
        print("\n".join(failures) or "all scores at or above their floors")
        return 1 if failures else 0
    floors, refused = updated_floors(load_floors(), current, allow_lower=args.allow_lower)
    if refused:
        print("refused to lower floors (pass --allow-lower if that is intended):", *refused, sep="\n  ")
        return 1
    baseline = {
        "comment": "Floors for tests/extract/test_quality_gate.py; update with that file's --update.",
        "floors": floors,
    }
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
