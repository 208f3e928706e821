"""The demo network: what the issue asks of it, and that data/sample is the generator's output."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

import netgraph
from netgraph.datasets import demo as demo_module
from netgraph.io.load import sample_path

ROOT = Path(__file__).resolve().parents[2]


def test_data_sample_is_the_bundled_copy():
    assert (ROOT / "data" / "sample").resolve() == sample_path().resolve()


def test_sample_files_are_what_the_generator_writes(tmp_path):
    demo_module.main([str(tmp_path)])
    names = sorted(p.name for p in sample_path().iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    assert {"Connections.csv", "messages.csv", "Invitations.csv", "Recommendations_Received.csv",
            "Recommendations_Given.csv", "Endorsement_Received_Info.csv", "Endorsement_Given_Info.csv",
            "contacts.vcf", "mail.mbox", "calendar.ics"} <= set(names)
    match, mismatch, errors = filecmp.cmpfiles(sample_path(), tmp_path, names, shallow=False)
    assert not mismatch and not errors, "regenerate with: python -m netgraph.datasets.demo src/netgraph/sample"


def test_real_exports_give_the_same_network_as_the_canonical_tables(demo):
    """Every importer and identity rule together: the exports load to exactly the story's graph."""
    truth = demo_module.jane().build()
    G, T = demo.graph, truth.graph
    assert (G.number_of_nodes(), G.number_of_edges(), len(demo.interactions)) == (
        T.number_of_nodes(), T.number_of_edges(), len(truth.interactions))
    keys = {}
    for n, d in G.nodes(data=True):
        for key in [*d.get("emails", []), d.get("linkedin_url", "")]:
            keys[key.lower()] = n
    mapping = {}
    for n, d in T.nodes(data=True):
        found = [keys[k.lower()] for k in [*d.get("emails", []), d.get("linkedin_url", "")] if k.lower() in keys]
        mapping[n] = found[0]
    assert len(set(mapping.values())) == T.number_of_nodes()
    for u, v, d in T.edges(data=True):
        e = G[mapping[u]][mapping[v]]
        assert (e["sent"], e["asks"], e["gives"]) == (d["sent"], d["asks"], d["gives"])
        assert e["strength"] == pytest.approx(d["strength"], abs=1e-12)
    rules = set(demo.identity["rule"])
    assert {"same e-mail", "same profile URL", "same name"} <= rules
    # the address book's nicknames join by the address they share (the rule says which merge joined them)
    assert demo.find("Tommy Diaz") == demo.find("Thomas Diaz") and demo.find("Sue Okafor") == demo.find("Susan Okafor")
    sources = set(demo.identity["source"])
    assert {"linkedin", "vcard", "mbox", "ics", "people", "reference"} <= sources
    assert demo.report.ok and not [p for p in demo.report.problems if p.skipped]


def test_the_story(demo):
    G, people = demo.graph, demo.people
    assert G.number_of_nodes() >= 200
    assert people["company"].replace("", None).dropna().nunique() >= 25
    assert len(demo.interactions) >= 2000
    span = demo.interactions["date"].max() - demo.interactions["date"].min()
    assert span.days >= 3 * 365
    me = demo.me
    others = G.to_undirected(as_view=True).subgraph(n for n in G if n != me)
    assert others.number_of_edges() >= 300
    assert len(demo.introductions) >= 10
    never_told = [i for i in G.graph["introductions"] if i["status"] == "met" and "updated_introducer_on" not in i]
    assert never_told
    mark = demo.find("Mark Delaney")
    assert G[mark][me]["sent"] >= 3 and G[me][mark]["sent"] == 0
    weekly = [v for v, d in G[me].items() if d["interactions_year"] >= 40]
    assert len(weekly) >= 2
    diane = demo.find("Diane Okafor")
    assert G[me][diane]["peak"] > 0.6 and (demo.today - max(G[me][diane]["last"], G[diane][me]["last"])).days > 365
    priya = demo.find("Priya Raman")
    assert priya in G[me] and G[me][priya]["introduced_by"] == demo.find("Stan Whitfield")
    assert len(people[people["name"] == "David Chen"]) == 2


def test_main_writes_canonical_tables_on_request(tmp_path, demo):
    assert demo_module.main(["--canonical", str(tmp_path / "jane")]) == 0
    assert sorted(p.name for p in (tmp_path / "jane").iterdir()) == [
        "companies.csv", "interactions.csv", "introductions.csv", "netgraph.toml", "people.csv", "ties.csv"]
    assert netgraph.load(tmp_path / "jane").graph.number_of_edges() == demo.graph.number_of_edges()
    assert demo_module.main([]) == 2
