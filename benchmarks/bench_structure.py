"""netgraph.structure and netgraph.communities against networkx, side by side.

Builds a seeded graph with heavy-tailed degrees and strong clustering
(``nx.powerlaw_cluster_graph``, Holme & Kim 2002) carrying a symmetric
``strength`` in (0, 1] on every edge, then times, in this process and one after
the other, each netgraph measure and its networkx reference:

=============== ================================ ===========================================
measure         netgraph                         networkx reference
=============== ================================ ===========================================
constraint      structure.constraint             nx.constraint(G)
effective_size  structure.effective_size         nx.effective_size(G) (*)
local_bridges   structure.local_bridges, spans   nx.local_bridges(G), spans (*)
overlap         structure.neighborhood_overlap   nx.common_neighbors on every edge (*)
clusters        communities.clusters             nx.community.louvain_communities
=============== ================================ ===========================================

(*) networkx is too slow or too big for these at scale: ``nx.effective_size(G)``
holds two dense n x n float arrays at once (6 GB at 20,000 nodes), so when they
exceed ``--dense-gb`` it is timed on a fixed random sample of nodes (``nodes=``,
its per-node path) and the time scaled by n / sample; the two per-edge
references are stopped after ``--budget`` seconds and scaled by the share of
the work done. Such times are labelled "extrapolated".

Peak MB is netgraph's own peak, measured in a second, untimed run under
``tracemalloc``, which sees numpy and scipy buffers (numpy reports them to it)
but not memory allocated inside igraph's C library. The process's maximum
resident size is printed at the end.

Run ``python benchmarks/bench_structure.py [--sizes 1000,10000,20000]
[--edges-per-node 5] [--budget 30] [--dense-gb 8] [--no-reference]``;
``run(sizes)`` returns the rows for a top-level runner.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable, Iterable

import networkx as nx
import numpy as np

from netgraph.algorithms import communities, structure

WEIGHT = "strength"
SAMPLE_NODES = 200
SEED = 0

OURS: dict[str, Callable] = {
    "constraint": lambda G: structure.constraint(G, weight=WEIGHT),
    "effective_size": lambda G: structure.effective_size(G, weight=WEIGHT),
    "local_bridges": lambda G: list(structure.local_bridges(G)),
    "overlap": structure.neighborhood_overlap,
    "clusters": lambda G: communities.clusters(G, seed=SEED, weight=WEIGHT),
}


def make_graph(n: int, edges_per_node: int, seed: int = SEED) -> nx.Graph:
    """About ``n * edges_per_node`` edges, power-law degrees, half the new edges closing triangles."""
    G = nx.powerlaw_cluster_graph(n, edges_per_node, 0.5, seed=seed)
    strengths = np.random.default_rng(seed).uniform(0.05, 1.0, G.number_of_edges())
    for (u, v), strength in zip(G.edges, strengths.tolist()):
        G[u][v][WEIGHT] = strength
    return G


def timed(function: Callable, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


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


def overlaps_with_networkx(G) -> Iterable[float]:
    degree = G.degree
    for u, v in G.edges:
        shared = sum(1 for _ in nx.common_neighbors(G, u, v))
        denominator = degree[u] + degree[v] - 2 - shared
        yield shared / denominator if denominator else 0.0


def reference(measure: str, G, ours, budget: float, dense_gb: float) -> tuple[float, str]:
    """Seconds networkx takes for ``measure`` on ``G``, and a note on how they were had."""
    if measure == "constraint":
        return timed(nx.constraint, G, weight=WEIGHT)[0], ""
    if measure == "effective_size":
        if 2 * 8 * len(G) ** 2 <= dense_gb * 2**30:
            return timed(nx.effective_size, G, weight=WEIGHT)[0], ""
        nodes = list(G)
        sample = [nodes[i] for i in np.random.default_rng(SEED).choice(len(nodes), SAMPLE_NODES, replace=False)]
        seconds = timed(nx.effective_size, G, nodes=sample, weight=WEIGHT)[0]
        return seconds * len(nodes) / SAMPLE_NODES, f"extrapolated from {SAMPLE_NODES} random nodes"
    if measure == "local_bridges":
        return budgeted(nx.local_bridges(G), len(ours), budget, "bridges")
    if measure == "overlap":
        return budgeted(overlaps_with_networkx(G), G.number_of_edges(), budget, "edges")
    seconds, found = timed(nx.community.louvain_communities, G, weight=WEIGHT, seed=SEED)
    theirs = communities.modularity(G, found, weight=WEIGHT)
    return seconds, f"modularity {communities.modularity(G, ours, weight=WEIGHT):.4f} vs {theirs:.4f}"


def run(sizes: Iterable[int] = (20_000,), edges_per_node: int = 5, budget: float = 30.0, dense_gb: float = 8.0,
        with_reference: bool = True, on_row: Callable[[dict], None] | None = None,
        make: Callable[[int], nx.Graph] | None = None) -> list[dict]:
    """Time every measure on a graph of each size; one dict per (measure, size).

    ``make(n)`` builds the graph of size n (default: `make_graph` with
    ``edges_per_node``); ``on_row`` is called with each row as soon as it is measured.
    """
    warm_up = nx.karate_club_graph()
    for function in OURS.values():  # first calls import igraph and scipy modules: not what is measured
        function(warm_up)
    rows = []
    for n in sizes:
        G = make(n) if make is not None else make_graph(n, edges_per_node)
        for measure, function in OURS.items():
            seconds, result = timed(function, G)
            row = {"measure": measure, "n": n, "m": G.number_of_edges(), "netgraph_s": seconds,
                   "reference_s": None, "ratio": None, "peak_mb": peak_mb(function, G), "note": ""}
            if with_reference:
                row["reference_s"], row["note"] = reference(measure, G, result, budget, dense_gb)
                row["ratio"] = row["reference_s"] / seconds
            rows.append(row)
            if on_row is not None:
                on_row(row)
    return rows


HEADER = f"{'measure':<15} {'n':>8} {'m':>9} {'netgraph s':>11} {'reference s':>12} {'ratio':>8} {'peak MB':>8}  note"


def format_row(row: dict) -> str:
    reference_s = "-" if row["reference_s"] is None else f"{row['reference_s']:.3f}"
    ratio = "-" if row["ratio"] is None else f"{row['ratio']:.1f}x"
    return (f"{row['measure']:<15} {row['n']:>8,} {row['m']:>9,} {row['netgraph_s']:>11.3f} "
            f"{reference_s:>12} {ratio:>8} {row['peak_mb']:>8.1f}  {row['note']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000", help="comma-separated node counts (default 20000)")
    parser.add_argument("--edges-per-node", type=int, default=5, help="edges added per node (default 5)")
    parser.add_argument("--budget", type=float, default=30.0,
                        help="seconds before a per-edge networkx reference is stopped and extrapolated")
    parser.add_argument("--dense-gb", type=float, default=8.0,
                        help="memory allowed to nx.effective_size(G)'s dense arrays before it is sampled (default 8)")
    parser.add_argument("--no-reference", action="store_true", help="time netgraph only")
    args = parser.parse_args(argv)
    print(HEADER)
    sizes = [int(size) for size in args.sizes.split(",")]
    run(sizes, args.edges_per_node, args.budget, args.dense_gb, not args.no_reference,
        lambda row: print(format_row(row), flush=True))
    print(f"process max resident size: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
