"""Hints for the shared question: gentle, and right on Dutch edge cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkblad.hints import (
    HINT_MODAL_VERB,
    HINT_NO_COMMA,
    HINT_NOT_HOE,
    HINT_QUESTION_MARK,
    MAX_WORDS,
    count_words,
    shared_question_hints,
)


def is_length_hint(hint: str) -> bool:
    return hint.startswith("Kan de vraag korter?")


@pytest.mark.parametrize("text", ["", " ", "\n\t  "])
def test_blank_text_gives_no_hints(text):
    assert shared_question_hints(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kunnen we het rapport nu openbaar maken?",
        "Mogen we de namen van de adviseurs noemen?",
        "Moet de gemeente de brief actief openbaar maken?",
        "Durven we de cijfers te delen voor de verkiezingen?",
        "Wil de minister het advies voor de zomer delen?",
        "Kunnen we dit delen?   ",
        "Kunnen we dit delen?\n",
    ],
)
def test_good_questions_pass_every_rule(text):
    assert shared_question_hints(text) == []


def test_fifteen_words_pass_sixteen_do_not():
    fifteen = "Kunnen we " + " ".join(["x"] * 12) + " delen?"
    sixteen = "Kunnen we " + " ".join(["x"] * 13) + " delen?"
    assert count_words(fifteen) == MAX_WORDS
    assert shared_question_hints(fifteen) == []
    hints = shared_question_hints(sixteen)
    assert len(hints) == 1 and is_length_hint(hints[0])
    assert "Nu 16 woorden" in hints[0]
    assert "hoogstens 15" in hints[0]


def test_length_hint_names_the_number_of_words():
    text = "Kunnen we " + " ".join(["woord"] * 16) + "?"
    assert "Nu 18 woorden" in shared_question_hints(text)[0]


def test_loose_punctuation_is_no_word():
    assert count_words("Kunnen we dit delen ?") == 4
    assert count_words("Mogen we - of niet - dit delen ?") == 6
    assert count_words("Woo-verzoek") == 1


def test_comma():
    text = "Kunnen we het rapport delen, ook als de partner dat niet wil?"
    assert shared_question_hints(text) == [HINT_NO_COMMA]


@pytest.mark.parametrize(
    "text",
    [
        "Hoe kunnen we dit rapport delen?",
        "hoe kunnen we dit rapport delen?",
        "HOE kunnen we dit rapport delen?",
        "  Hoe kunnen we dit rapport delen?",
        "'Hoe' kunnen we dit rapport delen?",
        "Hoe, kunnen we dit delen?",
    ],
)
def test_starting_with_hoe(text):
    assert HINT_NOT_HOE in shared_question_hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoewel het spannend is, kunnen we dit delen?",
        "Hoeveel mogen we delen?",
        "Kunnen we uitleggen hoe we dit delen?",
    ],
)
def test_hoe_inside_a_word_or_later_in_the_question_is_fine(text):
    assert HINT_NOT_HOE not in shared_question_hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kan het rapport openbaar?",
        "Kun je dit delen?",
        "Kunt u dit delen?",
        "Konden we dit eerder delen?",
        "Wilt u dit delen?",
        "Wou de wethouder dit delen?",
        "Wilde de wethouder dit delen?",
        "Moest dit al openbaar?",
        "Durf jij dit te delen?",
        "Durft de afdeling dit te delen?",
        "Durfde de afdeling dit te delen?",
        "Mag dit openbaar?",
        "Mocht dit openbaar?",
        "KUNNEN WE DIT DELEN?",
        "Delen we dit, of mogen we dat niet?",
    ],
)
def test_any_form_of_the_five_verbs_counts(text):
    assert HINT_MODAL_VERB not in shared_question_hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Delen we het rapport?",
        "Is openbaarmaking verstandig?",
        # Whole words only: these contain a verb form inside another word.
        "Is de kandidaat bekend?",
        "Wordt de wildernis openbaar?",
        "Is de magistraat akkoord?",
        "Is de moeder bekend?",
    ],
)
def test_missing_verb(text):
    assert HINT_MODAL_VERB in shared_question_hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunnen we het rapport delen?",
        "Kunnen we het rapport delen?  ",
        "Kunnen we het rapport delen?!",
        "Kunnen we het rapport delen ?",
        "(Kunnen we het rapport delen?)",
        "„Kunnen we het rapport delen?”",
    ],
)
def test_ends_with_question_mark(text):
    assert HINT_QUESTION_MARK not in shared_question_hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunnen we het rapport delen",
        "Kunnen we het rapport delen.",
        "Kunnen we het rapport delen!",
        "Kunnen we? Het rapport delen",
    ],
)
def test_missing_question_mark(text):
    assert shared_question_hints(text) == [HINT_QUESTION_MARK]


def test_all_hints_at_once_in_a_fixed_order():
    text = "Hoe gaan we, met alle partners en de pers, om met dit lastige rapport over de haven"
    hints = shared_question_hints(text)
    assert len(hints) == 5
    assert is_length_hint(hints[0])
    assert hints[1:] == [HINT_NO_COMMA, HINT_NOT_HOE, HINT_MODAL_VERB, HINT_QUESTION_MARK]


def test_hints_are_questions():
    text = "Hoe gaan we, met alle partners en de pers, om met dit lastige rapport over de haven"
    for hint in shared_question_hints(text):
        first_sentence = hint.split("? ")[0] + "?"
        assert "." not in first_sentence, hint


@given(st.text(max_size=300))
def test_never_fails_and_never_repeats(text):
    hints = shared_question_hints(text)
    assert len(hints) == len(set(hints)) <= 5
    if not text.strip():
        assert hints == []
