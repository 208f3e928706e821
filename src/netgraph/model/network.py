"""The result of :func:`netgraph.load`: the graph, the tables it came from, the report."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .identity import Identity
from .report import ImportReport

__all__ = ["Network"]


@dataclass
class Network:
    """A loaded network.

    Attributes
    ----------
    graph : nx.DiGraph
        The relationship graph (DESIGN.md section 5).
    people, interactions, ties, introductions, companies : DataFrame
        The canonical tables after identity resolution: people are indexed by
        node id, and every reference in the other tables is a node id.
    me : str or None
        The owner's node id.
    today : datetime.date
        The day recency is measured from.
    targets : list of str
        The companies the owner is focusing on (canonical names).
    report : ImportReport
        What was read, loaded and skipped, per file, and the identity merges.
    """

    graph: nx.DiGraph
    people: pd.DataFrame
    interactions: pd.DataFrame
    ties: pd.DataFrame
    introductions: pd.DataFrame
    companies: pd.DataFrame
    me: str | None
    today: dt.date
    targets: list[str]
    report: ImportReport = field(default_factory=ImportReport)
    emails: list[str] = field(default_factory=list)
    resolver: Identity | None = field(default=None, repr=False)

    @property
    def identity(self) -> pd.DataFrame:
        """Which records became which node, and why (one row per record)."""
        return self.report.merges

    def explain_identity(self, person) -> pd.DataFrame:
        """The records merged into one person (a node id or anything :meth:`find` takes).

        One row per record: its file and line, the ``rule`` and ``key`` that
        joined it and the record it matched (``via``), and in ``refused`` every
        merge it was refused and every profile URL or phone of it left unused,
        with the reason.
        """
        node = person if person in self.graph else self.find(person)
        return self.identity[self.identity["node"] == node].reset_index(drop=True)

    def find(self, ref) -> str:
        """The node for an id, e-mail address, profile URL, phone or name."""
        from ..errors import NetgraphError

        node, reason = self.resolver.resolve(ref)
        if node is None:
            raise NetgraphError(reason)
        return node

    def summary(self):
        """The overview of the network (see :func:`netgraph.summary`)."""
        from ..analysis.overview import summary

        return summary(self.graph)

    def __repr__(self) -> str:
        G = self.graph
        owner = G.nodes[self.me]["name"] if self.me else "nobody"
        return (f"<Network of {owner}: {G.number_of_nodes():,} people, "
                f"{G.number_of_edges() // 2:,} relationships, {len(self.interactions):,} interactions, "
                f"today={self.today}>")

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(repr(self))}</p>" + self.summary()._repr_html_()
