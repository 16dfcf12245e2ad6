import json
from pathlib import Path

import pytest

from werkblad.model import Worksheet

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "voorbeeld-onderzoeksrapport.json"


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def sample() -> Worksheet:
    return Worksheet.model_validate(json.loads(SAMPLE.read_text(encoding="utf-8")))
