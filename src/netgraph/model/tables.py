"""The canonical tables (people, interactions, ties, introductions, companies) and their validation.

Every importer produces these pandas DataFrames; the graph is built from them
and nothing else. Validation turns raw text cells into typed columns:

- text: stripped ``str``, ``""`` when missing;
- lists (``email``, ``phone``, ``past_companies``, ``tags``): ``list[str]`` split on ``;``;
- dates: ``datetime64`` (naive, UTC when the text carried a zone), ``NaT`` when missing; ISO
  8601, or with the year last (``14/03/2026``), day and month in the order their column
  settles (:func:`netgraph.model.dates.read_date_column`);
- numbers (``closeness``, ``strength``): ``float``, ``NaN`` when missing.

A record whose required value is missing or unreadable is skipped and reported;
a bad optional value is left empty and reported as a warning. Two bookkeeping
columns, ``_file`` and ``_line``, follow every record so that problems found
later (a reference to nobody) still name the file and line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

import numpy as np

from .._lazy import pd
from ..errors import NetgraphError
from .dates import read_date_column, read_iso
from .keys import email_key
from .report import FileReport

__all__ = ["Schema", "SCHEMAS", "YEARS", "EARLIEST", "LATEST", "FREE_TEXT",
           "Tables", "validate", "parse_dates", "CHANNELS", "KINDS", "STATUSES", "INVITATION",
           "ENDORSEMENT", "RECOMMENDATION", "MARKERS", "ASKS_NO_ANSWER", "REPEAT", "MAX_REPEAT"]

CHANNELS = ("email", "message", "call", "meeting", "letter", "other")
KINDS = ("ask", "give", "update", "intro", "social", "other")
STATUSES = ("requested", "made", "met", "declined")
#: ``note``s that readers write to say what a platform's interaction was: a connection request (a LinkedIn
#: invitation), a skill endorsement, a written recommendation. They name nobody.
INVITATION, ENDORSEMENT, RECOMMENDATION = "invitation", "endorsement", "recommendation"
MARKERS = (INVITATION, ENDORSEMENT, RECOMMENDATION)
#: Of those, the gestures that wait for no answer (a recommendation deserves a thank-you).
ASKS_NO_ANSWER = (INVITATION, ENDORSEMENT)


@dataclass(frozen=True)
class Schema:
    """What one canonical table holds and how each column is read."""

    kind: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    dates: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    numbers: dict[str, tuple[float, float]] = field(default_factory=dict)
    booleans: tuple[str, ...] = ()
    choices: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


SCHEMAS: dict[str, Schema] = {
    "people": Schema(
        "people",
        required=("name",),
        optional=("id", "email", "company", "title", "linkedin_url", "phone", "past_companies",
                  "location", "industry", "tags", "closeness", "connected_on", "contact", "source"),
        dates=("connected_on",),
        lists=("email", "phone", "past_companies", "tags"),
        numbers={"closeness": (1, 5)},
        booleans=("contact",),
    ),
    "interactions": Schema(
        "interactions",
        required=("date", "from", "to"),
        optional=("channel", "kind", "note", "message_id", "in_reply_to", "recipients", "mailing_list"),
        dates=("date",),
        numbers={"recipients": (1, np.inf)},
        choices={"channel": (CHANNELS, "other"), "kind": (KINDS, "other")},
    ),
    "ties": Schema(
        "ties",
        required=("a", "b"),
        optional=("strength", "since", "note"),
        dates=("since",),
        numbers={"strength": (0, 1)},
    ),
    "introductions": Schema(
        "introductions",
        required=("date", "introducer", "introduced"),
        optional=("to", "status", "updated_introducer_on", "note"),
        dates=("date", "updated_introducer_on"),
        choices={"status": (STATUSES, "made")},
    ),
    "companies": Schema(
        "companies",
        required=("name",),
        optional=("aliases", "domains", "industry"),
        lists=("aliases", "domains"),
    ),
}

#: The plausible years of a date in a network (inclusive): the oldest people's letters on one side, a
#: typo's future on the other.
YEARS = (1900, 2200)
#: The first instant of the first of them and of the year after the last (naive, as the tables' times are).
EARLIEST, LATEST = dt.datetime(YEARS[0], 1, 1), dt.datetime(YEARS[1] + 1, 1, 1)
_BOOKKEEPING = ("_file", "_line", "_source")
#: Columns of free text that no reader keeps, whatever file they come in (a message's content, a note
#: about a person): message bodies and notes are never part of a network. The canonical ``note`` is
#: kept: readers write only markers there (invitation, endorsement, recommendation), and people their
#: own one-line notes on a tie or an introduction.
FREE_TEXT = frozenset({"content", "body", "subject", "message", "messages", "description", "notes", "text",
                       "comment", "comments", "summary", "snippet"})
#: What spreadsheets and databases write in an empty cell: read as empty (a re-saved export gave 3,037
#: people the e-mail address "NA"). Case matters: "Na", "Null" and "Nan" are names, and so may "null" be.
MISSING = frozenset({"NA", "N/A", "n/a", "#N/A", "NULL", "-", "--", "NaN"})
#: In a list (addresses, phones, past employers) any spelling of them is nothing: no address is "null".
_MISSING_ITEMS = frozenset({m.casefold() for m in MISSING} | {"null", "nan", "none"})
#: An interactions row may stand for several identical interactions: an aggregated log (``netgraph
#: aggregate``) gives their number in this column. The row is repeated that many times on reading, so
#: nothing downstream sees the column.
REPEAT = "count"
#: More identical interactions than this in one row is a corrupt count, not a relationship (a person
#: sends a few hundred messages a day at most): it is read as 1, and a planted count cannot fill memory.
MAX_REPEAT = 100_000
#: Characters no name or reference holds (tab and line breaks are white space, folded away).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def empty(kind: str) -> pd.DataFrame:
    """An empty, typed table of ``kind``."""
    schema = SCHEMAS[kind]
    columns = {}
    for name in schema.columns:
        if name in schema.dates:
            columns[name] = pd.Series([], dtype="datetime64[ns]")
        elif name in schema.numbers:
            columns[name] = pd.Series([], dtype=float)
        elif name in schema.booleans:
            columns[name] = pd.Series([], dtype=bool)
        else:
            columns[name] = pd.Series([], dtype=object)
    columns["_file"] = pd.Series([], dtype=object)
    columns["_line"] = pd.Series([], dtype=np.int64)
    columns["_source"] = pd.Series([], dtype=object)
    return pd.DataFrame(columns)


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates (times and zones allowed) -> naive datetime64[ns]; unreadable -> NaT.

    Dates outside :data:`YEARS` (a typo like 0202 or 20266, an e-mail planted
    with the year 1700) are unreadable too: nobody's network holds them, and
    spans between them would not fit a nanosecond count.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values if values.dt.tz is None else values.dt.tz_convert("UTC").dt.tz_localize(None)
    else:
        parsed = read_iso(_cells(values))
    parsed = parsed.where((parsed >= EARLIEST) & (parsed < LATEST))
    return parsed.astype("datetime64[ns]")


def _dates(values: pd.Series, name: str, lines: np.ndarray, entry: FileReport) -> tuple[pd.Series, dict[int, str]]:
    """A date column read as :func:`parse_dates` does, its dates that read two ways (``01/11/2026``)
    in the order the whole column settles (:func:`netgraph.model.dates.read_date_column`, which is
    recorded in ``entry``); and the values that contradict that order, by position, with the reason."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return parse_dates(values), {}
    column = read_date_column(_cells(values), lines=lines.tolist(), other=read_iso)
    entry.date_order(name, column.order, column.why, column.confidence)
    return parse_dates(pd.Series(column.dates.to_numpy(), index=values.index)), column.contradicting


