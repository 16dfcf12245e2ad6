"""Spot details about persons in free text, to show a quiet reminder.

The notes of a dilemma conversation can become public after a request under the
Wet open overheid (Woo). This module looks for the kinds of personal data that
are easy to recognise (e-mail addresses, phone numbers and citizen service
numbers) so the app can ask the user to leave them out. It never blocks input
and never changes the text; it only reports which kinds it saw.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import phonenumbers
from stdnum.nl import bsn as stdnum_bsn

EMAIL = "e-mailadres"
PHONE = "telefoonnummer"
BSN = "BSN"
KINDS: tuple[str, ...] = (EMAIL, PHONE, BSN)  # the fixed order of find_personal_data

# How far (in characters) the word "BSN" may be from a 9-digit number.
BSN_CONTEXT_CHARS = 40

# The lookbehind makes each run of address characters a single start position,
# which keeps the search linear on long texts without spaces.
_EMAIL_RE = re.compile(
    r"(?<![\w.%+\-])[\w.%+\-]+@(?:[\w\-]+\.)+[^\W\d_]{2,}(?![\w\-])",
)

# Nine digits, optionally split by single spaces, dots or hyphens
# ("123456782", "123.456.782", "1234 56 782"), not part of a longer number.
_BSN_CANDIDATE_RE = re.compile(
    r"(?<!\d)(?<!\d[ .\-])\d(?:[ .\-]?\d){8}(?![ .\-]?\d)",
)
_BSN_WORD_RE = re.compile(r"\b(?:bsn|burger-?service-?nummer)", re.IGNORECASE)

# Numbers of organisations rather than persons: free (0800), paid (0900, 0906,
# 0909) and shared-cost numbers.
_SERVICE_NUMBER_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
    }
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace the given spans by spaces, keeping every other position."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _email_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text:
        return []
    return [m.span() for m in _EMAIL_RE.finditer(text)]


def _bsn_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 9-digit numbers that pass the 11-test with the word BSN close by."""
    words = [m.span() for m in _BSN_WORD_RE.finditer(text)]
    if not words:
        return []
    word_ends = [word_end for _, word_end in words]  # sorted: the matches don't overlap
    spans = []
    for match in _BSN_CANDIDATE_RE.finditer(text):
        start, end = match.span()
        # At most BSN_CONTEXT_CHARS between word and number, on either side. Take the
        # first word that ends inside the window; any later word starts even later.
        i = bisect_right(word_ends, start - BSN_CONTEXT_CHARS - 1)
        near = i < len(words) and words[i][0] <= end + BSN_CONTEXT_CHARS
        if near and stdnum_bsn.is_valid(match.group()):
            spans.append((start, end))
    return spans


def _has_phone_number(text: str) -> bool:
    matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    for match in matcher:
        if phonenumbers.number_type(match.number) not in _SERVICE_NUMBER_TYPES:
            return True
    return False


def find_personal_data(text: str) -> list[str]:
    """The kinds of personal data seen in text, as Dutch words, in the order of KINDS.

    Returns for example ["e-mailadres", "telefoonnummer"], or [] when nothing was found.
    Phone numbers are looked for with Dutch numbering as the default; case numbers,
    dates and amounts are left alone. A 9-digit number only counts as a BSN when it
    passes the 11-test and the word "BSN" or "burgerservicenummer" is close by.
    """
    if not text or not text.strip():
        return []
    found: list[str] = []
    emails = _email_spans(text)
    if emails:
        found.append(EMAIL)
    bsns = _bsn_spans(_blank(text, emails))
    # Digits inside an e-mail address or a BSN are not a phone number.
    if _has_phone_number(_blank(text, emails + bsns)):
        found.append(PHONE)
    if bsns:
        found.append(BSN)
    return found


def warning_text(kinds: list[str]) -> str:
    """A quiet Dutch reminder for the kinds found; "" when there are none."""
    if not kinds:
        return ""
    items = [f"een {kind}" for kind in kinds]
    listed = " of ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]
    return f"Staat hier {listed}? Laat gegevens over personen liever weg."
