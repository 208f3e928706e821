"""netgraph.datasets.starter: a small network in real export formats, loaded whole."""

from __future__ import annotations

import netgraph
from netgraph.datasets.starter import EMAILS, ME, TARGETS, TODAY, write_starter


def test_the_starter_folder_loads_every_record(tmp_path):
    folder = write_starter(tmp_path / "my-exports")
    net = netgraph.load(folder, me=ME, emails=EMAILS, today=TODAY, targets=TARGETS)
    report = net.report.to_frame()
    names = {p.rsplit("/", 1)[-1] for p in report["file"]}
    assert {"Connections.csv", "messages.csv", "Invitations.csv", "contacts.vcf", "calendar.ics", "companies.csv",
            "All mail Including Spam and Trash.mbox"} <= names
    assert report["skipped"].sum() == 0 and report["warnings"].sum() == 0
    assert (report["read"] == report["loaded"]).all()
    assert net.graph.nodes[net.me]["name"] == ME


def test_the_starter_network_has_something_to_do_and_someone_at_the_target(tmp_path):
    net = netgraph.load(write_starter(tmp_path), me=ME, emails=EMAILS, today=TODAY, targets=TARGETS)
    sheet = netgraph.contacts(net.graph).set_index("contact")
    assert sheet.at["Jordan Lee", "action"] == "reply"  # a friend waiting three weeks for an answer
    assert sheet.at["Tom Baker", "action"] == "reconnect"  # a mentor, close once, quiet for two years
    assert "Lumen Robotics" in sheet.at["Maria Gomez", "reaches"]  # known on LinkedIn only
    shortlist = netgraph.who_at(net.graph, "Lumen Robotics")
    assert {"Maria Gomez", "Priya Shah"} <= set(shortlist["person"])  # Priya by her address's domain


def test_the_starter_is_the_same_every_time(tmp_path):
    first, second = write_starter(tmp_path / "a"), write_starter(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
