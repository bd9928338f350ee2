"""One linter and formatter, run by the test command, so style never needs a review comment."""

import subprocess
import sys

from conftest import REPO_ROOT


def test_ruff_check_passes():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=REPO_ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_applied():
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
