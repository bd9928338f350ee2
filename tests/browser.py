"""What the browser tests share: Debian's chromium, and `streamlit run app.py` on a free local port."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO_ROOT, need

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 30_000


def need_chromium() -> None:
    """Skip (fail under CI) when Debian's chromium or the streamlit command is missing."""
    need(Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK), f"Debian's chromium is not installed at {CHROMIUM}")
    need(shutil.which("streamlit", path=str(Path(sys.executable).parent)) is not None, "streamlit is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"streamlit exited early with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"streamlit did not answer at {url} within {timeout_s} s")


@contextlib.contextmanager
def streamlit_app(database_url: str, log_path: Path) -> Iterator[str]:
    """Run the app on ``database_url`` until the block ends; yields its base URL. Output goes to ``log_path``."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    env = dict(os.environ, WORKBENCH_DATABASE_URL=database_url)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
