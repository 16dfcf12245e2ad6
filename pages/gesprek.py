import streamlit as st

from werkblad.content import DATE_LABEL, PARTICIPANTS_LABEL, TITLE_LABEL
from werkblad.ui import clock, editors, fields, layout, nav

nav.through_app()
st.title("Over het gesprek")
layout.woo_notice()
fields.text_input(TITLE_LABEL, "title", placeholder="Bijvoorbeeld: rapport nu openbaar maken?")
fields.date_input(DATE_LABEL, "meeting_date")
st.subheader(PARTICIPANTS_LABEL)
st.caption("Een naam is niet nodig: in het verslag staan standaard alleen de rollen.")
editors.table_editor(editors.PARTICIPANTS)
st.subheader("Tijd")
clock.plan_editor()
nav.prev_next(nav.SETUP.slug)
