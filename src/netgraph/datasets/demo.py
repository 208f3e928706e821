"""The demo network: Jane Jones, a marketing director in transition.

Jane studied at Northfield University, was a brand manager at Brightwave Foods
(2012-2016), a senior marketing manager at Kestrel Media (2016-2020) and the
marketing director of Orchid Health until June 2026. Now she is looking at
pharmaceutical companies, Novagen and Helix Therapeutics first.

Her network holds what a real one does: a few close friends she talks to every
week; former colleagues from three employers, most of them quiet now; Diane
Okafor, her old boss at Kestrel, once a weekly contact, silent since mid-2024,
who happens to know Helix's head of marketing; Stan Whitfield, the consultant
friend who introduced her to Priya Raman at Novagen in 2024 and to Omar Hassan
at Meridian Pharma this September (she met Omar, and never told Stan); Tom Becker,
whom she has asked for one favour after another this year; Mark Delaney, a
recruiter who called three times in October and was never called back; and
two different David Chens.

The crowd around these people is drawn with :mod:`netgraph.datasets.synth` from a fixed
seed, so the network is the same on every machine. ``python -m netgraph.datasets.demo
DIR`` writes it; the copy in ``data/sample/`` is that output, and a test checks
that they agree.
"""

from __future__ import annotations

import datetime as dt
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from ..model.keys import slug
from ..model.tables import ENDORSEMENT, INVITATION, RECOMMENDATION
from . import synth
from .writers import write_exports

__all__ = ["jane", "TODAY"]

TODAY = dt.date(2026, 11, 1)
START = dt.date(2022, 11, 1)
SEED = 20261101

_COMPANIES = [
    # name, industry, domain, aliases
    ("Novagen", "pharmaceuticals", "novagen.com", "Novagen Inc.;Novagen Pharmaceuticals"),
    ("Helix Therapeutics", "pharmaceuticals", "helixtx.com", "Helix;Helix Therapeutics Inc."),
    ("Meridian Pharma", "pharmaceuticals", "meridianpharma.com", "Meridian Pharmaceuticals"),
    ("Corvid Bio", "biotechnology", "corvidbio.com", "Corvid Biosciences"),
    ("Lumen Pharma", "pharmaceuticals", "lumenpharma.com", ""),
    ("Sable Biosciences", "biotechnology", "sablebio.com", ""),
    ("Orchid Health", "healthcare", "orchidhealth.com", "Orchid Health Inc."),
    ("Kestrel Media", "media", "kestrelmedia.com", "Kestrel"),
    ("Brightwave Foods", "consumer goods", "brightwavefoods.com", "Brightwave"),
    ("Cobalt Consulting", "consulting", "cobaltconsulting.com", "Cobalt"),
    ("Talentbridge Search", "recruiting", "talentbridge.com", "Talentbridge"),
    ("Hunter & Vale", "recruiting", "huntervale.com", "Hunter and Vale"),
    ("Apex Executive Search", "recruiting", "apexsearch.com", "Apex Search"),
    ("Harbor Creative", "advertising", "harborcreative.com", ""),
    ("Summit Analytics", "technology", "summitanalytics.com", ""),
    ("Willow Care", "healthcare", "willowcare.com", ""),
    ("Granite Capital", "finance", "granitecapital.com", ""),
    ("Aster Brands", "consumer goods", "asterbrands.com", ""),
    ("Beacon Media", "media", "beaconmedia.com", ""),
    ("Cedar Partners", "consulting", "cedarpartners.com", ""),
    ("Quartz Labs", "technology", "quartzlabs.com", ""),
    ("Northfield University", "education", "northfield.edu", "Northfield"),
    ("Vertex Health", "healthcare", "vertexhealth.com", ""),
    ("Pioneer Foods", "consumer goods", "pioneerfoods.com", ""),
    ("Atlas Agency", "advertising", "atlasagency.com", ""),
    ("Crescent Studios", "media", "crescentstudios.com", ""),
    ("Zenith Therapeutics", "pharmaceuticals", "zenithtx.com", ""),
]


