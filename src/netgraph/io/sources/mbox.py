"""Mailboxes: ``.mbox`` files (Gmail Takeout, Thunderbird) and single ``.eml`` messages.

A message gives one interaction per recipient: From -> each distinct address
in To, Cc and Bcc, the sender left out. Only the header block of a message is
read, and only the few fields netgraph uses (From, To, Cc, Bcc, Date,
Message-ID, In-Reply-To, List-Id, Precedence, List-Unsubscribe, Delivered-To,
X-Original-To); bodies are skipped without being decoded, never held whole and
never stored. The file is streamed in large binary chunks, so memory stays
bounded whatever its size (a Takeout can be 10 GB): it holds one chunk and the
output table.

Rules
-----
Message boundaries
    A line is a separator when it carries an mbox date, ``From <sender> <Www>
    <Mmm> <d> <hh:mm>...`` (classic mbox; Gmail's ``From
    1537866361256992303@xxx Wed Jun 22 19:27:30 +0000 2016``; Thunderbird's
    ``From - Mon Jan  1 00:00:00 2024``; Mailman's Pipermail archives, ``From
    andy at example.com  Sat Nov 14 21:29:28 2015``) and the line before it is
    empty (or it is the file's first line) or the line after it is a header
    field (``Name: value``: mboxrd writers, which quote every ``From `` of a
    body, need no blank line); and when it is Thunderbird's bare ``From `` (or
    ``From -``) with a header field after it. A ``From `` line of a body that
    an mboxo writer left unquoted ("From here on, ...") is therefore not taken
    for a new message, unlike :class:`mailbox.mbox`, which splits at every
    such line; one with a date but neither a blank line before it nor a header
    after it is reported: the message above may hold several. A file is a
    mailbox, whatever its name, when its first line is a separator.
    Bodies are not read, so no quoting needs undoing. LF and CRLF line
    endings are both read.
Header block
    From the line after the separator to the first line that is neither a
    header (``Name:``) nor a continuation (starting with a space or tab) --
    normally the empty line -- as the standard library's parser reads it.
Owner
    The owner's addresses are ``emails`` plus ``me`` when it is an address;
    they are written ``"me"``. When neither is given, the owner is inferred:
    the address found (in From, To, Cc, Delivered-To or X-Original-To; To and
    Cc not counted on list mail) on more than half of the messages and on more
    messages than any other address. A Gmail Takeout has its owner on nearly
    every message; a mailing-list archive, or a single message, has none.
Mailing lists
    ``mailing_list`` is the list's id from List-Id (``python-dev.python.org``
    for ``Python-Dev <python-dev.python.org>``); without List-Id, a marker
    naming the evidence: ``precedence: bulk`` (or ``list``, ``junk``),
    ``list-unsubscribe``, ``auto-submitted: auto-generated`` (RFC 3834), or
    ``automated sender`` (a ``noreply@``, ``mailer-daemon@``... address);
    ``""`` for personal mail. Such mail is kept but weighs little in tie
    strength and waits for no answer.

Planted headers
    Anyone can send a message that ends up in a mailbox, so each header value
    is bounded before parsing: address headers are cut at
    :data:`MAX_ADDRESS_HEADER` characters, display names at
    :data:`MAX_NAME` before their encoded words are decoded, and a value the
    standard parser cannot read (3,000 nested comments exhaust its recursion)
    is reported and left out. A message to more than :data:`MASS_RECIPIENTS`
    addresses is mass mail: it makes no person per address, and is kept only
    for its recipients that other messages of the mailbox name (the owner
    among them), with the full count in ``recipients``.

A message without a Date, with an unreadable one (or one outside the years
1900-2200), without a usable From, or without recipients other than its
sender is skipped and reported on the line of its separator; an unreadable
address among the recipients of a kept message is a warning.
"""

from __future__ import annotations

import codecs
import functools
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from ..._lazy import pd
from ...errors import NetgraphError
from ...model.dates import as_timestamp
from ...model.keys import email_key
from ...model.report import FileReport, ImportReport
from ...model.rules import Rules
from ...model.tables import YEARS, Tables, validate
from ..textio import HEAD, looks_binary

