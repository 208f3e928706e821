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
        # phone-only: kept, named by the phone, as the vCard reader does
        ("+44 20 7946 0000", [], ["+44 20 7946 0000"], "", "", "", "", [], 7),
        ("Stan Whitfield", ["stan@helix.example"], [], "Helix Therapeutics", "", "", "UK", ["Investors"], 9),
        ("Bobby T", [], ["555-0123"], "", "", "", "", [], 10),
    ]
    assert people["contact"].all() and set(people["_source"]) == {"google"}
    assert "notes" not in people.columns and "birthday" not in people.columns
    entry = report.files[0]
    assert [(p.line, p.reason, p.skipped) for p in entry.problems] == [
        (6, "no name: named 'anon@unknown.example'", False), (7, "no name: named '+44 20 7946 0000'", False)]
    assert (entry.read, entry.loaded, entry.skipped) == (5, 5, 0)


def test_legacy_layout_in_utf16():
    report = ImportReport()
    people = read_google_contacts(GOOGLE / "contacts_legacy.csv", report=report)
    assert records(people) == [
        ("Åsa Berg", ["asa@berg.example", "asa.berg@nordbank.example", "ab@nordbank.example"], ["+46 70 123 45 67"],
         "Nordbank", "Analyst", "se.linkedin.com/in/asaberg", "Stockholm, Sweden", ["Nordics"], 2),
        ("Omar Haddad", ["omar@haddad.example"], [], "", "", "", "Beirut", [], 3),
        ("+1 555 0000", [], ["+1 555 0000"], "", "", "", "", [], 4),
    ]
    entry = report.files[0]
    assert [(p.line, p.reason) for p in entry.problems] == [(4, "no name: named '+1 555 0000'")]
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


def test_recognises_the_three_layouts_and_nothing_else(tmp_path):
    for name in ("contacts.csv", "contacts_legacy.csv", "contacts_outlook.csv"):
        renamed = tmp_path / f"google {name}"
        renamed.write_bytes((GOOGLE / name).read_bytes())
        assert google.recognises(renamed, _head(renamed)), name
    others = [FIXTURES / "linkedin" / "Connections.csv", netgraph.sample_path() / "people.csv"]
    for path in others:
        assert not google.recognises(path, _head(path)), path


def test_read_for_the_loader():
    report = ImportReport()
    tables = google.read(GOOGLE / "contacts.csv", report, Context(me="Jane Jones"))
    assert len(tables.people) == 5 and tables.interactions.empty and tables.owner == []


def test_a_file_without_a_google_header_is_an_error(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("Full name,Phone\nAnn Ash,555\n", encoding="utf-8")
    with pytest.raises(NetgraphError) as error:
        read_google_contacts(path)
    assert error.value.file == str(path) and error.value.line == 1
    assert "no Google Contacts header" in str(error.value)


def test_outlook_csv_the_third_google_layout():
    """Google's "Outlook CSV" export: Outlook's columns, "Title" the name's prefix, "Job Title" the position;
    faxes are not phones; notes are never read."""
    report = ImportReport()
    people = read_google_contacts(GOOGLE / "contacts_outlook.csv", report=report)
    assert records(people) == [
        ("Dr. Lena Vogt", ["lena.vogt@orchid.example", "lena@home.example"], ["+49 30 1234567", "+49 170 7654321"],
         "Orchid Health", "Head of Partnerships", "https://www.linkedin.com/in/lena-vogt/", "", ["Partners"], 2),
        ("Ravi Menon, Jr.", ["ravi@menon.example"], [], "", "", "", "", [], 3),
        ("+1 617 555 0142", [], ["+1 617 555 0142"], "", "", "", "", [], 4),
    ]
    assert "Confidential" not in repr(people)
    assert report.ok and report.files[0].warnings == 1
