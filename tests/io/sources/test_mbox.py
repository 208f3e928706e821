"""The mailbox reader: message boundaries, headers, owner, report, and agreement with the standard library."""

from __future__ import annotations

import email
import email.policy
import mailbox
import tracemalloc
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime, getaddresses, parsedate_to_datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph import ImportReport, NetgraphError
from netgraph.io.sources import Context, mbox
from netgraph.io.sources.mbox import read, read_mbox, recognises
from netgraph.model.keys import split_reference

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "mbox"
SHARED_MBOX = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "mbox"
JANE = "jane@example.com"


def read_with_report(path, **options):
    report = ImportReport()
    frame = read_mbox(path, report=report, progress=False, **options)
    return frame, report.files[0]


def problems(entry):
    return [(p.line, p.reason, p.skipped) for p in entry.problems]


def address(reference: str, owner: str = JANE) -> str:
    return owner if reference == "me" else split_reference(reference)[1] or reference


# --- the quirks, one fixture message each ----------------------------------------------------------


@pytest.fixture(scope="module")
def quirks():
    return read_with_report(FIXTURES / "quirks.mbox")


def test_reads_every_message_and_reports_each_skipped_one_on_its_separator_line(quirks):
    _, entry = quirks
    assert (entry.read, entry.loaded, entry.skipped, entry.warnings) == (13, 8, 5, 2)
    assert entry.read == entry.loaded + entry.skipped
    assert problems(entry) == [
        (22, "no Date header", True),
        (29, "unreadable Date 'sometime next week'", True),
        (37, "no recipients", True),
        (45, "no recipients other than the sender", True),
        (125, "a 'From ' line with a date but neither a blank line before it nor a header after it: read as "
              "part of the message above, not as a new one (the message may hold several)", False),
        (145, "no usable From address ('MAILER-DAEMON')", True),
        (153, "'nobody' in To is not an e-mail address; left out", False),
    ]


def test_one_interaction_per_distinct_recipient_with_decoded_names(quirks):
    frame, _ = quirks
    personal = frame[frame["mailing_list"] == ""]
    rows = personal[["_line", "date", "from", "to", "recipients", "message_id", "in_reply_to"]]
    expected = [
        # RFC 2047 names (Q utf-8, B iso-8859-1); the sender and JANE@ (a duplicate) left out of Cc
        (1, "2024-01-08 09:15:00", "Lee, Mary <mary@novagen.com>", "me", 3, "<m1@novagen.com>", ""),
        (1, "2024-01-08 09:15:00", "Lee, Mary <mary@novagen.com>", "José Núñez <jose@helix.com>", 3,
         "<m1@novagen.com>", ""),
        (1, "2024-01-08 09:15:00", "Lee, Mary <mary@novagen.com>", "Stan Novak <stan@acme.io>", 3,
         "<m1@novagen.com>", ""),
        # "Lee, Mary" as written; folded To; stan@ twice (the name written once kept); the sender in To
        (11, "2024-01-09 08:00:00", "Lee, Mary <mary@novagen.com>", "me", 3, "<m2@novagen.com>", ""),
        (11, "2024-01-09 08:00:00", "Lee, Mary <mary@novagen.com>", "Stan Novak <stan@acme.io>", 3,
         "<m2@novagen.com>", ""),
        (11, "2024-01-09 08:00:00", "Lee, Mary <mary@novagen.com>", "Omar Haddad <omar@fund.vc>", 3,
         "<m2@novagen.com>", ""),
        # a reply, -0500 -> UTC; its body's "From " lines are not separators
        (112, "2024-01-12 22:30:00", "me", "Mary Lee <mary@novagen.com>", 1, "<m9@example.com>", "<m2@novagen.com>"),
        # Gmail: X-GM-THRID, X-Gmail-Labels, a folded Received chain; (PST) comment
        (129, "2024-01-13 10:00:00", "Chidi Okafor <chidi@uni.edu>", "me", 1, "<CAGm10@mail.gmail.com>", ""),
        # an unreadable recipient left out, with a warning
        (153, "2024-01-14 08:00:00", "Stan Novak <stan@acme.io>", "me", 2, "<m12@acme.io>", ""),
        (153, "2024-01-14 08:00:00", "Stan Novak <stan@acme.io>", "Mary Lee <mary@novagen.com>", 2, "<m12@acme.io>",
         ""),
        # sent mail with Bcc; the owner's own Bcc left out
        (161, "2024-01-14 09:00:00", "me", "Priya Patel <priya@novagen.com>", 2, "<m13@example.com>", ""),
        (161, "2024-01-14 09:00:00", "me", "kofi@fund.vc", 2, "<m13@example.com>", ""),
    ]
    got = [(line, str(date), sender, to, int(n), mid, reply) for line, date, sender, to, n, mid, reply
           in rows.itertuples(index=False)]
    assert got == expected
    assert set(frame["channel"]) == {"email"} and set(frame["kind"]) == {"other"}
    assert set(frame["_source"]) == {"mbox"} and frame["date"].dtype == "datetime64[ns]"


