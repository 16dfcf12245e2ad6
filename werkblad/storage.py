"""Worksheet files in and out, and the server-side draft store.

Two jobs, both without Streamlit:

* ``load_worksheet`` / ``dump_worksheet``: the JSON worksheet file ("Werkbestand").
  Loading refuses every bad file with a ``WorksheetFileError`` whose Dutch message
  says what is wrong and what to do. It never echoes the user's text: at most a
  (cleaned, shortened) key name and numbers.
* ``DraftStore``: every change in the app is saved on the server in SQLite, with
  optimistic versioning so two tabs on the same worksheet never overwrite each
  other silently. Drafts that were not changed for ``retention_days`` are deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from werkblad import content
from werkblad.model import (
    FORMAT,
    MAX_FILE_BYTES,
    SCHEMA_VERSION,
    Worksheet,
)

__all__ = [
    "ConfigError",
    "Draft",
    "DraftConflict",
    "DraftCorrupt",
    "DraftNotFound",
    "DraftStore",
    "DraftStoreError",
    "WorksheetFileError",
    "dump_worksheet",
    "load_worksheet",
    "migrate",
    "store_from_env",
]

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# The worksheet file
# --------------------------------------------------------------------------------------

# A valid worksheet nests four containers deep (file > exploration > players > player).
# Anything much deeper is not a worksheet; refusing it early keeps later steps simple.
MAX_DEPTH = 8
MAX_PROBLEMS_SHOWN = 3
MAX_KEY_SHOWN = 40

_CHOOSE_FILE = "Kies het werkbestand (.json) dat je met 'Werkbestand opslaan' hebt bewaard."
_FIX_OR_CHOOSE = "Herstel dit in het bestand, of kies een ander werkbestand."


class WorksheetFileError(ValueError):
    """A worksheet file that cannot be opened. ``str(exc)`` is a Dutch message for the user."""


def load_worksheet(data: bytes) -> Worksheet:
    """Read a worksheet file; raise ``WorksheetFileError`` (Dutch message) for any bad file."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("load_worksheet expects bytes")
    # Size first, so a huge upload costs nothing more than len().
    size = memoryview(data).nbytes
    if size > MAX_FILE_BYTES:
        shown = f"{size / (1024 * 1024):.1f}".replace(".", ",")
        raise WorksheetFileError(
            f"Het bestand is te groot ({shown} MB). Een werkbestand is hoogstens 2 MB. "
            + _CHOOSE_FILE
        )
    return _parse_worksheet(bytes(data))


def _parse_worksheet(data: bytes) -> Worksheet:
    """Everything but the size limit: also used for drafts, which may be larger."""
    try:
        return _parse_checked(data)
    except WorksheetFileError:
        raise
    except Exception as exc:
        # A safety net for cases nobody thought of: the user still gets Dutch, never a
        # traceback. Only the type is logged: the message could quote the file.
        logger.warning("worksheet file refused after unexpected %s", type(exc).__name__)
        raise WorksheetFileError("Dit bestand kan de app niet openen. " + _CHOOSE_FILE) from None


def _parse_checked(data: bytes) -> Worksheet:
    if not data.strip():
        raise WorksheetFileError("Het bestand is leeg. " + _CHOOSE_FILE)
    if data.startswith(b"%PDF"):
        raise WorksheetFileError(
            "Dit is een pdf-bestand, zoals het verslag. Een verslag kan de app niet openen. "
            + _CHOOSE_FILE
        )
    if b"\x00" in data:
        raise WorksheetFileError("Dit is geen tekstbestand. " + _CHOOSE_FILE)
    try:
        # utf-8-sig: a byte order mark, as some editors on Windows add, is fine.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorksheetFileError(
            "Dit bestand kan de app niet lezen: het is geen tekst in UTF-8. " + _CHOOSE_FILE
        ) from None
    if not text.strip():  # only a byte order mark, or white space
        raise WorksheetFileError("Het bestand is leeg. " + _CHOOSE_FILE)

    raw = _parse_json(text)
    if not isinstance(raw, dict):
        raise WorksheetFileError("Dit is geen werkbestand van Dilemmagesprek. " + _CHOOSE_FILE)
    _check_depth(raw)
    if "format" not in raw:
        raise WorksheetFileError(
            "Dit is geen werkbestand van Dilemmagesprek: het veld 'format' ontbreekt. "
            + _CHOOSE_FILE
        )
    if not isinstance(raw["format"], str) or raw["format"] != FORMAT:
        raise WorksheetFileError(
            "Dit is geen werkbestand van Dilemmagesprek: het veld 'format' heeft niet de "
            f"waarde '{FORMAT}'. " + _CHOOSE_FILE
        )
    return _validate(migrate(raw))


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


