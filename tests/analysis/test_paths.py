"""Warm-introduction paths: ranking, bounds, targets, and exactness against brute force."""

from __future__ import annotations

import math
import random

import networkx as nx
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph.analysis import paths
from netgraph.analysis.paths import hop_probability, intro_paths
from netgraph.analysis.reasons import hop_reasons
from netgraph.model.targets import find_target


def graph(edges, companies=None, me="me", asks=None):
    """A netgraph-shaped graph from (u, v, strength) triples."""
    G = nx.DiGraph(me=me, today=pd.Timestamp("2026-11-01").date(), companies=companies or [])
    for u, v, s in edges:
        G.add_edge(u, v, strength=s)
        G.add_edge(v, u, strength=s)
    for n in G:
        G.nodes[n].setdefault("name", n)
    for (u, v), n in (asks or {}).items():
        G[u][v]["asks_year"] = n
    return G


def test_hop_probability_bounds():
    assert hop_probability(0) == pytest.approx(0.35)
    assert hop_probability(1) == pytest.approx(0.9)
    assert hop_probability(0.5, asks_year=3) < hop_probability(0.5)


def test_strong_three_hops_beat_weak_two_hops():
    G = graph([("me", "a", 1.0), ("a", "b", 1.0), ("b", "t", 1.0), ("me", "w", 0.0), ("w", "t", 0.0)])
    G.nodes["t"]["company"] = "Target"
    paths = intro_paths(G, lambda d: d.get("company") == "Target", top=2)
    assert paths.frame["nodes"].tolist() == [["me", "a", "b", "t"], ["me", "w", "t"]]
    assert paths.frame["probability"].iloc[0] == pytest.approx(0.9 ** 3)
    assert paths.frame["probability"].iloc[1] == pytest.approx(0.35 ** 2)


def test_max_hops_is_respected():
    G = graph([("me", "a", 1.0), ("a", "b", 1.0), ("b", "t", 1.0)])
    assert len(intro_paths(G, "t", max_hops=2)) == 0
    assert intro_paths(G, "t", max_hops=2).message.startswith("Nobody of t")
    assert len(intro_paths(G, "t", max_hops=3)) == 1


def test_asking_a_lot_lowers_the_first_hop():
    G = graph([("me", "a", 0.8), ("a", "t", 0.8), ("me", "b", 0.7), ("b", "t", 0.8)], asks={("me", "a"): 5})
    assert intro_paths(G, "t", top=1).frame["first_hop"].iloc[0] == "b"


def test_first_hops_are_diverse():
    G = graph([("me", "a", 1.0), ("a", "t1", 1.0), ("a", "t2", 1.0), ("me", "b", 0.1), ("b", "t3", 0.1)])
    for t in ("t1", "t2", "t3"):
        G.nodes[t]["company"] = "Target"
    target = lambda d: d.get("company") == "Target"  # noqa: E731
    diverse = intro_paths(G, target, top=2)
    assert sorted(diverse.frame["first_hop"]) == ["a", "b"]
    plain = intro_paths(G, target, top=2, diverse=False)
    assert plain.frame["first_hop"].tolist() == ["a", "a"]
    assert len(intro_paths(G, target, top=5)) == 3


def test_company_by_name_alias_and_domain_with_former_employees():
    companies = [{"name": "Novagen", "aliases": ["Novagen Inc."], "domains": ["novagen.com"], "industry": ""}]
    G = graph([("me", "a", 0.5), ("a", "now", 0.5), ("a", "then", 0.5)], companies=companies)
    G.nodes["now"]["company"] = "Novagen"
    G.nodes["then"]["past_companies"] = ["Novagen"]
    for query in ("Novagen", "novagen inc", "novagen.com", "NOVAGEN, INC."):
        result = intro_paths(G, query)
        assert result.target.company == "Novagen"
        assert dict(zip(result.frame["target"], result.frame["former"])) == {"now": False, "then": True}


