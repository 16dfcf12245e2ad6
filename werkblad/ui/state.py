"""The session's one worksheet, its id in the URL, and saving it to the draft store.

Everything the user typed lives in st.session_state["worksheet"]; widget keys and
editor frames are views of it. This module is the only one that swaps the
worksheet for another (a link, a file, a newer version) or writes it to disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable

import streamlit as st

from werkblad.model import Worksheet, has_text
from werkblad.storage import (
    ConfigError,
    Draft,
    DraftConflict,
    DraftNotFound,
    DraftStore,
    DraftStoreError,
    dump_worksheet,
    store_from_env,
)

WORKSHEET = "worksheet"
WORKSHEET_ID = "worksheet_id"
VERSION = "draft_version"
SAVED = "saved_json"
EXPIRES = "expires_on"
CONFLICT = "conflict"
SAVE_FAILED = "save_failed"
MISSING_ID = "missing_id"
LOAD_FAILED = "load_failed"
WRITTEN = "written"  # digests of the payloads this session wrote to the store
FIELD_ERRORS = "field_errors"
# Keys that belong to one worksheet; cleared whenever another one is adopted.
EDITOR_PREFIX = "editor:"
BASE_PREFIX = "base:"
WIDGET_PREFIX = "w:"


@st.cache_resource
def store() -> DraftStore:
    # One store (a path and settings) per server process; it holds no user data itself.
    return store_from_env()


def ws() -> Worksheet:
    return st.session_state[WORKSHEET]


# A click right after typing or a grid edit (the grid sends it 150 ms late) reruns the
# page: a download first waits this long for that rerun to start, then for it to end.
SETTLE_SECONDS = 0.3
RUN_TIMEOUT_SECONDS = 5
IDLE = "idle"  # a threading.Event: set while no run of this session is under way


def run_started() -> None:
    st.session_state.setdefault(IDLE, threading.Event()).clear()


def run_ended() -> None:
    st.session_state[IDLE].set()


def at_click(build: Callable[[Worksheet], bytes]) -> Callable[[], bytes]:
    """Data for st.download_button, built when the button is clicked.

    The callable runs outside the session, where st.session_state is empty, so it
    holds the session's worksheet object itself, which every rerun edits in place,
    and the session's idle event, to build once the rerun of a last change is done.
    """
    worksheet = ws()
    idle = st.session_state[IDLE]

    def data() -> bytes:
        time.sleep(SETTLE_SECONDS)
        idle.wait(RUN_TIMEOUT_SECONDS)
        return build(worksheet)

    return data


def worksheet_id() -> str | None:
    return st.session_state.get(WORKSHEET_ID)


def id_params() -> dict[str, str]:
    """Query parameters that carry the worksheet id to the next page."""
    wid = worksheet_id()
    return {"id": wid} if wid else {}


def clear_views() -> None:
    """Forget widget values and editor frames so they are rebuilt from the model."""
    for key in list(st.session_state.keys()):
        if key.startswith((EDITOR_PREFIX, BASE_PREFIX, WIDGET_PREFIX)):
            del st.session_state[key]
    st.session_state[FIELD_ERRORS] = {}


def adopt(worksheet: Worksheet, draft: Draft | None) -> None:
    """Make `worksheet` the session's worksheet; `draft` is where it is stored."""
    st.session_state[WORKSHEET] = worksheet
    for key in (CONFLICT, SAVE_FAILED, MISSING_ID, LOAD_FAILED):
        st.session_state.pop(key, None)
    clear_views()
    if draft:
        remember(draft, dump_worksheet(worksheet))
    else:
        for key in (WORKSHEET_ID, VERSION, EXPIRES):
            st.session_state.pop(key, None)
        # An empty worksheet counts as saved, so a mere visit stores nothing.
        st.session_state[SAVED] = dump_worksheet(worksheet) if not has_text(worksheet) else b""
        st.query_params.pop("id", None)


def restore() -> None:
    """Run first on every rerun: find the worksheet for this URL and session.

    Every page change empties the URL's query parameters, so the id is kept in
    session state too and written back when the URL lacks it.
    """
    url_id = st.query_params.get("id")
    if WORKSHEET not in st.session_state:
        adopt(Worksheet(), None)
    if url_id and url_id != worksheet_id():
        try:
            draft = store().load(url_id)
        except DraftNotFound:
            st.session_state[MISSING_ID] = True
            return
        except (DraftStoreError, ConfigError) as error:
            st.session_state[LOAD_FAILED] = str(error)
            return
        adopt(draft.worksheet, draft)
    elif worksheet_id() and not url_id:
        st.query_params["id"] = worksheet_id()


