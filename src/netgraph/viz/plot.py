"""Pictures of a network: the map, the introduction paths, the layers, give and take, decay.

Every figure function takes the graph (and ``me``, default the owner), draws on
``ax`` (a new figure when None) and returns the Axes; positions come from
:func:`netgraph.algorithms.layout.layout` with a fixed seed, so the same network gives the
same picture. :func:`plot_figure` builds one of them on a figure of its own and
writes it to a file: it is what ``netgraph plot`` runs.

Names and companies are data, not markup: the figures draw every text with
matplotlib's mathtext off, so that a name with dollar signs (``Cash $$ Money``)
is drawn as written rather than failing to parse as a formula.

A map of more than ``max_nodes`` people shows me, the people on the
highlighted paths, my contacts (strongest first), the people of my target
companies and a random sample of the others, and says so in its caption;
positions are always those of the whole network.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import netgraph
>>> from netgraph.viz.plot import plot_network
>>> G = netgraph.load().graph
>>> ax = plot_network(G, paths=netgraph.intro_paths(G, "Novagen", top=3))
>>> ax.get_title()
"Jane Jones's network"
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FuncFormatter

from ..algorithms.layout import layout
from ..analysis.layers import dunbar_layers
from ..analysis.overview import clusters_around, describe_cluster
from ..analysis.paths import IntroPaths, intro_paths
from ..analysis.reciprocity import reciprocity
from ..errors import NetgraphError
from ..io.export import atomic_write
from ..model.graph import display_name, me_of, neighbours, relationship_count
from ..model.rules import rules_of
from ..model.strength import model_of, tie_strength
from .palette import KEYS, ME, ME_COLOUR, UNRELATED_COLOUR, colour_of, legend_label, person_states

__all__ = ["plot_network", "plot_paths", "plot_layers", "plot_reciprocity", "plot_decay", "plot_figure",
           "network_scene", "Scene", "KINDS"]

#: The figures :func:`plot_figure` draws, by ``kind``.
KINDS = ("map", "paths", "layers", "reciprocity", "decay")
#: Soft colours for clusters or companies (ColorBrewer Set2, then two more), grey for the rest.
GROUP_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#80b1d3",
                 "#bc80bd")
OTHER_COLOUR = UNRELATED_COLOUR
#: What a map can colour people by: their relationship state (the palette of every figure), cluster or employer.
COLOR_BY = ("status", "cluster", "company")
#: Strong colours for the highlighted paths, by rank.
PATH_COLOURS = ("#c0392b", "#1f4e9c", "#7d3c98", "#d35400", "#117a65", "#6e2c00", "#2c3e50")
def path_colour(rank: int) -> str:
    """The colour of the path of this rank (1 for the best)."""
    return PATH_COLOURS[(rank - 1) % len(PATH_COLOURS)]


#: How much each rank's path bends (a fraction of each hop's length, to its right or left).
PATH_BENDS = (0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36)
TARGET_COLOUR = "#1b1b1b"
EDGE_COLOUR = "#8a94a3"
TEXT_COLOUR = "#333333"
#: Size (points^2) of a node without a tie to me, and of the strongest tie.
SMALL, LARGE = 10.0, 320.0
#: At most this many names on a figure.
MAX_LABELS = 30
#: My ties drawn on the map: those of my closest (Dunbar's 50).
SPOKES = 50
_TEXT_PATHS = TextToPath()


# ---------------------------------------------------------------------------
# The scene: what the map shows, shared by the static map and the HTML page


@dataclass
class Scene:
    """What a map of the network shows: who, where, in which colour, and why.

    ``nodes`` are the people drawn, ``xy`` their positions (one row each),
    ``group`` the index of each one's group in ``groups`` (-1: the grey rest;
    coloured by status, the groups are the keys of :mod:`netgraph.viz.palette`),
    ``strength`` their tie strength to me (0 for people I do not know),
    ``target`` the target company each works at ("" otherwise), ``edges``
    pairs of row numbers, ``paths`` the highlighted paths (``rank``,
    ``probability`` or None, ``nodes``, ``label``), ``clusters`` the largest
    clusters' names and rows (named on the map whatever the colours) and
    ``caption`` what the picture leaves out.
    """

    G: nx.DiGraph
    me: object
    nodes: list
    xy: np.ndarray
    group: np.ndarray
    groups: list[tuple[str, int]]
    colours: list[str]
    strength: np.ndarray
    target: list[str]
    edges: np.ndarray
    paths: list[dict] = field(default_factory=list)
    color_by: str = "status"
    clusters: list[tuple[str, np.ndarray]] = field(default_factory=list)
    caption: str = ""

    @cached_property
    def index(self) -> dict:
        """Node -> its row."""
        return {v: i for i, v in enumerate(self.nodes)}

    def colour_of(self, row: int) -> str:
        g = self.group[row]
        return self.colours[g] if g >= 0 else OTHER_COLOUR

    @property
    def targets(self) -> list[str]:
        return sorted({t for t in self.target if t})

    def curve(self, path: dict, points: int = 24) -> np.ndarray:
        """Where a highlighted path is drawn: each hop a gentle arc, bent more the lower the rank.

        Paths to one company leave me in nearly the same direction; bending
        each rank its own way keeps them apart where they would overlap.
        """
        xy = self.xy[[self.index[n] for n in path["nodes"]]]
        bend = PATH_BENDS[(path["rank"] - 1) % len(PATH_BENDS)]
        t = np.linspace(0.0, 1.0, points)[:, None]
        arcs = []
        for start, end in zip(xy, xy[1:]):
            dx, dy = end - start
            control = (start + end) / 2 + bend * np.array([dy, -dx])
            arcs.append((1 - t) ** 2 * start + 2 * (1 - t) * t * control + t ** 2 * end)
        return np.concatenate(arcs)

    def inferred(self, rows: np.ndarray) -> np.ndarray:
        """Which of these pairs of rows are ties inferred from evidence (drawn lighter than those observed
        or declared: they may not exist)."""
        nodes, G = self.nodes, self.G
        return np.array([G[nodes[a]][nodes[b]].get("basis") == "inferred" for a, b in rows.tolist()], dtype=bool)

    def lines(self) -> tuple[np.ndarray, np.ndarray]:
        """The relationships to draw, as pairs of rows: others' ties, and mine.

        My own ties all meet in one spot and would blot it out: only those to
        my closest ``SPOKES`` people are drawn (their size tells the rest).
        """
        me = self.index[self.me]
        mine = (self.edges == me).any(axis=1)
        closest = [row for row in np.argsort(-self.strength, kind="stable")[:SPOKES] if self.strength[row] > 0]
        spokes = np.array([(me, row) for row in closest], dtype=np.intp).reshape(-1, 2)
        return self.edges[~mine], spokes


def network_scene(G: nx.DiGraph, *, me=None, today=None, color_by: str = "status", seed: int = 0,
                  max_nodes: int = 1500, paths=None) -> Scene:
    """What a map of ``G`` shows: who, where, in which colour; shared by :func:`plot_network` and the HTML page.

    Parameters are those of :func:`plot_network`.

    Returns
    -------
    Scene

    Examples
    --------
    >>> import netgraph
    >>> scene = network_scene(netgraph.synth.network(3000, seed=1).build().graph, max_nodes=500)
    >>> len(scene.nodes), scene.caption.split(":")[0]
    (500, 'showing 500 of 3,000 people')
    """
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {', '.join(map(repr, COLOR_BY))}, not {color_by!r}")
    me = me_of(G, me)
    chosen = _path_list(G, paths)
    clusters = clusters_around(G, me, seed)
    where = layout(G, seed=seed, me=me, groups=clusters)
    targets = set(G.graph.get("targets", []))
    if isinstance(paths, IntroPaths) and paths.target.company:
        targets.add(paths.target.company)
    nodes, caption = _choose(G, me, chosen, targets, max_nodes, seed)
    index = {v: i for i, v in enumerate(nodes)}
    cluster_labels = _cluster_labels(G, me, clusters)
    if color_by == "status":
        members, labels = _states(G, me, today)
        colours = [colour_of(key) for key in labels]
    else:
        members, labels = (clusters, cluster_labels) if color_by == "cluster" else _companies(G, me)
        colours = list(GROUP_COLOURS)
    groups, group = _colour_groups(members[:len(colours)], labels, index)
    named = [(label, np.array(sorted(index[v] for v in people if v in index), dtype=np.intp))
             for people, label in zip(clusters[:len(GROUP_COLOURS)], cluster_labels)]
    ties = G[me]
    adjacency = neighbours(G)
    edges = np.array([(index[u], index[v]) for u in nodes for v in adjacency[u] if index.get(v, -1) > index[u]],
                     dtype=np.intp).reshape(-1, 2)
    return Scene(G=G, me=me, nodes=nodes, xy=np.array([where[v] for v in nodes]), group=group, groups=groups,
                 colours=colours[:len(groups)],
                 strength=np.array([ties[v].get("strength", 0.0) if v in ties else 0.0 for v in nodes]),
                 target=[G.nodes[v].get("company", "") if G.nodes[v].get("company") in targets and v != me else ""
                         for v in nodes],
                 edges=edges, paths=chosen, color_by=color_by, clusters=named, caption=caption)


def _path_list(G, paths) -> list[dict]:
    """Highlighted paths as dicts, from an IntroPaths or a list of node lists."""
    if paths is None:
        return []
    if isinstance(paths, IntroPaths):
        return [{"rank": int(r.rank), "probability": float(r.probability), "nodes": list(r.nodes),
                 "label": f"{r.rank}. {r.probability:.0%}  " + " → ".join(r.path[1:])}
                for r in paths.frame.itertuples()]
    out = []
    for rank, path in enumerate(paths, 1):
        missing = [n for n in path if n not in G]
        if missing:
            raise NetgraphError(f"path {rank} goes through {missing[0]!r}, which is not in the network")
        out.append({"rank": rank, "probability": None, "nodes": list(path),
                    "label": f"{rank}. " + " → ".join(display_name(G, n) for n in path[1:])})
    return out


def _choose(G, me, paths: list[dict], targets: set, max_nodes: int, seed: int) -> tuple[list, str]:
    """The people to draw, and the caption's account of who was left out.

    People without any relationship are left out: they have no place on a map.
    """
    adjacency = neighbours(G)
    related = [v for v in G if v == me or len(adjacency[v])]
    alone = G.number_of_nodes() - len(related)
    unrelated = f"{alone:,} {'person' if alone == 1 else 'people'} without any relationship left out" if alone else ""
    if len(related) <= max_nodes:
        return related, f"{len(related):,} people" + (f" ({unrelated})" if alone else "")
    on_paths = list(dict.fromkeys(n for p in paths for n in p["nodes"]))
    contacts = sorted(G[me], key=lambda v: -G[me][v].get("strength", 0.0))
    at_targets = [v for v in related if G.nodes[v].get("company") in targets and v != me]
    keep = list(dict.fromkeys([me, *on_paths, *contacts, *at_targets]))[:max_nodes]
    kept = set(keep)
    rest = [v for v in related if v not in kept]
    rng = np.random.default_rng(seed)
    sample = [rest[i] for i in np.sort(rng.choice(len(rest), size=max_nodes - len(keep), replace=False))] \
        if len(keep) < max_nodes else []
    mine = len(kept & set(contacts))
    parts = [f"your {mine:,} contacts" + ("" if mine == len(contacts) else " with the strongest ties")]
    if at_targets:
        parts.append(f"{len(kept & set(at_targets)):,} people at {_and(sorted(targets))}")
    if sample:
        parts.append(f"{len(sample):,} others picked at random")
    shown = f"showing {len(keep) + len(sample):,} of {G.number_of_nodes():,} people: you, {_and(parts)}"
    return keep + sample, shown + (f"; {unrelated}" if alone else "")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _cluster_labels(G, me, clusters: list[set]) -> list[str]:
    """Each cluster's label as the summary gives it, made unique."""
    labels: list = []
    seen: Counter = Counter()
    for members in clusters:
        label = describe_cluster(G, me, members)[0]
        seen[label] += 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


