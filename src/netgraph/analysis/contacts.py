"""The contact sheet: one row per contact, everything a coach sorts and filters by."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from .._lazy import pd
from ..model.graph import me_of, neighbours
from .state import relationship_state

__all__ = ["contacts", "COLUMNS"]

COLUMNS = ["contact", "company", "title", "location", "strength", "layer", "last_contact", "status", "action",
           "next_action", "basis", "reaches", "node"]


def contacts(G: nx.DiGraph, *, me=None, today: dt.date | None = None) -> pd.DataFrame:
    """The master sheet of my contacts: who they are, how close, what is open, what to do, what they open up.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose contacts; defaults to the graph's owner.
    today : date, optional
        Defaults to ``G.graph["today"]``.

    Returns
    -------
    DataFrame
        One row per contact, strongest first: ``contact``, ``company``,
        ``title``, ``location``, ``strength``, ``layer``, ``last_contact``,
        ``status`` and ``action``/``next_action`` (from
        :func:`netgraph.relationship_state`, the same in every analysis),
        ``basis`` (what the relationship is known from: ``observed`` — we have
        been in touch; ``declared`` — a ``ties.csv`` row or an introduction;
        ``connection`` — a LinkedIn connection or an address-book entry only),
        ``reaches`` (the target companies this contact works at or knows
        people at, ``;``-separated) and ``node``.

    See Also
    --------
    netgraph.relationship_state, netgraph.weak_ties

    Examples
    --------
    >>> import netgraph
    >>> sheet = netgraph.contacts(netgraph.load().graph)
    >>> sheet.columns[:4].tolist()
    ['contact', 'company', 'title', 'location']
    """
    me = me_of(G, me)
    state = relationship_state(G, me=me, today=today)
    targets = list(G.graph.get("targets", []))
    adjacency = neighbours(G)

    def at(node, company: str) -> bool:
        data = G.nodes[node]
        return data.get("company") == company or company in data.get("past_companies", [])

    reaches = {v: "; ".join(t for t in targets if at(v, t) or any(at(x, t) for x in adjacency[v] if x != me))
               for v in state["node"]}
    sheet = state.assign(basis=[_basis(G[me][v]) for v in state["node"]], reaches=state["node"].map(reaches))
    sheet = sheet.sort_values(["strength", "contact"], ascending=[False, True])
    return sheet[COLUMNS].reset_index(drop=True)


def _basis(data: dict) -> str:
    """What a relationship of mine is known from (the edge's own ``basis`` where the build recorded one)."""
    if data.get("basis"):
        return data["basis"]
    if data.get("interactions"):
        return "observed"
    if data.get("declared") is not None or data.get("introduced_by") is not None:
        return "declared"
    return "connection"
