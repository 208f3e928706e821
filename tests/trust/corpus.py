"""Small valid files of every format netgraph reads, and ways to damage them.

Each :class:`Sample` is a file whose records each carry one unique key (a
person's name, an interaction's time, a tie's ``since``...) that can be
looked up in the loaded network, and whose records' byte spans are known:
tests damage chosen records (or the whole file) and check that every
undamaged record still loads (the oracle), that the report accounts for
every record read, and that nothing but :class:`netgraph.NetgraphError` is
ever raised.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import netgraph

FIRST = ["Alma", "Bruno", "Celia", "Dario", "Elena", "Fabio", "Greta", "Hugo"]
LAST = ["Quist", "Rovan", "Salk", "Tarro", "Ubel", "Vance", "Wendt", "Xiong"]
ME, MY_EMAIL = "Jane Jones", "jane@corpus.example"
CONFIG = f'me = "{ME}"\nemails = ["{MY_EMAIL}"]\ntoday = "2026-11-01"\n'


def email(i: int) -> str:
    return f"{FIRST[i].lower()}.{LAST[i].lower()}@corpus.example"


def name(i: int) -> str:
    return f"{FIRST[i]} {LAST[i]}"


def profile(i: int) -> str:
    return f"https://www.linkedin.com/in/{FIRST[i].lower()}-{LAST[i].lower()}-{hashlib.sha1(name(i).encode()).hexdigest()[:6]}"


def uid(i: int) -> str:
    """An id no small damage turns into another's."""
    return hashlib.sha256(name(i).encode()).hexdigest()[:24]


@dataclass
class Sample:
    """A valid file: its name, bytes, the byte span of each record (without its last line break),
    each record's key, and where the records start (what comes before is a header)."""

    file: str
    data: bytes
    spans: list[tuple[int, int]]
    keys: list[str]
    found: Callable[[netgraph.Network], set[str]]
    header_end: int = 0
    #: Formats read whole or not at all (XML): any damage may make the file an error.
    all_or_nothing: bool = False
    #: Encodings the format does not come in (a mailbox is bytes, never UTF-16).
    foreign_encodings: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def write(self, folder: Path, data: bytes | None = None) -> Path:
        """Write the (damaged) file, with netgraph.toml, into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.file).write_bytes(self.data if data is None else data)
        (folder / "netgraph.toml").write_text(CONFIG)
        for other, text in self.extra.items():
            (folder / other).write_text(text)
        return folder


def _names(net) -> set[str]:
    return set(net.people["name"])


def _times(column: str, table: str = "interactions") -> Callable[[netgraph.Network], set[str]]:
    return lambda net: {str(pd.Timestamp(t)) for t in getattr(net, table)[column].dropna()}


def _companies(net) -> set[str]:
    return set(net.companies["name"])


def _build(file: str, head: str, records: list[str], keys: list[str], found, tail: str = "", *,
           span: Callable[[str], tuple[int, int]] | None = None, **options) -> Sample:
    """Put a sample together from its parts; ``span`` gives the damageable part of a record's text."""
    data, spans = head.encode(), []
    for record in records:
        start = len(data)
        a, b = span(record) if span else (0, len(record.rstrip("\r\n")))
        spans.append((start + a, start + b))
        data += record.encode()
    return Sample(file, data + tail.encode(), spans, keys, found, header_end=len(head.encode()), **options)


def _csv(file: str, header: str, row: Callable[[int], str], keys: list[str], found, preamble: str = "") -> Sample:
    return _build(file, preamble + header + "\n", [row(i) + "\n" for i in range(len(FIRST))], keys, found)


def _mbox_headers(record: str) -> tuple[int, int]:
    """A message's header lines: after its "From " line, before the blank line."""
    return record.index("\n") + 1, len(record) - 2


def _mbox_bare_headers(record: str) -> tuple[int, int]:
    """A bare-separated message's header lines: after its "From " line, before the blank line."""
    return record.index("\n") + 1, record.index("\n\n")


def samples() -> dict[str, Sample]:
    """One sample per format, by a short name."""
    return {**_text_samples(), **{kind: _graph_sample(kind) for kind in ("graphml", "gexf")}}


