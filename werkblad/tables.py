"""Tables (players, options, participants) <-> pandas frames for st.data_editor.

Pure functions: the editor's returned frame goes in, model objects come out.
Columns are the model's attribute names; the Dutch headings live in the
editor's column_config.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pydantic import BaseModel

from werkblad.content import OPTION_COLUMNS, PARTICIPANT_COLUMNS, PLAYER_COLUMNS, ROLE_LABELS
from werkblad.model import Option, Participant, Player

ROLE_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}


def to_frame(items: Sequence[BaseModel], columns: Sequence[str]) -> pd.DataFrame:
    rows = [[getattr(item, col) for col in columns] for item in items]
    return pd.DataFrame(rows, columns=list(columns), dtype="str")


def cell_text(value: object) -> str:
    # pandas 3 gives NaN (not None) for empty cells in added rows.
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def frame_rows(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, str]]:
    """The frame's rows as dicts of text, leaving out rows with no text at all."""
    rows = []
    for record in frame.to_dict("records"):
        row = {col: cell_text(record.get(col)) for col in columns}
        if any(text.strip() for text in row.values()):
            rows.append(row)
    return rows


def players_to_frame(players: Sequence[Player]) -> pd.DataFrame:
    return to_frame(players, PLAYER_COLUMNS)


def frame_to_players(frame: pd.DataFrame) -> list[Player]:
    """Raises pydantic.ValidationError when a cell is over its limit."""
    return [Player(**row) for row in frame_rows(frame, PLAYER_COLUMNS)]


def options_to_frame(options: Sequence[Option]) -> pd.DataFrame:
    return to_frame(options, OPTION_COLUMNS)


def frame_to_options(frame: pd.DataFrame) -> list[Option]:
    return [Option(**row) for row in frame_rows(frame, OPTION_COLUMNS)]


def participants_to_frame(participants: Sequence[Participant]) -> pd.DataFrame:
    frame = to_frame(participants, PARTICIPANT_COLUMNS)
    frame["role"] = frame["role"].map(ROLE_LABELS)
    return frame


def frame_to_participants(frame: pd.DataFrame) -> list[Participant]:
    # Names are optional (the summary names roles by default), so a row with
    # only a role picked is a participant too; an unknown role is a "deelnemer".
    return [
        Participant(name=row["name"], role=ROLE_BY_LABEL.get(row["role"], "participant"))
        for row in frame_rows(frame, PARTICIPANT_COLUMNS)
    ]
