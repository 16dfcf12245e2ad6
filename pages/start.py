import streamlit as st

from werkblad.ui import nav

st.title("Dilemmagesprek")
st.write("Een gesprek in vijf stappen over een dilemma rond openbaarheid.")
if st.button("Ik ben gespreksleider", type="primary"):
    nav.go(nav.SETUP)
