"""Dates as every reader and the builder take them: midnight timestamps, naive, in UTC."""

from __future__ import annotations

import pandas as pd

from ..errors import NetgraphError

__all__ = ["as_timestamp"]


def as_timestamp(value) -> pd.Timestamp | None:
    """A date given as text, date or Timestamp -> a midnight Timestamp (None stays None)."""
    if value is None or value == "":
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise NetgraphError(f"'{value}' is not a date (expected YYYY-MM-DD)") from None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.normalize()
