"""netgraph.structure gives networkx's results: on reference graphs, on the real
Facebook graph, on digraphs, and on random small graphs (hypothesis).

Where networkx's two code paths (``nodes=None`` and ``nodes=[...]``) disagree with
each other, the reference is its definition, and the tests say which path that is.
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from networkx.algorithms.structuralholes import normalized_mutual_weight

from netgraph import structure
from netgraph.algorithms import sparse

TOL = 1e-9
FACEBOOK = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "facebook"


# ---------------------------------------------------------------------------- helpers


def assert_same_values(mine: dict, reference: dict) -> None:
    """Same keys; values equal to 1e-9, nan where the reference has nan."""
    assert mine.keys() == reference.keys()
    keys = list(reference)
    got = np.array([mine[k] for k in keys], dtype=float)
    want = np.array([reference[k] for k in keys], dtype=float)
    close = np.isclose(got, want, rtol=TOL, atol=TOL, equal_nan=True)
    assert close.all(), [(k, mine[k], reference[k]) for k, ok in zip(keys, close) if not ok][:5]


def assert_same_bridges(mine, reference, weighted: bool) -> None:
    mine, reference = list(mine), list(reference)
    assert len(mine) == len(set(mine))
    if not weighted:
        assert set(mine) == set(reference)
        return
    spans = {(u, v): span for u, v, span in reference}
    assert {(u, v) for u, v, _ in mine} == set(spans)
    for u, v, span in mine:
        assert span == pytest.approx(spans[u, v], rel=TOL, abs=TOL)


def overlap_by_sets(G, weight=None) -> dict:
    """Onnela's overlap from neighbour sets: shared / (k_u - 1 + k_v - 1 - shared).

    Weighted, the Ruzicka index sum(min) / sum(max) over the other neighbours of
    either endpoint, with sum(max) = s_u - a_uv + s_v - a_vu - sum(min), ``s`` the
    strength and ``a`` the mutual weight (both directions of a digraph added).
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G

    def tie(u, w):
        if weight is None:
            return 1.0
        if not G.is_directed():
            return G[u][w].get(weight, 1)
        return sum(G[x][y].get(weight, 1) for x, y in ((u, w), (w, u)) if G.has_edge(x, y))

    strength = {u: sum(tie(u, w) for w in U[u] if w != u) for u in U}
    result = {}
    for u, v in U.edges:
        if u == v:
            continue
        common = (set(U[u]) & set(U[v])) - {u, v}
        low = sum(min(tie(u, w), tie(v, w)) for w in common)
        high = strength[u] - tie(u, v) + strength[v] - tie(v, u) - low
        result[u, v] = low / high if high else 0.0
    return result


def effective_size_by_definition(G, v, weight=None) -> float:
    """networkx's per-node formula, without its early exit for nodes lacking successors."""
    nmw = normalized_mutual_weight
    contacts = set(nx.all_neighbors(G, v))
    return sum(
        1 - sum(nmw(G, v, w, weight=weight) * nmw(G, u, w, norm=max, weight=weight) for w in contacts)
        for u in contacts
    )


def only_self_loops(G, v) -> bool:
    return G.degree(v) > 0 and set(nx.all_neighbors(G, v)) == {v}


def without_successors(G, v) -> bool:
    """A digraph node with other neighbours, all of them predecessors: networkx's
    per-node path calls it isolated (it looks at ``G[v]`` only) and gives nan."""
    return set(G.successors(v)) <= {v} < set(nx.all_neighbors(G, v)) | {v}


# ---------------------------------------------------------------------------- graphs


def _facebook(weighted: bool) -> nx.Graph:
    path = FACEBOOK / "facebook_combined.txt"
    if not path.exists():
        pytest.skip(f"the real Facebook graph is not at {path} (../shared/data beside the repo)")
    G = nx.read_edgelist(path, nodetype=int)
    if weighted:
        weights = np.random.default_rng(0).uniform(0.1, 1.0, G.number_of_edges())
        for (u, v), w in zip(G.edges, weights.tolist()):
            G[u][v]["weight"] = w
    return G


@pytest.fixture(scope="module")
def facebook():
    return _facebook(weighted=True)


