"""netgraph.load: folders, single files, netgraph.toml, overrides, the report."""

from __future__ import annotations

import shutil

import pytest

import netgraph
from netgraph.io.load import sample_path


def test_demo_loads_with_nothing_lost(demo):
    assert demo.graph.nodes[demo.me]["name"] == "Jane Jones"
    assert demo.today.isoformat() == "2026-11-01"
    assert demo.targets == ["Novagen", "Helix Therapeutics"]
    assert demo.report.ok
    assert not [p for p in demo.report.problems if p.skipped]
    assert "Network of Jane Jones" in repr(demo)


def test_single_file(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("date,from,to\n2026-01-01,Ann,Bob\n")
    net = netgraph.load(path, today="2026-02-01")
    assert sorted(net.graph.nodes) == ["ann", "bob"]
    assert net.me is None


def test_overrides_beat_netgraph_toml(tmp_path):
    folder = shutil.copytree(sample_path(), tmp_path / "net")
    net = netgraph.load(folder, today="2027-01-01", targets=["Meridian Pharma"], me="Stan Whitfield")
    assert net.today.isoformat() == "2027-01-01"
    assert net.targets == ["Meridian Pharma"]
    assert net.graph.nodes[net.me]["name"] == "Stan Whitfield"


def test_unrecognised_files_are_listed_not_read(tmp_path):
    folder = shutil.copytree(sample_path(), tmp_path / "net")
    (folder / "README.txt").write_text("my notes")
    (folder / ".hidden.csv").write_text("garbage")
    net = netgraph.load(folder)
    ignored = [f for f in net.report.files if f.kind == "ignored"]
    assert [f.file.endswith("README.txt") for f in ignored] == [True]


def test_unknown_target_is_noted(tmp_path):
    net = netgraph.load(targets=["Nowhere Corp"])
    assert net.targets == ["Nowhere Corp"]
    assert any("Nowhere Corp" in note for f in net.report.files for note in f.notes)


def test_missing_and_empty_paths(tmp_path):
    with pytest.raises(netgraph.NetgraphError, match="no such file"):
        netgraph.load(tmp_path / "absent")
    with pytest.raises(netgraph.NetgraphError, match="no network files"):
        netgraph.load(tmp_path)


def test_identity_is_explainable(demo):
    records = demo.explain_identity("Jane Jones")
    assert {"me", "people"} <= set(records["source"]) and len(set(records["source"])) > 2
    mary = demo.explain_identity("Mary Lee")
    assert {"linkedin", "vcard", "mbox", "people"} <= set(mary["source"])
    assert mary["rule"].iloc[0] == "new" and set(mary["rule"].iloc[1:]) <= {"same e-mail", "same profile URL",
                                                                           "same name"}
    assert demo.find("priya.raman@novagen.com") == demo.find("Priya Raman")
    with pytest.raises(netgraph.NetgraphError, match="could be any of 2"):
        demo.find("David Chen")


@pytest.mark.slow
def test_a_misspelt_me_is_a_warning_not_a_new_person():
    net = netgraph.load(me="Jane Jone")
    assert net.graph.number_of_nodes() == netgraph.load().graph.number_of_nodes()
    [problem] = [p for p in net.report.problems if p.file == "<owner>"]
    assert "me is 'Jane Jone'" in problem.reason and "'Jane Jones'" in problem.reason and not problem.skipped
    assert not [p for p in netgraph.load(me="jane jones").report.problems if p.file == "<owner>"]
