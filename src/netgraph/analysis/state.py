"""One state per relationship, computed once and read by every analysis.

For each of my contacts this module derives, from the graph alone: who waits
on whom and since when, the asks and favours each way, the introductions they
made for me, the ones I asked of them that are still pending and the ones I
never reported back on, the Dunbar layer and its rhythm, dormancy, the give
and take ``status`` (:func:`netgraph.reciprocity`'s), and from all of these
**one** ``action`` with its ``next_action`` in plain words. Reciprocity, weak
ties, follow-ups, the contact sheet, the drafts and the paths' reasons all read
it, so the same person never gets two incompatible pieces of advice.

The action is the first of these that applies (:data:`ACTIONS`, most urgent
first); every threshold is a field of :class:`netgraph.model.rules.Rules`:

=========================  ====================================================
``reply``                  they wrote and have waited past ``reply_days`` for
                           my answer (their last contact within
                           ``unanswered_days``)
``update the introducer``  they introduced me to someone and were never told
                           how it went
``nudge``                  I asked them for an introduction that is still
                           pending after ``reply_days``
``give back``              status ``you owe``: they have done more for me than
                           I for them, or carry the relationship
``give first``             status ``you have asked a lot``
``reconnect``              dormant: close once, quiet for ``dormant_days``
``keep in touch``          in one of my layers and quiet past its rhythm
``keep warm``              nothing pressing
=========================  ====================================================

Examples
--------
>>> import netgraph
>>> state = netgraph.relationship_state(netgraph.load().graph)
>>> state.set_index("contact").loc["Mark Delaney", "action"]
'reply'
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import numpy as np

from .._lazy import pd
from ..model.graph import display_name, me_of
from ..model.rules import Rules, rules_of
from .layers import dunbar_layers
from .reasons import ago, last_contact, overdue_reply
from .reasons import since as since_day

__all__ = ["relationship_state", "status_of", "dormancy", "ACTIONS", "STATUSES", "COLUMNS"]

#: The actions, most urgent first (see the module docstring).
ACTIONS = ("reply", "update the introducer", "nudge", "give back", "give first", "reconnect", "keep in touch",
           "keep warm")
#: The give-and-take statuses, those needing attention first (:func:`status_of`).
STATUSES = ("unanswered", "you have asked a lot", "you owe", "they owe you", "one-way", "balanced",
            "never in touch")
#: An introducer who hears nothing for this long after an introduction has waited long enough.
REPORT_BACK_DAYS = 14
#: A tie is dormant when its busiest year was at least this intense and it fell this far from it
#: (Levin, Walter & Murnighan 2011: once-close ties that went quiet).
CLOSE_ONCE, DORMANCY = 0.3, 0.3
COLUMNS = ["contact", "node", "company", "title", "location", "strength", "layer", "last_contact", "quiet_days",
           "dormancy", "sent", "received", "reciprocated", "balance", "asks", "asks_year", "favours_received",
           "favours_given", "waiting", "waiting_since", "last_unanswered", "overdue", "pending", "unreported",
           "status", "action", "next_action", "why", "due"]
_CHANNEL_WORDS = {"call": "a call", "email": "an e-mail", "message": "a message", "meeting": "a meeting",
                  "letter": "a letter"}
_RHYTHM_WORDS = {7: "week", 30: "month", 91: "three months", 182: "six months"}


def status_of(row: dict, today: dt.date, *, rules: Rules | None = None) -> str:
    """The give-and-take status of one relationship, one of :data:`STATUSES`.

    ``row`` holds ``sent``, ``received``, ``balance``, ``asks``, ``asks_year``,
    ``favours_received``, ``favours_given``, ``waiting_since`` and
    ``last_unanswered`` (see :func:`relationship_state`).

    =========================  ====================================================
    ``unanswered``             they reached out within ``unanswered_days`` and have
                               waited more than ``reply_days`` for my answer
    ``you owe``                they have done me three favours more than I them
    ``you have asked a lot``   ``asked_a_lot`` asks or more in the last year, and
                               more asks than favours I have done them
    ``you owe``                two favours more, or they carry the relationship
                               (balance above 0.5 over at least 6 contacts, some
                               of them mine)
    ``they owe you``           the reverse (when they have written back at all)
    ``balanced``               contact both ways, no debt either way
    ``one-way``                contact in one direction only, long answered or old
    ``never in touch``         no contact either way in the files: a connection
                               or an address-book entry only (most of a LinkedIn
                               export)
    =========================  ====================================================
    """
    from .reasons import unanswered

    rules = rules or Rules()
    if unanswered(row["waiting_since"], row["last_unanswered"], today, rules=rules, late=True):
        return "unanswered"
    debt = row["favours_received"] - row["favours_given"]
    if debt >= 3:
        return "you owe"
    if row["asks_year"] >= rules.asked_a_lot and row["asks"] > row["favours_given"]:
        return "you have asked a lot"
    total = row["sent"] + row["received"]
    # they carry a relationship both keep up; one I never wrote back to is one-way, not a debt
    carried = total >= 6 and row["balance"] > 0.5 and row["sent"] > 0
    if debt >= 2 or (debt >= 0 and carried):
        return "you owe"
    # and one that never wrote back owes nothing: it did not answer (one-way)
    if debt <= -2 or (debt <= 0 and total >= 6 and row["balance"] < -0.5 and row["received"] > 0):
        return "they owe you"
    if row["sent"] and row["received"]:
        return "balanced"
    return "one-way" if total else "never in touch"


def dormancy(data: dict) -> float:
    """How far a tie fell from its busiest year: (peak − current frequency) × (1 − recency), in [0, 1]."""
    peak, frequency, recency = data.get("peak"), data.get("frequency"), data.get("recency")
    if peak is None or frequency is None or recency is None:
        return 0.0
    return float(np.clip(peak - frequency, 0.0, 1.0) * (1.0 - recency))


def relationship_state(G: nx.DiGraph, *, me=None, today: dt.date | None = None) -> pd.DataFrame:
    """The state of each of my relationships, and the one thing to do about it.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose relationships; defaults to the graph's owner.
    today : date, optional
        Defaults to ``G.graph["today"]``.

    Returns
    -------
    DataFrame
        One row per contact, in :data:`ACTIONS` order then most overdue first:
        ``contact``, ``node``, ``company``, ``title``, ``location``,
        ``strength``, ``layer`` (5, 15, 50, 150 or 0), ``last_contact``,
        ``quiet_days``, ``dormancy``, the give and take (``sent``,
        ``received``, ``reciprocated``, ``balance``, ``asks``, ``asks_year``,
        ``favours_received``, ``favours_given``), what waits (``waiting``,
        ``waiting_since``, ``last_unanswered``, ``overdue``: my answer is
        late), ``pending`` (the people I asked them to introduce me to, with
        the dates, still pending), ``unreported`` (the people they introduced
        me to, never reported back on), ``status`` (:func:`status_of`),
        ``action`` (:data:`ACTIONS`), ``next_action`` (in words), ``why`` and
        ``due`` (the date the action fell or falls due).

    See Also
    --------
    netgraph.reciprocity, netgraph.weak_ties, netgraph.follow_ups, netgraph.contacts

    Examples
    --------
    >>> import netgraph
    >>> state = netgraph.relationship_state(netgraph.load().graph)
    >>> set(state["action"]) <= set(ACTIONS)
    True
    """
    me = me_of(G, me)
    today = today or G.graph.get("today") or dt.date.today()
    rules = rules_of(G)
    layers = dunbar_layers(G, me=me)
    pending, unreported = _introductions(G, me)
    rows = []
    for v in G[me]:
        out = G[me][v]
        back = G[v][me] if G.has_edge(v, me) else {}
        node = G.nodes[v]
        sent, received = int(out.get("sent", 0)), int(back.get("sent", 0))
        last = last_contact(G, me, v)
        row = {
            "contact": display_name(G, v), "node": v, "company": node.get("company", ""),
            "title": node.get("title", ""), "location": node.get("location", ""),
            "strength": float(out.get("strength", 0.0)), "layer": int(layers.get(v, 0)), "last_contact": last,
            "quiet_days": (today - last).days if last else None, "dormancy": dormancy(out),
            "sent": sent, "received": received, "reciprocated": min(sent, received),
            "balance": (received - sent) / (received + sent) if sent + received else np.nan,
            "asks": int(out.get("asks", 0)), "asks_year": int(out.get("asks_year", 0)),
            "favours_received": int(back.get("gives", 0) + back.get("intros", 0)),
            "favours_given": int(out.get("gives", 0) + out.get("intros", 0)),
            "waiting": int(back.get("waiting", 0)), "waiting_since": back.get("waiting_since"),
            "last_unanswered": back.get("last") if back.get("waiting", 0) else None,
            "pending": pending.get(v, []), "unreported": unreported.get(v, []),
        }
        row["status"] = status_of(row, today, rules=rules)
        row["overdue"] = overdue_reply(G, me, v, today) is not None
        row["action"], row["next_action"], row["why"], row["due"] = _advice(G, me, v, row, today, rules)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = frame["action"].map({a: i for i, a in enumerate(ACTIONS)})
    due = frame["due"].map(lambda d: d.toordinal() if d else dt.date.max.toordinal())
    frame = frame.assign(_o=order, _d=due).sort_values(["_o", "_d", "contact"]).drop(columns=["_o", "_d"])
    return frame.reset_index(drop=True)


def _introductions(G: nx.DiGraph, me) -> tuple[dict, dict]:
    """Per introducer: the introductions I asked for that are pending, and those made that I never reported on."""
    pending: dict = {}
    unreported: dict = {}
    for intro in G.graph.get("introductions", []):
        introducer, introduced = intro.get("introducer"), intro.get("introduced")
        if intro.get("to") != me or introducer not in G or introduced not in G:
            continue
        if intro.get("status") == "requested":
            pending.setdefault(introducer, []).append((introduced, intro["date"]))
        elif intro.get("status") in ("made", "met") and not intro.get("updated_introducer_on"):
            unreported.setdefault(introducer, []).append((introduced, intro["date"], intro["status"] == "met"))
    return pending, unreported


def _advice(G: nx.DiGraph, me, v, row: dict, today: dt.date, rules: Rules) -> tuple[str, str, str, dt.date | None]:
    """(action, next action in words, why, due) for one relationship: the first of :data:`ACTIONS` that applies."""
    name = display_name(G, v)
    found = overdue_reply(G, me, v, today)
    if found:
        waiting, live, last = found
        since = row["waiting_since"] or live
        how = _CHANNEL_WORDS.get(G[v][me].get("last_channel"), "contact")
        when = (f"{how} {ago(last, today)}" if waiting == 1 else
                f"{waiting} times since {since_day(since, today)}, the last {how} "
                f"{ago(last, today)}")
        asked = "; they have asked you for something this year" if G[v][me].get("asks_year", 0) else ""
        return ("reply", f"Answer {name}: {when}{asked}",
                f"{name} is waiting for your answer ({when})", live + dt.timedelta(days=rules.reply_days))
    if row["unreported"]:
        introduced, when, met = max(row["unreported"], key=lambda item: item[1])
        who = display_name(G, introduced)
        return ("update the introducer", f"Tell {name} how it went with {who}",
                f"{name} introduced you to {who} on {when}{' and you met' if met else ''}; they have not heard "
                "how it went", when + dt.timedelta(days=REPORT_BACK_DAYS))
    late = [(who, when) for who, when in row["pending"] if (today - when).days > rules.reply_days]
    if late:
        introduced, when = min(late, key=lambda item: item[1])
        who = display_name(G, introduced)
        return ("nudge", f"Nudge {name} about {who} (asked {_day(when)})",
                f"you asked {name} to introduce you to {who} on {when} and have not heard back",
                when + dt.timedelta(days=rules.reply_days))
    if row["status"] == "you owe":
        owed = row["favours_received"] - row["favours_given"]
        why = (f"they have helped you {owed} times more than you them" if owed > 0 else
               "they carry the relationship: they reach out more than you do")
        return "give back", f"Do something for {name} before asking again", why, None
    if row["status"] == "you have asked a lot":
        return ("give first", f"Offer {name} help before asking again",
                f"you have asked them {row['asks_year']} times this year", None)
    peak = G[me][v].get("peak", 0) or 0
    quiet = row["quiet_days"]
    if row["dormancy"] >= DORMANCY or (quiet is not None and quiet > rules.dormant_days and peak >= CLOSE_ONCE):
        since = since_day(row["last_contact"], today)
        return ("reconnect", f"Get back in touch with {name}", f"formerly close, quiet since {since}", None)
    if row["layer"] and quiet is not None:
        rhythm = rules.rhythm_days[row["layer"]]
        due = row["last_contact"] + dt.timedelta(days=rhythm)
        if due < today:
            every = _RHYTHM_WORDS.get(rhythm, f"{rhythm} days")
            return ("keep in touch", f"Catch up with {name}",
                    f"one of your closest {row['layer']}, usually in touch every {every}; last contact "
                    f"{ago(row['last_contact'], today)}", due)
    return "keep warm", "", "", None


def _day(day: dt.date) -> str:
    return f"{day:%B} {day.day}"
