"""netgraph.structure and netgraph.communities against networkx and igraph, side by side.

Builds a seeded graph with heavy-tailed degrees and strong clustering
(``nx.powerlaw_cluster_graph``, Holme & Kim 2002) carrying a symmetric
``strength`` in (0, 1] on every edge, then times, in this process and one after
the other, each netgraph measure and its reference:

=================================== ================================== =========================================
row                                 netgraph                           reference
=================================== ================================== =========================================
constraint vs networkx              constraint(G)                      nx.constraint(G)
constraint kernel vs igraph kernel  constraint(A), A read beforehand   igraph's C constraint, graph already in igraph
constraint from G vs igraph from G  constraint(G)                      G -> igraph.Graph, then igraph's constraint
read the graph                      adjacency(G, weight)               G -> igraph.Graph and its weight list
effective_size vs networkx          effective_size(G)                  nx.effective_size(G) (*)
local_bridges vs networkx           local_bridges(G), spans            nx.local_bridges(G), spans (*)
overlap kernel vs networkx loop     neighborhood_overlap(A)            nx.common_neighbors on every edge (*)
overlap from G vs networkx loop     neighborhood_overlap(G)            the same loop (*)
clusters vs networkx                communities.clusters(G)            nx.community.louvain_communities(G)
=================================== ================================== =========================================

The kernel rows compare like with like: each library starting from the graph
already in its own structure (netgraph's `Adjacency`, igraph's `Graph`), as a
program computing several measures on one graph would. The "from G" rows start
from the networkx graph for both, reading it included. The networkx loop for the
overlap builds the same ``{(u, v): overlap}`` dict netgraph returns.

(*) networkx is too slow or too big for these at scale: ``nx.effective_size(G)``
holds two dense n x n float arrays at once (6 GB at 20,000 nodes), so when they
exceed ``--dense-gb`` it is timed on a fixed random sample of nodes (``nodes=``,
its per-node path) and the time scaled by n / sample; the per-edge references
are stopped after ``--budget`` seconds and scaled by the share of the work done.
Such times are labelled "extrapolated".

Each time is the best of up to ``--repeat`` runs (fewer once a side has run for
``--budget`` seconds), for both sides alike: on a machine shared with other work
the best run is the one least disturbed.

Peak MB is netgraph's own peak, measured in a second, untimed run under
``tracemalloc``, which sees numpy and scipy buffers (numpy reports them to it)
but not memory allocated inside igraph's C library. The process's maximum
resident size is printed at the end.

Run ``python benchmarks/bench_structure.py [--sizes 1000,10000,20000]
[--edges-per-node 5] [--budget 30] [--dense-gb 8] [--repeat 5] [--no-reference]``;
``run(sizes)`` returns the rows for a top-level runner.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator

import igraph
import networkx as nx
import numpy as np

from netgraph.algorithms import communities, structure

WEIGHT = "strength"
SAMPLE_NODES = 200
SEED = 0


def make_graph(n: int, edges_per_node: int, seed: int = SEED) -> nx.Graph:
    """About ``n * edges_per_node`` edges, power-law degrees, half the new edges closing triangles."""
    G = nx.powerlaw_cluster_graph(n, edges_per_node, 0.5, seed=seed)
    strengths = np.random.default_rng(seed).uniform(0.05, 1.0, G.number_of_edges())
    for (u, v), strength in zip(G.edges, strengths.tolist()):
        G[u][v][WEIGHT] = strength
    return G


def best_time(function: Callable, *args, repeat: int = 1, budget: float = float("inf"),
              setup: Callable[[], tuple] | None = None):
    """The shortest of up to ``repeat`` runs (stopping once they add up to ``budget`` s), and the result.

    ``setup()``, untimed, gives each run its arguments afresh.
    """
    times, spent = [], 0.0
    while len(times) < repeat and spent < budget:
        if setup is not None:
            args = setup()
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
        spent += times[-1]
    return min(times), result


def peak_mb(function: Callable, *args) -> float:
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def budgeted(items: Iterable, total: int, budget: float, unit: str) -> tuple[float, str]:
    """Time consuming ``items`` (``total`` of them), stopping after ``budget`` seconds."""
    start = time.perf_counter()
    done = 0
    for _ in items:
        done += 1
        if time.perf_counter() - start > budget:
            break
    elapsed = time.perf_counter() - start
    if done >= total:
        return elapsed, ""
    return elapsed * total / done, f"extrapolated from {done:,} of {total:,} {unit}"


def overlaps_with_networkx(G) -> Iterator[tuple]:
    """Onnela's overlap edge by edge with ``nx.common_neighbors``, as ``((u, v), overlap)``."""
    degree = G.degree
    for u, v in G.edges:
        shared = sum(1 for _ in nx.common_neighbors(G, u, v))
        denominator = degree[u] + degree[v] - 2 - shared
        yield (u, v), shared / denominator if denominator else 0.0


