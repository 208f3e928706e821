"""Reciprocity: the give and take of each of my relationships.

For each relationship: how much flowed each way (``sent``, ``received``), the
reciprocated volume :math:`\\min(s, r)` of Squartini et al. (2013), the
balance :math:`(r - s)/(r + s)` (positive: they reach out more than I do),
what I asked and what was done for me or by me (interactions of kind ``ask``
and ``give``, and introductions), and the last time they reached out without
an answer. Each relationship gets a status a person understands:

=========================  ====================================================
``unanswered``             they reached out in the last 90 days and have waited
                           more than a week for my answer: return the call
``you owe``                they have done me three favours more than I them
``you have asked a lot``   at least three asks in the last year, and more asks
                           than favours I have done them
``you owe``                two favours more, or they carry the relationship
                           (balance above 0.5 over at least 6 contacts)
``they owe you``           the reverse
``balanced``               contact both ways, no debt either way
``one-way``                contact in one direction only, long answered or old
=========================  ====================================================

Network-level reciprocity (binary and weighted) is in :func:`netgraph.summary`
and on the returned frame's ``attrs``.

References
----------
.. [1] T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity
   of weighted networks", Scientific Reports 3, 2013.
.. [2] A. W. Gouldner, "The norm of reciprocity", American Sociological Review
   25(2), 1960.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import numpy as np
import pandas as pd

from ..model.graph import display_name, me_of
from ..model.rules import Rules, rules_of
from .overview import interaction_reciprocity
from .reasons import unanswered

__all__ = ["reciprocity", "COLUMNS", "status_of"]

COLUMNS = ["contact", "node", "sent", "received", "reciprocated", "balance", "asks", "asks_year", "favours_received",
           "favours_given", "waiting", "waiting_since", "last_unanswered", "last_contact", "status"]
_ORDER = {"unanswered": 0, "you have asked a lot": 1, "you owe": 2, "they owe you": 3, "one-way": 4, "balanced": 5}


def status_of(row: dict, today: dt.date, *, rules: Rules | None = None) -> str:
    """The status of one relationship (see the module docstring), by ``rules`` (the defaults when None)."""
    rules = rules or Rules()
    if unanswered(row["waiting_since"], row["last_unanswered"], today, rules=rules, late=True):
        return "unanswered"
    debt = row["favours_received"] - row["favours_given"]
    if debt >= 3:
        return "you owe"
    if row["asks_year"] >= rules.asked_a_lot and row["asks"] > row["favours_given"]:
        return "you have asked a lot"
    total = row["sent"] + row["received"]
    carried = total >= 6 and row["balance"] > 0.5
    if debt >= 2 or (debt >= 0 and carried):
        return "you owe"
    if debt <= -2 or (debt <= 0 and total >= 6 and row["balance"] < -0.5):
        return "they owe you"
    if row["sent"] and row["received"]:
        return "balanced"
    return "one-way"


def reciprocity(G: nx.DiGraph, *, me=None, today: dt.date | None = None, everyone: bool = False) -> pd.DataFrame:
    """The give and take of each of my relationships.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose relationships; defaults to the graph's owner.
    today : date, optional
        Defaults to ``G.graph["today"]``.
    everyone : bool
        Include relationships with no contact and no favour either way
        (LinkedIn connections only); by default they are left out.

    Returns
    -------
    DataFrame
        One row per relationship, those needing attention first: ``contact``,
        ``node``, ``sent``, ``received``, ``reciprocated``, ``balance``,
        ``asks``, ``asks_year``, ``favours_received``, ``favours_given``,
        ``waiting`` (their personal contacts since my last one or our last
        meeting), ``waiting_since`` and ``last_unanswered`` (the first and the
        last of those, or None), ``last_contact``, ``status``.
        ``attrs`` holds the network's ``reciprocity`` and ``weighted_reciprocity``.

    Examples
    --------
    >>> import netgraph
    >>> table = netgraph.reciprocity(netgraph.load().graph)
    >>> table.set_index("contact").loc["Mark Delaney", "status"]
    'unanswered'
    """
    me = me_of(G, me)
    today = today or G.graph.get("today") or dt.date.today()
    rules = rules_of(G)
    rows = []
    for v, out in G[me].items():
        back = G[v][me] if G.has_edge(v, me) else {}
        sent, received = int(out.get("sent", 0)), int(back.get("sent", 0))
        row = {
            "contact": display_name(G, v), "node": v, "sent": sent, "received": received,
            "reciprocated": min(sent, received),
            "balance": (received - sent) / (received + sent) if sent + received else np.nan,
            "asks": int(out.get("asks", 0)), "asks_year": int(out.get("asks_year", 0)),
            "favours_received": int(back.get("gives", 0) + back.get("intros", 0)),
            "favours_given": int(out.get("gives", 0) + out.get("intros", 0)),
            "waiting": int(back.get("waiting", 0)), "waiting_since": back.get("waiting_since"),
            "last_unanswered": back.get("last") if back.get("waiting", 0) else None,
            "last_contact": max((d for d in (out.get("last"), back.get("last")) if d), default=None),
        }
        if not everyone and not (sent or received or row["favours_received"] or row["favours_given"] or row["asks"]):
            continue
        row["status"] = status_of(row, today, rules=rules)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = frame["status"].map(_ORDER)
    latest = frame["last_contact"].map(lambda d: -(d.toordinal() if d else 0))
    frame = frame.assign(_o=order, _w=-frame["waiting"], _l=latest)
    frame = frame.sort_values(["_o", "_w", "_l", "contact"]).drop(columns=["_o", "_w", "_l"])
    frame = frame.reset_index(drop=True)
    frame.attrs["reciprocity"], frame.attrs["weighted_reciprocity"] = interaction_reciprocity(G)
    return frame

