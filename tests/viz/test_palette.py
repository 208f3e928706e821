"""One palette: a person's colour is the same in every figure and on the page, and labels sit beside nodes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

import netgraph  # noqa: E402
from netgraph.analysis.state import ACTIONS  # noqa: E402
from netgraph.model.graph import display_name  # noqa: E402
from netgraph.viz.html import network_page  # noqa: E402
from netgraph.viz.palette import (  # noqa: E402
    KEYS,
    ME,
    ME_COLOUR,
    STATE_COLOURS,
    UNRELATED,
    UNRELATED_COLOUR,
    colour_of,
    legend_label,
    person_colours,
    person_states,
)
from netgraph.viz.plot import LEADER, PEOPLE, network_scene, plot_decay, plot_layers, plot_network, plot_reciprocity  # noqa: E402


@pytest.fixture(scope="module")
def figures(demo):
    """The demo's figures that draw people, each drawn once (the map with the best paths to Novagen)."""
    G = demo.graph
    axes = {"map": plot_network(G, paths=netgraph.intro_paths(G, "Novagen", top=5)), "layers": plot_layers(G),
            "reciprocity": plot_reciprocity(G), "decay": plot_decay(G)}
    for ax in axes.values():
        ax.figure.canvas.draw()
    yield axes
    plt.close("all")


def _people_points(ax) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Every person's marker an Axes draws: positions (data), colours (hex, alpha left out), radii (pixels)."""
    xy, colours, radii = [], [], []
    for collection in ax.collections:
        if collection.get_gid() != PEOPLE:
            continue
        offsets = collection.get_offsets()
        faces = collection.get_facecolors()
        sizes = np.broadcast_to(collection.get_sizes(), (len(offsets),))
        edge = np.max(collection.get_linewidths())
        xy.append(np.asarray(offsets))
        colours += [to_hex(faces[i if len(faces) > 1 else 0][:3]) for i in range(len(offsets))]
        radii.append((np.sqrt(sizes) / 2 + edge / 2) * ax.figure.dpi / 72)
    return np.vstack(xy), colours, np.concatenate(radii)


def _labelled(ax) -> list[tuple[Annotation, int]]:
    """Each person's label with the row of that person's marker in :func:`_people_points`."""
    xy, _, _ = _people_points(ax)
    found = []
    for text in ax.texts:
        if isinstance(text, Annotation) and text.get_bbox_patch() is not None:
            rows = np.flatnonzero(np.isclose(xy, text.xy).all(axis=1))
            if len(rows):
                found.append((text, int(rows[-1])))  # the marker drawn last, on top
    return found


def _named_colours(ax) -> dict[str, str]:
    """Name -> the colour of that person's marker, for every person a figure names."""
    _, colours, _ = _people_points(ax)
    return {text.get_text().removesuffix(" (you)"): colours[row] for text, row in _labelled(ax)}


def test_every_key_has_its_own_colour_and_words():
    assert tuple(STATE_COLOURS) == ACTIONS  # one colour per action of the relationship state, in its order
    assert KEYS == (*ACTIONS, ME, UNRELATED)
    colours = [colour_of(key) for key in KEYS]
    assert len(set(colours)) == len(KEYS)  # me and the unrelated are neutral colours of their own
    assert {ME_COLOUR, UNRELATED_COLOUR}.isdisjoint(STATE_COLOURS.values())
    assert legend_label("reply", 15) == "reply (15)" and legend_label("keep warm") == "keep warm"


def test_a_person_is_coloured_by_the_action_of_their_state(demo):
    G = demo.graph
    state = netgraph.relationship_state(G)
    keys, colours = person_states(G), person_colours(G)
    assert keys[G.graph["me"]] == ME and colours[G.graph["me"]] == ME_COLOUR
    for node, action in zip(state["node"], state["action"]):
        assert keys[node] == action and colours[node] == STATE_COLOURS[action]
    strangers = set(G) - set(state["node"]) - {G.graph["me"]}
    assert strangers and all(colours[v] == UNRELATED_COLOUR for v in strangers)


