"""Interaction logs -> the canonical edge table, on this machine or on a Spark cluster.

A firm's merged logs hold 10^7 to 10^9 rows shaped like ``interactions.csv``
(CSV or Parquet, in many files), far more than one machine reads at once,
while the graph needs much less of them: the people at both ends, the date,
the channel and kind, how many recipients, whether a mailing list, and a
note only when it is a platform's marker (an invitation, an endorsement).
:func:`aggregate` reduces the logs to that, in three relational steps written
once and run by either engine — pandas here (``engine="local"``), or Spark
(``engine="spark"``, local mode or a cluster):

1. **events**, row by row: each log row keeps only the columns the graph
   reads (subjects and free-text notes are dropped; message ids are kept, as
   the evidence of who knows whom reads them), and each of
   its two references gets its exact keys, read as
   :meth:`netgraph.model.identity.Identity.resolve` reads a reference (the
   reference itself as an id; the e-mail address, profile URL or phone in it);
2. **identity by exact keys**, a join: with a people directory, a reference
   whose id or exact key names exactly one person of the directory with an
   explicit ``id`` becomes that id; any other reference is left as written,
   for :func:`netgraph.load` to resolve (by name, for instance) as it would
   have resolved it in the logs;
3. **aggregation**, a group-by: identical events become one row with their
   ``count``.

The output folder holds the interactions (``interactions.csv``, or Spark's
part files in ``interactions/``: the canonical header plus ``count``) and the
people directory as given. :func:`netgraph.load` reads it like any canonical
folder — an interactions row with a ``count`` of n stands for n identical
interactions — and builds the same graph as from the logs and the directory
themselves. (One exception: when two interactions from one person to another
share the last date and differ in channel, the edge's ``last_channel`` is the
one read last, and no engine keeps the logs' order. Logs dated to the second
rarely tie.)

The row-by-row step is a pandas function, applied by Spark through
``mapInPandas`` (Arrow batches), so both engines read references the same way.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import numpy as np

from .._lazy import pd
from ..errors import NetgraphError
from ..model.keys import email_key, phone_key, split_reference, url_key
from ..model.tables import MARKERS, SCHEMAS, split_list
from .load import CONFIG
from .sources.canonical import _unescaped

__all__ = ["aggregate", "ENGINES", "EVENT_COLUMNS"]

#: The interactions columns the graph reads, in the canonical order. The message's identity and the one it
#: answers are among them: who was on one message, or one thread, is evidence of who knows whom
#: (:mod:`netgraph.model.evidence`).
EVENT_COLUMNS = ("date", "from", "to", "channel", "kind", "note", "message_id", "in_reply_to", "recipients",
                 "mailing_list")
#: What each of a reference's two join keys is called, per side.
_SIDES = {side: (f"_{side}_id", f"_{side}_key") for side in ("from", "to")}
_KEYED_COLUMNS = EVENT_COLUMNS + tuple(key for keys in _SIDES.values() for key in keys)
ENGINES = ("local", "spark")
#: Suffixes of the log files read from a folder.
_SUFFIXES = (".csv", ".parquet")


# ---------------------------------------------------------------------------- the steps, written once


def _events(logs: pd.DataFrame) -> pd.DataFrame:
    """Step 1, on a batch of log rows: the columns the graph reads, and both references' join keys."""
    out = pd.DataFrame({column: logs[column].astype(str) for column in EVENT_COLUMNS})
    note = out["note"].str.strip()
    out["note"] = note.where(note.isin(MARKERS), "")
    for side, (id_key, exact_key) in _SIDES.items():
        # keys from the cells as netgraph.load reads them (a spreadsheet-escaped "'+1 617..." is "+1 617...")
        codes, unique = pd.factorize(_unescaped(out[side]))
        keys = [_reference_keys(ref) for ref in unique]
        out[id_key] = np.array([k[0] for k in keys], dtype=object)[codes]
        out[exact_key] = np.array([k[1] for k in keys], dtype=object)[codes]
    return out


