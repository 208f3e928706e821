"""The on-disk cache of built networks: the same network back, a miss on any change, nothing but data read."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import sqlite3
import time
import zlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames, range_indexes

import netgraph
from netgraph.io import cache
from netgraph.io.load import load, sample_path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The cache folder of one test, and a copy of the demo aged past the racy window."""
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    data = tmp_path / "demo"
    shutil.copytree(sample_path(), data)
    _age(data)
    return data


def _age(data, seconds: float = 60):
    past = time.time() - seconds
    for file in data.rglob("*"):
        os.utime(file, (past, past))


def _same(x, y) -> bool:
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
        return True
    return type(x) is type(y) and x == y


def assert_same_network(a: netgraph.Network, b: netgraph.Network) -> None:
    G, H = a.graph, b.graph
    assert list(G) == list(H) and list(G.edges) == list(H.edges)
    assert all(list(G.pred[n]) == list(H.pred[n]) for n in G)  # the order algorithms break ties by
    for n in G:
        assert list(G.nodes[n]) == list(H.nodes[n])  # the keys in their order
        assert all(_same(G.nodes[n][k], H.nodes[n][k]) for k in G.nodes[n]), n
    for u, v, data in G.edges(data=True):
        assert list(data) == list(H[u][v])
        assert all(_same(data[k], H[u][v][k]) for k in data), (u, v)
    assert G.graph == H.graph
    for table in ("people", "interactions", "ties", "introductions", "companies"):
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))
    pd.testing.assert_frame_equal(a.report.merges, b.report.merges)
    assert [vars(f) for f in a.report.files] == [vars(f) for f in b.report.files]
    assert a.emails == b.emails


def test_the_second_load_is_the_first_network(folder):
    first = load(folder, cache=True)
    files = list((folder.parent / "cache").iterdir())
    assert len(files) == 1 and files[0].suffix == ".sqlite"
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"  # names and addresses: the owner's only
    second = load(folder, cache=True)
    assert second is not first
    assert_same_network(first, second)
    assert_same_network(load(folder), second)  # and the same as no cache at all
    assert second.find("Mary Lee") == first.find("Mary Lee")
    assert str(second.summary()) == str(first.summary())
    assert netgraph.contacts(second.graph).equals(netgraph.contacts(first.graph))


def test_any_change_to_the_inputs_or_options_is_a_miss(folder):
    load(folder, cache=True)
    cached = next((folder.parent / "cache").iterdir())
    people = folder / "people.csv"
    with people.open("a", encoding="utf-8") as out:
        out.write("zz-new,Zoe Newcomer,,,,,,,,\n")
    _age(folder)
    changed = load(folder, cache=True)
    assert "zz-new" in changed.graph
    assert not cached.exists()  # one file per data folder: the older one is gone
    assert load(folder, cache=True, today="2026-12-01").today == dt.date(2026, 12, 1)
    assert load(folder, cache=True, targets=["Novagen"]).targets == ["Novagen"]


def test_a_file_changed_within_the_racy_window_is_not_cached(folder):
    (folder / "netgraph.toml").touch()
    load(folder, cache=True)
    assert not (folder.parent / "cache").exists() or not any((folder.parent / "cache").iterdir())


def test_a_damaged_or_planted_cache_file_is_a_miss(folder):
    load(folder, cache=True)
    cached = next((folder.parent / "cache").iterdir())
    cached.write_bytes(b"SQLite format 3\0" + b"\xff" * 100)
    assert_same_network(load(folder, cache=True), load(folder))
    # a file whose document names a class off the allow-list builds nothing from it
    planted = zlib.compress(json.dumps({"$class": "Popen", "fields": {"args": "rm -rf ~"}}).encode())
    with sqlite3.connect(cached) as db:  # its digest made to match: only the allow-list stands in the way
        db.execute("UPDATE cache SET body = ?, digest = ? WHERE name = 'network'", (planted, cache._digest(planted)))
    db.close()
    assert_same_network(load(folder, cache=True), load(folder))
    # nor an array of objects (only pickle could build those)
    load(folder, cache=True)
    cached = next((folder.parent / "cache").iterdir())
    with sqlite3.connect(cached) as db:
        db.execute("UPDATE arrays SET dtype = '|O' WHERE id = 0")
    db.close()
    assert_same_network(load(folder, cache=True), load(folder))


