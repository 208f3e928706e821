"""The canonical CSV files: ``people.csv``, ``interactions.csv``, ``ties.csv``,
``introductions.csv``, ``companies.csv`` (DESIGN.md section 2)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import NetgraphError
from ..report import ImportReport
from ..tables import SCHEMAS, Tables, check_columns, validate
from ..textio import read_text

__all__ = ["read_table", "sniff", "FILES"]

#: The file names of the canonical tables.
FILES = {f"{kind}.csv": kind for kind in SCHEMAS}

csv.field_size_limit(2**31 - 1)


def sniff(header: list[str]) -> str | None:
    """The canonical table a CSV header belongs to, if any (by its required columns)."""
    names = {h.strip().lower() for h in header}
    for kind in ("interactions", "introductions", "ties", "people", "companies"):
        schema = SCHEMAS[kind]
        if set(schema.required) <= names and (kind not in ("people", "companies") or names & set(schema.optional)):
            return kind
    return None


def rows(path: str | Path, report_entry) -> tuple[list[str], list[tuple[int, list[str]]], int]:
    """The header, and every non-blank record with the line it starts on.

    A record the CSV parser cannot read is reported and skipped. Returns
    (header, records, header line).
    """
    text, encoding = read_text(path)
    if encoding == "cp1252":
        report_entry.notes.append("not UTF-8: read as Windows-1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    header, header_line, records = None, 0, []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report_entry.read += 1
            report_entry.problem(start, f"unreadable CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header, header_line = row, start
        else:
            records.append((start, row))
    if header is None:
        raise NetgraphError("empty file: no header row", file=path, line=1)
    return header, records, header_line


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
    header, records, header_line = rows(path, entry)
    kind = kind or sniff(header)
    if kind is None:
        raise NetgraphError("not a netgraph table: its header matches none of people, interactions, ties, "
                            "introductions, companies", file=path, line=header_line)
    entry.kind = kind
    names = check_columns(header, kind, path, header_line)
    width = len(names)
    good = []
    for line, row in records:
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            row = row[:width]
        if len(row) > width:
            entry.read += 1
            entry.problem(line, f"{len(row)} fields where the header has {width} (an unquoted comma?)")
            continue
        if len(row) < width:
            entry.problem(line, f"{len(row)} fields where the header has {width}; the missing ones read as empty",
                          skipped=False)
            row = row + [""] * (width - len(row))
        good.append([*map(_unescape, row), line])
    frame = pd.DataFrame(good, columns=[*names, "_line"], dtype=object)
    return validate(frame, kind, entry)


def _unescape(cell: str) -> str:
    """Undo the export's spreadsheet escape (a ``'`` before a formula-like cell)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def read(path: Path, report: ImportReport, kind: str | None = None) -> Tables:
    """A canonical file as a :class:`Tables` with just its own table filled."""
    table = read_table(path, kind, report)
    return Tables(**{report.files[-1].kind: table})
