"""The report structure and the plain-text export: order, privacy, wording."""

from __future__ import annotations

from datetime import date

import pytest

from werkblad import content
from werkblad.model import (
    Exploration,
    Introduction,
    Option,
    Participant,
    Player,
    Weighing,
    Worksheet,
)
from werkblad.summary import (
    EMPTY,
    PREPARATION_HEADING,
    WOO_NOTE,
    Answer,
    ExportOptions,
    Grid,
    clean_text,
    export_filename,
    format_date_nl,
    participants_line,
    plain_text,
    sections,
)

NAMES = ("Sanne de Vries", "Ahmed El Amrani", "Joost Bakker", "Marieke Verhoeven")


def all_texts(ws: Worksheet, with_preparation: bool = True) -> list[str]:
    """Every piece of user text in the worksheet (names of people excluded)."""
    texts = [ws.title]
    for step in content.STEPS:
        texts += [str(_get(ws, f.path)) for f in step.fields]
    for player in ws.exploration.players:
        texts += [player.name, *(getattr(player, a) for a in content.PLAYER_COLUMNS if a != "name")]
    for option in ws.weighing.options:
        texts += [option.name, option.pros, option.cons]
    if with_preparation:
        texts += [str(_get(ws, f.path)) for f in content.PREPARATION_FIELDS]
    return [t for t in texts if t]


def _get(ws: Worksheet, path: str) -> object:
    obj: object = ws
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


# participants_line


def test_participants_by_role(sample: Worksheet) -> None:
    assert participants_line(sample) == "dilemma-eigenaar, gespreksleider, 2 deelnemers"


def test_participants_by_name(sample: Worksheet) -> None:
    assert participants_line(sample, include_names=True) == (
        "Sanne de Vries (dilemma-eigenaar), Ahmed El Amrani (gespreksleider), "
        "Joost Bakker (deelnemer), Marieke Verhoeven (deelnemer)"
    )


def test_participants_ordered_by_role_and_counted() -> None:
    ws = Worksheet(
        participants=[
            Participant(name="Piet", role="participant"),
            Participant(name="  ", role="facilitator"),
            Participant(name="An\nna", role="dilemma_owner"),
            Participant(name="", role="dilemma_owner"),
            Participant(name="", role="participant"),
            Participant(name=" ", role="participant"),
        ]
    )
    assert participants_line(ws) == "2 dilemma-eigenaren, gespreksleider, 3 deelnemers"
    # Without a name someone is counted by role, as in the default line.
    assert participants_line(ws, include_names=True) == (
        "An na (dilemma-eigenaar), dilemma-eigenaar, gespreksleider, Piet (deelnemer), 2 deelnemers"
    )


def test_participants_empty() -> None:
    assert participants_line(Worksheet()) == ""
    assert participants_line(Worksheet(), include_names=True) == ""


# dates and file names


def test_format_date_nl() -> None:
    assert format_date_nl(date(2026, 12, 10)) == "donderdag 10 december 2026"
    assert format_date_nl(date(2027, 3, 1)) == "maandag 1 maart 2027"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pdf", "dilemmagesprek-2026-12-10.pdf"),
        (".json", "dilemmagesprek-2026-12-10.json"),
        ("TXT", "dilemmagesprek-2026-12-10.txt"),
        ("../é*", "dilemmagesprek-2026-12-10.txt"),
    ],
)
def test_export_filename(kind: str, expected: str) -> None:
    name = export_filename(kind, date(2026, 12, 10))
    assert name == expected
    assert name.isascii() and "/" not in name and " " not in name


# clean_text


def test_clean_text_removes_controls_and_keeps_lines() -> None:
    assert clean_text("a\x00b\x1bc\x7fd\x9fe") == "abcde"
    assert clean_text("een\r\ntwee\rdrie\vvier\u2028vijf") == "een\ntwee\ndrie\nvier\nvijf"
    assert clean_text("  tab\there  ") == "tab\there"
    assert clean_text("e\u0301") == "é"  # composed, so the font's own glyph is used


# sections