def test_mailing_list_and_bulk_mail_are_marked(quirks):
    frame, _ = quirks
    listed = frame[frame["_line"] == 53]
    assert listed[["from", "to", "mailing_list", "recipients"]].values.tolist() == [
        ["Omar Haddad <omar@fund.vc>", "Founders Circle <founders@lists.example.org>", "founders.lists.example.org", 1]]
    bulk = frame[frame["_line"] == 64]
    assert len(bulk) == 40 and set(bulk["recipients"]) == {40}
    assert set(bulk["mailing_list"]) == {"precedence: bulk"}
    assert bulk["to"].tolist() == ["me"] + [f"r{i:02d}@bulk.example" for i in range(1, 40)]


@pytest.mark.parametrize("sender, header, marked", [
    ("Google <no-reply@accounts.google.com>", "", "automated sender"),
    ('"WordPress.com" <donotreply@wordpress.com>', "", "automated sender"),
    ("GitHub <notifications@github.com>", "", "automated sender"),
    ("Mail Delivery System <MAILER-DAEMON@mx.example.com>", "", "automated sender"),
    ("Calendar <cal@example.com>", "Auto-Submitted: auto-generated\n", "auto-submitted: auto-generated"),
    ("Ann Lee <ann@example.com>", "Auto-Submitted: no\n", ""),
    ("Noreen Ply <noreen.ply@example.com>", "", ""),
    ("Bounce Bailey <bounce.bailey@example.com>", "", ""),
])
def test_machine_sent_mail_is_marked(tmp_path, sender, header, marked):
    path = tmp_path / "mail.mbox"
    path.write_text(f"From x Mon Jan 05 10:00:00 2025\nFrom: {sender}\nTo: {JANE}\n{header}"
                    "Date: Mon, 05 Jan 2025 10:00:00 +0000\n\nHello\n")
    frame, entry = read_with_report(path, emails=[JANE])
    assert entry.loaded == 1 and frame["mailing_list"].tolist() == [marked]


def test_owner_is_inferred_from_the_address_on_most_messages():
    report = ImportReport()
    tables = read(FIXTURES / "quirks.mbox", report, Context())
    assert tables.owner == ["Jane Jones", JANE]
    assert report.files[0].notes == ["owner inferred: Jane Jones <jane@example.com> is on 11 of 13 messages; "
                                     "read as 'me'"]
    assert len(tables.interactions) == 53


def test_given_addresses_are_me_and_never_write_to_themselves():
    frame, entry = read_with_report(FIXTURES / "quirks.mbox", me="Mary@Novagen.com", emails=[JANE])
    assert entry.notes == []  # nothing inferred
    first = frame[frame["_line"] == 1]
    assert first["from"].tolist() == ["me", "me"]  # Mary is me too: me -> me (to Jane) is left out
    assert first["to"].tolist() == ["José Núñez <jose@helix.com>", "Stan Novak <stan@acme.io>"]
    assert (112, "no recipients other than the sender", True) in problems(entry)  # Jane -> Mary
    assert entry.read == entry.loaded + entry.skipped


def test_no_owner_when_no_address_is_on_most_messages():
    report = ImportReport()
    tables = read(FIXTURES / "Inbox", report, Context(me="Ana Silva"))  # a name, not an address
    assert tables.owner == []
    assert report.files[0].notes == ["owner not inferred: no single address is on more than half of the messages"]
    assert "me" not in set(tables.interactions["from"]) | set(tables.interactions["to"])


