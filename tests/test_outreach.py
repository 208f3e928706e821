"""The introduction request: its shape for direct, two- and three-hop paths."""

from __future__ import annotations

import networkx as nx
import pandas as pd

import netgraph
from netgraph.outreach import draft_intro


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
    assert draft.as_dict()["subject"] == "Introduction to Daniel Weber at Novagen?"


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
