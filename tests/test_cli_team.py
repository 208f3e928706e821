"""The team commands: share, team, paths --team, who --at [--team]."""

from __future__ import annotations

import json

from netgraph.cli import main
from netgraph.datasets.team import team_path
from netgraph.io.share import read_share

TEAM = str(team_path())


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_paths_team_names_the_member_to_ask(capsys):
    status, out, err = run(capsys, "paths", "--to", "Novagen", "--team", "--data", TEAM, "--top", "3")
    assert status == 0 and not err
    assert out.startswith("Paths to Novagen, from the team:")
    assert out.count(": ask ") == 3 and "Aisha Khan knows Mary Lee" in out


def test_paths_team_json(capsys):
    status, out, _ = run(capsys, "paths", "--to", "Novagen", "--team", "--data", TEAM, "--json")
    records = json.loads(out)
    assert status == 0 and len(records) == 5
    assert all(r["path"][0] == r["member"] and r["advice"].endswith(r["member"].split()[0]) for r in records)


def test_team_summary(capsys):
    status, out, _ = run(capsys, "team", "--data", TEAM)
    assert status == 0
    assert "Team of 3" in out and "Altamira Biologics hangs on Nina Alvarez alone." in out
    status, out, _ = run(capsys, "team", "--data", TEAM, "--json")
    data = json.loads(out)
    assert [c["target"] for c in data["coverage"]] == ["Novagen", "Helix Therapeutics", "Meridian Pharma",
                                                       "Altamira Biologics"]
    assert len(data["overlap"]) == 3


def test_who_at(capsys):
    status, out, _ = run(capsys, "who", "--at", "Novagen", "--team", "--data", TEAM, "--json")
    records = json.loads(out)
    assert status == 0 and records[0]["person"] == "Mary Lee" and records[0]["member"] == "Aisha Khan"
    status, out, _ = run(capsys, "who", "--at", "Helix")
    assert status == 0 and "Diane Okafor" in out
    status, _, err = run(capsys, "who", "--at", "Nowhere Ltd")
    assert status == 2 and err.count("\n") == 1
    status, out, _ = run(capsys, "who", "--at", "Novagen", "--title", "marketing", "--location", "Boston")
    assert status == 0 and "Daniel Weber" in out and "You asked Mary Lee" in out and "Lisa Scott" not in out
    status, out, _ = run(capsys, "who", "--at", "Novagen", "--top", "2", "--json")
    assert len(json.loads(out)) == 2 and {"open_loops", "also", "tie", "location"} <= set(json.loads(out)[0])


def test_share_writes_a_share_file(capsys, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("our team secret\n")
    out = tmp_path / "jane.netshare"
    status, _, err = run(capsys, "share", "--out", str(out), "--secret-file", str(secret), "--exclude", "Novagen",
                         "--exclude", "Stan Whitfield", "--min-strength", "0.05")
    assert status == 0 and "wrote" in err
    share = read_share(out)
    assert share.member["name"] == "Jane Jones" and share.key_check
    assert not {"Stan Whitfield", "Mary Lee"} & {p["name"] for p in share.people}
    assert all(t["strength"] >= 0.05 for t in share.ties)


def test_share_without_a_secret_says_so(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("NETGRAPH_TEAM_SECRET", raising=False)
    status, _, err = run(capsys, "share", "--out", str(tmp_path / "j.netshare"))
    assert status == 0 and "no team secret" in err
    assert "email_keys" not in (tmp_path / "j.netshare").read_text()


def test_share_refuses_bad_options(capsys, tmp_path):
    status, _, err = run(capsys, "share", "--out", str(tmp_path / "j.netshare"), "--min-strength", "2")
    assert status == 2 and "strength from 0 to 1" in err
    status, _, err = run(capsys, "share", "--out", str(tmp_path / "j.netshare"), "--exclude", "Nobody Atall")
    assert status == 2 and "names no company or person" in err


def test_a_team_network_is_never_shared_on(capsys, tmp_path):
    status, _, err = run(capsys, "share", "--data", TEAM, "--out", str(tmp_path / "all.netshare"))
    assert status == 2 and "a team's network" in err and err.count("\n") == 1
    assert not (tmp_path / "all.netshare").exists()