REFERENCE = {
    "karate": nx.karate_club_graph,
    "les_miserables": nx.les_miserables_graph,
    "florentine": nx.florentine_families_graph,
}
CASES = [(name, weight) for name in REFERENCE for weight in (None, "weight")]


@pytest.fixture(params=["product", "triangles"])
def algorithm(request, monkeypatch):
    """Run a test once with scipy's sparse product and once with the triangle listing."""
    closed = 0.0 if request.param == "product" else 2.0  # the share of closed pairs past which the product runs
    monkeypatch.setattr(structure, "_CLOSED_FOR_PRODUCT", closed)
    return request.param


def graph(name):
    return REFERENCE[name]()


# ---------------------------------------------------------------------------- reference graphs


@pytest.mark.parametrize(("name", "weight"), CASES)
def test_constraint_equals_networkx(name, weight, algorithm):
    G = graph(name)
    assert_same_values(structure.constraint(G, weight=weight), nx.constraint(G, weight=weight))


@pytest.mark.parametrize(("name", "weight"), CASES)
def test_effective_size_equals_networkx(name, weight, algorithm):
    G = graph(name)
    # networkx's per-node path is its definition; see test_networkx_all_nodes_weighted_effective_size_slip.
    reference = nx.effective_size(G, nodes=list(G), weight=weight)
    assert_same_values(structure.effective_size(G, weight=weight), reference)
    if weight is None:
        assert_same_values(structure.effective_size(G), nx.effective_size(G))


@pytest.mark.parametrize(("name", "weight"), CASES)
def test_local_bridges_equal_networkx(name, weight, algorithm):
    G = graph(name)
    reference = list(nx.local_bridges(G, weight=weight))
    assert reference, "the reference graphs all have local bridges"
    assert_same_bridges(structure.local_bridges(G, weight=weight), reference, weighted=weight is not None)
    assert set(structure.local_bridges(G, with_span=False)) == set(nx.local_bridges(G, with_span=False))


@pytest.mark.parametrize(("name", "weight"), CASES)
def test_neighborhood_overlap_equals_set_computation(name, weight, algorithm):
    G = graph(name)
    mine = structure.neighborhood_overlap(G, weight=weight)
    assert_same_values(mine, overlap_by_sets(G, weight))
    bridges = {(u, v) for u, v in nx.local_bridges(G, with_span=False)}
    assert {edge for edge, overlap in mine.items() if overlap == 0} == bridges


def test_known_values():
    G = nx.Graph([(0, 1), (0, 2), (1, 2), (2, 3)])
    assert structure.neighborhood_overlap(G) == {(0, 1): 1.0, (0, 2): 0.5, (1, 2): 0.5, (2, 3): 0.0}
    # Burt's constraint of a pendant node is 1; node 2: (1/3 + 1/6)^2 * 2 + (1/3)^2.
    assert structure.constraint(G)[3] == 1.0
    assert structure.constraint(G)[2] == pytest.approx(2 * 0.25 + 1 / 9)
    # Borgatti: n - 2t/n, node 2 has n = 3 contacts and t = 1 tie among them.
    assert structure.effective_size(G)[2] == pytest.approx(3 - 2 / 3)
    assert set(structure.local_bridges(nx.cycle_graph(9))) == {(i, i + 1, 8) for i in range(8)} | {(0, 8, 8)}
    # Removing the only edge between two triangles disconnects them.
    barbell = nx.barbell_graph(3, 0)
    assert list(structure.local_bridges(barbell)) == [(2, 3, math.inf)]


def test_blocks_split_the_work(monkeypatch, algorithm):
    monkeypatch.setattr(sparse, "_PAIRS_PER_BLOCK", 7)
    monkeypatch.setattr(structure, "_FLOPS_PER_BLOCK", 50)
    G = nx.les_miserables_graph()
    assert_same_values(structure.constraint(G, weight="weight"), nx.constraint(G, weight="weight"))
    assert_same_values(structure.neighborhood_overlap(G, "weight"), overlap_by_sets(G, "weight"))


