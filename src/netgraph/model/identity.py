"""Identity: the records of one human, from any number of sources, become one node.

Every source contributes person *records* (a row of a people table, a LinkedIn
connection, a vCard, a mail sender...). Records are merged in two passes:

1. **Exact keys** — an explicit ``id``, a LinkedIn profile URL, an e-mail
   address, a phone number: records sharing one are the same person, unless
   their ids or profile URLs disagree (two people can share a team mailbox;
   no one has two LinkedIn profiles).
2. **Names** — records whose normalised names agree (case, accents,
   punctuation, "Last, First", middle initials; see :func:`netgraph.model.keys.name_key`)
   are merged when none of their exact keys conflict; then names that agree
   once an unambiguous nickname is read as its given name ("Bob Lee" and
   "Robert Lee"; not "Chris Lee", which could be Christopher or Christine).
   When a name fits two people, the record joins the one with the same
   employer (its company, or the name in its work address's domain), if
   exactly one has it. Two "Mary Lee" with
   different e-mail addresses stay two people; a third "Mary Lee" with no keys
   at all could be either, so it stays apart and the ambiguity is reported.

Every merge is recorded with its rule, so ``net.identity`` explains which
records became which node and why. References in interactions, ties and
introductions (an id, an e-mail address, a profile URL, a phone or a name) are
then resolved against the merged people with :meth:`Identity.resolve`.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .keys import (
    PERSONAL_DOMAINS,
    company_key,
    domain_of,
    email_key,
    formal_key,
    name_key,
    natural_name,
    phone_key,
    slug,
    split_reference,
    url_key,
)

__all__ = ["Identity", "resolve_people", "SOURCE_PRIORITY"]

#: Whose word counts first when records disagree (lower wins): what the user
#: typed, then what the person wrote about themselves, then what mail headers say.
SOURCE_PRIORITY = {"me": -1, "people": 0, "linkedin": 1, "vcard": 2, "google": 3, "ics": 4,
                   "mbox": 5, "reference": 9}

_KEY_TYPES = ("id", "url", "email", "phone")
_RULES = {"id": "same id", "url": "same profile URL", "email": "same e-mail", "phone": "same phone"}
#: Keys whose disagreement proves two records are two people.
_HARD_KEYS = ("id", "url")


def _record_keys(row) -> dict[str, set[str]]:
    return {
        "id": {row.id} if row.id else set(),
        "url": {k for k in [url_key(row.linkedin_url)] if k},
        "email": {k for k in map(email_key, row.email) if k},
        "phone": {k for k in map(phone_key, row.phone) if k},
    }


def _employer_hints(row) -> set[str]:
    """What a record says about its employer: the company, and the name in a work address's domain."""
    hints = {company_key(row.company).replace(" ", "")} if row.company else set()
    for address in map(email_key, row.email):
        domain = domain_of(address)
        if address and domain not in PERSONAL_DOMAINS:
            hints.add(domain.rsplit(".", 1)[0].rsplit(".", 1)[-1].replace("-", ""))
    return hints - {""}


def _same_employer(a: set[str], b: set[str]) -> bool:
    return any(x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x))) for x in a for y in b)


class _Clusters:
    """Union-find over records, each root carrying the union of its keys and employer hints."""

    def __init__(self, keys: list[dict[str, set[str]]], is_me: np.ndarray, employers: list[set[str]]):
        self.parent = list(range(len(keys)))
        self.keys = keys
        self.me = [bool(v) for v in is_me]
        self.employers = employers

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, a: int, b: int, types: tuple[str, ...]) -> str | None:
        """The first key type on which roots a and b disagree, if any."""
        if self.me[a] or self.me[b]:
            types = tuple(t for t in types if t in _HARD_KEYS)
        for t in types:
            ka, kb = self.keys[a][t], self.keys[b][t]
            if ka and kb and ka.isdisjoint(kb):
                return t
        return None

    def union(self, a: int, b: int) -> None:
        if a > b:
            a, b = b, a
        self.parent[b] = a
        for t in _KEY_TYPES:
            self.keys[a][t] |= self.keys[b][t]
        self.employers[a] |= self.employers[b]
        self.me[a] = self.me[a] or self.me[b]


