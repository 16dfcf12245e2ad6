"""Render time and peak memory of the summary PDF.

Run from the project folder:  .venv/bin/python bench/pdf.py
Aims on the development machine: sample < 150 ms, large worksheet < 2.5 s (median).
Memory is measured in separate runs, because tracemalloc slows rendering down.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkblad.model import (  # noqa: E402
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
from werkblad.pdf import render_pdf  # noqa: E402
from werkblad.summary import ExportOptions  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared/samples/voorbeeld-onderzoeksrapport.json"
SENTENCES = (
    "De gemeenten willen het rapport eerst bespreken in het bestuurlijk overleg.",
    "Wij vinden openbaarheid belangrijk, maar ook een goede relatie met onze partners.",
    "Er ligt een Woo-verzoek van een journalist; de termijn loopt over twee weken af.",
    "De bewindspersoon wil geen onrust vlak voor het debat in de Tweede Kamer.",
    "Kosten: ongeveer € 12.000 voor extra communicatie, zegt Şahin van Financiën.",
)


def filler(chars: int, seed: int) -> str:
    words: list[str] = []
    i = seed
    while sum(len(w) + 1 for w in words) < chars:
        words.append(SENTENCES[i % len(SENTENCES)])
        i += 1
        if i % 6 == 0:
            words.append("\n")
    return " ".join(words)[:chars]


def large_worksheet(players: int = 15, options: int = 10, total: int = 200_000) -> Worksheet:
    fields = players * 3 + options * 2 + 13  # every text field of the worksheet
    n = total // fields
    return Worksheet(
        title="Onderzoeksrapport jeugdzorg: nu openbaar of na het bestuurlijk overleg?",
        meeting_date=date(2026, 12, 10),
        participants=[Participant(role="dilemma_owner"), Participant(role="facilitator")]
        + [Participant(role="participant") for _ in range(4)],
        preparation=Preparation(
            want=filler(n, 1), dare=filler(n, 2), can=filler(n, 3), may=filler(n, 4)
        ),
        introduction=Introduction(dilemma=filler(n, 5), why_now=filler(n, 6)),
        exploration=Exploration(
            players=[
                Player(
                    name=f"Speler {i + 1}",
                    positions_emotions=filler(n, i),
                    interests_values=filler(n, i + 1),
                    rights_preferences=filler(n, i + 2),
                )
                for i in range(players)
            ],
            shared_question=filler(n, 7),
        ),
        weighing=Weighing(
            options=[
                Option(name=f"Optie {i + 1}", pros=filler(n, i), cons=filler(n, i + 3))
                for i in range(options)
            ],
            conclusion=filler(n, 8),
        ),
        choice=Choice(decision=filler(n, 9), needs=filler(n, 10), next_steps=filler(n, 11)),
        closing=Closing(satisfied=filler(n, 12), summary=filler(n, 13)),
    )


def text_size(ws: Worksheet) -> int:
    def walk(value: object) -> int:
        if isinstance(value, str):
            return len(value)
        if isinstance(value, list):
            return sum(walk(v) for v in value)
        if isinstance(value, BaseModel):
            return sum(walk(v) for _, v in value)
        return 0

    return walk(ws)


def median_seconds(ws: Worksheet, options: ExportOptions, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_pdf(ws, options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(ws: Worksheet, options: ExportOptions) -> float:
    tracemalloc.start()
    render_pdf(ws, options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    everything = ExportOptions(include_names=True, include_preparation=True)
    cases = [
        ("voorbeeld", Worksheet.model_validate_json(SAMPLE.read_bytes()), 15),
        ("groot (15 spelers, 10 opties)", large_worksheet(), 5),
    ]
    render_pdf(cases[0][1], everything)  # fonts are read once per process; not timed
    for name, ws, runs in cases:
        seconds = median_seconds(ws, everything, runs)
        print(f"{name}: {text_size(ws):,} tekens, mediaan {seconds * 1000:.0f} ms over {runs} keer")
    for name, ws, _ in cases:
        print(f"{name}: piekgeheugen {peak_mib(ws, everything):.1f} MiB")


if __name__ == "__main__":
    main()
