"""Identity: the records of one human, from any number of sources, become one node.

Every source contributes person *records* (a row of a people table, a LinkedIn
connection, a vCard, a mail sender...). Records are merged in two passes:

1. **Exact keys** — an explicit ``id``, a LinkedIn profile, an e-mail
   address, a complete phone number: records sharing one are the same person,
   unless their ids or profiles disagree (two people can share a team
   mailbox; no one has two LinkedIn profiles). A profile URL is a key only
   when it names a profile (``/in/<slug>``), compared percent-decoded and
   case-folded (:func:`netgraph.model.keys.url_key`); a phone only when it is a
   complete number (:func:`netgraph.model.keys.phone_key`), and it joins two
   records only when their names could be one person's (the same given name,
   its nickname or initial): colleagues who share an office line, or a family
   a home line, stay apart.
2. **Names** — records whose normalised names agree (case, accents,
   punctuation, "Last, First", middle initials; see :func:`netgraph.model.keys.name_key`)
   are merged when none of their exact keys conflict; then names that agree
   once an unambiguous nickname is read as its given name ("Bob Lee" and
   "Robert Lee"; not "Chris Lee", which could be Christopher or Christine).
   When a name fits two people, the record joins the one with the same
   employer (its company, or the name in its work address's domain), if
   exactly one has it. Two "Mary Lee" with different e-mail addresses stay
   two people — unless one has only personal addresses (gmail...) and the
   other a work address, and both name the same employer: that is one person
   at home and at work. A third "Mary Lee" with no keys at all could be
   either, so it stays apart.

The owner (``me``) is the record made from ``netgraph.toml``: my addresses and
my profile identify me; a record with my name and another profile is somebody
else; my employer is what the settings or my records say, never an address
(an old work address is no job). ``me`` as a reference always means the
owner, and no one else's node is called ``me``.

Every merge is recorded with the rule, key and record that joined it, and
every refusal (a key left unused, a merge refused) with its reason, so
``net.identity`` explains which records became which node and why not
another. References in interactions, ties and introductions (an id, an e-mail
address, a profile URL, a phone or a name) are then resolved against the
merged people with :meth:`Identity.resolve`.
"""

from __future__ import annotations

import difflib
from collections import defaultdict, deque
from dataclasses import dataclass, field

import numpy as np

from .._lazy import pd
from .keys import (
    NICKNAMES,
    PERSONAL_DOMAINS,
    company_key,
    domain_of,
    email_key,
    formal_key,
    name_key,
    natural_name,
    phone_key,
    phone_refusal,
    slug,
    split_reference,
    url_key,
    url_refusal,
    usual_phone_region,
)

__all__ = ["Identity", "IdentitySettings", "resolve_people", "SOURCE_PRIORITY", "RESERVED_IDS", "PERSONAL_AND_WORK"]

#: Whose word counts first when records disagree (lower wins): what the user
#: typed, then what the person wrote about themselves, then what mail headers say.
SOURCE_PRIORITY = {"me": -1, "people": 0, "linkedin": 1, "vcard": 2, "google": 3, "ics": 4,
                   "mbox": 5, "reference": 9}

#: Node ids nobody but the owner may take: ``me`` always means the owner, so a
#: contact called "Me" or an address ``me@...`` becomes ``me-2``.
RESERVED_IDS = frozenset({"me"})

_KEY_TYPES = ("id", "url", "email", "phone")
_RULES = {"id": "same id", "url": "same profile URL", "email": "same e-mail", "phone": "same phone"}
_WHAT = {"id": "id", "url": "profile URL", "email": "e-mail address", "phone": "phone"}
#: Keys whose disagreement proves two records are two people.
_HARD_KEYS = ("id", "url")
#: How many records a refusal names before it says "and N more".
_SHOWN = 3
#: Fewer digits than this make an id or a number, not an attempt at a phone number.
_PHONE_DIGITS = 7
#: Did-you-mean hints are given for this many names that match nobody; the others are reported without one.
MAX_HINTS = 200
#: The rule that joins one person's personal and work addresses.
PERSONAL_AND_WORK = "same name, personal and work address at their employer"


