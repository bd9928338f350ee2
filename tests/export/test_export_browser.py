"""The export page in a real browser: a click on a download button makes the sheet then and there.

Streamlit runs a download button's callable only in a live server (AppTest cannot), so this is
where the deferred generation is checked: the CSV that arrives holds the verified quotes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, WAIT_MS, need_chromium, streamlit_app
from tests.export.conftest import build_desk
from workbench.startup import open_database

pytestmark = pytest.mark.browser


@pytest.fixture
def export_server(tmp_path):
    need_chromium()
    database = f"sqlite:///{tmp_path / 'browser.db'}"
    sessions = open_database(database, load_demo_if_empty=False)
    with sessions.begin() as session:
        desk = build_desk(session)
    sessions.kw["bind"].dispose()
    with streamlit_app(database, tmp_path / "streamlit.log") as url:
        yield url, desk


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