def test_thunderbird_folder_without_extension():
    assert recognises(FIXTURES / "Inbox", (FIXTURES / "Inbox").read_text()[:4096])
    frame, entry = read_with_report(FIXTURES / "Inbox")
    assert frame[["_line", "date", "from", "to", "in_reply_to"]].astype(str).values.tolist() == [
        ["1", "2024-01-01 12:00:00", "Lars Berg <lars@berg.example>", "Ana Silva <ana@silva.example>", ""],
        ["13", "2024-01-02 07:30:00", "Ana Silva <ana@silva.example>", "Lars Berg <lars@berg.example>",
         "<t1@berg.example>"],
    ]
    assert (entry.read, entry.loaded) == (2, 2)


def test_crlf_file_reads_as_the_lf_one(tmp_path):
    crlf = tmp_path / "quirks.mbox"
    crlf.write_bytes((FIXTURES / "quirks.mbox").read_bytes().replace(b"\n", b"\r\n"))
    lf_frame, lf_entry = read_with_report(FIXTURES / "quirks.mbox")
    crlf_frame, crlf_entry = read_with_report(crlf)
    pd.testing.assert_frame_equal(lf_frame.drop(columns="_file"), crlf_frame.drop(columns="_file"))
    assert problems(lf_entry) == problems(crlf_entry)


@pytest.mark.parametrize("chunk", [1, 2, 5, 6, 7, 64, 1000])
def test_chunk_boundaries_change_nothing(monkeypatch, tmp_path, chunk):
    crlf = tmp_path / "quirks-crlf.mbox"
    crlf.write_bytes((FIXTURES / "quirks.mbox").read_bytes().replace(b"\n", b"\r\n"))
    expected = [read_with_report(p) for p in (FIXTURES / "quirks.mbox", crlf)]
    monkeypatch.setattr(mbox, "CHUNK", chunk)
    for path, (frame, entry) in zip((FIXTURES / "quirks.mbox", crlf), expected):
        got_frame, got_entry = read_with_report(path)
        pd.testing.assert_frame_equal(got_frame, frame)
        assert problems(got_entry) == problems(entry)


def test_single_message_eml_reads_the_header_only():
    path = FIXTURES / "message.eml"
    assert recognises(path, "")
    frame, entry = read_with_report(path)
    assert frame[["_line", "date", "from", "to", "recipients"]].astype(str).values.tolist() == [
        ["1", "2024-01-03", "田中 ゆき <yuki@tanaka.example>", "Elena Ivanova <elena@ivanova.example>", "2.0"],
        ["1", "2024-01-03", "田中 ゆき <yuki@tanaka.example>", "Diego Lopez <diego@lopez.example>", "2.0"],
    ]
    assert (entry.read, entry.loaded) == (1, 1)  # the mbox in its body is not a second message


def test_raw_8bit_headers_are_read_as_utf8_else_latin1(tmp_path):
    path = tmp_path / "8bit.mbox"
    head = b"From x Mon Jan  1 00:00:00 2024\nTo: a@x.org\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
    path.write_bytes(head + "From: José Núñez <jose@helix.com>\n\n".encode() + b"\n"
                     + head + "From: José Núñez <jose@helix.com>\n\n".encode("latin-1"))
    frame, _ = read_with_report(path)
    assert frame["from"].tolist() == ["José Núñez <jose@helix.com>"] * 2


def test_messages_dated_after_today_are_kept_with_a_warning():
    frame, entry = read_with_report(FIXTURES / "Inbox", today="2024-01-01")
    assert len(frame) == 2
    assert problems(entry) == [(13, "dated 2024-01-02, after today (2024-01-01)", False)]


def test_recognises_mailboxes_by_extension_or_first_line():
    assert recognises(Path("All mail Including Spam and Trash.mbox"), "")
    assert recognises(Path("Sent"), "From - Mon Jan  1 00:00:00 2024\nX-Mozilla-Status: 0001\n")
    assert recognises(Path("export"), "From 1537866361256992303@xxx Wed Jun 22 19:27:30 +0000 2016\n")
    assert not recognises(Path("notes.txt"), "From here on, we meet weekly.\n")
    assert not recognises(Path("people.csv"), "name,email\n")


def test_empty_mailbox_has_no_messages(tmp_path):
    path = tmp_path / "Trash.mbox"
    path.write_bytes(b"")
    frame, entry = read_with_report(path)
    assert len(frame) == 0 and list(frame.columns)[:3] == ["date", "from", "to"]
    assert (entry.read, entry.loaded, entry.skipped) == (0, 0, 0)


