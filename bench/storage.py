"""How fast worksheet files and drafts are: run with `python bench/storage.py`.

Prints the time to refuse a 12 MB upload, to load a valid file just under 2 MB, and the
median latency of saving and loading a draft (a realistic and a very large worksheet).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkblad.model import (  # noqa: E402
    MAX_FILE_BYTES,
    MAX_PLAYERS,
    MAX_TEXT,
    Exploration,
    Player,
    Worksheet,
)
from werkblad.storage import (  # noqa: E402
    DraftConflict,
    DraftStore,
    WorksheetFileError,
    dump_worksheet,
    load_worksheet,
)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def refuse(data: bytes) -> None:
    try:
        load_worksheet(data)
    except WorksheetFileError:
        return
    raise AssertionError("not refused")


def near_limit_worksheet() -> Worksheet:
    """A valid worksheet whose file is just under 2 MB (three-byte '€' fills the players)."""
    per_text = MAX_TEXT
    while True:
        text = "€" * per_text
        ws = Worksheet(
            exploration=Exploration(
                players=[
                    Player(positions_emotions=text, interests_values=text, rights_preferences=text)
                    for _ in range(MAX_PLAYERS)
                ]
            )
        )
        if len(dump_worksheet(ws)) <= MAX_FILE_BYTES:
            return ws
        per_text -= 100


def realistic_worksheet() -> Worksheet:
    sample = Path(__file__).resolve().parents[2] / "shared/samples/voorbeeld-onderzoeksrapport.json"
    if sample.exists():
        return load_worksheet(sample.read_bytes())
    return Worksheet(title="Voorbeeld", exploration=Exploration(players=[Player(name="A")] * 5))


def main() -> None:
    huge = b"{" + b" " * (12 * 1024 * 1024) + b"}"
    nested = b"[" * 100_000
    big = dump_worksheet(near_limit_worksheet())
    print(f"refuse 12 MB file:             {median_ms(lambda: refuse(huge), 50):8.3f} ms")
    print(f"refuse 100k '[':               {median_ms(lambda: refuse(nested), 50):8.3f} ms")
    print(
        f"load valid {len(big) / 1024 / 1024:.2f} MB file:      "
        f"{median_ms(lambda: load_worksheet(big), 20):8.3f} ms"
    )
    loaded = load_worksheet(big)
    print(f"dump that worksheet:           {median_ms(lambda: dump_worksheet(loaded), 20):8.3f} ms")

    with tempfile.TemporaryDirectory() as folder:
        store = DraftStore(Path(folder) / "drafts.sqlite3")
        for label, ws in (("realistic", realistic_worksheet()), ("near 2 MB", load_worksheet(big))):
            draft = store.create(ws)
            state = {"draft": draft}

            def save(ws: Worksheet = ws, state: dict = state) -> None:
                state["draft"] = store.save(state["draft"].id, ws, state["draft"].version)

            size = len(dump_worksheet(ws)) / 1024
            print(f"save draft ({label}, {size:.0f} KB): {median_ms(save, 100):8.3f} ms")
            print(
                f"load draft ({label}, {size:.0f} KB): "
                f"{median_ms(lambda d=draft: store.load(d.id), 100):8.3f} ms"
            )

        # Many sessions at once: 8 threads, 25 saves each, on one shared draft.
        shared = store.create(realistic_worksheet())
        latencies: list[float] = []
        lock = threading.Lock()

        def writer() -> None:
            draft = store.load(shared.id)
            for _ in range(25):
                while True:
                    start = time.perf_counter()
                    try:
                        draft = store.save(shared.id, draft.worksheet, draft.version)
                        break
                    except DraftConflict as conflict:
                        draft = conflict.current
                    finally:
                        with lock:
                            latencies.append(time.perf_counter() - start)

        threads = [threading.Thread(target=writer) for _ in range(8)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        total = time.perf_counter() - start
        print(
            f"8 threads x 25 saves, one draft: {total * 1000:8.1f} ms total, "
            f"median attempt {statistics.median(latencies) * 1000:.3f} ms, "
            f"max {max(latencies) * 1000:.1f} ms, final version {store.load(shared.id).version}"
        )


if __name__ == "__main__":
    main()
