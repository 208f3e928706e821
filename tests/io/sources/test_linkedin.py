"""LinkedIn's data export: Connections.csv of every vintage, messages.csv, Invitations.csv, the .zip."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import ImportReport, NetgraphError
from netgraph.io import sources
from netgraph.io.sources import Context, Reader, _head, google, linkedin
from netgraph.io.sources.linkedin import (
    read_linkedin,
    read_linkedin_favours,
    read_linkedin_invitations,
    read_linkedin_messages,
)
from netgraph.model.tables import MISSING

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LINKEDIN = FIXTURES / "linkedin"
ME_URL = "https://www.linkedin.com/in/janejones"
MARY = "Mary Lee <https://www.linkedin.com/in/mary-lee-42>"
STAN = "Stan Whitfield <https://www.linkedin.com/in/stanwhitfield>"


def problems(entry):
    return [(p.line, p.reason, p.skipped) for p in sorted(entry.problems, key=lambda p: p.line)]


def records(frame, columns, when="%Y-%m-%d %H:%M:%S"):
    """The table's rows as tuples of ``columns``, dates as text."""
    cells = frame[columns].copy()
    for column in cells.columns[cells.dtypes.map(pd.api.types.is_datetime64_any_dtype)]:
        cells[column] = cells[column].dt.strftime(when)
    return [tuple(row) for row in cells.astype(object).values.tolist()]


def accounted(entry, read, loaded):
    assert (entry.read, entry.loaded) == (read, loaded)
    assert entry.read == entry.loaded + entry.skipped


def export_zip(folder: Path, *, members=("Connections.csv", "messages.csv", "Invitations.csv")) -> Path:
    """A LinkedIn export as LinkedIn ships it, with the extra files a real one has."""
    path = folder / "Basic_LinkedInDataExport_03-01-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in members:
            archive.write(LINKEDIN / name, name)
        archive.writestr("Profile.csv", "First Name,Last Name,Headline\nJane,Jones,Scientist\n")
        archive.writestr("guide_messages.csv", "CONVERSATION ID,FROM,TO,DATE\n")
        archive.writestr("__MACOSX/._Connections.csv", b"\x00\x05\x16\x07 resource fork")
    return path


# ---------------------------------------------------------------------------------------------
# Connections.csv


def test_connections_with_preamble_bom_crlf_and_every_quirk():
    report = ImportReport()
    people = read_linkedin(LINKEDIN / "Connections.csv", report=report)
    assert people["name"].tolist() == ["Mary Lee", "Stan Whitfield", "Ana Souza | Hiring", "Ravi Kumar, MBA",
                                       "Zoë Ngô 🌱", "Lena Vogt"]
    assert people["company"].tolist() == ["Novagen, Inc.", "Helix Therapeutics", "Acme", "Acme, Inc.", "Bright Labs",
                                          ""]
    assert people["title"].tolist() == ["VP Research", "Founder", "Talent Partner, EMEA", "CFO", "Engineer", ""]
    assert people["email"].tolist() == [[], ["stan@whitfield.example"], [], [], [], []]
    assert people["linkedin_url"][0] == "https://www.linkedin.com/in/mary-lee-42"
    assert people["connected_on"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2026-01-05", "2024-03-12", "2025-02-01", "", "2023-02-28", "2026-02-08"]
    assert people["_line"].tolist() == [5, 6, 9, 10, 11, 14]
    assert people["contact"].all() and set(people["_source"]) == {"linkedin"}
    entry = report.files[0]
    assert problems(entry) == [
        (8, "no name: a member who has left LinkedIn (or hides their name)", True),
        (10, "unreadable Connected On 'sometime in 2019'; left empty", False),
        (13, "8 fields where the header has 7 (an unquoted comma?)", True),
    ]
    accounted(entry, read=8, loaded=6)
    assert entry.notes == ["lines 1-3 are notes above the header: not records"]


@pytest.mark.parametrize("name, expected", [
    ("Connections_2021.csv", [("Mary Lee", "Novagen", "mary@novagen.example", "2021-06-17 00:00", 5),
                              ("Omar Haddad", "", "", "2020-12-02 00:00", 6)]),
    ("Connections_2018.csv", [("Mary Lee", "Novagen", "", "2018-01-08 18:14", 2),
                              ("Peter O'Neil", '"Quotes" Ltd', "peter@oneil.example", "2017-12-24 11:02", 3)]),
    ("Connections_resaved.csv", [("José Núñez", "Café Ltd", "", "2023-04-23 00:00", 5),
                                 ("Åsa Berg", "", "", "2019-01-09 00:00", 6)]),
])
def test_connections_of_every_vintage(name, expected):
    report = ImportReport()
    people = read_linkedin(LINKEDIN / name, report=report)
    people["email"] = people["email"].str.join(";")
    assert records(people, ["name", "company", "email", "connected_on", "_line"], "%Y-%m-%d %H:%M") == expected
    entry = report.files[0]
    assert entry.problems == []
    accounted(entry, read=2, loaded=2)
    assert ("not UTF-8: read as Windows-1252" in entry.notes) == (name == "Connections_resaved.csv")


def test_connections_without_url_column_have_empty_urls():
    people = read_linkedin(LINKEDIN / "Connections_2021.csv")
    assert people["linkedin_url"].tolist() == ["", ""]


def test_a_file_without_the_header_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text("Notes:\nsomething else\n\nName,Where\nMary,Boston\n", encoding="utf-8")
    with pytest.raises(NetgraphError) as error:
        read_linkedin(path)
    assert error.value.file == str(path) and error.value.line == 1
    assert "no Connections.csv header" in str(error.value)


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"\r\n\r\n", "empty"),
                                              (b"\x00\x01PK\x00" * 50, "binary")])
