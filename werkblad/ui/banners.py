"""Messages above the page about the worksheet itself: not found, not saved, changed elsewhere."""

from __future__ import annotations

import streamlit as st

from werkblad.ui import state


def missing_worksheet() -> bool:
    """A link to an unknown or deleted worksheet: say so and offer a new one."""
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
