"""An interactive map of the network in one self-contained HTML file.

The page shows the same map as :func:`netgraph.viz.plot.plot_network` — the same
positions, colours (by default what to do about each contact, the palette of
every figure: :mod:`netgraph.viz.palette`) and people — with zoom and pan,
details on hover (name, company, title, strength of the tie to me, last
contact, what to do), a search box that
highlights the people whose name or company matches, and the best paths to a
target drawn on it. It is made with Bokeh and written with all of Bokeh's
JavaScript and CSS inlined: opening it makes no request to any server, so the
contact data it holds stays on the machine.

In a notebook, display the page inline with Bokeh's own resources inlined too::

    from bokeh.io import output_notebook, show
    from bokeh.resources import INLINE
    output_notebook(INLINE, hide_banner=True)
    show(network_page(G, target="Novagen"))
"""

from __future__ import annotations

import html as markup
import re
from pathlib import Path

import networkx as nx
import numpy as np

from ..analysis.reasons import last_contact
from ..io.export import atomic_write
from ..model.graph import display_name, me_of, relationship_count
from .palette import ME, ME_COLOUR, legend_label
from .plot import (
    COLOUR_MEANING,
    EDGE_COLOUR,
    TARGET_COLOUR,
    Scene,
    network_scene,
    node_sizes,
    path_colour,
    paths_to,
)

__all__ = ["network_page", "write_html", "offline"]

#: Case-insensitive "contains" search over names and companies; selects the matches.
SEARCH_JS = """
const query = (cb_obj.value_input || cb_obj.value || "").trim().toLowerCase();
const names = source.data["name"], companies = source.data["company"];
const hits = [];
if (query.length) {
    for (let i = 0; i < names.length; i++) {
        if (names[i].toLowerCase().includes(query) || companies[i].toLowerCase().includes(query)) {
            hits.push(i);
        }
    }
}
source.selected.indices = hits;
status.text = query.length ? hits.length + (hits.length === 1 ? " match" : " matches") : "";
"""

TOOLTIPS = [("", "@name"), ("company", "@company"), ("title", "@title"), ("tie to me", "@strength"),
            ("last contact", "@last"), ("colour", "@group")]


def network_page(G: nx.DiGraph, *, target=None, me=None, today=None, top: int = 5, seed: int = 0,
                 title: str | None = None, max_nodes: int = 3000, color_by: str = "status"):
    """The interactive map of the network, as a Bokeh layout.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    target : str, optional
        A company or a person: the ``top`` best paths to it are drawn and listed.
    me : node, optional
        Whose network; defaults to the graph's owner.
    today : date, optional
        The day the page is drawn as of (default: the graph's).
    top : int, default 5
        How many paths.
    seed : int
        Seed of the layout, the clustering and the sample (as for the static map).
    title : str, optional
        The page's heading; default "<owner>'s network".
    max_nodes : int
        The most people drawn (see :func:`netgraph.viz.plot.plot_network`).
    color_by : {"status", "cluster", "company"}, default "status"
        Colour people by what to do about them (the palette of every figure),
        by Louvain cluster or by employer.

    Returns
    -------
    bokeh.models.Column
        Heading, search box, map, the paths (when a target is given) and a
        caption. Show it in a notebook with ``bokeh.io.show``, or write it to
        a file with :func:`write_html`.

    Examples
    --------
    >>> import netgraph
    >>> page = network_page(netgraph.load().graph, target="Novagen", top=3)
    """
    from bokeh.layouts import column, row
    from bokeh.models import CustomJS
    from bokeh.models.widgets import AutocompleteInput, Div  # bokeh.models re-exports them untyped

    paths = paths_to(G, target, me, top) if target is not None else None
    scene = network_scene(G, me=me, today=today, color_by=color_by, seed=seed, max_nodes=max_nodes, paths=paths)
    owner = display_name(G, scene.me)
    heading = title or f"{owner}'s network"
    plot, nodes = _map(scene)
    names = sorted({display_name(G, v) for v in scene.nodes} | {c for c in nodes.data["company"] if c})
    search = AutocompleteInput(placeholder="Search a person or a company", completions=names, restrict=False,
                               min_characters=2, case_sensitive=False, search_strategy="includes", width=320,
                               name="search")
    status = Div(text="", styles={"color": "#555", "padding-top": "6px"}, disable_math=True)
    callback = CustomJS(args=dict(source=nodes, status=status), code=SEARCH_JS)
    search.js_on_change("value_input", callback)
    search.js_on_change("value", callback)
    subtitle = (f"{G.number_of_nodes():,} people, {relationship_count(G):,} relationships"
                + (f", as of {today or G.graph['today']}" if today or G.graph.get("today") else ""))
    parts = [Div(text=f"<h2 style='margin:0'>{markup.escape(heading)}</h2>"
                      f"<div style='color:#666'>{markup.escape(subtitle)}</div>", disable_math=True),
             row(search, status), plot]
    if paths is not None:
        parts.append(Div(text=_paths_table(paths), width=plot.width, disable_math=True))
    colour = COLOUR_MEANING[scene.color_by]
    ringed = f"; ringed: people at {', '.join(scene.targets)}" if scene.targets else ""
    parts.append(Div(text=markup.escape(f"Colour: {colour}; size: tie strength to {owner.split()[0]}{ringed}. "
                                        f"{scene.caption[0].upper()}{scene.caption[1:]}. Scroll to zoom, drag to "
                                        "pan, hover over a person for details."),
                     width=plot.width, styles={"color": "#555", "font-size": "12px"}, disable_math=True))
    return column(*parts)


