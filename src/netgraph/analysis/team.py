"""Team answers: paths that start at any member, who at a company, and how the team covers its targets.

A team network (:func:`netgraph.io.share.load_team`) has several members
(``G.graph["members"]``), and every node and tie says which members know it
(``known_by``: member -> strength). The questions a team asks of it:

- which member should ask whom (:func:`team_paths`): every member's own best
  paths, pooled and ranked; the first hop is the member's own tie;
- who works at a company, and through whom (:func:`who_at`): for each of its
  people, the member (or, for one person's network, me) and the introducer
  with the best path;
- how well the team covers its targets (:func:`team_coverage`): how many of each
  target's people are within one and two hops of a member, and which targets hang
  on a single member; whose networks overlap most (:func:`member_overlap`), so
  that a team knows whose network is unique.

A path that passes through another member is left out: that member asks
directly, on a better path. See :mod:`netgraph.analysis.paths` for the probability
of a path.
"""

from __future__ import annotations

import datetime as dt
import itertools

import networkx as nx
import numpy as np

from .._lazy import pd
from ..io.share import Share, share_of
from ..model.graph import display_name, me_of, neighbours, rings
from ..model.targets import Target, find_target
from .layers import dunbar_layers
from .paths import IntroPaths, intro_paths, share_matched
from .reasons import qualify
from .state import relationship_state

__all__ = ["make_share", "members_of", "team_paths", "TeamPaths", "who_at", "team_coverage", "member_overlap"]


def make_share(G: nx.DiGraph, *, secret=None, exclude=(), min_strength: float = 0.0, me=None) -> Share:
    """A member's share of their own network, with the Dunbar layer of each of their ties.

    Parameters
    ----------
    G : nx.DiGraph
        The member's own network.
    secret : str, optional
        The team secret keying the hashes of e-mail addresses.
    exclude : iterable of str, default ()
        People and companies to hold back.
    min_strength : float, default 0.0
        Relationships weaker than this are held back.
    me : node, optional

    Returns
    -------
    Share
        Write it with :func:`netgraph.io.share.write_share`.

    See Also
    --------
    netgraph.io.share.share_of : the same without layers.
    """
    me = me_of(G, me)
    return share_of(G, secret=secret, exclude=exclude, min_strength=min_strength, me=me,
                    layers=dunbar_layers(G, me=me).to_dict())


def members_of(G: nx.DiGraph, members=None) -> list:
    """The members' nodes: those given (nodes or names), else ``G.graph["members"]``, else the owner alone."""
    if members is None:
        return sorted(G.graph.get("members") or [me_of(G)])
    nodes = []
    for member in members:
        if member in G:
            nodes.append(member)
            continue
        found = [n for n in G.graph.get("members", {}) if G.nodes[n].get("name") == member]
        if not found:
            raise ValueError(f"'{member}' is not a member of this team")
        nodes.extend(found)
    return nodes


#: How well a member knows someone, in the words :func:`netgraph.analysis.reasons.qualify` gives a strength.
_HOW_WELL = {"close": "well", "good": "fairly well", "moderate": "somewhat", "weak": "a little", "distant": "barely"}


def _advice(G: nx.DiGraph, path: list, strength: float) -> str:
    """What to do, in words: "Aisha Khan knows Mary Lee well (0.80): ask Aisha"."""
    member, first = display_name(G, path[0]), display_name(G, path[1])
    given = member.split()[0]
    others = [display_name(G, m) for m in G.graph.get("members", ()) if m != path[0]]
    ask = given if not any(o.split()[0] == given for o in others) else member  # two Davids: say which
    return f"{member} knows {first} {_HOW_WELL[qualify(strength)]} ({strength:.2f}): ask {ask}"


class TeamPaths(IntroPaths):
    """Paths from any member: :class:`IntroPaths` with the ``member`` to ask and the ``advice`` per path."""

    def to_dict(self) -> list[dict]:
        columns = ["rank", "probability", "member", "advice", "path", "target", "company", "former", "hops"]
        return self.frame[columns].to_dict("records")

    def __str__(self) -> str:
        if not len(self):
            return self.message.replace("of you", "of the team")
        lines = [f"Paths to {self.target.label}, from the team:"]
        for row in self.frame.itertuples():
            who = f"{row.target}" + (f" ({row.company}, former)" if row.former else "")
            lines.append(f"{row.rank}. {row.probability:.0%}  {' -> '.join(row.path)}   [{who}]")
            lines.append(f"     {row.advice}")
            for hop in row.hops[1:]:
                lines.append(f"     {hop['from']} -> {hop['to']}: {hop['probability']:.0%}, {hop['why']}")
        return "\n".join(lines)


