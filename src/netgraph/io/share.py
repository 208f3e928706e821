"""Share files: what one team member gives the others, and a team's shares merged into one graph.

A share file (``alice.netshare``, documented in ``docs/share-format.md``) is JSON
Lines: a header, the member, then one record per company, person and tie. It
holds what a teammate needs to find an introduction and nothing more: people's
names, employers, titles and profile URLs; e-mail addresses only as keyed hashes
(HMAC-SHA256 with a secret the team shares, so that two members' records of one
person match while nobody outside the team can test a guessed address); the
strength, Dunbar layer and last month of contact of each of the member's
relationships, and the strength and basis of the ties among their contacts. No
interaction, message, note, phone number or day-precise date is written.

A team folder holds share files, and for a member who prefers, that member's
raw exports in a subfolder with its own ``netgraph.toml``. :func:`load_team`
merges them: records of one human in several shares become one node (on the
hashed addresses, profile URLs, then names, as :mod:`netgraph.model.identity`
does for one person), and every node and tie says which members know it and how
well (``known_by``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .._lazy import pd
from ..errors import NetgraphError
from ..model.companies import Directory, canonical_targets
from ..model.dates import as_timestamp
from ..model.graph import me_of
from ..model.keys import company_key, email_key, name_key, slug, url_key
from ..model.network import Network
from ..model.report import FileReport, ImportReport
from ..model.rules import Rules
from ..model.strength import StrengthModel
from ..model.tables import empty
from ..model.targets import find_target
from .config import Config, read_config
from .export import atomic_write
from .textio import read_text

__all__ = ["Share", "share_of", "write_share", "read_share", "load_team", "merge_shares", "tie_basis",
           "FORMAT", "VERSION", "SUFFIX", "SECRET_VARIABLE"]

#: The header's ``format``, what tells a share file by its content.
FORMAT = "netgraph-share"
#: The version of the format this module writes and reads.
VERSION = 1
#: The suffix share files carry.
SUFFIX = ".netshare"
#: The environment variable holding the team secret when none is given.
SECRET_VARIABLE = "NETGRAPH_TEAM_SECRET"
#: How the tie between two people is known, most direct first.
BASES = ("observed", "declared", "inferred")
#: Hex digits kept of each keyed hash: 128 bits, no collision among any team's addresses.
_HASH_DIGITS = 32
#: Hex digits of the secret's check value: enough to tell two secrets apart, too few to test guesses with.
_CHECK_DIGITS = 8
_CHECK_MESSAGE = b"netgraph share key check"
#: The longest text a share may hold in a field (a name, a title, a URL): longer is not a person's record.
_LONGEST_TEXT = 300
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_HEX = re.compile(rf"^[0-9a-f]{{{_HASH_DIGITS}}}$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
#: More records of one name than this (a planted file, a very common name) identify nobody by name alone:
#: they are matched on their keys only, which keeps the name pass linear in the records.
_CROWDED_NAME = 64
#: The member's node in their own share's ties.
MEMBER = "member"


def tie_basis(data: Mapping) -> tuple[str, float]:
    """How a tie is known and how sure that is: ``(basis, confidence)``.

    The edge's own ``basis`` and ``confidence`` where it has them; otherwise
    ``"observed"`` (certain) for a tie with interactions and ``"declared"``
    (certain: someone said so) for one without.

    >>> tie_basis({"interactions": 3}), tie_basis({"basis": "inferred", "confidence": 0.6})
    (('observed', 1.0), ('inferred', 0.6))
    """
    basis = data.get("basis")
    if basis in BASES:
        return basis, float(data.get("confidence", 1.0))
    return ("observed" if data.get("interactions", 0) else "declared"), 1.0


def keyed_hash(secret: str | bytes, address: str) -> str:
    """An e-mail address's keyed hash: HMAC-SHA256 of its normal form with the team secret."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, email_key(address).encode(), hashlib.sha256).hexdigest()[:_HASH_DIGITS]


def _key_check(secret: str | bytes | None) -> str:
    if not secret:
        return ""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, _CHECK_MESSAGE, hashlib.sha256).hexdigest()[:_CHECK_DIGITS]


