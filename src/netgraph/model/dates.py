"""Dates as every reader and the builder take them, and dates that read two ways.

A date written ``01/11/2026`` is the 1st of November to most of the world and
January the 11th in the United States. One cell cannot say which; a column
can: a first number above 12 (``14/03/2026``) is a day, and so the whole
column is written day first; a second number above 12 (``03/14/2026``), month
first. :func:`read_date_column` decides each column that way, and says what it
decided and why, for the import report:

1. a value above 12 in one position settles it (``day first: 14/03/2026 on
   line 12 settles it``);
2. values settling both ways make the column inconsistent: the majority
   wins, and the rows that contradict it are left out and reported one by
   one;
3. when nothing settles it, the export's known format decides, if the
   reader knows one (LinkedIn writes American dates);
4. else :data:`DEFAULT_ORDER`, whose reason is given there.

ISO dates (``2026-03-14``, year first) never read two ways: they are read as
they are, in any column, and say nothing about the others.

On the command line a date that reads two ways is refused instead (there is
no column to decide it): ``netgraph --today`` takes YYYY-MM-DD only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .._lazy import pd
from ..errors import NetgraphError

__all__ = ["as_timestamp", "as_day", "read_date_column", "ColumnDates", "KnownOrder", "DAY_FIRST", "MONTH_FIRST",
           "DEFAULT_ORDER", "GUESS", "read_iso"]

DAY_FIRST, MONTH_FIRST = "day first", "month first"

#: The order of a column whose dates all read two ways, when the file's format says nothing: day first.
#: netgraph never consults the machine's locale (one file must read the same on every machine), so this
#: is one fixed choice: day first is how most of the world writes dates (all of Europe, Latin America,
#: Africa, most of Asia and Oceania); month first is the United States' (and a few neighbours') order.
#: Readers of an export known to write one order (LinkedIn's, month first) pass it instead.
DEFAULT_ORDER = DAY_FIRST
#: The default said in words, for the import report.
_DEFAULT_WHY = f"ambiguous throughout: read {DEFAULT_ORDER}, as most of the world writes dates"
#: The confidence in an order nothing in the column settles and no format fixes: a coin's. A column of
#: dates that all read two ways is as likely under either order (both numbers are at most 12 in both).
GUESS = 0.5

#: A date with the year last, its day and month in either order, separated alike by ``/``, ``.`` or
#: ``-``; two-digit years too; and a time of day, 24-hour or with AM/PM, as exports and spreadsheets
#: write it: ``14/03/2026``, ``3/14/26, 2:03 PM``, ``14.03.2026 09:15``, ``14-03-2026 09:15:00 UTC``.
_TWO_WAY = re.compile(
    r"(?P<a>[0-9]{1,2})(?P<sep>[/.\-])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4}|[0-9]{2})"
    r"(?:(?:,\s*|\s+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"\s*(?P<half>[AaPp]\.?[Mm]\.?)?)?(?:\s*UTC)?")
#: Two-digit years: 69-99 are 1969-1999, 00-68 are 2000-2068 (POSIX's pivot, as :func:`time.strptime`).
_PIVOT = 69
#: The years a nanosecond timestamp holds whole (``pd.Timestamp.min`` is in 1677, ``max`` in 2262: 2**63 ns either
#: side of 1970); callers bound dates further (1900-2200 in netgraph).
_NS_YEARS = (1678, 2261)


@dataclass(frozen=True)
class KnownOrder:
    """The order an export is known to write its dates in, as a reader knows it.

    ``why`` is said in the import report when nothing in the column settles
    the order ("month first, LinkedIn's format for this file"), and
    ``confidence`` is how sure that is.
    """

    order: str
    why: str
    confidence: float


@dataclass(frozen=True)
class ColumnDates:
    """A column of dates as :func:`read_date_column` read it.

    Attributes
    ----------
    dates : Series
        One naive timestamp per value (UTC when the text carried a zone),
        ``NaT`` where the value is missing, unreadable, or contradicts the
        column's order.
    order : str or None
        :data:`DAY_FIRST` or :data:`MONTH_FIRST`; None when no value reads two
        ways (ISO dates, month names): then there was nothing to decide.
    why : str
        The decision in words, for the import report ("" when ``order`` is None).
    confidence : float
        How sure the order is: 1 when values settle it and none contradicts
        it; the share of settling values that agree when some do; the
        export's when its format decided; :data:`GUESS` when the default did.
    contradicting : dict
        Position (0-based, in ``values``) -> why the value was left out ("'03/14/2026'
        reads only month first, where the column is day first").
    """

    dates: pd.Series
    order: str | None = None
    why: str = ""
    confidence: float = 1.0
    contradicting: dict[int, str] = field(default_factory=dict)


def as_timestamp(value) -> pd.Timestamp | None:
    """A date given as text, date or Timestamp -> a midnight Timestamp (None stays None)."""
    if value is None or value == "":
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise NetgraphError(f"'{value}' is not a date (expected YYYY-MM-DD)") from None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.normalize()


def as_day(value) -> dt.date | None:
    """The day :func:`as_timestamp` makes of a value, as a date; a date or ISO day (YYYY-MM-DD) is read without
    pandas, so that a command answered from the cache need not import it."""
    if isinstance(value, dt.datetime):  # a Timestamp too
        return (value.astimezone(dt.UTC) if value.tzinfo is not None else value).date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass  # 2026-02-30: as_timestamp says why
    stamp = as_timestamp(value)
    return stamp.date() if stamp is not None else None


def read_iso(values: pd.Series) -> pd.Series:
    """ISO 8601 dates (times and zones allowed) -> naive UTC timestamps; anything else -> NaT."""
    return pd.to_datetime(values, format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)


def read_date_column(values: Sequence | pd.Series, *, lines: Sequence[int] | None = None,
                     known: KnownOrder | None = None,
                     other: Callable[[pd.Series], pd.Series] | None = None) -> ColumnDates:
    """Read a column of dates, deciding from the whole column whether it is written day or month first.

    Parameters
    ----------
    values : sequence of str
        The column's cells, as written; None or "" where empty.
    lines : sequence of int, optional
        The file's line of each value, to say which line settled the order
        (by default the values' positions, from 1).
    known : KnownOrder, optional
        The order the export is known to write, for a column nothing settles.
        Without it, :data:`DEFAULT_ORDER`.
    other : callable, default :func:`read_iso`
        How the export's other formats are read (ISO 8601, ``05 Jan 2026``):
        a Series of text to a Series of naive timestamps, ``NaT`` where
        unreadable, each value read on its own (it is given each distinct
        text once). It is tried first; what it cannot read is tried as a date
        that reads two ways.

    Returns
    -------
    ColumnDates
        The dates, the order used, why, how sure, and the values that
        contradict it. A value that reads neither way (``31/02/2026``,
        ``13/13/2026``) is ``NaT`` and is not among ``contradicting``: it is
        unreadable, whatever the order.

    See Also
    --------
    as_timestamp : one date given on its own (the command line's ``--today``).

    Examples
    --------
    >>> column = read_date_column(["05/10/2026", "14/03/2026", "2026-01-02"], lines=[2, 3, 4])
    >>> column.dates.dt.strftime("%Y-%m-%d").tolist()
    ['2026-10-05', '2026-03-14', '2026-01-02']
    >>> column.why
    'day first: 14/03/2026 on line 3 settles it'
    >>> read_date_column(["01/11/2026"]).why
    'ambiguous throughout: read day first, as most of the world writes dates'
    """
    cells = pd.Series(values, dtype=object).reset_index(drop=True)
    given = cells.notna() & (cells != "")
    dates = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    if given.any():  # each distinct text read once: a log of millions of rows holds a few thousand days
        codes, distinct = pd.factorize(cells[given])
        dates[given] = _as_ns((other or read_iso)(pd.Series(distinct, dtype=object)))[codes]
    # Only what the other formats cannot read is tried as a date that reads two ways.
    text = cells[given & dates.isna()].astype(str).str.strip()
    found = text.str.extract(rf"\A{_TWO_WAY.pattern}\Z") if len(text) else pd.DataFrame({"a": []})
    parts = found["a"].notna()
    if not parts.any():
        return ColumnDates(dates)
    text, found = text[parts], found[parts]
    where = text.index.to_numpy()
    day_first, month_first = _both_readings(found)
    # A value settles the order when it reads one way only; one that reads neither is unreadable.
    only_day = ~np.isnat(day_first) & np.isnat(month_first)
    only_month = ~np.isnat(month_first) & np.isnat(day_first)
    at = list(lines) if lines is not None else list(range(1, len(cells) + 1))
    order, why, confidence = _decide(text, [at[i] for i in where], only_day, only_month, known)
    chosen, against = (day_first, only_month) if order == DAY_FIRST else (month_first, only_day)
    dates.iloc[where] = chosen
    other_order = MONTH_FIRST if order == DAY_FIRST else DAY_FIRST
    contradicting = {int(where[i]): f"'{text.iloc[i]}' reads only {other_order}, where the column is "
                                    f"{order}" for i in np.flatnonzero(against)}
    return ColumnDates(dates, order, why, confidence, contradicting)


def _as_ns(stamps: pd.Series) -> np.ndarray:
    """Timestamps as nanoseconds, those no nanosecond count holds (year 1 or 9999) as NaT; callers
    bound the years further."""
    stamps = pd.Series(stamps)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    fits = (stamps >= pd.Timestamp.min) & (stamps <= pd.Timestamp.max)
    return stamps.where(fits).astype("datetime64[ns]").to_numpy()


def _both_readings(found: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each value read day first and month first, as datetime64[ns] (NaT where it cannot be that date)."""
    def number(name: str) -> np.ndarray:
        return pd.to_numeric(found[name], errors="coerce").fillna(0).to_numpy(dtype=np.int64)

    a, b, year, hour, minute, second = (number(n) for n in ("a", "b", "year", "hour", "minute", "second"))
    year = np.where(found["year"].str.len().to_numpy() == 4, year, year + np.where(year < _PIVOT, 2000, 1900))
    half = found["half"].fillna("").str.replace(".", "", regex=False).str.upper().to_numpy()
    twelve = half != ""
    fits = ((minute <= 59) & (second <= 59) & np.where(twelve, (hour >= 1) & (hour <= 12), hour <= 23)
            & (year >= _NS_YEARS[0]) & (year <= _NS_YEARS[1]))
    hour = np.where(twelve, hour % 12 + np.where(half == "PM", 12, 0), hour)
    clock = ((hour * 60 + minute) * 60 + second).astype("timedelta64[s]")

    def reading(day: np.ndarray, month: np.ndarray) -> np.ndarray:
        ok = fits & (month >= 1) & (month <= 12) & (day >= 1)
        months = ((np.where(ok, year, 2000) - 1970) * 12 + np.where(ok, month, 1) - 1).astype("datetime64[M]")
        first = months.astype("datetime64[D]")
        ok &= day <= ((months + 1).astype("datetime64[D]") - first).astype(np.int64)
        stamps = first + np.where(ok, day - 1, 0).astype("timedelta64[D]") + clock
        return np.where(ok, stamps.astype("datetime64[ns]"), np.datetime64("NaT", "ns"))

    return reading(a, b), reading(b, a)


def _decide(text: pd.Series, lines: list[int], only_day: np.ndarray, only_month: np.ndarray,
            known: KnownOrder | None) -> tuple[str, str, float]:
    """The column's order, why, and how sure, from the values that settle it (see the module's rules)."""
    days, months = int(only_day.sum()), int(only_month.sum())
    if not days and not months:
        if known is not None:
            return known.order, known.why, known.confidence
        return DEFAULT_ORDER, _DEFAULT_WHY, GUESS
    if days == months:  # as many each way: the export's order (or the default) breaks the tie
        order = known.order if known is not None else DEFAULT_ORDER
    else:
        order = DAY_FIRST if days > months else MONTH_FIRST
    settling = only_day if order == DAY_FIRST else only_month
    first = int(np.flatnonzero(settling)[0])
    why = f"{order}: {text.iloc[first]} on line {lines[first]} settles it"
    agree, against = (days, months) if order == DAY_FIRST else (months, days)
    if against:
        why += (f"; of the rows that settle it, {agree:,} read {order}, {against:,} "
                f"{MONTH_FIRST if order == DAY_FIRST else DAY_FIRST}: left out")
    return order, why, agree / (agree + against)
