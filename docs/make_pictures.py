"""Regenerate the README's pictures: ``python3 dev.py pictures``.

They are drawn by the same code as ``netgraph plot`` (:func:`netgraph.viz.plot.plot_figure`),
on the bundled demo network:

- ``docs/network.png``: the map of Jane Jones's network;
- ``docs/paths-novagen.png``: the same map with her best introduction paths to Novagen.
"""

from __future__ import annotations

from pathlib import Path

import netgraph
from netgraph.viz.plot import plot_figure

DOCS = Path(__file__).resolve().parent
#: Sharp on a high-density screen, light enough for a README.
DPI = 150


def main() -> None:
    G = netgraph.load().graph
    pictures = {"network.png": dict(kind="map"), "paths-novagen.png": dict(kind="map", target="Novagen")}
    for name, options in pictures.items():
        plot_figure(G, out=DOCS / name, dpi=DPI, **options)
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
