"""GraphML and GEXF files: a network that ``netgraph export``, Gephi or networkx wrote, read back.

Nodes become people, with their attributes as columns: ``name`` (else
Gephi's ``label``, else the node's id), ``emails`` and ``phones`` (joined
with ``;`` on export, split again by validation), ``company``, ``title``...
The node whose ``is_me`` is true is the network's owner. Edges become ties:
``a`` and ``b`` are the node ids, ``strength`` is the edge's ``strength``
(else its ``weight``), with ``since`` and ``note`` when present. netgraph
writes both directions of every relationship; the ties of one pair are one
relationship again when the graph is built. What the edges say about
interactions (``sent``, ``last``...) is a summary, not interactions, and is
not read.

The XML is parsed by :mod:`defusedxml`, streamed and never held as a tree:
a file that declares an entity (a "billion laughs" bomb) or refers to an
external one is refused with an error, never expanded, and nothing is ever
fetched.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from ..._lazy import pd
from ...errors import NetgraphError
from ...model.report import FileReport, ImportReport
from ...model.tables import Tables, validate

if TYPE_CHECKING:
    from . import Context

__all__ = ["read_graph_file", "recognises", "read"]

SUFFIXES = (".graphml", ".gexf")
#: Bytes fed to the parser at a time.
CHUNK = 1 << 20
#: Node attributes named otherwise in the people table.
_PEOPLE_NAMES = {"emails": "email", "phones": "phone"}
#: Node attributes netgraph derives while building a graph: recomputed, not read.
_DERIVED = {"sources", "company_from", "is_me", "label"}
_TRUE = {"true", "1", "yes"}
#: A document whose first element is <graphml> or <gexf> (any prefix), after an XML declaration,
#: comments (networkx and igraph write one above the root), processing instructions and a doctype.
_ROOT = re.compile(r"\A\ufeff?\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:\w+:)?(?:graphml|gexf)\b",
                   re.DOTALL)
#: Attribute names the tables keep for their own bookkeeping (where each record was read): a file's
#: attribute of that name is left out, not allowed to overwrite them.
_RESERVED = {"_file", "_line", "_source"}


def recognises(path: Path, head: str) -> bool:
    """True for ``.graphml`` and ``.gexf`` files, and for XML whose root is ``<graphml>`` or ``<gexf>``."""
    if path.suffix.lower() in SUFFIXES:
        return True
    return _ROOT.match(head) is not None


def read(path: Path, report: ImportReport, context: Context) -> Tables:
    """The reader's entry point for :func:`netgraph.load`."""
    return read_graph_file(path, report=report)


