"""The summary PDF of a worksheet ("Verslag dilemmagesprek"), drawn with fpdf2.

It walks the same report structure as the plain-text export (werkblad.summary),
so order and headings live in one place. Every piece of user text passes through
`_printable` first: the PDF must come out whatever people typed or pasted.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from werkblad import content
from werkblad.model import Worksheet
from werkblad.summary import (
    EMPTY,
    REPORT_TITLE,
    Answer,
    ExportOptions,
    Grid,
    Report,
    build_report,
    format_date_nl,
)

FONT = "dejavu"
# PDF/A-2B: the archive-friendly profile the Dutch government accepts for records;
# fpdf2 embeds the fonts and an sRGB output intent for it.
COMPLIANCE = "PDFA_2B"

# Layout in millimetres and points: A4 with generous margins, one calm hierarchy.
MARGIN_X = 20.0
MARGIN_TOP = 20.0
MARGIN_BOTTOM = 24.0
BODY_PT = 10.0
BODY_LH = 5.0
LABEL_PT = 9.5
SMALL_PT = 8.0
STEP_PT = 14.0
TABLE_PT = 9.0
TABLE_LH = 4.4
TABLE_PAD = 1.6
TEXT_GREY = 90
RULE_GREY = 170
HEAD_FILL = (228, 228, 228)
ROW_HEAD_FILL = (243, 243, 243)

MAX_TABLE_COLUMNS = 4  # beyond this the paper's table gets too narrow to read
# fpdf2 cannot split a table row over pages (its issue #1142), so a row must stay
# well under a page; longer texts print as blocks per player or option instead.
MAX_ROW_SHARE = 0.4
MAX_CELL_CHARS = 2_000  # cheap pre-check before measuring

# An alias no user text can contain: clean_text removes every control character.
# The default "{nb}" would turn a typed "{nb}" into the page count. Three characters
# reserve room for three digits; the number is drawn left-aligned in that room.
PAGES_ALIAS = "\x1f\x1f\x1f"
PAGE_NUMBER_W = 30.0
REPLACEMENT = "\ufffd"
# Table columns are narrow: allow a line break after a hyphen or slash inside a word
# ("Dilemma-eigenaar", URLs), instead of fpdf2 cutting the word at any letter.
_BREAK_AFTER = re.compile(r"(?<=\w)([-/])(?=\w)")
ZERO_WIDTH_SPACE = "\u200b"


@functools.cache
def _font_dir() -> Path:
    # Only locate the package: importing matplotlib itself is slow and not needed.
    spec = importlib.util.find_spec("matplotlib")
    for location in (spec and spec.submodule_search_locations) or ():
        folder = Path(location) / "mpl-data" / "fonts" / "ttf"
        if (folder / "DejaVuSans.ttf").is_file():
            return folder
    raise RuntimeError("Het lettertype DejaVu Sans is niet gevonden (pakket matplotlib).")


def _printable(text: str, chars: frozenset[int]) -> str:
    """Text the embedded font can draw: invisible marks dropped, other gaps marked."""
    text = text.replace("\t", "    ")
    if text.isascii():
        return text  # clean_text already removed the control characters
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ord(ch) in chars:
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Zs":
            out.append(" ")
        elif category in ("Cf", "Cs", "Mn", "Me", "Sk"):
            continue  # joiners, variation selectors, skin tones: nothing to show
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)  # one mark per run of characters the font lacks
    return "".join(out)


class _ReportPdf(FPDF):
    def __init__(self, printed_on: date) -> None:
        super().__init__(format="A4", unit="mm", enforce_compliance=COMPLIANCE)
        self._printed_line = f"Afgedrukt op {format_date_nl(printed_on)}"
        folder = _font_dir()
        self.add_font(FONT, "", folder / "DejaVuSans.ttf")
        self.add_font(FONT, "B", folder / "DejaVuSans-Bold.ttf")
        # Both faces must have a character: names are bold in headers, regular in text.
        self.chars = frozenset(self.fonts[FONT].cmap.keys() & self.fonts[FONT + "B"].cmap.keys())
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        self.alias_nb_pages(PAGES_ALIAS)
        self.set_title(REPORT_TITLE)
        self.set_creator(content.APP_TITLE)
        self.set_lang("nl")

    def footer(self) -> None:
        self.set_y(-MARGIN_BOTTOM + 8)
        self.set_draw_color(RULE_GREY)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)
        self.set_font(FONT, "", SMALL_PT)
        self.set_text_color(TEXT_GREY)
        # Left-aligned at a fixed spot: the unused room for digits stays invisible.
        self.cell(self.epw - PAGE_NUMBER_W, 4, content.WOO_LINE)
        self.cell(
            PAGE_NUMBER_W,
            4,
            f"pagina {self.page_no()} van {PAGES_ALIAS}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.cell(self.epw - PAGE_NUMBER_W, 4, self._printed_line)
        self.set_text_color(0)

    # Small drawing helpers: every user text goes through `clean()`.

    def clean(self, value: str) -> str:
        return _printable(value, self.chars) if value else ""

    def cell_text(self, value: str) -> str:
        return _BREAK_AFTER.sub(r"\1" + ZERO_WIDTH_SPACE, self.clean(value))

    def room_left(self) -> float:
        return self.h - self.b_margin - self.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fits, so headings stay with text."""
        if self.room_left() < height:
            self.add_page()

    def paragraph(self, value: str, size: float = BODY_PT, style: str = "") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(
            0,
            BODY_LH * size / BODY_PT,
            value,
            align="L",
            wrapmode=WrapMode.WORD,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def rule(self, gap: float = 1.5) -> None:
        self.ln(gap)
        self.set_draw_color(RULE_GREY)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(gap + 1)

    def note(self, value: str) -> None:
        if not value:
            return
        self.set_text_color(TEXT_GREY)
        self.paragraph(value, SMALL_PT + 1)
        self.set_text_color(0)


def _header(pdf: _ReportPdf, report: Report) -> None:
    pdf.set_text_color(TEXT_GREY)
    pdf.paragraph(report.approach, SMALL_PT + 1)
    pdf.set_text_color(0)
    pdf.ln(1)
    pdf.paragraph(report.heading, 20, "B")
    if report.title:
        pdf.ln(1.5)
        pdf.paragraph(pdf.clean(report.title), 13)
    pdf.rule(2.5)
    label_w = 48.0
    for fact in report.facts:
        pdf.set_font(FONT, "B", LABEL_PT)
        y = pdf.get_y()
        pdf.cell(label_w, BODY_LH, fact.label)
        pdf.set_xy(pdf.l_margin + label_w, y)
        pdf.set_font(FONT, "", BODY_PT)
        pdf.multi_cell(
            0,
            BODY_LH,
            pdf.clean(fact.text) or EMPTY,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(0.8)
    pdf.ln(1.5)
    pdf.note(report.woo_note)


def _section_heading(pdf: _ReportPdf, heading: str) -> None:
    pdf.ln(7)
    pdf.keep(32)  # the heading, its rule and the first question with two lines
    pdf.paragraph(heading, STEP_PT, "B")
    pdf.rule(1)


def _answer(pdf: _ReportPdf, answer: Answer) -> None:
    pdf.keep(14)
    pdf.paragraph(answer.label, LABEL_PT, "B")
    pdf.ln(0.6)
    pdf.paragraph(pdf.clean(answer.text) or EMPTY)
    pdf.ln(3.5)


def _table_widths(pdf: _ReportPdf, n_columns: int) -> tuple[float, ...]:
    first = 30.0
    rest = (pdf.epw - first) / n_columns
    return (first, *([rest] * n_columns))


def _rows_fit(pdf: _ReportPdf, cells: list[list[str]]) -> bool:
    """True when every table row stays well under a page (see MAX_ROW_SHARE)."""
    if any(len(text) > MAX_CELL_CHARS for row in cells for text in row):
        return False
    widths = _table_widths(pdf, len(cells[0]))[1:]
    limit = (pdf.h - pdf.t_margin - pdf.b_margin) * MAX_ROW_SHARE
    pdf.set_font(FONT, "", TABLE_PT)
    for row in cells:
        for width, text in zip(widths, row, strict=True):
            lines = pdf.multi_cell(
                width - 2 * TABLE_PAD,
                TABLE_LH,
                text,
                dry_run=True,
                output=MethodReturnValue.LINES,
                wrapmode=WrapMode.WORD,
            )
            if len(lines) * TABLE_LH + 2 * TABLE_PAD > limit:
                return False
    return True


def _grid_table(pdf: _ReportPdf, grid: Grid, titles: list[str], cells: list[list[str]]) -> None:
    pdf.set_font(FONT, "", TABLE_PT)
    pdf.set_draw_color(RULE_GREY)
    pdf.set_line_width(0.2)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL, size_pt=TABLE_PT)
    row_head = FontFace(emphasis="BOLD", fill_color=ROW_HEAD_FILL, size_pt=TABLE_PT)
    with pdf.table(
        col_widths=_table_widths(pdf, len(titles)),
        width=pdf.epw,
        align="LEFT",
        text_align="LEFT",
        v_align="TOP",
        line_height=TABLE_LH,
        padding=TABLE_PAD,
        headings_style=head,
        first_row_as_headings=True,
        repeat_headings=1,
        wrapmode=WrapMode.WORD,
    ) as table:
        row = table.row()
        row.cell(grid.heading)
        for title in titles:
            row.cell(title)
        for label, texts in zip(grid.row_labels, cells, strict=True):
            row = table.row()
            row.cell(label, style=row_head)
            for text in texts:
                row.cell(text or EMPTY)
    pdf.ln(2)


def _grid_blocks(pdf: _ReportPdf, grid: Grid, titles: list[str], cells: list[list[str]]) -> None:
    for i, title in enumerate(titles):
        pdf.keep(26)
        # A grey band like the table's header row marks where each block begins.
        pdf.set_font(FONT, "B", BODY_PT)
        pdf.set_fill_color(*HEAD_FILL)
        pdf.multi_cell(
            0,
            BODY_LH,
            title,
            fill=True,
            padding=(1.2, TABLE_PAD),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(2)
        for label, row in zip(grid.row_labels, cells, strict=True):
            _answer(pdf, Answer(label, row[i]))
        pdf.ln(1.5)


def _grid(pdf: _ReportPdf, grid: Grid) -> None:
    rows = range(len(grid.row_labels))

    def prepare(clean: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
        # cells[row][column]: the table's own orientation
        titles = [clean(c.title) for c in grid.columns]
        return titles, [[clean(c.cells[r]) for c in grid.columns] for r in rows]

    if 0 < len(grid.columns) <= MAX_TABLE_COLUMNS:
        titles, cells = prepare(pdf.cell_text)
        if _rows_fit(pdf, cells):
            pdf.keep(30)  # the header row and the first row, roughly
            _grid_table(pdf, grid, titles, cells)
            pdf.note(grid.note)
            pdf.ln(3.5)
            return
    # No table: the top-left cell's heading introduces a block per player or option.
    pdf.keep(20)
    pdf.paragraph(grid.heading, LABEL_PT, "B")
    pdf.ln(1.2)
    if not grid.columns:
        pdf.paragraph(EMPTY)
        pdf.ln(3.5)
        return
    _grid_blocks(pdf, grid, *prepare(pdf.clean))
    pdf.note(grid.note)
    pdf.ln(3.5)


def render_pdf(
    ws: Worksheet, options: ExportOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """The worksheet as a PDF report; names and preparation only when `options` say so."""
    report = build_report(ws, options or ExportOptions())
    pdf = _ReportPdf(printed_on or date.today())
    pdf.add_page()
    _header(pdf, report)
    for section in report.sections:
        _section_heading(pdf, section.heading)
        if section.intro:
            pdf.note(section.intro)
            pdf.ln(3)
        for block in section.blocks:
            if isinstance(block, Grid):
                _grid(pdf, block)
            else:
                _answer(pdf, block)
    return bytes(pdf.output())
