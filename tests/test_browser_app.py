"""The app in a real browser (Debian's Chromium through Playwright).

One server and one browser for the module; every test gets fresh browser contexts,
so every test is its own Streamlit session with its own worksheet. The tests wait
with expect(...) on what the user sees, or poll the draft store for what Streamlit
committed in the background; there are no fixed sleeps.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import (
    MARKS,
    TIMEOUT_MS,
    add_grid_row,
    assert_no_app_error,
    browser_pages,
    draft_store_locked,
    field,
    go_to,
    heading,
    launch_chromium,
    open_fold,
    open_path,
    overview_text,
    running_app,
    sidebar,
    sidebar_button,
    wait_for_draft,
    wait_for_idle,
    worksheet_id,
)
from conftest import SAMPLE
from pypdf import PdfReader

from werkblad.model import Worksheet
from werkblad.storage import DB_FILE_NAME, DraftStore, load_worksheet

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect
expect.set_options(timeout=TIMEOUT_MS)

pytestmark = MARKS

DILEMMA = "Wat is het dilemma?"
WHY_NOW = "Waarom is het gesprek nú nodig?"
CONCLUSION = "Wat is de conclusie?"
FULL_TEXT_PLAYERS = "Hele tekst per speler lezen of schrijven"
FULL_TEXT_OPTIONS = "Hele tekst per optie lezen of schrijven"
OVERVIEW = "Overzicht: zo ziet het verslag eruit"


@dataclass(frozen=True)
class App:
    url: str
    store: DraftStore
    log: Path

    @property
    def db(self) -> Path:
        return self.store.path


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    data_dir = tmp_path_factory.mktemp("browser-data")
    log = data_dir / "server.log"
    with running_app(data_dir, log_path=log) as url:
        yield App(url, DraftStore(data_dir / DB_FILE_NAME), log)


@pytest.fixture(scope="module")
def browser(app: App):
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        # Open the start page once, so every test starts on a server that has run app.py
        # (the first request after a start is covered by test_browser_deeplink.py).
        context = browser.new_context()
        page = context.new_page()
        page.goto(app.url + "/")
        expect(heading(page, "Dilemmagesprek")).to_be_visible(timeout=60_000)
        context.close()
        yield browser
        browser.close()


@pytest.fixture
def pages(app: App, browser, request):
    with browser_pages(browser, request, app.log) as pages:
        yield pages


@pytest.fixture
def page(pages):
    return pages.new()


# -- 1. Navigation -------------------------------------------------------------------


def test_sidebar_click_right_after_typing_moves_and_keeps_the_text(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    text = "Moeten we het rapport nu openbaar maken?"
    # Typed, no Enter and no blur: the click on the step is what ends the typing.
    field(page, DILEMMA).press_sequentially(text)

    sidebar_button(page, "3. Afwegen").click()
    expect(heading(page, "3. Afwegen")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/afwegen(\?|$)"))
    wait_for_draft(app.store, page, lambda ws: ws.introduction.dilemma == text, "the dilemma")

    go_to(page, "1. Kennismaken")
    expect(field(page, DILEMMA)).to_have_value(text)
    assert_no_app_error(page)


# -- 2. The players' data editor and the full text ------------------------------------


def test_grid_row_and_long_full_text_survive_leaving_the_step(app: App, page) -> None:
    open_path(page, app.url, "/verkennen", "2. Verkennen")
    add_grid_row(page, "Burgemeester")
    wait_for_draft(
        app.store,
        page,
        lambda ws: [p.name for p in ws.exploration.players] == ["Burgemeester"],
        "the player added in the grid",
    )

    long_text = "\n".join(
        f"Regel {i:02d}: de burgemeester wil openheid, maar ook rust in de raad." for i in range(32)
    )
    assert len(long_text) > 2_000
    open_fold(page, FULL_TEXT_PLAYERS)
    expect(page.get_by_role("combobox", name="Speler")).to_have_value("1. Burgemeester")
    field(page, "Standpunten en emoties").fill(long_text)

    go_to(page, "4. Kiezen")  # the click commits the text area
    go_to(page, "2. Verkennen")
    open_fold(page, FULL_TEXT_PLAYERS)
    expect(page.get_by_role("combobox", name="Speler")).to_have_value("1. Burgemeester")
    expect(field(page, "Standpunten en emoties")).to_have_value(long_text)

    def whole(ws: Worksheet) -> bool:
        players = ws.exploration.players
        return (
            len(players) == 1
            and players[0].name == "Burgemeester"
            and players[0].positions_emotions == long_text
        )

    wait_for_draft(app.store, page, whole, "the player with the whole long text")
    assert_no_app_error(page)


# -- 4. Reload -------------------------------------------------------------------------


def test_reload_on_step_three_brings_everything_back(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill("Het rapport over de jeugdzorg")
    field(page, WHY_NOW).fill("De gemeenteraad vergadert volgende week")
    go_to(page, "3. Afwegen")
    add_grid_row(page, "Nu publiceren")
    field(page, CONCLUSION).fill("Publiceren met een begeleidende brief")
    field(page, CONCLUSION).blur()
    wait_for_draft(
        app.store,
        page,
        lambda ws: (
            ws.weighing.conclusion == "Publiceren met een begeleidende brief"
            and [o.name for o in ws.weighing.options] == ["Nu publiceren"]
            and ws.introduction.why_now == "De gemeenteraad vergadert volgende week"
        ),
        "steps 1 and 3",
    )
    wid = worksheet_id(page)

    page.reload()
    expect(heading(page, "3. Afwegen")).to_be_visible()
    expect(field(page, CONCLUSION)).to_have_value("Publiceren met een begeleidende brief")
    open_fold(page, FULL_TEXT_OPTIONS)
    expect(field(page, "Optie")).to_have_value("Nu publiceren")
    assert worksheet_id(page) == wid

    go_to(page, "1. Kennismaken")
    expect(field(page, DILEMMA)).to_have_value("Het rapport over de jeugdzorg")
    expect(field(page, WHY_NOW)).to_have_value("De gemeenteraad vergadert volgende week")
    assert_no_app_error(page)


CONFLICT = "Iemand heeft dit werkblad intussen ergens anders gewijzigd"


def test_one_tab_never_conflicts_with_itself_when_a_save_is_slow(app: App, pages) -> None:
    """A save stopped by the next change must not look like someone else's change later.

    A new change starts a new run at once (Streamlit's fast reruns) and stops the old
    one at its next contact with Streamlit, which can be right after the database
    write, before the session notes the new version. Whether the old save gets that far
    depends on thread timing, so the scene is played a few times.
    """
    for attempt in range(3):
        page = pages.new()
        why_now = field(page, WHY_NOW)
        mail_note = page.get_by_text("Staat hier een e-mailadres?")
        open_path(page, app.url, "/kennismaken", "1. Kennismaken")
        field(page, DILEMMA).fill(f"Eerste tekst {attempt}")
        field(page, DILEMMA).blur()
        wait_for_draft(app.store, page, lambda ws: ws.introduction.dilemma != "", "first")
        wait_for_idle(page)

        with draft_store_locked(app.db):  # a slow save: a slow disk, a busy server
            why_now.fill("Mail piet@example.nl")
            why_now.blur()
            expect(mail_note).to_be_visible()  # drawn by the run that then waits to save
            why_now.fill("")  # undone at once: the next run has nothing new to save
            why_now.blur()
            expect(mail_note).to_have_count(0)
        wait_for_idle(page)
        why_now.fill(f"Derde tekst {attempt}")
        why_now.blur()

        wait_for_draft(
            app.store,
            page,
            lambda ws, a=attempt: ws.introduction.why_now == f"Derde tekst {a}",
            "the change after the slow save",
            timeout=5,
        )
        expect(page.get_by_text(CONFLICT)).to_have_count(0)
        page.context.close()


# -- 5 and 6. Hand-over link, and sessions kept apart ------------------------------------


def test_handover_link_opens_the_same_worksheet_elsewhere(app: App, pages) -> None:
    owner = pages.new()
    open_path(owner, app.url, "/kennismaken", "1. Kennismaken")
    field(owner, DILEMMA).fill("Mag de conceptbrief mee in het Woo-besluit?")
    sidebar_button(owner, "Link maken voor de gespreksleider").click()
    code = sidebar(owner).get_by_test_id("stCode")
    expect(code).to_contain_text("/gesprek?id=")
    found = re.search(r"https?://\S+", code.inner_text())
    assert found, code.inner_text()
    link = found.group(0)
    assert link.startswith(app.url + "/gesprek?id="), link
    wait_for_draft(
        app.store,
        owner,
        lambda ws: ws.introduction.dilemma == "Mag de conceptbrief mee in het Woo-besluit?",
        "the owner's text",
    )

    leader = pages.new()
    leader.goto(link)
    expect(heading(leader, "Over het gesprek")).to_be_visible()
    go_to(leader, "1. Kennismaken")
    expect(field(leader, DILEMMA)).to_have_value("Mag de conceptbrief mee in het Woo-besluit?")
    assert worksheet_id(leader) == worksheet_id(owner)
    assert_no_app_error(leader)


def test_two_sessions_without_the_link_never_see_each_others_text(app: App, pages) -> None:
    first, second = pages.new(), pages.new()
    for page, text in ((first, "Geheim van Anna"), (second, "Geheim van Bram")):
        open_path(page, app.url, "/kennismaken", "1. Kennismaken")
        field(page, DILEMMA).fill(text)
        field(page, DILEMMA).blur()
        wait_for_draft(app.store, page, lambda ws, t=text: ws.introduction.dilemma == t, text)
    assert worksheet_id(first) != worksheet_id(second)

    for page, own, other in (
        (first, "Geheim van Anna", "Geheim van Bram"),
        (second, "Geheim van Bram", "Geheim van Anna"),
    ):
        page.reload()
        expect(field(page, DILEMMA)).to_have_value(own)
        go_to(page, "5. Afronden")
        open_fold(page, OVERVIEW)  # the whole worksheet as text
        expect(overview_text(page, own)).to_be_visible()
        expect(page.get_by_text(other)).to_have_count(0)
        assert other not in page.content()


# -- 7. Downloads ------------------------------------------------------------------------


def _download(page, button, *, timeout: float = TIMEOUT_MS) -> tuple[str, bytes]:
    with page.expect_download(timeout=timeout) as download_info:
        button.click()
    download = download_info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def _pdf_text(data: bytes) -> str:
    """The PDF's text with all white space (line breaks too) as single spaces."""
    assert data.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def test_worksheet_file_holds_the_text_and_a_table_row(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill("Openbaar maken van de evaluatie")
    go_to(page, "3. Afwegen")
    add_grid_row(page, "Eerst de gemeenten informeren")
    wait_for_draft(app.store, page, lambda ws: len(ws.weighing.options) == 1, "the new row")
    wait_for_idle(page)  # the button now on screen is the one of the run with the row

    name, data = _download(page, sidebar_button(page, "Werkbestand opslaan"))
    assert name == f"dilemmagesprek-{dt.date.today().isoformat()}.json"
    ws = load_worksheet(data)
    assert ws.introduction.dilemma == "Openbaar maken van de evaluatie"
    assert [o.name for o in ws.weighing.options] == ["Eerst de gemeenten informeren"]


def test_worksheet_file_holds_a_row_added_right_before_the_click(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill("Openbaar maken van de evaluatie")
    go_to(page, "3. Afwegen")
    save = sidebar_button(page, "Werkbestand opslaan")
    wait_for_idle(page)  # the button on screen is the one of the last run
    add_grid_row(page, "Eerst de gemeenten informeren")

    # At once, before the rerun for the row: the grid sends its edit 150 ms late. (A
    # click in the moment the rerun ends but the browser still shows the old button
    # gets no file at all, so the test does not aim for that moment.)
    with page.expect_download(timeout=5_000) as download_info:
        save.dispatch_event("click")
    ws = load_worksheet(Path(download_info.value.path()).read_bytes())
    assert ws.introduction.dilemma == "Openbaar maken van de evaluatie"
    assert [o.name for o in ws.weighing.options] == ["Eerst de gemeenten informeren"]


def test_pdf_report_holds_the_text_and_a_dated_file_name(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill("Publiceren we het onderzoek voor de verkiezingen?")
    go_to(page, "5. Afronden")
    field(page, "Samenvatting").fill("We publiceren na overleg met de gemeenten.")
    field(page, "Samenvatting").blur()
    wait_for_draft(
        app.store,
        page,
        lambda ws: ws.closing.summary == "We publiceren na overleg met de gemeenten.",
        "the summary",
    )
    wait_for_idle(page)

    name, data = _download(page, page.get_by_role("button", name="Verslag downloaden (pdf)"))
    assert name == f"dilemmagesprek-{dt.date.today().isoformat()}.pdf"
    text = _pdf_text(data)
    assert "Publiceren we het onderzoek voor de verkiezingen?" in text
    assert "We publiceren na overleg met de gemeenten." in text


def test_pdf_clicked_right_after_typing_holds_that_text(app: App, page) -> None:
    open_path(page, app.url, "/afronden", "5. Afronden")
    field(page, "Samenvatting").fill("We publiceren na overleg met de gemeenten.")
    _, data = _download(page, page.get_by_role("button", name="Verslag downloaden (pdf)"))
    text = _pdf_text(data)
    assert "We publiceren na overleg met de gemeenten." in text


# -- 8. Opening a worksheet file ---------------------------------------------------------


def test_bad_files_are_refused_in_dutch_and_the_sample_opens_after_confirming(
    app: App, page
) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    typed = "Wat ik al had getypt"
    field(page, DILEMMA).fill(typed)
    field(page, DILEMMA).blur()
    wait_for_draft(app.store, page, lambda ws: ws.introduction.dilemma == typed, "typed text")
    uploader = sidebar(page).locator('input[type="file"]')
    errors = sidebar(page).get_by_role("alert")

    uploader.set_input_files(
        files=[{"name": "kapot.json", "mimeType": "application/json", "buffer": b"not json"}]
    )
    expect(errors).to_contain_text("geen geldige JSON")
    expect(field(page, DILEMMA)).to_have_value(typed)

    big = b'{"format": "dilemmagesprek-werkblad", "title": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    uploader.set_input_files(
        files=[{"name": "groot.json", "mimeType": "application/json", "buffer": big}]
    )
    expect(errors).to_contain_text("Het bestand is te groot")
    expect(errors).to_contain_text("hoogstens 2 MB")
    expect(field(page, DILEMMA)).to_have_value(typed)
    wait_for_draft(app.store, page, lambda ws: ws.introduction.dilemma == typed, "still typed")

    sample = load_worksheet(SAMPLE.read_bytes())
    uploader.set_input_files(SAMPLE)
    expect(sidebar(page).get_by_text("Er staat al tekst in het werkblad")).to_be_visible()
    expect(field(page, DILEMMA)).to_have_value(typed)  # nothing replaced yet
    sidebar(page).get_by_role("button", name="Ja, werkbestand openen").click()
    expect(heading(page, "1. Kennismaken")).to_be_visible()
    expect(field(page, DILEMMA)).to_have_value(sample.introduction.dilemma)
    expect(field(page, WHY_NOW)).to_have_value(sample.introduction.why_now)
    expect(errors).to_have_count(0)
    assert_no_app_error(page)


# -- 9. Hostile and over-limit text ------------------------------------------------------

HOSTILE = "<script>alert(1)</script> **vet** $x$ :smile:"


def test_hostile_text_is_shown_literally_and_runs_nothing(app: App, pages) -> None:
    page = pages.new()  # pages fails the test on any alert() or other dialog
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill(HOSTILE)
    go_to(page, "5. Afronden")
    open_fold(page, OVERVIEW)
    expect(overview_text(page, HOSTILE)).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(main.locator("strong", has_text="vet")).to_have_count(0)
    expect(main.locator(".katex")).to_have_count(0)
    expect(main.get_by_text("😄")).to_have_count(0)
    scripts = page.evaluate(
        "() => [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length"
    )
    assert scripts == 0

    go_to(page, "1. Kennismaken")
    expect(field(page, DILEMMA)).to_have_value(HOSTILE)
    assert pages.dialogs == []
    assert_no_app_error(page)


def test_pasting_over_the_limit_keeps_the_text_and_says_it_is_too_long(app: App, page) -> None:
    open_path(page, app.url, "/kennismaken", "1. Kennismaken")
    field(page, DILEMMA).fill("Het rapport")
    field(page, DILEMMA).blur()
    wait_for_draft(app.store, page, lambda ws: ws.introduction.dilemma == "Het rapport", "first")
    why_now = field(page, WHY_NOW)
    too_long = "Een lang verhaal. " * 560  # 10,080 characters, as pasted
    why_now.focus()
    page.keyboard.insert_text(too_long)
    why_now.blur()

    expect(page.get_by_text("Deze tekst is te lang")).to_be_visible()
    expect(why_now).to_have_value(too_long)  # nothing typed is lost
    assert_no_app_error(page)

    why_now.fill(too_long[:10_000])  # made short enough: the message goes, the text is saved
    why_now.blur()
    expect(page.get_by_text("Deze tekst is te lang")).to_have_count(0)
    wait_for_draft(
        app.store, page, lambda ws: ws.introduction.why_now == too_long[:10_000], "10,000"
    )


# -- 10. Screen-share mode ---------------------------------------------------------------


def test_screen_share_hides_guidance_and_the_private_preparation(app: App, page) -> None:
    private = "Ik wil eigenlijk niet dat de wethouder dit weet"
    open_path(page, app.url, "/voorbereiden", "Voorbereiding voor de dilemma-eigenaar")
    field(page, "Wat wil ik?").fill(private)
    go_to(page, "5. Afronden")
    guidance = page.get_by_text("Voor de gespreksleider", exact=True)
    expect(guidance).to_be_visible()
    page.get_by_text("Mijn voorbereiding (wil, durf, kan, mag) in het verslag").click()
    open_fold(page, OVERVIEW)
    expect(overview_text(page, private)).to_be_visible()  # ticked for the report

    share = sidebar(page).get_by_role("switch")
    sidebar(page).get_by_text("Scherm delen", exact=True).click()
    expect(share).to_be_checked()
    expect(guidance).to_have_count(0)
    open_fold(page, OVERVIEW)
    expect(page.get_by_role("heading", name="Verslag dilemmagesprek")).to_be_visible()
    expect(page.get_by_text(private)).to_have_count(0)
    expect(sidebar_button(page, "Voorbereiding (privé)")).to_have_count(0)
    expect(sidebar_button(page, "Link maken voor de gespreksleider")).to_have_count(0)

    sidebar(page).get_by_text("Scherm delen", exact=True).click()
    expect(share).not_to_be_checked()
    go_to_preparation = sidebar_button(page, "Voorbereiding (privé)")
    go_to_preparation.click()
    expect(heading(page, "Voorbereiding voor de dilemma-eigenaar")).to_be_visible()
    expect(field(page, "Wat wil ik?")).to_have_value(private)

    sidebar(page).get_by_text("Scherm delen", exact=True).click()
    expect(share).to_be_checked()
    expect(page.get_by_text("Deze voorbereiding is privé")).to_be_visible()
    expect(field(page, "Wat wil ik?")).to_have_count(0)
    expect(page.get_by_text(private)).to_have_count(0)
    assert_no_app_error(page)


# -- Privacy: the browser talks to this server only ---------------------------------------


def test_the_browser_requests_nothing_outside_the_server(app: App, page) -> None:
    outside: list[str] = []
    own = urlsplit(app.url).netloc

    def note(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            outside.append(request.url)

    page.on("request", note)
    open_path(page, app.url, "/", "Dilemmagesprek")
    go_to(page, "1. Kennismaken")
    go_to(page, "5. Afronden")
    expect(page.get_by_role("button", name="Verslag downloaden (pdf)")).to_be_visible()
    assert outside == []
