r"""Tie strength: one explainable number in [0, 1] per relationship.

Granovetter (1973) defined the strength of a tie as "a (probably linear)
combination of the amount of time, the emotional intensity, the intimacy
(mutual confiding), and the reciprocal services which characterize the tie".
Gilbert & Karahalios (2009) turned that into a predictive model from traces of
interaction and found recency of contact, time known and intimacy among the
strongest predictors. netgraph computes the same kinds of evidence from the
interactions of each pair ``{u, v}`` (both directions together), at a fixed
``today``, and keeps every component visible:

=============  =======================================================  =====================================
component      formula                                                  stands for
=============  =======================================================  =====================================
``recency``    :math:`2^{-d/h}`, *d* days since the last contact,       Gilbert & Karahalios' "days since
               *h* the half-life (90 days)                              last communication"
``frequency``  :math:`\min(1, \log(1+n)/\log(1+52))`, *n* the           Granovetter's "amount of time";
               channel-weighted contacts of the last 365 days            weekly contact saturates
``mutuality``  :math:`2\min(s, r)/(s + r)`, *s*, *r* contacts each way  reciprocal services; the
                                                                        reciprocated volume min(s, r)
                                                                        of Squartini et al. (2013)
``duration``   :math:`\min(1, y/5)`, *y* years from first to last       "duration" (G&K's "days since
               contact                                                  first communication")
``richness``   mean channel weight: meeting 1, call 0.8, letter 0.6,    intimacy: media richness, a
               message and e-mail 0.4, other 0.3                        meeting says more than a mail
``closeness``  :math:`(c - 1)/4` for the user's own rating *c* in 1..5  the user's own judgement
``declared``   the ``strength`` of a ``ties`` row, when given           a relationship known without
                                                                        traces (e.g. "Stan knows Mary")
=============  =======================================================  =====================================

The behavioural score multiplies how much the pair is in touch by how deep
the tie is, so that one recent e-mail does not make a strong tie, nor does a
long but one-sided history:

.. math::

    \text{intensity} = \tfrac13\,\text{recency} + \tfrac23\,\text{frequency}, \qquad
    \text{depth} = \tfrac13(\text{mutuality} + \text{duration} + \text{richness})

.. math::

    \text{behaviour} = \text{intensity} \times (0.4 + 0.6\,\text{depth})

The strength is the mean of the evidence a pair has: the behavioural score when
there were interactions, the user's closeness rating, and the declared strength
of a ``ties`` row. A relationship known only from a ``ties`` row or an
introduction, with no strength given, scores 0.3 (an acquaintance); a LinkedIn
connection with nothing else scores 0.05: a connection is not a relationship.

Mass mail (a message to more than ``bulk_recipients`` people) counts with
weight ``bulk_recipients / recipients``, so that it cannot swamp a tie, and
mailing-list traffic not at all (:func:`netgraph.model.edges.add_relationships`
leaves it out: a newsletter's sender is nobody's tie). A meeting is contact both ways
(half a contact in each direction: it never makes one side owe the other),
and a group meeting is shared among its attendees: a meeting with *k* guests
counts ``1 / k`` for each, so that a weekly 1:1 builds a close tie and a
monthly 30-person meetup almost none. ``peak`` — the frequency of the busiest calendar year —
is kept beside the components, so that a dormant tie (once strong, now quiet;
Levin, Walter & Murnighan 2011) can be told from one that never was strong.

References
----------
.. [1] M. S. Granovetter, "The Strength of Weak Ties", American Journal of
   Sociology 78(6), 1973.
.. [2] E. Gilbert and K. Karahalios, "Predicting Tie Strength with Social
   Media", CHI 2009.
.. [3] T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity
   of weighted networks", Scientific Reports 3, 2013.
.. [4] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties: The value of
   reconnecting", Organization Science 22(4), 2011.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .._lazy import pd

__all__ = ["StrengthModel", "COMPONENTS", "components", "tie_strength", "explain_strength"]

#: The columns a strength is made of, in the order they are shown.
COMPONENTS = ("recency", "frequency", "mutuality", "duration", "richness", "closeness", "declared")


@dataclass(frozen=True)
class StrengthModel:
    """The parameters of the tie-strength formula (see the module docstring)."""

    half_life_days: float = 90.0
    weekly: float = 52.0
    duration_years: float = 5.0
    channel_weights: dict[str, float] = field(default_factory=lambda: {
        "meeting": 1.0, "call": 0.8, "letter": 0.6, "message": 0.4, "email": 0.4, "other": 0.3})
    recency_share: float = 1 / 3
    depth_floor: float = 0.4
    declared_default: float = 0.3
    connection_only: float = 0.05
    bulk_recipients: int = 10

    def mass(self, recipients: pd.Series, mailing_list: pd.Series | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Which interactions are mass mail (more than ``bulk_recipients``) and which went to a mailing list."""
        bulk = np.nan_to_num(recipients.to_numpy(float), nan=1.0) > self.bulk_recipients
        listed = (np.zeros(len(recipients), dtype=bool) if mailing_list is None
                  else (mailing_list.fillna("") != "").to_numpy())
        return bulk, listed

    def interaction_weights(self, channel: pd.Series, recipients: pd.Series) -> np.ndarray:
        """Each interaction's weight: its channel's, scaled down for mass mail, and a meeting's shared among
        its guests."""
        weight = channel.map(self.channel_weights).fillna(self.channel_weights["other"]).to_numpy(float, copy=True)
        bulk, _ = self.mass(recipients)
        guests = np.nan_to_num(recipients.to_numpy(float), nan=1.0).clip(min=1.0)
        meeting = (channel == "meeting").to_numpy()
        weight[bulk & ~meeting] *= self.bulk_recipients / guests[bulk & ~meeting]
        weight[meeting] /= guests[meeting]
        return weight

    def frequency(self, weighted_count: np.ndarray) -> np.ndarray:
        return np.minimum(1.0, np.log1p(weighted_count) / np.log1p(self.weekly))