@dataclass
class Identity:
    """The merged people and how to find them.

    Attributes
    ----------
    people : DataFrame
        One row per node, indexed by node id.
    merges : DataFrame
        One row per record: the ``node`` it became, its ``file`` and ``line``,
        the ``rule`` that joined it (``new``, ``same e-mail``, ``same name``...)
        and the ``key`` that matched.
    me : str or None
        The node id of the network's owner.
    """

    people: pd.DataFrame
    merges: pd.DataFrame
    me: str | None
    _index: dict[str, dict[str, str]]
    _names: dict[str, list[str]]
    _formal: dict[str, list[str]]

    def resolve(self, ref: object) -> tuple[str | None, str]:
        """Map a reference (id, e-mail, profile URL, phone or name) to a node.

        Returns ``(node, "")`` or ``(None, reason)`` where the reason says why
        nobody, or more than one person, matched.
        """
        text = "" if ref is None else " ".join(str(ref).split())
        if not text:
            return None, "empty reference"
        index = self._index
        if text in index["id"]:
            return index["id"][text], ""
        if text.casefold() == "me":
            return (self.me, "") if self.me else (None, "'me' is used but nobody is set as me")
        name, key = split_reference(text)
        if key:
            kind, found = ("email", email_key(key)) if "@" in key else ("url", url_key(key))
            if found in index[kind]:
                return index[kind][found], ""
            if not name:
                what = "e-mail address" if kind == "email" else "profile"
                return None, f"nobody has the {what} '{found or key}'"
            text = name
        key = phone_key(text) if any(c.isdigit() for c in text) and not any(c.isalpha() for c in text) else ""
        if key:
            return index["phone"].get(key), "" if key in index["phone"] else f"nobody has the phone '{text}'"
        key = name_key(text)
        nodes = self._names.get(key) or self._formal.get(formal_key(key), [])
        if len(nodes) == 1:
            return nodes[0], ""
        if len(nodes) > 1:
            who = ", ".join(f"{n} <{'; '.join(self.people.at[n, 'email'][:1]) or 'no e-mail'}>" for n in nodes[:4])
            return None, f"'{text}' could be any of {len(nodes)} people ({who}); use an id or e-mail address"
        close = difflib.get_close_matches(key, list(self._names), n=1, cutoff=0.75)
        hint = f" (did you mean '{self.people.at[self._names[close[0]][0], 'name']}'?)" if close else ""
        return None, f"nobody called '{text}' is in the people tables{hint}"

    def resolve_many(self, refs: pd.Series) -> tuple[pd.Series, pd.Series]:
        """Vectorised :meth:`resolve`: (nodes, reasons) aligned with ``refs``."""
        codes, unique = pd.factorize(refs)
        answers = [self.resolve(ref) for ref in unique]
        nodes = np.array([node for node, _ in answers] + [None], dtype=object)[codes]
        reasons = np.array([reason for _, reason in answers] + [""], dtype=object)[codes]
        return pd.Series(nodes, index=refs.index), pd.Series(reasons, index=refs.index)


