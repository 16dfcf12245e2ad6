"""AppTest tests of the screens: pages, bound fields, tables, files, drafts and privacy.

Every test gets its own draft store in a temporary folder. The helpers below keep
the tests short: `open_app`, `visit`, `ok` (no exception, no unexpected st.error)
and `shown` (all text on the screen).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

from werkblad import guidance, hints
from werkblad.content import (
    OPTION_COLUMNS,
    PARTICIPANT_COLUMNS,
    PLAYER_COLUMNS,
    PREPARATION_FIELDS,
    ROLE_LABELS,
    STEP_BY_SLUG,
)
from werkblad.model import (
    MAX_FILE_BYTES,
    MAX_OPTIONS,
    MAX_PARTICIPANTS,
    MAX_PLAYERS,
    MAX_TEXT,
    Option,
    Participant,
    Player,
    Worksheet,
    get_field,
)
from werkblad.storage import DB_FILE_NAME, DraftNotFound, DraftStore, dump_worksheet

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT = 30

STEP_SLUGS = ("kennismaken", "verkennen", "afwegen", "kiezen", "afronden")
PAGE_SLUGS = ("start", "gesprek", "voorbereiden", *STEP_SLUGS)
PAGE_TITLES = {
    "start": "Dilemmagesprek",
    "gesprek": "Over het gesprek",
    "voorbereiden": "Voorbereiding voor de dilemma-eigenaar",
    "kennismaken": "1. Kennismaken",
    "verkennen": "2. Verkennen",
    "afwegen": "3. Afwegen",
    "kiezen": "4. Kiezen",
    "afronden": "5. Afronden",
}
# The worksheet's own questions, verbatim, per page.
PAGE_LABELS = {
    "start": (),
    "gesprek": ("Titel van het gesprek", "Datum van het gesprek"),
    "voorbereiden": (
        "Wat is het dilemma?",
        "Waarom is het gesprek nú nodig?",
        "Wat wil ik?",
        "Wat durf ik?",
        "Wat kan ik?",
        "Wat mag ik?",
    ),
    "kennismaken": ("Wat is het dilemma?", "Waarom is het gesprek nú nodig?"),
    "verkennen": ("Wat is de gedeelde vraag?",),
    "afwegen": ("Wat is de conclusie?",),
    "kiezen": ("Wat is de keuze?", "Wat heeft wie nodig?", "Hoe nu verder?"),
    "afronden": ("Zijn we tevreden?", "Samenvatting"),
}
PAGE_TABLES = {
    "gesprek": {"editor:participants": ("Naam", "Rol")},
    "voorbereiden": {
        "editor:players": (
            "Speler",
            "Standpunten en emoties",
            "Belangen en waarden",
            "Rechten en voorkeuren",
        )
    },
    "verkennen": {
        "editor:players": (
            "Speler",
            "Standpunten en emoties",
            "Belangen en waarden",
            "Rechten en voorkeuren",
        )
    },
    "afwegen": {"editor:options": ("Optie", "Voordelen", "Nadelen")},
}
TEXT_KINDS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
    "text",
    "code",
)
# Words that betray an English message where a Dutch one is promised.
ENGLISH = re.compile(r"\b(the|error|invalid|file|please|expected|traceback)\b", re.IGNORECASE)
DUTCH = re.compile(r"\b(de|het|een|is|niet|bestand|werkbestand|tekst)\b", re.IGNORECASE)


# -- fixtures and helpers -------------------------------------------------------------


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """A draft store of this test's own; the cached store is rebuilt from the env."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DILEMMAGESPREK_DATA_DIR", str(folder))
    monkeypatch.delenv("DILEMMAGESPREK_RETENTION_DAYS", raising=False)
    monkeypatch.delenv("DILEMMAGESPREK_BASE_URL", raising=False)
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


class ServerPagesManager(PagesManager):
    """Streamlit's page registry as a running server keeps it.

    AppTest resets PagesManager.uses_pages_directory to None before every run, so with
    a pages/ folder each run starts in the old multipage mode (the page file alone,
    without app.py) until the page's nav.through_app() reruns it through app.py. That
    rerun drops the click of every plain `if st.button(...)`, so sidebar steps, "Vorige"
    and "Volgende" would never move in AppTest. A server sets the mode once, in its
    first run; so do these tests (test_deep_link_first_run covers that first run).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def server_pages_mode(monkeypatch):
    monkeypatch.setattr(app_test, "PagesManager", ServerPagesManager)
    yield
    PagesManager.uses_pages_directory = None


@pytest.fixture
def store(data_dir) -> DraftStore:
    """The same SQLite file the app uses, opened directly."""
    return DraftStore(data_dir / DB_FILE_NAME)


def open_app(page: str = "start", draft_id: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if draft_id is not None:
        at.query_params["id"] = draft_id
    if page != "start":
        return switch(at, page)
    return ok(at.run())


def switch(at: AppTest, slug: str) -> AppTest:
    """Open a page as a link or reload does; later runs stay where the app then is.

    AppTest keeps requesting a switch_page() target on every later run, even after
    the app itself moved on (a sidebar step, "Volgende"); forget it after this run.
    """
    at.switch_page(f"pages/{slug}.py").run()
    at._page_hash = ""
    return ok(at)


def ok(at: AppTest, *, errors: bool = False) -> AppTest:
    """No exception, and no st.error unless the test expects one."""
    assert not at.exception, [e.value for e in at.exception]
    if not errors:
        assert not at.error, [e.value for e in at.error]
    return at


def visit(at: AppTest, slug: str, *, by: str = "switch") -> AppTest:
    """Go to a page: by AppTest's switch_page, or by clicking its sidebar button."""
    if by == "sidebar":
        at.button(key=f"nav:{slug}").click()
        at.run()
    else:
        switch(at, slug)
    ok(at)
    assert at.title[0].value == PAGE_TITLES[slug]
    return at


def model(at: AppTest) -> Worksheet:
    return at.session_state["worksheet"]


def dump(at: AppTest) -> dict:
    return model(at).model_dump(mode="json")


def shown(at: AppTest, *kinds: str, where: str = "all") -> str:
    """All text of the given element kinds on the screen, one element per line."""
    root = {"all": at, "main": at.main, "sidebar": at.sidebar}[where]
    parts = []
    for kind in kinds or TEXT_KINDS:
        parts.extend(str(element.value) for element in root.get(kind))
    return "\n".join(parts)


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    return matches[0]


def has_button(at: AppTest, label: str) -> bool:
    return any(b.label == label for b in at.button)


def expander_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander]


def unfold(at: AppTest, name: str) -> AppTest:
    """Open a folded section: its content is only built while it is open."""
    at.session_state[f"fold:{name}"] = True
    return ok(at.run())


def type_text(at: AppTest, path: str, value: str) -> AppTest:
    at.text_area(key="w:" + path).input(value)
    return ok(at.run())


def edit_table(at: AppTest, key: str, *, edited=None, added=None, deleted=None) -> AppTest:
    """Edit a data_editor the way the browser reports it: one delta against the base frame."""
    at.session_state[key] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    return at.run()


def text_widgets(at: AppTest) -> dict[str, str]:
    """Bound text widgets on the screen: key -> value."""
    widgets = [*at.text_area, *at.text_input]
    return {w.key: w.value for w in widgets if w.key and w.key.startswith("w:")}


def assert_widgets_match_model(at: AppTest) -> None:
    """Every bound text widget shows exactly what the model holds."""
    worksheet = model(at)
    for key, value in text_widgets(at).items():
        assert value == get_field(worksheet, key[2:]), key


def assert_dutch(message: str) -> None:
    assert DUTCH.search(message), message
    assert not ENGLISH.search(message), message


