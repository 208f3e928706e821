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
dtypes, the graph with its node, successor and predecessor order and its
attribute dicts grouped by shape, the dicts with the same keys); columns of
numbers and dates are arrays of raw bytes in a table beside it, numbers,
booleans and times only. The tables and the identity resolver are documents of
their own, read back when first asked for (a summary needs the graph alone);
every document carries its SHA-256, checked when the file is opened, so a
damaged file is a miss then rather than an error later. Classes come
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

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import itertools
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

from .._lazy import pd
from ..errors import NetgraphError
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
FORMAT = 5
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
            rows = db.execute("SELECT name, body, digest FROM cache").fetchall()
            arrays = db.execute("SELECT dtype, body FROM arrays ORDER BY id").fetchall()
        db.close()
        if any(_digest(body) != digest for _, body, digest in rows):  # damaged: a miss now, not an error later
            return None
        network = _load({name: body for name, body, _ in rows}, arrays)
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
        parts, arrays = _dump(network)
    except _Unsupported:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".sqlite")
        os.close(handle)
        with sqlite3.connect(temporary) as db:
            db.execute("CREATE TABLE cache (name TEXT PRIMARY KEY, body BLOB, digest TEXT)")
            db.executemany("INSERT INTO cache VALUES (?, ?, ?)",
                           ((name, body, _digest(body)) for name, body in parts.items()))
            db.execute("CREATE TABLE arrays (id INTEGER PRIMARY KEY, dtype TEXT, body BLOB)")
            db.executemany("INSERT INTO arrays VALUES (?, ?, ?)",
                           ((i, a.dtype.str, a.tobytes()) for i, a in enumerate(arrays)))
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
# A value is JSON as it is when it can be; what JSON lacks is a one-key object whose key starts with "$". Columns
# of numbers and dates (of the tables, and of the nodes' and edges' attributes) are arrays, stored as raw bytes in
# the file's ``arrays`` table and named in the document by their number: parsing numbers out of text is what
# would make a large network slow to read back.

_PLAIN = (str, int, float, bool, type(None))
#: The kinds of array a file may hold (numbers, booleans, times): never objects, which only pickle could rebuild.
_ARRAY_KINDS = "biufmM"
_INT64 = (-2**63, 2**63 - 1)
#: Columns shorter than this are written as they are: numbering their values would not pay.
_FEW = 16


