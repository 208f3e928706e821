"""Anonymised copies of a network, to share or show without the people in it.

:func:`anonymize` replaces everything that names a person with a pseudonym
that is stable within one run: each person (one node, whatever the files
said about them) becomes ``Person 4f2a``, with node id ``person-4f2a``,
e-mail addresses ``person-4f2a@example.invalid``, a phone number of the
reserved ``+999`` plan and a profile link on ``example.invalid``; each
company becomes ``Company 9b1c`` (unless companies are kept), with its
aliases and mail domains. Mail ids, thread ids and list ids become opaque
codes that still link a reply to its message. Notes are dropped (but for
the markers ``invitation``, ``endorsement`` and ``recommendation``, which name nobody). Other text
(titles, tags, locations, whatever extra columns a file had) is scrubbed:
e-mail addresses, phone numbers and links in it, every word of a person's
name and, when companies are pseudonymised, every company name become
``[e-mail]``, ``[phone]``, ``[link]``, ``[name]`` or the company's pseudonym.
Numbers, dates, strengths and the structure of the graph are kept as they are.

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
import pandas as pd

from ..errors import NetgraphError
from ..model.companies import Directory
from ..model.keys import company_key, phone_key
from ..model.network import Network
from ..model.report import ImportReport
from ..model.tables import MARKERS
from ..model.targets import find_target

__all__ = ["anonymize", "Anonymizer"]

#: The reserved domain (RFC 2606) of every pseudonymous address and link.
DOMAIN = "example.invalid"
#: Hex digits of a pseudonym, at least (more where two would collide).
_CODE = 4
#: Attributes whose values are categories or provenance, never personal.
_SAFE = {"channel", "kind", "status", "last_channel", "sources", "symmetric", "source_kinds"}
#: Free text that may say anything about anyone: dropped (but for the markers of what an interaction was).
_DROPPED = {"note"}
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d ()./-]{5,}\d")
_WORD = re.compile(r"[^\W\d_]+")
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
        self._tokens = {token for n, name in self.G.nodes(data="name") for token in _name_tokens(name or "")}
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
        for key in sorted(digests, key=digests.get):
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
        """The pseudonym of a company, by its name, an alias or a domain (the name itself when kept)."""
        if self.keep_companies or not name:
            return name
        canonical = self.directory.canonical(name) or name
        code = self._companies.get(canonical) or self._digest("company", company_key(canonical) or name)[:8]
        return f"Company {code}"

    def domain(self, domain: str) -> str:
        """A company's mail domain: kept with the company's name, else coded."""
        if self.keep_companies or not domain:
            return domain
        return f"{self.company(domain).replace('Company ', 'company-')}.{DOMAIN}"

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
        """Free text with addresses, links, phone numbers, names (and companies) taken out."""
        if not value:
            return value
        value = _EMAIL.sub("[e-mail]", value)
        value = _LINK.sub("[link]", value)
        value = _PHONE.sub("[phone]", value)
        if self._company_names is not None:
            value = self._company_names.sub(lambda m: self.company(m.group()), value)
        value = _WORD.sub(lambda m: "[name]" if _fold(m.group()) in self._tokens else m.group(), value)
        return _NAME_RUN.sub("[name]", value)

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

    def _attributes(self, data: dict, node=None) -> dict:
        """A node's or an edge's attributes, anonymised, without the dropped ones."""
        out = dict(data)
        # an edge has a dozen numbers and dates for every text: only texts are looked at
        for key, value in data.items():
            if key in _DROPPED:
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
        H.add_nodes_from((self.ids[n], self._attributes(d, n)) for n, d in self.G.nodes(data=True))
        H.add_edges_from((self.ids[u], self.ids[v], self._attributes(d)) for u, v, d in self.G.edges(data=True))
        return H

    def _graph_attributes(self, data: dict) -> dict:
        out = {}
        for key, value in data.items():
            if key in ("report", "homonyms"):  # pseudonyms are never shared
                continue
            if key == "me":
                out[key] = self.node(value)
            elif key == "targets":
                out[key] = [self.company(t) for t in value]
            elif key == "companies":
                out[key] = [self._company_record(r) for r in value]
            elif key == "introductions":
                out[key] = [self._introduction(r) for r in value]
            elif key == "members":  # a team's: who they are, their employers; not the files they came in
                out[key] = {self.node(n): {"name": self.person(n), "contacts": m["contacts"],
                                           "employers": self._each(m["employers"], self.company)}
                            for n, m in value.items()}
            else:
                out[key] = self.value(key, copy.deepcopy(value))
        return out

    def _company_record(self, record: dict) -> dict:
        return {**record, "name": self.company(record["name"]),
                "aliases": [] if not self.keep_companies else list(record.get("aliases", [])),
                "domains": [self.domain(d) for d in record.get("domains", [])]}

    def _introduction(self, record: dict) -> dict:
        return {key: self.node(value) if key in ("introducer", "introduced", "to") else self.value(key, value)
                for key, value in record.items()}

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
            interactions=self._table(net.interactions, ("from", "to")), ties=self._table(net.ties, ("a", "b")),
            introductions=self._table(net.introductions, ("introducer", "introduced", "to")),
            companies=pd.DataFrame([self._company_record(r) for r in net.companies.to_dict("records")],
                                   columns=net.companies.columns),
            report=report, emails=[self.email(a) for a in net.emails])

    def _people(self, people: pd.DataFrame) -> pd.DataFrame:
        rows = [{key: self.value(key, value, node) for key, value in row.items()}
                for node, row in zip(people.index, people.to_dict("records"))]
        return pd.DataFrame(rows, columns=people.columns, index=pd.Index([self.ids[n] for n in people.index],
                                                                          name=people.index.name))

    def _table(self, frame: pd.DataFrame, references: tuple[str, ...]) -> pd.DataFrame:
        out = frame.copy()
        for column in out.columns:
            if column in references:
                out[column] = out[column].map(self.node)
            elif column in _DROPPED:
                out[column] = out[column].map(_kept_note)
            elif out[column].dtype == object:
                out[column] = out[column].map(lambda v, c=column: self.value(c, v))
        return out


def _kept_note(note) -> str:
    """A note as anonymised: "" unless it only says what the interaction was (an invitation...)."""
    return note if note in MARKERS else ""


def _fold(word: str) -> str:
    """A word without case or accents, as names are compared."""
    if not word.isascii():
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word.casefold()


def _name_tokens(name: str) -> set[str]:
    """The words of a name worth finding in free text (two letters or more)."""
    return {_fold(word) for word in _WORD.findall(name) if len(word) >= 2}
