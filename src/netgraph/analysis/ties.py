"""Who knows whom among my contacts, and how sure netgraph is of it."""

from __future__ import annotations

import networkx as nx

from .._lazy import pd
from ..model.graph import display_name, me_of

__all__ = ["who_knows_whom", "COLUMNS"]

COLUMNS = ["a", "b", "confidence", "basis", "evidence"]


def who_knows_whom(G: nx.DiGraph, *, me=None, min_confidence: float = 0.0) -> pd.DataFrame:
    """Every relationship between two people other than me, most certain first.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Left out of the pairs; defaults to the graph's owner.
    min_confidence : float, default 0.0
        Keep the pairs at least this confident. The graph holds the pairs at or
        above the floor it was built with (``G.graph["min_confidence"]``); to see
        every pair the evidence touches, below the floor too, use
        :func:`netgraph.model.evidence.infer_ties` with ``min_confidence=0`` on the
        network's tables (what ``netgraph ties --min-confidence 0`` does).

    Returns
    -------
    DataFrame
        ``a``, ``b`` (display names), ``confidence`` (the probability that they
        know each other: 1.0 when observed or declared), ``basis``
        (``observed``, ``declared`` or ``inferred``) and ``evidence`` (in words),
        sorted by confidence, then names.

    See Also
    --------
    netgraph.model.evidence : where inferred ties and their confidence come from.

    Examples
    --------
    >>> import netgraph
    >>> ties = netgraph.who_knows_whom(netgraph.load().graph)
    >>> ties.columns.tolist()
    ['a', 'b', 'confidence', 'basis', 'evidence']
    """
    me = me_of(G, me) if G.graph.get("me") is not None or me is not None else None
    rows = []
    for u, v, data in G.edges(data=True):
        if me in (u, v) or not str(u) < str(v) and G.has_edge(v, u):
            continue
        confidence = float(data.get("confidence", 1.0))
        if confidence >= min_confidence:
            rows.append({"a": display_name(G, u), "b": display_name(G, v), "confidence": confidence,
                         "basis": data.get("basis", "observed" if data.get("interactions") else "declared"),
                         "evidence": data.get("evidence") or _declared(G, data)})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["confidence", "a", "b"], ascending=[False, True, True], ignore_index=True)


def _declared(G: nx.DiGraph, data: dict) -> str:
    """The evidence of an observed or declared relationship, in words."""
    if data.get("interactions"):
        return f"in touch {data['interactions']} times"
    if data.get("introduced_by") is not None:
        return f"introduced by {display_name(G, data['introduced_by'])}"
    if data.get("note"):
        return f"you wrote: {data['note']}"
    return "you listed them as knowing each other" if "ties" in data.get("sources", ()) else "an introduction"