def test_the_tables_are_read_back_when_asked_for_and_a_damaged_one_is_a_miss(folder):
    built = load(folder, cache=True)
    net = load(folder, cache=True)
    assert isinstance(net, netgraph.Network) and "interactions" not in vars(net)  # not decoded yet
    assert str(net.summary()) == str(built.summary())  # the graph alone
    pd.testing.assert_frame_equal(net.interactions, built.interactions)
    assert "interactions" in vars(net)
    cached = next((folder.parent / "cache").iterdir())
    with sqlite3.connect(cached) as db:  # one byte of a table changed: the digest says so when the file is opened
        body = db.execute("SELECT body FROM cache WHERE name = 'people'").fetchone()[0]
        db.execute("UPDATE cache SET body = ? WHERE name = 'people'", (body[:-1] + bytes([body[-1] ^ 1]),))
    db.close()
    assert_same_network(load(folder, cache=True), built)
    # a table made to deceive (its digest matching) is one clear error when read, never a wrong table
    planted = zlib.compress(b'{"$class": "Popen", "fields": {}}')
    load(folder, cache=True)
    with sqlite3.connect(cached) as db:
        db.execute("UPDATE cache SET body = ?, digest = ? WHERE name = 'people'", (planted, cache._digest(planted)))
    db.close()
    with pytest.raises(netgraph.NetgraphError, match="--no-cache"):
        _ = load(folder, cache=True).people


def test_the_command_caches_and_no_cache_builds_afresh(folder, capsys, monkeypatch):
    from netgraph.cli import main

    monkeypatch.chdir(folder)
    assert main(["summary", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(list((folder.parent / "cache").iterdir())) == 1
    assert main(["summary", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    shutil.rmtree(folder.parent / "cache")
    assert main(["summary", "--json", "--no-cache"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert not (folder.parent / "cache").exists()


def test_a_summary_from_the_cache_needs_no_pandas(folder):
    """A third of the second command's time would be importing pandas: the cached graph, the summary and the
    import report's line are read and printed without it (the tables, read when asked for, bring it)."""
    import subprocess
    import sys

    env = {**os.environ, cache.CACHE_VARIABLE: str(folder.parent / "cache")}
    script = ("import sys; from netgraph.cli import main; main(['summary', '--data', sys.argv[1]]); "
              "print('pandas' in sys.modules, file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", script, str(folder)], env=env, capture_output=True, text=True,
                           check=True) for _ in range(2)]
    assert runs[0].stderr.splitlines()[-1] == "True"  # built: the readers use it
    assert runs[1].stderr.splitlines()[-1] == "False" and runs[1].stdout == runs[0].stdout


def test_a_cache_folder_that_cannot_be_written_only_slows(folder, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(blocker / "cache"))
    assert load(folder, cache=True).graph.number_of_nodes() > 200


# -- the codec, on values of every kind the networks hold ----------------------------------------------------

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), st.floats(allow_nan=True),
                     st.text(max_size=8), st.dates(), st.datetimes(), st.just(pd.NaT),
                     st.builds(pd.Timestamp, st.datetimes(min_value=dt.datetime(1900, 1, 1))),
                     st.floats(allow_nan=False).map(np.float64), st.integers(-2**31, 2**31).map(np.int64))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
    st.dictionaries(st.one_of(st.text(max_size=5), st.integers()), inner, max_size=4),
    st.frozensets(st.text(max_size=4), max_size=3).map(set)), max_leaves=12)