def test_unknown_target_suggests():
    companies = [{"name": "Novagen", "aliases": [], "domains": [], "industry": ""}]
    result = intro_paths(graph([("me", "a", 0.5)], companies=companies), "Novagn")
    assert len(result) == 0 and result.to_dict() == []
    assert "Did you mean Novagen?" in result.message


def test_person_target_by_name_or_email():
    G = graph([("me", "a", 0.5), ("a", "p", 0.5)])
    G.nodes["p"].update(name="Priya Raman", emails=["priya@novagen.com"])
    assert find_target(G, "priya raman").nodes == {"p": "person"}
    assert find_target(G, "Priya@Novagen.com").nodes == {"p": "person"}
    assert intro_paths(G, "Priya Raman").frame["path"].iloc[0] == ["me", "a", "Priya Raman"]


def test_records_have_the_documented_shape(demo):
    records = intro_paths(demo.graph, "Novagen").to_dict()
    assert records and set(records[0]) == {"rank", "probability", "score", "path", "target", "title", "company",
                                           "location", "former", "single_thread", "hops"}
    hop = records[0]["hops"][0]
    assert set(hop) == {"from", "to", "strength", "probability", "why"} and hop["why"]
    assert records[0]["path"][0] == "Jane Jones"
    assert [r["rank"] for r in records] == list(range(1, len(records) + 1))
    assert all(a["score"] >= b["score"] for a, b in zip(records, records[1:]))


def test_demo_story(demo):
    helix = intro_paths(demo.graph, "Helix Therapeutics", top=5).frame
    assert helix["first_hop"].iloc[0] == "Diane Okafor" and helix["target"].iloc[0] == "Laura Chen"
    assert "Zenith Therapeutics" in helix["hops"].iloc[0][1]["why"]
    # Diane is Jane's only way to Helix: every path starts with her, and each says it hangs on one thread
    assert set(helix["first_hop"]) == {"Diane Okafor"} and helix["single_thread"].all()
    assert any("probably know each other" in hop["why"] for hops in helix["hops"] for hop in hops)
    novagen = intro_paths(demo.graph, "novagen.com", top=10).frame
    # Stan introduced Jane to Priya in 2024: he is not asked again; Priya is asked directly
    assert not ((novagen["first_hop"] == "Stan Whitfield") & (novagen["target"] == "Priya Raman")).any()
    assert ((novagen["first_hop"] == "Priya Raman") & (novagen["nodes"].map(len) == 2)).any()
    direct = intro_paths(demo.graph, "Priya Raman").frame
    assert any("Stan Whitfield introduced you in 2024" in h["why"] for hops in direct["hops"] for h in hops)


def test_first_hops_say_what_is_owed_and_who_waits_for_an_answer():
    G = graph([("me", "ann", 0.6), ("me", "bo", 0.6), ("me", "cy", 0.6)])
    G["ann"]["me"].update(gives=2, intros=1)  # Ann helped me 3 times
    G["me"]["bo"].update(gives=2)             # I helped Bo twice
    G["cy"]["me"].update(waiting=2, waiting_since=pd.Timestamp("2026-09-01").date(),
                         last=pd.Timestamp("2026-10-01").date())
    why = {v: "; ".join(hop_reasons(G, "me", v, G.graph["today"], "me")) for v in ("ann", "bo", "cy")}
    assert "they have helped you 3 times" in why["ann"] and "helped them" not in why["ann"]
    assert "you have helped them twice" in why["bo"]
    assert "they are waiting for your answer (since September 2026): answer first" in why["cy"]


def brute_force(G, me, targets, max_hops):
    """Every simple path from me to the first target reached, by networkx, with its probability; after the
    first hop a path never goes to someone I know directly."""
    R = G.to_undirected()
    mine = set(R[me])
    found = []
    for t in targets:
        for path in nx.all_simple_paths(R, me, t, cutoff=max_hops):
            if any(n in targets for n in path[1:-1]) or mine & set(path[2:]):
                continue
            probability = math.prod(hop_probability(R[u][v]["strength"], G[u][v].get("asks_year", 0) if u == me else 0)
                                    for u, v in zip(path, path[1:]))
            found.append((probability, path))
    return sorted(found, key=lambda p: -p[0])


