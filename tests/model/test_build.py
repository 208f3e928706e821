"""The graph: its shape (docs/architecture.md) and how it is built from the tables."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netgraph

TODAY = "2026-11-01"


def small():
    people = pd.DataFrame({"name": ["Jane Jones", "Stan Whitfield", "Mary Lee", "Priya Raman"],
                           "email": ["jane@x.com", "stan@cobalt.com", "mary@novagen.com", "priya@novagen.com"],
                           "company": ["", "Cobalt", "Novagen Inc.", "Novagen"],
                           "connected_on": ["", "2020-01-01", "", "2024-05-20"],
                           "closeness": ["", "5", "", ""]})
    interactions = pd.DataFrame({
        "date": ["2026-10-01", "2026-10-03", "2026-09-01", "2026-09-20", "2026-10-15"],
        "from": ["Jane Jones", "stan@cobalt.com", "me", "me", "Mary Lee"],
        "to": ["Stan Whitfield", "me", "Mary Lee", "stan@cobalt.com", "Jane Jones"],
        "channel": ["meeting", "email", "email", "call", "email"],
        "kind": ["social", "give", "ask", "ask", "update"]})
    ties = pd.DataFrame({"a": ["Stan Whitfield", "Mary Lee"], "b": ["Priya Raman", "Priya Raman"],
                         "strength": [0.7, None]})
    intros = pd.DataFrame({"date": ["2024-05-14"], "introducer": ["Stan Whitfield"],
                           "introduced": ["Priya Raman"], "status": ["met"]})
    companies = pd.DataFrame({"name": ["Novagen"], "domains": ["novagen.com"]})
    return dict(people=people, interactions=interactions, ties=ties, introductions=intros, companies=companies)


def test_both_directions_with_directed_and_symmetric_attributes():
    G = netgraph.build_graph(**small(), me="Jane Jones", today=TODAY, targets=["novagen.com"])
    assert isinstance(G, nx.DiGraph)
    for u, v in G.edges:
        assert G.has_edge(v, u)
        assert G[u][v]["strength"] == G[v][u]["strength"]
    jane, stan = "jane-jones", "stan-whitfield"
    assert G[jane][stan]["sent"] == 2 and G[stan][jane]["sent"] == 2  # their meeting counts both ways
    assert G[jane][stan]["asks"] == 2  # one ask by mail, one introduction asked for
    assert G[stan][jane]["gives"] == 1 and G[stan][jane]["intros"] == 1
    assert "gives" not in G[jane][stan] and "asks" not in G[stan][jane]  # set only where not zero
    assert G[jane][stan]["first"].isoformat() == "2026-09-20" and G[jane][stan]["last"].isoformat() == "2026-10-01"
    assert G[jane][stan]["meetings"] == 1 and G[jane][stan]["interactions"] == 3
    assert G[jane]["priya-raman"]["introduced_by"] == stan
    assert G[jane]["priya-raman"]["connected_on"].isoformat() == "2024-05-20"
    assert G["mary-lee"]["priya-raman"]["sources"] == ("ties",)
    assert G.nodes[jane]["is_me"] and not G.nodes[stan]["is_me"]
    assert G.nodes["mary-lee"]["company"] == "Novagen"
    assert G.graph["me"] == jane and G.graph["targets"] == ["Novagen"]
    assert G.graph["introductions"][0]["introducer"] == stan


def test_what_waits_for_an_answer():
    people = pd.DataFrame({"name": ["Jane Jones", "Ann Lee", "Bo Chan", "Cy Dane", "Dee Ford", "Eve Gold"]})
    rows = [  # date, from, to, channel, recipients, mailing_list
        ("2026-09-01", "Ann Lee", "Jane Jones", "email", 1, ""),  # answered on 09-03
        ("2026-09-03", "Jane Jones", "Ann Lee", "email", 1, ""),
        ("2026-09-10", "Ann Lee", "Jane Jones", "email", 1, ""),  # waits: the first unanswered
        ("2026-09-20", "Ann Lee", "Jane Jones", "call", 1, ""),   # waits
        ("2026-10-01", "Jane Jones", "Ann Lee", "email", 40, "precedence: bulk"),  # my newsletter answers nothing
        ("2026-10-05", "Jane Jones", "Ann Lee", "email", 60, ""),  # nor does my mass mail
        ("2026-09-01", "Bo Chan", "Jane Jones", "email", 1, ""),  # answered by the meeting Bo organised
        ("2026-09-05", "Bo Chan", "Jane Jones", "meeting", 1, ""),
        ("2026-10-01", "Cy Dane", "Jane Jones", "email", 1, "news.example.com"),  # a list waits for no answer
        ("2026-10-02", "Cy Dane", "Jane Jones", "email", 60, ""),  # nor does mass mail
        ("2026-10-01", "Dee Ford", "Jane Jones", "email", 1, ""),  # answered by the meeting I organised
        ("2026-10-02", "Jane Jones", "Dee Ford", "meeting", 1, ""),
        ("2026-10-20", "Eve Gold", "Jane Jones", "message", 1, ""),  # a LinkedIn invitation asks for no answer
    ]
    interactions = pd.DataFrame(rows, columns=["date", "from", "to", "channel", "recipients", "mailing_list"])
    interactions["note"] = [""] * (len(rows) - 1) + ["invitation"]
    G = netgraph.build_graph(people, interactions, me="Jane Jones", today=TODAY)
    jane = "jane-jones"
    assert G["ann-lee"][jane]["waiting"] == 2 and G["ann-lee"][jane]["waiting_since"].isoformat() == "2026-09-10"
    for other in ("bo-chan", "cy-dane", "dee-ford", "eve-gold"):
        assert "waiting" not in G[other][jane] and "waiting_since" not in G[other][jane], other
    assert "waiting" not in G[jane]["ann-lee"]  # my newsletter waits for no answer either


def test_mailing_list_mail_makes_no_relationship():
    """A newsletter's sender is nobody's tie; a colleague's list posts add nothing to their personal mail."""
    people = pd.DataFrame({"name": ["Jane Jones", "Product Weekly", "Ann Lee"]})
    rows = [("2026-10-01", "Product Weekly", "Jane Jones", "email", 1, "weekly.example.com"),
            ("2026-10-08", "Product Weekly", "Jane Jones", "email", 1, "weekly.example.com"),
            ("2026-10-02", "Ann Lee", "Jane Jones", "email", 1, "team.example.com"),
            ("2026-10-03", "Ann Lee", "Jane Jones", "email", 1, "")]
    interactions = pd.DataFrame(rows, columns=["date", "from", "to", "channel", "recipients", "mailing_list"])
    G = netgraph.build_graph(people, interactions, me="Jane Jones", today=TODAY)
    assert "product-weekly" in G and not G.has_edge("jane-jones", "product-weekly")
    assert G["ann-lee"]["jane-jones"]["sent"] == 1 and G["ann-lee"]["jane-jones"]["interactions"] == 1


