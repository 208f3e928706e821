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
    from .load import load

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


@_command("export", "write the network as csv, graphml, gexf or json")
def _export(args) -> int:
    from .export import export

    net = _load(args)
    written = export(net, args.out, args.format)
    print(f"wrote {len(written)} file{'s' if len(written) > 1 else ''}: {', '.join(str(p) for p in written)}",
          file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="netgraph", description="Your professional network as a graph: warm introductions, "
                     "give and take, weak ties worth nurturing.")
    parser.add_argument("--version", action="version", version=f"netgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    summary = commands.add_parser("summary", help=_COMMANDS["summary"][1])
    _common(summary)

    export = commands.add_parser("export", help=_COMMANDS["export"][1])
    _common(export, json_output=False)
    export.add_argument("--format", required=True, choices=["csv", "graphml", "gexf", "json"])
    export.add_argument("--out", required=True, metavar="PATH", help="a folder for csv, a file otherwise")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return 2
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