@pytest.mark.parametrize("content, message", [
    (b"Hello,\nthis is a letter.\n", "not a mailbox"),
    (b"From x Mon Jan  1 00:00:00 2024\n\x00\x01\x02\x00binary", "binary data"),
])
def test_unreadable_files_raise_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.mbox"
    path.write_bytes(content)
    with pytest.raises(NetgraphError, match=message) as error:
        read_mbox(path)
    assert error.value.file == str(path) and error.value.line == 1


def test_a_directory_or_a_missing_file_raises(tmp_path):
    with pytest.raises(NetgraphError, match="directory"):
        read_mbox(tmp_path)
    with pytest.raises(NetgraphError) as error:
        read_mbox(tmp_path / "missing.mbox")
    assert error.value.file == str(tmp_path / "missing.mbox")


def test_overlong_header_block_is_cut_and_the_next_message_still_found(monkeypatch, tmp_path):
    monkeypatch.setattr(mbox, "MAX_HEADER", 500)
    path = tmp_path / "long.mbox"
    good = b"From: a@x.org\nTo: b@y.org\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nbody\n"
    path.write_bytes(b"From x Mon Jan  1 00:00:00 2024\n" + b"X-Junk: " + b"j" * 5000 + b"\n" + good + b"\n"
                     + b"From x Mon Jan  1 00:00:00 2024\n" + good)
    frame, entry = read_with_report(path)
    assert (entry.read, entry.loaded) == (2, 1)
    assert problems(entry) == [(1, "no Date header", True)]
    assert frame["_line"].tolist() == [9]


