"""The worksheet as a report: one structure that the PDF and the plain text both walk.

The order, the headings and the privacy choices (names, the owner's preparation)
are decided here once, so the PDF and the text for an e-mail never disagree.
Pure functions only: no Streamlit, no fpdf2.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from werkblad import content
from werkblad.model import Option, Player, Worksheet, get_field, has_text

EMPTY = "—"  # shown for every question left open
REPORT_TITLE = "Verslag dilemmagesprek"
WOO_NOTE = "Dit verslag valt onder de Wet open overheid (Woo)."
PRESENT_LABEL = "Aanwezig"
PREPARATION_HEADING = "Bijlage: voorbereiding van de dilemma-eigenaar"
PREPARATION_NOTE = (
    "Dit heeft de dilemma-eigenaar vooraf voor zichzelf ingevuld. "
    "Het staat in dit verslag omdat de dilemma-eigenaar daarvoor heeft gekozen."
)
FILE_STEM = "dilemmagesprek"

_ROLE_ORDER = ("dilemma_owner", "facilitator", "participant")
_PLAYER_ROWS = tuple(
    (attr, label) for attr, label in content.PLAYER_COLUMNS.items() if attr != "name"
)
_OPTION_ROWS = tuple(
    (attr, label) for attr, label in content.OPTION_COLUMNS.items() if attr != "name"
)

# Word pastes a manual line break as a vertical tab; keep it as a line break.
# The other C0 and C1 controls (NUL, escape and friends) break e-mail clients and
# PDF text, and nobody means to type them: they go (tab and newline stay).
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose to put in an export; both default to the private choice."""

    include_names: bool = False
    include_preparation: bool = False


@dataclass(frozen=True)
class Answer:
    label: str
    text: str  # cleaned; "" when left open (shown as EMPTY)


@dataclass(frozen=True)
class Column:
    """One player or option: a column in the paper's table."""

    title: str
    cells: tuple[str, ...]  # one per row label, cleaned


@dataclass(frozen=True)
class Grid:
    """A table of the worksheet: row headings down, one column per player or option."""

    heading: str  # the top-left cell on paper, e.g. "Verkenning"
    row_labels: tuple[str, ...]
    columns: tuple[Column, ...]
    note: str = ""  # printed under the table

    def as_answers(self, column: Column) -> tuple[Answer, ...]:
        return tuple(
            Answer(label, text) for label, text in zip(self.row_labels, column.cells, strict=True)
        )


Block = Answer | Grid


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    intro: str = ""


@dataclass(frozen=True)
class Report:
    approach: str
    heading: str
    title: str  # the conversation's title, cleaned; may be ""
    facts: tuple[Answer, ...]  # date and who took part
    woo_note: str
    sections: tuple[Section, ...]
    closing_line: str


