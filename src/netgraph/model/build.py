"""Canonical tables -> the relationship graph (docs/architecture.md, "The graph").

The graph is an ``nx.DiGraph`` with a node per person and, for every
relationship, both directed edges. What flowed one way sits on that way's edge:

==============  ===========================================================
``sent``        interactions from u to v (all channels, mass mail included)
``asks``        asks from u to v (interactions of kind ``ask`` and
                introductions u requested of v)
``asks_year``   of which in the 365 days before ``today``
``gives``       interactions of kind ``give`` from u to v
``intros``      introductions u made for v (only when there are any)
``waiting``     personal contacts from u to v since v last contacted u
                or they last met (unanswered; meetings, mailing lists
                and mass mail wait for no answer), only when some wait
``waiting_since`` the date of the first of them, likewise
``first``       date of the first interaction from u to v (absent if none)
``last``        date of the last one
``last_channel`` the channel of the last one
==============  ===========================================================

Attributes that are mostly zero (``asks``, ``asks_year``, ``gives``, ``intros``,
``waiting``, ``waiting_since``) are set only where they are not: read them with
``G[u][v].get("asks", 0)``. What belongs to the pair is on both edges: ``strength`` and its components
(:mod:`netgraph.model.strength`), ``interactions``, ``interactions_year``,
``meetings``, ``meetings_year``, ``sources`` (what the relationship is known
from), and where they apply ``introduced_by``, ``introduced_on``,
``connected_on``, ``since`` and ``note`` (from a ``ties`` row). Graph attributes: ``symmetric``
(True: both directions of every relationship are there), ``me``, ``today``,
``targets``, ``companies`` (name, aliases, domains, industry),
``introductions`` (the introduction records, with node ids) and
``homonyms`` (the names two people or more share, with how many share
each, which :func:`netgraph.model.graph.display_name` tells apart).

Everything is aggregated with vectorised pandas group-bys, so that a million
interactions build in seconds.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import numpy as np

from .._lazy import pd
from ..errors import NetgraphError
from .companies import canonical_targets, directory
from .dates import as_timestamp
from .edges import add_relationships
from .evidence import EvidenceModel, infer_ties, mail_introductions
from .identity import Identity, IdentitySettings, resolve_people
from .keys import email_key, name_key, split_reference
from .network import Network
from .report import ImportReport
from .rules import Rules
from .strength import StrengthModel
from .tables import Tables, empty, validate

__all__ = ["build_graph", "assemble", "validated"]

_NODE_RENAMES = {"email": "emails", "phone": "phones"}


def build_graph(people=None, interactions=None, ties=None, introductions=None, companies=None, *,
                me=None, emails=(), today=None, targets=(), model: StrengthModel | None = None,
                rules: Rules | None = None,
                errors: str = "raise") -> nx.DiGraph:
    """Build the relationship graph from canonical tables.

    Parameters
    ----------
    people, interactions, ties, introductions, companies : DataFrame, optional
        Canonical tables (:mod:`netgraph.model.tables`): columns named as there, people
        referred to by id, e-mail address or name. Without ``people``, the
        people are made from the references themselves.
    me : str, optional
        Who the network belongs to (an id, e-mail address or name).
    emails : sequence of str
        My e-mail addresses.
    today : date or str, optional
        The day recency is measured from (default: the real today).
    targets : sequence of str
        Companies of interest.
    model : StrengthModel, optional
        Tie-strength parameters (recorded as ``G.graph["model"]``).
    rules : Rules, optional
        The rules of thumb the analyses read (recorded as ``G.graph["rules"]``).
    errors : {"raise", "report"}
        Whether a bad row raises :class:`NetgraphError` (the default) or is
        skipped; skipped rows are listed in ``G.graph["report"]`` either way.

    Returns
    -------
    nx.DiGraph

    Examples
    --------
    >>> import pandas as pd, netgraph
    >>> people = pd.DataFrame({"name": ["Jane Jones", "Stan Whitfield"]})
    >>> interactions = pd.DataFrame({"date": ["2026-10-01", "2026-10-02"],
    ...                              "from": ["Jane Jones", "Stan Whitfield"],
    ...                              "to": ["Stan Whitfield", "Jane Jones"]})
    >>> G = netgraph.build_graph(people, interactions, me="Jane Jones", today="2026-11-01")
    >>> G["jane-jones"]["stan-whitfield"]["sent"], G["stan-whitfield"]["jane-jones"]["sent"]
    (1, 1)
    """
    if errors not in ("raise", "report"):
        raise ValueError("errors must be 'raise' or 'report'")
    tables, report = validated({"people": people, "interactions": interactions, "ties": ties,
                                "introductions": introductions, "companies": companies})
    net = assemble(tables, me=me, emails=emails, today=today, targets=targets, model=model, rules=rules,
                   report=report)
    skipped = [p for p in report.problems if p.skipped]
    if errors == "raise" and skipped:
        first = skipped[0]
        raise NetgraphError(f"{first.reason} ({len(skipped)} rows with problems; errors='report' skips them)",
                            file=first.file, line=first.line)
    net.graph.graph["report"] = report
    return net.graph


def validated(frames: dict[str, pd.DataFrame | None]) -> tuple[Tables, ImportReport]:
    """Validate tables given in Python (None for absent ones); the report names them ``<kind>``."""
    report = ImportReport()
    tables = {kind: validate(frame, kind, report.add(f"<{kind}>", kind))
              for kind, frame in frames.items() if frame is not None}
    return Tables(**tables), report


def assemble(tables: Tables, *, me=None, emails=(), today=None, targets=(), model: StrengthModel | None = None,
             rules: Rules | None = None,
             report: ImportReport | None = None, settings: IdentitySettings | None = None) -> Network:
    """Resolve identities and references, then build the graph: validated tables -> :class:`Network`.

    ``settings`` carries what ``netgraph.toml`` says about me and phone numbers
    (:class:`netgraph.model.identity.IdentitySettings`).

    The tables are consumed: their references are replaced by node ids in place.
    """
    report = report or ImportReport()
    model = model or StrengthModel()
    rules = rules or Rules()
    today = as_timestamp(today) or pd.Timestamp.today().normalize()
    records = pd.concat([tables.people, _people_from_references(tables, report)], ignore_index=True)
    if not me and not emails and tables.owner:
        me = tables.owner[0]
        emails = [o for o in tables.owner if "@" in o]
        report.add("<owner>", "config").notes.append(f"nobody is set as me: taking {me}, the owner of the files read")
    identity = resolve_people(records, me=me, emails=tuple(emails), settings=settings)
    report.merges = identity.merges
    _report_refusals(identity, report)
    if identity.notes:
        report.add("<identity>", "config").notes.extend(identity.notes)
    _check_owner_name(identity, me, report)
    people = identity.people
    found = directory(tables.companies, people)

    interactions = _resolve(tables.interactions, ("from", "to"), identity, report, "an interaction with oneself")
    tables.interactions = None  # resolved in place: the raw table need not stay
    _check_dates(interactions, today, report)
    ties = _resolve(tables.ties, ("a", "b"), identity, report, "a tie of someone with themselves")
    intros = tables.introductions.copy()
    intros["to"] = intros["to"].where(intros["to"] != "", "me")
    intros = _resolve(intros, ("introducer", "introduced", "to"), identity, report,
                      "an introduction of someone to themselves", distinct=("introduced", "to"))

    evidence = EvidenceModel()
    if identity.me is not None:
        intros = _with_mail_introductions(intros, interactions, identity.me, model, people["connected_on"])
    inferred = infer_ties(people, interactions, identity.me, bulk=model.bulk_recipients, model=evidence)

    target_names = canonical_targets(found, targets, report)
    G = _graph(people, interactions, ties, intros, inferred, identity.me, today, model, evidence)
    if me and identity.me is not None and len(G) > 1 and not G.degree(identity.me):
        report.add("<owner>", "config").problem(  # a name spelt otherwise than in the files makes a stranger
            None, f"me is '{me}', who has no contact in the files read: is the name spelt as in your files?",
            skipped=False)
    G.graph.update(me=identity.me, today=today.date(), targets=target_names, companies=found.records,
                   model=model, rules=rules,
                   introductions=_records(intros[["date", "introducer", "introduced", "to", "status",
                                                  "updated_introducer_on", "note"]]),
                   homonyms=_homonyms(people["name"]))
    companies = pd.DataFrame(found.records, columns=["name", "aliases", "domains", "industry"])
    return Network(graph=G, people=people, interactions=_public(interactions), ties=_public(ties),
                   introductions=_public(intros), companies=companies, report=report, emails=list(emails),
                   identities=identity)


def _homonyms(names: pd.Series) -> dict[str, int]:
    """The names two people or more share, and how many share each (a dict: looked up per name shown)."""
    counts = names[names != ""].value_counts()
    return {str(name): int(n) for name, n in counts[counts > 1].sort_index().items()}


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["_file", "_line", "_source"]).reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (v.date() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()
                    if not (v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)))})
    return out


#: Which columns of which table name people.
_REFERENCES = {"interactions": ("from", "to"), "ties": ("a", "b"), "introductions": ("introducer", "introduced", "to")}


def _check_owner_name(identity: Identity, me, report: ImportReport) -> None:
    """Say so when the name given for me is on none of the owner's own records (a typo names me anew)."""
    if not me or "@" in me or identity.me is None or me == identity.me:
        return
    merges = identity.merges
    names = {n for n in merges.loc[(merges["node"] == identity.me) & (merges["source"] != "me"), "record_name"]
             if n and "@" not in n}  # an address where a name should be says nothing of the name
    if names and name_key(me) not in {name_key(n) for n in names}:
        known = ", ".join(f"'{n}'" for n in sorted(names)[:3])
        report.add("<owner>", "config").problem(
            None, f"me is '{me}', but your own records (found by your e-mail addresses) say {known}: "
                  "is 'me' spelt right?", skipped=False)


