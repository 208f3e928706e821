"""CSV files other programs wrote: encodings, preambles, line numbers, ragged rows.

Readers of CSV formats share these steps: decode the text (a BOM decides,
else UTF-8, else Windows-1252), split it into records with the line each
starts on (a quoted cell may span lines), find the header (some exports put
a few lines of notes above it), and bring every record to the header's
width. Records dropped on the way are counted in the file's report, so that
``read == loaded + skipped`` still holds after :func:`netgraph.tables.validate`
has counted the rest.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import NetgraphError
from ..report import FileReport
from ..textio import decode

__all__ = ["Record", "records", "split_header", "fit", "note_encoding", "sniff_header", "head_text"]

#: A CSV record: the 1-based line of the file it starts on, and its cells.
Record = tuple[int, list[str]]

csv.field_size_limit(2**31 - 1)


def note_encoding(entry: FileReport, encoding: str) -> None:
    """Say in the report when a file was not UTF-8 (its accents may need a look)."""
    if encoding == "cp1252":
        entry.notes.append("not UTF-8: read as Windows-1252")


def records(text: str, entry: FileReport) -> Iterator[Record]:
    """Every non-blank record of ``text`` with the line it starts on.

    A record the CSV parser cannot read is counted, reported and skipped.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            entry.read += 1
            entry.problem(start, f"unreadable CSV: {exc}")
            continue
        if any(cell.strip() for cell in row):
            yield start, row


def split_header(rows: Iterator[Record], file: object, is_header: Callable[[list[str]], bool] | None = None,
                 what: str = "header row") -> tuple[list[str], int, list[Record]]:
    """The header, the line it is on, and the records after it.

    The header is the first record ``is_header`` accepts (by default the first
    record); the lines above it are a preamble, not records.

    Raises
    ------
    NetgraphError
        When there is no record at all, or none that ``is_header`` accepts.
    """
    rows = list(rows)
    if not rows:
        raise NetgraphError("empty file: no header row", file=file, line=1)
    at = next((i for i, (_, row) in enumerate(rows) if is_header is None or is_header(row)), None)
    if at is None:
        raise NetgraphError(f"no {what} found", file=file, line=rows[0][0])
    line, header = rows[at]
    return header, line, rows[at + 1:]


def fit(rows: list[Record], width: int, entry: FileReport) -> Iterator[Record]:
    """The records brought to ``width`` cells.

    Empty trailing cells beyond the header are dropped; a record with more
    non-empty cells than the header has is skipped (an unquoted comma moved
    its values: none can be trusted); a short one is padded, with a warning.
    """
    for line, row in rows:
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
        yield line, row


def sniff_header(head: str, is_header: Callable[[list[str]], bool], limit: int = 10) -> list[str] | None:
    """The header row among the first ``limit`` records of a file's head, if any.

    ``head`` is the start of the file (its last line may be cut short, which
    does not matter: headers come first).
    """
    reader = csv.reader(io.StringIO(head, newline=""))
    seen = 0
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if is_header(row):
                return row
            seen += 1
            if seen >= limit:
                break
    except csv.Error:
        pass
    return None


def head_text(path: Path, head: str, size: int = 4096) -> str:
    """``head`` (a file's start read as UTF-8), or the start read with its real
    encoding when it is UTF-16 or UTF-32 (the legacy Google Contacts CSV is)."""
    if "\x00" not in head:
        return head
    try:
        with open(path, "rb") as handle:
            data = handle.read(size)
    except OSError:
        return head
    # The cut may fall inside a character: keep an even number of bytes.
    data = data[: len(data) - len(data) % 4]
    try:
        return decode(data, path)[0].lstrip("\ufeff")
    except (NetgraphError, UnicodeDecodeError):
        return head