def test_more_nodes_than_int32_keys_hold(algorithm):
    """Entry keys row * n + col need int64 once n > 46,340."""
    G = nx.empty_graph(60_000)
    G.add_edges_from(nx.convert_node_labels_to_integers(nx.les_miserables_graph(), first_label=59_900).edges)
    assert_same_values(structure.constraint(G), nx.constraint(G))
    assert set(structure.local_bridges(G)) == set(nx.local_bridges(G))
    assert_same_values(structure.neighborhood_overlap(G), overlap_by_sets(G))


def test_nodes_argument_selects_and_orders():
    G = nx.karate_club_graph()
    chosen = [33, 0, 5]
    for function in (structure.constraint, structure.effective_size):
        full = function(G, weight="weight")
        assert function(G, nodes=chosen, weight="weight") == {v: full[v] for v in chosen}
        with pytest.raises(KeyError):
            function(G, nodes=["nobody"])
    assert_same_values(
        structure.constraint(G, nodes=chosen, weight="weight"), nx.constraint(G, nodes=chosen, weight="weight")
    )


def test_multigraphs():
    M = nx.MultiGraph(nx.karate_club_graph())
    M.add_edges_from([(0, 1, {"weight": 3}), (5, 6), (7, 7)])
    assert_same_values(structure.constraint(M, weight="weight"), nx.constraint(M, weight="weight"))
    with pytest.raises(nx.NetworkXNotImplemented):
        structure.local_bridges(M)


# ---------------------------------------------------------------------------- Facebook


def test_facebook_constraint(facebook, algorithm):
    for weight in (None, "weight"):
        mine = structure.constraint(facebook, weight=weight)
        assert_same_values(mine, nx.constraint(facebook, weight=weight))


def test_facebook_effective_size(facebook):
    mine = structure.effective_size(facebook)
    assert_same_values(mine, nx.effective_size(facebook))
    # networkx's per-node path costs about deg(v)^2 * (deg(v) + deg(u)) per node,
    # over a minute for all 4,039; its all-nodes path is wrong with weights (see
    # below). So weighted sizes are compared on 220 nodes drawn with a fixed seed:
    # 200 whose cost is small and 20 from the next band, some with ~100 contacts.
    nodes = list(facebook)
    cost = {v: facebook.degree(v) * sum(facebook.degree(u) for u in facebook[v]) for v in nodes}
    rng = np.random.default_rng(1)
    cheap = [v for v in nodes if cost[v] <= 20_000]
    middle = [v for v in nodes if 20_000 < cost[v] <= 300_000]
    chosen = [cheap[i] for i in rng.choice(len(cheap), 200, replace=False)]
    chosen += [middle[i] for i in rng.choice(len(middle), 20, replace=False)]
    mine = structure.effective_size(facebook, nodes=chosen, weight="weight")
    assert_same_values(mine, nx.effective_size(facebook, nodes=chosen, weight="weight"))


@pytest.mark.parametrize("weight", [None, "weight"])
def test_facebook_local_bridges(facebook, weight):
    reference = list(nx.local_bridges(facebook, weight=weight))
    assert len(reference) == 78
    assert_same_bridges(structure.local_bridges(facebook, weight=weight), reference, weighted=weight is not None)


@pytest.fixture(scope="module")
def facebook_overlap(facebook):
    # Unweighted only: the weighted reference walks 4.8M common neighbours in
    # Python; the weighted overlap is checked on the smaller graphs.
    return overlap_by_sets(facebook)


def test_facebook_overlap(facebook, facebook_overlap, algorithm):
    assert_same_values(structure.neighborhood_overlap(facebook), facebook_overlap)


# ---------------------------------------------------------------------------- digraphs


def relationship_digraph() -> nx.DiGraph:
    """The project's graph shape: both directions of every relationship, a symmetric 'strength'."""
    D = nx.DiGraph()
    for u, v, w in nx.karate_club_graph().edges(data="weight"):
        D.add_edge(u, v, strength=w / 10)
        D.add_edge(v, u, strength=w / 10)
    return D


def asymmetric_digraph() -> nx.DiGraph:
    D = nx.gnp_random_graph(60, 0.08, seed=7, directed=True)
    D.add_edges_from([(0, 60), (1, 60)])  # a sink: networkx's per-node path gives it nan
    rng = np.random.default_rng(7)
    for _, _, data in D.edges(data=True):
        data["weight"] = float(rng.uniform(0.2, 3.0))
    return D


