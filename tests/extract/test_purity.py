"""Extraction is pure: importing it pulls in no database, UI or network modules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
FORBIDDEN = ("sqlalchemy", "streamlit", "alembic", "trafilatura", "requests", "urllib.request", "http.client", "socket")


@pytest.fixture(scope="module")
def loaded_modules() -> set[str]:
    code = "import sys, json, workbench.extract; workbench.extract.extract('Ia berkata, \"ya.\"'); print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    return set(json.loads(run.stdout))


@pytest.mark.parametrize("module", FORBIDDEN)
def test_extract_does_not_import(loaded_modules, module):
    assert module not in loaded_modules


def test_the_check_sees_what_is_imported(loaded_modules):
    # The subprocess really imported the package (so an empty module list cannot pass the test above).
    assert "workbench.extract.pipeline" in loaded_modules
    assert "dateutil" in loaded_modules
