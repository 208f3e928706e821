"""A small made-up network in the formats real exports come in: what a new user's folder looks like.

Sam Rivera, a product manager between jobs who looks at Lumen Robotics, has
downloaded her exports and put them in one folder, as
``notebooks/00-start-from-your-exports.ipynb`` asks:

=====================================================  =========================================
``linkedin/Connections.csv``, ``messages.csv``,        LinkedIn, "Get a copy of your data"
``Invitations.csv``
``contacts.vcf``                                       Google Contacts, Export as vCard
``Takeout/Mail/All mail Including Spam and             Google Takeout, Mail (headers only are
Trash.mbox``                                           read)
``calendar.ics``                                       Google Calendar, Settings, Export
``companies.csv``                                      typed by hand: the company she targets and
                                                       its mail domain (no export holds it)
=====================================================  =========================================

Nine people: a former colleague who introduced her to two people at Lumen
Robotics, a friend waiting for an answer, a mentor gone
quiet, a recruiter at Lumen known only on LinkedIn. The files are written by
:mod:`netgraph.datasets.writers`, with the quirks of the real programs
(LinkedIn's ``Notes:`` preamble, iCloud-style vCards, Gmail's labels). It is
the sample the notebook runs on when no folder of the reader's own is given.

Examples
--------
>>> import tempfile, netgraph
>>> folder = write_starter(tempfile.mkdtemp())
>>> net = netgraph.load(folder, me=ME, emails=EMAILS, today=TODAY, targets=TARGETS)
>>> int(net.report.to_frame()["skipped"].sum())
0
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .._lazy import pd
from .writers import write_ics, write_linkedin, write_mbox, write_vcards

__all__ = ["write_starter", "ME", "EMAILS", "TODAY", "TARGETS"]

#: Whose exports these are, her addresses, the day the sample is read as of, and the company she looks at.
ME = "Sam Rivera"
EMAILS = ["sam.rivera@gmail.com"]
TODAY = dt.date(2026, 11, 1)
TARGETS = ["Lumen Robotics"]

_SAM = (ME, EMAILS[0])
_ALEX = ("Alex Kim", "alex.kim@brightline.io")
_PRIYA = ("Priya Shah", "priya.shah@lumenrobotics.com")
_JORDAN = ("Jordan Lee", "jordan.lee@gmail.com")
_TOM = ("Tom Baker", "tom.baker@northfield.vc")
_NINA = ("Nina Patel", "nina.patel@brightline.io")
_OMAR = ("Omar Haddad", "omar.haddad@gmail.com")
_WEI = ("Wei Zhang", "wei.zhang@lumenrobotics.com")
_PROFILE = "https://www.linkedin.com/in/"


def _day(days_ago: int, hour: int = 10) -> dt.datetime:
    """A moment ``days_ago`` days before :data:`TODAY`."""
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour))


def write_starter(folder: str | Path) -> Path:
    """Write Sam Rivera's exports into ``folder`` (created if needed), as she would have downloaded them.

    Parameters
    ----------
    folder : str or Path

    Returns
    -------
    Path
        The folder: load it with ``netgraph.load(folder, me=ME, emails=EMAILS, today=TODAY, targets=TARGETS)``.
    """
    folder = Path(folder)
    (folder / "linkedin").mkdir(parents=True, exist_ok=True)
    (folder / "Takeout" / "Mail").mkdir(parents=True, exist_ok=True)
    connections = pd.DataFrame(
        [("Alex", "Kim", f"{_PROFILE}alex-kim-pm", "", "Brightline", "Director of Product", dt.date(2019, 3, 4)),
         ("Nina", "Patel", f"{_PROFILE}nina-patel", "", "Brightline", "Designer", dt.date(2020, 6, 1)),
         ("Tom", "Baker", f"{_PROFILE}tombaker", "tom.baker@northfield.vc", "Northfield Ventures", "Partner",
          dt.date(2017, 9, 12)),
         ("Maria", "Gomez", f"{_PROFILE}maria-gomez-talent", "", "Lumen Robotics", "Technical Recruiter",
          dt.date(2026, 9, 20))],
        columns=["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    maria = ("Maria Gomez", f"{_PROFILE}maria-gomez-talent")
    sam = (ME, f"{_PROFILE}sam-rivera")
    messages = pd.DataFrame(
        [{"CONVERSATION ID": "2-c2FtLW1hcmlh", "CONVERSATION TITLE": "", "FROM": who[0], "SENDER PROFILE URL": who[1],
          "TO": to[0], "RECIPIENT PROFILE URLS": to[1], "DATE": pd.Timestamp(_day(days)), "SUBJECT": "",
          "CONTENT": "Thanks!", "FOLDER": "INBOX"}
         for who, to, days in ((maria, sam, 40), (sam, maria, 39), (maria, sam, 30))])
    invitations = pd.DataFrame(
        [{"From": maria[0], "To": ME, "Sent At": pd.Timestamp(_day(42)), "Message": "", "Direction": "INCOMING",
          "inviterProfileUrl": maria[1], "inviteeProfileUrl": sam[1]}])
    write_linkedin(folder / "linkedin", connections, messages, invitations)
    write_vcards(folder / "contacts.vcf", [
        {"first": "Jordan", "last": "Lee", "emails": [_JORDAN[1]], "phones": ["+1 617 555 0142"], "company": "",
         "title": ""},
        {"first": "Alex", "last": "Kim", "emails": [_ALEX[1]], "phones": ["+1 617 555 0177"],
         "company": "Brightline", "title": "Director of Product"},
        {"first": "Omar", "last": "Haddad", "emails": [_OMAR[1]], "phones": [], "company": "", "title": ""}])
    mail: list[dict[str, Any]] = []
    for n, days in enumerate(range(700, 20, -35)):  # Alex and Sam write to each other every month or so
        sender, recipient = (_ALEX, _SAM) if n % 2 else (_SAM, _ALEX)
        mail.append({"date": _day(days), "from": sender, "to": [recipient], "message_id": f"alex-{n}@mail",
                     "sent": sender == _SAM})
    # Alex introduces Sam to Priya at Lumen Robotics, on one message to both
    mail.append({"date": _day(18), "from": _ALEX, "to": [_SAM, _PRIYA], "message_id": "intro@mail"})
    mail.append({"date": _day(17), "from": _SAM, "to": [_PRIYA], "cc": [_ALEX], "message_id": "thanks@mail",
                 "in_reply_to": "intro@mail", "references": ["intro@mail"], "sent": True})
    # Jordan, a friend, wrote three weeks ago and is still waiting
    for n, days in enumerate((200, 150, 120, 90, 60, 21)):
        sender, recipient = (_SAM, _JORDAN) if n % 2 and days > 21 else (_JORDAN, _SAM)
        mail.append({"date": _day(days, 20), "from": sender, "to": [recipient], "message_id": f"jordan-{n}@mail",
                     "sent": sender == _SAM})
    # Tom, her mentor: close two years ago, quiet since
    for n, days in enumerate(range(1100, 700, -20)):
        sender, recipient = (_TOM, _SAM) if n % 2 else (_SAM, _TOM)
        mail.append({"date": _day(days), "from": sender, "to": [recipient], "message_id": f"tom-{n}@mail",
                     "sent": sender == _SAM})
    mail.append({"date": _day(45), "from": _OMAR, "to": [_SAM, _NINA], "message_id": "omar@mail"})
    # Alex writes to Wei, another of Lumen's people, copying Sam: an introduction, as netgraph reads it
    for n, days in enumerate((95, 33)):
        mail.append({"date": _day(days, 16), "from": _ALEX, "to": [_WEI], "cc": [_SAM], "message_id": f"wei-{n}@mail"})
    mail.sort(key=lambda m: m["date"])
    write_mbox(folder / "Takeout" / "Mail" / "All mail Including Spam and Trash.mbox", mail)
    write_ics(folder / "calendar.ics", [
        {"uid": "standup@google.com", "start": _day(400, 9), "minutes": 30, "organizer": _ALEX,
         "attendees": [_SAM, _ALEX, _NINA], "rrule": "FREQ=WEEKLY;COUNT=20"},
        {"uid": "coffee@google.com", "start": _day(12, 15), "minutes": 45, "organizer": _SAM,
         "attendees": [_SAM, _PRIYA]}], owner=ME)
    (folder / "companies.csv").write_text("name,domains\nLumen Robotics,lumenrobotics.com\n"
                                          "Brightline,brightline.io\n", encoding="utf-8")
    return folder