@pytest.mark.parametrize("weight", [None, "strength"])
def test_relationship_digraph(weight, algorithm):
    D = relationship_digraph()
    U = D.to_undirected(as_view=True)
    assert_same_values(structure.constraint(D, weight=weight), nx.constraint(D, weight=weight))
    assert_same_values(structure.effective_size(D, weight=weight), nx.effective_size(D, nodes=list(D), weight=weight))
    # Both directions weigh the same, so the digraph and its undirected view agree.
    assert_same_values(structure.constraint(U, weight=weight), structure.constraint(D, weight=weight))
    assert_same_values(structure.effective_size(U, weight=weight), structure.effective_size(D, weight=weight))
    assert_same_bridges(structure.local_bridges(D, weight=weight), nx.local_bridges(U, weight=weight),
                        weight is not None)
    assert_same_bridges(structure.local_bridges(U, weight=weight), nx.local_bridges(U, weight=weight),
                        weight is not None)
    assert structure.neighborhood_overlap(D, weight) == pytest.approx(structure.neighborhood_overlap(U, weight))


@pytest.mark.parametrize("weight", [None, "weight"])
def test_asymmetric_digraph(weight, algorithm):
    D = asymmetric_digraph()
    assert_same_values(structure.constraint(D, weight=weight), nx.constraint(D, weight=weight))
    mine = structure.effective_size(D, weight=weight)
    with_successors = [v for v in D if not without_successors(D, v)]
    assert_same_values({v: mine[v] for v in with_successors},
                       nx.effective_size(D, nodes=with_successors, weight=weight))
    for v in D:
        if without_successors(D, v):
            assert mine[v] == pytest.approx(effective_size_by_definition(D, v, weight), rel=TOL)
    U = D.to_undirected(as_view=True)
    assert_same_bridges(structure.local_bridges(D, weight=weight), nx.local_bridges(U, weight=weight),
                        weight is not None)
    assert_same_values(structure.neighborhood_overlap(D, weight), overlap_by_sets(D, weight))


def test_networkx_all_nodes_weighted_effective_size_slip():
    """networkx 3.6's nodes=None path divides by the wrong node's largest mutual
    weight (networkx PR #8906); its per-node path, the definition, is followed."""
    G = nx.karate_club_graph()
    mine = structure.effective_size(G, weight="weight")
    assert_same_values(mine, nx.effective_size(G, nodes=list(G), weight="weight"))
    assert mine[0] == pytest.approx(effective_size_by_definition(G, 0, "weight"))


# ---------------------------------------------------------------------------- self-loops, isolated nodes


def test_self_loops_and_isolated_nodes():
    G = nx.path_graph(4)
    G.add_edges_from([(0, 0), (5, 5)])
    G.add_edge(6, 6, weight=3.0)
    G.add_node(7)
    for weight in (None, "weight"):
        c = structure.constraint(G, weight=weight)
        e = structure.effective_size(G, weight=weight)
        assert all(math.isnan(c[v]) and math.isnan(e[v]) for v in (5, 6, 7))
    # A self-loop makes a node its own neighbour, as in networkx's matrix path.
    assert_same_values(structure.constraint(G), nx.constraint(G))
    assert_same_values(structure.effective_size(G), nx.effective_size(G))
    # Edges at a node with a self-loop are never local bridges (networkx: the node
    # is its own common neighbour).
    assert {(u, v) for u, v, _ in structure.local_bridges(G)} == {(1, 2), (2, 3)}
    assert set(structure.local_bridges(G)) == set(nx.local_bridges(G))
    assert structure.neighborhood_overlap(G) == {(0, 1): 0.0, (1, 2): 0.0, (2, 3): 0.0}


def test_empty_and_edgeless_graphs():
    assert structure.constraint(nx.Graph()) == {}
    assert list(structure.local_bridges(nx.Graph())) == []
    assert structure.neighborhood_overlap(nx.empty_graph(3)) == {}
    assert all(math.isnan(x) for x in structure.effective_size(nx.empty_graph(3)).values())


