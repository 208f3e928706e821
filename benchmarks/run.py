"""netgraph's speed, side by side with the reference implementations, in one command.

    python benchmarks/run.py                 # 1k, 10k, 20k and 100k people (about 15 minutes)
    python benchmarks/run.py --sizes 1000,10000 --mbox-mb 20 --paths-people 100000   # a quick look
    python benchmarks/run.py --paths-people 1000000   # warm paths on 1M people / 10M ties (24 GB)
    python benchmarks/run.py --structure-only --sizes 20000,100000   # part 1 alone

Every network is generated with :func:`netgraph.datasets.synth.network` (seeded). Four parts:

1. **Structure** — on the relationship graph of the generated network (mean
   degree 10, so 20k people have 100k ties; 20 from 100k people up, so 100k
   people have 1M ties): ``netgraph.algorithms.structure`` and ``netgraph.algorithms.communities``
   against networkx (``benchmarks/bench_structure.py`` measures and explains
   each), and igraph's ``constraint`` where igraph has the measure, kernel
   against kernel (each graph already in its library's structure) and from
   the networkx graph.
2. **The whole job** — for each size, in a fresh process: the canonical CSV
   files of a network whose interactions are everyone's (a team's merged
   network; about 20 per person) are loaded and built, then summarised, my weak
   ties ranked and the warm paths to 5 companies found. Seconds and peak
   resident memory per step, and the seconds ``pandas.read_csv`` takes to read
   the same files in the same process, with the ratio of the two (no library
   does this job to compare with), and the floor: the least ratio any code
   reaches that reads the files, counts each pair's interactions, builds the
   networkx graph and clusters it (:func:`floor`). Two input shapes
   (``--shape``): ``team`` (about two interactions per tie) and ``issue`` (one
   per tie), people referred to by id in both; the input is generated in a
   child process (``--job-folder`` keeps it).
3. **Warm paths at scale** — one ``intro_paths`` query on a graph of
   ``--paths-people`` people and ten times as many ties, against the
   straightforward search: networkx's ``shortest_simple_paths`` (Yen's k
   shortest simple paths) on the same weights, ``-log p`` per hop, from me to
   a node joined to every person at the target company, its first k paths of
   at most ``max_hops`` hops (capped at ``--yen-seconds``; a capped time is a
   lower bound, and so is the ratio then).
4. **Mailboxes** — ``read_mbox`` against the standard library on a generated
   mailbox (``benchmarks/bench_mbox.py``).
5. **Aggregation** — ``netgraph aggregate`` by Spark in local mode against the
   local pandas engine on the same generated logs, checked equal
   (``benchmarks/bench_aggregate.py``; needs Java and pyspark).

Ratios are measured in this run, on this machine, one implementation after
the other: never compare numbers from different runs.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_aggregate  # noqa: E402
import bench_mbox  # noqa: E402
import bench_structure  # noqa: E402

from netgraph import synth  # noqa: E402
from netgraph.analysis.paths import hop_probability, intro_paths  # noqa: E402

SEED = 1


def mean_degree(n: int) -> float:
    return 10.0 if n < 100_000 else 20.0


def relationship_graph(n: int) -> nx.Graph:
    """The ties of a generated network of n people, as an undirected graph with ``strength``."""
    s = synth.network(n, seed=SEED, mean_degree=mean_degree(n), interactions_per_tie=0.0)
    G = nx.Graph()
    G.add_nodes_from(s.people["id"])
    strength = s.ties["strength"].replace("", np.nan).astype(float).fillna(0.3).to_numpy()
    G.add_edges_from((a, b, {"strength": w}) for a, b, w in zip(s.ties["a"], s.ties["b"], strength.tolist()))
    return G


def structure_part(sizes: list[int], budget: float) -> list[dict]:
    print("\n== 1. Structure: netgraph vs networkx and igraph on the same graph ==")
    print(bench_structure.HEADER)
    return bench_structure.run(sizes, budget=budget, make=relationship_graph,
                               on_row=lambda row: print(bench_structure.format_row(row), flush=True))


#: The shapes of the whole job's input: ``team`` (everyone's interactions, about 2 per tie, every tie a
#: ``ties.csv`` row) and ``issue`` (one interaction per tie: as many interactions as ``ties.csv`` rows, the
#: shape of the issue that asked for the columnar load). People are referred to by id in both.
SHAPES = {"team": 2.0, "issue": 1.0}


def read_input(folder) -> float:
    """Seconds ``pandas.read_csv`` (its defaults) takes to read the job's CSV files: what the job is measured
    against, in the same process."""
    import pandas as pd

    start = time.perf_counter()
    for file in sorted(Path(folder).glob("*.csv")):
        pd.read_csv(file)
    return time.perf_counter() - start


def write_network(n: int, shape: str, folder: Path) -> None:
    """Generate the whole job's input and write it into ``folder``, in a child process: the job's peak memory
    is then the job's alone (the generator's tables are several times the files)."""
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import run; "
            f"run.synth.network({n}, seed=run.SEED, scope='all', mean_degree=run.mean_degree({n}), "
            f"interactions_per_tie=run.SHAPES[{shape!r}]).write({str(folder)!r})")
    subprocess.run([sys.executable, "-c", code], check=True)


def floor(folder) -> dict:
    """Seconds of three steps any whole job must take whatever the rest of netgraph's code does: with the
    reading of the input (once, as ``read_csv`` reads it), the least ratio the job can reach while it gives
    the networkx graph it promises, counts the interactions of each pair and clusters the graph.

    - The interactions counted per pair: each reference resolved to its person (a join on the id), each pair
      keyed by its two codes, the keys sorted and counted (no attribute but the count).
    - The graph: an ``nx.DiGraph`` with every tie in both directions (netgraph's graph: each direction has its
      own attributes), each directed edge one dict (empty here: no attribute), the adjacency put in one node
      at a time, as the fastest bulk insert found (``add_edges_from`` takes twice as long), the collector off.
    - One Louvain pass by igraph's C code, on the undirected ties: the summary's clusters.
    """
    import gc

    import igraph as ig
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    people = pd.read_csv(Path(folder) / "people.csv", usecols=["id"])["id"]
    ties = pd.read_csv(Path(folder) / "ties.csv", usecols=["a", "b"])
    interactions = pd.read_csv(Path(folder) / "interactions.csv", usecols=["from", "to"])
    start = time.perf_counter()
    ids = pa.array(people)
    a, b = (pc.index_in(pa.array(interactions[end]), value_set=ids).to_numpy(zero_copy_only=False)
            for end in ("from", "to"))  # Arrow's hash join: 12 times pandas' get_indexer here
    keys = np.sort(np.minimum(a, b).astype(np.int64) * len(ids) + np.maximum(a, b))
    np.diff(np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True]))
    count_s = time.perf_counter() - start
    index = pd.Index(people)
    a, b = index.get_indexer(ties["a"]), index.get_indexer(ties["b"])
    names = people.tolist()
    gc.disable()
    start = time.perf_counter()
    G = nx.DiGraph()
    G.add_nodes_from(names)
    x, y = np.concatenate([a, b]), np.concatenate([b, a])
    data = np.array([{} for _ in range(len(x))], dtype=object)
    for adjacency, (one, other) in ((G._succ, (x, y)), (G._pred, (y, x))):
        order = np.argsort(one, kind="stable")
        bounds = np.searchsorted(one[order], np.arange(len(names) + 1)).tolist()
        neighbours, dicts = [names[i] for i in other[order].tolist()], data[order].tolist()
        for i, name in enumerate(names):
            adjacency[name].update(zip(neighbours[bounds[i]:bounds[i + 1]], dicts[bounds[i]:bounds[i + 1]]))
    graph_s = time.perf_counter() - start
    gc.enable()
    assert G.number_of_edges() == 2 * len(ties)
    del G, data
    g = ig.Graph(n=len(index), edges=np.column_stack([a, b]).tolist())
    start = time.perf_counter()
    g.community_multilevel()
    return {"interactions per pair": count_s, "networkx graph": graph_s, "louvain": time.perf_counter() - start}


def _job(n: int, shape: str = "team", folder: str | None = None) -> dict:
    """The whole job on n people, in this process: returns seconds per step, the seconds ``pandas.read_csv``
    takes to read the same files, the peak memory and the floor (:func:`floor`). The input is generated in a
    child process, into ``folder`` if given (and read from there if it already holds it)."""
    import netgraph

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(folder or scratch)
        made = {"n": n, "shape": shape, "seed": SEED}
        if not (folder / "netgraph.toml").exists():
            write_network(n, shape, folder)
            (folder / ".job.json").write_text(json.dumps(made))
        elif not (folder / ".job.json").exists() or json.loads((folder / ".job.json").read_text()) != made:
            sys.exit(f"{folder} holds another network than {made} (.job.json): give an empty folder")
        read_s = read_input(folder)
        steps = {}

        def timed(name, call):
            start = time.perf_counter()
            value = call()
            steps[name] = time.perf_counter() - start
            print(f"  {name}: {steps[name]:.1f} s, peak {_peak_gb():.2f} GB", file=sys.stderr, flush=True)
            return value

        net = timed("load and build", lambda: netgraph.load(folder, cache=False))
        summary = timed("summary", net.summary)
        timed("weak ties", lambda: netgraph.weak_ties(net.graph, top=20))
        targets = list(net.targets) + [c["company"] for c in summary["top_companies"]][:5 - len(net.targets)]
        timed(f"paths to {len(targets)} companies", lambda: [netgraph.intro_paths(net.graph, t) for t in targets])
        steps["total"] = sum(steps.values())
        peak = _peak_gb()
        ties, interactions = len(net.ties), len(net.interactions)
        del net, summary
        least = floor(folder)
    return {"n": n, "shape": shape, "ties": ties, "interactions": interactions, "steps": steps,
            "read_s": read_s, "ratio": steps["total"] / read_s, "peak_gb": peak, "floor": least,
            "floor_ratio": 1 + sum(least.values()) / read_s}


def _peak_gb() -> float:
    """This process's peak resident memory (Linux's high-water mark, which starts afresh at exec, unlike
    ru_maxrss, which a child inherits from its parent)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 2**20
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def job_part(sizes: list[int], shapes=("team",)) -> list[dict]:
    print("\n== 2. The whole job: load the CSV files, build, summary, weak ties, paths to 5 companies; "
          "against pandas.read_csv reading the same files ==")
    results = []
    for n in sizes:
        for shape in shapes:
            out = subprocess.run([sys.executable, __file__, "--job", str(n), "--shape", shape], capture_output=True,
                                 text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(result)
            print(format_job(result), flush=True)
    return results


def format_job(result: dict) -> str:
    """One line: the whole job's seconds, the reading of its input, their ratio, the peak memory, the steps."""
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in result["steps"].items() if k != "total")
    return (f"{result['n']:>9,} people, {result['ties']:>10,} ties, {result['interactions']:>10,} interactions "
            f"({result['shape']}): job {result['steps']['total']:6.1f} s, read_csv {result['read_s']:.1f} s, "
            f"ratio {result['ratio']:.1f}x, peak {result['peak_gb']:.2f} GB  ({steps}); floor "
            f"{result['floor_ratio']:.1f}x: the reading and " + ", ".join(f"{k} {v:.1f} s" for k, v in
                                                                        result["floor"].items()))


