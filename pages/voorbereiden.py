import streamlit as st

from werkblad.content import PREPARATION_FIELDS
from werkblad.ui import layout

st.title("Voorbereiding")
layout.text_fields(PREPARATION_FIELDS)
