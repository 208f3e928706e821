"""Google Contacts CSV: the current layout and the legacy (UTF-16) one."""

from __future__ import annotations

from pathlib import Path

import pytest

import netgraph
from netgraph import ImportReport, NetgraphError
from netgraph.io.sources import Context, _head, google
from netgraph.io.sources.google import read_google_contacts

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOOGLE = FIXTURES / "google"
COLUMNS = ["name", "email", "phone", "company", "title", "linkedin_url", "location", "tags", "_line"]


def records(frame):
    return [tuple(row) for row in frame[COLUMNS].astype(object).values.tolist()]


def test_current_layout_with_repeated_groups_and_multi_values():
    report = ImportReport()
    people = read_google_contacts(GOOGLE / "contacts.csv", report=report)
    assert records(people) == [
        ("Dr. Mary J. Lee, PhD", ["mary.lee@novagen.example", "mlee@novagen.example", "mary@home.example"],
         ["+1 555 0100", "+1 555 0101", "+1 555 0199"], "Novagen", "VP Research",
         "https://www.linkedin.com/in/mary-lee-42/", "Boston, MA, US", ["BioConf"], 2),
        ("anon@unknown.example", ["anon@unknown.example"], [], "", "", "", "", [], 6),
        ("Stan Whitfield", ["stan@helix.example"], [], "Helix Therapeutics", "", "", "UK", ["Investors"], 9),
        ("Bobby T", [], ["555-0123"], "", "", "", "", [], 10),
    ]
    assert people["contact"].all() and set(people["_source"]) == {"google"}
    assert "notes" not in people.columns and "birthday" not in people.columns
    entry = report.files[0]
    assert [(p.line, p.reason, p.skipped) for p in entry.problems] == [
        (7, "neither a name nor an e-mail address", True)]
    assert (entry.read, entry.loaded, entry.skipped) == (5, 4, 1)


def test_legacy_layout_in_utf16():
    report = ImportReport()
    people = read_google_contacts(GOOGLE / "contacts_legacy.csv", report=report)
    assert records(people) == [
        ("Åsa Berg", ["asa@berg.example", "asa.berg@nordbank.example", "ab@nordbank.example"], ["+46 70 123 45 67"],
         "Nordbank", "Analyst", "se.linkedin.com/in/asaberg", "Stockholm, Sweden", ["Nordics"], 2),
        ("Omar Haddad", ["omar@haddad.example"], [], "", "", "", "Beirut", [], 3),
    ]
    entry = report.files[0]
    assert [(p.line, p.reason) for p in entry.problems] == [(4, "neither a name nor an e-mail address")]
    assert entry.read == entry.loaded + entry.skipped == 3


def test_a_minimal_current_export_with_ragged_rows(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("\ufeffFirst Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\r\n"
                    "Ann,Ash,* myContacts ::: Friends,* Home,ann@ash.example\r\n"
                    "Bo,Birch,,Work,bo@birch.example,extra,cells\r\n"
                    "Cy\r\n", encoding="utf-8")
    report = ImportReport()
    people = read_google_contacts(path, report=report)
    assert people[["name", "email", "tags", "_line"]].values.tolist() == [
        ["Ann Ash", ["ann@ash.example"], ["Friends"], 2], ["Cy", [], [], 4]]
    assert [(p.line, p.skipped) for p in report.files[0].problems] == [(3, True), (4, False)]
    assert report.ok


def test_recognises_both_layouts_and_nothing_else(tmp_path):
    for name in ("contacts.csv", "contacts_legacy.csv"):
        renamed = tmp_path / f"google {name}"
        renamed.write_bytes((GOOGLE / name).read_bytes())
        assert google.recognises(renamed, _head(renamed)), name
    outlook = tmp_path / "outlook.csv"
    outlook.write_text("First Name,Middle Name,Last Name,Title,E-mail Address,E-mail 2 Address\n", encoding="utf-8")
    others = [outlook, FIXTURES / "linkedin" / "Connections.csv", netgraph.sample_path() / "people.csv"]
    for path in others:
        assert not google.recognises(path, _head(path)), path


def test_read_for_the_loader():
    report = ImportReport()
    tables = google.read(GOOGLE / "contacts.csv", report, Context(me="Jane Jones"))
    assert len(tables.people) == 4 and tables.interactions.empty and tables.owner == []


def test_a_file_without_a_google_header_is_an_error(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("Full name,Phone\nAnn Ash,555\n", encoding="utf-8")
    with pytest.raises(NetgraphError) as error:
        read_google_contacts(path)
    assert error.value.file == str(path) and error.value.line == 1
    assert "no Google Contacts header" in str(error.value)