def _states(G, me, today) -> tuple[list[set], list[str]]:
    """The people of each palette key present, in the palette's order (:mod:`netgraph.viz.palette`)."""
    by_key: dict[str, set] = {}
    for v, key in person_states(G, me=me, today=today).items():
        by_key.setdefault(key, set()).add(v)
    ordered = [key for key in KEYS if key in by_key]
    return [by_key[key] for key in ordered], ordered


def _companies(G, me) -> tuple[list[set], list[str]]:
    by_company: dict[str, set] = {}
    for v, company in G.nodes(data="company"):
        if company and v != me:
            by_company.setdefault(company, set()).add(v)
    ordered = sorted(by_company.items(), key=lambda item: (-len(item[1]), item[0]))
    return [members for _, members in ordered], [name for name, _ in ordered]


def _colour_groups(members: list[set], labels: list[str], index: dict) -> tuple[list[tuple[str, int]], np.ndarray]:
    """The groups given get a colour each (their size counted in the whole network), the rest grey."""
    group = np.full(len(index), -1)
    groups: list = []
    for members_of, label in zip(members, labels):
        rows = [index[v] for v in members_of if v in index]
        group[rows] = len(groups)
        groups.append((label, len(members_of)))
    return groups, group


# ---------------------------------------------------------------------------
# Shared drawing helpers


def _literal_text(function):
    """Draw with mathtext off: every text made inside ``function`` is shown as written (a "$" is a dollar)."""
    @wraps(function)
    def drawing(*args, **kwargs):
        with matplotlib.rc_context({"text.parse_math": False}):
            return function(*args, **kwargs)

    return drawing


def _axes(ax, size: tuple[float, float]):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)[1]


def _title(ax, title: str, subtitle: str = "") -> None:
    # the centre title (what ax.get_title() reads), moved to the left edge
    # the title's text was made with the Axes, before mathtext was turned off
    ax.set_title(title, fontsize=15, fontweight="bold", color=TEXT_COLOUR, pad=22 if subtitle else 8,
                 parse_math=False)
    ax.title.set(x=0.0, horizontalalignment="left")
    if subtitle:
        ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 6), textcoords="offset points",
                    fontsize=10, color="#666666", va="bottom")


