import streamlit as st

from werkblad import guidance
from werkblad.content import PLAYERS_DISCLAIMER, PREPARATION_FIELDS, STEP_BY_SLUG
from werkblad.ui import editors, files, fold, layout, nav
from werkblad.ui.style import share_mode

nav.through_app()
st.title("Voorbereiding voor de dilemma-eigenaar")
if share_mode():
    st.info("Deze voorbereiding is privé. Zet 'Scherm delen' uit om haar te zien.")
    st.stop()
st.write(guidance.PREPARATION_INTRO)
layout.woo_notice()
with fold.folded("Past mijn dilemma bij een dilemmagesprek?", "fold:fit") as box:
    if box.open:
        st.write(guidance.FIT_FOR_CONVERSATION)
with fold.folded("Wie nodig ik uit?", "fold:invite") as box:
    if box.open:
        st.write(guidance.WHOM_TO_INVITE)

st.subheader("1. Je dilemma")
layout.text_fields(STEP_BY_SLUG["kennismaken"].fields)

st.subheader("2. Wat wil, durf, kan en mag ik?")
st.caption("Alleen voor jou en de gespreksleider. Nooit op het gedeelde scherm.")
layout.text_fields(PREPARATION_FIELDS, helps=guidance.PREPARATION_QUESTIONS_HELP)

st.subheader("3. Welke spelers zie je?")
st.caption("Wie hebben met het dilemma te maken? " + PLAYERS_DISCLAIMER)
editors.table_editor(editors.PLAYERS)
editors.full_text(editors.PLAYERS)

st.subheader("4. Het werkblad aan de gespreksleider geven")
st.write(guidance.HANDOVER_HELP)
files.handover_link(key="handover-page")