def _text_samples() -> dict[str, Sample]:
    n = range(len(FIRST))
    iso = [f"2025-01-{i + 1:02d} 10:{i:02d}:00" for i in n]
    return {
        "people": _csv("people.csv", "name,email,company,title", lambda i: f"{name(i)},{email(i)},Acme,Engineer",
                       [name(i) for i in n], _names),
        "interactions": _csv("interactions.csv", "date,from,to,channel",
                             lambda i: f"{iso[i].replace(' ', 'T')},{email(i)},{MY_EMAIL},email", iso,
                             _times("date")),
        "ties": _csv("ties.csv", "a,b,strength,since",
                     lambda i: f"{email(i)},{email((i + 1) % len(FIRST))},0.5,2020-01-{i + 1:02d}",
                     [f"2020-01-{i + 1:02d} 00:00:00" for i in n], _times("since", "ties")),
        "introductions": _csv("introductions.csv", "date,introducer,introduced,status",
                              lambda i: f"2025-02-{i + 1:02d},{email(i)},{email((i + 1) % len(FIRST))},made",
                              [f"2025-02-{i + 1:02d} 00:00:00" for i in n], _times("date", "introductions")),
        "companies": _csv("companies.csv", "name,domains,industry",
                          lambda i: f"{LAST[i]} Industries,{LAST[i].lower()}.example,tech",
                          [f"{LAST[i]} Industries" for i in n], _companies),
        "connections": _csv("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                            lambda i: f"{FIRST[i]},{LAST[i]},{profile(i)},,Acme,Engineer,{i + 1:02d} Jan 2020",
                            [name(i) for i in n], _names,
                            preamble='Notes:\n"When exporting your connection data, you may notice that some '
                                     'of the email addresses are missing."\n\n'),
        "messages": _csv("messages.csv", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                                         "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
                         lambda i: f"2-{uid(i)},,{name(i)},{profile(i)},{ME},https://www.linkedin.com/in/jane-jones,"
                                   f"2025-03-{i + 1:02d} 10:00:00 UTC,,Hello,INBOX",
                         [f"2025-03-{i + 1:02d} 10:00:00" for i in n], _times("date")),
        # the 2018 vintage: names without profiles, American dates, a Direction
        "messages 2018": _csv("Messages.csv", "From,To,Date,Subject,Content,Direction,Folder",
                              lambda i: f'{name(i)},{ME},"3/{i + 1}/18, 10:0{i} AM",Hello,"Hi, Jane",INCOMING,INBOX',
                              [f"2018-03-{i + 1:02d} 10:0{i}:00" for i in n], _times("date")),
        "invitations": _csv("Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,"
                                               "inviteeProfileUrl",
                            lambda i: f'{name(i)},{ME},"1/{i + 1}/23, 3:1{i} PM",,INCOMING,{profile(i)},'
                                      "https://www.linkedin.com/in/jane-jones",
                            [f"2023-01-{i + 1:02d} 15:1{i}:00" for i in n], _times("date")),
        "recommendations": _csv("Recommendations_Received.csv",
                                "First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
                                lambda i: f'{FIRST[i]},{LAST[i]},Acme,Engineer,"Great, truly",'
                                          f'"2/{i + 1}/24, 9:0{i} AM",VISIBLE',
                                [f"2024-02-{i + 1:02d} 09:0{i}:00" for i in n], _times("date")),
        "endorsements": _csv("Endorsement_Given_Info.csv", "Endorsement Date,Skill Name,Endorsee First Name,"
                                                           "Endorsee Last Name,Endorsee Public Url,Endorsement Status",
                             lambda i: f"2024/06/{i + 1:02d} 12:00:0{i} UTC,Marketing,{FIRST[i]},{LAST[i]},"
                                       f"{profile(i).removeprefix('https://')},ACCEPTED",
                             [f"2024-06-{i + 1:02d} 12:00:0{i}" for i in n], _times("date")),
        "google": _csv("contacts.csv", "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value",
                       lambda i: f"{FIRST[i]},{LAST[i]},* myContacts,Work,{email(i)}", [name(i) for i in n], _names),
        # Google's third layout, "Outlook CSV"
        "outlook": _csv("contacts.csv", "First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,"
                                        "E-mail 2 Address,Mobile Phone,Job Title,Company,Notes,Categories",
                        lambda i: f"{FIRST[i]},,{LAST[i]},,,{email(i)},,+1 617 555 01{i:02d},Engineer,Acme,,Friends",
                        [name(i) for i in n], _names),
        "vcard": _build("contacts.vcf", "", [
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name(i)}\r\nN:{LAST[i]};{FIRST[i]};;;\r\n"
            f"EMAIL;type=INTERNET:{email(i)}\r\nTEL;type=CELL:+1 617 555 01{i:02d}\r\nEND:VCARD\r\n" for i in n],
            [name(i) for i in n], _names),
        "ics": _build("calendar.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netgraph//corpus//EN\r\n", [
            f"BEGIN:VEVENT\r\nUID:{uid(i)}@corpus.example\r\nDTSTART:202504{i + 1:02d}T100000Z\r\n"
            f"DTEND:202504{i + 1:02d}T110000Z\r\nORGANIZER;CN={name(i)}:mailto:{email(i)}\r\n"
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{MY_EMAIL}\r\nEND:VEVENT\r\n" for i in n],
            [f"2025-04-{i + 1:02d} 10:00:00" for i in n], _times("date"), "END:VCALENDAR\r\n"),
        "mbox": _build("mail.mbox", "", [
            f"From {email(i)} Mon May {i + 1:02d} 10:00:00 2025\nFrom: {name(i)} <{email(i)}>\nTo: {ME} <{MY_EMAIL}>\n"
            f"Date: Mon, {i + 1:02d} May 2025 10:00:00 +0000\nMessage-ID: <{uid(i)}@corpus.example>\n"
            f"Subject: Hello\n\n" for i in n],
            [f"2025-05-{i + 1:02d} 10:00:00" for i in n], _times("date"), span=_mbox_headers,
            foreign_encodings=("utf-16", "utf-16-le", "utf-16-be")),
        "share": _build("jane.netshare", '{"format": "netgraph-share", "version": 1, "as_of": "2026-11"}\n'
                                         f'{{"kind": "member", "name": "{ME}", "employers": ["Acme"]}}\n', [
            f'{{"kind": "person", "id": "p{i}", "name": "{name(i)}", "company": "Acme", '
            f'"linkedin_url": "{profile(i)}"}}\n' for i in n], [name(i) for i in n], _names,
            "".join(f'{{"kind": "tie", "a": "member", "b": "p{i}", "strength": 0.5}}\n' for i in n)),
        # Thunderbird's bare separators, without a blank line before them, in a file without extension
        "mbox bare": _build("Inbox", "", [
            f"From \nFrom: {name(i)} <{email(i)}>\nTo: {ME} <{MY_EMAIL}>\n"
            f"Date: Tue, {i + 1:02d} Jun 2025 10:00:00 +0000\nMessage-ID: <{uid(i)}@corpus.example>\n\nBody {i}\n"
            for i in n],
            [f"2025-06-{i + 1:02d} 10:00:00" for i in n], _times("date"), span=_mbox_bare_headers,
            foreign_encodings=("utf-16", "utf-16-le", "utf-16-be")),
    }


@functools.cache
def _exported(kind: str) -> bytes:
    """The people sample, loaded with ties, written by ``netgraph export`` as ``kind``."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        tables = _text_samples()
        tables["people"].write(folder / "in")
        (folder / "in" / "ties.csv").write_bytes(tables["ties"].data)
        path = folder / f"network.{kind}"
        netgraph.export(netgraph.load(folder / "in"), path, format=kind)
        return path.read_bytes()


def _graph_sample(kind: str) -> Sample:
    data = _exported(kind)
    text = data.decode()
    nodes = [m for m in re.finditer(r"<node\b.*?</node>", text, re.DOTALL)]
    keys = [re.search(r"(?:>|value=\")(\w+ \w+)(?:<|\")", m.group()).group(1) for m in nodes]
    return Sample(f"network.{kind}", data, [m.span() for m in nodes], keys, _names,
                  header_end=nodes[0].start(), all_or_nothing=True)
