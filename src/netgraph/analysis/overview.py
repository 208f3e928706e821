"""The overview of a network: its size, its give-and-take, its shape, its companies.

Beside the counts, the overview places my relationships in Dunbar's layers
(:mod:`netgraph.analysis.layers`), finds the clusters of the network around me
(Louvain communities with a fixed seed, me left out, since I connect them
all), tells how many of my relationships are two-way rather than a LinkedIn
connection only, and measures my own structural position with Burt's
effective size (how many non-redundant contacts I have) and constraint (how
much my contacts know each other; low constraint means I bridge groups).

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
.. [3] R. S. Burt, *Structural Holes*, Harvard University Press, 1992.
.. [4] V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding
   of communities in large networks", J. Stat. Mech., 2008.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from .._lazy import pd
from ..model.graph import ball, display_name, induced, neighbours, relationship_count

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
    return _traffic(G)[:2]


def _traffic(G: nx.DiGraph) -> tuple:
    """One pass over every directed edge: binary and weighted reciprocity, interactions, first and last dates."""
    links = returned = volume = mutual = counted = 0
    first = last = None
    succ = G._succ
    for u, nbrs in succ.items():
        for v, data in nbrs.items():
            counted += data.get("interactions", 0)  # each pair's, seen from both ends
            sent = data.get("sent", 0)
            if u == v or not sent:
                continue
            links += 1
            volume += sent
            back = succ[v].get(u)
            back = back.get("sent", 0) if back is not None else 0
            if back:
                returned += 1
                mutual += min(sent, back)
            start, end = data.get("first"), data.get("last")
            if start is not None and (first is None or start < first):
                first = start
            if end is not None and (last is None or end > last):
                last = end
    if not links:
        return float("nan"), float("nan"), counted // 2, first, last
    return returned / links, mutual / volume, counted // 2, first, last


@dataclass
class Summary:
    """The overview: ``to_dict()`` for scripts (``summary --json``), ``to_frame()`` as a table, ``str()`` for people;
    ``strongest``, ``top_companies`` and ``clusters`` as tables (made when asked for: printing needs no pandas)."""

    data: dict
    strongest_ties: list[dict] = field(default_factory=list)

    @cached_property
    def strongest(self) -> pd.DataFrame:
        """My strongest ties: ``contact``, ``company``, ``strength``."""
        return pd.DataFrame(self.strongest_ties, columns=["contact", "company", "strength"])

    @cached_property
    def top_companies(self) -> pd.DataFrame:
        """The companies with the most people: ``company``, ``people``."""
        return pd.DataFrame(self.data["top_companies"], columns=["company", "people"])

    @cached_property
    def clusters(self) -> pd.DataFrame:
        """The largest clusters: ``label``, ``size``, ``my_contacts``."""
        return pd.DataFrame(self.data["largest_clusters"], columns=["label", "size", "my_contacts"])

    def to_dict(self) -> dict:
        """The overview as a JSON-ready dict (what ``netgraph summary --json`` prints)."""
        return dict(self.data)

    def to_frame(self) -> pd.DataFrame:
        """The overview's figures as a two-column table (``figure``, ``value``)."""
        return pd.DataFrame({"figure": list(self.data), "value": list(self.data.values())})

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
            ("give and take", _percent(d["reciprocity"]) + " of the people you are in touch with reach out to "
             "you too; " + _percent(d["weighted_reciprocity"]) + " of all contact goes both ways"),
        ]
        for i, t in enumerate(d["target_companies"] if d["targets"] else []):
            rows.append(("targets" if i == 0 else "",
                         f"{t['company']}: {t['people']} people, {t['former']} former; {t['my_contacts']} you know, "
                         f"{t['within_two_hops']} within two hops"))
        if d["me"]:
            layers = d["layers"]
            rows.append(("closeness", " / ".join(f"{layers[k]} among your closest {k}" if k == "5" else
                                                 f"{layers[k]} in the next {k}" for k in ("5", "15", "50", "150"))
                         + f" / {layers['acquaintances']} acquaintances"))
            rows.append(("two-way", f"{_percent(d['two_way_share'])} of your relationships have contact both "
                                    f"ways; {_percent(d['connection_only_share'])} are a connection only"))
            circles = d["effective_size"] / d["my_relationships"] if d["my_relationships"] else 0.0
            rows.append(("your position", f"your {d['my_relationships']} contacts are like "
                                          f"{d['effective_size']:.0f} unconnected ones: "
                                          + ("few of them know each other, so you bridge many groups" if circles > 0.7
                                             else "many of them know each other, a close-knit network")))
        rows.append(("groups", f"{d['clusters']} groups of people who know each other"))
        width = max(len(k) for k, _ in rows)
        lines += [f"  {k:<{width}}  {v}" for k, v in rows]
        if self.strongest_ties:
            lines += ["", "Strongest ties:"]
            lines += [f"  {r['contact']:<28} {r['strength']:.2f}  {r['company']}" for r in self.strongest_ties]
        if d["top_companies"]:
            lines += ["", "Companies with the most people:"]
            lines += [f"  {r['company']:<28} {r['people']:>4}" for r in d["top_companies"]]
        if d["largest_clusters"]:
            lines += ["", "Largest clusters:"]
            lines += [f"  {r['label']:<28} {r['size']:>4} {'person' if r['size'] == 1 else 'people'}, "
                      f"{r['my_contacts']} of them your contacts" for r in d["largest_clusters"]]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"


def _percent(value: float) -> str:
    return "n/a" if value != value else f"{value:.0%}"


