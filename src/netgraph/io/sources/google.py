"""Google Contacts CSV exports, in the current layout and in the legacy one.

- Current ("Google CSV" since about 2020): ``First Name,Middle Name,Last Name,
  Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,
  Name Suffix,Nickname,File As,Organization Name,Organization Title,
  Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,
  E-mail 1 - Value,...,Phone 1 - Label,Phone 1 - Value,...,Address 1 - Label,
  Address 1 - Formatted,Address 1 - Street,Address 1 - City,...,
  Website 1 - Label,Website 1 - Value,...``
- Legacy: ``Name,Given Name,Additional Name,Family Name,Yomi Name,...,Location,
  ...,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,...,
  Phone 1 - Type,Phone 1 - Value,...,Organization 1 - Type,Organization 1 - Name,
  Organization 1 - Yomi Name,Organization 1 - Title,...,Website 1 - Type,
  Website 1 - Value``, written in UTF-16 by the old export.

- "Outlook CSV", Google's third export: Outlook's own columns, ``First Name,
  Middle Name,Last Name,Title,Suffix,Nickname,...,E-mail Address,E-mail 2
  Address,E-mail 3 Address,Home Phone,...,Business Phone,...,Mobile Phone,...,
  Job Title,Department,Company,...,Web Page,...,Notes,...,Categories``
  (``Title`` is the name's prefix, ``Job Title`` the position).

In the first two, numbered groups (``E-mail 3``, ``Phone 4``) repeat as far as the
contact with the most values needs, and one cell may hold several values
joined with `` ::: ``. Labels (groups) starting with ``*`` are Google's own
(``* myContacts``, ``* starred``) and are left out. A LinkedIn profile may sit
among the websites. Notes, birthdays and photos are not read. A contact
without a name is named by its first e-mail address, else its first phone
number (as the vCard reader does), with a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..._lazy import pd
from ...model.keys import url_key
from ...model.report import ImportReport
from ...model.tables import Tables, validate
from ..textio import read_text
from . import csvfile

__all__ = ["read_google_contacts", "recognises", "read"]

SOURCE = "google"

#: Columns only Google's exports have, beside the name columns of each layout.
_CURRENT = ({"first name", "last name"}, {"labels", "file as", "organization name", "e-mail 1 - value"})
_LEGACY = ({"name", "given name", "family name"}, {"group membership", "e-mail 1 - value", "organization 1 - name"})
_OUTLOOK = ({"first name", "last name", "e-mail address"}, {"e-mail 2 address", "mobile phone", "business phone",
                                                            "job title"})
#: Outlook's e-mail and phone columns (faxes and pagers are no way to reach a person in a network).
_OUTLOOK_EMAIL = re.compile(r"^e-mail(?: \d+)? address$")
_OUTLOOK_PHONE = re.compile(r"^(?!.*fax)(?:[a-z/ ]+ )?phone(?: \d+)?$")
_OUTLOOK_WEB = ("web page", "personal web page")

_GROUP = re.compile(r"^(?P<group>[a-z -]+?) (?P<number>\d+) - (?P<field>.+)$")
_SEPARATOR = ":::"
_PROFILES = ("linkedin.com/in/", "linkedin.com/pub/")


def read_google_contacts(path, *, report: ImportReport | None = None) -> pd.DataFrame:
    """Read a Google Contacts CSV export (current or legacy layout) into a ``people`` table.

    Parameters
    ----------
    path : str or Path
        The exported ``contacts.csv``.
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    DataFrame
        One row per contact: ``name`` (prefix, first, middle and last name and
        suffix; else the nickname, else the first e-mail address), ``email``
        and ``phone`` (every value of every numbered group), ``company`` and
        ``title`` (the first organisation), ``linkedin_url`` (from the
        websites), ``location`` (city, region, country of the first address),
        ``tags`` (the user's labels), ``contact`` (True). A contact with
        neither a name nor an e-mail address is skipped and reported.

    Raises
    ------
    NetgraphError
        When the file is unreadable or has no Google Contacts header.

    Examples
    --------
    >>> from netgraph.io.sources.google import read_google_contacts
    >>> people = read_google_contacts("contacts.csv")  # doctest: +SKIP
    >>> people.loc[people["linkedin_url"] != "", ["name", "linkedin_url"]]  # doctest: +SKIP
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    entry = report.add(path, "people")
    text, _, note = read_text(path)
    entry.note(note)
    rows = csvfile.Records(text, entry)
    header, _ = csvfile.split_header(
        rows, path, _is_header,
        what="Google Contacts header (First Name, Last Name, ..., E-mail 1 - Value; "
             "or Name, Given Name, Family Name, ...)")
    layout = _Layout(header)
    people = []
    for line, row in csvfile.fit(rows, len(header), entry):
        person = layout.person(row)
        if not person["name"]:
            entry.read += 1
            entry.problem(line, "neither a name, an e-mail address nor a phone number")
            continue
        if person.pop("unnamed"):
            entry.problem(line, f"no name: named '{person['name']}'", skipped=False)
        people.append({**person, "contact": True, "_line": line})
    columns = ["name", "email", "phone", "company", "title", "linkedin_url", "location", "tags", "contact", "_line"]
    return validate(pd.DataFrame(people, columns=columns, dtype=object), "people", entry, SOURCE)


def recognises(path: Path, head: str) -> bool:
    """True for a CSV file whose header is a Google Contacts export's."""
    return path.suffix.lower() == ".csv" and csvfile.sniff_header(head, _is_header) is not None


def read(path: Path, report: ImportReport, context) -> Tables:
    """A Google Contacts export as a :class:`Tables` with its people."""
    return Tables(people=read_google_contacts(path, report=report))


def _is_header(row: list[str]) -> bool:
    names = {cell.strip().lower() for cell in row}
    return any(needed <= names and bool(names & some) for needed, some in (_CURRENT, _LEGACY, _OUTLOOK))


class _Layout:
    """Where each value sits in one export's rows."""

    def __init__(self, header: list[str]):
        names = [cell.strip().lower() for cell in header]
        self.columns = {name: i for i, name in reversed(list(enumerate(names)))}
        numbered = defaultdict(list)
        for i, name in enumerate(names):
            match = _GROUP.match(name)
            if match:
                numbered[match["group"], match["field"]].append((int(match["number"]), i))
        self.groups = {key: [i for _, i in sorted(found)] for key, found in numbered.items()}
        self.outlook = {"e-mail": [i for i, n in enumerate(names) if _OUTLOOK_EMAIL.match(n)],
                        "phone": [i for i, n in enumerate(names) if _OUTLOOK_PHONE.match(n)],
                        "website": [i for i, n in enumerate(names) if n in _OUTLOOK_WEB]}

    def cell(self, row: list[str], *names: str) -> str:
        """The first non-empty value among the columns ``names``."""
        values = (" ".join(row[self.columns[n]].split()) for n in names if n in self.columns)
        return next((v for v in values if v), "")

    def values(self, row: list[str], group: str, field: str) -> list[str]:
        """Every value of a numbered group's field (or of Outlook's columns of that group), in order,
        multi-value cells split."""
        cells = self.cells(row, group, field) + [row[i] for i in self.outlook.get(group, ()) if field == "value"]
        return list(dict.fromkeys(v.strip() for cell in cells for v in cell.split(_SEPARATOR) if v.strip()))

    def cells(self, row: list[str], group: str, field: str) -> list[str]:
        """The cells of a numbered group's field, one per number, in order."""
        return [row[i] for i in self.groups.get((group, field), ())]

    def person(self, row: list[str]) -> dict:
        emails = self.values(row, "e-mail", "value")
        phones = self.values(row, "phone", "value")
        labels = self.cell(row, "labels", "group membership", "categories").split(_SEPARATOR)
        websites = self.values(row, "website", "value")
        name = self.name(row)
        return {
            "name": name or next(iter(emails + phones), ""),
            "unnamed": not name,
            "email": emails,
            "phone": phones,
            "company": self.cell(row, "organization name", "company")
            or next(iter(self.values(row, "organization", "name")), ""),
            "title": self.cell(row, "organization title", "job title")
            or next(iter(self.values(row, "organization", "title")), ""),
            "linkedin_url": next((w for w in websites if url_key(w).startswith(_PROFILES)), ""),
            "location": self.location(row),
            "tags": [t.strip() for t in labels if t.strip() and not t.strip().startswith("*")],
        }

    def name(self, row: list[str]) -> str:
        """The name as written in running text: "Dr. Mary J. Lee, PhD"."""
        full = self.cell(row, "name")
        if not full:
            # Outlook's "Title" is the name's prefix (Mr., Dr.); no other layout has a "Title" column.
            parts = (self.cell(row, "name prefix", "title"), self.cell(row, "first name", "given name"),
                     self.cell(row, "middle name", "additional name"), self.cell(row, "last name", "family name"))
            full = " ".join(p for p in parts if p)
            suffix = self.cell(row, "name suffix", "suffix")
            full = f"{full}, {suffix}" if full and suffix else full
        return full or self.cell(row, "nickname", "file as")

    def location(self, row: list[str]) -> str:
        """City, region and country of the first address that has any; else the legacy Location."""
        places = zip(*(self.cells(row, "address", field) for field in ("city", "region", "country")))
        for place in places:
            parts = [" ".join(p.split(_SEPARATOR)[0].split()) for p in place]
            if any(parts):
                return ", ".join(p for p in parts if p)
        return self.cell(row, "location")
