"""netgraph.algorithms.layout: deterministic, centred on me, everyone placed."""

from __future__ import annotations

import random
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

from netgraph.algorithms.layout import RING, layout


@pytest.fixture(scope="module")
def demo_graph(demo):
    return demo.graph


def test_every_person_placed_and_me_at_the_centre(demo_graph):
    pos = layout(demo_graph)
    assert set(pos) == set(demo_graph)
    assert pos[demo_graph.graph["me"]] == (0.0, 0.0)
    xy = np.array(list(pos.values()))
    assert np.isfinite(xy).all()
    assert np.hypot(xy[:, 0], xy[:, 1]).max() <= RING + 1e-9


def test_same_seed_same_positions_and_random_state_untouched(demo_graph):
    state = random.getstate()
    first = layout(demo_graph, seed=3)
    assert random.getstate() == state
    assert layout(demo_graph, seed=3) == first
    assert layout(demo_graph, seed=4) != first


@pytest.mark.slow
def test_positions_do_not_depend_on_the_hash_seed():
    # the undirected view lists edges in an order that depends on string hashing
    script = ("import netgraph, hashlib; from netgraph.algorithms.layout import layout; "
              "print(hashlib.sha256(repr(layout(netgraph.load().graph)).encode()).hexdigest())")
    runs = {subprocess.run([sys.executable, "-c", script], env={"PYTHONHASHSEED": str(seed), "PATH": ""},
                           capture_output=True, text=True, check=True).stdout for seed in (1, 2)}
    assert len(runs) == 1


def test_people_without_relationships_go_on_the_outer_ring():
    G = nx.path_graph(4)
    G.add_nodes_from(["alone", "lonely"])
    pos = layout(G, me=0)
    for v in ("alone", "lonely"):
        assert np.hypot(*pos[v]) == pytest.approx(RING)
    assert max(np.hypot(*pos[v]) for v in range(4)) == pytest.approx(1.0)


def test_detached_groups_stay_in_the_picture():
    G = nx.disjoint_union(nx.complete_graph(10), nx.complete_graph(3))
    pos = layout(G, me=0)
    assert all(np.hypot(*pos[v]) <= 1.0 + 1e-9 for v in G)
    # the detached triangle is drawn as a group of its own
    triangle = np.array([pos[v] for v in (10, 11, 12)])
    assert np.ptp(triangle, axis=0).max() < 1.0


def test_groups_pull_their_members_together():
    G = nx.planted_partition_graph(4, 25, 0.3, 0.05, seed=1)
    groups = G.graph["partition"]

    def spread(pos):
        return np.mean([np.ptp(np.array([pos[v] for v in g]), axis=0).mean() for g in groups])

    assert spread(layout(G, groups=groups)) < spread(layout(G))


def test_graph_without_an_owner_is_centred_on_its_mean():
    pos = layout(nx.karate_club_graph(), seed=2)
    assert np.allclose(np.array(list(pos.values())).mean(axis=0), 0, atol=0.2)


def test_unknown_me_is_an_error():
    with pytest.raises(nx.NodeNotFound):
        layout(nx.path_graph(3), me="nobody")


def test_empty_and_single_node_graphs():
    assert layout(nx.Graph()) == {}
    assert layout(nx.Graph([(1, 1)])) == {1: (RING, 0.0)}