class _BadConstant(Exception):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; which text the user meant is unknown,
    # so a file with a key twice is refused instead of silently losing one of them.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise _BadConstant(name)


def _parse_json(text: str) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except RecursionError:
        # 100,000 times '[' fails here within a millisecond, long before memory is an issue.
        raise WorksheetFileError(
            "Dit is geen werkbestand: de gegevens zijn te diep in elkaar genest. " + _CHOOSE_FILE
        ) from None
    except _DuplicateKey as exc:
        raise WorksheetFileError(
            f"Het veld {_show_key(exc.key)} staat twee keer in hetzelfde deel van het bestand. "
            "Haal er een weg, of kies een ander werkbestand."
        ) from None
    except _BadConstant:
        raise WorksheetFileError(
            "Het bestand bevat een ongeldige waarde (NaN of Infinity). " + _FIX_OR_CHOOSE
        ) from None
    except json.JSONDecodeError as exc:
        raise WorksheetFileError(
            "Dit is geen werkbestand: de inhoud is geen geldige JSON "
            f"(fout in regel {exc.lineno}, kolom {exc.colno}). " + _CHOOSE_FILE
        ) from None
    except ValueError:
        # e.g. an integer with thousands of digits
        raise WorksheetFileError(
            "Dit is geen werkbestand: de inhoud is geen geldige JSON. " + _CHOOSE_FILE
        ) from None