def _equal(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(_equal, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_equal(a[k], b[k]) for k in a)
    if a is pd.NaT:
        return b is pd.NaT
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def _round_trip(value):
    parts, arrays = cache._dump(value)
    return cache._load(parts, [(a.dtype.str, a.tobytes()) for a in arrays])


@given(_values)
def test_values_come_back_as_they_went(value):
    assert _equal(_round_trip(value), value)


@given(st.lists(_values, max_size=6).flatmap(lambda few: st.lists(st.sampled_from(few), min_size=20) if few else
                                                st.just([])) | st.lists(_values, max_size=6))
def test_columns_of_values_come_back_as_they_went(values):
    """Attribute columns take the fast forms (arrays, plain lists) when they can: each form comes back exact."""
    G = nx.DiGraph()
    G.add_nodes_from((i, {"x": v}) for i, v in enumerate(values))
    back = _round_trip(G)
    assert _equal([back.nodes[i]["x"] for i in back], values)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # frames draw slowly
@given(data_frames([column("n", dtype=float), column("k", dtype=int), column("flag", dtype=bool),
                    column("when", dtype="datetime64[ns]"), column("text", dtype=object,
                                                                   elements=st.one_of(st.text(max_size=5), st.none())),
                    column("tags", elements=st.lists(st.text(max_size=3), max_size=2))],
                   index=range_indexes(max_size=6)))
def test_frames_come_back_with_their_dtypes(frame):
    frame.index.name = "node"
    pd.testing.assert_frame_equal(_round_trip(frame), frame)


@given(st.lists(st.lists(st.sampled_from("abcdef"), unique=True, max_size=6), max_size=40), st.data())
def test_attribute_dicts_of_every_shape_come_back_with_their_keys_in_order(shapes, data):
    """Edges hold different keys (an introduction, a wait, a declared closeness): each dict comes back whole,
    its keys in their order, whatever the mix of shapes."""
    G = nx.DiGraph()
    for i, keys in enumerate(shapes):
        G.add_edge(i, i + 1, **{k: data.draw(st.integers() | st.floats(allow_nan=False) | st.text(max_size=3))
                                for k in keys})
    back = _round_trip(G)
    assert [(u, v, list(d.items())) for u, v, d in back.edges(data=True)] == \
        [(u, v, list(d.items())) for u, v, d in G.edges(data=True)]


def test_attribute_shapes_that_do_not_cover_the_rows_once_each_are_refused():
    """A file made by hand with a matching digest: shapes that overlap, leave a row out or claim every row beside
    others fail to read (a miss), never a graph with a dict missing or repeated."""
    G = nx.DiGraph()
    G.add_edge(1, 2, a=1)
    G.add_edge(2, 3, b=2)
    G.add_edge(3, 4, a=3)
    parts, arrays = cache._dump(G)
    raw = [(a.dtype.str, a.tobytes()) for a in arrays]
    document = json.loads(zlib.decompress(parts["network"]))
    shapes = document["$graph"]["edge_attributes"]["shapes"]
    for planted in (shapes + [{"keys": [], "rows": None}], [shapes[0], shapes[0]], shapes[:1],
                    [{"keys": ["a"], "rows": None}]):
        document["$graph"]["edge_attributes"]["shapes"] = planted
        with pytest.raises((ValueError, TypeError, KeyError, IndexError)):
            cache._load({"network": zlib.compress(json.dumps(document).encode())}, raw)


def test_an_undirected_graph_and_categories_come_back():
    G = nx.karate_club_graph()
    back = _round_trip(G)
    assert list(back.edges(data=True)) == list(G.edges(data=True)) and back.graph == G.graph
    assert all(list(back.adj[n]) == list(G.adj[n]) for n in G)
    frame = pd.DataFrame({"c": pd.Categorical(["b", "a", "b"], categories=["b", "a"])}, index=["x", "y", "z"])
    pd.testing.assert_frame_equal(_round_trip(frame), frame)


@pytest.mark.parametrize("fixture", ["linkedin", "vcard", "google", "mbox", "ics", "dates",
                                     "identity/personal_work", "identity/stranger_with_my_name"])
def test_networks_from_every_reader_are_cached_and_come_back(fixture, tmp_path, monkeypatch):
    """A network holding what the format cannot would silently not be cached: every reader's output must fit."""
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "fixtures" / fixture
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(source, data)
    _age(data)
    first = load(data, cache=True)
    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert_same_network(first, load(data, cache=True))
