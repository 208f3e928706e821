"""Dunbar's layers: the closest 5, then 15, 50 and 150, then acquaintances.

People keep their relationships in nested layers of roughly 5, 15, 50 and 150
(Dunbar 1998; Zhou, Sornette, Hill & Dunbar 2005), each contacted less often
than the one inside it: about weekly, monthly, every few months, and a couple
of times a year (Sutcliffe et al. 2012). netgraph places each of my ties in a
layer by the rank of its strength — which already weighs recency and
frequency — and uses the layer's rhythm to tell when a close tie is going
quiet. A tie kept up from one side only (they write, I never do: a
recruiter, a newsletter) is an acquaintance whatever its strength: layers
are relationships both sides maintain.

References
----------
.. [1] R. I. M. Dunbar, "The social brain hypothesis", Evolutionary
   Anthropology 6(5), 1998.
.. [2] W.-X. Zhou, D. Sornette, R. A. Hill, R. I. M. Dunbar, "Discrete
   hierarchical organization of social group sizes", Proc. R. Soc. B 272, 2005.
.. [3] A. Sutcliffe, R. Dunbar, J. Binder, H. Arrow, "Relationships and the
   social brain", British Journal of Psychology 103(2), 2012.
"""

from __future__ import annotations

import networkx as nx

from .._lazy import pd
from ..model.graph import me_of
from ..model.rules import rules_of

__all__ = ["dunbar_layers", "layer_of"]


def dunbar_layers(G: nx.DiGraph, *, me=None) -> pd.Series:
    """The Dunbar layer of each of my ties.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose layers; defaults to the graph's owner.

    Returns
    -------
    Series
        Indexed by node, layered ties strongest first, then acquaintances:
        5, 15, 50 or 150 (the innermost layer whose size the tie's rank is within
        and whose least strength it has: ``Rules.layers`` and
        ``Rules.layer_strength``, :mod:`netgraph.model.rules`), or 0 for
        acquaintances (beyond 150, too weak, or contact from their side only).

    See Also
    --------
    layer_of : the same as a dict.

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.analysis.layers import dunbar_layers
    >>> layers = dunbar_layers(netgraph.load().graph)
    >>> int((layers == 5).sum())
    5
    """
    layers = layer_of(G, me=me)
    return pd.Series(list(layers.values()), index=list(layers), name="layer", dtype=int)


def layer_of(G: nx.DiGraph, *, me=None) -> dict:
    """:func:`dunbar_layers` as a dict, node to layer, in the same order (what a summary counts, without pandas).

    Examples
    --------
    >>> import netgraph
    >>> from collections import Counter
    >>> Counter(layer_of(netgraph.load().graph).values())[5]
    5
    """
    me = me_of(G, me)
    rules = rules_of(G)
    weakest = min(rules.layer_strength.values())
    kept = {v for v, data in G[me].items()
            if data["strength"] >= weakest and (data.get("sent", 0) or not G[v][me].get("sent", 0))}
    ranked = sorted(G[me].items(), key=lambda item: (item[0] not in kept, -item[1]["strength"], str(item[0])))
    return {v: next((size for size in rules.layers if rank < size and data["strength"] >= rules.layer_strength[size]),
                    0) if v in kept else 0
            for rank, (v, data) in enumerate(ranked)}