@dataclass
class Share:
    """One member's share: the member, their contacts, the ties, the companies named.

    ``people`` and ``ties`` are lists of records as written (see
    ``docs/share-format.md``); ties refer to people by their ``id`` and to the
    member as ``"member"``.
    """

    member: dict
    people: list[dict] = field(default_factory=list)
    ties: list[dict] = field(default_factory=list)
    companies: list[dict] = field(default_factory=list)
    as_of: str = ""
    key_check: str = ""
    file: str = ""

    def records(self) -> list[dict]:
        """Every line of the file, header first."""
        header = {"format": FORMAT, "version": VERSION, "as_of": self.as_of, "key_check": self.key_check}
        return ([header, {"kind": "member", **self.member}]
                + [{"kind": "company", **c} for c in self.companies]
                + [{"kind": "person", **p} for p in self.people]
                + [{"kind": "tie", **t} for t in self.ties])


def _month(day) -> str:
    return "" if day is None else f"{day.year:04d}-{day.month:02d}"


def _holding_back(G: nx.DiGraph, exclude: Iterable[str], me) -> set:
    """The people ``exclude`` names: a person, or everyone working at a company."""
    held = set()
    for item in exclude:
        found = find_target(G, item, me=me)
        if not found.nodes:
            raise NetgraphError(f"--exclude '{item}' names no company or person in this network")
        held |= {n for n, how in found.nodes.items() if how != "former"}
    return held


def share_of(G: nx.DiGraph, *, secret: str | bytes | None = None, exclude: Iterable[str] = (),
             min_strength: float = 0.0, layers: Mapping | None = None, me=None) -> Share:
    """The share of a member's network: what a teammate needs, and nothing more.

    Parameters
    ----------
    G : nx.DiGraph
        The member's own network (a netgraph graph).
    secret : str or bytes, optional
        The team secret that keys the hashes of e-mail addresses; without one,
        no address is written in any form (matching then rests on profile URLs
        and names).
    exclude : iterable of str, default ()
        People (name, e-mail, id) and companies (every current employee) to hold back.
    min_strength : float, default 0.0
        Relationships weaker than this are held back, and so are the people
        left with none.
    layers : mapping, optional
        The Dunbar layer of each of the member's ties (node -> 5, 15, 50, 150 or 0),
        as :func:`netgraph.analysis.layers.dunbar_layers` gives; without it, no
        tie says its layer.
    me : node, optional
        The member; defaults to the graph's owner.

    Returns
    -------
    Share

    See Also
    --------
    write_share, netgraph.analysis.team.make_share
    """
    if G.graph.get("members"):
        raise NetgraphError("this is a team's network: a share is made of one member's own network, never of "
                            "what teammates shared")
    me = me_of(G, me)
    if not 0.0 <= min_strength <= 1.0:
        raise NetgraphError(f"min-strength {min_strength} is not from 0 to 1")
    held = _holding_back(G, exclude, me)
    ties, ids = [], {me: MEMBER}
    kept_pairs = []
    for u, v, data in G.edges(data=True):
        if str(u) >= str(v) and G.has_edge(v, u):
            continue  # one record per relationship
        if u in held or v in held or data.get("strength", 0.0) < min_strength:
            continue
        kept_pairs.append((u, v, data))
    for u, v, _ in kept_pairs:
        for node in (u, v):
            ids.setdefault(node, f"p{len(ids)}")
    for u, v, data in sorted(kept_pairs, key=lambda e: (ids[e[0]] != MEMBER and ids[e[1]] != MEMBER,
                                                        sorted((ids[e[0]], ids[e[1]])))):
        a, b = sorted((ids[u], ids[v]), key=lambda i: (i != MEMBER, i))
        basis, confidence = tie_basis(data)
        tie = {"a": a, "b": b, "strength": round(float(data.get("strength", 0.0)), 3), "basis": basis,
               "confidence": round(confidence, 3)}
        if a == MEMBER:
            other = v if u == me else u
            last = [G[x][y].get("last") for x, y in ((me, other), (other, me)) if G.has_edge(x, y)]
            if layers is not None:  # unknown layers are left out, not written as acquaintances
                tie["layer"] = int(layers.get(other, 0))
            tie["last_contact"] = _month(max((d for d in last if d is not None), default=None))
        ties.append(tie)
    people = [_person(G, node, pid, secret) for node, pid in ids.items() if node != me]
    people.sort(key=lambda p: int(p["id"][1:]))
    member = {key: value for key, value in _person(G, me, MEMBER, secret).items() if key not in ("id", "company")}
    data = G.nodes[me]
    member["employers"] = [c for c in [data.get("company", ""), *data.get("past_companies", [])] if c]
    companies = _companies_named(G, {p["company"] for p in people} | set(member["employers"]))
    today = G.graph.get("today")
    return Share(member=member, people=people, ties=ties, companies=companies, as_of=_month(today),
                 key_check=_key_check(secret))