if TYPE_CHECKING:  # the registry in sources/__init__.py imports this module
    from . import Context

__all__ = ["read_mbox", "recognises", "read"]

#: Bytes read from the file at a time.
CHUNK = 1 << 20
#: A header block longer than this (binary garbage, a missing empty line) is cut here.
MAX_HEADER = 1 << 20
#: Lines longer than this are never separators nor header names.
_LINE_MAX = 1000
#: An address header (To, Cc...) is read up to this many characters: about 2,000 addresses, beyond
#: any personal message and several times :data:`MASS_RECIPIENTS`. Longer ones are cut, with a warning.
MAX_ADDRESS_HEADER = 64 * 1024
#: A display name is decoded up to this many characters (a dozen RFC 2047 encoded words): decoding
#: is quadratic in their number, and 57,000 of them took 7 s a message.
MAX_NAME = 1000
#: A message to more addresses than this is mass mail (an announcement, a company-wide list copied
#: into To): a person per address would flood the network with strangers (see ``Rules.mass_recipients``).
MASS_RECIPIENTS = Rules().mass_recipients
#: Bytes kept before the read position when the buffer is refilled: enough to see an empty line before a ``From ``.
_CONTEXT = 3

# The sender part may hold spaces: Pipermail writes "From andy at example.com  Sat Nov 14 ...".
_SEPARATOR = re.compile(
    rb"From [^\n]{0,300}?[ \t](?i:mon|tue|wed|thu|fri|sat|sun)\w*,?[ \t]+"
    rb"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*[ \t]+\d{1,2},?[ \t]+\d{1,2}:\d\d")
# Thunderbird's separators without sender or date: nothing else starts a file so.
_BARE = (b"From", b"From -")
_BARE_LINE = re.compile(rb"From (?:-[ \t]*)?\r?(?:\n|\Z)")
# A header field's start (the characters allowed in a name are those of the standard library's parser).
_HEADER_LINE = re.compile(rb"[!-9;-~]+:")
# The "\n" ending the header block: the next line is neither a header, a continuation, nor a "From " line
# (the characters allowed in a header's name are those of the standard library's parser).
_HEADER_END = re.compile(rb"\n(?![ \t]|From |[!-9;-~]*:)")
_FIELD = re.compile(
    rb"\n(?i:(from|to|cc|bcc|date|message-id|in-reply-to|list-id|precedence|list-unsubscribe|"
    rb"delivered-to|x-original-to|auto-submitted))[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)")
_NOT_SIMPLE = re.compile(r'["()\\:;]')
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_LIST_ID = re.compile(r"<([^<>]+)>")
_LIST_PRECEDENCE = ("bulk", "list", "junk")
# The local parts that machines send from: nobody reads the answer.
_AUTOMATED = re.compile(r"(?:^|[._+-])(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounces?|notifications?)"
                        r"(?:$|[_+-])", re.IGNORECASE)


#: Suffixes of the formats other readers read: such a file is never taken for a mailbox by its content.
_OTHER_FORMATS = frozenset({".csv", ".vcf", ".vcard", ".ics", ".zip", ".graphml", ".gexf", ".xml", ".toml",
                            ".netshare", ".json"})


def recognises(path: Path, head: str) -> bool:
    """Whether ``path`` is a mailbox: by extension (``.mbox``, ``.eml``), or by a
    first line that is an mbox separator (Thunderbird's folders have no extension,
    nor do mailing-list archives once unpacked)."""
    if path.suffix.lower() in (".mbox", ".eml"):
        return True
    if path.suffix.lower() in _OTHER_FORMATS:  # a damaged file of another format is that format's to report
        return False
    lines = head.lstrip("\ufeff").encode("utf-8", "replace").split(b"\n", 2)
    if not lines[0].startswith(b"From "):
        return False
    return _SEPARATOR.match(lines[0]) is not None or lines[0].rstrip() in _BARE


