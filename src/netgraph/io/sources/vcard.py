"""vCard files (``.vcf``): my address book, one person per card.

Reads vCard 2.1, 3.0 and 4.0 as phones, iCloud, Google and Outlook write them:
folded lines, grouped properties (``item1.EMAIL`` with ``item1.X-ABLabel``),
quoted-printable values in a ``CHARSET`` (old Android and Outlook exports).
Each card becomes a people record marked ``contact=True``: being in my address
book is a relationship to me even without any interaction. Only the
properties used are parsed: notes, photos and the rest are never read.

vCard and iCalendar share their content-line syntax (RFC 2425), so the
helpers that unfold lines, split a file into records and pick the lines of a
record worth parsing (:func:`logical_lines`, :func:`blocks`,
:func:`own_properties`) serve :mod:`netgraph.io.sources.ics` too. They bound the
work a hostile file can cause: over-long lines are left out, and records
nested too deep or with too many properties are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import vobject
from vobject.base import VObjectError, textLineToContentLine

from ...errors import NetgraphError
from ...model.keys import url_key
from ...model.report import FileReport, ImportReport
from ...model.tables import Tables, validate
from ..textio import read_text

if TYPE_CHECKING:
    from . import Context

__all__ = ["read_vcard", "recognises", "read", "logical_lines", "blocks", "Block", "first_line", "own_properties",
           "MAX_LINE", "MAX_PROPERTIES", "MAX_DEPTH"]

#: A content line longer than this holds no name, address or date: it is left out, with a warning.
MAX_LINE = 10_000
#: A record with more lines to parse than this is refused: no contact card or meeting has them.
MAX_PROPERTIES = 10_000
#: A record with components nested deeper than this is refused.
MAX_DEPTH = 16
#: The properties of a card that are read; the others are never parsed.
_WANTED = {"VERSION", "FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "URL", "X-SOCIALPROFILE"}
#: The start of a well-formed content line: a name (with its group), then parameters or the value.
_PROPERTY = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"[^:;]*")
_ESCAPE = re.compile(r"\\(.)")
_COLUMNS = ["name", "email", "phone", "company", "title", "linkedin_url", "contact", "_line"]


def first_line(head: str) -> str:
    """The first non-blank line of ``head``, stripped and upper-case."""
    return next((line.strip().upper() for line in head.splitlines() if line.strip()), "")


def recognises(path: Path, head: str) -> bool:
    """True for ``.vcf`` / ``.vcard`` files and for files starting with ``BEGIN:VCARD``."""
    return path.suffix.lower() in (".vcf", ".vcard") or first_line(head) == "BEGIN:VCARD"


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold content lines: yields (line number of its first physical line, logical line).

    A line starting with a space or tab continues the previous one (RFC 6350
    3.2, RFC 5545 3.1), and so does the line after a quoted-printable value
    ending in ``=`` (a soft line break, as vCard 2.1 writers fold). Blank lines
    are dropped.
    """
    parts: list[str] | None = None
    start, quoted = 0, False
    for number, line in enumerate(_NEWLINE.split(text), 1):
        if parts is not None and line.strip() and line[0] in " \t":
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


def _keyword(text: str) -> tuple[str, str]:
    """``BEGIN:VCARD`` -> ("BEGIN", "VCARD"); other lines -> (property name, "")."""
    name = _NAME.match(text).group().strip().upper()
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
        keyword, value = _keyword(text)
        if keyword == "BEGIN" and value in names:
            if stray is not None:
                yield stray
                stray = None
            if current is not None:
                current.error = f"no END:{current.name} (the next BEGIN:{value} is at line {number})"
                yield current
            current, stack = Block(value, number), []
        if current is None:
            if keyword == "END" and value in names:
                yield _orphan(stray, value, number)
                stray = None
            elif strays:
                stray = stray or Block("", number)
                stray.error = f"lines {stray.line}-{number} are outside any record (a damaged BEGIN line?)"
            continue
        current.lines.append((number, text))
        if keyword == "BEGIN":
            stack.append(value)
        elif keyword == "END" and value == stack[-1]:
            stack.pop()
            if not stack:
                yield current
                current = None
        elif keyword == "END":
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
        keyword = _keyword(text)[0]
        if keyword in ("BEGIN", "END"):
            depth += keyword == "BEGIN"
            if depth > MAX_DEPTH:
                return [], f"components nested more than {MAX_DEPTH} deep: refused"
            keep, dropping = depth == 1 or wanted is None, False
            depth -= keyword == "END"
        elif dropping and ":" not in text:
            keep = False
        else:
            named = wanted is None or not _PROPERTY.match(text) or keyword.rpartition(".")[2] in wanted
            keep = named and (depth == 1 or wanted is None)
            dropping = not keep
        if keep and len(text) > MAX_LINE:
            entry.problem(number, f"{keyword[:40] or 'a line'}: {len(text):,} characters, too long to be "
                                  "read; ignored", skipped=False)
            keep = dropping = False
        if keep:
            kept.append((number, text))
            if len(kept) > MAX_PROPERTIES:
                return [], f"more than {MAX_PROPERTIES:,} properties: refused (no real record has them)"
    return kept, ""


