"""The relationship graph's edges, from the resolved tables, at scale.

People become integer codes and every relationship an integer key (``u * n +
v`` for the pair, ``from * n + to`` for one direction), so that a million
interactions aggregate with NumPy and pandas' compiled group-bys, not Python
loops; the edge attribute dicts are then made in one pass per shape and put
into the graph's adjacency directly. :mod:`netgraph.model.build` documents the
attributes.
"""

from __future__ import annotations

import datetime as dt
from itertools import repeat

import networkx as nx
import numpy as np

from .._lazy import pd
from .strength import StrengthModel, components
from .tables import ASKS_NO_ANSWER

__all__ = ["add_relationships", "unique_keys", "ZERO_WHEN_ABSENT"]

_YEAR = dt.timedelta(days=365)  # not pandas' Timedelta: the exports import this module's names, without pandas
# At most 21 attributes on an ordinary edge: a dict of 22 keys or more takes 832 bytes where one of 21 takes
# 464 (CPython's table doubles past 21 entries), a gigabyte per million relationships. Hence the sparse ones,
# set only where they are non-zero (read them with .get(name, 0)): a contacted tie from a ties row with its
# date has 19 attributes besides them (asks and favours were on every edge: 22).
_DIRECTED_COUNTS = ("sent",)
_DIRECTED_SPARSE = ("asks", "asks_year", "gives", "intros", "waiting", "waiting_since")
#: The counts an edge holds only where they are not zero (what a file export writes as 0 where absent).
ZERO_WHEN_ABSENT = ("asks", "asks_year", "gives", "intros", "waiting")
_DIRECTED_DATES = ("first", "last", "last_channel")
_PAIR_COUNTS = ("interactions", "interactions_year", "meetings", "meetings_year")
_COMPONENTS = ("recency", "frequency", "mutuality", "duration", "richness", "peak")
_SPARSE = ("closeness", "declared", "since", "note", "introduced_by", "introduced_on", "connected_on", "confidence",
           "evidence")
#: What a relationship is known from (``basis``): direct contact, a declaration (a ties row, an introduction,
#: my own connection, rating or address book), or the evidence of :mod:`netgraph.model.evidence`.
BASES = ("observed", "declared", "inferred")


def unique_keys(keys: np.ndarray) -> np.ndarray:
    """The distinct integer keys, sorted: by a sort, as ``np.unique`` hashes first and took seconds per
    million keys (NumPy 2.3 and later)."""
    keys = np.sort(np.asarray(keys, dtype=np.int64))
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


