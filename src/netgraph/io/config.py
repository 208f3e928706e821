"""``netgraph.toml``: whose network it is, my addresses, profile and employers, my targets, the fixed today."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..errors import NetgraphError
from ..model.identity import IdentitySettings
from ..model.keys import is_phone_region
from .textio import read_text

__all__ = ["Config", "read_config"]

_KEYS: dict[str, type | tuple[type, ...]] = {
    "me": str, "emails": list, "targets": list, "today": (str, dt.date), "linkedin_url": str, "employer": str,
    "past_employers": list, "phone_region": str, "looking_for": str}
_LISTS = ("emails", "targets", "past_employers")
#: A netgraph.toml is a few lines; anything larger (a link to /dev/zero, a file put there by mistake) is refused.
MAX_CONFIG = 1 << 20


@dataclass
class Config:
    """The settings of one network folder (all optional)."""

    me: str | None = None
    emails: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    today: dt.date | None = None
    linkedin_url: str = ""
    employer: str = ""
    past_employers: list[str] = field(default_factory=list)
    phone_region: str | None = None
    looking_for: str = ""
    unknown: list[str] = field(default_factory=list)

    def identity(self) -> IdentitySettings:
        """What identity resolution needs from these settings besides ``me`` and ``emails``."""
        return IdentitySettings(linkedin_url=self.linkedin_url, employer=self.employer,
                                past_employers=tuple(self.past_employers), phone_region=self.phone_region)


def read_config(path: str | Path) -> Config:
    """Read ``netgraph.toml``; a syntax error or a wrong type names the file and line.

    Only a regular file of at most :data:`MAX_CONFIG` bytes is read.
    """
    text = read_text(path, MAX_CONFIG).text
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        number = int(line.group(1)) if line else None
        raise NetgraphError(f"not valid TOML: {message}", file=path, line=number) from None
    config = Config()
    for key, value in data.items():
        if key not in _KEYS:
            config.unknown.append(key)
            continue
        if not isinstance(value, _KEYS[key]):
            raise NetgraphError(f"'{key}' should be {_describe(key)}, not {type(value).__name__}",
                                file=path, line=_line_of(text, key))
        if key in _LISTS:
            items = cast(list, value)
            if not all(isinstance(v, str) for v in items):
                raise NetgraphError(f"'{key}' should be a list of strings", file=path, line=_line_of(text, key))
            value = [v.strip() for v in items if v.strip()]
        if key == "today" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise NetgraphError(f"today '{value}' is not a date (expected YYYY-MM-DD)",
                                    file=path, line=_line_of(text, key)) from None
        if key == "phone_region":
            if not is_phone_region(value.strip()):
                raise NetgraphError(f"phone_region '{value}' is not a region code (expected two letters, like "
                                    "US, GB or DE)", file=path, line=_line_of(text, key))
            value = value.strip().upper()
        if key in ("linkedin_url", "employer"):
            value = value.strip()
        if isinstance(value, dt.datetime):
            value = value.date()
        setattr(config, key, value)
    return config


def _describe(key: str) -> str:
    return {"me": "a name, id or e-mail address in quotes", "emails": "a list of addresses",
            "targets": "a list of company names", "today": "a date, YYYY-MM-DD",
            "linkedin_url": "a profile URL in quotes", "employer": "a company name in quotes",
            "looking_for": "what you are looking for, in quotes",
            "past_employers": "a list of company names", "phone_region": "a region code in quotes, like \"US\""}[key]


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None