def test_weight_function_for_span():
    G = nx.cycle_graph(6)
    for u, v in G.edges:
        G[u][v]["cost"] = u + v

    def weight(u, v, d):
        return None if {u, v} == {2, 3} else d["cost"]

    assert_same_bridges(structure.local_bridges(G, weight=weight), nx.local_bridges(G, weight=weight), True)


# ---------------------------------------------------------------------------- random graphs


@st.composite
def small_graphs(draw, directed=False):
    n = draw(st.integers(1, 12))
    p = draw(st.floats(0.0, 1.0))
    G = nx.gnp_random_graph(n, p, seed=draw(st.integers(0, 2**32 - 1)), directed=directed)
    G.add_edges_from((v, v) for v in draw(st.lists(st.integers(0, n - 1), max_size=3)))
    # Weights >= 0.5 keep clear of the float coincidence where networkx's matrix path
    # mistakes a node with neighbours for an isolated one (sum - 2 * normalised loop == 0).
    m = G.number_of_edges()
    weights = draw(st.lists(st.one_of(st.none(), st.floats(0.5, 4.0)), min_size=m, max_size=m))
    for (u, v), w in zip(list(G.edges), weights):
        if w is not None:
            G[u][v]["weight"] = w
    return G


HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPOTHESIS
@given(G=st.one_of(small_graphs(), small_graphs(directed=True)), weighted=st.booleans())
def test_random_constraint(G, weighted, algorithm):
    weight = "weight" if weighted else None
    mine = structure.constraint(G, weight=weight)
    reference = nx.constraint(G, weight=weight)
    for v in G:
        if only_self_loops(G, v):
            # networkx's matrix path gives 4.0 when the loop's weight is not 1.
            assert math.isnan(mine[v])
            reference[v] = math.nan
    assert_same_values(mine, reference)


@HYPOTHESIS
@given(G=st.one_of(small_graphs(), small_graphs(directed=True)), weighted=st.booleans())
@pytest.mark.slow
def test_random_effective_size(G, weighted, algorithm):
    weight = "weight" if weighted else None
    mine = structure.effective_size(G, weight=weight)
    if not G.is_directed() and weight is None:
        # The matrix path: networkx's per-node path takes Borgatti's shortcut here,
        # which ignores self-loops.
        assert_same_values(mine, nx.effective_size(G))
        return
    reference = nx.effective_size(G, nodes=list(G), weight=weight)
    for v in G:
        if G.is_directed() and without_successors(G, v):
            reference[v] = effective_size_by_definition(G, v, weight)
    assert_same_values(mine, reference)


@HYPOTHESIS
@given(G=small_graphs(), weighted=st.booleans())
def test_random_local_bridges(G, weighted, algorithm):
    weight = "weight" if weighted else None
    assert_same_bridges(structure.local_bridges(G, weight=weight), nx.local_bridges(G, weight=weight), weighted)


@HYPOTHESIS
@given(G=st.one_of(small_graphs(), small_graphs(directed=True)), weighted=st.booleans())
def test_random_overlap(G, weighted, algorithm):
    weight = "weight" if weighted else None
    assert_same_values(structure.neighborhood_overlap(G, weight), overlap_by_sets(G, weight))


# ---------------------------------------------------------------------------- a graph read once: Adjacency


def multigraph() -> nx.MultiGraph:
    M = nx.MultiGraph(nx.karate_club_graph())
    M.add_edges_from([(0, 1, {"weight": 3}), (5, 6), (7, 7)])
    return M


@HYPOTHESIS
@given(G=st.one_of(small_graphs(), small_graphs(directed=True)), weighted=st.booleans())
def test_measures_of_an_adjacency_are_those_of_its_graph(G, weighted, algorithm):
    weight = "weight" if weighted else None
    A = structure.adjacency(G, weight=weight)
    for function in (structure.constraint, structure.effective_size):
        assert_same_values(function(A), function(G, weight=weight))
        assert_same_values(function(A, weight=weight), function(G, weight=weight))
    assert_same_values(structure.neighborhood_overlap(A), structure.neighborhood_overlap(G, weight))