def _report_refusals(identity: Identity, report: ImportReport) -> None:
    """Keys left unused and merges refused on real-file quirks are warnings of the record's file and line."""
    refusals = identity.refusals
    for file, line, reason in refusals.loc[refusals["reported"], ["file", "line", "reason"]].itertuples(index=False):
        entry = next((f for f in reversed(report.files) if f.file == str(file)), None) or report.add(file, "people")
        entry.problem(int(line) or None, reason, skipped=False)


def _people_from_references(tables: Tables, report: ImportReport) -> pd.DataFrame:
    """The people that mail, calendars and messages name are people too.

    References in real exports (``"Lee, Mary" <mary@novagen.com>``) each make a
    person record — from the file and line of their first mention, so that
    identity can explain it — which identity then merges with the address
    book's. In the canonical tables a reference must name someone in a people
    table — unless there is none, in which case everyone referred to is a person.
    """
    anyone = not len(tables.people)
    mentions = []
    for kind, columns in _REFERENCES.items():
        frame = getattr(tables, kind)
        if not anyone:
            frame = frame[frame["_source"] != kind]
        for column in columns:
            mentions.append(frame[[column, "_file", "_line", "_source"]].set_axis(["ref", "_file", "_line", "_source"],
                                                                               axis=1))
    mentions = pd.concat(mentions, ignore_index=True) if mentions else pd.DataFrame(columns=["ref"])
    mentions = mentions[(mentions["ref"] != "") & (mentions["ref"].str.casefold() != "me")]
    mentions = mentions.drop_duplicates("ref")
    if not len(mentions):
        return empty("people")
    rows = []
    for ref in mentions["ref"]:
        name, key = split_reference(ref)
        address = email_key(key)
        # a key with an @ is an address, however odd (sam@intranet); anything else may be a profile URL
        rows.append({"name": name or address or key, "email": [address] if address else [],
                     "linkedin_url": "" if address or "@" in key else key})
    entry = report.add("<references>", "people")
    entry.notes.append("people named in interactions" + (", ties and introductions: there is no people table"
                                                         if anyone else " read from mail, calendars and messages"))
    people = validate(pd.DataFrame(rows, columns=["name", "email", "linkedin_url"]), "people", entry,
                      source="reference")
    # each record says where it was first seen; its source kind ranks it below address books
    people[["_file", "_line"]] = mentions[["_file", "_line"]].to_numpy()
    people["_source"] = mentions["_source"].map(lambda s: s if s in ("mbox", "ics") else "reference").to_numpy()
    return people


