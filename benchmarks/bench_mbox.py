"""The mailbox reader against Python's ``mailbox`` module, side by side.

Generates (seeded, in a temporary folder) a Gmail-Takeout-like mailbox: full
Received chains, DKIM signatures, multipart bodies with plain and HTML parts
of varying size, some base64 attachments, mboxrd-quoted ``>From `` lines. Then
reads it with :func:`netgraph.io.sources.mbox.read_mbox` and with the standard
library baseline (iterate ``mailbox.mbox`` and parse each message's From, To,
Cc, Date, Message-ID and In-Reply-To, with the default ``compat32`` messages
and with ``email.policy.default``), and prints the times, the ratio, messages
per second and peak memory.

Times are measured in this process, the readers taking turns, best of
``repeat`` runs each. Memory is measured in a forked child per reader, so that
each has its own ``ru_maxrss``; the child also runs under ``tracemalloc``
(which slows it, so it is not timed).

Run ``python benchmarks/bench_mbox.py [--mb 200]``.
"""

from __future__ import annotations

import argparse
import base64
import email
import email.policy
import mailbox
import multiprocessing
import os
import platform
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime, getaddresses, parsedate_to_datetime
from pathlib import Path

from netgraph import ImportReport
from netgraph.io.sources.mbox import read_mbox

WORDS = ("the meeting next week project intro thanks follow up quarter budget team lunch coffee deck "
         "numbers review draft contract hiring call tomorrow from great idea please let me know about "
         "board investor product launch customer feedback schedule office travel notes agenda").split()
FIRST = "Mary Stan Jane Omar Li Ana Pierre Chidi Yuki Sofia Lars Priya Kofi Elena Diego Hana".split()
LAST = "Lee Jones Novak Haddad Chen Silva Dubois Okafor Tanaka Rossi Berg Patel Mensah Ivanova Lopez Kim".split()
DOMAINS = ["novagen.com", "helix-tx.com", "gmail.com", "acme.io", "example.org", "fund.vc", "uni.edu"]
OWNER = "Jane Jones <jane.jones@gmail.com>"


def _people(rng: random.Random, n: int = 600) -> list[str]:
    people = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        address = f"{first}.{last}{i}@{rng.choice(DOMAINS)}".lower()
        if rng.random() < 0.1:
            name = "=?utf-8?q?" + f"{last}=2C_{first}".replace(" ", "_") + "?="
        elif rng.random() < 0.1:
            name = f'"{last}, {first}"'
        else:
            name = f"{first} {last}"
        people.append(f"{name} <{address}>" if rng.random() < 0.9 else address)
    return people


def _fold(text: str, width: int = 72) -> str:
    return "\n        ".join(text[i:i + width] for i in range(0, len(text), width))