def overlap_loop(G, budget: float) -> tuple[float, str]:
    """The per-edge loop, building the dict netgraph returns; best of a few runs while under ``budget``."""
    total = G.number_of_edges()
    runs = []
    while sum(seconds for seconds, _ in runs) < budget / 3 and len(runs) < 3:
        result = {}
        runs.append(budgeted((result.__setitem__(*item) for item in overlaps_with_networkx(G)), total, budget,
                             "edges"))
        if runs[-1][1]:  # extrapolated: once is enough
            break
    return min(runs)


def read_into_igraph(G) -> tuple[igraph.Graph, list]:
    """G as an igraph Graph (nodes numbered in ``list(G)`` order) and its weights, one per edge."""
    index = {node: i for i, node in enumerate(G)}
    graph = igraph.Graph(n=len(index))
    graph.add_edges([(index[u], index[v]) for u, v in G.edges])
    return graph, [d.get(WEIGHT, 1) for _, _, d in G.edges(data=True)]


def igraph_from_networkx(G):
    graph, weights = read_into_igraph(G)
    return graph.constraint(weights=weights)


def effective_size_reference(G, dense_gb: float) -> tuple[float, str]:
    if 2 * 8 * len(G) ** 2 <= dense_gb * 2**30:
        return best_time(lambda: nx.effective_size(G, weight=WEIGHT))[0], ""
    nodes = list(G)
    sample = [nodes[i] for i in np.random.default_rng(SEED).choice(len(nodes), SAMPLE_NODES, replace=False)]
    seconds = best_time(lambda: nx.effective_size(G, nodes=sample, weight=WEIGHT))[0]
    return seconds * len(nodes) / SAMPLE_NODES, f"extrapolated from {SAMPLE_NODES} random nodes"


def run(sizes: Iterable[int] = (20_000,), edges_per_node: int = 5, budget: float = 30.0, dense_gb: float = 8.0,
        with_reference: bool = True, on_row: Callable[[dict], None] | None = None,
        make: Callable[[int], nx.Graph] | None = None, repeat: int = 5) -> list[dict]:
    """Time every comparison on a graph of each size; one dict per (row, size).

    ``make(n)`` builds the graph of size n (default: `make_graph` with
    ``edges_per_node``); ``on_row`` is called with each row as soon as it is measured.
    """
    warm_up = nx.karate_club_graph()  # first calls import igraph and scipy modules: not what is measured
    structure.constraint(structure.adjacency(warm_up, weight="weight"))
    list(structure.local_bridges(warm_up))
    structure.neighborhood_overlap(warm_up)
    communities.clusters(warm_up, seed=SEED, weight="weight")
    igraph_from_networkx(warm_up)
    rows: list[dict] = []

    def record(row: dict) -> None:
        rows.append(row)
        if on_row is not None:
            on_row(row)

    for n in sizes:
        G = make(n) if make is not None else make_graph(n, edges_per_node)
        compare(G, n, budget, dense_gb, with_reference, repeat, record)
    return rows