def _cells(values: pd.Series) -> pd.Series:
    """Vectorised :func:`_cell`; a column of text is cleaned one distinct text at a time (a log's dates and
    references repeat: 1,461 distinct dates in two million rows)."""
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        codes, distinct = pd.factorize(values.astype(object))
        text = pd.Series(distinct, dtype=object).str.strip()
        text = text.where((text != "") & ~text.isin(MISSING), None).to_numpy(object)
        return pd.Series(text[codes], index=values.index, dtype=object)
    return values.map(_cell)


def _cell(value: object) -> object:
    """A cell as stripped text, or None when empty."""
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).strip()
    return text if text and text not in MISSING else None


def check_columns(names: list[str], kind: str, file: object, line: int | None = 1) -> list[str]:
    """Normalise header names and fail clearly when a required one is missing.

    Returns the normalised names (stripped, lower-case); unknown names are kept
    (columns may be added over time), duplicated ones are an error.
    """
    schema = SCHEMAS[kind]
    normal = [str(n).strip().lower().replace(" ", "_") for n in names]
    seen = set()
    for name in normal:
        if name in seen and name:
            raise NetgraphError(f"column '{name}' appears twice in the header", file=file, line=line)
        seen.add(name)
    missing = [c for c in schema.required if c not in seen]
    if missing:
        hints = []
        for column in missing:
            close = difflib.get_close_matches(column, [n for n in normal if n not in schema.columns], n=1)
            hints.append(f"'{column}'" + (f" (is '{close[0]}' meant?)" if close else ""))
        raise NetgraphError(
            f"{kind} table lacks the required column {', '.join(hints)}; "
            f"it has: {', '.join(n for n in normal if n) or 'no columns'}",
            file=file,
            line=line,
        )
    return normal