def column_labels(at: AppTest, key: str) -> dict[str, dict]:
    editor = next(d for d in at.data_editor if d.key == key)
    return json.loads(editor.proto.columns)


# -- 1. every page renders, in Dutch, with the worksheet's own questions ---------------


@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_page_renders_with_dutch_heading_and_worksheet_questions(slug):
    at = open_app(slug)
    assert at.title[0].value == PAGE_TITLES[slug]
    labels = [w.label for w in [*at.text_area, *at.text_input, *at.date_input]]
    for label in PAGE_LABELS[slug]:
        assert label in labels, (label, labels)
    for key, headings in PAGE_TABLES.get(slug, {}).items():
        config = column_labels(at, key)
        shown_headings = tuple(c["label"] for c in config.values() if "label" in c)
        assert shown_headings == headings
    if slug in STEP_BY_SLUG:
        step = STEP_BY_SLUG[slug]
        assert f"**{step.title}:** {step.question}" in shown(at, "markdown")
    # The sidebar names every screen; Dutch only.
    sidebar_labels = [b.label for b in at.sidebar.button]
    assert "Kennismaken" in " ".join(sidebar_labels)
    assert "Werkbestand opslaan" in [b.label for b in at.get("download_button")]


@pytest.mark.parametrize("slug", ["afwegen", "voorbereiden"])
def test_deep_link_first_run_after_server_start(slug, monkeypatch):
    """Right after a server start a deep link still runs through app.py: sidebar and all."""
    monkeypatch.setattr(app_test, "PagesManager", PagesManager)
    PagesManager.uses_pages_directory = None
    at = open_app(slug)
    assert at.title[0].value == PAGE_TITLES[slug]
    assert at.button(key=f"nav:{slug}").proto.type == "primary"
    assert "Werkbestand opslaan" in [b.label for b in at.get("download_button")]


def test_table_column_keys_follow_the_model():
    """Hidden columns would lose text: the grids show exactly the model's columns."""
    at = open_app("gesprek")
    config = column_labels(at, "editor:participants")
    assert {k: v["label"] for k, v in config.items() if "label" in v} == PARTICIPANT_COLUMNS
    assert config["role"]["type_config"]["options"] == list(ROLE_LABELS.values())
    visit(at, "verkennen")
    config = column_labels(at, "editor:players")
    assert {k: v["label"] for k, v in config.items() if "label" in v} == PLAYER_COLUMNS
    visit(at, "afwegen")
    config = column_labels(at, "editor:options")
    assert {k: v["label"] for k, v in config.items() if "label" in v} == OPTION_COLUMNS


def test_text_widgets_have_no_max_chars():
    """A browser drops a paste that would go over max_chars without a word; the model
    refuses over-long text instead, with a Dutch message (see the limits below)."""
    at = open_app("kiezen")
    assert {w.max_chars for w in at.text_area} == {0}
    visit(at, "gesprek")
    assert not at.text_input(key="w:title").max_chars


# -- 2. fill every field in a scrambled order; everything holds ------------------------

TEXTS = {
    "title": "Rapport jeugdzorg: nú openbaar?",
    "introduction.dilemma": "Het rapport is af.\nDe gemeenten willen eerst bestuurlijk overleg.",
    "introduction.why_now": "Er ligt een Woo-verzoek; de termijn loopt over 2 weken af.",
    "preparation.want": "Openheid, zonder de gemeenten te overvallen.",
    "preparation.dare": "Ik durf het gesprek aan — met enige spanning.",
    "preparation.can": "Een publicatieplan maken (€ 12.000 budget).",
    "preparation.may": "De Woo verplicht actieve openbaarmaking.",
    "exploration.shared_question": "Kunnen we het rapport nu openbaar maken?",
    "weighing.conclusion": "Publiceren na een kort overleg.\n\nMet brief.",
    "choice.decision": "We publiceren over twee weken.",
    "choice.needs": "Communicatie heeft een Q&A nodig.",
    "choice.next_steps": "Brief aan de gemeenten; 'Şahin' belt de VNG.",
    "closing.satisfied": "Ja, iedereen kan erachter staan.",
    "closing.summary": "Publicatie na overleg, met begeleidende brief.",
}
FILL_FIELDS = {
    "afronden": ("closing.satisfied", "closing.summary"),
    "verkennen": ("exploration.shared_question",),
    "kiezen": ("choice.decision", "choice.needs", "choice.next_steps"),
    "voorbereiden": ("introduction.dilemma", *(f.path for f in PREPARATION_FIELDS)),
    "afwegen": ("weighing.conclusion",),
    "kennismaken": ("introduction.why_now",),
}
EXPECTED_PLAYERS = [
    Player(name="Gemeenten (VNG)", positions_emotions="Voelen zich overvallen"),
    Player(name="Bewindspersoon", positions_emotions="Wil geen onrust", interests_values="Rust"),
    Player(rights_preferences="Alleen een recht, geen naam"),
    Player(name="Journalist"),
]
EXPECTED_OPTIONS = [
    Option(name="Nu publiceren", pros="Open", cons="Gemeenten boos"),
    Option(name="Na overleg", pros="Rust", cons="Duurt lang"),
]
EXPECTED_PARTICIPANTS = [
    Participant(name="Sanne", role="dilemma_owner"),
    Participant(name="", role="facilitator"),
    Participant(name="Joost", role="participant"),
]


def fill_page(at: AppTest, slug: str) -> None:
    for path in FILL_FIELDS.get(slug, ()):
        type_text(at, path, TEXTS[path])
        assert get_field(model(at), path) == TEXTS[path]
    if slug == "gesprek":
        at.text_input(key="w:title").input(TEXTS["title"])
        at.date_input(key="w:meeting_date").set_value(dt.date(2026, 12, 10))
        ok(at.run())
        edit_table(
            at,
            "editor:participants",
            added=[{"name": "Sanne", "role": "dilemma-eigenaar"}, {"role": "gespreksleider"}],
        )
        # The frontend sends the whole delta each time; the base frame stays the same.
        edit_table(
            at,
            "editor:participants",
            added=[
                {"name": "Sanne", "role": "dilemma-eigenaar"},
                {"role": "gespreksleider"},
                {"name": "Joost"},  # no role picked: a participant
            ],
        )
        ok(at)
        assert model(at).participants == EXPECTED_PARTICIPANTS
    elif slug == "verkennen":
        edit_table(
            at,
            "editor:players",
            added=[
                {"name": "Gemeenten (VNG)", "positions_emotions": "Voelen zich overvallen"},
                {"name": "Bewindspersoon", "interests_values": "Rust"},
                {"name": "Tijdelijk"},
                {"rights_preferences": "Alleen een recht, geen naam"},
                {},  # an empty added row is no player
            ],
        )
        ok(at)
        assert [p.name for p in model(at).exploration.players] == [
            "Gemeenten (VNG)",
            "Bewindspersoon",
            "Tijdelijk",
            "",
        ]
    elif slug == "voorbereiden":
        # The base frame was rebuilt from the model on entering: edit, delete and add.
        edit_table(
            at,
            "editor:players",
            edited={1: {"positions_emotions": "Wil geen onrust"}},
            deleted=[2],
            added=[{"name": "Journalist"}],
        )
        ok(at)
        assert model(at).exploration.players == EXPECTED_PLAYERS
    elif slug == "afwegen":
        first = [
            {"name": "Nu publiceren", "pros": "Open", "cons": "Gemeenten boos"},
            {"name": "Na overleg", "pros": "Rust"},
            {"pros": None, "cons": None},
        ]
        edit_table(at, "editor:options", added=first)
        second = [dict(row) for row in first]
        second[1]["cons"] = "Duurt lang"
        edit_table(at, "editor:options", added=second)
        ok(at)
        # Two options, not four: the editor's output is never fed back as its input.
        assert model(at).weighing.options == EXPECTED_OPTIONS


