"""A graph's adjacency as sparse arrays, read once and shared by the structural measures.

The structural measures of :mod:`netgraph.algorithms.structure` compute on sparse
arrays, not on networkx's dicts of dicts. Reading a networkx graph into arrays
takes a Python step per adjacency entry, which costs more than the measures' own
vectorised work; :func:`adjacency` does it once, and the measures accept its
result, an :class:`Adjacency`, in place of the graph.

An `Adjacency` is a snapshot: it does not follow later edits of the graph it was
read from. That is why it is an object the caller holds and passes, rather than a
cache kept on the graph, which could not tell that the graph had changed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import chain, compress, repeat
from operator import itemgetter, methodcaller

import numpy as np
import scipy.sparse as sp

__all__ = ["Adjacency", "adjacency", "adjacency_entries"]

# Candidate triangles (pairs of out-neighbours) handled per vectorised step: small
# enough that a step's arrays stay in the processor's cache (a few MB), large enough
# that numpy's per-call overhead is spread over many pairs.
_PAIRS_PER_BLOCK = 1 << 18
# Pairs drawn to estimate the share that close a triangle: a standard error of at
# most 0.8 percentage points, for a millisecond.
_SAMPLED_PAIRS = 4096


class Adjacency:
    """The undirected pattern of a graph and its mutual weights, as a CSR array.

    The structural measures of :mod:`netgraph.algorithms.structure` take one in
    place of a graph: build it once with :func:`adjacency` and pass it to each.

    Parameters
    ----------
    nodes : sequence
        The nodes, in the order of the rows and columns of ``matrix``.

    matrix : scipy sparse array or matrix, n x n
        Symmetric. Entry ``(i, j)`` is networkx's *mutual weight* of nodes ``i``
        and ``j``, ``a_ij + a_ji`` (so twice the weight of an undirected edge),
        and ``2 * a_ii`` on the diagonal for a self-loop. Every stored entry is an
        edge, a stored zero one of weight zero.

    weight : string or None, optional (default=None)
        The edge attribute the weights were read from; None when every edge
        weighs 1 (the values then count edges, which differ only in a
        multigraph). `neighborhood_overlap` counts shared neighbours when it is
        None and weighs them otherwise.

    Attributes
    ----------
    nodes : list
        As given.
    matrix : scipy.sparse.csr_array
        The mutual weights, float, canonical (sorted indices, no duplicates).
    weight : string or None
        As given.
    row, col : numpy.ndarray
        Row and column of every stored entry, in storage order (int64).
    transpose : numpy.ndarray
        For every stored entry ``(i, j)``, the position of entry ``(j, i)``.

    Raises
    ------
    ValueError
        If ``matrix`` is not square with one row per node, or not symmetric.

    See Also
    --------
    adjacency : reads one from a networkx graph.

    Notes
    -----
    Nothing ties an `Adjacency` to the graph it was read from: after editing the
    graph, read it again.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> A = Adjacency(["a", "b"], sp.csr_array([[0.0, 2.0], [2.0, 0.0]]))
    >>> A.transpose.tolist()
    [1, 0]
    """

    def __init__(self, nodes, matrix, weight=None):
        nodes = list(nodes)
        n = len(nodes)
        if matrix.shape != (n, n):
            raise ValueError(f"the matrix is {matrix.shape[0]} x {matrix.shape[1]}, for {n} nodes")
        W = sp.csr_array(matrix, dtype=float)
        if not W.has_canonical_format:
            W = W.copy()  # sum_duplicates works in place: the caller's array stays as it was
            W.sum_duplicates()
        # The pattern is symmetric, so listing the entries column by column lists
        # their transposes in row order.
        transpose = sp.csr_array((np.arange(W.nnz), W.indices, W.indptr), shape=(n, n)).tocsc().data
        row = np.repeat(np.arange(n, dtype=np.int64), np.diff(W.indptr))
        col = W.indices.astype(np.int64)
        mirrored = np.array_equal(row[transpose], col) and np.array_equal(col[transpose], row)
        if not (mirrored and np.array_equal(W.data[transpose], W.data)):
            raise ValueError("the matrix is not symmetric: it must hold mutual weights a_ij + a_ji")
        self.nodes, self.matrix, self.weight = nodes, W, weight
        self.row, self.col, self.transpose = row, col, transpose

    def __repr__(self) -> str:
        return f"<Adjacency of {self.n} nodes, {self.matrix.nnz} entries, weight={self.weight!r}>"

    @property
    def n(self) -> int:
        """The number of nodes."""
        return len(self.nodes)

    @property
    def diagonal(self) -> np.ndarray:
        """Which stored entries are self-loops."""
        return self.row == self.col

    def triangles(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Blocks of the triangles of the graph (self-loops aside).

        Each triangle ``{a, b, c}`` comes once, as the positions of three of its
        stored entries, ``(a, b)``, ``(a, c)`` and ``(b, c)``; the positions of
        the other three are given by `transpose`.

        Notes
        -----
        Edges are pointed from lower to higher (degree, index) rank; a triangle
        is then found once, at its lowest-ranked vertex, as two of its
        out-neighbours that are adjacent. Out-degrees are at most ``sqrt(2m)``,
        so there are ``O(m^1.5)`` such pairs to try instead of the sum of squared
        degrees [1]_. Each pair is looked up in the out-list of its lower-ranked
        node by scipy's indexing (a binary search in a short sorted row).

        References
        ----------
        .. [1] Chiba, N. and Nishizeki, T.
               "Arboricity and subgraph listing algorithms".
               *SIAM Journal on Computing* 14(1):210–223, 1985.
        """
        U, partners = self._oriented
        out, position = U.indices, U.data
        for lo, hi in _blocks(partners, _PAIRS_PER_BLOCK):
            count = partners[lo:hi]
            ends = np.cumsum(count)
            if not ends[-1]:
                continue
            # Every pair (b, c) of out-neighbours of a node, b before c in its
            # sorted out-list: b is out entry k, c one of the count[k] entries after it.
            b = np.repeat(out[lo:hi], count)
            c_entry = np.arange(ends[-1]) + np.repeat(np.arange(lo + 1, hi + 1) - (ends - count), count)
            found = U[b, out[c_entry]]  # 1 + the position of entry (b, c); 0 if b and c are not adjacent
            closed = np.flatnonzero(found)
            b_entry = lo + np.searchsorted(ends, closed, side="right")
            yield position[b_entry] - 1, position[c_entry[closed]] - 1, found[closed] - 1

    def closed_share(self, *, sample=_SAMPLED_PAIRS, seed=0) -> float:
        """The share of the pairs `triangles` tries that close a triangle, estimated.

        Estimated on ``sample`` pairs drawn with a fixed ``seed`` (so the same
        graph always gives the same estimate); 0.0 when there is no pair to try.
        """
        U, partners = self._oriented
        ends = np.cumsum(partners)
        if not ends.size or not ends[-1]:
            return 0.0
        pair = np.random.default_rng(seed).integers(ends[-1], size=sample)
        b_entry = np.searchsorted(ends, pair, side="right")
        c_entry = b_entry + 1 + pair - (ends[b_entry] - partners[b_entry])
        return float(np.count_nonzero(U[U.indices[b_entry], U.indices[c_entry]]) / sample)

    @cached_property
    def _oriented(self) -> tuple[sp.csr_array, np.ndarray]:
        """The graph pointed up the (degree, index) ranking, nodes renumbered by rank.

        An upper-triangular CSR array whose entry ``(b, c)`` holds 1 + the
        position of the stored entry it comes from, and for each of its entries
        the number of entries after it in its row. Computed on first use and kept:
        it depends on the pattern alone, which an `Adjacency` never changes.
        """
        n, row, col = self.n, self.row, self.col
        off = row != col
        rank = np.empty(n, dtype=self.matrix.indices.dtype)
        rank[np.argsort(np.bincount(row[off], minlength=n), kind="stable")] = np.arange(n)
        up = np.flatnonzero(off & (rank[row] < rank[col]))
        U = sp.csr_array((up + 1, (rank[row[up]], rank[col[up]])), shape=(n, n))
        U.sort_indices()
        ends = U.indptr[1:][np.repeat(np.arange(n), np.diff(U.indptr))]
        return U, ends - np.arange(U.nnz) - 1