def _person(G: nx.DiGraph, node, pid: str, secret) -> dict:
    data = G.nodes[node]
    record = {"id": pid, "name": data.get("name") or str(node), "company": data.get("company", ""),
              "title": data.get("title", ""), "linkedin_url": data.get("linkedin_url", "")}
    if secret:
        record["email_keys"] = sorted({keyed_hash(secret, e) for e in data.get("emails", []) if email_key(e)})
    return record


def _companies_named(G: nx.DiGraph, named: set[str]) -> list[dict]:
    """The directory records of these companies (names, aliases, domains, industry: nobody's data)."""
    return [{"name": r["name"], "aliases": list(r.get("aliases", [])), "domains": list(r.get("domains", [])),
             "industry": r.get("industry", "")} for r in G.graph.get("companies", []) if r["name"] in named]


def write_share(share: Share, out: str | Path) -> Path:
    """Write a share file (JSON Lines, UTF-8), atomically; returns its path.

    See Also
    --------
    share_of, read_share
    """
    out = Path(out)
    text = "".join(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n" for record in share.records())
    atomic_write(out, text)
    return out


# -- reading ------------------------------------------------------------------------------------------

def recognises(path: Path, head: str) -> bool:
    """A share file: by its suffix, or by its header line."""
    return path.suffix.lower() == SUFFIX or head.lstrip().startswith('{"format": "' + FORMAT + '"')


def read_share(path: str | Path, report: ImportReport | None = None) -> Share:
    """Read and validate a share file.

    A record that is not valid JSON, of an unknown kind, or with a field of the
    wrong type or out of range is skipped and reported with its line; a tie
    naming a person the file does not hold likewise. The rest loads.

    Raises
    ------
    NetgraphError
        When the file is unreadable, is not a share file, or is of a newer version.
    """
    path = Path(path)
    report = report if report is not None else ImportReport()
    entry = report.add(path, "share")
    text, _, note = read_text(path)
    entry.note(note)
    lines = text.splitlines()
    header = _json_line(lines[0] if lines else "", entry, 1)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise NetgraphError(f"not a share file: its first line is not a {FORMAT} header", file=path, line=1)
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION or version < 1:
        raise NetgraphError(f"share format version {version!r}: this netgraph reads version {VERSION}",
                            file=path, line=1)
    share = Share(member={}, as_of=_text(header.get("as_of")), key_check=_text(header.get("key_check")),
                  file=str(path))
    if share.as_of and not _MONTH.match(share.as_of):
        entry.problem(1, f"as_of '{share.as_of}' is not a month (YYYY-MM); left empty", skipped=False)
        share.as_of = ""
    ids: set[str] = set()
    pending = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        entry.read += 1
        record = _json_line(line, entry, number)
        if record is None:
            continue
        kind = record.get("kind") if isinstance(record, dict) else None
        try:
            if kind == "member" and not share.member:
                share.member = _checked_person(record, member=True)
            elif kind == "person":
                person = _checked_person(record)
                if person["id"] in ids or person["id"] == MEMBER:
                    raise ValueError(f"id '{person['id']}' is used twice")
                ids.add(person["id"])
                share.people.append(person)
            elif kind == "company":
                share.companies.append(_checked_company(record))
            elif kind == "tie":
                pending.append((number, _checked_tie(record)))
                continue
            else:
                raise ValueError("a second member record" if kind == "member" else f"unknown kind {kind!r}")
        except ValueError as exc:
            entry.problem(number, str(exc))
            continue
        entry.loaded += 1
    if not share.member:
        raise NetgraphError("a share file without its member record", file=path)
    for number, tie in pending:
        missing = [tie[end] for end in ("a", "b") if tie[end] != MEMBER and tie[end] not in ids]
        if missing or tie["a"] == tie["b"]:
            entry.problem(number, f"tie names nobody in the file: {', '.join(missing)}" if missing
                          else "a tie of someone with themselves")
            continue
        share.ties.append(tie)
        entry.loaded += 1
    return share


def _json_line(line: str, entry: FileReport, number: int):
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        entry.problem(number, f"not a JSON record ({str(exc)[:60]})")
        return None


def _text(value, name: str = "", *, required: bool = False) -> str:
    if value is None or value == "":
        if required:
            raise ValueError(f"no {name}")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text")
    value = " ".join(value.split())
    if len(value) > _LONGEST_TEXT or _CONTROL.search(value):
        raise ValueError(f"{name} is not a name or title (too long, or control characters)")
    return value


def _texts(value, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list")
    return [t for t in (_text(v, name) for v in value) if t]


def _checked_person(record: dict, member: bool = False) -> dict:
    person: dict[str, str | list[str] | None] = {"name": _text(record.get("name"), "name", required=True),
              "title": _text(record.get("title"), "title"),
              "linkedin_url": _text(record.get("linkedin_url"), "linkedin_url")}
    if member:
        person["employers"] = _texts(record.get("employers"), "employers")
    else:
        person["id"] = _text(record.get("id"), "id", required=True)
        person["company"] = _text(record.get("company"), "company")
    keys = record.get("email_keys") or []
    if not isinstance(keys, list) or not all(isinstance(k, str) and _HEX.match(k) for k in keys):
        raise ValueError(f"email_keys are not {_HASH_DIGITS}-digit hashes (a plain address is never shared)")
    person["email_keys"] = list(keys)
    return person


def _number(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} {value!r} is not a number from 0 to 1")
    return float(value)


def _checked_tie(record: dict) -> dict:
    tie = {"a": _text(record.get("a"), "a", required=True), "b": _text(record.get("b"), "b", required=True),
           "strength": _number(record.get("strength"), "strength")}
    basis = record.get("basis", "declared")
    if basis not in BASES:
        raise ValueError(f"basis {basis!r} is not one of {', '.join(BASES)}")
    tie["basis"], tie["confidence"] = basis, _number(record.get("confidence", 1.0), "confidence")
    if "layer" in record:
        if record["layer"] not in (0, *Rules().layers) or isinstance(record["layer"], bool):
            raise ValueError(f"layer {record['layer']!r} is not a Dunbar layer")
        tie["layer"] = int(record["layer"])
    if record.get("last_contact"):
        month = record["last_contact"]
        if not isinstance(month, str) or not _MONTH.match(month):
            raise ValueError(f"last_contact {month!r} is not a month (YYYY-MM)")
        tie["last_contact"] = month
    return tie


def _checked_company(record: dict) -> dict:
    return {"name": _text(record.get("name"), "name", required=True),
            "aliases": _texts(record.get("aliases"), "aliases"), "domains": _texts(record.get("domains"), "domains"),
            "industry": _text(record.get("industry"), "industry")}


# -- merging ------------------------------------------------------------------------------------------

class _Records:
    """Every person record of every share, clustered into humans (union-find)."""

    def __init__(self):
        self.records: list[dict] = []
        self.parent: list[int] = []
        self.urls: list[set[str]] = []
        self.shares: list[set[int]] = []
        self.employers: list[set[str]] = []

    def add(self, record: dict) -> int:
        self.records.append(record)
        self.parent.append(len(self.parent))
        self.urls.append({u for u in [url_key(record.get("linkedin_url"))] if u})
        self.shares.append({record["share"]})
        self.employers.append({company_key(record.get("company", ""))})
        return len(self.records) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str, key: str) -> None:
        a, b = self.find(a), self.find(b)
        if a == b or (self.urls[a] and self.urls[b] and self.urls[a].isdisjoint(self.urls[b])):
            return  # no one has two LinkedIn profiles: two profiles are two people
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.urls[a] |= self.urls[b]
        self.shares[a] |= self.shares[b]
        self.employers[a] |= self.employers[b]
        self.records[b].setdefault("rule", rule)
        self.records[b].setdefault("key", key)

    def cluster(self) -> None:
        """Exact keys first (keyed addresses, of one secret; profile URLs), then names."""
        seen: dict[str, int] = {}
        for i, record in enumerate(self.records):
            keys = [("same e-mail (hashed)", f"{record['key_check']}:{k}") for k in record.get("email_keys", [])
                    if record["key_check"]]
            keys += [("same profile URL", u) for u in self.urls[i]]
            for rule, key in keys:
                if key in seen:
                    self.union(seen[key], i, rule, key)
                else:
                    seen[key] = i
        by_name: dict[str, list[int]] = defaultdict(list)
        for i, record in enumerate(self.records):
            if name_key(record["name"]):
                by_name[name_key(record["name"])].append(i)
        for key, group in by_name.items():
            if len(group) > _CROWDED_NAME:
                continue
            for i in group:
                # a record joins the one other human of its name who works where it says (or says nowhere),
                # never one of its own share's: a member's own records are already one per human
                mine = company_key(self.records[i].get("company", ""))
                me = self.find(i)
                fits = [r for r in {self.find(j) for j in group} - {me}
                        if (not mine or self.employers[r] <= {"", mine}) and self.shares[r].isdisjoint(self.shares[me])]
                if len(fits) == 1:
                    self.union(fits[0], i, "same name", key)


def merge_shares(shares: list[Share], *, me=None, today=None, targets=(), report: ImportReport | None = None,
                 rules: Rules | None = None) -> Network:
    """Several members' shares -> one :class:`Network` with several members.

    Parameters
    ----------
    shares : list of Share
    me : str, optional
        Which member is "me" (a name); default the first member by name.
    today : date or str, optional
        Default: the latest ``as_of`` month of the shares' (its first day), else the real today.
    targets : sequence of str, default ()
        The team's target companies.
    report : ImportReport, optional
    rules : Rules, optional

    Returns
    -------
    Network
        ``G.graph["members"]``: member node -> ``{"name", "employers", "file", "contacts"}``;
        every node's and tie's ``known_by``: member node -> strength of that member's tie.
    """
    if not shares:
        raise NetgraphError("no share files to merge")
    report = report or ImportReport()
    checks = {s.key_check for s in shares if s.key_check}
    if len(checks) > 1:
        files = ", ".join(f"{Path(s.file).name or 'a share'} ({s.key_check or 'no secret'})" for s in shares)
        report.add("<team>", "share").problem(
            None, f"the shares were made with different team secrets: {files}; their e-mail hashes cannot match "
                  "(profile URLs and names still do)", skipped=False)
    records = _Records()
    member_of, where = [], {}
    for n, share in enumerate(shares):
        for person in [{**share.member, "id": MEMBER, "company": (share.member.get("employers") or [""])[0]},
                       *share.people]:
            i = records.add({**person, "key_check": share.key_check, "share": n, "file": share.file})
            where[(n, person["id"])] = i
        member_of.append(where[(n, MEMBER)])
    records.cluster()
    roots = sorted({records.find(i) for i in range(len(records.records))})
    nodes = _node_ids(records, roots, set(member_of))
    node_of = {i: nodes[records.find(i)] for i in range(len(records.records))}
    members = {node_of[i]: shares[n] for n, i in enumerate(member_of)}
    if len(members) < len(shares):
        report.add("<team>", "share").problem(None, "two shares are of one member: merged", skipped=False)

    G = nx.DiGraph(symmetric=True)
    clusters = defaultdict(list)
    for i, record in enumerate(records.records):
        clusters[records.find(i)].append(record)
    for root in roots:
        G.add_node(nodes[root], **_node_attributes(clusters[root]))
    for node, share in members.items():
        G.nodes[node].update(is_member=True, employers=list(share.member.get("employers", [])),
                             past_companies=list(share.member.get("employers", []))[1:])
        G.nodes[node]["known_by"] = {}
    member_node = {n: node_of[i] for n, i in enumerate(member_of)}
    for n, share in enumerate(shares):
        for tie in share.ties:
            u, v = node_of[where[(n, tie["a"])]], node_of[where[(n, tie["b"])]]
            if u != v:
                _add_tie(G, u, v, tie, member_node[n])
    for node in members:
        for other, data in G[node].items():
            if node in data["known_by"]:
                G.nodes[other].setdefault("known_by", {})[node] = data["known_by"][node]
    for n in G:
        G.nodes[n].setdefault("known_by", {})

    owner = _owner(G, members, me, report)
    day = as_timestamp(today)
    if day is None:
        months = [s.as_of for s in shares if s.as_of]
        day = pd.Timestamp(max(months) + "-01") if months else pd.Timestamp.today().normalize()
    found, target_names = _companies(G, shares, targets, report)
    counts = pd.Series([d["name"] for _, d in G.nodes(data=True)], dtype=object).value_counts()
    G.graph.update(me=owner, today=day.date(), targets=target_names, companies=found.records,
                   model=StrengthModel(), rules=rules or Rules(), introductions=[],
                   homonyms={str(k): int(v) for k, v in counts[counts > 1].items() if k},
                   members={node: {"name": G.nodes[node]["name"], "employers": G.nodes[node]["employers"],
                                   "file": Path(s.file).name if s.file else "", "contacts": len(s.people)}
                            for node, s in sorted(members.items())})
    report.merges = pd.DataFrame(
        [{"node": node_of[i], "file": r["file"], "line": None, "source": "share", "record_name": r["name"],
          "rule": r.get("rule", "new"), "key": "" if "e-mail" in r.get("rule", "") else r.get("key", "")}
         for i, r in enumerate(records.records)])
    people = pd.DataFrame([{"node": n, "name": d.get("name", ""), "company": d.get("company", ""),
                            "title": d.get("title", ""), "linkedin_url": d.get("linkedin_url", ""),
                            "members": sorted(d["known_by"])} for n, d in G.nodes(data=True)]).set_index("node")
    ties = pd.DataFrame([{"a": u, "b": v, "strength": d["strength"], "basis": d["basis"],
                          "confidence": d["confidence"], "members": sorted(d["known_by"])}
                         for u, v, d in G.edges(data=True) if str(u) < str(v)])
    return Network(graph=G, people=people, interactions=_public(empty("interactions")), ties=ties,
                   introductions=_public(empty("introductions")),
                   companies=pd.DataFrame(found.records, columns=["name", "aliases", "domains", "industry"]),
                   report=report)


def _companies(G: nx.DiGraph, shares: list[Share], targets, report: ImportReport) -> tuple[Directory, list[str]]:
    """The shares' company directories as one, everyone's employers and the targets in its canonical names."""
    found = Directory()
    for company in (c for s in shares for c in s.companies):
        found.add(company["name"], aliases=company["aliases"], domains=company["domains"],
                  industry=company["industry"])
    for _, data in G.nodes(data=True):
        for name in [data["company"], *data.get("employers", [])]:
            if name:
                found.add(name)
        data["company"] = found.canonical(data["company"]) if data["company"] else ""
        for key in ("employers", "past_companies"):
            if key in data:
                data[key] = [found.canonical(c) for c in data[key]]
    target_names = canonical_targets(found, targets, report)
    return found, target_names


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["_file", "_line", "_source"])