@pytest.mark.parametrize("weight", [None, "weight"])
def test_adjacency_of_reference_graphs_and_multigraphs(weight, algorithm):
    for G in (nx.les_miserables_graph(), relationship_digraph(), asymmetric_digraph(), multigraph()):
        A = structure.adjacency(G, weight=weight)
        assert A.nodes == list(G)
        assert_same_values(structure.constraint(A), nx.constraint(G, weight=weight))
        chosen = list(G)[:5]
        assert structure.effective_size(A, nodes=chosen) == structure.effective_size(G, nodes=chosen, weight=weight)


def test_adjacency_holds_mutual_weights():
    D = nx.DiGraph([(0, 1, {"w": 2.0}), (1, 0, {"w": 3.0}), (1, 2, {"w": 4.0}), (2, 2, {"w": 5.0})])
    assert structure.adjacency(D, weight="w").matrix.toarray().tolist() == [
        [0.0, 5.0, 0.0], [5.0, 0.0, 4.0], [0.0, 4.0, 10.0]]
    G = nx.Graph([("a", "b", {"w": 2.0})])
    G.add_edge("b", "b")
    A = structure.adjacency(G, weight="w")
    assert (A.nodes, A.weight) == (["a", "b"], "w")
    assert A.matrix.toarray().tolist() == [[0.0, 4.0], [4.0, 2.0]]
    zero = structure.adjacency(nx.Graph([(0, 1, {"w": 0.0})]), weight="w")
    assert zero.matrix.nnz == 2, "a zero-weight edge is still an edge"


def test_adjacency_is_a_snapshot():
    """Editing the graph later changes neither the adjacency nor what is computed from it."""
    G = nx.karate_club_graph()
    A = structure.adjacency(G, weight="weight")
    before = structure.constraint(G, weight="weight")
    G.add_edge(0, 9, weight=5)
    G.remove_edge(0, 1)
    assert_same_values(structure.constraint(A), before)
    assert structure.constraint(A) != structure.constraint(G, weight="weight")


def test_adjacency_weight_cannot_be_changed_afterwards():
    A = structure.adjacency(nx.karate_club_graph(), weight="weight")
    with pytest.raises(ValueError, match="weight='weight'"):
        structure.constraint(A, weight="strength")
    with pytest.raises(ValueError, match="weight=None"):
        structure.neighborhood_overlap(structure.adjacency(nx.karate_club_graph()), weight="weight")


def test_adjacency_from_a_matrix():
    """An Adjacency can be made from mutual weights held elsewhere than in a networkx graph."""
    G = nx.florentine_families_graph()
    matrix = 2 * nx.to_scipy_sparse_array(G, format="coo")  # not canonical: the constructor sorts a copy
    A = structure.Adjacency(list(G), matrix)
    assert_same_values(structure.constraint(A), nx.constraint(G))
    assert_same_values(structure.neighborhood_overlap(A), overlap_by_sets(G))
    with pytest.raises(ValueError, match="not symmetric"):
        structure.Adjacency([0, 1], sp.csr_array([[0.0, 1.0], [2.0, 0.0]]))
    with pytest.raises(ValueError, match="not symmetric"):
        structure.Adjacency([0, 1], sp.csr_array(([1.0], ([0], [1])), shape=(2, 2)))
    cycle = nx.to_scipy_sparse_array(nx.DiGraph([(0, 1), (1, 2), (2, 0)]))  # every node: one in, one out
    with pytest.raises(ValueError, match="not symmetric"):
        structure.Adjacency([0, 1, 2], cycle)
    with pytest.raises(ValueError, match="3 nodes"):
        structure.Adjacency([0, 1, 2], sp.csr_array((2, 2)))


def test_closed_share():
    assert structure.adjacency(nx.complete_graph(8)).closed_share() == 1.0
    assert structure.adjacency(nx.balanced_tree(2, 5)).closed_share() == 0.0
    assert structure.adjacency(nx.empty_graph(3)).closed_share() == 0.0
    share = structure.adjacency(nx.karate_club_graph()).closed_share()
    assert 0 < share < 1
    assert structure.adjacency(nx.karate_club_graph()).closed_share() == share, "the same sample every time"
