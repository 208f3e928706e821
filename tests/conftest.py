"""Shared fixtures: the demo network, the real public data beside the project."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import netgraph

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


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