def team_paths(G: nx.DiGraph, target, *, members=None, top: int = 5, max_hops: int = 3) -> TeamPaths:
    """The ``top`` most probable introduction paths to a target from any member of the team.

    Each member's own best paths (:func:`netgraph.intro_paths` from that
    member) are pooled, those that pass through another member left out, and
    ranked by probability; among the ``top``, each first contact is used once
    before any is used twice, whichever member knows them.

    Parameters
    ----------
    G : nx.DiGraph
        A team network (or any netgraph graph: its owner is then the one member).
    target : str or callable
        A company, a person or a predicate, as :func:`netgraph.intro_paths` takes.
    members : list, optional
        The members to start from (nodes or names); default all.
    top : int, default 5
    max_hops : int, default 3

    Returns
    -------
    TeamPaths
        ``.frame``: the columns of :func:`netgraph.intro_paths`' and ``member``
        (who asks) and ``advice`` ("Aisha Khan knows Mary Lee well (0.80): ask Aisha").

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.analysis.team import team_paths
    >>> from netgraph.datasets.team import team_path
    >>> best = team_paths(netgraph.load(team_path()).graph, "Novagen", top=3)
    >>> best.frame["advice"].iloc[0].startswith("Aisha Khan knows Mary Lee well")
    True
    """
    starts = members_of(G, members)
    rows, found = [], None
    for member in starts:
        result = intro_paths(G, target, me=member, top=top, max_hops=max_hops)
        found = found if found is not None and found.nodes else result.target
        for row in result.frame.to_dict("records"):
            if set(row["nodes"][1:-1]) & set(starts):
                continue
            rows.append({**row, "member": display_name(G, member),
                         "advice": _advice(G, row["nodes"], row["hops"][0]["strength"])})
    rows.sort(key=lambda r: (-r["probability"], r["path"]))
    # each first contact once before any twice, whichever member knows them
    seen: set = set()
    fresh: list = []
    again: list = []
    for row in rows:
        (again if row["nodes"][1] in seen else fresh).append(row)
        seen.add(row["nodes"][1])
    chosen = (fresh + again)[:top]
    chosen.sort(key=lambda r: (-r["probability"], r["path"]))
    for rank, row in enumerate(chosen, 1):
        row["rank"] = rank
    columns = ["rank", "probability", "member", "advice", "path", "nodes", "target", "company", "former",
               "first_hop", "hops"]
    return TeamPaths(pd.DataFrame(chosen, columns=columns), found or find_target(G, target), max_hops)