def _node_ids(records: _Records, roots: list[int], members: set[int]) -> dict[int, str]:
    """Node ids: slugs of names, unique, members' first so that a member keeps the plain slug of their name."""
    ids, taken = {}, set()
    tried: defaultdict[str, int] = defaultdict(lambda: 2)
    member_roots = {records.find(m) for m in members}
    for root in sorted(roots, key=lambda r: (r not in member_roots, r)):
        base = slug(records.records[root]["name"]) or "person"
        node = base
        while node in taken:  # each base's suffixes are tried once: linear however many share a name
            node = f"{base}-{tried[base]}"
            tried[base] += 1
        taken.add(node)
        ids[root] = node
    return ids


def _node_attributes(cluster: list[dict]) -> dict:
    """One human's attributes from their records: the members' word on themselves first, then the most said."""
    cluster = sorted(cluster, key=lambda r: r["id"] != MEMBER)
    attributes = {}
    for key in ("name", "company", "title", "linkedin_url"):
        values = [r.get(key, "") for r in cluster if r.get(key)]
        if cluster[0]["id"] == MEMBER and cluster[0].get(key):
            attributes[key] = cluster[0][key]
        else:
            attributes[key] = max(values, key=values.count) if values else ""
    attributes.update(emails=[], phones=[], past_companies=[], sources=["share"])
    return attributes


