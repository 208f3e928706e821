"""The canonical CSV files: header checks, per-row problems, encodings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from netgraph import ImportReport, NetgraphError
from netgraph.io.sources.canonical import read_table, sniff


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_reads_and_types_people(tmp_path):
    path = write(tmp_path, "people.csv",
                 "name,email,closeness,connected_on,tags\n"
                 'Mary Lee,"mary@x.com; mlee@y.com",4,2024-01-05,friend;industry\n')
    report = ImportReport()
    people = read_table(path, report=report)
    row = people.iloc[0]
    assert row["email"] == ["mary@x.com", "mlee@y.com"]
    assert row["closeness"] == 4.0
    assert str(row["connected_on"].date()) == "2024-01-05"
    assert row["tags"] == ["friend", "industry"]
    assert row["_line"] == 2
    assert report.files[0].read == report.files[0].loaded == 1


def test_missing_required_column_is_an_error_naming_file_and_line(tmp_path):
    path = write(tmp_path, "interactions.csv", "date,frm,to\n2024-01-01,a,b\n")
    with pytest.raises(NetgraphError) as error:
        read_table(path)
    assert error.value.file == str(path) and error.value.line == 1
    assert "'from'" in str(error.value) and "'frm'" in str(error.value)


def test_duplicated_header_is_an_error(tmp_path):
    path = write(tmp_path, "ties.csv", "a,b,a\nx,y,z\n")
    with pytest.raises(NetgraphError, match="appears twice"):
        read_table(path)


def test_empty_file_is_an_error(tmp_path):
    path = write(tmp_path, "people.csv", "\n\n")
    with pytest.raises(NetgraphError, match="empty"):
        read_table(path)


def test_bad_rows_are_reported_and_the_rest_loads(tmp_path):
    path = write(tmp_path, "interactions.csv",
                 "date,from,to,channel\n"
                 "2024-01-01,a,b,email\n"
                 "\n"
                 "not-a-date,a,b,email\n"
                 "2024-01-03,,b,email\n"
                 "2024-01-04,a,b,email,extra,fields\n"
                 "2024-01-05,a,b,pigeon\n"
                 "2024-01-06,a,b\n")
    report = ImportReport()
    table = read_table(path, report=report)
    entry = report.files[0]
    assert entry.read == 6 and entry.loaded == 3 and entry.skipped == 3
    assert entry.read == entry.loaded + entry.skipped
    lines = {p.line: p for p in entry.problems}
    assert "unreadable date 'not-a-date'" in lines[4].reason and lines[4].skipped
    assert "no from" in lines[5].reason
    assert "6 fields" in lines[6].reason
    assert "pigeon" in lines[7].reason and not lines[7].skipped
    assert "missing ones read as empty" in lines[8].reason and not lines[8].skipped
    assert list(table["channel"]) == ["email", "other", "other"]
    assert list(table["_line"]) == [2, 7, 8]


def test_out_of_range_numbers_are_left_empty_and_reported(tmp_path):
    path = write(tmp_path, "people.csv", "name,closeness\nA,9\nB,x\nC,3\n")
    report = ImportReport()
    people = read_table(path, report=report)
    assert people["closeness"].isna().tolist() == [True, True, False]
    assert [p.line for p in report.problems] == [2, 3]
    assert report.files[0].loaded == 3


def test_bom_crlf_and_windows_1252(tmp_path):
    path = write(tmp_path, "people.csv", "\ufeffname,company\r\nJosé Núñez,Café & Co\r\n", "utf-8")
    assert read_table(path)["name"].tolist() == ["José Núñez"]
    path = write(tmp_path, "people.csv", "name,company\nJosé Núñez,Café\n", "cp1252")
    report = ImportReport()
    assert read_table(path, report=report)["name"].tolist() == ["José Núñez"]
    assert "Windows-1252" in report.files[0].notes[0]


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path, "people.csv", "\ufeffname\nÅsa Berg\n", "utf-16-le")
    assert read_table(path)["name"].tolist() == ["Åsa Berg"]


def test_binary_garbage_is_an_error(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(b"\x00\x01\x02garbage" * 10)
    with pytest.raises(NetgraphError, match="binary"):
        read_table(path)


def test_directory_where_a_file_was_expected(tmp_path):
    (tmp_path / "people.csv").mkdir()
    with pytest.raises(NetgraphError, match="directory"):
        read_table(tmp_path / "people.csv")


def test_extra_columns_are_kept_and_noted(tmp_path):
    path = write(tmp_path, "people.csv", "name,favourite colour\nMary,blue\n")
    report = ImportReport()
    people = read_table(path, report=report)
    assert people["favourite_colour"].tolist() == ["blue"]
    assert "favourite_colour" in report.files[0].notes[0]


def test_headers_are_case_and_space_insensitive(tmp_path):
    path = write(tmp_path, "x.csv", " Date , FROM ,To\n2024-01-01,a,b\n")
    assert read_table(path)["from"].tolist() == ["a"]


def test_sniff_by_header():
    assert sniff(["date", "from", "to"]) == "interactions"
    assert sniff(["a", "b", "strength"]) == "ties"
    assert sniff(["date", "introducer", "introduced"]) == "introductions"
    assert sniff(["name", "email"]) == "people"
    assert sniff(["name", "domains"]) == "companies"
    assert sniff(["first name", "last name"]) is None


def test_unrecognised_csv_is_an_error(tmp_path):
    path = write(tmp_path, "notes.csv", "x,y\n1,2\n")
    with pytest.raises(NetgraphError, match="not a netgraph table"):
        read_table(path)


def test_spreadsheet_escape_is_undone(tmp_path):
    path = write(tmp_path, "people.csv", "name,title\nMary,'=SUM(A1)\nBob,'+1 555\n")
    assert read_table(path)["title"].tolist() == ["=SUM(A1)", "+1 555"]


# --- what spreadsheets write, free text, huge cells (issue 13, points 1, 6 and 16) --------------------


def test_cells_that_say_missing_are_empty_and_addresses_are_checked(tmp_path):
    """A re-save that wrote NA in every empty cell gave thousands of people the address "NA"."""
    path = write(tmp_path, "people.csv", "name,email,company,phone,closeness,connected_on\n"
                                         "Ann Berg,NA,N/A,null,-,NA\n"
                                         "Bo Lund,bo@x.example;not an address;#N/A,Acme,555 0101,3,2024-01-02\n"
                                         "Na Yeon,na@x.example,NA,,,\n")
    report = ImportReport()
    people = read_table(path, report=report)
    assert people[["name", "email", "company", "phone"]].values.tolist() == [
        ["Ann Berg", [], "", []], ["Bo Lund", ["bo@x.example"], "Acme", ["555 0101"]],
        ["Na Yeon", ["na@x.example"], "", []]]
    assert people["closeness"].isna().tolist() == [True, False, True]
    assert [(p.line, p.reason, p.skipped) for p in report.problems] == [
        (3, "e-mail 'not an address' is not an address; left out", False)]


def test_free_text_columns_are_never_kept(tmp_path):
    path = write(tmp_path, "interactions.csv", "date,from,to,subject,content,note,Body\n"
                                               "2025-01-02,Ann,Bob,Our offer,The offer is 250k,intro,Hi Bob\n")
    report = ImportReport()
    frame = read_table(path, report=report)
    assert not {"subject", "content", "body"} & set(frame.columns) and frame["note"].tolist() == ["intro"]
    assert "free-text columns not read (bodies and notes are never kept): subject, content, body" in \
        report.files[0].notes


def test_a_line_of_five_million_characters_is_skipped_unparsed(tmp_path):
    path = write(tmp_path, "people.csv", "name,company\nAnn Berg,Acme\nBo Lund," + "x" * 5_000_000 + "\nCy Ode,Acme\n")
    report = ImportReport()
    people = read_table(path, report=report)
    assert people["name"].tolist() == ["Ann Berg", "Cy Ode"]
    assert [(p.line, p.reason) for p in report.problems] == [
        (3, "a line of 5,000,009 characters: too long to be a record; skipped unread")]
    assert report.ok


# Dates that read two ways (01/11/2026): the whole column decides (tests/fixtures/dates/README.md).

DATES = Path(__file__).resolve().parents[2] / "fixtures" / "dates"


def read_dates(name: str, kind: str) -> tuple[pd.DataFrame, ImportReport]:
    report = ImportReport()
    table = read_table(DATES / name, kind, report)
    return table, report


def day_of(table: pd.DataFrame, column: str) -> list[str]:
    return [d.strftime("%Y-%m-%d %H:%M") if pd.notna(d) else "" for d in table[column]]


@pytest.mark.parametrize(("name", "order", "why", "dates"), [
    ("interactions_day_first.csv", "day first", "day first: 14/03/2026 on line 4 settles it",
     ["2026-10-05 00:00", "2026-11-01 00:00", "2026-03-14 00:00", "2026-03-02 09:30"]),
    ("interactions_month_first.csv", "month first", "month first: 03/14/2026 on line 4 settles it",
     ["2026-05-10 00:00", "2026-01-11 00:00", "2026-03-14 00:00", "2026-02-03 09:30"]),
    ("interactions_ambiguous.csv", "day first",
     "ambiguous throughout: read day first, as most of the world writes dates",
     ["2026-10-05 00:00", "2026-11-01 00:00", "2025-12-12 00:00"]),
])
def test_a_slashed_date_column_is_read_in_the_order_the_column_settles(name, order, why, dates):
    table, report = read_dates(name, "interactions")
    assert day_of(table, "date") == dates and report.ok and not report.problems
    said = report.dates_frame()
    assert said[["column", "order", "why"]].values.tolist() == [["date", order, why]]
    # a guess is said in the brief summary too; a settled order only in the frame
    assert (why in report.brief()) == (said["confidence"].iloc[0] < 1)


def test_a_date_that_contradicts_its_column_skips_its_record_with_file_and_line():
    table, report = read_dates("interactions_contradicting.csv", "interactions")
    assert day_of(table, "date") == ["2026-03-14 00:00", "2025-12-25 00:00", "2026-10-05 00:00", "2026-01-30 00:00"]
    (problem,) = report.problems
    assert (problem.line, problem.skipped) == (5, True) and problem.file.endswith("interactions_contradicting.csv")
    assert problem.reason == "date '03/14/2026' reads only month first, where the column is day first"
    assert report.files[0].read == 5 and report.files[0].loaded == 4 and report.ok
    (said,) = report.files[0].dates
    assert said.confidence == 3 / 4 and "3 read day first, 1 month first: left out" in said.why
    assert str(said) in report.brief()


def test_an_optional_date_that_contradicts_its_column_is_left_empty_and_its_record_kept():
    table, report = read_dates("people_contradicting.csv", "people")
    assert day_of(table, "connected_on") == ["2026-03-04 00:00", "2025-12-31 00:00", "", "2026-04-15 00:00"]
    (problem,) = report.problems
    assert (problem.line, problem.skipped) == (4, False)
    assert problem.reason.endswith("reads only day first, where the column is month first; left empty")
    assert report.files[0].dates[0].why.startswith("month first: 12/31/2025 on line 3 settles it")


def test_iso_dates_beside_slashed_ones_are_read_as_they_are_and_do_not_vote():
    table, report = read_dates("people_mixed_iso.csv", "people")
    assert day_of(table, "connected_on") == ["2026-03-04 00:00", "2026-03-04 00:00", "2026-04-13 00:00",
                                             "2026-12-01 00:00"]
    assert report.dates_frame()["why"].tolist() == ["day first: 13/04/2026 on line 4 settles it"]


def test_an_iso_only_column_has_no_order_to_report(tmp_path):
    path = write(tmp_path, "ties.csv", "a,b,since\nAnn,Bob,2024-01-05\nAnn,Cy,2024-13-01\n")
    report = ImportReport()
    read_table(path, report=report)
    assert report.dates_frame().empty and "unreadable since '2024-13-01'" in report.problems[0].reason