def assert_everything_holds(at: AppTest) -> None:
    worksheet = model(at)
    for path, text in TEXTS.items():
        assert get_field(worksheet, path) == text, path
    assert worksheet.meeting_date == dt.date(2026, 12, 10)
    assert worksheet.participants == EXPECTED_PARTICIPANTS
    assert worksheet.exploration.players == EXPECTED_PLAYERS
    assert worksheet.weighing.options == EXPECTED_OPTIONS


def test_fill_every_field_in_scrambled_order_and_everything_holds(store):
    at = open_app()
    order = ["afronden", "verkennen", "gesprek", "kiezen", "voorbereiden", "afwegen"]
    order += ["kennismaken"]
    for number, slug in enumerate(order):
        visit(at, slug, by="sidebar" if number % 2 else "switch")
        fill_page(at, slug)
    assert_everything_holds(at)

    # Another order, some by "Vorige"/"Volgende": the model and every widget still hold it.
    for slug in ["kiezen", "gesprek", "afwegen", "start", "voorbereiden", "afronden"]:
        visit(at, slug, by="sidebar")
        assert_widgets_match_model(at)
    at.button(key="prev").click().run()  # afronden -> kiezen
    ok(at)
    assert at.title[0].value == PAGE_TITLES["kiezen"]
    for slug in ["afwegen", "verkennen", "kennismaken"]:
        at.button(key="prev").click().run()
        ok(at)
        assert at.title[0].value == PAGE_TITLES[slug]
        assert_widgets_match_model(at)
        if slug in FILL_FIELDS:
            for path in FILL_FIELDS[slug]:
                assert at.text_area(key="w:" + path).value == TEXTS[path]
    at.button(key="next").click().run()
    assert at.title[0].value == PAGE_TITLES["verkennen"]
    grid = next(d for d in at.data_editor if d.key == "editor:players").value
    assert grid.fillna("").to_dict("records") == [p.model_dump() for p in EXPECTED_PLAYERS]
    visit(at, "gesprek")
    assert at.text_input(key="w:title").value == TEXTS["title"]
    assert at.date_input(key="w:meeting_date").value == dt.date(2026, 12, 10)
    grid = next(d for d in at.data_editor if d.key == "editor:participants").value
    assert grid.to_dict("records") == [
        {"name": "Sanne", "role": "dilemma-eigenaar"},
        {"name": "", "role": "gespreksleider"},
        {"name": "Joost", "role": "deelnemer"},
    ]
    visit(at, "afwegen")
    grid = next(d for d in at.data_editor if d.key == "editor:options").value
    assert grid.to_dict("records") == [o.model_dump() for o in EXPECTED_OPTIONS]
    assert_everything_holds(at)

    # And the draft on the server holds the same.
    stored = store.load(at.session_state["worksheet_id"]).worksheet
    assert stored == model(at)

    # The sidebar marks every screen that holds text.
    for slug in PAGE_SLUGS[1:]:
        assert at.button(key=f"nav:{slug}").proto.icon == ":material/check_circle:", slug


# -- 3. limits -----------------------------------------------------------------------


def test_text_over_the_limit_gives_a_dutch_error_and_stays(store):
    at = open_app("kennismaken")
    type_text(at, "introduction.dilemma", "De eerste versie.")
    long_text = "€" * MAX_TEXT + "x"
    at.text_area(key="w:introduction.dilemma").input(long_text)
    ok(at.run(), errors=True)
    assert len(at.error) == 1
    assert "hoogstens 10.000 tekens" in at.error[0].value
    assert "10.001" in at.error[0].value
    assert_dutch(at.error[0].value)
    # The typed text stays in the field; the model and the store keep the last text that fit.
    assert at.text_area(key="w:introduction.dilemma").value == long_text
    assert model(at).introduction.dilemma == "De eerste versie."
    wid = at.session_state["worksheet_id"]
    assert store.load(wid).worksheet.introduction.dilemma == "De eerste versie."

    # Another page and back: the over-long text is still in the field, with the message.
    visit(at, "kiezen", by="sidebar")
    at.button(key="nav:kennismaken").click()
    ok(at.run(), errors=True)
    assert at.title[0].value == "1. Kennismaken"
    assert at.text_area(key="w:introduction.dilemma").value == long_text
    assert len(at.error) == 1

    # Shortened to the limit: stored, and the message goes.
    at.text_area(key="w:introduction.dilemma").input("€" * MAX_TEXT)
    ok(at.run())
    assert model(at).introduction.dilemma == "€" * MAX_TEXT
    assert store.load(wid).worksheet.introduction.dilemma == "€" * MAX_TEXT


def test_title_over_the_limit_gives_a_dutch_error_and_stays():
    at = open_app("gesprek")
    at.text_input(key="w:title").input("t" * 201)
    ok(at.run(), errors=True)
    assert "hoogstens 200 tekens" in at.error[0].value
    assert at.text_input(key="w:title").value == "t" * 201
    assert model(at).title == ""


def test_too_many_players_gives_a_dutch_error_and_keeps_the_model():
    at = open_app("verkennen")
    edit_table(at, "editor:players", added=[{"name": "Eerste"}])
    assert [p.name for p in model(at).exploration.players] == ["Eerste"]
    rows = [{"name": f"Speler {n}"} for n in range(MAX_PLAYERS + 1)]
    edit_table(at, "editor:players", added=rows)
    ok(at, errors=True)
    assert len(at.error) == 1
    assert f"hoogstens {MAX_PLAYERS} spelers" in at.error[0].value
    assert_dutch(at.error[0].value)
    assert [p.name for p in model(at).exploration.players] == ["Eerste"]
    # Exactly the maximum is fine.
    edit_table(at, "editor:players", added=rows[:MAX_PLAYERS])
    ok(at)
    assert len(model(at).exploration.players) == MAX_PLAYERS


def test_too_long_cell_gives_a_dutch_error_and_keeps_the_model():
    at = open_app("afwegen")
    edit_table(at, "editor:options", added=[{"name": "A"}])
    edit_table(at, "editor:options", added=[{"name": "A" * 201}])
    ok(at, errors=True)
    assert "te lang" in at.error[0].value
    assert_dutch(at.error[0].value)
    assert [o.name for o in model(at).weighing.options] == ["A"]


# -- 4. the full text per player --------------------------------------------------------


def test_full_text_editor_updates_model_and_grid_base():
    at = open_app("verkennen")
    edit_table(
        at,
        "editor:players",
        added=[{"name": "Gemeenten", "positions_emotions": "kort"}, {"name": "Pers"}],
    )
    assert "Hele tekst per speler lezen of schrijven" in expander_labels(at)
    unfold(at, "players")
    long_text = "Eerste alinea over de gemeenten.\n\n" + "Zij willen overleg. " * 60
    at.text_area(key="w:exploration.players.0.positions_emotions").input(long_text)
    ok(at.run())
    assert model(at).exploration.players[0].positions_emotions == long_text
    base = at.session_state["base:players"]
    assert base.loc[0, "positions_emotions"] == long_text
    assert list(base["name"]) == ["Gemeenten", "Pers"]

    # The second player, picked in the expander; its name changed there.
    at.selectbox(key="pick:players").select_index(1)
    ok(at.run())
    at.text_input(key="w:exploration.players.1.name").input("De pers")
    ok(at.run())
    assert at.session_state["base:players"].loc[1, "name"] == "De pers"

    # A later grid edit does not undo the texts written in the expander.
    edit_table(at, "editor:players", edited={1: {"interests_values": "Nieuws"}})
    ok(at)
    players = model(at).exploration.players
    assert players[0].positions_emotions == long_text
    assert players[1] == Player(name="De pers", interests_values="Nieuws")
    # The grid gets the new text too.
    grid = next(d for d in at.data_editor if d.key == "editor:players").value
    assert grid.loc[0, "positions_emotions"] == long_text


