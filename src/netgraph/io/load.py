"""``netgraph.load``: a folder (or a file) of exports -> a :class:`Network`."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import NetgraphError, shown
from ..model.dates import as_day, as_timestamp
from ..model.network import Network
from ..model.report import ImportReport
from ..model.rules import Rules
from ..model.strength import StrengthModel
from ..model.tables import Tables
from .cache import cache_key, read_cached, write_cached
from .config import Config, read_config
from .share import is_team, load_team
from .textio import regular

__all__ = ["load", "sample_path"]

CONFIG = "netgraph.toml"
#: What netgraph reads, for the error that says a file or folder holds none of it.
FORMATS = ("LinkedIn exports (the .zip, Connections.csv, messages.csv, Invitations.csv...), Google Contacts .csv, "
           "vCard .vcf, mailboxes (.mbox, .eml), calendars (.ics), GraphML and GEXF, and the canonical tables "
           "(people.csv, interactions.csv, ties.csv, introductions.csv, companies.csv)")
#: Who "me" is when files speak of their owner (a LinkedIn export's endorsements say "me") and
#: nothing names them: one node, whose name comes from netgraph.toml or --me once given.
OWNER = "Me"


def sample_path() -> Path:
    """Where the bundled demo network (Jane Jones's) lives."""
    return Path(str(resources.files("netgraph.datasets") / "sample"))


def load(path=None, *, me=None, today=None, targets=None, emails=None,
         model: StrengthModel | None = None, rules: Rules | None = None, cache: bool = False,
         recursive: bool = True) -> Network:
    """Read a folder of network files (or one file) into a :class:`Network`.

    Every file the folder holds, at any depth, is read by the reader that
    recognises it (the README lists the formats); others are listed in the
    report as ignored. A folder named as a file netgraph reads
    (``people.csv/``), a folder that cannot be opened, and an entry that is no
    regular file (a FIFO, a device, a broken link) are reported as problems,
    not read. ``netgraph.toml`` in the folder gives ``me``, ``emails``,
    ``targets`` and ``today`` (keyword arguments override them), and
    ``linkedin_url``, ``employer``, ``past_employers`` and ``phone_region`` for
    identity resolution. When nothing
    names the owner but the files speak of them ("me" in a LinkedIn export's
    endorsements), the owner is one node named "Me".
    A folder holding share files (``*.netshare``) is a team's: see
    :func:`netgraph.io.share.load_team`.

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
    rules : Rules, optional
        The rules of thumb (reply grace, dormancy, layers...) the analyses read.
    cache : bool, default False
        Reuse the network built last time from the same files with the same
        options, and keep this one for next time (:mod:`netgraph.io.cache`:
        keyed by the files' names, sizes and modification times; a safe format,
        in the user's cache folder). The ``netgraph`` command caches unless
        given ``--no-cache``.
    recursive : bool, default True
        Read the files in the folder's subfolders too. The ``netgraph``
        command reads only the top level of a folder it chose itself (the
        current one) when that holds no ``netgraph.toml``: a Downloads folder
        with an export in it is not walked to its depths.

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
    if is_team(path):  # share files: several members, merged (netgraph.io.share)
        return load_team(path, me=me, today=today, targets=targets, rules=rules)
    # A netgraph.toml that is not a file is an error, not a default: it may say who "me" is.
    config = read_config(path / CONFIG) if path.is_dir() and os.path.lexists(path / CONFIG) else Config()
    report = ImportReport()
    if config.unknown:
        report.add(path / CONFIG, "config").notes.append(f"unknown settings ignored: {', '.join(config.unknown)}")
    me = me if me is not None else config.me
    emails = list(emails if emails is not None else config.emails)
    today = as_day(today if today is not None else config.today)

    found = _walk(path, recursive=recursive)
    key = None
    if cache:
        options = {"me": me, "today": today if today is not None else dt.date.today(),
                   "targets": targets, "emails": emails, "model": model, "rules": rules}
        try:
            key = cache_key(path, found.files + [path / CONFIG] * os.path.lexists(path / CONFIG), options | {
                "unread": sorted(map(str, found.folders_named_as_files + [p for p, _ in found.unread]))})
        except OSError:  # a file gone since the walk: the read below says so; nothing to cache
            key = None
        cached = read_cached(key) if key is not None else None
        if cached is not None:
            return cached
    # The readers and the build are imported here, not above: a network read back from the cache needs neither,
    # and a command answers the sooner (the calendar reader alone imports a command-line toolkit).
    from ..model.build import assemble
    from .sources import Context, find_reader

    today = as_timestamp(today)
    report_unread(found, report)
    context = Context(me=me, emails=tuple(emails), today=today)
    parts, ignored = [], []
    for file in found.files:
        reader = find_reader(file)
        if reader is None:
            report.add(file, "ignored").notes.append("not a format netgraph reads")
            ignored.append(file)
            continue
        parts.append(reader.read(file, report, context))
    if not parts:
        raise NetgraphError(_nothing_read(path, ignored, found), file=path)
    tables = Tables.concat(parts)
    parts.clear()  # the readers' own tables: a million interactions should not be held twice
    if me is None and not emails and not tables.owner and _says_me(tables):
        tables.owner = [OWNER]
        report.add("<owner>", "config").notes.append(
            f"the files speak of their owner ('me') but never name them: the owner is '{OWNER}' until named "
            "(me = \"Your Name\" in netgraph.toml, or --me)")
    net = assemble(tables, me=me, emails=emails, today=today,
                    targets=targets if targets is not None else config.targets, model=model, rules=rules,
                    report=report, settings=config.identity())
    if config.looking_for:  # what paths rank the target people by (netgraph.intro_paths)
        net.graph.graph["looking_for"] = config.looking_for
    if key is not None:
        write_cached(key, net)
    return net


#: Suffixes of the files netgraph reads. ``.mbox`` is not one of them here: Apple Mail exports
#: each mailbox as a folder ``Name.mbox`` holding a file ``mbox``.
_SUFFIXES = (".csv", ".vcf", ".vcard", ".ics", ".eml", ".zip", ".graphml", ".gexf", ".toml", ".netshare")


@dataclass
class _Found:
    """What a walk found: files to read, folders named as files, and what was not read, with why."""

    files: list[Path] = field(default_factory=list)
    folders_named_as_files: list[Path] = field(default_factory=list)
    unread: list[tuple[Path, str]] = field(default_factory=list)


def _walk(path: Path, *, recursive: bool = True) -> _Found:
    """The files under ``path`` (or ``path`` itself), at any depth (at its top level only if not
    ``recursive``), hidden ones left out.

    The walk is iterative (a folder nested thousands deep exhausts no stack),
    follows a linked folder once (a link to a folder above would loop), and
    reports, rather than skips, a folder it cannot open and an entry that is
    no regular file (a FIFO would hang the read, a link to /dev/zero never end).
    """
    found = _Found()
    if not path.is_dir():
        what = regular(path)
        if what:
            found.unread.append((path, f"{what}, not a regular file: not read"))
        else:
            found.files.append(path)
        return found
    seen, stack = set(), [path]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            found.unread.append((folder, f"a folder that cannot be read ({exc.strerror or exc}): its files are "
                                         "not read"))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as exc:
                found.unread.append((child, f"cannot be read ({exc.strerror or exc})"))
                continue
            if is_dir:
                if recursive:
                    stack.append(child)
                if child.suffix.lower() in _SUFFIXES:
                    found.folders_named_as_files.append(child)
            elif is_file:
                if entry.name != CONFIG:
                    found.files.append(child)
            else:
                what = regular(child) or "a broken link"
                found.unread.append((child, f"{what}, not a regular file: not read"))
    found.files.sort()
    found.folders_named_as_files.sort()
    return found


def report_unread(found: _Found, report: ImportReport) -> None:
    """Report what a walk did not read: folders named as the files netgraph reads (a mistake worth
    reporting), folders that cannot be opened and entries that are no regular files."""
    for folder in found.folders_named_as_files:
        entry = report.add(folder, "ignored")
        entry.read += 1
        entry.problem(None, "a folder where a file of this name was expected: not read as one (the files in "
                            "it, if any, are read)")
    for other, why in found.unread:
        entry = report.add(other, "ignored")
        entry.read += 1
        entry.problem(None, why)


def report_misnamed_folders(path: Path, report: ImportReport) -> None:
    """Report what a folder holds that netgraph does not read (see :func:`report_unread`)."""
    report_unread(_walk(path), report)


def _nothing_read(path: Path, ignored: list[Path], found: _Found) -> str:
    """Why nothing was read: the file (or the folder's files) in no format netgraph reads."""
    if not path.is_dir():
        return f"not a format netgraph reads; it reads {FORMATS}"
    if not ignored:
        unread = f" ({len(found.unread):,} entries could not be read)" if found.unread else ""
        return f"no network files here: the folder holds no files{unread}; netgraph reads {FORMATS}"
    named = ", ".join(shown(p.relative_to(path)) for p in ignored[:3]) + (
        f" and {len(ignored) - 3:,} more" if len(ignored) > 3 else "")
    return f"no network files here: {named} {'is' if len(ignored) == 1 else 'are'} in no format netgraph reads; " \
           f"it reads {FORMATS}"


def _says_me(tables: Tables) -> bool:
    """Whether some interaction names the files' owner as "me"."""
    frame = tables.interactions
    return bool(len(frame)) and bool(((frame["from"] == "me") | (frame["to"] == "me")).any())