def _reference_keys(ref: str) -> tuple[str, str]:
    """The id a reference may be, and the exact key it holds, as typed join keys (``""`` for none).

    The reading of :meth:`Identity.resolve`: white space folded, the whole
    reference tried as an id first, then its e-mail address or profile URL
    (``Name <key>`` or the key alone), or a phone when it has digits and no letter.
    """
    text = " ".join(ref.split())
    if not text:
        return "", ""
    _, key = split_reference(text)
    if key:
        kind, found = ("email", email_key(key)) if "@" in key else ("url", url_key(key))
    elif any(c.isdigit() for c in text) and not any(c.isalpha() for c in text):
        kind, found = "phone", phone_key(text)
    else:
        kind, found = "", ""
    return f"id:{text}", f"{kind}:{found}" if found else ""


def _directory(people: pd.DataFrame) -> pd.DataFrame:
    """Step 2's table, on a batch of people: one row per (typed key, id), for people with an explicit id."""
    rows = []
    columns = (_unescaped(people[c].astype(str)) for c in ("id", "email", "linkedin_url", "phone"))
    for person, emails, url, phones in zip(*columns):
        person = " ".join(str(person).split())
        if not person:
            continue
        keys = [f"id:{person}", f"url:{url_key(str(url))}"]
        keys += [f"email:{email_key(e)}" for e in split_list(emails)]
        keys += [f"phone:{phone_key(p)}" for p in split_list(phones)]
        rows += [(key, person) for key in keys if not key.endswith(":")]
    return pd.DataFrame(rows, columns=["key", "id"], dtype=object)


def _plan(engine, logs, people):
    """The three steps, whichever the engine: the edge table."""
    events = engine.rows(logs, _events, _KEYED_COLUMNS)
    if people is not None:
        directory = engine.unambiguous(engine.rows(people, _directory, ("key", "id")))
        for side, keys in _SIDES.items():
            events = engine.resolve(events, side, keys, directory)
    return engine.count(engine.select(events, EVENT_COLUMNS), EVENT_COLUMNS)


# ---------------------------------------------------------------------------- the engines


class LocalEngine:
    """The steps by pandas, in this process."""

    def read(self, path: str, columns: tuple[str, ...], required: tuple[str, ...]) -> pd.DataFrame:
        frames = [_named(_read_local(file)) for file in _log_files(path)]
        return _with_columns(pd.concat(frames, ignore_index=True), columns, required, path)

    def rows(self, frame: pd.DataFrame, function, columns) -> pd.DataFrame:
        return function(frame)[list(columns)]

    def unambiguous(self, directory: pd.DataFrame) -> pd.DataFrame:
        directory = directory.drop_duplicates()
        return directory[~directory["key"].duplicated(keep=False)]

    def resolve(self, events: pd.DataFrame, side: str, keys: tuple[str, str], directory: pd.DataFrame):
        found = pd.Series(directory["id"].to_numpy(), index=directory["key"].to_numpy())
        resolved = events[side].copy()
        for key in reversed(keys):  # the id first: it is tried last, so it wins
            hit = events[key].map(found)
            resolved = hit.where(hit.notna(), resolved)
        return events.assign(**{side: resolved})

    def select(self, frame: pd.DataFrame, columns) -> pd.DataFrame:
        return frame[list(columns)]

    def count(self, frame: pd.DataFrame, columns) -> pd.DataFrame:
        counted = frame.groupby(list(columns), sort=True).size().rename("count").reset_index()
        return counted.astype({"count": np.int64})

    def write(self, frame: pd.DataFrame, folder: Path, name: str) -> Path:
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False)
        return path


