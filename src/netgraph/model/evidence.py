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
import pandas as pd
import scipy.sparse as sp

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
    x = interactions
    others = (x["from"] != me) & (x["to"] != me)
    # direct contact: a message from one to the other (a meeting's organizer and guests are co-attendees)
    direct = x[others & (x["from"] != x["to"]) & (x["channel"] != "meeting")]
    a, b = np.minimum(direct["from"], direct["to"]), np.maximum(direct["from"], direct["to"])
    observed = pd.DataFrame({"a": a.to_numpy(), "b": b.to_numpy(), "last": direct["date"].to_numpy()})
    observed = observed.groupby(["a", "b"]).agg(direct=("last", "size"), last_direct=("last", "max"))

    mass = (x["recipients"].fillna(1) > bulk) | (x["mailing_list"].fillna("") != "")
    grouped = x[(x["message_id"].fillna("") != "") & ~mass]
    people = pd.concat([grouped[["message_id", "from", "date", "channel"]].rename(columns={"from": "node"}),
                        grouped[["message_id", "to", "date", "channel"]].rename(columns={"to": "node"})],
                       ignore_index=True)
    people = people[people["node"] != me].drop_duplicates(["message_id", "node"])
    size = people.groupby("message_id")["node"].transform("size")
    people = people.assign(k=size)[(size >= 2) & (size <= bulk)]
    shared = people.merge(people[["message_id", "node"]], on="message_id", suffixes=("_a", "_b"))
    shared = shared[shared["node_a"] < shared["node_b"]]
    shared = shared.assign(meeting=shared["channel"] == "meeting", w=1.0 / (shared["k"] - 1))
    co = shared.groupby(["node_a", "node_b"]).agg(messages=("meeting", lambda m: int((~m).sum())),
                                                   meetings=("meeting", "sum"), weighted=("w", "sum"),
                                                   last=("date", "max"))
    co.index.names = ["a", "b"]
    threads = _shared_threads(grouped, people, me)
    out = co.join(observed, how="outer").join(threads, how="outer")
    mine = pd.unique(pd.concat([x.loc[x["from"] == me, "to"], x.loc[x["to"] == me, "from"]]))
    out = out.join(_common_neighbours(out.index, mine), how="outer")
    for column in ("direct", "messages", "meetings", "threads", "common"):
        out[column] = out[column].fillna(0).astype(int) if column in out else 0
    out["weighted"] = out["weighted"].fillna(0.0)
    out["last"] = out[["last", "last_direct"]].max(axis=1)
    # how many others the evidence links each of the two to: a person seen with everybody (an assistant on
    # every message) is weaker evidence of knowing any one of them
    partners = pd.concat([out.index.get_level_values(0).to_series(), out.index.get_level_values(1).to_series()])
    counts = partners.value_counts()
    out["partners"] = np.minimum(counts.reindex(out.index.get_level_values(0)).to_numpy(),
                                 counts.reindex(out.index.get_level_values(1)).to_numpy())
    return out.drop(columns="last_direct")


#: Above this many contacts, common neighbours are not counted (a sparse product of that size stays in seconds).
_MAX_CLOSURE = 20_000


def _common_neighbours(pairs: pd.Index, mine) -> pd.Series:
    """Per pair of my contacts, how many of my other contacts the evidence links to both (triadic closure:
    two people with friends in common tend to know each other; Liben-Nowell & Kleinberg 2007)."""
    empty = pd.Series([], index=pd.MultiIndex.from_arrays([[], []], names=["a", "b"]), dtype=int, name="common")
    if len(pairs) == 0 or len(mine) < 3 or len(mine) > _MAX_CLOSURE:
        return empty
    index = pd.Index(mine)
    a, b = index.get_indexer(pairs.get_level_values(0)), index.get_indexer(pairs.get_level_values(1))
    keep = (a >= 0) & (b >= 0)
    n = len(index)
    A = sp.coo_matrix((np.ones(2 * keep.sum()), (np.r_[a[keep], b[keep]], np.r_[b[keep], a[keep]])),
                      shape=(n, n)).tocsr()
    A.data[:] = 1.0
    common = sp.triu(A @ A, k=1).tocoo()
    if common.nnz == 0:
        return empty
    first, second = np.asarray(index[common.row], dtype=object), np.asarray(index[common.col], dtype=object)
    swap = second < first
    first[swap], second[swap] = second[swap], first[swap]
    return pd.Series(common.data.astype(int), name="common",
                     index=pd.MultiIndex.from_arrays([first, second], names=["a", "b"]))


