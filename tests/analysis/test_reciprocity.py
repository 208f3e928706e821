"""Reciprocity per relationship: counts against an independent count, and the statuses."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import netgraph
from netgraph.analysis.reciprocity import reciprocity, status_of

TODAY = dt.date(2026, 11, 1)


def row(**values):
    base = {"sent": 5, "received": 5, "balance": 0.0, "asks": 0, "asks_year": 0, "favours_received": 0,
            "favours_given": 0, "waiting_since": None, "last_unanswered": None}
    return base | values


def waiting(since: str, last: str) -> dict:
    return {"waiting_since": dt.date.fromisoformat(since), "last_unanswered": dt.date.fromisoformat(last)}


def test_statuses():
    assert status_of(row(**waiting("2026-10-20", "2026-10-20")), TODAY) == "unanswered"
    # an answer is not overdue within a week of the first contact waiting for it
    assert status_of(row(**waiting("2026-10-27", "2026-10-30")), TODAY) == "balanced"
    assert status_of(row(**waiting("2026-10-24", "2026-10-30")), TODAY) == "unanswered"
    # and what waited 90 days before the last contact is history
    assert status_of(row(**waiting("2024-01-01", "2025-01-01")), TODAY) == "balanced"
    assert status_of(row(asks=4, asks_year=3, favours_given=1), TODAY) == "you have asked a lot"
    assert status_of(row(favours_received=3), TODAY) == "you owe"
    assert status_of(row(favours_received=2, asks=4, asks_year=3), TODAY) == "you have asked a lot"
    assert status_of(row(sent=1, received=9, balance=0.8), TODAY) == "you owe"
    assert status_of(row(favours_given=2), TODAY) == "they owe you"
    assert status_of(row(sent=0, received=2, balance=1.0), TODAY) == "one-way"
    # ten messages never answered: they owe nothing, they did not answer
    assert status_of(row(sent=10, received=0, balance=-1.0), TODAY) == "one-way"
    assert status_of(row(sent=9, received=1, balance=-0.8), TODAY) == "they owe you"
    # a connection never written to either way: not "one-way", which says somebody wrote
    assert status_of(row(sent=0, received=0, balance=0.0), TODAY) == "never in touch"


def test_demo(demo):
    table = reciprocity(demo.graph).set_index("contact")
    assert table.loc["Mark Delaney", "status"] == "unanswered"
    assert table.loc["Mark Delaney", "waiting"] >= 3 and table.loc["Mark Delaney", "sent"] == 0
    assert table.loc["Tom Becker", "status"] == "you have asked a lot"
    assert table.loc["Stan Whitfield", "status"] == "you owe"
    for _, r in table.iterrows():
        assert r["reciprocated"] == min(r["sent"], r["received"])
        if r["sent"] + r["received"]:
            assert r["balance"] == (r["received"] - r["sent"]) / (r["received"] + r["sent"])
    assert table.attrs["reciprocity"] == netgraph.summary(demo.graph)["reciprocity"]
    assert len(reciprocity(demo.graph, everyone=True)) == demo.graph.out_degree(demo.me)


def test_enron_counts_equal_an_independent_count(enron):
    G = netgraph.build_graph(enron["people"], enron["interactions"], today="2002-07-01", errors="report")
    x = enron["interactions"]
    x = x[x["from"] != x["to"]]
    counts = x.groupby(["from", "to"]).size()
    for me in ("1", "48", "138"):
        table = reciprocity(G, me=me).set_index("node")
        for other, r in table.iterrows():
            assert r["sent"] == counts.get((me, other), 0)
            assert r["received"] == counts.get((other, me), 0)
        partners = set(x.loc[x["from"] == me, "to"]) | set(x.loc[x["to"] == me, "from"])
        assert set(table.index) == partners


def test_favours_come_from_kinds_and_introductions():
    people = pd.DataFrame({"name": ["Me Myself", "Ann Ay", "Bo Bee"]})
    interactions = pd.DataFrame({"date": ["2026-10-01", "2026-10-02", "2026-10-03"],
                                 "from": ["Ann Ay", "me", "me"], "to": ["me", "Ann Ay", "Ann Ay"],
                                 "kind": ["give", "ask", "give"]})
    intros = pd.DataFrame({"date": ["2026-09-01"], "introducer": ["Ann Ay"], "introduced": ["Bo Bee"],
                           "status": ["made"]})
    G = netgraph.build_graph(people, interactions, introductions=intros, me="Me Myself", today="2026-11-01")
    ann = reciprocity(G).set_index("contact").loc["Ann Ay"]
    assert (ann["favours_received"], ann["favours_given"], ann["asks"]) == (2, 1, 2)