def validate(frame: pd.DataFrame, kind: str, entry: FileReport, source: str | None = None, *,
             count: bool = True, tidy: bool = False) -> pd.DataFrame:
    """Type and check a raw table of ``kind``; record problems in ``entry``.

    ``frame`` holds one record per row, with text (or already typed) cells and,
    optionally, ``_line`` (the line each record started on). Returns the kept
    records, typed as the module docstring says, with ``_file``, ``_line`` and
    ``_source`` (the kind of source they came from, ``source`` or ``kind``).
    ``entry.read`` and ``entry.loaded`` are increased by the records seen and
    kept, unless ``count`` is False: readers whose records (a message, an
    event) each give several rows count their records themselves. ``tidy``
    says the text cells are known to need no trimming (a reader that checked
    its whole file at once), which saves a pass over every cell.
    """
    schema = SCHEMAS[kind]
    frame = frame.copy()
    frame.columns = check_columns(list(frame.columns), kind, entry.file, line=None if "_line" not in frame else 1)
    if "_line" not in frame:
        frame["_line"] = np.arange(1, len(frame) + 1)
    frame["_line"] = frame["_line"].astype(np.int64)
    # one shared string per row, not a text column of a million copies
    frame["_file"] = pd.Series(entry.file, index=frame.index, dtype=object)
    frame["_source"] = pd.Series(source or kind, index=frame.index, dtype=object)
    repeats = _repeats(frame.pop(REPEAT), frame["_line"].to_numpy(), entry) if kind == "interactions" \
        and REPEAT in frame else None
    unknown = [c for c in frame.columns if c not in schema.columns and c not in _BOOKKEEPING]
    free = [c for c in unknown if c in FREE_TEXT]
    if free:
        frame = frame.drop(columns=free)
        unknown = [c for c in unknown if c not in FREE_TEXT]
        entry.notes.append(f"free-text columns not read (bodies and notes are never kept): {', '.join(free)}")
    if unknown:
        entry.notes.append(f"extra columns kept as attributes: {', '.join(unknown)}")
    present = set(frame.columns)
    for name in schema.required:
        if name not in present:
            frame[name] = ""
    if count:
        entry.read += len(frame)
    keep = np.ones(len(frame), dtype=bool)
    lines = frame["_line"].to_numpy()

    for name in [c for c in frame.columns if c not in schema.dates and c not in schema.numbers
                 and c not in schema.lists and c not in schema.booleans and c not in _BOOKKEEPING]:
        frame[name] = _objects(frame[name]) if tidy else _text(frame[name])
        if name not in ("name", "a", "b", "from", "to", "introducer", "introduced"):
            # a spreadsheet's "NA" in an optional cell is nothing; a name or reference is what it says
            frame[name] = _missing_as_empty(frame[name])
    for name in schema.required:
        if name in schema.dates:
            continue
        blank = (frame[name] == "").to_numpy() & keep
        for line in lines[blank]:
            entry.problem(int(line), f"no {name}")
        keep &= ~blank
        garbled = _control(frame[name]) & keep
        # Readers that count their records themselves (one message, many rows) keep them whole: cleaned.
        for line in lines[garbled]:
            entry.problem(int(line), f"{name} holds control characters: binary data, not text"
                          + ("" if count else "; they are left out"), skipped=count)
        if count:
            keep &= ~garbled
        elif garbled.any():
            frame.loc[garbled, name] = frame.loc[garbled, name].str.replace(_CONTROL, "", regex=True)
    for name in [c for c in schema.dates if c in frame]:
        raw = frame[name]
        required = name in schema.required
        parsed, contradicting = _dates(raw, name, lines, entry)
        given = _cells(raw).notna().to_numpy()
        against = np.zeros(len(frame), dtype=bool)
        against[list(contradicting)] = True
        for i, reason in sorted(contradicting.items()):
            if keep[i]:
                entry.problem(int(lines[i]), f"{name} {reason}" + ("" if required else "; left empty"),
                              skipped=required)
        bad = given & parsed.isna().to_numpy() & keep & ~against
        for line, value in zip(lines[bad], raw[bad]):
            entry.problem(int(line), f"unreadable {name} '{value}' (expected YYYY-MM-DD, from {YEARS[0]} to "
                                     f"{YEARS[1]})", skipped=required)
        if required:
            missing = ~given & keep
            for line in lines[missing]:
                entry.problem(int(line), f"no {name}")
            keep &= given & ~bad & ~against
        frame[name] = parsed
    for name, (low, high) in schema.numbers.items():
        if name not in present:
            continue
        raw = frame[name]
        cells = _cells(raw)
        number = pd.to_numeric(cells, errors="coerce").astype(float)
        given = cells.notna().to_numpy()
        bad = given & ~((number >= low) & (number <= high)).to_numpy() & keep
        for line, value in zip(lines[bad], raw[bad]):
            entry.problem(int(line), f"{name} '{value}' is not a number from {low:g} to {high:g}; left empty",
                          skipped=False)
        number[bad] = np.nan
        frame[name] = number
    for name, (allowed, default) in schema.choices.items():
        if name not in present:
            continue
        values = _lower(frame[name])
        bad = ((values != "") & ~values.isin(allowed)).to_numpy() & keep
        for line, value in zip(lines[bad], frame[name][bad]):
            entry.problem(int(line), f"{name} '{value}' is not one of {', '.join(allowed)}; read as '{default}'",
                          skipped=False)
        values[bad | (values == "").to_numpy()] = default
        frame[name] = values
    for name in schema.lists:
        if name in present:
            frame[name] = frame[name].map(split_list)
    if "email" in schema.lists and "email" in present:
        _check_addresses(frame, keep, lines, entry)
    for name in schema.booleans:
        if name in present:
            frame[name] = frame[name].map(_truthy).astype(bool)

    kept = frame[keep]
    if count:
        entry.loaded += len(kept)
    if repeats is not None:
        kept = kept.iloc[np.repeat(np.arange(len(kept)), repeats[keep])]
    return _with_defaults(kept.reset_index(drop=True), schema)


