"""Messages above the page about the worksheet itself: not found, not saved, changed elsewhere."""

from __future__ import annotations

import logging
import traceback

import streamlit as st

from werkblad.ui import state

logger = logging.getLogger(__name__)


def missing_worksheet() -> bool:
    """A link to an unknown or deleted worksheet: say so and offer a new one."""
    failed = st.session_state.pop(state.LOAD_FAILED, None)
    if failed:
        # The next rerun tries the store again; nothing was replaced in this session.
        st.error(failed + " Laad de pagina over een minuut opnieuw.", icon=":material/error:")
        return True
    if not st.session_state.get(state.MISSING_ID):
        return False
    st.title("Dit werkblad bestaat niet (meer)")
    st.write(
        "De link verwijst naar een werkblad dat niet (meer) op de server staat. "
        "Misschien is het verwijderd, of is het te lang niet gebruikt. "
        "Heb je een werkbestand opgeslagen? Open het dan via de start."
    )
    if st.button("Nieuw werkblad beginnen", type="primary"):
        state.new_worksheet()
        st.switch_page("pages/start.py")
    return True


def save_problems() -> None:
    if st.session_state.get(state.SAVE_FAILED):
        st.error(
            "Opslaan op de server lukte niet. Je tekst staat nog in dit scherm. "
            "Sla het werkbestand op (in de zijbalk) zodat je niets kwijtraakt, "
            "en probeer het later opnieuw.",
            icon=":material/error:",
        )
    conflict = st.session_state.get(state.CONFLICT)
    if conflict is None:
        return
    st.warning(
        "Iemand heeft dit werkblad intussen ergens anders gewijzigd (in een ander tabblad "
        "of op een andere computer). Jouw laatste wijzigingen zijn daarom nog niet opgeslagen. "
        "Kies wat je wilt doen. Twijfel je? Sla dan eerst je werkbestand op (in de zijbalk).",
        icon=":material/sync_problem:",
    )
    left, right = st.columns(2)
    left.button(
        "Nieuwere versie laden (mijn wijzigingen vervallen)",
        on_click=state.load_newer_version,
        width="stretch",
    )
    right.button(
        "Mijn versie opslaan (de andere wijzigingen vervallen)",
        on_click=state.keep_my_version,
        width="stretch",
    )


def unexpected_error(error: Exception) -> None:
    """A bug must not blank the page: say so in Dutch, log where (never the user's text)."""
    where = traceback.extract_tb(error.__traceback__)[-3:]
    logger.error(
        "Onverwachte fout %s bij %s",
        type(error).__name__,
        " < ".join(f"{frame.filename}:{frame.lineno}" for frame in reversed(where)),
    )
    st.error(
        "Er ging iets mis in de app. Je tekst is bewaard tot aan je laatste wijziging. "
        "Kies een stap in de zijbalk om verder te gaan, of sla je werkbestand op.",
        icon=":material/error:",
    )
