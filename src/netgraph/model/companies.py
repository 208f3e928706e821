"""Companies: one name per employer, whatever people typed, and e-mail domains.

"Novagen", "Novagen, Inc." and an address at ``novagen.com`` all mean the same
company. A :class:`Directory` knows each company's canonical name, its aliases
and its mail domains — from ``companies.csv`` and, for domains it does not
list, from colleagues: when the people at one domain who name an employer all
(or mostly) name the same one, that domain belongs to it.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .._lazy import pd
from .keys import PERSONAL_DOMAINS, company_key, domain_of, email_key
from .report import ImportReport

__all__ = ["Directory", "directory", "NOT_EMPLOYERS"]


@dataclass
class Directory:
    """Canonical company names, their aliases and domains.

    ``records`` holds one dict per company: ``name``, ``aliases``, ``domains``,
    ``industry`` (what ``G.graph["companies"]`` carries).
    """

    records: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._by_domain: dict[str, str] = {}
        self._by_name: dict[str, dict] = {}
        for record in self.records:
            self._index(record)

    def _index(self, record: dict) -> None:
        self._by_name.setdefault(record["name"], record)
        for alias in [record["name"], *record.get("aliases", [])]:
            self._by_key.setdefault(company_key(alias), record["name"])
        for domain in record.get("domains", []):
            self._by_domain.setdefault(domain.casefold().lstrip("@"), record["name"])

    def add(self, name: str, *, aliases=(), domains=(), industry: str = "") -> str:
        """Add a company unless one with the same key exists; returns its canonical name."""
        known = self.canonical(name)
        if known:
            if domains:
                record = self._by_name[known]
                record["domains"] = list(dict.fromkeys([*record["domains"], *domains]))
                self._index(record)
            return known
        record = {"name": name, "aliases": list(aliases), "domains": list(domains), "industry": industry}
        self.records.append(record)
        self._index(record)
        return name

    def canonical(self, text: str) -> str:
        """The canonical name for a company name, alias, domain or address ("" if unknown)."""
        if not isinstance(text, str) or not text.strip():
            return ""
        text = text.strip()
        if "@" in text:
            return self._by_domain.get(domain_of(email_key(text)), "")
        if "." in text and " " not in text:
            domain = text.casefold().removeprefix("www.")
            if domain in self._by_domain:
                return self._by_domain[domain]
        return self._by_key.get(company_key(text), "")

    def domain(self, domain: str) -> str:
        """The company a mail domain belongs to ("" if none)."""
        return self._by_domain.get(domain.casefold(), "")

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Company names close to ``text`` (for did-you-mean messages): those with a word starting as ``text``
        does ("acme" for Acme Robotics), else those spelt nearly alike."""
        key = company_key(text)
        begun = sorted((k for k in self._by_key if key and f" {key}" in f" {k}"), key=len) if key else []
        keys = begun or difflib.get_close_matches(key, list(self._by_key), n=n, cutoff=0.6)
        return list(dict.fromkeys(self._by_key[k] for k in keys))[:n]


#: What people write in a company field when there is no employer to name (LinkedIn's Connections.csv holds
#: "Self-employed" and "Freelance" often; "Stealth" and "Confidential" hide one): no company, so never a
#: shared employer (two freelancers are not colleagues) nor a cluster's name. Compared by ``company_key``.
NOT_EMPLOYERS = frozenset(company_key(name) for name in (
    "Self-employed", "Freelance", "Freelancer", "Freelancing", "Independent", "Independent Consultant",
    "Consultant", "Contractor", "Retired", "Unemployed", "Between jobs", "Open to work", "Looking for work",
    "Looking for new opportunities", "Seeking new opportunities", "Student", "Stealth", "Stealth Startup",
    "Stealth Mode", "Stealth Mode Startup", "Confidential", "Undisclosed", "N/A", "NA", "None", "Unknown"))


def directory(companies: pd.DataFrame, people: pd.DataFrame) -> Directory:
    """Build the directory and put everyone's employers into canonical form.

    ``people`` is changed in place: ``company`` and ``past_companies`` get
    canonical names (none for :data:`NOT_EMPLOYERS`, "Self-employed"), and
    people with no company but a work address at a known domain get that
    domain's company (``company_from`` says so) — unless they
    list it among their past employers: an old work address is not a job. My
    own addresses (``is_me``) identify me and never make me an employee: my
    employer is what netgraph.toml or my records say.
    """
    found = Directory()
    for row in companies.itertuples(index=False):
        found.add(row.name, aliases=row.aliases, domains=row.domains, industry=row.industry)
    # each name once, in the order first met (a second add of a name changes nothing)
    named = {name: name if company_key(name) not in NOT_EMPLOYERS else ""
             for name in [*people["company"], *(c for cs in people["past_companies"] for c in cs)]}
    for name in named.values():
        if name:
            found.add(name)
    canonical = {name: found.canonical(given) if given else "" for name, given in named.items()}
    people["company"] = [canonical[c] for c in people["company"]]
    people["past_companies"] = [[canonical[c] for c in cs if canonical[c]] for cs in people["past_companies"]]
    _learn_domains(found, people)
    mine = people["is_me"] if "is_me" in people else pd.Series(False, index=people.index)
    inferred = [
        "" if company or me else next((c for c in (found.domain(domain_of(e)) for e in map(email_key, emails) if e)
                                       if c and c not in past), "")
        for company, emails, past, me in zip(people["company"], people["email"], people["past_companies"], mine)
    ]
    people["company_from"] = ["email domain" if c else "" for c in inferred]
    people["company"] = [c or i for c, i in zip(people["company"], inferred)]
    return found


def _learn_domains(found: Directory, people: pd.DataFrame) -> None:
    """A work domain belongs to the company most of its people name (at least two, two thirds)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    mine = people["is_me"] if "is_me" in people else pd.Series(False, index=people.index)
    for company, emails, me in zip(people["company"], people["email"], mine):
        if not company or me:  # my addresses may be old ones: they say nothing of my employer's domain
            continue
        for domain in {domain_of(e) for e in map(email_key, emails) if e}:
            if domain not in PERSONAL_DOMAINS:
                votes[domain][company] += 1
    for domain, counter in sorted(votes.items()):
        if found.domain(domain):
            continue
        company, count = counter.most_common(1)[0]
        if count >= 2 and count * 3 >= 2 * sum(counter.values()):
            found.add(company, domains=[domain])


def canonical_targets(found: Directory, targets, report: ImportReport) -> list[str]:
    """The targets in the directory's canonical names; one that matches no company is kept as given, and
    said in the report (a misspelt target would otherwise find nobody without a word)."""
    names = []
    for target in targets:
        name = found.canonical(target)
        if not name:
            report.add("netgraph.toml", "config").notes.append(f"target '{target}' matches no known company")
        names.append(name or target)
    return names
