"""The sidebar: the steps, screen-share mode, and the worksheet's file and storage."""

from __future__ import annotations

import streamlit as st

from werkblad.ui import nav, style


def draw(current: str) -> None:
    with st.sidebar:
        st.markdown("### Dilemmagesprek")
        nav.step_buttons(current)
        st.divider()
        style.share_toggle()
