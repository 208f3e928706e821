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
recruiter who called three times in October and was never called back; Ruth
Adeyemi, the coach she has seen every week since she left Orchid; and two
different David Chens.

Who knows whom among them is in her exports, as it is in anyone's, not in a
table she typed: the threads her former colleagues copy her on, the "meet X"
mails in which a friend introduces her, the team meetings, farewell lunch,
alumni drinks and monthly industry meetup in her calendar (some invitees
tentative, some declining), the group conversations in her LinkedIn messages,
and where everyone works and has worked. Her own ``ties.csv`` holds only the
few relationships she knows of and no export shows ("Mary reports to Daniel",
"Diane and Laura worked together at Zenith").

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

from .._lazy import pd
from ..model.keys import slug
from ..model.tables import ENDORSEMENT, INVITATION, RECOMMENDATION
from . import synth, writers
from .writers import write_exports

__all__ = ["jane", "TODAY"]

TODAY = dt.date(2026, 11, 1)
START = dt.date(2022, 11, 1)
SEED = 20261101
#: Calendars count the occurrences that start before the end of today.
_CUTOFF = pd.Timestamp(TODAY) + pd.Timedelta(days=1)

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
    ("Clearpath Coaching", "consulting", "clearpathcoaching.com", "Clearpath"),
]


#: The named characters: the crowd never takes their names.
_CAST = ("Jane Jones", "Emma Clarke", "Raj Patel", "Ben Hoffmann", "Diane Okafor", "Grace Kim", "Tom Becker",
         "Aisha Khan", "Mary Lee", "David Chen", "Stan Whitfield", "Mark Delaney", "Priya Raman", "Daniel Weber",
         "Laura Chen", "Omar Hassan", "José Núñez", "Ruth Adeyemi")


