"""Dilemmagesprek: the worksheet "Werkblad dilemmagesprek" as a guided screen in five steps."""

from pathlib import Path

import streamlit as st

from werkblad.ui import banners, files, nav, sidebar, state, style

# A local icon: a Material icon here would make every browser fetch it from Google.
ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
st.set_page_config(page_title="Dilemmagesprek", page_icon=str(ICON), layout="wide")

state.run_started()
page = nav.navigation()
state.restore()
style.apply_css()
if banners.missing_worksheet():
    st.stop()
save_slot = sidebar.draw(nav.slug_of(page))
top = st.container()
try:
    page.run()
except Exception as error:  # st.rerun / st.stop / st.switch_page are not Exceptions
    banners.unexpected_error(error)
finally:
    # Runs after st.switch_page and st.rerun too, so table edits and typing are saved,
    # and the file download below holds what this run changed.
    state.save()
    with top:
        banners.save_problems()
    with save_slot:
        files.save_button()
    state.run_ended()
