"""Share files: written, read back, validated line by line, merged into one team graph."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph.errors import NetgraphError
from netgraph.io.export import write_tables
from netgraph.io.share import (
    SUFFIX,
    is_team,
    keyed_hash,
    load_team,
    merge_shares,
    read_share,
    share_of,
    tie_basis,
    write_share,
)

SECRET = "team secret"


def _network(me: str, contacts: list[tuple[str, str, str, str]], ties=()) -> netgraph.Network:
    """A member's network: me plus contacts (name, e-mail, company, phone), one message each way."""
    people = pd.DataFrame([{"name": me, "email": f"{me.split()[0].lower()}@home.example"}]
                          + [{"name": n, "email": e, "company": c, "phone": p} for n, e, c, p in contacts])
    interactions = pd.DataFrame([{"date": f"2026-0{1 + i % 9}-1{i % 10}", "from": me, "to": n,
                                  "note": "secret plans"} for i, (n, *_) in enumerate(contacts)]
                                + [{"date": "2026-10-02", "from": n, "to": me} for n, *_ in contacts])
    tables = {"people": people, "interactions": interactions}
    if ties:
        tables["ties"] = pd.DataFrame([{"a": a, "b": b, "strength": s, "note": "old friends"} for a, b, s in ties])
    G = netgraph.build_graph(**tables, me=me, today="2026-11-01")
    return G


@pytest.fixture
def alice():
    return _network("Alice Martin", [("Mary Lee", "mary@novagen.example", "Novagen", "+1 617 555 0101"),
                                     ("Tom Ward", "tom@acme.example", "Acme", "")],
                    ties=[("Mary Lee", "Tom Ward", 0.5)])


@pytest.fixture
def bob():
    # Bob knows Mary under another address spelling of the same one, and Alice herself
    return _network("Bob Stone", [("Mary  Lee", "Mary@Novagen.example", "Novagen", ""),
                                  ("Alice Martin", "alice@home.example", "", ""),
                                  ("Zoe Park", "zoe@helix.example", "Helix", "")])


def test_round_trip(tmp_path, alice):
    share = share_of(alice, secret=SECRET)
    path = write_share(share, tmp_path / f"alice{SUFFIX}")
    back = read_share(path)
    assert back.records() == share.records()
    assert back.member["name"] == "Alice Martin"
    assert {p["name"] for p in back.people} == {"Mary Lee", "Tom Ward"}


def test_a_share_holds_no_address_phone_note_or_day(tmp_path, alice):
    text = write_share(share_of(alice, secret=SECRET), tmp_path / "a.netshare").read_text()
    assert "@" not in text
    assert "555" not in text
    assert "secret plans" not in text and "old friends" not in text
    for record in map(json.loads, text.splitlines()):
        assert "date" not in record and "note" not in record
        if "last_contact" in record:
            assert len(record["last_contact"]) == len("2026-10")


def test_the_member_ties_carry_strength_layer_and_month(alice):
    share = share_of(alice, secret=SECRET, layers={"mary-lee": 5})
    mine = {t["b"]: t for t in share.ties if t["a"] == "member"}
    mary = next(p["id"] for p in share.people if p["name"] == "Mary Lee")
    assert mine[mary]["layer"] == 5 and mine[mary]["last_contact"] == "2026-10"
    assert mine[mary]["basis"] == "observed"
    among = [t for t in share.ties if t["a"] != "member"]
    assert among and among[0]["basis"] == "declared" and "layer" not in among[0]


def test_without_a_secret_no_address_is_shared_at_all(alice):
    share = share_of(alice)
    assert share.key_check == ""
    assert all("email_keys" not in p for p in share.people)
    assert all("layer" not in t for t in share.ties)  # no layers given: none claimed


def test_hashes_are_keyed_by_the_secret():
    assert keyed_hash("a", "Mary@Novagen.example") == keyed_hash("a", "mary@novagen.example")
    assert keyed_hash("a", "mary@novagen.example") != keyed_hash("b", "mary@novagen.example")


def test_exclude_holds_back_people_and_companies(alice):
    names = {p["name"] for p in share_of(alice, exclude=["Novagen"]).people}
    assert names == {"Tom Ward"}
    names = {p["name"] for p in share_of(alice, exclude=["tom@acme.example"]).people}
    assert names == {"Mary Lee"}
    with pytest.raises(NetgraphError, match="names no company or person"):
        share_of(alice, exclude=["Nobody Atall"])


def test_min_strength_holds_back_weaker_ties(alice):
    strongest = max(d["strength"] for _, _, d in alice.edges(data=True))
    share = share_of(alice, min_strength=strongest)
    assert all(t["strength"] >= strongest for t in share.ties)
    assert len(share.ties) < len(share_of(alice).ties)


def test_basis_defaults_until_edges_carry_their_own():
    assert tie_basis({"interactions": 2}) == ("observed", 1.0)
    assert tie_basis({}) == ("declared", 1.0)
    assert tie_basis({"basis": "inferred", "confidence": 0.4}) == ("inferred", 0.4)


# -- reading: every bad line reported, the rest loads

