"""``bench export`` runs end to end on a small desk (what it prints, not how fast: speed is its job)."""

from __future__ import annotations

import re

from workbench.cli import main


def test_bench_export_seeds_and_reports_every_format(capsys):
    status = main(["bench", "export", "--quotes", "200"])
    out = capsys.readouterr().out
    assert "200 quotes over 10 articles" in out
    assert "exporting 200 quotes (160 verified)" in out
    for name in ("csv", "json", "xlsx", "md", "html"):
        assert re.search(rf"^  {name} +[\d.]+ s \(cpu +[\d.]+ s\) +200 rows", out, re.M), name
    # Quotes with a verdict only: the seed gives 5 of every 7 reviewed quotes one.
    assert re.search(r"^  claimreview .* (\d+) rows", out, re.M)
    assert "target < 3 s" in out and "target < 20 s" in out
    assert status == (1 if "NOT met" in out else 0)


def test_bench_export_refuses_nonsense(capsys):
    assert main(["bench", "export", "--quotes", "0"]) == 1
    assert "--quotes must be at least 1" in capsys.readouterr().err