@settings(max_examples=60, deadline=None)
@given(st.integers(8, 30), st.floats(0.1, 0.4), st.integers(0, 10_000), st.integers(2, 4))
@example(22, 0.28125, 1, 4)  # four hops: a contact three hops from the target is a first hop of its own
def test_one_person_as_the_target_same_paths_as_brute_force(n, density, seed, max_hops):
    """A person as the target: the second level is looked at only next to them (``_Search.near``). The same
    paths as every simple path listed, and as the search that looks everywhere."""
    base = nx.gnp_random_graph(n, density, seed=seed)
    rng = random.Random(seed)
    G = graph([(u, v, round(rng.random(), 3)) for u, v in base.edges], me=0)
    if 0 not in G or len(G) < 3:
        return
    target = rng.choice([v for v in G if v != 0])

    def found(diverse: bool) -> list:
        frame = intro_paths(G, lambda d: d["name"] == target, top=3, max_hops=max_hops, diverse=diverse,
                            min_probability=0).frame
        return list(zip(frame["probability"], frame["nodes"]))

    near = [found(False), found(True)]
    expected = brute_force(G, 0, {target}, max_hops)[:3]
    assert [round(p, 6) for p, _ in near[0]] == [round(p, 6) for p, _ in expected]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths._Search, "_near_first_level", lambda self: None)
        assert [found(False), found(True)] == near


@settings(max_examples=80, deadline=None)
@given(st.integers(6, 14), st.floats(0.15, 0.5), st.integers(0, 10_000), st.integers(1, 4), st.integers(1, 6))
def test_same_paths_as_brute_force(n, density, seed, max_hops, k):
    base = nx.gnp_random_graph(n, density, seed=seed)
    rng = random.Random(seed)
    G = graph([(u, v, round(rng.random(), 3)) for u, v in base.edges], me=0)
    if 0 not in G:
        return
    for n_ in G:
        G.nodes[n_]["company"] = "T" if rng.random() < 0.25 and n_ != 0 else ""
    targets = {n_ for n_ in G if G.nodes[n_]["company"] == "T"}
    result = intro_paths(G, lambda d: d.get("company") == "T", top=k, max_hops=max_hops, diverse=False,
                         min_probability=0)
    expected = brute_force(G, 0, targets, max_hops)[:k]
    assert [round(p, 6) for p in result.frame["probability"]] == [round(p, 6) for p, _ in expected]
    for path in result.frame["nodes"]:
        assert all(G.has_edge(u, v) for u, v in zip(path, path[1:]))
        assert len(set(path)) == len(path) <= max_hops + 1
    best_per_first = {}
    for p, path in brute_force(G, 0, targets, max_hops):
        best_per_first.setdefault(path[1], p)
    diverse = intro_paths(G, lambda d: d.get("company") == "T", top=k, max_hops=max_hops, min_probability=0)
    ranked = sorted(best_per_first.values(), reverse=True)
    cutoff = ranked[k] if len(ranked) > k else -1.0
    chosen = list(zip(diverse.frame["probability"], diverse.frame["nodes"]))
    for first, probability in best_per_first.items():
        if probability > cutoff + 1e-12:  # among the k best first hops (ties at the cutoff may go either way)
            assert any(abs(p - probability) < 1e-9 and path[1] == first for p, path in chosen)
    assert len(diverse) == min(k, len(brute_force(G, 0, targets, max_hops)))