def _resolve(frame: pd.DataFrame, columns: tuple[str, ...], identity: Identity, report: ImportReport,
             self_reason: str, distinct: tuple[str, str] | None = None) -> pd.DataFrame:
    """Replace references by node ids, in place; rows naming nobody (or one person twice) are skipped."""
    bad = np.zeros(len(frame), dtype=bool)
    reasons: dict[int, list[str]] = defaultdict(list)
    for column in columns:
        nodes, why = identity.resolve_many(frame[column])
        missing = nodes.isna().to_numpy()
        for i in np.flatnonzero(missing).tolist():
            reasons[i].append(f"{column}: {why.iloc[i]}")
        bad |= missing
        frame[column] = nodes.astype(object)
    a, b = distinct or columns[:2]
    same = (frame[a] == frame[b]).to_numpy() & ~bad
    for i in np.flatnonzero(same).tolist():
        reasons[i].append(self_reason)
    bad |= same
    # One record (a message, a meeting) may give several rows: it is skipped only when none is left,
    # else each row left out is a warning on the record that loaded.
    records = list(zip(frame["_file"].to_numpy(object)[bad], frame["_line"].to_numpy()[bad]))
    kept = set(zip(frame["_file"].to_numpy(object)[~bad], frame["_line"].to_numpy()[~bad])) if bad.any() else set()
    counted = set()
    for i, record in zip(np.flatnonzero(bad).tolist(), records):
        entry = report.entry(record[0])
        partly = record in kept
        entry.problem(int(record[1]), "; ".join(reasons[i]) + ("; that part left out" if partly else ""),
                      skipped=not partly and record not in counted)
        if not partly and record not in counted:
            entry.loaded -= 1
        counted.add(record)
    return frame[~bad].reset_index(drop=True) if bad.any() else frame


