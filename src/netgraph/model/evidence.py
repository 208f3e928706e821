"""Who knows whom among my contacts, from the exports I have: evidence, confidence, reasons.

My own exports say little directly about who among my contacts know each
other. They say it indirectly, and this module reads it:

- **mail and messages**: two people both on one of my messages (To/Cc, or one
  of my LinkedIn group conversations) probably know each other, the more so
  the smaller the message and the more often it happens; a message sent to a
  mailing list, or to more than ``StrengthModel.bulk_recipients`` people,
  says nothing. Two people on one thread (``In-Reply-To``) but never on one
  message are weaker evidence. A message from one of them to the other that I
  was copied on is direct contact: the tie is *observed*, not inferred.
- **meetings**: attendees of one meeting occurrence, the same way (a 1:1 with
  two guests is strong evidence, a 40-person all-hands none);
- **work**: two people at the same current employer (by company, or by a mail
  domain that is not a free-mail one), less when I know many people there;
  the same past employer, less still;
- **introductions** and **my own ``ties.csv``**: *declared*, certain.

Each pair of people other than me gets a ``confidence``: the probability that
they know each other. For messages and meetings it is a logistic function of
how many messages and meetings they shared and how small those were, fitted on
real mail (the Enron corpus: for employees taken one at a time as the owner of
a mailbox, whether two people in it exchanged mail anywhere in the corpus;
``benchmarks/who_knows_whom.py`` fits and checks it, with its calibration in
``docs/who-knows-whom.md``). For a shared employer it is the rate at which two
friends of one person who share an employer are friends themselves, measured
on the Facebook ego networks (same script). Independent pieces of evidence
combine as a noisy-or: :math:`1 - \\prod_i (1 - p_i)`.

.. math::

    p_{\\text{mail}} = \\sigma\\big(\\beta_0 + \\beta_1 \\log(1 + w) + \\beta_2 \\log(1 + c)
    + \\beta_3 \\log(1 + d)\\big), \\quad w = \\sum_{m} \\frac{1}{k_m - 1} + \\tfrac12 t

for *k_m* people (other than me) on each shared message or meeting *m*, *t*
threads shared, *c* of my contacts whom the evidence links to both (triadic
closure), and *d* the fewer of the two's partners in the evidence (someone seen
with everybody, an assistant copied on every message, says less about each).

References
----------
.. [1] B. Klimt, Y. Yang, "The Enron corpus: a new dataset for email classification research", ECML 2004.
.. [2] J. McAuley, J. Leskovec, "Learning to discover social circles in ego networks", NIPS 2012.
.. [3] D. Liben-Nowell, J. Kleinberg, "The link-prediction problem for social networks", JASIST 58(7), 2007.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .._lazy import pd
from .edges import unique_keys
from .keys import PERSONAL_DOMAINS, domain_of

__all__ = ["EvidenceModel", "pair_features", "infer_ties", "mail_introductions"]


@dataclass(frozen=True)
class EvidenceModel:
    """The coefficients of the confidence model, with where they come from.

    ``intercept``, ``weighted``, ``common`` and ``partners`` are the logistic
    model of shared messages, meetings and contacts, fitted on the Enron corpus by
    ``python benchmarks/who_knows_whom.py --fit`` (see the module docstring);
    ``thread`` discounts a shared thread against a shared message (a reply
    chain carries people who were added later and never wrote to each
    other); ``employer`` is the share of pairs of friends with a shared
    employer who are friends, measured on the Facebook ego networks by the
    same script, and ``past_employer`` the same for past employers, taken as
    half (a past employer without dates may not have overlapped);
    ``crowd`` is the number of my contacts at one employer beyond which a
    shared employer is discounted in proportion (two people among 200 I know
    at a company are less likely to know each other than two among 5).
    """

    intercept: float = 0.395
    weighted: float = 0.729
    common: float = 0.397
    partners: float = -0.553
    thread: float = 0.5
    employer: float = 0.28
    past_employer: float = 0.14
    crowd: int = 20
    #: Pairs below this confidence are not edges: the least confidence at which, on the mailboxes the
    #: model is fitted on, the ties kept are right at least seven times in ten (docs/who-knows-whom.md).
    min_confidence: float = 0.31
    #: The strength of an inferred tie per unit of confidence: at most this (an observed tie of
    #: comparable evidence scores higher, being measured, not guessed).
    strength: float = 0.35

    def communication(self, features: pd.DataFrame) -> np.ndarray:
        """The probability that two people know each other from the messages, meetings and threads they
        share with me and the contacts they have in common (0 without any)."""
        weighted = features["weighted"] + self.thread * features["threads"]
        logit = (self.intercept + self.weighted * np.log1p(weighted) + self.common * np.log1p(features["common"])
                 + self.partners * np.log1p(features["partners"]))
        touched = (weighted > 0) | (features["common"] > 0)
        return np.where(touched, 1.0 / (1.0 + np.exp(-logit)), 0.0)


class _Nodes:
    """Node ids as integer codes, numbered in the ids' sorted order, and pairs as one integer key each.

    Numbering in sorted order makes ``code(a) < code(b)`` exactly when ``a < b``, so that a pair keyed
    ``a * n + b`` with ``a < b`` is the pair the tables index as ``(a, b)``, and sorted keys are sorted
    pairs: the evidence is aggregated on integers (hashing a million id strings per group-by or join
    took most of the time) and named only at the end.
    """

    def __init__(self, *columns):
        values = [np.asarray(c, dtype=object) for c in columns]
        codes, ids = pd.factorize(np.concatenate(values) if values else np.array([], dtype=object), sort=True)
        self.ids = np.asarray(ids, dtype=object)
        self.n = max(len(self.ids), 1)
        bounds = np.cumsum([0] + [len(v) for v in values])
        self.columns = [codes[a:b].astype(np.int64) for a, b in zip(bounds[:-1], bounds[1:])]

    def code(self, node) -> int:
        """The code of one node, -1 when it is none of these (``me`` when nobody is)."""
        found = np.flatnonzero(self.ids == node) if node is not None and len(self.ids) else np.empty(0, np.int64)
        return int(found[0]) if len(found) else -1

    def key(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.minimum(a, b) * self.n + np.maximum(a, b)

    def pairs(self, keys: np.ndarray) -> pd.MultiIndex:
        """Keys -> the ``(a, b)`` index of node ids."""
        keys = np.asarray(keys, dtype=np.int64)
        return pd.MultiIndex.from_arrays([self.ids[keys // self.n], self.ids[keys % self.n]], names=["a", "b"])


def pair_features(interactions: pd.DataFrame, me, *, bulk: int) -> pd.DataFrame:
    """Per unordered pair of people other than ``me``, what the interactions say about them.

    Parameters
    ----------
    interactions : DataFrame
        Resolved canonical interactions (``from``, ``to`` are node ids), with
        ``date``, ``channel``, ``message_id``, ``in_reply_to``, ``recipients``
        and ``mailing_list``.
    me : node or None
    bulk : int
        Messages with more people than this (or sent to a list) are no evidence.

    Returns
    -------
    DataFrame
        Indexed by (``a``, ``b``) with ``a < b``: ``direct`` (messages between
        them), ``messages`` and ``meetings`` (shared ones), ``weighted``
        (:math:`\\sum 1/(k - 1)`), ``threads`` (threads shared without a shared
        message), ``last`` (date of the last shared one).
    """
    nodes = _Nodes(interactions["from"], interactions["to"])
    sent_from, sent_to = nodes.columns
    out = _features(interactions, nodes, sent_from, sent_to, nodes.code(me), bulk=bulk)
    return out.set_axis(nodes.pairs(out.index.to_numpy()), axis=0)


def _features(x: pd.DataFrame, nodes: _Nodes, f: np.ndarray, t: np.ndarray, me: int, *, bulk: int
              ) -> pd.DataFrame:
    """:func:`pair_features` on codes (``f``, ``t``: the codes of ``from`` and ``to``): indexed by pair key."""
    n = nodes.n
    dates = x["date"].to_numpy("datetime64[ns]")
    others = (f != me) & (t != me)
    # direct contact: a message from one to the other (a meeting's organizer and guests are co-attendees)
    direct = others & (f != t) & (x["channel"] != "meeting").to_numpy()
    observed = pd.DataFrame({"key": nodes.key(f[direct], t[direct]), "last": dates[direct]})
    observed = observed.groupby("key").agg(direct=("last", "size"), last_direct=("last", "max"))

    mass = ((x["recipients"].fillna(1) > bulk) | (x["mailing_list"].fillna("") != "")).to_numpy()
    has_id = (x["message_id"].fillna("") != "").to_numpy() & ~mass
    grouped = x[has_id]
    ids, channel = grouped["message_id"].to_numpy(object), grouped["channel"].to_numpy(object)
    people = pd.DataFrame({"message_id": np.concatenate([ids, ids]), "node": np.concatenate([f[has_id], t[has_id]]),
                           "date": np.concatenate([dates[has_id], dates[has_id]]),
                           "channel": np.concatenate([channel, channel])})
    people = people[people["node"] != me].drop_duplicates(["message_id", "node"])
    size = people.groupby("message_id")["node"].transform("size")
    people = people.assign(k=size)[(size >= 2) & (size <= bulk)]
    shared = people.merge(people[["message_id", "node"]], on="message_id", suffixes=("_a", "_b"))
    shared = shared[shared["node_a"] < shared["node_b"]]
    meeting = shared["channel"] == "meeting"
    shared = pd.DataFrame({"key": shared["node_a"] * n + shared["node_b"], "message": ~meeting, "meeting": meeting,
                           "w": 1.0 / (shared["k"] - 1), "date": shared["date"]})
    co = shared.groupby("key").agg(messages=("message", "sum"), meetings=("meeting", "sum"), weighted=("w", "sum"),
                                   last=("date", "max"))
    threads = _shared_threads(grouped, people, n)
    keys = unique_keys(np.concatenate([co.index.to_numpy(np.int64), observed.index.to_numpy(np.int64),
                                     threads.index.to_numpy(np.int64)]))
    mine = pd.unique(np.concatenate([t[f == me], f[t == me]])) if me >= 0 else np.array([], dtype=np.int64)
    common = _common_neighbours(keys, mine, n)
    keys = unique_keys(np.concatenate([keys, common.index.to_numpy(np.int64)]))
    out = pd.concat([co.reindex(keys), observed.reindex(keys), threads.reindex(keys), common.reindex(keys)], axis=1)
    for column in ("direct", "messages", "meetings", "threads", "common"):
        out[column] = out[column].fillna(0).astype(int)
    out["weighted"] = out["weighted"].fillna(0.0)
    out["last"] = out[["last", "last_direct"]].max(axis=1)
    # how many others the evidence links each of the two to: a person seen with everybody (an assistant on
    # every message) is weaker evidence of knowing any one of them
    a, b = keys // n, keys % n
    counts = np.bincount(np.concatenate([a, b]), minlength=n)
    out["partners"] = np.minimum(counts[a], counts[b])
    out.index.name = None
    return out[["messages", "meetings", "weighted", "last", "direct", "threads", "common", "partners"]]


#: Above this many contacts, common neighbours are not counted (a sparse product of that size stays in seconds).
_MAX_CLOSURE = 20_000


def _common_neighbours(keys: np.ndarray, mine: np.ndarray, n: int) -> pd.Series:
    """Per pair of my contacts (by key), how many of my other contacts the evidence links to both (triadic
    closure: two people with friends in common tend to know each other; Liben-Nowell & Kleinberg 2007)."""
    empty = pd.Series([], index=pd.Index([], dtype=np.int64), dtype=int, name="common")
    if len(keys) == 0 or len(mine) < 3 or len(mine) > _MAX_CLOSURE:
        return empty
    index = pd.Index(mine)
    a, b = index.get_indexer(keys // n), index.get_indexer(keys % n)
    keep = (a >= 0) & (b >= 0)
    size = len(index)
    A = sp.coo_matrix((np.ones(2 * keep.sum()), (np.r_[a[keep], b[keep]], np.r_[b[keep], a[keep]])),
                      shape=(size, size)).tocsr()
    A.data[:] = 1.0
    common = sp.triu(A @ A, k=1).tocoo()
    if common.nnz == 0:
        return empty
    first, second = np.asarray(mine)[common.row], np.asarray(mine)[common.col]
    return pd.Series(common.data.astype(int), name="common",
                     index=np.minimum(first, second) * n + np.maximum(first, second))


def _shared_threads(messages: pd.DataFrame, people: pd.DataFrame, n: int) -> pd.Series:
    """Per pair (by key), the threads (messages linked by ``in_reply_to``) both are on, counted once per thread."""
    linked = messages[(messages["in_reply_to"].fillna("") != "")][["message_id", "in_reply_to"]].drop_duplicates()
    if linked.empty:
        return pd.Series([], index=pd.Index([], dtype=np.int64), dtype=int, name="threads")
    ids = pd.Index(pd.unique(pd.concat([people["message_id"], linked["message_id"], linked["in_reply_to"]])))
    parent = np.arange(len(ids))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for child, up in zip(ids.get_indexer(linked["message_id"]), ids.get_indexer(linked["in_reply_to"])):
        ra, rb = find(child), find(up)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(len(ids))])
    on = people.assign(thread=roots[ids.get_indexer(people["message_id"])])[["thread", "node"]].drop_duplicates()
    size = on.groupby("thread")["node"].transform("size")
    on = on[(size >= 2) & (size <= 50)]
    pairs = on.merge(on, on="thread", suffixes=("_a", "_b"))
    pairs = pairs[pairs["node_a"] < pairs["node_b"]]
    return (pairs["node_a"] * n + pairs["node_b"]).value_counts(sort=False).sort_index().rename("threads")


def _employers(people: pd.DataFrame, nodes: _Nodes, node_codes: np.ndarray, me: int
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The people other than me at each current employer, and at each past employer: ``node`` (code),
    ``employer`` and ``size`` (how many of them there are), for employers of 2 to 2,000 of them (a pair
    among more says nothing)."""
    company = people["company"].fillna("").to_numpy(object)
    others = node_codes != me
    current = [pd.DataFrame({"node": node_codes[others & (company != "")],
                             "employer": company[others & (company != "")]})]
    # a work address stands for the employer of someone whose company is not known (the company, when
    # known, is the employer: counting both would count one crowd twice)
    unknown = others & (company == "")
    addresses = people["email"].to_numpy(object)[unknown]
    rows = [(node, f"@{d}") for node, emails in zip(node_codes[unknown].tolist(), addresses)
            for d in sorted({d for d in map(domain_of, emails or []) if d} - PERSONAL_DOMAINS)]
    current.append(pd.DataFrame(rows, columns=["node", "employer"]))
    past = people["past_companies"].to_numpy(object)
    past = pd.DataFrame({"node": np.repeat(node_codes, [len(cs or []) for cs in past]),
                         "employer": [c for cs in past for c in (cs or [])]})
    past = past[(past["node"] != me) & (past["employer"] != "")]
    return _crowds(pd.concat(current, ignore_index=True)), _crowds(past)