def _caption(ax, text: str, width: int = 120) -> None:
    """A short note under the axes (under the x axis label when there is one)."""
    below = ("axes fraction", ax.xaxis.label) if ax.get_xlabel() else "axes fraction"
    ax.annotate(textwrap.fill(text, width), xy=(0, 0), xycoords=below, xytext=(0, -8), textcoords="offset points",
                fontsize=8.5, color="#555555", va="top", ha="left")


def _place_labels(ax, items: list[tuple[float, float, str, float]], fontsize: float = 8.0, keep_all: int = 0,
                  placed: list | None = None, spots=None, markers: np.ndarray | None = None, leaders: bool = False,
                  **style) -> list:
    """Labels beside their points, never on a drawn marker nor on a label placed before.

    ``items`` are ``(x, y, text, radius in points)`` in order of importance.
    A label goes beside its point, on the side facing away from the middle of
    the axes first (where there is room), else on the first free side of
    :data:`_SPOTS`; a spot is free when its box stays inside the axes and
    covers neither a label placed before (``placed``, boxes in pixels: it is
    extended and returned, so that calls can be chained) nor a marker
    (``markers``: discs ``(x, y, radius)`` in pixels, the point's own
    included). A label with no free spot is left out, but the first
    ``keep_all`` are placed on their least crowded spot. ``spots`` overrides
    where a label may go, in order of preference. With ``leaders``, a label
    that finds no free spot right beside its point tries again
    :data:`LEADER` points further out, joined to it by a thin line. Text
    extents are measured from the font's glyphs, so no renderer is needed.
    """
    ax.apply_aspect()
    scale = ax.figure.dpi / 72.0
    inside = tuple(ax.get_window_extent().extents)
    middle = np.array([(inside[0] + inside[2]) / 2, (inside[1] + inside[3]) / 2])
    placed = [] if placed is None else placed
    markers = np.empty((0, 3)) if markers is None else markers
    style = {"color": TEXT_COLOUR, **style}
    font = FontProperties(size=fontsize, weight=style.get("fontweight", "normal"))
    for rank, (x, y, text, radius) in enumerate(items[:MAX_LABELS]):
        px, py = ax.transData.transform((x, y))
        width, height = _text_extent(text, font)
        # the box's padding (LABEL_PAD of the font size on each side), in pixels
        width, height = (width + 2 * LABEL_PAD * fontsize) * scale, (height + 2 * LABEL_PAD * fontsize) * scale
        crowding = []
        sides = spots or _outward(_SPOTS, np.array([px, py]) - middle)
        for reach in (2.0, LEADER) if leaders else (2.0,):
            gap = (radius + reach) * scale
            for dx, dy, ha, va in sides:
                left = px + dx * gap - (width if ha == "right" else width / 2 if ha == "center" else 0)
                bottom = py + dy * gap - (height if va == "top" else height / 2 if va == "center" else 0)
                box = (left, bottom, left + width, bottom + height)
                # a label out on a leader takes the line's room too: the line must cross no label either
                anchor = (px + dx * gap, py + dy * gap)
                taken = box if reach < LEADER else (min(box[0], px, anchor[0]), min(box[1], py, anchor[1]),
                                                    max(box[2], px, anchor[0]), max(box[3], py, anchor[1]))
                outside = width * height - _overlap(box, inside)
                # hiding a person weighs more than lying over another label: a crowded label that must be
                # shown goes over a label's edge sooner than over someone's marker
                covered = sum(_overlap(taken, other) for other in placed) + HIDING * _covered(box, markers)
                crowding.append((outside + covered, taken, dx * (radius + reach), dy * (radius + reach), ha, va))
                if crowding[-1][0] <= 1.0:
                    break
            if crowding[-1][0] <= 1.0:
                break
        overlap, box, dx, dy, ha, va = min(crowding, key=lambda spot: spot[0])
        if overlap > 1.0 and rank >= keep_all:  # in square pixels: rounding is no overlap
            continue
        placed.append(box)
        far = math.hypot(dx, dy) > radius + 2.5
        ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=fontsize,
                    zorder=8, **style, bbox=dict(boxstyle=f"round,pad={LABEL_PAD}", fc="white", ec="none", alpha=0.75),
                    arrowprops=dict(arrowstyle="-", color="#777777", lw=0.6, shrinkA=0, shrinkB=radius + 1)
                    if far else None)
    return placed


#: The padding of a label's box, a fraction of its font size.
LABEL_PAD = 0.12
#: How far out (points beyond the marker) a label goes, on a line, when there is no room right beside it.
LEADER = 16.0
# Where a label may go, in order of preference: right, left, above, below, diagonals.
_SPOTS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
          (0, -1, "center", "top"), (0.7, 0.7, "left", "bottom"), (-0.7, 0.7, "right", "bottom"),
          (0.7, -0.7, "left", "top"), (-0.7, -0.7, "right", "top")]


def _outward(spots: list, away: np.ndarray) -> list:
    """The spots, those facing ``away`` (from the middle of the axes) first; ties keep their order."""
    norm = float(np.hypot(*away))
    if norm == 0:
        return spots
    return sorted(spots, key=lambda spot: -round(float(np.dot(spot[:2], away / norm)), 1))


def _text_extent(text: str, font: FontProperties) -> tuple[float, float]:
    """The width and height in points of one line of text, from the font's glyphs (no renderer needed)."""
    width, height, _ = _TEXT_PATHS.get_text_width_height_descent(text, font, ismath=False)
    # a line is never shorter than the font's own line (descenders, accents)
    return width, max(height, font.get_size_in_points() * 1.2)


def _covered(box: tuple, markers: np.ndarray) -> float:
    """How much of the drawn markers (discs x, y, radius, in pixels) a box covers, as an area.

    Each disc counts as the square of its area, centred on it (near enough to rank the spots of a
    crowded label), and a disc the box reaches at all (its centre nearer the box than its radius)
    counts at least :data:`RIM` square pixels: the square alone let a box lie on a disc's rim.
    """
    if not len(markers):
        return 0.0
    x, y, radius = markers[:, 0], markers[:, 1], markers[:, 2]
    half = radius * math.sqrt(math.pi) / 2
    wide = np.clip(np.minimum(box[2], x + half) - np.maximum(box[0], x - half), 0, None)
    high = np.clip(np.minimum(box[3], y + half) - np.maximum(box[1], y - half), 0, None)
    reach = np.hypot(np.clip(np.maximum(box[0] - x, x - box[2]), 0, None),
                     np.clip(np.maximum(box[1] - y, y - box[3]), 0, None)) < radius
    return float(np.where(reach, np.maximum(wide * high, RIM), wide * high).sum())


#: What a box that reaches a marker's rim counts at least, in square pixels: more than the 1 that
#: :func:`_place_labels` takes for rounding.
RIM = 2.0
#: How much more a label's spot is crowded by the markers it covers than by the labels it overlaps.
HIDING = 10.0