def test_full_text_for_options():
    at = open_app("afwegen")
    edit_table(at, "editor:options", added=[{"name": "Nu publiceren"}])
    assert "Hele tekst per optie lezen of schrijven" in expander_labels(at)
    unfold(at, "options")
    at.text_area(key="w:weighing.options.0.cons").input("Lang nadeel.\nTweede regel.")
    ok(at.run())
    assert model(at).weighing.options[0].cons == "Lang nadeel.\nTweede regel."
    assert at.session_state["base:options"].loc[0, "cons"] == "Lang nadeel.\nTweede regel."


# -- 5. opening a worksheet file ---------------------------------------------------------


def uploader(at: AppTest):
    assert len(at.file_uploader) == 1, "expected one 'Werkbestand openen'"
    assert at.file_uploader[0].label == "Werkbestand openen"
    return at.file_uploader[0]


def test_open_sample_file_from_start_page(sample, sample_bytes):
    at = open_app()
    assert not at.file_uploader
    button(at, "Verder met een opgeslagen werkblad").click()
    ok(at.run())
    uploader(at).upload("werkblad.json", sample_bytes, "application/json")
    ok(at.run())
    assert model(at) == sample
    visit(at, "verkennen")
    assert at.text_area(key="w:exploration.shared_question").value == (
        sample.exploration.shared_question
    )
    grid = next(d for d in at.data_editor if d.key == "editor:players").value
    assert list(grid["name"]) == [p.name for p in sample.exploration.players]


def worksheet_with_tables(at: AppTest) -> None:
    visit(at, "verkennen")
    edit_table(at, "editor:players", added=[{"name": "Gemeenten", "interests_values": "Rust"}])
    type_text(at, "exploration.shared_question", "Mogen we dat?")
    visit(at, "afwegen")
    edit_table(at, "editor:options", added=[{"name": "Nu", "pros": "Open"}])
    visit(at, "gesprek")
    edit_table(at, "editor:participants", added=[{"name": "Sanne", "role": "gespreksleider"}])
    visit(at, "kiezen")


TABLE_PATHS = {
    "editor:players": "exploration.players",
    "editor:options": "weighing.options",
    "editor:participants": "participants",
}
BASE_KEYS = ("base:players", "base:options", "base:participants")


def bad_files(sample_bytes: bytes) -> dict[str, bytes]:
    sample = json.loads(sample_bytes)
    padded = sample_bytes.rstrip() + b" " * (MAX_FILE_BYTES + 1 - len(sample_bytes.rstrip()))
    return {
        "not json": b"Dit is geen JSON {",
        "an array": b"[1, 2, 3]",
        "wrong format": json.dumps({**sample, "format": "iets-anders"}).encode(),
        "newer version": json.dumps({**sample, "schema_version": 2}).encode(),
        "unknown key": json.dumps({**sample, "geheim": "x"}).encode(),
        "unknown nested key": json.dumps(
            {**sample, "choice": {**sample["choice"], "extra": "x"}}
        ).encode(),
        "too many players": json.dumps(
            {**sample, "exploration": {"players": [{"name": "x"}] * 26}}
        ).encode(),
        "too big": padded,
        "pdf": b"%PDF-1.7 ...",
        "not utf-8": b'{"format": "dilemmagesprek-werkblad", "title": "\xff"}',
        "empty": b"",
    }


def test_bad_files_are_refused_in_dutch_and_change_nothing(sample_bytes):
    at = open_app()
    worksheet_with_tables(at)
    type_text(at, "choice.decision", "Mijn keuze.")
    before = dump(at)
    widgets = text_widgets(at)
    bases = {key: at.session_state[key].copy() for key in BASE_KEYS}
    for name, data in bad_files(sample_bytes).items():
        uploader(at).set_value(("werkblad.json", data, "application/json"))
        ok(at.run(), errors=True)
        assert len(at.error) == 1, name
        assert_dutch(at.error[0].value)
        assert dump(at) == before, name
        assert text_widgets(at) == widgets, name
        for key, frame in bases.items():
            pd.testing.assert_frame_equal(at.session_state[key], frame)
        assert not has_button(at, "Ja, werkbestand openen"), name
    # The message stays while the file is chosen, and goes with it.
    uploader(at).clear()
    ok(at.run())
    # The tables show the worksheet as it was.
    visit(at, "verkennen")
    assert at.text_area(key="w:exploration.shared_question").value == "Mogen we dat?"
    grid = next(d for d in at.data_editor if d.key == "editor:players").value
    assert list(grid["name"]) == ["Gemeenten"]
    visit(at, "gesprek")
    grid = next(d for d in at.data_editor if d.key == "editor:participants").value
    assert grid.to_dict("records") == [{"name": "Sanne", "role": "gespreksleider"}]
    assert dump(at) == before


def test_too_big_file_message_is_dutch(sample_bytes):
    at = open_app("kiezen")
    uploader(at).upload("groot.json", b" " * (MAX_FILE_BYTES + 1), "application/json")
    ok(at.run(), errors=True)
    assert "te groot" in at.error[0].value


def test_opening_over_text_asks_first(sample, sample_bytes):
    at = open_app()
    worksheet_with_tables(at)
    before = dump(at)
    uploader(at).upload("werkblad.json", sample_bytes, "application/json")
    ok(at.run())
    assert dump(at) == before  # nothing replaced yet
    assert "Er staat al tekst in het werkblad" in shown(at, "warning")
    # "Nee": nothing changes, the question goes away.
    button(at, "Nee, niet openen").click()
    ok(at.run())
    assert dump(at) == before
    assert not has_button(at, "Ja, werkbestand openen")

    uploader(at).upload("werkblad.json", sample_bytes, "application/json")
    ok(at.run())
    assert dump(at) == before
    # Moving to another page does not open it either.
    visit(at, "afronden")
    assert dump(at) == before
    button(at, "Ja, werkbestand openen").click()
    ok(at.run())
    assert model(at) == sample
    assert not has_button(at, "Ja, werkbestand openen")
    visit(at, "verkennen")
    grid = next(d for d in at.data_editor if d.key == "editor:players").value
    assert list(grid["name"]) == [p.name for p in sample.exploration.players]
    assert at.text_area(key="w:exploration.shared_question").value == (
        sample.exploration.shared_question
    )


def test_opened_file_is_saved_as_a_draft(sample, sample_bytes, store):
    at = open_app("kiezen")
    uploader(at).upload("werkblad.json", sample_bytes, "application/json")
    ok(at.run())
    assert model(at) == sample
    wid = at.session_state["worksheet_id"]
    assert store.load(wid).worksheet == sample
    assert at.query_params["id"] == wid


def test_delete_after_opening_a_file_leaves_no_old_text_on_the_server(sample_bytes, store):
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Vertrouwelijk besluit.")
    old_id = at.session_state["worksheet_id"]
    uploader(at).upload("werkblad.json", sample_bytes, "application/json")
    ok(at.run())
    button(at, "Ja, werkbestand openen").click()
    ok(at.run())
    button(at, "Werkblad verwijderen").click()
    ok(at.run())
    button(at, "Ja, verwijderen").click()
    ok(at.run())
    with pytest.raises(DraftNotFound):
        store.load(old_id)


# -- 6. autosave, restore, unknown id, version conflict -------------------------------