def read(path: Path, report: ImportReport, context: Context) -> Tables:
    """A mailbox as :class:`~netgraph.model.tables.Tables` (interactions, and the owner when inferred)."""
    interactions, owner = _read(Path(path), report, context.me, context.emails, context.today, None)
    return Tables(interactions=interactions, owner=owner)


def read_mbox(path, *, me=None, emails=(), today=None, report=None, progress=None) -> pd.DataFrame:
    """Read a mailbox (``.mbox``) or one message (``.eml``) into interactions.

    Parameters
    ----------
    path : str or Path
        The file.
    me : str, optional
        The owner: when it is an e-mail address, it is one of the owner's addresses.
    emails : iterable of str, optional
        The owner's addresses. Without them (and without ``me`` as an
        address) the owner is inferred as the address on most messages.
    today : date or str, optional
        Messages dated more than a day after it are kept with a warning.
    report : ImportReport, optional
        Where to record messages read, loaded and skipped, and why (one is
        made if not given).
    progress : bool, optional
        Show a progress bar; by default only when stderr is a terminal.

    Returns
    -------
    DataFrame
        The canonical interactions table (see :mod:`netgraph.model.tables`): one row
        per message and recipient with ``date`` (naive UTC), ``from``, ``to``
        (``"Display Name <address>"``, ``address``, or ``"me"``),
        ``channel="email"``, ``kind="other"``, ``message_id``,
        ``in_reply_to``, ``recipients`` (the message's number of distinct
        recipients), ``mailing_list``, and ``_file``, ``_line`` (the line of
        the message's ``From`` separator), ``_source="mbox"``.

    Raises
    ------
    NetgraphError
        When the file cannot be read at all: missing, a directory, binary
        data, or not a mailbox.

    Examples
    --------
    >>> from netgraph.io.sources.mbox import read_mbox
    >>> mail = read_mbox("Takeout/Mail/All mail Including Spam and Trash.mbox")  # doctest: +SKIP
    >>> mail[["date", "from", "to", "recipients"]].head(2)  # doctest: +SKIP
                     date                                 from  to  recipients
    0 2016-06-22 19:27:30                     sendi@algorit.ma  me         1.0
    1 2020-04-17 14:33:56  Gmail Team <mail-noreply@google.com>  me         1.0
    """
    return _read(Path(path), report if report is not None else ImportReport(), me, emails, today, progress)[0]


def _read(path: Path, report: ImportReport, me, emails, today, progress) -> tuple[pd.DataFrame, list[str]]:
    """Read ``path``; returns the interactions and the inferred owner ([name, address], or [])."""
    entry = report.add(path, "mbox")
    given = {key for key in map(email_key, [*emails, me or ""]) if key}
    messages = _Messages(entry, given, as_timestamp(today))
    from tqdm.auto import tqdm  # here: its import (asyncio's) would slow every command that only names a reader

    show = sys.stderr.isatty() if progress is None else progress
    with _open(path) as handle, tqdm(total=path.stat().st_size, unit="B", unit_scale=True, unit_divisor=1024,
                                      desc=path.name, disable=not show, leave=False) as bar:
        scanner = _Scanner(handle, bar.update, lambda line: entry.problem(
            line, "a 'From ' line with a date but neither a blank line before it nor a header after it: read as "
                  "part of the message above, not as a new one (the message may hold several)", skipped=False))
        for line, block in scanner.messages(path, single=path.suffix.lower() == ".eml"):
            messages.add(line, _fields(block))
    if not entry.read:
        entry.notes.append("no messages: the file is empty")
    owner = [] if given else messages.infer_owner()
    frame = messages.frame(given or set(owner[-1:]))
    return validate(frame, "interactions", entry, source="mbox", count=False), owner


def _open(path: Path) -> BinaryIO:
    if path.is_dir():
        raise NetgraphError("is a directory, expected a mailbox file", file=path)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise NetgraphError(exc.strerror or str(exc), file=path) from None