def test_bodies_are_never_held_in_memory(monkeypatch, tmp_path):
    monkeypatch.setattr(mbox, "CHUNK", 64 << 10)
    path = tmp_path / "big.mbox"
    with open(path, "wb") as handle:
        handle.write(b"From x Mon Jan  1 00:00:00 2024\nFrom: a@x.org\nTo: b@y.org\n"
                     b"Date: Mon, 1 Jan 2024 00:00:00 +0000\n\n")
        handle.write(b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n" * 120_000)
    tracemalloc.start()
    try:
        frame, entry = read_with_report(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert path.stat().st_size > 8_000_000 and len(frame) == 1
    assert peak < 3_000_000  # a few chunks and the table, not the 9 MB body


def test_progress_bar_only_when_asked(capsys):
    read_mbox(FIXTURES / "Inbox", progress=True)
    assert "Inbox" in capsys.readouterr().err
    read_mbox(FIXTURES / "Inbox", progress=False)
    assert capsys.readouterr().err == ""


# --- agreement with the standard library -------------------------------------------------------------
#
# The independent rule, with only the standard library: mailbox.mbox splits the file into messages and
# the email package parses each whole message (compat32). A message counts when parsedate_to_datetime
# reads its Date and its From holds an address (a string with text on both sides of an "@"); its
# interactions go from that first From address to each distinct (case-insensitive) address of To, Cc and
# Bcc other than the sender's. A message with no such recipient is excluded, like one without a Date or
# From. None of the reader's code is used: not its separator search, its header slicing, its unfolding
# or decoding.


def usable(address: str) -> bool:
    return "@" in address.strip("@")


def stdlib_expectation(path: Path) -> tuple[Counter, int, int]:
    """(Counter of (date, from address, to address), messages kept, messages excluded)."""
    interactions, kept, excluded = Counter(), 0, 0
    for message in mailbox.mbox(path):
        try:
            date = parsedate_to_datetime(message["Date"])
        except (TypeError, ValueError):
            excluded += 1
            continue
        if date.tzinfo is not None:
            date = date.astimezone(UTC).replace(tzinfo=None)
        senders = [a.lower() for _, a in getaddresses(message.get_all("From", [])) if usable(a)]
        recipients = {a.lower() for _, a in getaddresses([str(v) for name in ("To", "Cc", "Bcc")
                                                          for v in message.get_all(name, [])]) if usable(a)}
        if not senders or not recipients - {senders[0]}:
            excluded += 1
            continue
        kept += 1
        interactions.update((pd.Timestamp(date), senders[0], to) for to in recipients - {senders[0]})
    return interactions, kept, excluded


def reader_interactions(frame: pd.DataFrame, owner: str) -> Counter:
    return Counter((date, address(sender, owner), address(to, owner))
                   for date, sender, to in frame[["date", "from", "to"]].itertuples(index=False))


def test_gmail_takeout_sample_agrees_with_the_standard_library():
    path = SHARED_MBOX / "gmail-takeout-sample.mbox"
    if not path.exists():
        pytest.skip(f"real data not available: {path} (see ../shared/data/README.md)")
    report = ImportReport()
    tables = read(path, report, Context())
    entry = report.files[0]
    expected, kept, excluded = stdlib_expectation(path)
    assert tables.owner == ["Samuel Wentzel", "samuelchan@gmail.com"]
    assert reader_interactions(tables.interactions, "samuelchan@gmail.com") == expected
    assert len(tables.interactions) == sum(expected.values())
    assert (entry.loaded, entry.skipped) == (kept, excluded)
    assert entry.read == entry.loaded + entry.skipped == len(mailbox.mbox(path))


def python_mailbox(tmp_path: Path) -> Path:
    """An mbox of the RFC 822 messages shipped with Python's own test suite, written as mboxrd does."""
    try:
        import test.test_email
    except ImportError:
        pytest.skip("Python's test package (test.test_email) is not installed")
    files = sorted((Path(test.test_email.__file__).parent / "data").glob("msg_*.txt"))
    if not files:
        pytest.skip("Python's test package has no msg_*.txt messages")
    path = tmp_path / "python.mbox"
    with open(path, "wb") as out:
        for file in files:
            lines = file.read_bytes().splitlines(keepends=True)
            envelope = lines.pop(0) if lines[0].startswith(b"From ") else None
            out.write(envelope or b"From python@example.org Mon Jan  1 00:00:00 2001\n")
            out.writelines(b">" + line if line.lstrip(b">").startswith(b"From ") else line for line in lines)
            out.write(b"\n" if lines and lines[-1].endswith(b"\n") else b"\n\n")
    return path


def test_python_test_suite_messages_agree_with_the_standard_library(tmp_path):
    path = python_mailbox(tmp_path)
    frame, entry = read_with_report(path, emails=["nobody@invalid.example"])
    expected, kept, excluded = stdlib_expectation(path)
    assert entry.read == len(mailbox.mbox(path)) > 40
    assert reader_interactions(frame, "nobody@invalid.example") == expected
    assert (entry.loaded, entry.skipped) == (kept, excluded)
    assert entry.read == entry.loaded + entry.skipped


# --- property: random mailboxes ----------------------------------------------------------------------
#
# Each generated message is also parsed on its own by the standard library's other parser
# (email.policy.default: structured address headers, decoded display names), which gives the expected
# interactions; the file's message boundaries are known from the generator, not from any reader.

OWNERS = ("owner@example.com", "owner.alt@example.net")
PEOPLE = [("Mary Lee", "mary@novagen.com"), ("Lee, Mary", "mary@novagen.com"), ("José Núñez", "jose@helix.com"),
          ("Zoë Dubois", "zoe@dubois.example"), ("田中 ゆき", "yuki@tanaka.example"), ("Stan J. Novak", "stan@acme.io"),
          ("", "omar@fund.vc"), ("Owner", OWNERS[0]), ("", OWNERS[1]), ("Kofi Mensah", "kofi@fund.vc")]
NOT_ADDRESSES = ["undisclosed-recipients:;", "nobody", "MAILER-DAEMON"]
WORDS = ["From", "from", "From:", ">From", "hello", "Mon", "Jan", "1", "00:00:00", "2024", "-", "", "="]


@st.composite
def person(draw) -> str:
    name, address = draw(st.sampled_from(PEOPLE))
    address = draw(st.sampled_from([address, address.upper(), address.title()]))
    if not name:
        return address
    if name.isascii() and "," not in name and draw(st.booleans()):
        return f"{name} <{address}>"
    if "," in name or draw(st.booleans()):
        return f'"{name}" <{address}>'
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1"]))
    try:
        encoded = Header(name, charset).encode()
    except UnicodeEncodeError:
        encoded = Header(name, "utf-8").encode()
    return f"{encoded} <{address}>"


@st.composite
def address_field(draw) -> str | None:
    items = draw(st.lists(st.one_of(person(), st.sampled_from(NOT_ADDRESSES[:2])), max_size=5))
    if not items:
        return draw(st.sampled_from([None, "undisclosed-recipients:;"]))
    separators = draw(st.lists(st.sampled_from([", ", ",\n ", ",\n\t"]), min_size=len(items), max_size=len(items)))
    return "".join(s + item for s, item in zip(["", *separators], items))


@st.composite
def body(draw) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        line = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))
        if line.startswith("From ") and (":" in line or line.rstrip() in ("From", "From -")):
            # a writer quotes a "From " line that could pass for a separator: a dated one, or a bare one
            # ("From -", Thunderbird's), which a header-like next line ("From:") would make one
            line = ">" + line
        lines.append(line)
    return lines


