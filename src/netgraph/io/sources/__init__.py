"""Readers: one module per real-world format, each producing canonical tables.

:func:`find_reader` decides, from a file's name and first bytes, which reader
understands it; :func:`netgraph.load` calls it for every file of a folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...model.report import ImportReport
from ...model.tables import Tables
from ..textio import HEAD, head_text
from . import canonical, google, graphml, ics, linkedin, mbox, vcard

__all__ = ["Reader", "find_reader", "READERS", "Context"]


@dataclass(frozen=True)
class Context:
    """What readers may need beyond the file: who I am, my addresses, today."""

    me: str | None = None
    emails: tuple[str, ...] = ()
    today: object = None


@dataclass(frozen=True)
class Reader:
    """A format: how to recognise a file of it and how to read one."""

    name: str
    recognises: Callable[[Path, str], bool]
    read: Callable[[Path, ImportReport, Context], Tables]


def _head(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return head_text(handle.read(HEAD))
    except OSError:
        return ""


def _canonical_by_header(path: Path, head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    return path.suffix.lower() == ".csv" and canonical.sniff(first.split(",")) is not None


#: In order: the first reader that recognises a file reads it. Real exports come
#: before the header sniffing of canonical tables, which would claim some of them
#: (a LinkedIn messages.csv has date, from and to columns). Last, a file named as
#: a LinkedIn export's that nothing recognised goes to the LinkedIn reader, to be
#: refused with a reason rather than ignored.
READERS: list[Reader] = [
    Reader("canonical", lambda p, h: p.name.lower() in canonical.FILES,
           lambda p, r, c: canonical.read(p, r)),
    Reader("linkedin", linkedin.recognises, linkedin.read),
    Reader("google", google.recognises, google.read),
    Reader("vcard", vcard.recognises, vcard.read),
    Reader("ics", ics.recognises, ics.read),
    Reader("mbox", mbox.recognises, mbox.read),
    Reader("graphml", graphml.recognises, graphml.read),
    Reader("canonical", _canonical_by_header, lambda p, r, c: canonical.read(p, r)),
    Reader("linkedin", lambda p, h: p.name.casefold() in linkedin.NAMES, linkedin.read),
]


def find_reader(path: Path) -> Reader | None:
    """The reader for ``path``, or None when no reader recognises it."""
    head = _head(path)
    return next((reader for reader in READERS if reader.recognises(path, head)), None)
