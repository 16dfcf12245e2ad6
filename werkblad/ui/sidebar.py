"""The sidebar: the steps, screen-share mode, and the worksheet's file and storage."""

from __future__ import annotations

import streamlit as st

from werkblad.ui import fields, files, nav, style


def draw(current: str):
    """Draw the sidebar; returns the slot for 'Werkbestand opslaan', filled after the page."""
    with st.sidebar:
        st.markdown("### Dilemmagesprek")
        nav.step_buttons(current)
        st.divider()
        fields.session_checkbox(
            "Scherm delen",
            style.SHARE_MODE,
            toggle=True,
            help="Grotere tekst; uitleg, privé-voorbereiding en links verdwijnen uit beeld.",
        )
        st.divider()
        save_slot = st.container()
        if not style.share_mode() and current != nav.START.slug:  # the start page has its own
            files.open_file()
            st.divider()
        files.sidebar_actions()
    return save_slot