def resolve_people(records: pd.DataFrame, *, me: str | None = None, emails: tuple[str, ...] = ()) -> Identity:
    """Merge person records into people (see the module docstring).

    Parameters
    ----------
    records : DataFrame
        Validated ``people`` rows from every source (``netgraph.model.tables``), in
        the order read; the ``_source`` column names the kind of source
        (``people``, ``linkedin``, ``vcard``...).
    me : str, optional
        Who the network belongs to: an id, an e-mail address or a name.
    emails : sequence of str
        My e-mail addresses.

    Returns
    -------
    Identity
    """
    records = _with_me(records.reset_index(drop=True), me, emails)
    rows = list(records.itertuples(index=False))
    keys = [_record_keys(r) for r in rows]
    clusters = _Clusters([{t: set(k[t]) for t in _KEY_TYPES} for k in keys], records["is_me"].to_numpy(),
                         [_employer_hints(r) for r in rows])

    for t in _KEY_TYPES:
        owner: dict[str, int] = {}
        for i, record_keys in enumerate(keys):
            for k in sorted(record_keys[t]):
                a, b = clusters.find(i), clusters.find(owner.setdefault(k, i))
                if a != b and clusters.conflict(a, b, _HARD_KEYS) is None:
                    clusters.union(a, b)

    name_keys = [name_key(r.name) for r in rows]
    formal_keys = [formal_key(k) for k in name_keys]
    _merge_names(clusters, name_keys)
    _merge_names(clusters, formal_keys)

    roots = np.array([clusters.find(i) for i in range(len(rows))])
    me_root = next((r for r in range(len(rows)) if clusters.me[r] and roots[r] == r), None)
    records["_root"] = roots
    records["_priority"] = records["_source"].map(lambda s: SOURCE_PRIORITY.get(s, 8))
    people, node_of_root = _merge_attributes(records.drop(columns="is_me"))
    me_node = None if me_root is None else node_of_root[me_root]
    people["is_me"] = people.index == me_node

    node = pd.Series(roots).map(node_of_root)
    rule, matched = _explain(roots, keys, name_keys, formal_keys)
    merges = pd.DataFrame({
        "node": node.to_numpy(),
        "node_name": people.loc[node, "name"].to_numpy(),
        "record_name": records["name"].to_numpy(),
        "source": records["_source"].to_numpy(),
        "file": records["_file"].to_numpy(),
        "line": records["_line"].to_numpy(),
        "rule": rule,
        "key": matched,
    })

    index = {t: {} for t in _KEY_TYPES}
    index["id"] = {n: n for n in people.index}
    names: dict[str, list[str]] = defaultdict(list)
    formal: dict[str, list[str]] = defaultdict(list)
    for i, record_keys in enumerate(keys):
        n = node_of_root[roots[i]]
        for t in _KEY_TYPES:
            for k in record_keys[t]:
                index[t].setdefault(k, n)
        for table, key in ((names, name_keys[i]), (formal, formal_keys[i])):
            if key and n not in table[key]:
                table[key].append(n)
    return Identity(people, merges, me_node, index, dict(names), dict(formal))