@dataclass(frozen=True)
class IdentitySettings:
    """What ``netgraph.toml`` tells identity besides who I am and my addresses.

    Attributes
    ----------
    linkedin_url : str
        My LinkedIn profile: a record with my name and another profile is somebody else.
    employer : str
        My current employer (my addresses never make one).
    past_employers : tuple of str
        My former employers: an address at one of them identifies me, and is no job.
    phone_region : str or None
        Where phone numbers written without a country code are read (``"US"``,
        ``"DE"``...); by default the country of most numbers written with one.
    """

    linkedin_url: str = ""
    employer: str = ""
    past_employers: tuple[str, ...] = ()
    phone_region: str | None = None


def _record_keys(row, region: str | None) -> tuple[dict[str, set[str]], list[str]]:
    """A record's exact keys, and why any profile URL or phone it gives is not one."""
    phones = {p: phone_key(p, region) for p in row.phone}
    keys = {
        "id": {row.id} if row.id else set(),
        "url": {k for k in [url_key(row.linkedin_url)] if k},
        "email": {k for k in map(email_key, row.email) if k},
        "phone": {k for k in phones.values() if k},
    }
    refused = [url_refusal(row.linkedin_url)] + [phone_refusal(p, region) for p, k in phones.items() if not k]
    return keys, [r for r in refused if r]


def _employer_hints(row) -> set[str]:
    """What a record says about its employer: the company, and the name in a work address's domain."""
    hints = {company_key(row.company).replace(" ", "")} if row.company else set()
    for address in map(email_key, row.email):
        domain = domain_of(address)
        if address and domain not in PERSONAL_DOMAINS:
            hints.add(domain.rsplit(".", 1)[0].rsplit(".", 1)[-1].replace("-", ""))
    return hints - {""}


def _shared_employer(a: set[str], b: set[str]) -> str:
    """An employer both hint sets name ("" if none): the same, or one the start of the other
    (``initech`` and ``initechcorp``)."""
    return next((x for x in sorted(a) for y in sorted(b)
                 if x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))), "")


def _given_names_agree(a: str, b: str) -> bool:
    """Whether two name keys could name one person: the same given name (or its nickname or
    initial), or a one-word name that is a word of the other ("Lee" in "Mary Lee")."""
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        return bool(set(wa) & set(wb)) or (wa[0][0] == wb[0][0] and min(len(wa[0]), len(wb[0])) == 1)
    fa, fb = wa[0], wb[0]
    return (fa == fb or (min(len(fa), len(fb)) == 1 and fa[0] == fb[0])
            or fb in NICKNAMES.get(fa, ()) or fa in NICKNAMES.get(fb, ()))


