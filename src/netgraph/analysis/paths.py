"""Warm-introduction paths: who can introduce me to someone at a company.

Each hop of a path is a request passed on — "could you introduce me?" — and
succeeds with a probability that grows with the strength of the tie: about
0.35 for a stranger-like tie, the per-step completion Dodds, Muhamad & Watts
(2003) measured in their global small-world experiment, up to 0.9 for a close
one:

.. math::

    p(u, v) = 0.35 + 0.55\\,s_{uv}

The first hop is mine, and people tire of being asked: every ask I made of
that person in the last year multiplies it by 0.88. A path succeeds when all
its hops do, so its probability is the product of its hops'. Paths end at the
first person of the target they reach, have at most ``max_hops`` hops, and
among the ``top`` paths each first hop is used once before any is used twice, so
that one friend is not asked for everything.

The search is exact and bounded, and meets in the middle: one step backward
from the target's people, then forward from my contacts, it finds for each
node reached the best probability of reaching a target within the hops left
(an upper bound for simple paths, since a walk that repeats a node is never
better than the path without the loop); the best path through each of my
contacts follows from it directly, and further paths come out of a best-first
enumeration that uses it as its bound. The work grows with my contacts' and
the targets' neighbourhoods, not with the size of the network.

References
----------
.. [1] P. S. Dodds, R. Muhamad, D. J. Watts, "An experimental study of search
   in global social networks", Science 301(5634), 2003.
.. [2] M. S. Granovetter, "The Strength of Weak Ties", 1973.
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
import itertools
from collections.abc import Callable

import networkx as nx
import pandas as pd

from ..model.graph import display_name, me_of, neighbours
from ..model.targets import Target, find_target
from .reasons import hop_reasons

__all__ = ["intro_paths", "hop_probability", "IntroPaths", "STRANGER", "CLOSE"]

#: Success probability of a hop over a stranger-like tie (Dodds et al. 2003).
STRANGER = 0.35
#: Success probability of a hop over the closest tie.
CLOSE = 0.9
#: Each ask of the first hop in the last year multiplies its probability by this.
ASK_DISCOUNT = 0.88


def hop_probability(strength: float, asks_year: int = 0) -> float:
    """The chance that a request passes along a tie of this strength.

    >>> hop_probability(0.0), hop_probability(1.0), round(hop_probability(1.0, asks_year=2), 4)
    (0.35, 0.9, 0.697)
    """
    return (STRANGER + (CLOSE - STRANGER) * min(max(strength, 0.0), 1.0)) * ASK_DISCOUNT ** asks_year


class _Search:
    """Bounded best-first search over simple paths from me to a set of targets.

    ``best(j, x)`` is the best probability of reaching a target from x in at
    most j hops without passing through me (nor through another target): one
    level is computed backward from the targets at once; the deeper ones, only
    needed at the nodes the search reaches from me, are computed on demand and
    kept — so the work follows my contacts' neighbourhoods and the targets',
    meeting in the middle, whatever the size of the network.
    """

    def __init__(self, G: nx.DiGraph, me, targets: dict, max_hops: int, weight: str):
        self.G, self.me, self.targets, self.max_hops, self.weight = G, me, targets, max_hops, weight
        self.adjacency = neighbours(G)
        self.levels: list[dict] = [{}, {}] + [{} for _ in range(max_hops)]
        self.steps: list[dict] = [{}, {}] + [{} for _ in range(max_hops)]
        self._first_level()

    def probability(self, u, v) -> float:
        data = self.adjacency[u][v]
        asks = self.G[u][v].get("asks_year", 0) if u == self.me and self.G.has_edge(u, v) else 0
        return hop_probability(data.get(self.weight, 0.0) or 0.0, asks)

    def _first_level(self) -> None:
        level, steps = self.levels[1], self.steps[1]
        for t in self.targets:
            for x in self.adjacency[t]:
                if x == self.me or x in self.targets:
                    continue
                candidate = self.probability(x, t)
                if candidate > level.get(x, 0.0):
                    level[x], steps[x] = candidate, t

    def best(self, hops: int, x) -> float:
        """The best probability of reaching a target from x within ``hops`` hops, avoiding me."""
        if x in self.targets:
            return 1.0
        if hops <= 1:
            return self.levels[1].get(x, 0.0) if hops == 1 else 0.0
        level = self.levels[hops]
        if x not in level:
            value, step = self.best(hops - 1, x), self.steps[hops - 1].get(x)
            for y in self.adjacency[x]:
                if y != self.me:
                    candidate = self.probability(x, y) * self.best(hops - 1, y)
                    if candidate > value:
                        value, step = candidate, y
            level[x], self.steps[hops][x] = value, step
        return level[x]

    def via(self, first) -> tuple[float, list]:
        """The best path whose first hop is ``first`` (probability 0 when none)."""
        hops = self.max_hops - 1
        completion = self.best(hops, first)
        path, node = [self.me, first], first
        while node not in self.targets and completion > 0:
            node = self.steps[hops][node]
            hops -= 1
            path.append(node)
        return self.probability(self.me, first) * completion, path

    def in_order(self):
        """Every simple path to a target within max_hops, most probable first: (probability, path)."""
        counter = itertools.count()
        heap = []
        for first in self.adjacency[self.me]:
            self._push(heap, counter, [self.me], 1.0, first)
        while heap:
            bound, _, probability, path = heapq.heappop(heap)
            last = path[-1]
            if last in self.targets:
                yield probability, path
                continue
            for y in self.adjacency[last]:
                if y != self.me and y not in path:
                    self._push(heap, counter, path, probability, y)

    def _push(self, heap, counter, path, probability, y) -> None:
        remaining = self.max_hops - len(path)
        reach = probability * self.probability(path[-1], y)
        bound = reach * self.best(remaining, y)
        if bound > 0:
            heapq.heappush(heap, (-bound, next(counter), reach, path + [y]))


class IntroPaths:
    """The paths to a target: ``to_frame()`` (one row per path) and ``to_dict()`` (JSON-ready records)."""

    def __init__(self, frame: pd.DataFrame, target: Target, max_hops: int):
        self.frame, self.target, self.max_hops = frame, target, max_hops

    def __len__(self) -> int:
        return len(self.frame)

    def to_frame(self) -> pd.DataFrame:
        """One row per path (a copy), with the nodes and hops."""
        return self.frame.copy()

    def to_dict(self) -> list[dict]:
        """The paths as JSON-ready records (what ``netgraph paths --json`` prints)."""
        columns = ["rank", "probability", "path", "target", "company", "former", "hops"]
        return self.frame[columns].to_dict("records")

    @property
    def message(self) -> str:
        """What to tell a person when there is no path."""
        if len(self):
            return ""
        if not self.target.nodes:
            hint = f" Did you mean {' or '.join(self.target.suggestions[:3])}?" if self.target.suggestions else ""
            return f"No company or person called '{self.target.label}' in your network.{hint}"
        return (f"Nobody of {self.target.label} ({len(self.target.nodes)} people) is within "
                f"{self.max_hops} hops of you.")

    def __str__(self) -> str:
        if not len(self):
            return self.message
        lines = [f"Paths to {self.target.label}:"]
        for row in self.frame.itertuples():
            who = f"{row.target}" + (f" ({row.company}, former)" if row.former else "")
            lines.append(f"{row.rank}. {row.probability:.0%}  {' -> '.join(row.path)}   [{who}]")
            for hop in row.hops:
                lines.append(f"     {hop['from']} -> {hop['to']}: {hop['probability']:.0%}, {hop['why']}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        if not len(self):
            return f"<p>{html.escape(self.message)}</p>"
        rows = []
        for row in self.frame.itertuples():
            hops = "<br>".join(html.escape(f"{h['from']} → {h['to']} ({h['probability']:.0%}): {h['why']}")
                               for h in row.hops)
            rows.append(f"<tr><td>{row.rank}</td><td>{row.probability:.0%}</td>"
                        f"<td>{html.escape(' → '.join(row.path))}</td><td>{html.escape(row.target)}"
                        f"{' (former)' if row.former else ''}</td><td>{hops}</td></tr>")
        return ("<table><tr><th>#</th><th>chance</th><th>path</th><th>target</th><th>why</th></tr>"
                + "".join(rows) + "</table>")

    def __repr__(self) -> str:
        return f"<IntroPaths to {self.target.label}: {len(self)} paths>"


def intro_paths(G: nx.DiGraph, target: str | Callable[[dict], bool], *, me=None, top: int = 5, max_hops: int = 3,
                diverse: bool = True, weight: str = "strength", today: dt.date | None = None) -> IntroPaths:
    """The ``top`` most probable warm-introduction paths from me to a target.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph (any graph with a ``strength`` in [0, 1] on its edges works).
    target : str or callable
        A company (its name, an alias or an e-mail domain: "Novagen",
        "Novagen Inc." and "novagen.com" find the same people; past employees
        are included and marked ``former``), a person (node id, name or
        e-mail address), or a function of a person's attributes returning True
        for the people wanted.
    me : node, optional
        Where the paths start; defaults to the graph's owner.
    top : int, default 5
        How many paths.
    max_hops : int
        The longest path, in hops (1 = people I know directly).
    diverse : bool
        Use each first hop once before using any twice.
    weight : str
        The edge attribute holding tie strength.
    today : date, optional
        For the reasons' wording ("3 weeks ago"); default ``G.graph["today"]``.

    Returns
    -------
    IntroPaths
        ``.frame`` has one row per path: ``rank``, ``probability``, ``path``
        (names, me first), ``nodes``, ``target``, ``company``, ``former``,
        ``hops`` (``from``, ``to``, ``strength``, ``probability``, ``why``).

    Examples
    --------
    >>> import netgraph
    >>> G = netgraph.load().graph
    >>> best = netgraph.intro_paths(G, "Novagen", top=3)
    >>> best.frame["path"].iloc[0][0]
    'Jane Jones'
    """
    me = me_of(G, me)
    if max_hops < 1 or top < 1:
        raise ValueError("top and max_hops must be at least 1")
    today = today or G.graph.get("today") or dt.date.today()
    found = find_target(G, target, me=me)
    paths: list[tuple[float, list]] = []
    if found.nodes:
        search = _Search(G, me, found.nodes, max_hops, weight)
        paths = _choose(search, top, diverse)
    rows = [_row(G, rank, probability, path, found, today, me, search)
            for rank, (probability, path) in enumerate(paths, 1)]
    columns = ["rank", "probability", "path", "nodes", "target", "company", "former", "first_hop", "hops"]
    return IntroPaths(pd.DataFrame(rows, columns=columns), found, max_hops)


def _choose(search: _Search, k: int, diverse: bool) -> list[tuple[float, list]]:
    chosen = []
    if diverse:
        firsts = [search.via(first) for first in search.adjacency[search.me]]
        chosen = sorted((p for p in firsts if p[0] > 0), key=lambda p: (-p[0], [str(n) for n in p[1]]))[:k]
    seen = {tuple(path) for _, path in chosen}
    for probability, path in search.in_order():
        if len(chosen) >= k:
            break
        if tuple(path) not in seen:
            chosen.append((probability, path))
    return sorted(chosen, key=lambda p: (-p[0], [str(n) for n in p[1]]))


def _row(G, rank, probability, path, found: Target, today, me, search: _Search) -> dict:
    end = path[-1]
    hops = []
    for u, v in zip(path, path[1:]):
        hops.append({"from": display_name(G, u), "to": display_name(G, v),
                     "strength": float(search.adjacency[u][v].get(search.weight, 0.0)),
                     "probability": search.probability(u, v),
                     "why": "; ".join(hop_reasons(G, u, v, today, me))})
    return {"rank": rank, "probability": probability, "path": [display_name(G, n) for n in path],
            "nodes": list(path), "target": display_name(G, end),
            "company": found.company or G.nodes[end].get("company", ""),
            "former": found.nodes[end] == "former", "first_hop": display_name(G, path[1]), "hops": hops}