def _check_depth(raw: Any) -> None:
    # Iterative, so the check itself cannot hit the recursion limit.
    stack: list[tuple[Any, int]] = [(raw, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise WorksheetFileError(
                "Dit is geen werkbestand: de gegevens zijn te diep in elkaar genest. "
                + _CHOOSE_FILE
            )
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


# Migrations: the step that turns a file of version N into version N + 1.
# To add version 2: change the model, set model.SCHEMA_VERSION = 2, and add
# ``1: _v1_to_v2`` here. Files and stored drafts of every older version then keep
# opening, because both pass through migrate().
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed worksheet (``format`` already checked) to the current schema version.

    This is the one place where older files are upgraded. Today only version 1 exists,
    so version 1 is returned unchanged. A newer version (made by a newer app) is refused:
    silently dropping fields we do not know would lose the user's work. Raises
    ``WorksheetFileError`` for a missing, non-integer, unknown or newer version.
    """
    if "schema_version" not in raw:
        raise WorksheetFileError(
            "Het versienummer van het bestand ontbreekt (het veld 'schema_version'). "
            + _CHOOSE_FILE
        )
    version = raw["schema_version"]
    # bool is an int in Python, and 1.0 == 1: both are refused, the format says integer.
    if type(version) is not int:
        raise WorksheetFileError(
            "Het versienummer van het bestand (het veld 'schema_version') moet een heel getal "
            f"zijn, zoals {SCHEMA_VERSION}. " + _FIX_OR_CHOOSE
        )
    if version > SCHEMA_VERSION:
        raise WorksheetFileError(
            "Dit werkbestand is gemaakt met een nieuwere versie van de app. Deze versie kan "
            "het nog niet openen. Vraag de beheerder om de app bij te werken."
        )
    if version < 1 or (version < SCHEMA_VERSION and version not in _MIGRATIONS):
        raise WorksheetFileError(
            "Het versienummer van het bestand (het veld 'schema_version') klopt niet. "
            f"Deze app opent werkbestanden van versie {SCHEMA_VERSION}. " + _CHOOSE_FILE
        )
    while version < SCHEMA_VERSION:
        raw = _MIGRATIONS[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


def _validate(raw: dict[str, Any]) -> Worksheet:
    try:
        # Lone surrogates ("\ud800") cannot be written as UTF-8: such text could never be
        # saved again, so refuse it now instead of failing later at a save.
        encoded = json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise WorksheetFileError(
            "Het bestand bevat een ongeldig teken (een losse code zoals \\ud800). " + _FIX_OR_CHOOSE
        ) from None
    try:
        # Strict JSON mode: a date must be written as "YYYY-MM-DD" (no timestamps),
        # and numbers are never turned into text.
        return Worksheet.model_validate_json(encoded, strict=True)
    except ValidationError as exc:
        raise WorksheetFileError(_describe_validation(exc)) from None


# -- Dutch descriptions of validation problems -----------------------------------------

# Column headings, except "name": "Speler" or "Optie" reads oddly after "speler 3 ›".
_PLAYER_LABELS = {**content.PLAYER_COLUMNS, "name": "naam"}
_OPTION_LABELS = {**content.OPTION_COLUMNS, "name": "naam"}


def _build_labels() -> dict[str, str]:
    """Dutch labels per field pattern ("exploration.players[].pros"); {n} is the item number."""
    labels = {
        "title": f"'{content.TITLE_LABEL}'",
        "meeting_date": f"'{content.DATE_LABEL}'",
        "participants": "Deelnemers",
        "participants[]": "deelnemer {n}",
        "participants[].name": "naam",
        "participants[].role": "rol",
        "preparation": "Voorbereiding",
        "exploration.players": "spelers",
        "exploration.players[]": "speler {n}",
        "weighing.options": "opties",
        "weighing.options[]": "optie {n}",
    }
    for name, label in _PLAYER_LABELS.items():
        labels[f"exploration.players[].{name}"] = f"'{label}'"
    for name, label in _OPTION_LABELS.items():
        labels[f"weighing.options[].{name}"] = f"'{label}'"
    for f in content.PREPARATION_FIELDS:
        labels[f.path] = f"'{f.label}'"
    for step in content.STEPS:
        paths = [f.path for f in step.fields] + ([step.table] if step.table else [])
        labels[paths[0].split(".")[0]] = f"Stap {step.number} {step.title}"
        for f in step.fields:
            labels[f.path] = f"'{f.label}'"
    return labels


_LABELS = _build_labels()
_LIST_NOUNS = {
    "participants": "deelnemers",
    "exploration.players": "spelers",
    "weighing.options": "opties",
}


def _show_key(key: Any) -> str:
    """A key from the file, safe to show: printable, no markup, at most 40 characters."""
    text = str(key)
    shown = "".join(c if c.isalnum() or c in "_-. " else "?" for c in text[:MAX_KEY_SHOWN])
    if len(text) > MAX_KEY_SHOWN:
        shown += "…"
    return f"'{shown}'" if shown else "zonder naam"


def _patterns(loc: tuple[Any, ...]) -> list[str]:
    """The field pattern of every prefix of a location: ints become "[]"."""
    out: list[str] = []
    pattern = ""
    for item in loc:
        if isinstance(item, int):
            pattern += "[]"
        else:
            pattern += ("." if pattern else "") + str(item)
        out.append(pattern)
    return out


def _technical_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for item in loc:
        if isinstance(item, int):
            path += f"[{item}]"
        else:
            path += ("." if path else "") + _show_key(item).strip("'")
    return path


def _where(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    patterns = _patterns(loc)
    for i, (item, pattern) in enumerate(zip(loc, patterns, strict=True)):
        if pattern in _LIST_NOUNS and i + 1 < len(loc):
            continue  # "speler 3" says enough; "spelers › speler 3" repeats it
        label = _LABELS.get(pattern)
        if label is None:
            parts.append(f"{item + 1}" if isinstance(item, int) else _show_key(item))
        else:
            parts.append(label.replace("{n}", str(item + 1)) if isinstance(item, int) else label)
    where = " › ".join(parts)
    return where[:1].upper() + where[1:]


def _number(n: Any) -> str:
    return f"{n:,}".replace(",", ".") if isinstance(n, int) else "?"


def _what(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "string_too_long":
        return f"de tekst is te lang, hoogstens {_number(ctx.get('max_length'))} tekens"
    if kind == "too_long":
        noun = _LIST_NOUNS.get(_patterns(loc)[-1] if loc else "", "onderdelen")
        return f"te veel {noun}, hoogstens {_number(ctx.get('max_length'))}"
    if kind == "string_type":
        return "dit moet tekst zijn, tussen aanhalingstekens"
    if kind == "list_type":
        return "dit moet een lijst zijn"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "dit moet een onderdeel met velden zijn, tussen { en }"
    if kind == "literal_error" and loc and loc[-1] == "role":
        return "onbekende rol; kies dilemma_owner, facilitator of participant"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "geen geldige datum; schrijf de datum als JJJJ-MM-DD, zoals 2026-12-10, of null"
    if kind == "missing":
        return "dit veld ontbreekt"
    return "deze waarde is niet geldig"


def _describe_validation(exc: ValidationError) -> str:
    # include_input=False: the user's own text never ends up in the message.
    errors = exc.errors(include_url=False, include_input=False)
    # Unknown keys first: the likeliest cause (a hand edit, another program) and the
    # one a user can fix by name.
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    lines = []
    for error in errors[:MAX_PROBLEMS_SHOWN]:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            parent = loc[:-1]
            what = f"onbekend veld {_show_key(loc[-1])}; haal dit veld weg"
            where = _where(parent) if parent else "Bovenaan het bestand"
            tech = f" (in {_technical_path(parent)})" if parent else ""
        else:
            what = _what(error)
            where = _where(loc) if loc else "Het bestand"
            tech = f" (veld {_technical_path(loc)})" if loc else ""
        lines.append(f"- {where}: {what}{tech}.")
    more = len(errors) - MAX_PROBLEMS_SHOWN
    if more == 1:
        lines.append("- En nog 1 ander probleem.")
    elif more > 1:
        lines.append(f"- En nog {_number(more)} andere problemen.")
    return (
        "Het werkbestand kan niet worden geopend. Dit klopt er niet:\n"
        + "\n".join(lines)
        + "\n\n"
        + _FIX_OR_CHOOSE
    )


def dump_worksheet(ws: Worksheet) -> bytes:
    """The worksheet file: UTF-8 JSON, indented, every field present, format and version first."""
    # mode="json": meeting_date becomes "YYYY-MM-DD" or null. Field order follows the
    # model, which starts with format and schema_version.
    text = json.dumps(ws.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    # Always encodes: pydantic refuses lone surrogates, the only text without UTF-8 form.
    return text.encode("utf-8")


# --------------------------------------------------------------------------------------
# The draft store
# --------------------------------------------------------------------------------------

DEFAULT_RETENTION_DAYS = 14
MAX_RETENTION_DAYS = 3650  # keeps date arithmetic far from date.max
DATA_DIR_ENV = "DILEMMAGESPREK_DATA_DIR"
RETENTION_ENV = "DILEMMAGESPREK_RETENTION_DAYS"
DB_FILE_NAME = "drafts.sqlite3"
BUSY_TIMEOUT_SECONDS = 15.0
PURGE_INTERVAL_SECONDS = 3600.0
_DB_SCHEMA_VERSION = 1

# secrets.token_urlsafe(32): 32 random bytes in 43 URL-safe base64 characters.
_ID_LENGTH = 43
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")

# Not user data: only when this process last purged each database file.
_last_purge: dict[str, float] = {}
_last_purge_lock = threading.Lock()


class DraftNotFound(LookupError):
    """No draft with this id: never made, deleted, expired or a malformed id."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Dit werkblad is niet gevonden. Misschien is het verwijderd, of is het te lang "
            "niet gewijzigd. Open een werkbestand dat je hebt opgeslagen, of begin opnieuw."
        )


class DraftCorrupt(DraftNotFound):
    """The row exists but its content is unreadable.

    A subclass of DraftNotFound, so the app treats it like a missing draft; the row is
    kept (not deleted) so that a maintainer can look at it, and the normal expiry
    removes it later.
    """

    def __init__(self) -> None:
        super().__init__(
            "Dit werkblad kan niet worden gelezen. Open een werkbestand dat je hebt "
            "opgeslagen, of begin opnieuw."
        )


class DraftConflict(Exception):
    """Another tab or window saved a newer version; ``current`` is that version."""

    def __init__(self, current: Draft) -> None:
        super().__init__(
            "Dit werkblad is intussen in een ander tabblad of venster gewijzigd. "
            "Laad de nieuwste versie en voer je wijziging opnieuw in."
        )
        self.current = current


class DraftStoreError(RuntimeError):
    """The database could not be used (disk full, no permission, ...). Dutch message."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Het werkblad kan nu niet op de server worden bewaard. Probeer het zo opnieuw. "
            "Kies voor de zekerheid ook 'Werkbestand opslaan'."
        )


class ConfigError(ValueError):
    """A bad setting in the environment; the Dutch message names the variable."""


@dataclass(frozen=True)
class Draft:
    """One stored version of a worksheet. ``worksheet`` is a copy: editing it changes nothing."""

    id: str = field(repr=False)  # the id is the key to the worksheet: keep it out of logs
    worksheet: Worksheet = field(repr=False)
    version: int
    updated_at: dt.datetime  # UTC, timezone-aware
    expires_on: dt.date  # the last day (UTC) the draft is kept if nothing changes


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is needed")
    return moment.astimezone(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    # Fixed width and always UTC, so text comparison in SQL is time comparison.
    return _utc(moment).isoformat(timespec="microseconds")


def _short(draft_id: str) -> str:
    """A hash prefix, to tell drafts apart in logs without writing down the secret id."""
    return hashlib.sha256(draft_id.encode()).hexdigest()[:10]


class DraftStore:
    """Drafts in one SQLite file (standard library only).

    Small on purpose, so another database can take its place: create, load, save (with
    an expected version), delete and purge. Safe to share between threads: every
    operation opens its own connection; WAL mode lets readers and a writer work at the
    same time, and writers wait up to BUSY_TIMEOUT_SECONDS for each other.

    Expiry: a draft is kept up to and including ``expires_on`` = the UTC date of its
    last change + ``retention_days``, and is gone from the day after. An expired draft
    behaves as deleted in ``load`` and ``save`` even before a purge removed it.
    """

    def __init__(
        self,
        path: Path,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        if type(retention_days) is not int or not 1 <= retention_days <= MAX_RETENTION_DAYS:
            raise ValueError(f"retention_days must be an integer from 1 to {MAX_RETENTION_DAYS}")
        self.path = Path(path)
        self.retention_days = retention_days
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._ready = False
        self._ready_lock = threading.Lock()

    # -- ids -----------------------------------------------------------------------

    @staticmethod
    def new_id() -> str:
        """A fresh id: 256 random bits. Whoever knows it can open the draft."""
        return secrets.token_urlsafe(32)

    @staticmethod
    def is_valid_id(s: object) -> bool:
        """Shape check, done before any query: 43 URL-safe characters."""
        return isinstance(s, str) and len(s) == _ID_LENGTH and bool(_ID_PATTERN.fullmatch(s))

    # -- operations ----------------------------------------------------------------

    def create(self, ws: Worksheet, draft_id: str | None = None) -> Draft:
        """Store ``ws`` as version 1, under a new random id or the given one.

        A caller may make the id beforehand (``new_id``), so that it still knows the
        id when it is interrupted right after this write. If a draft with that id
        exists already, this raises DraftConflict carrying it.
        """
        if draft_id is not None and not self.is_valid_id(draft_id):
            raise ValueError("draft_id must come from DraftStore.new_id()")
        self._maybe_purge()
        payload = dump_worksheet(ws)
        now = self._now()
        for _ in range(3):  # a clash of 256-bit ids will not happen; retrying costs nothing
            new_id = draft_id or self.new_id()
            try:
                with self._transaction() as conn:
                    conn.execute(
                        "INSERT INTO drafts (id, version, updated_at, payload) VALUES (?, 1, ?, ?)",
                        (new_id, _stamp(now), payload),
                    )
            except DraftStoreError as exc:
                if isinstance(exc.__cause__, sqlite3.IntegrityError):
                    if draft_id is not None:
                        raise DraftConflict(self.load(draft_id)) from None
                    continue
                raise
            return self._draft(new_id, ws.model_copy(deep=True), 1, now)
        raise DraftStoreError()

    def load(self, draft_id: str) -> Draft:
        """The stored draft. DraftNotFound for unknown, expired or malformed ids.

        A row whose content no longer validates raises DraftCorrupt (a DraftNotFound).
        """
        if not self.is_valid_id(draft_id):
            raise DraftNotFound()
        now = self._now()
        with self._connection() as conn:
            row = conn.execute(
                "SELECT version, updated_at, payload FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
        if row is None:
            raise DraftNotFound()
        if self._expired(row[1], now):
            self._delete_if_expired(draft_id, now)
            raise DraftNotFound()
        return self._draft_from_row(draft_id, row)

    def save(self, draft_id: str, ws: Worksheet, expected_version: int) -> Draft:
        """Store ``ws`` as the next version, only if the stored version is ``expected_version``.

        Raises DraftConflict (carrying the newer stored draft) when another tab saved in
        between, and DraftNotFound when the draft was deleted or has expired.
        """
        if type(expected_version) is not int:
            raise TypeError("expected_version must be an int")
        if not self.is_valid_id(draft_id):
            raise DraftNotFound()
        payload = dump_worksheet(ws)
        now = self._now()
        cutoff = _stamp(self._cutoff(now))
        row = None
        with self._transaction() as conn:
            # One conditional statement: the version check and the write cannot be split
            # by another writer.
            updated = conn.execute(
                "UPDATE drafts SET version = version + 1, updated_at = ?, payload = ? "
                "WHERE id = ? AND version = ? AND updated_at >= ?",
                (_stamp(now), payload, draft_id, expected_version, cutoff),
            ).rowcount
            if updated != 1:
                row = conn.execute(
                    "SELECT version, updated_at, payload FROM drafts WHERE id = ?", (draft_id,)
                ).fetchone()
                if row is not None and row[1] < cutoff:
                    conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
                    row = None
                if row is None:
                    updated = -1
        if updated == 1:
            return self._draft(draft_id, ws.model_copy(deep=True), expected_version + 1, now)
        if row is None:
            raise DraftNotFound()
        raise DraftConflict(self._draft_from_row(draft_id, row))

    def delete(self, draft_id: str) -> None:
        """Remove a draft. Deleting what is not there (or a malformed id) is not an error."""
        if not self.is_valid_id(draft_id):
            return
        with self._transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def purge_expired(self, now: dt.datetime | None = None) -> int:
        """Delete every draft past its expires_on; returns how many were deleted."""
        cutoff = _stamp(self._cutoff(self._now() if now is None else _utc(now)))
        with self._transaction() as conn:
            count = conn.execute("DELETE FROM drafts WHERE updated_at < ?", (cutoff,)).rowcount
        if count:
            logger.info("purged %d expired drafts", count)
        return count

    # -- helpers -------------------------------------------------------------------

    def _now(self) -> dt.datetime:
        return _utc(self._clock())

    def _cutoff(self, now: dt.datetime) -> dt.datetime:
        """Drafts changed before this moment are expired (their expires_on is before today)."""
        first_kept_day = now.date() - dt.timedelta(days=self.retention_days)
        return dt.datetime.combine(first_kept_day, dt.time.min, tzinfo=dt.UTC)

    def _expired(self, updated_at: str, now: dt.datetime) -> bool:
        return updated_at < _stamp(self._cutoff(now))

    def _draft(self, draft_id: str, ws: Worksheet, version: int, updated_at: dt.datetime) -> Draft:
        expires_on = updated_at.date() + dt.timedelta(days=self.retention_days)
        return Draft(draft_id, ws, version, updated_at, expires_on)

    def _draft_from_row(self, draft_id: str, row: tuple[Any, ...]) -> Draft:
        version, updated_at, payload = row
        try:
            # Through the same checks and migrate() as a file, without the 2 MB limit:
            # a full worksheet may be larger, and it is ours, not an upload.
            ws = _parse_worksheet(bytes(payload))
            moment = _utc(dt.datetime.fromisoformat(updated_at))
            if type(version) is not int:
                raise ValueError("version")
        except (WorksheetFileError, ValueError, TypeError) as exc:
            logger.warning("draft %s unreadable: %s", _short(draft_id), type(exc).__name__)
            raise DraftCorrupt() from None
        return self._draft(draft_id, ws, version, moment)

    def _delete_if_expired(self, draft_id: str, now: dt.datetime) -> None:
        # The condition keeps a save that just happened in another tab.
        with self._transaction() as conn:
            conn.execute(
                "DELETE FROM drafts WHERE id = ? AND updated_at < ?",
                (draft_id, _stamp(self._cutoff(now))),
            )

    def _maybe_purge(self) -> None:
        key = str(self.path.resolve())
        with _last_purge_lock:
            last = _last_purge.get(key)
            if last is not None and time.monotonic() - last < PURGE_INTERVAL_SECONDS:
                return
            _last_purge[key] = time.monotonic()
        try:
            self.purge_expired()
        except DraftStoreError:
            # A failed cleanup must not stop someone from starting; the next try comes.
            logger.warning("purging expired drafts failed", exc_info=True)

    def _ensure_ready(self) -> None:
        """Create the folder, the file and the table on first use."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            folder = self.path.parent
            # 0o700 / 0o600: drafts are people's work; other accounts on the server have
            # no business reading them. SQLite gives -wal and -shm the file's mode.
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    db_version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if db_version > _DB_SCHEMA_VERSION:
                        raise DraftStoreError(
                            "De opslag op de server is gemaakt door een nieuwere versie van "
                            "de app. Vraag de beheerder om de app bij te werken."
                        )
                    conn.execute(
                        "CREATE TABLE IF NOT EXISTS drafts ("
                        " id TEXT PRIMARY KEY,"
                        " version INTEGER NOT NULL,"
                        " updated_at TEXT NOT NULL,"  # UTC, ISO 8601, fixed width
                        " payload BLOB NOT NULL"  # dump_worksheet()
                        ")"
                    )
                    conn.execute(
                        "CREATE INDEX IF NOT EXISTS drafts_updated_at ON drafts (updated_at)"
                    )
                    conn.execute(f"PRAGMA user_version = {_DB_SCHEMA_VERSION}")
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            finally:
                conn.close()
            self._ready = True

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection per operation; database trouble becomes DraftStoreError."""
        try:
            self._ensure_ready()
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            logger.warning("draft store unavailable: %s", type(exc).__name__)
            raise DraftStoreError() from exc
        try:
            # Deleted worksheets are overwritten with zeros, not left in free pages.
            conn.execute("PRAGMA secure_delete = ON")
            yield conn
        except sqlite3.Error as exc:
            if not isinstance(exc, sqlite3.IntegrityError):  # an id clash: create handles it
                logger.warning("draft store error: %s", type(exc).__name__)
            raise DraftStoreError() from exc
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock up front, so waiting uses the busy timeout
        instead of failing with "database is locked" halfway through."""
        with self._connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # SQLite may have rolled back already
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")


def store_from_env(environ: Mapping[str, str] | None = None) -> DraftStore:
    """The draft store as configured by the environment (nothing to set for a first try).

    DILEMMAGESPREK_DATA_DIR: folder for drafts.sqlite3; default ``data/`` in the project.
    DILEMMAGESPREK_RETENTION_DAYS: days a draft is kept after its last change; default 14.
    A bad retention value stops the start with a ConfigError instead of falling back to
    14: the period is promised to users, so a typo must not silently change it.
    """
    env = os.environ if environ is None else environ
    folder_text = env.get(DATA_DIR_ENV, "").strip()
    folder = (
        Path(folder_text).expanduser()
        if folder_text
        else Path(__file__).resolve().parent.parent / "data"
    )
    retention_text = env.get(RETENTION_ENV, "").strip()
    retention = DEFAULT_RETENTION_DAYS
    if retention_text:
        if not re.fullmatch(r"[0-9]{1,5}", retention_text) or not (
            1 <= int(retention_text) <= MAX_RETENTION_DAYS
        ):
            raise ConfigError(
                f"De instelling {RETENTION_ENV} klopt niet. Geef een heel aantal dagen van 1 "
                f"tot en met {MAX_RETENTION_DAYS}, zoals 14, of laat de instelling weg."
            )
        retention = int(retention_text)
    return DraftStore(folder / DB_FILE_NAME, retention)