class _Encoder:
    """Turns a network into a JSON document and the arrays it names."""

    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []

    def array(self, values: np.ndarray) -> int:
        self.arrays.append(np.ascontiguousarray(values))
        return len(self.arrays) - 1

    def value(self, value):
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is list:
            return [self.value(v) for v in value]
        if kind is dict:
            if all(type(k) is str and not k.startswith("$") for k in value):
                return {k: self.value(v) for k, v in value.items()}
            return {"$map": [[self.value(k), self.value(v)] for k, v in value.items()]}
        if kind is tuple:
            return {"$tuple": [self.value(v) for v in value]}
        if kind in (set, frozenset):
            return {"$set": [self.value(v) for v in value]}
        if value is pd.NaT:
            return {"$nat": None}
        if isinstance(value, pd.Timestamp):
            return {"$timestamp": value.isoformat()}
        if kind is dt.datetime:
            return {"$datetime": value.isoformat()}
        if kind is dt.date:
            return {"$date": value.isoformat()}
        if isinstance(value, np.generic) and value.dtype.kind in _ARRAY_KINDS:
            return {"$numpy": self.array(np.array([value]))}
        if isinstance(value, pd.DataFrame):
            return {"$frame": self.frame(value)}
        if isinstance(value, nx.Graph):
            return {"$graph": self.graph(value)}
        if kind is ImportReport:
            return {"$report": {"files": self.value(value.files), "merges": self.value(value.merges)}}
        if dataclasses.is_dataclass(value) and _CLASSES.get(kind.__name__) is kind:
            return {"$class": kind.__name__,
                    "fields": {f.name: self.value(getattr(value, f.name)) for f in dataclasses.fields(value)}}
        raise _Unsupported(kind.__name__)

    def column(self, values: list) -> dict:
        """A list of values: an array when they are all numbers or all dates (one type check each), plain JSON
        when plain, lists and tuples of plain values as they are, anything else encoded one by one."""
        types = set(map(type, values))
        if types == {float}:
            return {"floats": self.array(np.array(values, dtype=np.float64))}
        if types == {int} and _INT64[0] <= min(values) and max(values) <= _INT64[1]:
            return {"ints": self.array(np.array(values, dtype=np.int64))}
        if len(types) == 1 and issubclass(next(iter(types)), np.generic) and values[0].dtype.kind in _ARRAY_KINDS:
            return {"scalars": self.array(np.array(values))}  # numpy scalars stay numpy scalars
        if types == {dt.date}:
            return {"dates": self.array(np.fromiter(map(dt.date.toordinal, values), np.int64, len(values)))}
        if types <= {str, tuple, type(None)} and len(values) >= _FEW and (
                tuple not in types or all(type(x) is str for v in values if type(v) is tuple for x in v)):
            # few distinct texts (an edge's basis, sources, channel; an interaction's people): each written once,
            # with a number per row (and read back as one object, shared by every row that holds it)
            distinct: dict = {}
            codes = [distinct.setdefault(v, len(distinct)) for v in values]  # texts only: (1,) == (True,) elsewhere
            if len(distinct) * 2 <= len(values):
                return {"distinct": self.column(list(distinct)), "codes": self.array(np.array(codes, np.int32))}
        if types <= set(_PLAIN):
            return {"plain": values}
        if types in ({list}, {tuple}) and set(map(type, itertools.chain.from_iterable(values))) <= set(_PLAIN):
            return {"lists" if types == {list} else "tuples": values}  # JSON writes a tuple as a list
        return {"encoded": [self.value(v) for v in values]}

    def series(self, series: pd.Series | pd.Index) -> dict:
        """One column (or an index) with its dtype."""
        dtype = series.dtype
        if isinstance(dtype, np.dtype) and dtype.kind in _ARRAY_KINDS:
            return {"dtype": dtype.str, "array": self.array(series.to_numpy())}
        if isinstance(dtype, pd.CategoricalDtype):
            codes = series.cat.codes if isinstance(series, pd.Series) else series.codes
            return {"dtype": "category", "ordered": bool(dtype.ordered), "categories": self.series(dtype.categories),
                    "array": self.array(np.asarray(codes))}
        if dtype == np.dtype(object):
            return {"dtype": "object", **self.column(list(series))}
        return {"dtype": str(dtype), **self.column(list(series.astype(object)))}  # pandas' own (string, Int64...)

    def frame(self, frame: pd.DataFrame) -> dict:
        if isinstance(frame.index, pd.MultiIndex) or isinstance(frame.columns, pd.MultiIndex):
            raise _Unsupported("MultiIndex")
        return {"columns": self.value(list(frame.columns)), "index": self.series(frame.index),
                "index_name": self.value(frame.index.name),
                "data": [self.series(frame.iloc[:, i]) for i in range(frame.shape[1])],
                "attrs": self.value(dict(frame.attrs))}

    def attributes(self, dicts: list[dict]) -> dict:
        """Attribute dicts (of nodes or edges) by shape: the dicts with the same keys in the same order (a few
        dozen shapes for a million edges), each shape's keys and rows, and every key's values as one column, shape
        after shape.

        Reading each dict once, not once per key, makes the writing fast; rebuilding each shape's dicts at once
        from its columns (``dict(zip(keys, row))``) makes the reading fast, and keeps every dict's key order."""
        shapes: dict[tuple, list[int]] = {}
        for i, data in enumerate(dicts):
            shapes.setdefault(tuple(data), []).append(i)
        values: dict = {}
        for keys, where in shapes.items():
            table = zip(*[tuple(dicts[i].values()) for i in where]) if keys else ()
            for key, held in zip(keys, table):
                values.setdefault(key, []).append(held)
        if any(type(key) is not str for key in values):
            raise _Unsupported("attribute names that are not text")
        whole = len(shapes) == 1  # one shape holds every row in order: its rows go without saying
        return {"shapes": [{"keys": list(keys), "rows": None if whole else self.array(np.array(where, np.int64))}
                           for keys, where in shapes.items()],
                "columns": {key: self.column(list(itertools.chain.from_iterable(held)))
                            for key, held in values.items()}}

    def graph(self, G: nx.Graph) -> dict:
        if G.is_multigraph() or type(G) not in (nx.Graph, nx.DiGraph):
            raise _Unsupported(type(G).__name__)
        nodes = list(G)
        position = {n: i for i, n in enumerate(nodes)}
        edges = [(position[u], position[v], d) for u, nbrs in G._adj.items() for v, d in nbrs.items()
                 if G.is_directed() or position[u] <= position[v]]
        # the order of each node's predecessors (neighbours) is the order edges came in, not that of G.edges
        order = G._pred if G.is_directed() else G._adj
        return {"directed": G.is_directed(), "attributes": self.value(G.graph), "nodes": self.column(nodes),
                "node_attributes": self.attributes([G.nodes[n] for n in nodes]),
                "u": self.array(np.array([e[0] for e in edges], np.int64)),
                "v": self.array(np.array([e[1] for e in edges], np.int64)),
                "edge_attributes": self.attributes([e[2] for e in edges]),
                "order": self.array(np.array([position[p] for n in nodes for p in order[n]], np.int64)),
                "degrees": self.array(np.array([len(order[n]) for n in nodes], np.int64))}


