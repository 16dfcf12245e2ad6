"""Deep links as the very first request after a server start (a restart, a deploy).

Each test starts its own server, because what matters is the first run after the
start: with a pages/ folder Streamlit may then run the page file on its own,
without app.py (no worksheet, no sidebar, no saving).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import (
    MARKS,
    TIMEOUT_MS,
    assert_no_app_error,
    browser_pages,
    field,
    heading,
    launch_chromium,
    running_app,
    sidebar_button,
)

from werkblad.model import Worksheet
from werkblad.storage import DB_FILE_NAME, DraftStore

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect
expect.set_options(timeout=TIMEOUT_MS)

pytestmark = MARKS


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def page(browser, request, data_dir: Path):
    with browser_pages(browser, request, data_dir / "server.log") as pages:
        yield pages.new()


@pytest.fixture
def fresh_app(data_dir: Path) -> Iterator[str]:
    """A server that has served nobody yet."""
    with running_app(data_dir, log_path=data_dir / "server.log") as url:
        yield url


def test_deep_link_to_a_step_right_after_the_start(fresh_app: str, page) -> None:
    page.goto(fresh_app + "/afwegen")
    expect(heading(page, "3. Afwegen")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    # The whole app, not the page file alone: the sidebar's steps and the step's fields.
    expect(sidebar_button(page, "1. Kennismaken")).to_be_visible()
    expect(field(page, "Wat is de conclusie?")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    assert_no_app_error(page)


def test_handover_link_as_the_first_request_after_the_start(data_dir: Path, page) -> None:
    store = DraftStore(data_dir / DB_FILE_NAME)
    worksheet = Worksheet.model_validate(
        {"title": "Woo-verzoek over de subsidie", "introduction": {"dilemma": "Lakken of niet?"}}
    )
    wid = store.create(worksheet).id
    with running_app(data_dir, log_path=data_dir / "server.log") as url:
        page.goto(f"{url}/gesprek?id={wid}")
        expect(heading(page, "Over het gesprek")).to_be_visible(timeout=60_000)
        expect(field(page, "Titel van het gesprek")).to_have_value("Woo-verzoek over de subsidie")
        sidebar_button(page, "1. Kennismaken").click()
        expect(heading(page, "1. Kennismaken")).to_be_visible()
        expect(field(page, "Wat is het dilemma?")).to_have_value("Lakken of niet?")
        assert_no_app_error(page)
