"""Parts that the pages share: headings, guidance for the leader, notices and fields."""

from __future__ import annotations

import streamlit as st

from werkblad import guidance
from werkblad.content import Field, Step
from werkblad.hints import shared_question_hints
from werkblad.ui import clock, fields, fold
from werkblad.ui.state import ws
from werkblad.ui.style import share_mode


def step_header(step: Step) -> None:
    """The step's title and question, as on the paper worksheet, and its timer."""
    st.title(step.heading)
    st.markdown(f"**{step.title}:** {step.question}")
    clock.step_timer(step.slug)


def leader_guidance(step: Step) -> None:
    """Aim, questions and a tip for the leader; never on a shared screen."""
    if share_mode():
        return
    help_ = guidance.STEP_GUIDANCE[step.slug]
    with fold.folded("Voor de gespreksleider", "fold:guidance", icon=":material/lightbulb:") as box:
        if not box.open:
            return
        st.markdown(f"**Doel van deze stap.** {help_.aim}")
        st.markdown("**Vragen die je kunt stellen**")
        st.markdown("\n".join(f"- {question}" for question in help_.questions))
        st.markdown(f"**Tip.** {help_.tip}")


def opening_agreements() -> None:
    if share_mode():
        return
    with fold.folded(
        "Afspraken om voor te lezen bij de start", "fold:agreements", icon=":material/handshake:"
    ) as box:
        if box.open:
            st.markdown("\n".join(f"- {item}" for item in guidance.OPENING_AGREEMENTS))


def woo_notice() -> None:
    """Where users first type: what the Woo means for these notes."""
    if not share_mode():
        st.info(guidance.WOO_NOTICE, icon=":material/gavel:")


def text_fields(items: tuple[Field, ...], helps: dict[str, str] | None = None) -> None:
    height = 200 if share_mode() else 150
    for field in items:
        fields.text_area(field.label, field.path, height=height, help=(helps or {}).get(field.path))


def shared_question_hints_box() -> None:
    """Gentle hints for the shared question: questions to the leader, never a block."""
    if share_mode():
        return
    hints = shared_question_hints(ws().exploration.shared_question)
    if hints:
        st.caption("Vragen bij de gedeelde vraag:\n" + "\n".join(f"- {hint}" for hint in hints))


def table_heading(heading: str, note: str | None = None) -> None:
    if share_mode():  # the paper view has the heading in its corner and the note below
        return
    st.subheader(heading)
    if note:
        st.caption(note)
