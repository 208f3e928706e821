"""Who knows whom from a calendar and a mailbox: inferred ties, their evidence and confidence."""

from __future__ import annotations

import pandas as pd
import pytest

import netgraph
from netgraph.model.evidence import EvidenceModel, infer_ties, mail_introductions, pair_features

ME = "Mia Novak <mia@example.org>"


def _event(uid, start, organizer, attendees, rule="", tentative=()):
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{start}", f"DTSTART:{start}", "DURATION:PT1H",
             f"SUMMARY:{uid}", f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}"]
    for name, address in attendees:
        status = "TENTATIVE" if name in tentative else "ACCEPTED"
        lines.append(f"ATTENDEE;CN={name};PARTSTAT={status}:mailto:{address}")
    if rule:
        lines.append(f"RRULE:{rule}")
    return lines + ["END:VEVENT"]


def _person(i):
    return (f"Guest {chr(65 + i // 26)}{chr(65 + i % 26)}", f"guest{i}@meetup.example")


COACH = ("Carla Coach", "carla@coaching.example")
MIA = ("Mia Novak", "mia@example.org")
FORMER = [("Ann Old", "ann@initech.example"), ("Bob Old", "bob@initech.example"), ("Cy Old", "cy@initech.example"),
          ("Di Old", "di@initech.example")]