def _merge_names(clusters: _Clusters, keys: list[str]) -> None:
    """Merge the clusters whose records share a name key, when exactly one candidate fits."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key:
            by_name[key].append(i)
    for members in by_name.values():
        groups: list[int] = []
        for i in members:
            root = clusters.find(i)
            roots = list(dict.fromkeys(clusters.find(g) for g in groups))
            if root in roots:
                continue
            fits = [g for g in roots if clusters.conflict(g, root, _KEY_TYPES) is None]
            if len(fits) > 1:  # two people of that name: the one at the same employer, if just one is
                fits = [g for g in fits if _same_employer(clusters.employers[g], clusters.employers[root])]
            if len(fits) == 1:
                clusters.union(fits[0], root)
            else:
                groups.append(root)


def _explain(roots: np.ndarray, keys: list[dict[str, set[str]]], name_keys: list[str],
             formal_keys: list[str]) -> tuple[list[str], list[str]]:
    """Why each record joined its node: the first key it shares with an earlier
    record of the same node, else its name, else a chain through later records."""
    rule, matched = [], []
    seen: dict[int, dict[str, set[str]]] = {}
    for i, root in enumerate(roots):
        earlier = seen.get(root)
        if earlier is None:
            rule.append("new")
            matched.append("")
            seen[root] = {t: set(keys[i][t]) for t in _KEY_TYPES} | {"name": {name_keys[i]},
                                                                     "formal": {formal_keys[i]}}
            continue
        shared = next(((t, sorted(keys[i][t] & earlier[t])[0]) for t in _KEY_TYPES if keys[i][t] & earlier[t]), None)
        if shared:
            rule.append(_RULES[shared[0]])
            matched.append(shared[1])
        elif name_keys[i] and name_keys[i] in earlier["name"]:
            rule.append("same name")
            matched.append(name_keys[i])
        elif formal_keys[i] and formal_keys[i] in earlier["formal"]:
            rule.append("same name (nickname)")
            matched.append(formal_keys[i])
        else:
            rule.append("linked through another record")
            matched.append("")
        for t in _KEY_TYPES:
            earlier[t] |= keys[i][t]
        earlier["name"].add(name_keys[i])
        earlier["formal"].add(formal_keys[i])
    return rule, matched


def _with_me(records: pd.DataFrame, me: str | None, emails: tuple[str, ...]) -> pd.DataFrame:
    records = records.copy()
    records["is_me"] = False
    if not me and not emails:
        return records
    mine = {email_key(e) for e in emails} - {""}
    if me and records["id"].eq(me).any():
        records.loc[records["id"].eq(me), "is_me"] = True
        return records
    name = me if me and "@" not in me else ""
    if me and "@" in me:
        mine.add(email_key(me))
    row = {c: "" for c in records.columns if records[c].dtype == object}
    row.update({"name": name or sorted(mine)[0], "email": sorted(mine), "phone": [], "past_companies": [],
                "tags": [], "_source": "me", "_file": "netgraph.toml", "_line": 0, "is_me": True})
    return pd.concat([pd.DataFrame([row]), records], ignore_index=True)


def _merge_attributes(records: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, str]]:
    """One row per cluster: the best name, the union of lists, the first of the rest."""
    records = records.sort_values(["_root", "_priority"], kind="stable")
    list_columns = [c for c in records.columns
                    if records[c].dtype == object and records[c].map(lambda v: isinstance(v, list)).any()]
    single = ~records["_root"].duplicated(keep=False)
    merged = [records[single]]
    multi = records[~single]
    if len(multi):
        merged.append(multi.groupby("_root", sort=False).agg(
            {c: _agg_for(c, list_columns) for c in records.columns if c != "_root"}).reset_index())
    people = pd.concat(merged, ignore_index=True).sort_values("_root", kind="stable")
    people["name"] = people["name"].map(natural_name)
    sources: dict[int, list[str]] = {}
    for root, source in zip(records["_root"].tolist(), records["_source"].tolist()):
        kinds = sources.setdefault(root, [])
        if source not in kinds:
            kinds.append(source)
    people["sources"] = [sources[root] for root in people["_root"].tolist()]
    ids = _assign_ids(people)
    node_of_root = dict(zip(people["_root"], ids))
    people.index = pd.Index(ids, name="node")
    people = people.drop(columns=["_root", "_priority", "_file", "_line", "_source", "id"])
    return people, node_of_root


def _agg_for(column: str, list_columns: list[str]):
    if column in list_columns:
        return lambda s: list(dict.fromkeys(v for items in s for v in items))
    if column == "name":
        return _best_name
    if column == "closeness":
        return "max"
    if column == "connected_on":
        return "min"
    return _first_given


def _first_given(values: pd.Series):
    """The first value that is not empty (values come sorted by source priority)."""
    for value in values:
        if isinstance(value, str) and value or not isinstance(value, str) and pd.notna(value):
            return value
    return values.iloc[0]


def _best_name(names: pd.Series) -> str:
    """The first full name by source priority; a bare address only as a last resort."""
    for name in names:
        if name and "@" not in name and " " in name.strip():
            return natural_name(name)
    return natural_name(next((n for n in names if n and "@" not in n), names.iloc[0]))


def _assign_ids(people: pd.DataFrame) -> list[str]:
    """Explicit ids first; everyone else gets a slug of their name, made unique."""
    taken = set(people["id"][people["id"] != ""])
    ids = []
    for explicit, name in zip(people["id"], people["name"]):
        if explicit:
            ids.append(explicit)
            continue
        base = slug(name.split("@")[0]) if name else "person"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids.append(candidate)
    return ids
