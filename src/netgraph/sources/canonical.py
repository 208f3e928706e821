"""The canonical CSV files: ``people.csv``, ``interactions.csv``, ``ties.csv``,
``introductions.csv``, ``companies.csv`` (DESIGN.md section 2)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import NetgraphError
from ..report import ImportReport
from ..tables import SCHEMAS, Tables, check_columns, validate
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
        The kept records, typed (see :mod:`netgraph.tables`).

    Raises
    ------
    NetgraphError
        When the file cannot be read at all, or lacks a required column.
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    kind = kind or FILES.get(path.name.lower())
    entry = report.add(path, kind or "csv")
    text, encoding = read_text(path)
    csvfile.note_encoding(entry, encoding)
    header, header_line, records = csvfile.split_header(csvfile.records(text, entry), path)
    kind = kind or sniff(header)
    if kind is None:
        raise NetgraphError("not a netgraph table: its header matches none of people, interactions, ties, "
                            "introductions, companies", file=path, line=header_line)
    entry.kind = kind
    names = check_columns(header, kind, path, header_line)
    good = [[*map(_unescape, row), line] for line, row in csvfile.fit(records, len(names), entry)]
    frame = pd.DataFrame(good, columns=[*names, "_line"], dtype=object)
    return validate(frame, kind, entry)


def _unescape(cell: str) -> str:
    """Undo the export's spreadsheet escape (a ``'`` before a formula-like cell)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def read(path: Path, report: ImportReport, kind: str | None = None) -> Tables:
    """A canonical file as a :class:`Tables` with just its own table filled."""
    table = read_table(path, kind, report)
    return Tables(**{report.files[-1].kind: table})
