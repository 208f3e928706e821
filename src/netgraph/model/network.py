"""The result of :func:`netgraph.load`: the graph, the tables it came from, the report."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import networkx as nx

from .._lazy import pd
from ..errors import NetgraphError
from .identity import Identity
from .report import ImportReport
from .rules import Rules, rules_of
from .strength import StrengthModel, model_of

__all__ = ["Network"]


@dataclass
class Network:
    """A loaded network.

    Attributes
    ----------
    graph : nx.DiGraph
        The relationship graph (its schema: ``docs/architecture.md``).
    people, interactions, ties, introductions, companies : DataFrame
        The canonical tables after identity resolution: people are indexed by
        node id, and every reference in the other tables is a node id.
    report : ImportReport
        What was read, loaded and skipped, per file, and the identity merges.
    emails : list of str
        The owner's own addresses, as configured.
    identities : Identity or None
        The resolver that turned records into people (what :meth:`find` asks).

    The owner (``me``), ``today``, the ``targets``, the strength ``model`` and
    the ``rules`` are read from the graph's attributes: the graph is their one
    source of truth.
    """

    graph: nx.DiGraph
    people: pd.DataFrame
    interactions: pd.DataFrame
    ties: pd.DataFrame
    introductions: pd.DataFrame
    companies: pd.DataFrame
    report: ImportReport = field(default_factory=ImportReport)
    emails: list[str] = field(default_factory=list)
    identities: Identity | None = field(default=None, repr=False)

    @property
    def me(self) -> str | None:
        """The owner's node id."""
        return self.graph.graph.get("me")

    @property
    def today(self) -> dt.date:
        """The day recency is measured from."""
        return self.graph.graph["today"]

    @property
    def targets(self) -> list[str]:
        """The companies the owner is focusing on (canonical names)."""
        return list(self.graph.graph.get("targets", []))

    @property
    def model(self) -> StrengthModel:
        """The tie-strength model the graph was built with."""
        return model_of(self.graph)

    @property
    def rules(self) -> Rules:
        """The rules of thumb the analyses read (:class:`netgraph.model.rules.Rules`)."""
        return rules_of(self.graph)

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
        if self.identities is None:
            raise NetgraphError("this network keeps no identity records (an anonymised copy?): "
                                "find people by node id")
        node, reason = self.identities.resolve(ref)
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
