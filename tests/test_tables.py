import math

import pandas as pd
import pytest
from pydantic import ValidationError

from werkblad.model import MAX_TEXT, Participant, Player
from werkblad.tables import (
    frame_to_options,
    frame_to_participants,
    frame_to_players,
    options_to_frame,
    participants_to_frame,
    players_to_frame,
)


def test_players_round_trip(sample):
    players = sample.exploration.players
    frame = players_to_frame(players)
    assert list(frame.columns) == [
        "name",
        "positions_emotions",
        "interests_values",
        "rights_preferences",
    ]
    assert frame_to_players(frame) == players


def test_edits_added_rows_with_nan_and_deleted_rows(sample):
    frame = players_to_frame(sample.exploration.players)
    frame.loc[0, "name"] = "Beleidsmedewerker"
    frame = frame.drop(index=2).reset_index(drop=True)
    added = pd.DataFrame(
        [{"name": "Ombudsman", "positions_emotions": math.nan, "interests_values": None}]
    )
    frame = pd.concat([frame, added], ignore_index=True)
    players = frame_to_players(frame)
    assert [p.name for p in players] == [
        "Beleidsmedewerker",
        "Gemeenten (VNG)",
        "Journalist (Woo-verzoeker)",
        "Ombudsman",
    ]
    assert players[-1] == Player(name="Ombudsman")


def test_all_empty_rows_are_left_out():
    frame = pd.DataFrame(
        [
            {"name": math.nan, "pros": None, "cons": "  "},
            {"name": "", "pros": "", "cons": "alleen een nadeel"},
        ]
    )
    options = frame_to_options(frame)
    assert len(options) == 1
    assert options[0].cons == "alleen een nadeel"


def test_empty_table_gives_empty_frame_and_back():
    frame = options_to_frame([])
    assert list(frame.columns) == ["name", "pros", "cons"]
    assert frame_to_options(frame) == []


def test_cell_over_the_limit_raises_validation_error():
    frame = pd.DataFrame([{"name": "A", "pros": "x" * (MAX_TEXT + 1), "cons": ""}])
    with pytest.raises(ValidationError):
        frame_to_options(frame)


def test_participants_show_dutch_roles_and_keep_role_only_rows():
    people = [Participant(name="Sanne", role="dilemma_owner"), Participant(role="facilitator")]
    frame = participants_to_frame(people)
    assert list(frame["role"]) == ["dilemma-eigenaar", "gespreksleider"]
    frame.loc[2] = [math.nan, math.nan]  # an added, untouched row
    frame.loc[3] = ["Joost", math.nan]  # a name without a role: a participant
    assert frame_to_participants(frame) == [*people, Participant(name="Joost")]
