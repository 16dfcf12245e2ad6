"""Gentle hints for the shared question ("Wat is de gedeelde vraag?").

A good shared question is short (at most 15 words), has no comma, does not start
with "Hoe", uses one of the verbs kunnen, willen, moeten, durven or mogen, and
ends with a question mark. The hints are questions to the leader; they never
block anything.
"""

from __future__ import annotations

import re

MAX_WORDS = 15

# Every form of kunnen, willen, moeten, durven and mogen a question may use.
MODAL_VERB_FORMS: frozenset[str] = frozenset(
    {
        # kunnen
        "kan", "kun", "kunt", "kunnen", "kon", "konden", "gekund",
        # willen
        "wil", "wilt", "willen", "wou", "wouden", "wilde", "wilden", "gewild",
        # moeten
        "moet", "moeten", "moest", "moesten", "gemoeten", "gemoest",
        # durven
        "durf", "durft", "durven", "durfde", "durfden", "dorst", "dorsten", "gedurfd",
        # mogen
        "mag", "mogen", "mocht", "mochten", "gemogen", "gemoogd", "moogt",
    }
)  # fmt: skip

HINT_NO_COMMA = "Staat er een komma in? Kan de vraag zonder bijzin?"
HINT_NOT_HOE = (
    "Begint de vraag met 'Hoe'? Dan gaat het gesprek vaak over de aanpak, niet over een keuze. "
    "Kan de vraag beginnen met bijvoorbeeld 'Kunnen we' of 'Moeten we'?"
)
HINT_MODAL_VERB = "Zit er een van de werkwoorden kunnen, willen, moeten, durven of mogen in?"
HINT_QUESTION_MARK = "Eindigt de vraag met een vraagteken?"

_WORD_RE = re.compile(r"\w+")
_STARTS_WITH_HOE_RE = re.compile(r"^\W*hoe(?![\w])", re.IGNORECASE)
# Closing marks that may follow the question mark: "?!", "?)", '?"'.
_TRAILING_MARKS = "!)]\"'’”»"


def count_words(text: str) -> int:
    """Words separated by white space; a lone punctuation mark is no word."""
    return sum(1 for token in text.split() if _WORD_RE.search(token))


def hint_too_long(words: int) -> str:
    return (
        f"Kan de vraag korter? Nu {words} woorden; "
        f"een goede gedeelde vraag heeft er hoogstens {MAX_WORDS}."
    )


def has_modal_verb(text: str) -> bool:
    return any(word.lower() in MODAL_VERB_FORMS for word in _WORD_RE.findall(text))


def ends_with_question_mark(text: str) -> bool:
    return text.rstrip().rstrip(_TRAILING_MARKS).rstrip().endswith("?")


def shared_question_hints(text: str) -> list[str]:
    """Hints for a shared question, in a fixed order; [] when it meets every rule."""
    if not text or not text.strip():
        return []
    hints = []
    words = count_words(text)
    if words > MAX_WORDS:
        hints.append(hint_too_long(words))
    if "," in text:
        hints.append(HINT_NO_COMMA)
    if _STARTS_WITH_HOE_RE.match(text):
        hints.append(HINT_NOT_HOE)
    if not has_modal_verb(text):
        hints.append(HINT_MODAL_VERB)
    if not ends_with_question_mark(text):
        hints.append(HINT_QUESTION_MARK)
    return hints
