"""Reading text files other programs wrote: encodings, BOMs, and honest errors."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import NetgraphError

__all__ = ["read_text", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, file: object) -> tuple[str, str]:
    """Decode bytes as the program that wrote them most likely meant.

    A BOM decides; otherwise UTF-8, and when that fails, Windows-1252 (what
    Excel on Windows writes), which the caller should mention in its report.
    Returns the text and the encoding used.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise NetgraphError(f"not valid {encoding} text: {exc.reason}", file=file) from None
    if b"\x00" in data[:4096]:
        raise NetgraphError("binary data, not a text file", file=file)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a whole text file; returns (text, encoding). Errors name the file."""
    path = Path(path)
    if path.is_dir():
        raise NetgraphError("is a directory, expected a file", file=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NetgraphError(exc.strerror or str(exc), file=path) from None
    return decode(data, path)