def who_at(G: nx.DiGraph, company: str, *, me=None, members=None, title: str | None = None,
           location: str | None = None, today: dt.date | None = None, max_hops: int = 3) -> pd.DataFrame:
    """The shortlist for a company: its people, my tie to each, the best introducers, and what is still open.

    Parameters
    ----------
    G : nx.DiGraph
        A team network, or one person's: then the owner is the one start.
    company : str
        A company's name, alias or e-mail domain.
    me : node, optional
        Start from this one person only (one member of a team, or the owner).
    members : list, optional
        Where paths start (nodes or names); default the team's members, or the owner.
    title, location : str, optional
        Keep the people whose title (location) holds a word of this text, best
        match first: "marketing director" keeps directors and marketers, and
        puts a Director of Marketing before a VP Marketing
        (:func:`netgraph.analysis.paths.share_matched`).
    today : date, optional
        Default ``G.graph["today"]``.
    max_hops : int, default 3

    Returns
    -------
    DataFrame
        One row per person of the company (current employees first, then
        former; with ``title`` or ``location``, best match first), best reached
        first: ``person``, ``title``, ``location``, ``former``, ``tie`` (the
        strength of my own relationship with them, NaN when there is none),
        ``member`` (who asks), ``introducer`` (who passes the request on;
        empty when the member knows the person), ``probability`` (that the
        best path works), ``hops``, ``path``, ``also`` and ``also_probability``
        (the next best introducer, a second thread), ``known_by`` (the members
        who know the person, strongest first), and ``open_loops``: in words,
        an introduction to them I asked for and still wait on, and the answer
        I owe them or the introducer, read from
        :func:`netgraph.relationship_state` (the same words every command uses).

    See Also
    --------
    netgraph.intro_paths : the paths themselves, with the reason for each hop.
    netgraph.contacts : the sheet of my own contacts.

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.analysis.team import who_at
    >>> frame = who_at(netgraph.load().graph, "Helix Therapeutics")
    >>> frame.loc[frame["person"] == "Laura Chen", "introducer"].item()
    'Diane Okafor'
    """
    starts = [me_of(G, me)] if me is not None and members is None else members_of(G, members)
    today = today or G.graph.get("today") or dt.date.today()
    found = find_target(G, company)
    if not found.company:
        hint = f" Did you mean {' or '.join(found.suggestions[:3])}?" if found.suggestions else ""
        raise ValueError(f"No company called '{company}' in your network.{hint}")
    loops = _OpenLoops(G, today)
    rows = []
    for person, status in found.nodes.items():
        if person in starts:
            continue
        data = G.nodes[person]
        match = [share_matched(str(data.get(key) or ""), query) for key, query in (("title", title),
                                                                                    ("location", location))]
        if any(m == 0 for m in match):
            continue
        threads = []  # (probability, member, path) of the best paths, one per introducer
        waiting = []
        one = Target(person, {person: status}, found.company)  # found once: not the company's directory per person
        for member in starts:
            found_paths = intro_paths(G, one, me=member, today=today, top=2, max_hops=max_hops)
            threads += [(p, member, list(n)) for p, n in zip(found_paths.frame["probability"],
                                                              found_paths.frame["nodes"])]
            who = f"{display_name(G, member)} asked" if len(starts) > 1 else "You asked"
            waiting += [f"{who} {row.introducer} for this introduction on {row.asked_on} ({row.days} days ago); "
                        "no answer yet" for row in found_paths.pending.itertuples()]
        threads.sort(key=lambda t: -t[0])
        best = threads[0] if threads else (0.0, None, [])
        also = next((t for t in threads[1:] if len(t[2]) > 2 and t[2][1] != (best[2][1:2] or [None])[0]), None)
        known = data.get("known_by") or ({starts[0]: G[starts[0]][person]["strength"]}
                                         if G.has_edge(starts[0], person) else {})
        probability, member, path = best
        mine = G.edges[starts[0], person]["strength"] if len(starts) == 1 and G.has_edge(starts[0], person) else np.nan
        rows.append({"person": display_name(G, person), "title": data.get("title", ""),
                     "location": data.get("location", ""), "former": status == "former", "tie": mine,
                     "member": display_name(G, member) if member else "",
                     "introducer": display_name(G, path[1]) if len(path) > 2 else "",
                     "probability": float(probability), "hops": max(len(path) - 1, 0),
                     "path": [display_name(G, n) for n in path],
                     "also": display_name(G, also[2][1]) if also else "",
                     "also_probability": float(also[0]) if also else np.nan,
                     "known_by": [display_name(G, m) for m, _ in sorted(known.items(), key=lambda kv: -kv[1])],
                     "open_loops": waiting + loops.of(member or starts[0], person, path),
                     "_match": -float(np.prod([m for m in match if m is not None]))})
    frame = pd.DataFrame(rows, columns=[*_WHO_COLUMNS, "_match"])
    frame = frame.sort_values(["_match", "former", "probability", "person"], ascending=[True, True, False, True])
    return frame.drop(columns="_match").reset_index(drop=True)


_WHO_COLUMNS = ["person", "title", "location", "former", "tie", "member", "introducer", "probability", "hops", "path",
                "also", "also_probability", "known_by", "open_loops"]
#: The actions of :func:`netgraph.relationship_state` that are a loop to close before (or instead of) asking.
_LOOP_ACTIONS = ("reply", "update the introducer", "nudge")


