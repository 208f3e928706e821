"""The ``netgraph`` command (its commands: README, "Two commands" and the command list).

Every subcommand reads ``--data`` (a folder or a file; the bundled demo
network without it), prints a readable answer, or with ``--json`` only JSON on
stdout. Exit status: 0 on success, 2 on bad input or usage with one line on
stderr naming the file and line at fault — never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import NetgraphError

__all__ = ["main"]

# The choices of the arguments, checked before anything is loaded (the analyses' modules hold the same tuples;
# tests/test_cli.py checks that they agree, without the CLI importing pandas to answer --help).
STATUSES = ("unanswered", "you have asked a lot", "you owe", "they owe you", "one-way", "balanced",
            "never in touch")
FOLLOW_UP_KINDS = ("reply", "update the introducer", "nudge", "reconnect", "keep in touch")
FIGURES = ("map", "paths", "layers", "reciprocity", "decay")

_COMMANDS: dict[str, tuple[Callable, str]] = {}  # name -> (handler, help line)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2."""

    def error(self, message: str):
        command = self.prog.removeprefix("netgraph").strip()  # the "netgraph: " every error starts with says it
        raise NetgraphError(f"{command + ': ' if command else ''}{message} (see --help)")


def _command(name: str, help: str):
    def register(function):
        _COMMANDS[name] = (function, help)
        return function

    return register


