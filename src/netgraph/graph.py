"""Small helpers every analysis shares: who "me" is, the undirected view."""

from __future__ import annotations

import networkx as nx

from .errors import NetgraphError

__all__ = ["me_of", "relationships", "display_name"]


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


def relationships(G: nx.DiGraph) -> nx.Graph:
    """The undirected view of G: one edge per relationship (strength is symmetric)."""
    return G.to_undirected(as_view=True) if G.is_directed() else G


def display_name(G: nx.Graph, node) -> str:
    """A node's name, or the node itself when it has none."""
    return G.nodes[node].get("name") or str(node)