def replace_text(worksheet: Worksheet) -> None:
    """Put an opened file's text in place of this worksheet's, under the same id.

    The stored draft then gets the file's text at the next save, so no old text
    stays behind on the server under an id the session no longer knows.
    """
    kept = {key: st.session_state.get(key) for key in (WORKSHEET_ID, VERSION, EXPIRES)}
    adopt(worksheet, None)
    if kept[WORKSHEET_ID]:
        st.session_state.update(kept)
        st.session_state[SAVED] = b""  # differs from the new text: the next run saves it
        st.query_params["id"] = kept[WORKSHEET_ID]


def new_worksheet() -> None:
    adopt(Worksheet(), None)


def load_newer_version() -> None:
    conflict: Draft = st.session_state[CONFLICT]
    adopt(conflict.worksheet, conflict)


def keep_my_version() -> None:
    """Overwrite the newer version with this tab's worksheet, on the user's word."""
    conflict: Draft = st.session_state.pop(CONFLICT)
    st.session_state[VERSION] = conflict.version


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _write(wid: str, worksheet: Worksheet, version: int) -> Draft:
    if version == 0:  # not stored yet, under an id made beforehand
        return store().create(worksheet, wid)
    try:
        return store().save(wid, worksheet, version)
    except DraftNotFound:
        # Deleted elsewhere (another tab, or expired): keep the text, under a new id.
        return store().create(worksheet)


def save(*, even_empty: bool = False) -> None:
    """Save the worksheet when it changed since the last save; never raises.

    Called once per rerun, after the page ran, so table edits (which fire no
    callback) are saved too. A first save gives the worksheet its id; an empty
    worksheet gets none, unless `even_empty` (a link is asked for).

    A new click or keystroke stops a run wherever it touches Streamlit, also right
    after the database write and before the new version is noted. So the id is made
    before the first write, and the payloads this session wrote are remembered: a
    "newer version" that is one of them is this session's own, not someone else's.
    """
    if any(st.session_state.get(key) for key in (CONFLICT, MISSING_ID, LOAD_FAILED)):
        return
    worksheet = ws()
    data = dump_worksheet(worksheet)
    wid = worksheet_id()
    if data == st.session_state.get(SAVED) and not (even_empty and wid is None):
        return
    if wid is None:
        if not even_empty and not has_text(worksheet) and worksheet.meeting_date is None:
            return
        wid = DraftStore.new_id()
        st.session_state[WORKSHEET_ID] = wid
        st.session_state[VERSION] = 0
    written = st.session_state.setdefault(WRITTEN, [])
    written.append(_digest(data))  # a plain list, changed in place: nothing can stop that
    del written[:-8]
    try:
        try:
            draft = _write(wid, worksheet, st.session_state[VERSION])
        except DraftConflict as conflict:
            if _digest(dump_worksheet(conflict.current.worksheet)) not in written:
                st.session_state[CONFLICT] = conflict.current
                return
            draft = _write(wid, worksheet, conflict.current.version)
    except DraftConflict as conflict:
        st.session_state[CONFLICT] = conflict.current
        return
    except Exception:  # a full disk or a locked file must not cost the user the page
        st.session_state[SAVE_FAILED] = True
        return
    st.session_state.pop(SAVE_FAILED, None)
    remember(draft, data)


def remember(draft: Draft, data: bytes) -> None:
    """Note that `data` is now stored as `draft`."""
    st.session_state[WORKSHEET_ID] = draft.id
    st.session_state[VERSION] = draft.version
    st.session_state[EXPIRES] = draft.expires_on
    st.session_state[SAVED] = data
    if st.query_params.get("id") != draft.id:
        st.query_params["id"] = draft.id


def ensure_saved_id() -> str:
    """The worksheet's id, saving it first if it has none yet (for the hand-over link)."""
    if worksheet_id() is None:
        save(even_empty=True)  # a failed save shows its banner and is retried next run
    return worksheet_id()


def expires_on() -> dt.date | None:
    return st.session_state.get(EXPIRES)


def delete_worksheet() -> None:
    wid = worksheet_id()
    if wid:
        store().delete(wid)
    new_worksheet()
