"""The one exception netgraph raises for bad input or usage."""

from __future__ import annotations

__all__ = ["NetgraphError"]

_CONTROL = {code: repr(chr(code))[1:-1] for code in (*range(32), 127)}


class NetgraphError(ValueError):
    """Bad input or usage, with the file and line at fault when there is one.

    ``str(error)`` is a single line, ``file:line: message``, which is what the
    command line prints before exiting with status 2.
    """

    def __init__(self, message: str, *, file: object = None, line: int | None = None):
        self.message = " ".join(str(message).split())
        # A file name may hold a line break: escaped, the message stays one line.
        self.file = None if file is None else str(file).translate(_CONTROL)
        self.line = line
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
