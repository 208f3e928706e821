"""Warm-introduction paths: who can introduce me to someone at a company.

Each hop of a path is a request passed on — "could you introduce me?" — and
succeeds with a probability that grows with the strength of the tie: about
0.35 for a stranger-like tie, the per-step completion Dodds, Muhamad & Watts
(2003) measured in their global small-world experiment, up to 0.9 for a close
one:

.. math::

    p(u, v) = c_{uv} \\, (0.35 + 0.55\\,s_{uv})

where :math:`c_{uv}` is the confidence that the two know each other at all
(1 for a tie observed or declared; the probability of
:mod:`netgraph.model.evidence` for one inferred from shared messages,
meetings and employers).

The first hop is mine, and people tire of being asked: every ask I made of
that person in the last year multiplies it by 0.88. A path succeeds when all
its hops do, so its probability is the product of its hops'. Paths end at the
first person of the target they reach, have at most ``max_hops`` hops, and
among the ``top`` paths each first hop is used once before any is used twice, so
that one friend is not asked for everything.

Only paths worth asking for are given. After the first hop a path never
passes through, nor ends at, a person I already know directly (I would ask
them myself, and an introducer is never asked to introduce someone who
introduced them to me, or whom they introduced to me: those people are mine
already); a person I have already asked someone to introduce me to is not a
target again — the pending request is listed instead
(:attr:`IntroPaths.pending`); and paths less likely than ``min_probability``
are left out. With ``looking_for`` ("marketing director, Boston"), each
target person counts by how well their title, company and location match it
(:func:`relevance`): a path's ``score`` is its probability times that match,
and paths are ranked by score. A target person whom only one of my contacts
can reach within the hops is flagged ``single_thread``: the introduction
hangs on one person.

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
import math
import re
from collections.abc import Callable

import networkx as nx

from .._lazy import pd
from ..model.graph import display_name, me_of, neighbours
from ..model.targets import Target, find_target
from .reasons import hop_reasons

__all__ = ["intro_paths", "hop_probability", "relevance", "share_matched", "IntroPaths", "STRANGER", "CLOSE",
           "MIN_PROBABILITY"]

#: Success probability of a hop over a stranger-like tie (Dodds et al. 2003).
STRANGER = 0.35
#: Success probability of a hop over the closest tie.
CLOSE = 0.9
#: Each ask of the first hop in the last year multiplies its probability by this.
ASK_DISCOUNT = 0.88
#: Paths less likely than this are not worth showing: three hops over stranger-like ties
#: (0.35 ** 3 = 0.043) is about the least a person would act on.
MIN_PROBABILITY = 0.04
#: With ``looking_for``, a target who matches none of it still counts this much: the company was asked for.
NO_MATCH = 0.2


def hop_probability(strength: float, asks_year: int = 0) -> float:
    """The chance that a request passes along a tie of this strength.

    >>> hop_probability(0.0), hop_probability(1.0), round(hop_probability(1.0, asks_year=2), 4)
    (0.35, 0.9, 0.697)
    """
    return (STRANGER + (CLOSE - STRANGER) * min(max(strength, 0.0), 1.0)) * ASK_DISCOUNT ** asks_year


def relevance(data: dict, looking_for: str | None) -> float:
    """How well a person matches what I am looking for, in [``NO_MATCH``, 1].

    The share of the words of ``looking_for`` (commas and spaces separate them,
    small words are ignored) that begin a word of the person's title, company
    or location; 1 without ``looking_for``.

    >>> relevance({"title": "VP Marketing", "location": "Boston"}, "marketing director, Boston")
    0.7333...
    """
    matched = share_matched(" ".join(str(data.get(k) or "") for k in ("title", "company", "location")), looking_for)
    return 1.0 if matched is None else NO_MATCH + (1 - NO_MATCH) * matched


def share_matched(text: str, query: str | None) -> float | None:
    """The share of the words of ``query`` that begin a word of ``text`` (None when the query has no words).

    Commas and spaces separate the words; small words ("a", "of", "role"...) are ignored, and case too.

    >>> share_matched("Director of Marketing", "marketing director")
    1.0
    >>> share_matched("VP Marketing", "marketing director")
    0.5
    """
    terms = [t for t in re.findall(r"\w+", (query or "").casefold()) if t not in _SMALL_WORDS]
    if not terms:
        return None
    words = re.findall(r"\w+", text.casefold())
    return sum(1 for t in terms if any(w.startswith(t) for w in words)) / len(terms)


_SMALL_WORDS = {"a", "an", "the", "in", "at", "of", "or", "and", "for", "to", "role", "job", "position"}


class _Search:
    """Bounded best-first search over simple paths from me to a set of targets.

    ``best(j, x)`` is the best probability of reaching a target from x in at
    most j hops without passing through me (nor through another target): one
    level is computed backward from the targets at once; the deeper ones, only
    needed at the nodes the search reaches from me, are computed on demand and
    kept — so the work follows my contacts' neighbourhoods and the targets',
    meeting in the middle, whatever the size of the network.
    """

    def __init__(self, G: nx.DiGraph, me, targets: dict, max_hops: int, weight: str, value: dict | None = None):
        self.G, self.me, self.targets, self.max_hops, self.weight = G, me, targets, max_hops, weight
        self.value = value or {}
        self.adjacency = neighbours(G)
        self.mine = set(self.adjacency[me])
        self.levels: list[dict] = [{}, {}] + [{} for _ in range(max_hops)]
        self.steps: list[dict] = [{}, {}] + [{} for _ in range(max_hops)]
        self._first_level()
        self.near = self._near_first_level()

    def probability(self, u, v) -> float:
        if u != self.me and v in self.mine:
            return 0.0  # I know them: I would ask them myself, not be introduced
        data = self.adjacency[u][v]
        asks = self.G[u][v].get("asks_year", 0) if u == self.me and self.G.has_edge(u, v) else 0
        # an inferred tie may not exist at all: the hop passes only if they do know each other
        return hop_probability(data.get(self.weight, 0.0) or 0.0, asks) * data.get("confidence", 1.0)

    def _first_level(self) -> None:
        level, steps = self.levels[1], self.steps[1]
        for t in self.targets:
            for x in self.adjacency[t]:
                if x == self.me or x in self.targets:
                    continue
                candidate = self.probability(x, t) * self.value.get(t, 1.0)
                if candidate > level.get(x, 0.0):
                    level[x], steps[x] = candidate, t

    def _near_first_level(self) -> set | None:
        """The nodes next to the first level or a target: the only ones two hops can improve on one from.

        Listed when that takes fewer steps than the second level would from my side (a person as the target,
        a few dozen nodes around them, against the neighbours of all my contacts); None otherwise (a company
        of thousands). ``best(2, x)`` of any other node is its ``best(1, x)``, found without a look at its
        neighbours: the same value and step, at a fraction of the work when the shortlist asks person by person.
        """
        sources = [*self.levels[1], *self.targets]
        if sum(len(self.adjacency[y]) for y in sources) >= sum(len(self.adjacency[x]) for x in self.mine):
            return None
        return {x for y in sources for x in self.adjacency[y]}

    def best(self, hops: int, x) -> float:
        """The best probability of reaching a target from x within ``hops`` hops, avoiding me."""
        if x in self.targets:
            return self.value.get(x, 1.0)
        if hops <= 1:
            return self.levels[1].get(x, 0.0) if hops == 1 else 0.0
        level = self.levels[hops]
        if hops == 2 and x not in level and self.near is not None and x not in self.near:
            level[x], self.steps[2][x] = self.best(1, x), self.steps[1].get(x)
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
        """The best path whose first hop is ``first``: (score, path), score 0 when none."""
        hops = self.max_hops - 1
        completion = self.best(hops, first)
        path, node = [self.me, first], first
        if completion == 0:
            return 0.0, path
        while node not in self.targets:
            node = self.steps[hops][node]
            hops -= 1
            path.append(node)
        return self.probability(self.me, first) * completion, path

    def in_order(self):
        """Every simple path to a target within max_hops, best score first: (score, path)."""
        counter = itertools.count()
        heap = []
        for first in self.adjacency[self.me]:
            self._push(heap, counter, [self.me], 1.0, first)
        while heap:
            bound, _, probability, path = heapq.heappop(heap)
            last = path[-1]
            if last in self.targets:
                yield probability * self.value.get(last, 1.0), path
                continue
            for y in self.adjacency[last]:
                if y != self.me and y not in path:
                    self._push(heap, counter, path, probability, y)

    def path_probability(self, path: list) -> float:
        """The chance that every hop of ``path`` passes the request on."""
        return math.prod(self.probability(u, v) for u, v in zip(path, path[1:]))

    def threads(self, target, hops: int) -> set:
        """My contacts who can reach ``target`` within ``hops`` hops (they included), not through me."""
        frontier, seen = {target}, {target}
        for _ in range(hops - 1):
            # a path goes on from a contact of mine only at its first hop: the others are not expanded
            frontier = {y for x in frontier if x == target or x not in self.mine
                        for y in self.adjacency[x] if y != self.me and y not in seen}
            seen |= frontier
        return seen & self.mine

    def may_reach(self, first) -> bool:
        """False when no path through my contact ``first`` can reach a target (known without a search): within
        three hops, only a contact of mine next to the first level can (a target is two hops from them at most);
        with more hops, any may."""
        return (self.near is None or self.max_hops > 3 or first in self.near or first in self.levels[1]
                or first in self.targets)

    def _push(self, heap, counter, path, probability, y) -> None:
        remaining = self.max_hops - len(path)
        completion = self.best(remaining, y)
        if completion == 0:
            return
        reach = probability * self.probability(path[-1], y)
        bound = reach * completion
        if bound > 0:
            heapq.heappush(heap, (-bound, next(counter), reach, path + [y]))


class IntroPaths:
    """The paths to a target: ``to_frame()`` (one row per path) and ``to_dict()`` (JSON-ready records).

    ``pending`` lists the introductions to the target's people I have already asked for and not
    yet had (``introducer``, ``introduced``, their ``title``, ``company`` and ``location``,
    ``asked_on``, ``days``, ``match``, ``nodes``): nudge, do not ask again.
    """

    def __init__(self, frame: pd.DataFrame, target: Target, max_hops: int, pending: pd.DataFrame | None = None):
        self.frame, self.target, self.max_hops = frame, target, max_hops
        self.pending = pending if pending is not None else pd.DataFrame(columns=PENDING_COLUMNS)

    def __len__(self) -> int:
        return len(self.frame)

    def to_frame(self) -> pd.DataFrame:
        """One row per path (a copy), with the nodes and hops."""
        return self.frame.copy()

    def to_dict(self) -> list[dict]:
        """The paths as JSON-ready records (what ``netgraph paths --json`` prints)."""
        columns = ["rank", "probability", "score", "path", "target", "title", "company", "location", "former",
                   "single_thread", "hops"]
        return self.frame[columns].to_dict("records")

    @property
    def message(self) -> str:
        """What to tell a person when there is no path."""
        if len(self):
            return ""
        if not self.target.nodes:
            hint = f" Did you mean {' or '.join(self.target.suggestions[:3])}?" if self.target.suggestions else ""
            return f"No company or person called '{self.target.label}' in your network.{hint}"
        if len(self.pending):
            return f"No new path to {self.target.label}: your requests below are still pending."
        return (f"Nobody of {self.target.label} ({len(self.target.nodes)} people) is within "
                f"{self.max_hops} hops of you, with a chance of at least {MIN_PROBABILITY:.0%}.")

    def __str__(self) -> str:
        lines = [f"Paths to {self.target.label}:"] if len(self) or len(self.pending) else [self.message]
        for row in self.pending.itertuples():  # an open request comes first: it is the next thing to do
            lines.append(_about(row.introduced, row.title, row.company, row.location))
            lines.append(f"  pending: you asked {row.introducer} to introduce you on {row.asked_on} ({row.days} days "
                         f"ago): nudge {row.introducer}, do not ask again")
        for target, group in self.frame.groupby("target", sort=False):
            first = group.iloc[0]
            thread = "  - hangs on one thread: only one of your contacts reaches them" if first["single_thread"] else ""
            company = first["company"] + (" (former)" if first["former"] else "")
            lines.append(_about(target, first["title"], company, first["location"]) + thread)
            for row in group.itertuples():
                lines.append(f"  {row.rank}. {row.probability:.0%}  {' -> '.join(row.path)}")
                for hop in row.hops:
                    lines.append(f"       {hop['from']} -> {hop['to']}: {hop['probability']:.0%}, {hop['why']}")
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


def intro_paths(G: nx.DiGraph, target: str | Callable[[dict], bool] | Target, *, me=None, today: dt.date | None = None,
                top: int = 5, max_hops: int = 3, looking_for: str | None = None,
                min_probability: float = MIN_PROBABILITY, diverse: bool = True, weight: str = "strength") -> IntroPaths:
    """The ``top`` best warm-introduction paths from me to a target.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph (any graph with a ``strength`` in [0, 1] on its edges works).
    target : str, callable or Target
        A company (its name, an alias or an e-mail domain: "Novagen",
        "Novagen Inc." and "novagen.com" find the same people; past employees
        are included and marked ``former``), a person (node id, name or
        e-mail address), a function of a person's attributes returning True
        for the people wanted, or a target already found
        (:func:`netgraph.model.targets.find_target`).
    me : node, optional
        Where the paths start; defaults to the graph's owner.
    today : date, optional
        For the reasons' wording ("3 weeks ago"); default ``G.graph["today"]``.
    top : int, default 5
        How many paths.
    max_hops : int, default 3
        The longest path, in hops (1 = people I know directly).
    looking_for : str, optional
        What I am looking for ("marketing director, Boston"): target people are
        weighed by how well their title, company and location match it
        (:func:`relevance`); default ``G.graph["looking_for"]``, else none.
    min_probability : float, default MIN_PROBABILITY
        Paths less likely than this are left out.
    diverse : bool, default True
        Use each first hop once before using any twice.
    weight : str, default "strength"
        The edge attribute holding tie strength.

    Returns
    -------
    IntroPaths
        ``.to_frame()`` has one row per path, best first: ``rank``,
        ``probability``, ``score`` (probability × match), ``path`` (names, me
        first), ``nodes``, ``target``, ``title``, ``company``, ``location``,
        ``former``, ``single_thread``, ``first_hop``, ``hops`` (``from``,
        ``to``, ``strength``, ``probability``, ``why``); ``.pending`` the
        requests already made.

    See Also
    --------
    netgraph.draft_intro : the request to send for the best path.
    netgraph.relationship_state : the pending requests and what waits on each first hop.

    Examples
    --------
    >>> import netgraph
    >>> G = netgraph.load().graph
    >>> best = netgraph.intro_paths(G, "Novagen", top=3)
    >>> best.to_frame()["path"].iloc[0][0]
    'Jane Jones'
    """
    me = me_of(G, me)
    if max_hops < 1 or top < 1:
        raise ValueError("top and max_hops must be at least 1")
    today = today or G.graph.get("today") or dt.date.today()
    looking_for = looking_for if looking_for is not None else G.graph.get("looking_for")
    found = target if isinstance(target, Target) else find_target(G, target, me=me)
    requested = _requested(G, me, found, today, looking_for)
    wanted = {n: kind for n, kind in found.nodes.items() if n not in {nodes[-1] for nodes in requested["nodes"]}}
    rows = []
    if wanted:
        value = {n: relevance(G.nodes[n], looking_for) for n in wanted}
        search = _Search(G, me, wanted, max_hops, weight, value)
        chosen = [(score, path) for score, path in _choose(search, top, diverse)
                  if search.path_probability(path) >= min_probability]
        threads = {path[-1]: search.threads(path[-1], max_hops) for _, path in chosen}
        rows = [_row(G, rank, score, path, found, today, me, search, len(threads[path[-1]]) == 1)
                for rank, (score, path) in enumerate(chosen, 1)]
    columns = ["rank", "probability", "score", "path", "nodes", "target", "title", "company", "location", "former",
               "single_thread", "first_hop", "hops"]
    return IntroPaths(pd.DataFrame(rows, columns=columns), found, max_hops, requested)


PENDING_COLUMNS = ["introducer", "introduced", "title", "company", "location", "asked_on", "days", "match", "nodes"]


def _requested(G: nx.DiGraph, me, found: Target, today: dt.date, looking_for: str | None) -> pd.DataFrame:
    """The introductions to the target's people I asked for and have not had yet, best match first."""
    rows = []
    for i in G.graph.get("introductions", []):
        if (i.get("to") == me and i.get("status") == "requested" and i.get("introduced") in found.nodes
                and i.get("introducer") in G):
            data = G.nodes[i["introduced"]]
            rows.append({"introducer": display_name(G, i["introducer"]), "introduced": display_name(G, i["introduced"]),
                         "title": data.get("title", ""), "company": found.company or data.get("company", ""),
                         "location": data.get("location", ""), "asked_on": i["date"], "days": (today - i["date"]).days,
                         "match": relevance(data, looking_for), "nodes": [me, i["introducer"], i["introduced"]]})
    frame = pd.DataFrame(rows, columns=PENDING_COLUMNS)
    return frame.sort_values(["match", "days"], ascending=[False, False], ignore_index=True)