class _Story:
    """Accumulates people, contacts, meetings, conversations and introductions as the story is told.

    Every contact is kept as the canonical interaction rows the readers make of
    it: an e-mail is a row from its sender to each recipient (with its
    Message-ID, what it answers and its number of recipients); a meeting
    occurrence a row from the organizer to each attendee who did not decline,
    and from me to each other attendee when I attended without organizing
    (with the occurrence's id and the attendee's answer); a
    LinkedIn group message a row from its sender to each other participant.
    Meetings and group conversations are also kept whole (``meetings``,
    ``chats``), for the writers.
    """

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
        self.meetings: list[dict] = []
        self.chats: list[dict] = []

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
        out: list = []
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
                record = self.record(email)
                record["connected_on"] = str(since + dt.timedelta(days=int(self.rng.integers(max(span, 1)))))

    def record(self, email: str) -> dict:
        return next(p for p in self.people if p["email"] == email)

    def connected(self, people: list[str]) -> list[str]:
        """Those of ``people`` who are my LinkedIn connections (the only ones I can message there)."""
        return [p for p in people if self.record(p)["connected_on"]]

    def pick(self, people: list[str], k: int) -> list[str]:
        """``k`` of ``people``, drawn without replacement, in their order."""
        chosen = sorted(self.rng.choice(len(people), min(k, len(people)), replace=False).tolist())
        return [people[i] for i in chosen]

    # -- what Jane knows and typed in -----------------------------------------------------------------
    def tie(self, a: str, b: str, strength: float | None = None, since: str = "", note: str = "") -> None:
        """A relationship Jane knows of and no export shows: one row of her ``ties.csv``."""
        self.ties.append({"a": a, "b": b, "strength": "" if strength is None else f"{strength:.2f}",
                          "since": since, "note": note})

    def intro(self, date: str, introducer: str, introduced: str, status: str, updated: str = "",
              note: str = "") -> None:
        self.intros.append({"date": date, "introducer": introducer, "introduced": introduced, "to": "",
                            "status": status, "updated_introducer_on": updated, "note": note})

    # -- one-to-one contacts --------------------------------------------------------------------------
    def rhythm(self, others: list[str], per_year: float, start: dt.date = START, end: dt.date = TODAY, *,
               to_them: float = 0.5, closeness: int = 1, favours: bool = True) -> None:
        """Jane's contacts with each of ``others`` as a Poisson process of ``per_year`` a year; without
        ``favours``, none of them is an ask or a favour (those the story places by hand)."""
        if not others:
            return
        k = len(others)
        rate = per_year * self.rng.lognormal(0, 0.25, k)
        self.events.append(synth.histories(
            self.rng, np.full(k, "me", dtype=object), np.array(others, dtype=object), rate,
            np.full(k, np.datetime64(start, "D")), np.full(k, np.datetime64(end, "D")),
            to_b=np.full(k, to_them), closeness=np.full(k, closeness)))
        if not favours:
            self.events[-1]["kind"] = self.events[-1]["kind"].replace({"ask": "update", "give": "update"})

    def event(self, date: str, sender: str, recipient: str, channel: str, kind: str = "other", note: str = "") -> None:
        self.events.append(pd.DataFrame([{"date": pd.Timestamp(date), "from": sender, "to": recipient,
                                          "channel": channel, "kind": kind, "note": note}]))

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

    # -- mail -----------------------------------------------------------------------------------------
    def mail(self, when: str | pd.Timestamp, sender: str, to: list[str], cc: tuple[str, ...] | list[str] = (), *,
             subject: str, reply_to: str = "", kind: str = "other") -> str:
        """One e-mail in Jane's mailbox (she sends it or is among its recipients); returns its Message-ID."""
        when = pd.Timestamp(when)
        recipients = list(dict.fromkeys(r for r in [*to, *cc] if r != sender))
        if "me" not in (sender, *recipients):
            raise ValueError(f"a mail in Jane's mailbox must be to or from her: {subject}")
        message_id = _message_id(when, sender, subject)
        self.events.append(pd.DataFrame({
            "date": when, "from": sender, "to": recipients, "channel": "email", "kind": kind, "note": "",
            "message_id": message_id, "in_reply_to": reply_to, "recipients": len(recipients),
            "_cc": [r in cc and r not in to for r in recipients], "_subject": subject}))
        return message_id

    def thread(self, when: str, sender: str, to: list[str], cc: tuple[str, ...] | list[str] = (), *, subject: str,
               replies: tuple[tuple[float, str], ...] = (), kind: str = "other") -> None:
        """A mail and the replies-to-all it drew: ``(days after the first, who)`` each."""
        first = pd.Timestamp(when)
        parent = self.mail(first, sender, to, cc, subject=subject, kind=kind)
        everyone = [sender, *to]
        for days, who in replies:
            # a reply to all goes to the others on the To line and keeps the Cc line
            answer_to = [p for p in everyone if p != who]
            parent = self.mail(first + pd.Timedelta(days=days), who, answer_to, [c for c in cc if c != who],
                               subject=f"Re: {subject}", reply_to=parent, kind=kind)

    def introduce(self, when: str, introducer: str, introduced: str, *, status: str, updated: str = "",
                  note: str = "", answered_after: float = 1.0) -> None:
        """A "meet X" mail: the introducer writes to me and the person introduced at once; they answer all."""
        first = pd.Timestamp(when)
        subject = f"Introduction: {self.record(introduced)['name'].split()[0]} / Jane"
        parent = self.mail(first, introducer, ["me", introduced], subject=subject, kind="intro")
        self.mail(first + pd.Timedelta(days=answered_after), introduced, ["me"], [introducer],
                  subject=f"Re: {subject}", reply_to=parent, kind="intro")
        self.intro(str(first.date()), introducer, introduced, status, updated, note)

    # -- calendar -------------------------------------------------------------------------------------
    def meeting(self, start: str, title: str, organizer: str, attendees: dict[str, str], *, minutes: int = 60,
                rule: str = "", until: str = "", skip: tuple[str, ...] = (),
                moved: dict[str, str] | None = None) -> None:
        """A calendar event and, when ``rule`` is given, its occurrences (``WEEKLY`` or ``MONTHLY``: the
        weekday of ``start`` in the same week of each month); ``attendees`` maps each invitee (the organizer
        included, as Google writes it) to their answer: ACCEPTED, TENTATIVE or DECLINED."""
        first = pd.Timestamp(start)
        moved = {pd.Timestamp(a): pd.Timestamp(b) for a, b in (moved or {}).items()}
        end = min(pd.Timestamp(until) + pd.Timedelta(days=1), _CUTOFF) if until else _CUTOFF
        if rule == "WEEKLY":
            days = pd.date_range(first, end, freq="7D", inclusive="left")
        elif rule == "MONTHLY":
            week = (first.day - 1) // 7 + 1
            anchor = f"WOM-{week}{first.day_name()[:3].upper()}"
            days = pd.date_range(first.normalize(), end, freq=anchor, inclusive="left") + (first - first.normalize())
        else:
            days = pd.DatetimeIndex([first])
        skipped = {pd.Timestamp(d) for d in skip}
        held = [moved.get(d, d) for d in days if d not in skipped]
        spec = {"uid": f"{first:%Y%m%dT%H%M}-{zlib.crc32(title.encode()):08x}@google.com", "title": title,
                "start": first, "minutes": minutes, "organizer": organizer, "attendees": dict(attendees),
                "rule": rule, "until": pd.Timestamp(until) + pd.Timedelta(hours=23, minutes=59) if until else None,
                "skip": sorted(skipped), "moved": moved}
        self.meetings.append(spec)
        attending = [a for a, answer in attendees.items() if a != organizer and answer != "DECLINED"]
        pairs = [(organizer, a) for a in attending] if attendees.get(organizer) != "DECLINED" else []
        if "me" in attending:
            pairs += [("me", a) for a in attending if a != "me"]
        if pairs and held:
            rows = pd.DataFrame([(when, a, b, _occurrence(spec["uid"], when)) for when in held for a, b in pairs],
                                columns=["date", "from", "to", "message_id"])
            self.events.append(rows.assign(channel="meeting", kind="other", note="", recipients=len(attending),
                                           _event=len(self.meetings) - 1))

    def weekly_one_on_one(self, other: str, first: str, last: str, *, skip: tuple[str, ...] = (),
                          moved: dict[str, str] | None = None) -> None:
        """A weekly 1:1 I organize with ``other``, at 15:00, minus ``skip``, some ``moved``."""
        at = pd.Timedelta(hours=15)
        self.meeting(str(pd.Timestamp(first) + at), "1:1", "me", {"me": "ACCEPTED", other: "ACCEPTED"},
                     minutes=30, rule="WEEKLY", until=last, skip=tuple(str(pd.Timestamp(d) + at) for d in skip),
                     moved={str(pd.Timestamp(a) + at): str(pd.Timestamp(b) + at) for a, b in (moved or {}).items()})

    # -- LinkedIn -------------------------------------------------------------------------------------
    def chat(self, title: str, participants: list[str], messages: list[tuple[str, str]]) -> None:
        """A LinkedIn group conversation: ``(when, sender)`` per message, to every other participant."""
        self.chats.append({"title": title, "participants": list(participants),
                           "messages": [(pd.Timestamp(w), s) for w, s in messages]})
        # each message of a group conversation is one message, as the LinkedIn reader identifies it
        conversation = writers.conversation_id(title)
        rows = [(pd.Timestamp(when), sender, other, f"linkedin:{conversation}@{pd.Timestamp(when):%Y-%m-%dT%H:%M}")
                for when, sender in messages for other in participants if other != sender]
        self.events.append(pd.DataFrame(rows, columns=["date", "from", "to", "message_id"]).assign(
            channel="message", kind="social", note="", recipients=len(participants) - 1,
            _event=len(self.chats) - 1))

    def chatter(self, title: str, participants: list[str], since: str, bursts: int, *, me_share: float = 0.3) -> None:
        """A group conversation that wakes up ``bursts`` times from ``since`` to today, a few messages each."""
        first, span = pd.Timestamp(since), (pd.Timestamp(TODAY) - pd.Timestamp(since)).days
        messages = []
        for day in sorted(self.rng.integers(0, span - 3, bursts).tolist()):
            when = first + pd.Timedelta(days=day, hours=int(self.rng.integers(8, 21)))
            for _ in range(int(self.rng.integers(2, 6))):
                others = [p for p in participants if p != "me"]
                sender = "me" if self.rng.random() < me_share else others[self.rng.integers(len(others))]
                messages.append((str(when), sender))
                when += pd.Timedelta(minutes=int(self.rng.integers(3, 240)))
        self.chat(title, participants, messages)

    # -- the tables -----------------------------------------------------------------------------------
    def finish(self, phonebook: set[str]) -> synth.Synthetic:
        companies = pd.DataFrame(_COMPANIES, columns=["name", "industry", "domains", "aliases"])
        interactions = pd.concat(self.events, ignore_index=True)
        interactions = interactions[interactions["date"] < _CUTOFF]
        # contacts happen in working hours: a stable pseudo-random minute between 8:00 and 18:00
        untimed = interactions["date"] == interactions["date"].dt.normalize()
        minutes = pd.util.hash_pandas_object(interactions[["date", "from", "to"]], index=False) % 600
        interactions.loc[untimed, "date"] += pd.to_timedelta(480 + minutes[untimed], unit="min")
        # in time order; the rows of one message keep the order of its recipients
        interactions = interactions.sort_values("date", kind="stable", ignore_index=True)
        interactions = _one_to_one_meetings(_one_to_one_mail(interactions))
        interactions["date"] = interactions["date"].dt.strftime("%Y-%m-%dT%H:%M:%S")
        for column in ("note", "message_id", "in_reply_to"):
            interactions[column] = interactions[column].fillna("")
        interactions["recipients"] = interactions["recipients"].astype("Int64")
        people = pd.DataFrame(self.people)
        people["linkedin_url"] = [
            f"https://www.linkedin.com/in/{slug(p['name'])}-{zlib.crc32(p['email'].encode()) % 16**6:06x}"
            if p["connected_on"] else "" for p in self.people]
        people["phone"] = [_phone(i) if p["email"] in phonebook else "" for i, p in enumerate(self.people)]
        return synth.Synthetic(
            people=people, interactions=interactions, ties=pd.DataFrame(self.ties),
            introductions=pd.DataFrame(self.intros), companies=companies[["name", "aliases", "domains", "industry"]],
            me="Jane Jones", emails=["jane.jones@example.com", "jane.jones@orchidhealth.com"],
            targets=["Novagen", "Helix Therapeutics"], today=TODAY,
            extra={"meetings": self.meetings, "chats": self.chats})


