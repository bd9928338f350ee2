"""``bench [extract|ingest|pages|export|output]``: speed measurements, printed with the machine's description,
and the output check that goes with speed work."""

from __future__ import annotations

import argparse
import importlib
import sys

PARTS = {
    "extract": ("workbench.benchmarks.extract", "extraction throughput over the eval corpora (one core)"),
    "ingest": ("workbench.benchmarks.ingest", "articles/s stored into SQLite and PostgreSQL"),
    "pages": ("workbench.benchmarks.pages", "server time per rerun of each UI page on a large desk"),
    "export": ("workbench.benchmarks.export", "time to export 100,000 quotes per format"),
    "output": (
        "workbench.benchmarks.output",
        "extraction output saved, then compared (same output after a speed change)",
    ),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="part", metavar="PART")
    # Import only the part named on the command line: each pulls in heavy modules of its own.
    chosen = next((token for token in sys.argv[1:] if token in PARTS), None)
    for name, (module_name, help_text) in PARTS.items():
        part_parser = sub.add_parser(name, help=help_text, description=help_text)
        if chosen is None or name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(part_parser)
            part_parser.set_defaults(_bench=module.run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "_bench", None) is None:
        # Plain `bench` measures extraction, the hot path.
        module = importlib.import_module(PARTS["extract"][0])
        parser = argparse.ArgumentParser()
        module.add_arguments(parser)
        return int(module.run(parser.parse_args([])) or 0)
    return int(args._bench(args) or 0)
