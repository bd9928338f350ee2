"""The app in a real browser: Debian's chromium driven by Playwright against `streamlit run app.py`.

A reviewer opens the demo article, confirms a quote and records that the party chair (Joni
Muslim) did not respond; after a reload both are still there, on the page and in the database.
The test also writes docs/article-review.png, the screenshot the README shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import make_engine, make_session_factory
from db.models import FollowUp, Quote
from tests.browser import CHROMIUM, CHROMIUM_ARGS, WAIT_MS, need_chromium, streamlit_app

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO_ROOT / "docs" / "article-review.png"

pytestmark = pytest.mark.browser


@pytest.fixture
def app_server(tmp_path):
    need_chromium()
    database = f"sqlite:///{tmp_path / 'browser.db'}"
    with streamlit_app(database, tmp_path / "streamlit.log") as url:
        yield url, database


def _choose(page, label: str, option: str, *, scope=None) -> None:
    """Pick ``option`` in the select box labelled ``label``: type to filter, click the match."""
    box = (scope or page).get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option").filter(has_text=option).first.click()


def test_review_in_a_real_browser_persists_after_reload(app_server):
    from playwright.sync_api import expect, sync_playwright

    url, database = app_server
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1100})
            page.set_default_timeout(WAIT_MS)
            page.goto(url)

            # The name is asked once and recorded with every change.
            page.get_by_label("Your name").fill("Ana Reviewer")
            page.get_by_label("Your name").press("Enter")
            expect(page.get_by_text("Reviewing as")).to_be_visible()

            # Open the demo article from the list (a click on its row; the grid is drawn on a
            # canvas, so the row is found by position under the 35-pixel header).
            expect(page.get_by_text("1 article", exact=True)).to_be_visible()
            grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
            page.mouse.click(grid["x"] + 15, grid["y"] + 35 + 17)
            page.wait_for_url("**/article_review?article=*")
            expect(page.get_by_role("heading", name="Bakhtiar Wakkang kecewa")).to_be_visible()
            _choose(page, "Quote to review", "Saya kecewa")
            form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_label("Attribution"))
            expect(form).to_be_visible()
            _choose(page, "Attribution", "confirmed", scope=form)
            form.get_by_role("button", name="Save").click()
            expect(page.get_by_text("Saved.")).to_be_visible()

            # The party chair, Joni Muslim, did not answer the outlet.
            chair = page.locator('[data-testid="stExpander"]').filter(has_text="Joni Muslim")
            expect(chair).to_be_visible()
            _choose(page, "Status", "no response", scope=chair)
            chair.get_by_label("Summary").fill("no response from party chair")
            chair.get_by_role("button", name="Save follow-up").click()
            expect(page.get_by_text("Follow-up saved.")).to_be_visible()

            # A reload is a new browser session: both decisions come back from the database.
            page.reload()
            expect(page.get_by_role("heading", name="Bakhtiar Wakkang kecewa")).to_be_visible()
            form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_label("Attribution"))
            expect(form.get_by_label("Attribution")).to_have_value("confirmed")
            chair = page.locator('[data-testid="stExpander"]').filter(has_text="Joni Muslim")
            expect(chair).to_contain_text("no response")
            expect(chair.get_by_label("Summary")).to_have_value("no response from party chair")
            expect(page.locator("mark.qw-selected").first).to_be_visible()

            # The picture for the README: a reviewer at work on the demo article.
            page.get_by_label("Your name").fill("Ana Reviewer")
            page.get_by_label("Your name").press("Enter")
            expect(page.get_by_text("Reviewing as")).to_be_visible()
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.wait_for_timeout(500)  # let the last images and fonts settle before the picture
            page.screenshot(path=str(SCREENSHOT), full_page=False)
        finally:
            browser.close()

    engine = make_engine(database)
    try:
        with make_session_factory(engine).begin() as session:
            quote = session.scalars(select(Quote).where(Quote.text.startswith("Saya kecewa"))).one()
            assert (quote.attribution, quote.reviewed_by) == ("confirmed", "Ana Reviewer")
            follow_up = session.scalars(select(FollowUp).where(FollowUp.target_name.contains("Joni Muslim"))).one()
            assert (follow_up.status, follow_up.summary, follow_up.updated_by) == (
                "no_response",
                "no response from party chair",
                "Ana Reviewer",
            )
    finally:
        engine.dispose()


def test_queue_works_from_the_keyboard(app_server):
    """Type to choose, Tab to the next field, Enter to "save and next"; focus lands on the next quote."""
    from playwright.sync_api import expect, sync_playwright

    url, database = app_server
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1100})
            page.set_default_timeout(WAIT_MS)
            page.goto(f"{url}/queue")
            page.get_by_label("Your name").fill("Ana Reviewer")
            page.get_by_label("Your name").press("Enter")
            form = page.locator('[data-testid="stForm"]')
            attribution = form.get_by_label("Attribution", exact=True)
            expect(attribution).to_have_value("unreviewed")

            attribution.click()
            page.keyboard.type("confirmed")
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")  # speaker
            page.keyboard.press("Tab")  # verdict
            page.keyboard.type("misleading")
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")  # follow-up
            page.keyboard.press("Tab")  # follow-up summary
            page.keyboard.type("asked the ministry")
            page.keyboard.press("Enter")

            # The next unreviewed quote is open and its first field has the focus again.
            expect(page.get_by_text("Saved.")).to_be_visible()
            # The focused field is the next quote's Attribution. (Asked of the focused element: on a loaded
            # machine the saved quote's form may still be fading out for a moment, a second match by label.)
            focused = page.locator("*:focus")
            expect(focused).to_have_attribute("aria-label", "Attribution")
            expect(focused).to_have_value("unreviewed")
            expect(form).to_have_count(1)  # the saved quote's form is gone, the next one is drawn
        finally:
            browser.close()

    engine = make_engine(database)
    try:
        with make_session_factory(engine).begin() as session:
            reviewed = session.scalars(select(Quote).where(Quote.reviewed_by == "Ana Reviewer")).all()
            assert [(q.attribution, q.verdict, q.follow_up_summary) for q in reviewed] == [
                ("confirmed", "misleading", "asked the ministry")
            ]
    finally:
        engine.dispose()