class _Scanner:
    """The messages of a mailbox: where each starts, and its header block.

    The file is read in chunks of :data:`CHUNK` bytes; bodies are skipped by
    searching for the next separator, so the buffer holds at most a chunk and
    the unfinished part of one header block or line.
    """

    def __init__(self, handle: BinaryIO, on_read: Callable[[int], object],
                 on_near_miss: Callable[[int], object] = lambda line: None):
        self._handle, self._on_read, self._on_near_miss = handle, on_read, on_near_miss
        self._missed = 0  # the line of the last near miss, reported once
        self._buf = b""
        self._pos = 0  # where unread data starts; always just after a "\n" (one is put before the file)
        self._line = 1  # the line number at _pos
        self._eof = False

    def messages(self, file: Path, single: bool = False) -> Iterator[tuple[int, bytes]]:
        """Yield (line of the message's first line, header block starting with ``"\\n"``).

        ``single``: the file is one message (``.eml``), which may lack the
        ``From `` line; its body is not looked at.
        """
        if not self._start(file, single):
            return
        while True:
            line = self._line
            yield line, self._header()
            if single or not self._skip_body():
                return

    def _start(self, file: Path, single: bool) -> bool:
        """Check the first bytes; False for an empty file."""
        while len(self._buf) < max(_LINE_MAX, HEAD) and not self._eof:
            self._more()
        data = self._buf.removeprefix(codecs.BOM_UTF8)
        if not data.strip():
            return False
        if looks_binary(data[:HEAD]):
            raise NetgraphError("binary data, not a mailbox", file=file, line=1)
        if not single and not data.startswith(b"From "):
            raise NetgraphError("not a mailbox: the first line is not a 'From ' separator line", file=file, line=1)
        self._buf, self._pos = b"\n" + data, 1
        return True

    def _more(self) -> None:
        """Append a chunk to the buffer, dropping what was consumed."""
        data = self._handle.read(CHUNK)
        if not data:
            self._eof = True
            return
        self._on_read(len(data))
        drop = max(0, self._pos - _CONTEXT)
        self._buf = self._buf[drop:] + data
        self._pos -= drop

    def _advance(self, to: int) -> None:
        self._line += self._buf.count(b"\n", self._pos, to)
        self._pos = to

    def _settled(self, at: int) -> bool:
        """Whether enough of the line starting at ``at`` is in the buffer to judge it."""
        return self._eof or len(self._buf) - at >= _LINE_MAX or self._buf.find(b"\n", at) >= 0

    def _header(self) -> bytes:
        """The header block of the message at the read position, which moves past it."""
        if self._buf.startswith(b"From ", self._pos):
            while not self._settled(self._pos):
                self._more()
            end = self._buf.find(b"\n", self._pos, self._pos + _LINE_MAX)
            self._advance(end + 1 if end >= 0 else min(len(self._buf), self._pos + _LINE_MAX))
        while True:
            limit = self._pos + MAX_HEADER
            found = _HEADER_END.search(self._buf, self._pos - 1, limit)
            if found and self._settled(found.end()):
                end, resume = found.start(), found.end()
                break
            if self._eof or len(self._buf) >= limit:
                end = resume = min(len(self._buf), limit)
                break
            self._more()
        block = self._buf[self._pos - 1:end]
        self._advance(resume)
        return block

    def _skip_body(self) -> bool:
        """Move to the next separator line; False at the end of the file."""
        while True:
            at = self._find_separator()
            if at is not None:
                self._advance(at)
                return True
            if self._eof:
                self._advance(len(self._buf))
                return False
            self._more()

    def _near_miss(self, at: int) -> None:
        """A separator but for the blank line before it (or a header after it): said (a damaged
        mailbox may hide a message there, which would otherwise vanish into the body above)."""
        line = self._line + self._buf.count(b"\n", self._pos, at)
        if line != self._missed:
            self._missed = line
            self._on_near_miss(line)

    def _find_separator(self) -> int | None:
        """Where the next separator line starts in the buffer, or None; moves the read
        position up to where a separator could still begin once more data comes."""
        buf = self._buf
        at = buf.find(b"\nFrom ", self._pos - 1)
        while at >= 0:
            if not self._settled(at + 1):
                self._advance(max(self._pos, at + 1))
                return None
            dated = _SEPARATOR.match(buf, at + 1, at + 1 + _LINE_MAX) is not None
            bare = not dated and _BARE_LINE.match(buf, at + 1) is not None
            blank = buf[at - 1] == 10 or (buf[at - 1] == 13 and buf[at - 2] == 10)
            if (dated and not blank) or bare:
                header = self._header_follows(at + 1)
                if header is None:  # the line after it is not in the buffer yet
                    self._advance(max(self._pos, at + 1))
                    return None
                if header:
                    return at + 1
            if dated and blank:
                return at + 1
            if dated:
                self._near_miss(at + 1)
            at = buf.find(b"\nFrom ", at + 1)
        # A "\nFrom " cut by the end of the buffer starts in its last 5 bytes.
        self._advance(max(self._pos, len(buf) - 5))
        return None

    def _header_follows(self, at: int) -> bool | None:
        """Whether the line after the one starting at ``at`` is a header field; None when the
        buffer does not hold enough of it to tell."""
        if not self._settled(at):
            return None
        end = self._buf.find(b"\n", at, at + _LINE_MAX)
        if end < 0:
            return False  # an over-long line is no separator
        if not self._settled(end + 1):
            return None
        return _HEADER_LINE.match(self._buf, end + 1, end + 1 + _LINE_MAX) is not None


