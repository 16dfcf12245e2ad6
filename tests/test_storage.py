"""Worksheet files (load/dump) and the SQLite draft store."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkblad import storage
from werkblad.model import (
    MAX_FILE_BYTES,
    MAX_NAME,
    MAX_OPTIONS,
    MAX_PARTICIPANTS,
    MAX_PLAYERS,
    MAX_TEXT,
    Choice,
    Closing,
    Exploration,
    Introduction,
    Option,
    Participant,
    Player,
    Preparation,
    Weighing,
    Worksheet,
)
from werkblad.storage import (
    ConfigError,
    Draft,
    DraftConflict,
    DraftCorrupt,
    DraftNotFound,
    DraftStore,
    WorksheetFileError,
    dump_worksheet,
    load_worksheet,
    migrate,
    store_from_env,
)

ROOT = Path(__file__).resolve().parent.parent
# The realistic example: in the project once copied there, else in the shared folder beside it.
SAMPLE = next(
    (
        p
        for p in (
            ROOT / "samples" / "voorbeeld-onderzoeksrapport.json",
            ROOT.parent / "shared" / "samples" / "voorbeeld-onderzoeksrapport.json",
        )
        if p.exists()
    ),
    None,
)

HEAD = {"format": "dilemmagesprek-werkblad", "schema_version": 1}
SECRET = "Geheime tekst van de gebruiker 0612345678"


def as_file(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def refuse(data: bytes) -> str:
    """Load must fail with a WorksheetFileError; returns its message."""
    with pytest.raises(WorksheetFileError) as info:
        load_worksheet(data)
    message = str(info.value)
    assert message.strip()
    assert "Traceback" not in message
    assert "Error" not in message  # no Python exception names
    assert SECRET not in message
    return message


def full_worksheet() -> Worksheet:
    return Worksheet(
        title="Titel met é, 中文 en 🙂",
        meeting_date=dt.date(2026, 12, 10),
        participants=[
            Participant(name="Sanne", role="dilemma_owner"),
            Participant(name="Ahmed", role="facilitator"),
            Participant(name="", role="participant"),
        ],
        preparation=Preparation(want="w", dare="d", can="c", may="m"),
        introduction=Introduction(dilemma="regel 1\nregel 2\ttab", why_now="nu"),
        exploration=Exploration(
            players=[Player(name="A", positions_emotions="boos", interests_values="geld")],
            shared_question="vraag?",
        ),
        weighing=Weighing(options=[Option(name="O1", pros="+", cons="-")], conclusion="c"),
        choice=Choice(decision="d", needs="n", next_steps="s"),
        closing=Closing(satisfied="ja", summary='"quotes" en \\backslash'),
    )


# --------------------------------------------------------------------------------------
# Bad files
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["leeg"]),
        (b"  \n\t ", ["leeg"]),
        (b"\xef\xbb\xbf", ["leeg"]),
        (b"\xef\xbb\xbf \r\n", ["leeg"]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ["pdf", "werkbestand"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["geen tekstbestand"]),
        (b"PK\x03\x04\x14\x00\x06\x00", ["geen tekstbestand"]),
        ('{"title": "é"}'.encode("latin-1"), ["UTF-8"]),
        ("{}".encode("utf-16"), ["tekst"]),
        (b"\xed\xa0\x80", ["UTF-8"]),  # an encoded surrogate is not UTF-8
        (b"{", ["geen geldige JSON", "regel 1"]),
        (b"format: dilemmagesprek-werkblad", ["geen geldige JSON"]),
        (b'{"format": "dilemmagesprek-werkblad",}', ["geen geldige JSON"]),
        (b"[]", ["geen werkbestand"]),
        (b'[{"format": "dilemmagesprek-werkblad", "schema_version": 1}]', ["geen werkbestand"]),
        (b'"dilemmagesprek-werkblad"', ["geen werkbestand"]),
        (b"1", ["geen werkbestand"]),
        (b"null", ["geen werkbestand"]),
        (b"true", ["geen werkbestand"]),
        (b"1" * 5000, ["geen geldige JSON"]),  # beyond Python's int digit limit
        (b"[" * 100_000, ["te diep"]),
        (b"{" * 100_000, ["geen geldige JSON"]),  # a key must come first
        (b'{"a":' * 50_000, ["te diep"]),
        (b"[" * (MAX_FILE_BYTES - 1), ["te diep"]),
        (as_file({**HEAD, "title": [[[[[[[[[["x"]]]]]]]]]]}), ["te diep"]),
        (as_file({"schema_version": 1}), ["format", "ontbreekt"]),
        (as_file({"format": "iets-anders", "schema_version": 1}), ["format", "geen werkbestand"]),
        (as_file({"format": "Dilemmagesprek-Werkblad", "schema_version": 1}), ["format"]),
        (as_file({"format": ["dilemmagesprek-werkblad"], "schema_version": 1}), ["format"]),
        (as_file({"format": None, "schema_version": 1}), ["format"]),
        (as_file({"format": "dilemmagesprek-werkblad"}), ["versienummer", "ontbreekt"]),
        (as_file({**HEAD, "schema_version": 2}), ["nieuwere versie van de app"]),
        (as_file({**HEAD, "schema_version": 10**30}), ["nieuwere versie van de app"]),
        (as_file({**HEAD, "schema_version": 0}), ["versienummer", "klopt niet"]),
        (as_file({**HEAD, "schema_version": -1}), ["versienummer", "klopt niet"]),
        (as_file({**HEAD, "schema_version": "1"}), ["heel getal"]),
        (as_file({**HEAD, "schema_version": 1.0}), ["heel getal"]),
        (as_file({**HEAD, "schema_version": True}), ["heel getal"]),
        (as_file({**HEAD, "schema_version": None}), ["heel getal"]),
        (b'{"format": "dilemmagesprek-werkblad", "schema_version": NaN}', ["NaN"]),
        (b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "x": Infinity}', ["NaN"]),
        (b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "x": -Infinity}', ["NaN"]),
        (
            b'{"format": "dilemmagesprek-werkblad", "schema_version": 1,'
            b' "title": "a", "title": "b"}',
            ["'title'", "twee keer"],
        ),
        (
            b'{"format": "dilemmagesprek-werkblad", "schema_version": 1,'
            b' "closing": {"summary": "a", "summary": "b"}}',
            ["'summary'", "twee keer"],
        ),
        (
            b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "title": "a\\ud800b"}',
            ["ongeldig teken"],
        ),
        (
            b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "\\udfff": ""}',
            ["ongeldig teken"],
        ),
        (
            b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "title": "a\tb"}',
            ["geen geldige JSON"],  # a raw control character inside a JSON string
        ),
    ],
)
def test_bad_files_are_refused_in_dutch(data: bytes, words: list[str]) -> None:
    message = refuse(data)
    for word in words:
        assert word in message
    # Every message tells what to do.
    assert any(
        hint in message for hint in ("Kies", "kies", "Herstel", "Haal", "Vraag de beheerder")
    )


def test_huge_file_is_refused_on_size_before_anything_is_parsed(monkeypatch) -> None:
    def must_not_parse(data: bytes) -> Worksheet:
        raise AssertionError("parsed a file that is too big")

    monkeypatch.setattr(storage, "_parse_worksheet", must_not_parse)
    message = refuse(b"{" + b" " * (12 * 1024 * 1024) + b"}")
    assert "te groot" in message and "2 MB" in message and "12,0 MB" in message


def test_size_limit_is_exact() -> None:
    padded = as_file(HEAD)[:-1] + b" " * (MAX_FILE_BYTES - len(as_file(HEAD))) + b"}"
    assert len(padded) == MAX_FILE_BYTES
    assert load_worksheet(padded) == Worksheet()
    assert "te groot" in refuse(padded[:-1] + b" }")


@pytest.mark.parametrize(
    ("worksheet", "words"),
    [
        ({"title": "x" * (MAX_NAME + 1)}, ["Titel van het gesprek", "te lang", "200"]),
        (
            {"introduction": {"dilemma": "x" * (MAX_TEXT + 1)}},
            ["Stap 1 Kennismaken", "Wat is het dilemma?", "10.000"],
        ),
        (
            {"exploration": {"players": [{"name": "A"}, {"interests_values": "x" * 10_001}]}},
            ["speler 2", "Belangen en waarden", "te lang"],
        ),
        ({"exploration": {"players": [{}] * (MAX_PLAYERS + 1)}}, ["te veel spelers", "25"]),
        ({"weighing": {"options": [{}] * (MAX_OPTIONS + 1)}}, ["te veel opties", "15"]),
        ({"participants": [{}] * (MAX_PARTICIPANTS + 1)}, ["te veel deelnemers", "30"]),
        (
            {"participants": [{"name": "Jo", "role": "baas"}]},
            ["deelnemer 1", "rol", "dilemma_owner"],
        ),
        ({"participants": [{"role": None}]}, ["rol"]),
        ({"participants": "Jo en Ans"}, ["Deelnemers", "lijst"]),
        ({"participants": [5]}, ["deelnemer 1", "onderdeel met velden"]),
        ({"preparation": []}, ["Voorbereiding", "onderdeel met velden"]),
        ({"title": 5}, ["tekst"]),
        ({"title": None}, ["tekst"]),
        ({"choice": {"decision": False}}, ["Stap 4 Kiezen", "tekst"]),
        ({"meeting_date": "2026-02-30"}, ["datum", "JJJJ-MM-DD"]),
        ({"meeting_date": "10-12-2026"}, ["datum"]),
        ({"meeting_date": "2026-12-10T10:00:00"}, ["datum"]),
        ({"meeting_date": 0}, ["datum"]),
        ({"meeting_date": 1_765_324_800}, ["datum"]),
        ({"meeting_date": ""}, ["datum"]),
    ],
)
def test_invalid_content_is_described_in_dutch(worksheet: dict, words: list[str]) -> None:
    message = refuse(as_file({**HEAD, **worksheet}))
    assert "kan niet worden geopend" in message
    for word in words:
        assert word.lower() in message.lower()


def test_unknown_key_is_named_with_its_place() -> None:
    data = {**HEAD, "exploration": {"players": [{}, {}, {"name": "C", "foo": SECRET}]}}
    message = refuse(as_file(data))
    assert "onbekend veld 'foo'" in message
    assert "exploration.players[2]" in message
    assert "speler 3" in message


def test_unknown_top_level_key_and_section_key() -> None:
    assert "onbekend veld 'notes'" in refuse(as_file({**HEAD, "notes": SECRET}))
    message = refuse(as_file({**HEAD, "closing": {"summary": "", "extra": 1}}))
    assert "onbekend veld 'extra'" in message and "closing" in message


def test_shown_key_names_are_short_and_harmless() -> None:
    key = "<script>alert(1)</script>[link](javascript:x)\n**vet**" + "k" * 500
    message = refuse(as_file({**HEAD, key: 1}))
    for bad in ("<", ">", "[", "](", "\n**", "*"):
        assert bad not in message.split("Dit klopt er niet:")[1].split("\n\n")[0]
    assert "k" * 41 not in message
    assert "…" in message
    assert "zonder naam" in refuse(as_file({**HEAD, "": 1}))


def test_user_text_never_appears_in_the_message() -> None:
    data = {
        **HEAD,
        "title": SECRET * 10,
        "introduction": {"dilemma": SECRET * 500},
        "participants": [{"name": SECRET, "role": SECRET}],
        "meeting_date": SECRET,
    }
    refuse(as_file(data))  # refuse() asserts SECRET is absent


def test_many_problems_are_summarised() -> None:
    data = {**HEAD, **{f"extra{i}": i for i in range(50)}}
    message = refuse(as_file(data))
    assert message.count("onbekend veld") == storage.MAX_PROBLEMS_SHOWN
    assert "En nog 47 andere problemen" in message


def test_byte_order_mark_is_accepted() -> None:
    ws = full_worksheet()
    assert load_worksheet(b"\xef\xbb\xbf" + dump_worksheet(ws)) == ws


def test_bytearray_and_memoryview_are_accepted() -> None:
    data = dump_worksheet(full_worksheet())
    assert load_worksheet(bytearray(data)) == full_worksheet()
    assert load_worksheet(memoryview(data)) == full_worksheet()


def test_only_format_and_version_are_required() -> None:
    ws = load_worksheet(as_file(HEAD))
    assert ws == Worksheet()
    assert load_worksheet(as_file({**HEAD, "meeting_date": None})).meeting_date is None


def test_unexpected_failure_still_gives_dutch(monkeypatch) -> None:
    def broken(raw: dict) -> dict:
        raise KeyError("boom")

    monkeypatch.setattr(storage, "migrate", broken)
    message = refuse(as_file(HEAD))
    assert "kan de app niet openen" in message and "boom" not in message


# --------------------------------------------------------------------------------------
# migrate
# --------------------------------------------------------------------------------------


def test_migrate_keeps_version_1_unchanged() -> None:
    raw = {**HEAD, "title": "t", "closing": {"summary": "s"}}
    assert migrate(dict(raw)) == raw


def test_migrate_refuses_newer_versions() -> None:
    with pytest.raises(WorksheetFileError, match="nieuwere versie van de app"):
        migrate({**HEAD, "schema_version": 2})


def test_migrate_runs_registered_steps(monkeypatch) -> None:
    # How a future version 2 will plug in: a step from 1 to 2 and a new current version.
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(storage._MIGRATIONS, 1, lambda raw: {**raw, "title": raw["name"]})
    assert migrate({**HEAD, "name": "x"}) == {
        **HEAD,
        "schema_version": 2,
        "name": "x",
        "title": "x",
    }


# --------------------------------------------------------------------------------------
# dump and round trip
# --------------------------------------------------------------------------------------


@pytest.mark.skipif(SAMPLE is None, reason="voorbeeld-onderzoeksrapport.json not found")
def test_sample_loads_and_round_trips() -> None:
    assert SAMPLE is not None
    ws = load_worksheet(SAMPLE.read_bytes())
    assert ws.title
    assert ws.meeting_date == dt.date(2026, 12, 10)
    assert len(ws.exploration.players) >= 3
    assert load_worksheet(dump_worksheet(ws)) == ws


def test_dump_format() -> None:
    ws = full_worksheet()
    data = dump_worksheet(ws)
    text = data.decode("utf-8")
    assert text.startswith('{\n  "format": "dilemmagesprek-werkblad",\n  "schema_version": 1,\n')
    assert text.endswith("}\n")
    assert "🙂" in text and "中文" in text  # not escaped (ensure_ascii=False)
    assert '"meeting_date": "2026-12-10"' in text
    raw = json.loads(text)
    assert list(raw)[:2] == ["format", "schema_version"]
    assert set(raw) == set(Worksheet.model_fields)
    assert set(raw["exploration"]["players"][0]) == set(Player.model_fields)
    assert load_worksheet(data) == ws


def test_dump_of_empty_worksheet_has_every_field() -> None:
    raw = json.loads(dump_worksheet(Worksheet()))
    assert raw["meeting_date"] is None
    assert raw["preparation"] == {"want": "", "dare": "", "can": "", "may": ""}
    assert raw["exploration"] == {"players": [], "shared_question": ""}


def test_control_characters_and_odd_unicode_survive() -> None:
    odd = '\x00\x01\x1f\x7f\x85\u2028\u2029\ufeff\u202e\U0010ffff"\\/<b>&amp;'
    ws = Worksheet(title=odd, closing=Closing(summary=odd * 100))
    data = dump_worksheet(ws)
    data.decode("utf-8")
    assert load_worksheet(data) == ws


def test_model_refuses_lone_surrogates_so_every_worksheet_dumps() -> None:
    # dump_worksheet relies on this: text without a UTF-8 form never gets into the model.
    with pytest.raises(ValueError):
        Worksheet(title="a\ud800b")
    with pytest.raises(ValueError):
        Worksheet().closing.summary = "\udfff"


def test_largest_possible_texts_round_trip() -> None:
    ws = Worksheet(
        title="t" * MAX_NAME,
        introduction=Introduction(dilemma="é" * MAX_TEXT),
        exploration=Exploration(players=[Player(name=str(i)) for i in range(MAX_PLAYERS)]),
        weighing=Weighing(options=[Option(cons="x" * MAX_TEXT)] * MAX_OPTIONS),
        participants=[Participant()] * MAX_PARTICIPANTS,
    )
    assert load_worksheet(dump_worksheet(ws)) == ws


text = st.text(max_size=40)  # any code point but surrogates, control characters included
name = st.text(max_size=MAX_NAME)

worksheets = st.builds(
    Worksheet,
    title=name,
    meeting_date=st.none() | st.dates(),
    participants=st.lists(
        st.builds(
            Participant,
            name=name,
            role=st.sampled_from(["dilemma_owner", "facilitator", "participant"]),
        ),
        max_size=3,
    ),
    preparation=st.builds(Preparation, want=text, dare=text, can=text, may=text),
    introduction=st.builds(Introduction, dilemma=text, why_now=text),
    exploration=st.builds(
        Exploration,
        players=st.lists(
            st.builds(
                Player,
                name=name,
                positions_emotions=text,
                interests_values=text,
                rights_preferences=text,
            ),
            max_size=3,
        ),
        shared_question=text,
    ),
    weighing=st.builds(
        Weighing,
        options=st.lists(st.builds(Option, name=name, pros=text, cons=text), max_size=3),
        conclusion=text,
    ),
    choice=st.builds(Choice, decision=text, needs=text, next_steps=text),
    closing=st.builds(Closing, satisfied=text, summary=text),
)


@settings(max_examples=200, deadline=None)
@given(worksheets)
def test_round_trip_any_worksheet(ws: Worksheet) -> None:
    assert load_worksheet(dump_worksheet(ws)) == ws


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_escape_as_another_exception(data: bytes) -> None:
    with contextlib.suppress(WorksheetFileError):
        load_worksheet(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_random_json_inside_a_worksheet_is_refused_or_loaded(value: object) -> None:
    for key in ("title", "participants", "exploration", "meeting_date", "extra"):
        data = as_file({**HEAD, key: value})
        try:
            assert isinstance(load_worksheet(data), Worksheet)
        except WorksheetFileError as exc:
            assert "Traceback" not in str(exc)


# --------------------------------------------------------------------------------------
# The draft store
# --------------------------------------------------------------------------------------


class Clock:
    """A settable clock for expiry tests."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