#: The named characters: the crowd never takes their names.
_CAST = ("Jane Jones", "Emma Clarke", "Raj Patel", "Ben Hoffmann", "Diane Okafor", "Grace Kim", "Tom Becker",
         "Aisha Khan", "Mary Lee", "David Chen", "Stan Whitfield", "Mark Delaney", "Priya Raman", "Daniel Weber",
         "Laura Chen", "Omar Hassan", "José Núñez")


class _Story:
    """Accumulates people, ties, interactions and introductions as the story is told."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.names = synth.NameMaker(self.rng)
        self.domains = {name: domain for name, _, domain, _ in _COMPANIES}
        self.industry = {name: industry for name, industry, _, _ in _COMPANIES}
        self.people: list[dict] = []
        self.emails: set[str] = set()
        self.taken: set[str] = set(_CAST)
        self.ties: list[dict] = []
        self.events: list[pd.DataFrame] = []
        self.intros: list[dict] = []
        self.recurring: list[dict] = []

    # -- people ---------------------------------------------------------------------------------------
    def person(self, name: str, company: str, title: str, *, past: str = "", personal: bool = False,
               location: str = "Boston", closeness: int | None = None, connected_on: str = "",
               tags: str = "", email: str | None = None) -> str:
        """Add one person; returns their e-mail address (how the tables refer to them)."""
        if email is None:
            local = slug(name).replace("-", ".")
            domain = "gmail.com" if personal or not company else self.domains[company]
            email = f"{local}@{domain}"
            n = 2
            while email in self.emails:
                email = f"{local}{n}@{domain}"
                n += 1
        self.emails.add(email)
        self.taken.add(name)
        self.people.append({"name": name, "email": email, "company": company, "title": title,
                            "past_companies": past, "location": location, "tags": tags,
                            "industry": self.industry.get(company, ""),
                            "closeness": "" if closeness is None else str(closeness),
                            "connected_on": connected_on})
        return email

    def crowd(self, k: int, company: str, *, past: str = "", personal: bool = False, tags: str = "",
              location: str = "Boston") -> list[str]:
        """``k`` generated people at ``company`` with titles of its industry."""
        titles = synth._TITLES.get(self.industry.get(company, ""), ["Manager", "Director", "Analyst"])
        out = []
        while len(out) < k:
            first, last = self.names.names(1)
            name = f"{first[0]} {last[0]}"
            if name in self.taken:
                continue
            title = titles[self.rng.integers(len(titles))]
            out.append(self.person(name, company, title, past=past, personal=personal, tags=tags,
                                   location=location))
        return out

    def connect(self, people: list[str], since: dt.date, until: dt.date = TODAY, share: float = 0.8) -> None:
        """Most of these people are my LinkedIn connections, connected between the two dates."""
        span = (until - since).days
        for email in people:
            if self.rng.random() < share:
                record = next(p for p in self.people if p["email"] == email)
                record["connected_on"] = str(since + dt.timedelta(days=int(self.rng.integers(max(span, 1)))))

    # -- ties -----------------------------------------------------------------------------------------
    def tie(self, a: str, b: str, strength: float | None = None, since: str = "", note: str = "") -> None:
        self.ties.append({"a": a, "b": b, "strength": "" if strength is None else f"{strength:.2f}",
                          "since": since, "note": note})

    def knit(self, members: list[str], density: float, since: str = "") -> None:
        """Ties among a group, each pair with probability ``density`` (as colleagues know each other)."""
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if self.rng.random() < density:
                    strength = None if self.rng.random() < 0.4 else round(float(self.rng.beta(2, 3)), 2)
                    self.tie(a, b, strength, since)

    def bridge(self, group_a: list[str], group_b: list[str], k: int) -> None:
        """``k`` random ties between two groups (people who moved, met at conferences...)."""
        for _ in range(k):
            a = group_a[self.rng.integers(len(group_a))]
            b = group_b[self.rng.integers(len(group_b))]
            if a != b:
                self.tie(a, b, round(float(self.rng.beta(2, 4)), 2))

    # -- interactions ---------------------------------------------------------------------------------
    def rhythm(self, others: list[str], per_year: float, start: dt.date = START, end: dt.date = TODAY, *,
               to_them: float = 0.5, closeness: int = 1) -> None:
        """Jane's contacts with each of ``others`` as a Poisson process of ``per_year`` a year."""
        if not others:
            return
        k = len(others)
        rate = per_year * self.rng.lognormal(0, 0.25, k)
        self.events.append(synth.histories(
            self.rng, np.full(k, "me", dtype=object), np.array(others, dtype=object), rate,
            np.full(k, np.datetime64(start, "D")), np.full(k, np.datetime64(end, "D")),
            to_b=np.full(k, to_them), closeness=np.full(k, closeness)))

    def event(self, date: str, sender: str, recipient: str, channel: str, kind: str = "other", note: str = "") -> None:
        self.events.append(pd.DataFrame([{"date": pd.Timestamp(date), "from": sender, "to": recipient,
                                          "channel": channel, "kind": kind, "note": note}]))

    def intro(self, date: str, introducer: str, introduced: str, status: str, updated: str = "",
              note: str = "") -> None:
        self.intros.append({"date": date, "introducer": introducer, "introduced": introduced, "to": "",
                            "status": status, "updated_introducer_on": updated, "note": note})

    def series(self, other: str, first: str, last: str, *, skip: tuple[str, ...] = (),
               moved: dict[str, str] | None = None) -> None:
        """A weekly meeting with ``other``: one occurrence a week, minus ``skip``, some ``moved``."""
        moved = moved or {}
        days = [d for d in pd.date_range(first, last, freq="7D") if str(d.date()) not in skip]
        starts = [pd.Timestamp(moved.get(str(d.date()), str(d.date()))) + pd.Timedelta(hours=15) for d in days]
        self.recurring.append({"other": other, "first": pd.Timestamp(first) + pd.Timedelta(hours=15),
                               "last": pd.Timestamp(last) + pd.Timedelta(hours=15),
                               "skip": [pd.Timestamp(d) + pd.Timedelta(hours=15) for d in skip],
                               "moved": {pd.Timestamp(a) + pd.Timedelta(hours=15): pd.Timestamp(b)
                                         + pd.Timedelta(hours=15) for a, b in moved.items()}})
        self.events.append(pd.DataFrame({"date": starts, "from": "me", "to": other, "channel": "meeting",
                                         "kind": "update", "note": "weekly 1:1", "_series": len(self.recurring)}))

    def invitations(self, since: dt.date) -> None:
        """LinkedIn invitations behind the connections made since ``since`` (most of them came to me)."""
        for person in self.people[1:]:
            if person["connected_on"] and person["connected_on"] >= str(since):
                day = pd.Timestamp(person["connected_on"]) - pd.Timedelta(days=1)
                inbound = self.rng.random() < 0.7 or "recruiter" in person["tags"]  # recruiters reach out
                self.events.append(pd.DataFrame([{
                    "date": day, "from": person["email"] if inbound else "me",
                    "to": "me" if inbound else person["email"], "channel": "message", "kind": "social",
                    "note": INVITATION}]))

    def finish(self, phonebook: set[str]) -> synth.Synthetic:
        companies = pd.DataFrame(_COMPANIES, columns=["name", "industry", "domains", "aliases"])
        interactions = pd.concat(self.events, ignore_index=True)
        interactions = interactions[interactions["date"] <= pd.Timestamp(TODAY)]
        # contacts happen in working hours: a stable pseudo-random minute between 8:00 and 18:00
        untimed = interactions["date"] == interactions["date"].dt.normalize()
        minutes = pd.util.hash_pandas_object(interactions[["date", "from", "to"]], index=False) % 600
        interactions.loc[untimed, "date"] += pd.to_timedelta(480 + minutes[untimed], unit="min")
        interactions = interactions.sort_values(["date", "from", "to"], kind="stable", ignore_index=True)
        interactions["date"] = interactions["date"].dt.strftime("%Y-%m-%dT%H:%M:%S")
        interactions["note"] = interactions["note"].fillna("")
        people = pd.DataFrame(self.people)
        people["linkedin_url"] = [
            f"https://www.linkedin.com/in/{slug(p['name'])}-{zlib.crc32(p['email'].encode()) % 16**6:06x}"
            if p["connected_on"] else "" for p in self.people]
        people["phone"] = [_phone(i) if p["email"] in phonebook else "" for i, p in enumerate(self.people)]
        return synth.Synthetic(
            people=people, interactions=interactions, ties=pd.DataFrame(self.ties),
            introductions=pd.DataFrame(self.intros), companies=companies[["name", "aliases", "domains", "industry"]],
            me="Jane Jones", emails=["jane.jones@example.com", "jane.jones@orchidhealth.com"],
            targets=["Novagen", "Helix Therapeutics"], today=TODAY, extra={"recurring": self.recurring})


