"""One palette for every picture: a person's colour is the one thing to do about them.

Each of my contacts is coloured by the ``action`` of
:func:`netgraph.relationship_state` — the one state per relationship every
analysis reads, which folds in the give-and-take status (``give back`` is the
status *you owe*, ``give first`` *you have asked a lot*, ``reply``
*unanswered*), dormancy (``reconnect``) and the rhythm of the Dunbar layers
(``keep in touch``). The map, the layers, give and take, decay and the
interactive page all colour a person from here, with the same words in their
legends, so that a person's colour means the same in every figure. I am drawn
in :data:`ME_COLOUR`; people with no relationship to me in
:data:`UNRELATED_COLOUR`.

Examples
--------
>>> import netgraph
>>> G = netgraph.load().graph
>>> colours = person_colours(G)
>>> colours[netgraph.load().find("Mark Delaney")] == STATE_COLOURS["reply"]
True
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from ..analysis.state import ACTIONS, relationship_state
from ..model.graph import me_of

__all__ = ["STATE_COLOURS", "ME_COLOUR", "UNRELATED_COLOUR", "ME", "UNRELATED", "KEYS", "person_states",
           "person_colours", "colour_of", "legend_label"]

#: One colour per action, in :data:`netgraph.analysis.state.ACTIONS` order (most urgent first): warm colours
#: for what asks for something now, blue for the rhythm of a close tie, a quiet green for nothing pressing.
#: Tableau 10 hues, told apart by most readers with a colour-vision deficiency when sized and labelled.
STATE_COLOURS = {"reply": "#d62728", "update the introducer": "#9467bd", "nudge": "#8c564b",
                 "give back": "#e377c2", "give first": "#ff7f0e", "reconnect": "#e6a100", "keep in touch": "#1f77b4",
                 "keep warm": "#8cc084"}
#: The owner of the network, and the people with no relationship to them: neutral, outside the states.
ME, UNRELATED = "you", "no relationship to you"
ME_COLOUR, UNRELATED_COLOUR = "#1b1b1b", "#c8ccd2"
#: Every key a person can have, in legend order.
KEYS = (*ACTIONS, ME, UNRELATED)
_COLOURS = {**STATE_COLOURS, ME: ME_COLOUR, UNRELATED: UNRELATED_COLOUR}


def person_states(G: nx.DiGraph, *, me=None, today: dt.date | None = None) -> dict:
    """Every person's key in the palette: their action, :data:`ME` or :data:`UNRELATED`.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose network; defaults to the graph's owner.
    today : date, optional
        Defaults to ``G.graph["today"]``.

    Returns
    -------
    dict
        Node -> one of :data:`KEYS`.

    See Also
    --------
    netgraph.relationship_state : where the actions come from.
    """
    me = me_of(G, me)
    state = relationship_state(G, me=me, today=today)
    keys = dict.fromkeys(G, UNRELATED)
    keys.update(zip(state["node"], state["action"]))
    keys[me] = ME
    return keys


def person_colours(G: nx.DiGraph, *, me=None, today: dt.date | None = None) -> dict:
    """Every person's colour: node -> hex colour (see :func:`person_states`)."""
    return {v: _COLOURS[key] for v, key in person_states(G, me=me, today=today).items()}


def colour_of(key: str) -> str:
    """The colour of a palette key (an action, :data:`ME` or :data:`UNRELATED`)."""
    return _COLOURS[key]


def legend_label(key: str, count: int | None = None) -> str:
    """The words a legend gives a palette key, the same in every picture: ``"reply (15)"``."""
    return key if count is None else f"{key} ({count:,})"
