"""Clusters of a network: Louvain communities, reproducible for a given seed.

Louvain is run by igraph's C implementation (8 to 15 times faster than
networkx's ``louvain_communities`` in ``benchmarks/``, at the same modularity).
The graph is taken as undirected, with one weight per pair of nodes.
"""

from __future__ import annotations

import random
from operator import itemgetter

import igraph
import networkx as nx
import numpy as np

from .sparse import adjacency_entries

__all__ = ["clusters", "modularity"]

# Louvain's result depends on the seed most on small graphs, where a run takes
# milliseconds: there the best of several seeded runs is kept. (On Zachary's karate
# club, single runs range from 0.39 to 0.42 in modularity.)
_SMALL_GRAPH_EDGES = 5_000
_SMALL_GRAPH_RUNS = 10


def clusters(G, *, seed=0, weight="strength", resolution=1.0, ignore=()) -> list[set]:
    """Returns the Louvain communities of ``G``, largest first.

    Parameters
    ----------
    G : NetworkX graph
        Directed graphs are taken as undirected (``G.to_undirected(as_view=True)``):
        for the usual shape, both directions of every relationship with the same
        weight, that is one weight per pair.

    seed : int (default=0)
        Seed of the random order in which Louvain visits nodes. The same seed
        gives the same clusters; Python's global random state is left untouched.

    weight : string or None (default="strength")
        Edge attribute holding the weight; an edge without it weighs 1. None
        for an unweighted graph.

    resolution : float (default=1.0)
        Below 1, fewer and larger clusters; above 1, more and smaller ones.

    ignore : iterable of nodes
        Nodes left out, with their edges (the owner of an ego network, who
        would otherwise tie every cluster together).

    Returns
    -------
    list of sets of nodes
        A partition of the nodes (an isolated node is a cluster of its own),
        sorted by decreasing size, then by the position in ``list(G)`` of each
        cluster's first node.

    Notes
    -----
    Louvain [1]_ by igraph's ``community_multilevel``. On graphs
    of at most 5,000 edges, where the outcome of a single run varies most with
    the seed and a run costs milliseconds, the partition of highest modularity
    among 10 runs seeded in turn from ``seed`` is returned.

    Examples
    --------
    >>> G = nx.barbell_graph(5, 0)
    >>> clusters(G, weight=None)
    [{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}]

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E.
           "Fast unfolding of communities in large networks".
           *J. Stat. Mech.* P10008, 2008.
    """
    U = _undirected(G)
    ignore = set(ignore)
    nodes = [n for n in U if n not in ignore]
    louvain, edges = _louvain(U, weight, resolution, ignore)
    if not edges:
        return [{v} for v in nodes]
    runs = _SMALL_GRAPH_RUNS if edges <= _SMALL_GRAPH_EDGES else 1
    rng = random.Random(seed)
    groups, _ = max((louvain(rng) for _ in range(runs)), key=itemgetter(1))
    groups.sort(key=lambda members: (-members.size, members.min()))
    return [set(map(nodes.__getitem__, members.tolist())) for members in groups]


def _louvain(U, weight, resolution, ignore=frozenset()):
    """A function running igraph's Louvain with a given `random.Random`, and the number of edges.

    The function returns the communities, as arrays of positions among the
    nodes of ``list(U)`` not in ``ignore``, and their modularity.
    """
    nodes, rows, cols, weights = adjacency_entries(U, weight, once=True)
    once = rows <= cols  # an undirected edge is listed from both ends
    if ignore:
        left_out = np.fromiter((n in ignore for n in nodes), dtype=bool, count=len(nodes))
        once &= ~left_out[rows] & ~left_out[cols]
        position = np.cumsum(~left_out) - 1
        rows, cols, nodes = position[rows], position[cols], [n for n, out in zip(nodes, left_out) if not out]
    graph = igraph.Graph(n=len(nodes))
    graph.add_edges(np.column_stack([rows[once], cols[once]]))
    weights = weights[once].tolist()

    def run(rng):
        # igraph draws from Python's `random` module by default; a private
        # generator makes runs reproducible without touching the caller's random
        # state. igraph cannot report its current generator: the default goes back.
        igraph.set_random_number_generator(rng)
        try:
            found = graph.community_multilevel(weights=weights, resolution=resolution)
        finally:
            igraph.set_random_number_generator(random)
        membership = np.asarray(found.membership)
        order = np.argsort(membership, kind="stable")
        return np.split(order, np.flatnonzero(np.diff(membership[order])) + 1), found.modularity

    return run, graph.ecount()


def modularity(G, communities, weight="strength") -> float:
    """Returns the modularity of a partition of ``G`` into ``communities``.

    ``nx.community.modularity`` on ``G`` taken as undirected, as `clusters` takes
    it; an edge without the ``weight`` attribute weighs 1.

    Examples
    --------
    >>> G = nx.barbell_graph(5, 0)
    >>> round(modularity(G, clusters(G, weight=None), weight=None), 4)
    0.4524
    """
    U = _undirected(G)
    return nx.community.modularity(U.to_undirected(as_view=True) if U.is_directed() else U, communities,
                                   weight=weight)


def _undirected(G):
    """G as undirected: a netgraph graph already holds both directions of every pair, with one weight."""
    return G if not G.is_directed() or G.graph.get("symmetric") else G.to_undirected(as_view=True)
