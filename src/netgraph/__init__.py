"""netgraph: your professional network as a NetworkX graph.

Load a folder of exports, then ask who can introduce you to someone at a
company, which relationships you only take from, and which weak or dormant ties
are worth nurturing.

>>> import netgraph
>>> net = netgraph.load()            # the bundled demo network
>>> G = net.graph                    # an nx.DiGraph, both directions per relationship
>>> paths = netgraph.intro_paths(G, "Novagen")
"""

from . import structure, synth
from .build import build_graph
from .errors import NetgraphError
from .export import export
from .followups import follow_ups
from .layers import dunbar_layers
from .load import load, sample_path
from .network import Network
from .outreach import draft_intro
from .overview import summary
from .paths import intro_paths
from .reciprocity import reciprocity
from .report import ImportReport
from .sources.google import read_google_contacts
from .sources.ics import read_ics
from .sources.linkedin import read_linkedin, read_linkedin_favours, read_linkedin_invitations, read_linkedin_messages
from .sources.mbox import read_mbox
from .sources.vcard import read_vcard
from .strength import StrengthModel, explain_strength, tie_strength
from .tables import Tables
from .weakties import weak_ties

__all__ = [
    "load", "build_graph", "sample_path", "Network", "NetgraphError", "ImportReport", "Tables",
    "StrengthModel", "tie_strength", "explain_strength", "summary", "export",
    "intro_paths", "draft_intro", "reciprocity", "weak_ties", "follow_ups", "dunbar_layers",
    "read_linkedin", "read_linkedin_messages", "read_linkedin_invitations", "read_linkedin_favours",
    "read_google_contacts", "read_vcard", "read_ics", "read_mbox", "structure", "synth",
]

__version__ = "0.1.0"