def test_typing_creates_a_draft_and_a_new_session_restores_it_on_every_page(store):
    at = open_app("kennismaken")
    assert "worksheet_id" not in at.session_state  # a visit alone stores nothing
    type_text(at, "introduction.dilemma", "Wel of niet publiceren?")
    wid = at.session_state["worksheet_id"]
    assert at.query_params["id"] == wid
    assert store.load(wid).worksheet.introduction.dilemma == "Wel of niet publiceren?"
    visit(at, "verkennen")
    edit_table(at, "editor:players", added=[{"name": "Gemeenten"}])
    assert store.load(wid).worksheet.exploration.players == [Player(name="Gemeenten")]
    expected = model(at).model_copy(deep=True)

    for slug in PAGE_SLUGS:
        other = open_app(slug, draft_id=wid)
        assert model(other) == expected, slug
        assert other.session_state["worksheet_id"] == wid
        assert_widgets_match_model(other)
    other = open_app("kennismaken", draft_id=wid)
    assert other.text_area(key="w:introduction.dilemma").value == "Wel of niet publiceren?"


@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_sample_worksheet_opens_on_every_page_by_link(slug, sample, store):
    draft = store.create(sample)
    at = open_app(slug, draft_id=draft.id)
    assert model(at) == sample
    assert at.title[0].value == PAGE_TITLES[slug]
    assert_widgets_match_model(at)
    for editor in at.data_editor:
        path = TABLE_PATHS[editor.key]
        assert list(editor.value["name"]) == [row.name for row in get_field(sample, path)]


def test_id_is_kept_across_pages():
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Publiceren.")
    wid = at.session_state["worksheet_id"]
    for slug in ["afronden", "start", "verkennen"]:
        visit(at, slug, by="sidebar")
        assert at.query_params["id"] == wid
    at.query_params.pop("id")  # the URL lost it: it is written back
    ok(at.run())
    assert at.query_params["id"] == wid


@pytest.mark.parametrize("bad_id", [DraftStore.new_id(), "nope", "x" * 43])
def test_unknown_id_shows_dutch_page_and_offers_a_new_worksheet(bad_id, store):
    at = open_app("verkennen", draft_id=bad_id)
    assert at.title[0].value == "Dit werkblad bestaat niet (meer)"
    assert "bestaat niet" in at.title[0].value
    assert not at.text_area and not at.data_editor
    button(at, "Nieuw werkblad beginnen").click()
    ok(at.run())
    assert at.title[0].value == PAGE_TITLES["start"]
    assert "id" not in at.query_params
    assert model(at) == Worksheet()
    visit(at, "kiezen")
    type_text(at, "choice.decision", "Nieuw begin.")
    wid = at.session_state["worksheet_id"]
    assert wid != bad_id
    assert store.load(wid).worksheet.choice.decision == "Nieuw begin."


def start_conflict(store: DraftStore) -> tuple[AppTest, str, Worksheet]:
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Mijn eerste keuze.")
    wid = at.session_state["worksheet_id"]
    elsewhere = store.load(wid)
    theirs = elsewhere.worksheet.model_copy(deep=True)
    theirs.choice.needs = "Andermans tekst."
    store.save(wid, theirs, elsewhere.version)  # another tab saved in between
    type_text(at, "choice.next_steps", "Mijn volgende stap.")
    assert "ergens anders gewijzigd" in shown(at, "warning")
    # Nothing lost silently: my text is on the screen, theirs is in the store.
    assert model(at).choice.next_steps == "Mijn volgende stap."
    assert store.load(wid).worksheet == theirs
    return at, wid, theirs


def test_a_save_whose_run_was_stopped_is_not_taken_for_someone_elses(store):
    """A keystroke can stop a run right after its database write, before the new version
    is noted. The next save then finds a "newer" version that is its own earlier write."""
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Eerste.")
    wid = at.session_state["worksheet_id"]
    # What the stopped run did: it wrote the next text, then noted nothing.
    stopped = model(at).model_copy(deep=True)
    stopped.choice.needs = "Tweede."
    store.save(wid, stopped, store.load(wid).version)
    at.session_state["written"] = [
        *at.session_state["written"],
        hashlib.sha256(dump_worksheet(stopped)).digest(),
    ]
    type_text(at, "choice.needs", "Tweede.")
    type_text(at, "choice.next_steps", "Derde.")
    assert "ergens anders gewijzigd" not in shown(at, "warning")
    saved = store.load(wid).worksheet
    assert (saved.choice.needs, saved.choice.next_steps) == ("Tweede.", "Derde.")


def test_first_save_keeps_its_id_when_its_run_was_stopped(store):
    """The id is made before the first write, so a stopped first save leaves no orphan."""
    at = open_app("kiezen")
    at.session_state["worksheet_id"] = wid = DraftStore.new_id()
    at.session_state["draft_version"] = 0
    written = model(at).model_copy(deep=True)
    written.choice.decision = "Eerste."
    store.create(written, wid)  # the stopped run's write
    at.session_state["written"] = [hashlib.sha256(dump_worksheet(written)).digest()]
    type_text(at, "choice.decision", "Eerste.")
    type_text(at, "choice.needs", "Tweede.")
    assert "ergens anders gewijzigd" not in shown(at, "warning")
    assert at.session_state["worksheet_id"] == wid
    assert store.load(wid).worksheet.choice.needs == "Tweede."


def test_link_for_an_empty_worksheet_stores_it_under_the_shown_id(store):
    at = open_app("gesprek")
    assert "worksheet_id" not in at.session_state
    button(at, "Link maken voor de gespreksleider").click()
    ok(at.run())
    wid = at.session_state["worksheet_id"]
    assert f"/gesprek?id={wid}" in at.code[0].value
    assert store.load(wid).worksheet == Worksheet()
    at.text_input(key="w:title").input("Daarna getypt.")
    ok(at.run())
    assert at.session_state["worksheet_id"] == wid
    assert store.load(wid).worksheet.title == "Daarna getypt."


def test_conflict_load_newer_version(store):
    at, wid, theirs = start_conflict(store)
    button(at, "Nieuwere versie laden (mijn wijzigingen vervallen)").click()
    ok(at.run())
    assert model(at) == theirs
    assert at.text_area(key="w:choice.needs").value == "Andermans tekst."
    assert at.text_area(key="w:choice.next_steps").value == ""
    assert "ergens anders gewijzigd" not in shown(at, "warning")
    # Typing goes on, saved on top of the newer version.
    type_text(at, "choice.next_steps", "Verder.")
    assert "ergens anders gewijzigd" not in shown(at, "warning")
    assert store.load(wid).worksheet.choice.next_steps == "Verder."
    assert store.load(wid).worksheet.choice.needs == "Andermans tekst."


def test_conflict_keep_my_version(store):
    at, wid, theirs = start_conflict(store)
    mine = model(at).model_copy(deep=True)
    button(at, "Mijn versie opslaan (de andere wijzigingen vervallen)").click()
    ok(at.run())
    assert "ergens anders gewijzigd" not in shown(at, "warning")
    assert model(at) == mine
    assert store.load(wid).worksheet == mine
    type_text(at, "choice.needs", "Nog iets.")
    assert store.load(wid).worksheet.choice.needs == "Nog iets."


def test_conflict_text_typed_meanwhile_is_kept(store):
    """While the question is open, more typing stays on screen and is not saved over theirs."""
    at, wid, theirs = start_conflict(store)
    visit(at, "afronden")
    type_text(at, "closing.summary", "Tijdens het conflict getypt.")
    assert store.load(wid).worksheet == theirs
    assert "ergens anders gewijzigd" in shown(at, "warning")
    button(at, "Mijn versie opslaan (de andere wijzigingen vervallen)").click()
    ok(at.run())
    assert store.load(wid).worksheet.closing.summary == "Tijdens het conflict getypt."