@pytest.fixture
def folder(tmp_path):
    crowd = [_person(i) for i in range(28)]
    events = (_event("coaching", "20260105T090000Z", COACH, [MIA], "FREQ=WEEKLY;COUNT=40")
              + _event("meetup", "20250915T180000Z", crowd[0], [MIA, *crowd[1:]], "FREQ=MONTHLY;COUNT=14",
                       tentative=[crowd[5][0]])
              + _event("farewell", "20250612T120000Z", FORMER[0], [MIA, *FORMER[1:]]))
    (tmp_path / "calendar.ics").write_text("\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                                                        *events, "END:VCALENDAR", ""]))
    mails = [("Ann Old <ann@initech.example>", "Mia Novak <mia@example.org>",
              "Bob Old <bob@initech.example>", "Thu, 03 Jul 2025 10:00:00 +0000", "<m1@x>", ""),
             ("Mia Novak <mia@example.org>", "Ann Old <ann@initech.example>",
              "Bob Old <bob@initech.example>, Cy Old <cy@initech.example>", "Fri, 04 Jul 2025 10:00:00 +0000",
              "<m2@x>", "<m1@x>"),
             ("Eve Link <eve@agency.example>", "Mia Novak <mia@example.org>, Finn New <finn@pharma.example>", "",
              "Mon, 06 Oct 2025 09:00:00 +0000", "<m3@x>", "")]
    box = []
    for sender, to, cc, date, mid, reply in mails:
        box += [f"From x@y {pd.Timestamp(date):%a %b %d %H:%M:%S %Y}", f"From: {sender}", f"To: {to}"]
        box += ([f"Cc: {cc}"] if cc else []) + [f"Date: {date}", f"Message-ID: {mid}"]
        box += ([f"In-Reply-To: {reply}"] if reply else []) + ["Subject: hello", "", "body", ""]
    (tmp_path / "mail.mbox").write_text("\n".join(box))
    (tmp_path / "netgraph.toml").write_text('me = "Mia Novak"\nemails = ["mia@example.org"]\ntoday = "2026-11-01"\n')
    return tmp_path


def test_a_calendar_and_a_mailbox_link_who_met_and_who_was_copied(folder):
    net = netgraph.load(folder)
    G = net.graph
    ann, bob, cy, di = (net.find(name) for name, _ in FORMER)
    # the farewell lunch and the copied mails: former colleagues know each other, with reasons in words
    assert G[bob][cy]["basis"] == "inferred" and 0.3 <= G[bob][cy]["confidence"] < 1
    assert "both on one of your messages" in G[bob][cy]["evidence"]
    assert "both at one of your meetings" in G[cy][di]["evidence"]
    assert G[ann][bob]["basis"] == "observed"  # Ann wrote to Bob on a message Mia has
    assert G[bob][cy]["confidence"] > G[cy][di]["confidence"]  # two shared occasions beat one
    ties = netgraph.who_knows_whom(G)
    assert ties["confidence"].is_monotonic_decreasing
    assert {"Bob Old", "Cy Old"} == set(ties.loc[(ties["a"] == "Bob Old") & (ties["b"] == "Cy Old"), ["a", "b"]]
                                         .iloc[0])
    # 28 people at a monthly meetup are no evidence that they all know each other
    guests = [net.find(_person(i)[0]) for i in range(1, 28)]
    assert not G.has_edge(guests[1], guests[2])


def test_the_introduction_mail_is_an_introduction(folder):
    net = netgraph.load(folder)
    intro = [i for i in net.graph.graph["introductions"] if i["introduced"] == net.find("Finn New")]
    assert intro and intro[0]["introducer"] == net.find("Eve Link") and intro[0]["status"] == "made"


@pytest.mark.parametrize("connected, introduced", [(None, True), ("2020-11-11", False), ("2025-04-03", True),
                                                    ("2025-04-04", True)])
def test_copying_a_connection_of_mine_is_no_introduction(connected, introduced):
    """Tomas writes to me and copies Hannah: an introduction only if I did not know Hannah before that day."""
    x = pd.DataFrame({"date": pd.to_datetime(["2025-04-03 12:00"] * 2), "from": ["tomas", "tomas"],
                      "to": ["me", "hannah"], "channel": "email", "message_id": "m1", "recipients": 2.0,
                      "mailing_list": ""})
    known = pd.Series(pd.to_datetime([connected]), index=["hannah"]) if connected else None
    found = mail_introductions(x, "me", bulk=300, known_since=known)
    assert (found["introduced"].tolist() == ["hannah"]) == introduced


def test_meetings_are_mutual_and_weighted_by_their_size(folder):
    net = netgraph.load(folder)
    G, me = net.graph, net.me
    coach = net.find("Carla Coach")
    state = netgraph.relationship_state(G).set_index("contact")
    assert state.loc["Carla Coach", "layer"] in (5, 15) and G[me][coach]["strength"] > 0.5
    assert state.loc["Carla Coach", "status"] == "balanced"  # 40 sessions given: nobody owes anybody
    layers = netgraph.dunbar_layers(G)
    tentative = net.find(_person(5)[0])
    assert layers.get(tentative, 0) not in (5, 15)
    assert (layers == 5).sum() <= 1  # a sparse network has (nearly) empty inner layers
    reciprocity = netgraph.reciprocity(G)
    assert reciprocity.attrs["weighted_reciprocity"] > 0.5  # meetings do not distort reciprocity


def test_features_and_confidence_order():
    x = pd.DataFrame({"date": pd.to_datetime(["2025-01-01"] * 5 + ["2025-02-01"] * 3),
                      "from": ["a", "a", "a", "me", "me", "b", "b", "b"],
                      "to": ["me", "b", "c", "b", "c", "me", "c", "d"],
                      "channel": "email", "message_id": ["m1"] * 3 + ["m2"] * 2 + ["m3"] * 3,
                      "in_reply_to": "", "recipients": [3, 3, 3, 2, 2, 3, 3, 3], "mailing_list": ""})
    f = pair_features(x, "me", bulk=10)
    assert f.loc[("a", "b"), "direct"] == 1 and f.loc[("b", "c"), "messages"] == 3
    people = pd.DataFrame({"company": ["", "", "", "", ""], "past_companies": [[]] * 5, "email": [[]] * 5},
                          index=["me", "a", "b", "c", "d"])
    found = infer_ties(people, x, "me", bulk=10, min_confidence=0)
    assert found.loc[("a", "b"), "basis"] == "observed" and found.loc[("a", "b"), "confidence"] == 1.0
    assert found.loc[("b", "c"), "confidence"] > found.loc[("c", "d"), "confidence"] > 0
    # b, c and d were new to me on messages that copied me: each is an introduction by the sender
    intros = mail_introductions(x, "me", bulk=10)
    assert list(zip(intros["introducer"], intros["introduced"])) == [("a", "b"), ("a", "c"), ("b", "d")]


def test_a_shared_employer_alone_is_below_the_floor():
    people = pd.DataFrame({"company": ["", "Initech", "Initech"], "past_companies": [[]] * 3, "email": [[]] * 3},
                          index=["me", "a", "b"])
    x = pd.DataFrame(columns=["date", "from", "to", "channel", "message_id", "in_reply_to", "recipients",
                              "mailing_list"])
    found = infer_ties(people, x, "me", bulk=10, min_confidence=0)
    assert found.loc[("a", "b"), "confidence"] == pytest.approx(EvidenceModel().employer)
    assert found.loc[("a", "b"), "evidence"] == "both at Initech"
    assert infer_ties(people, x, "me", bulk=10).empty


@pytest.mark.parametrize("model", [EvidenceModel(), EvidenceModel(employer=0.2, past_employer=0.2, crowd=2),
                                   EvidenceModel(employer=0.4), EvidenceModel(past_employer=0.35)])
def test_pairs_left_unlisted_are_those_below_the_floor(model):
    """Pairs sharing only employers are listed only when they could reach the floor: what the floor keeps is
    what every pair, all listed (min_confidence=0), would give above it."""
    net = netgraph.synth.network(300, seed=3, scope="all", mean_degree=4, interactions_per_tie=1.0).build()
    people, x = net.people, net.interactions.assign(message_id="", in_reply_to="", mailing_list="")
    everything = infer_ties(people, x, net.me, bulk=10, model=model, min_confidence=0)
    kept = infer_ties(people, x, net.me, bulk=10, model=model)
    assert (everything["confidence"] < model.min_confidence).any() and len(kept)
    pd.testing.assert_frame_equal(kept, everything[everything["confidence"] >= model.min_confidence])
