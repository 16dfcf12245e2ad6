"""The closing step's export: what goes in, a check for personal data, PDF and plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from werkblad.model import Worksheet
from werkblad.pdf import render_pdf
from werkblad.personal_data import find_personal_data
from werkblad.summary import (
    EMPTY,
    Answer,
    ExportOptions,
    Report,
    build_report,
    export_filename,
    plain_text,
)
from werkblad.ui import fields, files, fold, paper, state
from werkblad.ui.state import ws
from werkblad.ui.style import share_mode


def choose_options() -> ExportOptions:
    """The owner decides: names and the private preparation are out unless ticked."""
    names = fields.session_checkbox("Namen van de deelnemers in het verslag", "export_names")
    preparation = fields.session_checkbox(
        "Mijn voorbereiding (wil, durf, kan, mag) in het verslag",
        "export_preparation",
        help="Alleen als de dilemma-eigenaar dat goed vindt.",
    )
    return ExportOptions(include_names=names, include_preparation=preparation)


def _answers(report: Report):
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Answer):
                yield section.heading, block.label, block.text
            else:
                for number, column in enumerate(block.columns, start=1):
                    # Only our own words go into this Markdown message, not the names.
                    yield section.heading, f"{block.heading}, kolom {number}", column.title
                    for answer in block.as_answers(column):
                        yield section.heading, f"{answer.label}, kolom {number}", answer.text
    yield "", "Aanwezig", report.facts[1].text


def personal_data_check(report: Report) -> None:
    """Before export: where the report seems to hold an e-mail address, phone number or BSN."""
    found = [
        (heading, label, kinds)
        for heading, label, text in _answers(report)
        if (kinds := find_personal_data(text))
    ]
    if not found:
        st.success(
            "Geen e-mailadressen, telefoonnummers of BSN's gevonden.", icon=":material/check:"
        )
        return
    lines = [
        f"- {heading + ' › ' if heading else ''}{label}: {', '.join(kinds)}"
        for heading, label, kinds in found
    ]
    st.warning(
        "Het verslag bevat misschien gegevens over personen. Kijk of ze nodig zijn:\n"
        + "\n".join(lines),
        icon=":material/privacy_tip:",
    )


def overview(report: Report) -> None:
    """The whole worksheet as the PDF will hold it. User text goes through st.text only."""
    st.caption(report.approach)
    st.markdown(f"#### {report.heading}")
    if report.title:
        st.text(report.title)
    for fact in report.facts:
        st.markdown(f"**{fact.label}**")
        st.text(fact.text or EMPTY)
    for section in report.sections:
        st.markdown(f"##### {section.heading}")
        if section.intro:
            st.caption(section.intro)
        for block in section.blocks:
            if isinstance(block, Answer):
                st.markdown(f"**{block.label}**")
                st.text(block.text or EMPTY)
                continue
            paper.grid(block)


def _pdf(options: ExportOptions) -> Callable[[Worksheet], bytes]:
    def build(worksheet: Worksheet) -> bytes:
        try:
            return render_pdf(worksheet, options)
        except Exception as error:
            # Streamlit logs a failing download with its traceback: keep user text out.
            raise RuntimeError(f"verslag niet gemaakt: {type(error).__name__}") from None

    return build


def pdf_download(options: ExportOptions) -> None:
    # Built on the click only (the button spins meanwhile), from the text as it is then.
    st.download_button(
        "Verslag downloaden (pdf)",
        data=state.at_click(_pdf(options)),
        file_name=export_filename("pdf", ws().meeting_date or dt.date.today()),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        type="primary",
        on_click="ignore",
    )


def copy_text(options: ExportOptions) -> None:
    with fold.folded("Tekst kopiëren", "fold:copy", icon=":material/content_copy:") as box:
        if not box.open:
            return
        st.caption(
            "Platte tekst om in een e-mail of notitie te plakken. "
            "Kopieer hem met het knopje rechtsboven in het vak."
        )
        st.code(plain_text(ws(), options), language=None, wrap_lines=True)


def export_section() -> None:
    st.subheader("Verslag")
    options = choose_options()
    # The preparation may go into the PDF, but never onto a shared screen.
    on_screen = ExportOptions(include_names=options.include_names) if share_mode() else options
    report = build_report(ws(), options)
    if share_mode() and options.include_preparation:
        st.caption("De voorbereiding komt in de pdf, maar staat hier niet in beeld.")
    else:
        personal_data_check(report)
    pdf_download(options)
    copy_text(on_screen)
    with fold.folded(
        "Overzicht: zo ziet het verslag eruit", "fold:overview", icon=":material/preview:"
    ) as box:
        if box.open:
            overview(report if on_screen == options else build_report(ws(), on_screen))
    if not share_mode():
        st.divider()
        st.write("Heeft de dilemma-eigenaar het verslag? Verwijder dan het werkblad van de server.")
        files.delete_button(key="delete-closing")
