"""The canonical CSV files: ``people.csv``, ``interactions.csv``, ``ties.csv``,
``introductions.csv``, ``companies.csv`` (their columns: :data:`netgraph.model.tables.SCHEMAS`)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np

from ..._lazy import pd
from ...errors import NetgraphError
from ...model.report import ImportReport
from ...model.tables import SCHEMAS, Tables, check_columns, validate
from ..textio import read_text
from . import csvfile

__all__ = ["read_table", "sniff", "FILES"]

#: The file names of the canonical tables.
FILES = {f"{kind}.csv": kind for kind in SCHEMAS}


def sniff(header: list[str]) -> str | None:
    """The canonical table a CSV header belongs to, if any (by its required columns)."""
    names = {h.strip().lower() for h in header}
    for kind in ("interactions", "introductions", "ties", "people", "companies"):
        schema = SCHEMAS[kind]
        if set(schema.required) <= names and (kind not in ("people", "companies") or names & set(schema.optional)):
            return kind
    return None


def read_table(path: str | Path, kind: str | None = None, report: ImportReport | None = None) -> pd.DataFrame:
    """Read one canonical CSV file into a validated table.

    Parameters
    ----------
    path : path
        The file.
    kind : {"people", "interactions", "ties", "introductions", "companies"}, optional
        The table it holds; by default from the file name, else from its header.
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    DataFrame
        The kept records, typed (see :mod:`netgraph.model.tables`).

    Raises
    ------
    NetgraphError
        When the file cannot be read at all, or lacks a required column.
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    kind = kind or FILES.get(path.name.lower())
    entry = report.add(path, kind or "csv")
    text, _, note = read_text(path)
    entry.note(note)
    rows = csvfile.Records(text, entry)
    header, header_line = csvfile.split_header(rows, path)
    header = _unescaped(pd.Series(header, dtype=object)).tolist()  # the export escapes column names too
    kind = kind or sniff(header)
    if kind is None:
        raise NetgraphError("not a netgraph table: its header matches none of people, interactions, ties, "
                            "introductions, companies", file=path, line=header_line)
    entry.kind = kind
    names = check_columns(header, kind, path, header_line)
    frame = _one_line_records(text, len(names)) if header_line == 1 else None
    if frame is None:
        good = [[*row, line] for line, row in csvfile.fit(rows, len(names), entry)]
        frame = pd.DataFrame(good, columns=[*names, "_line"], dtype=object)
    else:
        frame.columns = names
        frame["_line"] = np.arange(2, len(frame) + 2)
    if "'" in text:
        for column in names:
            frame[column] = _unescaped(frame[column])
    return validate(frame, kind, entry, tidy=not any(mark in text for mark in _UNTIDY) and text[:1] != " ")


#: White space a cell would need trimmed or folded: if the text holds none, no cell does.
_UNTIDY = (", ", " ,", "  ", "\t", "\n ", " \n", " \r", '" ', ' "', "\v", "\f")


def _one_line_records(text: str, width: int) -> pd.DataFrame | None:
    """The records through pandas' C parser — when every record is one well-formed line.

    Then record i is on line i + 2, and nothing needs reporting; otherwise
    (blank lines, a quoted cell spanning lines, a ragged row) None, and the
    line-by-line reader takes over to say what is wrong where.
    """
    if _BLANK_LINE.search(text) or csvfile.has_long_line(text):
        return None
    body = text.split("\n", 1)[1] if "\n" in text else ""
    records = body.count("\n") + (0 if body.endswith("\n") or not body else 1)
    if '"' in body:
        lines = pd.Series(body.splitlines(), dtype=object)
        quoted = lines.str.contains('"', regex=False)
        if (lines[~quoted].str.count(",") != width - 1).any():
            return None
        if any(len(row) != width for row in csv.reader(lines[quoted].tolist())):
            return None
    elif body.count(",") != (width - 1) * records:
        return None
    try:
        frame = _parsed(text)
    except (pd.errors.ParserError, ValueError, csv.Error):
        return None
    # without quotes, the comma count and the parser's row count together rule out ragged rows
    return frame if len(frame) == records and records else None


def _parsed(text: str) -> pd.DataFrame:
    """Every cell as text, by Arrow's multi-threaded CSV reader (four times pandas' C parser on a million
    rows here), or the C parser where pyarrow is missing; both read these checked one-line records alike."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, engine="c",
                           skip_blank_lines=False)
    return pd.read_csv(io.BytesIO(text.encode("utf-8", "surrogatepass")), dtype=str, keep_default_na=False,
                       na_values=[], engine="pyarrow")


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n|\n[ \t]+\Z|\A\s*\n")


def _unescaped(cells: pd.Series) -> pd.Series:
    """Undo the export's spreadsheet escape (a ``'`` before a formula-like cell)."""
    escaped = cells.str.match(r"'[=+\-@\t\r]", na=False)
    if escaped.any():
        cells = cells.copy()
        cells[escaped] = cells[escaped].str[1:]
    return cells


def read(path: Path, report: ImportReport, kind: str | None = None) -> Tables:
    """A canonical file as a :class:`Tables` with just its own table filled."""
    table = read_table(path, kind, report)
    return Tables(**{report.files[-1].kind: table})