def _crowds(members: pd.DataFrame) -> pd.DataFrame:
    members = members.drop_duplicates()
    counts = members.groupby("employer")["node"].transform("size")
    keep = ((counts >= 2) & (counts <= 2000)).to_numpy()
    members = members[keep].reset_index(drop=True).assign(size=counts.to_numpy()[keep].astype(np.int64))
    return members.assign(code=pd.factorize(members["employer"])[0].astype(np.int64))


def _all_pairs(members: pd.DataFrame, n: int) -> np.ndarray:
    """The keys of every pair of members of one employer (each group's pairs, made with NumPy)."""
    if members.empty:
        return np.array([], dtype=np.int64)
    ordered = members.sort_values("employer", kind="stable")
    nodes = ordered["node"].to_numpy(np.int64)
    group = pd.factorize(ordered["employer"])[0]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(group)]
    end = np.repeat(ends, ends - starts)
    later = end - np.arange(len(nodes)) - 1  # members after this one in its group
    left = np.repeat(np.arange(len(nodes)), later)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later)
    a, b = nodes[left], nodes[right]
    return unique_keys(np.minimum(a, b) * n + np.maximum(a, b))


def _shared(members: pd.DataFrame, keys: np.ndarray, n: int) -> pd.DataFrame:
    """For each pair key, the smallest employer both are at (the first listed among equals): ``employer``
    and ``size``, indexed by key, for the pairs that share one.

    A join on sorted integer arrays: each pair's first person's employers (by binary search in the
    members sorted by person), kept where the second person is at the same one.
    """
    by_node = np.argsort(members["node"].to_numpy(np.int64), kind="stable")
    node = members["node"].to_numpy(np.int64)[by_node]
    code = members["code"].to_numpy(np.int64)[by_node]
    employers = max(int(code.max()) + 1, 1) if len(code) else 1
    at = np.sort(node * employers + code)
    first, second = keys // n, keys % n
    low, high = np.searchsorted(node, first, "left"), np.searchsorted(node, first, "right")
    counts = high - low
    pair = np.repeat(np.arange(len(keys)), counts)
    row = np.repeat(low, counts) + np.arange(len(pair)) - np.repeat(np.cumsum(counts) - counts, counts)
    wanted = second[pair] * employers + code[row]
    spot = np.minimum(np.searchsorted(at, wanted), max(len(at) - 1, 0))
    both = at[spot] == wanted if len(at) else np.zeros(len(wanted), dtype=bool)
    pair, row = pair[both], by_node[row[both]]
    size = members["size"].to_numpy(np.int64)[row]
    best = np.lexsort((row, size, pair))  # per pair: the smallest, then the first listed
    pair, row = pair[best], row[best]
    first_of_pair = np.r_[True, pair[1:] != pair[:-1]] if len(pair) else np.zeros(0, dtype=bool)
    pair, row = pair[first_of_pair], row[first_of_pair]
    return pd.DataFrame({"employer": members["employer"].to_numpy(object)[row],
                         "size": members["size"].to_numpy(np.int64)[row]}, index=keys[pair])