def _repeats(cells: pd.Series, lines: np.ndarray, entry: FileReport) -> np.ndarray:
    """How many interactions each row stands for (see `REPEAT`); 1 where not a whole number from 1 up."""
    number = pd.to_numeric(_cells(cells), errors="coerce").to_numpy(float)
    given = _cells(cells).notna().to_numpy()
    whole = np.isfinite(number) & (number >= 1) & (number <= MAX_REPEAT) & (number == np.floor(number))
    for line, value in zip(lines[given & ~whole], cells[given & ~whole]):
        entry.problem(int(line), f"{REPEAT} '{value}' is not a whole number from 1 to {MAX_REPEAT:,}; read as 1",
                      skipped=False)
    return np.where(whole, number, 1).astype(np.int64)


def _missing_as_empty(cells: pd.Series) -> pd.Series:
    """Cells that say "missing" (see :data:`MISSING`) made empty."""
    missing = cells.isin(MISSING) if pd.api.types.infer_dtype(cells, skipna=False) == "string" else \
        cells.map(lambda v: isinstance(v, str) and v in MISSING).astype(bool)
    return cells.where(~missing, "") if missing.any() else cells


def _check_addresses(frame: pd.DataFrame, keep: np.ndarray, lines: np.ndarray, entry: FileReport) -> None:
    """Leave out what is no e-mail address from the ``email`` lists, with a warning for each."""
    emails = frame["email"].tolist()
    bad = [i for i, items in enumerate(emails) if any(not email_key(item) for item in items)]
    for i in bad:
        for item in emails[i]:
            if keep[i] and not email_key(item):
                entry.problem(int(lines[i]), f"e-mail '{item[:80]}' is not an address; left out", skipped=False)
        emails[i] = [item for item in emails[i] if email_key(item)]
    if bad:
        frame["email"] = pd.Series(emails, index=frame.index, dtype=object)


