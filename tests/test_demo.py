"""The demo network: what the issue asks of it, and that data/sample is the generator's output."""

from __future__ import annotations

import filecmp
from pathlib import Path

import netgraph
from netgraph import demo as demo_module
from netgraph.load import sample_path

ROOT = Path(__file__).resolve().parents[1]


def test_data_sample_is_the_bundled_copy():
    assert (ROOT / "data" / "sample").resolve() == sample_path().resolve()


def test_sample_files_are_what_the_generator_writes(tmp_path):
    demo_module.jane().write(tmp_path)
    names = sorted(p.name for p in sample_path().iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(sample_path(), tmp_path, names, shallow=False)
    assert not mismatch and not errors, "regenerate with: python -m netgraph.demo src/netgraph/sample"


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


def test_main_writes_a_folder(tmp_path, capsys):
    assert demo_module.main([str(tmp_path / "jane")]) == 0
    assert netgraph.load(tmp_path / "jane").graph.number_of_nodes() == netgraph.load().graph.number_of_nodes()
    assert demo_module.main([]) == 2