def _common(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    parser.add_argument("--data", metavar="PATH", help="a network folder or file (default: the current folder when "
                        f"it holds one, else ${DATA_VARIABLE}, else the bundled demo)")
    parser.add_argument("--me", help="who the network belongs to (overrides netgraph.toml)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_day, help="the day recency is measured from")
    parser.add_argument("--targets", metavar="A,B", help="target companies, comma-separated")
    parser.add_argument("--no-cache", action="store_true",
                        help="build the network afresh (by default it is reused while its files are unchanged)")
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON records only")


#: What a command says on stderr once it has answered (which network it read, settings not understood);
#: a command that fails says only its one line.
_NOTES: list[str] = []
#: Where a command finds the network when ``--data`` is not given and the current folder holds none.
DATA_VARIABLE = "NETGRAPH_DATA"
#: The folder a command chose itself (the current one, or $NETGRAPH_DATA's): named when reading it fails.
_CHOSEN: list[str] = []
#: Suffixes of the files that may make a folder a network folder (checked at its top level only: a home folder
#: is not walked); a file counts when a reader knows it (by its name, or its first bytes), not for its suffix.
_NETWORK_SUFFIXES = (".csv", ".vcf", ".vcard", ".ics", ".mbox", ".eml", ".zip", ".graphml", ".gexf", ".netshare")


def _holds_network(folder: Path) -> bool:
    """Whether ``folder``'s top level holds ``netgraph.toml``, a share file, or a file a reader knows."""
    try:
        files = [p for p in folder.iterdir() if p.suffix.lower() in _NETWORK_SUFFIXES or p.name == "netgraph.toml"]
        files = [p for p in files if p.is_file()]  # not a folder, a broken link, a FIFO (which never ends)
        if any(p.name == "netgraph.toml" for p in files):
            return True
        from .io.share import SUFFIX
        from .io.sources import find_reader

        return any(p.suffix.lower() == SUFFIX or find_reader(p) is not None for p in files)
    except OSError:
        return False


def _data(args) -> tuple[str | None, bool]:
    """The network to read and whether to read its subfolders: ``--data``, else the current folder when it
    holds one, else ``$NETGRAPH_DATA``, else the bundled demo (None); said on stderr unless given.

    The current folder, chosen by netgraph, is read at its top level only unless it holds ``netgraph.toml``:
    an export or an invitation lying in Downloads or /tmp must not make netgraph read every file below it.
    """
    if args.data:
        return args.data, True
    here = Path.cwd()
    if _holds_network(here):
        configured = (here / "netgraph.toml").is_file()
        below = not configured and any(p.is_dir() and not p.name.startswith(".") for p in here.iterdir())
        _NOTES.append(f"read the network in this folder ({here})" + (
            ", not its subfolders (--data . reads them too; so does a netgraph.toml here)" if below else ""))
        _CHOSEN.append(str(here))
        return str(here), configured
    if os.environ.get(DATA_VARIABLE):
        _NOTES.append(f"read ${DATA_VARIABLE} ({os.environ[DATA_VARIABLE]})")
        _CHOSEN.append(os.environ[DATA_VARIABLE])
        return os.environ[DATA_VARIABLE], True
    _NOTES.append("no network here: this was the bundled demo (Jane Jones's); use --data PATH or run netgraph in "
                  "the folder of your exports")
    return None, True


#: Whether this process is the ``netgraph`` command (:func:`command`), which ends when it has answered.
_AS_COMMAND = False


def _load(args):
    from .io.load import load

    _igraph_without_pyplot()
    targets = [t.strip() for t in args.targets.split(",") if t.strip()] if args.targets else None
    path, recursive = _data(args)
    net = load(path, me=args.me, today=args.today, targets=targets, cache=not args.no_cache, recursive=recursive)
    for entry in net.report.files:  # settings, targets and "me" not understood: said by every command
        if entry.kind == "config":
            for note in entry.notes:
                if note.startswith(("unknown settings", "target")):
                    _NOTES.append(f"warning: {note}")
            if entry.file == "<owner>":
                _NOTES.extend(f"warning: {problem.reason}" for problem in entry.problems)
    skipped = sum(entry.skipped for entry in net.report.files)
    if skipped and args.command != "summary":  # the summary lists them; the other answers would hide the loss
        # not "could not be read": most are a LinkedIn export's rows of members who have left, as they should be
        _NOTES.append(f"{skipped:,} record{'s' * (skipped != 1)} of your files {'were' if skipped != 1 else 'was'} "
                      "left out (netgraph summary says which, with file, line and why)")
    if _AS_COMMAND:
        # The network lives until the process ends: out of the garbage collector's sight meanwhile, which would
        # otherwise walk its millions of dicts again and again for nothing (a third of a summary's time at 20k
        # people). Only as the command: a program calling main() keeps its collector as it had it.
        gc.freeze()
    return net


def _igraph_without_pyplot() -> None:
    """Import igraph with matplotlib out of its sight: igraph imports matplotlib.pyplot as it is imported (for
    its own drawing, which netgraph never uses), more than a second of every command's start; netgraph's figures
    import matplotlib themselves when they draw. Only in the command's own process: a notebook's igraph is left
    as it is."""
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        return
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # its import fails; igraph takes its stand-in
    try:
        import igraph  # noqa: F401
    finally:
        del sys.modules["matplotlib"]


def _day(text: str) -> str:
    """A day on the command line: YYYY-MM-DD only; 01/11/2026 reads two ways and is refused."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text.strip()):
            raise argparse.ArgumentTypeError(f"'{text}' is no day of the calendar") from None
        found = re.fullmatch(r"(\d\d?)[/.-](\d\d?)[/.-](\d{2}|\d{4})", text.strip())
        if found:
            a, b, year = (int(x) for x in found.groups())
            year += 2000 if year < 100 else 0
            readings = []
            for day, month in ((a, b), (b, a)):
                try:
                    readings.append(dt.date(year, month, day))
                except ValueError:
                    continue
            if not readings:
                raise argparse.ArgumentTypeError(f"'{text}' is no day of the calendar, day or month first") from None
            said = " or ".join(sorted({f"{d.day} {d:%B %Y}" for d in readings}))
            raise argparse.ArgumentTypeError(
                f"'{text}' " + ("reads two ways" if len(set(readings)) > 1 else "is written day or month first")
                + f" ({said}): give it as YYYY-MM-DD") from None
        raise argparse.ArgumentTypeError(f"'{text}' is not a date as YYYY-MM-DD") from None


def _clean(value):
    """JSON has no NaN: make it null; dates become ISO strings."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def _print_json(data) -> None:
    json.dump(_clean(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _spreadsheets(parser: argparse.ArgumentParser, *, csv: bool = True) -> None:
    """``--csv FILE`` and ``--xlsx FILE``: a table command's rows (those of ``--json``) as a spreadsheet too."""
    if csv:
        parser.add_argument("--csv", metavar="FILE", help="also write the rows of --json as a CSV file")
    parser.add_argument("--xlsx", metavar="FILE", help="also write the rows of --json as an Excel workbook")


def _write_spreadsheets(args, table) -> None:
    """Write ``table`` to the files ``--csv`` and ``--xlsx`` name: a DataFrame or a list of records (the
    rows), or for XLSX a dict of them (one sheet each)."""
    import pandas as pd

    from .io.tables_out import write_table

    def frame(rows):
        return rows if isinstance(rows, pd.DataFrame) else pd.DataFrame.from_records(rows)

    for format in ("csv", "xlsx"):
        path = getattr(args, format, None)
        if path:
            write_table({k: frame(v) for k, v in table.items()} if isinstance(table, dict) else frame(table),
                        path, format=format)
            print(f"wrote {path}", file=sys.stderr)


@_command("summary", "the overview of the network")
def _summary(args) -> int:
    net = _load(args)
    summary = net.summary()
    if args.xlsx:
        overview = [{"measure": k, "value": v} for k, v in summary.to_dict().items()
                    if v is None or isinstance(v, (str, int, float)) or hasattr(v, "isoformat")]
        _write_spreadsheets(args, {"overview": overview, "clusters": summary.clusters,
                                   "strongest": summary.strongest, "top_companies": summary.top_companies,
                                   "problems": net.report.problems_frame()})
    if args.json:
        data = summary.to_dict()
        data["import"] = net.report.to_frame().to_dict("records")
        data["problems"] = net.report.problems_frame().to_dict("records")
        _print_json(data)
    else:
        print(summary)
        print()
        print("Import: " + net.report.brief(limit=3, rest="netgraph summary --json, or --xlsx FILE, lists them all"))
    return 0


def _table(frame, columns: list[str], wrap: dict[str, int] | None = None) -> str:
    """A plain-text table that fits the terminal: readable headers, names kept whole, the widest text
    column (the reasons) wrapped under itself to the width left."""
    wrap = wrap or {}
    cells = [[_text(row[c]) for c in columns] for row in frame.to_dict("records")]
    headers = [c.replace("_", " ") for c in columns]
    widths = [min(max([len(h)] + [len(r[i]) for r in cells]), wrap.get(c, 40))
              for i, (c, h) in enumerate(zip(columns, headers))]
    room = shutil.get_terminal_size((120, 24)).columns - 2 * (len(columns) - 1)
    if sum(widths) > room and cells:
        widest = max(range(len(columns)), key=lambda i: widths[i])
        widths[widest] = max(len(headers[widest]), 20, room - (sum(widths) - widths[widest]))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    for row in cells:
        parts = [textwrap.wrap(v, w) or [""] for v, w in zip(row, widths)]
        for k in range(max(len(p) for p in parts)):
            lines.append("  ".join((p[k] if k < len(p) else "").ljust(w) for p, w in zip(parts, widths)).rstrip())
    return "\n".join(lines)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


@_command("paths", "warm-introduction paths to a company or a person")
def _paths(args) -> int:
    from .analysis.paths import intro_paths

    net = _load(args)
    if args.team:
        return _team_paths(net, args)
    found = intro_paths(net.graph, args.to, top=args.top, max_hops=args.max_hops, looking_for=args.looking_for)
    if not found.target.nodes:  # nobody by that name: a usage error, with the did-you-mean
        raise NetgraphError(found.message)
    _write_spreadsheets(args, found.to_dict())
    if args.json:
        _print_json(found.to_dict())
    else:
        print(found)
    return 0


@_command("draft", "the introduction request for the best path, ready to send")
def _draft(args) -> int:
    from .analysis.outreach import draft_intro

    net = _load(args)
    draft = draft_intro(net.graph, args.to, looking_for=args.looking_for)
    if draft is None:
        from .analysis.paths import intro_paths

        found = intro_paths(net.graph, args.to, top=1)
        if not found.target.nodes:  # nobody by that name: a usage error, as for paths
            raise NetgraphError(found.message)
        message = found.message
        if args.json:
            _print_json({})
        else:
            print(message)
        return 0
    if args.json:
        _print_json(draft.to_dict())
    else:
        print(draft)
    return 0


@_command("reciprocity", "the give and take of each relationship")
def _reciprocity(args) -> int:
    from .analysis.reciprocity import reciprocity

    net = _load(args)
    frame = reciprocity(net.graph, everyone=args.all)
    shares = frame.attrs
    frame = _filtered(frame, "status", args.status, args.top)
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(f"{shares['reciprocity']:.0%} of the people you are in touch with reach out to you too; "
          f"{shares['weighted_reciprocity']:.0%} of all contact goes both ways.\n")
    print(_table(frame, ["contact", "status", "sent", "received", "favours_received", "favours_given",
                         "next_action"], {"contact": 30, "next_action": 60}))
    return 0


def _filtered(frame, column: str, wanted: str | None, top: int | None):
    """Rows whose ``column`` is ``wanted`` (when given), the first ``top`` of them."""
    if wanted:
        frame = frame[frame[column] == wanted].reset_index(drop=True)
    return frame.head(top) if top else frame


@_command("weak-ties", "the weak and dormant ties worth nurturing")
def _weak_ties(args) -> int:
    from .analysis.weak_ties import weak_ties

    net = _load(args)
    frame = weak_ties(net.graph, top=args.top)
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(_table(frame, ["rank", "contact", "strength", "action", "why"], {"contact": 26, "why": 70}))
    return 0


@_command("follow-ups", "introducers to update, calls to return, ties going quiet")
def _follow_ups(args) -> int:
    from .analysis.follow_ups import follow_ups

    net = _load(args)
    frame = _filtered(follow_ups(net.graph), "kind", args.kind, args.top)
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    frame = frame.assign(when=frame["overdue_days"].map(_when))
    print(_table(frame, ["action", "when", "why"], {"action": 50, "when": 18, "why": 70}))
    return 0


def _when(overdue: int) -> str:
    """How overdue, in words: "5 days overdue", "due today", "due in 5 days"."""
    if overdue > 0:
        return f"{overdue} day{'s' if overdue != 1 else ''} overdue"
    if overdue == 0:
        return "due today"
    return f"due in {-overdue} day{'s' if overdue != -1 else ''}"


@_command("contacts", "the contact sheet: one row per contact, with the one thing to do")
def _contacts(args) -> int:
    from .analysis.contacts import contacts

    net = _load(args)
    frame = contacts(net.graph)
    if args.top:
        frame = frame.head(args.top)
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    # layer 0 is Dunbar's acquaintances: said in words on the terminal (the JSON and the sheets keep the number)
    shown = frame.assign(layer=[str(layer) if layer else "acquaintance" for layer in frame["layer"]])
    print(_table(shown, ["contact", "company", "strength", "layer", "status", "next_action"],
                 {"contact": 26, "company": 22, "next_action": 60}))
    return 0


@_command("ties", "who knows whom among your contacts, with how sure and why")
def _ties(args) -> int:
    import pandas as pd

    from .analysis.ties import who_knows_whom
    from .model.evidence import infer_ties
    from .model.graph import display_name

    net = _load(args)
    G = net.graph
    floor = G.graph.get("min_confidence", 0.0)
    least = floor if args.min_confidence is None else args.min_confidence
    if least < floor:
        # below the floor the graph was built with: every pair the evidence touches, from the tables
        found = infer_ties(net.people, net.interactions, net.me, bulk=net.model.bulk_recipients,
                           min_confidence=least).reset_index()
        # the observed ones are in the graph already, and so is a pair a stronger sign made observed there
        found = found[[basis == "inferred" and (not G.has_edge(a, b) or G[a][b].get("basis") == "inferred")
                       for a, b, basis in zip(found["a"], found["b"], found["basis"])]]
        frame = who_knows_whom(G, min_confidence=least)
        frame = frame[frame["basis"] != "inferred"]
        named = found.assign(a=[display_name(G, n) for n in found["a"]], b=[display_name(G, n) for n in found["b"]])
        frame = pd.concat([frame, named[frame.columns]], ignore_index=True).sort_values(
            ["confidence", "a", "b"], ascending=[False, True, True], ignore_index=True)
    else:
        frame = who_knows_whom(G, min_confidence=least)
    if args.top:
        frame = frame.head(args.top)
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(_table(frame, ["a", "b", "confidence", "basis", "evidence"], {"a": 24, "b": 24, "evidence": 70}))
    return 0


def _to_draw(args):
    """The graph to draw and the target to highlight: with ``--anonymize``, the anonymised
    graph, and the target under its pseudonym."""
    net = _load(args)
    if not args.anonymize:
        return net.graph, args.to
    from .io.privacy import Anonymizer

    anonymizer = Anonymizer(net, keep_companies=args.keep_companies)
    return anonymizer.graph(), None if args.to is None else anonymizer.target(args.to)


@_command("plot", "a picture of the network (or of paths, layers, reciprocity, decay)")
def _plot(args) -> int:
    from .viz.plot import plot_figure

    G, target = _to_draw(args)
    plot_figure(G, args.out, kind=args.kind, target=target)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


@_command("html", "an interactive page of the network, one file that works offline")
def _html(args) -> int:
    from .viz.html import write_html

    G, target = _to_draw(args)
    written = write_html(G, args.out, target=target)
    print(f"wrote {written}", file=sys.stderr)
    return 0


@_command("export", "write the network as csv, graphml, gexf or json")
def _export(args) -> int:
    from .io.export import export

    net = _load(args)
    written = export(net, args.out, format=args.format, anonymize=args.anonymize, keep_companies=args.keep_companies)
    print(f"wrote {len(written)} file{'s' if len(written) > 1 else ''}: {', '.join(str(p) for p in written)}",
          file=sys.stderr)
    return 0


# -- teams (share files, netgraph.io.share; team answers, netgraph.analysis.team) ----------------------

def _team_paths(net, args) -> int:
    from .analysis.team import team_paths

    found = team_paths(net.graph, args.to, top=args.top, max_hops=args.max_hops)
    if args.json:
        _print_json(found.to_dict())
    else:
        print(found)
    return 0


def _secret(args) -> str | None:
    """The team secret: from ``--secret-file``, else the environment (never the command line: ps shows it)."""
    from .io.share import SECRET_VARIABLE

    if args.secret_file:
        from .io.textio import read_text

        secret = read_text(args.secret_file).text.strip()
        if not secret:
            raise NetgraphError("the secret file is empty", file=args.secret_file)
        return secret
    return os.environ.get(SECRET_VARIABLE) or None


@_command("share", "write your share file for a team: contacts and tie strengths, no messages")
def _share(args) -> int:
    from .analysis.team import make_share
    from .io.share import SECRET_VARIABLE, write_share

    net = _load(args)
    secret = _secret(args)
    exclude = [item.strip() for items in args.exclude or [] for item in items.split(",") if item.strip()]
    share = make_share(net.graph, secret=secret, exclude=exclude, min_strength=args.min_strength)
    written = write_share(share, args.out)
    if not secret:
        print(f"netgraph: no team secret (--secret-file or {SECRET_VARIABLE}): no e-mail address is shared, even "
              "hashed; teammates match your contacts on profile URLs and names", file=sys.stderr)
    print(f"wrote {written}: {len(share.people):,} people, {len(share.ties):,} ties", file=sys.stderr)
    return 0


@_command("team", "the team's coverage of its targets, and whose network is unique")
def _team(args) -> int:
    from .analysis.team import member_overlap, team_coverage

    net = _load(args)
    coverage, overlap = team_coverage(net.graph), member_overlap(net.graph)
    _write_spreadsheets(args, {"coverage": coverage, "overlap": overlap})
    if args.json:
        _print_json({"members": [m["name"] for m in net.graph.graph.get("members", {}).values()],
                     "coverage": coverage.to_dict("records"), "overlap": overlap.to_dict("records")})
        return 0
    members = net.graph.graph.get("members", {})
    print(f"Team of {len(members)}: " + ", ".join(f"{m['name']} ({m['contacts']} people)" for m in members.values()))
    print()
    print(_table(coverage, ["target", "people", "one_hop", "two_hops", "members", "inside"], {"members": 40}))
    single = coverage[coverage["single_member"]]
    for row in single.itertuples():
        print(f"\n{row.target} hangs on {row.members[0]} alone.")
    print()
    print(_table(overlap, ["member", "other", "shared", "jaccard", "unique", "other_unique"]))
    return 0


@_command("who", "the shortlist for a company: its people, and who can introduce you to each")
def _who(args) -> int:
    from .analysis.team import who_at

    net = _load(args)
    try:
        frame = who_at(net.graph, args.at, me=None if args.team else net.me, title=args.title,
                       location=args.location, max_hops=args.max_hops)
    except ValueError as exc:
        raise NetgraphError(str(exc)) from None
    frame = frame.head(args.top) if args.top else frame
    _write_spreadsheets(args, frame)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    shown = frame.assign(
        title=[t + (" (former)" if f else "") for t, f in zip(frame["title"], frame["former"])],
        you_know=frame["tie"].map(lambda s: "" if s != s else f"yes ({s:.2f})"),
        chance=frame["probability"].map(lambda p: f"{p:.0%}" if p else ""),
        or_ask=[f"{a} ({p:.0%})" if a else "" for a, p in zip(frame["also"], frame["also_probability"])],
        open_loops=frame["open_loops"].map("; ".join))
    columns = ["person", "title", "location", "you_know", "introducer", "chance", "or_ask", "open_loops"]
    print(_table(shown, columns[:3] + (["member"] if args.team else []) + columns[3:],
                 {"person": 24, "title": 28, "open_loops": 50}))
    return 0


def _strength(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise ValueError(text)
    return value


_strength.__name__ = "strength from 0 to 1"


def _team_parsers(commands) -> None:
    share = commands.add_parser("share", help=_COMMANDS["share"][1])
    _common(share, json_output=False)
    share.add_argument("--out", required=True, metavar="FILE", help="the share file (name.netshare)")
    share.add_argument("--exclude", action="append", metavar="WHO",
                       help="people or companies to hold back (comma-separated; may be repeated)")
    share.add_argument("--min-strength", type=_strength, default=0.0, help="hold back weaker ties (0 to 1)")
    share.add_argument("--secret-file", metavar="FILE", help="the team secret that keys the e-mail hashes")

    team = commands.add_parser("team", help=_COMMANDS["team"][1])
    _common(team)
    _spreadsheets(team, csv=False)  # two tables: sheets of one workbook

    who = commands.add_parser("who", help=_COMMANDS["who"][1])
    _common(who)
    who.add_argument("--at", required=True, metavar="COMPANY", help="a company (name, alias or domain)")
    who.add_argument("--title", metavar="TEXT", help="only people whose title holds a word of TEXT, best match first")
    who.add_argument("--location", metavar="TEXT", help="only people whose location holds a word of TEXT")
    who.add_argument("--top", type=_positive, help="only the first N")
    who.add_argument("--team", action="store_true", help="from any member of the team (a team folder)")
    who.add_argument("--max-hops", type=_positive, default=3, help="the longest path (default 3)")
    _spreadsheets(who)


@_command("aggregate", "interaction logs (CSV, Parquet; a folder or a cluster path) -> the canonical edge table")
def _aggregate(args) -> int:
    from .io.aggregate import aggregate

    written = aggregate(args.logs, args.out, people=args.people, engine=args.engine, master=args.master)
    print(f"wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
    return 0


def _privacy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--anonymize", action="store_true",
                        help="pseudonyms for people (names, e-mails, phones, profiles) and companies; notes and "
                        "columns netgraph does not know left out")
    parser.add_argument("--keep-companies", action="store_true", help="with --anonymize: keep company names")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_positive.__name__ = "positive whole number"  # argparse's message: "invalid positive whole number value"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="netgraph", description="Your professional network as a graph: warm introductions, "
                     "give and take, weak ties worth nurturing.")
    parser.add_argument("--version", action="version", version=f"netgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    summary = commands.add_parser("summary", help=_COMMANDS["summary"][1])
    _common(summary)
    _spreadsheets(summary, csv=False)  # several tables: sheets of one workbook

    paths = commands.add_parser("paths", help=_COMMANDS["paths"][1])
    _common(paths)
    _spreadsheets(paths)
    paths.add_argument("--to", required=True, metavar="TARGET", help="a company (name, alias, domain) or a person")
    paths.add_argument("--top", type=_positive, default=5, help="how many paths (default 5)")
    paths.add_argument("--max-hops", type=_positive, default=3, help="the longest path (default 3)")
    paths.add_argument("--team", action="store_true", help="paths from any member of the team (a team folder)")
    paths.add_argument("--looking-for", metavar="TEXT", help='rank people by title and place, e.g. "marketing, '
                                                              'Boston" (default: looking_for in netgraph.toml)')

    draft = commands.add_parser("draft", help=_COMMANDS["draft"][1])
    _common(draft)
    draft.add_argument("--to", required=True, metavar="TARGET", help="a company (name, alias, domain) or a person")
    draft.add_argument("--looking-for", metavar="TEXT", help='what you are looking for, e.g. "a brand role"')

    reciprocity = commands.add_parser("reciprocity", help=_COMMANDS["reciprocity"][1])
    _common(reciprocity)
    _spreadsheets(reciprocity)
    reciprocity.add_argument("--all", action="store_true", help="include connections with no contact at all")
    reciprocity.add_argument("--status", choices=STATUSES, help="only relationships of this status")
    reciprocity.add_argument("--top", type=_positive, help="only the first N")

    weak = commands.add_parser("weak-ties", help=_COMMANDS["weak-ties"][1])
    _common(weak)
    _spreadsheets(weak)
    weak.add_argument("--top", type=_positive, default=20, help="how many (default 20)")

    follow = commands.add_parser("follow-ups", help=_COMMANDS["follow-ups"][1])
    _common(follow)
    follow.add_argument("--kind", choices=FOLLOW_UP_KINDS, help="only follow-ups of this kind")
    follow.add_argument("--top", type=_positive, help="only the first N")
    _spreadsheets(follow)

    ties = commands.add_parser("ties", help=_COMMANDS["ties"][1])
    _common(ties)
    ties.add_argument("--min-confidence", type=float, metavar="X",
                      help="only pairs at least this sure (0 to 1; default: the pairs the graph holds, at least as "
                           "sure as the evidence model's floor; below it, every pair the evidence touches)")
    ties.add_argument("--top", type=_positive, help="only the N most certain")
    _spreadsheets(ties)

    sheet = commands.add_parser("contacts", help=_COMMANDS["contacts"][1])
    _common(sheet)
    sheet.add_argument("--top", type=_positive, help="only the strongest N")
    _spreadsheets(sheet)  # the one sheet a coach sorts and filters

    plot = commands.add_parser("plot", help=_COMMANDS["plot"][1])
    _common(plot, json_output=False)
    plot.add_argument("--out", required=True, metavar="FILE", help="the picture: .png, .svg or .pdf")
    plot.add_argument("--to", metavar="TARGET", help="highlight the best paths to this company or person")
    plot.add_argument("--kind", default="map", choices=FIGURES, help="which picture (default: map)")
    _privacy(plot)

    page = commands.add_parser("html", help=_COMMANDS["html"][1])
    _common(page, json_output=False)
    page.add_argument("--out", required=True, metavar="FILE", help="the page (.html)")
    page.add_argument("--to", metavar="TARGET", help="highlight the best paths to this company or person")
    _privacy(page)

    export = commands.add_parser("export", help=_COMMANDS["export"][1])
    _common(export, json_output=False)
    export.add_argument("--format", required=True, choices=["csv", "graphml", "gexf", "json"])
    export.add_argument("--out", required=True, metavar="PATH", help="a folder for csv, a file otherwise")
    _privacy(export)
    _team_parsers(commands)

    gather = commands.add_parser("aggregate", help=_COMMANDS["aggregate"][1])
    gather.add_argument("--engine", choices=["local", "spark"], default="local",
                        help="pandas in this process (default) or Spark")
    gather.add_argument("--in", dest="logs", required=True, metavar="LOGS",
                        help="interactions.csv-shaped logs: a file or folder of .csv/.parquet, or a cluster path")
    gather.add_argument("--out", required=True, metavar="EDGES", help="the folder to write, for netgraph --data")
    gather.add_argument("--people", metavar="PEOPLE", help="the people directory that resolves references")
    gather.add_argument("--master", metavar="URL",
                        help="with --engine spark: the cluster (spark://host:7077, yarn, local[4]...)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return 2
        if getattr(args, "keep_companies", False) and not args.anonymize:
            raise NetgraphError(f"netgraph {args.command}: --keep-companies goes with --anonymize (see --help)")
        _NOTES.clear()
        _CHOSEN.clear()
        status = _COMMANDS[args.command][0](args)
        for note in _NOTES:
            print(f"netgraph: {note}", file=sys.stderr)
        return status
    except NetgraphError as exc:
        chosen = _CHOSEN[-1] if _CHOSEN and _CHOSEN[-1] not in str(exc) else ""  # a folder netgraph chose itself
        print(f"netgraph: {exc}" + (f" (reading {chosen}: --data PATH reads another)" if chosen else ""),
              file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader (head, less) went away: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"netgraph: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("netgraph: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("NETGRAPH_DEBUG"):
            raise
        print(f"netgraph: internal error: {type(exc).__name__}: {exc} (NETGRAPH_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        return 1


def command() -> NoReturn:
    """The ``netgraph`` command: :func:`main`, then the process ends at once.

    A command ends with its answer written; tearing down its millions of objects one by one and unloading pandas,
    numpy and scipy (a fifth of a second on the demo, more on a large network) only delays the prompt, so the
    output is flushed and the process exits without it, as ``os._exit`` does; the system frees the memory in one go.
    Every file a command writes is complete and closed before :func:`main` returns."""
    global _AS_COMMAND
    _AS_COMMAND = True
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the command was started with the stream closed
                stream.flush()
        except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
            pass
        except OSError as exc:  # the output could not be written out (a full disk): said, as main says errors
            status = 2
            if stream is sys.stdout and sys.stderr is not None:
                try:
                    print(f"netgraph: the output could not be written ({exc.strerror or exc})", file=sys.stderr)
                except OSError:
                    pass
    os._exit(status)


if __name__ == "__main__":
    command()
