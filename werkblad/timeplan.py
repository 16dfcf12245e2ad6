"""The time split of the conversation and the step timer, kept in one place.

Everything here is pure: the current time is always passed in as `now` (seconds,
e.g. from time.time()), so the app can store a start time and recompute the
clock on every run, and the tests can use any numbers they like.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from numbers import Real

from werkblad.content import STEP_BY_SLUG, STEPS

# Label shown to the user -> length of the conversation in minutes.
DURATIONS: dict[str, int] = {"2 uur": 120, "1 uur": 60}
DEFAULT_DURATION = "2 uur"

# Minutes per step, per duration. Each plan adds up to its duration.
DEFAULT_PLANS: dict[str, dict[str, int]] = {
    "2 uur": {"kennismaken": 15, "verkennen": 35, "afwegen": 35, "kiezen": 25, "afronden": 10},
    "1 uur": {"kennismaken": 8, "verkennen": 17, "afwegen": 17, "kiezen": 13, "afronden": 5},
}

MAX_MINUTES = 240  # per step and for the whole plan


def default_plan(duration: str = DEFAULT_DURATION) -> dict[str, int]:
    """A fresh copy of the default plan for a duration label ("2 uur" or "1 uur")."""
    return dict(DEFAULT_PLANS[duration])


def total_planned(plan: Mapping[str, int]) -> int:
    """The planned minutes of all steps together."""
    return sum(plan.values())


def format_duration(seconds: float) -> str:
    """A clock text: "12:05", or "1:02:03" from one hour on; "-0:30" when negative.

    Parts of a second are dropped, so a clock never shows a second too early.
    """
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))  # toward zero, so -0.4 shows as "0:00"
    if whole == 0:
        sign = ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def elapsed_seconds(started_at: float | None, accumulated: float, now: float) -> float:
    """Seconds on a clock that has `accumulated` from earlier runs and maybe runs now.

    A clock that went back (now before started_at) adds nothing rather than less.
    """
    if started_at is None:
        return accumulated
    return accumulated + max(0.0, now - started_at)


def remaining_seconds(planned_minutes: float, elapsed: float) -> float:
    """Seconds left of the planned time; negative once the step runs over."""
    return planned_minutes * 60 - elapsed


@dataclass(frozen=True)
class StepTimer:
    """The clock of one step: time from earlier runs, and when the current run began."""

    accumulated: float = 0.0
    started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        return elapsed_seconds(self.started_at, self.accumulated, now)

    def start(self, now: float) -> StepTimer:
        """Running from now on; a clock that already runs stays as it is."""
        if self.running:
            return self
        return replace(self, started_at=now)

    def stop(self, now: float) -> StepTimer:
        """Stopped, with the time of the current run added; a stopped clock stays as it is."""
        if not self.running:
            return self
        return StepTimer(accumulated=self.elapsed(now), started_at=None)

    def reset(self) -> StepTimer:
        return StepTimer()


def start_step(timers: Mapping[str, StepTimer], slug: str, now: float) -> dict[str, StepTimer]:
    """Start the clock of one step and stop every other one: one step runs at a time."""
    result = stop_all(timers, now)
    result[slug] = result.get(slug, StepTimer()).start(now)
    return result


def stop_all(timers: Mapping[str, StepTimer], now: float) -> dict[str, StepTimer]:
    """Every clock stopped, keeping the time each has run."""
    return {slug: timer.stop(now) for slug, timer in timers.items()}


def running_step(timers: Mapping[str, StepTimer]) -> str | None:
    """The slug of the step whose clock runs, if any."""
    return next((slug for slug, timer in timers.items() if timer.running), None)


def total_elapsed(timers: Mapping[str, StepTimer], now: float) -> float:
    """Seconds of all steps together."""
    return sum(timer.elapsed(now) for timer in timers.values())


def _step_name(slug: str) -> str:
    step = STEP_BY_SLUG.get(slug)
    return step.title if step else slug


def _is_whole_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, Real) and math.isfinite(value) and float(value).is_integer()


def validate_plan(plan: Mapping[str, object]) -> list[str]:
    """Dutch messages about what is wrong with a plan; [] when it is fine."""
    messages = []
    for slug in plan:
        if slug not in STEP_BY_SLUG:
            messages.append(f"'{slug}' is geen stap van het gesprek.")
    for step in STEPS:
        if step.slug not in plan:
            messages.append(f"{step.title}: vul een aantal minuten in.")
    whole_minutes = []
    for slug, minutes in plan.items():
        name = _step_name(slug)
        if not _is_whole_number(minutes):
            messages.append(f"{name}: vul een heel aantal minuten in, zoals 15.")
            continue
        minutes = int(minutes)
        whole_minutes.append(minutes)
        if minutes < 0:
            messages.append(f"{name}: de tijd kan niet minder dan 0 minuten zijn.")
        elif minutes > MAX_MINUTES:
            messages.append(f"{name}: de tijd kan hoogstens {MAX_MINUTES} minuten zijn.")
    if sum(whole_minutes) > MAX_MINUTES:
        messages.append(
            f"Alle stappen samen duren nu {sum(whole_minutes)} minuten. "
            f"Dat is meer dan {MAX_MINUTES} minuten (4 uur)."
        )
    return messages