def _discs(ax, xy: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Scatter markers of ``sizes`` (points^2) at ``xy`` (data), as discs (x, y, radius) in pixels."""
    ax.apply_aspect()
    pixels = ax.transData.transform(np.asarray(xy, dtype=float).reshape(-1, 2))
    return np.column_stack([pixels, np.sqrt(np.asarray(sizes, dtype=float)) / 2 * ax.figure.dpi / 72.0])


def _overlap(a, b) -> float:
    """The area two boxes share."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _radius(size: float) -> float:
    """The radius in points of a scatter marker of ``size`` points^2."""
    return math.sqrt(size) / 2


def node_sizes(scene: Scene) -> np.ndarray:
    """Marker sizes by tie strength (mine the largest), larger when there are few people to draw."""
    scale = float(np.clip(math.sqrt(400 / len(scene.nodes)), 0.5, 1.5))
    sizes = scale * (SMALL + (LARGE - SMALL) * np.clip(scene.strength, 0, 1) ** 1.5)
    sizes[scene.index[scene.me]] = scale * LARGE * 1.4
    return sizes


# ---------------------------------------------------------------------------
# The map


@_literal_text
def plot_network(G: nx.DiGraph, *, me=None, today=None, color_by: str = "status", ax=None, seed: int = 0,
                 max_nodes: int = 1500, paths=None):
    """The map of the network: people by their relationship state, cluster or company, sized by their tie to me.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose network (drawn in the middle); defaults to the graph's owner.
    today : date, optional
        The day the picture is drawn as of (default: the graph's).
    color_by : {"status", "cluster", "company"}, default "status"
        Colour people by the action of their relationship state (the palette
        of every figure: :mod:`netgraph.viz.palette`), by Louvain cluster (me
        left out; labelled as in :func:`netgraph.summary`) or by current
        employer; by cluster or employer, the largest nine groups get a
        colour and a legend entry, the rest are grey. The largest clusters
        are named where their members sit together, whatever the colours.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.
    seed : int
        Seed of the layout, the clustering and the sample.
    max_nodes : int
        Above this many people, draw me, the people on ``paths``, my contacts
        (strongest first), the people of target companies and a random sample
        of the rest, up to ``max_nodes``; the caption says so.
    paths : IntroPaths or list of lists of nodes, optional
        Paths to highlight (thick coloured lines, numbered by rank).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netgraph
    >>> ax = plot_network(netgraph.load().graph, color_by="company")
    """
    scene = network_scene(G, me=me, today=today, color_by=color_by, seed=seed, max_nodes=max_nodes, paths=paths)
    ax = _axes(ax, (12, 9))
    index = scene.index
    sizes = node_sizes(scene)
    me_row = index[scene.me]
    _draw_edges(ax, scene)
    colours = [scene.colour_of(i) for i in range(len(scene.nodes))]
    order = np.argsort(sizes, kind="stable")  # big nodes on top of small ones
    people = ax.scatter(scene.xy[order, 0], scene.xy[order, 1], s=sizes[order], c=[colours[i] for i in order],
                        edgecolors="white", linewidths=0.4, zorder=3)
    people.set_gid(PEOPLE)
    ringed = np.flatnonzero([bool(t) for t in scene.target])
    ax.scatter(scene.xy[ringed, 0], scene.xy[ringed, 1], s=_ring_size(sizes[ringed]), facecolors="none",
               edgecolors=TARGET_COLOUR, linewidths=1.3, zorder=4)
    ax.scatter(*scene.xy[me_row], s=sizes[me_row], c=ME_COLOUR, marker="o", edgecolors="white", linewidths=1.5,
               zorder=7).set_gid(PEOPLE)
    _frame_map(ax, scene)
    badges = _draw_paths(ax, scene, sizes)
    # me and the people on the paths first, whatever the crowding; then the groups' names; then the others
    labels = _map_labels(scene, sizes)
    forced = len({n for p in scene.paths for n in p["nodes"]} | {scene.me})
    # a label keeps clear of each person's outermost mark: their ring when they work at a target or are on a path
    outline = sizes.copy()
    outline[ringed] = _ring_size(sizes[ringed])
    on_paths = [scene.index[n] for p in scene.paths for n in p["nodes"][1:]]
    outline[on_paths] = np.maximum(outline[on_paths], _stop_size(sizes[on_paths]))
    markers = _discs(ax, scene.xy, outline)
    placed = _place_labels(ax, labels[:forced], keep_all=forced, placed=badges, markers=markers, leaders=True)
    _name_groups(ax, scene, placed, markers)
    _place_labels(ax, labels[forced:], placed=placed, markers=markers, leaders=True)
    _map_legends(ax, scene)
    owner = display_name(G, scene.me)
    _title(ax, f"{owner}'s network", f"{G.number_of_nodes():,} people, {relationship_count(G):,} relationships"
           + (f", as of {today or G.graph['today']}" if today or G.graph.get("today") else ""))
    colour = COLOUR_MEANING[scene.color_by]
    ringed_text = f"; ringed: people at {_and(scene.targets)}" if scene.targets else ""
    unreached = f" {paths.message}" if isinstance(paths, IntroPaths) else ""
    _caption(ax, f"Colour: {colour}; size: tie strength to {owner.split()[0]}{ringed_text}; "
                 f"people who know each other are drawn close together. {scene.caption[0].upper()}"
                 f"{scene.caption[1:]}.{unreached}")
    return ax


#: What a map's colour says, in its caption (the map's and the page's), by ``color_by``.
COLOUR_MEANING = {"status": "what to do about each contact (the same colours in every figure)",
                  "cluster": "Louvain cluster", "company": "current employer"}
#: The gid of the scatter collections that draw people, one point per person (for the tests that read colours).
PEOPLE = "people"


def _ring_size(sizes: np.ndarray) -> np.ndarray:
    """The size (points^2) of the ring around a person at a target company, of a marker of ``sizes``."""
    return sizes * 1.6 + 30


def _stop_size(sizes: np.ndarray) -> np.ndarray:
    """The size (points^2) of the ring a highlighted path draws around each of its people."""
    return np.maximum(sizes, 60.0)


def _draw_edges(ax, scene: Scene) -> None:
    others, spokes = scene.lines()
    guessed = scene.inferred(others)
    # the more lines, the fainter each, so that a dense map stays readable; inferred ties lighter and dashed
    alpha = 0.35 * min(1.0, 40 / math.sqrt(max(len(others), 1)))
    ax.add_collection(LineCollection(scene.xy[others[~guessed]], colors=EDGE_COLOUR, linewidths=0.5, zorder=1,
                                     alpha=alpha))
    ax.add_collection(LineCollection(scene.xy[others[guessed]], colors=EDGE_COLOUR, linewidths=0.4, zorder=1,
                                     alpha=alpha / 2, linestyles=(0, (2, 2))))
    ax.add_collection(LineCollection(scene.xy[spokes], colors=EDGE_COLOUR, linewidths=0.6, alpha=0.3, zorder=1))


def _draw_paths(ax, scene: Scene, sizes: np.ndarray) -> list:
    """The highlighted paths, each numbered by its rank; the boxes (in pixels) of the numbers.

    Each stop is ringed in the path's colour: its fill stays the person's own colour.
    """
    import matplotlib.patheffects as effects

    index = scene.index
    ax.apply_aspect()
    half = 7 * ax.figure.dpi / 72  # a number's badge is about 14 points across
    curves = {path["rank"]: scene.curve(path) for path in scene.paths}
    numbers = _number_spots(ax, scene.paths, curves, 2 * half)
    for path in reversed(scene.paths):  # rank 1 drawn last, on top
        colour = path_colour(path["rank"])
        curve = curves[path["rank"]]
        ax.plot(curve[:, 0], curve[:, 1], color=colour, linewidth=3.2, solid_capstyle="round", zorder=5,
                path_effects=[effects.Stroke(linewidth=5.5, foreground="white"), effects.Normal()])
        rows = [index[n] for n in path["nodes"][1:]]
        ax.scatter(scene.xy[rows, 0], scene.xy[rows, 1], s=_stop_size(sizes[rows]), facecolors="none",
                   edgecolors=colour, linewidths=2.2, zorder=6)
        ax.text(*numbers[path["rank"]], str(path["rank"]), ha="center", va="center", fontsize=8, fontweight="bold",
                color="white", zorder=9, bbox=dict(boxstyle="circle,pad=0.25", fc=colour, ec="white", lw=1))
    spots = ax.transData.transform(np.array(list(numbers.values())).reshape(-1, 2))
    return [(x - half, y - half, x + half, y + half) for x, y in spots]


def _number_spots(ax, paths: list[dict], curves: dict, apart: float) -> dict:
    """Where each path's number goes: on its first hop, near the middle (where the bends keep the
    paths apart), and ``apart`` pixels from the numbers placed before it when possible."""
    spots: dict = {}
    for path in paths:
        curve = curves[path["rank"]]
        hop = len(curve) // (len(path["nodes"]) - 1)
        candidates = [curve[int(hop * f)] for f in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)]
        taken = ax.transData.transform(np.array(list(spots.values())).reshape(-1, 2))
        pixels = ax.transData.transform(np.array(candidates))
        room = [np.hypot(*(taken - p).T).min() if len(taken) else np.inf for p in pixels]
        best = next((i for i, r in enumerate(room) if r >= apart), int(np.argmax(room)))
        spots[path["rank"]] = candidates[best]
    return spots