def _fields(block: bytes) -> dict[bytes, list[bytes]]:
    """The wanted header fields of a block: lower-case name -> raw values, in order."""
    fields: dict[bytes, list[bytes]] = {}
    for name, value in _FIELD.findall(block):
        fields.setdefault(name.lower(), []).append(value)
    return fields


def _text(raw: bytes) -> str:
    """A header value as text, unfolded: UTF-8, else Latin-1 (which never fails)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return " ".join(text.split())


def _first(fields: dict[bytes, list[bytes]], name: bytes) -> str:
    values = fields.get(name)
    return _text(values[0]) if values else ""


def _decoded(text: str) -> str:
    """RFC 2047 encoded-words decoded; text that will not decode is kept as written."""
    if "=?" not in text:
        return text
    if len(text) > MAX_NAME:  # cut where an encoded word ends, if one ends in the part kept
        end = text.rfind("?=", 0, MAX_NAME)
        text = text[:end + 2 if end > 0 else MAX_NAME]
    try:
        return str(make_header(decode_header(text)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return text


def _usable(address: str) -> bool:
    """Whether an address has text on both sides of its last "@" (``MAILER-DAEMON`` has not)."""
    local, at, domain = address.rpartition("@")
    return bool(local and at and domain) and " " not in address


def _parse_addresses(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The usable (display name, address) pairs of a header value, and what else it held."""
    usable, unusable = [], []
    try:
        pairs = getaddresses([_unobfuscated(text)])
    # Nested comments deep enough exhaust the parser's recursion; anything else it may raise on hostile text.
    except (RecursionError, ValueError, IndexError, TypeError, HeaderParseError):
        return (), (f"{text[:40]}..." if len(text) > 40 else text,)
    for display, address in pairs:
        address = address.strip().lower()
        if _usable(address):
            usable.append((_display_name(display), address))
        elif address or display:
            unusable.append(address or display)
    return tuple(usable), tuple(unusable)


_OBFUSCATED = re.compile(r"^([^\s@<>(),;:\"]+) at ([^\s@<>(),;:\"]+\.[^\s@<>(),;:\"]+)(?=\s|$)")


def _unobfuscated(text: str) -> str:
    """``andy at example.com (Andy)`` -> ``andy@example.com (Andy)``: Pipermail archives write
    addresses so; a value holding an "@" is left alone."""
    return text if "@" in text else _OBFUSCATED.sub(r"\1@\2", text.strip())