def infer_ties(people: pd.DataFrame, interactions: pd.DataFrame, me, *, bulk: int,
               model: EvidenceModel | None = None, min_confidence: float | None = None) -> pd.DataFrame:
    """Every pair of people other than me that the evidence touches, with confidence and reasons.

    Parameters
    ----------
    people : DataFrame
        Resolved people, indexed by node id (``company``, ``past_companies``, ``email``).
    interactions : DataFrame
        Resolved interactions (see :func:`pair_features`).
    me : node or None
    bulk : int
        ``StrengthModel.bulk_recipients``.
    model : EvidenceModel, optional
    min_confidence : float, optional
        Keep pairs at least this confident (default ``model.min_confidence``; 0 keeps every pair).

    Returns
    -------
    DataFrame
        Indexed by (``a``, ``b``), ``a < b``: ``confidence``, ``basis``
        (``observed`` when they wrote to each other on a message I have,
        ``inferred`` otherwise) and ``evidence`` (phrases in words, ``;``-separated).

    Notes
    -----
    Pairs who share an employer and nothing else are many (every two of 2,000
    colleagues) and mostly below the floor: they are listed only when an
    employer alone, a past employer alone, or both together could reach it.
    """
    model = model or EvidenceModel()
    floor = model.min_confidence if min_confidence is None else min_confidence
    nodes = _Nodes(people.index, interactions["from"], interactions["to"])
    node_codes, f, t = nodes.columns
    me_code = nodes.code(me)
    n = nodes.n
    features = _features(interactions, nodes, f, t, me_code, bulk=bulk)
    current, past = _employers(people, nodes, node_codes, me_code)
    alone = [model.employer >= floor, model.past_employer >= floor]
    both = 1.0 - (1.0 - model.employer) * (1.0 - model.past_employer) >= floor
    listed = [features.index.to_numpy(np.int64)]
    for members, enough in zip((current, past), alone):
        if enough:
            listed.append(_all_pairs(members, n))
    if both and not any(alone):  # the pairs at both: those of the kind with fewer pairs, found at the other
        fewer, other = sorted((current, past), key=lambda m: int((m["size"] - 1).sum()))
        listed.append(_shared(other, _all_pairs(fewer, n), n).index.to_numpy(np.int64))
    keys = unique_keys(np.concatenate(listed))
    table = features.reindex(keys)
    work, before = _shared(current, keys, n), _shared(past, keys, n)
    table["employer"], table["crowd"] = work["employer"], work["size"]
    table["past"], table["past_crowd"] = before["employer"], before["size"]
    for column in ("direct", "messages", "meetings", "threads", "common"):
        table[column] = table[column].fillna(0)
    table["weighted"] = table["weighted"].fillna(0.0)
    p_mail = model.communication(table)
    discount = lambda crowd: np.minimum(1.0, model.crowd / crowd.fillna(np.inf).clip(lower=1))  # noqa: E731
    p_work = np.where(table["employer"].notna(), model.employer * discount(table["crowd"]), 0.0)
    p_past = np.where(table["past"].notna(), model.past_employer * discount(table["past_crowd"]), 0.0)
    confidence = 1.0 - (1.0 - p_mail) * (1.0 - p_work) * (1.0 - p_past)
    observed = table["direct"] > 0
    table["confidence"] = np.where(observed, 1.0, confidence)
    table["basis"] = np.where(observed, "observed", "inferred")
    table = table[(table["confidence"] >= floor) & (table["confidence"] > 0)]
    out = pd.DataFrame({"confidence": table["confidence"].to_numpy(), "basis": table["basis"].to_numpy(object),
                        "evidence": _phrases(table)}, index=nodes.pairs(table.index.to_numpy()))
    return out