def _map(scene: Scene):
    """The Bokeh figure of a scene, and the data source of its people (which the search selects in)."""
    from bokeh.models import ColumnDataSource, HoverTool, Scatter
    from bokeh.models.annotations import Legend, LegendItem  # bokeh.models re-exports them untyped
    from bokeh.models.renderers import GlyphRenderer
    from bokeh.plotting import figure

    G, index = scene.G, scene.index
    me_row = index[scene.me]
    plot = figure(width=1100, height=800, match_aspect=True, tools="pan,wheel_zoom,box_zoom,reset,save",
                  active_scroll="wheel_zoom", toolbar_location="above", output_backend="canvas")
    plot.toolbar.logo = None  # the logo links to bokeh.org
    plot.axis.visible = False
    plot.grid.visible = False
    plot.outline_line_color = None
    others, spokes = scene.lines()
    guessed = scene.inferred(others)
    alpha = min(0.35, 12 / np.sqrt(max(len(others) + len(spokes), 1)))
    for rows, share, dash in ((np.concatenate([others[~guessed], spokes]), 1.0, "solid"),
                              (others[guessed], 0.5, "dashed")):  # inferred ties: lighter, they may not exist
        segments = scene.xy[rows].astype(np.float32)
        plot.segment(x0=segments[:, 0, 0], y0=segments[:, 0, 1], x1=segments[:, 1, 0], y1=segments[:, 1, 1],
                     line_color=EDGE_COLOUR, line_alpha=alpha * share, line_width=0.7, line_dash=dash)
    nodes = ColumnDataSource(_people(scene))
    # bokeh wants GlyphRenderer[Glyph] in renderer lists, which GlyphRenderer[Scatter] is not (invariance)
    people: GlyphRenderer = plot.scatter("x", "y", source=nodes, name="people", size="size", fill_color="colour",
                                         line_color="ring", line_width="ring_width")
    people.selection_glyph = Scatter(size="size", fill_color="colour", line_color="#111111", line_width=3)
    people.nonselection_glyph = Scatter(size="size", fill_color="colour", fill_alpha=0.12, line_alpha=0.12)
    plot.add_tools(HoverTool(renderers=[people], tooltips=TOOLTIPS))
    items = [LegendItem(label=legend_label(label, size), renderers=[people], index=_example(scene, g))
             for g, (label, size) in enumerate(scene.groups) if (scene.group == g).any()
             and not (scene.color_by == "status" and label == ME)]
    items.append(LegendItem(label=f"{display_name(G, scene.me)} (you)", renderers=[people], index=me_row))
    items += _draw_paths(plot, scene)
    plot.add_layout(Legend(items=items, click_policy="none", label_text_font_size="11px"), "right")
    labelled = list(dict.fromkeys([me_row, *(index[n] for p in scene.paths for n in p["nodes"][1:]),
                                   *np.argsort(-scene.strength, kind="stable")[:6]]))
    plot.text(x=scene.xy[labelled, 0], y=scene.xy[labelled, 1], text=[display_name(G, scene.nodes[i])
                                                                      for i in labelled],
              x_offset=9, text_font_size="11px", text_baseline="middle", text_color="#333333")
    return plot, nodes


def _example(scene: Scene, group: int) -> int:
    """The row of a member of ``group`` whose marker the legend shows: one without a ring if any."""
    members = np.flatnonzero(scene.group == group)
    plain = [int(i) for i in members if not scene.target[i]]
    return plain[0] if plain else int(members[0])


def _people(scene: Scene) -> dict:
    G, me = scene.G, scene.me
    colours = [scene.colour_of(i) if v != me else ME_COLOUR for i, v in enumerate(scene.nodes)]
    groups = [scene.groups[g][0] if g >= 0 else "" for g in scene.group]
    last = [last_contact(G, me, v) if v != me else None for v in scene.nodes]
    return {
        "x": scene.xy[:, 0], "y": scene.xy[:, 1],
        "name": [display_name(G, v) for v in scene.nodes],
        "company": [G.nodes[v].get("company", "") or "" for v in scene.nodes],
        "title": [G.nodes[v].get("title", "") or "" for v in scene.nodes],
        "strength": [f"{s:.2f}" if v != me and G.has_edge(me, v) else "—" for v, s in zip(scene.nodes, scene.strength)],
        "last": [d.isoformat() if d else "—" for d in last],
        "group": groups,
        "colour": colours,
        # diameters in pixels; a ring needs room inside it to show the person's colour
        "size": np.sqrt(node_sizes(scene)) * 1.15 + 2 + 4 * np.array([bool(t) for t in scene.target]),
        "ring": [TARGET_COLOUR if t else "white" for t in scene.target],
        "ring_width": [1.6 if t else 0.5 for t in scene.target],
    }