def _shared_threads(messages: pd.DataFrame, people: pd.DataFrame, me) -> pd.Series:
    """Per pair, the threads (messages linked by ``in_reply_to``) both are on, counted once per thread."""
    linked = messages[(messages["in_reply_to"].fillna("") != "")][["message_id", "in_reply_to"]].drop_duplicates()
    if linked.empty:
        return pd.Series([], index=pd.MultiIndex.from_arrays([[], []], names=["a", "b"]), dtype=int, name="threads")
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
    counted = pairs.groupby(["node_a", "node_b"]).size().rename("threads")
    counted.index.names = ["a", "b"]
    return counted


def _employers(people: pd.DataFrame, me) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs of people other than me at one current employer, and at one past employer."""
    company = people["company"].fillna("")
    domains = people["email"].map(lambda emails: {d for d in map(domain_of, emails or []) if d}
                                  - PERSONAL_DOMAINS)
    rows = [(node, c) for node, c in company.items() if c and node != me]
    # a work address stands for the employer of someone whose company is not known (the company, when
    # known, is the employer: counting both would count one crowd twice)
    rows += [(node, f"@{d}") for node, ds in domains.items() if node != me and not company[node] for d in ds]
    current = pd.DataFrame(rows, columns=["node", "employer"]).drop_duplicates()
    past = pd.DataFrame([(node, c) for node, cs in people["past_companies"].items() if node != me
                         for c in (cs or []) if c], columns=["node", "employer"]).drop_duplicates()
    return _same(current), _same(past)


def _same(members: pd.DataFrame) -> pd.DataFrame:
    counts = members.groupby("employer")["node"].transform("size")
    members = members[(counts >= 2) & (counts <= 2000)].assign(size=counts)
    pairs = members.merge(members[["employer", "node"]], on="employer", suffixes=("_a", "_b"))
    pairs = pairs[pairs["node_a"] < pairs["node_b"]]
    pairs = pairs.sort_values("size").drop_duplicates(["node_a", "node_b"])  # the smallest shared employer
    return pairs.rename(columns={"node_a": "a", "node_b": "b"}).set_index(["a", "b"])[["employer", "size"]]


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
    """
    model = model or EvidenceModel()
    floor = model.min_confidence if min_confidence is None else min_confidence
    features = pair_features(interactions, me, bulk=bulk)
    current, past = _employers(people, me)
    table = features.join(current.rename(columns={"employer": "employer", "size": "crowd"}), how="outer")
    table = table.join(past.rename(columns={"employer": "past", "size": "past_crowd"}), how="outer")
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
    table["evidence"] = [_phrases(row) for row in table.itertuples()]
    return table[["confidence", "basis", "evidence"]]


def _phrases(row) -> str:
    """The evidence of one pair, in words."""
    last = f", last in {row.last:%B %Y}" if isinstance(row.last, pd.Timestamp) else ""
    out = []
    if row.direct:
        out.append(f"they wrote to each other on {_count(row.direct, 'messages', 'a message')} you have{last}")
    if row.messages:
        out.append(f"both on {_count(row.messages, 'of your messages', 'one of your messages')}"
                   + ("" if row.direct else last))
    if row.meetings:
        out.append(f"both at {_count(row.meetings, 'of your meetings', 'one of your meetings')}"
                   + ("" if row.direct or row.messages else last))
    if row.threads:
        out.append(f"both on {_count(row.threads, 'of your threads', 'one of your threads')}")
    if row.common:
        out.append(f"{_count(row.common, 'of your contacts know both', 'one of your contacts knows both')}")
    if isinstance(row.employer, str):
        out.append(f"both at {row.employer.removeprefix('@')}" if not row.employer.startswith("@") else
                   f"both write from {row.employer.removeprefix('@')}")
    if isinstance(row.past, str):
        out.append(f"both worked at {row.past}")
    return "; ".join(out)


def _count(n: float, plural: str, one: str | None = None) -> str:
    n = int(n)
    return (one or f"1 {plural}") if n == 1 else f"{n} {plural}"


def mail_introductions(interactions: pd.DataFrame, me, *, bulk: int) -> pd.DataFrame:
    """The "meet X" messages: someone writes to me and to a person new to me at once.

    A message from S to me and to X, on which X appears for the first time in my
    interactions, is an introduction of X to me by S (headers alone say so: the
    classic introduction copies both people). Messages to lists or to more than
    ``bulk`` people are not introductions.

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
    new = candidates[candidates["date"] <= candidates["to"].map(first)]
    new = new.sort_values("date").drop_duplicates("to")
    return pd.DataFrame({"date": new["date"].to_numpy(), "introducer": new["from"].to_numpy(),
                         "introduced": new["to"].to_numpy(), "to": me, "status": "made"}, columns=columns)
