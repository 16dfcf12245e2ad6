"""Screen-share mode and the fixed CSS of the app (no user text ever goes in here)."""

from __future__ import annotations

import streamlit as st

SHARE_MODE = "share_mode"

BASE_CSS = """
<style>
.stMainBlockContainer { padding-top: 3rem; }
/* The steps in the sidebar: a compact list, not a stack of big buttons. */
section[data-testid="stSidebar"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
section[data-testid="stSidebarUserContent"] { padding-top: 0; }
/* Long button labels (such as the ways in) wrap instead of being cut off. */
.stButton button p, .stDownloadButton button p { white-space: normal; overflow: visible; }
/* The file uploader's own words are English and cannot be set: replace them in Dutch. */
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Kies een bestand"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "of sleep het hierheen"; font-size: 0.875rem; }
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
