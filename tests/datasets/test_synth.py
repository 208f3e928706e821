"""The synthetic generator: deterministic, any size, realistic structure."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from netgraph import synth


@pytest.fixture(scope="module")
def thousand():
    return synth.network(1000, seed=3)


def test_same_seed_same_network():
    a, b = synth.network(400, seed=7), synth.network(400, seed=7)
    for name in ("people", "interactions", "ties", "introductions", "companies"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert not synth.network(400, seed=8).ties.equals(a.ties)


def test_sizes_and_shape(thousand):
    s = thousand
    assert len(s.people) == 1000 and s.people["id"].is_unique and s.people["email"].is_unique
    assert len(s.companies) >= 25 and s.companies["name"].is_unique
    assert s.people["company"].nunique() >= 25
    assert len(s.targets) == 2
    assert set(s.interactions["from"]) | set(s.interactions["to"]) >= {s.me}
    assert len(s.introductions) >= 10


def test_structure_is_clustered_and_heavy_tailed(thousand):
    G = nx.Graph()
    G.add_edges_from(zip(thousand.ties["a"], thousand.ties["b"]))
    degrees = np.array([d for _, d in G.degree()])
    assert degrees.max() > 4 * degrees.mean()
    random = nx.gnm_random_graph(G.number_of_nodes(), G.number_of_edges(), seed=1)
    assert nx.average_clustering(G) > 5 * nx.average_clustering(random)


def test_my_ties_have_dunbar_rhythms(thousand):
    net = thousand.build()
    mine = sorted((d["interactions_year"] for _, _, d in net.graph.edges(net.me, data=True)), reverse=True)
    assert np.median(mine[:5]) >= 26  # the closest: about weekly
    assert np.median(mine[50:150]) <= 6
    dormant = [d for _, _, d in net.graph.edges(net.me, data=True)
               if d.get("peak", 0) > 0.5 and d.get("recency", 1) < 0.1]
    assert dormant


def test_scope_all_records_everyones_interactions():
    s = synth.network(300, seed=2, scope="all")
    senders = set(s.interactions["from"])
    assert len(senders) > 100
    with pytest.raises(ValueError):
        synth.network(300, scope="some")
    with pytest.raises(ValueError):
        synth.network(5)


def test_builds_and_writes(tmp_path, thousand):
    import netgraph

    folder = thousand.write(tmp_path / "net")
    net = netgraph.load(folder)
    built = thousand.build()
    assert net.graph.number_of_edges() == built.graph.number_of_edges()
    assert net.report.ok and not [p for p in net.report.problems if p.skipped]