def _about(name: str, title: str, company: str, location: str) -> str:
    about = ", ".join(x for x in (title, company, location) if x)
    return name + (f" — {about}" if about else "")


def _choose(search: _Search, k: int, diverse: bool) -> list[tuple[float, list]]:
    chosen = []
    if diverse:
        firsts = [search.via(first) for first in search.adjacency[search.me] if search.may_reach(first)]
        chosen = sorted((p for p in firsts if p[0] > 0), key=lambda p: (-p[0], [str(n) for n in p[1]]))[:k]
    seen = {tuple(path) for _, path in chosen}
    for probability, path in search.in_order():
        if len(chosen) >= k:
            break
        if tuple(path) not in seen:
            chosen.append((probability, path))
    return sorted(chosen, key=lambda p: (-p[0], [str(n) for n in p[1]]))


def _row(G, rank, score, path, found: Target, today, me, search: _Search, single_thread: bool) -> dict:
    end = path[-1]
    hops = []
    for u, v in zip(path, path[1:]):
        hops.append({"from": display_name(G, u), "to": display_name(G, v),
                     "strength": float(search.adjacency[u][v].get(search.weight, 0.0)),
                     "probability": search.probability(u, v),
                     "why": "; ".join(hop_reasons(G, u, v, today, me))})
    data = G.nodes[end]
    return {"rank": rank, "probability": search.path_probability(path), "score": score,
            "path": [display_name(G, n) for n in path], "nodes": list(path), "target": display_name(G, end),
            "title": data.get("title", ""), "company": found.company or data.get("company", ""),
            "location": data.get("location", ""), "former": found.nodes[end] == "former",
            "single_thread": single_thread and len(path) > 2, "first_hop": display_name(G, path[1]), "hops": hops}