def test_sections_follow_the_worksheet(sample: Worksheet) -> None:
    headings = [s.heading for s in sections(sample)]
    assert headings == [
        "1. Kennismaken",
        "2. Verkennen",
        "3. Afwegen",
        "4. Kiezen",
        "5. Afronden",
    ]
    with_prep = sections(sample, ExportOptions(include_preparation=True))
    assert with_prep[-1].heading == PREPARATION_HEADING
    assert [a.label for a in with_prep[-1].blocks] == [f.label for f in content.PREPARATION_FIELDS]


def test_sections_tables(sample: Worksheet) -> None:
    explore = sections(sample)[1]
    grid = explore.blocks[0]
    assert isinstance(grid, Grid)
    assert grid.heading == "Verkenning"
    assert grid.row_labels == (
        "Standpunten en emoties",
        "Belangen en waarden",
        "Rechten en voorkeuren",
    )
    assert [c.title for c in grid.columns][1] == "Gemeenten (VNG)"
    assert grid.note == content.PLAYERS_DISCLAIMER
    assert explore.blocks[1] == Answer(
        "Wat is de gedeelde vraag?", sample.exploration.shared_question
    )
    weigh = sections(sample)[2].blocks[0]
    assert isinstance(weigh, Grid)
    assert weigh.row_labels == ("Voordelen", "Nadelen")


def test_unnamed_and_empty_rows() -> None:
    ws = Worksheet(
        exploration=Exploration(
            players=[Player(), Player(positions_emotions="boos"), Player(name="VNG")]
        ),
        weighing=Weighing(options=[Option(pros="snel"), Option(), Option(cons="traag")]),
    )
    players, options = sections(ws)[1].blocks[0], sections(ws)[2].blocks[0]
    assert isinstance(players, Grid) and isinstance(options, Grid)
    # Blank rows are left out; unnamed ones are called as on paper.
    assert [c.title for c in players.columns] == ["Speler A", "VNG"]
    assert [c.title for c in options.columns] == ["Optie 1", "Optie 2"]


# plain_text


def test_plain_text_has_everything(sample: Worksheet) -> None:
    text = plain_text(sample, ExportOptions(include_names=True, include_preparation=True))
    for piece in all_texts(sample):
        assert piece in text
    for name in NAMES:
        assert name in text
    for step in content.STEPS:
        assert step.heading in text
        for field in step.fields:
            assert field.label in text
    assert content.PLAYERS_DISCLAIMER in text
    assert WOO_NOTE in text and "Wet open overheid (Woo)" in text
    assert text.rstrip().endswith(content.WOO_LINE)


def test_plain_text_private_by_default(sample: Worksheet) -> None:
    text = plain_text(sample)
    for name in NAMES:
        assert name not in text
    assert "dilemma-eigenaar, gespreksleider, 2 deelnemers" in text
    assert PREPARATION_HEADING not in text
    for field in content.PREPARATION_FIELDS:
        assert field.label not in text
        assert str(_get(sample, field.path)) not in text


def test_plain_text_order(sample: Worksheet) -> None:
    text = plain_text(sample, ExportOptions(include_preparation=True))
    marks = [s.heading for s in sections(sample, ExportOptions(include_preparation=True))]
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)
    # The disclaimer comes right after the players, before the shared question.
    assert (
        text.index("Journalist (Woo-verzoeker)")
        < text.index(content.PLAYERS_DISCLAIMER)
        < text.index("Wat is de gedeelde vraag?")
    )


def test_plain_text_empty_worksheet() -> None:
    text = plain_text(Worksheet())
    assert text.count(EMPTY) >= 12  # every open question shows a dash
    assert content.PLAYERS_DISCLAIMER not in text  # nothing to disclaim without players
    assert f"{content.DATE_LABEL}: {EMPTY}" in text


def test_plain_text_cleans_and_keeps_markup_literal() -> None:
    ws = Worksheet(
        title="**md** <b>html</b>",
        introduction=Introduction(dilemma="a\x00b\x0bc 😀 王"),
    )
    text = plain_text(ws)
    assert "**md** <b>html</b>" in text
    assert "ab\nc 😀 王" in text
    assert "\x00" not in text and "\x0b" not in text
