"""The team demo: Jane Jones and two friends pool their networks, each keeping their own mailbox.

Jane (:mod:`netgraph.datasets.demo`) is joined by Aisha Khan, her former
colleague at Orchid Health, who knows Orchid's people and Mary Lee at Novagen
well and has friends at Corvid Bio; and by Nina Alvarez, a recruiter friend at
Hunter & Vale who places people in pharmaceutical companies: she knows Laura Chen at
Helix Therapeutics and Daniel Weber at Novagen directly, and the people of
Altamira Biologics, a company nobody else of the team knows.

Aisha's and Nina's networks are told with the demo's story-telling tools and
written as real exports (LinkedIn, address book, mailbox, calendar) by
:mod:`netgraph.datasets.writers`; the people they share with Jane have the same
addresses and profiles as in Jane's exports, as real people would. Each member's
exports are loaded and turned into a share file
(:func:`netgraph.analysis.team.make_share`), with the demo's team secret; the
shares and the team's ``netgraph.toml`` are in ``datasets/team/``, and a test
checks that ``python -m netgraph.datasets.team DIR`` writes the same files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
from importlib import resources
from pathlib import Path

from .._lazy import pd
from ..io.export import write_config
from ..io.load import load
from ..io.share import write_share
from . import synth
from .demo import SEED, TODAY, _Story, jane
from .writers import write_exports

__all__ = ["SECRET", "TARGETS", "team_path", "aisha", "nina", "write_team"]

#: The demo team's secret. A real team picks its own and never commits it.
SECRET = "netgraph demo team: not a secret"
#: The companies the team looks at for Jane.
TARGETS = ["Novagen", "Helix Therapeutics", "Meridian Pharma", "Altamira Biologics"]
_ALTAMIRA = ("Altamira Biologics", "biotechnology", "altamirabio.com", "Altamira")
_START = dt.date(2022, 11, 1)


def team_path() -> Path:
    """Where the demo team's share files live."""
    return Path(str(resources.files("netgraph.datasets") / "team"))


class _Member(_Story):
    """A member's story: Jane's people keep the addresses they have in Jane's network."""

    def __init__(self, seed: int, jane_people: pd.DataFrame):
        super().__init__(seed)
        self.jane = jane_people.fillna("").set_index("name", drop=False)
        self.taken |= set(jane_people["name"])
        name, industry, domain, _ = _ALTAMIRA
        self.domains[name], self.industry[name] = domain, industry

    def known(self, name: str, *, closeness: int | None = None, connected_on: str = "") -> str:
        """One of Jane's people, as this member knows them (same address, employer and title)."""
        return self._as_known(self.jane.loc[name], closeness=closeness, connected_on=connected_on)

    def _as_known(self, row, *, closeness: int | None = None, connected_on: str = "") -> str:
        return self.person(row["name"], row["company"], row["title"], past=row["past_companies"],
                           email=row["email"].split(";")[0], closeness=closeness, connected_on=connected_on,
                           location=row["location"])

    def of_jane(self, company: str, k: int, skip: int = 0) -> list[str]:
        """``k`` of Jane's people at ``company`` (after the first ``skip``), as this member knows them."""
        rows = self.jane[(self.jane["company"] == company) & ~self.jane.index.duplicated(keep=False)]
        rows = rows[~rows["email"].isin(self.emails)].iloc[skip:skip + k]
        return [self._as_known(row, connected_on="2021-06-01") for _, row in rows.iterrows()]

    def knit(self, members: list[str], density: float, since: str = "") -> None:
        """Ties among a group the member knows of, each pair with probability ``density``."""
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if self.rng.random() < density:
                    self.tie(a, b, round(float(self.rng.beta(2, 3)), 2), since)

    def done(self, me: str, emails: list[str]) -> synth.Synthetic:
        self.invitations(since=_START)
        phonebook = {p["email"] for p in self.people[1:] if p["closeness"]}
        network = self.finish(phonebook)
        companies = pd.concat([network.companies, pd.DataFrame(
            [dict(zip(["name", "industry", "domains", "aliases"], _ALTAMIRA))])], ignore_index=True)
        return dataclasses.replace(network, me=me, emails=emails, targets=TARGETS, companies=companies,
                                   introductions=pd.DataFrame(columns=["date", "introducer", "introduced", "to",
                                                                       "status", "updated_introducer_on", "note"]))