def test_empty_or_binary_files_are_errors(tmp_path, content, message):
    path = tmp_path / "Connections.csv"
    path.write_bytes(content)
    with pytest.raises(NetgraphError, match=message):
        read_linkedin(path)


def test_an_unzipped_export_folder_at_any_depth(tmp_path):
    inner = tmp_path / "Downloads" / "Basic_LinkedInDataExport"
    inner.mkdir(parents=True)
    shutil.copy(LINKEDIN / "Connections_2018.csv", inner / "connections.csv")
    report = ImportReport()
    assert read_linkedin(tmp_path, report=report)["name"].tolist() == ["Mary Lee", "Peter O'Neil"]
    assert report.files[0].file == str(inner / "connections.csv")
    with pytest.raises(NetgraphError, match="no messages.csv"):
        read_linkedin_messages(tmp_path)


# ---------------------------------------------------------------------------------------------
# messages.csv


def test_messages_direction_groups_and_skipped_records():
    report = ImportReport()
    messages = read_linkedin_messages(LINKEDIN / "messages.csv", report=report)
    assert records(messages, ["_line", "date", "from", "to", "recipients"]) == [
        (2, "2026-01-06 09:15:00", "me", MARY, 1),
        (5, "2026-01-07 18:02:33", MARY, "me", 1),
        (6, "2024-03-11 08:00:00", STAN, "me", 1),
        (7, "2025-05-02 12:00:00", "me", MARY, 2),
        (7, "2025-05-02 12:00:00", "me", STAN, 2),
        (8, "2025-09-09 10:00:00", "Rita Recruiter <https://www.linkedin.com/in/rita-recruits>", "me", 1),
        (13, "2025-05-02 13:30:00", STAN, "me", 2),
        (13, "2025-05-02 13:30:00", STAN, MARY, 2),
        (14, "2024-12-01 07:45:00", "Renée Faure <https://www.linkedin.com/in/renee-faure>", "me", 1),
        (15, "2025-05-03 09:00:00", "me", "https://www.linkedin.com/in/mary-lee-42", 2),
        (15, "2025-05-03 09:00:00", "me", "https://www.linkedin.com/in/stanwhitfield", 2),
    ]
    assert set(messages["channel"]) == {"message"} and set(messages["kind"]) == {"other"}
    assert not {"content", "subject", "folder"} & set(messages.columns) and set(messages["note"]) == {""}
    entry = report.files[0]
    assert problems(entry) == [
        (9, "a draft: never sent", True),
        (10, "in the spam folder", True),
        (11, "unreadable DATE 'yesterday'", True),
        (12, "no sender: FROM and SENDER PROFILE URL are empty (or an anonymous LinkedIn Member)", True),
        (14, "name 'RenÃ©e Faure' was UTF-8 decoded twice: read as 'Renée Faure'", False),
        (15, "TO has 3 names for 2 RECIPIENT PROFILE URLS: recipients known by their profile only", False),
    ]
    accounted(entry, read=12, loaded=8)
    assert entry.notes == [f"the owner of these messages: Jane Jones <{ME_URL}>, in 5 of 5 conversations"]


