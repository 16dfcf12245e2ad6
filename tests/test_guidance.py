"""The guidance copy: complete for every step, and nothing left empty."""

from __future__ import annotations

import dataclasses

from werkblad import guidance
from werkblad.content import PREPARATION_FIELDS, STEPS
from werkblad.guidance import STEP_GUIDANCE, StepGuidance


def test_every_step_has_guidance_and_nothing_else():
    assert set(STEP_GUIDANCE) == {step.slug for step in STEPS}


def test_each_step_has_an_aim_two_to_four_questions_and_a_tip():
    for slug, g in STEP_GUIDANCE.items():
        assert isinstance(g, StepGuidance), slug
        assert g.aim.strip(), slug
        assert 2 <= len(g.questions) <= 4, slug
        assert all(q.strip() for q in g.questions), slug
        assert all(q.rstrip().endswith("?") for q in g.questions), slug
        assert g.tip.strip(), slug


def test_guidance_is_frozen():
    g = STEP_GUIDANCE["kennismaken"]
    try:
        g.tip = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:  # pragma: no cover
        raise AssertionError("StepGuidance should be frozen")


def test_opening_agreements_mention_woo_and_recording():
    agreements = guidance.OPENING_AGREEMENTS
    assert 4 <= len(agreements) <= 6
    assert all(a.strip() for a in agreements)
    text = " ".join(agreements)
    assert "Wet open overheid (Woo)" in text
    assert "Woo-verzoek" in text
    assert "opnemen" in text.lower()
    assert "samenvatting" in text


def test_woo_is_spelled_out_where_first_used():
    for text in (guidance.WOO_NOTICE, guidance.OPENING_AGREEMENTS[1]):
        assert text.index("Wet open overheid (Woo)") <= text.index("Woo-verzoek")


def test_preparation_help_covers_every_preparation_field():
    assert set(guidance.PREPARATION_QUESTIONS_HELP) == {f.path for f in PREPARATION_FIELDS}
    for path, help_text in guidance.PREPARATION_QUESTIONS_HELP.items():
        assert help_text.strip(), path
        assert "\n" not in help_text, path


def test_single_texts_are_filled_in():
    for name in (
        "PREPARATION_INTRO",
        "FIT_FOR_CONVERSATION",
        "WHOM_TO_INVITE",
        "HANDOVER_HELP",
        "START_INTRO",
        "WOO_NOTICE",
        "NOT_FOR_CLASSIFIED",
    ):
        value = getattr(guidance, name)
        assert isinstance(value, str), name
        assert value.strip(), name
        assert value == value.strip(), name
        assert "  " not in value, name


def test_key_messages():
    assert "gerubriceerde" in guidance.NOT_FOR_CLASSIFIED
    assert guidance.NOT_FOR_CLASSIFIED.count(".") == 1
    assert "Woo-verzoek" in guidance.WOO_NOTICE
    assert "pdf" in guidance.START_INTRO
    for step in STEPS:
        assert step.title in guidance.START_INTRO
    assert "gedeelde scherm" in guidance.HANDOVER_HELP
    assert "Link maken voor de gespreksleider" in guidance.HANDOVER_HELP
    assert "Werkbestand opslaan" in guidance.HANDOVER_HELP


def test_texts_are_written_in_short_sentences():
    # B1: no sentence in the copy should run on and on.
    texts = [
        guidance.START_INTRO,
        guidance.WOO_NOTICE,
        guidance.PREPARATION_INTRO,
        guidance.FIT_FOR_CONVERSATION,
        guidance.WHOM_TO_INVITE,
        guidance.HANDOVER_HELP,
        *guidance.OPENING_AGREEMENTS,
        *guidance.PREPARATION_QUESTIONS_HELP.values(),
    ]
    for g in STEP_GUIDANCE.values():
        texts += [g.aim, g.tip, *g.questions]
    for text in texts:
        for sentence in text.replace("?", ".").replace(":", ".").split("."):
            assert len(sentence.split()) <= 25, sentence