_END = object()  # past a column's last value


class _Decoder:
    """Turns a document and its arrays back into the network."""

    def __init__(self, arrays: list[np.ndarray], parts: dict[str, bytes] | None = None) -> None:
        self.arrays = arrays
        self.parts = parts or {}

    def part(self, name: str):
        """One part kept apart (a table, the identity resolver), decoded when first asked for."""
        try:
            with _no_collection():
                return self.value(json.loads(zlib.decompress(self.parts[name])))
        except Exception as exc:  # noqa: BLE001 - its digest matched: only a file made to deceive gets here
            raise NetgraphError(f"the cached network's {name} cannot be read back ({type(exc).__name__}); run the "
                                "command again with --no-cache") from None

    def value(self, value):
        kind = type(value)
        if kind is list:
            return [self.value(v) for v in value]
        if kind is not dict:
            return value
        if len(value) != 1 or not next(iter(value)).startswith("$"):
            return {k: self.value(v) for k, v in value.items()} if "$class" not in value else self.instance(value)
        ((tag, body),) = value.items()
        if tag == "$map":
            return {self.value(k): self.value(v) for k, v in body}
        if tag == "$tuple":
            return tuple(self.value(v) for v in body)
        if tag == "$set":
            return {self.value(v) for v in body}
        if tag == "$nat":
            return pd.NaT
        if tag == "$timestamp":
            return pd.Timestamp(body)
        if tag == "$datetime":
            return dt.datetime.fromisoformat(body)
        if tag == "$date":
            return dt.date.fromisoformat(body)
        if tag == "$numpy":
            return self.arrays[body][0]
        if tag == "$frame":
            return self.frame(body)
        if tag == "$graph":
            return self.graph(body)
        if tag == "$report":
            if body["merges"] == {"$apart": "merges"}:  # a network's: the merges are read when first asked for
                report = object.__new__(_CachedReport)
                object.__setattr__(report, "_decoder", self)
                object.__setattr__(report, "_merged", int(body["merged"]))
            else:
                report = ImportReport()
                report.merges = self.value(body["merges"])
            report.files = self.value(body["files"])
            return report
        raise ValueError(f"unknown tag {tag}")

    def instance(self, value: dict):
        cls = _CLASSES[value["$class"]]  # a name off the allow-list is a KeyError: the file is a miss
        apart = cls is Network and any(field == {"$apart": name} for name, field in value["fields"].items())
        instance = object.__new__(_CachedNetwork if apart else cls)
        for name, field in value["fields"].items():
            if apart and field == {"$apart": name}:
                continue  # read when first asked for (_Apart)
            object.__setattr__(instance, name, self.value(field))  # frozen dataclasses too
        if apart:
            object.__setattr__(instance, "_decoder", self)
        return instance

    def column(self, column: dict) -> list:
        if "plain" in column:
            return column["plain"]
        if "distinct" in column:
            return list(map(self.column(column["distinct"]).__getitem__, self.arrays[column["codes"]].tolist()))
        if "lists" in column:
            return column["lists"]
        if "tuples" in column:
            return [tuple(v) for v in column["tuples"]]
        if "dates" in column:
            return list(map(dt.date.fromordinal, self.arrays[column["dates"]].tolist()))
        if "scalars" in column:
            return list(self.arrays[column["scalars"]])
        for kind in ("floats", "ints"):
            if kind in column:
                return self.arrays[column[kind]].tolist()
        return [self.value(v) for v in column["encoded"]]

    def series(self, body: dict) -> pd.Index:
        """The values of :meth:`_Encoder.series` as an Index of the same dtype (a Series is made of it)."""
        dtype = body["dtype"]
        if dtype == "category":
            return pd.CategoricalIndex(pd.Categorical.from_codes(self.arrays[body["array"]], ordered=body["ordered"],
                                                                 categories=self.series(body["categories"])))
        if "array" in body:
            return pd.Index(self.arrays[body["array"]], dtype=dtype, tupleize_cols=False)
        values = self.column(body)
        if dtype == "object":
            array = np.empty(len(values), dtype=object)
            array[:] = values  # lists stay lists: np.array(values) would make them a second axis
            return pd.Index(array, dtype=object, tupleize_cols=False)
        return pd.Index(pd.array(values, dtype=dtype), tupleize_cols=False)

    def frame(self, body: dict) -> pd.DataFrame:
        index = self.series(body["index"]).rename(self.value(body["index_name"]))
        columns = self.value(body["columns"])
        frame = pd.DataFrame({i: pd.Series(self.series(c), index=index, copy=False)
                              for i, c in enumerate(body["data"])}, index=index)
        frame.columns = pd.Index(columns, dtype=object) if not columns else pd.Index(columns)
        frame.attrs.update(self.value(body["attrs"]))
        return frame

    def attributes(self, n: int, body: dict) -> list[dict]:
        """The ``n`` dicts of :meth:`_Encoder.attributes`, each shape's made at once from its columns. Rows that
        do not cover the ``n`` rows once each, or columns that do not hold exactly their shapes' values, are a
        damaged file (a miss)."""
        columns = {key: iter(self.column(column)) for key, column in body["columns"].items()}
        shapes = body["shapes"]
        if len(shapes) == 1 and shapes[0]["rows"] is None:
            places: list = [range(n)]
        else:
            rows = [self.arrays[shape["rows"]] for shape in shapes]  # rows None among several shapes: a miss
            held = np.bincount(np.concatenate(rows), minlength=n) if rows else np.zeros(n, np.int64)
            if len(held) != n or (held != 1).any():
                raise ValueError("the shapes' rows do not cover the rows once each")
            places = [where.tolist() for where in rows]
        dicts: list = [None] * n
        for shape, where in zip(shapes, places):
            keys = shape["keys"]
            if keys:
                made = list(map(dict, map(zip, itertools.repeat(keys),
                                          zip(*(itertools.islice(columns[key], len(where)) for key in keys)))))
            else:
                made = [{} for _ in where]
            if len(made) != len(where):
                raise ValueError("a shape holds more rows than its columns")
            if type(where) is range:
                dicts = made
            else:
                for i, made_one in zip(where, made):
                    dicts[i] = made_one
        if any(next(column, _END) is not _END for column in columns.values()):
            raise ValueError("columns hold more values than their shapes' rows")
        return dicts

    def graph(self, body: dict) -> nx.Graph:
        """The graph, written straight into networkx's dicts (as ``nx.from_dict_of_dicts`` does): node and
        edge by edge through ``add_edges_from`` took a quarter of the read."""
        directed = body["directed"]
        G = nx.DiGraph() if directed else nx.Graph()
        G.graph.update(self.value(body["attributes"]))
        nodes = self.column(body["nodes"])
        G._node.update(zip(nodes, self.attributes(len(nodes), body["node_attributes"])))
        u, v = self.arrays[body["u"]].tolist(), self.arrays[body["v"]].tolist()
        data = self.attributes(len(u), body["edge_attributes"])
        adjacency: dict = {n: {} for n in nodes}  # successors, in the order the edges came in
        for a, b, d in zip(u, v, data):
            adjacency[nodes[a]][nodes[b]] = d
            if not directed:
                adjacency[nodes[b]][nodes[a]] = d
        flat, at, order = self.arrays[body["order"]].tolist(), 0, {}
        for n, degree in zip(nodes, self.arrays[body["degrees"]].tolist()):
            order[n] = [nodes[p] for p in flat[at:at + degree]]
            at += degree
        if directed:  # predecessors in their own order, sharing each edge's dict with its successor entry
            G._succ.update(adjacency)
            G._pred.update({n: {p: adjacency[p][n] for p in order[n]} for n in nodes})
        else:
            G._adj.update({n: {p: adjacency[n][p] for p in order[n]} for n in nodes})
        return G


