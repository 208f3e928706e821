"""Shared fixtures: the demo network, the real public data beside the project."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

import netgraph

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# CI must be reproducible: the same examples on every run (locally, hypothesis explores freely)
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The commands cache built networks (netgraph.io.cache): in a folder of the run's own, never the user's.
os.environ["NETGRAPH_CACHE"] = tempfile.mkdtemp(prefix="netgraph-test-cache-")


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with the reason it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} (see ../shared/data/README.md)")
    return path


@pytest.fixture(scope="session")
def demo() -> netgraph.Network:
    """Jane Jones's network, loaded once per test session (treat it as read-only)."""
    return netgraph.load()


@pytest.fixture(scope="session")
def enron() -> dict[str, pd.DataFrame]:
    """The Enron e-mail network as canonical tables: one interaction per message and recipient."""
    folder = shared_data("enron")
    employees = pd.read_csv(folder / "employees.txt", sep="\t", header=None, dtype=str,
                            names=["id", "name", "department", "unit", "title", "gender", "seniority"])
    messages = {}
    with open(folder / "messages.tsv", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            messages[fields[0]] = (int(fields[2]), fields[-1])
    rows = []
    with open(folder / "recipients.tsv", encoding="utf-8") as handle:
        for line in handle:
            message, _, receiver = line.rstrip("\n").split("\t")
            when, sender = messages[message]
            rows.append((pd.Timestamp(when, unit="s"), sender, receiver))
    interactions = pd.DataFrame(rows, columns=["date", "from", "to"])
    interactions["channel"] = "email"
    people = employees[["id", "name", "title"]].assign(company="Enron")
    return {"people": people, "interactions": interactions}


@pytest.fixture(scope="session")
def facebook_ego():
    """A factory: ``facebook_ego("0")`` -> canonical tables of that ego network."""
    return _facebook_ego


def _facebook_ego(ego: str = "0") -> dict:
    """A SNAP Facebook ego network as canonical tables: the ego is me, the real
    (anonymised) employer features are companies, friendships are ties."""
    folder = shared_data("facebook")
    names = [line.split(" ", 1)[1].strip() for line in (folder / f"{ego}.featnames").read_text().splitlines()]
    employer = [i for i, name in enumerate(names) if name.startswith("work;employer;id;")]

    def employers(values: list[str]) -> list[str]:
        return [f"Employer {names[i].rsplit(' ', 1)[-1]}" for i in employer if values[i] == "1"]

    rows = [{"id": ego, "name": f"Person {ego}", "company": (employers((folder / f"{ego}.egofeat").read_text().split())
                                                         or [""])[0]}]
    for line in (folder / f"{ego}.feat").read_text().splitlines():
        node, *values = line.split()
        jobs = employers(values)
        rows.append({"id": node, "name": f"Person {node}", "company": jobs[0] if jobs else "",
                     "past_companies": ";".join(jobs[1:])})
    people = pd.DataFrame(rows).fillna("")
    friends = [(a, b) for a, b in (line.split() for line in (folder / f"{ego}.edges").read_text().splitlines())]
    ties = pd.DataFrame(friends + [(ego, r["id"]) for r in rows[1:]], columns=["a", "b"])
    return {"people": people, "ties": ties, "me": ego}


def pytest_configure(config):
    config.addinivalue_line("markers", "benchmark: measures time or memory on big generated inputs (slower)")
    config.addinivalue_line("markers", "slow: more than a few seconds; left out of the fast loop "
                                       '(python3 dev.py test -m "not slow")')


#: Whole groups of tests that are slow by nature: they run notebooks, build wheels, open a browser,
#: read the real data, or let hypothesis damage and generate many files. Single slow tests elsewhere
#: carry ``@pytest.mark.slow`` themselves.
SLOW_GROUPS = ("tests/test_notebooks.py", "tests/test_packaging.py", "tests/trust/", "tests/viz/test_html.py")


def pytest_collection_modifyitems(config, items):
    root = Path(__file__).resolve().parents[1]
    for item in items:
        where = Path(str(item.fspath)).resolve()
        relative = where.relative_to(root).as_posix() if where.is_relative_to(root) else where.as_posix()
        doctest = type(item).__name__ == "DoctestItem"  # each loads the demo network: together a minute
        real_data = "facebook" in item.nodeid or "enron" in getattr(item, "fixturenames", ())
        if doctest or real_data or any(relative.startswith(group) for group in SLOW_GROUPS):
            item.add_marker(pytest.mark.slow)
