"""Shared pieces for the real-browser tests: a server on a free port and Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    data_dir: Path, extra_env: dict[str, str] | None = None, log_path: Path | None = None
):
    """Start `streamlit run app.py` and yield its base URL once it is healthy.

    With `log_path`, the server's output goes there (to read after a failure).
    """
    port = free_port()
    log = open(log_path, "wb") if log_path else None  # noqa: SIM115 (closed below)
    env = {**os.environ, "DILEMMAGESPREK_DATA_DIR": str(data_dir), **(extra_env or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("de app startte niet")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            log.close()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


# In CI a missing browser is an install step gone wrong: fail there, skip elsewhere.
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]


# --------------------------------------------------------------------------------------
# Helpers for the test_browser_* modules. Playwright is imported lazily, so this file
# imports (and the browser tests skip cleanly) where Playwright is not installed.
# --------------------------------------------------------------------------------------

VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000  # a slow CI machine: a Streamlit rerun can take a few seconds
SCREENSHOT_DIR = Path("/tmp")
ROW_PX = 35  # the data editor's row height; the header row is as high


def launch_chromium(playwright):
    """Debian's Chromium through Playwright; never Playwright's own browser download."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


class RunWatcher:
    """Notes when the app's script runs start and end, from the messages the page gets.

    A script run that a widget starts comes a moment later (the grid waits 150 ms
    before it sends an edit), so the page's own "not running" does not say whether
    that run has been and gone; this does.
    """

    def __init__(self) -> None:
        self.events: list[str] = []

    def attach(self, websocket) -> None:
        websocket.on("framereceived", self._received)

    def _received(self, payload) -> None:
        if not isinstance(payload, bytes):
            return
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        kind = ForwardMsg.FromString(payload).WhichOneof("type")
        if kind == "new_session":  # sent when a script run starts
            self.events.append("start")
        elif kind == "script_finished":
            self.events.append("end")

    def mark(self) -> int:
        return len(self.events)

    def wait_for_run_since(self, page, mark: int, timeout: float = TIMEOUT_MS / 1000) -> None:
        """Wait until a run started after `mark` and the last run has ended."""
        deadline = time.monotonic() + timeout
        while not ("start" in self.events[mark:] and self.events[-1] == "end"):
            if time.monotonic() > deadline:
                raise AssertionError(f"no finished script run after the action: {self.events}")
            page.wait_for_timeout(20)


_WATCHERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def run_watcher(page) -> RunWatcher:
    """The watcher of a page made by `Pages.new`."""
    return _WATCHERS[page]


class Pages:
    """Fresh browser contexts for one test: each is its own Streamlit session.

    Every page fails the test on a JavaScript dialog (alert, confirm), and on
    failure each page leaves a screenshot in /tmp.
    """

    def __init__(self, browser, test_name: str) -> None:
        self.browser = browser
        self.test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        self.contexts: list = []
        self.pages: list = []
        self.dialogs: list[str] = []

    def new(self):
        context = self.browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("dialog", self._on_dialog)
        watcher = RunWatcher()
        page.on("websocket", watcher.attach)
        _WATCHERS[page] = watcher
        self.pages.append(page)
        return page

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def screenshots(self) -> list[Path]:
        shots = []
        for index, page in enumerate(self.pages):
            path = SCREENSHOT_DIR / f"browser-failure-{self.test_name}-{index}.png"
            try:
                page.screenshot(path=str(path), full_page=True)
            except Exception:  # a crashed page must not hide the test's own failure
                continue
            shots.append(path)
        return shots

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@contextmanager
def browser_pages(browser, request, server_log: Path | None = None):
    """Yield a `Pages` for one test; on failure screenshots and the server's log tail."""
    pages = Pages(browser, request.node.name)
    failed_before = request.session.testsfailed
    try:
        yield pages
        # The call phase is reported (and counted) before fixtures are torn down.
        if request.session.testsfailed > failed_before:
            for path in pages.screenshots():
                print(f"screenshot: {path}")
            if server_log and server_log.exists():
                tail = server_log.read_text(errors="replace").splitlines()[-40:]
                print("server log:", *tail, sep="\n")
        assert not pages.dialogs, f"unexpected JavaScript dialogs: {pages.dialogs}"
    finally:
        pages.close()


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def heading(page, text: str):
    return page.get_by_role("heading", name=text, exact=True, level=1)


