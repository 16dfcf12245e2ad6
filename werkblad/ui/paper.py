"""Players and options shown as on the paper worksheet: a row per question, a column each.

Grid cells of st.data_editor show one line in a small font; this view shows whole
texts, for the shared screen and the report overview. User text goes through
st.text only, never Markdown.
"""

from __future__ import annotations

import streamlit as st

from werkblad.summary import EMPTY, Grid

COLUMNS = 4  # players or options side by side, as on the paper worksheet


def grid(table: Grid) -> None:
    if not table.columns:
        st.text(EMPTY)
        return
    # As wide as needed, up to COLUMNS: three options make four boxes, not five.
    width = min(COLUMNS, len(table.columns))
    for start in range(0, len(table.columns), width):
        group = table.columns[start : start + width]
        header = st.columns(width + 1, gap="small", border=True)
        header[0].markdown(f"**{table.heading}**")
        for cell, column in zip(header[1:], group, strict=False):
            cell.text(column.title)
        for row, label in enumerate(table.row_labels):
            cells = st.columns(width + 1, gap="small", border=True)
            cells[0].markdown(f"**{label}**")
            for cell, column in zip(cells[1:], group, strict=False):
                cell.text(column.cells[row] or EMPTY)
    if table.note:
        st.caption(table.note)
