"""Weak ties worth nurturing: whom to get back in touch with, and why.

A tie is worth nurturing for what it opens up, and four findings say what that
is:

- **Bridging** (Granovetter 1973; Onnela et al. 2007; Easley & Kleinberg 2010,
  ch. 3): a tie whose two ends share few friends — low *neighbourhood overlap*
  :math:`|N(u) \\cap N(v)| / (|N(u)| + |N(v)| - 2 - |N(u) \\cap N(v)|)` —
  leads to parts of the network the rest of my ties do not. A *local bridge*
  (no friend in common) has a *span*: how far apart its ends would be without it.
  On my own ties the overlap is dominated by my degree (every contact of a
  person with 300 contacts has an overlap under 0.01), so the score reads it
  from the contact's side: ``bridging`` is the share of their other contacts
  that I do not know, :math:`1 - |N(u) \\cap N(v)| / (|N(v)| - 1)`; the
  symmetric overlap is kept as a column.
- **Unique reach**: the people, clusters and target companies reachable
  through this contact (they or their contacts) and through no other of mine.
- **The moderately weak sweet spot** (Rajkumar, Saint-Jacques, Bojinov,
  Brynjolfsson & Aral, Science 2022): in LinkedIn's randomised experiments on
  20 million people, moderately weak ties — not the weakest — carried the
  most job mobility. netgraph scores it as a bell around strength 0.25.
- **Dormancy** (Levin, Walter & Murnighan 2011): ties that were once strong
  and went quiet give fresher information than current ties, and reconnecting
  is quick because trust remains. Scored as (peak frequency − current
  frequency) × (1 − recency).

The score is :math:`0.20\\,\\text{bridging} + 0.20\\,\\text{reach} +
0.25\\,\\text{targets} + 0.15\\,\\text{sweet spot} + 0.20\\,\\text{dormancy}`,
each part in [0, 1] and kept as a column, with ``reach`` = :math:`1 - e^{-(p/10 +
c/2)}` for *p* people and *c* clusters reached only through the contact and
``targets`` = 1 when the contact is my only way to a target company. Each row
also says what to do — the one action of
:func:`netgraph.relationship_state` (``reply`` when they wait for an answer,
``reconnect`` when dormant, ``give back`` or ``give first`` when the give and
take is uneven, ``keep warm``...), the same in every analysis — and why, in
words.

References
----------
.. [1] M. S. Granovetter, "The Strength of Weak Ties", American Journal of
   Sociology 78(6), 1973.
.. [2] J.-P. Onnela et al., "Structure and tie strengths in mobile
   communication networks", PNAS 104(18), 2007.
.. [3] D. Easley and J. Kleinberg, *Networks, Crowds, and Markets*, ch. 3, 2010.
.. [4] K. Rajkumar, G. Saint-Jacques, I. Bojinov, E. Brynjolfsson, S. Aral,
   "A causal test of the strength of weak ties", Science 377(6612), 2022.
.. [5] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties: The value of
   reconnecting", Organization Science 22(4), 2011.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import networkx as nx
import numpy as np

from .._lazy import pd
from ..algorithms.communities import clusters as find_clusters
from ..model.graph import display_name, induced, me_of, neighbours
from .reasons import ago, last_contact, qualify
from .state import dormancy, relationship_state

__all__ = ["weak_ties", "WEIGHTS", "spans"]

WEIGHTS = {"bridging": 0.20, "reach": 0.20, "targets": 0.25, "sweet_spot": 0.15, "dormancy": 0.20}
SWEET_SPOT, SWEET_WIDTH = 0.25, 0.15
#: How far span is searched; beyond it a local bridge's span is reported as inf.
MAX_SPAN = 6
COLUMNS = ["rank", "contact", "node", "score", "strength", "action", "why", "bridging", "reach", "targets",
           "sweet_spot", "dormancy", "overlap", "local_bridge", "span", "unique_people", "unique_clusters",
           "unique_targets", "company", "last_contact"]


def spans(R, me, contacts: set, cap: int = MAX_SPAN, wanted: set | None = None) -> dict:
    """For each contact v of me, the length of the shortest me-v path avoiding the edge me-v.

    One breadth-first search from all of my contacts at once in the graph
    without me, keeping at each node its two nearest distinct sources: the
    span of v is 1 + the distance from v to its nearest *other* source.
    Values beyond ``cap`` are ``inf``. With ``wanted``, the search stops as
    soon as those contacts' spans are known.
    """
    labels = {v: [(0, v)] for v in contacts}
    frontier = list(contacts)
    waiting = set(contacts if wanted is None else wanted)
    for depth in range(1, cap):
        waiting = {v for v in waiting if len(labels[v]) < 2}
        if not waiting:
            break
        following = []
        for x in frontier:
            for source_distance, source in labels[x]:
                if source_distance != depth - 1:
                    continue
                for y in R[x]:
                    if y == me:
                        continue
                    known = labels.setdefault(y, [])
                    if len(known) < 2 and all(s != source for _, s in known):
                        known.append((depth, source))
                        following.append(y)
        frontier = list(dict.fromkeys(following))
    out = {}
    for v in contacts:
        others = [d for d, s in labels.get(v, []) if s != v]
        out[v] = 1 + others[0] if others else math.inf
    return out


def weak_ties(G: nx.DiGraph, *, me=None, top: int | None = None, targets=None, today: dt.date | None = None,
              seed: int = 0) -> pd.DataFrame:
    """My ties ranked by what nurturing them would open up.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose ties; defaults to the graph's owner.
    top : int, optional
        Keep only the best ``top`` rows.
    targets : list of str, optional
        Target companies; default ``G.graph["targets"]``.
    today : date, optional
        Default ``G.graph["today"]``.
    seed : int
        Seed of the clustering (Louvain) that defines clusters.

    Returns
    -------
    DataFrame
        One row per contact, best first: ``rank``, ``contact``, ``node``,
        ``score``, ``strength``, ``action``, ``why`` and the parts of the
        score (``bridging``, ``reach``, ``targets``, ``sweet_spot``,
        ``dormancy``) with what they come from (``overlap``, ``local_bridge``,
        ``span``, ``unique_people``, ``unique_clusters``, ``unique_targets``).

    Examples
    --------
    >>> import netgraph
    >>> table = netgraph.weak_ties(netgraph.load().graph, top=5)
    >>> table.columns[:7].tolist()
    ['rank', 'contact', 'node', 'score', 'strength', 'action', 'why']
    """
    me = me_of(G, me)
    today = today or G.graph.get("today") or dt.date.today()
    targets = list(G.graph.get("targets", []) if targets is None else targets)
    R = neighbours(G)
    mine = set(R[me]) - {me}
    contacts_of = {v: set(R[v]) - {me, v} for v in mine}
    reach = {v: contacts_of[v] - mine for v in mine}
    reached_by = Counter(x for v in mine for x in reach[v])
    cluster_of = _clusters_around(G, me, mine, reach, seed)
    access = {v: {cluster_of.get(v)} | {cluster_of.get(x) for x in reach[v]} for v in mine}
    access_count = Counter(c for v in mine for c in access[v])
    target_access = {v: {t for t in targets if _at(G, v, t) or any(_at(G, x, t) for x in contacts_of[v])}
                     for v in mine}
    target_count = Counter(t for v in mine for t in target_access[v])
    bridges = {v for v in mine if contacts_of[v] and not (contacts_of[v] & mine)}
    span_of = spans(R, me, mine, wanted=bridges) if bridges else {}
    state = relationship_state(G, me=me, today=today).set_index("node")

    rows = []
    for v in mine:
        data = G[me][v] if G.has_edge(me, v) else G[v][me]
        shared = len(contacts_of[v] & mine)
        denominator = len(mine) + len(contacts_of[v]) + 1 - 2 - shared
        overlap = shared / denominator if denominator > 0 else 0.0
        unique_people = sum(1 for x in reach[v] if reached_by[x] == 1)
        unique_clusters = sum(1 for c in access[v] if c is not None and access_count[c] == 1)
        unique_targets = sorted(t for t in target_access[v] if target_count[t] == 1)
        strength = float(data.get("strength", 0.0))
        parts = {
            "bridging": 1.0 - shared / len(contacts_of[v]) if contacts_of[v] else 0.0,
            "reach": 1.0 - math.exp(-(unique_people / 10 + unique_clusters / 2)),
            "targets": 1.0 if unique_targets else 0.0,
            # a connection never contacted has a default strength, not a moderately weak tie
            "sweet_spot": (math.exp(-(((strength - SWEET_SPOT) / SWEET_WIDTH) ** 2))
                           if data.get("interactions") else 0.0),
            "dormancy": dormancy(data),
        }
        row = {"contact": display_name(G, v), "node": v, "strength": strength,
               "score": sum(WEIGHTS[k] * parts[k] for k in WEIGHTS), **parts, "overlap": overlap,
               "local_bridge": v in bridges, "span": span_of.get(v) if v in bridges else np.nan,
               "unique_people": unique_people, "unique_clusters": unique_clusters,
               "unique_targets": unique_targets, "company": G.nodes[v].get("company", ""),
               "last_contact": last_contact(G, me, v)}
        row["action"] = state.at[v, "action"]
        row["why"] = _why(G, me, v, row, today, state.loc[v])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "rank"])
    frame = frame.sort_values(["score", "contact"], ascending=[False, True], ignore_index=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame.head(top) if top else frame


def _at(G: nx.DiGraph, node, company: str) -> bool:
    data = G.nodes[node]
    return data.get("company") == company or company in data.get("past_companies", [])


def _clusters_around(G, me, mine: set, reach: dict, seed: int) -> dict:
    """Louvain clusters of my world (my contacts and theirs), me left out."""
    world = set(mine).union(*reach.values()) if reach else set(mine)
    return {n: i for i, members in enumerate(find_clusters(induced(G, world), seed=seed)) for n in members}


def _why(G, me, v, row: dict, today: dt.date, state: pd.Series) -> str:
    reasons = [state["why"]] if state["action"] in ("reply", "reconnect", "give back", "give first") else []
    for target in row["unique_targets"]:
        inside = [display_name(G, x) for x in [v, *neighbours(G)[v]] if x != me and _at(G, x, target)]
        reasons.append(f"your only way to {target} ({', '.join(inside[:2])})")
    if row["local_bridge"]:
        span = row["span"]
        reasons.append("a local bridge: none of your other contacts know them"
                       + (f" (span {int(span)})" if span == span and span != math.inf else ""))
    elif row["bridging"] >= 0.75:
        reasons.append(f"you know only {1 - row['bridging']:.0%} of their contacts")
    people, clusters = row["unique_people"], row["unique_clusters"]
    if people:
        reasons.append(f"reaches {people} {'person' if people == 1 else 'people'}"
                       + (f" in {clusters} cluster{'s' if clusters > 1 else ''}" if clusters else "")
                       + " nobody else of yours does")
    elif clusters:
        reasons.append("your only contact in their part of the network")
    if row["sweet_spot"] >= 0.6:
        reasons.append(f"a moderately weak tie ({row['strength']:.2f}), the kind that carries the most job moves")
    if not reasons:
        last = row["last_contact"]
        reasons.append(f"a {qualify(row['strength'])} tie, " + (f"last in touch {ago(last, today)}" if last else
                                                                  "never in touch directly"))
    return "; ".join(reasons)
