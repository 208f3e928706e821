"""GraphML and GEXF read back: what netgraph, Gephi and networkx write loads as a network; XML
entities are never expanded and nothing is ever fetched."""

from __future__ import annotations

import socket
from pathlib import Path

import networkx as nx
import pytest

import netgraph
from netgraph.io.sources import find_reader
from netgraph.io.sources.graphml import read_graph_file
from netgraph.model.report import ImportReport

BROKEN = Path(__file__).resolve().parents[2] / "fixtures" / "broken"
#: What a graph file keeps of a network: who is who and how close, not the interactions.
KEPT = ("name", "company", "title", "emails", "phones", "past_companies", "tags", "linkedin_url", "location",
        "industry", "closeness", "connected_on", "contact", "is_me")


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Reading a graph file never opens a connection (an external entity or DTD is never fetched)."""
    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    for attribute in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, attribute, refuse)


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_an_export_loads_back_as_the_same_people_and_relationships(demo, tmp_path, format):
    path = tmp_path / f"network.{format}"
    netgraph.export(demo, path, format=format)
    assert find_reader(path).name == "graphml"
    again = netgraph.load(path)
    G, H = demo.graph, again.graph
    assert set(H.nodes) == set(G.nodes) and set(H.edges) == set(G.edges)
    assert again.me == demo.me
    for node in G:
        assert {k: H.nodes[node].get(k) for k in KEPT} == {k: G.nodes[node].get(k) for k in KEPT}, node
    # each relationship comes back as a declared tie of the strength it had
    assert again.ties.groupby(["a", "b"])["strength"].max().to_dict() == pytest.approx(
        {(u, v): G[u][v]["strength"] for u, v in G.edges})
    entry = again.report.entry(path)
    assert (entry.read, entry.loaded, entry.skipped) == (len(G) + G.number_of_edges(),) * 2 + (0,)


def test_an_export_loads_back_from_a_folder_and_exports_again(demo, tmp_path):
    netgraph.export(demo, tmp_path / "in" / "network.graphml", format="graphml")
    again = netgraph.load(tmp_path / "in")
    netgraph.export(again, tmp_path / "out", format="csv")
    assert netgraph.load(tmp_path / "out").graph.number_of_edges() == demo.graph.number_of_edges()


def test_a_graph_networkx_wrote(tmp_path):
    G = nx.Graph()
    G.add_node("mary", name="Mary Lee", company="Novagen", emails="mary@novagen.com;m.lee@gmail.com")
    G.add_node("stan", name="Stan Whitfield")
    G.add_edge("mary", "stan", weight=0.7)
    nx.write_graphml(G, tmp_path / "plain.graphml")
    tables = read_graph_file(tmp_path / "plain.graphml")
    assert tables.people[["id", "name", "company"]].values.tolist() == [["mary", "Mary Lee", "Novagen"],
                                                                       ["stan", "Stan Whitfield", ""]]
    assert tables.people["email"].tolist() == [["mary@novagen.com", "m.lee@gmail.com"], []]
    assert tables.ties[["a", "b", "strength"]].values.tolist() == [["mary", "stan", 0.7]]


def test_a_graph_gephi_wrote_with_its_problems_reported():
    report = ImportReport()
    tables = read_graph_file(BROKEN / "gephi.gexf", report=report)
    people = tables.people.set_index("id")
    assert people["name"].to_dict() == {"0": "Ana Souza", "1": "Ben Okoro", "2": "Chen Li"}
    assert people["company"].to_dict() == {"0": "Novagen", "1": "Helix", "2": ""}
    assert people["tags"].to_dict() == {"0": ["imported"], "1": ["imported"], "2": ["imported"]}
    assert people["modularity_class"].tolist() == ["1", "2", ""]
    assert tables.ties[["a", "b", "strength"]].values.tolist() == [["0", "1", 0.8], ["1", "2", 0.3],
                                                                  ["2", "9", 0.5]]
    assert [(p.line, p.reason) for p in report.problems] == [
        (line_of("gephi.gexf", '<edge id="3"'), "an edge without a source or a target")]
    # an edge to a node the file does not hold is reported when the graph is built
    net = netgraph.load(BROKEN / "gephi.gexf")
    assert net.report.ok and [(p.line, p.reason) for p in net.report.problems] == [
        (line_of("gephi.gexf", 'target="9"'), "b: nobody called '9' is in the people tables"),
        (line_of("gephi.gexf", '<edge id="3"'), "an edge without a source or a target")]


def line_of(file: str, text: str) -> int:
    lines = (BROKEN / file).read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize("file, what", [
    ("billion_laughs.graphml", "declares an entity"),
    ("external_entity.graphml", "declares an entity"),
    ("external_entity_http.gexf", "declares an entity"),
])
def test_entities_are_refused_never_expanded(file, what):
    with pytest.raises(netgraph.NetgraphError, match=what) as error:
        netgraph.load(BROKEN / file)
    assert str(error.value).startswith(f"{BROKEN / file}:") and "\n" not in str(error.value)
    assert "netgraph never expands them" in str(error.value)


def test_an_external_dtd_is_never_fetched():
    tables = read_graph_file(BROKEN / "external_dtd.graphml")
    assert tables.people["id"].tolist() == ["a"]


@pytest.mark.parametrize("text, message, line", [
    ('<?xml version="1.0"?>\n<graphml>\n<graph><node id="a"></graph>\n</graphml>', "not well-formed XML", 3),
    ('<?xml version="1.0"?>\n<svg><g/></svg>\n', "not GraphML or GEXF: the document is <svg>", 1),
    ('<?xml version="1.0"?>\n<graphml><graph><node id="a">', "not well-formed XML", 2),
    ("", "not well-formed XML", 1),
])
def test_a_broken_graph_file_is_one_clear_error(tmp_path, text, message, line):
    path = tmp_path / "broken.graphml"
    path.write_text(text)
    with pytest.raises(netgraph.NetgraphError, match=message) as error:
        read_graph_file(path)
    assert error.value.line == line and error.value.file == str(path)


def test_recognised_by_content_without_the_suffix(tmp_path):
    path = tmp_path / "network.xml"
    nx.write_gexf(nx.path_graph(3), path)
    assert find_reader(path).name == "graphml"
    assert len(read_graph_file(path).people) == 3


def test_an_attribute_named_as_the_tables_bookkeeping_is_left_out(tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                    '<key id="d0" for="node" attr.name="_line" attr.type="string"/>'
                    '<key id="d1" for="all" attr.name="_file" attr.type="string"><default>x</default></key>'
                    '<graph edgedefault="undirected"><node id="a"><data key="d0">not a line</data></node>'
                    '<node id="b"/><edge source="a" target="b"/></graph></graphml>\n')
    report = ImportReport()
    tables = read_graph_file(path, report=report)
    assert tables.people["_line"].tolist() == [2, 2] and set(tables.people["_file"]) == {str(path)}
    assert "attributes _file, _line ignored" in report.files[0].notes[0]


def test_a_graphml_named_xml_with_a_comment_first_is_recognised(tmp_path):
    path = tmp_path / "network.xml"
    G = nx.Graph()
    G.add_edge("ann", "bob")
    nx.write_graphml(G, path)
    text = path.read_text()
    path.write_text(text.replace("?>", "?>\n<!-- written by igraph 0.10 -->", 1))
    assert find_reader(path).name == "graphml"
    assert sorted(read_graph_file(path).people["id"]) == ["ann", "bob"]