def test_messages_owner_given_as_me_by_name_or_url():
    for me in ("mary lee", "https://uk.linkedin.com/in/Mary-Lee-42/"):
        messages = read_linkedin_messages(LINKEDIN / "messages.csv", me=me)
        assert messages.loc[messages["_line"] == 2, ["from", "to"]].values.tolist() == [
            [f"Jane Jones <{ME_URL}>", "me"]]


def test_messages_owner_not_among_participants_or_uncertain(tmp_path):
    report = ImportReport()
    read_linkedin_messages(LINKEDIN / "messages.csv", me="Nobody Here", report=report)
    assert report.files[0].notes[1] == "Nobody Here: not among the participants"
    path = tmp_path / "messages.csv"
    path.write_text("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE\n"
                    "c1,Ann Ash,https://www.linkedin.com/in/ann,Bo Birch,https://www.linkedin.com/in/bo,"
                    "2024-01-01 10:00:00 UTC\n", encoding="utf-8")
    report = ImportReport()
    table = read_linkedin_messages(path, report=report)
    assert table[["from", "to"]].values.tolist() == [["me", "Bo Birch <https://www.linkedin.com/in/bo>"]]
    assert report.files[0].notes[1] == ("Bo Birch <https://www.linkedin.com/in/bo> is in as many conversations: "
                                        "set 'me' if the owner is not who was taken")


