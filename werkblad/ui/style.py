"""Screen-share mode and the fixed CSS of the app (no user text ever goes in here)."""

from __future__ import annotations

import streamlit as st

SHARE_MODE = "share_mode"

BASE_CSS = """
<style>
/* Sidebar step buttons: left-aligned like a list of steps. */
section[data-testid="stSidebar"] .stButton button { justify-content: flex-start; }
section[data-testid="stSidebar"] .stButton button p { text-align: left; }
</style>
"""

# Larger text and fields for a shared screen at 1280x720 in a video call.
SHARE_CSS = """
<style>
.stMainBlockContainer { max-width: 100%; padding-top: 2rem; }
.stMainBlockContainer h1 { font-size: 2.6rem; }
.stMainBlockContainer [data-testid="stWidgetLabel"] p { font-size: 1.35rem; font-weight: 600; }
.stMainBlockContainer textarea, .stMainBlockContainer input { font-size: 1.3rem !important;
  line-height: 1.45; }
.stMainBlockContainer [data-testid="stMarkdownContainer"] p { font-size: 1.2rem; }
</style>
"""


def share_mode() -> bool:
    return bool(st.session_state.get(SHARE_MODE, False))


def _remember_mode() -> None:
    st.session_state[SHARE_MODE] = st.session_state["w:share_mode"]


def share_toggle() -> None:
    # The mode lives in a plain key (widget keys vanish when the sidebar is redrawn
    # on another page); the toggle is seeded from it like every bound widget.
    st.session_state["w:share_mode"] = share_mode()
    st.toggle(
        "Scherm delen",
        key="w:share_mode",
        on_change=_remember_mode,
        help="Grotere tekst; uitleg, privé-voorbereiding en links verdwijnen uit beeld.",
    )


def apply_css() -> None:
    st.html(BASE_CSS + (SHARE_CSS if share_mode() else ""))
