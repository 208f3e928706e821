"""Anonymised copies of a network, to share or show without the people in it.

:func:`anonymize` replaces everything that names a person with a pseudonym
that is stable within one run: each person (one node, whatever the files
said about them) becomes ``Person 4f2a``, with node id ``person-4f2a``,
e-mail addresses ``person-4f2a@example.invalid``, a phone number of the
reserved ``+999`` plan and a profile link on ``example.invalid``; each
company becomes ``Company 9b1c`` (unless companies are kept), with its
aliases and mail domains. Mail ids, thread ids and list ids become opaque
codes that still link a reply to its message. Notes are dropped (but for
the markers ``invitation``, ``endorsement`` and ``recommendation``, which name nobody).

Only what netgraph knows is kept (an allow-list): the columns of the
canonical tables and the attributes netgraph derives from them. Whatever else
a file brought along (a ``notes`` or ``comments`` column, Gephi's
``description``) may say anything about anyone, and is left out. Every text
kept (titles, tags, locations, industries, of people and of companies) is
scrubbed: e-mail addresses, links (with a scheme or without: ``janejones.dev``,
``github.com/annlee``), handles (``@jjones``), the local parts of people's
addresses and their profile slugs, phone numbers, every word of a person's name
and the name run together (``annlee``, ``jjones``; in scripts written without
spaces, such as Chinese or Japanese, the name anywhere in a word) and, when
companies are pseudonymised, every company name become ``[e-mail]``,
``[link]``, ``[handle]``, ``[phone]``, ``[name]`` or the company's pseudonym.
Numbers, dates, strengths and the structure of the graph are kept as they are.
Rows and nodes are in the order of their pseudonyms, not of the input (which
is often alphabetical by real name, and would let pseudonyms be matched
against a known list of contacts).

Pseudonyms are keyed HMAC-SHA256 digests of the node id (or company name)
with a salt: a random one for each :class:`Anonymizer`, so that pseudonyms
cannot be reversed by hashing guessed names, or one the caller gives, to
anonymise several exports alike.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable

import networkx as nx

from .._lazy import pd
from ..errors import NetgraphError
from ..model.build import _NODE_RENAMES
from ..model.companies import Directory
from ..model.keys import company_key, natural_name, phone_key
from ..model.network import Network
from ..model.report import ImportReport
from ..model.tables import MARKERS, SCHEMAS
from ..model.targets import find_target
from .export import _DERIVED

__all__ = ["anonymize", "Anonymizer"]

#: The reserved domain (RFC 2606) of every pseudonymous address and link.
DOMAIN = "example.invalid"
#: Hex digits of a pseudonym, at least (more where two would collide).
_CODE = 4
#: Attributes whose values are categories or provenance, never personal.
_SAFE = {"channel", "kind", "status", "last_channel", "sources", "symmetric", "source_kinds"}
#: Free text that may say anything about anyone: dropped (but for the markers of what an interaction was).
_DROPPED = {"note"}
#: The node attributes an anonymised copy keeps: the people table's columns and what netgraph derives.
_NODE_KEPT = frozenset({_NODE_RENAMES.get(c, c) for c in SCHEMAS["people"].columns if c != "id"} | set(_DERIVED))
#: The graph attributes it keeps (the import report and the homonyms name files and people).
_GRAPH_KEPT = ("me", "today", "targets", "companies", "introductions", "symmetric")
#: How each table's rows are ordered once anonymised: by the pseudonyms it refers to, then the date.
_ORDER = {"interactions": ("from", "to", "date"), "ties": ("a", "b"),
          "introductions": ("introducer", "introduced", "to", "date"), "companies": ("name",)}
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
#: A host name without a scheme, with any path (janejones.dev, github.com/annlee): dotted labels ending in a
#: word of letters. It takes "Node.js" too: a word lost is better than an address kept.
_BARE_LINK = re.compile(r"(?<![\w@.-])(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,24}(?![\w-])(?:/\S*)?")
#: A handle: @ and a name, not after a word (which makes it an address).
_HANDLE = re.compile(r"(?<![\w.])@[^\W_](?:[\w.-]*[^\W_])?")
#: A word that may be an identifier: letters, digits and the dots, dashes and pluses of addresses and slugs.
_IDENTIFIER = re.compile(r"[^\W_](?:[\w.+'-]*[^\W_])?")
_PHONE = re.compile(r"\+?\d[\d ()./-]{5,}\d")
_WORD = re.compile(r"[^\W\d_]+")
#: Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese kana, Chinese characters,
#: Korean, whose particles join the name: 김민수에게): a name is found anywhere in a word of them.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f"
                       "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
                       "\U00020000-\U0003134f]+")
#: The same, to split a word at: "Lee部長" (Manager Lee) is a name and a title.
_SCRIPTS = re.compile(f"({_UNSPACED.pattern})")
#: Letters of a name run together that are taken for it (annlee, jjones): shorter ones are common words.
_RUN_TOGETHER = 4
_NAME_RUN = re.compile(r"\[name\](?:[\s.,'-]*\[name\])+")


def anonymize(G_or_net, *, salt: str | bytes | None = None, keep_companies: bool = False):
    """An anonymised copy of a graph or of a whole network.

    Parameters
    ----------
    G_or_net : nx.DiGraph or Network
        A netgraph graph, or a loaded network (its tables are anonymised too,
        so that :func:`netgraph.io.export` writes only pseudonyms).
    salt : str or bytes, optional
        The key of the pseudonyms. By default a random one: pseudonyms differ
        from run to run and cannot be found by hashing guessed names. Give
        the same salt to anonymise several exports alike (and keep it secret).
    keep_companies : bool
        Keep company names (and their aliases and domains) as they are; by
        default they are pseudonymised too.

    Returns
    -------
    nx.DiGraph or Network
        The anonymised copy, of the type given. The network's import report
        and identity records are left out (they name files and people).

    Examples
    --------
    >>> import netgraph
    >>> from netgraph.io.privacy import anonymize
    >>> G = anonymize(netgraph.load().graph, salt="demo")
    >>> me = G.graph["me"]
    >>> G.nodes[me]["name"], G.nodes[me]["emails"][0]
    ('Person a69d', 'person-a69d@example.invalid')
    """
    anonymizer = Anonymizer(G_or_net, salt=salt, keep_companies=keep_companies)
    return anonymizer.network() if isinstance(G_or_net, Network) else anonymizer.graph()


class Anonymizer:
    """The pseudonyms of one anonymisation: people, companies, addresses, phones, links, ids.

    Parameters
    ----------
    G_or_net : nx.DiGraph or Network
        What to anonymise.
    salt, keep_companies
        As for :func:`anonymize`.

    Examples
    --------
    >>> import netgraph
    >>> anonymizer = Anonymizer(netgraph.load(), salt="demo")
    >>> anonymizer.target("Novagen") == anonymizer.company("Novagen")
    True
    """

    def __init__(self, G_or_net, *, salt: str | bytes | None = None, keep_companies: bool = False):
        self.net = G_or_net if isinstance(G_or_net, Network) else None
        self.G: nx.DiGraph = G_or_net.graph if self.net is not None else G_or_net
        if salt is None:
            salt = secrets.token_bytes(16)
        self._salt = salt.encode("utf-8") if isinstance(salt, str) else bytes(salt)
        self.keep_companies = keep_companies
        self.directory = Directory([dict(r) for r in self.G.graph.get("companies", [])])
        codes = self._codes("person", [str(n) for n in self.G])
        self.names = {n: f"Person {codes[str(n)]}" for n in self.G}
        self.ids = {n: f"person-{codes[str(n)]}" for n in self.G}
        self._companies = self._codes("company", [r["name"] for r in self.directory.records])
        self._emails = {address.casefold(): self._address(n, i) for n, emails in self.G.nodes(data="emails")
                        for i, address in enumerate(emails or [])}
        self._words, self._unspaced = _names(self.G)
        self._longest = max(map(len, self._unspaced), default=0)
        self._identifiers = _identifiers(self.G)
        self._scrubbed: dict[str, str] = {}  # titles, places and tags repeat: each text is scrubbed once
        self._company_names = self._company_pattern()
        self._rules = self._value_rules()

    # -- pseudonyms

    def _digest(self, kind: str, key: str) -> str:
        return hmac.new(self._salt, f"{kind}\0{key}".encode(), hashlib.sha256).hexdigest()

    def _codes(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """Unique codes for ``keys``: the shortest prefix of each digest, from :data:`_CODE` digits, that no
        other key took (assigned in digest order, so the same salt gives the same codes)."""
        digests = {key: self._digest(kind, key) for key in keys}
        codes, taken = {}, set()
        for key in sorted(digests, key=digests.__getitem__):
            size = _CODE
            while digests[key][:size] in taken:
                size += 1
            codes[key] = digests[key][:size]
            taken.add(codes[key])
        return codes

    def _address(self, node, index: int) -> str:
        return f"{self.ids[node]}{'' if index == 0 else f'.{index + 1}'}@{DOMAIN}"

    def person(self, node) -> str:
        """The pseudonym of a node: ``Person 4f2a``."""
        return self.names[node]

    def node(self, node):
        """The pseudonymous id of a node (a reference to nobody known is coded alike)."""
        if node in self.ids:
            return self.ids[node]
        return f"person-{self._digest('person', str(node))[:8]}" if isinstance(node, str) and node else node

    def company(self, name: str) -> str:
        """The pseudonym of a company, by its name, an alias or a domain.

        A kept company's name is kept but for the names of people in it: a firm named after its founder
        (``Jane Jones Consulting``) would name her.
        """
        if not name:
            return name
        if self.keep_companies:
            return self._without_names(name)
        canonical = self.directory.canonical(name) or name
        code = self._companies.get(canonical) or self._digest("company", company_key(canonical) or name)[:8]
        return f"Company {code}"

    def domain(self, domain: str) -> str:
        """A company's mail domain: kept with the company's name (unless it names a person), else coded."""
        if not domain or (self.keep_companies and self._without_names(domain) == domain):
            return domain
        code = (self._digest("company", domain.casefold())[:8] if self.keep_companies
                else self.company(domain).removeprefix("Company "))
        return f"company-{code}.{DOMAIN}"

    def email(self, address: str) -> str:
        """A person's address: ``person-4f2a@example.invalid`` (numbered for their second and further ones)."""
        known = self._emails.get(address.strip().casefold())
        return known or f"address-{self._digest('email', address.strip().casefold())[:8]}@{DOMAIN}"

    def phone(self, number: str) -> str:
        """A phone number in the reserved ``+999`` plan, the same for every way one number is written."""
        digits = str(int(self._digest("phone", phone_key(number) or number)[:12], 16))[-8:].zfill(8)
        return f"+999 {digits[:4]} {digits[4:]}"

    def link(self, node) -> str:
        """The profile link of a person."""
        return f"https://{DOMAIN}/in/{self.node(node)}"

    def code(self, kind: str, value: str) -> str:
        """An opaque code for an id (a mail's Message-ID, a list's id): equal values stay equal."""
        return f"{kind}-{self._digest(kind, value)[:12]}" if value else value

    def target(self, text: str) -> str:
        """What a target (``--to``: a company by name, alias or domain, or a person) is called once anonymised.

        Text that names nothing known is returned as it is.
        """
        found = find_target(self.G, text)
        if found.company:
            return self.company(found.company)
        return self.person(next(iter(found.nodes))) if found.nodes else text

    # -- free text

    def _company_pattern(self) -> re.Pattern | None:
        """Every company name and alias, longest first, as whole words."""
        if self.keep_companies:
            return None
        names = {alias for r in self.directory.records for alias in [r["name"], *r.get("aliases", [])] if alias}
        names |= {c for _, c in self.G.nodes(data="company") if c}
        if not names:
            return None
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def text(self, value: str) -> str:
        """Free text with addresses, links, handles, phone numbers, names (and companies) taken out."""
        if not value:
            return value
        if value not in self._scrubbed:
            self._scrubbed[value] = self._scrub(value)
        return self._scrubbed[value]

    def _scrub(self, value: str) -> str:
        if not value.isascii():  # a name written with combining accents is the same name
            value = unicodedata.normalize("NFC", value)
        value = _EMAIL.sub("[e-mail]", value)
        value = _LINK.sub("[link]", value)
        value = _HANDLE.sub("[handle]", value)
        value = _IDENTIFIER.sub(lambda m: "[handle]" if _fold(m.group()) in self._identifiers else m.group(), value)
        value = _BARE_LINK.sub("[link]", value)
        value = _PHONE.sub("[phone]", value)
        if self._company_names is not None:
            value = self._company_names.sub(lambda m: self.company(m.group()), value)
        return self._without_names(value)

    def _without_names(self, value: str) -> str:
        """Text with every name of a person (a word of it, or all of it run together) taken out."""
        if self._unspaced:
            value = _UNSPACED.sub(self._unspaced_names, value)
        value = _IDENTIFIER.sub(self._spaced_name, value)
        return _NAME_RUN.sub("[name]", value)

    def _spaced_name(self, match: re.Match) -> str:
        """A word, or ``[name]`` when it is a word of a name (or a name run together), with or without digits."""
        word = match.group()
        if _UNSPACED.search(word):  # each script's letters apart
            return "".join(piece if i % 2 else _IDENTIFIER.sub(self._spaced_name, piece)
                           for i, piece in enumerate(_SCRIPTS.split(word)))
        if _fold(word) in self._identifiers:
            return "[handle]"
        if "." in word or "-" in word or "+" in word or "'" in word:  # the parts of jane.jones are words
            return _WORD.sub(lambda m: "[name]" if _fold(m.group()) in self._words else m.group(), word)
        return "[name]" if _fold(word.rstrip("0123456789")) in self._words else word

    def _unspaced_names(self, match: re.Match) -> str:
        """A run of a script without spaces, with every name in it (longest first, left to right) taken out."""
        run, out, at = match.group(), [], 0
        while at < len(run):
            for size in range(min(self._longest, len(run) - at), 1, -1):
                if run[at:at + size] in self._unspaced:
                    out.append("[name]")
                    at += size
                    break
            else:
                out.append(run[at])
                at += 1
        return "".join(out)

    # -- values, by attribute

    def value(self, key: str, value, node=None):
        """An attribute's value (of ``node``, for personal ones), anonymised."""
        if key in _DROPPED:
            return _kept_note(value)
        if key in _SAFE or not isinstance(value, (str, list, tuple)):  # numbers, dates, flags: nobody's name
            return value
        rule = self._rules.get(key)
        if rule is not None:
            return rule(value, node)
        return self._each(value, self.text)

    def _value_rules(self) -> dict[str, Callable]:
        """How each attribute that names someone or something is anonymised: a function of (value, node)."""
        return {
            "name": lambda v, n: self.person(n) if n in self.names else self.text(v),
            "linkedin_url": lambda v, n: self.link(n) if v else v,
            "email": lambda v, n: self._each(v, self.email), "emails": lambda v, n: self._each(v, self.email),
            "phone": lambda v, n: self._each(v, self.phone), "phones": lambda v, n: self._each(v, self.phone),
            "company": lambda v, n: self._each(v, self.company),
            "past_companies": lambda v, n: self._each(v, self.company),
            "company_from": lambda v, n: self._each(v, self.domain),
            "introduced_by": lambda v, n: self.node(v),
            "message_id": lambda v, n: self.code("message", v), "in_reply_to": lambda v, n: self.code("message", v),
            "mailing_list": lambda v, n: self.code("list", v),
            "members": lambda v, n: self._each(v, self.node),  # a team's member nodes (netgraph.io.share)
        }

    @staticmethod
    def _each(value, function: Callable[[str], str]):
        """``function`` on a text, or on each text of a list; other values as they are."""
        if isinstance(value, str):
            return function(value)
        if isinstance(value, (list, tuple)):
            return [function(v) if isinstance(v, str) else v for v in value]
        return value

    def _attributes(self, data: dict, node=None, kept: frozenset | None = None) -> dict:
        """A node's or an edge's attributes, anonymised, without the dropped ones (and only the ``kept`` ones)."""
        out = dict(data)
        # an edge has a dozen numbers and dates for every text: only texts are looked at
        for key, value in data.items():
            if key in _DROPPED or (kept is not None and key not in kept):
                del out[key]
            elif key == "known_by":  # a team's member nodes and how well each knows this one
                out[key] = {self.node(member): strength for member, strength in value.items()}
            elif isinstance(value, (str, list, tuple)) and key not in _SAFE:
                out[key] = self.value(key, value, node)
        return out

    # -- whole copies

    def graph(self) -> nx.DiGraph:
        """The anonymised copy of the graph."""
        H = nx.DiGraph()
        H.graph.update(self._graph_attributes(self.G.graph))
        nodes = sorted(self.G, key=self.ids.__getitem__)
        H.add_nodes_from((self.ids[n], self._attributes(self.G.nodes[n], n, _NODE_KEPT)) for n in nodes)
        H.add_edges_from((self.ids[u], self.ids[v], self._attributes(self.G[u][v]))
                         for u in nodes for v in sorted(self.G[u], key=self.ids.__getitem__))
        return H

    def _graph_attributes(self, data: dict) -> dict:
        out = {}
        for key, value in data.items():
            if key not in _GRAPH_KEPT:
                continue
            if key == "me":
                out[key] = self.node(value)
            elif key == "targets":
                out[key] = [self.company(t) for t in value]
            elif key == "companies":
                out[key] = sorted((self._company_record(r) for r in value), key=lambda r: r["name"])
            elif key == "introductions":
                out[key] = sorted((self._introduction(r) for r in value),
                                  key=lambda r: tuple(str(r.get(c, "")) for c in _ORDER["introductions"]))
            elif key == "members":  # a team's: who they are, their employers; not the files they came in
                out[key] = {self.node(n): {"name": self.person(n), "contacts": m["contacts"],
                                           "employers": self._each(m["employers"], self.company)}
                            for n, m in value.items()}
            else:
                out[key] = self.value(key, copy.deepcopy(value))
        return out

    def _company_record(self, record: dict) -> dict:
        """A company's record: its name, aliases and domains pseudonymised, its other fields scrubbed."""
        out = {key: self.value(key, value) for key, value in record.items()
               if key in SCHEMAS["companies"].columns and key not in ("name", "aliases", "domains")}
        return {"name": self.company(record["name"]),
                "aliases": [] if not self.keep_companies else list(record.get("aliases", [])),
                "domains": [self.domain(d) for d in record.get("domains", [])], **out}

    def _introduction(self, record: dict) -> dict:
        return {key: self.node(value) if key in ("introducer", "introduced", "to") else self.value(key, value)
                for key, value in record.items() if key in SCHEMAS["introductions"].columns}

    def network(self) -> Network:
        """The anonymised copy of the whole network: graph and tables.

        Raises
        ------
        NetgraphError
            When this anonymiser was made from a graph, not a network.
        """
        net = self.net
        if net is None:
            raise NetgraphError("only a loaded network (netgraph.load) can be anonymised as a network")
        report = ImportReport()
        report.add("<anonymized>", "note").notes.append("an anonymised copy: the import report is left out")
        return Network(
            graph=self.graph(), people=self._people(net.people),
            interactions=self._table(net.interactions, "interactions"), ties=self._table(net.ties, "ties"),
            introductions=self._table(net.introductions, "introductions"),
            companies=_ordered(pd.DataFrame([self._company_record(r) for r in net.companies.to_dict("records")],
                                            columns=_kept(net.companies, "companies")), "companies"),
            report=report, emails=[self.email(a) for a in net.emails])

    def _people(self, people: pd.DataFrame) -> pd.DataFrame:
        columns = _kept(people, "people", also=_DERIVED)
        rows = [{key: self.value(key, value, node) for key, value in row.items()}
                for node, row in zip(people.index, people[columns].to_dict("records"))]
        index = pd.Index([self.ids[n] for n in people.index], name=people.index.name)
        return pd.DataFrame(rows, columns=columns, index=index).sort_index()

    def _table(self, frame: pd.DataFrame, kind: str) -> pd.DataFrame:
        """A canonical table, anonymised: its known columns only, references coded, texts scrubbed, reordered."""
        out = frame[_kept(frame, kind)].copy()
        references = [c for c in _ORDER[kind] if c != "date"]
        for column in out.columns:
            if column in references:
                out[column] = out[column].map(self.node)
            elif column in _DROPPED:
                out[column] = out[column].map(_kept_note)
            elif out[column].dtype == object:
                out[column] = out[column].map(lambda v, c=column: self.value(c, v))
        return _ordered(out, kind)