def test_old_messages_without_profile_urls_or_with_semicolons(tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text('CONVERSATION ID,CONVERSATION TITLE,FROM,TO,DATE,SUBJECT,CONTENT\n'
                    'c1,,Jane Jones,"Ann Ash, Bo Birch",2019-05-01 10:00:00 UTC,,"hello, both"\n'
                    'c2,,Ann Ash,Jane Jones,2019-05-02 10:00:00 UTC,,hi\n', encoding="utf-8")
    table = read_linkedin_messages(path)
    assert table[["from", "to", "_line"]].values.tolist() == [["me", "Ann Ash", 2], ["me", "Bo Birch", 2],
                                                             ["Ann Ash", "me", 3]]


# ---------------------------------------------------------------------------------------------
# Invitations.csv


def test_invitations():
    report = ImportReport()
    table = read_linkedin_invitations(LINKEDIN / "Invitations.csv", report=report)
    assert records(table, ["_line", "date", "from", "to"], "%Y-%m-%d %H:%M") == [
        (2, "2026-01-03 09:15", "me", MARY),
        (4, "2024-03-10 16:02", STAN, "me"),
        (5, "2020-11-30 12:00", "me", "Omar Haddad <www.linkedin.com/in/omarhaddad>"),
    ]
    assert set(table["kind"]) == {"social"} and set(table["note"]) == {"invitation"}
    assert set(table["channel"]) == {"message"}
    entry = report.files[0]
    assert problems(entry) == [(6, "Direction 'PENDING' is neither INCOMING nor OUTGOING", True),
                               (7, "unreadable Sent At 'soon'", True)]
    accounted(entry, read=5, loaded=3)


FAVOURS = ("Recommendations_Received.csv", "Recommendations_Given.csv", "Endorsement_Received_Info.csv",
           "Endorsement_Given_Info.csv")


def test_recommendations_are_favours_and_endorsements_gestures():
    report = ImportReport()
    table = read_linkedin_favours(LINKEDIN, report=report)
    assert records(table, ["date", "from", "to", "kind", "note", "channel"], "%Y-%m-%d %H:%M") == [
        ("2024-03-14 09:30", STAN.split(" <")[0], "me", "give", "recommendation", "message"),
        ("2025-11-02 16:45", "Zoë Ångström", "me", "give", "recommendation", "message"),
        ("2022-06-01 08:00", "me", "Omar Haddad", "give", "recommendation", "message"),
        ("2024-03-10 16:02", "Stan Whitfield <www.linkedin.com/in/stanwhitfield>", "me", "social", "endorsement",
         "other"),
        ("2024-03-10 16:02", "Stan Whitfield <www.linkedin.com/in/stanwhitfield>", "me", "social", "endorsement",
         "other"),
        ("2025-07-01 09:00", "Mary Lee <www.linkedin.com/in/mary-lee-42>", "me", "social", "endorsement", "other"),
        ("2025-01-20 18:30", "me", "Omar Haddad <www.linkedin.com/in/omarhaddad>", "social", "endorsement", "other"),
    ]
    entries = {Path(e.file).name: e for e in report.files}
    assert problems(entries["Recommendations_Received.csv"]) == [
        (4, "the other person has neither a name nor a profile URL", True),
        (5, "unreadable Creation Date 'someday'", True)]
    assert problems(entries["Endorsement_Received_Info.csv"]) == [
        (4, "unreadable Endorsement Date '2023/13/45 10:00:00 UTC'", True)]
    accounted(entries["Recommendations_Received.csv"], read=4, loaded=2)
    # what they wrote, and which skill, is never kept
    assert not any("led our launch" in str(v) or "Marketing" in str(v) for v in table.to_numpy().ravel())
    one = read_linkedin_favours(LINKEDIN / "Endorsement_Given_Info.csv")
    assert one[["from", "note"]].values.tolist() == [["me", "endorsement"]]
    with pytest.raises(NetgraphError, match="not one of Recommendations_Received.csv"):
        read_linkedin_favours(LINKEDIN / "Invitations.csv")


def test_a_recommendation_counts_in_the_ledger_and_an_endorsement_asks_no_answer(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("Connections.csv", *FAVOURS):
        shutil.copy(LINKEDIN / name, folder / name)
    (folder / "netgraph.toml").write_text('me = "Jane Jones"\ntoday = "2025-07-20"\n')
    net = netgraph.load(folder)
    assert net.report.ok and all(f.read == f.loaded + f.skipped for f in net.report.files)
    table = netgraph.reciprocity(net.graph).set_index("contact")
    assert table.loc["Stan Whitfield", "favours_received"] == 1
    assert table.loc["Omar Haddad", "favours_given"] == 1
    mary = net.find("Mary Lee")
    assert net.graph[mary][net.me].get("waiting", 0) == 0  # her endorsement asks for no answer
    stan = net.find("Stan Whitfield")
    assert net.graph[stan][net.me]["waiting"] == 1  # his recommendation deserves a thank-you


# ---------------------------------------------------------------------------------------------
# The .zip, and the loader's side


def test_recognises_files_by_header_also_after_renaming_and_the_zip(tmp_path):
    for name in ("Connections.csv", "Connections_2018.csv", "Connections_resaved.csv", "messages.csv",
                 "Invitations.csv", "Endorsement_Received_Info.csv", "Endorsement_Given_Info.csv"):
        renamed = tmp_path / f"my {name}"
        shutil.copy(LINKEDIN / name, renamed)
        assert linkedin.recognises(renamed, _head(renamed)), name
    # the two recommendations files have one header: only their names tell received from given
    for name in ("Recommendations_Received.csv", "Recommendations_Given.csv"):
        assert linkedin.recognises(LINKEDIN / name, _head(LINKEDIN / name)), name
        renamed = tmp_path / f"my {name}"
        shutil.copy(LINKEDIN / name, renamed)
        assert not linkedin.recognises(renamed, _head(renamed)), name
    for path in (FIXTURES / "google" / "contacts.csv", netgraph.sample_path() / "people.csv",
                 netgraph.sample_path() / "interactions.csv"):
        assert not linkedin.recognises(path, _head(path)), path
    archive = export_zip(tmp_path)
    assert linkedin.recognises(archive, _head(archive))
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.jpg", b"\xff\xd8")
    assert not linkedin.recognises(other, _head(other))
    # a .zip that cannot be opened may be the export, interrupted: claimed, to be refused with a reason
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert linkedin.recognises(broken, _head(broken))
    with pytest.raises(NetgraphError, match="not a readable zip archive"):
        linkedin.read(broken, ImportReport(), Context())


def test_the_whole_export_read_in_memory(tmp_path):
    archive = export_zip(tmp_path)
    report = ImportReport()
    tables = linkedin.read(archive, report, Context())
    assert len(tables.people) == 6 and len(tables.interactions) == 11 + 3
    assert tables.owner == ["Jane Jones", ME_URL]
    assert [(f.file, f.kind, f.read, f.loaded) for f in report.files] == [
        (f"{archive}:Connections.csv", "people", 8, 6),
        (f"{archive}:Invitations.csv", "interactions", 5, 3),
        (f"{archive}:messages.csv", "interactions", 12, 8),
    ]
    assert report.ok
    assert sorted(p.name for p in tmp_path.iterdir()) == [archive.name]  # nothing extracted
    assert read_linkedin_messages(archive)["to"].tolist() == tables.interactions["to"].tolist()[3:]


def test_the_favours_in_the_whole_export(tmp_path):
    archive = export_zip(tmp_path, members=("Connections.csv", *FAVOURS))
    report = ImportReport()
    tables = linkedin.read(archive, report, Context())
    assert len(tables.interactions) == len(read_linkedin_favours(LINKEDIN)) == 7
    assert [f.file.rsplit(":", 1)[1] for f in report.files] == ["Connections.csv", *FAVOURS]


def test_invitations_tell_the_owner_when_the_messages_cannot(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE\n"
                                         f"c1,Jane Jones,{ME_URL},Bo Birch,https://www.linkedin.com/in/bo,"
                                         "2024-01-01 10:00:00 UTC\n")
        archive.write(LINKEDIN / "Invitations.csv", "Invitations.csv")
    tables = linkedin.read(path, ImportReport(), Context())
    messages = tables.interactions[tables.interactions["kind"] == "other"]
    assert messages[["from", "to"]].values.tolist() == [["me", "Bo Birch <https://www.linkedin.com/in/bo>"]]
    assert tables.owner == ["Jane Jones", ME_URL]


def test_read_dispatches_single_files_and_errors_name_the_member(tmp_path):
    tables = linkedin.read(LINKEDIN / "Invitations.csv", ImportReport(), Context())
    assert len(tables.interactions) == 3 and tables.people.empty
    assert tables.owner == ["Jane Jones", ME_URL]
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", "Notes:\nnothing\n")
    with pytest.raises(NetgraphError) as error:
        linkedin.read(path, ImportReport(), Context())
    assert error.value.file == f"{path}:Connections.csv"
    with pytest.raises(NetgraphError, match="holds no messages.csv"):
        read_linkedin_messages(path)
    with pytest.raises(NetgraphError, match="not a LinkedIn export file"):
        linkedin.read(FIXTURES / "google" / "contacts.csv", ImportReport(), Context())


def test_loads_end_to_end_with_google_contacts(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "READERS", [Reader("linkedin", linkedin.recognises, linkedin.read),
                                             Reader("google", google.recognises, google.read), *sources.READERS])
    export_zip(tmp_path)
    shutil.copy(FIXTURES / "google" / "contacts.csv", tmp_path / "contacts.csv")
    net = netgraph.load(tmp_path, me="Jane Jones", today="2026-03-01")
    assert net.report.ok
    G, me = net.graph, net.me
    assert G.nodes[me]["name"] == "Jane Jones"
    mary = net.find("https://www.linkedin.com/in/mary-lee-42")
    assert net.find("mary.lee@novagen.example") == net.find("Mary Lee") == mary
    assert {"linkedin", "google"} <= set(net.people.loc[mary, "sources"])
    assert G[me][mary]["sent"] == 4 and G[mary][me]["sent"] == 1  # 3 messages and an invitation; one reply
    rita = net.find("Rita Recruiter")
    assert G[rita][me]["sent"] == 1 and G[me][rita].get("sent", 0) == 0
    assert net.find("Lena Vogt") in G[me]  # a connection without any message is still a relationship
    files = net.report.to_frame().set_index("file")
    assert files.loc[str(tmp_path / "contacts.csv"), "loaded"] == 5  # a phone-only contact included


# ---------------------------------------------------------------------------------------------
# Any connections, in any vintage


_VINTAGES = {
    # name: (columns, date format, preamble, encoding)
    "2026": (("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
             "%d %b %Y", True, "utf-8-sig"),
    "2021": (("First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"),
             "%d %b %Y", True, "utf-8"),
    "2018": (("First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"),
             "%m/%d/%y, %I:%M %p", False, "utf-8"),
    "resaved": (("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
                "%d-%b-%y", False, "cp1252"),
}
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñçøÅ"
_PUNCTUATION = " ,'\"-.|()&"
_EMOJI = "🚀🌱✨"


def _text(alphabet, *, newlines=False):
    extra = "\n" if newlines else ""
    # a cell saying "missing" (NA, NULL, -) reads as empty: not text to round-trip
    return st.text(alphabet + _PUNCTUATION + extra, max_size=20).filter(lambda t: t.strip() not in MISSING)


@st.composite
def _connection(draw, vintage):
    alphabet = _LETTERS + ("" if vintage == "resaved" else _EMOJI)
    first = draw(st.text(_LETTERS, min_size=1, max_size=10)) + draw(_text(alphabet))
    return {
        "First Name": first, "Last Name": draw(_text(alphabet)),
        "URL": f"https://www.linkedin.com/in/{draw(st.from_regex(r'[a-z0-9-]{3,20}', fullmatch=True))}",
        "Email Address": draw(st.sampled_from(["", "x@y.example", "first.last@acme.example"])),
        "Company": draw(_text(alphabet, newlines=True)), "Position": draw(_text(alphabet, newlines=True)),
        "when": draw(st.datetimes(datetime(2003, 1, 1), datetime(2030, 12, 31))).replace(second=0, microsecond=0),
    }


@st.composite
def _export(draw):
    vintage = draw(st.sampled_from(sorted(_VINTAGES)))
    return vintage, draw(st.lists(_connection(vintage), min_size=1, max_size=8)), draw(st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_export())
@pytest.mark.slow
def test_any_connections_read_back_intact(export):
    vintage, connections, crlf = export
    columns, date_format, preamble, encoding = _VINTAGES[vintage]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    if preamble:
        writer.writerows([["Notes:"], ["When exporting your connection data, some e-mail addresses are missing."], []])
    writer.writerow(columns)
    for c in connections:
        writer.writerow([c["when"].strftime(date_format) if col == "Connected On" else c[col] for col in columns])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Connections.csv"
        path.write_bytes(out.getvalue().encode(encoding))
        report = ImportReport()
        people = read_linkedin(path, report=report)
    entry = report.files[0]
    assert entry.problems == [] and entry.read == entry.loaded == len(connections)

    def clean(text):
        return " ".join(text.split())

    resolution = "%Y-%m-%d %H:%M" if "%M" in date_format else "%Y-%m-%d"
    expected = pd.DataFrame({
        "name": [clean(f"{c['First Name']} {c['Last Name']}") for c in connections],
        "company": [clean(c["Company"]) for c in connections],
        "title": [clean(c["Position"]) for c in connections],
        "email": [[c["Email Address"]] if c["Email Address"] else [] for c in connections],
        "linkedin_url": [c["URL"] if "URL" in columns else "" for c in connections],
        "connected_on": [c["when"].strftime(resolution) for c in connections],
    })
    got = people[expected.columns].assign(connected_on=people["connected_on"].dt.strftime(resolution))
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)


def test_a_corrupt_member_is_an_error_naming_it(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.write(LINKEDIN / "Connections_2018.csv", "Connections.csv")
    data = bytearray(path.read_bytes())
    at = data.index(b"Mary")
    data[at] = ord("X")
    path.write_bytes(bytes(data))
    with pytest.raises(NetgraphError, match="cannot read this member") as error:
        read_linkedin(path)
    assert error.value.file == f"{path}:Connections.csv"


# ---------------------------------------------------------------------------------------------
# The 2018 Messages.csv, and archives that must not be read (issue 13, points 1 and 14)


def test_the_2018_messages_vintage_is_read_as_messages_without_their_text(tmp_path):
    """``From,To,Date,Subject,Content,Direction,Folder``: not a canonical interactions table (whose date it
    cannot read, and whose extra columns it would keep); Direction names the owner."""
    path = LINKEDIN / "2018" / "Messages.csv"
    assert sources.find_reader(path).name == "linkedin"
    net = netgraph.load(path, today="2026-11-01")
    assert net.report.ok and not net.report.problems
    assert net.graph.nodes[net.me]["name"] == "Jane Jones"
    rows = net.interactions.sort_values("date")
    assert [(str(d), net.graph.nodes[f]["name"], net.graph.nodes[t]["name"])
            for d, f, t in rows[["date", "from", "to"]].values] == [
        ("2018-10-16 08:36:00", "Tomas Brandt", "Jane Jones"), ("2018-10-16 09:02:00", "Jane Jones", "Tomas Brandt"),
        ("2018-11-02 16:15:00", "Ines Kowalczyk", "Jane Jones"),
        ("2018-11-03 10:00:00", "Jane Jones", "Ines Kowalczyk")]
    # re-saved by a spreadsheet with ISO dates: still LinkedIn's, and still without its text
    resaved = tmp_path / "Messages.csv"
    resaved.write_text(path.read_text().replace('"10/16/18, 8:36 AM"', "2018-10-16 08:36"))
    net = netgraph.load(resaved, today="2026-11-01")
    out = tmp_path / "out.csv"
    netgraph.export(net, out, format="csv")
    written = "".join(p.read_text() for p in out.rglob("*") if p.is_file())
    assert "Tomas Brandt" in written
    assert "confidential" not in written.lower() and "Coffee" not in written


def _zip_with(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    header = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    bomb = _zip_with(tmp_path / "export.zip", "Connections.csv", header + b"a" * (64 << 20))  # 64 MB in 64 KB
    with pytest.raises(NetgraphError, match=r"Connections.csv: refused: [\d,]+ bytes that would inflate to 67,108,9"):
        netgraph.load(bomb)


@pytest.mark.parametrize("data, what", [
    (None, "truncated"),
    (b"<!DOCTYPE html><html><body>Your download has expired.</body></html>", "a web page"),
])
def test_a_zip_that_cannot_be_opened_is_an_error(tmp_path, data, what):
    folder = tmp_path / "net"
    folder.mkdir()
    path = folder / "Basic_LinkedInDataExport_01-05-2026.zip"
    if data is None:
        export_zip(tmp_path)
        data = next(tmp_path.glob("*.zip")).read_bytes()[:400]  # an interrupted download
    path.write_bytes(data)
    (folder / "people.csv").write_text("name\nAnn Berg\n")
    with pytest.raises(NetgraphError) as error:
        netgraph.load(folder)
    assert str(error.value).startswith(f"{path}: not a readable zip archive"), what
    assert "\n" not in str(error.value)


# Dates that read two ways (5/10/26): the whole column decides, else LinkedIn's month first
# (tests/fixtures/dates/README.md).

DATES = FIXTURES / "dates" / "linkedin"


def minutes(column: pd.Series) -> list[str]:
    return [d.strftime("%Y-%m-%d %H:%M") if pd.notna(d) else "" for d in column]


def said(report: ImportReport) -> list[tuple[str, str, float]]:
    return [tuple(row) for row in report.dates_frame()[["column", "why", "confidence"]].values.tolist()]


def test_invitations_in_linkedins_own_form_are_settled_by_the_column():
    report = ImportReport()
    invitations = read_linkedin_invitations(DATES / "Invitations_month_first.csv", report=report)
    assert minutes(invitations["date"]) == ["2026-05-10 09:15", "2026-10-25 14:03", "2026-01-11 12:00"]
    assert said(report) == [("Sent At", "month first: 10/25/26, 2:03 PM on line 3 settles it", 1.0)]


def test_invitations_nothing_settles_are_read_in_linkedins_format():
    report = ImportReport()
    invitations = read_linkedin_invitations(DATES / "Invitations_ambiguous.csv", report=report)
    assert minutes(invitations["date"]) == ["2026-05-10 09:15", "2026-10-05 14:03"]
    assert said(report) == [("Sent At", "month first, LinkedIn's format for this file", 0.95)]


def test_a_resaved_messages_file_written_day_first_is_read_day_first():
    """The issue's case: a message dated 05/10/2026 by a European spreadsheet is 5 October, not May 10."""
    report = ImportReport()
    messages = read_linkedin_messages(DATES / "messages_day_first.csv", report=report)
    assert minutes(messages["date"]) == ["2026-10-05 14:03", "2026-10-25 09:12", "2026-11-01 10:00"]
    assert said(report) == [("DATE", "day first: 25/10/2026 09:12 on line 3 settles it", 1.0)]


def test_a_resaved_messages_file_nothing_settles_is_read_month_first_and_said_to_be_a_guess():
    report = ImportReport()
    messages = read_linkedin_messages(DATES / "messages_ambiguous.csv", report=report)
    assert minutes(messages["date"]) == ["2026-05-10 14:03", "2026-06-10 09:12"]
    why = "ambiguous throughout: read month first, as LinkedIn's US export writes them"
    assert said(report) == [("DATE", why, 0.5)] and why in report.brief()


def test_the_exports_iso_dates_beside_resaved_ones_are_read_as_they_are():
    report = ImportReport()
    messages = read_linkedin_messages(DATES / "messages_mixed_iso.csv", report=report)
    assert minutes(messages["date"]) == ["2026-10-05 14:03", "2026-11-05 09:12", "2026-10-13 14:00"]
    assert said(report) == [("DATE", "day first: 13/10/2026 14:00 on line 4 settles it", 1.0)]


def test_a_connection_date_that_contradicts_its_column_is_left_empty_with_file_and_line():
    report = ImportReport()
    people = read_linkedin(DATES / "Connections_contradicting.csv", report=report)
    assert minutes(people["connected_on"]) == ["2018-01-08 18:14", "2017-12-24 11:02", "", "2018-03-30 08:00"]
    (problem,) = report.problems
    assert (problem.line, problem.skipped) == (4, False)
    assert problem.reason == ("Connected On '13/1/18, 9:00 AM' reads only day first, where the column is month "
                              "first; left empty")
    ((column, why, confidence),) = said(report)
    assert column == "Connected On" and why.startswith("month first: 12/24/17, 11:02 AM on line 3 settles it")
    assert confidence == 2 / 3


def test_a_contradicting_date_skips_an_invitation_with_its_reason(tmp_path):
    path = tmp_path / "Invitations.csv"
    shutil.copy(DATES / "Invitations_month_first.csv", path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('Dara Kim,Jane Jones,"25/10/26, 2:03 PM",,INCOMING,https://www.linkedin.com/in/dara-kim,'
                     'https://www.linkedin.com/in/janejones\n')
        handle.write('Eli Novak,Jane Jones,"11/30/26, 2:03 PM",,INCOMING,https://www.linkedin.com/in/eli-novak,'
                     'https://www.linkedin.com/in/janejones\n')
    report = ImportReport()
    invitations = read_linkedin_invitations(path, report=report)
    assert len(invitations) == 4 and report.ok
    (problem,) = report.problems
    assert problem.line == 5 and problem.skipped
    assert problem.reason == "Sent At '25/10/26, 2:03 PM' reads only day first, where the column is month first"
