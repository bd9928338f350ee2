"""``bench extract``: throughput of ``extract()`` on one core over the evaluation corpora.

Every article's text is extracted, round after round, until at least ``--seconds`` of extraction time has
been spent (or exactly ``--rounds N`` rounds: a fixed amount of work, to count instructions with callgrind,
whose count is steady where timings on a shared machine are not); articles/s and MB/s (UTF-8 bytes of input)
are that work (MB = 10^6 bytes) divided by the time spent inside ``extract()``, so reading the files is not
counted.
The same rate by this process's CPU time is printed too: on a shared or virtual machine the wall-clock rate
drops when other work takes the core, the CPU-time rate much less.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from workbench.benchmarks import machine_description

TARGET_ARTICLES_PER_SECOND = 1000
CORPUS_FILES = ("pfsa-id/dev.jsonl", "pfsa-id/test.jsonl", "polnear/dev.jsonl", "polnear/test.jsonl")


def default_corpora() -> list[Path]:
    shared = os.environ.get("WORKBENCH_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared"
    return [Path(shared) / "eval" / name for name in CORPUS_FILES]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="articles to extract (.jsonl/.txt/.html files or folders); default: the four eval files in ../shared/eval",
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="least extraction time to measure (default: 3)")
    parser.add_argument(
        "--rounds",
        type=_positive,
        metavar="N",
        help="extract every article exactly N times instead (a fixed amount of work, for instruction counts)",
    )


def run(args: argparse.Namespace) -> int:
    from workbench.errors import BadInput
    from workbench.extract import EXTRACTOR_VERSION, extract
    from workbench.sources import read_paths

    paths = args.corpus or default_corpora()
    missing = [path for path in paths if not path.exists()]
    if missing:
        print(
            "error: cannot benchmark: corpus not found: "
            + ", ".join(map(str, missing))
            + " (pass --corpus PATH..., or set WORKBENCH_SHARED_DIR to the shared folder)",
            file=sys.stderr,
        )
        return 1
    articles = []
    for item in read_paths(paths):
        if isinstance(item, BadInput):
            print(f"warning: skipped: {item}", file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        print("error: cannot benchmark: no articles in " + ", ".join(map(str, paths)), file=sys.stderr)
        return 1
    core = _pin_to_one_core()
    calls = [
        (a.text, {"lang": a.lang or "auto", "article_id": a.id, "publisher": a.publisher, "published": a.published})
        for a in articles
    ]
    sizes = [len(text.encode("utf-8")) for text, _ in calls]
    round_bytes = sum(sizes)
    failures: dict[int, str] = {}  # article index -> error; an engine bug is reported, not a crash

    cpu_spent = [0.0]  # CPU time of this process inside extract(): what a busy virtual machine steals is not in it

    def timed(index: int) -> float | None:
        if index in failures:
            return None
        text, options = calls[index]
        cpu_started = time.process_time()
        started = time.perf_counter()
        try:
            extract(text, **options)
        except Exception as exc:  # noqa: BLE001 - measure the rest, name the article that failed
            failures[index] = f"{type(exc).__name__}: {exc}"
            return None
        elapsed = time.perf_counter() - started
        cpu_spent[0] += time.process_time() - cpu_started
        return elapsed

    timed(0)  # warm-up: imports and compiled patterns are not throughput
    cpu_spent[0] = 0.0
    count = size = rounds = 0
    spent = 0.0
    slowest = (0.0, None)
    while (rounds < args.rounds if args.rounds is not None else spent < args.seconds) and len(failures) < len(calls):
        for index, article_bytes in enumerate(sizes):
            elapsed = timed(index)
            if elapsed is None:
                continue
            spent += elapsed
            count += 1
            size += article_bytes
            if elapsed > slowest[0]:
                slowest = (elapsed, calls[index][1]["article_id"])
        rounds += 1
    for index, error in failures.items():
        article = articles[index]
        print(
            f"error: {article.source}: extraction failed for article {article.id!r} ({error}); not counted",
            file=sys.stderr,
        )
    if not count:
        print("error: cannot benchmark: extraction failed for every article", file=sys.stderr)
        return 1

    per_second = count / spent
    print(f"extract() {EXTRACTOR_VERSION}: {len(calls)} articles, {round_bytes / 1e6:.2f} MB per round")
    print(f"  corpora: {', '.join(map(str, paths))}")
    print(
        f"  {rounds} round(s), {count} articles in {spent:.2f} s on one core"
        + (f" (pinned to CPU {core})" if core is not None else "")
    )
    print(f"  {per_second:,.0f} articles/s, {size / 1e6 / spent:.2f} MB/s, {1000 * spent / count:.2f} ms/article mean")
    if cpu_spent[0] > 0:
        print(f"  {count / cpu_spent[0]:,.0f} articles/s counting this process's CPU time only")
    print(f"  slowest article: {slowest[1]} at {1000 * slowest[0]:.1f} ms")
    verdict = "met" if per_second >= TARGET_ARTICLES_PER_SECOND else "NOT met"
    print(f"  target >= {TARGET_ARTICLES_PER_SECOND:,} articles/s: {verdict}")
    print(f"  machine: {machine_description()}")
    if hasattr(os, "getloadavg"):
        # Other work on the machine slows one core too; say how busy it was so the number can be judged.
        print(f"  load average over the last minute: {os.getloadavg()[0]:.2f}")
    return 1 if failures else 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _pin_to_one_core() -> int | None:
    """Run on one CPU so the number does not depend on how many cores happen to be idle."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
    except OSError:
        return None
    return core
