"""algorithms"""

from .sparse import Adjacency, adjacency

__all__ = ["Adjacency", "adjacency"]