def test_relationship_count_is_undirected_pairs():
    G = netgraph.build_graph(**small(), me="Jane Jones", today=TODAY)
    pairs = {frozenset(e) for e in G.edges}
    assert G.number_of_edges() == 2 * len(pairs)
    assert frozenset(("stan-whitfield", "priya-raman")) in pairs
    assert G.to_undirected(as_view=True).number_of_edges() == len(pairs) == 5


def test_bad_rows_raise_by_default_or_are_reported():
    tables = small()
    tables["interactions"].loc[5] = ["2026-10-20", "Nobody", "me", "email", "other"]
    with pytest.raises(netgraph.NetgraphError, match="nobody called 'Nobody'"):
        netgraph.build_graph(**tables, me="Jane Jones", today=TODAY)
    G = netgraph.build_graph(**tables, me="Jane Jones", today=TODAY, errors="report")
    report = G.graph["report"]
    assert report.entry("<interactions>").skipped == 1
    assert report.problems[0].line == 6


def test_interaction_with_oneself_is_skipped_and_reported():
    tables = small()
    tables["interactions"].loc[5] = ["2026-10-20", "jane@x.com", "Jane Jones", "email", "other"]
    G = netgraph.build_graph(**tables, me="Jane Jones", today=TODAY, errors="report")
    assert "oneself" in G.graph["report"].problems[0].reason
    assert not G.has_edge("jane-jones", "jane-jones")


