"""``netgraph aggregate`` by Spark (local mode) against the local pandas engine, on the same logs.

The logs are the interactions of a generated network (``netgraph.synth``, everyone's
interactions, seeded) with every person referred to by e-mail address, in upper case
one time in three, so that identity resolution by exact keys does real work; written
as ``--files`` CSV files, with the people directory beside them. Both engines
aggregate them into an edge table; the two tables are checked equal and the seconds
of each are printed. Spark runs in local mode on this machine's cores: the figure is
its overhead and a proof that the same steps give the same table, not its speed on a
cluster.

Run ``python benchmarks/bench_aggregate.py [--people 20000] [--files 8]``
(a Java runtime and ``pip install 'netgraph[spark]'`` needed); ``run(people)`` returns
the figures for a top-level runner.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph import synth
from netgraph.io.aggregate import aggregate

SEED = 1


def write_logs(folder: Path, people: int, files: int) -> tuple[int, Path]:
    """Generated logs in ``files`` CSV files and the people directory; (rows, people path)."""
    s = synth.network(people, seed=SEED, scope="all", mean_degree=10.0, interactions_per_tie=2.0)
    frames = s.frames()
    directory, logs = frames["people"], frames["interactions"].copy()
    address = dict(zip(directory["id"], directory["email"].str.split(";").str[0]))
    shout = np.random.default_rng(SEED).random((2, len(logs))) < 1 / 3
    for side, loud in zip(("from", "to"), shout):
        emails = logs[side].map(address)
        logs[side] = np.where(loud, emails.str.upper(), emails)
    logs["date"] = pd.to_datetime(logs["date"]).dt.strftime("%Y-%m-%d")
    (folder / "logs").mkdir(parents=True)
    for i, part in enumerate(np.array_split(np.arange(len(logs)), files)):
        logs.iloc[part].to_csv(folder / "logs" / f"log-{i:03d}.csv", index=False)
    directory.to_csv(folder / "people.csv", index=False)
    return len(logs), folder / "people.csv"


def _spark(master: str):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master(master).appName("netgraph benchmark")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def _table(path: Path) -> pd.DataFrame:
    files = sorted(path.glob("part-*.csv")) if path.is_dir() else [path]
    frame = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], ignore_index=True)
    return frame.sort_values(list(frame.columns), ignore_index=True)


def run(people: int = 20_000, files: int = 8, master: str = "local[2]") -> dict:
    """Seconds of each engine on the same logs, with the rows in and out."""
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows, directory = write_logs(folder, people, files)
        start = time.perf_counter()
        local = aggregate(folder / "logs", folder / "local", people=directory)
        local_s = time.perf_counter() - start
        session = _spark(master)
        start = time.perf_counter()  # the session is up: Java's start is not counted
        aggregate(folder / "logs", folder / "spark", people=directory, engine="spark", session=session)
        spark_s = time.perf_counter() - start
        session.stop()
        mine, theirs = _table(local[0]), _table(folder / "spark" / "interactions")
        pd.testing.assert_frame_equal(mine, theirs)
    return {"people": people, "rows_in": rows, "rows_out": len(mine), "local_s": local_s, "spark_s": spark_s,
            "master": master}


def report(result: dict) -> str:
    return (f"{result['rows_in']:,} log rows ({result['people']:,} people, referred to by e-mail) -> "
            f"{result['rows_out']:,} edge-table rows, the same from both engines: local (pandas) "
            f"{result['local_s']:.1f} s, Spark ({result['master']}) {result['spark_s']:.1f} s "
            f"({result['spark_s'] / result['local_s']:.1f}x the local time)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=20_000, help="people in the generated network")
    parser.add_argument("--files", type=int, default=8, help="log files")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    args = parser.parse_args(argv)
    print(report(run(args.people, args.files, args.master)))


if __name__ == "__main__":
    main()
