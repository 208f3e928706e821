"""The overview, and network reciprocity against networkx on real data."""

from __future__ import annotations

import math

import networkx as nx

import netgraph
from netgraph.analysis.overview import interaction_reciprocity


def interaction_graph(G):
    H = nx.DiGraph()
    H.add_edges_from((u, v) for u, v, sent in G.edges(data="sent") if sent)
    return H


def test_summary_of_the_demo(demo):
    data = netgraph.summary(demo.graph).to_dict()
    for key in ("me", "targets", "people", "relationships", "interactions", "introductions", "companies",
                "reciprocity", "weighted_reciprocity"):
        assert key in data
    assert data["me"] == "Jane Jones"
    assert data["targets"] == ["Novagen", "Helix Therapeutics"]
    assert data["people"] == demo.graph.number_of_nodes() >= 200
    assert data["interactions"] == len(demo.interactions) >= 2000
    assert data["introductions"] == len(demo.introductions) >= 10
    assert data["reciprocity"] == nx.overall_reciprocity(interaction_graph(demo.graph))
    text = str(netgraph.summary(demo.graph))
    assert "Jane Jones's network" in text and "Emma Clarke" in text


def test_weighted_reciprocity_is_squartini():
    G = nx.DiGraph()
    G.add_edge("a", "b", sent=3)
    G.add_edge("b", "a", sent=1)
    G.add_edge("a", "c", sent=2)
    G.add_edge("c", "a", sent=0)
    binary, weighted = interaction_reciprocity(G)
    assert binary == nx.overall_reciprocity(interaction_graph(G)) == 2 / 3
    assert weighted == (1 + 1) / (3 + 1 + 2)


def test_empty_graph_has_no_reciprocity():
    assert all(math.isnan(x) for x in interaction_reciprocity(nx.DiGraph()))


def test_enron_reciprocity_equals_networkx(enron):
    G = netgraph.build_graph(enron["people"], enron["interactions"], today="2002-07-01", errors="report")
    x = enron["interactions"]
    reference = nx.DiGraph()
    reference.add_edges_from((u, v) for u, v in zip(x["from"], x["to"]) if u != v)
    binary, weighted = interaction_reciprocity(G)
    assert math.isclose(binary, nx.overall_reciprocity(reference), rel_tol=1e-12)
    assert 0.6 < binary < 0.7
    counts = x[x["from"] != x["to"]].groupby(["from", "to"]).size()
    mutual = sum(min(c, counts.get((v, u), 0)) for (u, v), c in counts.items())
    assert math.isclose(weighted, mutual / counts.sum(), rel_tol=1e-12)
    skipped = G.graph["report"].problems
    assert len(skipped) == int((x["from"] == x["to"]).sum())
    assert all("oneself" in p.reason for p in skipped)
    assert netgraph.summary(G)["interactions"] == len(x) - len(skipped)


def test_a_cluster_is_named_the_same_in_every_run():
    """Two employers equally shared: the label is the first by name, whatever order the members come in (a set's
    order changes from one run to the next with string hashing)."""
    from netgraph.analysis.overview import describe_cluster

    labels = set()
    for order in (["a", "b", "c", "d"], ["d", "c", "b", "a"], ["b", "d", "a", "c"]):
        G = nx.DiGraph()
        for n in order:
            G.add_node(n, name=n.upper(), company="Zeta Labs" if n in "ab" else "Alpha Works")
        labels.add(describe_cluster(G, None, dict.fromkeys(order).keys()))
    assert labels == {("Alpha Works", 4, 0)}
