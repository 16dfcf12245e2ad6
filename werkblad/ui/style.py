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


def apply_css() -> None:
    st.html(BASE_CSS + (SHARE_CSS if share_mode() else ""))
