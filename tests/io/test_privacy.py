"""netgraph.io.privacy: anonymised copies keep the network and lose the people, in every output."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import matplotlib
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import netgraph
from netgraph.cli import main
from netgraph.io.privacy import Anonymizer, anonymize
from tests.io.test_export import same_graph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "privacy"
#: The networks every output is scanned for: the demo, and the fixtures of what anonymisation used to let
#: through (see tests/fixtures/privacy/README.md), each with a target company for ``--to``.
NETWORKS = {"demo": (None, "Novagen"), "hostile": (FIXTURES / "network", "Sakura Labs"),
            "gephi": (FIXTURES / "gephi.gexf", "Sakura Labs")}
#: What else the fixtures hold that names or tells about someone, and must not be in any output: free-text
#: columns, handles, local parts, slugs, bare links, names in scripts without spaces and run together.
SECRETS = {"jjones", "annlee", "ann-lee-7f3b2c", "yamada-taro", "sofia-reyes-a1", "janejones", "m.okafor",
           "github.com/annlee", "janejones.dev", "Elm Street", "brother", "wedding", "Divorcing", "Owes me money",
           "cousins", "old boss", "Founded by", "山田", "太郎", "李明", "김민수", "HYPERLINK", "evil.example",
           "Yamada's", "sakuralabs", "reyes.example"}


@pytest.fixture(scope="module", params=NETWORKS)
def network(request) -> tuple[str, str | None, str]:
    """A network to anonymise: its name, its ``--data`` (None: the demo) and a target company."""
    return request.param, *NETWORKS[request.param]


def sensitive_of(net: netgraph.Network) -> dict[str, set[str]]:
    """What must never appear in an anonymised output: every name, e-mail address and phone number
    of the people table (phones as written and as digits), the distinctive words of names (longer
    than 3 letters, and not words of Bokeh's bundled code, which every page holds), and the fixtures'
    :data:`SECRETS`."""
    from bokeh.resources import INLINE

    people = net.people
    names = set(people["name"])
    words = {w for n in names for w in _words(n) if len(w) > 3}
    phones = {p for ps in people["phone"] for p in ps}
    return {"names": names | SECRETS, "emails": {e for es in people["email"] for e in es},
            "phones": phones | {re.sub(r"\D", "", p) for p in phones},
            "words": words - _words("\n".join([*INLINE.js_raw, *INLINE.css_raw]))}


@pytest.fixture(scope="module")
def sensitive(demo) -> dict[str, set[str]]:
    """What of the demo must never appear in an anonymised output."""
    return sensitive_of(demo)


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
    "html": (["html", "--to", "{to}", "--out", "{out}/page.html"], "raw"),
    "plot png": (["plot", "--to", "{to}", "--out", "{out}/map.png"], "png"),
    "plot pdf": (["plot", "--kind", "paths", "--to", "{to}", "--out", "{out}/paths.pdf"], "raw"),
    **{f"plot {kind} svg": (["plot", "--kind", kind, "--to", "{to}", "--out", f"{{out}}/{kind}.svg"], "svg")
       for kind in ("map", "paths", "layers", "reciprocity", "decay")},
}


@pytest.fixture(scope="module")
def scanned(network, demo) -> dict[str, set[str]]:
    _, data, _ = network
    return sensitive_of(demo if data is None else netgraph.load(data))


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_byte_of_an_anonymised_output_is_anonymous(tmp_path, network, scanned, output):
    _, data, target = network
    command, kind = OUTPUTS[output]
    sensitive = scanned
    # SVG text as text, not glyph outlines: what is drawn can be read back
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        argv = [part.format(out=tmp_path, to=target) for part in command] + ["--anonymize"]
        assert main(argv + ([] if data is None else ["--data", str(data)])) == 0
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


# ---------------------------------------------------------------------------------------------
# What anonymisation used to let through (tests/fixtures/privacy)


@pytest.fixture(scope="module")
def hostile() -> netgraph.Network:
    return netgraph.load(FIXTURES / "network")


@pytest.mark.parametrize("text, scrubbed", [
    ("reports to @jjones", "reports to [handle]"),
    ("ask jjones or AnnLee", "ask [handle] or [name]"),                       # a local part; a name run together
    ("ask mokafor or OkaforMark", "ask [name] or [name]"),                    # initial and surname, reversed
    ("ping m.okafor+work or m.okafor on chat", "ping [handle] or [handle] on chat"),  # a local part, +tag or not
    ("see janejones.dev and github.com/annlee/repos", "see [link] and [link]"),  # links without a scheme
    ("slug ann-lee-7f3b2c, or yamada-taro.", "slug [handle], or [handle]."),   # profile slugs
    ("friend of annlee", "friend of [name]"),
    ("Assistant to 山田太郎さん", "Assistant to [name]さん"),                  # no spaces between words
    ("李明的同事", "[name]的同事"),                                            # 李 明 run together
    ("김민수에게 소개 부탁", "[name]에게 소개 부탁"),                          # a particle joined to the name
    ("Head of Research, Boston", "Head of Research, Boston"),                # nobody: kept
    ("v2.0 of Node", "v2.0 of Node"),
])
def test_free_text_loses_handles_links_slugs_and_names_in_any_script(hostile, text, scrubbed):
    assert Anonymizer(hostile, salt="x", keep_companies=True).text(text) == scrubbed


def test_only_known_columns_and_attributes_are_kept(hostile):
    """Extra free-text columns (notes, comments, subject, Gephi's description) may say anything: left out."""
    from netgraph.model.tables import SCHEMAS

    # free text never loads at all (no reader keeps it); anonymised output keeps the canonical columns only
    assert not {"notes", "comments"} & set(hostile.people.columns) and "subject" not in hostile.interactions
    net = anonymize(hostile, salt="x")
    for kind in ("people", "interactions", "ties", "introductions", "companies"):
        extra = set(getattr(net, kind).columns) - set(SCHEMAS[kind].columns) - {"sources", "is_me", "company_from"}
        assert not extra, (kind, extra)
    assert not {"notes", "comments"} & {k for _, d in net.graph.nodes(data=True) for k in d}
    gephi = netgraph.load(FIXTURES / "gephi.gexf")
    assert "description" not in gephi.people  # Gephi's free text is not read
    G = gephi.graph.copy()
    for n in G:  # a graph made elsewhere may carry it: the anonymiser leaves it out
        G.nodes[n].update(description="Ann Lee's old friend", modularity_class=3)
    H = anonymize(G, salt="x")
    assert not {"description", "modularity_class"} & {k for _, d in H.nodes(data=True) for k in d}


def test_company_records_are_scrubbed_too(hostile):
    anonymizer = Anonymizer(hostile, salt="x")
    net = anonymizer.network()
    sakura, kestrel = anonymizer.company("Sakura Labs"), anonymizer.company("Kestrel Media")
    industry = dict(zip(net.companies["name"], net.companies["industry"]))
    assert industry[sakura] == "biotech ([name]'s lab)" and industry[kestrel] == "family business of [name]"
    graph_companies = {r["name"]: r for r in net.graph.graph["companies"]}
    assert graph_companies[kestrel]["industry"] == "family business of [name]"
    assert set(graph_companies[sakura]) <= {"name", "aliases", "domains", "industry"}


def test_rows_and_nodes_follow_the_pseudonyms_not_the_input(hostile, tmp_path):
    """The input is alphabetical by real name: in that order, pseudonyms could be matched with a contact list."""
    others = list(hostile.people["name"])[1:]  # me first, then A to Z
    assert others == sorted(others)
    net = anonymize(hostile, salt="x")
    assert list(net.people.index) == sorted(net.people.index)
    assert list(net.graph) == sorted(net.graph)
    assert list(net.graph.edges) == sorted(net.graph.edges)
    x = net.interactions
    assert list(zip(x["from"], x["to"], x["date"])) == sorted(zip(x["from"], x["to"], x["date"]))
    assert list(net.companies["name"]) == sorted(net.companies["name"])
    netgraph.export(net, tmp_path / "out", format="csv")
    ids = (tmp_path / "out" / "people.csv").read_text().splitlines()[1:]
    assert [line.split(",")[0] for line in ids] == sorted(net.people.index)


def test_a_kept_company_named_after_a_person_does_not_name_them(hostile):
    anonymizer = Anonymizer(hostile, salt="x", keep_companies=True)
    assert anonymizer.company("Sakura Labs") == "Sakura Labs"
    assert anonymizer.company("Jane Jones Consulting") == "[name] Consulting"
    assert anonymizer.company("Okafor & Sons") == "[name] & Sons"
    assert anonymizer.domain("sakuralabs.example") == "sakuralabs.example"
    assert anonymizer.domain("janejones.dev").endswith("@example.invalid"[1:])


#: Ways the fixture's people are written in free text, and words around them that name nobody.
_MENTIONS = ["Ann Lee", "ANN", "lee", "annlee", "AnnLee2", "@jjones", "jjones", "Jones", "m.okafor", "Okafor's",
             "janejones.dev", "github.com/annlee", "ann-lee-7f3b2c", "山田太郎", "李明", "김민수", "Sofia"]
_FILLER = ["met", "at", "the", "lab", "部長", "さん", "에게", "的", ",", ".", "(", ")", ";", "-", "/", "2024", "x"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_MENTIONS + _FILLER), st.sampled_from([" ", ", ", "/", "-", "("])),
                max_size=12))
def test_no_mention_of_a_person_survives_scrubbing(hostile_anonymizer, parts):
    """Mentions in any order and punctuation; words of scripts without spaces are written without them."""
    text = ""
    for (word, gap), following in zip(parts, [*parts[1:], ("", "")]):
        text += word + ("" if not (word + following[0]).isascii() else gap)
    scrubbed = hostile_anonymizer.text(text)
    for secret in ("ann", "lee", "jjones", "jones", "okafor", "janejones", "山田", "太郎", "李明", "김민수", "sofia"):
        assert secret not in re.sub(r"\[\w+(?:-\w+)?\]", " ", scrubbed).casefold(), (text, scrubbed)


@pytest.fixture(scope="module")
def hostile_anonymizer(hostile) -> Anonymizer:
    return Anonymizer(hostile, salt="x", keep_companies=True)
