"""Relationships in words: the reasons every analysis gives for its answers."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from ..model.graph import display_name
from ..model.rules import Rules, rules_of

__all__ = ["ago", "last_contact", "hop_reasons", "qualify", "awaiting_reply", "overdue_reply", "unanswered",
           "live_since"]


def ago(day: dt.date | None, today: dt.date) -> str:
    """``"3 weeks ago"``, ``"in June 2024"``..."""
    if day is None:
        return "never"
    days = (today - day).days
    if days < 0:
        return f"on {day.isoformat()}"
    if days == 0:
        return "today"
    if days < 14:
        return f"{days} day{'s' if days > 1 else ''} ago"
    if days < 63:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{round(days / 30.4)} months ago"
    return f"in {day.strftime('%B %Y')}"


def since(day: dt.date, today: dt.date) -> str:
    """``"October 5"`` within the last year, else ``"June 2024"``: a point in time to count from."""
    return f"{day:%B} {day.day}" if 0 <= (today - day).days < 365 else day.strftime("%B %Y")


def last_contact(G: nx.DiGraph, u, v) -> dt.date | None:
    """The last interaction between u and v, either way."""
    dates = [G[a][b].get("last") for a, b in ((u, v), (v, u)) if G.has_edge(a, b)]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def awaiting_reply(G: nx.DiGraph, me, v, today: dt.date) -> tuple[int, dt.date, dt.date] | None:
    """Whether ``v`` is waiting for my answer: ``(contacts waiting, the first live one, the last)``.

    ``None`` when nothing from ``v`` waits (the edge attribute ``waiting``: personal
    contacts since my last one or our last meeting), or when their last contact is more
    than ``Rules.unanswered_days`` old (:mod:`netgraph.model.rules`).
    """
    back = G[v][me] if G.has_edge(v, me) else {}
    waiting, last = back.get("waiting", 0), back.get("last")
    since = back.get("waiting_since") or last
    rules = rules_of(G)
    if not waiting or since is None or last is None or not unanswered(since, last, today, rules=rules):
        return None
    return waiting, live_since(since, last, rules), last


def overdue_reply(G: nx.DiGraph, me, v, today: dt.date) -> tuple[int, dt.date, dt.date] | None:
    """As :func:`awaiting_reply`, once the answer is late: the first contact waiting is more than
    ``Rules.reply_days`` old."""
    found = awaiting_reply(G, me, v, today)
    return found if found and unanswered(found[1], found[2], today, rules=rules_of(G), late=True) else None


def unanswered(since: dt.date | None, last: dt.date | None, today: dt.date, *, rules: Rules,
               late: bool = False) -> bool:
    """A contact waiting since ``since`` (the last on ``last``) is a call to return: the last no more than
    ``rules.unanswered_days`` ago and, when ``late``, the first more than ``rules.reply_days`` ago."""
    if since is None or last is None:
        return False
    grace = rules.reply_days if late else 0
    return (today - last).days <= rules.unanswered_days and (today - live_since(since, last, rules)).days > grace


def live_since(since: dt.date, last: dt.date, rules: Rules) -> dt.date:
    """When the wait for my answer started: the first contact waiting, unless it is older than the
    unanswered window before the last one — an old note is history, the wait counts from the live contact."""
    return last if (last - since).days > rules.unanswered_days else since


def qualify(strength: float) -> str:
    """A word for a strength: close, good, moderate, weak, distant."""
    for bound, word in ((0.6, "close"), (0.4, "good"), (0.2, "moderate"), (0.08, "weak")):
        if strength >= bound:
            return word
    return "distant"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _employers(G: nx.DiGraph, node) -> set[str]:
    return {G.nodes[node].get("company", ""), *G.nodes[node].get("past_companies", [])}


def _ledger(G: nx.DiGraph, me, v) -> list[str]:
    """The favours between me and v, when they say something: help given invites help back."""
    def favours(a, b) -> int:
        data = G[a][b] if G.has_edge(a, b) else {}
        return data.get("gives", 0) + data.get("intros", 0)

    given, received = favours(me, v), favours(v, me)
    if given >= 2 and given > received:
        return [f"you have helped them {_times(given)}"]
    if received >= 2:
        return [f"they have helped you {_times(received)}"]
    return []


def hop_reasons(G: nx.DiGraph, u, v, today: dt.date, me=None) -> list[str]:
    """Why u can reach v, most telling first, in the second person when u is me.

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.load()
    >>> hop_reasons(net.graph, net.me, net.find("Stan Whitfield"), net.today, net.me)[0]
    'you met 23 times this year'
    """
    data = G[u][v] if G.has_edge(u, v) else G[v][u]
    mine = u == me
    you, them = ("you", display_name(G, v)) if mine else (display_name(G, u), display_name(G, v))
    subject = "you" if mine else f"{you} and {them}"
    reasons = []
    if data.get("basis") == "inferred":
        sure = data.get("confidence", 1.0)
        reasons.append(f"{subject} probably know each other ({sure:.0%} sure): {data.get('evidence', '')}")
    elif data.get("evidence") and not mine:
        reasons.append(f"{data['evidence'].replace('they wrote', f'{subject} wrote')}")
    if data.get("meetings_year"):
        reasons.append(f"{subject} met {_times(data['meetings_year'])} this year")
    elif data.get("interactions_year") and mine and data.get("sent") and not (
            G.has_edge(v, u) and G[v][u].get("sent")):
        reasons.append(f"you wrote to them {_times(data['sent'])}; they have never written back")
    elif data.get("interactions_year"):
        reasons.append(f"{subject} were in touch {_times(data['interactions_year'])} this year")
    elif data.get("interactions") and not any(" last in " in r for r in reasons):  # the evidence gave the date
        reasons.append(f"last in touch {ago(last_contact(G, u, v), today)}")
    if data.get("introduced_by") is not None and data.get("introduced_on") is not None:
        by = data["introduced_by"]
        who = "you" if by == me else display_name(G, by)
        reasons.append(f"{who} introduced {'you' if mine else 'them'} in {data['introduced_on'].year}")
    if data.get("note"):
        reasons.append(f"{subject} know each other: {data['note']}")
    company = G.nodes[u].get("company")
    if company and company == G.nodes[v].get("company"):
        reasons.append(f"{'you are' if mine else 'they are'} colleagues at {company}")
    else:
        shared = sorted((_employers(G, u) & _employers(G, v)) - {""})
        if shared and not any(shared[0] in r for r in reasons):  # the evidence or the note may have said it
            reasons.append(f"{'you' if mine else 'they'} worked together at {shared[0]}")
    if mine and data.get("closeness") is not None and data["closeness"] >= 0.5:
        reasons.append("you count them among your closest")
    asks = data.get("asks_year", 0)
    if mine and asks and asks >= rules_of(G).asked_a_lot:
        reasons.append(f"you have asked them {_times(asks)} this year")
    if mine:
        reasons += _ledger(G, u, v)
    waiting = overdue_reply(G, u, v, today) if mine else None
    if waiting:
        reasons.append(f"they are waiting for your answer (since {waiting[1].strftime('%B %Y')}): answer first")
    if not reasons:
        if data.get("connected_on") is not None:
            reasons.append(f"connected on LinkedIn in {data['connected_on'].year}")
        else:
            reasons.append(f"{subject} know each other")
    reasons.append(f"a {qualify(data['strength'])} tie ({data['strength']:.2f})")
    return reasons
