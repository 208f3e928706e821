"""Fast structural measures: neighbourhood overlap, local bridges, constraint, effective size.

The definitions are networkx's (``nx.local_bridges``, ``nx.constraint``,
``nx.effective_size``) and the results equal theirs, but everything is computed on
sparse arrays. The sums over common neighbours that these measures need (shared
neighbours, ``sum_w p_uw p_wv`` and the like) are gathered from a degree-ordered
triangle listing (at most ``O(m^1.5)`` candidate pairs, far fewer than wedges when
degrees are heavy-tailed), or, when most candidate pairs close a triangle, by
scipy's sparse product restricted to the edges (one multiply-add per wedge); never
an ``n x n`` array. Both work in blocks, so memory stays bounded.

Every measure but `local_bridges` takes either a networkx graph or its
:class:`~netgraph.algorithms.sparse.Adjacency` (from
:func:`~netgraph.algorithms.sparse.adjacency`): reading a graph into arrays costs
more than the measures themselves, so when several measures, or several calls, look
at one graph, read it once.

Nodes are numbered in ``list(G)`` order; results are keyed by the original nodes.
Edge weights are expected to be positive, as networkx's definitions assume.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterator

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .sparse import Adjacency, _blocks, adjacency, adjacency_entries

__all__ = ["neighborhood_overlap", "local_bridges", "constraint", "effective_size", "adjacency", "Adjacency"]

# scipy's sparse product, in multiply-adds per row block: its intermediate product
# holds up to this many entries, which caps the working memory at a few hundred MB.
_FLOPS_PER_BLOCK = 1 << 24
# Measured (20,000 nodes, mean degree 10 to 20): the triangle listing costs about
# 50 ns per candidate pair it tries plus 100 ns per triangle it finds; scipy's
# product 5 to 30 ns per multiply-add, the low end when the graph is so clustered
# that many wedges share their ends. The listing won by 2 to 20 times wherever
# fewer than half the candidate pairs closed (random, regular and heavy-tailed
# graphs); the product won on the Facebook ego networks (84% closed, 2.7 times
# faster) and on a small-world lattice (56%, 1.2 times).
_CLOSED_FOR_PRODUCT = 0.5


def _adjacency_of(G, weight) -> Adjacency:
    """``G``'s adjacency: ``G`` itself if it is one (whose weights are then fixed)."""
    if not isinstance(G, Adjacency):
        return adjacency(G, weight)
    if weight is not None and weight != G.weight:
        raise ValueError(f"this Adjacency was read with weight={G.weight!r}, not {weight!r}: "
                         f"read the graph again with adjacency(G, weight={weight!r})")
    return G


def _triangle_sums(s: Adjacency, X=None, Y=None, combine=np.multiply) -> np.ndarray:
    """``sum over w of combine(X[i, w], Y[j, w])`` for every entry ``(i, j)``.

    ``w`` ranges over the common neighbours of ``i`` and ``j`` other than
    themselves; ``X`` and ``Y`` are values aligned with ``s``'s entries. Without
    them, the number of such ``w``.
    """
    sums = np.zeros(s.row.size)
    T = s.transpose
    for ab, ac, bc in s.triangles():
        if X is None:
            # Each edge of a triangle gains one common neighbour; the transposes are added at the end.
            sums += np.bincount(np.concatenate((ab, ac, bc)), minlength=sums.size)
            continue
        ba, ca, cb = T[ab], T[ac], T[bc]
        # Entry (i, j) of a triangle, with third vertex w, gains combine(X[i, w], Y[j, w]).
        ij = np.concatenate((ab, ba, ac, ca, bc, cb))
        iw = np.concatenate((ac, bc, ab, cb, ba, ca))
        jw = np.concatenate((bc, ac, cb, ab, ca, ba))
        sums += np.bincount(ij, combine(X[iw], Y[jw]), minlength=sums.size)
    return sums + sums[T] if X is None else sums