def model_of(G: nx.Graph) -> StrengthModel:
    """The model ``G`` was built with (the default model for a graph that records none)."""
    model = G.graph.get("model")
    return model if isinstance(model, StrengthModel) else StrengthModel()

def _days(later, earlier) -> np.ndarray:
    """Days from ``earlier`` to ``later`` (NaN where either is missing).

    Counted in days, not nanoseconds: two dates more than 292 years apart (an
    e-mail dated 1700 beside one of today) overflow a nanosecond count.
    """
    later = np.asarray(later, dtype="datetime64[ns]").astype("datetime64[D]")
    earlier = np.asarray(earlier, dtype="datetime64[ns]").astype("datetime64[D]")
    missing = np.isnat(later) | np.isnat(earlier)
    return np.where(missing, np.nan, (later - earlier).astype(np.int64).astype(float))


def components(pairs: pd.DataFrame, today: pd.Timestamp, model: StrengthModel | None = None) -> pd.DataFrame:
    """Vectorised strength of many pairs.

    Parameters
    ----------
    pairs : DataFrame
        One row per pair with, where known: ``n_uv``, ``n_vu`` (contacts each
        way), ``weight`` and ``weight_year`` (channel-weighted contacts, all
        time and in the last 365 days), ``peak_weight`` (weighted contacts of
        the busiest calendar year), ``first`` and ``last`` (dates),
        ``closeness`` (1..5), ``declared`` (0..1) and ``known`` (the pair is
        named in a ``ties`` row or an introduction); missing values are NaN.
    today : Timestamp
    model : StrengthModel, optional

    Returns
    -------
    DataFrame
        The components of :data:`COMPONENTS`, ``peak``, ``behaviour`` and
        ``strength``, aligned with ``pairs``.
    """
    model = model or StrengthModel()
    out = pd.DataFrame(index=pairs.index)
    n_uv = pairs["n_uv"].fillna(0).to_numpy(float)
    n_vu = pairs["n_vu"].fillna(0).to_numpy(float)
    total = n_uv + n_vu
    has = total > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        days = _days(np.datetime64(pd.Timestamp(today).date()), pairs["last"]).clip(min=0)
        span = _days(pairs["last"], pairs["first"])
        out["recency"] = np.where(has, 0.5 ** (days / model.half_life_days), np.nan)
        out["frequency"] = np.where(has, model.frequency(pairs["weight_year"].fillna(0).to_numpy(float)), np.nan)
        out["mutuality"] = np.where(has, 2 * np.minimum(n_uv, n_vu) / total, np.nan)
        out["duration"] = np.where(has, np.minimum(1.0, span / 365.25 / model.duration_years), np.nan)
        out["richness"] = np.where(has, pairs["weight"].to_numpy(float) / total, np.nan)
        out["peak"] = np.where(has, model.frequency(pairs["peak_weight"].fillna(0).to_numpy(float)), np.nan)
    out["closeness"] = (pairs["closeness"].to_numpy(float) - 1) / 4
    out["declared"] = pairs["declared"].to_numpy(float)

    intensity = model.recency_share * out["recency"] + (1 - model.recency_share) * out["frequency"]
    depth = (out["mutuality"] + out["duration"] + out["richness"]) / 3
    out["behaviour"] = intensity * (model.depth_floor + (1 - model.depth_floor) * depth)
    evidence = out[["behaviour", "closeness", "declared"]].to_numpy()
    nothing = np.isnan(evidence).all(axis=1)
    with np.errstate(invalid="ignore"):
        strength = np.nanmean(np.where(nothing[:, None], 0, evidence), axis=1)
    known = pairs["known"].fillna(False).to_numpy(bool) if "known" in pairs else np.zeros(len(pairs), bool)
    strength[nothing] = np.where(known[nothing], model.declared_default, model.connection_only)
    out["strength"] = np.clip(strength, 0.0, 1.0)
    return out


