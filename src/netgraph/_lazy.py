"""pandas (and the calendar libraries), imported when first used rather than when netgraph is.

A command that reads its network back from the cache and answers from the graph
(``netgraph summary``) needs no pandas, whose import (with pyarrow's) would be
half of that command's time. netgraph's modules name pandas through :data:`pd`,
which imports it at the first attribute asked for and from then on holds
pandas' names as its own (one dict lookup, as a module's: a name patched into
pandas later is not seen). Type checkers see pandas itself. The calendar reader's
libraries (:data:`icalendar`, :data:`recurring_ical_events`) are named the same way:
a command that only asks which reader knows a file (choosing the folder to read)
does not import them.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING


class _Lazy:
    """A module imported at the first attribute asked of it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        name = self.__dict__.get("_name")  # not self._name: a copy made without __init__ would ask here again
        if name is None or attr.startswith("__") and attr.endswith("__") and name not in sys.modules:
            raise AttributeError(attr)  # introspection (doctest's, inspect's, copy's) does not import it
        module = importlib.import_module(name)
        self.__dict__.update(vars(module))
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<{self._name}, imported when first used>"


if TYPE_CHECKING:
    import icalendar
    import pandas as pd
    import recurring_ical_events
else:
    pd = _Lazy("pandas")
    icalendar = _Lazy("icalendar")
    recurring_ical_events = _Lazy("recurring_ical_events")
