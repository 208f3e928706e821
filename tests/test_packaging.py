"""`pip install .` (not only editable) gives a working command and the demo data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(result.stderr)
    return next(out.glob("netgraph-*.whl"))


def test_wheel_holds_the_demo_and_the_command(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for table in ("people", "interactions", "ties", "introductions", "companies"):
        assert f"netgraph/datasets/sample/{table}.csv" in names
    assert "netgraph/datasets/sample/netgraph.toml" in names
    assert "netgraph/py.typed" in names  # PEP 561: type checkers use the package's own annotations
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "netgraph = netgraph.cli:command" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_outside_the_source_tree(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                    str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import netgraph, sys; net = netgraph.load(); print(netgraph.__file__); print(net.graph.number_of_nodes())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, nodes = result.stdout.split()
    assert location.startswith(str(target)) and int(nodes) >= 200


def test_the_default_install_is_the_fast_one(wheel):
    """igraph (Louvain, layout: the whole job takes three times longer without it) comes with `pip install .`;
    extras only add features (pyspark for `netgraph aggregate --engine spark`)."""
    metadata = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA"))
    requires = [line.split(":", 1)[1].strip() for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist:")]
    core = [r for r in requires if "extra ==" not in r]
    assert any(r.startswith("igraph") for r in core)
    assert any(r.startswith("pyspark") and "extra == \"spark\"" in r for r in requires)
    assert not any("fast" in r for r in requires)