def compare(G, n: int, budget: float, dense_gb: float, with_reference: bool, repeat: int,
            on_row: Callable[[dict], None]) -> None:
    """Every comparison on ``G`` (of ``n`` nodes), each row passed to ``on_row`` once measured."""
    m = G.number_of_edges()

    def measure(name, ours, *args, setup=None, reference=None, note=""):
        """Time ``ours(*args)`` and the ``reference()`` (seconds, note), best of ``repeat``."""
        seconds, _ = best_time(ours, *args, repeat=repeat, budget=budget, setup=setup)
        row = {"measure": name, "n": n, "m": m, "netgraph_s": seconds, "reference_s": None, "ratio": None,
               "peak_mb": peak_mb(ours, *(setup() if setup else args)), "note": note}
        if with_reference and reference is not None:
            row["reference_s"], extra = reference()
            row["ratio"] = row["reference_s"] / seconds
            row["note"] = "; ".join(filter(None, [note, extra]))
        on_row(row)

    def timing(function):
        return lambda: (best_time(function, repeat=repeat, budget=budget)[0], "")

    # The kernels start from a fresh Adjacency each run: the degree-ordered index
    # an Adjacency builds on first use is the kernels' work, not reused across runs.
    def weighted():
        return (structure.adjacency(G, weight=WEIGHT),)

    def unweighted():
        return (structure.adjacency(G),)

    graph, weights = read_into_igraph(G)
    measure("constraint vs networkx", structure.constraint, G, None, WEIGHT,
            reference=timing(lambda: nx.constraint(G, weight=WEIGHT)))
    measure("constraint kernel vs igraph kernel", structure.constraint, setup=weighted,
            reference=timing(lambda: graph.constraint(weights=weights)))
    measure("constraint from G vs igraph from G", structure.constraint, G, None, WEIGHT,
            reference=timing(lambda: igraph_from_networkx(G)))
    measure("read the graph", structure.adjacency, G, WEIGHT, reference=timing(lambda: read_into_igraph(G)),
            note="adjacency(G, weight) vs G -> igraph.Graph")
    measure("effective_size vs networkx", structure.effective_size, G, None, WEIGHT,
            reference=lambda: effective_size_reference(G, dense_gb))
    bridges = sum(1 for _ in structure.local_bridges(G, with_span=False))
    measure("local_bridges vs networkx", lambda G: list(structure.local_bridges(G)), G,
            reference=lambda: budgeted(nx.local_bridges(G), bridges, budget, "bridges"))
    measure("overlap kernel vs networkx loop", structure.neighborhood_overlap, setup=unweighted,
            reference=lambda: overlap_loop(G, budget))
    measure("overlap from G vs networkx loop", structure.neighborhood_overlap, G,
            reference=lambda: overlap_loop(G, budget))
    found = communities.clusters(G, seed=SEED, weight=WEIGHT)

    def louvain():
        seconds, theirs = best_time(lambda: nx.community.louvain_communities(G, weight=WEIGHT, seed=SEED),
                                    repeat=repeat, budget=budget)
        return seconds, (f"modularity {communities.modularity(G, found, weight=WEIGHT):.4f} vs "
                         f"{communities.modularity(G, theirs, weight=WEIGHT):.4f}")

    measure("clusters vs networkx", lambda G: communities.clusters(G, seed=SEED, weight=WEIGHT), G,
            reference=louvain)


HEADER = (f"{'measure':<35} {'n':>8} {'m':>9} {'netgraph s':>11} {'reference s':>12} {'ratio':>8} "
          f"{'peak MB':>8}  note")


def format_row(row: dict) -> str:
    reference_s = "-" if row["reference_s"] is None else f"{row['reference_s']:.3f}"
    ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}x"
    return (f"{row['measure']:<35} {row['n']:>8,} {row['m']:>9,} {row['netgraph_s']:>11.3f} "
            f"{reference_s:>12} {ratio:>8} {row['peak_mb']:>8.1f}  {row['note']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000", help="comma-separated node counts (default 20000)")
    parser.add_argument("--edges-per-node", type=int, default=5, help="edges added per node (default 5)")
    parser.add_argument("--budget", type=float, default=30.0,
                        help="seconds before a reference is stopped and extrapolated, or runs stop being repeated")
    parser.add_argument("--dense-gb", type=float, default=8.0,
                        help="memory allowed to nx.effective_size(G)'s dense arrays before it is sampled (default 8)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing, the best kept (default 5)")
    parser.add_argument("--no-reference", action="store_true", help="time netgraph only")
    args = parser.parse_args(argv)
    print(HEADER)
    sizes = [int(size) for size in args.sizes.split(",")]
    run(sizes, args.edges_per_node, args.budget, args.dense_gb, not args.no_reference,
        lambda row: print(format_row(row), flush=True), repeat=args.repeat)
    print(f"process max resident size: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
