"""Targets: who a company name, an alias, an e-mail domain, a person or a predicate names in a graph."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx

from .companies import Directory
from .graph import display_name
from .keys import email_key, name_key

__all__ = ["Target", "find_target"]


@dataclass
class Target:
    """Who a target names: node -> ``"current"`` or ``"former"`` (employee), or ``"person"``."""

    query: object
    nodes: dict = field(default_factory=dict)
    company: str = ""
    suggestions: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.company:
            return self.company
        if callable(self.query):
            return getattr(self.query, "__name__", "people matching the condition")
        return str(self.query)


def find_target(G: nx.DiGraph, target, *, me=None) -> Target:
    """Resolve a target: a company (name, alias, e-mail domain), a person, or a predicate.

    A company's current employees are ``"current"`` targets, its past
    employees ``"former"``; a person is a ``"person"`` target; a predicate
    (a function of a node's attributes) marks every node it accepts.
    """
    found = Target(target)
    if callable(target):
        found.nodes = {n: "person" for n, d in G.nodes(data=True) if n != me and target(d)}
        return found
    text = str(target).strip()
    directory = Directory([dict(r) for r in G.graph.get("companies", [])])
    company = directory.canonical(text)
    if company:
        found.company = company
        for n, d in G.nodes(data=True):
            if n == me:
                continue
            if d.get("company") == company:
                found.nodes[n] = "current"
            elif company in d.get("past_companies", []):
                found.nodes[n] = "former"
        return found
    found.nodes = {n: "person" for n in _people_called(G, text) if n != me}
    if not found.nodes:
        people = {name_key(d.get("name", "")): d.get("name") for _, d in G.nodes(data=True)}
        close = [people[k] for k in difflib.get_close_matches(name_key(text), list(people), n=2, cutoff=0.75)]
        found.suggestions = directory.suggest(text) + close
    return found


def _people_called(G: nx.DiGraph, text: str) -> list:
    if text in G:
        return [text]
    address = email_key(text)
    if address:
        return [n for n, emails in G.nodes(data="emails", default=[]) if address in map(email_key, emails)]
    if "(" in text and G.graph.get("homonyms"):  # "David Chen (Orchid Health)", as the tables show one of two
        shown = [n for n in G if display_name(G, n).casefold() == text.casefold()]
        if shown:
            return shown
    key = name_key(text)
    return [n for n, name in G.nodes(data="name", default="") if key and name_key(name) == key]
