"""Dutch messages for input the model refuses while someone types."""

from __future__ import annotations

from pydantic import ValidationError


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Dutch: 10.000


def validation_message(error: ValidationError, value: object = None) -> str:
    first = error.errors()[0]
    limit = (first.get("ctx") or {}).get("max_length")
    if first["type"] == "string_too_long":
        now = f" Nu zijn het er {_number(len(value))}." if isinstance(value, str) else ""
        return (
            f"Deze tekst is te lang: hoogstens {_number(limit)} tekens.{now} "
            "Maak de tekst korter; wat je typte staat er nog, maar is pas bewaard als het "
            "past."
        )
    if first["type"] == "too_long":
        return f"Dit zijn er te veel: hoogstens {limit}. Haal er een weg."
    return "Deze invoer past niet in het werkblad. Pas hem aan; wat je typte staat er nog."