def _frame_map(ax, scene: Scene) -> None:
    """Equal axes around everyone drawn, no frame."""
    low, high = scene.xy.min(axis=0), scene.xy.max(axis=0)
    pad = 0.04 * max(high - low) if len(scene.nodes) > 1 else 1.0
    ax.set_xlim(low[0] - pad, high[0] + pad)
    ax.set_ylim(low[1] - pad, high[1] + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _map_labels(scene: Scene, sizes: np.ndarray) -> list[tuple]:
    """Me, the people on the paths, my strongest ties, then target people I am closest to."""
    G, index = scene.G, scene.index
    on_paths = [n for p in scene.paths for n in p["nodes"][1:]]
    strongest = [scene.nodes[i] for i in np.argsort(-scene.strength, kind="stable")[:8] if scene.strength[i] > 0]
    targets = [scene.nodes[i] for i in np.argsort(-scene.strength, kind="stable") if scene.target[i]][:6]
    people = list(dict.fromkeys([scene.me, *on_paths, *strongest, *targets]))
    items = []
    for v in people:
        row = index[v]
        name = display_name(G, v) + (" (you)" if v == scene.me else "")
        radius = _radius(float(_ring_size(sizes[row]) if scene.target[row] else sizes[row]))
        items.append((*scene.xy[row], name, radius))
    return items


def _name_groups(ax, scene: Scene, placed: list, markers: np.ndarray) -> None:
    """Each large cluster's name above it, when its members sit together (on a small map, they do): in
    the cluster's colour, darkened, when the map is coloured by cluster, else in grey."""
    everyone = _spread(scene.xy)
    clustered = {label: g for g, (label, _) in enumerate(scene.groups)} if scene.color_by == "cluster" else {}
    for label, rows in scene.clusters:
        members = scene.xy[rows]
        if len(members) < 5:
            continue
        centre, spread = np.median(members, axis=0), _spread(members)
        if spread < 0.35 * everyone:
            colour = (tuple(0.55 * c for c in to_rgb(scene.colours[clustered[label]])) if label in clustered
                      else GROUP_NAME_COLOUR)
            _place_labels(ax, [(centre[0], centre[1] + spread, label, 4)], fontsize=10, placed=placed,
                          spots=_SPOTS[2:4] + _SPOTS[:2], markers=markers, color=colour, fontweight="bold")


def _spread(xy: np.ndarray) -> float:
    """How far most points are from their median point (the 70th percentile of the distances)."""
    return float(np.quantile(np.hypot(*(xy - np.median(xy, axis=0)).T), 0.7))


def _map_legends(ax, scene: Scene) -> None:
    dot: dict[str, Any] = dict(marker="o", linestyle="none", markeredgecolor="white", markersize=9)
    handles = [Line2D([], [], color=scene.colours[i], label=legend_label(textwrap.shorten(label, 30), size), **dot)
               for i, (label, size) in enumerate(scene.groups) if label != ME or scene.color_by != "status"]
    if scene.groups and scene.color_by != "status":
        handles.append(Line2D([], [], color=OTHER_COLOUR, label="others", **dot))
    title = LEGEND_TITLES[scene.color_by]
    groups = ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                       fontsize=8.5, title_fontsize=9.5, alignment="left")
    ax.add_artist(groups)
    marks = [Line2D([], [], color=ME_COLOUR, label=f"{display_name(scene.G, scene.me)} (you)", **dot)]
    if scene.targets:
        marks.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="none", markersize=10,
                            markeredgecolor=TARGET_COLOUR, markeredgewidth=1.3, label=f"at {_and(scene.targets)}"))
    for path in scene.paths:
        colour = path_colour(path["rank"])
        marks.append(Line2D([], [], color=colour, linewidth=3, label=textwrap.shorten(path["label"], 48)))
    ax.legend(handles=marks, loc="lower left", bbox_to_anchor=(1.0, 0.0),
              frameon=False, fontsize=8.5, title_fontsize=9.5, alignment="left")


#: The actions that ask for nothing pressing: their people are not named on the give-and-take figure.
CALM = ("keep warm", "keep in touch")
#: The title of the legend of the map's colours, by ``color_by``; "What to do" on every figure coloured by state.
LEGEND_TITLES = {"status": "What to do", "cluster": "Clusters", "company": "Employers"}
#: The colour of a cluster's name on a map not coloured by cluster.
GROUP_NAME_COLOUR = "#4d4d4d"


# ---------------------------------------------------------------------------
# The paths, one row each


