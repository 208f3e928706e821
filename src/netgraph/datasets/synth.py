"""Realistic synthetic professional networks, of any size, seeded and deterministic.

A generated network looks like a real one where it matters to the analyses:

- **companies** of Zipf-distributed sizes in a dozen industries, with domains
  and aliases; people with a current employer, past employers (mostly in the
  same industry), a school and a city;
- **relationships** formed in contexts — colleagues, former colleagues,
  classmates, neighbours, chance — with heavy-tailed activity (a few people
  know very many), so the graph is clustered and its degrees are skewed;
- **my ties** in Dunbar layers (about 5 closest, 15, 50, 150, then
  acquaintances and LinkedIn-only connections), a share of them dormant
  (formerly close, quiet for a year or more), and inbound contacts never
  answered;
- **interaction histories** as Poisson processes per tie (weekly for the
  closest), with directions, channels and kinds that follow the tie's nature.

Everything is vectorised with NumPy, so a million people and ten million
interactions take seconds, and every draw comes from one seeded generator.

Examples
--------
>>> from netgraph import synth
>>> s = synth.network(300, seed=1)
>>> len(s.people), s.me
(300, 'p000000')
>>> net = s.build()
>>> net.graph.number_of_nodes()
300
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .._lazy import pd

__all__ = ["network", "Synthetic", "NameMaker", "make_companies", "histories", "group_ties"]

FIRST_NAMES = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph "
    "Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Donald Ashley Steven "
    "Emily Andrew Kimberly Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah "
    "Timothy Stephanie Ronald Rebecca Jason Laura Edward Helen Jeffrey Sharon Ryan Cynthia Jacob Kathleen Gary Amy "
    "Nicholas Angela Eric Shirley Jonathan Anna Larry Ruth Justin Brenda Scott Pamela Frank Nicole Benjamin Katherine "
    "Samuel Samantha Gregory Christine Alexander Emma Patrick Catherine Raymond Debra Jack Rachel Dennis Carolyn "
    "Priya Arjun Wei Mei Hiroshi Yuki Aisha Omar Fatima Mohammed Sofia Mateo Lucia Diego Chloe Lucas Ingrid Lars "
    "Amara Kwame Ngozi Chinedu Olga Dmitri Ana Joao Giulia Marco Aylin Emre Leila Reza Nadia Tariq Sven Freya "
    "Hannah Noah Zoe Ethan Maya Liam Grace Owen Isla Felix Clara Hugo Elena Tomas Ines Rafael Keiko Kenji "
    "Min-jun Ji-woo"
).split()
LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson "
    "Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell "
    "Mitchell Carter Roberts Chen Wang Li Zhang Liu Patel Shah Singh Kumar Gupta Khan Ali Hassan Okafor Adeyemi "
    "Mensah Kowalski Novak Horvat Rossi Bianchi Ferrari Muller Schmidt Schneider Fischer Weber Meyer Dubois Laurent "
    "Moreau Silva Santos Oliveira Costa Pereira Yamamoto Tanaka Suzuki Sato Kim Park Choi Jung Larsen Hansen "
    "Johansson Lindberg Petrov Ivanova Murphy Kelly OBrien Byrne Walsh Ryan Becker Hoffmann Vogel Klein Wolf "
    "Delaney Whitfield Raman Okonkwo Fernandes Castillo Morales Ortiz Gutierrez Chavez Ramos Reyes Cruz Diaz Vargas"
).split()
_ROOTS = (
    "Nova Helix Kestrel Bright Orchid Cobalt Summit Vertex Lumen Aster Pioneer Harbor Granite Willow Crescent Atlas "
    "Beacon Cedar Meridian Quantum Sable Tidal Zenith Arbor Blue Coral Delta Ember Falcon Garnet Halo Iris Juniper "
    "Keystone Lattice Maple Nimbus Onyx Prism Quartz Raven Sierra Talon Umber Vanta Wren Xylo Yarrow Zephyr Alder "
    "Birch Cinder Dune Echo Fjord Glacier Heron Indigo Jade Kite Lark Mosaic North Opal Pine Quill Ridge Slate"
).split()
#: Company-name endings and the industry they suggest.
_ENDINGS = {
    "gen": "pharmaceuticals", "Pharma": "pharmaceuticals", "Therapeutics": "pharmaceuticals",
    "Bio": "biotechnology", "Biosciences": "biotechnology", "Health": "healthcare", "Care": "healthcare",
    "Media": "media", "Studios": "media", "Foods": "consumer goods", "Brands": "consumer goods",
    "Labs": "technology", "Systems": "technology", "Analytics": "technology", "Consulting": "consulting",
    "Partners": "consulting", "Capital": "finance", "Search": "recruiting", "Talent": "recruiting",
    "Agency": "advertising", "Creative": "advertising",
}
_TITLES = {
    "pharmaceuticals": ["Brand Manager", "Director of Marketing", "VP Marketing", "Medical Science Liaison",
                        "Regulatory Affairs Manager", "Market Access Lead", "Product Manager", "Sales Director"],
    "biotechnology": ["Research Scientist", "Head of Commercial", "Business Development Director",
                      "Marketing Manager", "Clinical Program Manager"],
    "healthcare": ["Marketing Director", "Operations Manager", "Physician", "Patient Experience Lead"],
    "media": ["Account Director", "Content Strategist", "Senior Marketing Manager", "Editor", "Producer"],
    "consumer goods": ["Brand Manager", "Category Manager", "Marketing Director", "Consumer Insights Lead"],
    "technology": ["Software Engineer", "Product Manager", "Data Scientist", "Engineering Manager",
                   "Growth Marketing Lead"],
    "consulting": ["Consultant", "Senior Manager", "Partner", "Principal"],
    "finance": ["Analyst", "Associate", "Investment Director", "Partner"],
    "recruiting": ["Recruiter", "Senior Recruiter", "Executive Search Partner", "Talent Partner"],
    "advertising": ["Creative Director", "Account Manager", "Strategy Director", "Copywriter"],
}
_SCHOOLS = ["Northfield University", "Westbrook College", "Lakeside University", "St. Aldric College",
            "Eastgate Institute of Technology", "Riverton University", "Southmoor Business School",
            "Highcrest University"]
_CITIES = ["Boston", "New York", "Philadelphia", "Chicago", "San Francisco", "London", "Basel", "Toronto",
           "Raleigh", "San Diego", "Berlin", "Amsterdam"]

_CHANNELS = np.array(["email", "message", "call", "meeting", "letter", "other"], dtype=object)
_KINDS = np.array(["ask", "give", "update", "intro", "social", "other"], dtype=object)
#: Channel mix by closeness (rows: close, medium, distant).
_CHANNEL_MIX = np.array([[0.20, 0.40, 0.15, 0.25, 0.00, 0.00],
                         [0.40, 0.30, 0.10, 0.18, 0.01, 0.01],
                         [0.60, 0.25, 0.05, 0.08, 0.01, 0.01]])
_KIND_MIX = np.array([0.08, 0.08, 0.24, 0.02, 0.38, 0.20])
_DAY = np.timedelta64(1, "D")


class NameMaker:
    """Plausible, varied full names and the addresses that go with them."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng

    def names(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        first = self.rng.choice(np.array(FIRST_NAMES, dtype=object), k)
        last = self.rng.choice(np.array(LAST_NAMES, dtype=object), k)
        return first, last

    @staticmethod
    def emails(first: np.ndarray, last: np.ndarray, domains: np.ndarray, serial: np.ndarray) -> np.ndarray:
        """``first.last@domain``, with a serial number only where needed to stay unique."""
        local = np.char.lower((first.astype(str) + "." + last.astype(str)).astype(str))
        local = np.char.replace(local, " ", "")
        frame = pd.DataFrame({"local": local, "domain": domains.astype(str)})
        nth = frame.groupby(["local", "domain"]).cumcount().to_numpy()
        suffix = np.where(nth > 0, (serial % 97 + nth).astype(str), "")
        return (frame["local"].to_numpy().astype(str) + suffix + "@" + frame["domain"].to_numpy().astype(str))


def make_companies(rng: np.random.Generator, k: int, *, reserved: tuple[str, ...] = ()) -> pd.DataFrame:
    """``k`` companies with unique names, domains, an alias and an industry."""
    names: list[str] = []
    industries: list[str] = []
    seen = {r.casefold() for r in reserved}
    endings = list(_ENDINGS)
    attempt = 0
    while len(names) < k:
        root = _ROOTS[rng.integers(len(_ROOTS))]
        ending = endings[rng.integers(len(endings))]
        joined = root + ending if ending.islower() else f"{root} {ending}"
        if attempt > 20 * len(_ROOTS) * len(endings):
            joined = f"{joined} {len(names)}"
        attempt += 1
        if joined.casefold() in seen:
            continue
        seen.add(joined.casefold())
        names.append(joined)
        industries.append(_ENDINGS[ending])
    domains = [n.lower().replace(" ", "") + ".com" for n in names]
    return pd.DataFrame({"name": names, "aliases": [f"{n} Inc." for n in names], "domains": domains,
                         "industry": industries})


def _pick_within(rng: np.random.Generator, group: np.ndarray, weight: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """For each anchor person, a partner from the anchor's own group, drawn by weight."""
    order = np.argsort(group, kind="stable")
    sorted_group = group[order]
    cum = np.cumsum(weight[order])
    start = np.searchsorted(sorted_group, group[anchors], side="left")
    end = np.searchsorted(sorted_group, group[anchors], side="right")
    low = np.where(start > 0, cum[start - 1], 0.0)
    high = cum[end - 1]
    pick = np.searchsorted(cum, low + rng.random(len(anchors)) * (high - low), side="right")
    return order[np.minimum(pick, len(order) - 1)]


def group_ties(rng: np.random.Generator, groups: list[np.ndarray], shares: list[float], activity: np.ndarray,
               m: int) -> np.ndarray:
    """About ``m`` distinct ties among people, formed inside groups.

    Each tie picks a context (group kind ``g`` with probability ``shares[g]``;
    a group label of -1 means "no group", and the last context may be chance:
    pass a single group for everyone), an anchor drawn by activity, and a
    partner of the anchor's group drawn by activity (a Chung-Lu model per
    group): heavy-tailed degrees and many triangles.

    Returns an ``(k, 2)`` array of person indices, ``u < v``, no duplicates.
    """
    n = len(activity)
    p = activity / activity.sum()
    counts = rng.multinomial(int(m * 1.15), np.asarray(shares) / np.sum(shares))
    pairs = []
    for group, count in zip(groups, counts):
        anchors = rng.choice(n, count, p=p)
        anchors = anchors[group[anchors] >= 0]
        partners = _pick_within(rng, group, activity, anchors)
        pairs.append(np.stack([anchors, partners], axis=1))
    drawn = np.concatenate(pairs)
    drawn = drawn[drawn[:, 0] != drawn[:, 1]]
    drawn.sort(axis=1)
    drawn = np.unique(drawn, axis=0)
    return drawn[rng.permutation(len(drawn))[:m]]


def histories(rng: np.random.Generator, a: np.ndarray, b: np.ndarray, rate: np.ndarray, start: np.ndarray,
              end: np.ndarray, *, to_b: np.ndarray, closeness: np.ndarray) -> pd.DataFrame:
    """Interaction histories of many ties at once.

    Tie ``i`` between ``a[i]`` and ``b[i]`` produces Poisson(``rate[i]`` per
    year) contacts, spread uniformly over ``[start[i], end[i])``
    (``datetime64[D]``); each goes from a to b with probability ``to_b[i]``;
    channels follow ``closeness[i]`` (0 close, 1 medium, 2 distant) and kinds
    a fixed mix. Returns columns ``date``, ``from``, ``to`` (the labels given),
    ``channel``, ``kind``.
    """
    days = np.maximum((end - start) / _DAY, 0).astype(float)
    counts = rng.poisson(rate * days / 365.25)
    tie = np.repeat(np.arange(len(a)), counts)
    offset = (rng.random(len(tie)) * days[tie]).astype(np.int64)
    when = start[tie] + offset * _DAY
    forward = rng.random(len(tie)) < to_b[tie]
    channel = _draw_rows(rng, _CHANNEL_MIX[closeness[tie]])
    kind = rng.choice(len(_KINDS), len(tie), p=_KIND_MIX)
    return pd.DataFrame({
        "date": when.astype("datetime64[ns]"),
        "from": np.where(forward, a[tie], b[tie]),
        "to": np.where(forward, b[tie], a[tie]),
        "channel": _CHANNELS[channel],
        "kind": _KINDS[kind],
    })


def _draw_rows(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a probability matrix."""
    cumulative = probabilities.cumsum(axis=1)
    return (rng.random((len(probabilities), 1)) > cumulative).sum(axis=1).clip(max=probabilities.shape[1] - 1)


@dataclass
class Synthetic:
    """A generated network: canonical tables plus the ``netgraph.toml`` settings."""

    people: pd.DataFrame
    interactions: pd.DataFrame
    ties: pd.DataFrame
    introductions: pd.DataFrame
    companies: pd.DataFrame
    me: str
    emails: list[str]
    targets: list[str]
    today: dt.date
    extra: dict = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The canonical tables (bookkeeping columns, named ``_...``, left out)."""
        tables = {"people": self.people, "interactions": self.interactions, "ties": self.ties,
                  "introductions": self.introductions, "companies": self.companies}
        return {k: v[[c for c in v.columns if not c.startswith("_")]] for k, v in tables.items()}

    def build(self, **kwargs):
        """The :class:`netgraph.Network` of these tables (as :func:`netgraph.load` would give)."""
        from ..model.build import assemble, validated

        tables, report = validated(self.frames())
        return assemble(tables, me=self.me, emails=self.emails, today=self.today, targets=self.targets,
                        report=report, **kwargs)

    def write(self, folder: str | Path) -> Path:
        """Write the canonical CSV files and ``netgraph.toml`` into ``folder``."""
        from ..io.export import write_config, write_tables

        folder = Path(folder)
        write_tables(self.frames(), folder)
        write_config(folder, me=self.me, emails=self.emails, targets=self.targets, today=self.today)
        return folder


def _zipf_weights(rng: np.random.Generator, k: int, exponent: float = 1.1) -> np.ndarray:
    weights = 1.0 / np.arange(1, k + 1) ** exponent
    return rng.permutation(weights / weights.sum())


def network(n_people: int = 1000, *, seed: int = 0, today: str | dt.date = "2026-11-01", years: int = 4,
            mean_degree: float = 12.0, my_contacts: int | None = None, scope: str = "me",
            interactions_per_tie: float = 8.0) -> Synthetic:
    """Generate a professional network of ``n_people`` people (me included).

    Parameters
    ----------
    n_people : int
        People in the network, 100 to 1,000,000 or more.
    seed : int
        Everything drawn comes from ``np.random.default_rng(seed)``.
    today : date or str
        The end of every history, and the network's ``today``.
    years : int
        How far back interaction histories go.
    mean_degree : float
        Average number of relationships per person among the others.
    my_contacts : int, optional
        How many people I know (default grows slowly with the network's size).
    scope : {"me", "all"}
        Whose interactions are recorded: mine only (a personal network, as
        one's own mail and calendar show it) or everyone's (a team's or a
        firm's merged network).
    interactions_per_tie : float
        The mean number of interactions of an ordinary tie over ``years``.

    Returns
    -------
    Synthetic
    """
    if n_people < 10:
        raise ValueError("a network needs at least 10 people")
    if scope not in ("me", "all"):
        raise ValueError("scope must be 'me' or 'all'")
    rng = np.random.default_rng(seed)
    day = np.datetime64(pd.Timestamp(today).date(), "D")
    n = n_people
    companies = make_companies(rng, max(25, n // 40))
    k = len(companies)
    company = rng.choice(k, n, p=_zipf_weights(rng, k))
    company[rng.random(n) < 0.04] = -1
    industry_of = companies["industry"].to_numpy(object)
    first, last = NameMaker(rng).names(n)
    domain = np.where(company >= 0, companies["domains"].to_numpy(object)[np.maximum(company, 0)], "gmail.com")
    personal = rng.random(n) < 0.12
    domain = np.where(personal, "gmail.com", domain)
    emails = NameMaker.emails(first, last, domain, np.arange(n))

    past = _past_companies(rng, company, industry_of, k)
    school = rng.integers(len(_SCHOOLS) * max(1, n // 2000), size=n)
    city = rng.integers(len(_CITIES) * max(1, n // 5000), size=n)
    activity = rng.lognormal(0.0, 0.9, n)

    # Relationships among the others: colleagues, former colleagues, classmates, neighbours, chance.
    first_past = np.where(past[:, 0] >= 0, past[:, 0], np.where(past[:, 1] >= 0, past[:, 1], past[:, 2]))
    groups = [company, first_past, school, city, np.zeros(n, dtype=np.int64)]
    shares = [0.45, 0.15, 0.12, 0.16, 0.12]
    pairs = group_ties(rng, groups, shares, activity, int(n * mean_degree / 2))
    pairs = pairs[(pairs[:, 0] != 0) & (pairs[:, 1] != 0)]

    # My relationships, in Dunbar layers.
    mine = _my_contacts(rng, n, company, first_past, school, activity, my_contacts)
    layer = _layers(len(mine))

    ids = np.array([f"p{i:06d}" for i in range(n)], dtype=object)
    start_day = day - np.timedelta64(int(years * 365.25), "D")
    interactions = [_my_histories(rng, ids, mine, layer, start_day, day, interactions_per_tie)]
    if scope == "all":
        interactions.append(_their_histories(rng, ids, pairs, start_day, day, interactions_per_tie))
    interactions = pd.concat(interactions, ignore_index=True).sort_values("date", kind="stable", ignore_index=True)

    titles = _titles(rng, company, industry_of)
    people = pd.DataFrame({
        "id": ids, "name": first + " " + last, "email": emails,
        "company": np.where(company >= 0, companies["name"].to_numpy(object)[np.maximum(company, 0)], ""),
        "title": titles,
        "past_companies": _joined_names(companies["name"].to_numpy(object), past),
        "location": np.array(_CITIES, dtype=object)[city % len(_CITIES)],
        "industry": np.where(company >= 0, industry_of[np.maximum(company, 0)], ""),
        "closeness": "", "connected_on": "",
    })
    _rate_and_connect(rng, people, mine, layer, start_day, day)
    ties = _ties_table(rng, ids, pairs, start_day)
    introductions = _introductions(rng, ids, mine, layer, pairs, day)
    targets = _targets(companies, company, company[0])
    return Synthetic(people=people, interactions=interactions, ties=ties, introductions=introductions,
                     companies=companies, me=ids[0], emails=[emails[0]], targets=targets,
                     today=pd.Timestamp(today).date())


def _past_companies(rng, company, industry_of, k) -> np.ndarray:
    """Up to 3 former employers each (an ``(n, 3)`` array, -1 for none), mostly in
    the industry of the current one."""
    n = len(company)
    counts = rng.choice(4, n, p=[0.3, 0.35, 0.25, 0.1])
    by_industry = np.argsort(industry_of, kind="stable")
    sorted_industry = industry_of[by_industry]
    mine = industry_of[np.maximum(company, 0)]
    low = np.searchsorted(sorted_industry, mine, side="left")
    high = np.searchsorted(sorted_industry, mine, side="right")
    past = np.full((n, 3), -1, dtype=np.int64)
    for slot in range(3):
        same = by_industry[low + (rng.random(n) * (high - low)).astype(np.int64)]
        pick = np.where((rng.random(n) < 0.65) & (company >= 0), same, rng.integers(k, size=n))
        fresh = (slot < counts) & (pick != company) & (past != pick[:, None]).all(axis=1)
        past[fresh, slot] = pick[fresh]
    return past


def _joined_names(names: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Rows of company indices (-1 for none) -> ``"A;B"`` strings."""
    columns = [np.where(index[:, j] >= 0, names[np.maximum(index[:, j], 0)], "") for j in range(index.shape[1])]
    joined = pd.Series(columns[0], dtype=object)
    for column in columns[1:]:
        joined = joined.str.cat(pd.Series(column, dtype=object), sep=";")
    return joined.str.strip(";").str.replace(";;", ";", regex=False).to_numpy(object)


def _my_contacts(rng, n, company, first_past, school, activity, wanted) -> np.ndarray:
    """The people I know: many from my employers and school, the rest from anywhere."""
    if wanted is None:
        wanted = int(min(0.8 * (n - 1), 150 * np.log10(n) ** 1.3))
    wanted = int(min(wanted, n - 1))
    others = np.arange(1, n)
    score = activity[others] * (1 + 6 * (company[others] == company[0]) * (company[0] >= 0)
                                + 4 * (first_past[others] == first_past[0]) * (first_past[0] >= 0)
                                + 3 * (school[others] == school[0]))
    # Gumbel top-k: a weighted sample without replacement.
    keys = np.log(score) - np.log(-np.log(rng.random(len(others))))
    return others[np.argsort(-keys, kind="stable")[:wanted]]


def _layers(k: int) -> np.ndarray:
    """Dunbar layers of my k contacts in closeness order: 0 (5), 1 (15), 2 (50), 3 (150), 4 (the rest)."""
    bounds = np.array([5, 15, 50, 150])
    return np.searchsorted(bounds, np.arange(k), side="right")


#: Contacts per year by layer, and the share of each layer gone dormant.
_LAYER_RATE = np.array([60.0, 20.0, 8.0, 3.0, 0.6])
_LAYER_DORMANT = np.array([0.0, 0.15, 0.2, 0.25, 0.3])
_LAYER_SILENT = np.array([0.0, 0.0, 0.0, 0.05, 0.55])


def _my_histories(rng, ids, mine, layer, start_day, today, per_tie) -> pd.DataFrame:
    k = len(mine)
    rate = _LAYER_RATE[layer] * rng.lognormal(0, 0.3, k) * per_tie / 8.0
    rate[rng.random(k) < _LAYER_SILENT[layer]] = 0.0
    span = (today - start_day) / _DAY
    begin = start_day + (rng.random(k) * 0.3 * span * (layer >= 3)).astype(np.int64) * _DAY
    dormant = rng.random(k) < _LAYER_DORMANT[layer]
    stop_days = rng.integers(365, int(2.5 * 365), size=k)
    end = np.where(dormant, today - stop_days * _DAY, today)
    # formerly close: dormant ties ran hot while they lasted
    rate = np.where(dormant, np.maximum(rate, 18.0), rate)
    to_them = rng.beta(6, 6, k)
    me = np.full(k, ids[0], dtype=object)
    closeness = np.minimum(layer, 2)
    return histories(rng, me, ids[mine], rate, begin, end, to_b=to_them, closeness=closeness)


def _their_histories(rng, ids, pairs, start_day, today, per_tie) -> pd.DataFrame:
    m = len(pairs)
    rate = rng.lognormal(0, 1.0, m) * per_tie / 4.0 / np.exp(0.5)
    to_b = rng.beta(3, 3, m)
    closeness = rng.choice(3, m, p=[0.1, 0.4, 0.5])
    start = np.full(m, start_day)
    end = np.full(m, today)
    return histories(rng, ids[pairs[:, 0]], ids[pairs[:, 1]], rate, start, end, to_b=to_b, closeness=closeness)


def _titles(rng, company, industry_of) -> np.ndarray:
    titles = np.empty(len(company), dtype=object)
    for industry, options in _TITLES.items():
        members = np.flatnonzero((company >= 0) & (industry_of[np.maximum(company, 0)] == industry))
        titles[members] = np.array(options, dtype=object)[rng.integers(len(options), size=len(members))]
    titles[company < 0] = np.array(["Independent Consultant", "Student", "Freelance Marketer"],
                                   dtype=object)[rng.integers(3, size=(company < 0).sum())]
    return titles


def _rate_and_connect(rng, people, mine, layer, start_day, today) -> None:
    """I rated some of my closest; most of my contacts are LinkedIn connections."""
    mask = (layer <= 2) & (rng.random(len(mine)) < 0.5)
    people.loc[mine[mask], "closeness"] = (5 - layer[mask]).astype(str)
    connected = mine[rng.random(len(mine)) < 0.75]
    span = int((today - start_day) / _DAY) + 6 * 365
    days = rng.integers(30, span, size=len(connected))
    people.loc[connected, "connected_on"] = pd.to_datetime(today - days * _DAY).strftime("%Y-%m-%d")
    silent = mine[layer >= 4]
    unknown = silent[(people.loc[silent, "connected_on"] == "").to_numpy()]
    people.loc[unknown, "connected_on"] = pd.Timestamp(start_day).strftime("%Y-%m-%d")


def _ties_table(rng, ids, pairs, start_day) -> pd.DataFrame:
    m = len(pairs)
    strength = np.round(rng.beta(2, 3, m), 2)
    known = rng.random(m) < 0.5
    since = pd.to_datetime(start_day - rng.integers(0, 3650, size=m) * _DAY)
    return pd.DataFrame({"a": ids[pairs[:, 0]], "b": ids[pairs[:, 1]],
                         "strength": np.where(known, strength.astype(str), ""),
                         "since": np.where(rng.random(m) < 0.3, since.strftime("%Y-%m-%d"), "")})


def _introductions(rng, ids, mine, layer, pairs, today) -> pd.DataFrame:
    """Introductions my closer contacts made to people they know and I did not."""
    close = np.isin(pairs, mine[layer <= 2])
    known = np.isin(pairs, mine) | (pairs == 0)
    outward = close[:, 0] & ~known[:, 1]
    inward = close[:, 1] & ~known[:, 0]
    candidates = np.concatenate([pairs[outward], pairs[inward][:, ::-1]])
    count = min(len(candidates), max(10, len(mine) // 20))
    chosen = candidates[rng.choice(len(candidates), count, replace=False)] if count else candidates
    dates = today - rng.integers(20, 3 * 365, size=count) * _DAY
    status = rng.choice(np.array(["met", "made", "requested", "declined"], dtype=object), count,
                        p=[0.5, 0.25, 0.15, 0.1])
    updated = np.where((status == "met") & (rng.random(count) < 0.6),
                       pd.to_datetime(dates + 14 * _DAY).strftime("%Y-%m-%d"), "")
    return pd.DataFrame({"date": pd.to_datetime(dates).strftime("%Y-%m-%d"), "introducer": ids[chosen[:, 0]],
                         "introduced": ids[chosen[:, 1]], "to": "", "status": status,
                         "updated_introducer_on": updated})


def _targets(companies, company, mine) -> list[str]:
    """The two largest pharmaceutical companies I do not work at."""
    sizes = pd.Series(company[company >= 0]).value_counts()
    pharma = companies.index[companies["industry"] == "pharmaceuticals"]
    ranked = [c for c in sizes.index if c in set(pharma) and c != mine]
    return [companies["name"].iat[c] for c in ranked[:2]]

