"""The time split and the step timer, with the clock passed in."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkblad.content import STEPS
from werkblad.timeplan import (
    DEFAULT_DURATION,
    DEFAULT_PLANS,
    DURATIONS,
    MAX_MINUTES,
    StepTimer,
    default_plan,
    elapsed_seconds,
    format_duration,
    remaining_seconds,
    running_step,
    start_step,
    stop_all,
    total_elapsed,
    total_planned,
    validate_plan,
)

SLUGS = [step.slug for step in STEPS]


def test_durations_and_plans_agree():
    assert DURATIONS == {"2 uur": 120, "1 uur": 60}
    assert set(DEFAULT_PLANS) == set(DURATIONS)
    assert DEFAULT_DURATION in DURATIONS
    for label, minutes in DURATIONS.items():
        plan = DEFAULT_PLANS[label]
        assert list(plan) == SLUGS  # in the order of the steps
        assert total_planned(plan) == minutes
        assert validate_plan(plan) == []
        assert all(m > 0 for m in plan.values())


def test_default_plan_is_a_copy():
    plan = default_plan("1 uur")
    plan["kiezen"] = 99
    assert DEFAULT_PLANS["1 uur"]["kiezen"] == 13
    assert default_plan() == DEFAULT_PLANS["2 uur"]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0:00"),
        (0.999, "0:00"),
        (5, "0:05"),
        (59.9, "0:59"),
        (60, "1:00"),
        (725, "12:05"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (36000, "10:00:00"),
        (-30, "-0:30"),
        (-0.4, "0:00"),
        (-3723, "-1:02:03"),
    ],
)
def test_format_duration(seconds, expected):
    assert format_duration(seconds) == expected


def test_elapsed_seconds():
    assert elapsed_seconds(None, 0, now=1000) == 0
    assert elapsed_seconds(None, 42.5, now=1000) == 42.5
    assert elapsed_seconds(1000, 0, now=1030) == 30
    assert elapsed_seconds(1000, 60, now=1030) == 90
    # A clock that went back adds nothing.
    assert elapsed_seconds(1000, 60, now=990) == 60


def test_remaining_seconds():
    assert remaining_seconds(15, 0) == 900
    assert remaining_seconds(15, 600) == 300
    assert remaining_seconds(15, 960) == -60


def test_step_timer_start_stop_resume():
    timer = StepTimer()
    assert not timer.running
    assert timer.elapsed(now=500) == 0

    timer = timer.start(now=100)
    assert timer.running
    assert timer.elapsed(now=130) == 30

    timer = timer.stop(now=160)
    assert not timer.running
    assert timer.elapsed(now=10_000) == 60

    timer = timer.start(now=200).stop(now=215)
    assert timer.elapsed(now=10_000) == 75
    assert timer.reset() == StepTimer()


def test_starting_a_running_timer_or_stopping_a_stopped_one_changes_nothing():
    running = StepTimer().start(now=100)
    assert running.start(now=150) == running
    stopped = running.stop(now=120)
    assert stopped.stop(now=500) == stopped


def test_step_timer_is_immutable():
    timer = StepTimer()
    timer.start(now=1)
    assert not timer.running


def test_one_step_runs_at_a_time():
    timers: dict[str, StepTimer] = {}
    timers = start_step(timers, "kennismaken", now=0)
    assert running_step(timers) == "kennismaken"

    timers = start_step(timers, "verkennen", now=600)
    assert running_step(timers) == "verkennen"
    assert not timers["kennismaken"].running
    assert timers["kennismaken"].elapsed(now=5000) == 600
    assert timers["verkennen"].elapsed(now=700) == 100

    timers = start_step(timers, "kennismaken", now=1000)  # back to step 1
    assert timers["kennismaken"].elapsed(now=1060) == 660
    assert timers["verkennen"].elapsed(now=1060) == 400
    assert total_elapsed(timers, now=1060) == 1060

    timers = stop_all(timers, now=1100)
    assert running_step(timers) is None
    assert total_elapsed(timers, now=99_999) == 1100


def test_start_step_does_not_change_its_input():
    before = {"kennismaken": StepTimer().start(now=0)}
    after = start_step(before, "verkennen", now=10)
    assert before["kennismaken"].running
    assert "verkennen" not in before
    assert after is not before


@given(st.lists(st.tuples(st.sampled_from(SLUGS + [None]), st.floats(0, 1000)), max_size=30))
def test_total_elapsed_is_the_wall_time_while_a_step_runs(events):
    # Switching steps (or stopping, None) never loses or adds time.
    timers: dict[str, StepTimer] = {}
    now = 0.0
    running_since_start = 0.0
    was_running = False
    for slug, gap in events:
        now += gap
        if was_running:
            running_since_start += gap
        timers = stop_all(timers, now) if slug is None else start_step(timers, slug, now)
        was_running = slug is not None
    assert total_elapsed(timers, now) == pytest.approx(running_since_start)


def test_total_planned():
    assert total_planned({}) == 0
    assert total_planned({"kennismaken": 10, "verkennen": 20}) == 30


def plan_with(**changes):
    plan: dict[str, object] = dict(DEFAULT_PLANS["2 uur"])
    plan.update(changes)
    return plan


def test_validate_plan_accepts_zero_and_whole_floats():
    assert validate_plan(plan_with(afronden=0)) == []
    assert validate_plan(plan_with(afronden=10.0)) == []
    assert validate_plan(plan_with(afronden=Fraction(10, 1))) == []


def test_validate_plan_negative():
    messages = validate_plan(plan_with(kiezen=-5))
    assert len(messages) == 1
    assert messages[0].startswith("Kiezen:")
    assert "0 minuten" in messages[0]


def test_validate_plan_over_the_maximum():
    plan = {slug: 0 for slug in SLUGS}
    plan["verkennen"] = MAX_MINUTES + 1
    messages = validate_plan(plan)
    assert messages[0].startswith("Verkennen:")
    assert "240" in messages[0]
    # The whole plan is then too long as well.
    assert len(messages) == 2
    assert "Alle stappen samen" in messages[1]


def test_validate_plan_total_over_the_maximum():
    plan = {slug: 60 for slug in SLUGS}  # 300 minutes
    messages = validate_plan(plan)
    assert messages == [
        "Alle stappen samen duren nu 300 minuten. Dat is meer dan 240 minuten (4 uur)."
    ]


@pytest.mark.parametrize("value", [12.5, "15", None, True, float("nan"), float("inf")])
def test_validate_plan_not_a_whole_number(value):
    messages = validate_plan(plan_with(afwegen=value))
    assert len(messages) == 1
    assert messages[0].startswith("Afwegen:")
    assert "heel aantal minuten" in messages[0]


def test_validate_plan_missing_and_unknown_steps():
    plan = plan_with(pauze=10)
    del plan["afronden"]
    messages = validate_plan(plan)
    assert "'pauze' is geen stap van het gesprek." in messages
    assert "Afronden: vul een aantal minuten in." in messages
