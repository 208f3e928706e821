"""netgraph.load: folders, single files, netgraph.toml, overrides, the report."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import netgraph
from netgraph import NetgraphError
from netgraph.cli import main
from netgraph.io.load import sample_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


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


# ---------------------------------------------------------------------------------------------
# What a folder holds besides files netgraph reads (issue 13, points 2, 7 and 15)


def _folder(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "people.csv").write_text("name,email\nAnn Berg,ann@x.example\n")
    return folder


def test_a_fifo_and_a_link_to_dev_zero_are_reported_not_read(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.csv")  # reading it would wait for a writer forever
    (folder / "zero.vcf").symlink_to("/dev/zero")  # reading it would never end
    net = netgraph.load(folder)
    reasons = {Path(p.file).name: p.reason for p in net.report.problems}
    assert reasons["pipe.csv"] == "a FIFO (named pipe), not a regular file: not read"
    assert reasons["zero.vcf"] == "a device, not a regular file: not read"
    assert net.report.ok and "Ann Berg" in set(net.people["name"])


def test_netgraph_toml_that_is_a_fifo_or_dev_zero_is_one_clear_error(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "netgraph.toml")
    with pytest.raises(NetgraphError, match=r"netgraph.toml: is a FIFO \(named pipe\), expected a file"):
        netgraph.load(folder)
    (folder / "netgraph.toml").unlink()
    (folder / "netgraph.toml").symlink_to("/dev/zero")
    with pytest.raises(NetgraphError, match="netgraph.toml: is a device, expected a file"):
        netgraph.load(folder)


def test_a_folder_read_at_its_top_level_only(tmp_path):
    (tmp_path / "people.csv").write_text("name\nMe Myself\nAnn Lee\n")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "people.csv").write_text("name\nBob Old\n")
    assert "bob-old" in netgraph.load(tmp_path, me="Me Myself").graph
    top = netgraph.load(tmp_path, me="Me Myself", recursive=False)
    assert sorted(top.graph) == ["ann-lee", "me-myself"] and len(top.report.files) == 2  # people.csv, <owner>


def test_a_folder_1100_levels_deep_is_walked(tmp_path):
    folder = _folder(tmp_path)
    try:
        _nest(folder, 1100, "companies.csv", "name,domains\nDeep Industries,deep.example\n")
        net = netgraph.load(folder)
        assert net.report.ok
        [deepest] = [f for f in net.report.files if f.file.endswith("companies.csv")]
        assert Path(deepest.file).parts.count("d") == 1100 and deepest.loaded == 1
    finally:
        _unnest(folder)


def _nest(folder: Path, depth: int, name: str, text: str) -> None:
    """``folder/d/d/.../d/name``, ``depth`` levels deep, made level by level from a descriptor
    (os.makedirs recurses once a level)."""
    here = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=here)
            deeper = os.open("d", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = deeper
        with open(os.open(name, os.O_WRONLY | os.O_CREAT, dir_fd=here), "w") as out:
            out.write(text)
    finally:
        os.close(here)


def _unnest(folder: Path) -> None:
    """Undo :func:`_nest` level by level, from the top: shutil.rmtree (and pytest's clean-up of old
    temporary folders, which other test runs on this machine share) would recurse a level a call."""
    while (folder / "d" / "d").is_dir():
        os.rename(folder / "d" / "d", folder / "next")
        os.rmdir(folder / "d")
        os.rename(folder / "next", folder / "d")


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "ties.csv").write_text("a,b\nann@x.example,bob@x.example\n")
    scandir = os.scandir

    def refuse(path):  # the tests run as root, whom chmod does not stop
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    net = netgraph.load(folder)
    [problem] = [p for p in net.report.problems if p.file.endswith("locked")]
    assert problem.reason == "a folder that cannot be read (Permission denied): its files are not read"
    assert net.report.ok


def test_a_file_name_that_is_not_utf8_is_escaped_in_every_output(tmp_path, capsys):
    folder = _folder(tmp_path)
    with open(os.fsencode(folder) + b"/caf\xe9.csv", "w") as out:  # a Latin-1 name, as old systems write
        out.write("name,email\nCafe Person,cafe@x.example\n")
    assert main(["summary", "--data", str(folder), "--json"]) == 0
    text = capsys.readouterr().out
    files = [f["file"] for f in json.loads(text)["import"]]
    assert str(folder / "caf\\xe9.csv") in files
    text.encode("utf-8")  # no lone surrogate: valid UTF-8 JSON


def test_a_file_netgraph_does_not_read_is_named_with_the_formats_it_reads(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("call Ann on Monday\n")
    with pytest.raises(NetgraphError) as error:
        netgraph.load(path)
    message = str(error.value)
    assert message.startswith(f"{path}: not a format netgraph reads; it reads LinkedIn exports")
    assert "vCard .vcf" in message and "\n" not in message
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("call Ann\n")
    with pytest.raises(NetgraphError, match=r"no network files here: notes.txt is in no format netgraph reads"):
        netgraph.load(folder)


def test_linkedin_endorsements_alone_belong_to_the_exports_owner(tmp_path):
    """Endorsements and recommendations say "me" for the owner and never name them: one owner node, not
    every record skipped."""
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("Endorsement_Received_Info.csv", "Recommendations_Given.csv"):
        shutil.copy(FIXTURES / "linkedin" / name, folder / name)
    net = netgraph.load(folder, today="2026-11-01")
    assert net.report.ok and net.me is not None
    assert net.graph.nodes[net.me]["name"] == "Me"
    assert not [p for p in net.report.problems if "nobody is set as me" in p.reason]
    assert any("never name them: the owner is 'Me' until named" in note for f in net.report.files for note in f.notes)
    named = netgraph.load(folder, me="Jane Jones", today="2026-11-01")
    assert named.graph.nodes[named.me]["name"] == "Jane Jones"
    assert len(named.interactions) == len(net.interactions)