T0 = dt.datetime(2026, 12, 10, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _no_purge_memory(monkeypatch) -> None:
    # Each test starts as a fresh process would: no purge done yet.
    monkeypatch.setattr(storage, "_last_purge", {})


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "data" / "drafts.sqlite3")


def rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM drafts").fetchone()[0]


def test_ids_are_long_random_and_url_safe() -> None:
    ids = {DraftStore.new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(DraftStore.is_valid_id(i) and len(i) == 43 for i in ids)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "abc",
        "x" * 42,
        "x" * 44,
        "x" * 10_000_000,
        "x" * 42 + "\n",
        "x" * 42 + "=",
        "x" * 42 + "é",
        "' OR '1'='1' --" + "x" * 28,
        "'; DROP TABLE drafts; --" + "x" * 19,
        "../../../../etc/passwd" + "x" * 21,
        None,
        42,
        b"x" * 43,
        ["x" * 43],
    ],
)
def test_malformed_ids_are_not_found_without_any_query(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "data" / "drafts.sqlite3"
    store = DraftStore(path)
    assert not DraftStore.is_valid_id(bad)
    with pytest.raises(DraftNotFound):
        store.load(bad)  # type: ignore[arg-type]
    with pytest.raises(DraftNotFound):
        store.save(bad, Worksheet(), 1)  # type: ignore[arg-type]
    store.delete(bad)  # type: ignore[arg-type]
    assert not path.exists()  # no query was made: the database was never even opened


def test_create_and_load(store: DraftStore) -> None:
    ws = full_worksheet()
    draft = store.create(ws)
    assert isinstance(draft, Draft)
    assert DraftStore.is_valid_id(draft.id)
    assert draft.version == 1
    assert draft.updated_at.tzinfo is not None and draft.updated_at.utcoffset() == dt.timedelta(0)
    assert draft.expires_on == draft.updated_at.date() + dt.timedelta(days=14)
    loaded = store.load(draft.id)
    assert loaded == draft
    assert loaded.worksheet == ws


def test_files_are_private(store: DraftStore) -> None:
    store.create(Worksheet())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) & 0o077 == 0
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_save_increments_version_and_stores(store: DraftStore) -> None:
    draft = store.create(Worksheet())
    ws = Worksheet(title="Nieuw")
    saved = store.save(draft.id, ws, expected_version=1)
    assert saved.version == 2 and saved.id == draft.id
    assert store.load(draft.id).worksheet.title == "Nieuw"
    assert store.save(draft.id, Worksheet(title="Nog nieuwer"), 2).version == 3