def _add_tie(G: nx.DiGraph, u, v, tie: dict, member) -> None:
    """One share's tie on the merged graph: the strongest word on its strength, every member's on ``known_by``."""
    if G.has_edge(u, v):
        data = G[u][v]
    else:
        # one dict for both directions: everything a share says of a tie belongs to the pair
        data = {"strength": 0.0, "known_by": {}, "basis": "inferred", "confidence": 0.0}
        G._succ[u][v] = G._pred[v][u] = data
        G._succ[v][u] = G._pred[u][v] = data
    data["strength"] = max(data["strength"], tie["strength"])
    data["known_by"][member] = max(data["known_by"].get(member, 0.0), tie["strength"])
    if (BASES.index(tie["basis"]), -tie["confidence"]) < (BASES.index(data["basis"]), -data["confidence"]):
        data["basis"], data["confidence"] = tie["basis"], tie["confidence"]
    if member in (u, v):
        if "layer" in tie:
            data["layer"] = tie["layer"]
        if tie.get("last_contact"):
            last = dt.date.fromisoformat(tie["last_contact"] + "-01")
            data["last"] = max(data.get("last", last), last)


def _owner(G: nx.DiGraph, members: dict, me, report: ImportReport):
    if me:
        chosen = [n for n in members if n == me or name_key(G.nodes[n]["name"]) == name_key(me)]
        if not chosen:
            raise NetgraphError(f"me is '{me}', who is none of the team's members "
                                f"({', '.join(sorted(G.nodes[n]['name'] for n in members))})")
        return chosen[0]
    first = min(members, key=lambda n: G.nodes[n]["name"])
    report.add("<owner>", "config").notes.append(f"nobody is set as me: taking {G.nodes[first]['name']}, "
                                                 "the first member by name")
    return first