def _product_sums(s: Adjacency, X, Y) -> np.ndarray:
    """``(X @ Y.T)`` on the off-diagonal entries of ``s``, diagonals of X and Y left out.

    The same sums as `_triangle_sums` with multiplication, by scipy's sparse
    product, in row blocks of about ``_FLOPS_PER_BLOCK`` multiply-adds so the
    intermediate product stays small.
    """
    off = ~s.diagonal
    shape, indptr = s.matrix.shape, s.matrix.indptr
    X = sp.csr_array((X * off, s.col, indptr), shape=shape)
    Y_T = sp.csr_array((Y[s.transpose] * off, s.col, indptr), shape=shape)
    mask = sp.csr_array((off.astype(float), s.col, indptr), shape=shape)
    keys = s.row * s.n + s.col  # ascending: the entries are stored row by row, sorted
    degree = np.diff(indptr)
    flops = np.bincount(s.row, degree[s.col], minlength=s.n)
    sums = np.zeros(keys.size)
    for lo, hi in _blocks(flops, _FLOPS_PER_BLOCK):
        block = (X[lo:hi] @ Y_T).multiply(mask[lo:hi]).tocoo()
        sums[np.searchsorted(keys, (block.row.astype(np.int64) + lo) * s.n + block.col)] = block.data
    return sums


def _common_neighbour_sums(s: Adjacency, X=None, Y=None) -> np.ndarray:
    """``sum over w of X[i, w] * Y[j, w]`` for every entry ``(i, j)``, ``w`` a common neighbour.

    Without ``X`` and ``Y``, the number of common neighbours. Two ways to the same
    sums: the triangle listing, unless most of the pairs it would try close a
    triangle, where scipy's sparse product is the faster.
    """
    if s.closed_share() < _CLOSED_FOR_PRODUCT:
        return _triangle_sums(s, X, Y)
    ones = np.ones(s.row.size)
    return _product_sums(s, ones if X is None else X, ones if Y is None else Y)


def _wedge_sums(s: Adjacency, X, Y) -> np.ndarray:
    """``sum over all neighbours w of i of X[i, w] * Y[j, w]`` for every entry ``(i, j)``.

    This is ``(X @ Y.T)`` on the pattern of ``s``. networkx's sums run over
    ``nx.all_neighbors``, which holds a node itself when it has a self-loop: so
    ``w = i`` and ``w = j`` count when ``i`` or ``j`` has one, and a diagonal
    entry ``(i, i)`` sums over every neighbour of ``i``.
    """
    sums = _common_neighbour_sums(s, X, Y)
    diagonal = s.diagonal
    loop_X, loop_Y = np.zeros(s.n), np.zeros(s.n)
    loop_X[s.row[diagonal]], loop_Y[s.row[diagonal]] = X[diagonal], Y[diagonal]
    sums += loop_X[s.row] * Y[s.transpose] + X * loop_Y[s.col]
    sums[diagonal] = _row_sums(s, X * Y)[s.row[diagonal]]
    return sums


def _isolated(s: Adjacency) -> np.ndarray:
    """Nodes with no neighbour but themselves, whose structural-hole measures are undefined."""
    return np.bincount(s.row[~s.diagonal], minlength=s.n) == 0


def _row_sums(s: Adjacency, values) -> np.ndarray:
    # bincount of nothing comes out as integers, which cannot hold nan
    return np.bincount(s.row, values, minlength=s.n).astype(float, copy=False)


def _row_max(s: Adjacency) -> np.ndarray:
    W = s.matrix
    maxima = np.zeros(s.n)
    filled = np.diff(W.indptr) > 0
    maxima[filled] = np.maximum.reduceat(W.data, W.indptr[:-1][filled])
    return maxima