def _check_dates(interactions: pd.DataFrame, today: pd.Timestamp, report: ImportReport) -> None:
    """Dates after today or before 1980 are kept but reported: they are usually clock or export errors."""
    dates = interactions["date"]
    odd = (dates > today + pd.Timedelta(days=1)) | (dates < pd.Timestamp("1980-01-01"))
    for file, line, date in zip(interactions["_file"][odd], interactions["_line"][odd], dates[odd]):
        when = "after today" if date > today else "before 1980"
        report.entry(file).problem(int(line), f"date {date.date()} is {when}; kept", skipped=False)


def _graph(people: pd.DataFrame, interactions: pd.DataFrame, ties: pd.DataFrame, intros: pd.DataFrame,
           inferred: pd.DataFrame, me: str | None, today: pd.Timestamp, model: StrengthModel,
           evidence: EvidenceModel) -> nx.DiGraph:
    G = nx.DiGraph(symmetric=True, min_confidence=evidence.min_confidence)
    G.add_nodes_from(_node_attributes(people))
    add_relationships(G, people, interactions, ties, intros, me, today, model, inferred=inferred,
                      inferred_strength=evidence.strength)
    return G


def _with_mail_introductions(intros: pd.DataFrame, interactions: pd.DataFrame, me, model: StrengthModel,
                             connected_on: pd.Series):
    """The introductions my mailbox shows ("meet X": someone wrote to me and a person new to me at once: not
    yet written to or from, nor a connection of mine before that day), added to those recorded, as made; the
    introducer counts as updated once I wrote to them afterwards."""
    found = mail_introductions(interactions, me, bulk=model.bulk_recipients, known_since=connected_on)
    known = set(zip(intros["introduced"], intros["to"]))
    found = found[[(x, t) not in known for x, t in zip(found["introduced"], found["to"])]]
    if found.empty:
        return intros
    mine = interactions[interactions["from"] == me]
    updated = [mine.loc[(mine["to"] == s) & (mine["date"] > d), "date"].min() for s, d in
               zip(found["introducer"], found["date"])]
    found = found.assign(updated_introducer_on=pd.to_datetime(pd.Series(updated, index=found.index)), note="",
                         _file="", _line=0, _source="mail")
    return pd.concat([intros, found[intros.columns]], ignore_index=True)


def _node_attributes(people: pd.DataFrame):
    columns = [c for c in people.columns]
    for node, values in zip(people.index, people.itertuples(index=False)):
        attrs = {}
        for column, value in zip(columns, values):
            if isinstance(value, list) or column in ("name", "company", "title", "is_me"):
                attrs[_NODE_RENAMES.get(column, column)] = value
            elif isinstance(value, pd.Timestamp):
                attrs[column] = value.date()
            elif value is not None and value == value and value != "" and value is not pd.NaT:
                attrs[column] = value
        yield node, attrs