def _blocks(work: np.ndarray, budget: int) -> Iterator[tuple[int, int]]:
    """Consecutive ranges of items whose ``work`` adds up to about ``budget`` each."""
    ends = np.cumsum(work)
    total = ends[-1] if ends.size else 0
    cuts = np.searchsorted(ends, np.arange(budget, total, budget), side="right")
    bounds = np.unique(np.r_[0, cuts, work.size]).tolist()
    return zip(bounds, bounds[1:])


def adjacency(G, weight=None) -> Adjacency:
    """Returns the adjacency of ``G`` as sparse arrays, for the structural measures.

    Reading a networkx graph costs a Python step per adjacency entry; the
    measures of :mod:`netgraph.algorithms.structure` (`constraint`,
    `effective_size`, `neighborhood_overlap`) take the result in place of ``G``,
    so that several of them, or several calls, share one read.

    Parameters
    ----------
    G : NetworkX graph
        Directed or undirected, multigraph or not. A directed graph's pairs are
        taken as undirected, with both directions' weights added.

    weight : None or string, optional (default=None)
        If None, every edge has weight 1. Otherwise the edge attribute holding
        the weight; an edge without it has weight 1.

    Returns
    -------
    Adjacency
        Nodes in ``list(G)`` order; the mutual weight ``a_uv + a_vu`` of every
        pair of neighbours, as networkx's structural-hole measures define it
        (parallel edges of a multigraph added).

    See Also
    --------
    Adjacency
    netgraph.algorithms.structure.constraint

    Notes
    -----
    The result is a snapshot: it does not change when ``G`` does.

    Examples
    --------
    >>> import networkx as nx
    >>> from netgraph.algorithms.structure import constraint
    >>> G = nx.Graph([(0, 1, {"w": 2.0}), (1, 2, {"w": 1.0})])
    >>> A = adjacency(G, weight="w")
    >>> A.matrix.toarray().tolist()
    [[0.0, 4.0, 0.0], [4.0, 0.0, 2.0], [0.0, 2.0, 0.0]]
    >>> constraint(A) == constraint(G, weight="w")
    True
    """
    nodes, rows, cols, values = adjacency_entries(G, weight, once=True)
    if G.is_directed():
        # The mutual weight a_uv + a_vu: the adjacency plus its transpose.
        rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
        values = np.concatenate([values, values])
    else:
        # nx.adjacency_matrix reads an undirected edge once, from its earlier endpoint
        # (which matters for undirected views of digraphs), and mirrors it; the
        # mutual weight is then twice that.
        values = 2 * values
        off = rows != cols
        rows, cols, values = (
            np.concatenate([rows, cols[off]]),
            np.concatenate([cols, rows[off]]),
            np.concatenate([values, values[off]]),
        )
    n = len(nodes)
    # COO -> CSR sums duplicates without dropping zero sums: zero-weight edges stay edges.
    W = sp.coo_array((values, (rows, cols)), shape=(n, n)).tocsr()
    W.sum_duplicates()
    return Adjacency(nodes, W, weight)