def yen(G, me, targets: set, k: int, max_hops: int, cap: float) -> tuple[float, int, bool]:
    """The straightforward search: Yen's k shortest simple paths by networkx, -log p per hop."""
    sink = ("sink",)
    G.add_node(sink)
    G.add_edges_from((t, sink, {"strength": 1.0}) for t in targets)

    def weight(u, v, data):
        return 0.0 if sink in (u, v) else -math.log(hop_probability(data.get("strength", 0.0)))

    found, start, capped = 0, time.perf_counter(), False
    try:
        for path in nx.shortest_simple_paths(G, me, sink, weight=weight):
            if len(path) - 2 <= max_hops and not any(n in targets for n in path[1:-2]):
                found += 1
            if found >= k:
                break
            if time.perf_counter() - start > cap:
                capped = True
                break
    finally:
        G.remove_node(sink)
    return time.perf_counter() - start, found, capped


def paths_part(n: int, k: int, max_hops: int, cap: float) -> dict:
    print(f"\n== 3. Warm paths on {n:,} people: one intro_paths query vs Yen's k shortest paths (networkx) ==")
    start = time.perf_counter()
    G = relationship_graph(n)
    print(f"graph of {G.number_of_nodes():,} people and {G.number_of_edges():,} ties built in "
          f"{time.perf_counter() - start:.0f} s", flush=True)
    me = max(G, key=G.degree)
    companies = {}
    rng = np.random.default_rng(SEED)
    for node in rng.choice(list(G), size=min(400, n // 10), replace=False).tolist():
        companies[node] = "Target"
    nx.set_node_attributes(G, companies, "company")
    targets = set(companies) - {me}
    start = time.perf_counter()
    ours = intro_paths(G, lambda d: d.get("company") == "Target", me=me, top=k, max_hops=max_hops, diverse=False)
    ours_s = time.perf_counter() - start
    reference_s, found, capped = yen(G, me, targets, k, max_hops, cap)
    ratio = reference_s / ours_s
    print(f"intro_paths: {ours_s:.3f} s for {len(ours)} paths; Yen (networkx): {reference_s:.1f} s for {found} "
          f"paths{' (capped: a lower bound)' if capped else ''}; ratio {'>= ' if capped else ''}{ratio:,.0f}x")
    return {"n": n, "ties": G.number_of_edges(), "netgraph_s": ours_s, "reference_s": reference_s, "capped": capped}


def mbox_part(size_mb: float) -> dict:
    print(f"\n== 4. Mailboxes: read_mbox vs the standard library on a {size_mb:g} MB mailbox ==")
    result = bench_mbox.run(size_mb)
    print(bench_mbox.report(result))
    return result


def aggregate_part(people: int) -> dict | None:
    print(f"\n== 5. netgraph aggregate: Spark (local mode) vs the local engine on the logs of {people:,} people ==")
    try:
        result = bench_aggregate.run(people)
    except ImportError as exc:
        print(f"skipped: {exc} (pip install 'netgraph[spark]')")
        return None
    print(bench_aggregate.report(result))
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,20000,100000", help="people per network, comma-separated")
    parser.add_argument("--paths-people", type=int, default=100_000, help="people for the warm-paths part")
    parser.add_argument("--yen-seconds", type=float, default=300.0, help="cap on the straightforward search")
    parser.add_argument("--budget", type=float, default=30.0, help="cap on per-edge networkx references")
    parser.add_argument("--mbox-mb", type=float, default=200.0, help="size of the generated mailbox")
    parser.add_argument("--aggregate-people", type=int, default=20_000,
                        help="people whose logs are aggregated by both engines (0: skip)")
    parser.add_argument("--structure-only", action="store_true", help="run part 1 alone")
    parser.add_argument("--job", type=int,
                        help="run only the whole job on this many people, in this process; prints a line, then "
                             "the JSON result")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="team", help="the whole job's input (--job)")
    parser.add_argument("--job-shapes", default="team,issue", help="input shapes of the whole-job part")
    parser.add_argument("--job-folder", help="--job: the folder that holds its input (.job.json says which), or "
                                             "where to write it (kept; generated when it has no netgraph.toml)")
    args = parser.parse_args(argv)
    if args.job:
        result = _job(args.job, args.shape, args.job_folder)
        print(format_job(result), file=sys.stderr)
        print(json.dumps(result))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"netgraph benchmarks on {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"Python {platform.python_version()}, networkx {nx.__version__}")
    structure_part(sizes, args.budget)
    if args.structure_only:
        return
    job_part(sizes, args.job_shapes.split(","))
    paths_part(args.paths_people, k=5, max_hops=3, cap=args.yen_seconds)
    mbox_part(args.mbox_mb)
    if args.aggregate_people:
        aggregate_part(args.aggregate_people)
    print(f"\nthis process's peak resident memory: {_peak_gb():.2f} GB")


if __name__ == "__main__":
    main()