def _control(cells: pd.Series) -> np.ndarray:
    """Which cells hold control characters; one pass over all the text first, as usually none does."""
    try:
        clean = not _CONTROL.search("\n".join(cells))
    except TypeError:  # not all text
        clean = False
    if clean:
        return np.zeros(len(cells), dtype=bool)
    return cells.astype(str).str.contains(_CONTROL, na=False).to_numpy(dtype=bool)


def _with_defaults(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Add the schema's absent columns, empty and typed."""
    n = len(frame)
    for name in schema.columns:
        if name in frame:
            continue
        if name in schema.dates:
            frame[name] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
        elif name in schema.numbers:
            frame[name] = np.nan
        elif name in schema.lists:
            frame[name] = pd.Series([[] for _ in range(n)], index=frame.index, dtype=object)
        elif name in schema.booleans:
            frame[name] = False
        elif name in schema.choices:
            frame[name] = schema.choices[name][1]
        else:
            frame[name] = pd.Series("", index=frame.index, dtype=object)
    return frame


def split_list(value: object) -> list[str]:
    """``"a; b;"`` -> ``["a", "b"]``; lists pass through cleaned; items saying "missing" (``NA``) left out."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        items = [str(v).strip() for v in value]
    elif value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    else:
        items = [v.strip() for v in str(value).split(";")]
    return list(dict.fromkeys(v for v in items if v and v.casefold() not in _MISSING_ITEMS))


def _truthy(value: object) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return str(_cell(value) or "").casefold() in ("yes", "y", "true", "1", "x")


def _objects(values: pd.Series) -> pd.Series:
    """Cells as Python objects, one string per distinct text: a million interactions name a hundred
    thousand people and a handful of channels, and hold that many strings, not a million each."""
    codes, distinct = pd.factorize(values)
    if len(values) and (codes < 0).any():  # missing cells: as they are
        return values.astype(object)
    return pd.Series(np.asarray(distinct, dtype=object)[codes], index=values.index, dtype=object)


def _lower(values: pd.Series) -> pd.Series:
    """Text in lower case, each distinct text lowered once (and kept one object)."""
    codes, distinct = pd.factorize(values)
    if len(values) and (codes < 0).any():  # missing cells: as they are
        return values.str.lower()
    lowered = pd.Series(np.asarray(distinct, dtype=object), dtype=object).str.lower().to_numpy(object)
    return pd.Series(lowered[codes], index=values.index, dtype=object)


def _text(values: pd.Series) -> pd.Series:
    """Cells as text: stripped, inner runs of white space made one space, ``""`` when missing."""
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        text = values.astype(object).str.strip()
        spaced = text.str.contains(r"\s\s|[\t\n\r\f\v]", regex=True)
        if spaced.any():
            text[spaced] = text[spaced].str.split().str.join(" ")
        return text

    def clean(value: object) -> str:
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            return ""
        return " ".join(str(value).split())

    return values.map(clean).astype(object)


@dataclass
class Tables:
    """The five canonical tables of one network (any may be empty).

    ``owner`` holds what a source could tell about whose data it is (names or
    addresses of the account's owner, e.g. the address on most messages of a
    mailbox); it is used when nobody says who "me" is.
    """

    people: pd.DataFrame = field(default_factory=lambda: empty("people"))
    interactions: pd.DataFrame = field(default_factory=lambda: empty("interactions"))
    ties: pd.DataFrame = field(default_factory=lambda: empty("ties"))
    introductions: pd.DataFrame = field(default_factory=lambda: empty("introductions"))
    companies: pd.DataFrame = field(default_factory=lambda: empty("companies"))
    owner: list[str] = field(default_factory=list)

    @classmethod
    def concat(cls, parts: list[Tables]) -> Tables:
        """Stack several sources' tables, kind by kind."""
        merged = {}
        for kind in SCHEMAS:
            frames = [getattr(p, kind) for p in parts if len(getattr(p, kind))]
            merged[kind] = pd.concat(frames, ignore_index=True, sort=False) if frames else empty(kind)
        owner = list(dict.fromkeys(o for p in parts for o in p.owner))
        return cls(**merged, owner=owner)

    def __iter__(self):
        return ((kind, getattr(self, kind)) for kind in SCHEMAS)
