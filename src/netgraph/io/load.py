"""``netgraph.load``: a folder (or a file) of exports -> a :class:`Network`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import NetgraphError
from ..model.build import as_timestamp, assemble
from ..model.network import Network
from ..model.report import ImportReport
from ..model.strength import StrengthModel
from ..model.tables import Tables
from .config import Config, read_config
from .sources import Context, find_reader

__all__ = ["load", "sample_path"]

CONFIG = "netgraph.toml"


def sample_path() -> Path:
    """Where the bundled demo network (Jane Jones's) lives."""
    return Path(str(resources.files("netgraph.datasets") / "sample"))


def load(path=None, *, me=None, today=None, targets=None, emails=None,
         model: StrengthModel | None = None) -> Network:
    """Read a folder of network files (or one file) into a :class:`Network`.

    Every file the folder holds, at any depth, is read by the reader that
    recognises it (canonical CSV tables; see DESIGN.md section 2); others are
    listed in the report as ignored, and a folder named as a file netgraph
    reads (``people.csv/``) as a problem. ``netgraph.toml`` in the folder gives
    ``me``, ``emails``, ``targets`` and ``today`` (keyword arguments override
    them), and ``linkedin_url``, ``employer``, ``past_employers`` and
    ``phone_region`` for identity resolution.

    Parameters
    ----------
    path : str or Path, optional
        A folder or a single file. None loads the bundled demo network.
    me : str, optional
        Who the network belongs to: an id, e-mail address or name.
    today : date or str, optional
        The day recency is measured from; default ``netgraph.toml``'s, else the real today.
    targets : list of str, optional
        Companies of interest.
    emails : list of str, optional
        My e-mail addresses (to tell sent from received mail).
    model : StrengthModel, optional
        Tie-strength parameters.

    Returns
    -------
    Network

    Raises
    ------
    NetgraphError
        When the path does not exist, holds nothing netgraph can read, its
        ``netgraph.toml`` is unreadable, or a file is unreadable as a whole (a
        bad row is reported, not raised).

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.load()
    >>> net.graph.nodes[net.me]["name"]
    'Jane Jones'
    """
    path = Path(path) if path is not None else sample_path()
    if not path.exists():
        raise NetgraphError("no such file or folder", file=path)
    # A netgraph.toml that is not a file is an error, not a default: it may say who "me" is.
    config = read_config(path / CONFIG) if path.is_dir() and (path / CONFIG).exists() else Config()
    report = ImportReport()
    if config.unknown:
        report.add(path / CONFIG, "config").notes.append(f"unknown settings ignored: {', '.join(config.unknown)}")
    me = me if me is not None else config.me
    emails = list(emails if emails is not None else config.emails)
    today = as_timestamp(today if today is not None else config.today)
    context = Context(me=me, emails=tuple(emails), today=today)

    for folder in _folders_named_as_files(path):
        entry = report.add(folder, "ignored")
        entry.read += 1
        entry.problem(None, "a folder where a file of this name was expected: not read as one (the files in "
                            "it, if any, are read)")
    parts = []
    for file in _files(path):
        reader = find_reader(file)
        if reader is None:
            report.add(file, "ignored").notes.append("not a format netgraph reads")
            continue
        parts.append(reader.read(file, report, context))
    if not parts:
        raise NetgraphError("no network files here (people.csv, interactions.csv, ties.csv, introductions.csv, "
                            "companies.csv, ...)", file=path)
    tables = Tables.concat(parts)
    parts.clear()  # the readers' own tables: a million interactions should not be held twice
    return assemble(tables, me=me, emails=emails, today=today,
                    targets=targets if targets is not None else config.targets, model=model, report=report,
                    settings=config.identity())


#: Suffixes of the files netgraph reads. ``.mbox`` is not one of them here: Apple Mail exports
#: each mailbox as a folder ``Name.mbox`` holding a file ``mbox``.
_SUFFIXES = (".csv", ".vcf", ".vcard", ".ics", ".eml", ".zip", ".graphml", ".gexf", ".toml")


def _visible(path: Path) -> list[Path]:
    """Everything under ``path``, at any depth, but hidden files and folders."""
    return sorted(p for p in path.rglob("*") if not any(part.startswith(".") for part in p.relative_to(path).parts))


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in _visible(path) if p.is_file() and p.name != CONFIG]


def _folders_named_as_files(path: Path) -> list[Path]:
    """Folders (below ``path``) named as the files netgraph reads: a mistake worth reporting."""
    if not path.is_dir():
        return []
    return [p for p in _visible(path) if p.is_dir() and p.suffix.lower() in _SUFFIXES]
