"""One state per relationship: every analysis gives a person the same action."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import netgraph
from netgraph.analysis.reasons import hop_reasons
from netgraph.analysis.state import ACTIONS, relationship_state


def _agree(G) -> pd.DataFrame:
    """Check that reciprocity, weak ties, follow-ups, the contact sheet and the paths' reasons agree."""
    state = relationship_state(G).set_index("node")
    assert set(state["action"]) <= set(ACTIONS)
    for name, frame in [("reciprocity", netgraph.reciprocity(G, everyone=True)), ("weak_ties", netgraph.weak_ties(G)),
                        ("contacts", netgraph.contacts(G))]:
        merged = frame.set_index("node")["action"]
        assert (merged == state.loc[merged.index, "action"]).all(), name
    todo = netgraph.follow_ups(G, top=len(state))
    assert (todo.set_index("node")["kind"] == state.loc[todo["node"], "action"]).all()
    assert set(todo["node"]) >= set(state.index[state["action"].isin(["reply", "update the introducer", "nudge",
                                                                       "keep in touch"])])
    me, today = G.graph["me"], G.graph["today"]
    for v, row in state.iterrows():
        waits = any("waiting for your answer" in r or "answer" in r for r in hop_reasons(G, me, v, today, me))
        assert waits == (row["action"] == "reply"), v
    return state


def test_the_demo_agrees_with_itself(demo):
    state = _agree(demo.graph)
    names = state.set_index("contact")
    assert names.loc["Mary Lee", "next_action"] == "Nudge Mary Lee about Daniel Weber (asked October 20)"
    assert names.loc["Mark Delaney", "action"] == "reply"


def _network(interactions, introductions=None, today="2026-11-01"):
    people = pd.DataFrame({"name": ["Me Myself", "Gregory Hall", "Mary Lee", "Daniel Weber", "Tom Becker",
                                    "Sven Hansen"],
                           "company": ["", "TalentBridge", "Novagen", "Novagen", "Cobalt", "Helix"]})
    return netgraph.build_graph(people, pd.DataFrame(interactions, columns=["date", "from", "to", "kind"]),
                                introductions=introductions, me="Me Myself", today=today)


def test_a_recruiter_never_answered_is_to_answer_everywhere():
    # 13 messages since April, one an ask, none answered: not "you owe", not "keep warm", not "thank"
    rows = [(f"2026-{4 + i // 2:02d}-{1 + 14 * (i % 2):02d}", "Gregory Hall", "Me Myself", "ask" if i == 12 else
             "other") for i in range(13)]
    G = _network(rows)
    state = _agree(G).set_index("contact")
    assert state.loc["Gregory Hall", "action"] == "reply"
    assert state.loc["Gregory Hall", "next_action"].startswith("Answer Gregory Hall: 13 times since")


def test_someone_who_never_answered_me_owes_me_nothing():
    """Ten messages to a recruiter who never wrote back: one-way, and the paths' reason says so."""
    rows = [(f"2026-{1 + i:02d}-10", "Me Myself", "Gregory Hall", "other") for i in range(10)]
    G = _network(rows)
    state = _agree(G).set_index("contact")
    assert state.loc["Gregory Hall", "status"] == "one-way"
    reasons = hop_reasons(G, G.graph["me"], "gregory-hall", G.graph["today"], G.graph["me"])
    assert reasons[0] == "you wrote to them 10 times; they have never written back"


def test_a_pending_request_is_a_nudge_and_an_unreported_introduction_an_update():
    rows = [("2026-09-01", "Mary Lee", "Me Myself", "other"), ("2026-09-02", "Me Myself", "Mary Lee", "other"),
            ("2026-09-01", "Tom Becker", "Me Myself", "other"), ("2026-09-02", "Me Myself", "Tom Becker", "other")]
    intros = pd.DataFrame({"date": ["2026-10-20", "2026-06-05"], "introducer": ["Mary Lee", "Tom Becker"],
                           "introduced": ["Daniel Weber", "Sven Hansen"], "status": ["requested", "met"]})
    state = _agree(_network(rows, intros)).set_index("contact")
    assert state.loc["Mary Lee", "next_action"] == "Nudge Mary Lee about Daniel Weber (asked October 20)"
    assert state.loc["Tom Becker", "next_action"] == "Tell Tom Becker how it went with Sven Hansen"


@pytest.mark.parametrize("asks", [2, 3, 5])
def test_asked_a_lot_is_one_threshold(asks):
    rows = [(f"2026-{m:02d}-01", "Me Myself", "Mary Lee", "ask") for m in range(10 - asks, 10)]
    rows += [(f"2026-{m:02d}-03", "Mary Lee", "Me Myself", "other") for m in range(10 - asks, 10)]
    rows += [(f"2026-{m:02d}-05", "Me Myself", "Mary Lee", "other") for m in range(10 - asks, 10)]  # thanks
    state = _agree(_network(rows)).set_index("contact")
    rules = netgraph.model.rules.Rules()
    status = netgraph.reciprocity(_network(rows)).set_index("contact").loc["Mary Lee", "status"]
    assert (status == "you have asked a lot") == (asks >= rules.asked_a_lot)
    assert (state.loc["Mary Lee", "action"] == "give first") == (asks >= rules.asked_a_lot)


def test_an_overdue_reply_counts_from_the_live_contact():
    rows = [("2024-03-01", "Mary Lee", "Me Myself", "other"), ("2026-09-27", "Mary Lee", "Me Myself", "other")]
    todo = netgraph.follow_ups(_network(rows))
    item = todo.set_index("contact").loc["Mary Lee"]
    assert item["kind"] == "reply" and item["due"] == dt.date(2026, 10, 4) and item["overdue_days"] == 28
