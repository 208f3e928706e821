"""Results as spreadsheets: a table written as CSV or XLSX, atomically, safe to open.

:func:`write_table` writes what the table commands answer (paths,
reciprocity, weak ties, follow-ups: the rows ``--json`` prints) for a
spreadsheet. Nothing in a cell or a column name runs when the file is opened:
in a CSV file, text that a spreadsheet would take for a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is escaped with a
leading ``'`` (OWASP's rule); in an XLSX file every text is stored as text,
never as a formula, so it reads back exactly as it was. Numbers, booleans and
dates keep their types in XLSX; lists are joined with ``"; "`` and records
(a path's hops) are written as JSON. The file is written whole to a temporary
file and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from pathlib import Path

import numpy as np

from .._lazy import pd
from ..errors import NetgraphError
from .export import atomic_write, csv_text, spreadsheet_safe

__all__ = ["write_table", "TABLE_FORMATS"]

TABLE_FORMATS = ("csv", "xlsx")
#: The most characters an Excel cell holds (Excel's specifications and limits); more is cut, with "…".
XLSX_CELL = 32_767
#: The longest sheet name Excel accepts.
_SHEET_NAME = 31
#: Characters XML 1.0, and so XLSX, cannot hold (control characters but tab and line breaks).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_table(table, path: str | Path, *, format: str | None = None) -> Path:
    """Write a table as a CSV or XLSX file, atomically and spreadsheet-safe.

    Parameters
    ----------
    table : DataFrame or dict of str to DataFrame
        The rows to write (one per row of the DataFrame, its columns as the
        header; the index is not written). A dict writes one sheet per table,
        named by its key, and only as XLSX.
    path : str or Path
        The file.
    format : {"csv", "xlsx"}, optional
        By default from the file's suffix.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    NetgraphError
        For a format other than CSV or XLSX, or several tables as CSV.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp()) / "contacts.xlsx"
    >>> frame = pd.DataFrame({"contact": ["=HYPERLINK(1)"], "score": [0.5]})
    >>> _ = write_table(frame, out)
    >>> pd.read_excel(out).to_dict("records")
    [{'contact': '=HYPERLINK(1)', 'score': 0.5}]
    """
    path = Path(path)
    format = format or path.suffix.lstrip(".").lower()
    if format not in TABLE_FORMATS:
        raise NetgraphError(f"cannot write a table as {format or 'a file without a suffix'!r}: use .csv or .xlsx",
                            file=path)
    if format == "csv":
        if isinstance(table, dict):
            raise NetgraphError("several tables cannot go in one CSV file: write them as .xlsx", file=path)
        atomic_write(path, _csv(table))
    else:
        atomic_write(path, _xlsx(table if isinstance(table, dict) else {"table": table}))
    return path


def _value(value):
    """A cell's value for a spreadsheet: a scalar of a type it holds, or None for nothing."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, (list, tuple, np.ndarray)):
        if any(isinstance(v, (dict, list, tuple)) for v in value):
            return json.dumps(list(value), ensure_ascii=False, default=str)
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime, str)):
        return value
    return str(value)


def _csv(frame: pd.DataFrame) -> str:
    """The CSV text of a table: text cells and column names escaped, numbers as they are."""
    def cell(value) -> object:
        value = _value(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return spreadsheet_safe(value) if isinstance(value, str) else value

    out = pd.DataFrame({i: [cell(v) for v in frame[c]] for i, c in enumerate(frame.columns)},
                       index=range(len(frame)))
    out.columns = [spreadsheet_safe(str(c)) for c in frame.columns]
    return csv_text(out)


def _xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """The bytes of an XLSX workbook, one sheet per table, every text stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(_ILLEGAL.sub("", re.sub(r"[\[\]:*?/\\]", " ", name))[:_SHEET_NAME])

        def cell(value, sheet=sheet):
            value = _value(value)
            if isinstance(value, str):
                value = _ILLEGAL.sub("", value)
                value = value if len(value) <= XLSX_CELL else value[:XLSX_CELL - 1] + "…"
            out = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                out.data_type = "s"  # text, even when it starts with "=" or reads "#N/A"
            return out

        sheet.append([cell(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([cell(v) for v in row])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()
