"""Timekeeping: the conversation's length, minutes per step, and a step timer.

The timer ticks in a fragment that reruns only itself, and only while it runs,
so it never reruns the page under someone who is typing.
"""

from __future__ import annotations

import time

import streamlit as st

from werkblad import timeplan
from werkblad.content import STEPS
from werkblad.ui import fold

DURATION = "duration"
PLAN = "plan"
TIMERS = "timers"


def duration() -> str:
    return st.session_state.setdefault(DURATION, timeplan.DEFAULT_DURATION)


def plan() -> dict[str, int]:
    return st.session_state.setdefault(PLAN, timeplan.default_plan(duration()))


def timers() -> dict[str, timeplan.StepTimer]:
    return st.session_state.setdefault(TIMERS, {})


def _choose_duration() -> None:
    choice = st.session_state["w:duration"] or duration()
    st.session_state[DURATION] = choice
    st.session_state[PLAN] = timeplan.default_plan(choice)


def _set_minutes(slug: str) -> None:
    plan()[slug] = int(st.session_state[f"w:plan:{slug}"])


def plan_editor() -> None:
    """Choose 2 or 1 hour; the minutes per step follow and can be changed."""
    st.session_state["w:duration"] = duration()
    st.segmented_control(
        "Hoe lang duurt het gesprek?",
        options=list(timeplan.DURATIONS),
        key="w:duration",
        on_change=_choose_duration,
    )
    minutes = " / ".join(str(plan()[step.slug]) for step in STEPS)
    st.caption(f"Minuten per stap: {minutes}; samen {timeplan.total_planned(plan())} minuten.")
    with fold.folded("Minuten per stap aanpassen", "fold:plan", icon=":material/tune:") as box:
        if box.open:
            _minutes_per_step()


def _minutes_per_step() -> None:
    columns = st.columns(len(STEPS))
    for column, step in zip(columns, STEPS, strict=True):
        key = f"w:plan:{step.slug}"
        st.session_state[key] = plan()[step.slug]
        column.number_input(
            f"{step.heading} (min.)",
            min_value=0,
            max_value=timeplan.MAX_MINUTES,
            step=1,
            key=key,
            on_change=_set_minutes,
            args=(step.slug,),
        )


def _toggle(slug: str) -> None:
    now = time.time()
    current = timers()
    if current.get(slug, timeplan.StepTimer()).running:
        st.session_state[TIMERS] = timeplan.stop_all(current, now)
    else:
        st.session_state[TIMERS] = timeplan.start_step(current, slug, now)


def _reading(slug: str) -> str:
    elapsed = timers().get(slug, timeplan.StepTimer()).elapsed(time.time())
    planned = plan()[slug]
    left = timeplan.remaining_seconds(planned, elapsed)
    state = "nog " + timeplan.format_duration(left) if left >= 0 else "over tijd"
    return f"**{timeplan.format_duration(elapsed)}** van {planned} min. ({state})"


def step_timer(slug: str) -> None:
    """Planned minutes, time spent, and a start/stop button for this step."""
    running = timers().get(slug, timeplan.StepTimer()).running

    @st.fragment(run_every=1 if running else None)
    def reading() -> None:
        st.markdown(":material/timer: " + _reading(slug))

    left, right = st.columns([3, 1], vertical_alignment="center")
    with left:
        reading()
    right.button(
        "Klok stoppen" if running else "Klok starten",
        key=f"clock:{slug}",
        on_click=_toggle,
        args=(slug,),
        icon=":material/pause:" if running else ":material/play_arrow:",
        width="stretch",
    )


def time_spent_table() -> None:
    """Planned and spent minutes per step, as one Markdown table of our own words and numbers."""
    now = time.time()
    lines = ["| Stap | Gepland | Besteed |", "| --- | ---: | ---: |"]
    for step in STEPS:
        spent = timers().get(step.slug, timeplan.StepTimer()).elapsed(now)
        title = step.heading.replace(".", "\\.", 1)  # "1." would start a list
        lines.append(f"| {title} | {plan()[step.slug]} min. | {timeplan.format_duration(spent)} |")
    total = timeplan.format_duration(timeplan.total_elapsed(timers(), now))
    lines.append(f"| **Samen** | **{timeplan.total_planned(plan())} min.** | **{total}** |")
    st.markdown("\n".join(lines))