def tie_strength(G: nx.DiGraph, *, me=None) -> pd.DataFrame:
    """Every tie of ``me`` with its strength and the components behind it.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph (see :func:`netgraph.build_graph`).
    me : node, optional
        Whose ties; defaults to the node marked ``is_me``.

    Returns
    -------
    DataFrame
        One row per contact, strongest first: ``contact`` (name), ``node``,
        ``strength``, the components (NaN where a component has no evidence),
        ``peak``, ``sent``, ``received`` and ``last``.

    Examples
    --------
    >>> import netgraph
    >>> G = netgraph.load().graph
    >>> netgraph.tie_strength(G).columns[:3].tolist()
    ['contact', 'node', 'strength']
    """
    from .graph import me_of

    me = me_of(G, me)
    rows = []
    for v, data in G[me].items():
        back = G[v][me]
        rows.append({
            "contact": G.nodes[v].get("name", v), "node": v, "strength": data["strength"],
            **{c: data.get(c, np.nan) for c in (*COMPONENTS, "peak")},
            "sent": data.get("sent", 0), "received": back.get("sent", 0), "last": _last(data, back),
        })
    columns = ["contact", "node", "strength", *COMPONENTS, "peak", "sent", "received", "last"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["strength", "contact"], ascending=[False, True], ignore_index=True)


def _last(data: dict, back: dict):
    dates = [d for d in (data.get("last"), back.get("last")) if d is not None]
    return max(dates) if dates else None


def explain_strength(G: nx.DiGraph, u, v) -> str:
    """The strength of the tie u-v in words, component by component.

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.load()
    >>> print(netgraph.explain_strength(net.graph, net.me, "stan-whitfield"))  # doctest: +ELLIPSIS
    strength 0...
    """
    data, back = G[u][v], G[v][u]
    lines = [f"strength {data['strength']:.2f}"]
    sent, received = data.get("sent", 0), back.get("sent", 0)
    last = _last(data, back)
    described = {
        "recency": f"last contact {last}" if last else "",
        "frequency": f"{data.get('interactions_year', 0)} contacts in the last year",
        "mutuality": f"{sent} sent, {received} received",
        "duration": f"in touch since {min(d for d in (data.get('first'), back.get('first')) if d)}"
        if data.get("first") or back.get("first") else "",
        "richness": f"{data.get('meetings', 0)} meetings of {data.get('interactions', 0)} contacts",
        "closeness": "your own rating",
        "declared": "the strength you gave this relationship",
    }
    for name in COMPONENTS:
        value = data.get(name)
        if value is not None and not np.isnan(value):
            lines.append(f"  {name:<10} {value:.2f}  {described[name]}")
    if len(lines) == 1:
        known = "ties" in data.get("sources", []) or "introductions" in data.get("sources", [])
        lines.append("  a known relationship, no contact recorded" if known else
                     "  a connection only: no contact recorded")
    return "\n".join(lines)
