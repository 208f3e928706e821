"""Write people and contact events as the files real programs export.

The demo network, and the tests at scale, arrive the way a real user's data
does: a LinkedIn data export (``Connections.csv`` with its ``Notes:``
preamble, ``messages.csv`` with its group conversations, ``Invitations.csv``),
a phone's address book (vCard 3.0 as iCloud writes it), a mailbox (mbox,
headers only: To, Cc, In-Reply-To and References, so that threads and the
people copied together on them can be told) and a calendar (iCalendar, each
invitee with their answer: accepted, tentative or declined). These writers
produce those files from plain records, so that loading them exercises every
importer, every identity rule and the inference of who knows whom.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import zlib
from collections.abc import Iterable
from email.header import Header
from pathlib import Path

from .._lazy import pd
from ..io.export import atomic_write
from ..model.keys import NICKNAMES
from ..model.tables import ENDORSEMENT, INVITATION, RECOMMENDATION

__all__ = ["write_exports", "write_linkedin", "write_vcards", "write_mbox", "write_ics", "linkedin_date"]

_NOTES = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
          'missing. You will only see email addresses for connections who have allowed their connections to see '
          'or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. '
          'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n')


def linkedin_date(day: dt.date) -> str:
    """``05 Jan 2026``, as Connections.csv writes dates."""
    return day.strftime("%d %b %Y")


def _csv(frame: pd.DataFrame, *, quote_header: bool = False) -> str:
    text = frame.to_csv(index=False, lineterminator="\n")
    if quote_header:
        header, _, rest = text.partition("\n")
        text = ",".join(f'"{h}"' for h in header.split(",")) + "\n" + rest
    return text


def write_linkedin(folder: str | Path, connections: pd.DataFrame, messages: pd.DataFrame,
                   invitations: pd.DataFrame, favours: dict[str, pd.DataFrame] | None = None) -> list[Path]:
    """Write a LinkedIn data export: ``Connections.csv``, ``messages.csv``, ``Invitations.csv``, and the
    recommendations and endorsements files given in ``favours``.

    ``connections`` has First Name, Last Name, URL, Email Address, Company,
    Position and Connected On (a date); ``messages`` one row per message
    (conversation id and title, FROM, SENDER PROFILE URL, TO, RECIPIENT PROFILE
    URLS, DATE as a timestamp, SUBJECT, CONTENT, FOLDER); ``invitations`` has
    From, To, Sent At (timestamp), Message, Direction, inviterProfileUrl and
    inviteeProfileUrl. ``favours`` maps ``Recommendations_Received.csv``... to
    their rows, dates (Creation Date, Endorsement Date) as timestamps.
    """
    folder = Path(folder)
    connections = connections.assign(**{"Connected On": connections["Connected On"].map(linkedin_date)})
    messages = messages.assign(DATE=messages["DATE"].map(lambda t: t.strftime("%Y-%m-%d %H:%M:%S UTC")),
                               ATTACHMENTS="", **{"IS MESSAGE DRAFT": "No", "IS CONVERSATION DRAFT": "No"})
    invitations = invitations.assign(**{"Sent At": invitations["Sent At"].map(_american)})
    files = {"Connections.csv": _NOTES + _csv(connections), "messages.csv": _csv(messages, quote_header=True),
             "Invitations.csv": _csv(invitations)}
    for name, rows in (favours or {}).items():
        if "Creation Date" in rows:
            rows = rows.assign(**{"Creation Date": rows["Creation Date"].map(_american)})
        else:
            rows = rows.assign(**{"Endorsement Date": rows["Endorsement Date"].map(
                lambda t: t.strftime("%Y/%m/%d %H:%M:%S UTC"))})
        files[name] = _csv(rows)
    for name, text in files.items():
        atomic_write(folder / name, text)
    return [folder / name for name in files]


def _american(t: pd.Timestamp) -> str:
    """A date as LinkedIn writes Sent At and Creation Date: ``4/23/23, 10:15 AM``."""
    return f"{t.month}/{t.day}/{t:%y}, {t:%I:%M %p}".replace(", 0", ", ")


def _fold(line: str) -> str:
    """RFC 6350 line folding at 75 octets."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    start = 0
    while start < len(data):
        end = min(start + (75 if not parts else 74), len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
    return "\r\n ".join(parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def write_vcards(path: str | Path, cards: Iterable[dict]) -> Path:
    """Write an address book as iCloud does (vCard 3.0, grouped e-mail labels, folded lines).

    Each card is a dict with ``first``, ``last``, ``emails`` (list), ``phones``
    (list), ``company``, ``title`` and optionally ``linkedin_url``.
    """
    lines = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 18.1//EN",
                  f"N:{_escape(card['last'])};{_escape(card['first'])};;;",
                  f"FN:{_escape(card['first'] + ' ' + card['last'])}"]
        if card.get("company"):
            lines.append(f"ORG:{_escape(card['company'])};")
        if card.get("title"):
            lines.append(f"TITLE:{_escape(card['title'])}")
        for i, address in enumerate(card.get("emails", []), 1):
            kind = "HOME" if address.endswith("@gmail.com") else "WORK"
            lines.append(f"item{i}.EMAIL;type=INTERNET;type={kind}{';type=pref' if i == 1 else ''}:{address}")
            lines.append(f"item{i}.X-ABLabel:_$!<{kind.title()}>!$_")
        for i, phone in enumerate(card.get("phones", [])):
            lines.append(f"TEL;type={'CELL' if i == 0 else 'WORK'};type=VOICE{';type=pref' if i == 0 else ''}:{phone}")
        if card.get("linkedin_url"):
            lines.append(f"X-SOCIALPROFILE;type=linkedin:{card['linkedin_url']}")
        lines.append("END:VCARD")
    path = Path(path)
    atomic_write(path, "\r\n".join(_fold(line) for line in lines) + "\r\n")
    return path


def _address(name: str, address: str, last_first: bool = False) -> str:
    shown = f"{name.split(' ', 1)[1]}, {name.split(' ', 1)[0]}" if last_first and " " in name else name
    if not shown.isascii():
        return email.utils.formataddr((str(Header(shown, "utf-8")), address))
    return email.utils.formataddr((shown, address))


def write_mbox(path: str | Path, messages: Iterable[dict]) -> Path:
    """Write a mailbox as Gmail Takeout does, headers only.

    Each message is a dict with ``date`` (a datetime), ``from`` and ``to``
    (``(name, address)`` pairs; ``to`` a list), ``message_id`` (with or without
    its angle brackets), optionally ``cc`` (a list of pairs), ``in_reply_to``
    and ``references`` (Message-IDs), ``subject``, ``sent`` (in the Sent label)
    and ``last_first`` (write the sender's name as "Last, First", as some mail
    programs do).
    """
    chunks = []
    for m in messages:
        sender_name, sender = m["from"]
        when = m["date"].replace(tzinfo=dt.UTC)
        thread = (m.get("references") or [m["message_id"]])[0]
        headers = [f"From {sender} {when:%a %b %d %H:%M:%S %Y}",
                   f"X-GM-THRID: {zlib.crc32(thread.encode()) * 7919}",
                   "X-Gmail-Labels: " + ("Sent" if m.get("sent") else "Inbox"),
                   f"From: {_address(sender_name, sender, m.get('last_first', False))}",
                   "To: " + ", ".join(_address(n, a) for n, a in m["to"])]
        if m.get("cc"):
            headers.append("Cc: " + ", ".join(_address(n, a) for n, a in m["cc"]))
        headers += [f"Date: {email.utils.format_datetime(when)}", f"Message-ID: {_bracketed(m['message_id'])}"]
        if m.get("in_reply_to"):
            headers.append(f"In-Reply-To: {_bracketed(m['in_reply_to'])}")
        if m.get("references"):
            headers.append("References: " + " ".join(_bracketed(r) for r in m["references"]))
        headers.append(f"Subject: {m.get('subject', '')}")
        chunks.append("\n".join(headers) + "\n\n")
    path = Path(path)
    atomic_write(path, "".join(chunks))
    return path


def _bracketed(message_id: str) -> str:
    return message_id if message_id.startswith("<") else f"<{message_id}>"


def _ics_time(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%SZ")


def write_ics(path: str | Path, events: Iterable[dict], *, owner: str) -> Path:
    """Write a calendar as Google Calendar exports it.

    Each event is a dict with ``uid``, ``start`` (a datetime, UTC),
    ``minutes``, ``organizer`` (a ``(name, address)`` pair) and ``attendees``
    (``(name, address)`` pairs, or ``(name, address, answer)`` with answer
    ACCEPTED, TENTATIVE, DECLINED or NEEDS-ACTION; ACCEPTED when not given), and
    optionally ``title``, ``rrule`` (e.g. ``FREQ=WEEKLY;UNTIL=20260629T235959Z``),
    ``exdates`` (datetimes) and ``overrides`` (``{original start: new start}``).
    """
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{owner}", "X-WR-TIMEZONE:UTC"]

    def vevent(event: dict, start: dt.datetime, recurrence_id: dt.datetime | None = None) -> list[str]:
        body = ["BEGIN:VEVENT", f"DTSTART:{_ics_time(start)}",
                f"DTEND:{_ics_time(start + dt.timedelta(minutes=event['minutes']))}",
                f"DTSTAMP:{_ics_time(start)}"]
        organizer_name, organizer = event["organizer"]
        body.append(f"ORGANIZER;CN={organizer_name}:mailto:{organizer}")
        body.append(f"UID:{event['uid']}")
        for name, address, *answer in event["attendees"]:
            body.append(f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={(answer or ['ACCEPTED'])[0]};"
                        f"CN={name};X-NUM-GUESTS=0:mailto:{address}")
        if recurrence_id is not None:
            body.append(f"RECURRENCE-ID:{_ics_time(recurrence_id)}")
        elif event.get("rrule"):
            body.append(f"RRULE:{event['rrule']}")
            body += [f"EXDATE:{_ics_time(day)}" for day in event.get("exdates", [])]
        body += ["STATUS:CONFIRMED", f"SUMMARY:{_escape(event.get('title', 'Meeting'))}", "TRANSP:OPAQUE",
                 "END:VEVENT"]
        return body

    for event in events:
        lines += vevent(event, event["start"])
        for original, moved in event.get("overrides", {}).items():
            lines += vevent(event, moved, recurrence_id=original)
    lines.append("END:VCALENDAR")
    path = Path(path)
    atomic_write(path, "\r\n".join(_fold(line) for line in lines) + "\r\n")
    return path


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = name.partition(" ")
    return first, last


def write_exports(s, folder: str | Path) -> Path:
    """Write a generated network the way its owner would have it: real exports plus a few canonical tables.

    People with a LinkedIn connection date go to ``Connections.csv``; people
    with a phone number to ``contacts.vcf``; e-mails to ``mail.mbox`` (the rows
    of one Message-ID as one message, its recipients on the To or, where the
    bookkeeping column ``_cc`` says so, the Cc line); meetings to
    ``calendar.ics`` (one-to-one ones as single events, those of
    ``s.extra["meetings"]`` with their invitees' answers and recurrence rules);
    messages with connections to ``messages.csv`` (with the group
    conversations of ``s.extra["chats"]``), invitations to ``Invitations.csv``,
    recommendations and endorsements between connections to LinkedIn's four
    files of them. Rows that belong to a meeting or conversation of ``s.extra``
    name it in the bookkeeping column ``_event``. What no export holds stays in
    canonical tables: asks and favours, calls and other contacts
    (``interactions.csv``), known ties, introductions, companies, and the
    people no export knows, or what only the owner knows of them (tags,
    closeness ratings, past employers) in ``people.csv``.

    Parameters
    ----------
    s : netgraph.datasets.synth.Synthetic
        A generated network (canonical tables; people need ``email``,
        ``linkedin_url`` and ``phone`` columns for the exports they appear in).
    folder : path

    Returns
    -------
    Path
        The folder.
    """
    folder = Path(folder)
    people = s.people.fillna("").reset_index(drop=True)
    me = people.iloc[0]
    who = {"me": me}
    for _, row in people.iterrows():
        who[row["email"].split(";")[0]] = row
        if row.get("id", ""):
            who[row["id"]] = row
    my_addresses = [a.strip() for a in me["email"].split(";")]
    x = s.interactions.copy()
    x["when"] = pd.to_datetime(x["date"])
    x["other"] = [t if f == "me" else f for f, t in zip(x["from"], x["to"])]
    grouped = x["_event"].notna() if "_event" in x else pd.Series(False, index=x.index)
    connected = {row["email"] for _, row in people.iterrows() if row["connected_on"]}
    invitation = x["note"] == INVITATION
    chat = (x["channel"] == "message") & ~x["other"].map(lambda o: who[o]["email"] in connected) & ~invitation
    canonical = (x["kind"].isin(["ask", "give"]) | x["channel"].isin(["call", "letter", "other"]) | chat) & ~grouped
    route = pd.Series("canonical", index=x.index).where(canonical, x["channel"].map(
        {"email": "mbox", "message": "linkedin", "meeting": "ics"}))
    route[invitation] = "invitations"
    # LinkedIn keeps recommendations and endorsements between connections only
    on_linkedin = x["other"].map(lambda o: who[o]["email"] in connected)
    route[x["note"].isin([RECOMMENDATION, ENDORSEMENT]) & on_linkedin] = "favours"

    def address(row, when, others=()) -> tuple[str, str]:
        """Someone's address; mine is the work one while I had it, for my colleagues (when ``others`` are
        given: the people on a message), else my own."""
        if row is me:
            work = my_addresses[-1]
            colleagues = not others or any(o["email"].split(";")[0].endswith("@" + work.partition("@")[2])
                                           for o in others)
            at_work = when < pd.Timestamp("2026-07-01") and len(my_addresses) > 1 and colleagues
            return me["name"], work if at_work else my_addresses[0]
        return row["name"], row["email"].split(";")[0]

    _mail(folder, x[route == "mbox"], who, address)
    _calendar(folder, x[(route == "ics") & ~grouped], s.extra.get("meetings", []), who, me, address)
    _linkedin(folder, people, x[(route == "linkedin") & ~grouped], s.extra.get("chats", []), x[route == "invitations"],
              x[route == "favours"], who, me)
    cards = [{"first": _as_saved(r), "last": _split_name(r["name"])[1],
              "emails": [e.strip() for e in r["email"].split(";")], "phones": [r["phone"]],
              "company": r["company"], "title": r["title"]} for _, r in people.iloc[1:].iterrows() if r["phone"]]
    write_vcards(folder / "contacts.vcf", cards)

    notes_only = people.iloc[1:][lambda p: (p["connected_on"] == "") & (p["phone"] == "")]
    exported = people.iloc[1:][lambda p: (p["connected_on"] != "") | (p["phone"] != "")]
    noted = (exported["closeness"] != "") | (exported["tags"] != "") | (exported["past_companies"] != "")
    enrichment = exported[noted]
    mailed = set(x.loc[route.isin(["mbox", "ics"]), "from"]) | set(x.loc[route.isin(["mbox", "ics"]), "to"])
    addressed = mailed | set(notes_only["email"]) | set(enrichment["email"]) | set(people.loc[people["phone"] != "",
                                                                                             "email"])
    refer = _referrer(people, addressed)
    rest = x[route == "canonical"].copy()
    phone_of = {r["email"]: r["phone"] for _, r in people.iterrows() if r["phone"]}
    for column in ("from", "to"):  # calls are logged by number when the number is known
        calls = rest["channel"] == "call"
        rest[column] = [phone_of.get(ref, refer(ref)) if call else refer(ref) for ref, call in zip(rest[column], calls)]
    ties = s.ties.assign(a=s.ties["a"].map(refer), b=s.ties["b"].map(refer))
    intros = s.introductions.assign(introducer=s.introductions["introducer"].map(refer),
                                    introduced=s.introductions["introduced"].map(refer))
    from ..io.export import write_config, write_tables

    write_tables({"people": pd.concat([people.iloc[:1].drop(columns=["linkedin_url", "phone", "connected_on"]),
                                       notes_only.drop(columns=["linkedin_url", "phone", "connected_on"]),
                                       enrichment[["name", "email", "past_companies", "tags", "closeness"]]],
                                      ignore_index=True).fillna(""),
                  "interactions": rest[["date", "from", "to", "channel", "kind", "note"]],
                  "ties": ties, "introductions": intros, "companies": s.companies}, folder)
    write_config(folder, me=s.me, emails=s.emails, targets=s.targets, today=s.today)
    return folder


_SHORT = {formal[0]: nickname for nickname, formal in NICKNAMES.items() if len(formal) == 1}


def _as_saved(person) -> str:
    """The first name as saved in a phone: some of my connections under their nickname (Robert as Bob)."""
    first = _split_name(person["name"])[0]
    short = _SHORT.get(first.lower())
    if short and person["connected_on"] and zlib.crc32(person["email"].encode()) % 2:
        return short.title()
    return first


def _referrer(people: pd.DataFrame, addressed: set[str]):
    """How the owner's own tables name someone: by the address the files know them by, else by name
    (with the profile URL when the name alone is ambiguous)."""
    names = people["name"].value_counts()
    by_email = {r["email"]: r for _, r in people.iterrows()}

    def refer(ref: str) -> str:
        row = by_email.get(ref)
        if row is None or ref in addressed:
            return ref
        return row["name"] if names[row["name"]] == 1 else f"{row['name']} <{row['linkedin_url']}>"

    return refer


def _mail(folder: Path, mail: pd.DataFrame, who: dict, address) -> None:
    """The rows of each Message-ID as one message (a row without one is a message of its own)."""
    ids = mail["message_id"] if "message_id" in mail else pd.Series(None, index=mail.index)
    keys = ids.where(ids.notna() & (ids != ""), pd.Series([f"<row{i}@netgraph.demo>" for i in mail.index],
                                                          index=mail.index))
    parent = dict(zip(keys, mail["in_reply_to"].fillna(""))) if "in_reply_to" in mail else {}
    cc = mail["_cc"].fillna(False).astype(bool) if "_cc" in mail else pd.Series(False, index=mail.index)
    subject = mail["_subject"] if "_subject" in mail else pd.Series(None, index=mail.index)
    messages = []
    for key, rows in mail.groupby(keys, sort=False):
        first = rows.iloc[0]
        sender, when = who[first["from"]], first["when"]
        people = [sender, *(who[r] for r in rows["to"])]
        own = address(sender, when, people)
        chain: list = []
        up = parent.get(key, "")
        while up and up not in chain:  # References: the thread's messages, oldest first
            chain.insert(0, up)
            up = parent.get(up, "")
        messages.append({"date": when.to_pydatetime(), "from": own, "message_id": key,
                         "to": [address(who[r], when, people) for r, c in zip(rows["to"], cc[rows.index]) if not c],
                         "cc": [address(who[r], when, people) for r, c in zip(rows["to"], cc[rows.index]) if c],
                         "in_reply_to": chain[-1] if chain else None, "references": chain,
                         "sent": first["from"] == "me", "subject": subject[rows.index[0]] or "Catching up",
                         # some mail programs write "Last, First"
                         "last_first": sender["name"] == "Mary Lee" or zlib.crc32(own[1].encode()) % 7 == 0})
    write_mbox(folder / "mail.mbox", messages)


def _calendar(folder: Path, singles: pd.DataFrame, meetings: list[dict], who: dict, me, address) -> None:
    """One-to-one meetings as single events (organised by the one who reached out); the meetings of
    the story with every invitee's answer, recurring ones as a rule with its exceptions."""
    events = []
    ids = singles["message_id"] if "message_id" in singles else pd.Series(None, index=singles.index)
    for i, (organizer, attendee, when, occurrence) in enumerate(zip(singles["from"], singles["to"], singles["when"],
                                                                    ids)):
        start = when.to_pydatetime()
        uid = occurrence.partition("/")[0] if isinstance(occurrence, str) and occurrence else \
            f"{when:%Y%m%dT%H%M}-{i}@netgraph.demo"
        events.append({"uid": uid, "start": start, "minutes": 30,
                       "organizer": address(who[organizer], when),
                       "attendees": [address(who[organizer], when), address(who[attendee], when)]})
    for spec in meetings:
        first = spec["start"]
        rule = ""
        if spec["rule"] == "WEEKLY":
            rule = "FREQ=WEEKLY"
        elif spec["rule"] == "MONTHLY":
            rule = f"FREQ=MONTHLY;BYDAY={(first.day - 1) // 7 + 1}{first.day_name()[:2].upper()}"
        if rule and spec["until"] is not None:
            rule += f";UNTIL={spec['until']:%Y%m%dT%H%M%SZ}"
        events.append({"uid": spec["uid"], "title": spec["title"], "start": first.to_pydatetime(),
                       "minutes": spec["minutes"], "organizer": address(who[spec["organizer"]], first),
                       "attendees": [(*address(who[p], first), answer) for p, answer in spec["attendees"].items()],
                       "rrule": rule, "exdates": [d.to_pydatetime() for d in spec["skip"]],
                       "overrides": {a.to_pydatetime(): b.to_pydatetime() for a, b in spec["moved"].items()}})
    write_ics(folder / "calendar.ics", events, owner=address(me, pd.Timestamp.max)[1])


def conversation_id(seed: str) -> str:
    """A conversation id as LinkedIn writes them: ``2-`` and a base64 token."""
    token = f"{zlib.crc32(seed.encode()):08x}-{zlib.adler32(seed.encode()):08x}_010"
    return "2-" + base64.b64encode(token.encode()).decode().rstrip("=")


def _linkedin(folder: Path, people: pd.DataFrame, messages: pd.DataFrame, chats: list[dict],
              invitations: pd.DataFrame, favours: pd.DataFrame, who: dict, me) -> None:
    my_url = f"https://www.linkedin.com/in/{me['name'].lower().replace(' ', '-')}-marketing"
    connections = people.iloc[1:][people.iloc[1:]["connected_on"] != ""]
    first_last = connections["name"].map(_split_name)
    table = pd.DataFrame({
        "First Name": first_last.map(lambda n: n[0]), "Last Name": first_last.map(lambda n: n[1]),
        "URL": connections["linkedin_url"],
        # LinkedIn shows an address only when the member allows it: a few do
        "Email Address": [e.split(";")[0] if zlib.crc32(e.encode()) % 8 == 0 else "" for e in connections["email"]],
        "Company": connections["company"], "Position": connections["title"],
        "Connected On": pd.to_datetime(connections["connected_on"]).dt.date})

    def party(ref):
        row = who[ref]
        return (row["name"], my_url) if row is me else (row["name"], row["linkedin_url"])

    rows = []
    for sender_ref, recipient_ref, when in zip(messages["from"], messages["to"], messages["when"]):
        (sender, sender_url), (recipient, recipient_url) = party(sender_ref), party(recipient_ref)
        other = recipient_url if sender_ref == "me" else sender_url
        rows.append({"CONVERSATION ID": conversation_id(other), "CONVERSATION TITLE": "",
                     "FROM": sender, "SENDER PROFILE URL": sender_url, "TO": recipient,
                     "RECIPIENT PROFILE URLS": recipient_url, "DATE": when, "SUBJECT": "",
                     "CONTENT": "Thanks, talk soon!", "FOLDER": "INBOX"})
    for chat in chats:  # a group conversation: each message to everyone else in it
        conversation = conversation_id(chat["title"])
        for when, sender_ref in chat["messages"]:
            sender, sender_url = party(sender_ref)
            others = [party(p) for p in chat["participants"] if p != sender_ref]
            rows.append({"CONVERSATION ID": conversation, "CONVERSATION TITLE": chat["title"], "FROM": sender,
                         "SENDER PROFILE URL": sender_url, "TO": ",".join(name for name, _ in others),
                         "RECIPIENT PROFILE URLS": ",".join(url for _, url in others), "DATE": when,
                         "SUBJECT": "", "CONTENT": "See you there!", "FOLDER": "INBOX"})
    rows.sort(key=lambda r: r["DATE"])
    invited = []
    for sender_ref, recipient_ref, when in zip(invitations["from"], invitations["to"], invitations["when"]):
        (sender, sender_url), (recipient, recipient_url) = party(sender_ref), party(recipient_ref)
        invited.append({"From": sender, "To": recipient, "Sent At": when, "Message": "",
                        "Direction": "OUTGOING" if sender_ref == "me" else "INCOMING",
                        "inviterProfileUrl": sender_url, "inviteeProfileUrl": recipient_url})
    columns = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
               "DATE", "SUBJECT", "CONTENT", "FOLDER"]
    write_linkedin(folder, table, pd.DataFrame(rows, columns=columns), pd.DataFrame(
        invited, columns=["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]),
        _favour_files(favours, who, me))


def _favour_files(favours: pd.DataFrame, who: dict, me) -> dict[str, pd.DataFrame]:
    """The recommendations and endorsements files of the export, for the favours it holds."""
    files: dict[str, list[dict]] = {}
    for sender, recipient, note, when in zip(favours["from"], favours["to"], favours["note"], favours["when"]):
        received = recipient == "me"
        other = who[sender if received else recipient]
        first, last = _split_name(other["name"])
        if note == RECOMMENDATION:
            name = f"Recommendations_{'Received' if received else 'Given'}.csv"
            row = {"First Name": first, "Last Name": last, "Company": other["company"], "Job Title": other["title"],
                   "Text": "A pleasure to work with.", "Creation Date": when, "Status": "VISIBLE"}
        else:
            name = f"Endorsement_{'Received' if received else 'Given'}_Info.csv"
            role = "Endorser" if received else "Endorsee"
            row = {"Endorsement Date": when, "Skill Name": "Marketing", f"{role} First Name": first,
                   f"{role} Last Name": last, f"{role} Public Url": other["linkedin_url"].removeprefix("https://"),
                   "Endorsement Status": "ACCEPTED"}
        files.setdefault(name, []).append(row)
    return {name: pd.DataFrame(rows) for name, rows in sorted(files.items())}