def test_every_figure_and_the_page_colour_each_person_alike(demo, figures):
    G = demo.graph
    expected = {display_name(G, v): colour for v, colour in person_colours(G).items()}
    seen: dict[str, dict[str, str]] = {}
    for kind, ax in figures.items():
        named = _named_colours(ax)
        assert len(named) >= 8, kind
        for name, colour in named.items():
            seen.setdefault(name, {})[kind] = colour
    page = network_page(G, target="Novagen").select_one({"name": "people"}).data_source.data
    for name, colour in zip(page["name"], page["colour"]):
        seen.setdefault(name, {})["page"] = colour
    for name, by_figure in seen.items():
        assert set(by_figure.values()) == {expected[name]}, (name, by_figure)
    # the same people are named in several pictures: the agreement is tested, not assumed
    assert sum(len(by_figure) >= 3 for by_figure in seen.values()) >= 10


def test_the_map_colours_everyone_it_draws_from_the_palette(demo, figures):
    G = demo.graph
    scene = network_scene(G, paths=netgraph.intro_paths(G, "Novagen", top=5))
    xy, colours, _ = _people_points(figures["map"])
    colour = person_colours(G)
    for row, v in enumerate(scene.nodes):
        drawn = {colours[i] for i in np.flatnonzero(np.isclose(xy, scene.xy[row]).all(axis=1))}
        assert drawn and drawn <= {colour[v], ME_COLOUR if v == scene.me else colour[v]}, display_name(G, v)


def test_the_legends_use_the_palettes_words(figures):
    for kind, ax in figures.items():
        words = {t.get_text() for legend in [ax.get_legend(), *(a for a in ax.artists if hasattr(a, "texts"))]
                 if legend is not None for t in legend.texts}
        assert any(w.startswith("keep warm (") for w in words), kind
        assert not words & {"unanswered", "you owe", "balanced", "in touch at the layer's rhythm"}, kind


def _label_box(text: Annotation, renderer):
    """A label's box as drawn, its white backing included (its leader line, when it has one, left out)."""
    return Bbox.union([text.get_bbox_patch().get_window_extent(renderer), Text.get_window_extent(text, renderer)])


def _distance_to_box(centre: np.ndarray, box) -> float:
    """How far a point is from a rectangle (0 inside it), in pixels."""
    dx = max(box.x0 - centre[0], 0.0, centre[0] - box.x1)
    dy = max(box.y0 - centre[1], 0.0, centre[1] - box.y1)
    return float(np.hypot(dx, dy))


@pytest.mark.parametrize("kind", ["map", "layers", "reciprocity", "decay"])
def test_labels_sit_beside_their_nodes_never_on_a_named_one(figures, kind):
    """Every label's box, as the renderer draws it (text and its white backing), keeps clear of the marker
    of every person the figure names, its own included."""
    ax = figures[kind]
    renderer = ax.figure.canvas.get_renderer()
    xy, _, radii = _people_points(ax)
    labelled = _labelled(ax)
    assert len(labelled) >= 8
    centres = ax.transData.transform(xy[[row for _, row in labelled]])
    for text, row in labelled:
        box = _label_box(text, renderer)
        for (other, other_row), centre in zip(labelled, centres):
            assert _distance_to_box(centre, box) >= radii[other_row] - 0.5, \
                f"{text.get_text()!r} covers the marker of {other.get_text()!r}"
        own = ax.transData.transform(xy[row])
        # beside it, or (on the map, where people crowd) a short line away from it
        assert _distance_to_box(own, box) <= radii[row] + (LEADER + 6) * ax.figure.dpi / 72


@pytest.mark.parametrize("kind", ["map", "layers", "reciprocity", "decay"])
def test_no_label_hides_anyone(figures, kind):
    """No label's box covers the centre of any person's marker, named or not: everyone drawn stays visible."""
    ax = figures[kind]
    renderer = ax.figure.canvas.get_renderer()
    xy, _, _ = _people_points(ax)
    centres = ax.transData.transform(xy)
    for text, _ in _labelled(ax):
        box = _label_box(text, renderer)
        hidden = [c for c in centres if box.x0 < c[0] < box.x1 and box.y0 < c[1] < box.y1]
        assert not hidden, f"{text.get_text()!r} hides {len(hidden)} people"
