"""Pages and moving between them.

Streamlit's own sidebar links lose a click made right after typing (the blur's
rerun wins), so navigation is hidden and drawn as buttons that call
st.switch_page, carrying the worksheet id along in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from werkblad.content import STEP_BY_SLUG, STEPS
from werkblad.model import Worksheet, get_field, has_text
from werkblad.ui.state import id_params, ws
from werkblad.ui.style import share_mode


@dataclass(frozen=True)
class Screen:
    slug: str  # page file name and URL path
    title: str
    private: bool = False  # the owner's own preparation: never on a shared screen

    @property
    def file(self) -> str:
        return f"pages/{self.slug}.py"


START = Screen("start", "Start")
SETUP = Screen("gesprek", "Over het gesprek")
PREPARATION = Screen("voorbereiden", "Voorbereiding (privé)", private=True)
STEP_SCREENS = tuple(Screen(step.slug, step.heading) for step in STEPS)
SCREENS = (START, SETUP, PREPARATION, *STEP_SCREENS)
# The order "Vorige" / "Volgende" walks through during the conversation.
FLOW = (SETUP, *STEP_SCREENS)


def through_app() -> None:
    """Run first in every page file: make sure the page runs inside app.py.

    Right after a server start, a deep link such as /afwegen makes Streamlit run
    pages/afwegen.py by itself (its older multipage mode, chosen because a pages/
    folder exists), skipping app.py and so the worksheet, sidebar and saving.
    Turn that mode off, as st.navigation would, and run again through app.py.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def navigation() -> st.Page:
    # Built once per session: st.Page resolves file paths, which adds up on every rerun.
    if "pages" not in st.session_state:
        st.session_state["pages"] = [
            st.Page(screen.file, title=screen.title, default=screen is START) for screen in SCREENS
        ]
    return st.navigation(st.session_state["pages"], position="hidden")


def slug_of(page: st.Page) -> str:
    return page.url_path or START.slug


def go(screen: Screen) -> None:
    st.switch_page(screen.file, query_params=id_params())


def is_filled(worksheet: Worksheet, screen: Screen) -> bool:
    if screen is SETUP:
        return has_text(worksheet.title) or has_text(worksheet.participants)
    if screen is PREPARATION:
        return has_text(worksheet.preparation)
    step = STEP_BY_SLUG.get(screen.slug)
    if step is None:
        return False
    paths = [field.path for field in step.fields] + ([step.table] if step.table else [])
    return any(has_text(get_field(worksheet, path)) for path in paths)


def step_buttons(current: str) -> None:
    """One button per screen, marked when it holds text; the current one highlighted."""
    worksheet = ws()
    for screen in SCREENS:
        if screen.private and share_mode():
            continue
        filled = is_filled(worksheet, screen)
        if screen is START:
            icon = ":material/home:"
        else:
            icon = ":material/check_circle:" if filled else ":material/radio_button_unchecked:"
        clicked = st.button(
            # Labels are Markdown: "1. Kennismaken" would become a numbered list.
            screen.title.replace(".", "\\.", 1),
            key=f"nav:{screen.slug}",
            icon=icon,
            type="primary" if screen.slug == current else "secondary",
            help="Hier staat al tekst" if filled else None,
            width="stretch",
        )
        if clicked:
            go(screen)


def prev_next(current: str) -> None:
    slugs = [screen.slug for screen in FLOW]
    index = slugs.index(current)
    previous = FLOW[index - 1] if index > 0 else START
    following = FLOW[index + 1] if index + 1 < len(FLOW) else None
    st.divider()
    left, _, right = st.columns([1, 2, 1])
    if left.button("Vorige", icon=":material/arrow_back:", key="prev", width="stretch"):
        go(previous)
    if following and right.button(
        "Volgende",
        icon=":material/arrow_forward:",
        key="next",
        type="primary",
        width="stretch",
    ):
        go(following)
