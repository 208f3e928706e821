"""The notebooks run top to bottom, are committed clean, start without a warning and agree with the state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert [p.name[:3] for p in NOTEBOOKS] == ["00-", "01-", "02-", "03-", "04-", "05-", "06-"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


#: Checks run after a notebook's own cells, in its kernel: what it shows agrees with the one relationship state.
AGREES_WITH_THE_STATE = {
    "03-reciprocity": """
state = netgraph.relationship_state(G).set_index("contact")["action"]
for shown, action in ((reply, "reply"), (thank, "give back"), (give_first, "give first")):
    assert len(shown) and (state[shown["contact"]] == action).all(), (action, shown["contact"].tolist())
    assert set(shown["contact"]) == set(state.index[state == action]) & set(table["contact"])
""",
    "00-start-from-your-exports": """
assert (sheet["action"] == netgraph.relationship_state(G).set_index("node").loc[sheet["node"], "action"].values).all()
assert len(netgraph.who_at(G, TARGETS[0])) and len(urgent)
""",
}


def _execute(path: Path, folder: Path) -> nbformat.NotebookNode:
    """Run a copy of the notebook, in a folder of its own (nothing it writes lands in the repository),
    with every warning shown (not only the first of each place, nor only those of ``__main__``), and the
    checks of :data:`AGREES_WITH_THE_STATE` appended."""
    notebook = nbformat.read(shutil.copy(path, folder / path.name), as_version=4)
    if path.stem in AGREES_WITH_THE_STATE:
        notebook.cells.append(nbformat.v4.new_code_cell(AGREES_WITH_THE_STATE[path.stem]))
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONWARNINGS", "always")  # the kernel inherits it
        client.execute()  # raises CellExecutionError, naming the cell, on any error
    return notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_starts_without_a_warning(path, tmp_path):
    notebook = _execute(path, tmp_path)
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors
    # the first cell a reader runs prints nothing to stderr (where Python's warnings go) and no warning
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    said = [output for output in first.outputs if output.get("name") == "stderr"
            or "warning" in str(output.get("text", "")).lower() + str(output.get("data", "")).lower()]
    assert not said, said