class _Codes:
    """Node ids <-> integer codes, and the keys built from them."""

    def __init__(self, ids: pd.Index):
        self.ids = np.asarray(ids, dtype=object)
        self.index = pd.Index(ids)
        self.n = max(len(ids), 1)

    def of(self, refs) -> np.ndarray:
        """The codes of node ids (-1 for none): each distinct id looked up once, as ids repeat."""
        codes, distinct = pd.factorize(np.asarray(refs, dtype=object))
        found = self.index.get_indexer(pd.Index(distinct, dtype=object)).astype(np.int64)
        return np.where(codes >= 0, found[codes], -1) if len(found) else np.full(len(codes), -1, dtype=np.int64)

    def pair(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.minimum(a, b) * self.n + np.maximum(a, b)

    def split(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return keys // self.n, keys % self.n


def add_relationships(G: nx.DiGraph, people: pd.DataFrame, interactions: pd.DataFrame, ties: pd.DataFrame,
                      intros: pd.DataFrame, me, today: pd.Timestamp, model: StrengthModel, *,
                      inferred: pd.DataFrame | None = None, inferred_strength: float = 0.35) -> None:
    """Add both directed edges of every relationship to ``G`` (whose nodes are ``people.index``).

    ``inferred`` (from :func:`netgraph.model.evidence.infer_ties`) adds the pairs the evidence links,
    with their ``confidence`` and ``evidence``; a pair known only so gets strength
    ``inferred_strength × confidence``.
    """
    codes = _Codes(people.index)
    tags = _Tags()
    # mailing-list mail says nothing of a relationship: a newsletter's sender is nobody's tie, and a list post
    # is not contact with each reader (what waits for an answer leaves it out too)
    _, listed = model.mass(interactions["recipients"], interactions["mailing_list"])
    pairs, directed = _interactions(codes, interactions[~listed] if listed.any() else interactions, today, model,
                                    tags)
    evidence = [_ties(codes, ties, tags), _introductions(codes, intros, tags)]
    if me is not None:
        evidence.append(_mine(codes, people, me, tags))
    if inferred is not None and len(inferred):
        evidence.append(_inferred(codes, inferred, tags))
    keys = unique_keys(np.concatenate([pairs.index.to_numpy()] + [e.index.to_numpy() for e in evidence]))
    table = pairs.reindex(keys)
    for piece in evidence:
        for column in piece.columns:
            aligned = piece[column].reindex(keys)
            table[column] = aligned if column not in table else table[column].fillna(aligned)
    for column in ("closeness", "declared"):
        if column not in table:
            table[column] = np.nan
    table["known"] = table["known"].fillna(False).astype(bool) if "known" in table else False
    declared = table["known"] | table["declared"].notna() | table["closeness"].notna()
    for column in ("connected_on", "_contact"):
        if column in table:
            declared |= table[column].notna()
    table = table.drop(columns=["closeness", "declared"]).join(components(table, today, model))
    observed = table["interactions"].fillna(0) > 0
    table["basis"] = np.where(observed, "observed", np.where(declared, "declared", "inferred"))
    if "confidence" in table:
        guessed = (table["basis"] == "inferred").to_numpy()
        table.loc[guessed, "strength"] = inferred_strength * table.loc[guessed, "confidence"]
        table["confidence"] = table["confidence"].where(guessed)  # observed and declared: certain (1.0)
    table = table.drop(columns=[c for c in ("_contact",) if c in table])  # it only told the basis
    table["sources"] = tags.tuples(keys)
    directed = _with_intro_flows(codes, directed, intros, today)
    _insert(G, codes, table, directed)


class _Tags:
    """What each relationship is known from, as bits per pair, turned into shared tuples of names."""

    def __init__(self):
        self.names: list[str] = []
        self.parts: list[pd.DataFrame] = []

    def add(self, keys: np.ndarray, labels) -> None:
        labels = np.asarray(labels, dtype=object) if not isinstance(labels, str) else np.full(len(keys), labels,
                                                                                             dtype=object)
        bits = np.zeros(len(keys), dtype=np.int64)
        for label in pd.unique(labels):
            if label not in self.names:
                self.names.append(label)
            bits[labels == label] = 1 << self.names.index(label)
        self.parts.append(pd.DataFrame({"key": keys, "bit": bits}))

    def tuples(self, keys: np.ndarray) -> np.ndarray:
        both = pd.concat(self.parts, ignore_index=True).drop_duplicates()
        combined = both.groupby("key")["bit"].sum().reindex(keys, fill_value=0).to_numpy()
        shared = {code: tuple(sorted(name for i, name in enumerate(self.names) if code >> i & 1))
                  for code in unique_keys(combined).tolist()}
        out = np.empty(len(keys), dtype=object)
        out[:] = [shared[code] for code in combined.tolist()]
        return out


def _interactions(codes: _Codes, x: pd.DataFrame, today: pd.Timestamp, model: StrengthModel, tags: _Tags):
    f, t = codes.of(x["from"]), codes.of(x["to"])
    pair = codes.pair(f, t)
    weight = model.interaction_weights(x["channel"], x["recipients"])
    date = x["date"].to_numpy("datetime64[ns]")
    recent = (date > np.datetime64(today - _YEAR)) & (date <= np.datetime64(today + pd.Timedelta(days=1)))
    meeting = (x["channel"] == "meeting").to_numpy()
    # a meeting is contact both ways: half of it each way, so that it never makes one side owe the other
    frame = pd.DataFrame({"pair": pair, "forward": np.where(meeting, 0.5, f < t), "w": weight,
                          "w_year": weight * recent, "recent": recent, "meeting": meeting,
                          "meeting_recent": meeting & recent, "date": date})
    grouped = frame.groupby("pair")
    pairs = grouped.agg(n_uv=("forward", "sum"), interactions=("forward", "size"), weight=("w", "sum"),
                        weight_year=("w_year", "sum"), interactions_year=("recent", "sum"),
                        meetings=("meeting", "sum"), meetings_year=("meeting_recent", "sum"),
                        first=("date", "min"), last=("date", "max"))
    pairs["n_vu"] = pairs["interactions"] - pairs["n_uv"]
    yearly = frame.assign(year=x["date"].dt.year.to_numpy()).groupby(["pair", "year"])["w"].sum()
    pairs["peak_weight"] = yearly.groupby(level=0).max()
    tags.add(pair, x["_source"].to_numpy(object))

    key = f * codes.n + t
    channel, channels = pd.factorize(x["channel"])
    flows = pd.DataFrame({"key": key, "ask": (x["kind"] == "ask").to_numpy(), "give": (x["kind"] == "give").to_numpy(),
                          "recent": recent, "date": date, "channel": channel})
    if meeting.any():  # each side of a meeting met the other: it counts as contact from both
        back = flows[meeting].assign(key=t[meeting] * codes.n + f[meeting], ask=False, give=False)
        flows = pd.concat([flows, back], ignore_index=True)
    flows["ask_recent"] = flows["ask"] & flows["recent"]
    directed = flows.groupby("key").agg(sent=("ask", "size"), asks=("ask", "sum"),
                                        asks_year=("ask_recent", "sum"), gives=("give", "sum"),
                                        first=("date", "min"), last=("date", "max"))
    # the channel of each key's last contact (of the latest ones, the last listed): a stable sort of arrays
    order = np.lexsort((flows["date"].to_numpy(), flows["key"].to_numpy()))
    keys = flows["key"].to_numpy()[order]
    last = np.r_[keys[1:] != keys[:-1], True] if len(keys) else np.zeros(0, dtype=bool)
    latest = flows["channel"].to_numpy()[order][last]
    directed["last_channel"] = np.asarray(channels, dtype=object)[latest] if len(latest) else []
    return pairs, directed.join(_waiting(codes, key, pair, date, x, meeting, model, directed["last"]))


def _waiting(codes: _Codes, key, pair, date, x: pd.DataFrame, meeting, model: StrengthModel,
             directed_last: pd.Series) -> pd.DataFrame:
    """Per directed key where some wait, the contacts still waiting for an answer and the first one's date.

    A contact waits when it is personal (not a meeting, list or mass mail), not a connection request or an
    endorsement, and came after the other side's last personal contact back and after the pair's last
    meeting: a meeting answers everything before it, and nobody expects an answer to a newsletter, nor
    takes one for an answer.
    """
    personal = ~model.mass(x["recipients"])[0]  # list mail is not here: it makes no pair at all
    if personal.all():  # the usual case outside mailboxes: the last contact each way is already known
        replies = directed_last
    else:
        replies = pd.Series(date[personal], index=key[personal]).groupby(level=0).max()
    reverse = (key % codes.n) * codes.n + key // codes.n
    answered = replies.reindex(reverse).to_numpy("datetime64[ns]")
    met = pd.Series(date[meeting], index=pair[meeting]).groupby(level=0).max().reindex(pair).to_numpy("datetime64[ns]")
    answered = np.where(np.isnat(answered) | (met > answered), met, answered)
    gesture = x["note"].isin(ASKS_NO_ANSWER).to_numpy()
    pending = personal & ~meeting & ~gesture & (np.isnat(answered) | (date > answered))
    waits = pd.Series(date[pending], index=key[pending]).groupby(level=0)
    return pd.DataFrame({"waiting": waits.size(), "waiting_since": waits.min()})


def _ties(codes: _Codes, ties: pd.DataFrame, tags: _Tags) -> pd.DataFrame:
    key = codes.pair(codes.of(ties["a"]), codes.of(ties["b"]))
    frame = pd.DataFrame({"key": key, "declared": ties["strength"].to_numpy(float),
                          "since": ties["since"].to_numpy("datetime64[ns]"),
                          "note": ties["note"].replace("", None).to_numpy(object)})
    grouped = frame.groupby("key")
    out = pd.DataFrame({"declared": grouped["declared"].max(), "since": grouped["since"].min()})
    notes = frame.dropna(subset=["note"]).drop_duplicates("key").set_index("key")["note"]
    out["note"] = notes
    out["known"] = True
    tags.add(key, "ties")
    return out


def _introductions(codes: _Codes, intros: pd.DataFrame, tags: _Tags) -> pd.DataFrame:
    """The introduced pair (once made), and the introducer's relationship with each side."""
    introducer, introduced, to = codes.of(intros["introducer"]), codes.of(intros["introduced"]), codes.of(intros["to"])
    made = intros["status"].isin(["made", "met"]).to_numpy()
    order = np.argsort(intros["date"].to_numpy("datetime64[ns]"), kind="stable")
    new = pd.DataFrame({"key": codes.pair(to, introduced)[order], "made": made[order],
                        "introduced_by": codes.ids[introducer[order]] if len(order) else [],
                        "introduced_on": intros["date"].to_numpy("datetime64[ns]")[order]})
    new = new[new["made"]].drop_duplicates("key").set_index("key")[["introduced_by", "introduced_on"]]
    keys = np.concatenate([codes.pair(to, introduced)[made], codes.pair(introducer, introduced),
                           codes.pair(introducer, to)])
    out = pd.DataFrame(index=pd.Index(unique_keys(keys), name="key"))
    out = out.join(new)
    out["known"] = True
    tags.add(keys, "introductions")
    return out


def _inferred(codes: _Codes, inferred: pd.DataFrame, tags: _Tags) -> pd.DataFrame:
    a, b = inferred.index.get_level_values(0), inferred.index.get_level_values(1)
    keys = codes.pair(codes.of(a), codes.of(b))
    tags.add(keys, "evidence")
    out = pd.DataFrame({"confidence": inferred["confidence"].to_numpy(float),
                        "evidence": inferred["evidence"].replace("", None).to_numpy(object)}, index=keys)
    return out[~out.index.duplicated()]


def _mine(codes: _Codes, people: pd.DataFrame, me, tags: _Tags) -> pd.DataFrame:
    """My LinkedIn connections, the people I rated and my address book: relationships even without traces."""
    mine = codes.of([me])[0]
    others = np.arange(len(people)) != mine
    parts = {}
    for column, tag in (("connected_on", "linkedin connection"), ("closeness", "closeness rating"),
                        ("contact", "address book")):
        values = people[column].to_numpy()
        given = others & (values == True if column == "contact" else pd.notna(values))  # noqa: E712
        keys = codes.pair(np.full(given.sum(), mine), np.flatnonzero(given))
        tags.add(keys, tag)
        if column != "contact":
            parts[column] = pd.Series(values[given], index=keys)
        else:
            parts["_contact"] = pd.Series(True, index=keys)
    out = pd.concat(parts, axis=1)
    return out


def _with_intro_flows(codes: _Codes, directed: pd.DataFrame, intros: pd.DataFrame, today: pd.Timestamp):
    """Count each introduction as an ask of the introducer and, once made, a favour done."""
    to, introducer = codes.of(intros["to"]), codes.of(intros["introducer"])
    recent = (intros["date"] > today - _YEAR).to_numpy()
    made = intros["status"].isin(["made", "met"]).to_numpy()
    asks = pd.Series(1, index=to * codes.n + introducer).groupby(level=0).sum()
    asks_year = pd.Series(recent.astype(int), index=to * codes.n + introducer).groupby(level=0).sum()
    favours = pd.Series(made.astype(int), index=introducer * codes.n + to).groupby(level=0).sum()
    index = directed.index.union(asks.index).union(favours.index)
    directed = directed.reindex(index)
    directed["asks"] = directed["asks"].fillna(0) + asks.reindex(index, fill_value=0)
    directed["asks_year"] = directed["asks_year"].fillna(0) + asks_year.reindex(index, fill_value=0)
    directed["intros"] = favours.reindex(index, fill_value=0)
    return directed


def _listed(values: pd.Series) -> list:
    """Python values for a column: dates as ``datetime.date``, numbers as int/float, missing as None.

    A date is one object per distinct day, shared by every edge that names it: two million edges fall on
    a few thousand days, and a date object per edge took a tenth of the graph's memory.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        codes, days = pd.factorize(values.to_numpy("datetime64[ns]").astype("datetime64[D]"))
        return _objects([*np.asarray(days).tolist(), None])[codes].tolist()
    return values.tolist()


def _objects(values: list) -> np.ndarray:
    """Python values in an object array (so that selecting rows keeps them Python objects, shared)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _insert(G: nx.DiGraph, codes: _Codes, table: pd.DataFrame, directed: pd.DataFrame) -> None:
    """Make every edge's attribute dict in bulk and put both directions into G's adjacency.

    Edges are grouped by their shape (which attributes they carry: contact, sent, and each sparse
    attribute that is set), and each group's dicts are made in one pass, each with all its keys at
    once: a Python loop per edge and attribute took most of the build.
    """
    u, v = codes.split(table.index.to_numpy())
    has_contact = (table["interactions"].fillna(0) > 0).to_numpy()
    pair_values = {"strength": _objects(table["strength"].tolist()), "sources": table["sources"].to_numpy(),
                   "basis": table["basis"].to_numpy(object)}
    for column in _PAIR_COUNTS:
        pair_values[column] = _objects(table[column].fillna(0).astype(np.int64).tolist())
    for column in _COMPONENTS:
        pair_values[column] = _objects(table[column].tolist())
    sparse = [c for c in _SPARSE if c in table]
    given = {c: table[c].notna().to_numpy() for c in sparse}
    pair_values.update({c: _objects(_listed(table[c])) for c in sparse})

    entries = []
    for a, b in ((u, v), (v, u)):
        flow = directed.reindex(a * codes.n + b)
        values = dict(pair_values)
        values.update({c: _objects(flow[c].fillna(0).astype(np.int64).tolist()) for c in _DIRECTED_COUNTS})
        values.update({c: _objects(_listed(flow[c])) for c in _DIRECTED_DATES})
        shown = dict(given)
        for column in _DIRECTED_SPARSE:
            shown[column] = flow[column].notna().to_numpy() & (flow[column].to_numpy() != 0)
            values[column] = _objects(flow[column].fillna(0).astype(np.int64).tolist() if column != "waiting_since"
                                      else _listed(flow[column]))
        optional = [*sparse, *_DIRECTED_SPARSE]
        has_sent = flow["sent"].fillna(0).to_numpy() > 0
        shape = has_contact.astype(np.int64) | has_sent.astype(np.int64) << 1
        for bit, column in enumerate(optional, start=2):
            shape |= shown[column].astype(np.int64) << bit
        order = np.argsort(shape, kind="stable")
        starts = np.flatnonzero(np.r_[True, shape[order][1:] != shape[order][:-1]]) if len(order) else order
        dicts = np.empty(len(a), dtype=object)
        for rows in np.split(order, starts[1:]):
            if not len(rows):
                continue
            kind = int(shape[rows[0]])
            names = ["strength", "basis", *_PAIR_COUNTS, "sources", *_DIRECTED_COUNTS]
            names += list(_DIRECTED_DATES) if kind & 2 else []
            names += list(_COMPONENTS) if kind & 1 else []
            names += [c for bit, c in enumerate(optional, start=2) if kind >> bit & 1]
            columns = [values[n][rows].tolist() for n in names]
            dicts[rows] = list(map(dict, map(zip, repeat(names), zip(*columns))))
        entries.append((a, b, dicts))
    _put(G, codes, *(np.concatenate(column) for column in zip(*entries)))


def _put(G: nx.DiGraph, codes: _Codes, a: np.ndarray, b: np.ndarray, dicts: np.ndarray) -> None:
    """Put the edges a -> b (u < v first, then v -> u) into G's adjacency, a node's whole dict at once.

    G's ``_succ``/``_pred`` dicts are filled directly, as ``add_edges_from`` would, but with one
    ``dict.update`` per node instead of four dict operations per edge. Each node's neighbours keep
    the order edge-by-edge insertion gave them (successors of larger code first, predecessors of
    smaller code first, each part ascending): analyses that break ties by adjacency order give the
    same answers.
    """
    for x, y, adjacency, later in ((a, b, G._succ, b < a), (b, a, G._pred, a > b)):
        order = np.lexsort((y, later, x))
        x, y, data = x[order], codes.ids[y[order]].tolist(), dicts[order].tolist()
        starts = np.flatnonzero(np.r_[True, x[1:] != x[:-1]]) if len(x) else np.array([], dtype=np.int64)
        ends = np.r_[starts[1:], len(x)].astype(np.int64)
        for node, start, end in zip(codes.ids[x[starts]].tolist(), starts.tolist(), ends.tolist()):
            adjacency[node].update(zip(y[start:end], data[start:end]))
