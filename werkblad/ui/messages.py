"""Dutch messages for input the model refuses while someone types."""

from __future__ import annotations

from pydantic import ValidationError


def validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    limit = (first.get("ctx") or {}).get("max_length")
    if first["type"] == "string_too_long":
        return (
            f"Deze tekst is te lang: hoogstens {limit:,} tekens.".replace(",", ".")
            + " Maak de tekst korter; wat je typte staat er nog."
        )
    if first["type"] == "too_long":
        return f"Dit zijn er te veel: hoogstens {limit}. Haal er een weg."
    return "Deze invoer past niet in het werkblad. Pas hem aan; wat je typte staat er nog."