def _message_id(when: pd.Timestamp, sender: str, salt: str) -> str:
    """A Message-ID as mail programs make them: unique, with the sending domain."""
    domain = "example.com" if sender == "me" else sender.partition("@")[2]
    return f"<{when:%Y%m%d%H%M%S}.{zlib.crc32(f'{sender} {salt} {when}'.encode()):08x}@{domain}>"


def _one_to_one_mail(x: pd.DataFrame) -> pd.DataFrame:
    """Message-IDs for the one-to-one e-mails; one answering the other's last within ten days is a reply.

    Asks and favours are left alone: they are what Jane logs by hand (no export says a mail was a favour).
    """
    x = x.copy()
    for column in ("message_id", "in_reply_to", "_subject"):
        x[column] = x[column].astype(object) if column in x else None
    if "recipients" not in x:  # a story without group messages has no such column yet
        x["recipients"] = np.nan
    last: dict[frozenset, tuple] = {}
    single = (x["channel"] == "email") & x["message_id"].isna() & ~x["kind"].isin(["ask", "give"])
    for i in x.index[single.to_numpy()]:  # labels: a member's table of another story is not numbered from 0
        sender, recipient, when = x.at[i, "from"], x.at[i, "to"], x.at[i, "date"]
        pair = frozenset((sender, recipient))
        previous = last.get(pair)
        reply = previous is not None and previous[0] == recipient and (when - previous[1]).days <= 10
        thread = previous[2] if previous is not None and reply else ""
        message_id = _message_id(when, sender, f"{recipient} {i}")
        x.at[i, "message_id"] = message_id
        x.at[i, "in_reply_to"] = thread
        x.at[i, "recipients"] = 1
        x.at[i, "_subject"] = "Re: catching up" if reply else "Catching up"
        last[pair] = (sender, when, message_id)
    return x


