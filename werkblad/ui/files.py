"""The worksheet file, the hand-over link, where the worksheet is kept, and deleting it."""

from __future__ import annotations

import datetime as dt
import os
from urllib.parse import urlsplit

import streamlit as st

from werkblad.model import MAX_FILE_BYTES, Worksheet, has_text
from werkblad.storage import WorksheetFileError, dump_worksheet, load_worksheet
from werkblad.summary import export_filename, format_date_nl
from werkblad.ui import state
from werkblad.ui.style import share_mode

UPLOAD_ROUND = "upload_round"  # bumped to empty the uploader after a file was handled
PENDING_FILE = "pending_file"
FILE_ERROR = "file_error"
HANDLED_FILE = "handled_file"
LINK_SHOWN = "link_shown"
CONFIRM_DELETE = "confirm_delete"
BASE_URL_ENV = "DILEMMAGESPREK_BASE_URL"


def _file_day() -> dt.date:
    return state.ws().meeting_date or dt.date.today()


def save_button() -> None:
    """'Werkbestand opslaan': drawn after the page ran, so the file holds this run's edits."""
    st.download_button(
        "Werkbestand opslaan",
        data=state.at_click(dump_worksheet),
        file_name=export_filename("json", _file_day()),
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    if len(st.session_state.get(state.SAVED) or b"") > MAX_FILE_BYTES:
        st.warning(
            "Dit werkbestand is groter dan 2 MB en gaat daarom niet meer open in de app. "
            "Maak lange teksten korter voordat je het opslaat."
        )
    st.caption("Een werkbestand (.json) om later verder te werken. Alleen deze app opent het.")


def _use_file(worksheet: Worksheet) -> None:
    state.replace_text(worksheet)
    st.session_state.pop(PENDING_FILE, None)
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
    st.toast("Het werkbestand is geopend.", icon=":material/check:")


def _cancel_file() -> None:
    st.session_state.pop(PENDING_FILE, None)
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1


def open_file() -> None:
    """'Werkbestand openen': refuses bad files in Dutch; asks before replacing text."""
    round_ = st.session_state.get(UPLOAD_ROUND, 0)
    upload = st.file_uploader(
        "Werkbestand openen",
        key=f"upload:{round_}",
        help="Kies een werkbestand (.json) dat je eerder met 'Werkbestand opslaan' bewaarde.",
    )
    if upload is None:
        st.session_state.pop(FILE_ERROR, None)
        st.session_state.pop(HANDLED_FILE, None)
    elif upload.file_id != st.session_state.get(HANDLED_FILE):
        st.session_state[HANDLED_FILE] = upload.file_id
        st.session_state.pop(FILE_ERROR, None)
        try:
            worksheet = load_worksheet(upload.getvalue())
        except WorksheetFileError as error:
            # The session's worksheet is untouched; the message stays while the file does.
            st.session_state[FILE_ERROR] = str(error)
        else:
            if has_text(state.ws()):
                st.session_state[PENDING_FILE] = worksheet
            else:
                _use_file(worksheet)
                st.rerun()
    if FILE_ERROR in st.session_state:
        st.error(st.session_state[FILE_ERROR], icon=":material/error:")
    if PENDING_FILE in st.session_state:
        st.warning(
            "Er staat al tekst in het werkblad dat nu open is. Het werkbestand vervangt die "
            "tekst in dit scherm. Wil je dat? Sla anders eerst dit werkblad op."
        )
        st.button(
            "Ja, werkbestand openen",
            on_click=_use_file,
            args=(st.session_state[PENDING_FILE],),
            type="primary",
            width="stretch",
        )
        st.button("Nee, niet openen", on_click=_cancel_file, width="stretch")


def base_url() -> str:
    """Where this app is reached: set it behind a proxy, else taken from the browser's URL."""
    configured = os.environ.get(BASE_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    # The page's own path (such as /verkennen) is not part of the app's address.
    return f"{parts.scheme}://{parts.netloc}"


def handover_link(key: str = "handover") -> None:
    """'Link maken voor de gespreksleider': shows the link to copy; nothing is sent."""
    if st.button(
        "Link maken voor de gespreksleider", icon=":material/link:", key=key, width="stretch"
    ):
        st.session_state[LINK_SHOWN] = True
    if st.session_state.get(LINK_SHOWN):
        wid = state.ensure_saved_id()
        st.code(f"{base_url()}/gesprek?id={wid}", language=None, wrap_lines=True)
        st.caption(
            "Kopieer de link en geef hem alleen aan de gespreksleider. Wie de link heeft, "
            "kan het werkblad lezen en wijzigen. De app verstuurt zelf niets."
        )


def retention_notice() -> None:
    expires = state.expires_on()
    if expires:
        where = (
            "Dit werkblad wordt bij elke wijziging bewaard op de server van deze app, "
            f"tot en met {format_date_nl(expires)} ({state.store().retention_days} dagen na de "
            "laatste wijziging). Daarna wordt het verwijderd."
        )
    else:
        where = (
            "Zodra je iets typt, wordt dit werkblad bewaard op de server van deze app, "
            f"tot {state.store().retention_days} dagen na de laatste wijziging."
        )
    st.caption(where + " Niet bedoeld voor gerubriceerde informatie.")


def _delete() -> None:
    state.delete_worksheet()
    st.session_state.pop(CONFIRM_DELETE, None)
    st.session_state.pop(LINK_SHOWN, None)
    st.toast("Het werkblad is verwijderd.", icon=":material/delete:")


def delete_button(key: str = "delete") -> None:
    """'Werkblad verwijderen', after 'Ja, verwijderen'."""
    if st.session_state.get(CONFIRM_DELETE) != key:
        if st.button("Werkblad verwijderen", icon=":material/delete:", key=key, width="stretch"):
            st.session_state[CONFIRM_DELETE] = key
            st.rerun()
        return
    st.warning(
        "Het werkblad wordt van de server verwijderd. Dat kan niet ongedaan worden. "
        "Wil je het bewaren? Sla dan eerst het werkbestand op."
    )
    left, right = st.columns(2)
    left.button(
        "Ja, verwijderen", on_click=_delete, key=key + ":yes", type="primary", width="stretch"
    )
    if right.button("Annuleren", key=key + ":no", width="stretch"):
        st.session_state.pop(CONFIRM_DELETE)
        st.rerun()


def sidebar_actions() -> None:
    if not share_mode():
        handover_link()
        retention_notice()
        delete_button()
