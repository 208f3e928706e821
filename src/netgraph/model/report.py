"""The import report: per file, what was read, loaded and skipped, and why.

Nothing read is ever dropped silently: for every file, ``read == loaded + skipped``,
and every skipped record (and every value that had to be left out of a kept
record) is a :class:`Problem` naming the file, the line and the reason. A column
of dates that read two ways (``01/11/2026``) has a :class:`DateOrder`: the order
it was read in (day or month first), why, and how sure.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .._lazy import pd
from ..errors import shown

__all__ = ["Problem", "DateOrder", "FileReport", "ImportReport"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record.

    ``skipped`` is True when the record was left out, False when it was loaded
    with the faulty value left empty (a warning).
    """

    file: str
    line: int | None
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.reason}" + ("" if self.skipped else " (kept)")


@dataclass(frozen=True)
class DateOrder:
    """The order a column of dates was read in, day first or month first, why, and how sure
    (:func:`netgraph.model.dates.read_date_column` decides it)."""

    file: str
    column: str
    order: str
    why: str
    confidence: float

    def __str__(self) -> str:
        return f"{self.file}: {self.column}: {self.why} ({self.confidence:.0%} sure)"


@dataclass
class FileReport:
    """What happened to one file (or one table given in Python)."""

    file: str
    kind: str
    read: int = 0
    loaded: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Per column whose dates read two ways (``01/11/2026``): the order they were read in, and why.
    dates: list[DateOrder] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(p.skipped for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.skipped for p in self.problems)

    def note(self, text: str) -> None:
        """Add a note about the whole file (nothing when ``text`` is empty)."""
        if text:
            self.notes.append(text)

    def problem(self, line: int | None, reason: str, *, skipped: bool = True) -> None:
        """Record a problem with the record at ``line``."""
        self.problems.append(Problem(self.file, line, reason, skipped))

    def date_order(self, column: str, order: str | None, why: str, confidence: float) -> None:
        """Record the order the dates of ``column`` were read in (nothing when ``order`` is None:
        no date of the column read two ways)."""
        if order is not None:
            self.dates.append(DateOrder(self.file, column, order, why, confidence))


class ImportReport:
    """Everything a load read, per file, with every problem and identity merge.

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.load()
    >>> net.report.ok
    True
    >>> net.report.to_frame().columns.tolist()
    ['file', 'kind', 'read', 'loaded', 'skipped', 'warnings']
    """

    def __init__(self) -> None:
        self.files: list[FileReport] = []
        self.merges: pd.DataFrame | None = None

    def add(self, file: object, kind: str) -> FileReport:
        """Start the report of one file (or one table given in Python); its name is kept as
        :func:`netgraph.errors.shown` writes it, fit for every output."""
        entry = FileReport(shown(file), kind)
        self.files.append(entry)
        return entry

    def entry(self, file: object) -> FileReport:
        """The report of ``file`` (the last one, if a file was read twice)."""
        name = shown(file)
        return next(f for f in reversed(self.files) if f.file == name)

    @property
    def merged(self) -> int:
        """How many identity merges the load made (the rows of :attr:`merges` that are not a new person)."""
        return 0 if self.merges is None else int((self.merges["rule"] != "new").sum())

    @property
    def problems(self) -> list[Problem]:
        """Every problem, file by file, in line order."""
        return [p for f in self.files for p in sorted(f.problems, key=lambda p: p.line or 0)]

    @property
    def ok(self) -> bool:
        """True when every file's records are accounted for (read = loaded + skipped)."""
        return all(f.read == f.loaded + f.skipped for f in self.files)

    def to_frame(self) -> pd.DataFrame:
        """One row per file: read, loaded, skipped, warnings."""
        return pd.DataFrame(
            [(f.file, f.kind, f.read, f.loaded, f.skipped, f.warnings) for f in self.files],
            columns=["file", "kind", "read", "loaded", "skipped", "warnings"],
        )

    def problems_frame(self) -> pd.DataFrame:
        """One row per problem: file, line, reason, and whether the record was skipped."""
        return pd.DataFrame(
            [(p.file, p.line, p.reason, p.skipped) for p in self.problems],
            columns=["file", "line", "reason", "skipped"],
        )

    def dates_frame(self) -> pd.DataFrame:
        """One row per column whose dates read two ways (``01/11/2026``): file, column, the order they
        were read in (day first or month first), why, and how sure."""
        return pd.DataFrame(
            [(d.file, d.column, d.order, d.why, d.confidence) for f in self.files for d in f.dates],
            columns=["file", "column", "order", "why", "confidence"],
        )

    def brief(self, limit: int = 5, *, rest: str = "net.report.problems_frame()") -> str:
        """A few lines for a terminal: totals, the orders of date columns nothing in them settled
        for sure (a guess, or rows that contradict the rest), then the first ``limit`` problems and
        where the ``rest`` are listed."""
        read = sum(f.read for f in self.files)
        loaded = sum(f.loaded for f in self.files)
        skipped = sum(f.skipped for f in self.files)
        warnings = sum(f.warnings for f in self.files)
        merged = self.merged
        files = sum(1 for f in self.files if not f.file.startswith("<"))  # not "<owner>", "<identity>"...
        lines = [
            f"{files} file{'s' * (files != 1)}, {read:,} records read, {loaded:,} loaded, "
            f"{skipped:,} skipped, {warnings:,} warnings, {merged:,} identity merges"
        ]
        lines += [f"  {d}" for f in self.files for d in f.dates if d.confidence < 1]
        problems = self.problems
        lines += [f"  {p}" for p in problems[:limit]]
        if len(problems) > limit:
            lines.append(f"  ... and {len(problems) - limit:,} more ({rest})")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.brief()

    def __repr__(self) -> str:
        return f"<ImportReport: {self.brief(limit=0)}>"

    def _repr_html_(self) -> str:
        parts = [f"<p>{html.escape(self.brief(limit=0))}</p>", self.to_frame().to_html(index=False)]
        if any(f.dates for f in self.files):
            parts.append(self.dates_frame().to_html(index=False))
        if self.problems:
            parts.append(self.problems_frame().head(50).to_html(index=False))
        return "\n".join(parts)
