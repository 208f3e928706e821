"""The ``netgraph`` command (DESIGN.md section 7).

Every subcommand reads ``--data`` (a folder or a file; the bundled demo
network without it), prints a readable answer, or with ``--json`` only JSON on
stdout. Exit status: 0 on success, 2 on bad input or usage with one line on
stderr naming the file and line at fault — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import textwrap
from collections.abc import Callable

from . import __version__
from .errors import NetgraphError

__all__ = ["main"]

_COMMANDS: dict[str, Callable] = {}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2."""

    def error(self, message: str):
        raise NetgraphError(f"{self.prog}: {message} (see --help)")


def _command(name: str, help: str):
    def register(function):
        _COMMANDS[name] = (function, help)
        return function

    return register


def _common(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    parser.add_argument("--data", metavar="PATH", help="a network folder or file (default: the bundled demo)")
    parser.add_argument("--me", help="who the network belongs to (overrides netgraph.toml)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the day recency is measured from")
    parser.add_argument("--targets", metavar="A,B", help="target companies, comma-separated")
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON records only")


def _load(args):
    from .io.load import load

    targets = [t.strip() for t in args.targets.split(",") if t.strip()] if args.targets else None
    return load(args.data, me=args.me, today=args.today, targets=targets)


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


@_command("summary", "the overview of the network")
def _summary(args) -> int:
    net = _load(args)
    summary = net.summary()
    if args.json:
        data = summary.as_dict()
        data["import"] = net.report.to_frame().to_dict("records")
        _print_json(data)
    else:
        print(summary)
        print()
        print("Import: " + net.report.brief(limit=3))
    return 0


def _table(frame, columns: list[str], wrap: dict[str, int] | None = None) -> str:
    """A plain-text table for a terminal, long cells wrapped under their column."""
    wrap = wrap or {}
    cells = [[_text(row[c]) for c in columns] for row in frame.to_dict("records")]
    widths = [min(max([len(c)] + [len(r[i]) for r in cells]), wrap.get(c, 40)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
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
    found = intro_paths(net.graph, args.to, k=args.k, max_hops=args.max_hops)
    if args.json:
        _print_json(found.records())
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

        message = intro_paths(net.graph, args.to, k=1).message
        if args.json:
            _print_json({})
        else:
            print(message)
        return 0
    if args.json:
        _print_json(draft.as_dict())
    else:
        print(draft)
    return 0


@_command("reciprocity", "the give and take of each relationship")
def _reciprocity(args) -> int:
    from .analysis.reciprocity import reciprocity

    net = _load(args)
    frame = reciprocity(net.graph, everyone=args.all)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(f"Network reciprocity: {frame.attrs['reciprocity']:.0%} of contacts are returned, "
          f"{frame.attrs['weighted_reciprocity']:.0%} of the volume.\n")
    print(_table(frame, ["contact", "status", "sent", "received", "balance", "asks", "favours_received",
                         "favours_given", "last_unanswered"], {"contact": 30}))
    return 0


@_command("weak-ties", "the weak and dormant ties worth nurturing")
def _weak_ties(args) -> int:
    from .analysis.weak_ties import weak_ties

    net = _load(args)
    frame = weak_ties(net.graph, top=args.top)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(_table(frame, ["rank", "contact", "score", "strength", "action", "why"], {"contact": 22, "why": 70}))
    return 0


@_command("follow-ups", "introducers to update, calls to return, ties going quiet")
def _follow_ups(args) -> int:
    from .analysis.follow_ups import follow_ups

    net = _load(args)
    frame = follow_ups(net.graph)
    if args.json:
        _print_json(frame.to_dict("records"))
        return 0
    print(_table(frame, ["contact", "kind", "due", "overdue_days", "why"], {"contact": 22, "why": 70}))
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
    plot_figure(G, args.kind, target=target, out=args.out)
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
    written = export(net, args.out, args.format, anonymize=args.anonymize, keep_companies=args.keep_companies)
    print(f"wrote {len(written)} file{'s' if len(written) > 1 else ''}: {', '.join(str(p) for p in written)}",
          file=sys.stderr)
    return 0


@_command("aggregate", "interaction logs (CSV, Parquet; a folder or a cluster path) -> the canonical edge table")
def _aggregate(args) -> int:
    from .io.aggregate import aggregate

    written = aggregate(args.logs, args.out, people=args.people, engine=args.engine, master=args.master)
    print(f"wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
    return 0


def _privacy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--anonymize", action="store_true",
                        help="pseudonyms for people (names, e-mails, phones, profiles) and companies; notes left out")
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

    paths = commands.add_parser("paths", help=_COMMANDS["paths"][1])
    _common(paths)
    paths.add_argument("--to", required=True, metavar="TARGET", help="a company (name, alias, domain) or a person")
    paths.add_argument("--k", type=_positive, default=5, help="how many paths (default 5)")
    paths.add_argument("--max-hops", type=_positive, default=3, help="the longest path (default 3)")

    draft = commands.add_parser("draft", help=_COMMANDS["draft"][1])
    _common(draft)
    draft.add_argument("--to", required=True, metavar="TARGET", help="a company (name, alias, domain) or a person")
    draft.add_argument("--looking-for", metavar="TEXT", help='what you are looking for, e.g. "a brand role"')

    reciprocity = commands.add_parser("reciprocity", help=_COMMANDS["reciprocity"][1])
    _common(reciprocity)
    reciprocity.add_argument("--all", action="store_true", help="include connections with no contact at all")

    weak = commands.add_parser("weak-ties", help=_COMMANDS["weak-ties"][1])
    _common(weak)
    weak.add_argument("--top", type=_positive, default=20, help="how many (default 20)")

    follow = commands.add_parser("follow-ups", help=_COMMANDS["follow-ups"][1])
    _common(follow)

    plot = commands.add_parser("plot", help=_COMMANDS["plot"][1])
    _common(plot, json_output=False)
    plot.add_argument("--out", required=True, metavar="FILE", help="the picture: .png, .svg or .pdf")
    plot.add_argument("--to", metavar="TARGET", help="highlight the best paths to this company or person")
    plot.add_argument("--kind", default="map", help="map (default), paths, layers, reciprocity or decay")
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
        return _COMMANDS[args.command][0](args)
    except NetgraphError as exc:
        print(f"netgraph: {exc}", file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main())