def _draw_paths(plot, scene: Scene) -> list:
    """The highlighted paths as thick lines, rank 1 on top; their legend entries."""
    from bokeh.models.annotations import LegendItem

    items: list = []
    for path in reversed(scene.paths):
        colour = path_colour(path["rank"])
        curve = scene.curve(path)
        line = plot.line(curve[:, 0], curve[:, 1], line_color=colour, line_width=4, line_alpha=0.9)
        end = plot.scatter(curve[-1:, 0], curve[-1:, 1], size=11, fill_color=colour, line_color="white",
                           line_width=1.5)
        items.insert(0, LegendItem(label=path["label"], renderers=[line, end]))
    return items


def _paths_table(paths) -> str:
    """The paths as an HTML table, every cell escaped."""
    if not len(paths):
        return f"<p>{markup.escape(paths.message)}</p>"
    rows = []
    for row in paths.frame.itertuples():
        colour = path_colour(row.rank)
        hops = "<br>".join(markup.escape(f"{h['from']} → {h['to']} ({h['probability']:.0%}): {h['why']}")
                           for h in row.hops)
        rows.append(f"<tr><td style='color:{colour};font-weight:bold'>{row.rank}</td>"
                    f"<td><b>{row.probability:.0%}</b></td><td>{markup.escape(' → '.join(row.path))}</td>"
                    f"<td style='color:#555'>{hops}</td></tr>")
    return (f"<h3 style='margin-bottom:4px'>Warm introductions to {markup.escape(paths.target.label)}</h3>"
            "<table style='border-collapse:collapse;font-size:12px' cellpadding='4'>"
            "<tr><th>#</th><th>chance</th><th>path</th><th>why each hop</th></tr>" + "".join(rows) + "</table>")


#: A string literal that is a whole absolute URL, other than an XML namespace (which is never fetched).
_URL_LITERAL = re.compile(r"""(["'`])(?!http://www\.w3\.org/)https?://[A-Za-z0-9.-]+[^"'`\s\\]*\1""")
#: A script of code (not the document's data, which Bokeh keeps in an application/json script).
_CODE = re.compile(r"(<script(?![^>]*application/json)[^>]*>)(.*?)(</script>)", re.DOTALL)


def offline(page: str) -> str:
    """``page`` with every absolute URL in its code's string literals replaced by ``about:blank``.

    Bokeh's inlined JavaScript keeps fallbacks that fetch from the internet when
    a feature it does not bundle is needed: MathJax from a CDN when some text
    looks like TeX (a contact called "$$x$$" would do), the Tabler icon font,
    the Google Maps API. None of them is used here; with their addresses gone,
    none can ever be fetched, whatever the contact data holds. The data itself
    is left exactly as it is.
    """
    def scrub(script: re.Match) -> str:
        code = _URL_LITERAL.sub(lambda m: f"{m.group(1)}about:blank{m.group(1)}", script.group(2))
        return script.group(1) + code + script.group(3)

    return _CODE.sub(scrub, page)


def write_html(G: nx.DiGraph, out, *, target=None, me=None, today=None, top: int = 5, seed: int = 0,
               title: str | None = None, max_nodes: int = 3000, color_by: str = "status") -> Path:
    """Write the interactive map to one self-contained HTML file — what ``netgraph html`` writes.

    All of Bokeh's JavaScript and CSS is inlined (about 2 MB): the page needs
    no network and requests nothing from any server.

    Parameters
    ----------
    G : nx.DiGraph
        A netgraph graph.
    out : str or Path
        The file to write.
    target, me, today, top, seed, title, max_nodes, color_by
        As for :func:`network_page`.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import netgraph, tempfile, pathlib
    >>> page = write_html(netgraph.load().graph, pathlib.Path(tempfile.mkdtemp()) / "network.html")
    >>> page.suffix
    '.html'
    """
    from bokeh.embed import file_html
    from bokeh.resources import INLINE

    page = network_page(G, target=target, me=me, today=today, top=top, seed=seed, title=title, max_nodes=max_nodes,
                        color_by=color_by)
    heading = title or f"{display_name(G, me_of(G, me))}'s network"
    out = Path(out)
    atomic_write(out, offline(file_html(page, INLINE, title=heading)))
    return out
