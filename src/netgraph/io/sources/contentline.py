"""Content lines (RFC 2425), the syntax vCard and iCalendar share: unfolding, records, and bounds.

A content line is ``NAME;PARAM=VALUE:value``; long lines are folded onto
lines starting with a space or tab; records run from ``BEGIN:X`` to
``END:X`` and may nest. :mod:`netgraph.io.sources.vcard` and
:mod:`netgraph.io.sources.ics` read their files with these helpers, which
bound the work a hostile file can cause: over-long lines are left out, and
records nested too deep or with too many properties are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ...model.report import FileReport

__all__ = ["logical_lines", "blocks", "Block", "first_line", "keyword", "own_properties", "MAX_LINE",
           "MAX_PROPERTIES", "MAX_DEPTH"]

#: A content line longer than this holds no name, address or date: it is left out, with a warning.
MAX_LINE = 10_000
#: A record with more lines to parse than this is refused: no contact card or meeting has them.
MAX_PROPERTIES = 10_000
#: A record with components nested deeper than this is refused.
MAX_DEPTH = 16
#: The start of a well-formed content line: a name (with its group), then parameters or the value.
_PROPERTY = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"[^:;]*")


def first_line(head: str) -> str:
    """The first non-blank line of ``head``, stripped and upper-case."""
    return next((line.strip().upper() for line in head.splitlines() if line.strip()), "")


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold content lines: yields (line number of its first physical line, logical line).

    A line starting with a space or tab continues the previous one (RFC 6350
    3.2, RFC 5545 3.1), and so does the line after a quoted-printable value
    ending in ``=`` (a soft line break, as vCard 2.1 writers fold). Blank lines
    are dropped. An indented line that would make a ``BEGIN:``/``END:`` line name
    no component (``END:VEVENT`` then `` EGIN:VEVENT``) is a damaged line of its
    own, which must not take the record that line closes with it.
    """
    parts: list[str] | None = None
    start, quoted = 0, False
    for number, line in enumerate(_NEWLINE.split(text), 1):
        if parts is not None and line.strip() and line[0] in " \t" and not _ends_structure(parts, line[1:]):
            parts.append(line[1:])
            continue
        if parts is not None and quoted and parts[-1].endswith("=") and line.strip():
            parts[-1] = parts[-1][:-1]
            parts.append(line)
            continue
        if parts is not None:
            yield start, "".join(parts)
        parts, start = ([line.lstrip()], number) if line.strip() else (None, number)
        quoted = "QUOTED-PRINTABLE" in line.partition(":")[0].upper()
    if parts is not None:
        yield start, "".join(parts)


def _ends_structure(parts: list[str], more: str) -> bool:
    """Whether ``more`` cannot continue a BEGIN or END line: it would no longer name a component
    (``END:VEVENT`` + ``EGIN:VEVENT``), so it is a damaged line of its own."""
    return (len(parts) == 1 and parts[0][:6].upper().startswith(("BEGIN:", "END:"))
            and _COMPONENT.fullmatch(parts[0] + more) is None)


_COMPONENT = re.compile(r"(?i)(BEGIN|END):[A-Z0-9-]+\s*")


@dataclass
class Block:
    """One record of a content-line file (a vCard, a VEVENT) and the lines it spans.

    ``error`` says why the record is broken (it never ended), "" when whole.
    """

    name: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    error: str = ""

    @property
    def text(self) -> str:
        return "\r\n".join(text for _, text in self.lines)


def keyword(text: str) -> tuple[str, str]:
    """``BEGIN:VCARD`` -> ("BEGIN", "VCARD"); other lines -> (property name, "")."""
    match = _NAME.match(text)
    assert match is not None  # [^:;]* matches every string, if only with ""
    name = match.group().strip().upper()
    return (name, text.partition(":")[2].strip().upper()) if name in ("BEGIN", "END") else (name, "")


