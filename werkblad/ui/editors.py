"""The worksheet's tables as st.data_editor grids, plus a full-text view per row.

Feeding the edited frame back into the editor makes other edits revert, so
each table keeps a base frame built from the model only when the editor's key
is absent, and every run turns the editor's returned frame into the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from pydantic import BaseModel, ValidationError

from werkblad import summary, tables
from werkblad.content import OPTION_COLUMNS, PARTICIPANT_COLUMNS, PLAYER_COLUMNS, ROLE_LABELS
from werkblad.model import (
    MAX_NAME,
    MAX_OPTIONS,
    MAX_PARTICIPANTS,
    MAX_PLAYERS,
    MAX_TEXT,
    get_field,
    set_field,
)
from werkblad.summary import Grid
from werkblad.ui import fields, fold, paper
from werkblad.ui.messages import validation_message
from werkblad.ui.state import BASE_PREFIX, EDITOR_PREFIX, ws
from werkblad.ui.style import share_mode


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # dotted path of the list in the model
    columns: dict[str, str]  # model attribute -> Dutch heading
    to_frame: Callable[[Sequence[BaseModel]], pd.DataFrame]
    from_frame: Callable[[pd.DataFrame], list]
    max_rows: int
    noun: str  # "speler": used in messages and the full-text picker
    plural: str
    grid: Callable[[Sequence[BaseModel]], Grid] | None = None  # the table as on paper

    @property
    def editor_key(self) -> str:
        return EDITOR_PREFIX + self.name

    @property
    def base_key(self) -> str:
        return BASE_PREFIX + self.name


PLAYERS = Table(
    "players",
    "exploration.players",
    PLAYER_COLUMNS,
    tables.players_to_frame,
    tables.frame_to_players,
    MAX_PLAYERS,
    "speler",
    "spelers",
    summary.players_grid,
)
OPTIONS = Table(
    "options",
    "weighing.options",
    OPTION_COLUMNS,
    tables.options_to_frame,
    tables.frame_to_options,
    MAX_OPTIONS,
    "optie",
    "opties",
    summary.options_grid,
)
PARTICIPANTS = Table(
    "participants",
    "participants",
    PARTICIPANT_COLUMNS,
    tables.participants_to_frame,
    tables.frame_to_participants,
    MAX_PARTICIPANTS,
    "deelnemer",
    "deelnemers",
)


def reset_editor(table: Table) -> None:
    """After the model changed outside the grid: rebuild its base, drop its edits."""
    st.session_state[table.base_key] = table.to_frame(get_field(ws(), table.path))
    st.session_state.pop(table.editor_key, None)


def _column_config(table: Table) -> dict:
    config = {}
    for column, heading in table.columns.items():
        if column == "role":
            config[column] = st.column_config.SelectboxColumn(
                heading, options=list(ROLE_LABELS.values()), default="deelnemer", width="medium"
            )
        elif column == "name":
            config[column] = st.column_config.TextColumn(
                heading, max_chars=MAX_NAME, width="medium"
            )
        else:
            # "medium" for every column, so all of them fit beside each other.
            config[column] = st.column_config.TextColumn(
                heading, max_chars=MAX_TEXT, width="medium"
            )
    return config


def table_editor(table: Table) -> None:
    """Draw the grid and write what it returns into the model."""
    if table.editor_key not in st.session_state or table.base_key not in st.session_state:
        st.session_state[table.base_key] = table.to_frame(get_field(ws(), table.path))
    edited = st.data_editor(
        st.session_state[table.base_key],
        key=table.editor_key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config=_column_config(table),
    )
    try:
        items = table.from_frame(edited)
    except ValidationError as error:
        st.error(validation_message(error) + " De tabel is nog niet opgeslagen.")
        return
    if len(items) > table.max_rows:
        st.error(
            f"Er passen hoogstens {table.max_rows} {table.plural} in het werkblad. "
            f"Verwijder er {len(items) - table.max_rows}; tot dan is de tabel niet opgeslagen."
        )
        return
    set_field(ws(), table.path, items)


def full_text(table: Table) -> None:
    """Read and write one row's texts in full: grid cells show a single line."""
    items = get_field(ws(), table.path)
    if not items:
        return
    with fold.folded(
        f"Hele tekst per {table.noun} lezen of schrijven", f"fold:{table.name}"
    ) as box:
        if not box.open:
            return
        labels = [
            f"{index + 1}. {item.name.strip() or '(' + table.noun + ' zonder naam)'}"
            for index, item in enumerate(items)
        ]
        pick_key = f"pick:{table.name}"
        if st.session_state.get(pick_key, 0) >= len(items):  # rows were deleted
            st.session_state.pop(pick_key)
        index = st.selectbox(
            table.noun.capitalize(),
            range(len(items)),
            format_func=lambda i: labels[i],
            key=pick_key,
        )
        for column, heading in table.columns.items():
            path = f"{table.path}.{index}.{column}"
            if column == "name":
                fields.text_input(heading, path, on_change=lambda: reset_editor(table))
            else:
                fields.text_area(heading, path, height=160, on_change=lambda: reset_editor(table))


def table_section(table: Table) -> None:
    """Editable grid with full texts below; on a shared screen the paper view comes first."""
    if share_mode():
        paper.grid(table.grid(get_field(ws(), table.path)))
        with st.expander(f"Tabel met {table.plural} bewerken", icon=":material/edit:"):
            # Same parameters as outside share mode: a changed parameter would make a
            # new, empty editor whose return value overwrites the table.
            table_editor(table)
    else:
        table_editor(table)
    full_text(table)
