"""Team answers on the demo team (Jane Jones, Aisha Khan, Nina Alvarez) and on one person's network."""

from __future__ import annotations

import re

import pytest

import netgraph
from netgraph.analysis.team import make_share, member_overlap, members_of, team_coverage, team_paths, who_at
from netgraph.datasets.team import team_path
from netgraph.io.share import merge_shares, read_share


@pytest.fixture(scope="module")
def team():
    return netgraph.load(team_path()).graph


def test_three_members_one_mary_lee(team):
    assert sorted(d["name"] for d in team.graph["members"].values()) == ["Aisha Khan", "Jane Jones", "Nina Alvarez"]
    marys = [n for n, d in team.nodes(data=True) if d["name"] == "Mary Lee"]
    assert len(marys) == 1
    assert set(team.nodes[marys[0]]["known_by"]) == {"aisha-khan", "jane-jones"}


def test_every_team_path_names_the_member_to_ask(team):
    found = team_paths(team, "Novagen", top=5)
    frame = found.frame
    assert len(frame) == 5
    members = {d["name"] for d in team.graph["members"].values()}
    for row in frame.itertuples():
        assert row.member in members and row.path[0] == row.member
        assert row.advice.startswith(f"{row.member} knows {row.path[1]} ")
        assert row.advice.endswith(f"ask {row.member.split()[0]}")
        assert not set(row.nodes[1:-1]) & set(team.graph["members"])
    assert list(frame["probability"]) == sorted(frame["probability"], reverse=True)
    assert frame["first_hop"].is_unique  # Mary Lee, known by Aisha and Jane, is asked for once
    assert re.search(r"Aisha Khan knows Mary Lee well \(0\.\d\d\): ask Aisha\n", str(found))
    assert {"member", "advice"} <= set(found.to_dict()[0])


def test_the_team_reaches_further_than_jane_alone(team):
    jane = merge_shares([read_share(team_path() / "jane.netshare")], targets=team.graph["targets"]).graph
    alone = team_paths(jane, "Helix Therapeutics", top=1).frame
    assert team_coverage(jane)["two_hops"].sum() < team_coverage(team)["two_hops"].sum()
    together = team_paths(team, "Helix Therapeutics", top=1).frame
    assert together["probability"].iat[0] > alone["probability"].iat[0]
    assert together["member"].iat[0] == "Nina Alvarez"


def test_team_paths_on_one_persons_network_start_at_me(demo):
    frame = team_paths(demo.graph, "Novagen", top=3).frame
    assert set(frame["member"]) == {"Jane Jones"}
    assert list(frame["path"]) == list(netgraph.intro_paths(demo.graph, "Novagen", top=3).frame["path"])


def test_who_at_lists_every_person_with_the_best_member(team):
    frame = who_at(team, "Novagen")
    people = {team.nodes[n]["name"] for n, d in team.nodes(data=True) if d.get("company") == "Novagen"}
    assert set(frame["person"]) == people
    top = frame.iloc[0]
    assert top["person"] == "Mary Lee" and top["member"] == "Aisha Khan" and top["introducer"] == ""
    assert set(top["known_by"]) == {"Aisha Khan", "Jane Jones"}
    indirect = frame[frame["hops"] > 1]
    assert (indirect["introducer"] != "").all()


def test_who_at_for_one_person(demo):
    frame = who_at(demo.graph, "Helix Therapeutics")
    assert set(frame["member"]) <= {"Jane Jones", ""}
    assert frame.loc[frame["person"] == "Laura Chen", "introducer"].item() == "Diane Okafor"
    with pytest.raises(ValueError, match="No company called"):
        who_at(demo.graph, "Nowhere Ltd")


