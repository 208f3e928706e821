"""Follow-ups: what to do this week to keep the network in good repair.

Every item is the one action :func:`netgraph.relationship_state` gives the
person, so a follow-up never contradicts the other analyses. Five kinds, most
urgent first:

1. **Reply** — someone reached out and has waited past the reply grace for my
   answer; due a grace period after their first live contact.
2. **Update the introducer** — an introduction was made for me and the
   introducer was never told how it went. Telling them is what makes them
   introduce again; due two weeks after the introduction.
3. **Nudge** — I asked someone for an introduction and have not heard back.
4. **Reconnect** — the best dormant ties (ranked by :func:`weak_ties`): a few
   this week.
5. **Keep in touch** — a close tie going quiet past its Dunbar layer's rhythm:
   about weekly for the closest 5, monthly for the next 10, quarterly for the
   50 and twice a year for the 150 (:mod:`netgraph.model.rules`). A tie silent
   for longer than ``Rules.dormant_days`` is no longer going quiet but dormant:
   see reconnect.

A person appears once, under their one action.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from .._lazy import pd
from .state import relationship_state
from .weak_ties import weak_ties

__all__ = ["follow_ups", "COLUMNS", "KINDS"]

COLUMNS = ["contact", "node", "action", "why", "due", "overdue_days", "kind"]
#: The kinds of follow-up, most urgent first: the state's actions that are things to do this week.
KINDS = ("reply", "update the introducer", "nudge", "reconnect", "keep in touch")


def follow_ups(G: nx.DiGraph, *, me=None, today: dt.date | None = None, top: int = 3) -> pd.DataFrame:
    """What to follow up on, with the reason and how overdue each item is.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Defaults to the graph's owner.
    today : date, optional
        Defaults to ``G.graph["today"]``.
    top : int, default 3
        How many dormant ties to suggest reconnecting with (the other follow-ups are all listed).

    Returns
    -------
    DataFrame
        One row per follow-up, most urgent first: ``contact``, ``node``,
        ``action`` (what to do, in words), ``why``, ``due`` (date),
        ``overdue_days`` (negative when not yet due), ``kind`` (one of
        :data:`KINDS`).

    See Also
    --------
    netgraph.relationship_state : where each item comes from.

    Examples
    --------
    >>> import netgraph
    >>> todo = netgraph.follow_ups(netgraph.load().graph)
    >>> todo.iloc[0]["kind"]
    'reply'
    """
    today = today or G.graph.get("today") or dt.date.today()
    state = relationship_state(G, me=me, today=today)
    items = state[state["action"].isin([k for k in KINDS if k != "reconnect"])]
    dormant = set(state.loc[state["action"] == "reconnect", "node"])
    ranked = [v for v in weak_ties(G, me=me, today=today)["node"] if v in dormant][:top]
    items = pd.concat([items, state.set_index("node").loc[ranked].reset_index()], ignore_index=True)
    due = items["due"].map(lambda d: d if d else today)
    frame = pd.DataFrame({"contact": items["contact"], "node": items["node"], "action": items["next_action"],
                          "why": items["why"], "due": due, "overdue_days": due.map(lambda d: (today - d).days),
                          "kind": items["action"]}, columns=COLUMNS)
    frame = frame.assign(_k=frame["kind"].map(KINDS.index)).sort_values(
        ["_k", "overdue_days", "contact"], ascending=[True, False, True]).drop(columns="_k")
    return frame.reset_index(drop=True)