class _OpenLoops:
    """What each start owes the people on a path, from their relationship state (computed once per start)."""

    def __init__(self, G: nx.DiGraph, today: dt.date):
        self.G, self.today = G, today
        self._states: dict = {}

    def of(self, start, person, path: list) -> list[str]:
        if start not in self._states:
            state = relationship_state(self.G, me=start, today=self.today)
            self._states[start] = state[state["action"].isin(_LOOP_ACTIONS)].set_index("node")["next_action"]
        owed = self._states[start]
        return [owed[n] for n in dict.fromkeys([person, *path[1:-1]]) if n in owed.index]


def team_coverage(G: nx.DiGraph, *, targets=None, members=None) -> pd.DataFrame:
    """For each target company: how many of its people the team reaches in one and two hops, and through whom.

    Parameters
    ----------
    G : nx.DiGraph
        A team network.
    targets : list of str, optional
        Companies; default ``G.graph["targets"]``.
    members : list, optional
        Default all the team's members.

    Returns
    -------
    DataFrame
        One row per target: ``target``, ``people`` (its current and former
        employees in the network), ``one_hop`` (known to a member directly),
        ``two_hops`` (within two hops of a member), ``members`` (the members
        who reach any of its people within two hops, most reached first),
        ``single_member`` (True when only one does: the target hangs on them),
        ``inside`` (members who work or worked there).

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.analysis.team import team_coverage
    >>> from netgraph.datasets.team import team_path
    >>> frame = team_coverage(netgraph.load(team_path()).graph)
    >>> list(frame.columns[:4])
    ['target', 'people', 'one_hop', 'two_hops']
    """
    starts = members_of(G, members)
    targets = list(G.graph.get("targets", [])) if targets is None else list(targets)
    reach = {m: rings(G, m, 2, blocked=set(starts) - {m}) for m in starts}
    rows = []
    for target in targets:
        found = find_target(G, target)
        people = set(found.nodes) - set(starts)
        one = set().union(*(reach[m][0] & people for m in starts)) if starts else set()
        two = set().union(*((reach[m][0] | reach[m][1]) & people for m in starts)) if starts else set()
        counts = {m: len((reach[m][0] | reach[m][1]) & people) for m in starts}
        reaching = [m for m in sorted(starts, key=lambda m: (-counts[m], str(m))) if counts[m]]
        inside = [m for m in starts if found.company and found.company in
                  {G.nodes[m].get("company"), *G.nodes[m].get("past_companies", [])}]
        rows.append({"target": found.company or str(target), "people": len(people), "one_hop": len(one),
                     "two_hops": len(two), "members": [display_name(G, m) for m in reaching],
                     "single_member": len(reaching) == 1, "inside": [display_name(G, m) for m in inside]})
    return pd.DataFrame(rows, columns=["target", "people", "one_hop", "two_hops", "members", "single_member",
                                       "inside"])


def member_overlap(G: nx.DiGraph, *, members=None) -> pd.DataFrame:
    """How much the members' networks overlap, pair by pair: whose network is unique.

    Parameters
    ----------
    G : nx.DiGraph
        A team network.
    members : list, optional

    Returns
    -------
    DataFrame
        One row per pair of members, most overlapping first: ``member``,
        ``other``, ``shared`` (contacts both know), ``jaccard`` (shared over the
        contacts either knows), ``unique`` and ``other_unique`` (contacts only
        that member of the whole team knows).

    References
    ----------
    .. [1] P. Jaccard, "Étude comparative de la distribution florale dans une portion des Alpes et du
       Jura", Bulletin de la Société Vaudoise des Sciences Naturelles 37, 1901.
    """
    starts = members_of(G, members)
    adjacency = neighbours(G)
    contacts = {m: set(adjacency[m]) - set(starts) for m in starts}
    unique = {m: len(contacts[m] - set().union(*(contacts[o] for o in starts if o != m))) for m in starts}
    rows = []
    for a, b in itertools.combinations(starts, 2):
        shared, either = contacts[a] & contacts[b], contacts[a] | contacts[b]
        rows.append({"member": display_name(G, a), "other": display_name(G, b), "shared": len(shared),
                     "jaccard": len(shared) / len(either) if either else 0.0, "unique": unique[a],
                     "other_unique": unique[b]})
    frame = pd.DataFrame(rows, columns=["member", "other", "shared", "jaccard", "unique", "other_unique"])
    return frame.sort_values(["jaccard", "member"], ascending=[False, True], ignore_index=True)