def blocks(lines: Iterable[tuple[int, str]], names: set[str], *, strays: bool = False) -> Iterator[Block]:
    """Split logical lines into records: each outermost ``BEGIN:X`` .. ``END:X`` with X in ``names``.

    Components nested in a record (a VALARM in a VEVENT) stay inside it. A
    record that does not end where it should (a new record begins, a
    mismatched END, the end of the file) is yielded with ``error`` set, so
    that it can be reported while the records after it still load. So is an
    ``END:X`` without its BEGIN (a damaged BEGIN line lost a record), and,
    when ``strays`` is True, every run of lines outside any record (a file of
    vCards holds nothing else).
    """
    current: Block | None = None
    stray: Block | None = None
    stack: list[str] = []
    for number, text in lines:
        word, value = keyword(text)
        if word == "BEGIN" and value in names:
            if stray is not None:
                yield stray
                stray = None
            if current is not None:
                current.error = f"no END:{current.name} (the next BEGIN:{value} is at line {number})"
                yield current
            current, stack = Block(value, number), []
        if current is None:
            if word == "END" and value in names:
                yield _orphan(stray, value, number)
                stray = None
            elif strays:
                stray = stray or Block("", number)
                stray.error = f"lines {stray.line}-{number} are outside any record (a damaged BEGIN line?)"
            continue
        current.lines.append((number, text))
        if word == "BEGIN":
            stack.append(value)
        elif word == "END" and value == stack[-1]:
            stack.pop()
            if not stack:
                yield current
                current = None
        elif word == "END":
            current.error = f"END:{value} at line {number} where END:{stack[-1]} was expected"
            yield current
            current = None
    if current is not None:
        current.error = f"no END:{current.name}: the file ends inside it"
        yield current
    if stray is not None:
        yield stray


def _orphan(stray: Block | None, name: str, line: int) -> Block:
    """A record lost to a damaged BEGIN line: its END, with the stray lines before it."""
    block = Block(name, stray.line if stray is not None else line)
    block.error = f"END:{name} at line {line} without its BEGIN:{name} (a damaged BEGIN line?)"
    return block


def own_properties(block: Block, wanted: set[str] | None, entry: FileReport) -> tuple[list[tuple[int, str]], str]:
    """The lines of a record worth parsing, and "" -- or none, and why the record is refused.

    Kept: the record's BEGIN and END, its own properties named in ``wanted``
    (every line, nested components included, when ``wanted`` is None), and
    lines that are no property at all, for the parser to report. Left out:
    nested components; other properties (a card's NOTE, an event's
    DESCRIPTION: what is not used is not even parsed), with the lines
    without a colon after them (vCard 2.1 leaves base64 photos unfolded);
    and lines longer than :data:`MAX_LINE`, with a warning. Records nested
    deeper than :data:`MAX_DEPTH`, or with more than :data:`MAX_PROPERTIES`
    lines kept, are refused.
    """
    kept, depth, dropping = [], 0, False
    for number, text in block.lines:
        word = keyword(text)[0]
        if word in ("BEGIN", "END"):
            depth += word == "BEGIN"
            if depth > MAX_DEPTH:
                return [], f"components nested more than {MAX_DEPTH} deep: refused"
            keep, dropping = depth == 1 or wanted is None, False
            depth -= word == "END"
        elif dropping and ":" not in text:
            keep = False
        else:
            named = wanted is None or not _PROPERTY.match(text) or word.rpartition(".")[2] in wanted
            keep = named and (depth == 1 or wanted is None)
            dropping = not keep
        if keep and len(text) > MAX_LINE:
            entry.problem(number, f"{word[:40] or 'a line'}: {len(text):,} characters, too long to be "
                                  "read; ignored", skipped=False)
            keep = dropping = False
        if keep:
            kept.append((number, text))
            if len(kept) > MAX_PROPERTIES:
                return [], f"more than {MAX_PROPERTIES:,} properties: refused (no real record has them)"
    return kept, ""