class _Clusters:
    """Union-find over records, each root carrying the union of its keys, names and employer hints."""

    def __init__(self, keys: list[dict[str, set[str]]], is_me: np.ndarray, employers: list[set[str]],
                 names: list[str]):
        self.parent = list(range(len(keys)))
        self.keys = keys
        self.me = [bool(v) for v in is_me]
        self.employers = employers
        self.names = [{n} if n else set() for n in names]
        #: (record, record, rule, key): why two clusters became one, through which two records.
        self.events: list[tuple[int, int, str, str]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, a: int, b: int, types: tuple[str, ...]) -> str | None:
        """The first key type on which roots a and b disagree, if any (my own addresses never disagree)."""
        if self.me[a] or self.me[b]:
            types = tuple(t for t in types if t in _HARD_KEYS)
        for t in types:
            ka, kb = self.keys[a][t], self.keys[b][t]
            if ka and kb and ka.isdisjoint(kb):
                return t
        return None

    def names_agree(self, a: int, b: int) -> bool:
        """Whether the names of roots a and b could be one person's (true when either has none)."""
        na, nb = self.names[a], self.names[b]
        return not na or not nb or any(_given_names_agree(x, y) for x in na for y in nb)

    def union(self, a: int, b: int, event: tuple[int, int, str, str]) -> None:
        self.events.append(event)
        if a > b:
            a, b = b, a
        self.parent[b] = a
        for t in _KEY_TYPES:
            self.keys[a][t] |= self.keys[b][t]
        self.employers[a] |= self.employers[b]
        self.names[a] |= self.names[b]
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
        the ``rule`` that joined it (``new``, ``same e-mail``, ``same name``...),
        the ``key`` that matched and the record it matched (``via``, as
        ``file:line``), and every merge it was refused and every key of it
        left unused, with the reason (``refused``, ``"; "``-separated).
    me : str or None
        The node id of the network's owner.
    phone_region : str or None
        Where numbers without a country code were read (given, or the usual one).
    notes : list of str
        What was assumed for all records (the phone region, when it was inferred).
    refusals : DataFrame
        One row per refusal: ``file``, ``line``, ``record_name``, ``node``,
        ``reason``, and ``reported`` (True for what the import report lists as a
        warning: unusable profile URLs and phones, shared phones, strangers
        with my name, and a record taken for me on my name alone although it
        has a profile).
    """

    people: pd.DataFrame
    merges: pd.DataFrame
    me: str | None
    _index: dict[str, dict[str, str]]
    _names: dict[str, list[str]]
    _formal: dict[str, list[str]]
    refusals: pd.DataFrame = field(default_factory=lambda: pd.DataFrame())
    phone_region: str | None = None
    notes: list[str] = field(default_factory=list)
    _by_letter: dict[str, list[str]] | None = field(default=None, repr=False)
    _hinted: int = field(default=0, repr=False)

    def resolve(self, ref: object) -> tuple[str | None, str]:
        """Map a reference (id, e-mail, profile URL, phone or name) to a node.

        Returns ``(node, "")`` or ``(None, reason)`` where the reason says why
        nobody, or more than one person, matched.
        """
        text = "" if ref is None else " ".join(str(ref).split())
        if not text:
            return None, "empty reference"
        if text.casefold() == "me":  # always the owner, whoever else is called "Me"
            return (self.me, "") if self.me else (None, "'me' is used but nobody is set as me")
        index = self._index
        if text in index["id"]:
            return index["id"][text], ""
        name, key = split_reference(text)
        if key:
            kind, found = ("email", email_key(key)) if "@" in key else ("url", url_key(key))
            if found in index[kind]:
                return index[kind][found], ""
            if not name:
                what = "e-mail address" if kind == "email" else "profile"
                return None, f"nobody has the {what} '{found or key}'"
            text = name
        digits = sum(c.isdigit() for c in text)
        if digits and not any(c.isalpha() for c in text):
            key = phone_key(text, self.phone_region)
            if key:
                return index["phone"].get(key), "" if key in index["phone"] else f"nobody has the phone '{text}'"
            if digits >= _PHONE_DIGITS:
                return None, phone_refusal(text, self.phone_region)
        key = name_key(text)
        nodes = self._names.get(key) or self._formal.get(formal_key(key), [])
        if len(nodes) == 1:
            return nodes[0], ""
        if len(nodes) > 1:
            who = ", ".join(f"{n} <{'; '.join(self.people.at[n, 'email'][:1]) or 'no e-mail'}>" for n in nodes[:4])
            return None, f"'{text}' could be any of {len(nodes)} people ({who}); use an id or e-mail address"
        return None, f"nobody called '{text}' is in the people tables{self._hint(key)}"

    def _hint(self, key: str) -> str:
        """A did-you-mean for a name that matches nobody: among the names of its first letter (indexed once),
        for the first :data:`MAX_HINTS` names only (10,000 unresolved references must not take minutes)."""
        if self._hinted >= MAX_HINTS or not key:
            return ""
        self._hinted += 1
        if self._by_letter is None:
            self._by_letter = {}
            for name in self._names:
                self._by_letter.setdefault(name[:1], []).append(name)
        close = difflib.get_close_matches(key, self._by_letter.get(key[:1], []), n=1, cutoff=0.75)
        return f" (did you mean '{self.people.at[self._names[close[0]][0], 'name']}'?)" if close else ""

    def resolve_many(self, refs: pd.Series) -> tuple[pd.Series, pd.Series]:
        """Vectorised :meth:`resolve`: (nodes, reasons) aligned with ``refs``."""
        codes, unique = pd.factorize(refs)
        unique = np.asarray(unique, dtype=object)
        # a node's own id, written plainly, is that node: one join, not one resolve() per reference
        found = self.people.index.get_indexer(unique) if len(self.people) else np.full(len(unique), -1)
        plain = [i for i in np.flatnonzero(found >= 0).tolist()
                 if unique[i].casefold() != "me" and " ".join(unique[i].split()) == unique[i]]
        answered = np.full(len(unique) + 1, None, dtype=object)
        reasons = np.full(len(unique) + 1, "", dtype=object)
        answered[plain] = np.asarray(self.people.index, dtype=object)[found[plain]]
        rest = np.setdiff1d(np.arange(len(unique)), plain, assume_unique=True)
        for i, (node, reason) in zip(rest.tolist(), map(self.resolve, unique[rest].tolist())):
            answered[i], reasons[i] = node, reason
        nodes, reasons = answered[codes], reasons[codes]
        return pd.Series(nodes, index=refs.index), pd.Series(reasons, index=refs.index)


def resolve_people(records: pd.DataFrame, *, me: str | None = None, emails: tuple[str, ...] = (),
                   settings: IdentitySettings | None = None) -> Identity:
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
    settings : IdentitySettings, optional
        My profile URL and employers, and the region of national phone numbers.

    Returns
    -------
    Identity

    Examples
    --------
    >>> import pandas as pd
    >>> from netgraph.model.tables import validate
    >>> from netgraph.model.report import FileReport
    >>> records = validate(pd.DataFrame({"name": ["Ann Berg", "Tom Weller"], "phone": ["+49 30 1234567"] * 2}),
    ...                    "people", FileReport("<people>", "people"))
    >>> identity = resolve_people(records)
    >>> len(identity.people), identity.refusals["reason"].iloc[0]
    (2, 'shares the phone +49301234567 with Ann Berg (<people>:1), but not a given name: not merged')
    """
    settings = settings or IdentitySettings()
    records = _with_me(records.reset_index(drop=True), me, emails, settings)
    phones = [p for ps in records["phone"] for p in ps]
    region = settings.phone_region or usual_phone_region(phones)
    notes = []
    if region and not settings.phone_region and any(not p.strip().startswith(("+", "00")) for p in phones):
        notes.append(f"phone numbers without a country code read as numbers of {region}, the country of most "
                     "numbers written with one (phone_region in netgraph.toml says otherwise)")
    if _all_apart(records):
        return _one_person_per_record(records, region, notes, settings)
    rows = list(records.itertuples(index=False))
    keys, unused = zip(*(_record_keys(r, region) for r in rows)) if rows else ((), ())
    # a profile URL that names nobody is no attribute either (its refusal says so); a phone that is no
    # key stays: it may still be dialled
    records.loc[[not k["url"] for k in keys], "linkedin_url"] = ""
    name_keys = [name_key(r.name) for r in rows]
    formal_keys = [formal_key(k) for k in name_keys]
    clusters = _Clusters([{t: set(k[t]) for t in _KEY_TYPES} for k in keys], records["is_me"].to_numpy(),
                         [_employer_hints(r) for r in rows], name_keys)
    files, lines = records["_file"].tolist(), records["_line"].tolist()
    where = [f"{f}:{n}" if n else str(f) for f, n in zip(files, lines)]
    refusals = [(i, reason, True) for i, reasons in enumerate(unused) for reason in reasons]

    for t in _KEY_TYPES:
        owner: dict[str, int] = {}
        for i, record_keys in enumerate(keys):
            for k in sorted(record_keys[t]):
                j = owner.setdefault(k, i)
                a, b = clusters.find(i), clusters.find(j)
                if a == b or clusters.conflict(a, b, _HARD_KEYS) is not None:
                    continue
                if t == "phone" and not clusters.names_agree(a, b):  # an office line, or a junk fragment
                    refusals.append((i, f"shares the phone {k} with {rows[j].name} ({where[j]}), but not a "
                                        "given name: not merged", True))
                    continue
                clusters.union(a, b, (i, j, _RULES[t], k))

    for keys_of, name_rule in ((name_keys, "same name"), (formal_keys, "same name (nickname)")):
        refusals += _merge_names(clusters, keys_of, name_rule, rows, where)
    refusals = list(dict.fromkeys(refusals))  # a name that is its own formal form is refused in both passes

    roots = np.array([clusters.find(i) for i in range(len(rows))], dtype=int)
    me_root = next((r for r in range(len(rows)) if clusters.me[r] and roots[r] == r), None)
    records["_root"] = roots
    records["_priority"] = records["_source"].map(lambda s: SOURCE_PRIORITY.get(s, 8))
    people, node_of_root = _merge_attributes(records.drop(columns="is_me"))
    me_node = None if me_root is None else node_of_root[me_root]
    people["is_me"] = people.index == me_node
    if me_node is not None and settings.past_employers and not settings.employer:
        _not_a_past_employer(people, me_node, settings.past_employers)

    node = pd.Series(roots).map(node_of_root)
    rule, matched, via = _explain(len(rows), clusters.events)
    refused: list[list[str]] = [[] for _ in rows]
    for i, reason, _ in refusals:
        refused[i].append(reason)
    merges = pd.DataFrame({
        "node": node.to_numpy(),
        "node_name": people.loc[node, "name"].to_numpy(),
        "record_name": records["name"].to_numpy(),
        "source": records["_source"].to_numpy(),
        "file": records["_file"].to_numpy(),
        "line": records["_line"].to_numpy(),
        "rule": rule,
        "key": matched,
        "via": ["" if v is None else where[v] for v in via],
        "refused": ["; ".join(r) for r in refused],
    })
    nodes = node.tolist()
    refusal_frame = pd.DataFrame(
        [(files[i], lines[i], rows[i].name, nodes[i], reason, reported) for i, reason, reported in refusals],
        columns=["file", "line", "record_name", "node", "reason", "reported"])

    index: dict[str, dict[str, str]] = {t: {} for t in _KEY_TYPES}
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
    return Identity(people, merges, me_node, index, dict(names), dict(formal), refusal_frame, region, notes)