def _phone(i: int) -> str:
    """Phone numbers written the several ways address books hold them."""
    number = 1000 + 37 * i % 9000
    styles = (f"(617) 555-{number:04d}", f"+1 617-555-{number:04d}", f"617.555.{number:04d}")
    return styles[i % 3]


def jane(seed: int = SEED) -> synth.Synthetic:
    """Jane Jones's network (see the module docstring), as canonical tables."""
    s = _Story(seed)
    s.person("Jane Jones", "", "Marketing Director (in transition)", email="jane.jones@example.com",
             past="Orchid Health;Kestrel Media;Brightwave Foods")
    s.people[0]["email"] = "jane.jones@example.com;jane.jones@orchidhealth.com"

    # Northfield University friends
    emma = s.person("Emma Clarke", "Harbor Creative", "Creative Director", personal=True, closeness=5,
                    connected_on="2011-03-02", tags="university;friend")
    raj = s.person("Raj Patel", "Meridian Pharma", "Market Access Lead", personal=True, closeness=4,
                   connected_on="2011-05-20", tags="university")
    uni = [emma, raj] + s.crowd(8, "", personal=True, tags="university") \
        + [s.crowd(1, c, personal=True, tags="university")[0] for c in
           ("Summit Analytics", "Granite Capital", "Vertex Health", "Beacon Media", "Lumen Pharma",
            "Willow Care", "Sable Biosciences", "Quartz Labs")]
    s.connect(uni[2:], dt.date(2011, 1, 1), dt.date(2015, 1, 1))
    s.knit(uni, 0.25, since="2008-09-01")

    # Brightwave Foods, 2012-2016
    ben = s.person("Ben Hoffmann", "Aster Brands", "VP Marketing", past="Brightwave Foods", closeness=3,
                   connected_on="2012-06-11", tags="former boss")
    brightwave = [ben] + s.crowd(19, "Brightwave Foods") + s.crowd(
        8, "Pioneer Foods", past="Brightwave Foods") + s.crowd(3, "Aster Brands", past="Brightwave Foods")
    s.connect(brightwave[1:], dt.date(2012, 6, 1), dt.date(2017, 1, 1), share=0.9)
    s.knit(brightwave, 0.14, since="2012-06-01")

    # Kestrel Media, 2016-2020
    diane = s.person("Diane Okafor", "Crescent Studios", "Chief Marketing Officer",
                     past="Kestrel Media;Zenith Therapeutics", closeness=4, connected_on="2016-04-18",
                     tags="former boss;mentor")
    grace = s.person("Grace Kim", "Kestrel Media", "Head of Partnerships", connected_on="2016-05-02")
    kestrel = [diane, grace] + s.crowd(20, "Kestrel Media") + s.crowd(6, "Beacon Media", past="Kestrel Media") \
        + s.crowd(2, "Crescent Studios", past="Kestrel Media")
    s.connect(kestrel[2:], dt.date(2016, 4, 1), dt.date(2021, 1, 1), share=0.9)
    s.knit(kestrel, 0.14, since="2016-04-01")

    # Orchid Health, 2020-2026
    tom = s.person("Tom Becker", "Orchid Health", "Director of Sales", closeness=4, connected_on="2020-02-10")
    aisha = s.person("Aisha Khan", "Orchid Health", "Senior Marketing Manager", closeness=5,
                     connected_on="2020-03-01", tags="my team")
    mary = s.person("Mary Lee", "Novagen", "Associate Director, Brand", past="Orchid Health",
                    connected_on="2020-09-14")
    david_orchid = s.person("David Chen", "Orchid Health", "Data Scientist", connected_on="2021-01-12")
    orchid = [tom, aisha, mary, david_orchid] + s.crowd(34, "Orchid Health") + s.crowd(
        4, "Willow Care", past="Orchid Health")
    s.connect(orchid[4:], dt.date(2020, 2, 1), dt.date(2026, 6, 30), share=0.85)
    s.knit(orchid, 0.13, since="2020-02-01")

    # Industry: the pharma marketing forum, agencies, consultants
    stan = s.person("Stan Whitfield", "Cobalt Consulting", "Partner", closeness=5, connected_on="2017-10-05",
                    tags="industry;friend")
    david_helix = s.person("David Chen", "Summit Analytics", "Head of Data Partnerships",
                           connected_on="2023-05-09", tags="industry")
    industry = [stan, david_helix] + [s.crowd(1, c, tags="industry")[0] for c in (
        "Meridian Pharma", "Meridian Pharma", "Corvid Bio", "Corvid Bio", "Lumen Pharma", "Sable Biosciences",
        "Zenith Therapeutics", "Atlas Agency", "Atlas Agency", "Harbor Creative", "Cedar Partners",
        "Cedar Partners", "Cobalt Consulting", "Vertex Health", "Quartz Labs", "Granite Capital",
        "Summit Analytics", "Willow Care", "Beacon Media", "Crescent Studios", "Zenith Therapeutics")]
    s.connect(industry[2:], dt.date(2017, 1, 1), dt.date(2026, 9, 1), share=0.9)
    s.knit(industry, 0.08)

    # The board of a marketing non-profit Jane volunteers for
    board = [s.crowd(1, c, tags="board")[0] for c in ("Atlas Agency", "Granite Capital", "Vertex Health",
                                                      "Pioneer Foods", "Quartz Labs", "Willow Care")]
    s.connect(board, dt.date(2021, 9, 1), dt.date(2022, 3, 1), share=1.0)
    s.knit(board, 0.6, since="2021-09-01")

    # Recruiters
    mark = s.person("Mark Delaney", "Talentbridge Search", "Executive Search Partner", connected_on="2024-02-20",
                    tags="recruiter")
    recruiters = [mark] + s.crowd(2, "Talentbridge Search", tags="recruiter") + s.crowd(
        2, "Hunter & Vale", tags="recruiter") + s.crowd(2, "Apex Executive Search", tags="recruiter")
    s.connect(recruiters[1:], dt.date(2019, 1, 1), dt.date(2026, 8, 1), share=0.7)
    s.knit(recruiters, 0.3)

    # The targets, and who in Jane's world knows them
    priya = s.person("Priya Raman", "Novagen", "Director of Brand Strategy", connected_on="2024-05-20")
    daniel = s.person("Daniel Weber", "Novagen", "VP Marketing")
    novagen = [priya, mary, daniel] + s.crowd(11, "Novagen", location="Philadelphia")
    s.knit(novagen, 0.3)
    laura = s.person("Laura Chen", "Helix Therapeutics", "VP Marketing", past="Zenith Therapeutics")
    omar = s.person("Omar Hassan", "Meridian Pharma", "Director, Commercial Strategy", connected_on="2026-10-03")
    helix = [laura] + s.crowd(10, "Helix Therapeutics", location="San Diego")
    s.knit(helix, 0.3)
    others = s.crowd(9, "Meridian Pharma") + s.crowd(6, "Corvid Bio") + s.crowd(4, "Zenith Therapeutics") \
        + s.crowd(4, "Lumen Pharma") + s.crowd(3, "Sable Biosciences")
    s.knit(others, 0.1)

    jose = s.person("José Núñez", "Lumen Pharma", "Head of Brand", connected_on="2022-05-17", tags="industry")
    industry.append(jose)
    s.tie(stan, priya, 0.7, since="2019-03-01", note="worked together on a launch")
    s.tie(stan, omar, 0.6, since="2021-06-01")
    s.tie(diane, laura, 0.85, since="2014-01-01", note="Zenith Therapeutics colleagues")
    s.tie(diane, helix[3], 0.5, since="2015-01-01")
    s.tie(mary, daniel, 0.8, since="2025-02-01", note="Mary reports to Daniel")
    s.tie(raj, others[0], 0.7)
    s.tie(raj, novagen[4], 0.25, note="met at a conference")
    s.tie(david_helix, novagen[6], 0.4)
    s.bridge(uni, industry, 4)
    s.bridge(brightwave, kestrel, 4)
    s.bridge(kestrel, orchid, 4)
    s.bridge(orchid, industry, 6)
    s.bridge(industry, others, 14)
    s.bridge(industry, novagen[3:], 3)
    # Helix is two hops away only through Diane; other routes there are longer
    s.bridge(recruiters, novagen + others, 6)
    s.bridge(others[12:], helix[2:], 4)
    s.bridge(others, novagen, 6)
    s.bridge(board, industry + uni, 3)

    # Rhythms of contact, 2022-11 to 2026-11
    orchid_end = dt.date(2026, 6, 30)
    s.rhythm([emma], 70, closeness=0)
    s.rhythm([stan], 30, closeness=0)
    s.rhythm([aisha], 60, end=orchid_end, closeness=0)
    s.rhythm([aisha], 14, start=orchid_end, closeness=0)
    s.rhythm([tom], 50, end=orchid_end, closeness=0)
    s.rhythm([tom], 4, start=orchid_end, closeness=1, to_them=0.8)
    s.rhythm([raj], 14, closeness=1)
    s.rhythm([diane], 45, end=dt.date(2024, 6, 15), closeness=0)
    s.rhythm([ben], 20, end=dt.date(2023, 8, 1), closeness=1)
    s.rhythm([grace], 14, end=dt.date(2024, 1, 20), closeness=1)
    s.rhythm([mary], 30, end=dt.date(2025, 1, 31), closeness=1)
    s.rhythm([mary], 3, start=dt.date(2025, 2, 1), closeness=1)
    s.rhythm([priya], 3, start=dt.date(2024, 5, 20), closeness=2)
    s.rhythm(orchid[3:14], 24, end=orchid_end, closeness=1)
    s.rhythm(orchid[14:], 6, end=orchid_end, closeness=2)
    s.rhythm(orchid[3:10], 2, start=orchid_end, closeness=2)
    s.rhythm(uni[2:8], 3, closeness=1)
    s.rhythm(uni[8:], 0.7, closeness=2)
    s.rhythm(kestrel[2:10], 1.5, closeness=2)
    s.rhythm(brightwave[1:8], 0.8, closeness=2)
    s.rhythm(industry[1:12], 4, closeness=2)
    s.rhythm(industry[12:], 1.2, closeness=2)
    s.rhythm(recruiters[1:], 1.5, to_them=0.3, closeness=2)
    s.rhythm(board, 5, closeness=1)
    s.rhythm([jose], 6, start=dt.date(2022, 5, 17), closeness=1)
    s.series(aisha, "2025-01-06", "2026-06-29", skip=("2025-12-29", "2026-05-25"), moved={"2026-02-16": "2026-02-18"})
    s.invitations(since=START)

    # Hand-placed events
    for day, note in (("2026-01-14", "reference for a board role"), ("2026-03-02", "intro to his VP"),
                      ("2026-05-19", "feedback on my CV"), ("2026-07-08", "referral at Meridian"),
                      ("2026-09-10", "second reference"), ("2026-10-21", "coffee with his contact at Corvid")):
        s.event(day, "me", tom, "email", "ask", note)
    for day, note in (("2025-11-04", "sent me the Novagen org chart"), ("2026-02-11", "reviewed my deck"),
                      ("2026-06-30", "shared two job leads"), ("2026-08-19", "mock interview")):
        s.event(day, stan, "me", "meeting", "give", note)
    s.event("2026-03-15", "me", emma, "message", "give", "proofread her pitch")
    for day in ("2026-10-08", "2026-10-15", "2026-10-27"):
        s.event(day, mark, "me", "call", "other", "about a VP Marketing search")
    s.event("2026-10-12", novagen[5], "me", "email", "other", "Novagen careers: marketing roles")
    s.event("2026-09-25", "me", omar, "email", "update", "thanks for your time")
    s.event("2026-10-02", omar, "me", "meeting", "social", "coffee")
    s.event("2026-10-20", "me", mary, "message", "ask", "would you introduce me to Daniel?")
    # On LinkedIn: Diane recommended her when she left Kestrel; she recommended Aisha when Aisha moved on
    s.event("2023-11-08 10:30", diane, "me", "message", "give", RECOMMENDATION)
    s.event("2026-07-02 09:15", "me", aisha, "message", "give", RECOMMENDATION)
    for day, who in (("2024-03-12 18:05", grace), ("2024-03-13 08:41", kestrel[2]), ("2025-05-06 19:20", raj)):
        s.event(day, who, "me", "other", "social", ENDORSEMENT)
    s.event("2025-05-07 07:55", "me", raj, "other", "social", ENDORSEMENT)

    # Introductions
    s.intro("2024-05-14", stan, priya, "met", "2024-05-30", "Novagen brand strategy")
    s.intro("2026-09-18", stan, omar, "met", "", "Meridian commercial strategy")
    s.intro("2025-02-10", emma, others[1], "met", "2025-02-25")
    s.intro("2025-09-03", tom, others[7], "made", "")
    s.intro("2026-08-12", aisha, orchid[20], "met", "")
    s.intro("2023-06-20", raj, others[0], "met", "2023-07-01")
    s.intro("2023-03-07", diane, kestrel[12], "met", "2023-03-20")
    s.intro("2026-10-20", mary, daniel, "requested", "", "asked Mary for an introduction")
    s.intro("2025-11-12", industry[6], others[12], "declined", "")
    s.intro("2024-10-01", industry[3], others[3], "met", "2024-10-15")
    s.intro("2026-04-22", emma, industry[9], "made", "")
    s.intro("2026-06-05", tom, others[9], "met", "")
    phonebook = {p["email"] for p in s.people[1:] if p["closeness"] or set(p["tags"].split(";")) & {
        "university", "friend", "my team", "board", "recruiter"}}
    phonebook |= {stan, tom, mary, omar, *orchid[4:40:3]}
    return s.finish(phonebook)


def main(argv: list[str] | None = None) -> int:
    """``python -m netgraph.datasets.demo [--canonical] DIR``: write the demo network's files into DIR.

    By default as the real exports a user would have (see
    :func:`netgraph.datasets.writers.write_exports`); with ``--canonical``, as the five
    canonical tables.
    """
    argv = sys.argv[1:] if argv is None else argv
    canonical = "--canonical" in argv
    folders = [a for a in argv if a != "--canonical"]
    if len(folders) != 1:
        print("usage: python -m netgraph.datasets.demo [--canonical] DIR", file=sys.stderr)
        return 2
    network = jane()
    folder = network.write(Path(folders[0])) if canonical else write_exports(network, Path(folders[0]))
    print(f"wrote Jane Jones's network to {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
