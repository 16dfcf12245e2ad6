"""Parts that every step page shows: its heading, its question and its fields."""

from __future__ import annotations

import streamlit as st

from werkblad.content import Field, Step
from werkblad.ui import fields
from werkblad.ui.style import share_mode


def step_header(step: Step) -> None:
    st.title(step.heading)
    st.markdown(f"**{step.title}:** {step.question}")


def text_fields(items: tuple[Field, ...]) -> None:
    height = 200 if share_mode() else 150
    for field in items:
        fields.text_area(field.label, field.path, height=height)


def table_heading(heading: str, note: str | None = None) -> None:
    st.subheader(heading)
    if note:
        st.caption(note)