def _all_apart(records: pd.DataFrame) -> bool:
    """Whether every record has an id of its own: then no two can be one person (ids are hard keys)."""
    return bool(len(records)) and bool((records["id"] != "").all()) and records["id"].is_unique


def _one_person_per_record(records: pd.DataFrame, region: str | None, notes: list[str],
                           settings: IdentitySettings) -> Identity:
    """:func:`resolve_people` when every record has an id of its own (canonical people tables): no two
    records can merge, as their ids disagree, so each is a person, found by joins, not pair by pair.

    What the general passes would say is said all the same: the keys left unused (a profile URL or a
    phone that is no key), and, for each record, the earlier records of its name (and of its formal
    name) it was kept apart from, as their ids differ.
    """
    n = len(records)
    files, lines = records["_file"].tolist(), records["_line"].tolist()
    where = [f"{f}:{line}" if line else str(f) for f, line in zip(files, lines)]
    names = records["name"].tolist()
    is_me = records["is_me"].to_numpy(bool)
    refusals: list[tuple[int, str, bool]] = []
    keys: dict[str, list[tuple[str, int]]] = {t: [] for t in _KEY_TYPES if t != "id"}
    urls, phones = records["linkedin_url"].to_numpy(object), records["phone"].to_numpy(object)
    given = np.flatnonzero((urls != "") | np.array([bool(p) for p in phones], dtype=bool))
    for i in given.tolist():  # the rare records with a profile or a phone: the general rules, record by record
        row = records.iloc[i]
        found, unused = _record_keys(row, region)
        refusals += [(i, reason, True) for reason in unused]
        for t in ("url", "phone"):
            keys[t] += [(k, i) for k in sorted(found[t])]
    with_url = np.zeros(n, dtype=bool)
    with_url[[i for _, i in keys["url"]]] = True
    records.loc[(urls != "") & ~with_url, "linkedin_url"] = ""
    addresses = records["email"].explode()
    addresses = addresses[addresses.notna()]
    address_keys = addresses.map(email_key).to_numpy(object)
    kept = address_keys != ""
    keys["email"] = list(zip(address_keys[kept].tolist(), addresses.index.to_numpy()[kept].tolist()))

    name_of = {name: name_key(name) for name in pd.unique(records["name"])}
    name_keys = [name_of[name] for name in names]
    formal_of = {key: formal_key(key) for key in name_of.values()}
    formal_keys = [formal_of[key] for key in name_keys]
    for group_keys in (name_keys, formal_keys):
        refusals += _kept_apart(group_keys, records["id"].tolist(), is_me, names, where)
    refusals = list(dict.fromkeys(refusals))

    records["_root"] = np.arange(n)
    records["_priority"] = records["_source"].map(lambda s: SOURCE_PRIORITY.get(s, 8))
    people, node_of_root = _merge_attributes(records.drop(columns="is_me"))
    nodes = [node_of_root[i] for i in range(n)]
    me_node = next((nodes[i] for i in np.flatnonzero(is_me).tolist()), None)
    people["is_me"] = people.index == me_node
    if me_node is not None and settings.past_employers and not settings.employer:
        _not_a_past_employer(people, me_node, settings.past_employers)
    refused: list[list[str]] = [[] for _ in range(n)]
    for i, reason, _ in refusals:
        refused[i].append(reason)
    merges = pd.DataFrame({"node": nodes, "node_name": people["name"].to_numpy(), "record_name": names,
                           "source": records["_source"].to_numpy(), "file": records["_file"].to_numpy(),
                           "line": records["_line"].to_numpy(), "rule": "new", "key": "", "via": "",
                           "refused": ["; ".join(r) for r in refused]})
    refusal_frame = pd.DataFrame(
        [(files[i], lines[i], names[i], nodes[i], reason, reported) for i, reason, reported in refusals],
        columns=["file", "line", "record_name", "node", "reason", "reported"])
    index: dict[str, dict[str, str]] = {"id": {node: node for node in people.index}}
    for t in ("url", "email", "phone"):  # the first record of a key names its node
        index[t] = {k: nodes[i] for k, i in reversed(keys[t])}
    by_name: dict[str, list[str]] = defaultdict(list)
    by_formal: dict[str, list[str]] = defaultdict(list)
    for table, of in ((by_name, name_keys), (by_formal, formal_keys)):
        for key, node in zip(of, nodes):
            if key:
                table[key].append(node)
    return Identity(people, merges, me_node, index, dict(by_name), dict(by_formal), refusal_frame, region, notes)