@st.composite
def message(draw) -> tuple[list[str], list[str]]:
    when = draw(st.datetimes(datetime(1990, 1, 1), datetime(2030, 12, 31)))
    zone = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
    valid = [format_datetime(when.replace(tzinfo=zone)), format_datetime(when, usegmt=False)]
    date = draw(st.sampled_from(valid * 3 + ["sometime next week", "Mon, 32 Jan 2024 00:00:00 +0000", None]))
    headers = [f"X-GM-THRID: {draw(st.integers(0, 2**62))}", "Received: from a.example\n\tby b.example;\n\t"
               + format_datetime(when)]
    sender = draw(st.one_of(person(), person(), person(), st.sampled_from(NOT_ADDRESSES[1:]), st.none()))
    fields = {"From": sender,
              "To": draw(address_field()), "Cc": draw(address_field()), "Bcc": draw(address_field()),
              "Date": date, "Message-ID": f"<{draw(st.integers(0, 10**9))}@example.org>"}
    for name in draw(st.permutations(list(fields))):
        if fields[name] is not None:
            headers.append(f"{name}: {fields[name]}")
    return headers, draw(body())


def expected_interactions(data: bytes, owners: set[str]) -> list[tuple]:
    parsed = email.message_from_string(data.decode("utf-8"), policy=email.policy.default)
    date = parsed["Date"].datetime if parsed["Date"] is not None else None
    senders = [a for a in (parsed["From"].addresses if parsed["From"] is not None else ()) if usable(a.addr_spec)]
    if date is None or not senders:
        return []
    if date.tzinfo is not None:
        date = date.astimezone(UTC).replace(tzinfo=None)
    sender = senders[0].addr_spec.lower()
    names = {}
    for name in ("To", "Cc", "Bcc"):
        for a in parsed[name].addresses if parsed[name] is not None else ():
            key = a.addr_spec.lower()
            if usable(key) and key != sender and not (key in owners and sender in owners):
                names[key] = names.get(key) or a.display_name

    def ref(name, key):
        return "me" if key in owners else f"{' '.join(name.split())} <{key}>" if name else key

    return [(pd.Timestamp(date), ref(senders[0].display_name, sender), ref(name, key), len(names))
            for key, name in names.items()]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(messages=st.lists(message(), max_size=6), crlf=st.booleans(), chunk=st.sampled_from([mbox.CHUNK, 7, 64]))
@pytest.mark.slow
def test_random_mailboxes_agree_with_the_standard_library(tmp_path, messages, crlf, chunk):
    newline = "\r\n" if crlf else "\n"
    chunks, expected = [], []
    for number, (headers, lines) in enumerate(messages):
        data = "\n".join([*headers, "", *lines, ""]).replace("\n", newline).encode("utf-8")
        separator = f"From sender{number}@example.org Mon Jan  1 00:00:00 2024{newline}".encode()
        chunks.append(separator + data + newline.encode())
        expected += expected_interactions(data, set(OWNERS))
    path = tmp_path / "random.mbox"
    path.write_bytes(b"".join(chunks))
    default, mbox.CHUNK = mbox.CHUNK, chunk
    try:
        frame, entry = read_with_report(path, emails=OWNERS)
    finally:
        mbox.CHUNK = default
    got = [(date, sender, to, int(n)) for date, sender, to, n in frame[["date", "from", "to", "recipients"]]
           .itertuples(index=False)]
    assert got == expected
    assert entry.read == len(messages) == entry.loaded + entry.skipped
    assert entry.loaded == len({line for line in frame["_line"]})


# --- dialects and planted headers (issue 13, points 4, 9-12) -----------------------------------------


