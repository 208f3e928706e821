"""netgraph: your professional network as a NetworkX graph.

Load a folder of exports, then ask who can introduce you to someone at a
company, which relationships you only take from, and which weak or dormant ties
are worth nurturing.

>>> import netgraph
>>> net = netgraph.load()            # the bundled demo network
>>> G = net.graph                    # an nx.DiGraph, both directions per relationship
>>> paths = netgraph.intro_paths(G, "Novagen")
"""

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
from .io.sources.linkedin import read_linkedin, read_linkedin_favours, read_linkedin_invitations, read_linkedin_messages
from .io.sources.mbox import read_mbox
from .io.sources.vcard import read_vcard
from .model.build import build_graph
from .model.network import Network
from .model.report import ImportReport
from .model.strength import StrengthModel, explain_strength, tie_strength
from .model.tables import Tables

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