def test_dates_after_today_or_before_1980_are_kept_with_a_warning():
    tables = small()
    tables["interactions"].loc[5] = ["2030-01-01", "Mary Lee", "me", "email", "other"]
    tables["interactions"].loc[6] = ["1970-01-01", "Mary Lee", "me", "email", "other"]
    G = netgraph.build_graph(**tables, me="Jane Jones", today=TODAY, errors="report")
    problems = G.graph["report"].problems
    assert [p.skipped for p in problems] == [False, False]
    assert "after today" in problems[0].reason and "before 1980" in problems[1].reason
    assert G["mary-lee"]["jane-jones"]["sent"] == 3


def test_without_people_the_references_are_the_people():
    interactions = pd.DataFrame({"date": ["2026-01-01", "2026-01-02"], "from": ["a@x.com", "Bob Bee"],
                                 "to": ["Bob Bee", '"Ann Ay" <a@x.com>']})
    G = netgraph.build_graph(interactions=interactions, today=TODAY)
    assert sorted(G.nodes) == ["ann-ay", "bob-bee"]
    assert G["ann-ay"]["bob-bee"]["sent"] == 1 and G["bob-bee"]["ann-ay"]["sent"] == 1


def test_errors_argument_is_checked():
    with pytest.raises(ValueError):
        netgraph.build_graph(**small(), errors="ignore")


names = st.sampled_from(["Ann", "Bob", "Cy", "Di", "Ed", "Flo"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, names, st.integers(0, 2000), st.sampled_from(["email", "meeting", "call"]),
                          st.sampled_from(["ask", "give", "other"])), min_size=1, max_size=60))
@pytest.mark.slow
def test_counts_match_the_interactions(rows):
    rows = [r for r in rows if r[0] != r[1]]
    if not rows:
        return
    start = pd.Timestamp("2021-01-01")
    frame = pd.DataFrame({"date": [(start + pd.Timedelta(days=r[2])).date() for r in rows],
                          "from": [r[0] for r in rows], "to": [r[1] for r in rows],
                          "channel": [r[3] for r in rows], "kind": [r[4] for r in rows]})
    G = netgraph.build_graph(interactions=frame, today="2026-11-01")
    meetings = frame[frame["channel"] == "meeting"]
    both_ways = pd.concat([frame, meetings.rename(columns={"from": "to", "to": "from"})])  # a meeting is mutual
    expected = both_ways.groupby(["from", "to"]).size()
    asks = frame[frame["kind"] == "ask"].groupby(["from", "to"]).size()
    for u, v in G.edges:
        a, b = G.nodes[u]["name"], G.nodes[v]["name"]
        assert G[u][v]["sent"] == expected.get((a, b), 0)
        assert G[u][v].get("asks", 0) == asks.get((a, b), 0)
        assert G[u][v]["strength"] == G[v][u]["strength"]
        assert 0 <= G[u][v]["strength"] <= 1
    assert sum(d["sent"] for _, _, d in G.edges(data=True)) == len(both_ways)
    assert sum(d["interactions"] for _, _, d in G.edges(data=True)) == 2 * len(frame)


def test_a_message_with_one_unresolvable_recipient_is_loaded_with_a_warning(tmp_path):
    """A message gives a row per recipient: one that names nobody (here two people share the name and the
    address is on a private network) leaves the message loaded, that part left out with a warning."""
    (tmp_path / "people.csv").write_text("name,email\nSam Lee,sam@a.example\nSam Lee,sam@b.example\n"
                                         "Ann Berg,ann@x.example\n")
    (tmp_path / "mail.mbox").write_text(
        "From ann@x.example Mon Jan 05 10:00:00 2025\nFrom: Ann Berg <ann@x.example>\n"
        "To: Sam Lee <sam@intranet>, Jane Jones <jane@x.example>\nDate: Mon, 05 Jan 2025 10:00:00 +0000\n\nHi\n")
    net = netgraph.load(tmp_path, me="Jane Jones", emails=["jane@x.example"], today="2026-11-01")
    entry = net.report.entry(tmp_path / "mail.mbox")
    assert (entry.read, entry.loaded, entry.skipped, entry.warnings) == (1, 1, 0, 1)
    assert entry.problems[0].reason.startswith("to: 'Sam Lee' could be any of")
    assert entry.problems[0].reason.endswith("; that part left out") and len(net.interactions) == 1