def _kept_apart(keys: list[str], ids: list[str], is_me: np.ndarray, names: list[str], where: list[str]
                ) -> list[tuple[int, str, bool]]:
    """What :func:`_merge_names` refuses when every record has its own id: each record is kept apart
    from the earlier records of its name key (their ids differ), and a record of my name is somebody else."""
    refusals = []
    earlier: dict[str, list[int]] = {}
    order: dict[str, list[tuple[int, str, bool]]] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        before = earlier.setdefault(key, [])
        said = order.setdefault(key, [])
        if before:
            mine = [j for j in before if is_me[j]] if not is_me[i] else before
            said += [(i, f"has my name but another id ({ids[j] if is_me[i] else ids[i]}): somebody else", True)
                     for j in mine]
            if not is_me[i]:
                count = len(before) - len(mine)
                if count:
                    shown_records = [j for j in before[:_SHOWN + 1] if not is_me[j]][:_SHOWN]
                    shown = ", ".join(where[j] for j in shown_records)
                    more = f" and {count - _SHOWN} more" if count > _SHOWN else ""
                    who = f"{names[shown_records[0]]} ({shown}{more})" if count == 1 else \
                        f"{count} people ({shown}{more})"
                    said.append((i, f"same name as {who} but another id: kept apart", False))
        before.append(i)
    for said in order.values():  # the general pass goes name by name, in the order names first appear
        refusals += said
    return refusals


