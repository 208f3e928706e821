"""netgraph.algorithms.communities: reproducible Louvain clusters, as good as networkx's."""

from __future__ import annotations

import random
from pathlib import Path

import igraph
import networkx as nx
import pytest

from netgraph.algorithms import communities

FACEBOOK = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "facebook"


def facebook() -> nx.Graph:
    path = FACEBOOK / "facebook_combined.txt"
    if not path.exists():
        pytest.skip(f"the real Facebook graph is not at {path} (../shared/data beside the repo)")
    return nx.read_edgelist(path, nodetype=int)


GRAPHS = {
    "karate": nx.karate_club_graph,
    "les_miserables": nx.les_miserables_graph,
    "facebook": facebook,
}


def assert_partition(G, found):
    assert set().union(*found) == set(G)
    assert sum(map(len, found)) == len(G)
    sizes = [len(c) for c in found]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("name", GRAPHS)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_as_good_as_networkx(name, weight):
    G = GRAPHS[name]()
    found = communities.clusters(G, weight=weight)
    assert_partition(G, found)
    reference = nx.community.louvain_communities(G, seed=0, weight=weight)
    mine = communities.modularity(G, found, weight=weight)
    assert mine >= nx.community.modularity(G, reference, weight=weight) - 0.02
    assert found == communities.clusters(G, weight=weight)


def test_missing_weights_count_as_one():
    G = nx.karate_club_graph()
    assert communities.clusters(G) == communities.clusters(G, weight=None)  # no 'strength' here
    assert communities.modularity(G, communities.clusters(G)) == pytest.approx(
        nx.community.modularity(G, communities.clusters(G), weight=None)
    )


def test_seed_reproducible_and_private():
    G = nx.les_miserables_graph()
    random.seed(12345)
    expected_next = random.random()
    random.seed(12345)
    runs = [communities.clusters(G, seed=s, weight="weight") for s in (1, 2, 1)]
    assert random.random() == expected_next, "the caller's random state is untouched"
    assert runs[0] == runs[2]
    # igraph is back on Python's `random` module, its default generator.
    random.seed(7)
    first = igraph.Graph.Erdos_Renyi(50, 0.1).get_edgelist()
    random.seed(7)
    assert igraph.Graph.Erdos_Renyi(50, 0.1).get_edgelist() == first


def test_digraph_with_both_directions_is_its_undirected_graph():
    U = nx.les_miserables_graph()
    D = nx.DiGraph()
    for u, v, w in U.edges(data="weight"):
        D.add_edge(u, v, strength=w)
        D.add_edge(v, u, strength=w)
    nx.set_edge_attributes(U, nx.get_edge_attributes(U, "weight"), "strength")
    found = communities.clusters(D)
    assert found == communities.clusters(U)
    assert communities.modularity(D, found) == pytest.approx(communities.modularity(U, found))


def test_isolated_nodes_and_order():
    G = nx.barbell_graph(5, 0)
    G.add_nodes_from(["lonely", "alone"])
    found = communities.clusters(G, weight=None)
    assert found == [{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {"lonely"}, {"alone"}]
    assert communities.clusters(nx.empty_graph(3)) == [{0}, {1}, {2}]
    assert communities.clusters(nx.Graph()) == []


def test_resolution():
    G = nx.les_miserables_graph()
    coarse = communities.clusters(G, weight="weight", resolution=0.3)
    fine = communities.clusters(G, weight="weight", resolution=3.0)
    assert len(coarse) < len(communities.clusters(G, weight="weight")) < len(fine)
