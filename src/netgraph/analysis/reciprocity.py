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
``never in touch``         no contact either way (with ``everyone``: a connection only)
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

from .._lazy import pd
from .overview import interaction_reciprocity
from .state import STATUSES, relationship_state, status_of

__all__ = ["reciprocity", "COLUMNS", "status_of"]

COLUMNS = ["contact", "node", "sent", "received", "reciprocated", "balance", "asks", "asks_year", "favours_received",
           "favours_given", "waiting", "waiting_since", "last_unanswered", "last_contact", "status", "action",
           "next_action"]


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
        last of those, or None), ``last_contact``, ``status``, and the one
        ``action`` and ``next_action`` of :func:`netgraph.relationship_state`
        (the same for this person in every analysis).
        ``attrs`` holds the network's ``reciprocity`` and ``weighted_reciprocity``.

    See Also
    --------
    netgraph.relationship_state : where the status and the action come from.

    Examples
    --------
    >>> import netgraph
    >>> table = netgraph.reciprocity(netgraph.load().graph)
    >>> table.set_index("contact").loc["Mark Delaney", "status"]
    'unanswered'
    """
    state = relationship_state(G, me=me, today=today)
    if not everyone:
        touched = state[["sent", "received", "favours_received", "favours_given", "asks"]].to_numpy().any(axis=1)
        state = state[touched]
    frame = state.assign(_o=state["status"].map({s: i for i, s in enumerate(STATUSES)}), _w=-state["waiting"],
                         _l=state["last_contact"].map(lambda d: -(d.toordinal() if d else 0)))
    frame = frame.sort_values(["_o", "_w", "_l", "contact"])[COLUMNS].reset_index(drop=True)
    frame.attrs["reciprocity"], frame.attrs["weighted_reciprocity"] = interaction_reciprocity(G)
    return frame