def read_graph_file(path, *, report: ImportReport | None = None) -> Tables:
    """Read a GraphML or GEXF file into canonical tables: people and ties.

    Parameters
    ----------
    path : str or Path
        The file, as ``netgraph export``, Gephi or networkx write it.
    report : ImportReport, optional
        Where to record what was read and every problem (one is made if not given).

    Returns
    -------
    Tables
        ``people`` (one record per node, ``id`` the node's id) and ``ties``
        (one per edge); ``owner`` holds the id of the node with ``is_me``.

    Raises
    ------
    NetgraphError
        When the file is not well-formed XML (with the line), declares an XML
        entity or refers to an external one, or is neither GraphML nor GEXF.

    Examples
    --------
    >>> import netgraph, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.graphml"
    >>> _ = netgraph.export(netgraph.load(), path, format="graphml")
    >>> tables = read_graph_file(path)
    >>> tables.owner
    ['jane-jones']
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    entry = report.add(path, "graph")
    collector = _Collector(entry)
    _parse(path, collector)
    if collector.root not in ("graphml", "gexf"):
        raise NetgraphError(f"not GraphML or GEXF: the document is <{collector.root}>", file=path, line=1)
    if collector.reserved:
        entry.notes.append(f"attributes {', '.join(sorted(collector.reserved))} ignored: names netgraph keeps "
                           "for where each record was read")
    if collector.hyperedges:
        entry.notes.append(f"{collector.hyperedges:,} hyperedges ignored: netgraph's ties join two people")
    # Read as the canonical tables are: a tie must name a node of the file.
    people = validate(_frame(collector.nodes, ("id", "name")), "people", entry)
    ties = validate(_frame(collector.edges, ("a", "b")), "ties", entry)
    return Tables(people=people, ties=ties, owner=collector.owner)


def _parse(path: Path, collector: _Collector) -> None:
    """Stream the file through a parser that refuses entities and external references."""
    parser = DefusedXMLParser(target=collector)
    collector.expat = parser.parser
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                parser.feed(chunk)
        parser.close()
    except IsADirectoryError:
        raise NetgraphError("is a directory, expected a file", file=path) from None
    except OSError as exc:
        raise NetgraphError(exc.strerror or str(exc), file=path) from None
    except DefusedXmlException as exc:
        raise NetgraphError(f"refused: the XML declares an entity or refers to an external one ({exc}); "
                            "netgraph never expands them", file=path, line=collector.line()) from None
    except ParseError as exc:
        # str(exc) is "not well-formed (invalid token): line 3, column 4": the line goes where lines go
        raise NetgraphError(f"not well-formed XML: {str(exc).split(': line')[0]}", file=path,
                            line=exc.position[0]) from None


def _frame(records: list[dict], required: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=list(dict.fromkeys([*required, "_line", *(k for r in records for k in r)])),
                         dtype=object)
    return frame.fillna("")


class _Collector:
    """A parser target that turns GraphML and GEXF elements into people and tie records as they stream by.

    Attribute declarations (GraphML ``<key>``, GEXF ``<attribute>``) give
    each value its name and default; every value is kept as text, for
    validation to type.
    """

    def __init__(self, entry: FileReport):
        self.entry = entry
        self.expat = None
        self.root = ""
        self.nodes: list[dict] = []
        self.edges: list[dict] = []
        self.owner: list[str] = []
        self.hyperedges = 0
        self.reserved: set[str] = set()
        # (domain, key id) -> [attribute name, default]; domain "node", "edge" or "all"
        self.keys: dict[tuple[str, str], list[str]] = {}
        self.record: dict | None = None
        self.kind = ""
        self.key: list[str] | None = None  # the declaration whose <default> is being read
        self.value: str | None = None  # the <data> key whose text is being read
        self.text: list[str] = []

    def line(self) -> int | None:
        return self.expat.CurrentLineNumber if self.expat is not None else None

    # -- the parser's target interface

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = tag.rpartition("}")[2]
        if not self.root:
            self.root = name
        handler = getattr(self, f"_start_{name}", None)
        if handler is not None:
            handler(attrs)

    def end(self, tag: str) -> None:
        handler = getattr(self, f"_end_{tag.rpartition('}')[2]}", None)
        if handler is not None:
            handler()

    def data(self, text: str) -> None:
        if self.value is not None or self.key is not None:
            self.text.append(text)

    def close(self) -> None:
        return None

    # -- declarations

    def _start_key(self, attrs: dict[str, str]) -> None:  # GraphML
        self._declare(attrs.get("for", "all"), attrs.get("id", ""), attrs.get("attr.name") or attrs.get("id", ""))

    def _start_attributes(self, attrs: dict[str, str]) -> None:  # GEXF
        self.kind = attrs.get("class", "node")

    def _start_attribute(self, attrs: dict[str, str]) -> None:  # GEXF
        self._declare(self.kind, attrs.get("id", ""), attrs.get("title") or attrs.get("id", ""))

    def _declare(self, domain: str, key: str, name: str) -> None:
        self.key = self.keys[domain, key] = [name, ""]
        if name in _RESERVED:
            self.reserved.add(name)

    def _start_default(self, attrs: dict[str, str]) -> None:
        self.text = []

    def _end_default(self) -> None:
        if self.key is not None:
            self.key[1] = "".join(self.text).strip()

    def _end_key(self) -> None:
        self.key = None

    _end_attribute = _end_key

    # -- records

    def _start_node(self, attrs: dict[str, str]) -> None:
        self._begin("node", attrs, {"id": attrs.get("id", ""), "label": attrs.get("label", "")})

    def _start_edge(self, attrs: dict[str, str]) -> None:
        self._begin("edge", attrs, {"a": attrs.get("source", ""), "b": attrs.get("target", ""),
                                    "weight": attrs.get("weight", "")})

    def _start_hyperedge(self, attrs: dict[str, str]) -> None:
        self.hyperedges += 1

    def _begin(self, kind: str, attrs: dict[str, str], record: dict) -> None:
        # A nested graph's nodes are nodes too; the outer record is finished first.
        if self.record is not None:
            self._finish()
        self.kind, self.record = kind, {**record, "_line": self.line()}

    def _start_data(self, attrs: dict[str, str]) -> None:  # GraphML
        self.value, self.text = attrs.get("key", ""), []

    def _end_data(self) -> None:
        if self.record is not None and self.value is not None:
            self._set(self.value, "".join(self.text))
        self.value = None

    def _start_attvalue(self, attrs: dict[str, str]) -> None:  # GEXF
        if self.record is not None:
            self._set(attrs.get("for", attrs.get("id", "")), attrs.get("value", ""))

    def _set(self, key: str, value: str) -> None:
        assert self.record is not None  # called inside a node or an edge only
        name = self._declared(key)[0]
        if name in _RESERVED:
            self.reserved.add(name)
            return
        self.record[name] = value.strip()

    def _declared(self, key: str) -> list[str]:
        return self.keys.get((self.kind, key)) or self.keys.get(("all", key)) or [key, ""]

    def _end_node(self) -> None:
        if self.record is not None and self.kind == "node":
            self._finish()

    def _end_edge(self) -> None:
        if self.record is not None and self.kind == "edge":
            self._finish()

    def _finish(self) -> None:
        record, kind = self.record, self.kind
        assert record is not None  # called at the end of a node or an edge only
        self.record = None
        for (domain, _), (name, default) in self.keys.items():
            if domain in (kind, "all") and default and name not in record and name not in _RESERVED:
                record[name] = default
        if kind == "node":
            self._person(record)
        else:
            self._tie(record)

    def _person(self, record: dict) -> None:
        if not record["id"]:
            self._skip(record, "a node without an id")
            return
        if str(record.get("is_me", "")).strip().lower() in _TRUE:
            self.owner.append(record["id"])
        person = {_PEOPLE_NAMES.get(k, k): v for k, v in record.items() if k not in _DERIVED}
        person["name"] = person.get("name") or record["label"] or record["id"]
        self.nodes.append(person)

    def _tie(self, record: dict) -> None:
        if not record["a"] or not record["b"]:
            self._skip(record, "an edge without a source or a target")
            return
        tie = {"a": record["a"], "b": record["b"], "strength": record.get("strength") or record["weight"],
               "_line": record["_line"]}
        tie.update({k: record[k] for k in ("since", "note") if record.get(k)})
        self.edges.append(tie)

    def _skip(self, record: dict, reason: str) -> None:
        self.entry.read += 1
        self.entry.problem(record["_line"], reason)