def _normalised(s: Adjacency, scale) -> np.ndarray:
    """Mutual weights divided by their row's ``scale`` (networkx's normalized_mutual_weight)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return s.matrix.data / scale[s.row]


def _by_node(nodes: list, values: np.ndarray, requested) -> dict:
    if requested is None:
        return dict(zip(nodes, values.tolist()))
    index = dict(zip(nodes, range(len(nodes))))
    listed = values.tolist()
    return {v: listed[index[v]] for v in requested}


def _node_pairs(nodes: list, i: np.ndarray, j: np.ndarray) -> Iterator[tuple]:
    labels = np.fromiter(nodes, dtype=object, count=len(nodes))
    return zip(labels[i].tolist(), labels[j].tolist())


def neighborhood_overlap(G, weight=None) -> dict:
    r"""Returns the neighbourhood overlap of every edge of ``G``.

    The *neighbourhood overlap* of an edge ``(u, v)`` is the share of the
    neighbours of either endpoint that are neighbours of both [1]_ [2]_:

    .. math::

       O(u, v) = \frac{n_{uv}}{(k_u - 1) + (k_v - 1) - n_{uv}}

    where $n_{uv}$ is the number of common neighbours of $u$ and $v$ and $k_u$
    the degree of $u$. It is 0 for a local bridge and 1 when the endpoints share
    every other neighbour. It is defined as 0.0 when the denominator is 0 (an
    edge whose endpoints have no other neighbour).

    With ``weight``, the same ratio is taken with weights: the weighted Jaccard
    (Ruzicka) index of the two neighbourhoods, each endpoint left out,

    .. math::

       O_w(u, v) = \frac{\sum_w \min(a_{uw}, a_{vw})}{\sum_w \max(a_{uw}, a_{vw})},
       \quad w \notin \{u, v\},

    where $a_{uw}$ is the mutual weight of $u$ and $w$ (the sum of the weights
    of the edges joining them, as in :func:`constraint`). With unit weights it is
    exactly the unweighted overlap.

    Parameters
    ----------
    G : NetworkX graph or Adjacency
        Directed graphs are treated as undirected: a pair of nodes joined in
        either direction is one edge. Self-loops are ignored. An `Adjacency`
        (see `adjacency`) stands for the graph it was read from.

    weight : None or string, optional (default=None)
        If None, the overlap counts neighbours. Otherwise the edge attribute
        holding the weight; an edge without it has weight 1. An `Adjacency`
        carries its weights: leave this None, or give the same name.

    Returns
    -------
    dict
        ``{(u, v): overlap}`` with one key per edge, oriented as ``G.edges``
        orients it (the endpoint that comes first in ``list(G)`` first).

    Raises
    ------
    ValueError
        If ``G`` is an `Adjacency` read with another ``weight``.

    See Also
    --------
    adjacency : reads a graph once for several measures.
    local_bridges : the edges whose overlap is 0, with their span.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (2, 3)])
    >>> neighborhood_overlap(G)
    {(0, 1): 1.0, (0, 2): 0.5, (1, 2): 0.5, (2, 3): 0.0}

    References
    ----------
    .. [1] Onnela, J.-P., Saramäki, J., Hyvönen, J., Szabó, G., Lazer, D.,
           Kaski, K., Kertész, J. and Barabási, A.-L.
           "Structure and tie strengths in mobile communication networks".
           *PNAS* 104(18):7332–7336, 2007.
    .. [2] Easley, D. and Kleinberg, J.
           *Networks, Crowds, and Markets*, chapter 3.
           Cambridge University Press, 2010.
    """
    s = _adjacency_of(G, weight)
    row, col = s.row, s.col
    off = ~s.diagonal
    if s.weight is None:
        # Every tie weighs 1, whatever its direction.
        a = off.astype(float)
        shared = _common_neighbour_sums(s)
    else:
        a = np.where(off, s.matrix.data, 0.0)
        shared = _triangle_sums(s, a, a, np.minimum)
    strength = _row_sums(s, a)
    edge = row < col
    union = strength[row[edge]] + strength[col[edge]] - a[edge] - a[s.transpose[edge]] - shared[edge]
    overlap = np.divide(shared[edge], union, out=np.zeros(union.size), where=union > 0)
    return dict(zip(_node_pairs(s.nodes, row[edge], col[edge]), overlap.tolist()))


@nx.utils.not_implemented_for("multigraph")
def local_bridges(G, with_span=True, weight=None) -> Iterator[tuple]:
    """Iterate over the local bridges of ``G``, optionally with their span.

    A *local bridge* is an edge whose endpoints have no common neighbour, that
    is an edge in no triangle [1]_. Its *span* is the length of a shortest path
    between its endpoints once the edge is removed (``inf`` if there is none).
    The results are those of ``nx.local_bridges``: the same edges, oriented the
    same way, with the same spans. As in networkx, an edge at a node with a
    self-loop is never a local bridge (the node counts as its own neighbour).

    Parameters
    ----------
    G : NetworkX graph
        Undirected. A directed graph is taken as its undirected view
        ``G.to_undirected(as_view=True)`` (networkx refuses directed graphs).

    with_span : bool (default=True)
        If True, yield ``(u, v, span)``; otherwise ``(u, v)``.

    weight : function, string or None (default=None)
        Edge weights for the span, as in ``nx.local_bridges``: None for hop
        counts, an edge attribute (missing means 1), or a function
        ``weight(u, v, data)`` returning the weight or None to hide the edge.

    Yields
    ------
    tuple
        ``(u, v)`` or ``(u, v, span)``, ``u`` being the endpoint that comes first
        in ``list(G)``. Bridges come in that node order (networkx follows the
        adjacency order for ``v``, so compare the two as sets). Spans are ints
        when unweighted; weighted spans are floats, equal to networkx's up to
        rounding (the search runs from both ends).

    Raises
    ------
    NetworkXNotImplemented
        If ``G`` is a multigraph.

    Notes
    -----
    Which edges are local bridges is found for all edges at once from triangle
    counts; a span is then searched for, lazily, only for each bridge yielded:
    breadth-first (or Dijkstra with ``weight``) from both endpoints at once.

    Examples
    --------
    A cycle graph has every edge a local bridge with span N-1.

    >>> G = nx.cycle_graph(9)
    >>> (0, 8, 8) in set(local_bridges(G))
    True

    References
    ----------
    .. [1] Easley, D. and Kleinberg, J.
           *Networks, Crowds, and Markets*, chapter 3.
           Cambridge University Press, 2010.
    """
    s = adjacency(G)
    row, col = s.row, s.col
    looped = np.zeros(s.n, dtype=bool)
    looped[row[s.diagonal]] = True
    bridge = (row < col) & (_common_neighbour_sums(s) == 0) & ~looped[row] & ~looped[col]
    pairs = zip(row[bridge].tolist(), col[bridge].tolist())
    return _yield_bridges(G, s, pairs, with_span is True, weight)


def _yield_bridges(G, s: Adjacency, pairs, with_span: bool, weight) -> Iterator[tuple]:
    nodes = s.nodes
    if not with_span:
        for i, j in pairs:
            yield nodes[i], nodes[j]
        return
    span = _span_search(G, s, weight)
    for i, j in pairs:
        yield nodes[i], nodes[j], span(i, j)


def _span_search(G, s: Adjacency, weight) -> Callable[[int, int], float]:
    """A function giving the distance between two adjacent nodes without their edge."""
    if weight is None:
        off = ~s.diagonal
        neighbours = _split_rows(s.row[off], s.col[off], s.n)
        return lambda u, v: _bfs_span(neighbours, u, v)
    view = G.to_undirected(as_view=True) if G.is_directed() else G
    _, rows, cols, costs = adjacency_entries(view, weight)
    # Costs are read per direction, as networkx's Dijkstra reads them: an undirected
    # view of a digraph, or a weight function, may weigh u->v and v->u differently.
    forward = (_split_rows(rows, cols, s.n), _split_rows(rows, costs, s.n))
    backward = (_split_rows(cols, rows, s.n), _split_rows(cols, costs, s.n))
    return lambda u, v: _dijkstra_span(forward, backward, u, v)


def _split_rows(rows: np.ndarray, values: np.ndarray, n: int) -> list[list]:
    """``values`` grouped by ``rows``, as one Python list per row (fast to walk one by one)."""
    order = np.argsort(rows, kind="stable")
    bounds = np.cumsum(np.bincount(rows, minlength=n))[:-1]
    return [part.tolist() for part in np.split(values[order], bounds)]


def _bfs_span(neighbours: list[list[int]], u: int, v: int) -> float:
    """Hop distance from ``u`` to ``v`` without the edge ``(u, v)``, a local bridge; ``inf`` if none.

    Breadth-first from both ends, a whole level of the smaller frontier at a time,
    each node's neighbours handled by set operations. As long as the two searches
    have not met, no path is shorter than the sum of their depths plus one, so
    the first neighbour list that meets the other side gives a shortest path.
    """
    # Depth 1 on each side: the edge itself is gone, and a local bridge has no
    # common neighbour, so the two sides start apart.
    frontier = [set(neighbours[u]) - {v}, set(neighbours[v]) - {u}]
    seen = (frontier[0] | {u}, frontier[1] | {v})
    depth = [1, 1]
    while frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        other = seen[1 - side]
        reached = set()
        for x in frontier[side]:
            if not other.isdisjoint(neighbours[x]):
                return depth[0] + depth[1] + 1
            reached.update(neighbours[x])
        frontier[side] = reached - seen[side]
        seen[side].update(frontier[side])
        depth[side] += 1
    return math.inf


def _dijkstra_span(forward, backward, u: int, v: int) -> float:
    """Weighted distance from ``u`` to ``v`` without the edge ``(u, v)``, ``inf`` if none.

    Bidirectional Dijkstra: it stops once the two smallest tentative distances
    add up to no less than the best path found so far.
    """
    graphs = (forward, backward)
    tentative = ({u: 0.0}, {v: 0.0})
    settled: tuple[set, set] = (set(), set())
    heaps = ([(0.0, u)], [(0.0, v)])
    best = math.inf
    while heaps[0] and heaps[1] and heaps[0][0][0] + heaps[1][0][0] < best:
        side = 0 if heaps[0][0][0] <= heaps[1][0][0] else 1
        d, x = heapq.heappop(heaps[side])
        if x in settled[side]:
            continue
        settled[side].add(x)
        mine, theirs = tentative[side], tentative[1 - side]
        targets, costs = graphs[side]
        for y, cost in zip(targets[x], costs[x]):
            if (x == u and y == v) or (x == v and y == u):  # the removed edge
                continue
            dy = d + cost
            if dy < mine.get(y, math.inf):
                mine[y] = dy
                heapq.heappush(heaps[side], (dy, y))
            if y in theirs:
                best = min(best, dy + theirs[y])
    return best


def constraint(G, nodes=None, weight=None) -> dict:
    r"""Returns Burt's constraint on the nodes of ``G``.

    The *constraint* on a node $v$ measures how much $v$'s relationships are
    invested in contacts who are themselves invested in one another [1]_:

    .. math::

       c(v) = \sum_{w \in N(v)} \left(p_{vw} + \sum_{q \in N(v)} p_{vq} p_{qw}\right)^2

    where $p_{vw}$ is the normalised mutual weight of $v$ and $w$: the sum of
    the weights of the edges joining them, divided by the same sum over all of
    $v$'s neighbours. The results equal ``nx.constraint``.

    Parameters
    ----------
    G : NetworkX graph or Adjacency
        Directed or undirected. For a directed graph, neighbours are
        predecessors and successors, and mutual weights add both directions.
        An `Adjacency` (see `adjacency`) stands for the graph it was read from.

    nodes : container, optional
        Nodes to compute the constraint of. If None, every node.

    weight : None or string, optional (default=None)
        If None, every edge has weight 1. Otherwise the edge attribute holding
        the weight; an edge without it has weight 1. An `Adjacency` carries its
        weights: leave this None, or give the same name.

    Returns
    -------
    dict
        Node -> constraint. ``nan`` for a node with no neighbour but itself.

    Raises
    ------
    ValueError
        If ``G`` is an `Adjacency` read with another ``weight``.

    See Also
    --------
    adjacency : reads a graph once for several measures.
    effective_size

    Notes
    -----
    A self-loop makes a node its own neighbour in the sums, as in networkx.
    A node whose only edges are self-loops gets ``nan``, like an isolated node.
    (networkx decides this differently in its two code paths: with
    ``nodes=None`` it tests a mix of raw and normalised weights, so a weighted
    self-loop-only node gets 4.0; with ``nodes`` given, any self-loop-only node
    gets 4.0 and a digraph node without successors gets ``nan``.)

    The sums over common neighbours are gathered from the triangles of the
    graph; memory stays linear in the number of edges. When several measures
    look at one graph, read it once with `adjacency` and pass that.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (2, 3)])
    >>> {v: round(c, 4) for v, c in constraint(G).items()}
    {0: 1.0069, 1: 1.0069, 2: 0.6111, 3: 1.0}
    >>> A = adjacency(G)  # read once, for several measures
    >>> constraint(A) == constraint(G)
    True

    References
    ----------
    .. [1] Burt, R. S.
           *Structural Holes: The Social Structure of Competition.*
           Cambridge: Harvard University Press, 1992.
    """
    s = _adjacency_of(G, weight)
    p = _normalised(s, _row_sums(s, s.matrix.data))
    indirect = _wedge_sums(s, p, p[s.transpose])  # (P @ P)[i, j]: sum over q of p_iq p_qj
    local = np.where(p > 0, (p + indirect) ** 2, 0.0)
    values = _row_sums(s, local)
    values[_isolated(s)] = math.nan
    return _by_node(s.nodes, values, nodes)


def effective_size(G, nodes=None, weight=None) -> dict:
    r"""Returns the effective size of the ego network of the nodes of ``G``.

    The *effective size* of a node's ego network is the number of its contacts
    less their redundancy, the extent to which they are tied to one another [1]_:

    .. math::

       e(u) = \sum_{v \in N(u)} \left(1 - \sum_{w \in N(u)} p_{uw} m_{vw}\right)

    where $p_{uw}$ is the mutual weight of $u$ and $w$ normalised by the sum of
    $u$'s mutual weights and $m_{vw}$ the mutual weight of $v$ and $w$
    normalised by $v$'s largest one. For undirected unweighted graphs this is
    Borgatti's $e(u) = n - 2t/n$, $n$ being the number of contacts and $t$ the
    number of ties among them [2]_.

    Parameters
    ----------
    G : NetworkX graph or Adjacency
        Directed or undirected. For a directed graph, neighbours are
        predecessors and successors, and mutual weights add both directions.
        An `Adjacency` (see `adjacency`) stands for the graph it was read from.

    nodes : container, optional
        Nodes to compute the effective size of. If None, every node.

    weight : None or string, optional (default=None)
        If None, every edge has weight 1. Otherwise the edge attribute holding
        the weight; an edge without it has weight 1. An `Adjacency` carries its
        weights: leave this None, or give the same name.

    Returns
    -------
    dict
        Node -> effective size. ``nan`` for a node with no neighbour but itself.

    Raises
    ------
    ValueError
        If ``G`` is an `Adjacency` read with another ``weight``.

    See Also
    --------
    adjacency : reads a graph once for several measures.
    constraint

    Notes
    -----
    The results equal networkx's definition, that is ``nx.effective_size(G,
    nodes=...)``. With ``nodes=None`` and weights (or a directed graph),
    networkx 3.6 divides $m_{vw}$ by $w$'s largest mutual weight instead of
    $v$'s (a broadcasting slip, networkx PR #8906); its results then differ from
    its own per-node ones and from these. Two more corners where networkx's two
    paths disagree and this function follows the definition: a self-loop makes
    a node its own neighbour (Borgatti's shortcut, which networkx uses for
    ``nodes=`` on undirected unweighted graphs, ignores that), and a digraph
    node with predecessors but no successors has a size (networkx's per-node
    path gives it ``nan``).

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (2, 3)])
    >>> effective_size(G)
    {0: 1.0, 1: 1.0, 2: 2.3333333333333335, 3: 1.0}

    References
    ----------
    .. [1] Burt, R. S.
           *Structural Holes: The Social Structure of Competition.*
           Cambridge: Harvard University Press, 1992.
    .. [2] Borgatti, S. P.
           "Structural Holes: Unpacking Burt's Redundancy Measures".
           *Connections* 20(1):35–38, 1997.
    """
    s = _adjacency_of(G, weight)
    p = _normalised(s, _row_sums(s, s.matrix.data))
    m = _normalised(s, _row_max(s))
    redundancy = _wedge_sums(s, p, m)  # sum over w of p_uw m_vw
    values = _row_sums(s, np.where(p > 0, 1.0 - redundancy, 0.0))
    values[_isolated(s)] = math.nan
    return _by_node(s.nodes, values, nodes)
