"""Reading text files other programs wrote: encodings, BOMs, and honest errors."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple

from ..errors import NetgraphError

__all__ = ["Decoded", "read_text", "decode", "head_text", "looks_binary"]

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
    parts, lines, utf8 = [], [], False
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


def read_text(path: str | Path) -> Decoded:
    """Read a whole text file (see :func:`decode`). Errors name the file."""
    path = Path(path)
    if path.is_dir():
        raise NetgraphError("is a directory, expected a file", file=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NetgraphError(exc.strerror or str(exc), file=path) from None
    return decode(data, path)
