"""The worksheet as pydantic models: one class per section of the paper form.

The models are also the file format (version 1): field names are the JSON keys,
and every limit a user can hit lives here, so the app, the file loader and the
PDF agree on what a valid worksheet is.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT = "dilemmagesprek-werkblad"
SCHEMA_VERSION = 1

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_PLAYERS = 25
MAX_OPTIONS = 15
MAX_PARTICIPANTS = 30
MAX_FILE_BYTES = 2 * 1024 * 1024

Text = Annotated[str, Field(max_length=MAX_TEXT)]
Name = Annotated[str, Field(max_length=MAX_NAME)]
Role = Literal["dilemma_owner", "facilitator", "participant"]


class Section(BaseModel):
    # extra="forbid": an unknown key in a file is refused, never dropped.
    # validate_assignment: the app's setattr calls hit the same limits as files.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Participant(Section):
    name: Name = ""
    role: Role = "participant"


class Preparation(Section):
    want: Text = ""
    dare: Text = ""
    can: Text = ""
    may: Text = ""


class Introduction(Section):
    dilemma: Text = ""
    why_now: Text = ""


class Player(Section):
    name: Name = ""
    positions_emotions: Text = ""
    interests_values: Text = ""
    rights_preferences: Text = ""


class Exploration(Section):
    players: Annotated[list[Player], Field(max_length=MAX_PLAYERS)] = []
    shared_question: Text = ""


class Option(Section):
    name: Name = ""
    pros: Text = ""
    cons: Text = ""


class Weighing(Section):
    options: Annotated[list[Option], Field(max_length=MAX_OPTIONS)] = []
    conclusion: Text = ""


class Choice(Section):
    decision: Text = ""
    needs: Text = ""
    next_steps: Text = ""


class Closing(Section):
    satisfied: Text = ""
    summary: Text = ""


class Worksheet(Section):
    format: Literal["dilemmagesprek-werkblad"] = FORMAT
    schema_version: Literal[1] = SCHEMA_VERSION
    title: Name = ""
    meeting_date: dt.date | None = None
    participants: Annotated[list[Participant], Field(max_length=MAX_PARTICIPANTS)] = []
    preparation: Preparation = Preparation()
    introduction: Introduction = Introduction()
    exploration: Exploration = Exploration()
    weighing: Weighing = Weighing()
    choice: Choice = Choice()
    closing: Closing = Closing()


def _step(obj: Any, part: str) -> Any:
    return obj[int(part)] if part.isdigit() else getattr(obj, part)


def get_field(ws: Worksheet, path: str) -> Any:
    """Read a dotted path such as "introduction.dilemma" or "exploration.players.0.name"."""
    obj: Any = ws
    for part in path.split("."):
        obj = _step(obj, part)
    return obj


def set_field(ws: Worksheet, path: str, value: Any) -> None:
    """Write a dotted path; raises pydantic.ValidationError when over a limit."""
    *parents, last = path.split(".")
    obj: Any = ws
    for part in parents:
        obj = _step(obj, part)
    setattr(obj, last, value)


def has_text(value: Any) -> bool:
    """True when a value (a model, list or string) holds any non-blank text."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, BaseModel):
        return any(has_text(v) for k, v in value if k not in ("format", "schema_version", "role"))
    if isinstance(value, list):
        return any(has_text(v) for v in value)
    return False
