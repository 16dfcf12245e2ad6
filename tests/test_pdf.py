"""The summary PDF: complete, private by default, and unbreakable by what people type."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkblad import content
from werkblad.model import (
    MAX_NAME,
    MAX_TEXT,
    Choice,
    Closing,
    Exploration,
    Introduction,
    Option,
    Participant,
    Player,
    Preparation,
    Weighing,
    Worksheet,
)
from werkblad.pdf import render_pdf
from werkblad.summary import PREPARATION_HEADING, REPORT_TITLE, ExportOptions

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("Sanne de Vries", "Ahmed El Amrani", "Joost Bakker", "Marieke Verhoeven")
PRINTED = date(2026, 12, 11)
URL = "https://example.org/" + "x" * 380
EVERYTHING = ExportOptions(include_names=True, include_preparation=True)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def body(pages: list[str]) -> str:
    """All pages as one text without the footers, so a text over a page break is whole."""
    footer = re.compile(
        re.escape(content.WOO_LINE) + r"\s*pagina \d+ van \d+\s*Afgedrukt op [^\n]*$"
    )
    stripped = [footer.sub("", page.rstrip()) for page in pages]
    assert all(len(a) < len(b) for a, b in zip(stripped, pages, strict=True)), "footer missing"
    return "\n".join(stripped)


def squash(text: str) -> str:
    # Line wrapping adds newlines, table cells add zero-width break hints.
    return re.sub(r"[\s\u200b]+", "", text)


def user_texts(ws: Worksheet, with_preparation: bool = True) -> list[str]:
    texts = [ws.title]
    for step in content.STEPS:
        texts += [_get(ws, f.path) for f in step.fields]
    for p in ws.exploration.players:
        texts += [p.name, p.positions_emotions, p.interests_values, p.rights_preferences]
    for o in ws.weighing.options:
        texts += [o.name, o.pros, o.cons]
    if with_preparation:
        texts += [_get(ws, f.path) for f in content.PREPARATION_FIELDS]
    return [t for t in texts if t]


def _get(ws: Worksheet, path: str) -> str:
    obj: object = ws
    for part in path.split("."):
        obj = getattr(obj, part)
    assert isinstance(obj, str)
    return obj


def prose(n: int, seed: int = 0) -> str:
    words = ("overleg", "Woo-verzoek", "gemeenten", "vertrouwen", "Şahin", "€")
    words += ("“relatie”", "Ελληνικά", "Кириллица", "ë")
    out = " ".join(words[(seed + i * 3) % len(words)] + str(i) for i in range(n // 8 + 1))
    return out[:n]


# The sample


@pytest.fixture(scope="module")
def sample_ws() -> Worksheet:
    path = ROOT.parent / "shared" / "samples" / "voorbeeld-onderzoeksrapport.json"
    return Worksheet.model_validate_json(path.read_bytes())


@pytest.fixture(scope="module")
def sample_full(sample_ws: Worksheet) -> bytes:
    return render_pdf(sample_ws, EVERYTHING, printed_on=PRINTED)


@pytest.fixture(scope="module")
def sample_default(sample_ws: Worksheet) -> bytes:
    return render_pdf(sample_ws, printed_on=PRINTED)


def test_sample_has_every_field(sample_ws: Worksheet, sample_full: bytes) -> None:
    text = squash(body(pages_text(sample_full)))
    for piece in user_texts(sample_ws):
        assert squash(piece) in text, piece
    for name in NAMES:
        assert squash(name) in text
    assert squash("donderdag 10 december 2026") in text


def test_sample_has_worksheet_wording(sample_full: bytes) -> None:
    text = squash(body(pages_text(sample_full)))
    for piece in (
        content.APPROACH,
        REPORT_TITLE,
        content.PLAYERS_TABLE_HEADING,
        content.OPTIONS_TABLE_HEADING,
        content.PLAYERS_DISCLAIMER,
        *(step.heading for step in content.STEPS),
        *(f.label for step in content.STEPS for f in step.fields),
        *(label for attr, label in content.PLAYER_COLUMNS.items() if attr != "name"),
        *(label for attr, label in content.OPTION_COLUMNS.items() if attr != "name"),
    ):
        assert squash(piece) in text, piece
    # Woo spelled out once; the footer line on every page.
    assert text.count(squash("Wet open overheid (Woo)")) == 1


def test_sample_headings_in_order(sample_full: bytes) -> None:
    text = "".join(pages_text(sample_full))
    marks = [s.heading for s in content.STEPS] + [PREPARATION_HEADING]
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)


def test_names_only_when_chosen(sample_default: bytes) -> None:
    text = squash(body(pages_text(sample_default)))
    for name in NAMES:
        assert squash(name) not in text
    assert squash("dilemma-eigenaar, gespreksleider, 2 deelnemers") in text


def test_preparation_only_when_chosen(sample_ws: Worksheet, sample_default: bytes) -> None:
    text = squash(body(pages_text(sample_default)))
    assert squash(PREPARATION_HEADING) not in text
    for field in content.PREPARATION_FIELDS:
        assert squash(field.label) not in text
        assert squash(_get(sample_ws, field.path)) not in text
    # ...and everything else is still there.
    for piece in user_texts(sample_ws, with_preparation=False):
        assert squash(piece) in text


def test_footer_on_every_page(sample_full: bytes) -> None:
    pages = pages_text(sample_full)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"pagina {number} van {len(pages)}" in flat
        assert content.WOO_LINE in flat
        assert "Afgedrukt op vrijdag 11 december 2026" in flat


def test_metadata(sample_full: bytes, sample_ws: Worksheet) -> None:
    reader = pypdf.PdfReader(io.BytesIO(sample_full))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    xmp = reader.xmp_metadata
    assert xmp is not None
    # A generic title: a viewer's title bar on a shared screen must not tell the topic.
    assert xmp.dc_title == {"x-default": REPORT_TITLE}
    assert xmp.xmp_creator_tool == content.APP_TITLE
    raw = xmp.stream.get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in raw
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in raw
    assert sample_ws.title not in raw
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_fonts_embedded(sample_full: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(sample_full))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0"  # embedded TrueType, never a core font
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()


def test_fonts_found_without_importing_matplotlib() -> None:
    code = (
        "import sys; from werkblad.model import Worksheet; from werkblad.pdf import render_pdf;"
        "assert render_pdf(Worksheet()).startswith(b'%PDF');"
        "assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# Tables and blocks


def test_few_short_players_make_a_table() -> None:
    ws = Worksheet(
        exploration=Exploration(
            players=[Player(name=f"P{i}", positions_emotions="kort") for i in range(4)]
        )
    )
    text = "".join(pages_text(render_pdf(ws)))
    # One table: each row heading once.
    assert " ".join(text.split()).count("Standpunten en emoties") == 1


def test_many_or_long_players_make_blocks() -> None:
    many = Worksheet(
        exploration=Exploration(
            players=[Player(name=f"P{i}", positions_emotions="kort") for i in range(5)]
        )
    )
    long = Worksheet(
        exploration=Exploration(
            players=[Player(name="A", positions_emotions=prose(3000)), Player(name="B")]
        )
    )
    for ws, n in ((many, 5), (long, 2)):
        flat = " ".join("".join(pages_text(render_pdf(ws))).split())
        assert flat.count("Standpunten en emoties") == n
        assert content.PLAYERS_DISCLAIMER in flat


# Hostile input

HOSTILE = [
    "NUL\x00 en verticale\vtab",
    "emoji 😀👍🏽👨‍👩‍👧 en vlag 🇳🇱",
    "CJK 王小明 日本語 한국어",
    "RTL שלום עולם مرحبا بالعالم \u202eomgekeerd\u202c",
    URL,
    "<b>html</b> <script>alert(1)</script>",
    "**md** __onderstreept__ # kop",
    "{nb} {nb} pagina's",
    "Şahin, Łukasz, Ελληνικά, Кириллица, ‘aanhalingstekens’ “dubbel” – — € …",
    "\ue000 privé \U0010fffd en \ufffe",
    "combi e\u0301 a\u0308 en \u00ad zacht\u00adstreepje",
    "\t\ttabs\ten\r\nregels\r",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_everywhere(text: str) -> None:
    name = text[:MAX_NAME]
    ws = Worksheet(
        title=name,
        participants=[Participant(name=name, role="dilemma_owner")],
        introduction=Introduction(dilemma=text, why_now=text),
        exploration=Exploration(players=[Player(name=name, positions_emotions=text)]),
        weighing=Weighing(options=[Option(name=name, pros=text)]),
    )
    data = render_pdf(ws, EVERYTHING)
    assert data.startswith(b"%PDF")
    pages_text(data)  # readable by another PDF library too


def test_hostile_text_prints_literally() -> None:
    ws = Worksheet(
        title="<b>html</b> **md** {nb}",
        introduction=Introduction(dilemma="a\x00b\vc 王 😀 ok", why_now=URL),
    )
    pages = pages_text(render_pdf(ws))
    text = "".join(pages)
    assert "<b>html</b> **md** {nb}" in text  # no markup, no page-count alias
    assert "\x00" not in text and "王" not in text
    assert "\ufffd" in text  # a visible mark where the font has no glyph
    flat = squash(text)
    assert squash("ab") in flat and squash("c\ufffd😀ok") in flat
    assert squash(URL) in flat


def _page_images(data: bytes, tmp_path: Path) -> list[tuple[int, int, bytes]]:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(pdf), str(tmp_path / "p")], check=True)
    images = []
    for file in sorted(tmp_path.glob("p*.pgm")):
        raw = file.read_bytes()
        magic, width, height, maxval, pixels = raw.split(maxsplit=4)
        assert magic == b"P5" and maxval == b"255"
        images.append((int(width), int(height), pixels))
    return images


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is missing")
def test_nothing_runs_into_the_margins(tmp_path: Path) -> None:
    ws = Worksheet(
        title="W" * MAX_NAME,
        introduction=Introduction(dilemma=URL, why_now="W" * 3000),
        exploration=Exploration(
            players=[Player(name="M" * MAX_NAME, positions_emotions=URL), Player(name="B")]
        ),
        weighing=Weighing(options=[Option(name=URL[:MAX_NAME], pros="W" * 1500)]),
    )
    for width, height, pixels in _page_images(render_pdf(ws), tmp_path):
        margin = width * 15 // 210  # 15 mm of the 20 mm margins must stay blank
        for y in range(height):
            row = pixels[y * width : (y + 1) * width]
            assert min(row[:margin]) > 200, f"ink in the left margin, row {y}"
            assert min(row[width - margin :]) > 200, f"ink in the right margin, row {y}"


def test_maximal_counts_and_long_fields() -> None:
    ws = Worksheet(
        title="T" * MAX_NAME,
        participants=[Participant(name=f"Persoon {i}") for i in range(30)],
        introduction=Introduction(dilemma=prose(MAX_TEXT)),
        exploration=Exploration(
            players=[
                Player(name=f"Speler nummer {i}", positions_emotions=prose(120, i))
                for i in range(25)
            ],
        ),
        weighing=Weighing(
            options=[Option(name=f"Optie nummer {i}", pros=prose(80, i)) for i in range(15)]
        ),
        choice=Choice(decision=prose(MAX_TEXT, 3)),
    )
    pages = pages_text(render_pdf(ws, EVERYTHING))
    text = squash(body(pages))
    for piece in user_texts(ws):
        assert squash(piece) in text
    assert f"pagina {len(pages)} van {len(pages)}" in " ".join(pages[-1].split())


# Arbitrary Unicode

names = st.text(max_size=40)
texts = st.text(max_size=300)


@st.composite
def worksheets(draw: st.DrawFn) -> Worksheet:
    return Worksheet(
        title=draw(names),
        meeting_date=draw(st.none() | st.dates()),
        participants=draw(
            st.lists(
                st.builds(
                    Participant,
                    name=names,
                    role=st.sampled_from(["dilemma_owner", "facilitator", "participant"]),
                ),
                max_size=4,
            )
        ),
        preparation=Preparation(want=draw(texts), dare=draw(texts), can=draw(texts)),
        introduction=Introduction(dilemma=draw(texts), why_now=draw(texts)),
        exploration=Exploration(
            players=draw(
                st.lists(
                    st.builds(
                        Player,
                        name=names,
                        positions_emotions=texts,
                        interests_values=texts,
                        rights_preferences=texts,
                    ),
                    max_size=6,
                )
            ),
            shared_question=draw(texts),
        ),
        weighing=Weighing(
            options=draw(
                st.lists(st.builds(Option, name=names, pros=texts, cons=texts), max_size=5)
            ),
            conclusion=draw(texts),
        ),
        choice=Choice(decision=draw(texts), needs=draw(texts), next_steps=draw(texts)),
        closing=Closing(satisfied=draw(texts), summary=draw(texts)),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ws=worksheets(), names_on=st.booleans(), prep_on=st.booleans())
def test_any_unicode_renders(ws: Worksheet, names_on: bool, prep_on: bool) -> None:
    data = render_pdf(ws, ExportOptions(include_names=names_on, include_preparation=prep_on))
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
