"""Folded sections whose content is built only while they are open."""

from __future__ import annotations

import streamlit as st


def folded(label: str, key: str, *, icon: str | None = None, expanded: bool = False):
    """An expander whose content is built only while it is open (pages rerun often).

    Use as `with folded(...) as box:` and draw the content under `if box.open:`.
    """
    return st.expander(label, key=key, icon=icon, expanded=expanded, on_change="rerun")
