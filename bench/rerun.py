"""Rerun time of every page with the sample worksheet loaded, beside a one-line app.

Run from the project folder:  .venv/bin/python bench/rerun.py [--runs N] [--profile PAGE]
Each page is opened through a link with the sample's draft id (as the hand-over link
does), then rerun N times without changes; the median is compared with the median
rerun of an app that only does st.write("hi"), measured the same way in the same
process, so AppTest's own cost is in both. Aim: every page within 5x (stretch 3x).

AppTest resets Streamlit's multipage mode before every run, which makes every run of
this app (it has a pages/ folder) start with the page file alone and rerun through
app.py; a server does that once, after its start. The bench measures what a server
does; --as-apptest measures AppTest's default instead.
--profile PAGE prints the 25 most expensive functions (cumulative) of that page's reruns.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test  # noqa: E402

from werkblad.storage import DATA_DIR_ENV, DB_FILE_NAME, DraftStore, load_worksheet  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "voorbeeld-onderzoeksrapport.json"
PAGES = ("start", "gesprek", "voorbereiden", "kennismaken", "verkennen", "afwegen", "kiezen")
PAGES += ("afronden",)
AIM, STRETCH = 5.0, 3.0


class ServerPagesManager(PagesManager):
    """Keep st.navigation's choice between runs, as a running server does."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


def rerun(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"exception: {at.exception[0].value}")
    return elapsed


def profile(at: AppTest, runs: int) -> None:
    """Profile the script thread (where the app runs), not the waiting test thread."""
    for _ in range(3):
        rerun(at)
    profiler = cProfile.Profile()
    original = ScriptRunner._run_script

    def profiled(self, rerun_data):
        profiler.enable()
        try:
            return original(self, rerun_data)
        finally:
            profiler.disable()

    ScriptRunner._run_script = profiled
    try:
        for _ in range(runs):
            rerun(at)
    finally:
        ScriptRunner._run_script = original
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def hi_app(folder: Path) -> AppTest:
    script = folder / "hi.py"
    script.write_text('import streamlit as st\n\nst.write("hi")\n', encoding="utf-8")
    return AppTest.from_file(str(script), default_timeout=30).run()


def page_app(slug: str, draft_id: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["id"] = draft_id
    if slug != "start":
        at.switch_page(f"pages/{slug}.py")
    at.run()
    assert at.session_state["worksheet_id"] == draft_id, "the sample was not loaded"
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="reruns per page (default 25)")
    parser.add_argument("--profile", choices=PAGES, help="profile this page's reruns")
    parser.add_argument("--as-apptest", action="store_true", help="AppTest's default mode")
    args = parser.parse_args()

    if not args.as_apptest:
        app_test.PagesManager = ServerPagesManager
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ[DATA_DIR_ENV] = str(folder)
        sample = load_worksheet(SAMPLE.read_bytes())
        draft_id = DraftStore(folder / DB_FILE_NAME).create(sample).id

        apps = {"hi app": hi_app(folder)}
        if args.profile:
            profile(page_app(args.profile, draft_id), args.runs)
            return
        apps.update((slug, page_app(slug, draft_id)) for slug in PAGES)
        times: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(3):  # warm up: imports, caches
            for at in apps.values():
                rerun(at)
        # Round robin, so a busy moment on the machine hits every page alike.
        for _ in range(args.runs):
            for name, at in apps.items():
                times[name].append(rerun(at))
        medians = {name: statistics.median(values) for name, values in times.items()}
        base = medians.pop("hi app")
        rows = list(medians.items())

    mode = "AppTest default" if args.as_apptest else "as on a running server"
    print(f"Median rerun over {args.runs} runs, sample worksheet loaded ({mode})")
    print(f"{'page':<14}{'median ms':>11}{'ratio':>8}")
    print(f"{'hi app':<14}{base * 1000:>11.1f}{1:>8.1f}")
    worst = 0.0
    for slug, median in rows:
        ratio = median / base
        worst = max(worst, ratio)
        flag = "" if ratio <= STRETCH else ("  (over 3x)" if ratio <= AIM else "  (over 5x)")
        print(f"{slug:<14}{median * 1000:>11.1f}{ratio:>8.1f}{flag}")
    print(f"worst ratio {worst:.1f} (aim {AIM:g}x, stretch {STRETCH:g}x)")


if __name__ == "__main__":
    main()