#: The parts of a network kept apart in the file and read back only when asked for: the tables and the identity
#: resolver (a summary, a path or a shortlist needs the graph alone, and these are half of the file); the import
#: report's table of merges is one more.
_APART = ("people", "interactions", "ties", "introductions", "companies", "identities")


def _dump(value) -> tuple[dict[str, bytes], list[np.ndarray]]:
    """The documents (compressed JSON: ``network``, and for a network each part of :data:`_APART`) and the
    arrays they name."""
    encoder = _Encoder()
    parts = {}
    with _no_collection():
        if type(value) is Network:
            for name in _APART:
                parts[name] = _compressed(encoder.value(getattr(value, name)))
            parts["merges"] = _compressed(encoder.value(value.report.merges))
            fields = {f.name: {"$apart": f.name} if f.name in _APART else encoder.value(getattr(value, f.name))
                      for f in dataclasses.fields(value) if f.name != "report"}
            fields["report"] = {"$report": {"files": encoder.value(value.report.files), "merges": {"$apart": "merges"},
                                            "merged": value.report.merged}}
            value = {"$class": "Network", "fields": fields}
        else:
            value = encoder.value(value)
        parts["network"] = _compressed(value)
    return parts, encoder.arrays


def _compressed(document) -> bytes:
    return zlib.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), 3)


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@contextlib.contextmanager
def _no_collection():
    """No garbage collection meanwhile: encoding and decoding make millions of lists and dicts, none of them
    garbage, and the collector would walk them all again and again for nothing."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(parts: dict[str, bytes], arrays: list[tuple[str, bytes]]):
    """The value of :func:`_dump`'s output; a dtype that is not a number, boolean or time refuses the file."""
    kinds = [np.dtype(dtype) for dtype, _ in arrays]
    if any(kind.kind not in _ARRAY_KINDS for kind in kinds):
        raise ValueError("an array of objects")
    # copied: frombuffer's arrays are read-only, and the tables they become may be edited
    decoder = _Decoder([np.frombuffer(body, dtype=kind).copy() for kind, (_, body) in zip(kinds, arrays)], parts)
    with _no_collection():
        return decoder.value(json.loads(zlib.decompress(parts["network"])))


class _Apart:
    """A part of a cached network (or of its report), decoded when first read; then the instance's own attribute (this
    descriptor has no ``__set__``, so the value set on the instance wins from then on)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance._decoder.part(self.name)
        instance.__dict__[self.name] = value
        return value


class _CachedReport(ImportReport):
    """An :class:`ImportReport` read back from the cache: its table of merges is decoded when first asked for."""

    merges = _Apart()
    _merged: int

    @property
    def merged(self) -> int:  # counted when cached: the summary line needs the count, not the table
        return self._merged if "merges" not in self.__dict__ else super().merged


class _CachedNetwork(Network):
    """A :class:`Network` read back from the cache: its tables and identity resolver are decoded when first asked
    for (``net.interactions``, ``net.find``...), the graph and the report at once."""

    people = _Apart()
    interactions = _Apart()
    ties = _Apart()
    introductions = _Apart()
    companies = _Apart()
    identities = _Apart()
