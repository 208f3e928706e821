"""vCard files: iCloud 3.0, vCard 4.0, Android 2.1, broken cards, and random cards read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import ImportReport, NetgraphError
from netgraph.io.sources import Context
from netgraph.io.sources.contentline import logical_lines
from netgraph.io.sources.vcard import read, read_vcard, recognises

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vcard"


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of ``path`` containing ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def problems(report: ImportReport) -> list[tuple[int, str, bool]]:
    return [(p.line, p.reason, p.skipped) for p in report.problems]


def test_icloud_cards_every_field():
    report = ImportReport()
    people = read_vcard(FIXTURES / "icloud.vcf", report=report)
    assert people["name"].tolist() == ["Mary Lee", "Chidi Okafor"]
    mary, chidi = people.iloc[0], people.iloc[1]
    # item1.EMAIL is the preferred one; the HOME address follows.
    assert mary["email"] == ["mary.lee@novagen.example", "mary@lee-family.example"]
    assert mary["phone"] == ["+1 (555) 010-2030", "+1 555 010 4000", "+44 20 7946 0000"]
    assert mary["company"] == "Novagen, Inc."  # ORG's first component, escaped comma undone
    assert mary["title"] == "VP Research"
    assert mary["linkedin_url"] == "http://www.linkedin.com/in/mary-lee-42"  # folded X-SOCIALPROFILE
    assert mary["contact"] and mary["_source"] == "vcard" and mary["_line"] == 1
    # No FN: the name comes from N; the LinkedIn URL from a grouped URL with Apple's "\:".
    assert chidi["name"] == "Chidi Okafor"
    assert chidi["email"] == ["chidi@kestrel.example"] and chidi["phone"] == []
    assert (chidi["company"], chidi["title"]) == ("Kestrel Labs", "Head of Data")
    assert chidi["linkedin_url"] == "https://uk.linkedin.com/in/chidi-okafor/"
    assert chidi["_line"] == line_of(FIXTURES / "icloud.vcf", "N:Okafor") - 3
    entry = report.files[0]
    assert (entry.kind, entry.read, entry.loaded, entry.problems) == ("people", 2, 2, [])


def test_notes_and_photos_are_never_stored():
    people = read_vcard(FIXTURES / "icloud.vcf")
    stored = repr(people.to_dict("records"))
    photo = (FIXTURES / "icloud.vcf").read_text().split("PHOTO;ENCODING=b;TYPE=JPEG:")[1][:40]
    assert "BioConf" not in stored and photo not in stored


def test_photo_is_skipped_undecoded(tmp_path):
    # Not valid base64: vobject would fail decoding it, so the card loading proves it never was.
    path = tmp_path / "photo.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nPHOTO;ENCODING=b;TYPE=JPEG:!!not*base64\n"
                    " ~~~\nEMAIL:ana@souza.example\nEND:VCARD\n"
                    # vCard 2.1 writers may leave the base64 lines unindented, ended by a blank line.
                    "BEGIN:VCARD\nVERSION:2.1\nFN:Ben Okoro\nPHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ\n"
                    "SkZJRgABAQAAAQ\nABAAD/2wBDAAgG\n\nTEL;CELL:+234 803 555 0101\nEND:VCARD\n")
    report = ImportReport()
    people = read_vcard(path, report=report)
    assert people[["name", "email", "phone"]].values.tolist() == [
        ["Ana Souza", ["ana@souza.example"], []], ["Ben Okoro", [], ["+234 803 555 0101"]]]
    assert report.problems == []


def test_vcard_4():
    people = read_vcard(FIXTURES / "v4.vcf")
    jose = people.iloc[0]
    assert jose["name"] == "José Núñez-García"
    assert jose["email"] == ["jose.nunez@mail.example", "jose@helix.example"]  # PREF=1 first
    assert jose["phone"] == ["+34-600-123-456"]  # the tel: URI scheme dropped
    assert (jose["company"], jose["title"]) == ("Helix Therapeutics", "CTO")
    assert jose["linkedin_url"] == "https://www.linkedin.com/in/jose-nunez"


def test_android_2_1_quoted_printable_and_charsets():
    path = FIXTURES / "android.vcf"
    report = ImportReport()
    people = read_vcard(path, report=report)
    jurgen = people.iloc[0]
    assert jurgen["name"] == "Jürgen Öztürk"  # UTF-8 quoted-printable
    assert jurgen["company"] == "Müller & Söhne GmbH"  # ISO-8859-1 quoted-printable
    assert jurgen["title"] == "Geschäftsführer für Vertrieb und Marketing"  # across a soft line break
    assert jurgen["phone"] == ["+49 170 1234567", "030 1234567"]
    assert jurgen["email"] == ["juergen@oeztuerk.example"]
    # A card with only a phone and no name is kept, named after its number, with a warning.
    unnamed = line_of(path, "TEL;CELL:+33") - 3
    assert people[["name", "phone", "_line"]].values.tolist()[1:] == [
        ["+33 6 12 34 56 78", ["+33 6 12 34 56 78"], unnamed],
        ["Wei Tan", ["+65 9123 4567"], line_of(path, "FN:Wei Tan") - 3]]
    assert problems(report) == [(unnamed, "no name (FN or N): named '+33 6 12 34 56 78'", False)]


def test_broken_cards_are_reported_and_the_rest_loads():
    path = FIXTURES / "mixed.vcf"
    report = ImportReport()
    people = read_vcard(path, report=report)
    assert people["name"].tolist() == ["Ana Souza", "Ben Okoro", "Chen Li"]
    assert people["_line"].tolist() == [1, 10, line_of(path, "FN:Chen Li") - 2]
    assert problems(report) == [
        (6, "no END:VCARD (the next BEGIN:VCARD is at line 10)", True),
        (line_of(path, "this line is not"), "unreadable line (not NAME:value) ignored", False),
        (line_of(path, "just a note") - 2, "no name, e-mail address or phone number", True),
        (line_of(path, "X-UNKNOWN"), "N: unknown encoding: X-UNKNOWN; ignored", False),
        (line_of(path, "FN:Last Card") - 2, "no END:VCARD: the file ends inside it", True),
    ]
    entry = report.files[0]
    assert (entry.read, entry.loaded, entry.skipped, entry.warnings) == (6, 3, 3, 2)
    assert report.ok


def test_a_file_without_cards_is_an_error(tmp_path):
    path = tmp_path / "empty.vcf"
    path.write_text("no cards here\n")
    with pytest.raises(NetgraphError, match="no vCard") as error:
        read_vcard(path)
    assert (error.value.file, error.value.line) == (str(path), 1)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_outlook_encodings(tmp_path, encoding):
    path = tmp_path / "outlook.vcf"
    path.write_bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Béranger;Léa\r\nFN:Léa Béranger\r\n"
                     "EMAIL;PREF;INTERNET:lea@beranger.example\r\nEND:VCARD\r\n".encode(encoding))
    report = ImportReport()
    people = read_vcard(path, report=report)
    assert people["name"].tolist() == ["Léa Béranger"]
    assert report.files[0].notes == (["not UTF-8: read as Windows-1252"] if encoding == "cp1252" else [])


def test_recognises_by_extension_and_content():
    assert recognises(Path("contacts.VCF"), "") and recognises(Path("x.vcard"), "")
    assert recognises(Path("export.txt"), "\n  begin:vcard\nVERSION:3.0\n")
    assert not recognises(Path("people.csv"), "name,email\n")


def test_read_gives_the_people_table():
    tables = read(FIXTURES / "v4.vcf", ImportReport(), Context())
    assert tables.people["name"].tolist() == ["José Núñez-García"] and tables.interactions.empty


def test_logical_lines_unfold_and_join_soft_breaks():
    text = "A:one\r\n  two\r\nB;ENCODING=QUOTED-PRINTABLE:x=\r\ny\r\n\r\nC:three"
    assert list(logical_lines(text)) == [(1, "A:one two"), (3, "B;ENCODING=QUOTED-PRINTABLE:xy"), (6, "C:three")]


# Random cards, written by a small generator, read back intact.

_WORD = st.text(st.characters(categories=("L", "M", "N", "P", "S")), min_size=1, max_size=10)
_TEXT = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_EMAIL = st.builds("{}@{}".format, st.text("abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12),
                   st.sampled_from(["novagen.example", "mail.example", "xn--bcher-kva.example"]))
# a number has a digit: "--" alone is how a spreadsheet says "none" (model.tables.MISSING), not a number
_PHONE = st.text("0123456789 +-()", min_size=3, max_size=18).map(str.strip).filter(lambda t: any(map(str.isdigit, t)))
_PERSON = st.fixed_dictionaries({
    "name": _TEXT, "email": st.lists(_EMAIL, max_size=4, unique=True),
    "phone": st.lists(_PHONE, max_size=4, unique=True),
    "company": st.one_of(st.just(""), _TEXT), "title": st.one_of(st.just(""), _TEXT)})


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str, width: int) -> list[str]:
    """Fold at ``width`` octets (a continuation's leading space included), never inside a character."""
    parts, current, limit = [], "", width
    for char in line:
        if current and len((current + char).encode()) > limit:
            parts.append(current)
            current, limit = "", width - 1
        current += char
    parts.append(current)
    return [parts[0], *(" " + part for part in parts[1:])]


def _vcard(person: dict, width: int) -> list[str]:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(person['name'])}"]
    if person["company"]:
        lines.append(f"ORG:{_escape(person['company'])};Some department")
    if person["title"]:
        lines.append(f"TITLE:{_escape(person['title'])}")
    lines += [f"item{i}.EMAIL;type=INTERNET:{email}" for i, email in enumerate(person["email"])]
    lines += [f"TEL;type=CELL:{phone}" for phone in person["phone"]]
    lines.append("END:VCARD")
    return [folded for line in lines for folded in _fold(line, width)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(_PERSON, min_size=1, max_size=5), width=st.integers(8, 75),
       newline=st.sampled_from(["\r\n", "\n"]))
