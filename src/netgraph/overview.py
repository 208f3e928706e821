"""The overview of a network: its size, its give-and-take, its companies.

Network-level reciprocity comes in two forms. The binary one is the share of
directed interaction links u->v whose reverse v->u exists too, as
``nx.overall_reciprocity`` computes it on the graph of who contacted whom.
The weighted one (Squartini et al. 2013) is :math:`W^{\\leftrightarrow}/W`:
the reciprocated volume :math:`\\sum_{i \\ne j} \\min(w_{ij}, w_{ji})` over the
total :math:`\\sum_{i \\ne j} w_{ij}`, with :math:`w_{ij}` the interactions from
i to j; it is 1 when every tie is perfectly balanced and 0 when no contact is
ever returned.

References
----------
.. [1] D. Garlaschelli and M. I. Loffredo, "Patterns of link reciprocity in
   directed networks", Physical Review Letters 93, 2004.
.. [2] T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity
   of weighted networks", Scientific Reports 3, 2013.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .graph import display_name

__all__ = ["summary", "Summary", "interaction_reciprocity"]


def interaction_reciprocity(G: nx.DiGraph) -> tuple[float, float]:
    """(binary, weighted) reciprocity of the interaction graph (edges with ``sent`` > 0).

    Returns ``(nan, nan)`` when nobody contacted anybody.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", sent=3); G.add_edge("b", "a", sent=1); G.add_edge("a", "c", sent=2)
    >>> interaction_reciprocity(G)
    (0.6666666666666666, 0.3333333333333333)
    """
    links = 0
    returned = 0
    volume = 0
    mutual = 0
    for u, v, sent in G.edges(data="sent", default=0):
        if u == v or not sent:
            continue
        links += 1
        volume += sent
        back = G[v][u].get("sent", 0) if G.has_edge(v, u) else 0
        if back:
            returned += 1
            mutual += min(sent, back)
    if not links:
        return float("nan"), float("nan")
    return returned / links, mutual / volume


@dataclass
class Summary:
    """The overview: ``as_dict()`` for scripts (``summary --json``), ``str()`` for people."""

    data: dict
    strongest: pd.DataFrame = field(default_factory=pd.DataFrame)
    top_companies: pd.DataFrame = field(default_factory=pd.DataFrame)

    def as_dict(self) -> dict:
        return dict(self.data)

    def __getitem__(self, key):
        return self.data[key]

    def __str__(self) -> str:
        d = self.data
        owner = d["me"] or "(nobody set as me)"
        lines = [f"{owner}'s network, as of {d['today']}", ""]
        rows = [
            ("people", f"{d['people']:,} (me included)"),
            ("relationships", f"{d['relationships']:,}" + (f" ({d['my_relationships']:,} of them mine)"
                                                           if d["me"] else "")),
            ("interactions", f"{d['interactions']:,}" + (f" from {d['first_interaction']} to {d['last_interaction']}"
                                                          if d["first_interaction"] else "")),
            ("introductions", f"{d['introductions']:,}"),
            ("companies", f"{d['companies']:,}"),
            ("reciprocity", _percent(d["reciprocity"]) + " of contacts are returned (binary); "
             + _percent(d["weighted_reciprocity"]) + " of the volume (weighted)"),
        ]
        if d["targets"]:
            rows.append(("targets", ", ".join(f"{t} ({d['target_people'][t]} people)" for t in d["targets"])))
        width = max(len(k) for k, _ in rows)
        lines += [f"  {k:<{width}}  {v}" for k, v in rows]
        if len(self.strongest):
            lines += ["", "Strongest ties:"]
            lines += [f"  {r.contact:<28} {r.strength:.2f}  {r.company}" for r in self.strongest.itertuples()]
        if len(self.top_companies):
            lines += ["", "Companies with the most people:"]
            lines += [f"  {r.company:<28} {r.people:>4}" for r in self.top_companies.itertuples()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"


def _percent(value: float) -> str:
    return "n/a" if value != value else f"{value:.0%}"


def summary(G: nx.DiGraph, me=None, *, top: int = 5) -> Summary:
    """The overview of a netgraph graph.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose network; defaults to ``G.graph["me"]`` (the summary works without one).
    top : int
        How many strongest ties and biggest companies to list.

    Returns
    -------
    Summary
        ``as_dict()`` has ``me`` (name), ``targets``, ``people``,
        ``relationships``, ``interactions``, ``introductions``, ``companies``,
        ``reciprocity``, ``weighted_reciprocity`` and a few more figures.

    Examples
    --------
    >>> import netgraph
    >>> s = netgraph.summary(netgraph.load().graph)
    >>> s["me"]
    'Jane Jones'
    """
    me = me if me is not None else G.graph.get("me")
    me = me if me in G else None
    undirected = G.to_undirected(as_view=True)
    binary, weighted = interaction_reciprocity(G)
    dates = [d for _, _, d in G.edges(data="last") if d is not None]
    firsts = [d for _, _, d in G.edges(data="first") if d is not None]
    companies = G.graph.get("companies")
    company_names = {r["name"] for r in companies} if companies else {c for _, c in G.nodes(data="company") if c}
    employers = Counter(c for _, c in G.nodes(data="company") if c)
    targets = list(G.graph.get("targets", []))
    data = {
        "me": display_name(G, me) if me is not None else None,
        "today": str(G.graph.get("today", "")),
        "targets": targets,
        "target_people": {t: employers.get(t, 0) for t in targets},
        "people": G.number_of_nodes(),
        "relationships": undirected.number_of_edges(),
        "my_relationships": undirected.degree(me) if me is not None else 0,
        "interactions": int(sum(s for _, _, s in G.edges(data="sent", default=0))),
        "first_interaction": str(min(firsts)) if firsts else None,
        "last_interaction": str(max(dates)) if dates else None,
        "introductions": len(G.graph.get("introductions", [])),
        "companies": len(company_names),
        "reciprocity": binary,
        "weighted_reciprocity": weighted,
    }
    strongest = pd.DataFrame(
        [(display_name(G, v), G.nodes[v].get("company", ""), d["strength"]) for v, d in G[me].items()]
        if me is not None else [], columns=["contact", "company", "strength"])
    strongest = strongest.sort_values(["strength", "contact"], ascending=[False, True]).head(top)
    top_companies = pd.DataFrame(employers.most_common(top), columns=["company", "people"])
    return Summary(data, strongest.reset_index(drop=True), top_companies)