class SparkEngine:
    """The steps by Spark: joins and group-bys in Spark SQL, the row step by ``mapInPandas``."""

    def __init__(self, session):
        self.spark = session

    def read(self, path: str, columns: tuple[str, ...], required: tuple[str, ...]):
        from pyspark.sql import functions as F

        if "://" in path:
            frames = self._read_cluster(path)
        else:
            frames = [self._read_one(self.spark.read, str(file), file.suffix.lower() == ".parquet")
                      for file in _log_files(path)]
        frame = frames[0]
        for other in frames[1:]:
            frame = frame.unionByName(other, allowMissingColumns=True)
        _with_columns(pd.DataFrame(columns=frame.columns), columns, required, path)  # the same checks
        for column in columns:
            frame = frame.withColumn(column, F.coalesce(F.col(column).cast("string"), F.lit(""))) \
                if column in frame.columns else frame.withColumn(column, F.lit(""))
        return frame

    def _read_cluster(self, path: str) -> list:
        """A path Spark lists (``hdfs://``, ``s3a://``, ``file://``...): its CSV and Parquet files at any depth.

        Spark reads the CSV files of such a path as one table, with the first file's header: they must share it.
        """
        from pyspark.errors import AnalysisException

        frames = []
        for parquet in (False, True):
            reader = self.spark.read.option("pathGlobFilter", "*.parquet" if parquet else "*.csv") \
                .option("recursiveFileLookup", "true")
            try:
                frame = self._read_one(reader, path, parquet)
            except AnalysisException:  # no file of this kind there
                continue
            if frame.columns:
                frames.append(frame)
        if not frames:
            raise NetgraphError("no CSV or Parquet files here", file=path)
        return frames

    @staticmethod
    def _read_one(reader, path: str, parquet: bool):
        # RFC 4180 quoting, as netgraph writes and reads CSV; a quoted cell may span lines
        frame = reader.parquet(path) if parquet else reader.csv(path, header=True, escape='"', multiLine=True)
        return frame.toDF(*_named(pd.DataFrame(columns=frame.columns)).columns)

    def rows(self, frame, function, columns):
        schema = ", ".join(f"`{c}` string" for c in columns)

        def batches(parts):
            for part in parts:
                yield function(part)[list(columns)]

        return frame.mapInPandas(batches, schema=schema)

    def unambiguous(self, directory):
        from pyspark.sql import functions as F

        ids = directory.dropDuplicates().groupBy("key").agg(F.count("id").alias("n"), F.first("id").alias("id"))
        return ids.where("n = 1").select("key", "id")

    def resolve(self, events, side: str, keys: tuple[str, str], directory):
        from pyspark.sql import functions as F

        hits = []
        for i, key in enumerate(keys):
            found = directory.select(F.col("key").alias(key), F.col("id").alias(f"_hit{i}"))
            events = events.join(found, on=key, how="left")
            hits.append(F.col(f"_hit{i}"))
        return events.withColumn(side, F.coalesce(*hits, F.col(side))).drop(*(f"_hit{i}" for i in range(len(keys))))

    def select(self, frame, columns):
        return frame.select(*columns)

    def count(self, frame, columns):
        return frame.groupBy(*columns).count()

    def write(self, frame, folder: Path | str, name: str) -> str:
        path = f"{folder}/{name}"
        frame.write.mode("overwrite").csv(path, header=True, escape='"', quoteAll=False)
        return path


# ---------------------------------------------------------------------------- reading


def _log_files(path: str) -> list[Path]:
    """The CSV and Parquet files at ``path`` (a file, or a folder at any depth; hidden ones left out)."""
    root = Path(path)
    if not root.exists():
        raise NetgraphError("no such file or folder", file=path)
    if root.is_file():
        return [root]
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES
                   and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts))
    if not files:
        raise NetgraphError("no CSV or Parquet files here", file=path)
    return files


def _read_local(file: Path) -> pd.DataFrame:
    if file.suffix.lower() == ".parquet":
        frame = pd.read_parquet(file)  # by pyarrow, a core dependency
        return frame.astype(object).where(frame.notna(), "").astype(str)
    return pd.read_csv(file, dtype=str, keep_default_na=False, na_filter=False)


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """Column names as the canonical tables read them: stripped, lower case."""
    return frame.rename(columns=lambda c: str(c).strip().lower())


def _with_columns(frame: pd.DataFrame, columns, required, path) -> pd.DataFrame:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise NetgraphError(f"no '{missing[0]}' column in the files here", file=path)
    for column in columns:
        if column not in frame:
            frame[column] = ""
    return frame.fillna("")


# ---------------------------------------------------------------------------- the entry point