def _merge_names(clusters: _Clusters, keys: list[str], rule: str, rows: list, where: list[str]
                 ) -> list[tuple[int, str, bool]]:
    """Merge the clusters whose records share a name key, when exactly one candidate fits.

    A candidate fits when no exact key of the two disagrees; failing that, when
    one holds only personal addresses and the other a work address, and both
    name the same employer. Returns the refusals: (record, reason, reported).
    """
    refusals = []
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key:
            by_name[key].append(i)
    for key, members in by_name.items():
        groups: list[int] = []  # one record of each person of this name so far
        for i in members:
            root = clusters.find(i)
            candidates: dict[int, int] = {}
            for g in groups:
                candidates.setdefault(clusters.find(g), g)
            if root in candidates:
                continue
            fits = {g: "" for g in candidates if clusters.conflict(g, root, _KEY_TYPES) is None}
            how = rule
            if len(fits) > 1:  # two people of that name: the one at the same employer, if just one is
                fits = {g: e for g in fits if (e := _shared_employer(clusters.employers[g], clusters.employers[root]))}
            if not fits:
                fits = {g: e for g in candidates if (e := _personal_and_work(clusters, g, root))}
                how = PERSONAL_AND_WORK
            if len(fits) == 1:
                [(g, employer)] = fits.items()
                refusals += _my_name_only(clusters, i, g, root)
                clusters.union(g, root, (i, candidates[g], how, employer if how == PERSONAL_AND_WORK else key))
                continue
            groups.append(i)
            refusals += _name_refusals(clusters, i, root, candidates, fits, rows, where)
    return refusals


