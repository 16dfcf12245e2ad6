import streamlit as st

from werkblad import guidance
from werkblad.ui import files, nav

nav.through_app()
st.title("Dilemmagesprek")
st.write(guidance.START_INTRO)
st.caption("Een werkvorm uit de aanpak 'Als openbaarheid schuurt'. " + guidance.NOT_FOR_CLASSIFIED)

owner, leader, resume = st.columns(3, border=True)
with owner:
    st.markdown("**Dilemma-eigenaar**")
    st.write("Je bereidt het gesprek alleen voor en geeft het werkblad aan de gespreksleider.")
    if st.button("Ik wil een dilemma bespreken", type="primary", width="stretch"):
        nav.go(nav.PREPARATION)
with leader:
    st.markdown("**Gespreksleider**")
    st.write("Je leidt het gesprek, deelt je scherm en typt mee. Aan het eind maak je het verslag.")
    if st.button("Ik ben gespreksleider", type="primary", width="stretch"):
        nav.go(nav.SETUP)
with resume:
    st.markdown("**Verder werken**")
    st.write("Heb je een link gekregen? Open die in je browser. Of open je werkbestand.")
    if st.button("Verder met een opgeslagen werkblad", width="stretch"):
        st.session_state["show_open"] = True
if st.session_state.get("show_open"):
    files.open_file()
