"""Dates that read two ways (01/11/2026): the order decided from the whole column."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from netgraph.model.dates import (
    DAY_FIRST,
    DEFAULT_ORDER,
    GUESS,
    MONTH_FIRST,
    KnownOrder,
    read_date_column,
)

US = KnownOrder(MONTH_FIRST, "month first, the export's format", 0.9)


def days(column) -> list[str | None]:
    return [None if pd.isna(d) else d.strftime("%Y-%m-%d %H:%M") for d in column.dates]


def test_a_first_number_above_12_settles_day_first():
    column = read_date_column(["05/10/2026", "14/03/2026", "01/11/2026"], lines=[7, 8, 9])
    assert days(column) == ["2026-10-05 00:00", "2026-03-14 00:00", "2026-11-01 00:00"]
    assert (column.order, column.confidence, column.contradicting) == (DAY_FIRST, 1.0, {})
    assert column.why == "day first: 14/03/2026 on line 8 settles it"


def test_a_second_number_above_12_settles_month_first_whatever_the_export_says():
    column = read_date_column(["05/10/2026", "03/14/2026"], known=KnownOrder(DAY_FIRST, "day first", 0.9))
    assert days(column) == ["2026-05-10 00:00", "2026-03-14 00:00"]
    assert column.why == "month first: 03/14/2026 on line 2 settles it" and column.confidence == 1


def test_nothing_settles_it_the_export_decides_else_the_default():
    known = read_date_column(["05/10/2026", "01/11/2026"], known=US)
    assert known.order == MONTH_FIRST and known.why == US.why and known.confidence == US.confidence
    assert days(known) == ["2026-05-10 00:00", "2026-01-11 00:00"]
    default = read_date_column(["05/10/2026", "01/11/2026"])
    assert default.order == DEFAULT_ORDER == DAY_FIRST and default.confidence == GUESS
    assert default.why == "ambiguous throughout: read day first, as most of the world writes dates"
    assert days(default) == ["2026-10-05 00:00", "2026-11-01 00:00"]


def test_rows_that_contradict_the_majority_are_left_out_with_their_reason():
    column = read_date_column(["14/03/2026", "25/12/2025", "05/10/2026", "03/14/2026", "30/01/2026"],
                              lines=range(2, 7))
    assert column.order == DAY_FIRST and column.confidence == 3 / 4
    assert column.why == ("day first: 14/03/2026 on line 2 settles it; of the rows that settle it, 3 read day "
                          "first, 1 month first: left out")
    assert column.contradicting == {3: "'03/14/2026' reads only month first, where the column is day first"}
    assert days(column) == ["2026-03-14 00:00", "2025-12-25 00:00", "2026-10-05 00:00", None, "2026-01-30 00:00"]


def test_as_many_each_way_the_export_breaks_the_tie():
    column = read_date_column(["14/03/2026", "03/14/2026"], known=US)
    assert column.order == MONTH_FIRST and column.contradicting == {0: "'14/03/2026' reads only day first, "
                                                                       "where the column is month first"}
    assert column.confidence == 0.5


def test_iso_dates_never_read_two_ways_nor_vote():
    column = read_date_column(["2026-01-02", "2026-01-13T10:00:00+01:00", "05/10/2026", "13/10/2026"])
    assert days(column) == ["2026-01-02 00:00", "2026-01-13 09:00", "2026-10-05 00:00", "2026-10-13 00:00"]
    only_iso = read_date_column(["2026-01-02", "2026-02-01", None, ""])
    assert only_iso.order is None and only_iso.why == "" and days(only_iso) == ["2026-01-02 00:00",
                                                                              "2026-02-01 00:00", None, None]


@pytest.mark.parametrize(("text", "expected"), [
    ("3/14/26, 2:03 PM", "2026-03-14 14:03"),      # LinkedIn's own form
    ("3/14/26, 12:15 AM", "2026-03-14 00:15"),
    ("14.03.2026 09:15", "2026-03-14 09:15"),      # a German spreadsheet
    ("14-03-2026 09:15:30 UTC", "2026-03-14 09:15"),
    ("3/14/70", "1970-03-14 00:00"),               # two-digit years: 69-99 are the 1900s
    ("3/14/68", "2068-03-14 00:00"),
])
def test_the_forms_spreadsheets_and_exports_write(text, expected):
    assert days(read_date_column([text])) == [expected]


@pytest.mark.parametrize("text", ["31/02/2026", "13/13/2026", "00/05/2026", "05/10/2026 25:00", "5/10/26, 13:00 PM",
                                  "05/10/2026 10:61", "5/10", "05/10/20266", "not a date"])
def test_what_reads_neither_way_is_unreadable_not_contradicting(text):
    column = read_date_column([text, "14/03/2026"])
    assert days(column)[0] is None and column.contradicting == {}


def test_planted_dates_that_no_nanosecond_count_holds_are_unreadable():
    column = read_date_column(["14/03/0001", "01/01/9999"])
    assert days(column)[0] is None


def test_the_other_formats_are_the_callers():
    column = read_date_column(["05 Jan 2026", "5/1/26, 9:00 AM"], known=US,
                              other=lambda text: pd.to_datetime(text, format="%d %b %Y", errors="coerce"))
    assert days(column) == ["2026-01-05 00:00", "2026-05-01 09:00"] and column.order == MONTH_FIRST


_FORMS = {
    DAY_FIRST: ["%d/%m/%Y", "%d.%m.%Y %H:%M", "%-d/%-m/%y, %-I:%M %p", "%d-%m-%Y %H:%M:%S"],
    MONTH_FIRST: ["%m/%d/%Y", "%m.%d.%Y %H:%M", "%-m/%-d/%y, %-I:%M %p", "%m-%d-%Y %H:%M:%S"],
}
#: Dates two-digit years can write (1969-2068), to the second.
_WHEN = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2068, 12, 31)).map(
    lambda d: d.replace(microsecond=0))


@given(order=st.sampled_from([DAY_FIRST, MONTH_FIRST]), form=st.integers(0, 3),
       dates=st.lists(_WHEN, min_size=1, max_size=30), known=st.sampled_from([None, US]),
       iso=st.lists(_WHEN, max_size=5))
def test_a_column_written_one_way_reads_back_to_its_dates_when_a_value_settles_it(order, form, dates, known,
                                                                                 iso):
    assume(any(d.day > 12 for d in dates))
    fmt = _FORMS[order][form]
    precision = "%Y-%m-%d %H:%M:%S" if "%S" in fmt else "%Y-%m-%d %H:%M" if "%M" in fmt else "%Y-%m-%d"
    cells = [d.strftime(fmt) for d in dates] + [d.isoformat() for d in iso]
    column = read_date_column(cells, known=known)
    assert column.order == order and column.confidence == 1 and column.contradicting == {}
    read = [d.strftime(precision) for d in column.dates]
    assert read == [d.strftime(precision) for d in dates] + [d.strftime(precision) for d in iso]


@given(dates=st.lists(_WHEN.filter(lambda d: d.day <= 12), min_size=1, max_size=20),
       known=st.sampled_from([None, US]))
def test_a_column_nothing_settles_is_read_in_the_known_order_else_the_default(dates, known):
    column = read_date_column([d.strftime("%m/%d/%Y") for d in dates], known=known)
    assert column.order == (known.order if known else DEFAULT_ORDER)
    assert column.confidence == (known.confidence if known else GUESS)
    if column.order == MONTH_FIRST:
        assert [d.date() for d in column.dates] == [d.date() for d in dates]