def _personal_and_work(clusters: _Clusters, a: int, b: int) -> str:
    """The employer, when roots a and b differ only in their addresses, one has only personal
    ones, the other a work address, and their records name one employer; else ""."""
    if clusters.conflict(a, b, tuple(t for t in _KEY_TYPES if t != "email")) is not None:
        return ""
    if clusters.me[a] or clusters.me[b]:
        return ""
    personal = [all(domain_of(e) in PERSONAL_DOMAINS for e in clusters.keys[r]["email"]) for r in (a, b)]
    if personal[0] == personal[1]:
        return ""
    return _shared_employer(clusters.employers[a], clusters.employers[b])


def _name_refusals(clusters: _Clusters, i: int, root: int, candidates: dict[int, int], fits: dict[int, str],
                   rows: list, where: list[str]) -> list[tuple[int, str, bool]]:
    """Why record i joined none of the people of its name (candidates: root -> one of their records)."""
    if len(fits) > 1:
        listed = ", ".join(where[candidates[g]] for g in list(fits)[:_SHOWN])
        more = f" and {len(fits) - _SHOWN} more" if len(fits) > _SHOWN else ""
        return [(i, f"could be any of {len(fits)} people named {rows[i].name} ({listed}{more}): kept apart", False)]
    refusals: list[tuple[int, str, bool]] = []
    others: dict[str, list[int]] = defaultdict(list)
    for g, j in candidates.items():
        why = clusters.conflict(g, root, _KEY_TYPES)
        if why in _HARD_KEYS and (clusters.me[g] or clusters.me[root]):
            theirs = ", ".join(sorted(clusters.keys[g if clusters.me[root] else root][why]))
            refusals.append((i, f"has my name but another {_WHAT[why]} ({theirs}): somebody else", True))
        elif why:
            others[why].append(j)
    for why, records in others.items():  # one line per reason: a common name may have hundreds of bearers
        shown = ", ".join(where[j] for j in records[:_SHOWN])
        more = f" and {len(records) - _SHOWN} more" if len(records) > _SHOWN else ""
        who = f"{rows[records[0]].name} ({shown}{more})" if len(records) == 1 else \
            f"{len(records)} people ({shown}{more})"
        refusals.append((i, f"same name as {who} but another {_WHAT[why]}: kept apart", False))
    return refusals