@_literal_text
def plot_paths(paths: IntroPaths, *, ax=None):
    """The best introduction paths as a diagram: one row per path, me on the left, the target on the right.

    Each hop is labelled with the chance that the request is passed on, and
    each path ends with its overall chance (the product of its hops'). The
    people on a path are rings in its colour, as on the map: a filled colour
    is, in every figure, what to do about a person (:mod:`netgraph.viz.palette`).

    Parameters
    ----------
    paths : IntroPaths
        What :func:`netgraph.intro_paths` returns.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netgraph
    >>> ax = plot_paths(netgraph.intro_paths(netgraph.load().graph, "Novagen"))
    >>> ax.get_title()
    'Warm introductions to Novagen'
    """
    frame = paths.frame
    ax = _axes(ax, (10, 1.0 + 1.1 * max(len(frame), 1)))
    _title(ax, f"Warm introductions to {paths.target.label}",
           f"the {len(frame)} most likely paths; on each hop, the chance that the request is passed on"
           if len(frame) else "")
    ax.set_axis_off()
    if not len(frame):
        ax.text(0.5, 0.5, textwrap.fill(paths.message, 70), ha="center", va="center", fontsize=11,
                color=TEXT_COLOUR, transform=ax.transAxes)
        return ax
    width = max(len(row.nodes) for row in frame.itertuples()) - 1
    for y, row in enumerate(frame.itertuples()):
        _path_row(ax, row, -y, width)
    ax.set_xlim(-0.75, width + 0.9)
    ax.set_ylim(-len(frame) + 0.45, 0.6)
    _caption(ax, "A hop succeeds with about 35% over a stranger-like tie and up to 90% over the closest "
                 "(Dodds, Muhamad & Watts 2003), less when you have asked that person a lot this year; "
                 "a path's chance is the product of its hops'. Each path starts with a different person where "
                 "possible, so that one friend is not asked for everything.", width=130)
    return ax


def _path_row(ax, row, y: float, width: int) -> None:
    colour = path_colour(row.rank)
    hops = len(row.nodes) - 1
    xs = np.linspace(0, width, hops + 1)
    ax.plot(xs, [y] * len(xs), color=colour, linewidth=3, solid_capstyle="round", zorder=1)
    for i, (x, name) in enumerate(zip(xs, row.path)):
        last = i == hops
        if i == 0:
            ax.scatter([x], [y], s=260, c=ME_COLOUR, edgecolors="white", linewidths=1.5, zorder=2)
        else:  # a ring in the path's colour, as on the map: a filled colour would say what to do about them
            ax.scatter([x], [y], s=200, facecolors="white", edgecolors=colour, linewidths=2.5, zorder=2)
        who = name + ("\n" + row.company + (" (former)" if row.former else "") if last and row.company else "")
        ax.text(x, y - 0.2, who, ha="center", va="top", fontsize=8.5, color=TEXT_COLOUR,
                fontweight="bold" if last else "normal")
    for left, right, hop in zip(xs, xs[1:], row.hops):
        ax.text((left + right) / 2, y + 0.08, f"{hop['probability']:.0%}", ha="center", va="bottom", fontsize=9,
                color=colour, fontweight="bold")
    ax.text(-0.55, y, str(row.rank), ha="center", va="center", fontsize=9, fontweight="bold", color="white",
            bbox=dict(boxstyle="circle,pad=0.3", fc=colour, ec="none"))
    ax.text(width + 0.45, y, f"{row.probability:.0%}", ha="center", va="center", fontsize=13, fontweight="bold",
            color=colour)


# ---------------------------------------------------------------------------
# Dunbar's layers


#: Where each layer is drawn (radius), innermost first; 0 is the acquaintances.
LAYER_RADIUS = {5: 1.0, 15: 2.0, 50: 3.0, 150: 4.0, 0: 5.0}
LAYER_NAMES = {5: "closest 5", 15: "15", 50: "50", 150: "150", 0: "acquaintances"}
#: The angle left free at the top of each ring, for its name.
RING_GAP = np.radians(40)


@_literal_text
def plot_layers(G: nx.DiGraph, *, me=None, today=None, ax=None):
    """My ties in Dunbar's concentric layers, closest in the centre.

    The 5, 15, 50 and 150 strongest ties (:func:`netgraph.dunbar_layers`), then
    acquaintances, each on its ring; colleagues sit side by side. Each person
    is coloured by what to do about them (:mod:`netgraph.viz.palette`, as in
    every figure): ``keep in touch`` when the tie is overdue for its layer's
    usual rhythm (weekly for the closest 5, monthly for the 15, every three
    months for the 50, twice a year for the 150), unless something more
    urgent applies. The 5 and the 15 are named, and in the 50 and 150 those
    with something to do beyond keeping warm.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose layers; defaults to the graph's owner.
    today : date, optional
        The day the picture is drawn as of (default: the graph's).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netgraph
    >>> ax = plot_layers(netgraph.load().graph)
    """
    me = me_of(G, me)
    layer = dunbar_layers(G, me=me)
    states = person_states(G, me=me, today=today)
    ax = _axes(ax, (10, 10))
    items, drawn, markers = [], [], []
    for level, radius in LAYER_RADIUS.items():
        people = sorted(layer.index[layer == level], key=lambda v: (G.nodes[v].get("company", ""), str(v)))
        ax.add_patch(Circle((0, 0), radius, fill=False, ec="#d5d9de", lw=0.8, ls=(0, (4, 3)), zorder=0))
        ax.text(0, radius + 0.12, f"{LAYER_NAMES[level]} · {len(people)}", ha="center", va="bottom",
                fontsize=9, color="#666666", zorder=5,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
        xy = _ring(len(people), radius)
        keys = [states[v] for v in people]
        sizes = 25 + 230 * np.clip([G[me][v].get("strength", 0.0) for v in people], 0, 1) ** 1.2
        ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=[colour_of(k) for k in keys], edgecolors="white", linewidths=0.5,
                   zorder=3).set_gid(PEOPLE)
        named = [i for i, key in enumerate(keys) if level in (5, 15) or (level in (50, 150) and key != "keep warm")]
        items += [(*xy[i], display_name(G, people[i]), _radius(sizes[i])) for i in named]
        drawn += keys
        markers.append((xy, sizes))
    ax.scatter([0], [0], s=420, c=ME_COLOUR, edgecolors="white", linewidths=1.5, zorder=4).set_gid(PEOPLE)
    ax.set_xlim(-5.6, 5.6)
    ax.set_ylim(-5.6, 5.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    _place_labels(ax, items, markers=_discs(ax, np.vstack([[0, 0], *(xy for xy, _ in markers)]),
                                           np.concatenate([[420], *(sizes for _, sizes in markers)])))
    owner = display_name(G, me)
    _title(ax, f"{owner}'s layers of closeness",
           "Dunbar's layers: the 5, 15, 50 and 150 strongest ties, then acquaintances")
    _state_legend(ax, drawn, loc="upper right", bbox_to_anchor=(1.0, 1.0))
    _caption(ax, "Colour: what to do about each contact (the same colours in every figure); size: tie strength. "
                 "Usual rhythms: weekly for the closest 5, monthly for the 15, every three months for the 50, "
                 "twice a year for the 150 (Sutcliffe, Dunbar et al. 2012). People are grouped by employer around "
                 "each ring.", width=110)
    return ax


def _ring(count: int, radius: float) -> np.ndarray:
    """Positions of one layer's ``count`` people, evenly around its ring."""
    # clockwise from the top, leaving a gap at the top for the ring's name
    angles = np.pi / 2 - RING_GAP / 2 - (2 * np.pi - RING_GAP) * (np.arange(count) + 0.5) / max(count, 1)
    # a crowded ring becomes a band of three lanes
    lanes = 3 if count > 12 * radius * 2 * np.pi / 3 else 1
    radii = radius + (np.arange(count) % lanes - (lanes - 1) / 2) * 0.22
    return np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])


