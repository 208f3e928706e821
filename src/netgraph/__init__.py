"""netgraph: your professional network as a NetworkX graph.

Load a folder of exports, then ask who can introduce you to someone at a
company, which relationships you only take from, and which weak or dormant ties
are worth nurturing.

>>> import netgraph
>>> net = netgraph.load()            # the bundled demo network
>>> G = net.graph                    # an nx.DiGraph, both directions per relationship
>>> paths = netgraph.intro_paths(G, "Novagen")
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names as the lazy loader below gives them, for type checkers and editors
    from .algorithms import structure
    from .analysis.contacts import contacts
    from .analysis.follow_ups import follow_ups
    from .analysis.layers import dunbar_layers
    from .analysis.outreach import draft_intro
    from .analysis.overview import summary
    from .analysis.paths import intro_paths
    from .analysis.reciprocity import reciprocity
    from .analysis.state import relationship_state
    from .analysis.team import make_share, member_overlap, team_coverage, team_paths, who_at
    from .analysis.ties import who_knows_whom
    from .analysis.weak_ties import weak_ties
    from .datasets import synth
    from .errors import NetgraphError
    from .io.export import export
    from .io.load import load, sample_path
    from .io.share import load_team, read_share, write_share
    from .io.sources.google import read_google_contacts
    from .io.sources.ics import read_ics
    from .io.sources.linkedin import (
        read_linkedin,
        read_linkedin_favours,
        read_linkedin_invitations,
        read_linkedin_messages,
    )
    from .io.sources.mbox import read_mbox
    from .io.sources.vcard import read_vcard
    from .model.build import build_graph
    from .model.network import Network
    from .model.report import ImportReport
    from .model.strength import StrengthModel, explain_strength, tie_strength
    from .model.tables import Tables

#: Where each public name lives. Imported on first use (PEP 562): ``netgraph --help`` and
#: ``--version`` answer at once, without importing pandas, networkx or matplotlib.
_LAZY = {
    "structure": "algorithms.structure",
    "contacts": "analysis.contacts",
    "follow_ups": "analysis.follow_ups",
    "dunbar_layers": "analysis.layers",
    "draft_intro": "analysis.outreach",
    "summary": "analysis.overview",
    "intro_paths": "analysis.paths",
    "reciprocity": "analysis.reciprocity",
    "relationship_state": "analysis.state",
    "make_share": "analysis.team",
    "member_overlap": "analysis.team",
    "team_coverage": "analysis.team",
    "team_paths": "analysis.team",
    "who_at": "analysis.team",
    "who_knows_whom": "analysis.ties",
    "weak_ties": "analysis.weak_ties",
    "synth": "datasets.synth",
    "NetgraphError": "errors",
    "export": "io.export",
    "load": "io.load",
    "sample_path": "io.load",
    "load_team": "io.share",
    "read_share": "io.share",
    "write_share": "io.share",
    "read_google_contacts": "io.sources.google",
    "read_ics": "io.sources.ics",
    "read_linkedin": "io.sources.linkedin",
    "read_linkedin_favours": "io.sources.linkedin",
    "read_linkedin_invitations": "io.sources.linkedin",
    "read_linkedin_messages": "io.sources.linkedin",
    "read_mbox": "io.sources.mbox",
    "read_vcard": "io.sources.vcard",
    "build_graph": "model.build",
    "Network": "model.network",
    "ImportReport": "model.report",
    "StrengthModel": "model.strength",
    "explain_strength": "model.strength",
    "tie_strength": "model.strength",
    "Tables": "model.tables",
}
#: The public names that are modules, not functions or classes.
_MODULES = {"structure", "synth"}

__all__ = [
    "load", "build_graph", "sample_path", "Network", "NetgraphError", "ImportReport", "Tables",
    "StrengthModel", "tie_strength", "explain_strength", "summary", "export",
    "intro_paths", "draft_intro", "reciprocity", "weak_ties", "follow_ups", "dunbar_layers", "relationship_state",
    "contacts", "who_knows_whom",
    "team_paths", "who_at", "team_coverage", "member_overlap", "make_share", "write_share", "read_share", "load_team",
    "read_linkedin", "read_linkedin_messages", "read_linkedin_invitations", "read_linkedin_favours",
    "read_google_contacts", "read_vcard", "read_ics", "read_mbox", "structure", "synth",
]

__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'netgraph' has no attribute {name!r}")
    module = importlib.import_module(f".{_LAZY[name]}", __name__)
    value = module if name in _MODULES else getattr(module, name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
