import streamlit as st

from werkblad.content import DATE_LABEL, PARTICIPANTS_LABEL, TITLE_LABEL
from werkblad.ui import editors, fields, nav

st.title("Over het gesprek")
fields.text_input(TITLE_LABEL, "title", placeholder="Bijvoorbeeld: rapport nu openbaar maken?")
fields.date_input(DATE_LABEL, "meeting_date")
st.subheader(PARTICIPANTS_LABEL)
st.caption("Een naam is niet nodig: in het verslag staan standaard alleen de rollen.")
editors.table_editor(editors.PARTICIPANTS)
nav.prev_next(nav.SETUP.slug)