def test_draft_holds_a_copy(store: DraftStore) -> None:
    ws = Worksheet(title="Eerst")
    draft = store.create(ws)
    ws.title = "Daarna"
    assert draft.worksheet.title == "Eerst"
    saved = store.save(draft.id, ws, 1)
    ws.title = "Later"
    assert saved.worksheet.title == "Daarna"


def test_repr_shows_no_id_and_no_text(store: DraftStore) -> None:
    draft = store.create(Worksheet(title=SECRET))
    assert draft.id not in repr(draft)
    assert SECRET not in repr(draft)


def test_conflict_carries_the_newer_draft(store: DraftStore) -> None:
    draft = store.create(Worksheet(title="basis"))
    store.save(draft.id, Worksheet(title="tab A"), expected_version=1)
    with pytest.raises(DraftConflict) as info:
        store.save(draft.id, Worksheet(title="tab B"), expected_version=1)
    current = info.value.current
    assert current.version == 2
    assert current.worksheet.title == "tab A"
    assert "ander tabblad" in str(info.value)
    assert store.load(draft.id).worksheet.title == "tab A"  # B did not overwrite A
    # The second tab can retry with the version it was shown.
    assert store.save(draft.id, Worksheet(title="tab B"), current.version).version == 3


def test_expected_version_must_be_an_int(store: DraftStore) -> None:
    draft = store.create(Worksheet())
    with pytest.raises(TypeError):
        store.save(draft.id, Worksheet(), "1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save(draft.id, Worksheet(), True)


def test_unknown_id_is_not_found(store: DraftStore) -> None:
    store.create(Worksheet())
    with pytest.raises(DraftNotFound) as info:
        store.load(DraftStore.new_id())
    assert "niet gevonden" in str(info.value)
    with pytest.raises(DraftNotFound):
        store.save(DraftStore.new_id(), Worksheet(), 1)


def test_delete(store: DraftStore) -> None:
    keep = store.create(Worksheet(title="blijft"))
    gone = store.create(Worksheet(title="weg"))
    store.delete(gone.id)
    with pytest.raises(DraftNotFound):
        store.load(gone.id)
    with pytest.raises(DraftNotFound):
        store.save(gone.id, Worksheet(), 1)
    store.delete(gone.id)  # twice is fine
    assert store.load(keep.id).worksheet.title == "blijft"


def test_deleted_text_is_not_left_in_the_file(store: DraftStore) -> None:
    marker = "VERWIJDERDE-TEKST-" * 50
    draft = store.create(Worksheet(introduction=Introduction(dilemma=marker)))
    store.delete(draft.id)
    with sqlite3.connect(store.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert marker.encode() not in store.path.read_bytes()


def test_expiry_dates_and_expired_load(tmp_path: Path) -> None:
    clock = Clock(T0)
    store = DraftStore(tmp_path / "d.sqlite3", retention_days=14, clock=clock)
    draft = store.create(Worksheet(title="oud"))
    assert draft.expires_on == dt.date(2026, 12, 24)

    clock.now = dt.datetime(2026, 12, 24, 23, 59, tzinfo=dt.UTC)  # last day: still there
    assert store.load(draft.id).worksheet.title == "oud"

    clock.now = dt.datetime(2026, 12, 25, 0, 0, tzinfo=dt.UTC)  # the day after: gone
    with pytest.raises(DraftNotFound):
        store.load(draft.id)
    assert rows(store.path) == 0  # and actually deleted


def test_saving_an_expired_draft_is_not_found(tmp_path: Path) -> None:
    clock = Clock(T0)
    store = DraftStore(tmp_path / "d.sqlite3", retention_days=3, clock=clock)
    draft = store.create(Worksheet())
    clock.now = T0 + dt.timedelta(days=30)
    with pytest.raises(DraftNotFound):
        store.save(draft.id, Worksheet(title="te laat"), 1)
    assert rows(store.path) == 0


def test_save_moves_the_expiry_date(tmp_path: Path) -> None:
    clock = Clock(T0)
    store = DraftStore(tmp_path / "d.sqlite3", retention_days=14, clock=clock)
    draft = store.create(Worksheet())
    clock.now = T0 + dt.timedelta(days=10)
    saved = store.save(draft.id, Worksheet(title="bijgewerkt"), 1)
    assert saved.expires_on == dt.date(2027, 1, 3)
    clock.now = T0 + dt.timedelta(days=20)
    assert store.load(draft.id).version == 2


def test_purge_expired(tmp_path: Path) -> None:
    clock = Clock(T0)
    store = DraftStore(tmp_path / "d.sqlite3", retention_days=14, clock=clock)
    old = store.create(Worksheet(title="oud"))
    clock.now = T0 + dt.timedelta(days=10)
    recent = store.create(Worksheet(title="recent"))

    assert store.purge_expired(now=T0 + dt.timedelta(days=14)) == 0
    assert store.purge_expired(now=dt.datetime(2026, 12, 25, 0, 0, tzinfo=dt.UTC)) == 1
    assert rows(store.path) == 1
    assert store.load(recent.id).worksheet.title == "recent"
    with pytest.raises(DraftNotFound):
        store.load(old.id)
    # Another time zone means the same moment.
    cet = dt.timezone(dt.timedelta(hours=1))
    assert store.purge_expired(now=dt.datetime(2027, 1, 10, 1, 0, tzinfo=cet)) == 1
    with pytest.raises(ValueError):
        store.purge_expired(now=dt.datetime(2027, 1, 1))  # naive: which zone?


def test_create_under_an_id_made_beforehand(store: DraftStore) -> None:
    draft_id = DraftStore.new_id()
    first = Worksheet(title="Eerste")
    assert store.create(first, draft_id).id == draft_id
    assert store.load(draft_id).worksheet == first
    # The same id again: the existing draft comes back in a DraftConflict.
    with pytest.raises(DraftConflict) as caught:
        store.create(Worksheet(title="Tweede"), draft_id)
    assert caught.value.current.worksheet == first
    with pytest.raises(ValueError):
        store.create(first, "'; DROP TABLE drafts; --")


def test_create_purges_now_and_then(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    old = DraftStore(path, clock=Clock(T0)).create(Worksheet())  # this create purged
    storage._last_purge.clear()  # as if an hour has passed
    later = DraftStore(path, clock=Clock(T0 + dt.timedelta(days=60)))
    later.create(Worksheet())
    assert rows(path) == 1
    with pytest.raises(DraftNotFound):
        later.load(old.id)
    # Within the hour the next create does not purge again.
    DraftStore(path, clock=Clock(T0)).create(Worksheet())
    DraftStore(path, clock=Clock(T0 + dt.timedelta(days=60))).create(Worksheet())
    assert rows(path) == 3


def test_corrupt_row_is_reported_and_kept(store: DraftStore, caplog) -> None:
    draft = store.create(Worksheet(title=SECRET))
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "UPDATE drafts SET payload = ? WHERE id = ?",
            (
                b'{"format": "dilemmagesprek-werkblad", "schema_version": 1, "title": 5, "x": "'
                + SECRET.encode()
                + b'"}',
                draft.id,
            ),
        )
    with pytest.raises(DraftCorrupt) as info:
        store.load(draft.id)
    assert isinstance(info.value, DraftNotFound)
    assert "kan niet worden gelezen" in str(info.value)
    assert rows(store.path) == 1
    assert SECRET not in caplog.text and draft.id not in caplog.text
    # Saving over it repairs it.
    store.save(draft.id, Worksheet(title="hersteld"), 1)
    assert store.load(draft.id).worksheet.title == "hersteld"


def test_large_draft_beyond_the_file_limit_still_loads(store: DraftStore) -> None:
    # Control characters are written as \u0001: a valid worksheet can exceed 2 MB as JSON.
    big = "\x01" * MAX_TEXT
    ws = Worksheet(
        exploration=Exploration(
            players=[Player(positions_emotions=big, interests_values=big)] * MAX_PLAYERS
        )
    )
    assert len(dump_worksheet(ws)) > MAX_FILE_BYTES
    draft = store.create(ws)
    assert store.load(draft.id).worksheet == ws


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(storage.DraftStoreError, match="nieuwere versie"):
        DraftStore(path).create(Worksheet())


def test_unusable_folder_gives_a_dutch_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(storage.DraftStoreError, match="kan nu niet op de server"):
        DraftStore(blocker / "drafts.sqlite3").create(Worksheet())


def test_bad_retention_is_refused() -> None:
    for bad in (0, -1, 100_000, 1.5, True, "14"):
        with pytest.raises(ValueError):
            DraftStore(Path("ongebruikt.sqlite3"), retention_days=bad)  # type: ignore[arg-type]


def test_concurrent_writers_on_separate_drafts(store: DraftStore) -> None:
    errors: list[BaseException] = []
    results: dict[int, tuple[str, int]] = {}

    def writer(n: int) -> None:
        try:
            draft = store.create(Worksheet(title=f"schrijver {n}"))
            for i in range(25):
                draft = store.save(
                    draft.id, Worksheet(title=f"schrijver {n} stap {i}"), draft.version
                )
            results[n] = (draft.id, draft.version)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for n, (draft_id, version) in results.items():
        assert version == 26
        loaded = store.load(draft_id)
        assert loaded.version == 26 and loaded.worksheet.title == f"schrijver {n} stap 24"


def test_concurrent_writers_on_one_draft_lose_nothing(store: DraftStore) -> None:
    shared = store.create(Worksheet())
    errors: list[BaseException] = []
    conflicts = [0] * 8

    def writer(n: int) -> None:
        try:
            draft = store.load(shared.id)
            for _ in range(25):
                while True:  # retry on conflict, as the app does after reloading
                    players = [*draft.worksheet.exploration.players, Player(name=f"w{n}")]
                    ws = draft.worksheet.model_copy(deep=True)
                    ws.exploration.players = players[-MAX_PLAYERS:]
                    ws.closing.summary = str(int(ws.closing.summary or "0") + 1)
                    try:
                        draft = store.save(shared.id, ws, draft.version)
                        break
                    except DraftConflict as conflict:
                        conflicts[n] += 1
                        draft = conflict.current
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    final = store.load(shared.id)
    assert final.version == 1 + 8 * 25
    # Every save was built on the one before: the counter saw every increment.
    assert final.worksheet.closing.summary == str(8 * 25)


# --------------------------------------------------------------------------------------
# store_from_env
# --------------------------------------------------------------------------------------


def test_store_from_env_honours_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "elders" / "drafts"
    monkeypatch.setenv("DILEMMAGESPREK_DATA_DIR", str(folder))
    monkeypatch.setenv("DILEMMAGESPREK_RETENTION_DAYS", "30")
    store = store_from_env()
    assert store.path == folder / "drafts.sqlite3"
    assert store.retention_days == 30
    assert not folder.exists()  # created on first use, not before
    draft = store.create(Worksheet(title="x"))
    assert (folder / "drafts.sqlite3").exists()
    assert draft.expires_on == draft.updated_at.date() + dt.timedelta(days=30)


def test_store_from_env_defaults(monkeypatch) -> None:
    monkeypatch.delenv("DILEMMAGESPREK_DATA_DIR", raising=False)
    monkeypatch.delenv("DILEMMAGESPREK_RETENTION_DAYS", raising=False)
    store = store_from_env()
    project = Path(storage.__file__).resolve().parent.parent
    assert store.path == project / "data" / "drafts.sqlite3"
    assert store.retention_days == 14
    assert store_from_env({"DILEMMAGESPREK_RETENTION_DAYS": " "}).retention_days == 14


@pytest.mark.parametrize("bad", ["0", "-3", "veertien", "14 dagen", "1.5", "99999", "١٤"])
def test_store_from_env_refuses_a_bad_retention(bad: str, tmp_path: Path) -> None:
    env = {"DILEMMAGESPREK_DATA_DIR": str(tmp_path), "DILEMMAGESPREK_RETENTION_DAYS": bad}
    with pytest.raises(ConfigError) as info:
        store_from_env(env)
    assert "DILEMMAGESPREK_RETENTION_DAYS" in str(info.value)
    assert "heel aantal dagen" in str(info.value)