def test_draft_deleted_elsewhere_is_stored_anew(store):
    """Another tab deleted the draft (or it expired): typing stores the whole text again."""
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Eerst.")
    wid = at.session_state["worksheet_id"]
    store.delete(wid)
    type_text(at, "choice.needs", "Daarna.")
    new_id = at.session_state["worksheet_id"]
    assert new_id != wid
    assert at.query_params["id"] == new_id
    stored = store.load(new_id).worksheet
    assert (stored.choice.decision, stored.choice.needs) == ("Eerst.", "Daarna.")
    assert not at.warning


# -- 7. delete ------------------------------------------------------------------------


@pytest.mark.parametrize(("page", "key"), [("kiezen", "delete"), ("afronden", "delete-closing")])
def test_delete_removes_the_draft_and_empties_the_worksheet(page, key, store):
    at = open_app(page)
    type_text(at, STEP_BY_SLUG[page].fields[0].path, "Weg ermee.")
    wid = at.session_state["worksheet_id"]
    assert store.load(wid)
    at.button(key=key).click().run()
    ok(at)
    assert "kan niet ongedaan worden" in shown(at, "warning")
    assert store.load(wid)  # only asked, not deleted yet
    button(at, "Ja, verwijderen").click()
    ok(at.run())
    with pytest.raises(DraftNotFound):
        store.load(wid)
    assert model(at) == Worksheet()
    assert "worksheet_id" not in at.session_state
    assert "id" not in at.query_params
    assert at.text_area(key="w:" + STEP_BY_SLUG[page].fields[0].path).value == ""
    ok(at.run())  # a rerun does not bring it back
    assert model(at) == Worksheet()


def test_delete_can_be_cancelled(store):
    at = open_app("kiezen")
    type_text(at, "choice.decision", "Blijft.")
    wid = at.session_state["worksheet_id"]
    button(at, "Werkblad verwijderen").click()
    ok(at.run())
    button(at, "Annuleren").click()
    ok(at.run())
    assert store.load(wid).worksheet.choice.decision == "Blijft."
    assert model(at).choice.decision == "Blijft."


# -- 8. screen-share mode ---------------------------------------------------------------


def set_share_mode(at: AppTest, on: bool) -> AppTest:
    at.toggle(key="w:share_mode").set_value(on)
    return ok(at.run())


def private_things(at: AppTest) -> dict[str, bool]:
    """What must never reach a shared screen, per kind: is it on this screen?"""
    text = shown(at)
    return {
        "guidance": "Voor de gespreksleider" in expander_labels(at),
        "woo notice": guidance.WOO_NOTICE in shown(at, "info"),
        "hints": "Vragen bij de gedeelde vraag" in text,
        "personal data": "Laat gegevens over personen liever weg" in text,
        "handover link": has_button(at, "Link maken voor de gespreksleider") or "?id=" in text,
        "preparation": any(f.label in [w.label for w in at.text_area] for f in PREPARATION_FIELDS)
        or "Wat durf ik?" in text,
    }


def test_share_mode_hides_guidance_preparation_hints_and_links():
    at = open_app("verkennen")
    type_text(at, "exploration.shared_question", "Hoe gaan we om met de pers, en wat zeggen we")
    visit(at, "kiezen")
    type_text(at, "choice.needs", "Bel Sanne op 06-12345678.")
    visit(at, "voorbereiden")
    type_text(at, "preparation.dare", "Ik durf weinig.")
    button(at, "Link maken voor de gespreksleider").click()
    ok(at.run())
    assert "/gesprek?id=" in shown(at, "code")

    expected_off = {
        "kennismaken": {"guidance", "woo notice", "handover link"},
        "verkennen": {"guidance", "hints", "handover link"},
        "kiezen": {"guidance", "personal data", "handover link"},
        "voorbereiden": {"woo notice", "handover link", "preparation"},
        "gesprek": {"woo notice", "handover link"},
    }
    for slug, things in expected_off.items():
        visit(at, slug)
        present = {kind for kind, seen in private_things(at).items() if seen}
        assert things <= present, (slug, things - present)

    set_share_mode(at, True)
    for slug in expected_off:
        visit(at, slug)
        present = {kind for kind, seen in private_things(at).items() if seen}
        assert not present, (slug, present)
    assert at.title[0].value == PAGE_TITLES["gesprek"]
    assert "nav:voorbereiden" not in [b.key for b in at.button]
    switch(at, "voorbereiden")
    assert "Ik durf weinig." not in shown(at)
    assert not at.text_area and not at.data_editor

    set_share_mode(at, False)
    for slug, things in expected_off.items():
        visit(at, slug)
        present = {kind for kind, seen in private_things(at).items() if seen}
        assert things <= present, (slug, things - present)


def test_share_mode_keeps_the_preparation_out_of_the_closing_overview():
    at = open_app("voorbereiden")
    type_text(at, "preparation.want", "Geheime wens.")
    visit(at, "afronden")
    unfold(at, "overview")
    at.checkbox(key="w:export_preparation").check()
    ok(at.run())
    assert "Geheime wens." in shown(at)
    set_share_mode(at, True)
    assert "Geheime wens." not in shown(at)
    assert at.checkbox(key="w:export_preparation").value is True


# -- 9. hints on the shared question and personal data ---------------------------------


def test_shared_question_hints():
    at = open_app("verkennen")
    type_text(at, "exploration.shared_question", "Hoe gaan we om met de pers, en wat zeggen we")
    captions = shown(at, "caption")
    assert "Vragen bij de gedeelde vraag" in captions
    for hint in (
        hints.HINT_NOT_HOE,
        hints.HINT_NO_COMMA,
        hints.HINT_MODAL_VERB,
        hints.HINT_QUESTION_MARK,
    ):
        assert hint in captions
    type_text(at, "exploration.shared_question", "Kunnen we het rapport nu openbaar maken?")
    assert "Vragen bij de gedeelde vraag" not in shown(at)


def test_personal_data_caption_beside_a_field():
    at = open_app("kiezen")
    type_text(at, "choice.needs", "Communicatie, bel 06-12345678")
    captions = shown(at, "caption")
    assert "telefoonnummer" in captions
    assert "Laat gegevens over personen liever weg" in captions
    type_text(at, "choice.needs", "Communicatie, zaaknummer 2024-123456")
    assert "telefoonnummer" not in shown(at, "caption")


# -- 10. the closing page ---------------------------------------------------------------


def test_closing_page_export_defaults_and_overview(sample):
    at = open_app("gesprek")
    edit_table(
        at, "editor:participants", added=[{"name": "Sanne de Vries", "role": "dilemma-eigenaar"}]
    )
    visit(at, "voorbereiden")
    type_text(at, "preparation.may", "Alleen met een goede reden.")
    visit(at, "kiezen")
    type_text(at, "choice.decision", "We publiceren <b>nu</b>.")
    type_text(at, "choice.needs", "Bel Joost: 06-12345678")
    visit(at, "afronden")
    unfold(at, "overview")
    assert at.checkbox(key="w:export_names").value is False
    assert at.checkbox(key="w:export_preparation").value is False
    assert "Overzicht: zo ziet het verslag eruit" in expander_labels(at)
    texts = shown(at, "text")
    assert "We publiceren <b>nu</b>." in texts  # user text as plain text
    assert "Bel Joost: 06-12345678" in texts
    assert "We publiceren <b>nu</b>." not in shown(at, "markdown")
    # Names and the preparation stay out by default.
    assert "Sanne de Vries" not in shown(at)
    assert "dilemma-eigenaar" in texts
    assert "Alleen met een goede reden." not in shown(at)
    # The personal-data check names where a phone number seems to be.
    warning = shown(at, "warning")
    assert "gegevens over personen" in warning
    assert "Wat heeft wie nodig?: telefoonnummer" in warning
    assert "Wat is de keuze?" not in warning
    # Ticked: names and the preparation appear; the choice lasts across pages.
    at.checkbox(key="w:export_names").check()
    at.checkbox(key="w:export_preparation").check()
    ok(at.run())
    assert "Sanne de Vries" in shown(at, "text")
    assert "Alleen met een goede reden." in shown(at, "text")
    visit(at, "kiezen")
    visit(at, "afronden")
    assert at.checkbox(key="w:export_names").value is True
    assert at.checkbox(key="w:export_preparation").value is True
    assert "Verslag downloaden (pdf)" in [b.label for b in at.get("download_button")]


