"""CSV files other programs wrote: preambles, line numbers, ragged rows, runaway quotes.

Readers of CSV formats share these steps: split the decoded text into records
with the line each starts on (a quoted cell may span lines), find the header
(some exports put a few lines of notes above it), and bring every record to
the header's width. Records dropped on the way are counted in the file's
report, so that ``read == loaded + skipped`` still holds after
:func:`netgraph.model.tables.validate` has counted the rest.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator

from ...errors import NetgraphError
from ...model.report import FileReport

__all__ = ["Record", "Records", "split_header", "fit", "sniff_header", "MAX_LINE", "has_long_line"]

#: A CSV record: the 1-based line of the file it starts on, and its cells.
Record = tuple[int, list[str]]

#: A physical line longer than this (a million characters) is no record of any export: it is reported
#: and skipped unparsed. A 300 MB cell parsed would take eight times its size in memory.
MAX_LINE = 1 << 20
csv.field_size_limit(MAX_LINE)

#: A physical line with its ending (the csv module ends lines at CR, LF and CRLF alike).
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def has_long_line(text: str, limit: int = MAX_LINE) -> bool:
    """Whether a line of ``text`` is longer than ``limit`` characters.

    Looks for the last line break in windows of ``limit`` characters, so the
    work is a few steps per ``limit`` characters, not one per line.

    >>> has_long_line("a\\nbb\\nc", 2), has_long_line("a\\nbbb\\nc", 2)
    (False, True)
    """
    start = 0
    while len(text) - start > limit:
        end = text.rfind("\n", start, start + limit + 1)
        if end < 0:
            return True
        start = end + 1
    return False


class Records:
    """The non-blank records of a CSV text, each with the line it starts on.

    A record the CSV parser cannot read is counted, reported and skipped.

    A quote opened by damage and never closed makes one cell of every line up
    to the next quote (or the end of the file), hiding the records on them.
    So a record that runs over several lines and does not look like a
    well-formed one (see :meth:`_runaway`) is counted and reported on its
    first line, and the text is read again from its second line: only the
    damaged line is lost.

    Examples
    --------
    >>> from netgraph.model.report import FileReport
    >>> entry = FileReport("people.csv", "people")
    >>> list(Records('name\\n"Ann\\nBob\\n', entry))
    [(1, ['name']), (3, ['Bob'])]
    >>> entry.problems[0].line, entry.read
    (2, 1)
    """

    def __init__(self, text: str, entry: FileReport):
        self.text, self.entry = text, entry
        #: The number of cells of a record, once the header is known.
        self.width: int | None = None
        self._restart(0, 0)

    def _restart(self, offset: int, line: int) -> None:
        """Parse again from ``offset``, the start of the line after ``line``."""
        self._offset, self._line = offset, line
        self._reader = csv.reader(self._lines(offset))

    def _lines(self, offset: int) -> Iterator[str]:
        """The lines from ``offset``, for the CSV parser; the offset and number of the last line
        handed over are kept, so that each record's text and first line are known."""
        for match in _LINE.finditer(self.text, offset):
            self._offset, self._line = match.end(), self._line + 1
            if match.end() - match.start() > MAX_LINE:
                self._skip(self._line, f"a line of {match.end() - match.start():,} characters: too long to be a "
                                       "record; skipped unread")
                yield "\n"  # a blank line in its place: the parser never copies it, and line numbers hold
                continue
            yield match.group()

    def __iter__(self) -> Records:
        return self

    def __next__(self) -> Record:
        while True:
            start, line = self._offset, self._line + 1
            try:
                row = next(self._reader)
            except csv.Error as exc:
                self._skip(line, f"unreadable CSV: {exc}")
                continue
            if self._line > line and self._runaway(start, row):
                self._skip(line, f"a quote left open runs this record over lines {line}-{self._line}: line {line} "
                                 "skipped, the lines after it read on their own")
                first = _LINE.match(self.text, start)
                assert first is not None  # the runaway record starts with a line of text
                self._restart(first.end(), line)
                continue
            if any(cell.strip() for cell in row):
                return line, row

    def _runaway(self, start: int, row: list[str]) -> bool:
        """Whether a record spanning lines is the work of a quote left open: its quotes are
        unbalanced, or a quote closes a cell in mid-text (well-formed CSV follows it with a comma),
        or -- once the width is known -- it has another number of cells, or holds a line that
        would be a whole record on its own."""
        raw = self.text[start:self._offset]
        if raw.count('"') % 2:
            return True
        try:
            next(csv.reader([raw], strict=True))
        except csv.Error:
            return True
        if self.width is None:
            return False
        inner = raw.splitlines()[1:]
        return len(_trimmed(row, self.width)) != self.width or any(
            len(cells) == self.width for cells in csv.reader(inner))

    def _skip(self, line: int, reason: str) -> None:
        self.entry.read += 1
        self.entry.problem(line, reason)


def _trimmed(row: list[str], width: int) -> list[str]:
    """The row without the empty cells it has beyond ``width`` (spreadsheets add them)."""
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        return row[:width]
    return row


def split_header(rows: Records, file: object, is_header: Callable[[list[str]], bool] | None = None,
                 what: str = "header row") -> tuple[list[str], int]:
    """The header and the line it is on; ``rows`` is left at the record after it, its width set.

    The header is the first record ``is_header`` accepts (by default the first
    record); the lines above it are a preamble, not records.

    Raises
    ------
    NetgraphError
        When there is no record at all, or none that ``is_header`` accepts.
    """
    first = None
    for line, row in rows:
        first = first or line
        if is_header is None or is_header(row):
            rows.width = len(row)
            return row, line
    if first is None:
        raise NetgraphError("empty file: no header row", file=file, line=1)
    raise NetgraphError(f"no {what} found", file=file, line=first)


def fit(rows: Iterator[Record], width: int, entry: FileReport) -> Iterator[Record]:
    """The records brought to ``width`` cells.

    Empty trailing cells beyond the header are dropped; a record with more
    non-empty cells than the header has is skipped (an unquoted comma moved
    its values: none can be trusted); a short one is padded, with a warning.
    """
    for line, row in rows:
        row = _trimmed(row, width)
        if len(row) > width:
            entry.read += 1
            entry.problem(line, f"{len(row)} fields where the header has {width} (an unquoted comma?)")
            continue
        if len(row) < width:
            entry.problem(line, f"{len(row)} fields where the header has {width}; the missing ones read as empty",
                          skipped=False)
            row = row + [""] * (width - len(row))
        yield line, row


def sniff_header(head: str, is_header: Callable[[list[str]], object], limit: int = 10) -> list[str] | None:
    """The header row among the first ``limit`` records of a file's head, if any.

    ``head`` is the start of the file (its last line may be cut short, which
    does not matter: headers come first).
    """
    for seen, (_, row) in enumerate(Records(head, FileReport("", "")), 1):
        if is_header(row):
            return row
        if seen >= limit:
            break
    return None
