"""Follow-ups: what to do this week to keep the network in good repair.

Four kinds, most urgent first:

1. **Keep your host in the loop** — an introduction was made for me and the
   introducer was never told how it went (``updated_introducer_on`` is empty).
   Telling them is what makes them introduce again; due two weeks after the
   introduction.
2. **Return the call** — someone reached out and I have not answered
   (contacts from them since my last one); due three days after their last.
3. **Reconnect** — the best dormant or bridging ties of :func:`weak_ties`
   whose action is ``reconnect``: a few this week.
4. **Keep in touch** — a close tie going quiet past its Dunbar layer's rhythm:
   about weekly for the closest 5, monthly for the next 10, quarterly for the
   50 and twice a year for the 150 (:mod:`netgraph.analysis.layers`). A tie silent for
   more than a year is no longer going quiet but dormant: see reconnect.

A person appears once, under the most urgent kind.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

from ..model.graph import display_name, me_of
from ..model.rules import rules_of
from .layers import dunbar_layers
from .reasons import ago, awaiting_reply, last_contact
from .weak_ties import weak_ties

__all__ = ["follow_ups", "COLUMNS"]

COLUMNS = ["contact", "node", "action", "why", "due", "overdue_days", "kind"]
#: A tie silent for longer is dormant, not going quiet.
_CHANNEL_WORDS = {"call": "a call", "email": "an e-mail", "message": "a message", "meeting": "a meeting",
                  "letter": "a letter"}
_PRIORITY = {"update the introducer": 0, "return the call": 1, "reconnect": 2, "keep in touch": 3}


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
        How many weak ties to suggest reconnecting with (the other follow-ups are all listed).

    Returns
    -------
    DataFrame
        One row per follow-up, most urgent first: ``contact``, ``node``,
        ``action`` (what to do), ``why``, ``due`` (date), ``overdue_days``
        (negative when not yet due), ``kind`` (``update the introducer``,
        ``return the call``, ``reconnect``, ``keep in touch``).

    Examples
    --------
    >>> import netgraph
    >>> todo = netgraph.follow_ups(netgraph.load().graph)
    >>> todo.iloc[0]["kind"]
    'update the introducer'
    """
    me = me_of(G, me)
    today = today or G.graph.get("today") or dt.date.today()
    rows = _introducers(G, me, today) + _unanswered(G, me, today) + _quiet(G, me, today)
    named = {row["node"] for row in rows}
    for row in weak_ties(G, me=me, today=today).itertuples():
        if len([r for r in rows if r["kind"] == "reconnect"]) >= top:
            break
        if row.action == "reconnect" and row.node not in named:
            rows.append(_item(G, row.node, "reconnect", f"Get back in touch with {row.contact}", row.why,
                              today, today))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.assign(_p=frame["kind"].map(_PRIORITY)).sort_values(
        ["_p", "overdue_days", "contact"], ascending=[True, False, True]).drop(columns="_p")
    return frame.drop_duplicates("node").reset_index(drop=True)


def _item(G, node, kind: str, action: str, why: str, due: dt.date, today: dt.date) -> dict:
    return {"contact": display_name(G, node), "node": node, "action": action, "why": why, "due": due,
            "overdue_days": (today - due).days, "kind": kind}


def _introducers(G, me, today: dt.date) -> list[dict]:
    rows = []
    for intro in G.graph.get("introductions", []):
        if intro.get("to") != me or intro.get("status") not in ("made", "met") or intro.get("updated_introducer_on"):
            continue
        introducer, introduced = intro["introducer"], intro["introduced"]
        if introducer not in G or introduced not in G:
            continue
        who = display_name(G, introduced)
        company = G.nodes[introduced].get("company")
        met = " and you met" if intro["status"] == "met" else ""
        why = (f"{display_name(G, introducer)} introduced you to {who}" + (f" ({company})" if company else "")
               + f" on {intro['date']}{met}; they have not heard how it went. Keep your host in the loop.")
        rows.append(_item(G, introducer, "update the introducer", f"Tell {display_name(G, introducer)} how it went "
                          f"with {who}", why, intro["date"] + dt.timedelta(days=14), today))
    return rows


def _unanswered(G, me, today: dt.date) -> list[dict]:
    rows = []
    for v in G.predecessors(me):
        found = awaiting_reply(G, me, v, today)
        if found is None:
            continue
        waiting, since, last = found
        how = _CHANNEL_WORDS.get(G[v][me].get("last_channel"), "contact")
        when = (f"{how} {ago(last, today)}" if waiting == 1 else
                f"{waiting} times, first {ago(since, today)}, last {how} {ago(last, today)}")
        why = f"{display_name(G, v)} is waiting for your answer ({when}). Return the call."
        rows.append(_item(G, v, "return the call", f"Answer {display_name(G, v)}", why,
                          since + dt.timedelta(days=rules_of(G).reply_days), today))
    return rows


def _quiet(G, me, today: dt.date) -> list[dict]:
    rows = []
    rules = rules_of(G)
    for v, layer in dunbar_layers(G, me=me).items():
        if not layer:
            continue
        last = last_contact(G, me, v)
        if last is None:
            continue
        due = last + dt.timedelta(days=rules.rhythm_days[layer])
        if due >= today or (today - last).days > rules.dormant_days:
            continue
        why = (f"one of your closest {layer}, usually in touch every {_rhythm(layer)}; last contact "
               f"{ago(last, today)}")
        rows.append(_item(G, v, "keep in touch", f"Catch up with {display_name(G, v)}", why, due, today))
    return rows


def _rhythm(layer: int) -> str:
    return {5: "week", 15: "month", 50: "three months", 150: "six months"}[layer]