def test_closing_page_without_personal_data_says_so():
    at = open_app("afronden")
    type_text(at, "closing.summary", "Alles is helder.")
    assert "Geen e-mailadressen, telefoonnummers of BSN's gevonden." in shown(at, "success")


@pytest.mark.parametrize("slug", STEP_SLUGS)
def test_step_timer_starts_and_stops(slug):
    at = open_app(slug)
    clock = at.button(key=f"clock:{slug}")
    assert clock.label == "Klok starten"
    clock.click().run()
    ok(at)
    timer = at.session_state["timers"][slug]
    assert timer.running
    assert at.button(key=f"clock:{slug}").label == "Klok stoppen"
    at.button(key=f"clock:{slug}").click().run()
    ok(at)
    assert not at.session_state["timers"][slug].running
    assert at.button(key=f"clock:{slug}").label == "Klok starten"


def test_starting_a_timer_stops_the_other():
    at = open_app("kennismaken")
    at.button(key="clock:kennismaken").click().run()
    visit(at, "verkennen")
    at.button(key="clock:verkennen").click().run()
    ok(at)
    timers = at.session_state["timers"]
    assert timers["verkennen"].running
    assert not timers["kennismaken"].running


# -- 11. sessions are separate ------------------------------------------------------------


def test_two_sessions_never_share_the_worksheet(store):
    first = open_app("kiezen")
    second = open_app("kiezen")
    type_text(first, "choice.decision", "Alleen in de eerste.")
    assert model(second) == Worksheet()
    ok(second.run())
    assert second.text_area(key="w:choice.decision").value == ""
    type_text(second, "choice.decision", "Alleen in de tweede.")
    ok(first.run())
    assert model(first).choice.decision == "Alleen in de eerste."
    assert first.text_area(key="w:choice.decision").value == "Alleen in de eerste."
    assert model(first) is not model(second)
    first_id = first.session_state["worksheet_id"]
    second_id = second.session_state["worksheet_id"]
    assert first_id != second_id
    assert store.load(first_id).worksheet.choice.decision == "Alleen in de eerste."
    assert store.load(second_id).worksheet.choice.decision == "Alleen in de tweede."
    # The sample loaded in one session leaves the other alone.
    visit(first, "verkennen")
    edit_table(first, "editor:players", added=[{"name": "Eerste speler"}])
    visit(second, "verkennen")
    assert model(second).exploration.players == []
    grid = next(d for d in second.data_editor if d.key == "editor:players").value
    assert grid.empty


# -- limits of every table ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "key", "limit", "plural"),
    [
        ("verkennen", "editor:players", MAX_PLAYERS, "spelers"),
        ("afwegen", "editor:options", MAX_OPTIONS, "opties"),
        ("gesprek", "editor:participants", MAX_PARTICIPANTS, "deelnemers"),
    ],
)
def test_every_table_refuses_one_row_too_many(page, key, limit, plural):
    at = open_app(page)
    edit_table(at, key, added=[{"name": f"Rij {n}"} for n in range(limit + 1)])
    ok(at, errors=True)
    assert len(at.error) == 1
    assert f"hoogstens {limit} {plural}" in at.error[0].value
    assert_dutch(at.error[0].value)
    assert get_field(model(at), TABLE_PATHS[key]) == []
    edit_table(at, key, added=[{"name": f"Rij {n}"} for n in range(limit)])
    ok(at)
    assert len(get_field(model(at), TABLE_PATHS[key])) == limit


# -- user text is data, never markup -------------------------------------------------------

MARKUP = "![x](https://example.invalid/p.png) <b>vet</b> [klik](https://example.invalid)"
MARKUP_KINDS = ("title", "subheader", "markdown", "caption", "info", "warning", "error", "success")


def test_user_text_never_goes_into_markdown_on_any_page():
    at = open_app("gesprek")
    at.text_input(key="w:title").input(MARKUP)
    ok(at.run())
    edit_table(at, "editor:participants", added=[{"name": MARKUP, "role": "deelnemer"}])
    visit(at, "voorbereiden")
    type_text(at, "preparation.want", MARKUP)
    visit(at, "verkennen")
    edit_table(at, "editor:players", added=[{"name": MARKUP, "interests_values": MARKUP}])
    type_text(at, "exploration.shared_question", MARKUP)
    visit(at, "afwegen")
    edit_table(at, "editor:options", added=[{"name": MARKUP, "pros": MARKUP}])
    for path in ("choice.decision", "closing.summary"):
        visit(at, STEP_SLUGS[3] if path.startswith("choice") else STEP_SLUGS[4])
        type_text(at, path, MARKUP)
    visit(at, "afronden")
    at.checkbox(key="w:export_names").check()
    at.checkbox(key="w:export_preparation").check()
    ok(at.run())
    unfold(at, "overview")
    unfold(at, "copy")
    assert MARKUP in shown(at, "text")  # it is shown, as text
    for slug in PAGE_SLUGS:
        visit(at, slug)
        assert "example.invalid" not in shown(at, *MARKUP_KINDS), slug


def test_personal_data_check_keeps_names_out_of_markdown():
    """Names are user text: the list of places with personal data must not render them."""
    at = open_app("verkennen")
    edit_table(
        at,
        "editor:players",
        added=[{"name": MARKUP, "positions_emotions": "Bel 06-12345678"}],
    )
    visit(at, "afronden")
    assert "telefoonnummer" in shown(at, "warning")
    assert "example.invalid" not in shown(at, *MARKUP_KINDS)


# -- screen-share mode and the tables ------------------------------------------------------

# A changed data_editor parameter (such as row_height) makes a new, empty editor over
# the old base frame; its return value would then wipe the rows edited on this visit.


@pytest.mark.parametrize(
    ("page", "key"), [("verkennen", "editor:players"), ("afwegen", "editor:options")]
)
def test_turning_share_mode_on_keeps_table_edits(page, key, store):
    at = open_app(page)
    edit_table(at, key, added=[{"name": "Eerste"}, {"name": "Tweede"}])
    path = TABLE_PATHS[key]
    assert [row.name for row in get_field(model(at), path)] == ["Eerste", "Tweede"]
    set_share_mode(at, True)
    assert [row.name for row in get_field(model(at), path)] == ["Eerste", "Tweede"]
    wid = at.session_state["worksheet_id"]
    assert [row.name for row in get_field(store.load(wid).worksheet, path)] == ["Eerste", "Tweede"]


def test_turning_share_mode_off_keeps_table_edits():
    at = open_app("verkennen")
    set_share_mode(at, True)
    assert "Tabel met spelers bewerken" in expander_labels(at)
    edit_table(at, "editor:players", added=[{"name": "In beeld getypt"}])
    assert [p.name for p in model(at).exploration.players] == ["In beeld getypt"]
    set_share_mode(at, False)
    assert [p.name for p in model(at).exploration.players] == ["In beeld getypt"]


# -- text typed without Enter survives whatever is clicked next --------------------------