def adjacency_entries(G, weight=None, *, once=False):
    """Rows, columns and values of every adjacency entry of ``G``, as networkx reads them.

    Entries follow ``G.adj`` (successors for a digraph): an undirected edge appears
    once from each end, a self-loop once; with ``once``, an undirected edge appears
    only from its endpoint earlier in ``list(G)`` (a digraph's entries are all
    kept). ``weight`` is None (every entry is 1), an edge attribute name (missing
    means 1; parallel edges of a multigraph are summed, as in
    ``nx.to_scipy_sparse_array``), or a function ``weight(u, v, data)`` as
    networkx's shortest-path functions take it, whose ``None`` hides the entry.

    Returns ``(nodes, rows, cols, values)`` with nodes in ``list(G)`` order.
    """
    nodes = list(G)
    index = dict(zip(nodes, range(len(nodes))))
    # The raw adjacency mapping: iterating it through map/fromiter keeps the per-entry
    # work in C, several times faster than G.edges(data=...).
    adjacency = G._adj
    neighbours = list(map(adjacency.__getitem__, nodes))
    degree = np.fromiter(map(len, neighbours), dtype=np.intp, count=len(nodes))
    rows = np.repeat(np.arange(len(nodes)), degree)
    # One itemgetter call looks every neighbour up in C, faster than a lookup per map step.
    cols = np.array(itemgetter(*chain.from_iterable(neighbours))(index) if rows.size > 1 else
                    [index[v] for v in chain.from_iterable(neighbours)], dtype=np.intp)
    kept = rows <= cols if once and not G.is_directed() else None
    if kept is not None:
        rows, cols = rows[kept], cols[kept]
    if weight is None and not G.is_multigraph():
        return nodes, rows, cols, np.ones(rows.size)
    values = np.fromiter(_entry_values(G, nodes, neighbours, weight, kept), dtype=float, count=rows.size)
    if not callable(weight):
        return nodes, rows, cols, values
    shown = ~np.isnan(values)  # the entries a weight function hid
    return nodes, rows[shown], cols[shown], values[shown]


def _entry_values(G, nodes, neighbours, weight, kept) -> Iterable[float]:
    """The value of every adjacency entry, in the order of `adjacency_entries`.

    Only the entries ``kept`` (all if None) are read: an undirected edge's data is
    one dict seen from both ends, and reading edge data is the slowest step here
    (one cache miss per dict).
    """
    if callable(weight):
        pairs: Iterator[tuple] = ((u, v, data) for u, nbrs in zip(nodes, neighbours) for v, data in nbrs.items())
        if kept is not None:
            pairs = compress(pairs, kept.tolist())
        values = (weight(u, v, data) for u, v, data in pairs)
        return (math.nan if value is None else value for value in values)
    datas: Iterator[dict] = chain.from_iterable(map(methodcaller("values"), neighbours))
    if kept is not None:
        datas = compress(datas, kept.tolist())
    if G.is_multigraph():
        return (sum(data.get(weight, 1) for data in keydict.values()) for keydict in datas)
    return map(dict.get, datas, repeat(weight), repeat(1))
