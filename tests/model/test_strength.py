"""Tie strength: the formula, its components, and a reproducible today."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import netgraph
from netgraph.model.strength import StrengthModel, components

TODAY = pd.Timestamp("2026-11-01")


def pair(**values):
    base = {"n_uv": np.nan, "n_vu": np.nan, "weight": np.nan, "weight_year": np.nan, "peak_weight": np.nan,
            "first": pd.NaT, "last": pd.NaT, "closeness": np.nan, "declared": np.nan, "known": False}
    base.update(values)
    return pd.DataFrame([base])


def test_components_follow_the_documented_formulas():
    row = components(pair(n_uv=6, n_vu=2, weight=4.0, weight_year=4.0, peak_weight=4.0,
                          first=TODAY - pd.Timedelta(days=730), last=TODAY - pd.Timedelta(days=90)), TODAY).iloc[0]
    assert math.isclose(row["recency"], 0.5)
    assert math.isclose(row["frequency"], math.log(5) / math.log(53))
    assert math.isclose(row["mutuality"], 2 * 2 / 8)
    assert math.isclose(row["duration"], 640 / 365.25 / 5)
    assert math.isclose(row["richness"], 0.5)
    intensity = row["recency"] / 3 + 2 * row["frequency"] / 3
    depth = (row["mutuality"] + row["duration"] + row["richness"]) / 3
    assert math.isclose(row["strength"], intensity * (0.4 + 0.6 * depth))


def test_evidence_is_averaged():
    row = components(pair(closeness=5.0, declared=0.2), TODAY).iloc[0]
    assert math.isclose(row["closeness"], 1.0)
    assert math.isclose(row["strength"], 0.6)
    assert np.isnan(row["recency"]) and np.isnan(row["behaviour"])


def test_no_evidence_a_connection_or_a_known_tie():
    model = StrengthModel()
    assert components(pair(), TODAY).iloc[0]["strength"] == model.connection_only
    assert components(pair(known=True), TODAY).iloc[0]["strength"] == model.declared_default


def test_mass_mail_weighs_less():
    model = StrengthModel()
    weights = model.interaction_weights(pd.Series(["email", "email", "meeting"]), pd.Series([1, 40, np.nan]))
    assert weights.tolist() == [0.4, 0.4 * 10 / 40, 1.0]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.floats(0, 2000), st.integers(0, 4000), st.integers(0, 4000),
       st.one_of(st.none(), st.integers(1, 5)), st.one_of(st.none(), st.floats(0, 1)))
def test_strength_is_always_in_unit_interval(sent, received, weight, age, span, closeness, declared):
    total = sent + received
    last = TODAY - pd.Timedelta(days=age)
    row = components(pair(n_uv=sent, n_vu=received, weight=min(weight, total) if total else np.nan,
                          weight_year=min(weight, total), peak_weight=min(weight, total),
                          first=last - pd.Timedelta(days=span) if total else pd.NaT, last=last if total else pd.NaT,
                          closeness=np.nan if closeness is None else closeness,
                          declared=np.nan if declared is None else declared), TODAY).iloc[0]
    assert 0.0 <= row["strength"] <= 1.0
    for name in ("recency", "frequency", "mutuality", "duration", "closeness", "declared"):
        assert np.isnan(row[name]) or 0.0 <= row[name] <= 1.0


def _people_and_contacts():
    people = pd.DataFrame({"name": ["Jane Jones", "Stan Whitfield", "Old Friend"]})
    interactions = pd.DataFrame({
        "date": ["2026-10-01", "2026-10-02", "2022-01-01", "2022-01-08"],
        "from": ["Jane Jones", "Stan Whitfield", "Jane Jones", "Old Friend"],
        "to": ["Stan Whitfield", "Jane Jones", "Old Friend", "Jane Jones"],
        "channel": ["meeting", "email", "call", "call"]})
    return people, interactions


def test_today_is_injectable_and_results_reproducible():
    people, interactions = _people_and_contacts()
    early = netgraph.build_graph(people, interactions, me="Jane Jones", today="2026-10-05")
    late = netgraph.build_graph(people, interactions, me="Jane Jones", today="2027-10-05")
    again = netgraph.build_graph(people, interactions, me="Jane Jones", today="2026-10-05")
    s = ("jane-jones", "stan-whitfield")
    assert early.edges[s]["strength"] > late.edges[s]["strength"]
    assert early.edges[s] == again.edges[s]
    assert early.graph["today"].isoformat() == "2026-10-05"


def test_tie_strength_and_explanation():
    people, interactions = _people_and_contacts()
    G = netgraph.build_graph(people, interactions, me="Jane Jones", today="2026-11-01")
    table = netgraph.tie_strength(G)
    assert table["contact"].tolist() == ["Stan Whitfield", "Old Friend"]
    assert table.loc[0, "sent"] == 1 and table.loc[0, "received"] == 2  # the meeting counts both ways
    text = netgraph.explain_strength(G, "jane-jones", "stan-whitfield")
    assert text.startswith(f"strength {G.edges['jane-jones', 'stan-whitfield']['strength']:.2f}")
    assert "1 meetings of 2 contacts" in text and "1 sent, 2 received" in text


def test_demo_strengths_tell_the_story(demo):
    table = netgraph.tie_strength(demo.graph).set_index("contact")
    assert table.loc["Emma Clarke", "strength"] > 0.8
    assert table.loc["Emma Clarke", "strength"] > table.loc["Priya Raman", "strength"]
    diane = table.loc["Diane Okafor"]
    assert diane["recency"] < 0.01 and diane["peak"] > 0.6
