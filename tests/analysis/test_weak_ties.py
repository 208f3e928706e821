"""Weak ties worth nurturing: the ranking logic on hand-built scenarios, spans, the demo."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph.analysis.state import ACTIONS
from netgraph.analysis.weak_ties import spans, weak_ties

TODAY = "2026-11-01"


def scenario():
    """Me with an embedded circle of close friends, one dormant ex-boss who alone knows people
    at the target company, and a recent moderately weak acquaintance with a world of her own."""
    people = [{"name": "Me Myself"}] + [{"name": f"Friend {i}"} for i in range(6)] + [
        {"name": "Old Boss"}, {"name": "Tara Target", "company": "Target Co"}, {"name": "Tim Target",
                                                                                "company": "Target Co"},
        {"name": "New Acquaintance"}] + [{"name": f"Stranger {i}"} for i in range(4)]
    ties = [(f"Friend {i}", f"Friend {j}") for i in range(6) for j in range(i + 1, 6)]
    ties += [("Old Boss", "Tara Target"), ("Tara Target", "Tim Target")]
    ties += [("New Acquaintance", f"Stranger {i}") for i in range(4)]
    rows = []
    for i in range(6):  # close friends: weekly, both ways, this year
        for day in pd.date_range("2025-11-05", "2026-10-28", freq="7D"):
            rows += [(day, "me", f"Friend {i}", "meeting"), (day + pd.Timedelta(days=1), f"Friend {i}", "me", "call")]
    for day in pd.date_range("2021-01-04", "2023-06-30", freq="7D"):  # the boss: weekly, then silence
        rows += [(day, "me", "Old Boss", "meeting"), (day + pd.Timedelta(days=2), "Old Boss", "me", "email")]
    for day in ("2026-03-01", "2026-07-01"):
        rows += [(pd.Timestamp(day), "me", "New Acquaintance", "email"),
                 (pd.Timestamp(day) + pd.Timedelta(days=3), "New Acquaintance", "me", "email")]
    interactions = pd.DataFrame(rows, columns=["date", "from", "to", "channel"])
    return netgraph.build_graph(pd.DataFrame(people).fillna(""), interactions,
                                ties=pd.DataFrame(ties, columns=["a", "b"]), me="Me Myself", today=TODAY,
                                targets=["Target Co"])


def test_dormant_tie_that_alone_reaches_a_target_ranks_first_and_embedded_strong_ties_last():
    table = weak_ties(scenario()).set_index("contact")
    assert table["rank"].idxmin() == "Old Boss"
    boss = table.loc["Old Boss"]
    assert boss["action"] == "reconnect" and boss["unique_targets"] == ["Target Co"]
    assert boss["dormancy"] > 0.5 and boss["local_bridge"]
    assert "formerly close" in boss["why"] and "your only way to Target Co" in boss["why"]
    friends = table.loc[[f"Friend {i}" for i in range(6)]]
    assert (friends["rank"] > table.loc["New Acquaintance", "rank"]).all()
    assert (friends["strength"] > 0.6).all() and (friends["bridging"] == 0).all()
    acquaintance = table.loc["New Acquaintance"]
    assert acquaintance["unique_people"] == 4 and acquaintance["local_bridge"]


def test_parts_and_score_agree():
    table = weak_ties(scenario())
    parts = ["bridging", "reach", "targets", "sweet_spot", "dormancy"]
    weights = [0.20, 0.20, 0.25, 0.15, 0.20]
    assert table["score"].to_numpy() == pytest.approx((table[parts] * weights).sum(axis=1).to_numpy())
    assert ((table[parts] >= 0) & (table[parts] <= 1)).all().all()
    assert set(table["action"]) <= set(ACTIONS)
    assert table["score"].is_monotonic_decreasing and table["rank"].tolist() == list(range(1, len(table) + 1))


@pytest.mark.parametrize("make", [nx.karate_club_graph, nx.les_miserables_graph, nx.florentine_families_graph])
def test_spans_equal_networkx_local_bridges(make):
    G = make()
    for me in list(G)[:6]:
        contacts = set(G[me])
        ours = spans(G._adj, me, contacts, cap=10_000)
        reference = {frozenset((u, v)): span for u, v, span in nx.local_bridges(G, with_span=True)}
        for v in contacts:
            if frozenset((me, v)) in reference:
                assert ours[v] == reference[frozenset((me, v))]


def test_demo_weak_ties(demo):
    table = netgraph.weak_ties(demo.graph, top=10)
    assert table["contact"].iloc[0] == "Diane Okafor"
    assert table["unique_targets"].iloc[0] == ["Helix Therapeutics"]
    assert "Emma Clarke" not in set(table["contact"])
    assert len(table) == 10


def test_facebook_weak_ties(facebook_ego):
    tables = facebook_ego("107")
    G = netgraph.build_graph(tables["people"], ties=tables["ties"], me=tables["me"], today=TODAY)
    table = weak_ties(G)
    assert len(table) == G.out_degree(tables["me"])
    R = nx.Graph(G.to_undirected())
    for row in table.head(30).itertuples():
        shared = len((set(R[row.node]) - {tables["me"]}) & set(R[tables["me"]]))
        assert row.local_bridge == (shared == 0 and R.degree(row.node) > 1)
        if not math.isnan(row.span):
            reference = R.copy()
            reference.remove_edge(tables["me"], row.node)
            try:
                expected = nx.shortest_path_length(reference, tables["me"], row.node)
            except nx.NetworkXNoPath:
                expected = math.inf
            assert row.span == (expected if expected < 6 else math.inf)
