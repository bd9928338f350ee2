"""Settings read from the environment, in one place.

WORKBENCH_DATABASE_URL   database URL; default: an SQLite file in the data folder
WORKBENCH_DATA_DIR       data folder; default: $XDG_DATA_HOME/quote-workbench (~/.local/share/...)
WORKBENCH_ORG_NAME       fact-checking organisation named in ClaimReview exports
WORKBENCH_ORG_URL        its web address
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    explicit = os.environ.get("WORKBENCH_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "quote-workbench"


def database_url() -> str:
    url = os.environ.get("WORKBENCH_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'workbench.db'}"


def organisation() -> tuple[str, str]:
    return (
        os.environ.get("WORKBENCH_ORG_NAME", "Quote Workbench fact-check desk"),
        os.environ.get("WORKBENCH_ORG_URL", "https://example.org/fact-check"),
    )