def _display_name(raw: str) -> str:
    """A display name as written (decoded), without what would break ``Name <address>``;
    "" when it is an address itself."""
    name = " ".join(_decoded(raw).replace('"', " ").replace("<", " ").replace(">", " ").split()).strip("'")
    return "" if "@" in name else name


def _date(fields: dict[bytes, list[bytes]]) -> tuple[datetime | None, str]:
    """The Date as naive UTC, or None and why not."""
    raw = _first(fields, b"date")
    if not raw:
        return None, "no Date header"
    try:
        when = parsedate_to_datetime(raw)
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, f"unreadable Date '{raw}'"
    if not YEARS[0] <= when.year <= YEARS[1]:
        return None, f"Date '{raw}' is not from {YEARS[0]} to {YEARS[1]}: unreadable"
    return when, ""


def _mailing_list(fields: dict[bytes, list[bytes]], sender: str) -> str:
    """The list's id, a marker of bulk or machine-sent mail, or ""."""
    list_id = _decoded(_first(fields, b"list-id"))
    if list_id:
        found = _LIST_ID.search(list_id)
        return found.group(1).strip() if found else list_id
    precedence = _first(fields, b"precedence").lower()
    if precedence in _LIST_PRECEDENCE:
        return f"precedence: {precedence}"
    if b"list-unsubscribe" in fields:
        return "list-unsubscribe"
    automatic = _first(fields, b"auto-submitted").strip().lower()
    if automatic and automatic != "no":
        return f"auto-submitted: {automatic}"
    return "automated sender" if _AUTOMATED.search(sender.partition("@")[0]) else ""


class _Message(NamedTuple):
    line: int
    date: datetime
    sender: tuple[str, str]
    recipients: list[tuple[str, str]]
    message_id: str
    in_reply_to: str
    mailing_list: str

    @property
    def mass(self) -> bool:
        return len(self.recipients) > MASS_RECIPIENTS


