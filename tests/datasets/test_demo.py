"""The demo network: what the issue asks of it, and that data/sample is the generator's output."""

from __future__ import annotations

import filecmp
from collections import Counter
from pathlib import Path

import icalendar
import pandas as pd
import pytest

import netgraph
from netgraph.datasets import demo as demo_module
from netgraph.io.load import sample_path
from netgraph.io.sources.linkedin import read_linkedin_messages
from netgraph.io.sources.mbox import read_mbox

ROOT = Path(__file__).resolve().parents[2]


def test_data_sample_is_the_bundled_copy():
    assert (ROOT / "data" / "sample").resolve() == sample_path().resolve()


def test_sample_files_are_what_the_generator_writes(tmp_path):
    demo_module.main([str(tmp_path)])
    names = sorted(p.name for p in sample_path().iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    assert {"Connections.csv", "messages.csv", "Invitations.csv", "Recommendations_Received.csv",
            "Recommendations_Given.csv", "Endorsement_Received_Info.csv", "Endorsement_Given_Info.csv",
            "contacts.vcf", "mail.mbox", "calendar.ics"} <= set(names)
    match, mismatch, errors = filecmp.cmpfiles(sample_path(), tmp_path, names, shallow=False)
    assert not mismatch and not errors, "regenerate with: python -m netgraph.datasets.demo src/netgraph/datasets/sample"


def test_real_exports_give_the_same_network_as_the_canonical_tables(demo):
    """Every importer and identity rule together: the exports load to exactly the story's graph."""
    truth = demo_module.jane().build()
    G, T = demo.graph, truth.graph
    assert (G.number_of_nodes(), G.number_of_edges(), len(demo.interactions)) == (
        T.number_of_nodes(), T.number_of_edges(), len(truth.interactions))
    keys = {}
    for n, d in G.nodes(data=True):
        for key in [*d.get("emails", []), d.get("linkedin_url", "")]:
            keys[key.lower()] = n
    mapping = {}
    for n, d in T.nodes(data=True):
        found = [keys[k.lower()] for k in [*d.get("emails", []), d.get("linkedin_url", "")] if k.lower() in keys]
        mapping[n] = found[0]
    assert len(set(mapping.values())) == T.number_of_nodes()
    for u, v, d in T.edges(data=True):
        e = G[mapping[u]][mapping[v]]
        assert [e.get(k, 0) for k in ("sent", "asks", "gives")] == [d.get(k, 0) for k in ("sent", "asks", "gives")]
        assert e["strength"] == pytest.approx(d["strength"], abs=1e-12)
    rules = set(demo.identity["rule"])
    assert {"same e-mail", "same profile URL", "same name"} <= rules
    sources = set(demo.identity["source"])
    assert {"linkedin", "vcard", "mbox", "ics", "people", "reference"} <= sources
    assert demo.report.ok and not [p for p in demo.report.problems if p.skipped]


def test_the_story(demo):
    G, people = demo.graph, demo.people
    assert G.number_of_nodes() >= 200
    assert people["company"].replace("", None).dropna().nunique() >= 25
    assert len(demo.interactions) >= 2000
    span = demo.interactions["date"].max() - demo.interactions["date"].min()
    assert span.days >= 3 * 365
    me = demo.me
    others = G.to_undirected(as_view=True).subgraph(n for n in G if n != me)
    assert others.number_of_edges() >= 300
    assert len(demo.introductions) >= 10
    never_told = [i for i in G.graph["introductions"] if i["status"] == "met" and "updated_introducer_on" not in i]
    assert never_told
    mark = demo.find("Mark Delaney")
    assert G[mark][me]["sent"] >= 3 and G[me][mark]["sent"] == 0
    weekly = [v for v, d in G[me].items() if d["interactions_year"] >= 40]
    assert len(weekly) >= 2
    diane = demo.find("Diane Okafor")
    assert G[me][diane]["peak"] > 0.6 and (demo.today - max(G[me][diane]["last"], G[diane][me]["last"])).days > 365
    priya = demo.find("Priya Raman")
    assert priya in G[me] and G[me][priya]["introduced_by"] == demo.find("Stan Whitfield")
    assert len(people[people["name"] == "David Chen"]) == 2


def test_main_writes_canonical_tables_on_request(tmp_path, demo):
    assert demo_module.main(["--canonical", str(tmp_path / "jane")]) == 0
    assert sorted(p.name for p in (tmp_path / "jane").iterdir()) == [
        "companies.csv", "interactions.csv", "introductions.csv", "netgraph.toml", "people.csv", "ties.csv"]
    assert netgraph.load(tmp_path / "jane").graph.number_of_edges() == demo.graph.number_of_edges()
    assert demo_module.main([]) == 2


JANE = ("jane.jones@example.com", "jane.jones@orchidhealth.com")


def test_ties_are_the_few_a_user_would_type():
    ties = pd.read_csv(sample_path() / "ties.csv", dtype=str, keep_default_na=False)
    assert 0 < len(ties) <= 40
    assert (ties["note"] != "").all()  # each one says what Jane knows: "my old boss", "Mary reports to Daniel"


def test_her_mailbox_shows_who_knows_whom():
    mail = read_mbox(sample_path() / "mail.mbox", me="Jane Jones", emails=JANE)
    messages = mail.groupby("message_id").agg(recipients=("to", "size"), me=("to", lambda t: (t == "me").any()),
                                              sender=("from", "first"))
    copied = messages[messages["me"] & (messages["recipients"] >= 3) & (messages["sender"] != "me")]
    assert len(copied) >= 20  # former colleagues and friends, several to a message
    threads = mail[mail["in_reply_to"] != ""].drop_duplicates("message_id")
    assert len(threads.merge(copied, left_on="in_reply_to", right_index=True)) >= 10  # and answering all
    text = (sample_path() / "mail.mbox").read_text(encoding="utf-8")
    assert text.count("\nCc: ") >= 10 and text.count("\nReferences: ") >= 10
    # "meet X": a friend writes to me and someone new at once, and the new person answers
    stan = mail[mail["from"].str.contains("stan.whitfield@")].groupby("message_id")["to"].agg(set)
    assert any(len(to) == 2 and "me" in to and any("priya.raman@" in t for t in to) for to in stan)


def test_her_calendar_has_group_meetings_with_answers():
    calendar = icalendar.Calendar.from_ical((sample_path() / "calendar.ics").read_bytes())
    events = calendar.walk("VEVENT")
    answers = Counter(str(a.params["PARTSTAT"]) for e in events for a in _listed(e.get("ATTENDEE")))
    assert answers["TENTATIVE"] >= 5 and answers["DECLINED"] >= 5
    by_title = {str(e["SUMMARY"]): e for e in events if "RECURRENCE-ID" not in e}
    assert "FREQ=MONTHLY" in by_title["Boston Pharma Marketing Forum"]["RRULE"].to_ical().decode()
    assert len(_listed(by_title["Farewell lunch for Jane"]["ATTENDEE"])) >= 8
    coach = by_title["Coaching session"]
    assert coach["RRULE"]["FREQ"] == ["WEEKLY"] and len(_listed(coach["ATTENDEE"])) == 2


def test_her_linkedin_messages_hold_group_conversations():
    messages = read_linkedin_messages(sample_path() / "messages.csv", me="Jane Jones")
    assert (messages["recipients"] >= 5).sum() >= 50
    raw = pd.read_csv(sample_path() / "messages.csv", dtype=str, keep_default_na=False)
    groups = raw[raw["RECIPIENT PROFILE URLS"].str.contains(",")]
    assert groups["CONVERSATION ID"].nunique() >= 4 and groups["FROM"].nunique() >= 10
    assert raw["CONVERSATION ID"].str.match(r"^2-[A-Za-z0-9+/]+$").all()


def test_who_knows_whom_comes_from_the_exports(demo):
    """Her few typed ties are not what holds the network together: the exports are."""
    ties = netgraph.who_knows_whom(demo.graph)
    assert len(ties) >= 300 and set(ties["basis"]) >= {"observed", "inferred", "declared"}
    assert (ties["basis"] == "declared").sum() <= 40 and (ties["evidence"] != "").all()
    summary = netgraph.summary(demo.graph)
    assert summary["clusters"] <= 30  # former colleagues at each employer, friends, the forum, the targets...
    labels = {c["label"] for c in summary.to_dict()["largest_clusters"]}
    assert {"Orchid Health", "Kestrel Media"} <= labels


def test_paths_to_both_targets_cite_their_evidence(demo):
    for target in ("Novagen", "Helix Therapeutics"):
        paths = netgraph.intro_paths(demo.graph, target, max_hops=3, top=3).to_dict()
        assert paths, target
        assert all(hop["why"] for path in paths for hop in path["hops"])


def _listed(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]