def summary(G: nx.DiGraph, *, me=None, today=None, top: int = 5, seed: int = 0) -> Summary:
    """The overview of a netgraph graph.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose network; defaults to ``G.graph["me"]`` (the summary works without one).
    today : date, optional
        The day the overview is as of (default: the graph's).
    top : int, default 5
        How many strongest ties, biggest companies and largest clusters to list.
    seed : int
        Seed of the clustering.

    Returns
    -------
    Summary
        ``to_dict()`` has ``me`` (name), ``targets``, ``people``,
        ``relationships``, ``interactions``, ``introductions``, ``companies``,
        ``reciprocity``, ``weighted_reciprocity``, and the overview's figures:
        ``layers``, ``clusters``, ``largest_clusters``, ``two_way_share``,
        ``connection_only_share``, ``effective_size``, ``constraint``,
        ``target_companies`` and ``top_companies``.

    Examples
    --------
    >>> import netgraph
    >>> s = netgraph.summary(netgraph.load().graph)
    >>> s["me"], s["layers"]["5"]
    ('Jane Jones', 5)
    """
    me = me if me is not None else G.graph.get("me")
    me = me if me in G else None
    adjacency = neighbours(G)
    binary, weighted, interactions, firsts, lasts = _traffic(G)
    companies = G.graph.get("companies")
    company_names = {r["name"] for r in companies} if companies else {c for _, c in G.nodes(data="company") if c}
    employers = Counter(c for _, c in G.nodes(data="company") if c)
    targets = list(G.graph.get("targets", []))
    groups = clusters_around(G, me, seed)
    data = {
        "me": display_name(G, me) if me is not None else None,
        "today": str(today or G.graph.get("today", "")),
        "targets": targets,
        "people": G.number_of_nodes(),
        "relationships": relationship_count(G),
        "my_relationships": len(adjacency[me]) if me is not None else 0,
        "interactions": int(interactions),
        "first_interaction": str(firsts) if firsts else None,
        "last_interaction": str(lasts) if lasts else None,
        "introductions": len(G.graph.get("introductions", [])),
        "companies": len(company_names),
        "reciprocity": binary,
        "weighted_reciprocity": weighted,
        "clusters": len(groups),
        "seed": seed,
        "target_companies": [_target(G, me, t) for t in targets],
        "top_companies": [{"company": c, "people": n} for c, n in employers.most_common(top)],
    }
    data["target_people"] = {t["company"]: t["people"] for t in data["target_companies"]}
    if me is not None:
        data.update(_mine(G, me))
    strongest = sorted(({"contact": display_name(G, v), "company": G.nodes[v].get("company", ""),
                         "strength": d["strength"]} for v, d in G[me].items()) if me is not None else [],
                       key=lambda r: (-r["strength"], r["contact"]))[:top]
    data["largest_clusters"] = [dict(zip(("label", "size", "my_contacts"), describe_cluster(G, me, members)))
                                for members in groups[:top]]
    return Summary(data, strongest)


def clusters_around(G: nx.DiGraph, me, seed: int) -> list[set]:
    """The clusters of the network around ``me``, found without ``me`` (who would join them all)."""
    from ..algorithms.communities import clusters

    return clusters(G, seed=seed, ignore=() if me is None else (me,))


def describe_cluster(G: nx.DiGraph, me, members: set) -> tuple[str, int, int]:
    """A cluster's label: the employer (current or past) most of its members share, else its largest tag."""
    employers = Counter(c for n in members for c in {G.nodes[n].get("company", ""),
                                                      *G.nodes[n].get("past_companies", [])} if c)
    tags = Counter(t for n in members for t in G.nodes[n].get("tags", []))
    label = ""
    for counts in (employers, tags):
        # the most shared, and of equals the first by name: counting follows a set's order, which changes
        # from one run to the next
        best = min(counts.items(), key=lambda item: (-item[1], item[0]), default=None)
        if best is not None and best[1] >= 0.3 * len(members):
            label = best[0]
            break
    mine = sum(1 for n in members if me is not None and G.has_edge(me, n))
    return label or f"{display_name(G, min(members, key=lambda n: display_name(G, n)))} and others", len(members), mine


def _target(G: nx.DiGraph, me, company: str) -> dict:
    current = {n for n, c in G.nodes(data="company") if c == company and n != me}
    former = {n for n, past in G.nodes(data="past_companies", default=[]) if company in past and n != me} - current
    everyone = current | former
    direct = set(neighbours(G)[me]) if me is not None else set()
    two_hops = ball(G, me, 2) - {me} if direct else set()
    return {"company": company, "people": len(current), "former": len(former),
            "my_contacts": len(everyone & direct), "within_two_hops": len(everyone & two_hops)}


def _mine(G: nx.DiGraph, me) -> dict:
    from ..algorithms.structure import constraint, effective_size
    from .layers import layer_of

    layers = Counter(layer_of(G, me=me).values())
    ties = [(d, G[v][me]) for v, d in G[me].items()]
    two_way = sum(1 for out, back in ties if out.get("sent") and back.get("sent"))
    only = sum(1 for out, _ in ties if set(out.get("sources", [])) <= {"linkedin connection", "address book"})
    # Burt's measures of me need only my contacts and theirs
    around = induced(G, ball(G, me, 2))
    return {
        "layers": {str(k): int(layers.get(k, 0)) for k in (5, 15, 50, 150)} | {
            "acquaintances": int(layers.get(0, 0))},
        "two_way_share": two_way / len(ties) if ties else float("nan"),
        "connection_only_share": only / len(ties) if ties else float("nan"),
        "effective_size": float(effective_size(around, nodes=[me])[me]),
        "constraint": float(constraint(around, nodes=[me], weight="strength")[me]),
    }