def read_vcard(path, *, report: ImportReport | None = None) -> pd.DataFrame:
    """Read a vCard file (``.vcf``) into a people table.

    Parameters
    ----------
    path : str or Path
        The file: one or more vCards (2.1, 3.0 or 4.0).
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    DataFrame
        One row per card: ``name`` (FN, else built from N), ``email`` and
        ``phone`` (lists, preferred first, as written), ``company`` (ORG's
        first component), ``title``, ``linkedin_url`` (from URL or
        X-SOCIALPROFILE), ``contact`` (True), and ``_file``, ``_line`` (the
        card's BEGIN line), ``_source`` ("vcard").

    Raises
    ------
    NetgraphError
        When the file cannot be read or holds no vCard at all. A broken card
        is reported (``report``) and skipped; the others load.

    Examples
    --------
    >>> from netgraph.io.sources.vcard import read_vcard
    >>> people = read_vcard("contacts.vcf")  # doctest: +SKIP
    >>> people[["name", "email", "company"]].head()  # doctest: +SKIP
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    entry = report.add(path, "people")
    text, _, note = read_text(path)
    entry.note(note)
    records, seen = [], False
    for block in blocks(logical_lines(text), {"VCARD"}, strays=True):
        seen = seen or block.name == "VCARD"
        record = _card(block, entry)
        if record is None:
            entry.read += 1
        else:
            records.append(record)
    if not seen:
        raise NetgraphError("no vCard in this file (no BEGIN:VCARD line)", file=path, line=1)
    return validate(pd.DataFrame(records, columns=_COLUMNS), "people", entry, source="vcard")


def read(path: Path, report: ImportReport, context: Context) -> Tables:
    """The reader's entry point for :func:`netgraph.load`."""
    return Tables(people=read_vcard(path, report=report))


def _card(block: Block, entry: FileReport) -> dict | None:
    """One card -> a people record, or None when it is skipped (and reported)."""
    lines, refused = own_properties(block, _WANTED, entry)
    if block.error or refused:
        entry.problem(block.line, block.error or refused)
        return None
    try:
        card = vobject.readOne("\r\n".join(_readable_lines(lines, entry)))
    except (VObjectError, LookupError, ValueError) as exc:
        entry.problem(block.line, f"unreadable vCard: {exc}")
        return None
    name, emails, phones = _name(card), _values(card, "email", "mailto:"), _values(card, "tel", "tel:")
    if not name and not emails and not phones:
        entry.problem(block.line, "no name, e-mail address or phone number")
        return None
    if not name:
        name = (emails or phones)[0]
        entry.problem(block.line, f"no name (FN or N): named '{name}'", skipped=False)
    return {"name": name, "email": emails, "phone": phones, "company": _first(card, "org"),
            "title": _first(card, "title"), "linkedin_url": _linkedin(card), "contact": True,
            "_line": block.line}


def _readable_lines(lines: list[tuple[int, str]], entry: FileReport) -> Iterator[str]:
    """The lines vobject can read (each other one reported as a warning: the rest of the card still loads)."""
    for number, text in lines:
        name = _keyword(text)[0].rpartition(".")[2]
        try:
            textLineToContentLine(text, number)
        except VObjectError:
            entry.problem(number, "unreadable line (not NAME:value) ignored", skipped=False)
            continue
        except LookupError as exc:
            entry.problem(number, f"{name}: {exc}; ignored", skipped=False)
            continue
        except UnicodeDecodeError as exc:
            entry.problem(number, f"{name} is not valid {exc.encoding} text; ignored", skipped=False)
            continue
        yield text


def _unescaped(line) -> str:
    """A property's text: vCard escapes undone where vobject left them (properties it
    does not know, and the ``\\:`` Apple writes in URLs)."""
    value = line.value
    if line.encoded:
        value = _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
    return value.replace("\\:", ":").strip()


def _preferred(line) -> bool:
    """TYPE=pref (3.0), a bare PREF parameter (2.1) or PREF=1 (4.0)."""
    types = {t.strip().lower() for value in line.params.get("TYPE", []) for t in value.split(",")}
    return "pref" in types or "PREF" in line.params or "PREF" in (p.upper() for p in line.singletonparams)


def _values(card, key: str, scheme: str) -> list[str]:
    """Every value of a repeated property (EMAIL, TEL), preferred first, as written."""
    lines = sorted(card.contents.get(key, []), key=lambda line: not _preferred(line))
    values = [_unescaped(line) for line in lines]
    return [v[len(scheme):].strip() if v.lower().startswith(scheme) else v for v in values if v]


def _first(card, key: str) -> str:
    """The first component of a property's first value (ORG's company, TITLE)."""
    for line in card.contents.get(key, []):
        value = line.value[0] if isinstance(line.value, list) and line.value else line.value
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _name(card) -> str:
    """FN, else the name put together from N's parts."""
    formatted = _first(card, "fn")
    if formatted or "n" not in card.contents:
        return formatted
    parts = card.n.value
    words = [getattr(parts, part, "") for part in ("prefix", "given", "additional", "family", "suffix")]
    return " ".join(" ".join(w) if isinstance(w, list) else w for w in words if w).strip()


def _linkedin(card) -> str:
    """The first LinkedIn profile among URL and X-SOCIALPROFILE values."""
    for line in [*card.contents.get("url", []), *card.contents.get("x-socialprofile", [])]:
        value = _unescaped(line)
        if url_key(value).startswith(("linkedin.com/in/", "linkedin.com/pub/")):
            return value
    return ""
