"""iCalendar files: who met whom and when, recurrences counted once per occurrence, broken events."""

from __future__ import annotations

import datetime as dt
from itertools import takewhile
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pandas as pd
import pytest
from dateutil.rrule import DAILY, WEEKLY, rrule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph import ImportReport, NetgraphError
from netgraph.io.sources import Context, ics
from netgraph.io.sources.ics import read, read_ics, recognises

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ics"
TODAY = "2026-11-01"
ME = ["jane@example.com"]
JANE, JONES = "Jane Jones <jane@example.com>", "Jones, Jane <jane@example.com>"
MARY, BOB = "Mary Lee <mary.lee@novagen.example>", "Bob Stone <bob@stone.example>"
CAROL, DAVE, ED = "Carol Diaz <carol@diaz.example>", "Dave Kim <dave@kim.example>", "Ed Park <ed@park.example>"


def begin_of(path: Path, marker: str, nth: int = 0) -> int:
    """The line of the BEGIN:VEVENT before the ``nth`` line containing ``marker``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = [i for i, line in enumerate(lines) if marker in line][nth]
    return next(i for i in range(at, -1, -1) if lines[i] == "BEGIN:VEVENT") + 1


def rows(frame: pd.DataFrame) -> list[tuple[str, str, str, int]]:
    return [(str(r.date), r._2, r.to, int(r.recipients)) for r in frame.itertuples()]


def problems(report: ImportReport) -> list[tuple[int, str, bool]]:
    return [(p.line, p.reason, p.skipped) for p in report.problems]


def calendar(tmp_path: Path, *events: str, header: str = "") -> Path:
    path = tmp_path / "calendar.ics"
    path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\n" + header + "".join(
        f"BEGIN:VEVENT\n{event.strip()}\nEND:VEVENT\n" for event in events) + "END:VCALENDAR\n")
    return path


def test_meetings_give_exact_interactions():
    path = FIXTURES / "meetings.ics"
    frame = read_ics(path, emails=ME, today=TODAY)
    assert rows(frame) == [
        # Mary's meeting: she met each attendee, and so did I (the room is no one).
        ("2026-03-10 14:00:00", MARY, JANE, 2),
        ("2026-03-10 14:00:00", MARY, "bob@stone.example", 2),
        ("2026-03-10 14:00:00", JANE, "bob@stone.example", 2),
        ("2026-04-15 13:30:00", JONES, CAROL, 1),  # mine, New York time; I am not my own attendee
        ("2026-04-20 10:00:00", MARY, DAVE, 1),  # I declined: Mary still met Dave
        ("2026-04-22 16:00:00", JANE, BOB, 1),  # Carol declined
        ("2026-05-20 00:00:00", CAROL, JANE, 1),  # all day
        ("2026-06-12 04:30:00", MARY, JANE, 1),  # a custom VTIMEZONE (+05:30), defined after the event
        ("2026-07-01 12:00:00", BOB, JANE, 1),  # floating time, read as UTC
        ("2026-09-03 08:00:00", DAVE, JANE, 1),  # a Windows zone name (Romance Standard Time)
        ("2026-09-10 10:00:00", MARY, BOB, 2),  # a meeting between others
        ("2026-09-10 10:00:00", MARY, CAROL, 2),
    ]
    assert frame["_line"].tolist()[:3] == [begin_of(path, "UID:simple@")] * 3
    assert set(frame["channel"]) == {"meeting"} and set(frame["kind"]) == {"other"}
    assert set(frame["note"]) == {""} and set(frame["_source"]) == {"ics"}
    # Titles and descriptions can be private: never stored.
    assert "salary" not in frame.to_csv() and "Confidential" not in frame.to_csv()


def test_events_without_interaction_are_counted_with_their_reason():
    path = FIXTURES / "meetings.ics"
    report = ImportReport()
    read_ics(path, emails=ME, today=TODAY, report=report)
    assert problems(report) == [
        (begin_of(path, "UID:declined-alone@"), "declined by me", True),
        (begin_of(path, "UID:alone@"), "no attendee but me", True),
        (begin_of(path, "UID:nobody@"), "no attendees", True),
        (begin_of(path, "UID:cancelled@"), "cancelled", True),
        (begin_of(path, "UID:future@"), "only in the future (from 2027-01-05)", True),
    ]
    entry = report.files[0]
    assert (entry.kind, entry.read, entry.loaded, entry.skipped) == ("interactions", 14, 9, 5)
    assert report.ok


def test_owner_is_inferred_from_the_address_in_most_events():
    report = ImportReport()
    tables = read(FIXTURES / "meetings.ics", report, Context(today=pd.Timestamp(TODAY)))
    assert tables.owner == ["Jane Jones", "jane@example.com"]
    assert report.files[0].notes == ["owner inferred: Jane Jones <jane@example.com> is in 12 of 13 events; "
                                     "taken as me"]
    given = read_ics(FIXTURES / "meetings.ics", emails=ME, today=TODAY)
    pd.testing.assert_frame_equal(tables.interactions, given)
    # `me` counts as one of my addresses when it is one.
    pd.testing.assert_frame_equal(read_ics(FIXTURES / "meetings.ics", me=ME[0], today=TODAY), given)


def test_when_nobody_can_be_taken_for_me_only_organizers_meet_attendees(tmp_path):
    path = calendar(tmp_path, "UID:a\nDTSTART:20260301T100000Z\nORGANIZER:mailto:mary.lee@novagen.example\n"
                              "ATTENDEE;CN=Bob Stone:mailto:bob@stone.example\n"
                              "ATTENDEE;CN=Carol Diaz:mailto:carol@diaz.example")
    report = ImportReport()
    tables = read(path, report, Context(today=pd.Timestamp(TODAY)))
    assert rows(tables.interactions) == [("2026-03-01 10:00:00", "mary.lee@novagen.example", BOB, 2),
                                         ("2026-03-01 10:00:00", "mary.lee@novagen.example", CAROL, 2)]
    assert tables.owner == [] and report.files[0].notes[0].startswith("owner not inferred")


def test_google_export():
    path = FIXTURES / "google.ics"
    report = ImportReport()
    tables = read(path, report, Context(today=pd.Timestamp(TODAY)))
    me = "jane.jones@example.com"
    # CN equal to the address gives the bare address; rooms and group calendars are not people.
    assert rows(tables.interactions) == [("2026-03-10 14:00:00", me, MARY, 1),
                                         ("2026-04-12 08:00:00", me, BOB, 2)]
    assert tables.owner == [me]
    assert report.files[0].notes == [f"owner inferred: {me} from X-WR-CALNAME; taken as me"]
    assert problems(report) == [(begin_of(path, "UID:1a2b3c"), "no attendee but me", True)]
    assert "Offer" not in tables.interactions.to_csv()


def test_weekly_series_counts_each_occurrence_once():
    path = FIXTURES / "series.ics"
    frame = read_ics(path, emails=ME, today=TODAY)
    weekly = frame[frame["_line"] == begin_of(path, "RRULE:FREQ=WEEKLY;UNTIL")]
    # Independently: the rule's dates, less the EXDATE and the cancelled one, with the moved one moved.
    berlin = ZoneInfo("Europe/Berlin")
    starts = rrule(WEEKLY, dtstart=dt.datetime(2026, 1, 5, 9, 30, tzinfo=berlin),
                   until=dt.datetime(2026, 3, 2, 23, 59, 59, tzinfo=dt.UTC))
    gone = {dt.datetime(2026, 1, 19, 9, 30, tzinfo=berlin), dt.datetime(2026, 2, 16, 9, 30, tzinfo=berlin)}
    moved = {dt.datetime(2026, 2, 2, 9, 30, tzinfo=berlin): dt.datetime(2026, 2, 3, 14, 0, tzinfo=berlin)}
    expected = [moved.get(s, s).astimezone(dt.UTC).replace(tzinfo=None) for s in starts if s not in gone]
    assert sorted(weekly["date"].unique()) == [pd.Timestamp(d) for d in expected]
    assert len(expected) == 7
    moved_to = pd.Timestamp("2026-02-03 13:00")
    per_date = weekly.groupby("date").size()
    # Bob declined the moved occurrence: only Mary -> me then.
    assert per_date[moved_to] == 1 and (per_date.drop(moved_to) == 3).all()
    assert rows(weekly[weekly["date"] == "2026-02-03 13:00"]) == [("2026-02-03 13:00:00", MARY, JANE, 1)]


@pytest.mark.parametrize("today, expected", [
    ("2026-11-01", ["2026-09-15", "2026-10-15"]),
    ("2026-11-14", ["2026-09-15", "2026-10-15"]),
    ("2026-11-15", ["2026-09-15", "2026-10-15", "2026-11-15"]),  # today's occurrence counts
])
def test_a_series_without_end_counts_up_to_today(today, expected):
    path = FIXTURES / "series.ics"
    frame = read_ics(path, emails=ME, today=today)
    monthly = frame[frame["_line"] == begin_of(path, "UID:monthly@")]
    assert [str(d.date()) for d in monthly["date"]] == expected
    assert set(monthly["from"]) == {JANE} and set(monthly["to"]) == {CAROL}


def test_series_edge_cases():
    path = FIXTURES / "series.ics"
    report = ImportReport()
    frame = read_ics(path, emails=ME, today=TODAY, report=report)
    assert problems(report) == [
        (begin_of(path, "UID:starts-later@"), "only in the future (from 2027-02-01)", True),
        (begin_of(path, "UID:all-cancelled@"), "every occurrence cancelled", True),
        (begin_of(path, "UID:all-excluded@"), "no occurrence up to 2026-11-01", True),
    ]
    # One occurrence I was invited to, without its series: counted once, at its own start.
    assert rows(frame[frame["_line"] == begin_of(path, "UID:one-instance@")]) == [
        ("2026-03-11 17:00:00", ED, JANE, 1)]
    # RDATEs add occurrences to DTSTART's.
    assert [str(d) for d in frame[frame["_line"] == begin_of(path, "UID:rdates@")]["date"]] == [
        "2026-03-02 10:00:00", "2026-03-09 10:00:00", "2026-03-20 10:00:00"]
    entry = report.files[0]
    assert (entry.read, entry.loaded, entry.skipped) == (7, 4, 3) and report.ok


def test_an_endless_daily_rule_from_1900_is_capped(tmp_path):
    path = calendar(tmp_path, "UID:old\nDTSTART:19000101T090000Z\nRRULE:FREQ=DAILY\n"
                              "ORGANIZER:mailto:mary.lee@novagen.example\nATTENDEE:mailto:jane@example.com")
    report = ImportReport()
    frame = read_ics(path, emails=ME, today=TODAY, report=report)
    assert len(frame) == ics.MAX_OCCURRENCES
    assert frame["date"].tolist() == list(pd.date_range("1900-01-01 09:00", periods=ics.MAX_OCCURRENCES))
    assert problems(report) == [(3, "more than 5,000 occurrences: only the first 5,000 counted (to 1913-09-09)",
                                 False)]
    assert report.ok


def test_a_rule_by_the_minute_stays_cheap(tmp_path, monkeypatch):
    monkeypatch.setattr(ics, "MAX_OCCURRENCES", 50)
    path = calendar(tmp_path, "UID:m\nDTSTART:19000101T000000Z\nRRULE:FREQ=MINUTELY\n"
                              "ORGANIZER:mailto:mary.lee@novagen.example\nATTENDEE:mailto:jane@example.com")
    frame = read_ics(path, emails=ME, today=TODAY)
    assert frame["date"].tolist() == list(pd.date_range("1900-01-01", periods=50, freq="min"))


def test_a_truncated_start_that_reads_as_a_time_of_day_is_reported(tmp_path):
    # "202504" is a valid TIME (20:25:04) to icalendar: found by the random damage of test_trust
    path = calendar(tmp_path, "UID:cut\nDTSTART:202504\nORGANIZER:mailto:mary.lee@novagen.example\n"
                              "ATTENDEE:mailto:jane@example.com")
    report = ImportReport()
    assert read_ics(path, emails=ME, today=TODAY, report=report).empty
    assert problems(report) == [(3, "DTSTART '20:25:04' is a time of day, not a date", True)] and report.ok


def test_broken_events_are_reported_and_the_rest_loads():
    path = FIXTURES / "broken.ics"
    report = ImportReport()
    frame = read_ics(path, emails=ME, today=TODAY, report=report)
    assert [str(d) for d in frame["date"]] == ["2026-03-01 10:00:00", "2026-03-04 10:00:00", "2026-03-06 10:00:00"]
    good_2 = begin_of(path, "UID:good-2@")
    assert problems(report) == [
        (begin_of(path, "UID:bad-date@"), "unreadable DTSTART: Wrong datetime format: 2026-03-02 10:00", True),
        (begin_of(path, "UID:unterminated@"), f"no END:VEVENT (the next BEGIN:VEVENT is at line {good_2})", True),
        (good_2, "unreadable line ignored: Content line could not be parsed into parts: "
                 "'this line is garbage': Invalid content line", False),
        (begin_of(path, "UID:no-start@"), "no DTSTART", True),
        (begin_of(path, "UID:good-1@", nth=1), f"repeats the event at line {begin_of(path, 'UID:good-1@')} (same UID)",
         True),
        (begin_of(path, "UID:bad-rule@"), "unreadable RRULE: Expected frequency, got: SOMETIMES", True),
        (begin_of(path, "UID:unknown-zone@"), "unknown time zone 'Atlantis/Capital': times read as UTC", False),
        (begin_of(path, "UID:cut-short@"), f"END:VCALENDAR at line {begin_of(path, 'UID:cut-short@') + 4} "
                                           "where END:VEVENT was expected", True),
    ]
    entry = report.files[0]
    assert (entry.read, entry.loaded, entry.skipped, entry.warnings) == (9, 3, 6, 2) and report.ok


def test_a_file_that_is_no_calendar_is_an_error(tmp_path):
    path = tmp_path / "notes.ics"
    path.write_text("just some notes\n")
    with pytest.raises(NetgraphError, match="not an iCalendar file") as error:
        read_ics(path)
    assert (error.value.file, error.value.line) == (str(path), 1)


def test_recognises_by_extension_and_content():
    assert recognises(Path("calendar.ICS"), "")
    assert recognises(Path("export"), "\nBEGIN:VCALENDAR\nVERSION:2.0\n")
    assert not recognises(Path("contacts.vcf"), "BEGIN:VCARD\n")


# Random daily and weekly series with random EXDATEs: as many occurrences as dateutil counts.

_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(freq=st.sampled_from([DAILY, WEEKLY]), interval=st.integers(1, 3), zone=st.sampled_from(_ZONES),
       start=st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2026, 6, 30)).map(
           lambda d: d.replace(hour=8 + d.hour % 10, second=0, microsecond=0)),
       count=st.one_of(st.none(), st.integers(1, 120)), days=st.integers(0, 500), data=st.data())
def test_random_series_count_as_dateutil_does(tmp_path, freq, interval, zone, start, count, days, data):
    tz = ZoneInfo(zone)
    rule = rrule(freq, dtstart=start.replace(tzinfo=tz), interval=interval, count=count)
    today = (start + dt.timedelta(days=days)).date()
    end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    dates = list(takewhile(lambda d: d < end, rule))
    excluded = data.draw(st.sets(st.sampled_from(dates), max_size=len(dates)) if dates else st.just(set()))

    def stamp(when: dt.datetime) -> str:
        return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ") if zone == "UTC" \
            else when.strftime("%Y%m%dT%H%M%S")

    zoned = "" if zone == "UTC" else f";TZID={zone}"
    lines = [f"UID:random\nDTSTART{zoned}:{stamp(rule[0])}",
             f"RRULE:FREQ={'DAILY' if freq == DAILY else 'WEEKLY'};INTERVAL={interval}"
             + (f";COUNT={count}" if count else ""),
             *(f"EXDATE{zoned}:{stamp(d)}" for d in sorted(excluded)),
             "ORGANIZER:mailto:mary.lee@novagen.example\nATTENDEE:mailto:jane@example.com"]
    frame = read_ics(calendar(tmp_path, "\n".join(lines)), emails=ME, today=today)
    expected = [d.astimezone(dt.UTC).replace(tzinfo=None) for d in dates if d not in excluded]
    assert frame["date"].tolist() == [pd.Timestamp(d) for d in expected]


# --- planted and odd events (issue 13, points 6, 9 and 13) -------------------------------------------


def _calendar(tmp_path, *events: str) -> Path:
    path = tmp_path / "planted.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n")
    return path


def _event(uid: str, start: str, extra: str = "", organizer: str = ":mailto:ann@x.example",
           attendees: tuple[str, ...] = ("jane@example.com",)) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\n{extra}ORGANIZER{organizer}\r\n"
            + "".join(f"ATTENDEE:mailto:{a}\r\n" for a in attendees) + "END:VEVENT\r\n")


def test_an_event_ending_before_it_starts_is_a_point_in_time(tmp_path):
    path = _calendar(tmp_path, _event("back", "20250105T100000Z", "DTEND:20250105T090000Z\r\n"))
    report = ImportReport()
    frame = read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)
    assert frame["date"].tolist() == [pd.Timestamp("2025-01-05 10:00")]
    assert [(p.reason, p.skipped) for p in report.problems] == [
        ("DTEND 2025-01-05 09:00:00+00:00 is before DTSTART 2025-01-05 10:00:00+00:00: taken as a point in time",
         False)]


def test_an_organizer_on_a_private_network_is_someone(tmp_path):
    """ann@localhost has no dot in its domain: no e-mail key, but still the organizer."""
    path = _calendar(tmp_path, _event("local", "20250105T100000Z", organizer=":mailto:ann@localhost"),
                     _event("named", "20250106T100000Z", organizer=";CN=Bo Lund:mailto:bo@intranet"))
    frame = read_ics(path, emails=["jane@example.com"], today="2026-11-01")
    assert frame[["from", "to"]].values.tolist() == [["ann@localhost", "jane@example.com"],
                                                     ["Bo Lund", "jane@example.com"]]


def test_a_start_in_year_1_is_unreadable_not_a_crash(tmp_path):
    path = _calendar(tmp_path, _event("old", "00010101T100000Z", "RRULE:FREQ=YEARLY\r\n"),
                     _event("good", "20250105T100000Z"))
    report = ImportReport()
    assert len(read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)) == 1
    assert report.problems[0].reason == "unreadable DTSTART '0001-01-01 10:00:00+00:00': not from 1900 to 2200"


@pytest.mark.parametrize("rule, never", [
    ("FREQ=DAILY;BYSETPOS=5", True),  # one candidate a day: never a fifth
    ("FREQ=DAILY;BYHOUR=1,2;BYSETPOS=3", True),
    ("FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3", True),
    ("FREQ=YEARLY;BYWEEKNO=60", True),  # no year has 60 weeks
    ("FREQ=HOURLY;BYWEEKNO=1;BYMONTH=7", True),  # week 1 is never in July
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", False),  # Outlook's "last weekday of the month"
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", False),
    ("FREQ=YEARLY;BYWEEKNO=53", False),  # some years have a week 53
    ("FREQ=DAILY;BYHOUR=9,14;BYSETPOS=2", False),
])
def test_rules_that_can_never_match_are_caught_before_the_walk(rule, never):
    """The recurrence library walks such a rule to the year 9999 whatever the query's end (7 s a series from
    1900, a minute for eight); caught, only DTSTART counts."""
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:19000101T000000Z\r\nRRULE:{rule}\r\n"
                                      "END:VEVENT\r\n")
    assert ics._never_met(event["RRULE"], dt.datetime(1900, 1, 1)) is never


def test_occurrences_times_attendees_are_bounded_before_expanding(tmp_path):
    crowd = tuple(f"p{k}@crowd.example" for k in range(ics.MASS_ATTENDEES - 1))
    path = _calendar(tmp_path, _event("crowd", "20200101T100000Z", "RRULE:FREQ=DAILY;COUNT=5000\r\n",
                                      attendees=("jane@example.com", *crowd)))
    report = ImportReport()
    frame = read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)
    # the organizer meets 300 people, and I the 299 others, at each occurrence: 599 a day
    assert frame["date"].nunique() == ics.MAX_SERIES_ROWS // 599 == 83
    assert report.problems[0].reason.startswith("more than 83 occurrences (of 599 people each): only the first 83")


def test_a_mass_invitation_makes_no_person_per_attendee(tmp_path):
    crowd = tuple(f"p{k}@crowd.example" for k in range(2000))
    path = _calendar(tmp_path, _event("all-hands", "20250101T100000Z", attendees=("jane@example.com", *crowd)),
                     _event("one-to-one", "20250102T100000Z", attendees=("jane@example.com", "p7@crowd.example")))
    report = ImportReport()
    frame = read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)
    # the all-hands counts for me and for p7, whom another meeting names: as the one-to-one does
    assert frame.groupby("date").size().tolist() == [3, 3]
    assert set(frame["to"]) == {"jane@example.com", "p7@crowd.example"}
    assert report.problems[0].reason == ("a mass invitation (2,001 attendees, more than 300): no person made for "
                                         "each; counted for the 3 attendees other meetings name")


def test_a_calendar_gives_a_bounded_number_of_interactions(tmp_path, monkeypatch):
    monkeypatch.setattr(ics, "MAX_FILE_ROWS", 2)
    path = _calendar(tmp_path, *(_event(f"e{i}", f"2025010{i + 1}T100000Z") for i in range(3)))
    report = ImportReport()
    assert len(read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)) == 2
    assert [(p.reason, p.skipped) for p in report.problems] == [
        ("the calendar already gave 2 interactions: no more are read from it", True)]


def test_a_damaged_begin_line_indented_after_an_end_does_not_take_that_event_with_it(tmp_path):
    # " EGIN:VEVENT" reads as a continuation of the END:VEVENT above it; END and BEGIN lines are never folded
    damaged = _event("two", "20250106T100000Z").replace("BEGIN:VEVENT", " EGIN:VEVENT")
    path = _calendar(tmp_path, _event("one", "20250105T100000Z"), damaged, _event("three", "20250107T100000Z"))
    report = ImportReport()
    frame = read_ics(path, emails=["jane@example.com"], today="2026-11-01", report=report)
    assert frame["date"].tolist() == [pd.Timestamp("2025-01-05 10:00"), pd.Timestamp("2025-01-07 10:00")]
    assert [p.line for p in report.problems] == [14] and "without its BEGIN" in report.problems[0].reason
