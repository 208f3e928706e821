"""vCard files (``.vcf``): my address book, one person per card.

Reads vCard 2.1, 3.0 and 4.0 as phones, iCloud, Google and Outlook write them:
folded lines, grouped properties (``item1.EMAIL`` with ``item1.X-ABLabel``),
quoted-printable values in a ``CHARSET`` (old Android and Outlook exports).
Each card becomes a people record marked ``contact=True``: being in my address
book is a relationship to me even without any interaction. Only the
properties used are parsed: notes, photos and the rest are never read.

Names: FN is kept as written, unless it holds a comma (``FN:Mustermann, Heiko``,
``FN:Mr. John Richter\\, James Doe Sr.``), which may be "Last, First" or a
title and a name: then N, whose parts say which is which, gives the name.

The content-line syntax (folding, records, bounds on hostile files) is
:mod:`netgraph.io.sources.contentline`'s, shared with iCalendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import vobject
from vobject.base import VObjectError, textLineToContentLine

from ..._lazy import pd
from ...errors import NetgraphError
from ...model.keys import url_key
from ...model.report import FileReport, ImportReport
from ...model.tables import Tables, validate
from ..textio import read_text
from .contentline import Block, blocks, first_line, keyword, logical_lines, own_properties

if TYPE_CHECKING:
    from . import Context

__all__ = ["read_vcard", "recognises", "read"]

#: The properties of a card that are read; the others are never parsed.
_WANTED = {"VERSION", "FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "URL", "X-SOCIALPROFILE"}
_ESCAPE = re.compile(r"\\(.)")
_COLUMNS = ["name", "email", "phone", "company", "title", "linkedin_url", "contact", "_line"]


def recognises(path: Path, head: str) -> bool:
    """True for ``.vcf`` / ``.vcard`` files and for files starting with ``BEGIN:VCARD``."""
    return path.suffix.lower() in (".vcf", ".vcard") or first_line(head) == "BEGIN:VCARD"


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
    name, emails, phones = _name(card, lines), _values(card, "email", "mailto:"), _values(card, "tel", "tel:")
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
        name = keyword(text)[0].rpartition(".")[2]
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
    if isinstance(value, bytes):  # ENCODING=b: base64, decoded by vobject into bytes
        return value.decode("utf-8", "replace").strip()
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


def _name(card, lines: list[tuple[int, str]]) -> str:
    """FN as written; N's parts put together when FN holds a comma (or is missing) and N has a name."""
    formatted = _formatted(lines)
    written = " ".join(_ESCAPE.sub(lambda m: " " if m.group(1) in "nN" else m.group(1), formatted).split())
    if written and "," not in formatted:
        return written
    return _structured(card) or written


def _formatted(lines: list[tuple[int, str]]) -> str:
    """FN's value, escapes kept (vobject cuts FN at its first unescaped comma, as if it were a list)."""
    for number, text in lines:
        if keyword(text)[0].rpartition(".")[2] != "FN":
            continue
        try:
            value = textLineToContentLine(text, number).value
        except VObjectError:  # a damaged FN line ("FN;Alma;;;"): the card's other names serve
            continue
        value = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if value.strip():
            return value.strip()
    return ""


def _structured(card) -> str:
    """The name put together from N's parts: prefix, given, additional, family, suffix."""
    if "n" not in card.contents:
        return ""
    parts = card.n.value
    if isinstance(parts, str):  # an N vobject could not split
        return " ".join(parts.replace(";", " ").split())
    words = [getattr(parts, part, "") for part in ("prefix", "given", "additional", "family", "suffix")]
    if not any(getattr(parts, part, "") for part in ("given", "family")):
        return ""
    return " ".join(" ".join(w) if isinstance(w, list) else w for w in words if w).strip()


def _linkedin(card) -> str:
    """The first LinkedIn profile among URL and X-SOCIALPROFILE values."""
    for line in [*card.contents.get("url", []), *card.contents.get("x-socialprofile", [])]:
        value = _unescaped(line)
        if url_key(value).startswith(("linkedin.com/in/", "linkedin.com/pub/")):
            return value
    return ""
