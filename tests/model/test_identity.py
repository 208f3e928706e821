"""Identity, first cut: ids, e-mail addresses and names resolve to one node each."""

from __future__ import annotations

import pandas as pd

from netgraph import ImportReport
from netgraph.model.identity import IdentitySettings, resolve_people
from netgraph.model.tables import validate


def records(*rows, source="people"):
    frame = pd.DataFrame(rows)
    return validate(frame, "people", ImportReport().add(f"<{source}>", "people"), source=source)


def test_same_email_merges_and_explains():
    identity = resolve_people(records(
        {"name": "Mary Lee", "email": "mary@novagen.com"},
        {"name": "M. Lee", "email": "MARY@novagen.com", "title": "Director"},
    ))
    assert len(identity.people) == 1
    node = identity.people.index[0]
    assert identity.people.at[node, "title"] == "Director"
    assert identity.merges["rule"].tolist() == ["new", "same e-mail"]
    assert identity.merges["key"].iloc[1] == "mary@novagen.com"


def test_same_name_different_emails_stay_two():
    identity = resolve_people(records(
        {"name": "Mary Lee", "email": "mary@novagen.com"},
        {"name": "Mary Lee", "email": "mlee@gmail.com"},
    ))
    assert len(identity.people) == 2
    assert identity.resolve("Mary Lee")[0] is None
    assert "could be any of 2 people" in identity.resolve("Mary Lee")[1]
    assert identity.resolve("mlee@gmail.com")[0] == identity.people.index[1]


def test_same_normalised_name_without_conflict_merges():
    identity = resolve_people(records(
        {"name": "Lee, Mary", "email": "mary@novagen.com"},
        {"name": "mary j. lee", "company": "Novagen"},
    ))
    assert len(identity.people) == 1
    assert identity.people["name"].iloc[0] == "Mary Lee"
    assert identity.merges["rule"].tolist() == ["new", "same name"]


def test_a_name_only_record_matching_two_people_stays_apart():
    identity = resolve_people(records(
        {"name": "Mary Lee", "email": "a@x.com"},
        {"name": "Mary Lee", "email": "b@y.com"},
        {"name": "Mary Lee"},
    ))
    assert len(identity.people) == 3


def test_explicit_ids_are_kept_and_conflicting_ids_never_merge():
    identity = resolve_people(records(
        {"id": "p1", "name": "Sam Smith", "email": "team@x.com"},
        {"id": "p2", "name": "Sam Smith", "email": "team@x.com"},
    ))
    assert sorted(identity.people.index) == ["p1", "p2"]
    assert identity.resolve("p2")[0] == "p2"


def test_slug_ids_are_unique_and_stable():
    rows = [{"name": "Mary Lee", "email": "a@x.com"}, {"name": "Mary Lee", "email": "b@x.com"},
            {"name": "Ann Ko"}]
    first = resolve_people(records(*rows)).people.index.tolist()
    assert first == ["mary-lee", "mary-lee-2", "ann-ko"]
    assert resolve_people(records(*rows)).people.index.tolist() == first


def test_me_joins_my_own_record_by_name_even_with_another_address():
    identity = resolve_people(records({"name": "Jane Jones", "email": "jane@work.com"},
                                      {"name": "Stan Whitfield"}),
                              me="Jane Jones", emails=("jane@home.com",))
    assert len(identity.people) == 2
    assert identity.people.loc[identity.me, "email"] == ["jane@home.com", "jane@work.com"]
    assert identity.resolve("me")[0] == identity.me == identity.resolve("jane@work.com")[0]


def test_me_by_id():
    identity = resolve_people(records({"id": "j", "name": "Jane Jones"}, {"id": "s", "name": "Stan"}), me="j")
    assert identity.me == "j"
    assert identity.people["is_me"].tolist() == [True, False]


def test_resolve_references():
    identity = resolve_people(records(
        {"id": "mary", "name": "Mary Lee", "email": "mary@novagen.com",
         "linkedin_url": "https://www.linkedin.com/in/marylee/", "phone": "+1 617 555 0142"},
    ), settings=IdentitySettings(phone_region="US"))
    for ref in ("mary", "Mary Lee", "lee, mary", "MARY@novagen.com", '"Mary" <mary@novagen.com>',
                "linkedin.com/in/marylee", "(617) 555-0142"):
        assert identity.resolve(ref) == ("mary", ""), ref
    node, reason = identity.resolve("Mary Leigh")
    assert node is None and "did you mean 'Mary Lee'" in reason
    assert identity.resolve("nobody@x.com")[0] is None
    assert identity.resolve("")[0] is None


def test_unambiguous_nicknames_merge_and_ambiguous_ones_do_not():
    identity = resolve_people(records(
        {"name": "Robert Lee", "email": "rob@x.com"},
        {"name": "Bob Lee", "phone": "+1 617 555 0100"},
        {"name": "Christopher Ng", "email": "c@x.com"},
        {"name": "Chris Ng"},
    ))
    assert len(identity.people) == 3
    assert identity.merges["rule"].tolist() == ["new", "same name (nickname)", "new", "new"]
    assert identity.resolve("Bobby Lee")[0] == identity.resolve("rob@x.com")[0]


def test_nickname_never_overrides_a_conflicting_key():
    identity = resolve_people(records(
        {"name": "Robert Lee", "email": "rob@x.com"},
        {"name": "Bob Lee", "email": "bob@y.com"},
    ))
    assert len(identity.people) == 2


def test_an_employer_tells_two_people_of_one_name_apart():
    identity = resolve_people(records(
        {"name": "David Chen", "linkedin_url": "linkedin.com/in/dchen1", "company": "Orchid Health"},
        {"name": "David Chen", "linkedin_url": "linkedin.com/in/dchen2", "company": "Summit Analytics"},
        {"name": "David Chen", "email": "david.chen@summitanalytics.com"},
        {"name": "David Chen", "email": "david.chen@orchidhealth.com"},
        {"name": "David Chen", "email": "dchen@gmail.com"},
    ))
    assert len(identity.people) == 3
    nodes = identity.merges["node"].tolist()
    assert nodes[0] == nodes[3] and nodes[1] == nodes[2] and nodes[4] not in nodes[:4]
