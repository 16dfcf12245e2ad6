import datetime as dt

import pytest
from pydantic import ValidationError

from werkblad.model import (
    MAX_NAME,
    MAX_OPTIONS,
    MAX_PLAYERS,
    MAX_TEXT,
    Option,
    Player,
    Worksheet,
    get_field,
    has_text,
    set_field,
)


def test_defaults_are_empty_and_independent():
    a, b = Worksheet(), Worksheet()
    assert a.format == "dilemmagesprek-werkblad"
    assert a.schema_version == 1
    assert a.meeting_date is None
    assert a.exploration.players == []
    assert not has_text(a)
    a.exploration.players.append(Player(name="x"))
    assert b.exploration.players == []


def test_json_round_trip(sample):
    again = Worksheet.model_validate_json(sample.model_dump_json())
    assert again == sample
    assert again.meeting_date == dt.date(2026, 12, 10)
    assert len(again.exploration.players) == 4


def test_every_field_but_format_and_version_may_be_left_out():
    ws = Worksheet.model_validate({"format": "dilemmagesprek-werkblad", "schema_version": 1})
    assert ws == Worksheet()


@pytest.mark.parametrize(
    "data",
    [
        {"title": "x" * (MAX_NAME + 1)},
        {"introduction": {"dilemma": "x" * (MAX_TEXT + 1)}},
        {"exploration": {"players": [{}] * (MAX_PLAYERS + 1)}},
        {"weighing": {"options": [{}] * (MAX_OPTIONS + 1)}},
        {"participants": [{"name": "A", "role": "boss"}]},
        {"closing": {"unknown": "x"}},
        {"format": "iets-anders"},
        {"schema_version": 2},
    ],
)
def test_limits_and_unknown_keys_are_refused(data):
    with pytest.raises(ValidationError):
        Worksheet.model_validate(data)


def test_limits_hold_on_assignment_too():
    ws = Worksheet()
    set_field(ws, "introduction.dilemma", "x" * MAX_TEXT)
    with pytest.raises(ValidationError):
        set_field(ws, "introduction.dilemma", "x" * (MAX_TEXT + 1))
    assert len(ws.introduction.dilemma) == MAX_TEXT
    with pytest.raises(ValidationError):
        set_field(ws, "weighing.options", [Option()] * (MAX_OPTIONS + 1))


def test_dotted_paths_reach_list_items(sample):
    assert get_field(sample, "exploration.players.1.name") == "Gemeenten (VNG)"
    set_field(sample, "exploration.players.1.name", "VNG")
    assert sample.exploration.players[1].name == "VNG"


def test_has_text_ignores_blanks_and_roles():
    ws = Worksheet.model_validate({"participants": [{"name": " ", "role": "facilitator"}]})
    assert not has_text(ws)
    ws.closing.summary = "klaar"
    assert has_text(ws)
