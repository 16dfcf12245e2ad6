import streamlit as st

from werkblad.content import STEP_BY_SLUG
from werkblad.ui import clock, export, layout, nav

nav.through_app()
step = STEP_BY_SLUG["afronden"]
layout.step_header(step)
layout.leader_guidance(step)
layout.text_fields(step.fields)
st.subheader("Tijd per stap")
clock.time_spent_table()
export.export_section()
nav.prev_next(step.slug)