def _paragraphs(rng: random.Random, size: int) -> str:
    lines, total = [], 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        if rng.random() < 0.01:
            line = ">From " + line  # mboxrd: a body line starting "From " as the writer quoted it
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def _message(rng: random.Random, people: list[str], when: datetime, number: int, owner_sends: bool) -> bytes:
    sender = OWNER if owner_sends else rng.choice(people)
    many = 40 if rng.random() < 0.02 else rng.choice((1, 1, 1, 2, 3, 5))
    to = [OWNER] if not owner_sends else []
    to += rng.sample(people, many)
    cc = rng.sample(people, rng.randint(1, 4)) if rng.random() < 0.3 else []
    boundary = f"000000000000{number:012x}"
    date = format_datetime(when.astimezone(timezone(timedelta(hours=rng.choice((-8, -5, 0, 1, 9))))))
    headers = [
        f"From {rng.getrandbits(62)}@xxx {when:%a %b %d %H:%M:%S} +0000 {when:%Y}",
        f"X-GM-THRID: {rng.getrandbits(62)}",
        f"X-Gmail-Labels: {rng.choice(('Inbox', 'Inbox,Important', 'Sent', 'Archived', 'Category Updates'))}",
        "Delivered-To: jane.jones@gmail.com",
    ]
    for hop in range(rng.randint(3, 7)):
        headers.append(f"Received: from mail-{hop}.{rng.choice(DOMAINS)} (mail-{hop}.google.com. "
                       f"[209.85.{rng.randint(0, 255)}.{rng.randint(0, 255)}])\n        by mx.google.com with "
                       f"ESMTPS id {rng.getrandbits(64):x}\n        for <jane.jones@gmail.com>;\n        {date}")
    signature = base64.b64encode(rng.randbytes(256)).decode()
    headers += [
        f"X-Received: by 10.{rng.randint(0, 255)}.1.2 with SMTP id {rng.getrandbits(48):x};\n        {date}",
        "Return-Path: <bounce@example.org>",
        "Received-SPF: pass (google.com: domain of bounce@example.org designates 1.2.3.4 as permitted sender)",
        "Authentication-Results: mx.google.com;\n       dkim=pass header.i=@example.org;\n       spf=pass",
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=2016;\n        "
        f"h=mime-version:from:date:message-id:subject:to;\n        b={_fold(signature)}",
        "MIME-Version: 1.0",
        f"From: {sender}",
        f"Date: {date}",
        f"Message-ID: <{rng.getrandbits(80):x}.{number}@mail.gmail.com>",
        f"Subject: {' '.join(rng.choice(WORDS) for _ in range(5))}",
        "To: " + ",\n    ".join(to),
    ]
    if cc:
        headers.append("Cc: " + ", ".join(cc))
    if rng.random() < 0.4:
        headers.append(f"In-Reply-To: <{rng.getrandbits(80):x}@mail.gmail.com>")
    if rng.random() < 0.1:
        headers += ["List-Id: Team news <news.example.org>", "List-Unsubscribe: <mailto:leave@example.org>"]
    headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
    text = _paragraphs(rng, int(rng.lognormvariate(7.5, 1.0)))
    html = "<html><body>" + "".join(f"<p>{p}</p>\n" for p in text.split("\n")) + "</body></html>"
    parts = [f"--{boundary}\nContent-Type: text/plain; charset=UTF-8\n\n{text}\n",
             f"--{boundary}\nContent-Type: text/html; charset=UTF-8\n\n{html}\n"]
    if rng.random() < 0.12:
        blob = base64.encodebytes(rng.randbytes(int(rng.lognormvariate(11.5, 1.0)))).decode()
        parts.append(f"--{boundary}\nContent-Type: application/pdf; name=\"deck.pdf\"\n"
                     f"Content-Transfer-Encoding: base64\n\n{blob}")
    body = "".join(parts) + f"--{boundary}--\n"
    return ("\n".join(headers) + "\n\n" + body + "\n").encode()


def generate(path: Path, size_mb: float = 200, seed: int = 7) -> int:
    """Write a Gmail-like mailbox of about ``size_mb`` MB; returns its number of messages."""
    rng = random.Random(seed)
    people = _people(rng)
    when = datetime(2019, 1, 1, tzinfo=UTC)
    limit, written, count = size_mb * 1e6, 0, 0
    with open(path, "wb") as handle:
        while written < limit:
            when += timedelta(seconds=rng.randint(60, 20000))
            data = _message(rng, people, when, count, owner_sends=rng.random() < 0.25)
            handle.write(data)
            written += len(data)
            count += 1
    return count


def netgraph_reader(path: Path) -> int:
    report = ImportReport()
    read_mbox(path, report=report, progress=False)
    return report.files[0].read


def stdlib_reader(path: Path) -> int:
    """The baseline: every message through ``mailbox.mbox``, its headers parsed as the reader does."""
    count = parsed = 0
    for message in mailbox.mbox(path):
        senders = getaddresses(message.get_all("From", []))
        recipients = getaddresses(message.get_all("To", []) + message.get_all("Cc", []))
        date = parsedate_to_datetime(message["Date"])
        parsed += len(senders) + len(recipients) + (date is not None)
        parsed += (message["Message-ID"] is not None) + (message["In-Reply-To"] is not None)
        count += 1
    return count


