"""Follow-ups: introducers to update, calls to return, close ties gone quiet, reconnections."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import netgraph
from netgraph.analysis.follow_ups import KINDS, follow_ups
from netgraph.analysis.layers import dunbar_layers


def test_demo_follow_ups(demo):
    todo = follow_ups(demo.graph)
    assert list(todo.columns) == ["contact", "node", "action", "why", "due", "overdue_days", "kind"]
    kinds = todo["kind"].tolist()
    assert kinds == sorted(kinds, key=list(KINDS).index)
    stan = todo[(todo["contact"] == "Stan Whitfield") & (todo["kind"] == "update the introducer")]
    assert "Omar Hassan" in stan["why"].iloc[0] and stan["action"].iloc[0] == "Tell Stan Whitfield how it went with " \
        "Omar Hassan"
    assert stan["due"].iloc[0] == dt.date(2026, 10, 2) and stan["overdue_days"].iloc[0] == 30
    mark = todo[todo["contact"] == "Mark Delaney"].iloc[0]
    assert mark["kind"] == "reply"
    assert "3 times since October 8, the last a call 5 days ago" in mark["why"]  # his invitation asked nothing
    assert mark["due"] == demo.graph[demo.find("Mark Delaney")][demo.me]["waiting_since"] + dt.timedelta(days=7)
    mary = todo[todo["contact"] == "Mary Lee"].iloc[0]
    assert mary["kind"] == "nudge" and mary["action"] == "Nudge Mary Lee about Daniel Weber (asked October 20)"
    assert 1 <= (todo["kind"] == "reconnect").sum() <= 3  # the best dormant ties, at most `top`
    assert "Diane Okafor" in set(todo.loc[todo["kind"] == "reconnect", "contact"])
    assert todo["node"].is_unique
    told = todo[todo["kind"] == "update the introducer"]["why"]
    assert not any("Priya Raman" in w for w in told)  # Stan was told how the Priya introduction went


def test_close_ties_going_quiet_follow_their_layer():
    people = pd.DataFrame({"name": ["Me Myself", "Close Friend"], "closeness": ["", "5"]})
    dates = pd.date_range("2025-01-01", "2026-09-01", freq="7D")
    interactions = pd.DataFrame({"date": dates, "from": "me", "to": "Close Friend", "channel": "meeting"})
    back = interactions.rename(columns={"from": "to", "to": "from"})
    G = netgraph.build_graph(people, pd.concat([interactions, back]), me="Me Myself", today="2026-11-01")
    assert dunbar_layers(G)["close-friend"] == 5
    todo = follow_ups(G)
    quiet = todo[todo["kind"] == "keep in touch"].iloc[0]
    last = dates[-1].date()
    assert quiet["due"] == last + dt.timedelta(days=7)
    assert quiet["overdue_days"] == (dt.date(2026, 11, 1) - last).days - 7
    assert "every week" in quiet["why"]


def test_layers_of_the_demo(demo):
    layers = dunbar_layers(demo.graph)
    assert (layers == 5).sum() == 5 and (layers == 15).sum() == 10
    assert layers[demo.find("Emma Clarke")] == 5


def test_a_tie_kept_up_from_their_side_only_is_no_layer():
    people = pd.DataFrame({"name": ["Me Myself", "Newsletter Team", "Real Friend", "Old Card"],
                           "closeness": ["", "", "", "5"]})
    dates = pd.date_range("2026-06-01", "2026-10-30", freq="3D")
    inbound = pd.DataFrame({"date": dates, "from": "Newsletter Team", "to": "me", "channel": "email"})
    friend = pd.DataFrame({"date": dates[::4], "from": "me", "to": "Real Friend", "channel": "email"})
    G = netgraph.build_graph(people, pd.concat([inbound, friend]), me="Me Myself", today="2026-11-01")
    assert G["me-myself"]["newsletter-team"]["strength"] > G["me-myself"]["real-friend"]["strength"] > 0.1
    layers = dunbar_layers(G)
    # a friend written to every twelve days (0.31): a layer by absolute strength, not the top rank
    assert layers["newsletter-team"] == 0 and layers["real-friend"] == 50
    assert layers["old-card"] == 5  # declared close, no contact recorded either way: kept
    assert layers.index.tolist()[-1] == "newsletter-team"
    assert "Newsletter Team" not in set(follow_ups(G)["contact"][follow_ups(G)["kind"] == "keep in touch"])
