"""Reading text files other programs wrote: encodings, BOMs, and honest errors."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import NamedTuple

from ..errors import NetgraphError

__all__ = ["Decoded", "read_text", "read_bytes", "regular", "decode", "head_text", "looks_binary", "MAX_TEXT"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: How much of a file's start decides how it is decoded.
HEAD = 4096
#: Bytes that text never holds (tab, line feeds, form feed and carriage return excepted).
_CONTROL = bytes([*range(0, 9), *range(14, 32), 127])
#: Above this share of control bytes in its head, a file is binary data, not text.
_BINARY_SHARE = 0.05
#: Lines read as Windows-1252 named in a report note, at most.
_NAMED_LINES = 5
#: A text file read whole is refused beyond this size: an address book, a calendar or a table of
#: a million interactions is a few hundred megabytes at most (mailboxes and XML are streamed, not read whole).
MAX_TEXT = 1 << 30


class Decoded(NamedTuple):
    """A decoded file: its text, the encoding read, and a note for the report ("" when UTF-8)."""

    text: str
    encoding: str
    note: str = ""


def looks_binary(head: bytes) -> bool:
    """Whether the start of a file is binary data rather than text in an 8-bit or UTF-8 encoding.

    A stray NUL (a damaged byte) does not make a file binary; many control
    bytes do (random data holds about 11 %).
    """
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > _BINARY_SHARE * len(head)


def _bomless_utf16(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the head is UTF-16 text without a BOM (mostly
    ASCII, so every other byte is zero), else None."""
    pairs = len(head) // 2
    if pairs < 2 or b"\x00" not in head:
        return None
    even, odd = head[0:2 * pairs:2].count(0), head[1:2 * pairs:2].count(0)
    if odd >= 0.9 * pairs and even <= 0.1 * pairs:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd <= 0.1 * pairs:
        return "utf-16-be"
    return None


def _encoding_of(head: bytes) -> str | None:
    """The encoding a BOM, or UTF-16 without one, says; None for 8-bit or UTF-8 text."""
    found = next((encoding for bom, encoding in _BOMS if head.startswith(bom)), None)
    return found or _bomless_utf16(head)


def decode(data: bytes, file: object) -> Decoded:
    """Decode bytes as the program that wrote them most likely meant.

    A BOM decides, and so does UTF-16 without one; otherwise UTF-8, where every
    line that is not valid UTF-8 is read as Windows-1252 (what Excel on
    Windows writes; files pasted together from both are common). The note
    says which lines were read so, for the caller's report.

    Raises
    ------
    NetgraphError
        For binary data, and for text that its BOM's encoding cannot decode.
    """
    encoding = _encoding_of(data[:HEAD])
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise NetgraphError(f"not valid {encoding} text: {exc.reason} at byte {exc.start}", file=file) from None
        return Decoded(text, encoding)
    if looks_binary(data[:HEAD]):
        raise NetgraphError("binary data, not a text file", file=file)
    text, lines, utf8 = _utf8_else_cp1252(data)
    if not lines:
        return Decoded(text, "utf-8")
    if not utf8:
        return Decoded(text, "cp1252", "not UTF-8: read as Windows-1252")
    named = ", ".join(map(str, lines[:_NAMED_LINES])) + (f" and {len(lines) - _NAMED_LINES:,} more"
                                                           if len(lines) > _NAMED_LINES else "")
    return Decoded(text, "mixed", f"mixed encodings: read as UTF-8, but line{'s' if len(lines) > 1 else ''} "
                                  f"{named} as Windows-1252")


def _utf8_else_cp1252(data: bytes) -> tuple[str, list[int], bool]:
    """UTF-8 text with every line that is not valid UTF-8 read as Windows-1252.

    Returns the text, the numbers of the lines read as Windows-1252, and
    whether any other line held UTF-8 beyond ASCII. Work stays linear in the
    size of the data however many lines need the fallback.
    """
    view = memoryview(data)
    parts, utf8 = [], False
    lines: list[int] = []
    start, line = 0, 1
    while True:
        try:
            rest = codecs.utf_8_decode(view[start:], "strict", True)[0]
        except UnicodeDecodeError as exc:
            bad = start + exc.start
        else:
            parts.append(rest)
            return "".join(parts), lines, utf8 or not rest.isascii()
        begin = data.rfind(b"\n", start, bad) + 1 or start
        end = data.find(b"\n", bad) + 1 or len(data)
        good = codecs.utf_8_decode(view[start:begin], "strict", True)[0]
        utf8 = utf8 or not good.isascii()
        line += data.count(b"\n", start, begin)
        lines.append(line)
        parts += [good, data[begin:end].decode("cp1252", errors="replace")]
        line += data.count(b"\n", begin, end)
        start = end


def head_text(data: bytes) -> str:
    """The start of a file as text, to recognise its format: never raises.

    ``data`` is the file's first bytes; a character cut by their end, or bytes
    that will not decode, become U+FFFD.
    """
    encoding = _encoding_of(data) or "utf-8"
    width = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    data = data[: len(data) - len(data) % width]
    return data.decode(encoding, errors="replace").lstrip("\ufeff")


def regular(path: str | Path) -> str:
    """What ``path`` is when it is not a regular file ("a FIFO", "a device"...), "" when it is one.

    Only regular files are read: opening a FIFO waits for a writer forever, and
    a link to ``/dev/zero`` never ends. The check follows symbolic links.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""  # missing or unreadable: opening it says why
    return "" if stat.S_ISREG(mode) else _kind(mode)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | Path, limit: int = MAX_TEXT) -> bytes:
    """A regular file's bytes, at most ``limit`` of them.

    Raises
    ------
    NetgraphError
        For anything but a regular file, a file larger than ``limit``, or one that cannot be read.
    """
    try:
        # Opened without blocking, so that a FIFO is refused rather than waited on.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise NetgraphError(exc.strerror or str(exc), file=path) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        what = _kind(mode)
        raise NetgraphError(f"is {what}, expected a file" if what.startswith("a ") else f"{what}: not read",
                            file=path)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise NetgraphError(exc.strerror or str(exc), file=path) from None
    if len(data) > limit:
        raise NetgraphError(f"larger than {limit:,} bytes: not read (no file of this kind is so large)", file=path)
    return data


def read_text(path: str | Path, limit: int = MAX_TEXT) -> Decoded:
    """Read a whole text file (see :func:`decode`) of at most ``limit`` bytes. Errors name the file."""
    return decode(read_bytes(path, limit), path)