def clean_text(text: str) -> str:
    """User text made safe to print: composed accents, plain newlines, no control characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def _one_line(text: str) -> str:
    # Names and titles sit in headings and table headers: one line each.
    return " ".join(clean_text(text).split())


def format_date_nl(d: date) -> str:
    """A date in full Dutch, e.g. "donderdag 10 december 2026" (not the system locale)."""
    return format_date(d, format="full", locale="nl")


def export_filename(kind_ext: str, day: date) -> str:
    """File name with the date only, never the title: a title tells the topic to anyone."""
    ext = "".join(c for c in kind_ext.lower() if c in string.ascii_lowercase + string.digits)
    return f"{FILE_STEM}-{day.isoformat()}.{ext or 'txt'}"


def _role_count(role: str, n: int) -> str:
    if n == 1:
        return content.ROLE_LABELS[role]
    return f"{n} {content.ROLE_PLURALS[role]}"


def participants_line(ws: Worksheet, include_names: bool = False) -> str:
    """Who took part: by role ("dilemma-eigenaar, gespreksleider, 2 deelnemers") or by name.

    With names, people without a name are counted by role, as without names.
    """
    parts = []
    for role in _ROLE_ORDER:
        people = [p for p in ws.participants if p.role == role]
        named = [_one_line(p.name) for p in people] if include_names else []
        parts += [f"{name} ({content.ROLE_LABELS[role]})" for name in named if name]
        unnamed = len(people) - sum(1 for name in named if name)
        if unnamed:
            parts.append(_role_count(role, unnamed))
    return ", ".join(parts)


def _letter(i: int) -> str:
    # The paper says "Speler A, Speler B, Speler C"; 25 players fit in A..Y.
    return string.ascii_uppercase[i] if i < 26 else str(i + 1)


def _grid(
    items: Sequence[Player | Option],
    rows: tuple[tuple[str, str], ...],
    heading: str,
    unnamed: Callable[[int], str],
    note: str = "",
) -> Grid:
    filled = [item for item in items if has_text(item)]
    columns = tuple(
        Column(
            _one_line(item.name) or unnamed(i),
            tuple(clean_text(getattr(item, attr)) for attr, _ in rows),
        )
        for i, item in enumerate(filled)
    )
    return Grid(
        heading,
        tuple(label for _, label in rows),
        columns,
        note=note if columns else "",  # nothing to disclaim without columns
    )


def players_grid(players: Sequence[Player]) -> Grid:
    return _grid(
        players,
        _PLAYER_ROWS,
        content.PLAYERS_TABLE_HEADING,
        lambda i: f"Speler {_letter(i)}",
        content.PLAYERS_DISCLAIMER,
    )


def options_grid(options: Sequence[Option]) -> Grid:
    return _grid(options, _OPTION_ROWS, content.OPTIONS_TABLE_HEADING, lambda i: f"Optie {i + 1}")


def _answers(ws: Worksheet, fields: tuple[content.Field, ...]) -> tuple[Answer, ...]:
    return tuple(Answer(f.label, clean_text(get_field(ws, f.path))) for f in fields)


def sections(ws: Worksheet, options: ExportOptions | None = None) -> tuple[Section, ...]:
    """The five steps in the worksheet's order, then the preparation when chosen."""
    options = options or ExportOptions()
    grids = {
        "verkennen": lambda: players_grid(ws.exploration.players),
        "afwegen": lambda: options_grid(ws.weighing.options),
    }
    out = []
    for step in content.STEPS:
        blocks: list[Block] = list(_answers(ws, step.fields_before_table))
        if step.slug in grids:
            blocks.append(grids[step.slug]())
        blocks.extend(_answers(ws, step.fields_after_table))
        out.append(Section(step.heading, tuple(blocks)))
    if options.include_preparation:
        out.append(
            Section(
                PREPARATION_HEADING,
                _answers(ws, content.PREPARATION_FIELDS),
                intro=PREPARATION_NOTE,
            )
        )
    return tuple(out)


def build_report(ws: Worksheet, options: ExportOptions | None = None) -> Report:
    """Everything an export shows, in order, with user text already cleaned."""
    options = options or ExportOptions()
    when = format_date_nl(ws.meeting_date) if ws.meeting_date else ""
    return Report(
        approach=content.APPROACH,
        heading=REPORT_TITLE,
        title=_one_line(ws.title),
        facts=(
            Answer(content.DATE_LABEL, when),
            Answer(PRESENT_LABEL, participants_line(ws, options.include_names)),
        ),
        woo_note=WOO_NOTE,
        sections=sections(ws, options),
        closing_line=content.WOO_LINE,
    )


def _underlined(text: str, mark: str) -> list[str]:
    return [text, mark * len(text)]


def _answer_lines(answer: Answer) -> list[str]:
    return [answer.label, answer.text or EMPTY, ""]


def plain_text(ws: Worksheet, options: ExportOptions | None = None) -> str:
    """The report as plain text to paste into an e-mail or a memo."""
    report = build_report(ws, options)
    lines = [report.approach, *_underlined(report.heading, "=")]
    if report.title:
        lines.append(report.title)
    lines.append("")
    lines.extend(f"{fact.label}: {fact.text or EMPTY}" for fact in report.facts)
    lines += [report.woo_note, ""]
    for section in report.sections:
        lines += ["", *_underlined(section.heading, "="), ""]
        if section.intro:
            lines += [section.intro, ""]
        for block in section.blocks:
            if isinstance(block, Answer):
                lines += _answer_lines(block)
                continue
            lines += [block.heading, ""]
            if not block.columns:
                lines += [EMPTY, ""]
            for column in block.columns:
                lines += _underlined(column.title, "-")
                for answer in block.as_answers(column):
                    lines += _answer_lines(answer)
            if block.note:
                lines += [block.note, ""]
    lines += ["", report.closing_line]
    return "\n".join(lines) + "\n"
