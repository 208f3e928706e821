"""The introduction request: its shape for direct, two- and three-hop paths."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

import netgraph
from netgraph.analysis.outreach import draft_intro


def test_two_hop_draft_names_everyone(demo):
    draft = draft_intro(demo.graph, "Daniel Weber")
    assert draft.path == ["Jane Jones", "Mary Lee", "Daniel Weber"]
    assert draft.to == "Mary Lee" and draft.email == "mary.lee@novagen.com"
    assert draft.note.startswith("Hi Mary,") and draft.note.rstrip().endswith("Jane")
    assert "following up on my note of October 20" in draft.note  # she asked Mary already
    assert "introducing us" in draft.note and "forward" in draft.note
    assert "Mary Lee suggested reaching out to Daniel Weber at Novagen" in draft.forwardable
    assert "Jane Jones, a marketing director (most recently at Orchid Health" in draft.forwardable
    assert "twenty minutes" in draft.forwardable
    assert str(draft).startswith("To: Mary Lee <mary.lee@novagen.com>")
    assert draft.to_dict()["subject"] == "Introduction to Daniel Weber at Novagen?"


def test_direct_and_three_hop_drafts():
    people = pd.DataFrame({"name": ["Me Myself", "Al Ay", "Bea Bee", "Cy Sea"],
                           "company": ["", "", "", "Target Co"], "title": ["Analyst", "", "", "VP Sales"]})
    ties = pd.DataFrame({"a": ["Me Myself", "Al Ay", "Bea Bee"], "b": ["Al Ay", "Bea Bee", "Cy Sea"],
                         "strength": [0.9, 0.9, 0.9]})
    G = netgraph.build_graph(people, ties=ties, me="Me Myself", today="2026-11-01")
    draft = draft_intro(G, "Target Co")
    assert draft.path == ["Me Myself", "Al Ay", "Bea Bee", "Cy Sea"]
    assert draft.subject == "Could you introduce me to Bea Bee?"
    assert "Cy Sea (VP Sales at Target Co)" in draft.note and "introducing me to Bea" in draft.note
    G.add_edge("me-myself", "cy-sea", strength=0.9)
    G.add_edge("cy-sea", "me-myself", strength=0.9)
    direct = draft_intro(G, "Target Co")
    assert direct.path == ["Me Myself", "Cy Sea"] and "twenty minutes" in direct.note


def test_no_path_no_draft():
    G = nx.DiGraph(me="a")
    G.add_node("a", name="A A")
    assert draft_intro(G, "Nowhere") is None


def test_the_opening_fits_the_relationship(demo):
    # Diane helped Jane a lot, years ago, and they have not spoken since June 2024
    dormant = draft_intro(demo.graph, "Helix Therapeutics")
    assert dormant.to == "Diane Okafor"
    assert "It has been far too long" in dormant.note and "lately" not in dormant.note
    people = pd.DataFrame({"name": ["Me Myself", "Al Ay", "Cy Sea"], "company": ["", "", "Target Co"]})
    rows = [(f"2026-{m:02d}-05", "Al Ay", "Me Myself", "give") for m in (6, 8, 10)]
    rows += [(f"2026-{m:02d}-06", "Me Myself", "Al Ay", "update") for m in (6, 8, 10)]
    interactions = pd.DataFrame(rows, columns=["date", "from", "to", "kind"])
    ties = pd.DataFrame({"a": ["Al Ay"], "b": ["Cy Sea"], "strength": [0.9]})
    G = netgraph.build_graph(people, interactions, ties, me="Me Myself", today="2026-11-01")
    assert "Thank you again for all your help" in draft_intro(G, "Target Co").note
    quiet = netgraph.build_graph(people, interactions, ties, me="Me Myself", today="2028-01-01")
    note = draft_intro(quiet, "Target Co").note
    assert "It has been far too long" in note and "how generous you were" in note


def test_an_unanswered_first_hop_gets_an_apology_first(demo):
    # Priya wrote three times since April and Jane has not answered; her last note, six days old, is not
    # late yet (the April one is history: the wait counts from the live contact), two weeks later it is
    assert "Apologies" not in draft_intro(demo.graph, "Priya Raman", max_hops=1).note
    later = demo.today + dt.timedelta(days=14)
    draft = draft_intro(demo.graph, "Priya Raman", max_hops=1, today=later)
    assert draft.to == "Priya Raman" and "Apologies for my slow reply" in draft.note