def aisha(seed: int = SEED + 1) -> synth.Synthetic:
    """Aisha Khan's network: Orchid Health, Mary Lee at Novagen, friends at Corvid Bio."""
    s = _Member(seed, jane().people)
    s.person("Aisha Khan", "Orchid Health", "Senior Marketing Manager", email="aisha.khan@orchidhealth.com",
             past="Vertex Health")
    jane_ = s.known("Jane Jones", closeness=5)
    tom, mary = s.known("Tom Becker", closeness=3, connected_on="2020-02-12"), s.known(
        "Mary Lee", closeness=4, connected_on="2019-08-02")
    orchid = [tom, mary] + s.of_jane("Orchid Health", 16, skip=2)
    novagen = s.of_jane("Novagen", 4, skip=3)
    vertex = s.crowd(8, "Vertex Health", tags="former colleague")
    corvid = s.crowd(5, "Corvid Bio", personal=True, tags="friend")
    s.connect(orchid[2:] + novagen + vertex, dt.date(2018, 1, 1), dt.date(2026, 6, 1), share=0.9)
    s.knit(vertex, 0.3, since="2016-01-01")
    s.knit(corvid, 0.4)
    for person in novagen:
        s.tie(mary, person, 0.6, note="Mary's team")
    s.tie(vertex[0], corvid[0], 0.3)
    s.tie(vertex[3], corvid[2], 0.3)
    s.rhythm([jane_], 40, closeness=0)
    s.rhythm([mary], 20, closeness=0)
    s.rhythm(orchid[:10], 20, closeness=1)
    s.rhythm(orchid[10:], 4, closeness=2)
    s.rhythm(novagen, 3, start=dt.date(2024, 1, 1), closeness=2)
    s.rhythm(vertex, 2, closeness=2)
    s.rhythm(corvid, 12, closeness=1)
    s.event("2026-07-02", jane_, "me", "message", "give", "recommendation")
    return s.done("Aisha Khan", ["aisha.khan@orchidhealth.com"])


def nina(seed: int = SEED + 2) -> synth.Synthetic:
    """Nina Alvarez's network: recruiters, the pharmaceutical companies she places people in, Altamira."""
    s = _Member(seed, jane().people)
    s.person("Nina Alvarez", "Hunter & Vale", "Principal, Life Sciences Practice", email="nina.alvarez@huntervale.com",
             past="Talentbridge Search")
    jane_ = s.known("Jane Jones", closeness=4)
    laura, daniel = s.known("Laura Chen", connected_on="2022-09-14"), s.known("Daniel Weber",
                                                                           connected_on="2023-03-01")
    recruiters = [s.known("Mark Delaney", connected_on="2019-04-02")] + s.of_jane("Hunter & Vale", 2) \
        + s.of_jane("Talentbridge Search", 2)
    helix = [laura] + s.of_jane("Helix Therapeutics", 4, skip=3) + s.crowd(3, "Helix Therapeutics",
                                                                          location="San Diego")
    meridian = s.of_jane("Meridian Pharma", 3, skip=4) + s.crowd(3, "Meridian Pharma")
    altamira = s.crowd(8, "Altamira Biologics", location="Cambridge")
    pharma = helix + meridian + altamira + [daniel]
    s.connect(recruiters + pharma, dt.date(2018, 1, 1), dt.date(2026, 9, 1), share=0.95)
    s.knit(helix, 0.4)
    s.knit(altamira, 0.4)
    s.knit(recruiters, 0.5)
    s.tie(laura, altamira[0], 0.5, note="Zenith Therapeutics colleagues")
    s.rhythm([jane_], 16, closeness=1)
    s.rhythm(recruiters, 10, closeness=1)
    s.rhythm([laura, daniel] + altamira[:3], 8, closeness=1, to_them=0.6)
    s.rhythm(pharma, 2, start=dt.date(2023, 6, 1), closeness=2, to_them=0.7)
    s.event("2026-10-05", "me", jane_, "email", "give", "a brand role at Helix")
    return s.done("Nina Alvarez", ["nina.alvarez@huntervale.com"])


def write_team(folder: str | Path, *, exports: str | Path | None = None) -> Path:
    """Write the demo team's share files and ``netgraph.toml`` into ``folder``.

    Each member's exports are written (into ``exports``, else a temporary
    folder), loaded and shared as a member would: Jane's from the bundled demo.

    Returns
    -------
    Path
        The folder.
    """
    from ..analysis.team import make_share  # as a member makes hers (the one exception to the layers: pyproject)

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        where = Path(exports or scratch)
        members = {"jane": load()}
        for name, network in (("aisha", aisha()), ("nina", nina())):
            members[name] = load(write_exports(network, where / name))
        for name, net in members.items():
            write_share(make_share(net.graph, secret=SECRET), folder / f"{name}.netshare")
    write_config(folder, me="Jane Jones", targets=TARGETS, today=TODAY)
    return folder


def main(argv: list[str] | None = None) -> int:
    """``python -m netgraph.datasets.team DIR [EXPORTS]``: write the demo team's shares (and exports)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (1, 2):
        print("usage: python -m netgraph.datasets.team DIR [EXPORTS]", file=sys.stderr)
        return 2
    write_team(argv[0], exports=argv[1] if len(argv) > 1 else None)
    print(f"wrote the demo team's share files to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
