"""``bench output``: extraction output saved, then compared, to show that a speed change changed nothing.

``--save FILE`` writes what ``extract()`` returns (its ``repr``, every field) for every article of the eval
corpora (as given, with ``lang="auto"`` and with CRLF line ends), edge cases and random strings built from
quotation marks, cue words and names (fixed seed); ``--check FILE`` extracts the same cases again and lists
each case whose output differs. Run ``--save`` before a change and ``--check`` after it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from workbench.benchmarks.extract import default_corpora

RANDOM_CASES = 3000
_EDGE_CASES = (
    "",
    " ",
    "\n\n",
    '"',
    '""',
    '"a," kata',
    "\u0130\u0130\u0130 said",
    '--said "x y z," he said.',
    'Ia mengatakan, "Saya kecewa."',
    "\u201cA b c,\u201d ujarnya.",
    '\u65e5\u672c\u8a9e "\u30c6\u30b9\u30c8 \u3067\u3059" said Mr. X.',
    "\x00\x01\x02" * 50,
    "'' a b '' said Bob Smith.",
)
# Pieces that make the rules fire (marks, cues, names, roles, follow-up phrases, datelines), joined at random.
_PIECES = (
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", ",", ".", " ", " ", " ", "\n", "\n\n",
    "--", "(", ")", ":", "kata", "ujarnya", "said", "says", "mengatakan", "menurut", "according to", "Menurut",
    "he", "she", "ia", "Ia", "Bakhtiar Wakkang", "BW", "Ketua DPD", "Joni Muslim", "Mr.", "Donald Trump",
    "Clinton", "Pak", "Basri", "tidak dapat dihubungi", "declined to comment", "Baca Juga:", "bahwa", "that",
    "the", "Presiden", "Jokowi", "yang akrab disapa", "sapaan akrabnya", "Selasa (20/08/2024)",
    "JAKARTA, KOMPAS.com -", "told", "reporters", "A", "Sen.", "U.S.", "ini", "tersebut", "sebagai", "as",
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", metavar="FILE", type=Path, help="write the output of every case (gzip JSON)")
    action.add_argument("--check", metavar="FILE", type=Path, help="compare every case with a saved file")
    parser.add_argument(
        "--random", type=int, default=RANDOM_CASES, metavar="N", help=f"random strings (default: {RANDOM_CASES})"
    )
    parser.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="articles (.jsonl/.txt/.html files or folders); default: the four eval files in ../shared/eval",
    )


def cases(paths: list[Path], random_cases: int = RANDOM_CASES) -> Iterator[tuple[str, str, str]]:
    """(case name, text, lang) for every case, always in the same order."""
    from workbench.errors import BadInput
    from workbench.sources import read_paths

    for item in read_paths(paths):
        if isinstance(item, BadInput):
            continue
        name = f"{item.source}#{item.id}"
        yield f"{name}/given", item.text, item.lang or "auto"
        yield f"{name}/auto", item.text, "auto"
        yield f"{name}/crlf", item.text.replace("\n", "\r\n"), item.lang or "auto"
    for k, text in enumerate(_EDGE_CASES):
        for lang in ("id", "en", "auto"):
            yield f"edge{k}/{lang}", text, lang
    pick = random.Random(1234)
    for k in range(random_cases):
        pieces = (pick.choice(_PIECES) + (" " if pick.random() < 0.5 else "") for _ in range(pick.randint(1, 80)))
        text = "".join(pieces)
        yield f"random{k}", text, pick.choice(("id", "en", "auto"))


def _output(text: str, lang: str) -> str:
    from workbench.extract import extract

    try:
        return repr(extract(text, lang=lang))
    except Exception as exc:  # noqa: BLE001 - an engine bug is output too: it must stay (or go) the same
        return f"raised {type(exc).__name__}: {exc}"


def run(args: argparse.Namespace) -> int:
    paths = args.corpus or default_corpora()
    missing = [path for path in paths if not path.exists()]
    if missing:
        print("error: corpus not found: " + ", ".join(map(str, missing)), file=sys.stderr)
        return 1
    if args.save:
        outputs = {name: _output(text, lang) for name, text, lang in cases(paths, args.random)}
        with gzip.open(args.save, "wt", encoding="utf-8") as handle:
            json.dump(outputs, handle, ensure_ascii=False)
        print(f"saved the output of {len(outputs):,} cases to {args.save}")
        return 0
    try:
        with gzip.open(args.check, "rt", encoding="utf-8") as handle:
            saved = json.load(handle)
    except (OSError, ValueError, EOFError) as exc:
        print(f"error: cannot read saved output {args.check}: {exc}", file=sys.stderr)
        return 1
    checked = differ = 0
    for name, text, lang in cases(paths, args.random):
        checked += 1
        now = _output(text, lang)
        before = saved.get(name)
        if before == now:
            continue
        differ += 1
        if differ <= 5:
            print(f"differs: {name}\n{_difference(before, now)}")
    if checked != len(saved):
        print(f"note: {len(saved):,} cases saved, {checked:,} checked now (corpus or case list changed)")
    print(f"{checked:,} cases, {differ:,} differ" + ("" if differ else ": output identical"))
    return 1 if differ else 0


def _difference(before: str | None, now: str, context: int = 150) -> str:
    if before is None:
        return "  (not in the saved file)"
    at = next((i for i, (a, b) in enumerate(zip(before, now, strict=False)) if a != b), min(len(before), len(now)))
    return (
        f"  saved: ...{before[max(0, at - context) : at + context]}\n"
        f"  now:   ...{now[max(0, at - context) : at + context]}"
    )
