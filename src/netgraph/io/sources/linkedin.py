"""LinkedIn's data export ("Get a copy of your data"): connections, messages, invitations, favours.

The export is a ``.zip`` of CSV files; seven of them make a network:

- ``Connections.csv``: one row per first-degree connection,
  ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``.
  Exports since about 2020 start with a ``Notes:`` preamble (a few lines,
  then a blank one) above the header; 2021 exports have no ``URL`` column;
  2018 ones no preamble either, and dates like ``1/8/18, 6:14 PM`` instead of
  ``05 Jan 2026``; a spreadsheet re-save writes ``23-Apr-23`` (and often
  Windows-1252). A row without a name is a member who has left LinkedIn.
- ``messages.csv``: one row per message, ``CONVERSATION ID,CONVERSATION TITLE,
  FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER``,
  later with ``ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT``. Dates
  are ``2023-04-05 14:22:10 UTC``. A group message names its recipients in
  ``TO`` separated by commas and their profiles in ``RECIPIENT PROFILE URLS``
  (separated by commas, or by semicolons in some exports). Nothing says
  which participant is the export's owner. The 2018 export's ``Messages.csv``
  is ``From,To,Date,Subject,Content,Direction,Folder``: names without
  profiles, dates like ``10/16/18, 8:36 AM``, and ``Direction`` (``INCOMING``
  or ``OUTGOING``), which says who the owner is.
- ``Invitations.csv``: ``From,To,Sent At,Message,Direction,inviterProfileUrl,
  inviteeProfileUrl``, ``Sent At`` like ``4/23/23, 10:15 AM``, ``Direction``
  ``OUTGOING`` (I invited them) or ``INCOMING``.
- ``Recommendations_Received.csv`` and ``Recommendations_Given.csv``:
  ``First Name,Last Name,Company,Job Title,Text,Creation Date,Status``, dates
  like ``07/21/09, 12:11 PM``; the two have one header, so the file's name
  says which way the favour went.
- ``Endorsement_Received_Info.csv`` and ``Endorsement_Given_Info.csv``:
  ``Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,
  Endorser Public Url,Endorsement Status`` (``Endorsee`` in the given one),
  dates like ``2021/05/21 15:13:21 UTC``, profiles without ``https://``.

Dates with the day and the month in either order (``1/8/18``, or ``08/01/2018``
from a spreadsheet's re-save) are read a column at a time: a value above 12
settles the order (:func:`netgraph.model.dates.read_date_column`), else the
export's own month first; the import report says which, per file and column.

Connections become people (``contact=True``: they are my contacts even
without a message); messages and invitations become interactions on the
``message`` channel, naming people as ``"Name <profile URL>"`` and the owner
as ``"me"``. A recommendation is a favour: an interaction of kind ``give``
(note ``recommendation``), which the reciprocity ledger counts; an
endorsement a one-click gesture: kind ``social`` (note ``endorsement``),
which waits for no answer. No message, invitation or recommendation text is kept.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from ..._lazy import pd
from ...errors import NetgraphError
from ...model.dates import GUESS, MONTH_FIRST, KnownOrder, read_date_column
from ...model.keys import name_key, url_key
from ...model.report import FileReport, ImportReport
from ...model.tables import ENDORSEMENT, INVITATION, RECOMMENDATION, YEARS, Tables, empty, validate
from ..textio import decode, read_text
from . import csvfile

__all__ = ["read_linkedin", "read_linkedin_messages", "read_linkedin_invitations", "read_linkedin_favours",
           "recognises", "read", "FILES", "NAMES"]

SOURCE = "linkedin"

#: The export's files that netgraph reads, and the header columns (lower case) that tell each apart.
FILES = {
    "Connections.csv": ("first name", "last name", "connected on"),
    "messages.csv": ("conversation id", "from", "to", "date"),
    "Invitations.csv": ("from", "to", "sent at", "direction"),
    "Recommendations_Received.csv": ("first name", "last name", "creation date"),
    "Recommendations_Given.csv": ("first name", "last name", "creation date"),
    "Endorsement_Received_Info.csv": ("endorsement date", "endorser first name", "endorser last name"),
    "Endorsement_Given_Info.csv": ("endorsement date", "endorsee first name", "endorsee last name"),
}
#: Other vintages' headers of an export file: the 2018 Messages.csv.
_VINTAGES = {"messages.csv": (("from", "to", "date", "direction"),)}
#: The export's file names, case-folded.
NAMES = {name.casefold(): name for name in FILES}


class _Favour(NamedTuple):
    """How a file of favours or gestures reads: its columns, which way it went, what it was."""

    date: str
    person: str  # the other person's columns: "<person> first name", "<person> last name", "<person> public url"
    to_me: bool
    channel: str
    kind: str
    note: str


_FAVOURS = {
    "Recommendations_Received.csv": _Favour("creation date", "", True, "message", "give", RECOMMENDATION),
    "Recommendations_Given.csv": _Favour("creation date", "", False, "message", "give", RECOMMENDATION),
    "Endorsement_Received_Info.csv": _Favour("endorsement date", "endorser ", True, "other", "social", ENDORSEMENT),
    "Endorsement_Given_Info.csv": _Favour("endorsement date", "endorsee ", False, "other", "social", ENDORSEMENT),
}
#: Files whose header cannot tell them apart (received or given): known by their name only.
_BY_NAME_ONLY = ("Recommendations_Received.csv", "Recommendations_Given.csv")

#: A member of the export's .zip is refused beyond this size once inflated: a LinkedIn export of 30,000
#: connections and years of messages is tens of megabytes.
MAX_MEMBER = 512 << 20
#: ... or when it inflates more than this many times its compressed size: CSV compresses five to twenty
#: times; a "zip bomb" a million times (4 GB from 4 MB).
MAX_RATIO = 200
#: What LinkedIn writes instead of the name of a member it does not show.
_ANONYMOUS = "linkedin member"

#: The first characters of accented letters whose UTF-8 was decoded as Windows-1252.
_MOJIBAKE = re.compile("[ÃÂâ]")

#: Date formats of the export's vintages, and of spreadsheets that re-saved it, that read one way only.
#: Dates with the day and the month in either order (``1/8/18, 6:14 PM`` in Connected On in 2018, the
#: 2018 Messages.csv, Sent At, Creation Date; ``08/01/2018`` from a spreadsheet) are read a column at a
#: time: :func:`netgraph.model.dates.read_date_column`.
_DATE_FORMATS = (
    "%d %b %Y",              # Connected On, since about 2020: 05 Jan 2026
    "%Y/%m/%d %H:%M:%S",     # Endorsement Date, once " UTC" is cut off: 2021/05/21 15:13:21
    "%Y-%m-%d %H:%M:%S",     # messages' DATE, once " UTC" is cut off
    "%d-%b-%y",              # a spreadsheet's re-save: 23-Apr-23
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
)
#: The export's own way of writing a date that reads two ways: month first, two-digit year, 12-hour
#: clock (``1/29/26, 2:37 PM``). Every export described in public writes it so (Invitations' Sent At
#: ``1/29/26, 2:37 PM``, Creation Date ``07/21/09, 12:11 PM``, the 2018 Connected On ``12/24/17, 11:02 AM``);
#: LinkedIn documents no format, so an export localised to another order cannot be ruled out: a column
#: in this form that nothing settles is read month first, 95% sure.
_EXPORT_FORM = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}, [0-9]{1,2}:[0-9]{2} [AP]M")
_EXPORT_ORDER = KnownOrder(MONTH_FIRST, "month first, LinkedIn's format for this file", 0.95)
#: The same dates re-saved by a spreadsheet (``01/08/2018``, ``01/08/2018 18:14``) are in the order of the
#: spreadsheet's locale, which read LinkedIn's American dates as its own: either order, as likely.
_RESAVED_ORDER = KnownOrder(MONTH_FIRST, "ambiguous throughout: read month first, as LinkedIn's US export "
                                         "writes them", GUESS)
_SLASHED = re.compile(r"[0-9]{1,2}/")


class _Person(NamedTuple):
    """A participant as the export names them: a display name and a profile URL, either may be empty;
    ``key`` tells participants apart (their profile, else their name)."""

    name: str
    url: str
    key: str

    @property
    def reference(self) -> str:
        if self.name and self.url:
            return f"{self.name} <{self.url}>"
        return self.name or self.url


class _Message(NamedTuple):
    line: int
    conversation: str
    sender: _Person
    recipients: tuple[_Person, ...]
    date: pd.Timestamp


def group_message_id(m: _Message) -> str:
    """A group conversation's message, as one message: who was on it is evidence that they know each other
    (:mod:`netgraph.model.evidence`). ``"linkedin:<conversation>@<minute>"``: the export gives messages no id,
    and one conversation rarely holds two messages in one minute; a message to one person has none (it
    is direct contact, evidence of nothing more)."""
    if len(m.recipients) < 2:
        return ""
    return f"linkedin:{m.conversation}@{pd.Timestamp(m.date):%Y-%m-%dT%H:%M}"


@dataclass(frozen=True)
class _Part:
    """One file of the export, from disk or from the archive, decoded."""

    label: str
    text: str
    note: str


# ---------------------------------------------------------------------------------------------
# Public API


def read_linkedin(path, *, report: ImportReport | None = None) -> pd.DataFrame:
    """Read the connections of a LinkedIn data export into a ``people`` table.

    Parameters
    ----------
    path : str or Path
        ``Connections.csv`` (of any vintage, under any name), a folder holding
        an unzipped export (the file may sit at any depth), or the export's
        ``.zip`` itself (read in memory, never extracted).
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    DataFrame
        One row per connection: ``name`` (first and last name, in that order),
        ``email``, ``company``, ``title`` (the position), ``linkedin_url``,
        ``connected_on``, ``contact`` (True), with ``_file``, ``_line`` and
        ``_source`` ("linkedin").

    Raises
    ------
    NetgraphError
        When the file is missing, unreadable, or has no Connections.csv header.

    Examples
    --------
    >>> from netgraph.io.sources.linkedin import read_linkedin
    >>> people = read_linkedin("Basic_LinkedInDataExport_01-05-2026.zip")  # doctest: +SKIP
    >>> people[["name", "company", "connected_on"]].head()  # doctest: +SKIP
    """
    report = report if report is not None else ImportReport()
    return _connections(_open(path, "Connections.csv"), report)


def read_linkedin_messages(path, *, me: str | None = None, report: ImportReport | None = None) -> pd.DataFrame:
    """Read the messages of a LinkedIn data export into an ``interactions`` table.

    Parameters
    ----------
    path : str or Path
        ``messages.csv``, a folder holding an unzipped export, or the export's ``.zip``.
    me : str, optional
        The export's owner, by name or profile URL. By default (or when it
        matches nobody) the participant present in the most conversations.
    report : ImportReport, optional
        Where to record what was read and every problem; its notes say who
        was taken as the owner.

    Returns
    -------
    DataFrame
        One row per message and recipient (a group message gives one per
        recipient): ``date`` (naive UTC), ``from``, ``to`` (``"me"`` for the
        owner, else ``"Name <profile URL>"``), ``channel`` ("message"),
        ``kind`` ("other"), ``recipients`` (how many the message had).
        Drafts and messages in the spam folder are skipped and reported.

    Examples
    --------
    >>> from netgraph.io.sources.linkedin import read_linkedin_messages
    >>> messages = read_linkedin_messages("Basic_LinkedInDataExport_01-05-2026.zip", me="Jane Jones")  # doctest: +SKIP
    >>> messages.groupby("from").size()  # doctest: +SKIP
    """
    report = report if report is not None else ImportReport()
    return _messages(_open(path, "messages.csv"), report, (me,) if me else ())[0]


def read_linkedin_invitations(path, *, report: ImportReport | None = None) -> pd.DataFrame:
    """Read the invitations of a LinkedIn data export into an ``interactions`` table.

    Parameters
    ----------
    path : str or Path
        ``Invitations.csv``, a folder holding an unzipped export, or the export's ``.zip``.
    report : ImportReport, optional
        Where to record what was read and every problem.

    Returns
    -------
    DataFrame
        One row per invitation: ``date``, ``from`` and ``to`` (``"me"`` ->
        them for ``OUTGOING``, them -> ``"me"`` for ``INCOMING``), ``channel``
        ("message"), ``kind`` ("social"), ``note`` ("invitation"). The
        invitation's message is not kept.

    Examples
    --------
    >>> from netgraph.io.sources.linkedin import read_linkedin_invitations
    >>> invitations = read_linkedin_invitations("Invitations.csv")  # doctest: +SKIP
    >>> (invitations["from"] == "me").mean()  # doctest: +SKIP
    """
    report = report if report is not None else ImportReport()
    return _invitations(_open(path, "Invitations.csv"), report)[0]


# ---------------------------------------------------------------------------------------------
# The loader's side


def recognises(path: Path, head: str) -> bool:
    """True for a LinkedIn export's ``.zip`` and for its CSV files, by their header.

    A ``.zip`` that cannot be opened (an interrupted download, an error page
    saved under the export's name) is claimed too, to be refused with a reason:
    it may well be the export.
    """
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                found = _members(archive)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return True
        return "connections.csv" in found or "messages.csv" in found
    if path.suffix.lower() != ".csv":
        return False
    named = NAMES.get(path.name.casefold())
    if named in _BY_NAME_ONLY:
        return csvfile.sniff_header(head, lambda row: _has_columns(row, named)) is not None
    return csvfile.sniff_header(head, _file_of) is not None


def read(path: Path, report: ImportReport, context) -> Tables:
    """A whole export (its ``.zip``) or one of its files, as canonical tables.

    ``context.me`` names the owner when it matches a participant of the
    messages; otherwise the owner found in the invitations, then the
    participant of the most conversations, is taken.
    """
    if path.suffix.lower() != ".zip":
        part = _read_file(path)
        named = NAMES.get(path.name.casefold())
        name = named if named in _BY_NAME_ONLY else (
            _file_of(csvfile.sniff_header(part.text, _file_of) or []) or named)
        if name is None:
            raise NetgraphError("not a LinkedIn export file: no header of Connections.csv, messages.csv, "
                                "Invitations.csv or an endorsements file", file=path)
        return _tables({name: part}, report, context.me)
    with _archive(path) as archive:
        found = _members(archive)
        parts = {name: _member(path, archive, found[name.casefold()]) for name in FILES if name.casefold() in found}
    return _tables(parts, report, context.me)


def _tables(parts: dict[str, _Part], report: ImportReport, me: str | None) -> Tables:
    people = _connections(parts["Connections.csv"], report) if "Connections.csv" in parts else empty("people")
    interactions, owners = [], []
    hints: tuple[str, ...] = (me,) if me else ()
    if "Invitations.csv" in parts:
        invitations, owner = _invitations(parts["Invitations.csv"], report)
        interactions.append(invitations)
        owners.append(owner)
        # Invitations say for sure who the owner is: the messages' best guess is only the fallback.
        hints += (owner.name, owner.url) if owner else ()
    if "messages.csv" in parts:
        messages, owner = _messages(parts["messages.csv"], report, hints)
        interactions.append(messages)
        owners.append(owner)
    interactions += [_favours(parts[name], report, name) for name in _FAVOURS if name in parts]
    frames = [f for f in interactions if len(f)]
    names = [v for person in owners if person for v in (person.name, person.url) if v]
    return Tables(people=people, owner=list(dict.fromkeys(names)),
                  interactions=pd.concat(frames, ignore_index=True) if frames else empty("interactions"))


# ---------------------------------------------------------------------------------------------
# Finding and decoding the files


def _file_of(header: list[str]) -> str | None:
    """Which export file a header row belongs to, if any."""
    return next((name for name in FILES if name not in _BY_NAME_ONLY and _has_columns(header, name)), None)


def _has_columns(header: list[str], name: str) -> bool:
    """Whether a header row has the columns of the export file ``name`` (in any vintage)."""
    cells = {cell.strip().lower() for cell in header}
    return any(set(columns) <= cells for columns in (FILES[name], *_VINTAGES.get(name, ())))


def _open(path, name: str) -> _Part:
    """The export file ``name`` from a file, a folder (at any depth) or the export's ``.zip``."""
    path = Path(path)
    part = _find(path, name)
    if part is None:
        where = "the archive holds no {}" if path.suffix.lower() == ".zip" else "no {} in this folder or below"
        raise NetgraphError(where.format(name), file=path)
    return part


def _find(path: Path, name: str) -> _Part | None:
    """As :func:`_open`, or None when a folder or an archive does not hold the file."""
    if path.is_dir():
        found = sorted((p for p in path.rglob("*") if p.is_file() and p.name.casefold() == name.casefold()),
                       key=lambda p: (len(p.parts), str(p)))
        if not found:
            return None
        path = found[0]
    if path.suffix.lower() != ".zip":
        return _read_file(path)
    with _archive(path) as archive:
        member = _members(archive).get(name.casefold())
        return None if member is None else _member(path, archive, member)


def read_linkedin_favours(path, *, report: ImportReport | None = None) -> pd.DataFrame:
    """Read the recommendations and endorsements of a LinkedIn data export into an ``interactions`` table.

    Parameters
    ----------
    path : str or Path
        One of ``Recommendations_Received.csv``, ``Recommendations_Given.csv``,
        ``Endorsement_Received_Info.csv``, ``Endorsement_Given_Info.csv``, or a
        folder or ``.zip`` holding them (all of those present are read).
    report : ImportReport, optional
        Where to record what was read and every problem.

    Returns
    -------
    DataFrame
        One row per recommendation or endorsement: ``date``, ``from`` and
        ``to`` (them -> ``"me"`` when received, ``"me"`` -> them when given),
        ``channel`` ("message" for a recommendation, "other" for an
        endorsement), ``kind`` ("give": a recommendation is a favour;
        "social": an endorsement is a gesture), ``note`` ("recommendation" or
        "endorsement"). The recommendation's text and the skill are not kept.

    Raises
    ------
    NetgraphError
        When the path holds none of those files, or one cannot be read.

    Examples
    --------
    >>> from netgraph.io.sources.linkedin import read_linkedin_favours
    >>> favours = read_linkedin_favours("Basic_LinkedInDataExport_01-05-2026.zip")  # doctest: +SKIP
    >>> favours.groupby(["note", "to"]).size()  # doctest: +SKIP
    """
    report = report if report is not None else ImportReport()
    path = Path(path)
    if path.is_file() and path.suffix.lower() != ".zip":
        part = _read_file(path)
        name = NAMES.get(path.name.casefold()) or _file_of(csvfile.sniff_header(part.text, _file_of) or [])
        if name not in _FAVOURS:
            raise NetgraphError(f"not one of {', '.join(_FAVOURS)}", file=path)
        return _favours(part, report, name)
    parts = {name: _find(path, name) for name in _FAVOURS}
    frames = [_favours(part, report, name) for name, part in parts.items() if part is not None]
    if not frames:
        raise NetgraphError(f"none of {', '.join(_FAVOURS)} here", file=path)
    return pd.concat(frames, ignore_index=True)


def _read_file(path: Path) -> _Part:
    decoded = read_text(path)
    return _Part(str(path), decoded.text, decoded.note)


def _archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise NetgraphError("no such file", file=path) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise NetgraphError(f"not a readable zip archive ({exc}): an interrupted download, or a web page saved "
                            "under the export's name? Download the export again", file=path) from None


def _members(archive: zipfile.ZipFile) -> dict[str, str]:
    """The archive's members by lower-case file name, the shallowest first
    (a macOS re-zip adds ``__MACOSX/._Connections.csv`` shadows, which differ in name)."""
    members = sorted((m for m in archive.namelist() if not m.endswith("/")), key=lambda m: (m.count("/"), m))
    found: dict[str, str] = {}
    for member in members:
        found.setdefault(member.rsplit("/", 1)[-1].casefold(), member)
    return found


def _member(path: Path, archive: zipfile.ZipFile, member: str) -> _Part:
    """A member of the archive, decoded; its sizes checked before inflating, and inflated with a cap
    (the sizes the archive declares may lie)."""
    label = f"{path}:{member}"
    info = archive.getinfo(member)
    if info.file_size > MAX_MEMBER or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
        raise NetgraphError(f"refused: {info.compress_size:,} bytes that would inflate to {info.file_size:,} "
                            f"(more than {MAX_MEMBER:,}, or {MAX_RATIO} times their size): not a LinkedIn export",
                            file=label)
    try:
        with archive.open(info) as handle:
            data = handle.read(min(MAX_MEMBER, MAX_RATIO * max(info.compress_size, 1024)) + 1)
    # Encrypted members raise RuntimeError, unknown compression NotImplementedError, bad CRCs BadZipFile,
    # a truncated archive EOFError.
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise NetgraphError(f"cannot read this member of the archive: {exc}", file=label) from None
    if len(data) > min(MAX_MEMBER, MAX_RATIO * max(info.compress_size, 1024)):
        raise NetgraphError("refused: it inflates beyond the size the archive declares", file=label)
    decoded = decode(data, label)
    return _Part(label, decoded.text, decoded.note)


def _records(part: _Part, entry: FileReport, name: str) -> list[tuple[int, dict[str, str]]]:
    """The records of an export file as {lower-case column: stripped cell}, after its preamble."""
    entry.note(part.note)
    rows = csvfile.Records(part.text, entry)
    header, line = csvfile.split_header(
        rows, part.label, lambda row: _has_columns(row, name) and _file_of(row) in (name, None),
        what=f"{name} header (with {', '.join(FILES[name])})")
    if line > 1:
        entry.notes.append(f"lines 1-{line - 1} are notes above the header: not records")
    columns = [cell.strip().lower() for cell in header]
    return [(at, {c: v.strip() for c, v in zip(columns, row)}) for at, row in csvfile.fit(rows, len(columns), entry)]


def _skip(entry: FileReport, line: int, reason: str) -> None:
    """Count and report a record left out before validation."""
    entry.read += 1
    entry.problem(line, reason)


# ---------------------------------------------------------------------------------------------
# Values


class _Dates:
    """Reads the date formats LinkedIn has used; a file sticks to one, so the
    format that worked last is tried first."""

    def __init__(self) -> None:
        self.formats = list(_DATE_FORMATS)

    def __call__(self, text: str) -> pd.Timestamp | None:
        text = " ".join(text.split())
        if text.upper().endswith(" UTC"):
            text = text[:-4]
        for i, fmt in enumerate(self.formats):
            try:
                when = datetime.strptime(text, fmt)
            except ValueError:
                continue
            if i:
                self.formats.insert(0, self.formats.pop(i))
            # A date no network holds (a message planted with the year 1700) is unreadable, as in every reader.
            return pd.Timestamp(when) if YEARS[0] <= when.year <= YEARS[1] else None
        return None


def _column_dates(records: list[tuple[int, dict[str, str]]], column: str, title: str,
                  entry: FileReport) -> list[tuple[pd.Timestamp | None, str]]:
    """Each record's date in ``column`` and, when it has none, why ("no Sent At", "unreadable Sent At
    '...'", or that it contradicts the column's order).

    Dates that read two ways (``5/10/26``) are read in the order the whole column settles, else in
    LinkedIn's (month first); the order is recorded in the report as the column ``title``. A date that
    contradicts the column's order is left out, as an unreadable one is.
    """
    cells = [" ".join(fields[column].split()) for _, fields in records]
    slashed = [c for c in cells if _SLASHED.match(c)]
    known = _EXPORT_ORDER if all(_EXPORT_FORM.fullmatch(c) for c in slashed) else _RESAVED_ORDER
    dates = _Dates()
    read = read_date_column(cells, lines=[line for line, _ in records], known=known,
                            other=lambda text: pd.to_datetime(text.map(dates)))
    entry.date_order(title, read.order, read.why, read.confidence)
    found: list[tuple[pd.Timestamp | None, str]] = []
    for i, (text, when) in enumerate(zip(cells, read.dates)):
        if pd.notna(when) and YEARS[0] <= when.year <= YEARS[1]:
            found.append((when, ""))
        elif i in read.contradicting:
            found.append((None, f"{title} {read.contradicting[i]}"))
        else:
            found.append((None, f"unreadable {title} '{text}'" if text else f"no {title}"))
    return found


def _readable(name: str, entry: FileReport, line: int) -> str:
    """A name with spaces tidied, and UTF-8 that was decoded twice (``Ã©`` for
    ``é``, seen in messages.csv) repaired, with a warning."""
    name = " ".join(name.split())
    if _MOJIBAKE.search(name):
        try:
            fixed = name.encode("cp1252").decode("utf-8")
        except UnicodeError:
            return name
        entry.problem(line, f"name '{name}' was UTF-8 decoded twice: read as '{fixed}'", skipped=False)
        return fixed
    return name


def _name_key(name: str) -> str:
    return f"name:{name_key(name) or name.casefold()}"


def _person(name: str, url: str, entry: FileReport, line: int) -> _Person:
    name = _readable(name, entry, line)
    name = "" if name.casefold() == _ANONYMOUS else name
    return _Person(name, url, url_key(url) or _name_key(name))


def _truthy(value: str) -> bool:
    return value.strip().casefold() in ("yes", "true", "1")


# ---------------------------------------------------------------------------------------------
# Connections.csv


def _connections(part: _Part, report: ImportReport) -> pd.DataFrame:
    entry = report.add(part.label, "people")
    records = _records(part, entry, "Connections.csv")
    rows = []
    for (line, cells), (when, why) in zip(records, _column_dates(records, "connected on", "Connected On", entry)):
        name = _readable(f"{cells['first name']} {cells['last name']}", entry, line)
        if not name:
            _skip(entry, line, "no name: a member who has left LinkedIn (or hides their name)")
            continue
        if when is None and cells["connected on"]:
            entry.problem(line, f"{why}; left empty", skipped=False)
        rows.append({
            "name": name, "email": cells.get("email address", ""), "company": cells.get("company", ""),
            "title": cells.get("position", ""), "linkedin_url": cells.get("url", ""),
            "connected_on": "" if when is None else when.isoformat(), "contact": True, "_line": line,
        })
    columns = ["name", "email", "company", "title", "linkedin_url", "connected_on", "contact", "_line"]
    return validate(pd.DataFrame(rows, columns=columns, dtype=object), "people", entry, SOURCE)


# ---------------------------------------------------------------------------------------------
# messages.csv


def _messages(part: _Part, report: ImportReport, hints: tuple[str, ...]) -> tuple[pd.DataFrame, _Person | None]:
    entry = report.add(part.label, "interactions")
    records = _records(part, entry, "messages.csv")
    messages = []
    directed: Counter = Counter()
    for (line, cells), date in zip(records, _column_dates(records, "date", "DATE", entry)):
        entry.read += 1
        message = _message(line, cells, date, entry)
        if message is not None:
            messages.append(message)
            directed.update(_directed_owner(message, cells.get("direction", "")))
    # The 2018 vintage says which way each message went: its owner is sure, not a guess.
    owner = _owner(messages, hints + tuple(name for name, _ in directed.most_common(1)), entry)
    rows = []
    for m in messages:
        sender = "me" if owner and m.sender.key == owner.key else m.sender.reference
        for person in m.recipients:
            to = "me" if owner and person.key == owner.key else person.reference
            rows.append({"date": m.date, "from": sender, "to": to, "channel": "message", "kind": "other",
                         "recipients": len(m.recipients), "message_id": group_message_id(m), "_line": m.line})
    columns = ["date", "from", "to", "channel", "kind", "recipients", "message_id", "_line"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    # Every message kept gives rows with a date, a sender and a recipient, which validation keeps.
    entry.loaded += len(messages)
    return validate(frame, "interactions", entry, SOURCE, count=False), owner


def _message(line: int, cells: dict[str, str], date: tuple[pd.Timestamp | None, str],
             entry: FileReport) -> _Message | None:
    """One record of messages.csv (``date``: its date, or why it has none), or None when it is
    reported as skipped."""
    if _truthy(cells.get("is message draft", "")) or _truthy(cells.get("is conversation draft", "")):
        entry.problem(line, "a draft: never sent")
        return None
    if cells.get("folder", "").upper() == "SPAM":
        entry.problem(line, "in the spam folder")
        return None
    when, why = date
    if when is None:
        entry.problem(line, why)
        return None
    sender = _person(cells["from"], cells.get("sender profile url", ""), entry, line)
    if not sender.reference:
        entry.problem(line, "no sender: FROM and SENDER PROFILE URL are empty (or an anonymous LinkedIn Member)")
        return None
    recipients = [p for p in _recipients(line, cells, entry) if p.reference and p.key != sender.key]
    if not recipients:
        entry.problem(line, "no recipient other than the sender in TO and RECIPIENT PROFILE URLS")
        return None
    return _Message(line, cells.get("conversation id") or f"line {line}", sender, tuple(recipients), when)


def _directed_owner(message: _Message, direction: str) -> list[str]:
    """The owner's name as a message of the 2018 vintage shows it: its sender when it went out, its one
    recipient when it came in; nothing when the message says no direction."""
    direction = direction.strip().upper()
    if direction == "OUTGOING":
        return [message.sender.name or message.sender.url]
    if direction == "INCOMING" and len(message.recipients) == 1:
        return [message.recipients[0].name or message.recipients[0].url]
    return []


def _recipients(line: int, cells: dict[str, str], entry: FileReport) -> list[_Person]:
    """TO's names paired with RECIPIENT PROFILE URLS.

    With one URL, the whole of TO is its name (a name may hold a comma:
    "Mary Lee, MBA"); with several, TO's names, separated as the URLs are
    (by commas, or semicolons), pair with them in order, unless their counts
    differ, when only the URLs can be trusted.
    """
    to, listed = cells["to"], cells.get("recipient profile urls", "")
    separator = ";" if ";" in listed else ","
    urls = [u.strip() for u in listed.split(separator) if u.strip()]
    names = [to] if len(urls) == 1 else [n for n in to.split(separator) if n.strip()]
    if urls and len(names) != len(urls):
        entry.problem(line, f"TO has {len(names)} names for {len(urls)} RECIPIENT PROFILE URLS: "
                            "recipients known by their profile only", skipped=False)
        names = [""] * len(urls)
    urls = urls or [""] * len(names)
    return [_person(name, url, entry, line) for name, url in zip(names, urls)]


def _owner(messages: list[_Message], hints: tuple[str, ...], entry: FileReport) -> _Person | None:
    """Whose messages these are: the first of ``hints`` (names or profile URLs)
    that names a participant, else the participant present in the most
    conversations (then sending the most)."""
    conversations: dict[str, set[str]] = defaultdict(set)
    sent: Counter[str] = Counter()
    people: dict[str, _Person] = {}
    for m in messages:
        sent[m.sender.key] += 1
        for person in (m.sender, *m.recipients):
            conversations[person.key].add(m.conversation)
            if person.key not in people or not people[person.key].name:
                people[person.key] = person
    if not people:
        return None
    ranked = sorted(people, key=lambda k: (-len(conversations[k]), -sent[k]))
    named = next((k for hint in hints for k in ranked
                  if k == url_key(hint) or _name_key(people[k].name) == _name_key(hint)), None)
    owner = people[named or ranked[0]]
    total = len({m.conversation for m in messages})
    entry.notes.append(f"the owner of these messages: {owner.reference}, in {len(conversations[owner.key])} "
                       f"of {total} conversations")
    if hints and not named:
        entry.notes.append(f"{' or '.join(hints)}: not among the participants")
    if not named and len(ranked) > 1 and len(conversations[ranked[1]]) == len(conversations[ranked[0]]):
        entry.notes.append(f"{people[ranked[1]].reference} is in as many conversations: set 'me' if the owner "
                           "is not who was taken")
    return owner


# ---------------------------------------------------------------------------------------------
# Invitations.csv


def _invitations(part: _Part, report: ImportReport) -> tuple[pd.DataFrame, _Person | None]:
    entry = report.add(part.label, "interactions")
    records = _records(part, entry, "Invitations.csv")
    rows = []
    owners: Counter = Counter()
    for (line, cells), (when, why) in zip(records, _column_dates(records, "sent at", "Sent At", entry)):
        direction = cells["direction"].upper()
        if direction not in ("INCOMING", "OUTGOING"):
            _skip(entry, line, f"Direction '{cells['direction']}' is neither INCOMING nor OUTGOING")
            continue
        if when is None:
            _skip(entry, line, why)
            continue
        inviter = _person(cells["from"], cells.get("inviterprofileurl", ""), entry, line)
        invitee = _person(cells["to"], cells.get("inviteeprofileurl", ""), entry, line)
        mine, theirs = (inviter, invitee) if direction == "OUTGOING" else (invitee, inviter)
        if not theirs.reference:
            _skip(entry, line, "the other person has neither a name nor a profile URL")
            continue
        owners[mine] += 1
        sender, recipient = ("me", theirs.reference) if direction == "OUTGOING" else (theirs.reference, "me")
        rows.append({"date": when.isoformat(), "from": sender, "to": recipient, "channel": "message",
                     "kind": "social", "note": INVITATION, "_line": line})
    columns = ["date", "from", "to", "channel", "kind", "note", "_line"]
    table = validate(pd.DataFrame(rows, columns=columns, dtype=object), "interactions", entry, SOURCE)
    owner = next((person for person, _ in owners.most_common() if person.reference), None)
    if owner:
        entry.notes.append(f"the owner of these invitations: {owner.reference}")
    return table, owner


# ---------------------------------------------------------------------------------------------
# Recommendations and endorsements


def _favours(part: _Part, report: ImportReport, name: str) -> pd.DataFrame:
    how = _FAVOURS[name]
    entry = report.add(part.label, "interactions")
    records = _records(part, entry, name)
    rows = []
    for (line, cells), (when, why) in zip(records, _column_dates(records, how.date, how.date.title(), entry)):
        if when is None:
            _skip(entry, line, why)
            continue
        other = _person(f"{cells[how.person + 'first name']} {cells[how.person + 'last name']}",
                        cells.get(how.person + "public url", ""), entry, line)
        if not other.reference:
            _skip(entry, line, "the other person has neither a name nor a profile URL")
            continue
        sender, recipient = (other.reference, "me") if how.to_me else ("me", other.reference)
        rows.append({"date": when.isoformat(), "from": sender, "to": recipient, "channel": how.channel,
                     "kind": how.kind, "note": how.note, "_line": line})
    columns = ["date", "from", "to", "channel", "kind", "note", "_line"]
    return validate(pd.DataFrame(rows, columns=columns, dtype=object), "interactions", entry, SOURCE)
