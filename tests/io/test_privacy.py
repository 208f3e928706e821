"""netgraph.io.privacy: anonymised copies keep the network and lose the people, in every output."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import matplotlib
import networkx as nx
import pytest
from PIL import Image

import netgraph
from netgraph.cli import main
from netgraph.io.privacy import Anonymizer, anonymize
from tests.io.test_export import same_graph


@pytest.fixture(scope="module")
def sensitive(demo) -> dict[str, set[str]]:
    """What must never appear in an anonymised output: every name, e-mail address and phone number
    of the demo's people table (phones as written and as digits), and the distinctive words of names
    (longer than 3 letters, and not words of Bokeh's bundled code, which every page holds)."""
    from bokeh.resources import INLINE

    people = demo.people
    names = set(people["name"])
    words = {w for n in names for w in _words(n) if len(w) > 3}
    phones = {p for ps in people["phone"] for p in ps}
    return {"names": names, "emails": {e for es in people["email"] for e in es},
            "phones": phones | {re.sub(r"\D", "", p) for p in phones},
            "words": words - _words("\n".join([*INLINE.js_raw, *INLINE.css_raw]))}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def leaks(data: bytes, sensitive: dict[str, set[str]]) -> list[str]:
    """The sensitive strings found in ``data`` (names and addresses in any case, words as whole words)."""
    text = data.decode("utf-8", errors="replace")
    lower = text.casefold()
    found = [s for key in ("names", "emails") for s in sensitive[key] if s.casefold() in lower]
    found += [s for s in sensitive["phones"] if s in text]
    return found + sorted(sensitive["words"] & _words(text))


def _png_text(data: bytes) -> bytes:
    """The metadata of a PNG: its tEXt, zTXt and iTXt chunks, and what PIL reads of them."""
    chunks, at = [], 8
    while at < len(data):
        size, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
        body = data[at + 8:at + 8 + size]
        chunks.append(zlib.decompress(body.split(b"\0", 2)[-1][1:]) if kind == b"zTXt" else body
                      if kind in (b"tEXt", b"iTXt") else b"")
        at += 12 + size
    return b"\n".join(chunks)


# ---------------------------------------------------------------------------------------------
# The pseudonyms


def test_the_same_salt_gives_the_same_pseudonyms_and_another_salt_others(demo):
    a, b, c = (anonymize(demo.graph, salt=s) for s in ("one", "one", "two"))
    assert nx.utils.graphs_equal(a, b)
    assert set(a) != set(c)
    assert set(anonymize(demo.graph)) != set(anonymize(demo.graph))  # a random salt by default


def test_one_person_is_one_pseudonym_across_every_file(demo):
    anonymizer = Anonymizer(demo, salt="x")
    mary = demo.find("Mary Lee")
    assert {"linkedin", "vcard", "mbox", "people"} <= set(demo.graph.nodes[mary]["sources"])
    net = anonymizer.network()
    pseudonym = anonymizer.node(mary)
    assert net.people.loc[pseudonym, "name"] == anonymizer.person(mary) == f"Person {pseudonym[7:]}"
    mine = net.interactions[(net.interactions["from"] == pseudonym) | (net.interactions["to"] == pseudonym)]
    original = demo.interactions[(demo.interactions["from"] == mary) | (demo.interactions["to"] == mary)]
    assert len(mine) == len(original) > 0
    assert net.people.loc[pseudonym, "email"] == [f"{pseudonym}@example.invalid"]


def test_the_network_is_kept_and_the_people_are_not(demo):
    anonymizer = Anonymizer(demo, salt="x")
    G, H = demo.graph, anonymizer.graph()
    relabelled = nx.relabel_nodes(G, anonymizer.ids)
    assert set(H.edges) == set(relabelled.edges) and H.graph["me"] == anonymizer.node(demo.me)
    for u, v, data in G.edges(data=True):
        assert H[anonymizer.node(u)][anonymizer.node(v)]["strength"] == data["strength"]
    # a warm path to a target is as likely, through the same (pseudonymous) people
    before = netgraph.intro_paths(G, "Novagen", top=3).to_dict()
    after = netgraph.intro_paths(H, anonymizer.target("Novagen"), top=3).to_dict()
    assert [r["probability"] for r in after] == [r["probability"] for r in before]
    assert H.graph["targets"] == [anonymizer.company(t) for t in G.graph["targets"]]
    assert all(name.startswith("Person ") for _, name in H.nodes(data="name"))
    assert all(not company or company.startswith("Company ") for _, company in H.nodes(data="company"))


def test_companies_can_be_kept(demo):
    anonymizer = Anonymizer(demo, salt="x", keep_companies=True)
    H = anonymizer.graph()
    assert {c for _, c in H.nodes(data="company")} == {c for _, c in demo.graph.nodes(data="company")}
    assert anonymizer.target("Novagen") == "Novagen"
    assert anonymizer.target("Mary Lee") == anonymizer.person(demo.find("Mary Lee"))
    assert len(netgraph.intro_paths(H, "Novagen")) > 0


def test_free_text_is_scrubbed(demo):
    anonymizer = Anonymizer(demo, salt="x")
    text = anonymizer.text("Assistant to Mary Lee at Novagen (mary.lee@novagen.com, +1 617-555-4034), "
                           "see https://www.linkedin.com/in/mary-lee-6186fa")
    assert text == (f"Assistant to [name] at {anonymizer.company('Novagen')} ([e-mail], [phone]), see [link]")
    assert Anonymizer(demo, salt="x", keep_companies=True).text("Head of Brand, Novagen") == "Head of Brand, Novagen"
    # notes may say anything about anyone: dropped
    net = anonymizer.network()
    assert set(net.ties["note"]) <= {""} and set(net.introductions["note"]) <= {""}
    assert all("note" not in data for *_, data in anonymizer.graph().edges(data=True))


def test_an_anonymised_export_loads_back_with_nothing_lost(demo, tmp_path):
    written = netgraph.export(demo, tmp_path / "out", format="csv", anonymize=True, salt="x")
    assert len(written) == 6
    again = netgraph.load(tmp_path / "out")
    same_graph(anonymize(demo, salt="x").graph, again.graph)
    assert len(again.interactions) == len(demo.interactions) and again.report.ok


def test_only_a_network_anonymises_as_a_network(demo):
    with pytest.raises(netgraph.NetgraphError, match="only a loaded network"):
        Anonymizer(demo.graph).network()


# ---------------------------------------------------------------------------------------------
# Every output of the command line, every byte


OUTPUTS = {
    "export csv": (["export", "--format", "csv", "--out", "{out}/csv"], "csv"),
    "export graphml": (["export", "--format", "graphml", "--out", "{out}/net.graphml"], "raw"),
    "export gexf": (["export", "--format", "gexf", "--out", "{out}/net.gexf"], "raw"),
    "export json": (["export", "--format", "json", "--out", "{out}/net.json"], "raw"),
    "html": (["html", "--to", "Novagen", "--out", "{out}/page.html"], "raw"),
    "plot png": (["plot", "--to", "Novagen", "--out", "{out}/map.png"], "png"),
    "plot pdf": (["plot", "--kind", "paths", "--to", "Helix Therapeutics", "--out", "{out}/paths.pdf"], "raw"),
    **{f"plot {kind} svg": (["plot", "--kind", kind, "--to", "Novagen", "--out", f"{{out}}/{kind}.svg"], "svg")
       for kind in ("map", "paths", "layers", "reciprocity", "decay")},
}


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_byte_of_an_anonymised_output_is_anonymous(tmp_path, sensitive, output):
    command, kind = OUTPUTS[output]
    # SVG text as text, not glyph outlines: what is drawn can be read back
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        assert main([*[part.format(out=tmp_path) for part in command], "--anonymize"]) == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        assert not leaks(data, sensitive), (path.name, leaks(data, sensitive)[:5])
        if kind == "png":
            assert not leaks(_png_text(data) + str(Image.open(path).info).encode(), sensitive)
        if kind == "svg":
            drawn = re.findall(rb"<text[^>]*>(.*?)</text>", data, re.DOTALL)
            assert any(b"Person " in t or b"Company " in t for t in drawn), drawn[:5]


def test_the_outputs_are_not_anonymous_without_the_option(tmp_path, sensitive):
    """The scan finds what it looks for (a check of the check)."""
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        assert main(["plot", "--kind", "paths", "--to", "Novagen", "--out", str(tmp_path / "paths.svg")]) == 0
    assert leaks((tmp_path / "paths.svg").read_bytes(), sensitive)


def test_keep_companies_needs_anonymize(capsys):
    assert main(["export", "--format", "csv", "--out", "x", "--keep-companies"]) == 2
    assert "--keep-companies goes with --anonymize" in capsys.readouterr().err


def test_a_person_target_is_found_under_their_pseudonym(tmp_path):
    out = tmp_path / "paths.svg"
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        assert main(["plot", "--kind", "paths", "--to", "Laura Chen", "--anonymize", "--keep-companies",
                     "--out", str(out)]) == 0
    assert b"Warm introductions to Person " in out.read_bytes()
    assert Path(out).stat().st_size > 5_000  # a figure with its path drawn (an empty one is 2 kB)
