"""An on-disk cache of built networks, so that the second command on the same files answers at once.

Building a network (reading every export, resolving identities, inferring who
knows whom, aggregating the edges) costs seconds to minutes; every ``netgraph``
command would pay it again. :func:`cached_load` keeps the built
:class:`~netgraph.model.network.Network` (graph, tables, import report and
identity resolver) in one file and reads it back when nothing it was built from
has changed.

**The key.** A cache file serves a load only when all of these are the same:
netgraph's code (the names, sizes and times of its files: another version, or a
source checkout changed without a new version, is other code) and this module's
format; the folder's absolute path; for
every file the load reads (``netgraph.toml`` included) its path, size and
modification time in nanoseconds; the options (``me``, ``today``, ``targets``,
``emails``, the strength model and the rules). ``today`` counts as given even
when it defaults to the real date, so a cache built yesterday is not used today
(recency would be a day off). Editing, adding, removing or touching a file
changes the key; a network built from a file changed in the last two seconds
is not cached (it could change again within one tick of the file system's clock
and keep its time). A file whose size and modification time were both restored
by hand is the one change the key misses; ``--no-cache`` (``cache=False``)
builds afresh.

**The format is data, never code.** The file is SQLite holding one JSON
document (zlib-compressed): plain values, with tags for what JSON lacks (dates,
timestamps, tuples, sets, numpy scalars, DataFrames column by column with their
dtypes, the graph with its node, successor and predecessor order). Classes come
back only from an allow-list of netgraph's own data classes: unlike pickle,
reading a cache file cannot run code, so a file planted in the cache folder can
at worst fail to read, and a file that fails to read (damaged, truncated, from
another version) is ignored and rebuilt.

**Where.** ``$NETGRAPH_CACHE`` if set, else the user's cache folder
(``$XDG_CACHE_HOME/netgraph`` or ``~/.cache/netgraph``; ``%LOCALAPPDATA%\\netgraph\\cache``
on Windows), never next to the data (a folder the user may share or sync). The
folder is created readable by its owner only (the cache holds the same names and
addresses as the exports); one file per data folder is kept, each write
replacing the last one atomically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
import zlib
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from ..model.identity import Identity, IdentitySettings
from ..model.network import Network
from ..model.report import DateOrder, FileReport, ImportReport, Problem
from ..model.rules import Rules
from ..model.strength import StrengthModel

__all__ = ["cache_folder", "cache_key", "CacheKey", "read_cached", "write_cached", "CACHE_VARIABLE", "FORMAT",
           "RACY_SECONDS"]

#: The variable that moves the cache folder.
CACHE_VARIABLE = "NETGRAPH_CACHE"
#: The layout of the cached document; a change makes every older file a miss.
FORMAT = 1
#: A file changed this shortly before it was read may change again within the same tick of the file system's
#: clock (a few milliseconds on Linux) and keep its modification time: a network built from it is not cached
#: (git's "racy clean" problem, solved the same way).
RACY_SECONDS = 2.0
#: The classes a cache file may hold: netgraph's own data classes (nothing else is ever built from one).
_CLASSES = {cls.__name__: cls for cls in (Network, Identity, IdentitySettings, FileReport, Problem, DateOrder, Rules,
                                          StrengthModel)}


class _Unsupported(Exception):
    """A value the format cannot hold: that network is not cached (it still loads)."""


def cache_folder() -> Path:
    """Where cache files live: ``$NETGRAPH_CACHE``, else the user's cache folder."""
    if os.environ.get(CACHE_VARIABLE):
        return Path(os.environ[CACHE_VARIABLE])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "netgraph" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "netgraph"


@dataclasses.dataclass(frozen=True)
class CacheKey:
    """What names a cache file: the data folder's digest, the inputs' digest; and how long before the key was
    taken the newest input changed (when that is within the racy window, the network is not cached)."""

    where: str
    inputs: str
    age: float

    @property
    def name(self) -> str:
        return f"{self.where}-{self.inputs}.sqlite"