def _state_legend(ax, keys: list[str], **where):
    """The legend of the people's colours, in the palette's order and words, with how many of each."""
    counts = Counter(keys)
    dot: dict[str, Any] = dict(marker="o", linestyle="none", markeredgecolor="white", markersize=9)
    handles = [Line2D([], [], color=colour_of(key), label=legend_label(key, counts[key]), **dot)
               for key in KEYS if counts[key]]
    return ax.legend(handles=handles, title=LEGEND_TITLES["status"], frameon=False, fontsize=8.5,
                     title_fontsize=9.5, alignment="left", **where)


# ---------------------------------------------------------------------------
# Give and take


@_literal_text
def plot_reciprocity(G: nx.DiGraph, *, me=None, today=None, ax=None):
    """Who gives and who takes: contacts I sent against contacts I received, per relationship.

    Each dot is a relationship (:func:`netgraph.analysis.reciprocity`), coloured by
    what to do about it (:mod:`netgraph.viz.palette`, as in every figure); above
    the diagonal they reach out more than I do, below it I do. The
    relationships needing attention are named, the most urgent first.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose relationships; defaults to the graph's owner.
    today : date, optional
        The day the picture is drawn as of (default: the graph's).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netgraph
    >>> ax = plot_reciprocity(netgraph.load().graph)
    """
    me = me_of(G, me)
    frame = reciprocity(G, me=me, today=today)
    ax = _axes(ax, (10, 8))
    rng = np.random.default_rng(0)
    # many relationships share small counts: spread them a little, on the log scale
    x = np.expm1(np.log1p(frame["sent"].to_numpy(float)) + rng.uniform(-0.12, 0.12, len(frame)))
    y = np.expm1(np.log1p(frame["received"].to_numpy(float)) + rng.uniform(-0.12, 0.12, len(frame)))
    favours = (frame["favours_received"] + frame["favours_given"] + frame["asks"]).to_numpy(float)
    sizes = 30 + 35 * np.sqrt(favours)
    urgency = frame["action"].map(KEYS.index).to_numpy()
    order = np.argsort(-urgency, kind="stable")  # those needing attention drawn last, on top
    ax.scatter(x[order], y[order], s=sizes[order], c=[colour_of(k) for k in frame["action"].iloc[order]],
               alpha=0.85, edgecolors="white", linewidths=0.6, zorder=3).set_gid(PEOPLE)
    top = max(float(np.nanmax(np.concatenate([x, y, [1.0]]))) * 1.6, 5.0)
    ax.set_xscale("symlog", linthresh=1, linscale=1.0)
    ax.set_yscale("symlog", linthresh=1, linscale=1.0)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.plot([0, top], [0, top], color="#999999", lw=1, ls="--", zorder=1)
    ax.set_xlim(-0.3, top)
    ax.set_ylim(-0.3, top)
    ax.text(0.03, 0.97, "they reach out more", transform=ax.transAxes, va="top", fontsize=9, color="#888888")
    ax.text(0.97, 0.03, "you reach out more", transform=ax.transAxes, ha="right", fontsize=9, color="#888888")
    ax.set_xlabel("contacts you sent", fontsize=10)
    ax.set_ylabel("contacts you received", fontsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    _state_legend(ax, list(frame["action"]), loc="upper left", bbox_to_anchor=(1.01, 1.0))
    # the most urgent named first; keeping warm or in touch needs no name here
    notable = [i for i in np.argsort(urgency, kind="stable") if frame.at[i, "action"] not in CALM]
    _place_labels(ax, [(x[i], y[i], frame.at[i, "contact"], _radius(sizes[i])) for i in notable[:16]],
                  markers=_discs(ax, np.column_stack([x, y]), sizes))
    binary, weighted = frame.attrs["reciprocity"], frame.attrs["weighted_reciprocity"]
    _title(ax, "Give and take", f"{display_name(G, me)}'s {len(frame)} relationships with contact either way; "
           f"network reciprocity {binary:.0%} of links, {weighted:.0%} of the volume")
    _caption(ax, "Colour: what to do about each contact (the same colours in every figure). Reply: they reached "
                 "out last and wait for your answer. Give back: they have done more for you than you for them, or "
                 "carry the relationship. Give first: you have asked a lot this year. Size: asks and favours "
                 "(introductions, help) either way.", width=110)
    return ax


# ---------------------------------------------------------------------------
# Decay


#: A tie whose busiest year reached this intensity was close once.
CLOSE_ONCE = 0.3
#: The rings of dormant ties' busiest years: no person's colour, they mark a past.
RING_COLOUR = "#8a7f6a"


@_literal_text
def plot_decay(G: nx.DiGraph, *, me=None, today=None, ax=None):
    """How ties fade: each tie's strength against the days since the last contact.

    A ring above a dot marks the intensity of the tie in its busiest year: a
    ring high above its dot is a dormant tie, once close and now quiet, worth
    reconnecting with (Levin, Walter & Murnighan 2011); quiet means silent for
    ``Rules.dormant_days`` (:mod:`netgraph.model.rules`). The dashed curve is the
    recency component of tie strength, which halves every
    ``StrengthModel.half_life_days`` of the model the graph was built with.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    me : node, optional
        Whose ties; defaults to the graph's owner.
    today : date, optional
        The day the picture is drawn as of (default: the graph's).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netgraph
    >>> ax = plot_decay(netgraph.load().graph)
    """
    me = me_of(G, me)
    today = today or G.graph.get("today") or dt.date.today()
    dormant_days, half_life = rules_of(G).dormant_days, model_of(G).half_life_days
    ties = tie_strength(G, me=me)
    silent = int(ties["last"].isna().sum())
    ties = ties[ties["last"].notna()].reset_index(drop=True)
    days = np.array([(today - last).days for last in ties["last"]], dtype=float)
    strength = ties["strength"].to_numpy(float)
    peak = ties["peak"].fillna(0.0).to_numpy(float)
    dormant = (days >= dormant_days) & (peak >= CLOSE_ONCE) & (peak > strength)
    ax = _axes(ax, (11, 7))
    right = max(float(days.max()) * 1.05 if len(days) else 0.0, 400.0)
    ax.axvspan(dormant_days, right, color="#f4f1ea", zorder=0)
    curve = np.linspace(0, right, 200)
    ax.plot(curve, 0.5 ** (curve / half_life), color="#999999", lw=1, ls="--", zorder=1,
            label=f"recency: halves every {half_life:g} days")
    ax.vlines(days[dormant], strength[dormant], peak[dormant], color=RING_COLOUR, lw=1, zorder=2,
              alpha=min(0.6, 20 / max(int(dormant.sum()), 1)))  # fainter when there are many
    ax.scatter(days[dormant], peak[dormant], s=50, facecolors="none", edgecolors=RING_COLOUR, linewidths=1.3,
               zorder=3, label="a dormant tie at its busiest year")
    states = person_states(G, me=me, today=today)
    keys = [states[v] for v in ties["node"]]
    sizes = np.where(dormant, 45.0, 35.0)
    ax.scatter(days, strength, s=sizes, c=[colour_of(k) for k in keys], alpha=0.85, edgecolors="white",
               linewidths=0.5, zorder=4).set_gid(PEOPLE)
    ax.set_xlim(-right * 0.02, right)
    ax.set_ylim(-0.02, 1.05)
    ticks = [d for d in (0, 180, 365, 730, 1095, 1461, 1826) if d <= right]
    ax.set_xticks(ticks, [_span(d) for d in ticks])
    ax.set_xlabel("time since the last contact", fontsize=10)
    ax.set_ylabel("tie strength", fontsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.text(dormant_days + right * 0.01, 1.03, f"quiet for {_span(dormant_days)} or more", fontsize=9,
            color="#8a7f6a", va="top")
    ax.add_artist(_state_legend(ax, keys, loc="upper left", bbox_to_anchor=(1.01, 1.0)))
    ax.legend(loc="lower left", bbox_to_anchor=(1.01, 0.0), frameon=False, fontsize=9)
    ranked = list(np.argsort(-(peak - strength) * dormant, kind="stable")[:int(min(dormant.sum(), 8))])
    ranked += [i for i in np.argsort(-strength, kind="stable")[:6] if i not in ranked]
    points = np.column_stack([days, strength])
    rings = np.column_stack([days[dormant], peak[dormant]])
    _place_labels(ax, [(days[i], strength[i], ties.at[i, "contact"], _radius(sizes[i])) for i in ranked],
                  markers=np.vstack([_discs(ax, points, sizes), _discs(ax, rings, np.full(len(rings), 50.0))]))
    _title(ax, "How ties fade", f"{display_name(G, me)}'s {len(ties)} ties with recorded contact, as of {today}")
    _caption(ax, "Colour: what to do about each contact (the same colours in every figure). "
                 "Rings: how intense the tie was in its busiest year. A ring high above its dot is a dormant "
                 "tie — once close, now quiet; Levin, Walter & Murnighan (2011) found reconnecting with them quick "
                 "and rich in fresh information."
                 + (f" {silent} connection{'s' if silent != 1 else ''} without recorded contact not shown."
                    if silent else ""), width=120)
    return ax


def _span(days: int) -> str:
    if days == 0:
        return "today"
    if days < 365:
        return f"{round(days / 30.4)} months"
    years = round(days / 365.25)
    return f"{years} year{'s' if years > 1 else ''}"


# ---------------------------------------------------------------------------
# One figure, to a file


#: Figure size (inches) of each kind.
FIGURE_SIZES = {"map": (13, 9.5), "paths": (11, 6.5), "layers": (10, 11), "reciprocity": (11, 8),
                "decay": (11, 7.5)}


def plot_figure(G: nx.DiGraph, out=None, *, kind: str = "map", target=None, me=None, today=None, top: int = 5,
                seed: int = 0,
                max_nodes: int = 1500, color_by: str = "status", dpi: int = 200) -> Figure:
    """One figure of the network on a figure of its own, written to ``out`` — what ``netgraph plot`` draws.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    kind : {"map", "paths", "layers", "reciprocity", "decay"}
        Which figure: :func:`plot_network`, :func:`plot_paths`,
        :func:`plot_layers`, :func:`plot_reciprocity` or :func:`plot_decay`.
    target : str, optional
        A company or person (as :func:`netgraph.intro_paths` takes it). The
        map highlights the ``top`` best paths to it; the paths figure draws
        them (default: the first of ``G.graph["targets"]``).
    out : str or Path, optional
        Where to write the figure; the format follows the suffix (``.png``,
        ``.svg``, ``.pdf``...). None writes nothing.
    me : node, optional
        Whose network; defaults to the graph's owner.
    today : date, optional
        The day the picture is drawn as of (default: the graph's).
    top : int, default 5
        How many paths.
    seed : int
        Seed of the map's layout, clustering and sample.
    max_nodes : int
        The most people drawn on the map (see :func:`plot_network`).
    color_by : {"status", "cluster", "company"}, default "status"
        The map's colours (see :func:`plot_network`).
    dpi : int
        Resolution of a raster file.

    Returns
    -------
    matplotlib.figure.Figure
        Made without pyplot, so it holds no global state: nothing to close.

    Raises
    ------
    NetgraphError
        For an unknown kind or file format, a target that names nobody, or a
        paths figure without any target.

    Examples
    --------
    >>> import netgraph
    >>> fig = plot_figure(netgraph.load().graph, kind="paths", target="Novagen")
    >>> fig.axes[0].get_title()
    'Warm introductions to Novagen'
    """
    if kind not in KINDS:
        raise NetgraphError(f"unknown kind of figure {kind!r}: choose one of {', '.join(KINDS)}")
    if out is not None:
        suffix = Path(out).suffix.lstrip(".").lower()
        if suffix not in Figure().canvas.get_supported_filetypes():
            raise NetgraphError(f"cannot write a figure as {suffix or 'a file without a suffix'!r}: "
                                f"use .png, .svg or .pdf", file=out)
    figure = Figure(figsize=FIGURE_SIZES[kind])
    ax = figure.add_subplot()
    if kind == "map":
        plot_network(G, me=me, today=today, color_by=color_by, ax=ax, seed=seed, max_nodes=max_nodes,
                     paths=paths_to(G, target, me, top) if target is not None else None)
    elif kind == "paths":
        plot_paths(paths_to(G, target, me, top), ax=ax)
    else:
        {"layers": plot_layers, "reciprocity": plot_reciprocity, "decay": plot_decay}[kind](G, me=me, today=today,
                                                                                          ax=ax)
    if out is not None:
        # Drawn in memory, then put in place whole: an interrupted run never leaves half a picture.
        image = io.BytesIO()
        figure.savefig(image, format=suffix, dpi=dpi, bbox_inches="tight", pad_inches=0.3, facecolor="white")
        atomic_write(out, image.getvalue())
    return figure


def paths_to(G, target, me, top: int) -> IntroPaths:
    """The paths a figure draws: to ``target``, else to the first of the graph's targets."""
    if target is None:
        targets = G.graph.get("targets") or []
        if not targets:
            raise NetgraphError("the paths figure needs a target: a company or a person (--to TARGET)")
        target = targets[0]
    found = intro_paths(G, target, me=me, top=top)
    if not found.target.nodes:
        raise NetgraphError(found.message)
    return found
