"""iCalendar files (``.ics``): meetings, as interactions between the people in them.

A meeting is an interaction from its organizer to each attendee who did not
decline, and from me to each other attendee when I attended without
organizing it. A recurring event counts once per occurrence up to today:
overrides (RECURRENCE-ID) replace their occurrence, cancelled ones and
EXDATEs are not counted. Titles and descriptions are never read, not even
parsed: meeting titles can be private.

One record is one event (a VEVENT, or a recurring series with its overrides);
an event that gives no interaction (cancelled, only in the future, declined
by me, nobody but me) is counted and reported with its reason.

Anyone can send an invitation that ends up in a calendar, so the work an
event causes is bounded before it is expanded: dates outside 1900-2200 are
unreadable; an event ending before it starts is a point in time; a meeting
with more than :data:`MASS_ATTENDEES` attendees makes no person per
attendee; occurrences times attendees are capped per series
(:data:`MAX_SERIES_ROWS`) and interactions per file (:data:`MAX_FILE_ROWS`);
and rules that can never match (the 30th of February, a fifth occurrence of
one a day, week 60) are caught before the recurrence library would walk
them to the year 9999.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from ..._lazy import icalendar, pd, recurring_ical_events
from ...errors import NetgraphError
from ...model.dates import as_timestamp
from ...model.keys import domain_of, email_key, split_reference
from ...model.report import FileReport, ImportReport
from ...model.rules import Rules
from ...model.tables import EARLIEST, LATEST, YEARS, Tables, validate
from ..textio import read_text
from .contentline import Block, blocks, first_line, logical_lines, own_properties

if TYPE_CHECKING:
    from . import Context

__all__ = ["read_ics", "recognises", "read", "MAX_OCCURRENCES"]

#: Occurrences counted per series at most: a rule without end, started long
#: ago (a daily event from 1900), must not flood the table.
MAX_OCCURRENCES = 5000
#: Interactions (occurrences x people met) one series gives at most: an invitation to 2,000 people
#: repeated 5,000 times would be ten million rows. A weekly team meeting of 12 over ten years is 6,000.
MAX_SERIES_ROWS = 50_000
#: A meeting with more attendees than this is a mass invitation (an all-hands, a webinar): it makes no
#: person per attendee, and counts only between people the calendar's other meetings know (see
#: ``Rules.mass_recipients``).
MASS_ATTENDEES = Rules().mass_recipients
#: Interactions one calendar gives at most: ten years of a busy professional's calendar (2,000 meetings
#: a year of five people) are 100,000.
MAX_FILE_ROWS = 300_000

#: The recurrence library walks a rule period by period: one whose days never come (the 30th
#: of February, Tuesdays every 7 days from a Monday, the 5th of one occurrence a day, week 60)
#: would be walked to the year 9999, for seconds (a minute for eight daily ones from 1900),
#: unless caught first: a query's end does not stop a walk that finds nothing. The periods, in
#: seconds (months and years: any day may come).
_PERIOD = {"YEARLY": 0, "MONTHLY": 0, "WEEKLY": 7 * 86400, "DAILY": 86400, "HOURLY": 3600, "MINUTELY": 60,
           "SECONDLY": 1}
#: The filters on days that those rules may have, and what else they may hold to be checked.
_DAY_FILTERS = {"BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYDAY", "BYWEEKNO"}
_TIMES = ("BYHOUR", "BYMINUTE", "BYSECOND")
_CHECKED = _DAY_FILTERS | {"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYSETPOS", *_TIMES}
#: The frequencies finer than a day, in order: a rule by the hour takes one candidate a period from BYHOUR.
_FINER = ("HOURLY", "MINUTELY", "SECONDLY")
#: Days in 400 years of the Gregorian calendar, after which it repeats (weekdays too).
_CYCLE = 146_097
_CYCLE_START = dt.datetime(2000, 1, 1)
#: Properties that decide when an event happens: unreadable, the event is skipped.
_TIMING = {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
#: Of those, the ones an event has once at most.
_ONCE = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")
#: The properties of an event that are read; the others (SUMMARY, DESCRIPTION...) are never parsed.
_WANTED = _TIMING | {"UID", "SEQUENCE", "STATUS", "ORGANIZER", "ATTENDEE"}
#: The first and last plausible days of a meeting (as of every date netgraph reads).
_COLUMNS = ["date", "from", "to", "channel", "kind", "note", "recipients", "message_id", "_line"]



def _when(event: icalendar.cal.Component, name: str) -> Any:
    """The value of a date-time property (``DTSTART``, ``DTEND``...): a date or a datetime.

    icalendar types ``event[name]`` as the union of every property class; only the
    date-time ones carry ``.dt``, which is what the callers have checked for.
    """
    return cast(Any, event[name]).dt

def recognises(path: Path, head: str) -> bool:
    """True for ``.ics`` files and for files starting with ``BEGIN:VCALENDAR``."""
    return path.suffix.lower() == ".ics" or first_line(head) == "BEGIN:VCALENDAR"


@dataclass(frozen=True)
class Person:
    """A calendar user as a reference: ``"CN <address>"``, the address, or the name alone."""

    ref: str
    key: str  # the e-mail key, "" when no address was written

    @property
    def ident(self) -> str:
        return self.key or self.ref.casefold()

    @classmethod
    def of(cls, prop) -> Person | None:
        """An ORGANIZER or ATTENDEE value; None for rooms, resources and Google's
        calendar addresses (``...@group.calendar.google.com``), which are not people."""
        value = str(prop).strip()
        address = value[len("mailto:"):].strip() if value.lower().startswith("mailto:") else ""
        # An address on a private network (ann@localhost, bob@intranet) is no e-mail key, but still someone:
        # known by it as by a name.
        local, at, host = address.rpartition("@")
        key = email_key(address) or (address.casefold() if local and host and " " not in address else "")
        if str(prop.params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE") \
                or domain_of(key).endswith("calendar.google.com"):
            return None
        # Brackets and quotes in a CN would make "CN <address>" ambiguous.
        name = " ".join(str(prop.params.get("CN", "")).translate(str.maketrans('<>"', "   ")).split())
        if key and not email_key(address):
            return cls(name or address, key)
        if key:
            return cls(f"{name} <{address}>" if name and email_key(name) != key else address, key)
        return cls(name, "") if name else None


@dataclass(frozen=True)
class Meeting:
    """Who was in one VEVENT (or one occurrence of a series)."""

    organizer: Person | None
    attending: tuple[Person, ...]  # attendees other than the organizer who did not decline
    declined: tuple[Person, ...]  # everyone who declined, the organizer included

    @classmethod
    def of(cls, event) -> Meeting:
        organizers = _as_list(event.get("ORGANIZER"))
        organizer = Person.of(organizers[0]) if organizers else None
        attending, declined, seen = [], [], set()
        for prop in _as_list(event.get("ATTENDEE")):
            person = Person.of(prop)
            if person is None or person.ident in seen:
                continue
            seen.add(person.ident)
            if str(prop.params.get("PARTSTAT", "")).upper() == "DECLINED":
                declined.append(person)
            elif organizer is None or person.ident != organizer.ident:
                attending.append(person)
        return cls(organizer, tuple(attending), tuple(declined))

    @property
    def everyone(self) -> list[Person]:
        return [*([self.organizer] if self.organizer else []), *self.attending, *self.declined]

    def pairs(self, mine: set[str]) -> list[tuple[Person, Person]]:
        """Who met whom: organizer -> each attendee, and me -> each other attendee
        when I attended without organizing."""
        pairs = []
        declined = {p.ident for p in self.declined}
        if self.organizer is not None and self.organizer.ident not in declined:
            pairs += [(self.organizer, p) for p in self.attending]
        organized = self.organizer is not None and self.organizer.key in mine
        me = None if organized else next((p for p in self.attending if p.key in mine), None)
        if me is not None:
            pairs += [(me, p) for p in self.attending if p is not me]
        return pairs

    def why_not(self, mine: set[str]) -> str:
        """Why this meeting gives no interaction."""
        everyone = self.everyone
        if not everyone:
            return "no attendees"
        if all(p.key in mine for p in everyone):
            return "no attendee but me"
        if not self.attending and not self.declined:
            return "no attendees"
        if any(p.key in mine for p in self.declined):
            return "declined by me"
        if not self.attending:
            return "every attendee declined"
        if self.organizer is None:
            return "no organizer, and I am not among the attendees"
        return "the organizer declined"


@dataclass
class Series:
    """One record: an event with its overrides (same UID), or overrides alone."""

    line: int
    events: list[icalendar.Event]  # the master event first, when there is one

    @property
    def rules(self) -> list:
        return [rule for event in self.events for rule in _as_list(event.get("RRULE"))]

    def bounded(self, limit: int = MAX_OCCURRENCES) -> bool:
        """True when no rule can give more than ``limit`` occurrences."""
        return all(rule.get("COUNT", [limit + 1])[0] <= limit for rule in self.rules)

    def drop_rules_never_met(self) -> bool:
        """Remove the rules whose days never come; True when there were any."""
        dropped = False
        for event in self.events:
            rules = _as_list(event.get("RRULE"))
            start = _when(event, "DTSTART")
            local = start.replace(tzinfo=None) if isinstance(start, dt.datetime) else _utc(start)
            kept = [rule for rule in rules if not _never_met(rule, local)]
            if len(kept) < len(rules):
                dropped = True
                event.pop("RRULE")
                for rule in kept:
                    event.add("RRULE", rule)
        return dropped

    def calendar(self) -> icalendar.Calendar:
        # Time zones are already attached to the parsed times: none need adding.
        calendar = icalendar.Calendar()
        for event in self.events:
            calendar.add_component(event)
        return calendar


@dataclass
class Budget:
    """What one calendar file may still give (interactions), and the people its meetings other than mass
    invitations name, whom a mass invitation may count."""

    rows: int
    known: set[str] = field(default_factory=set)


def read_ics(path, *, me: str | None = None, emails=(), today=None,
             report: ImportReport | None = None) -> pd.DataFrame:
    """Read an iCalendar file (``.ics``) into an interactions table.

    Parameters
    ----------
    path : str or Path
        The file, as Google Calendar, iCloud, Outlook or Thunderbird export it.
    me : str, optional
        Who the calendar belongs to; used when it is an e-mail address.
    emails : list of str, optional
        My addresses. When neither they nor ``me`` give one, the owner is
        inferred: the address in X-WR-CALNAME (as Google writes it), else the
        address present in more than half of the events and in more than any
        other (the report's notes say which).
    today : date or str, optional
        Occurrences are counted up to this day (inclusive); default: now.
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    DataFrame
        One row per occurrence and pair of people who met: ``date`` (its start,
        naive UTC; all-day events at midnight), ``from`` (the organizer, or me),
        ``to`` (an attendee), as ``"CN <address>"`` references; ``channel``
        ("meeting"), ``kind`` ("other"), ``note`` (""), ``recipients`` (the
        attendees other than the organizer who did not decline), and ``_file``,
        ``_line`` (the event's BEGIN line), ``_source`` ("ics").

    Raises
    ------
    NetgraphError
        When the file cannot be read or is not an iCalendar file. A broken event
        is reported (``report``) and skipped; the others load.

    Examples
    --------
    >>> from netgraph.io.sources.ics import read_ics
    >>> meetings = read_ics("calendar.ics", emails=["jane@example.com"],
    ...                     today="2026-11-01")  # doctest: +SKIP
    >>> meetings[["date", "from", "to"]].head()  # doctest: +SKIP
    """
    report = report if report is not None else ImportReport()
    return _read(Path(path), report, me, tuple(emails), as_timestamp(today)).interactions


def read(path: Path, report: ImportReport, context: Context) -> Tables:
    """The reader's entry point for :func:`netgraph.load`."""
    return _read(path, report, context.me, context.emails, context.today)


def _read(path: Path, report: ImportReport, me: str | None, emails: tuple[str, ...], today) -> Tables:
    entry = report.add(path, "interactions")
    text, _, note = read_text(path)
    entry.note(note)
    lines = list(logical_lines(text))
    if not any(body.strip().upper() == "BEGIN:VCALENDAR" for _, body in lines):
        raise NetgraphError("not an iCalendar file (no BEGIN:VCALENDAR line)", file=path, line=1)
    found = list(blocks(lines, {"VEVENT", "VTIMEZONE"}))
    if not any(b.name == "VEVENT" for b in found):
        entry.notes.append("no events (VEVENT) in this calendar")
    # Parsed first: icalendar then knows the zones the events' TZIDs name.
    _timezones([b for b in found if b.name == "VTIMEZONE"], entry)
    series = _series([b for b in found if b.name == "VEVENT"], entry)
    mine, owner = _mine(me, emails, series, _calendar_name(lines), entry)
    cutoff = _cutoff(today)
    rows, budget = [], Budget(rows=MAX_FILE_ROWS, known=_known(series, mine))
    for one in series:
        entry.read += 1
        got, reason = _expand(one, mine, cutoff, entry, budget)
        if got:
            entry.loaded += 1
            rows += got
        else:
            entry.problem(one.line, reason)
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return Tables(interactions=validate(frame, "interactions", entry, source="ics", count=False), owner=owner)


def _as_list(value) -> list:
    """A property that may occur once or several times, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _timezones(found: list[Block], entry: FileReport) -> None:
    """Parse the VTIMEZONE definitions (icalendar keeps those zoneinfo does not know)."""
    for block in found:
        lines, refused = own_properties(block, None, entry)
        if block.error or refused:
            entry.notes.append(f"line {block.line}: VTIMEZONE ignored: {block.error or refused}")
            continue
        try:
            icalendar.Timezone.from_ical("\r\n".join(text for _, text in lines))
        except ValueError as exc:
            entry.notes.append(f"line {block.line}: unreadable VTIMEZONE ignored: {exc}")


def _event(block: Block, entry: FileReport) -> icalendar.Event | None:
    """One VEVENT, or None when it is unreadable (reported, counted)."""
    lines, refused = own_properties(block, _WANTED, entry)
    reason = block.error or refused
    if not reason:
        try:
            event = cast(icalendar.Event, icalendar.Event.from_ical("\r\n".join(text for _, text in lines)))
        except ValueError as exc:
            reason = f"unreadable event: {exc}"
        else:
            reason = _timing_problem(event)
    if reason:
        entry.read += 1
        entry.problem(block.line, reason)
        return None
    for name, message in event.errors:
        entry.problem(block.line, f"{name or 'unreadable line'} ignored: {message}", skipped=False)
    if "DTEND" in event and _utc(_when(event, "DTEND")) < _utc(_when(event, "DTSTART")):
        entry.problem(block.line, f"DTEND {_when(event, 'DTEND')} is before DTSTART {_when(event, 'DTSTART')}: "
                                  "taken as a point in time", skipped=False)
        event.pop("DTEND")
    return event


def _timing_problem(event: icalendar.Event) -> str:
    """Why the event's timing cannot be read, or ""."""
    broken = [(name, message) for name, message in event.errors if name in _TIMING]
    if broken:
        return f"unreadable {broken[0][0]}: {broken[0][1]}"
    if "DTSTART" not in event:
        return "no DTSTART"
    twice = next((name for name in _ONCE if isinstance(event.get(name), list)), None)
    if twice:
        return f"{twice} given {len(cast(list, event[twice]))} times"
    # a truncated date ("202504") parses as a time of day: a day is needed
    clock = next((name for name in ("DTSTART", "RECURRENCE-ID") if name in event
                  and not isinstance(_when(event, name), dt.date)), None)
    if clock:
        return f"{clock} '{_when(event, clock)}' is a time of day, not a date"
    implausible = next((name for name in ("DTSTART", "DTEND", "RECURRENCE-ID") if name in event
                        and not _plausible(_when(event, name))), None)
    if implausible:
        return f"unreadable {implausible} '{_when(event, implausible)}': not from {YEARS[0]} to {YEARS[1]}"
    return ""


def _series(found: list[Block], entry: FileReport) -> list[Series]:
    """Group the events into records by UID: a master with its overrides."""
    masters: dict[object, tuple[int, icalendar.Event]] = {}
    overrides: dict[object, list[tuple[int, icalendar.Event]]] = defaultdict(list)
    order = []
    for block in found:
        event = _event(block, entry)
        if event is None:
            continue
        uid = str(event.get("UID", "")).strip() or ("", block.line)
        order.append(uid)
        if "RECURRENCE-ID" in event:
            overrides[uid].append((block.line, event))
        elif uid in masters:
            entry.read += 1
            entry.problem(block.line, f"repeats the event at line {masters[uid][0]} (same UID)")
        else:
            masters[uid] = (block.line, event)
    records = []
    for uid in dict.fromkeys(order):
        parts = ([masters[uid]] if uid in masters else []) + overrides[uid]
        records.append(Series(parts[0][0], [event for _, event in parts]))
    return records


def _calendar_name(lines: list[tuple[int, str]]) -> str:
    """X-WR-CALNAME: Google writes the owner's address there for the main calendar."""
    for _, text in lines:
        name, _, value = text.partition(":")
        if name.split(";")[0].strip().upper() == "X-WR-CALNAME":
            return value.replace("\\,", ",").strip()
    return ""


def _mine(me: str | None, emails: tuple[str, ...], series: list[Series], calname: str,
          entry: FileReport) -> tuple[set[str], list[str]]:
    """My addresses, and the owner to put in ``Tables.owner`` when they were inferred."""
    given = {email_key(a) for a in (*emails, me or "")} - {""}
    if given:
        return given, []
    owner, how = _owner(series, calname)
    if owner is None:
        entry.notes.append("owner not inferred: no address is in more than half of the events (and "
                           "X-WR-CALNAME is none); only organizers meet attendees")
        return set(), []
    entry.notes.append(f"owner inferred: {owner.ref} {how}; taken as me")
    name, address = split_reference(owner.ref)
    return {owner.key}, [part for part in (name, address) if part]


def _owner(series: list[Series], calname: str) -> tuple[Person | None, str]:
    """Whose calendar this is: the address X-WR-CALNAME gives, else the one in most events."""
    counts: Counter[str] = Counter()
    refs: dict[str, Counter[str]] = defaultdict(Counter)
    with_people = 0
    for one in series:
        people = {p.key: p.ref for p in Meeting.of(one.events[0]).everyone if p.key}
        with_people += bool(people)
        counts.update(people.keys())
        for key, ref in people.items():
            refs[key][ref] += 1
    key = email_key(calname)
    if key:
        how = "from X-WR-CALNAME"
    else:
        top = counts.most_common(2) + [("", 0)]
        key, count = top[0]
        if not key or count == top[1][1] or 2 * count <= with_people:
            return None, ""
        how = f"is in {count:,} of {with_people:,} events"
    spellings = [ref for ref, _ in refs[key].most_common()] or [calname]
    # A spelling with the name in it says more than the bare address.
    return Person(next((ref for ref in spellings if "<" in ref), spellings[0]), key), how


def _cutoff(today) -> dt.datetime:
    """The end of ``today`` (naive UTC); now when no day is given."""
    if today is None:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return (pd.Timestamp(today).normalize() + pd.Timedelta(days=1)).to_pydatetime()


def _plausible(value) -> bool:
    """Whether a date (or date-time) falls in the years netgraph reads."""
    try:
        return EARLIEST <= _utc(value) < LATEST
    except (OverflowError, ValueError):  # year 1 in a zone east of UTC
        return False


def _utc(value) -> dt.datetime:
    """A DTSTART value as naive UTC: dates at midnight, floating times as UTC."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _known(series: list[Series], mine: set[str]) -> set[str]:
    """Everyone the calendar's meetings name, but for mass invitations; and me."""
    known = set(mine)
    for one in series:
        for event in one.events:
            meeting = Meeting.of(event)
            if len(meeting.attending) <= MASS_ATTENDEES:
                known.update(p.ident for p in meeting.everyone)
    return known


def _pairs(event, mine: set[str], known: set[str]) -> list[tuple[Person, Person]]:
    """Who met whom at one occurrence; at a mass invitation, only the attendees the calendar knows otherwise
    (the organizer, like a message's sender, always counts)."""
    meeting = Meeting.of(event)
    pairs = meeting.pairs(mine)
    if len(meeting.attending) > MASS_ATTENDEES:
        pairs = [(a, b) for a, b in pairs if b.ident in known]
    return pairs


def _expand(series: Series, mine: set[str], cutoff: dt.datetime, entry: FileReport,
            budget: Budget) -> tuple[list[dict], str]:
    """The interactions of one record, or none and the reason why."""
    if str(series.events[0].get("STATUS", "")).upper() == "CANCELLED":
        return [], "cancelled"
    crowd = max(len(Meeting.of(event).attending) for event in series.events)
    pairs = max(len(_pairs(event, mine, budget.known)) for event in series.events)
    if not pairs:
        return [], (f"a mass invitation ({crowd:,} attendees) of people no other meeting names"
                    if crowd > MASS_ATTENDEES else Meeting.of(series.events[0]).why_not(mine))
    if crowd > MASS_ATTENDEES:
        entry.problem(series.line, f"a mass invitation ({crowd:,} attendees, more than {MASS_ATTENDEES}): no person "
                                   f"made for each; counted for the {pairs:,} attendees other meetings name",
                      skipped=False)
    if budget.rows < pairs:
        return [], f"the calendar already gave {MAX_FILE_ROWS:,} interactions: no more are read from it"
    # icalendar leaves the times of a TZID it cannot resolve naive.
    unknown = {str(e["DTSTART"].params["TZID"]) for e in series.events if "TZID" in e["DTSTART"].params
               and isinstance(_when(e, "DTSTART"), dt.datetime) and _when(e, "DTSTART").tzinfo is None}
    for zone in sorted(unknown):
        entry.problem(series.line, f"unknown time zone '{zone}': times read as UTC", skipped=False)
    first = min(_utc(_when(event, "DTSTART")) for event in series.events)
    if first >= cutoff:
        return [], f"only in the future (from {first:%Y-%m-%d})"
    if series.drop_rules_never_met():
        entry.problem(series.line, "its RRULE matches no day of the calendar: only DTSTART (and RDATEs) counted",
                      skipped=False)
    # Bounded before expanding, by the people met at each occurrence, and by its attendees: the library
    # makes each occurrence a copy of its event, attendees and all.
    people = max(pairs, crowd + 1)
    limit = min(MAX_OCCURRENCES, MAX_SERIES_ROWS // people, budget.rows // pairs)
    try:
        occurrences, more = _occurrences(series, max(first, EARLIEST), cutoff, limit)
    # TypeError: rules mixing dates and date-times, which the library cannot compare.
    except (recurring_ical_events.InvalidCalendar, ValueError, OverflowError, TypeError) as exc:
        return [], f"cannot expand its recurrence: {str(exc)[:200]}"
    if more:
        why = "" if limit == MAX_OCCURRENCES else f" (of {people:,} people each)"
        entry.problem(series.line, f"more than {limit:,} occurrences{why}: only the first {limit:,} counted "
                      f"(to {occurrences[-1][0]:%Y-%m-%d})", skipped=False)
    held = [(start, event) for start, event in occurrences
            if str(event.get("STATUS", "")).upper() != "CANCELLED"]
    rows = []
    for start, event in held:
        attending = len(Meeting.of(event).attending)
        # one occurrence, one identity: who was at the same meeting is evidence that they know each other
        occurrence = f"{event.get('UID', f'line {series.line}')}#{start:%Y%m%dT%H%M}"
        rows += [{"date": start, "from": a.ref, "to": b.ref, "channel": "meeting", "kind": "other", "note": "",
                  "recipients": attending, "message_id": occurrence, "_line": series.line}
                 for a, b in _pairs(event, mine, budget.known)]
    rows = rows[:budget.rows]
    budget.rows -= len(rows)
    if rows:
        return rows, ""
    if not occurrences:
        return [], f"no occurrence up to {cutoff - dt.timedelta(microseconds=1):%Y-%m-%d}"
    if not held:
        return [], "every occurrence cancelled"
    return [], Meeting.of(held[0][1]).why_not(mine)


@functools.cache
def _calendar_days() -> dict[str, tuple[np.ndarray, ...]]:
    """Every day of one 400-year cycle of the Gregorian calendar, from 2000-01-01: its month, day of the
    month (from the start and from the end), day of the year (likewise), weekday and ISO week (likewise);
    and, under keys starting with "_", the week (from Monday), month and year it is in."""
    first = np.datetime64(_CYCLE_START.date(), "D")
    days = np.arange(first, first + np.timedelta64(_CYCLE, "D"), dtype="datetime64[D]")
    months = days.astype("datetime64[M]")
    years = days.astype("datetime64[Y]")
    month_day = (days - months).astype(int) + 1
    year_day = (days - years).astype(int) + 1
    month_length = ((months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")).astype(int)
    year_length = ((years + 1).astype("datetime64[D]") - years.astype("datetime64[D]")).astype(int)
    iso = pd.DatetimeIndex(days).isocalendar()
    week, week_year = iso["week"].to_numpy(int), iso["year"].to_numpy(int)
    weeks_in_year = pd.Series(week).groupby(week_year).transform("max").to_numpy()
    return {"BYMONTH": (months.astype(int) % 12 + 1,), "BYMONTHDAY": (month_day, month_day - month_length - 1),
            "BYYEARDAY": (year_day, year_day - year_length - 1),
            "BYDAY": (np.array(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])[(days.astype(int) + 3) % 7],),
            "BYWEEKNO": (week, week - weeks_in_year - 1),
            # 2000-01-01 was a Saturday: day 2 is the first Monday
            "_WEEKLY": ((np.arange(_CYCLE) + 5) // 7,), "_MONTHLY": (months.astype(int),),
            "_YEARLY": (years.astype(int),)}


def _never_met(rule, start: dt.datetime) -> bool:
    """Whether no day that a rule from ``start`` (its local time) comes to in 400 years passes its
    filters on days, or none of its periods holds as many candidates as BYSETPOS asks for.
    Rules with other parts (positions in BYDAY, BYEASTER...) are not checked.
    """
    frequency = str(rule.get("FREQ", [""])[0]).upper()
    filters = {name: [str(v).upper() for v in rule[name]] for name in _DAY_FILTERS if name in rule}
    if frequency not in _PERIOD or not (filters or "BYSETPOS" in rule) or set(rule) - _CHECKED \
            or any(len(day) != 2 for day in filters.get("BYDAY", [])) \
            or ("BYWEEKNO" in filters and str(rule.get("WKST", ["MO"])[0]).upper() != "MO"):  # ISO weeks only
        return False
    try:
        step = _PERIOD[frequency] * int(rule.get("INTERVAL", [1])[0])
        wanted = {name: values if name == "BYDAY" else [int(v) for v in values] for name, values in filters.items()}
        positions = [abs(int(v)) for v in rule.get("BYSETPOS", [])]
    except (TypeError, ValueError):
        return False
    days: np.ndarray
    if step <= 86400:
        days = np.arange(_CYCLE)
    else:
        origin = (start - _CYCLE_START).total_seconds()
        days = (origin + step * np.arange(_CYCLE * 86400 // step + 1)) // 86400
        reach = 7 if frequency == "WEEKLY" else 1  # a week's rule may fall on any day of its week
        days = (days[:, None] + np.arange(reach)).ravel().astype(np.int64) % _CYCLE
    met = days[_passes(days, wanted)]
    if not len(met):
        return True
    return bool(positions) and min(positions) > _most_per_period(rule, frequency, met)


def _most_per_period(rule, frequency: str, met: np.ndarray) -> int:
    """The most candidates one period of a rule can hold (BYSETPOS picks among them), given the days
    of the cycle that pass its filters: days per period (one when no filter adds days) times the
    times of day its BYHOUR, BYMINUTE and BYSECOND add to each."""
    times = 1
    for name, unit in zip(_TIMES, _FINER):
        if _FINER.index(unit) >= (_FINER.index(frequency) + 1 if frequency in _FINER else 0):
            times *= len(set(rule.get(name, []))) or 1
    if frequency in ("DAILY", *_FINER) or not set(rule) & (_DAY_FILTERS - {"BYMONTH"}):
        days = len(set(rule.get("BYMONTH", []))) or 1 if frequency == "YEARLY" else 1
    else:
        days = int(np.bincount(_calendar_days()[f"_{frequency}"][0][np.unique(met)]).max())
    return days * times


def _passes(days: np.ndarray, wanted: dict[str, list]) -> np.ndarray:
    """Which of ``days`` (offsets in the 400-year cycle) pass every filter."""
    calendar = _calendar_days()
    passed = np.ones(len(days), dtype=bool)
    for name, values in wanted.items():
        passed &= np.logical_or.reduce([np.isin(column[days], values) for column in calendar[name]])
    return passed


def _occurrences(series: Series, first: dt.datetime, cutoff: dt.datetime, limit: int = MAX_OCCURRENCES) \
        -> tuple[list[tuple[dt.datetime, icalendar.Event]], bool]:
    """The occurrences starting from ``first`` and before ``cutoff``, in time order:
    at most ``limit``, and whether there were more."""
    query = recurring_ical_events.of(series.calendar())
    bounded = series.bounded(limit)
    found: list[Any] = []
    low, span = first, dt.timedelta(hours=1)
    # A rule that may run without end is expanded in windows doubling from its
    # first occurrence, so the work stays proportional to what is kept, even for
    # a rule by the second (each occurrence counted once: in the window its UTC
    # start falls in). The bounds are in UTC, which the library compares with
    # each event's own zone: a window holds no more than it should.
    while low < cutoff and len(found) <= limit:
        high = cutoff if bounded else min(cutoff, low + span)
        for event in query.between(low.replace(tzinfo=dt.UTC), high.replace(tzinfo=dt.UTC)):
            start = _utc(_when(event, "DTSTART"))
            if low <= start < high:
                found.append((start, event))
        low, span = high, span * 2
    found.sort(key=lambda item: item[0])
    return found[:limit], len(found) > limit