def _phrases(table: pd.DataFrame) -> list[str]:
    """The evidence of each pair, in words (phrases joined by ``"; "``)."""
    last = pd.to_datetime(table["last"])
    month = (last.dt.year * 12 + last.dt.month - 1).to_numpy()
    named = {m: f", last in {pd.Timestamp(year=int(m) // 12, month=int(m) % 12 + 1, day=1):%B %Y}"
             for m in pd.unique(month[~np.isnan(month)])} if len(month) else {}
    lasts = [named.get(m, "") for m in month.tolist()]
    counts = [table[c].to_numpy().astype(np.int64).tolist() for c in ("direct", "messages", "meetings", "threads",
                                                                         "common")]
    employers = [e if isinstance(e, str) else "" for e in table["employer"].tolist()]
    pasts = [p if isinstance(p, str) else "" for p in table["past"].tolist()]
    return [_phrase(*row) for row in zip(*counts, employers, pasts, lasts)]


def _phrase(direct: int, messages: int, meetings: int, threads: int, common: int, employer: str, past: str,
            last: str) -> str:
    """The evidence of one pair, in words (``last``: when they were last seen together, as a phrase)."""
    out = []
    if direct:
        out.append(f"they wrote to each other on {_count(direct, 'messages', 'a message')} you have{last}")
    if messages:
        out.append(f"both on {_count(messages, 'of your messages', 'one of your messages')}"
                   + ("" if direct else last))
    if meetings:
        out.append(f"both at {_count(meetings, 'of your meetings', 'one of your meetings')}"
                   + ("" if direct or messages else last))
    if threads:
        out.append(f"both on {_count(threads, 'of your threads', 'one of your threads')}")
    if common:
        out.append(_count(common, "of your contacts know both", "one of your contacts knows both"))
    if employer:
        out.append(f"both write from {employer[1:]}" if employer.startswith("@") else f"both at {employer}")
    if past:
        out.append(f"both worked at {past}")
    return "; ".join(out)