def _my_name_only(clusters: _Clusters, i: int, a: int, b: int) -> list[tuple[int, str, bool]]:
    """A warning when record i joins me on my name alone, bringing a profile while mine is unknown:
    a stranger of my name would, and netgraph.toml's linkedin_url would tell them apart."""
    if clusters.me[a] == clusters.me[b]:
        return []
    mine, theirs = (a, b) if clusters.me[a] else (b, a)
    if clusters.keys[mine]["url"] or not clusters.keys[theirs]["url"]:
        return []
    profile = ", ".join(sorted(clusters.keys[theirs]["url"]))
    return [(i, f"has my name and the profile {profile}: taken for me, as netgraph.toml gives no linkedin_url "
                "(give it if this is somebody else)", True)]


def _explain(n: int, events: list[tuple[int, int, str, str]]) -> tuple[list[str], list[str], list[int | None]]:
    """Why each record joined its node: the merge that first reached it from the node's first
    record (breadth first over the merges), with the key and the record it matched."""
    adjacency: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for i, j, how, key in events:
        adjacency[i].append((j, how, key))
        adjacency[j].append((i, how, key))
    rule: list[str] = ["new"] * n
    matched: list[str] = [""] * n
    via: list[int | None] = [None] * n
    seen = [False] * n
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v, how, key in adjacency[u]:
                if not seen[v]:
                    seen[v] = True
                    rule[v], matched[v], via[v] = how, key, u
                    queue.append(v)
    return rule, matched, via


def _with_me(records: pd.DataFrame, me: str | None, emails: tuple[str, ...],
             settings: IdentitySettings) -> pd.DataFrame:
    """The records, with ``is_me`` marked, and a record of what netgraph.toml says about me."""
    records = records.copy()
    records["is_me"] = False
    facts = {"linkedin_url": settings.linkedin_url, "company": settings.employer,
             "past_companies": list(settings.past_employers)}
    if not me and not emails:
        return records
    mine = {email_key(e) for e in emails} - {""}
    if me and records["id"].eq(me).any():
        at = records.index[records["id"].eq(me)]
        records.loc[at, "is_me"] = True
        for column, value in facts.items():
            if value:
                records.loc[at, column] = pd.Series([value] * len(at), index=at, dtype=object)
        return records
    name = me if me and "@" not in me else ""
    if me and "@" in me:
        mine.add(email_key(me))
    row: dict[str, object] = {c: "" for c in records.columns if records[c].dtype == object}
    row.update({"name": name or sorted(mine)[0], "email": sorted(mine), "phone": [], "tags": [],
                "_source": "me", "_file": "netgraph.toml", "_line": 0, "is_me": True, **facts})
    return pd.concat([pd.DataFrame([row]), records], ignore_index=True)


def _not_a_past_employer(people: pd.DataFrame, me: str, past: tuple[str, ...]) -> None:
    """My records may still name a job I have left; netgraph.toml's past employers say I did."""
    if company_key(people.at[me, "company"]) in {company_key(c) for c in past}:
        people.at[me, "company"] = ""


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
    """Explicit ids first; everyone else gets a slug of their name, made unique and never a reserved id."""
    taken = set(people["id"][people["id"] != ""]) | RESERVED_IDS
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
