#!/usr/bin/env python3
"""Set-up-free entry points: `python3 dev.py demo` and `python3 dev.py test`.

Each creates (or reuses) a virtual environment in .venv, installs netgraph
into it with what the task needs, and runs the task. Only the standard library
is used here, so this works on a machine with nothing but Python 3.11+ and pip.

    python3 dev.py demo              # netgraph summary on the bundled demo network
    python3 dev.py test [PYTEST ARGS]  # the whole test suite
    python3 dev.py pictures          # regenerate the README's pictures
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXTRAS = {"demo": "", "test": "[dev,notebooks]", "pictures": ""}


def _run(*command: object) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT)


def _environment(extras: str) -> None:
    """Create .venv if needed and install netgraph with ``extras``, unless already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on whatever python3 the machine has
        sys.exit(f"netgraph needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating a virtual environment in {VENV}", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed{extras or '[]'}"
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    print(f"installing netgraph{extras} into {VENV}", file=sys.stderr)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    stamp.write_text(fingerprint)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else ""
    if task not in EXTRAS:
        print(__doc__, file=sys.stderr)
        return 2
    _environment(EXTRAS[task])
    if task == "demo":
        status = subprocess.call([str(BIN / "netgraph"), "summary", *argv[1:]], cwd=ROOT)
        if status == 0 and not argv[1:]:
            print(f"\nNext, with {os.path.relpath(BIN / 'netgraph')}: paths --to Novagen · draft --to Novagen · "
                  "weak-ties · follow-ups · reciprocity · html --out map.html --to Novagen", file=sys.stderr)
        return status
    if task == "pictures":
        return subprocess.call([str(PYTHON), "docs/make_pictures.py", *argv[1:]], cwd=ROOT)
    return subprocess.call([str(PYTHON), "-m", "pytest", "-n", "auto", *argv[1:]], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
