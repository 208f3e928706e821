"""netgraph: your professional network as a NetworkX graph.

Load a folder of exports, then ask who can introduce you to someone at a
company, which relationships you only take from, and which weak or dormant ties
are worth nurturing.

>>> import netgraph
>>> net = netgraph.load()            # the bundled demo network
>>> G = net.graph                    # an nx.DiGraph, both directions per relationship
"""

from .build import build_graph
from .errors import NetgraphError
from .export import export
from .load import load, sample_path
from .network import Network
from .overview import summary
from .report import ImportReport
from .strength import StrengthModel, explain_strength, tie_strength
from .tables import Tables

__all__ = [
    "load", "build_graph", "sample_path", "Network", "NetgraphError", "ImportReport", "Tables",
    "StrengthModel", "tie_strength", "explain_strength", "summary", "export",
]

__version__ = "0.1.0"
