"""netgraph.viz.plot: every figure on the demo network and on a 5,000-person one."""

from __future__ import annotations

import itertools
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

import netgraph  # noqa: E402
from netgraph.cli import main  # noqa: E402
from netgraph.datasets import synth  # noqa: E402
from netgraph.errors import NetgraphError  # noqa: E402
from netgraph.viz.plot import (  # noqa: E402
    KINDS,
    network_scene,
    plot_decay,
    plot_figure,
    plot_layers,
    plot_network,
    plot_paths,
    plot_reciprocity,
)

FIGURES = [plot_network, plot_layers, plot_reciprocity, plot_decay]


@pytest.fixture(scope="module")
def big():
    """A generated network of 5,000 people, built once for this module."""
    return synth.network(5000, seed=1).build().graph


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(params=["demo", "big"])
def graph(request, demo, big):
    return demo.graph if request.param == "demo" else big


def _content(ax) -> int:
    return len(ax.collections) + len(ax.lines) + len(ax.patches) + len(ax.texts)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_figure_draws_on_a_new_axes(graph, figure):
    ax = figure(graph)
    assert ax.get_title()
    assert _content(ax) > 3
    assert ax.figure.texts or ax.texts  # the caption and labels


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_figure_draws_on_a_given_axes(demo, figure):
    fig, ax = plt.subplots()
    assert figure(demo.graph, ax=ax) is ax


def test_paths_diagram(graph):
    target = graph.graph["targets"][0]
    paths = netgraph.intro_paths(graph, target, top=4)
    ax = plot_paths(paths)
    assert ax.get_title() == f"Warm introductions to {target}"
    texts = [t.get_text() for t in ax.texts]
    assert f"{paths.frame['probability'].iloc[0]:.0%}" in texts
    assert paths.frame["path"].iloc[0][-1] in " ".join(texts)


def test_paths_diagram_without_paths(demo):
    paths = netgraph.intro_paths(demo.graph, "Novagen", max_hops=1, top=2)
    empty = netgraph.intro_paths(demo.graph, lambda person: False)
    ax = plot_paths(empty)
    assert empty.message in ax.texts[-1].get_text().replace("\n", " ")
    assert len(paths)  # the same call with a reachable target draws rows
    assert len(plot_paths(paths).collections) >= 2


def test_map_highlights_paths_numbered_by_rank(demo):
    paths = netgraph.intro_paths(demo.graph, "Novagen", top=3)
    ax = plot_network(demo.graph, paths=paths)
    assert {"1", "2", "3"} <= {t.get_text() for t in ax.texts}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(text.startswith("1. ") for text in legend)
    labels = {t.get_text() for t in ax.texts if isinstance(t, Annotation)}
    assert set(paths.frame["path"].iloc[0][1:]) <= labels


def test_map_takes_node_paths(demo):
    G = demo.graph
    path = netgraph.intro_paths(G, "Novagen").frame["nodes"].iloc[1]
    ax = plot_network(G, paths=[path], color_by="company")
    assert "1" in {t.get_text() for t in ax.texts}
    with pytest.raises(NetgraphError, match="not in the network"):
        plot_network(G, paths=[[G.graph["me"], "nobody-at-all"]])


@pytest.mark.slow
def test_map_says_when_it_shows_a_sample(big):
    paths = netgraph.intro_paths(big, big.graph["targets"][0])
    scene = network_scene(big, max_nodes=800, paths=paths)
    assert len(scene.nodes) == 800
    assert scene.caption.startswith("showing 800 of 5,000 people: you,")
    on_paths = {n for p in scene.paths for n in p["nodes"]}
    assert on_paths <= set(scene.nodes)
    ax = plot_network(big, max_nodes=800)
    assert "Showing 800 of 5,000 people" in " ".join(t.get_text() for t in ax.texts)


def test_map_scene_is_reproducible(demo):
    first, second = network_scene(demo.graph, seed=2), network_scene(demo.graph, seed=2)
    assert first.nodes == second.nodes
    assert (first.xy == second.xy).all()
    assert first.groups == second.groups


def test_map_labels_do_not_overlap(demo):
    ax = plot_network(demo.graph)
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if isinstance(t, Annotation) and t.get_bbox_patch()]
    assert len(boxes) >= 5
    for a, b in itertools.combinations(boxes, 2):
        overlap = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0, min(a.y1, b.y1) - max(a.y0, b.y0))
        assert overlap < 0.15 * min(a.width * a.height, b.width * b.height)


def test_unknown_colouring_is_an_error(demo):
    with pytest.raises(ValueError, match="color_by"):
        plot_network(demo.graph, color_by="mood")


@pytest.mark.parametrize("kind", KINDS)
def test_plot_figure_writes_a_png(demo, tmp_path, kind):
    out = tmp_path / f"{kind}.png"
    figure = plot_figure(demo.graph, kind=kind, target="Novagen", out=out, dpi=60)
    assert isinstance(figure, Figure)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 10_000
    assert not plt.get_fignums()  # no pyplot figure left open


def test_plot_figure_writes_svg_and_pdf(demo, tmp_path):
    for suffix in ("svg", "pdf"):
        out = tmp_path / f"map.{suffix}"
        plot_figure(demo.graph, kind="map", out=out)
        assert out.stat().st_size > 1000


def test_plot_figure_errors(demo, tmp_path):
    G = demo.graph
    with pytest.raises(NetgraphError, match="unknown kind"):
        plot_figure(G, kind="pie")
    with pytest.raises(NetgraphError, match="cannot write a figure"):
        plot_figure(G, kind="map", out=tmp_path / "map.docx")
    with pytest.raises(NetgraphError, match="No company or person called"):
        plot_figure(G, kind="map", target="Umbrella Corporation")
    assert not list(tmp_path.iterdir())


def test_paths_figure_defaults_to_the_first_target(demo):
    figure = plot_figure(demo.graph, kind="paths")
    assert figure.axes[0].get_title() == f"Warm introductions to {demo.graph.graph['targets'][0]}"
    G = demo.graph.copy()
    G.graph["targets"] = []
    with pytest.raises(NetgraphError, match="needs a target"):
        plot_figure(G, kind="paths")


MARKUP = Path(__file__).resolve().parents[1] / "fixtures" / "markup"


@pytest.mark.parametrize("kind", KINDS)
def test_names_with_dollar_signs_are_drawn_as_written(tmp_path, kind):
    """mathtext would read "Cash $$ Money" as a formula, and fail: data is drawn as text."""
    G = netgraph.load(MARKUP).graph
    out = tmp_path / f"{kind}.svg"
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text, to be read back
        plot_figure(G, out, kind=kind, target="$$Corp")
    drawn = out.read_text(encoding="utf-8")
    assert "$$Corp" in drawn if kind in ("map", "paths") else "Jane Jones" in drawn
    if kind in ("paths", "layers", "decay"):
        assert "Cash $$ Money" in drawn
    assert matplotlib.rcParams["text.parse_math"]  # mathtext is off in netgraph's figures only


def test_the_command_plots_names_with_dollar_signs(tmp_path):
    assert main(["plot", "--data", str(MARKUP), "--kind", "paths", "--to", "$$Corp",
                 "--out", str(tmp_path / "paths.png")]) == 0
    assert (tmp_path / "paths.png").stat().st_size > 10_000