class _Messages:
    """The messages kept so far, the report, and the counts that tell the owner."""

    def __init__(self, entry: FileReport, owner: set[str], today: pd.Timestamp | None):
        self.entry, self.owner, self.today = entry, owner, today
        self.kept: list[_Message] = []
        self.seen: Counter[str] = Counter()
        # Parsing addresses is most of the work, and the same people come back message after
        # message (the owner, a team): a bounded cache, for this file only.
        self._parse = functools.lru_cache(maxsize=1 << 16)(_parse_addresses)

    def add(self, line: int, fields: dict[bytes, list[bytes]]) -> None:
        """Read one message's fields; keep it or report why not."""
        self.entry.read += 1
        warnings: list[str] = []
        senders = self._addresses(fields, b"from", [])
        recipients = [a for name in (b"to", b"cc", b"bcc") for a in self._addresses(fields, name, warnings)]
        listed = _mailing_list(fields, senders[0][1] if senders else "")
        self._count(fields, senders, [] if listed else recipients)
        date, reason = _date(fields)
        if date is None:
            self.entry.problem(line, reason)
            return
        if not senders:
            self.entry.problem(line, f"no usable From address ('{_first(fields, b'from')}')")
            return
        sender = senders[0]
        distinct = dict.fromkeys(a for _, a in recipients)
        others = [a for a in distinct if not self._same(a, sender[1])]
        if not others:
            self.entry.problem(line, "no recipients other than the sender" if distinct else "no recipients")
            return
        names: dict[str, str] = {}
        for name, address in recipients:
            names[address] = names.get(address) or name  # the first name written for the address
        if self.today is not None and date > self.today + pd.Timedelta(days=1):
            warnings.append(f"dated {date:%Y-%m-%d}, after today ({self.today:%Y-%m-%d})")
        for warning in warnings:
            self.entry.problem(line, warning, skipped=False)
        message_id = _first(fields, b"message-id")
        replied = _first(fields, b"in-reply-to")
        reply = _MESSAGE_ID.search(replied)
        self.kept.append(_Message(line, date, sender, [(names[a], a) for a in others], message_id,
                                  reply.group() if reply else replied, listed))
        self.entry.loaded += 1

    def _addresses(self, fields: dict[bytes, list[bytes]], name: bytes, warnings: list[str]) -> list[tuple[str, str]]:
        """(display name, lower-case address) of every usable address of a field;
        anything else that is not empty goes to ``warnings``."""
        found: list = []
        for value in fields.get(name, ()):
            if len(value) > MAX_ADDRESS_HEADER:
                warnings.append(f"{name.decode().title()} is {len(value):,} characters long: only the first "
                                f"{MAX_ADDRESS_HEADER:,} read")
                value = value[:value.rfind(b",", 0, MAX_ADDRESS_HEADER) + 1 or MAX_ADDRESS_HEADER]
            text = _text(value)
            # Without quotes, comments or groups, a comma only separates addresses: each is parsed alone,
            # so that a person's address is parsed once whoever else the message went to.
            for item in [text] if _NOT_SIMPLE.search(text) else text.split(","):
                usable, unusable = self._parse(item)
                found += usable
                warnings += [f"'{x}' in {name.decode().title()} is not an e-mail address; left out" for x in unusable]
        return found

    def _same(self, address: str, sender: str) -> bool:
        """Whether a recipient is the sender (by address, or both the owner's)."""
        return address == sender or (address in self.owner and sender in self.owner)

    def _count(self, fields, senders, recipients) -> None:
        """Count the addresses a message shows, once per message, to infer the owner."""
        seen = {a for _, a in senders} | {a for _, a in recipients}
        for name in (b"delivered-to", b"x-original-to"):
            seen.update(a for _, a in self._addresses(fields, name, []))
        self.seen.update(seen)

    def infer_owner(self) -> list[str]:
        """[display name, address] of the address on more than half of the messages
        and on more than any other (the name left out when none was written); [] if none."""
        top = self.seen.most_common(2)
        if not top or top[0][1] * 2 <= self.entry.read or (len(top) > 1 and top[1][1] == top[0][1]):
            self.entry.notes.append("owner not inferred: no single address is on more than half of the messages")
            return []
        address, count = top[0]
        names = Counter(name for m in self.kept for name, a in [m.sender, *m.recipients] if a == address and name)
        owner = [names.most_common(1)[0][0], address] if names else [address]
        who = f"{owner[0]} <{address}>" if names else address
        self.entry.notes.append(f"owner inferred: {who} is on {count:,} of {self.entry.read:,} messages; "
                                f"read as 'me'")
        return owner

    def frame(self, owner: set[str]) -> pd.DataFrame:
        """One row per kept message and recipient, people written as references; mass mail only to
        the recipients other messages name."""
        def ref(person: tuple[str, str]) -> str:
            name, address = person
            return "me" if address in owner else f"{name} <{address}>" if name else address

        known = owner | {m.sender[1] for m in self.kept} | {a for m in self.kept if not m.mass
                                                             for _, a in m.recipients}
        rows = []
        for m in self.kept:
            recipients = [r for r in m.recipients if r[1] in known] if m.mass else m.recipients
            if m.mass:
                self._mass(m, len(recipients))
            rows += [(m.date, ref(m.sender), ref(r), m.message_id, m.in_reply_to, len(m.recipients),
                      m.mailing_list, m.line) for r in recipients]
        frame = pd.DataFrame(rows, columns=["date", "from", "to", "message_id", "in_reply_to", "recipients",
                                            "mailing_list", "_line"])
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
        frame.insert(3, "channel", "email")
        frame.insert(4, "kind", "other")
        return frame

    def _mass(self, message: _Message, kept: int) -> None:
        """Report a mass message: kept for the people it shares with the rest of the mailbox, or left out."""
        what = f"mass mail to {len(message.recipients):,} recipients (more than {MASS_RECIPIENTS}): no person made " \
               "for each"
        if kept:
            self.entry.problem(message.line, f"{what}; kept for the {kept:,} that other messages name",
                               skipped=False)
        else:
            self.entry.loaded -= 1
            self.entry.problem(message.line, f"{what}, and none is named by another message: left out")