def cache_key(path: Path, files: list[Path], options: dict) -> CacheKey:
    """The key of a load of ``files`` from ``path`` with ``options`` (made text by their ``repr``:
    dataclasses and dates have a stable one)."""
    inputs = hashlib.sha256()
    inputs.update(f"{FORMAT}\0{_code()}\0{sorted(options.items())!r}\0".encode())
    newest = 0.0
    for file in sorted(files):
        info = file.stat()
        inputs.update(os.fsencode(file) + f"\0{info.st_size}\0{info.st_mtime_ns}\0".encode())  # any name's bytes
        newest = max(newest, info.st_mtime)
    return CacheKey(hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:16], inputs.hexdigest()[:32],
                    time.time() - newest)


@functools.cache
def _code() -> str:
    """netgraph's own code, by its files' names, sizes and times: a network built by other code (another version,
    or a change in a source checkout, where the version stays the same) is not reused."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*.py")):
        info = file.stat()
        digest.update(f"{file.relative_to(package)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def read_cached(key: CacheKey) -> Network | None:
    """The network cached under ``key``, or None when there is none or it cannot be read back."""
    file = cache_folder() / key.name
    if not file.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as db:
            (body,) = db.execute("SELECT body FROM cache WHERE name = 'network'").fetchone()
        network = _decode(json.loads(zlib.decompress(body)))
    except Exception:  # noqa: BLE001 - a damaged or foreign file is a miss: the network is built afresh
        return None
    return network if isinstance(network, Network) else None


def write_cached(key: CacheKey, network: Network) -> Path | None:
    """Cache ``network`` under ``key`` (replacing the folder's older file); the file, or None when it was not
    cached: an input had changed :data:`RACY_SECONDS` or less before it was read, the network holds what the
    format cannot, or the cache folder cannot be written (the load goes on without)."""
    if key.age < RACY_SECONDS:
        return None
    folder = cache_folder()
    try:
        body = zlib.compress(json.dumps(_encode(network), ensure_ascii=False, separators=(",", ":")).encode(), 3)
    except _Unsupported:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".sqlite")
        os.close(handle)
        with sqlite3.connect(temporary) as db:
            db.execute("CREATE TABLE cache (name TEXT PRIMARY KEY, body BLOB)")
            db.execute("INSERT INTO cache VALUES ('network', ?)", (body,))
        db.close()
        os.chmod(temporary, 0o600)
        target = folder / key.name
        os.replace(temporary, target)
    except OSError:
        return None
    for older in folder.glob(f"{key.where}-*.sqlite"):  # one file per data folder
        if older != target:
            older.unlink(missing_ok=True)
    return target


# -- the codec -------------------------------------------------------------------------------------------------
# A value is JSON as it is when it can be; what JSON lacks is a one-key object whose key starts with "$".

_PLAIN = (str, int, float, bool, type(None))


def _encode(value):
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [_encode(v) for v in value]
    if kind is dict:
        if all(type(k) is str and not k.startswith("$") for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"$map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if kind is tuple:
        return {"$tuple": [_encode(v) for v in value]}
    if kind in (set, frozenset):
        return {"$set": [_encode(v) for v in value]}
    if value is pd.NaT:
        return {"$nat": None}
    if isinstance(value, pd.Timestamp):
        return {"$timestamp": value.isoformat()}
    if kind is dt.datetime:
        return {"$datetime": value.isoformat()}
    if kind is dt.date:
        return {"$date": value.isoformat()}
    if isinstance(value, np.generic):
        return {"$numpy": [value.dtype.str, value.item() if value.dtype.kind != "M" else int(value.view("i8"))]}
    if isinstance(value, pd.DataFrame):
        return {"$frame": _frame(value)}
    if isinstance(value, nx.Graph):
        return {"$graph": _graph(value)}
    if kind is ImportReport:
        return {"$report": {"files": _encode(value.files), "merges": _encode(value.merges)}}
    if dataclasses.is_dataclass(value) and _CLASSES.get(kind.__name__) is kind:
        return {"$class": kind.__name__,
                "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise _Unsupported(kind.__name__)


def _decode(value):
    kind = type(value)
    if kind is list:
        return [_decode(v) for v in value]
    if kind is not dict:
        return value
    if len(value) != 1 or not next(iter(value)).startswith("$"):
        return {k: _decode(v) for k, v in value.items()} if "$class" not in value else _instance(value)
    ((tag, body),) = value.items()
    if tag == "$map":
        return {_decode(k): _decode(v) for k, v in body}
    if tag == "$tuple":
        return tuple(_decode(v) for v in body)
    if tag == "$set":
        return {_decode(v) for v in body}
    if tag == "$nat":
        return pd.NaT
    if tag == "$timestamp":
        return pd.Timestamp(body)
    if tag == "$datetime":
        return dt.datetime.fromisoformat(body)
    if tag == "$date":
        return dt.date.fromisoformat(body)
    if tag == "$numpy":
        dtype = np.dtype(body[0])
        return np.array(body[1], dtype="i8").view(dtype)[()] if dtype.kind == "M" else dtype.type(body[1])
    if tag == "$frame":
        return _unframe(body)
    if tag == "$graph":
        return _ungraph(body)
    if tag == "$report":
        report = ImportReport()
        report.files, report.merges = _decode(body["files"]), _decode(body["merges"])
        return report
    raise ValueError(f"unknown tag {tag}")


def _instance(value: dict):
    cls = _CLASSES[value["$class"]]  # a name off the allow-list is a KeyError: the file is a miss
    instance = object.__new__(cls)
    for name, field in value["fields"].items():
        object.__setattr__(instance, name, _decode(field))  # frozen dataclasses too
    return instance


def _column(values: list) -> dict:
    """A list of values, as plain JSON when every value is plain (one type check each), else encoded one by one."""
    types = set(map(type, values))
    if types <= set(_PLAIN):
        return {"plain": values}
    if types == {dt.date}:
        return {"dates": [v.isoformat() for v in values]}
    return {"encoded": [_encode(v) for v in values]}


def _uncolumn(column: dict) -> list:
    if "plain" in column:
        return column["plain"]
    if "dates" in column:
        return [dt.date.fromisoformat(v) for v in column["dates"]]
    return [_decode(v) for v in column["encoded"]]


def _series(series: pd.Series | pd.Index) -> dict:
    """One column (or an index) with its dtype: numbers as numbers, datetimes as nanoseconds, the rest as values."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return {"dtype": dtype.str, **_column(series.to_numpy().tolist())}
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        return {"dtype": dtype.str, "ticks": series.to_numpy().view("i8").tolist()}
    if isinstance(dtype, pd.CategoricalDtype):
        return {"dtype": "category", "ordered": bool(dtype.ordered), "categories": _series(dtype.categories),
                "codes": series.cat.codes.tolist() if isinstance(series, pd.Series) else series.codes.tolist()}
    if dtype == np.dtype(object):
        return {"dtype": "object", **_column(list(series))}
    return {"dtype": str(dtype), **_column(list(series.astype(object)))}  # pandas' own (string, Int64...)


def _unseries(body: dict) -> pd.Index:
    """The values of :func:`_series` as an Index of the same dtype (a Series is made of it)."""
    dtype = body["dtype"]
    if "ticks" in body:
        return pd.Index(np.array(body["ticks"], dtype="i8").view(dtype), tupleize_cols=False)
    if dtype == "category":
        categories = _unseries(body["categories"])
        return pd.CategoricalIndex(pd.Categorical.from_codes(body["codes"], categories=categories,
                                                             ordered=body["ordered"]))
    values = _uncolumn(body)
    if dtype == "object":
        array = np.empty(len(values), dtype=object)
        array[:] = values  # lists stay lists: np.array(values) would make them a second axis
        return pd.Index(array, dtype=object, tupleize_cols=False)
    return pd.Index(pd.array(values, dtype=dtype), tupleize_cols=False)


def _frame(frame: pd.DataFrame) -> dict:
    if isinstance(frame.index, pd.MultiIndex) or isinstance(frame.columns, pd.MultiIndex):
        raise _Unsupported("MultiIndex")
    return {"columns": _encode(list(frame.columns)), "index": _series(frame.index), "index_name": _encode(
        frame.index.name), "data": [_series(frame.iloc[:, i]) for i in range(frame.shape[1])],
            "attrs": _encode(dict(frame.attrs))}


def _unframe(body: dict) -> pd.DataFrame:
    index = _unseries(body["index"]).rename(_decode(body["index_name"]))
    columns = _decode(body["columns"])
    frame = pd.DataFrame({i: pd.Series(_unseries(c), index=index, copy=False) for i, c in enumerate(body["data"])},
                         index=index)
    frame.columns = pd.Index(columns, dtype=object) if not columns else pd.Index(columns)
    frame.attrs.update(_decode(body["attrs"]))
    return frame


def _attribute_columns(dicts: list[dict]) -> dict:
    """Attribute dicts (of nodes or edges), column by column: which rows hold each key, and the values."""
    rows: dict = {}
    values: dict = {}
    for i, data in enumerate(dicts):
        for key, value in data.items():
            rows.setdefault(key, []).append(i)
            values.setdefault(key, []).append(value)
    if not all(type(k) is str for k in rows):
        raise _Unsupported("attribute names that are not text")
    return {key: {"rows": None if len(rows[key]) == len(dicts) else rows[key], **_column(values[key])}
            for key in rows}


def _attribute_dicts(n: int, columns: dict) -> list[dict]:
    dicts: list[dict] = [{} for _ in range(n)]
    for key, column in columns.items():
        for i, value in zip(column["rows"] or range(n), _uncolumn(column)):
            dicts[i][key] = value
    return dicts


def _graph(G: nx.Graph) -> dict:
    if G.is_multigraph() or type(G) not in (nx.Graph, nx.DiGraph):
        raise _Unsupported(type(G).__name__)
    nodes = list(G)
    position = {n: i for i, n in enumerate(nodes)}
    edges = [(position[u], position[v], d) for u, nbrs in G._adj.items() for v, d in nbrs.items()
             if G.is_directed() or position[u] <= position[v]]
    body = {"directed": G.is_directed(), "attributes": _encode(G.graph), "nodes": _column(nodes),
            "node_attributes": _attribute_columns([G.nodes[n] for n in nodes]),
            "u": [e[0] for e in edges], "v": [e[1] for e in edges],
            "edge_attributes": _attribute_columns([e[2] for e in edges])}
    if G.is_directed():  # the order of each node's predecessors is the order edges came in, not of G.edges
        body["predecessors"] = [[position[p] for p in G._pred[n]] for n in nodes]
    else:
        body["neighbours"] = [[position[p] for p in G._adj[n]] for n in nodes]
    return body


def _ungraph(body: dict) -> nx.Graph:
    G = nx.DiGraph() if body["directed"] else nx.Graph()
    G.graph.update(_decode(body["attributes"]))
    nodes = _uncolumn(body["nodes"])
    G.add_nodes_from(zip(nodes, _attribute_dicts(len(nodes), body["node_attributes"])))
    data = _attribute_dicts(len(body["u"]), body["edge_attributes"])
    G.add_edges_from((nodes[u], nodes[v], d) for u, v, d in zip(body["u"], body["v"], data))
    if G.is_directed():
        for n, order in zip(nodes, body["predecessors"]):
            before = G._pred[n]
            G._pred[n] = {nodes[p]: before[nodes[p]] for p in order}
    else:
        for n, order in zip(nodes, body["neighbours"]):
            before = G._adj[n]
            G._adj[n] = {nodes[p]: before[nodes[p]] for p in order}
    return G