def _member_folders(path: Path) -> list[Path]:
    """The subfolders holding a member's raw exports: those with their own ``netgraph.toml``."""
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and (p / "netgraph.toml").is_file())


def is_team(path: Path) -> bool:
    """Whether ``path`` is a share file or a team folder (one holding share files)."""
    path = Path(path)
    if path.is_file():
        return path.suffix.lower() == SUFFIX
    return path.is_dir() and any(p.suffix.lower() == SUFFIX and p.is_file() for p in path.iterdir())


def load_team(path, *, me=None, today=None, targets=None, secret: str | bytes | None = None,
              rules: Rules | None = None) -> Network:
    """Read a team folder (share files, and members' raw exports in subfolders) into one :class:`Network`.

    Parameters
    ----------
    path : str or Path
        A team folder, or one share file.
    me : str, optional
        Which member is "me"; default the folder's ``netgraph.toml``, else the first member by name.
    today : date or str, optional
    targets : list of str, optional
        The team's target companies; default the folder's ``netgraph.toml``.
    secret : str or bytes, optional
        The team secret, to hash the addresses of members whose raw exports are
        in the folder; default the ``NETGRAPH_TEAM_SECRET`` environment variable.
    rules : Rules, optional

    Returns
    -------
    Network
        See :func:`merge_shares`.

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.datasets.team import team_path
    >>> net = netgraph.load(team_path())
    >>> sorted(m["name"] for m in net.graph.graph["members"].values())
    ['Aisha Khan', 'Jane Jones', 'Nina Alvarez']
    """
    from .load import load, report_misnamed_folders  # a member's raw exports load as any network does

    path = Path(path)
    if not path.exists():
        raise NetgraphError("no such file or folder", file=path)
    config = (read_config(path / "netgraph.toml") if path.is_dir() and (path / "netgraph.toml").is_file()
              else Config())
    secret = secret if secret is not None else os.environ.get(SECRET_VARIABLE) or None
    report = ImportReport()
    report_misnamed_folders(path, report)
    files = [path] if path.is_file() else sorted(p for p in path.iterdir()
                                                 if p.is_file() and p.suffix.lower() == SUFFIX)
    shares = [read_share(file, report) for file in files]
    for folder in ([] if path.is_file() else _member_folders(path)):
        member = load(folder)
        report.files.extend(member.report.files)
        share = share_of(member.graph, secret=secret)
        share.file = str(folder)
        shares.append(share)
    return merge_shares(shares, me=me if me is not None else config.me,
                        today=today if today is not None else config.today,
                        targets=targets if targets is not None else config.targets, report=report, rules=rules)
