import datetime as dt

import pytest

from netgraph import NetgraphError
from netgraph.io.config import read_config
from netgraph.model.identity import IdentitySettings


def test_reads_all_settings(tmp_path):
    path = tmp_path / "netgraph.toml"
    path.write_text('me = "Jane Jones"\nemails = ["a@x.com"]\ntargets = ["Novagen"]\ntoday = "2026-11-01"\nfoo = 1\n')
    config = read_config(path)
    assert (config.me, config.emails, config.targets) == ("Jane Jones", ["a@x.com"], ["Novagen"])
    assert config.today == dt.date(2026, 11, 1)
    assert config.unknown == ["foo"]


def test_reads_who_i_am_for_identity(tmp_path):
    path = tmp_path / "netgraph.toml"
    path.write_text('me = "Jane Jones"\nlinkedin_url = " https://www.linkedin.com/in/jane-jones-bos "\n'
                    'employer = "Orchid Health"\npast_employers = ["Initech", " "]\nphone_region = "gb"\n')
    config = read_config(path)
    assert config.unknown == []
    settings = config.identity()
    assert settings.linkedin_url == "https://www.linkedin.com/in/jane-jones-bos"
    assert (settings.employer, settings.past_employers, settings.phone_region) == ("Orchid Health", ("Initech",), "GB")
    assert read_config(tmp_path / "netgraph.toml").identity() == settings
    (tmp_path / "empty.toml").write_text("")
    assert read_config(tmp_path / "empty.toml").identity() == IdentitySettings()


def test_toml_dates_are_accepted(tmp_path):
    path = tmp_path / "netgraph.toml"
    path.write_text("today = 2026-11-01\n")
    assert read_config(path).today == dt.date(2026, 11, 1)


@pytest.mark.parametrize("text, line, message", [
    ('me = "Jane"\nemails = "a@x.com"\n', 2, "list of addresses"),
    ('me = "Jane"\ntoday = "yesterday"\n', 2, "not a date"),
    ('me = "Jane\n', 1, "not valid TOML"),
    ('targets = ["a", 3]\n', 1, "list of strings"),
    ('me = "Jane"\nphone_region = "Germany"\n', 2, "not a region code"),
    ('phone_region = 49\n', 1, "region code in quotes"),
    ('past_employers = "Initech"\n', 1, "list of company names"),
    ('employer = ["Initech"]\n', 1, "a company name in quotes"),
])
def test_errors_name_the_line(tmp_path, text, line, message):
    path = tmp_path / "netgraph.toml"
    path.write_text(text)
    with pytest.raises(NetgraphError) as error:
        read_config(path)
    assert error.value.line == line and message in str(error.value)