def test_the_shortlist_shows_my_tie_a_second_thread_and_the_open_loops(demo):
    G = demo.graph
    frame = who_at(G, "Novagen").set_index("person")
    state = netgraph.relationship_state(G).set_index("contact")
    for person, row in frame.iterrows():
        knows = person in state.index
        assert (row["tie"] == row["tie"]) == knows  # my own strength, NaN when I do not know them
        if row["also"]:
            assert row["also"] != row["introducer"] and row["also_probability"] <= row["probability"]
        for loop in row["open_loops"]:  # a loop is the state's own words, or a pending request
            assert loop in set(state["next_action"]) or loop.startswith("You asked ")
    # Daniel Weber: I asked Mary Lee on October 20; the shortlist says so instead of offering a path
    weber = frame.loc["Daniel Weber"]
    assert weber["introducer"] == "" and weber["probability"] == 0
    assert weber["open_loops"] == ["You asked Mary Lee for this introduction on 2026-10-20 (12 days ago); "
                                   "no answer yet"]
    # and before asking Mary Lee for anything else, the nudge comes with her paths
    via_mary = frame[frame["introducer"] == "Mary Lee"]
    assert len(via_mary) and all("Nudge Mary Lee about Daniel Weber (asked October 20)" in loops
                                 for loops in via_mary["open_loops"])
    owed = state.loc[state["action"] == "reply"]
    for person in set(owed.index) & set(frame.index):
        assert owed.loc[person, "next_action"] in frame.loc[person, "open_loops"]


def test_the_shortlist_by_title_and_location(demo):
    frame = who_at(demo.graph, "Novagen", title="marketing director")
    titles = list(frame["title"])
    assert titles[0] == "Director of Marketing"  # both words before one
    assert all("market" in t.casefold() or "director" in t.casefold() for t in titles)
    assert "Product Manager" not in titles
    boston = who_at(demo.graph, "Novagen", title="marketing", location="Boston")
    assert list(boston["person"]) == ["Daniel Weber"]


def test_coverage_of_the_targets(team):
    frame = team_coverage(team).set_index("target")
    assert list(frame.index) == team.graph["targets"]
    assert (frame["one_hop"] <= frame["two_hops"]).all() and (frame["two_hops"] <= frame["people"]).all()
    assert frame.loc["Altamira Biologics", "single_member"]
    assert frame.loc["Altamira Biologics", "members"] == ["Nina Alvarez"]
    assert not frame.loc["Novagen", "single_member"]


def test_coverage_counts_one_hop_as_a_members_own_contacts(team):
    frame = team_coverage(team, targets=["Novagen"])
    known = {n for n, d in team.nodes(data=True) if d.get("company") == "Novagen" and d["known_by"]}
    assert frame["one_hop"].iat[0] == len(known)


def test_overlap_pairs(team):
    frame = member_overlap(team)
    assert len(frame) == 3
    assert frame["jaccard"].between(0, 1).all()
    jane_aisha = frame[(frame["member"] == "Aisha Khan") & (frame["other"] == "Jane Jones")]
    assert jane_aisha["shared"].item() > 0
    assert frame.iloc[0]["jaccard"] == frame["jaccard"].max()


def test_members_by_name_or_node(team):
    assert members_of(team, ["Nina Alvarez", "jane-jones"]) == ["nina-alvarez", "jane-jones"]
    with pytest.raises(ValueError, match="not a member"):
        members_of(team, ["Mary Lee"])


def test_make_share_carries_layers(demo):
    share = make_share(demo.graph)
    layers = [t["layer"] for t in share.ties if t["a"] == "member"]
    assert layers.count(5) == 5


def test_a_single_share_merges_to_the_same_ties(demo):
    G = merge_shares([make_share(demo.graph)], targets=["Novagen"]).graph
    H = demo.graph
    assert G.number_of_edges() == H.number_of_edges()
    for row in team_paths(G, "Novagen", top=10).frame.itertuples():
        assert all(H.has_edge(u, v) for u, v in zip(row.nodes, row.nodes[1:]))


def test_two_members_of_one_first_name_are_asked_by_full_name():
    import pandas as pd

    def member(me: str, contact: str) -> netgraph.Network:
        people = pd.DataFrame({"name": [me, contact], "company": ["", "Novagen"]})
        interactions = pd.DataFrame({"date": ["2026-10-01"], "from": [me], "to": [contact]})
        return netgraph.build_graph(people, interactions, me=me, today="2026-11-01")

    G = merge_shares([make_share(member("David Chen", "Mary Lee")), make_share(member("David Park", "Ann Roe"))],
                     targets=["Novagen"]).graph
    advice = team_paths(G, "Novagen").frame["advice"].iat[0]
    assert advice.startswith("David Chen knows Mary Lee ") and advice.endswith("ask David Chen")