def sidebar_button(page, title: str):
    """A button in the sidebar whose label ends with `title` (its icon comes first)."""
    return sidebar(page).get_by_role("button", name=re.compile(re.escape(title) + r"\s*$"))


def open_path(page, base_url: str, path: str, title: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + path)
    expect(heading(page, title)).to_be_visible(timeout=30_000)


def go_to(page, step: str) -> None:
    """Click a step in the sidebar (once) and wait for its heading."""
    from playwright.sync_api import expect

    sidebar_button(page, step).click()
    expect(heading(page, step)).to_be_visible()


def worksheet_id(page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("id", [None])[0]


def wait_for_draft(store, page, check, what: str, timeout: float = TIMEOUT_MS / 1000):
    """Poll the draft store until the page's worksheet passes `check`; return it.

    For values Streamlit commits in the background (a blur, a grid edit): the store
    is where they land, so wait for them there instead of sleeping.
    """
    from werkblad.storage import DraftNotFound

    deadline = time.monotonic() + timeout
    seen = None
    while True:
        wid = worksheet_id(page)
        if wid:
            try:
                seen = store.load(wid).worksheet
            except DraftNotFound:
                seen = None
            if seen is not None and check(seen):
                return seen
        if time.monotonic() > deadline:
            raise AssertionError(f"not in the draft store: {what} (id {wid!r}, last seen {seen!r})")
        page.wait_for_timeout(100)  # lets the page process its messages meanwhile


def add_grid_row(page, text: str, *, grid_index: int = 0, row: int = 0) -> None:
    """Add a row to a data editor and type `text` into its first cell.

    The grid is a canvas: hover it for the toolbar, click "Add row", double-click
    the cell by its coordinates, type into Glide's overlay editor, Enter, Escape.
    """
    from playwright.sync_api import expect

    grid = page.get_by_test_id("stDataFrame").nth(grid_index)
    grid.hover()
    runs = run_watcher(page)
    mark = runs.mark()
    # A dispatched click: the grid's own scroller sometimes lies over the toolbar.
    page.get_by_role("button", name="Add row").dispatch_event("click")
    # The new empty row starts a script run of its own; let it pass before typing,
    # or its redraw of the grid can swallow the double-click.
    runs.wait_for_run_since(page, mark)
    editor = page.locator("textarea.gdg-input")
    box = grid.bounding_box()  # after the click: adding a row may scroll the page
    assert box is not None
    # First data column: just right of the row markers; header row, then `row` rows.
    page.mouse.dblclick(box["x"] + 80, box["y"] + ROW_PX * (row + 1) + ROW_PX / 2)
    expect(editor).to_be_visible()
    editor.fill(text)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(editor).to_have_count(0)


def assert_no_app_error(page) -> None:
    """Neither Streamlit's exception box nor the app's Dutch 'something went wrong'."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Er ging iets mis in de app")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def field(page, label: str):
    """A text area or text input by its label (a label with a help icon names two things)."""
    return page.get_by_role("textbox", name=label, exact=True)


def overview_text(page, text: str):
    """User text as st.text shows it (the closing page's overview), matched exactly."""
    return page.get_by_test_id("stText").filter(has_text=re.compile("^" + re.escape(text) + "$"))


def open_fold(page, label: str) -> None:
    """Open an expander by its label, unless it is open already (a click would close it)."""
    from playwright.sync_api import expect

    fold = page.get_by_test_id("stExpander").filter(has=page.locator("summary", has_text=label))
    details = fold.locator("details")
    expect(details).to_have_count(1)
    if details.get_attribute("open") is None:
        fold.locator("summary").click()
    expect(details).to_have_attribute("open", "")


def wait_for_idle(page) -> None:
    """Wait until no script run is going on and the browser holds the last run's output."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


@contextmanager
def draft_store_locked(db_path: Path):
    """Hold the draft store's write lock, as a slow disk or a busy server would.

    The app's saves wait (its busy timeout is 15 s) until the block ends.
    """
    import sqlite3

    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
        conn.execute("ROLLBACK")
    finally:
        conn.close()