def _lines(share) -> list[str]:
    return [json.dumps(r) for r in share.records()]


def test_bad_records_are_reported_with_their_line(tmp_path, alice):
    lines = _lines(share_of(alice, secret=SECRET))
    lines += ["{not json",
              json.dumps({"kind": "person", "id": "x1", "name": "Eve", "email_keys": ["eve@evil.example"]}),
              json.dumps({"kind": "tie", "a": "member", "b": "p99", "strength": 0.5}),
              json.dumps({"kind": "tie", "a": "member", "b": "p1", "strength": 7}),
              json.dumps({"kind": "tie", "a": "member", "b": "p1", "strength": 0.5, "last_contact": "2026-10-02"}),
              json.dumps({"kind": "message", "subject": "hello"}),
              json.dumps({"kind": "person", "id": "x2", "name": "A\x00B"}),
              "[1, 2]"]
    path = tmp_path / "bad.netshare"
    path.write_text("\n".join(lines) + "\n")
    report = netgraph.ImportReport()
    share = read_share(path, report)
    problems = {p.line: p.reason for p in report.problems}
    first = len(lines) - 8 + 1
    assert sorted(problems) == list(range(first, first + 8))
    assert "plain address" in problems[first + 1]
    assert "names nobody" in problems[first + 2]
    assert "from 0 to 1" in problems[first + 3]
    assert "YYYY-MM" in problems[first + 4]
    assert "unknown kind" in problems[first + 5]
    assert {p["name"] for p in share.people} == {"Mary Lee", "Tom Ward"}


@pytest.mark.parametrize("text, message", [
    ("", "not a share file"),
    ("date,from,to\n", "not a share file"),
    ('{"format": "netgraph-share", "version": 99}\n', "version 99"),
    ('{"format": "netgraph-share", "version": 1}\n', "without its member"),
])
def test_unreadable_files_are_one_error(tmp_path, text, message):
    path = tmp_path / "x.netshare"
    path.write_text(text)
    with pytest.raises(NetgraphError, match=message):
        read_share(path)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=40), st.builds(json.dumps, st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["kind", "id", "name", "a", "b", "strength", "layer", "email_keys", "basis"]),
        inner, max_size=5), max_leaves=10))), max_size=8))
def test_any_content_is_read_or_refused_never_crashes(tmp_path, lines):
    path = tmp_path / "fuzz.netshare"
    header = '{"format": "netgraph-share", "version": 1}\n{"kind": "member", "name": "Ann"}\n'
    path.write_text(header + "\n".join(lines), encoding="utf-8", errors="replace")
    try:
        share = read_share(path)
    except NetgraphError:
        return
    merge_shares([share])  # whatever was kept merges


def test_deeply_nested_json_is_a_bad_line(tmp_path, alice):
    path = tmp_path / "deep.netshare"
    path.write_text("\n".join(_lines(share_of(alice))) + "\n" + "[" * 100_000 + "\n")
    report = netgraph.ImportReport()
    read_share(path, report)
    assert [p.reason[:18] for p in report.problems] == ["not a JSON record "]


# -- merging

def test_a_contact_two_members_know_is_one_node(alice, bob):
    net = merge_shares([share_of(alice, secret=SECRET), share_of(bob, secret=SECRET)], me="Alice Martin")
    G = net.graph
    marys = [n for n, d in G.nodes(data=True) if d["name"] == "Mary Lee"]
    assert len(marys) == 1
    assert set(G.nodes[marys[0]]["known_by"]) == {"alice-martin", "bob-stone"}
    assert sorted(G.graph["members"]) == ["alice-martin", "bob-stone"]
    # Bob's contact Alice is the member Alice: one node, and their tie is Bob's
    assert G.has_edge("alice-martin", "bob-stone")
    assert G.nodes["alice-martin"]["is_member"] and G.graph["me"] == "alice-martin"
    assert "same e-mail (hashed)" in set(net.identity["rule"])


def test_merged_outputs_hold_no_hash(alice, bob, tmp_path):
    shares = [share_of(alice, secret=SECRET), share_of(bob, secret=SECRET)]
    net = merge_shares(shares)
    hashes = {k for s in shares for p in [s.member, *s.people] for k in p.get("email_keys", [])}
    out = netgraph.export(net, tmp_path / "team.json", format="json")
    text = "".join(p.read_text() for p in out) + net.identity.to_csv() + repr(dict(net.graph.nodes(data=True)))
    assert hashes and not any(h in text for h in hashes)


def test_different_secrets_do_not_match_addresses_and_say_so():
    alice = _network("Alice Martin", [("Mary Lee", "mary@novagen.example", "Novagen", "")])
    bob = _network("Bob Stone", [("M. Lee", "mary@novagen.example", "Novagen", "")])
    report = netgraph.ImportReport()
    a, b = share_of(alice, secret="one"), share_of(bob, secret="two")
    a.file, b.file = "a.netshare", "b.netshare"
    G = merge_shares([a, b], report=report).graph
    assert sum(d["name"] in ("Mary Lee", "M. Lee") for _, d in G.nodes(data=True)) == 2
    assert any("different team secrets" in p.reason for p in report.problems)


