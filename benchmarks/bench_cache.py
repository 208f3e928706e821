"""The second command on the same files: ``netgraph summary`` with the cache of built networks, cold and warm.

For the demo and for a generated network (``netgraph.synth``, seeded, written as
canonical CSV files), ``netgraph summary`` runs as a user runs it, a fresh
process each time (Python's start and imports included), three times with an
empty cache folder of its own:

- ``--no-cache``: the network built, nothing kept (the reference);
- first: built, and kept in the cache (what the first command of a day costs);
- second: read back from the cache.

The ratio that matters is first / second: how much faster the second command
answers. Wall time says what the user waits; on a machine shared with other work
it also measures the neighbours, so the CPU time of the command's process is
printed beside it. Run ``python benchmarks/bench_cache.py [--people 20000]``; ``run(people)``
returns the figures for a top-level runner.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from netgraph import synth
from netgraph.io.cache import CACHE_VARIABLE
from netgraph.io.load import sample_path

SEED = 0


def _summary(folder: Path, cache: Path, *options: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``netgraph summary`` in a process of its own."""
    env = {**os.environ, CACHE_VARIABLE: str(cache)}
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "netgraph", "summary", "--data", str(folder), *options], env=env,
                   check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def measure(folder: Path, label: str) -> dict:
    with tempfile.TemporaryDirectory() as cache:
        cache = Path(cache)
        reference = _summary(folder, cache, "--no-cache")
        first = _summary(folder, cache)
        second = _summary(folder, cache)
        size = sum(f.stat().st_size for f in cache.iterdir())
    return {"network": label, "no_cache_s": reference[0], "first_s": first[0], "second_s": second[0],
            "ratio": first[0] / second[0], "no_cache_cpu_s": reference[1], "first_cpu_s": first[1],
            "second_cpu_s": second[1], "cpu_ratio": first[1] / second[1], "cache_mb": size / 2**20}


def format_row(row: dict) -> str:
    return (f"{row['network']:<38} {row['no_cache_s']:>6.2f} {row['first_s']:>6.2f} {row['second_s']:>6.2f} "
            f"{row['ratio']:>5.1f}x   {row['no_cache_cpu_s']:>6.2f} {row['first_cpu_s']:>6.2f} "
            f"{row['second_cpu_s']:>6.2f} {row['cpu_ratio']:>5.1f}x {row['cache_mb']:>8.1f}")


HEADER = (f"{'':<38} {'wall seconds':^27}   {'CPU seconds (the process and its children)':^31}\n"
          f"{'network':<38} {'none':>6} {'first':>6} {'second':>6} {'ratio':>6}   {'none':>6} {'first':>6} "
          f"{'second':>6} {'ratio':>6} {'cache MB':>8}")


def run(people: int) -> list[dict]:
    rows = [measure(sample_path(), "the demo (209 people, real formats)")]
    if people:
        s = synth.network(people, seed=SEED, scope="all", mean_degree=10, interactions_per_tie=2.0)
        with tempfile.TemporaryDirectory() as folder:
            s.write(folder)
            past = time.time() - 60  # as a user's files are: not written in the last seconds (io.cache.RACY_SECONDS)
            for file in Path(folder).rglob("*"):
                os.utime(file, (past, past))
            rows.append(measure(Path(folder), f"generated: {people:,} people, {len(s.ties):,} ties"))
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=20_000, help="people of the generated network (0: demo only)")
    args = parser.parse_args(argv)
    print(HEADER)
    for row in run(args.people):
        print(format_row(row), flush=True)


if __name__ == "__main__":
    main()
