"""Small helpers every analysis shares: who "me" is, and fast access to relationships.

A netgraph graph holds both directed edges of every relationship and says so
with ``G.graph["symmetric"]``; its successor map is then already the
undirected adjacency, one neighbour per relationship. networkx's undirected
*views* give the same answers but filter every step in Python, which is far
too slow on a million relationships; these helpers avoid them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from ..errors import NetgraphError

__all__ = ["me_of", "neighbours", "relationship_count", "ball", "induced", "display_name"]


def me_of(G: nx.DiGraph, me=None):
    """``me`` if given (a node), else the graph's owner (``G.graph["me"]`` or the ``is_me`` node)."""
    if me is not None:
        if me not in G:
            raise NetgraphError(f"'{me}' is not a node of the graph")
        return me
    owner = G.graph.get("me")
    if owner is not None and owner in G:
        return owner
    owner = next((n for n, is_me in G.nodes(data="is_me") if is_me), None)
    if owner is None:
        raise NetgraphError("nobody is set as me: pass me=..., --me, or add `me = \"Your Name\"` to netgraph.toml")
    return owner


def neighbours(G: nx.Graph) -> Mapping:
    """The undirected adjacency of G: node -> {neighbour: edge data}.

    G's own adjacency when it is undirected or a netgraph graph (both
    directions of every relationship); otherwise that of an undirected copy.
    """
    if not G.is_directed():
        return G._adj
    if G.graph.get("symmetric"):
        return G._succ
    return G.to_undirected()._adj


def relationship_count(G: nx.Graph) -> int:
    """How many relationships (undirected pairs) G holds."""
    if not G.is_directed():
        return G.number_of_edges()
    if G.graph.get("symmetric"):
        return G.number_of_edges() // 2
    return G.to_undirected(as_view=True).number_of_edges()


def ball(G: nx.Graph, centre, radius: int) -> set:
    """The people within ``radius`` hops of ``centre`` (``centre`` included)."""
    return {centre}.union(*rings(G, centre, radius))


def rings(G: nx.Graph, centre, radius: int, *, blocked=frozenset()) -> list[set]:
    """The people at each distance 1 to ``radius`` from ``centre``; people in ``blocked`` are neither
    counted nor passed through."""
    adjacency = neighbours(G)
    seen, frontier, found = {centre}, [centre], []
    for _ in range(radius):
        following = []
        for node in frontier:
            for other in adjacency[node]:
                if other not in seen:
                    seen.add(other)
                    if other not in blocked:
                        following.append(other)
        found.append(set(following))
        frontier = following
    return found


def induced(G: nx.Graph, nodes: Iterable) -> nx.DiGraph:
    """The relationships among ``nodes`` as a (symmetric) netgraph-shaped graph sharing G's edge data.

    Much faster to build and to walk than ``G.subgraph(nodes)``, whose every
    step goes through a filter; the node and edge attribute dicts are G's own, not
    copies. The nodes come in G's order, whatever the order of ``nodes`` (a set's
    order changes from one run to the next with Python's string hashing, and
    clusters found on H would with it).
    """
    keep = set(nodes)
    adjacency = neighbours(G)
    H = nx.DiGraph(symmetric=True)
    order = [n for n in G if n in keep]
    H._node.update((n, G._node[n]) for n in order)  # shared, as the edges' (copying them took most of the time)
    H._succ.update((n, {}) for n in order)
    H._pred.update((n, {}) for n in order)
    succ, pred = H._succ, H._pred
    for u in order:
        mine = {v: data for v, data in adjacency[u].items() if v in keep}
        succ[u].update(mine)
        for v, data in mine.items():
            pred[v][u] = data
    return H


def display_name(G: nx.Graph, node) -> str:
    """A node's name, or the node itself when it has none; a name two people share (``G.graph["homonyms"]``)
    with the employer, or the id, that tells them apart: ``"David Chen (Orchid Health)"``."""
    data = G.nodes[node]
    name = data.get("name") or str(node)
    if name in G.graph.get("homonyms", ()):
        return f"{name} ({data.get('company') or node})"
    return name
