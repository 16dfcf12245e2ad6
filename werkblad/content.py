"""The Dutch copy of the worksheet: steps, questions and table headings.

Labels are the paper worksheet's own wording, in its order; the app, the PDF and
the tests all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

APPROACH = "Als openbaarheid schuurt"
APP_TITLE = "Dilemmagesprek"

ROLE_LABELS = {
    "dilemma_owner": "dilemma-eigenaar",
    "facilitator": "gespreksleider",
    "participant": "deelnemer",
}
ROLE_PLURALS = {
    "dilemma_owner": "dilemma-eigenaren",
    "facilitator": "gespreksleiders",
    "participant": "deelnemers",
}


@dataclass(frozen=True)
class Field:
    path: str  # dotted path into the Worksheet model
    label: str


@dataclass(frozen=True)
class Step:
    slug: str  # also the page file name and URL path
    number: int
    title: str
    question: str  # the step's question from the worksheet's list of steps
    fields_before_table: tuple[Field, ...] = ()
    fields_after_table: tuple[Field, ...] = ()
    table: str | None = None  # dotted path of the step's table, if it has one

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.fields_before_table + self.fields_after_table


STEPS: tuple[Step, ...] = (
    Step(
        "kennismaken",
        1,
        "Kennismaken",
        "wat is het dilemma en waarom is dit gesprek wenselijk?",
        (
            Field("introduction.dilemma", "Wat is het dilemma?"),
            Field("introduction.why_now", "Waarom is het gesprek nú nodig?"),
        ),
    ),
    Step(
        "verkennen",
        2,
        "Verkennen",
        "wat is de vraag en wie doen ertoe?",
        fields_after_table=(Field("exploration.shared_question", "Wat is de gedeelde vraag?"),),
        table="exploration.players",
    ),
    Step(
        "afwegen",
        3,
        "Afwegen",
        "wat zijn de opties?",
        fields_after_table=(Field("weighing.conclusion", "Wat is de conclusie?"),),
        table="weighing.options",
    ),
    Step(
        "kiezen",
        4,
        "Kiezen",
        "wat gaan we (dus) doen?",
        (
            Field("choice.decision", "Wat is de keuze?"),
            Field("choice.needs", "Wat heeft wie nodig?"),
            Field("choice.next_steps", "Hoe nu verder?"),
        ),
    ),
    Step(
        "afronden",
        5,
        "Afronden",
        "zijn we tevreden?",
        (
            Field("closing.satisfied", "Zijn we tevreden?"),
            Field("closing.summary", "Samenvatting"),
        ),
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}

# The tables: model attribute -> column heading, in the worksheet's order.
PLAYER_COLUMNS = {
    "name": "Speler",
    "positions_emotions": "Standpunten en emoties",
    "interests_values": "Belangen en waarden",
    "rights_preferences": "Rechten en voorkeuren",
}
OPTION_COLUMNS = {
    "name": "Optie",
    "pros": "Voordelen",
    "cons": "Nadelen",
}
PLAYERS_TABLE_HEADING = "Verkenning"
OPTIONS_TABLE_HEADING = "Afwegingen"
PLAYERS_DISCLAIMER = (
    "Dit is de inschatting van de deelnemers aan het gesprek, niet wat de spelers zelf zeggen."
)

# Fields the paper lacks: short labels of our own.
TITLE_LABEL = "Titel van het gesprek"
DATE_LABEL = "Datum van het gesprek"
PARTICIPANTS_LABEL = "Wie doen er mee?"
PARTICIPANT_COLUMNS = {"name": "Naam", "role": "Rol"}
PREPARATION_FIELDS = (
    Field("preparation.want", "Wat wil ik?"),
    Field("preparation.dare", "Wat durf ik?"),
    Field("preparation.can", "Wat kan ik?"),
    Field("preparation.may", "Wat mag ik?"),
)

WOO_LINE = "Bedoeld voor intern beraad. Kan openbaar worden na een Woo-verzoek."