@pytest.mark.slow
def test_random_cards_read_back_intact(tmp_path, people, width, newline):
    path = tmp_path / "random.vcf"
    path.write_bytes(newline.join(line for person in people for line in _vcard(person, width)).encode())
    report = ImportReport()
    read_back = read_vcard(path, report=report)
    assert read_back[["name", "email", "phone", "company", "title"]].to_dict("records") == people
    assert report.problems == [] and report.files[0].loaded == len(people)


# --- names with commas, base64 values (issue 13, points 3 and 16) ------------------------------------


def _cards(tmp_path, *cards: str):
    path = tmp_path / "cards.vcf"
    path.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{card}END:VCARD\r\n" for card in cards))
    report = ImportReport()
    return read_vcard(path, report=report), report


def test_a_comma_in_fn_defers_to_n(tmp_path):
    """vobject cuts FN at an unescaped comma ("Mustermann"), and an escaped one reads as "Last, First":
    FN with a comma is ambiguous, so N's parts give the name; FN without one is kept as written."""
    people, report = _cards(
        tmp_path,
        "FN:Mustermann, Heiko\r\nN:Mustermann;Heiko;;;\r\n",
        "FN:Mr. John Richter\\, James Doe Sr.\r\nN:Richter;John;;Mr.;\r\n",
        "FN:Lee\\, Mary\r\n",  # no N: as written
        "FN:Dr. Ana Souza\r\nN:Souza;Ana;;Dr.;\r\n")
    assert people["name"].tolist() == ["Heiko Mustermann", "Mr. John Richter", "Lee, Mary", "Dr. Ana Souza"]
    assert report.ok


def test_base64_e_mail_and_phone_values_are_read(tmp_path):
    people, report = _cards(tmp_path, "FN:Ann Berg\r\nEMAIL;ENCODING=b:YW5uQHguZXhhbXBsZQ==\r\nTEL;ENCODING=b:MTIz\r\n")
    assert people[["email", "phone"]].values.tolist() == [[["ann@x.example"], ["123"]]]
    assert report.ok


def test_a_damaged_fn_line_leaves_the_name_to_n(tmp_path):
    """Found by the damage tests: "FN;Alma;;;" (a parameter where the value should be) is no crash."""
    path = tmp_path / "card.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN;Alma;;;\r\nN:Alma;Ann;;;\r\nEMAIL:ann@x.org\r\nEND:VCARD\r\n")
    assert netgraph.read_vcard(path)["name"].tolist() == ["Ann Alma"]
