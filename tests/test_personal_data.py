"""Spotting personal data in Dutch free text: what is found and what is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkblad.personal_data import BSN, EMAIL, KINDS, PHONE, find_personal_data, warning_text

# 123456782 passes the 11-test; 123456789 does not.
VALID_BSN = "123456782"
INVALID_BSN = "123456789"


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Bel mij op 06-12345678.",
        "Mobiel: 0612345678",
        "Zijn nummer is 06 12 34 56 78.",
        "Bereikbaar via +31 70 123 4567 (secretariaat).",
        "Bereikbaar via +31 6 12345678",
        "Telefoon 070-1234567",
        "Telefoon (070) 123 45 67",
        "Telefoon 020 123 4567",
        "Telefoon 0031 70 1234567",
        "Doorkiesnummer 088-1234567",
        "Belgisch nummer +32 2 555 12 12",
    ],
)
def test_phone_numbers(text):
    assert find_personal_data(text) == [PHONE]


@pytest.mark.parametrize(
    "text",
    [
        "Zie zaaknummer 2024-123456.",
        "Het Woo-besluit 2023/45678 is gepubliceerd.",
        "Het gesprek was op 12-03-2024 om 14:00.",
        "Vergadering van 10.12.2026",
        "Kenmerk 2023-0012345",
        "Kamerstuk 35 925 VII nr. 12",
        "Het bedrag is € 1.234.567,00.",
        "De periode 2020-2024 en artikel 5.1 lid 2 sub e Woo.",
        "KvK-nummer 12345678",
        "IBAN NL91 ABNA 0417 1643 00",
        "Postcode 2511 AB Den Haag",
        "Bel gratis 0800-1234",
        "Informatienummer 0900-1234567",
        "Het alarmnummer is 112.",
    ],
)
def test_case_numbers_dates_and_amounts_are_left_alone(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    "text",
    [
        f"BSN {VALID_BSN}",
        "bsn: 123.456.782",
        "Het BSN-nummer is 1234 56 782.",
        "burgerservicenummer 123 456 782",
        f"Burgerservicenummer: {VALID_BSN}",
        f"{VALID_BSN} is het BSN van de melder.",
        f"Haar BSN staat in het dossier, namelijk {VALID_BSN}",
    ],
)
def test_bsn_with_the_word_bsn(text):
    assert find_personal_data(text) == [BSN]


def test_valid_bsn_without_the_word_is_not_flagged():
    assert find_personal_data(f"Dossiernummer {VALID_BSN}") == []
    assert find_personal_data("Relatienummer 123.456.782") == []


def test_invalid_11_test_with_the_word_is_not_flagged():
    assert find_personal_data(f"BSN {INVALID_BSN}") == []
    assert find_personal_data("bsn 123.456.789") == []


def test_bsn_word_must_be_close():
    near = "BSN " + "x" * 30 + " " + VALID_BSN
    far = "BSN " + " ".join(["woord"] * 10) + " " + VALID_BSN  # 59 characters between
    assert find_personal_data(near) == [BSN]
    assert find_personal_data(far) == []
    after_near = VALID_BSN + " " + "y" * 38 + " BSN"  # 40 characters between
    after_far = VALID_BSN + " " + "y" * 39 + " BSN"  # 41 characters between
    assert find_personal_data(after_near) == [BSN]
    assert find_personal_data(after_far) == []


def test_bsn_must_be_nine_digits_not_part_of_a_longer_number():
    assert find_personal_data("BSN 1123456782") == []
    assert find_personal_data("BSN 1234567820") == []
    assert find_personal_data("BSN 1.123.456.782") == []


def test_a_word_that_merely_contains_bsn_letters_does_not_count():
    assert find_personal_data(f"abcbsn {VALID_BSN}") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mail naar j.jansen@minbzk.nl voor vragen.",
        "Contact: info@example.com",
        "Stuur het naar piet.de.vries@post.sub.overheid.nl.",
        "Adres: a_b+woo@gemeente-utrecht.nl",
        "Mail <Jan.Jansen@Example.NL>",
        "Mail: jérôme@exemple.fr",
    ],
)
def test_email_addresses(text):
    assert find_personal_data(text) == [EMAIL]


@pytest.mark.parametrize(
    "text",
    [
        "Zie de Woo @ gemeente",
        "Het twitteraccount @gemeente",
        "jan@localhost",
        "Een @ op zichzelf",
    ],
)
def test_not_an_email_address(text):
    assert find_personal_data(text) == []


def test_digits_in_an_email_address_are_no_phone_number():
    assert find_personal_data("Mail 0612345678@example.nl") == [EMAIL]


def test_all_kinds_in_fixed_order_without_duplicates():
    text = f"BSN {VALID_BSN}. Bel 06-12345678 of 070-1234567. Mail a@example.nl of b@example.nl."
    assert find_personal_data(text) == [EMAIL, PHONE, BSN]
    assert KINDS == (EMAIL, PHONE, BSN)


def test_long_text_of_ten_thousand_characters():
    # Realistic text: correct answers on a long field (the app checks on every change).
    filler = "De gemeente wil het onderzoeksrapport over de haven openbaar maken. "
    long_text = (filler * 200)[:9_900]
    assert find_personal_data(long_text) == []
    assert find_personal_data(long_text + " Bel 06-12345678.") == [PHONE]
    assert find_personal_data("Mail a@b.nl. " + long_text) == [EMAIL]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 10_000,
        "a" * 5_000 + "@" + "b" * 4_999,
        "1" * 10_000,
        "1 " * 5_000,
        "1." * 5_000,
        ("BSN " + VALID_BSN + " ") * 700,
        "x@" * 5_000,
        ".@" * 5_000,
    ],
)
def test_hostile_long_texts_are_handled(text):
    assert len(text) >= 9_000
    kinds = find_personal_data(text)
    assert len(kinds) == len(set(kinds))
    assert set(kinds) <= set(KINDS)


def test_hostile_long_texts_give_the_right_answer():
    assert find_personal_data("a" * 10_000) == []
    assert find_personal_data(("BSN " + VALID_BSN + " ") * 700) == [BSN]


@given(st.text(max_size=400))
def test_any_text_gives_known_kinds_in_order(text):
    kinds = find_personal_data(text)
    assert kinds == [kind for kind in KINDS if kind in kinds]


def test_warning_text():
    assert warning_text([]) == ""
    assert warning_text([PHONE]) == (
        "Staat hier een telefoonnummer? Laat gegevens over personen liever weg."
    )
    assert warning_text([EMAIL, PHONE]) == (
        "Staat hier een e-mailadres of een telefoonnummer? Laat gegevens over personen liever weg."
    )
    assert warning_text([EMAIL, PHONE, BSN]).startswith(
        "Staat hier een e-mailadres, een telefoonnummer of een BSN?"
    )