def test_text_typed_then_a_sidebar_step_clicked_is_kept():
    at = open_app("kiezen")
    at.text_area(key="w:choice.needs").input("Zonder Enter getypt.")
    at.button(key="nav:afronden").click()  # both reach the server in one rerun
    ok(at.run())
    assert at.title[0].value == PAGE_TITLES["afronden"]
    assert model(at).choice.needs == "Zonder Enter getypt."
    at.button(key="prev").click().run()
    assert at.text_area(key="w:choice.needs").value == "Zonder Enter getypt."


def test_text_typed_then_share_mode_turned_on_is_kept():
    at = open_app("kiezen")
    at.text_area(key="w:choice.decision").input("Net getypt.")
    at.toggle(key="w:share_mode").set_value(True)
    ok(at.run())
    assert model(at).choice.decision == "Net getypt."
    assert at.text_area(key="w:choice.decision").value == "Net getypt."


def test_deleting_the_player_shown_in_full_text_is_fine():
    at = open_app("verkennen")
    edit_table(at, "editor:players", added=[{"name": "A"}, {"name": "B"}, {"name": "C"}])
    visit(at, "afwegen")
    visit(at, "verkennen")  # base frame now holds A, B, C
    unfold(at, "players")
    at.selectbox(key="pick:players").select_index(2)
    ok(at.run())
    assert at.text_input(key="w:exploration.players.2.name").value == "C"
    edit_table(at, "editor:players", deleted=[2])
    ok(at.run())
    assert [p.name for p in model(at).exploration.players] == ["A", "B"]
    assert_widgets_match_model(at)


# -- the time plan -------------------------------------------------------------------------


def test_time_plan_lasts_across_pages_and_shows_on_the_closing_page():
    at = open_app("gesprek")
    at.segmented_control(key="w:duration").set_value("1 uur")
    ok(at.run())
    unfold(at, "plan")
    at.number_input(key="w:plan:kiezen").set_value(17)
    ok(at.run())
    visit(at, "kiezen")
    assert "van 17 min." in shown(at, "markdown")
    visit(at, "gesprek")
    assert at.segmented_control(key="w:duration").value == "1 uur"
    unfold(at, "plan")
    assert at.number_input(key="w:plan:kiezen").value == 17
    visit(at, "afronden")
    assert "| 4\\. Kiezen | 17 min. |" in shown(at, "markdown")


# -- a seeded random walk: pages, typing, grid edits, full texts, share mode ---------------

EDITOR_ON_PAGE = {
    "gesprek": "editor:participants",
    "voorbereiden": "editor:players",
    "verkennen": "editor:players",
    "afwegen": "editor:options",
}
EDITOR_COLUMNS = {
    "editor:players": list(PLAYER_COLUMNS),
    "editor:options": list(OPTION_COLUMNS),
    "editor:participants": ["name"],
}


class Walk:
    """Random user actions; after each, the model must equal what was typed and edited.

    The grid is edited as the browser does it: one delta (edited, added and deleted rows)
    against the base frame, which the app rebuilds from the model on entering a page.
    """

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.at = open_app()
        self.page = "start"
        self.share = False
        self.texts: dict[str, str] = {}
        self.rows: dict[str, list[dict[str, str]]] = {key: [] for key in EDITOR_COLUMNS}
        self.enter()

    def enter(self) -> None:
        """The page was entered: the grid starts from the model, without edits."""
        self.delta = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
        key = EDITOR_ON_PAGE.get(self.page)
        self.base = [dict(row) for row in self.rows[key]] if key else []

    def visit(self) -> None:
        choices = [s for s in PAGE_SLUGS if not (self.share and s == "voorbereiden")]
        slug = self.rnd.choice(choices)
        visit(self.at, slug, by=self.rnd.choice(["switch", "sidebar"]))
        if slug != self.page:
            self.page = slug
            self.enter()

    def toggle_share_mode(self) -> None:
        self.share = not self.share
        set_share_mode(self.at, self.share)
        if self.page == "voorbereiden":  # hidden in share mode: its grid starts anew
            self.enter()

    def type(self) -> None:
        areas = [
            w
            for w in self.at.main.text_area
            if w.key.startswith("w:") and not re.search(r"\.\d+\.", w.key)
        ]
        if areas:
            widget = self.rnd.choice(areas)
            text = self.rnd.choice(["", "kort", "Twee\nregels", "€ Şahin", "x" * 300])
            widget.input(text)
            ok(self.at.run())
            self.texts[widget.key[2:]] = text

    def edit_grid(self) -> None:
        key = EDITOR_ON_PAGE.get(self.page)
        if not key or (self.share and self.page == "voorbereiden"):
            return
        columns = EDITOR_COLUMNS[key]
        delta = self.delta
        alive = [i for i in range(len(self.base)) if i not in delta["deleted_rows"]]
        kind = self.rnd.choice(["add", "add", "edit", "edit", "delete"])
        if kind == "add":
            picked = self.rnd.sample(columns, self.rnd.randint(1, len(columns)))
            delta["added_rows"].append({c: f"{c[:3]}{self.rnd.randint(0, 99)}" for c in picked})
        elif kind == "edit" and alive:
            row = delta["edited_rows"].setdefault(self.rnd.choice(alive), {})
            row[self.rnd.choice(columns)] = f"e{self.rnd.randint(0, 99)}"
        elif kind == "delete" and alive:
            delta["deleted_rows"].append(self.rnd.choice(alive))
        elif delta["added_rows"]:
            delta["added_rows"].pop()
        edit_table(
            self.at,
            key,
            edited={i: dict(cells) for i, cells in delta["edited_rows"].items()},
            added=[dict(row) for row in delta["added_rows"]],
            deleted=sorted(delta["deleted_rows"]),
        )
        ok(self.at)
        rows = [
            {**row, **delta["edited_rows"].get(i, {})}
            for i, row in enumerate(self.base)
            if i not in delta["deleted_rows"]
        ] + [dict(row) for row in delta["added_rows"]]
        rows = [{c: row.get(c) or "" for c in columns} for row in rows]
        self.rows[key] = [row for row in rows if any(v.strip() for v in row.values())]

    def full_text(self) -> None:
        if self.page not in ("verkennen", "afwegen", "voorbereiden") or (
            self.share and self.page == "voorbereiden"
        ):
            return
        unfold(self.at, "options" if self.page == "afwegen" else "players")
        areas = [w for w in self.at.main.text_area if re.search(r"\.\d+\.", w.key)]
        if not areas:
            return
        widget = self.rnd.choice(areas)
        text = "Lang. " * self.rnd.randint(1, 60)
        widget.input(text)
        ok(self.at.run())
        *_, index, column = widget.key.split(".")
        self.rows[EDITOR_ON_PAGE[self.page]][int(index)][column] = text
        self.enter()  # the grid was rebuilt from the model

    def check(self) -> None:
        worksheet = model(self.at)
        for path, text in self.texts.items():
            assert get_field(worksheet, path) == text, path
        for key, rows in self.rows.items():
            items = get_field(worksheet, TABLE_PATHS[key])
            assert [{c: getattr(i, c) for c in EDITOR_COLUMNS[key]} for i in items] == rows
        assert_widgets_match_model(self.at)

    def run(self, steps: int) -> None:
        actions = [self.visit, self.visit, self.type, self.type, self.edit_grid]
        actions += [self.edit_grid, self.edit_grid, self.full_text, self.toggle_share_mode]
        for _ in range(steps):
            self.rnd.choice(actions)()
            self.check()


@pytest.mark.parametrize("seed", range(6))
def test_random_walk_keeps_every_edit(seed, store):
    walk = Walk(seed)
    walk.run(60)
    wid = walk.at.session_state.get("worksheet_id")
    if wid:
        assert store.load(wid).worksheet == model(walk.at)
