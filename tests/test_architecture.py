"""The architecture holds: layers depend one way, the public API is curated, no module is shadowed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netgraph

ROOT = Path(__file__).resolve().parents[1]


def test_layers_depend_one_way():
    """import-linter's contract (pyproject.toml, ``[tool.importlinter]``) is kept."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed (pip install -e .[dev])")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_at_most_a_dozen_top_level_modules():
    top = [m.name for m in pkgutil.iter_modules(netgraph.__path__)]
    assert len(top) <= 12, top


def _modules():
    for info in pkgutil.walk_packages(netgraph.__path__, "netgraph."):
        if not info.name.endswith("__main__"):  # importing it runs the command
            yield importlib.import_module(info.name)


def test_no_module_is_shadowed_by_a_function():
    for module in _modules():
        package, _, leaf = module.__name__.rpartition(".")
        parent = sys.modules[package]
        assert inspect.ismodule(getattr(parent, leaf)), f"{package}.{leaf} is not the module {module.__name__}"


def test_the_public_api_is_curated():
    for name in netgraph.__all__:
        assert hasattr(netgraph, name), name
    for module in _modules():
        for name in getattr(module, "__all__", []):
            assert not name.startswith("_") and hasattr(module, name), f"{module.__name__}.{name}"


ANALYSES = ["summary", "intro_paths", "draft_intro", "reciprocity", "weak_ties", "follow_ups", "dunbar_layers",
            "tie_strength"]
FIGURES = ["plot_network", "plot_layers", "plot_reciprocity", "plot_decay", "plot_figure"]


@pytest.mark.parametrize("name", ANALYSES + FIGURES + ["network_page", "write_html"])
def test_one_vocabulary(name):
    """The graph first, then the target where there is one; ``me`` and ``today`` keyword-only."""
    module = netgraph if hasattr(netgraph, name) else (
        importlib.import_module("netgraph.viz.plot") if name.startswith("plot_") else
        importlib.import_module("netgraph.viz.html"))
    parameters = inspect.signature(getattr(module, name)).parameters
    first = next(iter(parameters))
    assert first == "G", (name, first)
    assert parameters["me"].kind is inspect.Parameter.KEYWORD_ONLY, name
    if name not in ("dunbar_layers", "tie_strength"):  # computed from the strengths the graph was built with
        assert parameters["today"].kind is inspect.Parameter.KEYWORD_ONLY, name
    assert not {"k", "reconnect"} & set(parameters), name  # "how many" is `top` everywhere


def test_no_file_cites_a_design_document_outside_the_repository():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: which files are the repository's is unknown")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    cited = [name for name in tracked.splitlines() if Path(name).suffix in {".py", ".md", ".ipynb", ".toml"}
             and Path(name).name != "test_architecture.py" and "DESIGN.md" in (ROOT / name).read_text("utf-8")]
    assert not cited, cited