def _count(n: int, plural: str, one: str | None = None) -> str:
    return (one or f"1 {plural}") if n == 1 else f"{n} {plural}"


def mail_introductions(interactions: pd.DataFrame, me, *, bulk: int,
                       known_since: pd.Series | None = None) -> pd.DataFrame:
    """The "meet X" messages: someone writes to me and to a person new to me at once.

    A message from S to me and to X, on which X appears for the first time in my
    interactions, is an introduction of X to me by S (headers alone say so: the
    classic introduction copies both people). Messages to lists or to more than
    ``bulk`` people are not introductions, and neither is a message copying
    someone ``known_since`` says I knew before its day (a LinkedIn connection
    of 2020 copied in 2025 is no introduction).

    Returns
    -------
    DataFrame
        ``date``, ``introducer``, ``introduced``, ``to`` (me), ``status`` ("made"),
        one row per person introduced, the first time only.
    """
    columns = ["date", "introducer", "introduced", "to", "status"]
    if me is None or interactions.empty:
        return pd.DataFrame(columns=columns)
    x = interactions[(interactions["message_id"].fillna("") != "") & (interactions["channel"] == "email")
                     & (interactions["recipients"].fillna(1) <= bulk) & (interactions["mailing_list"].fillna("") == "")]
    to_me = x[(x["to"] == me) & (x["from"] != me)][["message_id", "from", "date"]].drop_duplicates("message_id")
    copied = x[(x["from"] != me) & (x["to"] != me)][["message_id", "from", "to"]]
    candidates = to_me.merge(copied, on=["message_id", "from"])
    if candidates.empty:
        return pd.DataFrame(columns=columns)
    involved = pd.concat([interactions.loc[interactions["from"] == me, ["to", "date"]].rename(columns={"to": "node"}),
                          interactions.loc[interactions["to"] == me, ["from", "date"]].rename(columns={"from": "node"}),
                          candidates[["to", "date"]].rename(columns={"to": "node"})])
    first = involved.groupby("node")["date"].min()
    if known_since is not None:  # known by a dated record too; a record of the message's own day (a connection
        # made after the introduction, dated by the day only) does not rule it out
        first = pd.concat([first, known_since.dropna() + pd.Timedelta(days=1)]).groupby(level=0).min()
    new = candidates[candidates["date"] <= candidates["to"].map(first)]
    new = new.sort_values("date").drop_duplicates("to")
    return pd.DataFrame({"date": new["date"].to_numpy(), "introducer": new["from"].to_numpy(),
                         "introduced": new["to"].to_numpy(), "to": me, "status": "made"}, columns=columns)