def aggregate(logs, out, *, people=None, engine: str = "local", session=None, master: str | None = None) -> list:
    """Aggregate interaction logs into a canonical folder that :func:`netgraph.load` reads.

    Parameters
    ----------
    logs : str or Path
        A file or a folder of ``interactions.csv``-shaped logs (``.csv`` with a
        header, or ``.parquet``), at any depth; with Spark also a cluster path
        (``hdfs://``, ``s3a://``...) that Spark reads as it is.
    out : str or Path
        The folder to write (created; its ``interactions`` and ``people`` are replaced).
    people : str or Path, optional
        The people directory (``people.csv``-shaped, CSV or Parquet) whose
        ``id``, ``email``, ``linkedin_url`` and ``phone`` resolve references;
        it is copied into ``out``. Without it, references are left as written.
    engine : {"local", "spark"} (default="local")
        pandas in this process, or Spark.
    session : SparkSession, optional
        The Spark session to use with ``engine="spark"`` (default: Spark's
        current or a new one, as ``spark-submit`` or the environment configures it).
    master : str, optional
        With ``engine="spark"`` and no ``session``: the cluster to run on
        (``spark://host:7077``, ``yarn``, ``k8s://...``, ``local[4]``).

    Returns
    -------
    list
        The paths written: the edge table, then the people directory if any,
        then the ``netgraph.toml`` of a ``logs`` folder, copied.

    Raises
    ------
    NetgraphError
        When a path is missing, holds no log, lacks a ``date``, ``from`` or
        ``to`` column, or the engine is unknown or not installed.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> folder = tempfile.mkdtemp()
    >>> pd.DataFrame({"date": ["2026-01-05"] * 3, "from": ["ann@x.org", "ann@x.org", "bo@x.org"],
    ...               "to": ["bo@x.org", "bo@x.org", "ann@x.org"]}).to_csv(f"{folder}/logs.csv", index=False)
    >>> written = aggregate(f"{folder}/logs.csv", f"{folder}/edges")
    >>> pd.read_csv(written[0])[["from", "to", "count"]].values.tolist()
    [['ann@x.org', 'bo@x.org', 2], ['bo@x.org', 'ann@x.org', 1]]
    """
    if engine not in ENGINES:
        raise NetgraphError(f"unknown engine '{engine}' (local or spark)")
    started = False
    if engine == "spark" and session is None:
        session, started = _spark_session(master)
    runner = LocalEngine() if engine == "local" else SparkEngine(session)
    try:
        return _aggregate(runner, logs, out, people)
    finally:
        if started:  # a session this call started ends with it (its JVM with it)
            session.stop()


def _aggregate(runner, logs, out, people) -> list:
    schema = SCHEMAS["interactions"]
    frame = runner.read(str(logs), EVENT_COLUMNS, schema.required)
    directory = None
    if people is not None:
        directory = runner.read(str(people), ("id", "email", "linkedin_url", "phone"), SCHEMAS["people"].required)
    edges = _plan(runner, frame, directory)
    out = Path(out) if "://" not in str(out) else str(out)
    if isinstance(out, Path):
        _check_apart(out, [logs] + ([people] if people is not None else []))
        out.mkdir(parents=True, exist_ok=True)
        for stale in ("interactions", "people"):
            for old in (out / stale, out / f"{stale}.csv"):
                shutil.rmtree(old) if old.is_dir() else old.unlink(missing_ok=True)
    written = [runner.write(edges, out, "interactions")]
    if directory is not None:
        written.append(runner.write(directory, out, "people"))
    settings = Path(logs) / CONFIG
    if isinstance(out, Path) and settings.is_file():  # who I am, my targets, today: they hold for the edges too
        shutil.copyfile(settings, out / CONFIG)
        written.append(out / CONFIG)
    return written


def _check_apart(out: Path, inputs: list) -> None:
    """The output replaces files: it must not hold, nor be held in, what is read (Spark reads lazily)."""
    for given in inputs:
        if "://" in str(given):
            continue
        source, target = Path(given).resolve(), out.resolve()
        if source == target or source in target.parents or target in source.parents:
            raise NetgraphError(f"the output folder and the input '{given}' overlap: choose another --out",
                                file=out)


def _spark_session(master: str | None) -> tuple:
    """(session, started): the Spark session already running here, else one started for this aggregation."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise NetgraphError("the spark engine needs pyspark: pip install 'netgraph[spark]'") from None
    running = SparkSession.getActiveSession()
    if running is not None:
        return running, False
    builder = SparkSession.builder.appName("netgraph aggregate")
    if master:
        builder = builder.master(master)
    if not master or master.startswith("local"):
        # Spark's Python workers on this machine run this interpreter (which has netgraph) unless told
        # otherwise, not the first python3 on PATH; a cluster's executors are set up with the cluster.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        return builder.getOrCreate(), True
    except Exception as exc:  # pyspark's errors for a missing Java or an unreachable master vary by version
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise NetgraphError(f"Spark did not start ({reason}); it needs a Java runtime "
                            "(apt-get install default-jre-headless) and a reachable --master") from None