def test_facebook_paths_are_real_edges_and_shortest(facebook_ego):
    tables = facebook_ego("0")
    G = netgraph.build_graph(tables["people"], ties=tables["ties"], me=tables["me"], today="2026-11-01")
    R = nx.Graph()
    R.add_edges_from(zip(tables["ties"]["a"], tables["ties"]["b"]))
    companies = [c for c in tables["people"]["company"].value_counts().index if c][:5]
    checked = 0
    for company in companies:
        result = intro_paths(G, company, top=5, max_hops=3)
        members = {n for n, c in G.nodes(data="company") if c == company} | {
            n for n, past in G.nodes(data="past_companies", default=[]) if company in past}
        members.discard("0")
        distance = min(nx.shortest_path_length(R, "0", m) for m in members)
        for path in result.frame["nodes"]:
            assert all(R.has_edge(u, v) for u, v in zip(path, path[1:]))
            checked += 1
        if distance <= 3:
            assert len(result.frame["nodes"].iloc[0]) - 1 == distance
    assert checked > 0


def test_two_people_of_one_name_are_told_apart(demo):
    G = demo.graph
    assert "David Chen" in G.graph["homonyms"]
    shown = sorted(netgraph.reciprocity(G).query("contact.str.startswith('David Chen')")["contact"])
    assert shown == ["David Chen (Orchid Health)", "David Chen (Summit Analytics)"]
    both = intro_paths(G, "David Chen", top=5).frame
    assert set(both["target"]) == set(shown)
    one = intro_paths(G, "David Chen (Summit Analytics)", top=5).frame
    assert set(one["target"]) == {"David Chen (Summit Analytics)"}


def _company(name: str) -> list[dict]:
    return [{"name": name, "aliases": [], "domains": [], "industry": ""}]


def test_paths_worth_asking_for():
    # me knows a, b and p directly; a knows p and b; t is known only through b
    G = graph([("me", "a", 0.9), ("me", "b", 0.3), ("me", "p", 0.2), ("a", "p", 0.9), ("a", "b", 0.9), ("b", "t", 0.9),
               ("a", "x", 0.01), ("x", "y", 0.01), ("y", "far", 0.01)], companies=_company("Target"))
    for n in ("p", "t", "far"):
        G.nodes[n]["company"] = "Target"
    found = intro_paths(G, "Target", top=10, min_probability=0).frame["nodes"].tolist()
    assert ["me", "p"] in found and ["me", "a", "p"] not in found  # never through someone else to a direct contact
    assert ["me", "b", "t"] in found and ["me", "a", "b", "t"] not in found  # nor through one
    floor = intro_paths(G, "Target", top=10).frame
    assert (floor["probability"] >= 0.04).all() and "far" not in set(floor["target"])  # 0.35 ** 3 < 4 %
    assert floor.set_index("target").loc["t", "single_thread"]


def test_a_pending_request_is_shown_not_asked_again():
    G = graph([("me", "mary", 0.5), ("mary", "dan", 0.9), ("me", "raj", 0.5), ("raj", "jack", 0.5)],
              companies=_company("Novagen"))
    G.nodes["dan"].update(company="Novagen", title="VP Marketing", location="Boston")
    G.nodes["jack"].update(company="Novagen", title="Director of Marketing", location="Philadelphia")
    G.graph["introductions"] = [{"date": pd.Timestamp("2026-10-20").date(), "introducer": "mary",
                                 "introduced": "dan", "to": "me", "status": "requested"}]
    result = intro_paths(G, "Novagen", looking_for="marketing, Boston")
    assert set(result.frame["target"]) == {"jack"}
    assert result.pending.iloc[0][["introducer", "introduced", "days"]].tolist() == ["mary", "dan", 12]
    assert str(result).splitlines()[1].startswith("dan — VP Marketing, Novagen, Boston")


def test_looking_for_ranks_the_people_who_match():
    G = graph([("me", "a", 0.9), ("a", "msl", 0.9), ("me", "b", 0.5), ("b", "vp", 0.5)], companies=_company("Novagen"))
    G.nodes["msl"].update(company="Novagen", title="Medical Science Liaison", location="Philadelphia")
    G.nodes["vp"].update(company="Novagen", title="VP Marketing", location="Boston")
    assert intro_paths(G, "Novagen").frame["target"].iloc[0] == "msl"
    assert intro_paths(G, "Novagen", looking_for="marketing, Boston").frame["target"].iloc[0] == "vp"
