"""The export page in a real browser: a click on a download button makes the sheet then and there.

Streamlit runs a download button's callable only in a live server (AppTest cannot), so this is
where the deferred generation is checked: the CSV that arrives holds the verified quotes.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import need
from tests.export.conftest import build_desk
from workbench.startup import open_database

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WAIT_MS = 30_000

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def export_server(tmp_path):
    need(Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK), f"Debian's chromium is not installed at {CHROMIUM}")
    database = f"sqlite:///{tmp_path / 'browser.db'}"
    sessions = open_database(database, load_demo_if_empty=False)
    with sessions.begin() as session:
        desk = build_desk(session)
    sessions.kw["bind"].dispose()
    port = _free_port()
    log = open(tmp_path / "streamlit.log", "wb")  # noqa: SIM115 - closed below, after the server stops
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, env=dict(os.environ, WORKBENCH_DATABASE_URL=database), stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"streamlit exited with status {process.returncode}"
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "streamlit did not start within 60 s"
                time.sleep(0.2)
        yield url, desk
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_download_button_makes_the_csv_on_click(export_server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    url, desk = export_server
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(accept_downloads=True, viewport={"width": 1600, "height": 1100})
            page.set_default_timeout(WAIT_MS)
            page.goto(f"{url}/export")
            expect(page.get_by_text("Quotes in the sheet")).to_be_visible()
            with page.expect_download() as download_info:
                page.get_by_role("button", name="CSV").click()
            download = download_info.value
            assert download.suggested_filename.endswith(".csv")
            data = Path(download.path()).read_bytes()
        finally:
            browser.close()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {int(r["quote_id"]) for r in rows} == desk.verified
