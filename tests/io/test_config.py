import datetime as dt

import pytest

from netgraph import NetgraphError
from netgraph.io.config import read_config


def test_reads_all_settings(tmp_path):
    path = tmp_path / "netgraph.toml"
    path.write_text('me = "Jane Jones"\nemails = ["a@x.com"]\ntargets = ["Novagen"]\ntoday = "2026-11-01"\nfoo = 1\n')
    config = read_config(path)
    assert (config.me, config.emails, config.targets) == ("Jane Jones", ["a@x.com"], ["Novagen"])
    assert config.today == dt.date(2026, 11, 1)
    assert config.unknown == ["foo"]


def test_toml_dates_are_accepted(tmp_path):
    path = tmp_path / "netgraph.toml"
    path.write_text("today = 2026-11-01\n")
    assert read_config(path).today == dt.date(2026, 11, 1)


@pytest.mark.parametrize("text, line, message", [
    ('me = "Jane"\nemails = "a@x.com"\n', 2, "list of addresses"),
    ('me = "Jane"\ntoday = "yesterday"\n', 2, "not a date"),
    ('me = "Jane\n', 1, "not valid TOML"),
    ('targets = ["a", 3]\n', 1, "list of strings"),
])
def test_errors_name_the_line(tmp_path, text, line, message):
    path = tmp_path / "netgraph.toml"
    path.write_text(text)
    with pytest.raises(NetgraphError) as error:
        read_config(path)
    assert error.value.line == line and message in str(error.value)
