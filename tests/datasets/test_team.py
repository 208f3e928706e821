"""The demo team: its share files are the generator's output, and hold nothing private of any member."""

from __future__ import annotations

import csv
import filecmp
import json
import re
from pathlib import Path

import pytest

import netgraph
from netgraph.datasets.team import TARGETS, team_path, write_team
from netgraph.io.share import FORMAT

SHARES = sorted(team_path().glob("*.netshare"))
ADDRESS = re.compile(rb"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(rb"\+?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}")
DAY = re.compile(rb"\d{4}-\d{2}-\d{2}")
#: The only records a share holds, and the only fields each may have.
FIELDS = {
    None: {"format", "version", "as_of", "key_check"},
    "member": {"kind", "name", "title", "linkedin_url", "email_keys", "employers"},
    "company": {"kind", "name", "aliases", "domains", "industry"},
    "person": {"kind", "id", "name", "company", "title", "linkedin_url", "email_keys"},
    "tie": {"kind", "a", "b", "strength", "basis", "confidence", "layer", "last_contact"},
}


def test_three_members_share_files():
    assert [p.name for p in SHARES] == ["aisha.netshare", "jane.netshare", "nina.netshare"]


@pytest.mark.parametrize("path", SHARES, ids=lambda p: p.stem)
def test_no_share_holds_an_address_a_phone_a_day_or_an_interaction(path):
    data = path.read_bytes()
    assert not ADDRESS.search(data), ADDRESS.search(data)
    assert not PHONE.search(data), PHONE.search(data)
    assert not DAY.search(data), DAY.search(data)
    lines = data.decode("utf-8").splitlines()
    assert json.loads(lines[0])["format"] == FORMAT
    for number, line in enumerate(lines, 1):
        record = json.loads(line)
        kind = record.get("kind")
        assert kind in FIELDS and set(record) <= FIELDS[kind], (number, record)


@pytest.mark.slow
def test_shares_are_the_generators_output_and_hold_nothing_of_the_raw_exports(tmp_path):
    exports = tmp_path / "exports"
    folder = write_team(tmp_path / "team", exports=exports)
    names = sorted(p.name for p in team_path().iterdir())
    assert names == sorted(p.name for p in folder.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(team_path(), folder, names, shallow=False)
    assert not mismatch and not errors, "regenerate with: python -m netgraph.datasets.team src/netgraph/datasets/team"

    secrets = _private_values([netgraph.sample_path(), *sorted(exports.iterdir())])
    assert len(secrets["address"]) > 200 and secrets["phone"] and secrets["message"]
    for path in SHARES:
        text = path.read_text(encoding="utf-8").casefold()
        for kind, values in secrets.items():
            leaked = [v for v in values if v.casefold() in text]
            assert not leaked, (path.name, kind, leaked[:3])


def _private_values(folders: list[Path]) -> dict[str, set[str]]:
    """Every address, phone number and message text (subject, body, note) in the members' raw exports."""
    found: dict[str, set[str]] = {"address": set(), "phone": set(), "message": set()}
    for folder in folders:
        for path in folder.iterdir():
            data = path.read_bytes()
            found["address"] |= {m.group().decode() for m in ADDRESS.finditer(data)}
            found["phone"] |= {m.group().decode() for m in PHONE.finditer(data)}
            text = data.decode("utf-8", errors="replace")
            found["message"] |= {m.strip() for m in re.findall(r"^(?:Subject|SUMMARY|DESCRIPTION):(.*)$", text, re.M)}
            if path.name in ("messages.csv", "interactions.csv", "ties.csv", "introductions.csv"):
                for row in csv.DictReader(text.splitlines()):
                    found["message"] |= {row.get(k, "") for k in ("CONTENT", "SUBJECT", "note")}
    # a word or two ("Meeting", "coffee") could be anyone's title; a message is longer
    found["message"] = {m for m in found["message"] if len(m) >= 12}
    return found


def test_the_team_folder_names_the_targets():
    net = netgraph.load(team_path())
    assert net.targets == TARGETS and net.graph.nodes[net.me]["name"] == "Jane Jones"