def test_homonyms_at_two_employers_stay_two(alice):
    other = _network("Bob Stone", [("Mary Lee", "mlee@helix.example", "Helix", "")])
    G = merge_shares([share_of(alice), share_of(other)]).graph
    marys = sorted(d["company"] for _, d in G.nodes(data=True) if d["name"] == "Mary Lee")
    assert marys == ["Helix", "Novagen"]


def test_one_name_and_no_keys_joins_the_one_person_of_that_name(alice):
    other = _network("Bob Stone", [("Tom Ward", "tward@elsewhere.example", "", "")])
    G = merge_shares([share_of(alice), share_of(other)]).graph
    toms = [n for n, d in G.nodes(data=True) if d["name"] == "Tom Ward"]
    assert len(toms) == 1 and set(G.nodes[toms[0]]["known_by"]) == {"alice-martin", "bob-stone"}


# -- team folders

def test_load_recognises_a_team_folder_and_a_share_file(tmp_path, alice, bob):
    write_share(share_of(alice, secret=SECRET), tmp_path / "alice.netshare")
    write_share(share_of(bob, secret=SECRET), tmp_path / "bob.netshare")
    (tmp_path / "netgraph.toml").write_text('me = "Bob Stone"\ntargets = ["Novagen"]\ntoday = "2026-11-01"\n')
    assert is_team(tmp_path) and is_team(tmp_path / "alice.netshare")
    net = netgraph.load(tmp_path)
    assert net.me == "bob-stone" and net.targets == ["Novagen"]
    assert len(net.graph.graph["members"]) == 2
    assert len(netgraph.load(tmp_path / "alice.netshare").graph.graph["members"]) == 1


def test_a_member_may_bring_raw_exports_in_a_subfolder(tmp_path, alice, monkeypatch):
    write_share(share_of(alice, secret=SECRET), tmp_path / "alice.netshare")
    raw = tmp_path / "bob"
    write_tables({"people": pd.DataFrame({"name": ["Bob Stone", "Mary Lee"],
                                          "email": ["bob@home.example", "mary@novagen.example"]}),
                  "interactions": pd.DataFrame({"date": ["2026-09-01"], "from": ["Bob Stone"],
                                                "to": ["Mary Lee"]})}, raw)
    (raw / "netgraph.toml").write_text('me = "Bob Stone"\ntoday = "2026-11-01"\n')
    monkeypatch.setenv("NETGRAPH_TEAM_SECRET", SECRET)
    G = load_team(tmp_path).graph
    mary = next(n for n, d in G.nodes(data=True) if d["name"] == "Mary Lee")
    assert set(G.nodes[mary]["known_by"]) == {"alice-martin", "bob-stone"}


def test_a_member_named_me_must_be_a_member(tmp_path, alice):
    write_share(share_of(alice), tmp_path / "alice.netshare")
    with pytest.raises(NetgraphError, match="none of the team's members"):
        load_team(tmp_path, me="Zed")


def test_the_team_demo_copies_cleanly(tmp_path):
    from netgraph.datasets.team import team_path

    folder = shutil.copytree(team_path(), tmp_path / "team")
    net = netgraph.load(folder)
    assert net.report.ok and not net.report.problems


@pytest.mark.parametrize("fmt", ["json", "graphml", "csv"])
def test_an_anonymised_team_names_no_member_and_holds_no_hash(tmp_path, fmt):
    from netgraph.datasets.team import team_path

    net = netgraph.load(team_path())
    hashes = {k for path in team_path().glob("*.netshare") for line in path.read_text().splitlines()
              for k in json.loads(line).get("email_keys", [])}
    written = netgraph.export(net, tmp_path / ("out" if fmt == "csv" else f"team.{fmt}"), format=fmt, anonymize=True)
    text = "".join(p.read_text() for p in written)
    members = net.graph.graph["members"]
    assert members and (fmt == "csv" or "known_by" in text or "members" in text)  # csv: the canonical columns only
    for node, member in members.items():
        assert node not in text and member["name"] not in text and member["file"] not in text
    assert hashes and not any(h in text for h in hashes)


@pytest.mark.slow
def test_a_planted_share_of_one_name_many_times_loads(tmp_path):
    """Twenty thousand records of one name: matched on keys only, so the merge stays linear."""
    n = 20_000
    lines = ['{"format": "netgraph-share", "version": 1}', '{"kind": "member", "name": "Ann"}']
    lines += [json.dumps({"kind": "person", "id": f"p{i}", "name": "Mary Lee"}) for i in range(n)]
    lines += [json.dumps({"kind": "tie", "a": "member", "b": f"p{i}", "strength": 0.5}) for i in range(n)]
    (tmp_path / "planted.netshare").write_text("\n".join(lines))
    (tmp_path / "ann.netshare").write_text(lines[0] + '\n{"kind": "member", "name": "Bob"}\n'
                                           + json.dumps({"kind": "person", "id": "p1", "name": "Mary Lee"}) + "\n")
    G = load_team(tmp_path).graph
    assert G.number_of_nodes() == n + 3
