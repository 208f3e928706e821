"""Writing a network out: canonical CSV, GraphML, GEXF, node-link JSON.

The CSV export is the canonical folder format (:mod:`netgraph.model.tables`) with node
ids, so that ``netgraph.load`` of it gives the same network again. GraphML and
GEXF hold only scalar attributes: lists are joined with ``;`` and dates are
written ``YYYY-MM-DD``. JSON is networkx's node-link form, lists kept.

Every file is written to a temporary file beside its destination, flushed to
disk and renamed into place, so an interrupted export never leaves half a file
over a good one. The CSV export's folder is written as a set: into a temporary
sibling folder, swapped into place whole, so that an interrupted export never
leaves new files beside old ones (anonymous tables beside real-name ones).
Text cells and column names that a spreadsheet would run as a formula are
escaped with a leading ``'`` (which the canonical reader removes again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np

from .._lazy import pd
from ..errors import NetgraphError
from ..model.edges import ZERO_WHEN_ABSENT
from ..model.tables import SCHEMAS

__all__ = ["export", "FORMATS", "write_tables", "write_config", "atomic_write", "atomic_folder", "scalar_graph",
           "spreadsheet_safe", "csv_text"]

FORMATS = ("csv", "graphml", "gexf", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Derived node attributes: recomputed on loading, so not exported as columns.
_DERIVED = ("sources", "is_me", "company_from")


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, flushed to disk and renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync(path.parent)


def atomic_folder(folder: str | Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write ``files`` (name: content) as the whole content of ``folder``, all of them or none.

    They are written into a temporary sibling folder, flushed to disk, and
    swapped into place: the previous folder is renamed aside, the new one
    renamed in, and the previous one removed. An interruption before the
    swap leaves the previous folder as it was; an interruption (a crash) in
    between two renames leaves it whole beside, named ``.<folder>.*.old``.
    Never a mixture.

    Raises
    ------
    NetgraphError
        When ``folder`` is a file, or holds files other than ``files`` (they
        would be lost in the swap): a new folder, an empty one or a previous
        export is needed.
    """
    folder = Path(folder)
    if folder.exists():
        if not folder.is_dir():
            raise NetgraphError("this export writes a folder, and this is a file", file=folder)
        others = sorted(p.name for p in folder.iterdir() if p.name not in files)
        if others:
            raise NetgraphError(f"the folder holds files that are not this export's ({', '.join(others[:3])}"
                                f"{', ...' if len(others) > 3 else ''}): write into a new or empty folder, "
                                "or one that holds a previous export", file=folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        for name, data in files.items():
            atomic_write(staging / name, data)
        if folder.exists():
            aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
            os.replace(folder, aside)  # onto an empty folder: allowed
            try:
                os.replace(staging, folder)
            except BaseException:
                os.replace(aside, folder)
                raise
            shutil.rmtree(aside)
        else:
            os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _sync(folder.parent)
    return [folder / name for name in files]


def _sync(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk, where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder: its renames are durable already
        return
    try:
        os.fsync(handle)
    except OSError:  # some file systems refuse fsync on a folder
        pass
    finally:
        os.close(handle)


def spreadsheet_safe(value: str) -> str:
    """Escape a text cell a spreadsheet would run as a formula (OWASP's rule).

    A cell that already looks escaped is escaped once more, so that reading
    (which removes one ``'``) gives back exactly what was written.
    """
    risky = value.startswith(_FORMULA_START) or (value[:1] == "'" and value[1:2].startswith(_FORMULA_START))
    return "'" + value if risky else value


def _cell(value) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):
        return ";".join(str(v) for v in value)
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _csv_text(frame: pd.DataFrame, numeric: set[str]) -> str:
    # a column name is a cell too: an extra column named =HYPERLINK(...) would run in the header
    out = pd.DataFrame({c: [(_cell(v) if c in numeric else spreadsheet_safe(_cell(v))) for v in frame[c]]
                        for c in frame.columns})
    out.columns = [spreadsheet_safe(str(c)) for c in frame.columns]
    return csv_text(out)


def csv_text(frame: pd.DataFrame) -> str:
    """A table as CSV text, lines ending in CRLF as RFC 4180 has them.

    Not LF alone: the writer quotes a cell holding a character of the line
    ending only, so a carriage return inside a cell would go unquoted and end
    the row there for every reader (a name planted as ``"\\r=cmd"`` would
    become a cell of its own starting with ``=``).
    """
    return frame.to_csv(index=False, lineterminator="\r\n")


def _table_texts(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Canonical tables as the text of their ``<kind>.csv`` files."""
    texts = {}
    for kind, frame in frames.items():
        if frame is None:
            continue
        schema = SCHEMAS[kind]
        columns = [c for c in frame.columns if not c.startswith("_")]
        texts[f"{kind}.csv"] = _csv_text(frame[columns], set(schema.numbers) | set(schema.dates))
    return texts


def write_tables(frames: dict[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write canonical tables as ``<kind>.csv`` files in ``folder``, each atomically; returns the paths."""
    written = []
    for name, text in _table_texts(frames).items():
        atomic_write(Path(folder) / name, text)
        written.append(Path(folder) / name)
    return written


def write_config(folder: str | Path, *, me=None, emails=(), targets=(), today=None) -> Path:
    """Write ``netgraph.toml``."""
    path = Path(folder) / "netgraph.toml"
    atomic_write(path, _config_text(me=me, emails=emails, targets=targets, today=today))
    return path


def _config_text(*, me=None, emails=(), targets=(), today=None) -> str:
    """The text of ``netgraph.toml``."""
    lines = ["# written by netgraph"]
    if me is not None:
        lines.append(f"me = {json.dumps(str(me), ensure_ascii=False)}")
    lines.append(f"emails = {json.dumps(list(emails), ensure_ascii=False)}")
    lines.append(f"targets = {json.dumps(list(targets), ensure_ascii=False)}")
    if today is not None:
        lines.append(f'today = "{pd.Timestamp(today).date()}"')
    return "\n".join(lines) + "\n"


def _people_frame(people: pd.DataFrame) -> pd.DataFrame:
    frame = people.drop(columns=[c for c in _DERIVED if c in people]).copy()
    if "company_from" in people:
        frame["company"] = frame["company"].where(people["company_from"] == "", "")
    frame.insert(0, "id", people.index)
    return frame.reset_index(drop=True)


def scalar_graph(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of G whose attributes are all strings or numbers (for GraphML and GEXF)."""
    H = nx.DiGraph()
    H.graph.update({k: _cell(v) for k, v in G.graph.items() if _is_scalar(v)})
    H.add_nodes_from((n, _scalars(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, _with_zeros(_scalars(d))) for u, v, d in G.edges(data=True))
    return H


def _with_zeros(data: dict) -> dict:
    """An edge of a person's graph (one with ``sent``) with the counts it holds only where not zero written as 0:
    a file's every edge has the same columns."""
    if "sent" in data:
        data.update((key, 0) for key in ZERO_WHEN_ABSENT if key not in data)
    return data


def _is_scalar(value) -> bool:
    return isinstance(value, (str, int, float, dt.date)) or (
        isinstance(value, list) and all(isinstance(x, str) for x in value))


def _scalars(data: dict) -> dict:
    out: dict[str, bool | int | float | str] = {}
    for key, value in data.items():
        if isinstance(value, (bool, np.bool_)):
            out[key] = bool(value)
        elif isinstance(value, (int, np.integer)):
            out[key] = int(value)
        elif isinstance(value, (float, np.floating)):
            if not np.isnan(value):
                out[key] = float(value)
        else:
            text = _cell(value)
            if text:
                out[key] = text
    return out


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # the strength model and the rules
        return dataclasses.asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def export(net, out: str | Path, *, format: str = "csv", anonymize: bool = False, keep_companies: bool = False,
           salt: str | bytes | None = None) -> list[Path]:
    """Write a network in one of :data:`FORMATS`.

    Parameters
    ----------
    net : Network
        A loaded network (:func:`netgraph.load`).
    out : path
        A folder for ``csv`` (the canonical tables and ``netgraph.toml``), a
        file for the other formats.
    format : {"csv", "graphml", "gexf", "json"}, default "csv"
    anonymize : bool
        Write pseudonyms instead of people's names, addresses, phones and
        profiles, and companies' names unless ``keep_companies``; notes are
        left out (see :func:`netgraph.io.privacy.anonymize`).
    keep_companies : bool
        With ``anonymize``, keep company names as they are.
    salt : str or bytes, optional
        With ``anonymize``, the key of the pseudonyms (random by default).

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import netgraph, tempfile
    >>> net = netgraph.load()
    >>> folder = tempfile.mkdtemp()
    >>> _ = netgraph.export(net, folder, format="csv")
    >>> netgraph.load(folder).graph.number_of_edges() == net.graph.number_of_edges()
    True
    """
    path = Path(out)
    if format not in FORMATS:
        raise NetgraphError(f"unknown format '{format}': use one of {', '.join(FORMATS)}")
    if anonymize:
        from .privacy import anonymize as anonymized

        net = anonymized(net, salt=salt, keep_companies=keep_companies)
    if format == "csv":
        if path.exists() and not path.is_dir():
            raise NetgraphError("the csv export writes a folder, and this is a file", file=path)
        frames = {"people": _people_frame(net.people), "interactions": net.interactions, "ties": net.ties,
                  "introductions": net.introductions, "companies": net.companies}
        config = _config_text(me=net.me, emails=net.emails, targets=net.targets, today=net.today)
        return atomic_folder(path, {**_table_texts(frames), "netgraph.toml": config})
    if path.is_dir():
        raise NetgraphError(f"the {format} export writes a file, and this is a folder", file=path)
    G = net.graph
    if format == "json":
        data = nx.node_link_data(G, edges="edges")
        data["graph"] = {k: v for k, v in data["graph"].items() if k != "report"}
        data["edges"] = [_with_zeros(edge) for edge in data["edges"]]
        atomic_write(path, json.dumps(data, default=_json_default, ensure_ascii=False, indent=1))
    else:
        writer = nx.generate_graphml if format == "graphml" else nx.generate_gexf
        atomic_write(path, "\n".join(writer(scalar_graph(G))) + "\n")
    return [path]