def _occurrence(uid: str, start: pd.Timestamp) -> str:
    """What tells one meeting occurrence from another: its event's UID and its start (as calendars read it)."""
    return f"{uid}/{start:%Y%m%dT%H%M}"


def _one_to_one_meetings(x: pd.DataFrame) -> pd.DataFrame:
    """An event (and so an occurrence id) for each one-to-one meeting but those Jane logs by hand."""
    single = (x["channel"] == "meeting") & x["message_id"].isna() & ~x["kind"].isin(["ask", "give"])
    x.loc[single, "message_id"] = [_occurrence(f"{when:%Y%m%dT%H%M}-{i}@netgraph.demo", when)
                                   for i, when in zip(np.flatnonzero(single.to_numpy()), x.loc[single, "date"])]
    x.loc[single, "recipients"] = 1
    return x


def _phone(i: int) -> str:
    """Phone numbers written the several ways address books hold them."""
    number = 1000 + 37 * i % 9000
    styles = (f"(617) 555-{number:04d}", f"+1 617-555-{number:04d}", f"617.555.{number:04d}")
    return styles[i % 3]


def _answers(people: list[str], *, tentative: tuple[str, ...] = (), declined: tuple[str, ...] = ()) -> dict[str, str]:
    """Invitees and their answers to an invitation."""
    return {p: "DECLINED" if p in declined else "TENTATIVE" if p in tentative else "ACCEPTED" for p in people}


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

    # Brightwave Foods, 2012-2016
    ben = s.person("Ben Hoffmann", "Aster Brands", "VP Marketing", past="Brightwave Foods", closeness=3,
                   connected_on="2012-06-11", tags="former boss")
    brightwave = [ben] + s.crowd(19, "Brightwave Foods") + s.crowd(
        8, "Pioneer Foods", past="Brightwave Foods") + s.crowd(3, "Aster Brands", past="Brightwave Foods")
    s.connect(brightwave[1:], dt.date(2012, 6, 1), dt.date(2017, 1, 1), share=0.9)

    # Kestrel Media, 2016-2020
    diane = s.person("Diane Okafor", "Crescent Studios", "Chief Marketing Officer",
                     past="Kestrel Media;Zenith Therapeutics", closeness=4, connected_on="2016-04-18",
                     tags="former boss;mentor")
    grace = s.person("Grace Kim", "Kestrel Media", "Head of Partnerships", connected_on="2016-05-02")
    kestrel = [diane, grace] + s.crowd(20, "Kestrel Media") + s.crowd(6, "Beacon Media", past="Kestrel Media") \
        + s.crowd(2, "Crescent Studios", past="Kestrel Media")
    s.connect(kestrel[2:], dt.date(2016, 4, 1), dt.date(2021, 1, 1), share=0.9)

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

    # The board of a marketing non-profit Jane volunteers for
    board = [s.crowd(1, c, tags="board")[0] for c in ("Atlas Agency", "Granite Capital", "Vertex Health",
                                                      "Pioneer Foods", "Quartz Labs", "Willow Care")]
    s.connect(board, dt.date(2021, 9, 1), dt.date(2022, 3, 1), share=1.0)

    # Recruiters
    mark = s.person("Mark Delaney", "Talentbridge Search", "Executive Search Partner", connected_on="2024-02-20",
                    past="Hunter & Vale", tags="recruiter")
    recruiters = [mark] + s.crowd(2, "Talentbridge Search", tags="recruiter") + s.crowd(
        2, "Hunter & Vale", tags="recruiter") + s.crowd(2, "Apex Executive Search", tags="recruiter")
    s.connect(recruiters[1:], dt.date(2019, 1, 1), dt.date(2026, 8, 1), share=0.7)

    # The targets, and who in Jane's world knows them
    priya = s.person("Priya Raman", "Novagen", "Director of Brand Strategy", connected_on="2024-05-20")
    daniel = s.person("Daniel Weber", "Novagen", "VP Marketing")
    novagen = [priya, mary, daniel] + s.crowd(11, "Novagen", location="Philadelphia")
    laura = s.person("Laura Chen", "Helix Therapeutics", "VP Marketing", past="Zenith Therapeutics",
                     location="San Diego")
    omar = s.person("Omar Hassan", "Meridian Pharma", "Director, Commercial Strategy", connected_on="2026-10-03")
    helix = [laura] + s.crowd(8, "Helix Therapeutics", location="San Diego")
    others = s.crowd(9, "Meridian Pharma") + s.crowd(6, "Corvid Bio") + s.crowd(4, "Zenith Therapeutics") \
        + s.crowd(4, "Lumen Pharma") + s.crowd(3, "Sable Biosciences")
    jose = s.person("José Núñez", "Lumen Pharma", "Head of Brand", connected_on="2022-05-17", tags="industry")
    industry.append(jose)
    ruth = s.person("Ruth Adeyemi", "Clearpath Coaching", "Executive Coach", connected_on="2026-07-01",
                    tags="coach")

    # Rhythms of one-to-one contact, 2022-11 to 2026-11
    orchid_end = dt.date(2026, 6, 30)
    s.rhythm([emma], 70, closeness=0)
    s.rhythm([stan], 30, closeness=0, favours=False)
    s.rhythm([aisha], 60, end=orchid_end, closeness=0)
    s.rhythm([aisha], 5, start=orchid_end, closeness=0)
    s.rhythm([tom], 50, end=orchid_end, closeness=0, favours=False)
    s.rhythm([tom], 4, start=orchid_end, closeness=1, to_them=0.8, favours=False)
    s.rhythm([raj], 14, closeness=1)
    s.rhythm([diane], 45, end=dt.date(2024, 6, 15), closeness=0, favours=False)
    s.rhythm([ben], 20, end=dt.date(2023, 8, 1), closeness=1)
    s.rhythm([grace], 14, end=dt.date(2024, 1, 20), closeness=1)
    s.rhythm([mary], 30, end=dt.date(2025, 1, 31), closeness=1)
    s.rhythm([mary], 3, start=dt.date(2025, 2, 1), closeness=1)
    s.rhythm([priya], 3, start=dt.date(2024, 5, 20), end=dt.date(2026, 3, 31), closeness=2)
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
    s.weekly_one_on_one(aisha, "2025-01-06", "2026-06-29", skip=("2025-12-29", "2026-05-25"),
                        moved={"2026-02-16": "2026-02-18"})
    s.invitations(since=START)

    # Northfield: the class's LinkedIn group, Emma's birthday dinners, the reunion threads
    classmates = s.connected(uni[2:10])
    s.chatter("Northfield '11", ["me", emma, raj, *classmates[:5]], "2022-12-01", 9)
    for day, late in (("2023-03-18", uni[4]), ("2024-03-16", uni[6]), ("2025-03-15", raj), ("2026-03-14", uni[3])):
        s.meeting(f"{day} 19:30", "Emma's birthday dinner", emma,
                  _answers([emma, "me", raj, uni[2], uni[3], uni[4], uni[6]], declined=(late,)), minutes=180)
    s.thread("2025-09-08 20:14", raj, ["me", emma, *uni[2:8]], subject="Northfield reunion, anyone?",
             replies=((0.4, emma), (1.2, uni[3]), (1.5, "me"), (3.1, uni[7])))
    s.thread("2024-06-02 11:05", emma, ["me", *uni[8:13]], subject="Photos from the weekend",
             replies=((0.3, uni[9]), (0.9, "me")))
    for day in ("2023-10-04 18:10", "2025-01-29 12:40"):
        s.thread(day, emma, ["me", *uni[10:18]], subject="Northfield alumni in Boston: drinks?",
                 replies=((0.5, uni[12]), (0.6, "me"), (1.2, uni[16])))

    # Brightwave: the old teams' conversations, a reunion lunch, news
    brand_team = s.connected(brightwave[1:12])[:9]
    s.chatter("Brightwave brand team", ["me", *brand_team], "2023-01-15", 5, me_share=0.2)
    sales_team = s.connected(brightwave[12:20])[:9]
    s.chatter("Brightwave sales & marketing", ["me", *sales_team], "2023-04-01", 4, me_share=0.1)
    lunch = [ben, "me", *brightwave[1:7], *brightwave[20:23]]
    s.thread("2023-05-02 09:40", ben, lunch[1:], subject="Brightwave alumni lunch?",
             replies=((0.2, brightwave[2]), (0.5, "me"), (1.1, brightwave[20])))
    s.meeting("2023-05-19 12:30", "Brightwave alumni lunch", ben,
              _answers(lunch, tentative=(brightwave[5],), declined=(brightwave[6], brightwave[21])), minutes=90)
    s.thread("2023-06-14 16:20", ben, ["me"], brightwave[28:31], subject="Aster is hiring a brand lead",
             replies=((0.4, brightwave[29]),))
    s.thread("2025-11-20 17:02", brightwave[3], ["me", *brightwave[23:28]],
             subject="Leaving Brightwave after 12 years", replies=((0.1, brightwave[24]), (0.3, "me")))

    # Kestrel: alumni drinks every March (Grace organised them until she moved to Seattle in 2024, Diane
    # came while she was in Boston), the creative team's conversation, Beacon Media's old Kestrel hands
    for year, host, declined, tentative in ((2023, grace, (kestrel[4],), (kestrel[8],)),
                                            (2024, grace, (kestrel[6],), (kestrel[3],)),
                                            (2025, kestrel[3], ("me", kestrel[5]), ()),
                                            (2026, kestrel[3], (kestrel[2],), (kestrel[9],))):
        guests = [diane] if host == grace else [kestrel[22], kestrel[23]]
        invited = [host, "me", *guests, *[p for p in kestrel[2:10] if p != host]]
        s.thread(f"{year}-03-02 10:15", host, invited[1:], subject=f"Kestrel alumni drinks {year}",
                 replies=((0.3, kestrel[4]), (0.8, "me"), (1.5, kestrel[7])))
        s.meeting(f"{year}-03-19 18:30", "Kestrel alumni drinks", host,
                  _answers(invited, tentative=tentative, declined=declined), minutes=150)
    s.chatter("Kestrel creative", ["me", *s.connected(kestrel[10:22])[:9]], "2023-02-01", 6, me_share=0.2)
    for day in ("2024-05-21 09:30", "2026-02-03 14:05"):
        s.thread(day, kestrel[22], ["me", *kestrel[23:30]], subject="Beacon + Crescent + old Kestrel friends",
                 replies=((0.2, kestrel[26]), (0.4, "me")))
    s.thread("2023-09-12 08:20", diane, ["me", kestrel[11], kestrel[12]], subject="Kestrel brand book, 2018",
             replies=((1.0, kestrel[12]),))

    # Orchid Health: the monthly marketing team meeting, the brand council Tom chairs, the analytics guild
    # David runs, project threads, the farewell lunch
    s.meeting("2022-11-08 10:00", "Marketing team monthly", "me", _answers(["me", aisha, *orchid[4:11]]),
              rule="MONTHLY", until="2026-06-09")
    s.meeting("2022-11-16 11:00", "Brand council", tom, _answers([tom, "me", david_orchid, *orchid[11:19]],
                                                                 tentative=(orchid[17],)),
              rule="MONTHLY", until="2026-06-17")
    s.meeting("2022-11-03 16:00", "Analytics guild", david_orchid, _answers([david_orchid, "me", *orchid[19:28]],
                                                                             declined=(orchid[25],)),
              rule="MONTHLY", until="2026-06-04")
    for k in range(14):
        day = pd.Timestamp("2023-01-09") + pd.Timedelta(days=int(s.rng.integers(0, 1230)))
        sender = [aisha, "me"][k % 2]
        people = s.pick([p for p in [tom, aisha, david_orchid, *orchid[4:14]] if p != sender], 3)
        repliers = s.pick([p for p in people if p != tom], 2)  # Tom answers by phone
        to = [p for p in people[:1] + ["me"] if p != sender] if sender != "me" else people[:2]
        cc = [p for p in people if p not in to]
        s.thread(f"{day.date()} 09:{10 + k:02d}", sender, to, cc, subject=f"Launch plan, wave {k + 1}",
                 replies=tuple((0.2 + 0.5 * j, p) for j, p in enumerate(repliers)))
    for day in ("2023-07-11 12:15", "2024-07-09 12:20", "2025-07-15 12:05"):
        s.thread(day, orchid[28], ["me", *orchid[29:38]], subject="Orchid summer picnic",
                 replies=((0.1, orchid[31]), (0.3, "me"), (0.9, orchid[35])))
    s.chatter("Orchid old-timers", ["me", aisha, *s.connected(orchid[34:42])], "2024-09-01", 4, me_share=0.3)
    farewell = ["me", aisha, tom, mary, david_orchid, *orchid[4:10]]
    s.mail("2026-06-15 16:45", aisha, farewell[2:], ["me"], subject="Lunch for Jane, June 26")
    s.meeting("2026-06-26 12:00", "Farewell lunch for Jane", aisha,
              _answers([aisha, *farewell], tentative=(orchid[8],), declined=(orchid[5],)), minutes=120)

    # Industry: the monthly forum Stan runs, the brand leaders' dinners, a few threads
    forum = [stan, "me", david_helix, jose, *industry[2:10]]
    s.meeting("2023-01-10 18:00", "Boston Pharma Marketing Forum", stan,
              _answers(forum, tentative=(industry[4],), declined=(industry[9],)), minutes=120,
              rule="MONTHLY", skip=("2023-08-08 18:00", "2024-08-13 18:00", "2025-08-12 18:00"))
    for day in ("2023-03-23", "2023-09-21", "2024-03-21", "2024-09-19", "2025-03-20", "2025-09-18", "2026-03-19",
                "2026-09-17"):
        s.meeting(f"{day} 19:00", "Brand leaders' dinner", industry[12],
                  _answers([industry[12], "me", *industry[13:22]], declined=(industry[13 + len(day) % 9],)),
                  minutes=150)
    s.thread("2024-09-18 13:30", david_helix, ["me", jose, industry[3]], subject="Panel on launch analytics",
             replies=((0.5, jose), (0.7, "me")))
    s.thread("2025-04-07 07:55", industry[10], ["me", industry[11], industry[12]], subject="Agency roundtable",
             replies=((2.0, industry[12]),))

    # The board meets monthly; the coach every week since Jane left Orchid
    s.meeting("2022-11-02 19:00", "Board meeting", board[0], _answers([board[0], "me", *board[1:]],
                                                                       tentative=(board[5],)),
              rule="MONTHLY", minutes=90)
    s.meeting("2026-07-09 08:30", "Coaching session", ruth, {ruth: "ACCEPTED", "me": "ACCEPTED"}, minutes=60,
              rule="WEEKLY", skip=("2026-08-27 08:30",))

    # Recruiters write with a colleague in copy
    for day, writer, colleagues in (("2025-03-11 10:05", recruiters[1], [mark, recruiters[2]]),
                                    ("2026-10-05 11:20", recruiters[1], [mark, recruiters[2]]),
                                    ("2024-05-14 15:45", recruiters[3], [recruiters[4]]),
                                    ("2025-09-23 09:10", recruiters[3], [recruiters[4]]),
                                    ("2024-11-06 13:30", recruiters[5], [recruiters[6]]),
                                    ("2026-02-24 16:00", recruiters[5], [recruiters[6]])):
        s.mail(day, writer, ["me"], colleagues, subject="A VP Marketing search")

    # The targets and the companies around them, as Jane's calendar and mail show them: Novagen's partnership
    # reviews with Orchid (Jane declined each invitation and sent Mary, who joined Novagen after them), Laura's
    # breakfast that Jane declined, Raj's summit at Meridian, Corvid's advisory board, a Zenith panel, a Lumen
    # workshop, Sable's search
    for day in ("2023-02-15", "2023-05-17", "2023-08-16", "2023-11-15", "2024-02-21", "2024-05-15", "2024-08-21",
                "2024-11-20"):
        s.meeting(f"{day} 14:00", "Novagen x Orchid partnership review", novagen[3],
                  _answers([novagen[3], "me", mary, novagen[4], *novagen[6:13]], declined=("me",)), minutes=90)
    s.meeting("2024-05-08 07:30", "Women in pharma marketing breakfast", laura,
              _answers([laura, diane, "me", *helix[1:]], declined=("me",)), minutes=90)
    for day in ("2023-02-09", "2023-10-12", "2024-02-08", "2024-10-10"):  # Jane never made it
        s.meeting(f"{day} 19:00", "Dinner at Diane's", diane, _answers([diane, "me", laura], declined=("me",)),
                  minutes=150)
    s.meeting("2025-10-21 09:00", "Market access summit (speakers)", raj, _answers([raj, "me", *others[0:9]]),
              minutes=240)
    for day in ("2025-01-22", "2025-05-21", "2025-09-17", "2026-01-21"):
        s.meeting(f"{day} 15:00", "Corvid marketing advisory board", industry[4],
                  _answers([industry[4], "me", industry[5], *others[9:15]]), minutes=120)
    s.meeting("2025-06-10 16:00", "Zenith launch panel", industry[8],
              _answers([industry[8], "me", industry[22], *others[15:19]]), minutes=60)
    s.meeting("2024-11-12 10:00", "Lumen brand workshop", jose, _answers([jose, "me", *others[19:23]]), minutes=180)
    s.thread("2024-11-13 08:30", others[19], ["me", jose], others[20:23], subject="Workshop notes",
             replies=((0.3, jose),))
    s.thread("2026-09-30 11:45", industry[7], ["me"], others[23:26], subject="Sable is looking for a launch lead",
             replies=((0.2, others[23]),))

    # Hand-placed events
    for day, note in (("2026-01-14", "reference for a board role"), ("2026-03-02", "intro to his VP"),
                      ("2026-05-19", "feedback on my CV"), ("2026-07-08", "referral at Meridian"),
                      ("2026-09-10", "second reference"), ("2026-10-21", "coffee with his contact at Corvid")):
        s.event(day, "me", tom, "email", "ask", note)
    for day, note in (("2025-11-04", "sent me the Novagen org chart"), ("2026-02-11", "reviewed my deck"),
                      ("2026-06-30", "shared two job leads"), ("2026-08-19", "mock interview")):
        s.event(day, stan, "me", "meeting", "give", note)
    s.event("2025-03-11", "me", stan, "meeting", "give", "spoke at his forum")
    s.event("2026-03-15", "me", emma, "message", "give", "proofread her pitch")
    for day in ("2026-10-08", "2026-10-15", "2026-10-27"):
        s.event(day, mark, "me", "call", "other", "about a VP Marketing search")
    s.mail("2026-10-12 10:20", novagen[5], ["me"], [novagen[13]], subject="Novagen careers: marketing roles")
    s.event("2026-09-25", "me", omar, "email", "update", "thanks for your time")
    s.event("2026-10-02", omar, "me", "meeting", "social", "coffee")
    s.event("2026-10-20", "me", mary, "message", "ask", "would you introduce me to Daniel?")
    for day in ("2026-04-14", "2026-08-11", "2026-10-26"):  # Priya wrote three times since April, unanswered
        s.event(day, priya, "me", "message", "other")
    # What Diane and Jane did for each other while in touch (beside the recommendation and an introduction)
    s.event("2023-05-10", diane, "me", "call", "give", "went through my launch plan")
    s.event("2023-09-28", "me", diane, "meeting", "give", "spoke at her team's offsite")
    s.event("2024-01-15", "me", diane, "email", "give", "sent her two candidates")
    s.event("2024-04-30", "me", diane, "message", "give", "shared my launch case study for her class")
    # On LinkedIn: Diane recommended her when she left Kestrel; she recommended Aisha when Aisha moved on
    s.event("2023-11-08 10:30", diane, "me", "message", "give", RECOMMENDATION)
    s.event("2026-07-02 09:15", "me", aisha, "message", "give", RECOMMENDATION)
    for day, who in (("2024-03-12 18:05", grace), ("2024-03-13 08:41", kestrel[2]), ("2025-05-06 19:20", raj)):
        s.event(day, who, "me", "other", "social", ENDORSEMENT)
    s.event("2025-05-07 07:55", "me", raj, "other", "social", ENDORSEMENT)

    # Introductions: "meet X" mails, and the two no mail shows
    s.introduce("2024-05-14 08:12", stan, priya, status="met", updated="2024-05-30", note="Novagen brand strategy")
    s.introduce("2026-09-18 17:40", stan, omar, status="met", note="Meridian commercial strategy")
    s.introduce("2025-02-10 12:03", emma, others[1], status="met", updated="2025-02-25")
    s.introduce("2025-09-03 15:30", tom, others[7], status="made")
    s.introduce("2023-06-20 10:45", raj, others[0], status="met", updated="2023-07-01")
    s.introduce("2024-10-01 09:00", industry[3], others[3], status="met", updated="2024-10-15")
    s.introduce("2026-04-22 14:20", emma, industry[9], status="made")
    s.introduce("2026-06-05 11:11", tom, others[9], status="met")
    s.intro("2026-08-12", aisha, orchid[20], "met", "")
    s.intro("2023-03-07", diane, kestrel[12], "met", "2023-03-20")
    s.intro("2026-10-20", mary, daniel, "requested", "", "asked Mary for an introduction")
    s.intro("2025-11-12", industry[6], others[12], "declined", "")

    # What Jane knows and no export shows: her ties.csv
    s.tie("me", emma, note="my best friend since Northfield")
    s.tie("me", ben, note="my first manager, at Brightwave")
    s.tie("me", diane, note="my old boss at Kestrel, and my mentor")
    s.tie("me", stan, note="friend; knows everyone in pharma marketing")
    s.tie(diane, laura, 0.85, since="2014-01-01", note="worked together at Zenith Therapeutics")
    s.tie(stan, priya, 0.7, since="2019-03-01", note="worked together on a launch")
    s.tie(stan, omar, 0.6, since="2021-06-01", note="Stan advises Meridian")
    s.tie(mary, daniel, 0.8, since="2025-02-01", note="Mary reports to Daniel")
    s.tie(raj, others[0], 0.7, note="Raj's manager")
    s.tie(raj, novagen[4], 0.25, note="met at a conference")
    s.tie(david_helix, novagen[6], 0.4, note="his client at Novagen")
    s.tie(emma, raj, 0.9, since="2008-09-01", note="married")
    s.tie(grace, diane, 0.6, note="Grace worked for Diane")
    s.tie(tom, mark, 0.5, note="Mark placed Tom at Orchid")
    s.tie(aisha, orchid[20], note="Aisha's old team lead")
    s.tie(ben, brightwave[20], 0.5, note="Ben hired him at Pioneer")
    s.tie(jose, others[22], 0.6, note="José's team at Lumen")
    s.tie(board[0], industry[9], 0.5, note="same agency")
    s.tie(industry[2], others[2], 0.5, note="colleagues at Meridian")

    phonebook = {p["email"] for p in s.people[1:] if p["closeness"] or set(p["tags"].split(";")) & {
        "university", "friend", "my team", "board", "recruiter", "coach"}}
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
