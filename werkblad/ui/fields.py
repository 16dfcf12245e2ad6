"""Text widgets bound to the worksheet model.

A widget's own key is dropped by Streamlit when its page is left, so each
widget is seeded from the model on every run and writes back through
on_change. A value the model refuses stays in the widget (and in
FIELD_ERRORS) with a Dutch message, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st
from pydantic import ValidationError

from werkblad.model import get_field, set_field
from werkblad.personal_data import find_personal_data, warning_text
from werkblad.ui.messages import validation_message
from werkblad.ui.state import FIELD_ERRORS, WIDGET_PREFIX, ws
from werkblad.ui.style import share_mode


def _errors() -> dict[str, tuple[str, object]]:
    return st.session_state.setdefault(FIELD_ERRORS, {})


def _write(path: str, key: str, after: Callable[[], None] | None) -> None:
    value = st.session_state[key]
    try:
        set_field(ws(), path, value)
    except ValidationError as error:
        _errors()[path] = (validation_message(error, value), value)
        return
    _errors().pop(path, None)
    if after:
        after()


def _seed(path: str) -> str:
    """Put the model's value (or a refused value still being edited) in the widget key."""
    key = WIDGET_PREFIX + path
    pending = _errors().get(path)
    st.session_state[key] = pending[1] if pending else get_field(ws(), path)
    return key


def _show_error(path: str) -> None:
    pending = _errors().get(path)
    if pending:
        st.error(pending[0])


def _personal_data_warning(value: str) -> None:
    """A quiet note beside a field that seems to hold an e-mail address, phone number or BSN."""
    if value and not share_mode():
        kinds = find_personal_data(value)
        if kinds:
            st.caption(":material/info: " + warning_text(kinds))


def _bound(widget: Callable, label: str, path: str, after: Callable[[], None] | None, **kwargs):
    """Draw `widget` seeded from the model at `path`, writing back on change."""
    key = _seed(path)
    value = widget(label, key=key, on_change=_write, args=(path, key, after), **kwargs)
    _show_error(path)
    return value


def text_area(
    label: str,
    path: str,
    *,
    height: int | None = None,
    help: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str:
    # No max_chars: the browser drops a paste that would go over it without a word.
    # The model refuses instead, with a Dutch message, and the pasted text stays.
    value = _bound(st.text_area, label, path, on_change, height=height, help=help)
    _personal_data_warning(value)
    return value


def text_input(
    label: str,
    path: str,
    *,
    placeholder: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str:
    value = _bound(st.text_input, label, path, on_change, placeholder=placeholder)
    _personal_data_warning(value)
    return value


def date_input(label: str, path: str) -> dt.date | None:
    return _bound(st.date_input, label, path, None, format="DD-MM-YYYY")


def _remember_choice(name: str) -> None:
    st.session_state[name] = st.session_state[WIDGET_PREFIX + name]


def session_checkbox(
    label: str, name: str, *, help: str | None = None, toggle: bool = False
) -> bool:
    """A checkbox whose value lasts for the session, not only while its page is shown."""
    key = WIDGET_PREFIX + name
    st.session_state[key] = bool(st.session_state.get(name, False))
    widget = st.toggle if toggle else st.checkbox
    widget(label, key=key, help=help, on_change=_remember_choice, args=(name,))
    return st.session_state[key]