def test_a_pipermail_archive_is_split_into_its_messages_and_recognised_without_an_mbox_suffix():
    """Mailman's archives write ``From andy at example.com  Sat Nov 14 ...`` separators and ``x at y``
    addresses; they name no recipients, so every message is read and reported, none lost in another."""
    path = FIXTURES / "2015-November.txt"
    assert recognises(path, path.read_text()[:4096])
    report = ImportReport()
    read_mbox(path, report=report)
    entry = report.files[0]
    assert (entry.read, entry.skipped) == (4, 4)
    assert [(p.line, p.reason) for p in entry.problems] == [(1, "no recipients"), (9, "no recipients"),
                                                            (19, "no recipients"), (28, "no recipients")]
    assert mbox._parse_addresses("andy at example.com (Andy Lindqvist)") == (
        (("Andy Lindqvist", "andy@example.com"),), ())


def test_thunderbirds_bare_from_lines_separate_messages_in_a_file_without_extension():
    path = FIXTURES / "Drafts"
    assert recognises(path, path.read_text()[:4096])
    report = ImportReport()
    frame = read_mbox(path, emails=["jane@example.com"], report=report)
    assert frame[["from", "to"]].values.tolist() == [["Ann Berg <ann@example.com>", "me"],
                                                     ["me", "Ann Berg <ann@example.com>"]]
    assert frame["_line"].tolist() == [1, 8] and report.ok


def _message(to: str, date: str = "Mon, 05 Jan 2025 10:00:00 +0000", number: int = 1) -> str:
    return (f"From ann@x.example Mon Jan 05 10:00:00 2025\nFrom: Ann Berg <ann@x.example>\nTo: {to}\n"
            f"Date: {date}\nMessage-ID: <m{number}@x.example>\n\nHello\n\n")


def test_a_message_dated_1700_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "mail.mbox"
    path.write_text(_message("jane@example.com", "Mon, 05 Jan 1700 10:00:00 +0000") + _message("jane@example.com"))
    report = ImportReport()
    frame = read_mbox(path, emails=["jane@example.com"], report=report)
    assert len(frame) == 1 and report.ok
    assert report.problems[0].reason == "Date 'Mon, 05 Jan 1700 10:00:00 +0000' is not from 1900 to 2200: unreadable"


def test_3000_nested_comments_in_a_header_are_left_out_not_a_crash(tmp_path):
    path = tmp_path / "mail.mbox"
    path.write_text(_message("(" * 3000 + "bob@x.example, jane@example.com") + _message("jane@example.com", number=2))
    report = ImportReport()
    frame = read_mbox(path, emails=["jane@example.com"], report=report)
    assert frame["message_id"].tolist() == ["<m2@x.example>"] and report.ok


def test_a_display_name_of_thousands_of_encoded_words_is_cut_before_decoding(tmp_path):
    path = tmp_path / "mail.mbox"
    name = "=?utf-8?q?B=C3=B6b?= " * 4000  # 84,000 characters: the header is cut, then the name
    path.write_text(_message(f'jane@example.com, "{name}" <bob@x.example>'))
    report = ImportReport()
    assert read_mbox(path, emails=["jane@example.com"], report=report)["to"].tolist() == ["me"]
    assert any("characters long: only the first 65,536 read" in p.reason for p in report.problems)
    assert len(mbox._decoded(name[:60_000])) <= mbox.MAX_NAME


def test_mass_mail_makes_no_person_per_address(tmp_path):
    path = tmp_path / "mail.mbox"
    crowd = ", ".join(f"person{k}@crowd.example" for k in range(mbox.MASS_RECIPIENTS + 1))
    path.write_text(_message(f"{crowd}, jane@example.com, bob@x.example", number=1)
                    + _message(f"{crowd}", number=2) + _message("bob@x.example", number=3))
    report = ImportReport()
    frame = read_mbox(path, emails=["jane@example.com"], report=report)
    # the first is kept for the two people the mailbox knows (me, and Bob from the third); the second for nobody
    assert frame[["message_id", "to", "recipients"]].values.tolist() == [
        ["<m1@x.example>", "me", 303], ["<m1@x.example>", "bob@x.example", 303], ["<m3@x.example>", "bob@x.example", 1]]
    entry = report.files[0]
    assert (entry.read, entry.loaded, entry.skipped) == (3, 2, 1) and report.ok
    assert [p.reason for p in entry.problems] == [
        "mass mail to 303 recipients (more than 300): no person made for each; kept for the 2 that other messages "
        "name",
        "mass mail to 301 recipients (more than 300): no person made for each, and none is named by another "
        "message: left out"]
