"""The one exception netgraph raises for bad input or usage."""

from __future__ import annotations

import os

__all__ = ["NetgraphError", "shown"]

_CONTROL = {code: repr(chr(code))[1:-1] for code in (*range(32), 127)}


def shown(file: object) -> str:
    """A file name as text every output can hold (a terminal, JSON, a CSV cell), on one line.

    File names are bytes: one that is not UTF-8 reaches Python with lone
    surrogates, which no UTF-8 output can write; its bytes are shown as
    ``\\xNN``. Control characters (a line break in a name) are escaped too.

    >>> shown(os.fsdecode(b"caf\\xe9.csv"))
    'caf\\\\xe9.csv'
    """
    text = str(file)
    if not text.isascii():
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    return text.translate(_CONTROL)


class NetgraphError(ValueError):
    """Bad input or usage, with the file and line at fault when there is one.

    ``str(error)`` is a single line, ``file:line: message``, which is what the
    command line prints before exiting with status 2.
    """

    def __init__(self, message: str, *, file: object = None, line: int | None = None):
        self.message = " ".join(str(message).split())
        # A file name may hold a line break, or bytes that are not UTF-8: escaped, the message stays one line.
        self.file = None if file is None else shown(file)
        self.line = line
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