def _policy_default(handle):
    return email.message_from_binary_file(handle, policy=email.policy.default)


def stdlib_policy_reader(path: Path) -> int:
    """The same with ``email.policy.default``, whose headers are parsed objects."""
    count = parsed = 0
    for message in mailbox.mbox(path, factory=_policy_default):
        parsed += sum(len(message[name].addresses) for name in ("From", "To", "Cc") if message[name] is not None)
        parsed += (message["Date"].datetime is not None) + (message["Message-ID"] is not None)
        parsed += message["In-Reply-To"] is not None
        count += 1
    return count


READERS = {"netgraph read_mbox": netgraph_reader, "stdlib mailbox (compat32)": stdlib_reader,
           "stdlib mailbox (policy.default)": stdlib_policy_reader}


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _memory(name: str, path: Path, out) -> None:
    start = _rss_mb()
    tracemalloc.start()
    READERS[name](path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    out.send((peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, start))


def measure_memory(name: str, path: Path) -> tuple[float, float, float]:
    """(tracemalloc peak, maxrss, RSS at start), in MiB, of ``name`` reading ``path`` in a fresh child."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_memory, args=(name, path, send))
    child.start()
    result = receive.recv()
    child.join()
    return result


def _time(reader, path: Path) -> tuple[float, int]:
    began = time.perf_counter()
    seen = reader(path)
    return time.perf_counter() - began, seen


def run(size_mb: float = 200, seed: int = 7, repeat: int = 2) -> dict:
    """Generate a mailbox of ``size_mb`` MB and read it with every reader.

    Each reader's time is the best of ``repeat`` runs, the readers taking
    turns (so that a load from elsewhere on the machine hits all alike).
    Returns the measurements.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "All mail Including Spam and Trash.mbox"
        generated = generate(path, size_mb, seed)
        times = {name: [] for name in READERS}
        for _ in range(repeat):
            for name, reader in READERS.items():
                times[name].append(_time(reader, path))
        results = {"size_mb": path.stat().st_size / 1e6, "messages": generated, "readers": {}}
        for name, runs in times.items():
            seconds, seen = min(runs)
            peak, maxrss, start = measure_memory(name, path)
            results["readers"][name] = {"seconds": seconds, "messages": seen, "messages_per_s": seen / seconds,
                                        "tracemalloc_peak_mb": peak, "maxrss_mb": maxrss, "rss_start_mb": start}
    ours = results["readers"]["netgraph read_mbox"]
    baseline = min((r for n, r in results["readers"].items() if n.startswith("stdlib")), key=lambda r: r["seconds"])
    results["speedup"] = baseline["seconds"] / ours["seconds"]
    results["same_count"] = len({r["messages"] for r in results["readers"].values()} | {generated}) == 1
    return results


def report(results: dict) -> str:
    """The measurements as a plain-text table."""
    lines = [f"mailbox: {results['size_mb']:.0f} MB, {results['messages']:,} messages; "
             f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}",
             f"{'reader':34} {'seconds':>8} {'msgs/s':>9} {'MB/s':>7} {'ratio':>6} {'tracemalloc':>12} "
             f"{'maxrss':>8} {'(start)':>8}  messages"]
    ours = results["readers"]["netgraph read_mbox"]["seconds"]
    for name, r in results["readers"].items():
        lines.append(f"{name:34} {r['seconds']:8.2f} {r['messages_per_s']:9,.0f} "
                     f"{results['size_mb'] / r['seconds']:7.1f} {r['seconds'] / ours:6.1f} "
                     f"{r['tracemalloc_peak_mb']:9.1f} MB {r['maxrss_mb']:5.0f} MB {r['rss_start_mb']:5.0f} MB  "
                     f"{r['messages']:,}")
    lines.append(f"speed-up over the faster stdlib baseline: {results['speedup']:.1f}x; "
                 f"same number of messages: {results['same_count']}")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=200.0, help="size of the generated mailbox (default 200)")
    print(report(run(parser.parse_args(argv).mb)))


if __name__ == "__main__":
    main()