def _kept(frame: pd.DataFrame, kind: str, also: Iterable[str] = ()) -> list[str]:
    """The columns of ``frame`` an anonymised copy keeps: those of the canonical table (and ``also``)."""
    known = {*SCHEMAS[kind].columns, *also}
    return [c for c in frame.columns if c in known]


def _ordered(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Rows in the order of their pseudonyms, whatever the input's order was.

    Rows that refer to the same people on the same day keep their order (it says nothing about names, and
    which of them came last decides a tie's last channel).
    """
    keys = [c for c in _ORDER[kind] if c in frame]
    return frame.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def _kept_note(note) -> str:
    """A note as anonymised: "" unless it only says what the interaction was (an invitation...)."""
    return note if note in MARKERS else ""


def _fold(word: str) -> str:
    """A word without case or accents, as names are compared."""
    if not word.isascii():
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word.casefold()


def _names(G: nx.DiGraph) -> tuple[set[str], set[str]]:
    """What of people's names is looked for in free text.

    Returns the words of names (two letters or more, folded: found as whole words) with each name run
    together, initial and surname, and surname and given name (``annlee``, ``jjones``, ``leeann``: the
    handles people choose); and, for scripts written without spaces, the words and the whole name (found
    anywhere in a word).
    """
    words, unspaced = set(), set()
    for _, name in G.nodes(data="name"):
        parts = _WORD.findall(unicodedata.normalize("NFC", natural_name(name or "")))
        for part in (part for part in parts if len(part) >= 2):
            if _UNSPACED.search(part):
                unspaced.add(part)
            else:
                words.add(_fold(part))
        if len(parts) < 2:
            continue
        if any(_UNSPACED.search(part) for part in parts):
            unspaced.add("".join(parts))  # 李 明 is written 李明 in a sentence
        else:
            runs = ("".join(parts), parts[0][0] + parts[-1], parts[-1] + parts[0])
            words |= {_fold(run) for run in runs if len(run) >= _RUN_TOGETHER}
    return words, unspaced


def _identifiers(G: nx.DiGraph) -> set[str]:
    """The local parts of people's addresses (with and without a +tag) and the slugs of their profile links
    (folded), to find in text."""
    found = set()
    for _, data in G.nodes(data=True):
        local = {address.rpartition("@")[0] for address in data.get("emails") or []}
        found |= local | {part.partition("+")[0] for part in local}
        link = (data.get("linkedin_url") or "").partition("?")[0].rstrip("/")
        found.add(link.rpartition("/")[2])
    return {_fold(i) for i in found if len(i) >= 3}
