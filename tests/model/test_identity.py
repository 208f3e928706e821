"""Identity: ids, e-mail addresses, profiles, phones and names resolve to one node per human."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import ImportReport
from netgraph.analysis.reasons import hop_reasons
from netgraph.model import identity as identity_module
from netgraph.model.identity import PERSONAL_AND_WORK, IdentitySettings, resolve_people
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


# ---------------------------------------------------------------------------------------------
# Identity on real files: each case is a fixture in tests/fixtures/identity that reproduces a quirk
# of exports written by other people's programs.

FIXTURES = Path(__file__).parents[1] / "fixtures" / "identity"


def load_case(tmp_path, case, *, toml=None, drop=()):
    """Load a fixture folder, with its netgraph.toml replaced by ``toml`` and the files in ``drop`` left out."""
    folder = tmp_path / case
    shutil.copytree(FIXTURES / case, folder)
    for name in drop:
        (folder / name).unlink()
    if toml is not None:
        (folder / "netgraph.toml").write_text(toml)
    return netgraph.load(folder, today="2026-11-01")


def warnings_of(net, name):
    return [(Path(p.file).name, p.line, p.reason) for p in net.report.problems
            if not p.skipped and Path(p.file).name == name]


def test_a_personal_and_a_work_address_at_the_employer_are_one_person(tmp_path):
    """Google Contacts has the gmail address and the employer, LinkedIn the work address."""
    net = load_case(tmp_path, "personal_work")
    marcus = net.explain_identity("Marcus Oyelaran")
    assert marcus["source"].tolist() == ["linkedin", "google"]
    assert marcus["rule"].iloc[1] == PERSONAL_AND_WORK and marcus["key"].iloc[1] == "initech"
    assert marcus["via"].iloc[1].endswith("Connections.csv:5")
    assert set(net.people.at[net.find("Marcus Oyelaran"), "email"]) == {"marcus.oyelaran@initech.com",
                                                                        "marcus.oyelaran@gmail.com"}
    assert "Marcus Oyelaran" not in net.graph.graph["homonyms"]
    # a personal address with no employer, or another one, could be anybody of that name
    assert net.graph.graph["homonyms"] == {"Dana Whitlock": 2, "Priya Natarajan": 2}
    [refused] = net.identity.loc[net.identity["record_name"].eq("Priya Natarajan") & net.identity["refused"].ne(""),
                                 "refused"]
    assert "same name as Priya Natarajan" in refused and "another e-mail address" in refused


def test_invitees_with_a_profile_url_that_names_no_profile_stay_apart(tmp_path):
    """Late-2023 Invitations.csv: every invitee's profile is https://www.linkedin.com/in."""
    net = load_case(tmp_path, "invitations_2023")
    invitees = ["Tomasz Wójcik", "Aiko Tanabe", "Lucía Ferrer", "Kwabena Mensah", "Ingrid Solberg"]
    assert len({net.find(name) for name in invitees}) == 5
    assert net.graph.number_of_nodes() == 7  # me, five invitees, Omar who invited me
    warnings = warnings_of(net, "Invitations.csv")
    assert [line for _, line, _ in warnings] == [2, 3, 4, 5, 6]
    assert all("names no profile (nothing after /in/): left out" in reason for *_, reason in warnings)
    assert "names no profile" in net.explain_identity("Aiko Tanabe")["refused"].iloc[0]
    assert all(net.graph.has_edge(net.me, net.find(name)) for name in invitees)


def test_percent_encoded_and_decoded_profile_urls_are_one_profile(tmp_path):
    """Connections.csv writes /in/j%C3%BCrgen..., the endorsement file /in/jürgen... (and in capitals)."""
    net = load_case(tmp_path, "percent_encoded")
    for name in ("Jürgen Müller", "Zoë Ngô", "Renée Lefèvre"):
        records = net.explain_identity(name)  # find() would fail if the name were two people
        assert set(records["rule"]) == {"new", "same profile URL", "same name"} - (
            set() if name == "Jürgen Müller" else {"same name"}), name
        assert net.graph.has_edge(net.find(name), net.me)  # the endorsement reached the connection
    assert net.explain_identity("Jürgen Müller")["key"].iloc[1] == "linkedin.com/in/jürgen-müller-4a1b2c"
    assert net.graph.number_of_nodes() == 5


def test_junk_phone_fragments_never_join_unrelated_people(tmp_path):
    """Google Contacts with 8-digit fragments ("55501234", a date "20231107") in several records."""
    net = load_case(tmp_path, "junk_phones")  # the +49 numbers say German: 8 digits can be a number there
    assert net.graph.number_of_nodes() == 5
    shared = warnings_of(net, "contacts.csv")
    assert [line for _, line, _ in shared] == [3, 4, 5]
    assert all("shares the phone" in reason and "not merged" in reason for *_, reason in shared)
    net = load_case(tmp_path / "us", "junk_phones", toml='phone_region = "US"\n')  # in the US they are fragments
    assert net.graph.number_of_nodes() == 5
    reasons = [reason for *_, reason in warnings_of(net, "contacts.csv")]
    # three 55501234, two 20231107, and Greta's Berlin number, which is no number in the US
    assert sum("is not a complete number" in reason for reason in reasons) == 6
    assert net.find("+49 151 23456789") == net.find("Hannah Kowalczyk")  # complete numbers still identify


def test_colleagues_sharing_an_office_line_stay_two(tmp_path):
    """A vCard address book where two colleagues share a desk line and a couple a home line."""
    net = load_case(tmp_path, "office_line")
    assert len({net.find(n) for n in ("Anna Berg", "Tom Weller", "Lena Weller")}) == 3
    assert [line for _, line, _ in warnings_of(net, "contacts.vcf")] == [9, 18]
    assert "shares the phone +16175550100 with Anna Berg" in net.explain_identity("Tom Weller")["refused"].iloc[0]
    # one person in two address books, by one mobile written two ways
    robert = net.explain_identity("Robert Lindgren")
    assert robert["record_name"].tolist() == ["Bob Lindgren", "Robert Lindgren"]
    assert robert["rule"].iloc[1] == "same phone" and robert["key"].iloc[1] == "+16175550123"
    assert any("read as numbers of US" in n for f in net.report.files for n in f.notes)


def test_a_stranger_with_my_name_and_another_profile_is_not_me(tmp_path):
    # netgraph.toml's linkedin_url alone tells the Connections.csv row of my name from me
    net = load_case(tmp_path / "toml", "stranger_with_my_name", drop=["contacts.vcf"])
    assert net.find("linkedin.com/in/janejones-london") != net.me
    assert net.graph.nodes[net.me]["company"] == ""  # not the stranger's employer
    assert "has my name but another profile URL" in net.explain_identity("linkedin.com/in/janejones-london")[
        "refused"].iloc[0]
    net = load_case(tmp_path, "stranger_with_my_name")
    me = net.explain_identity(net.me)
    assert me["source"].tolist() == ["me", "vcard"]  # my own card, by my profile in another spelling
    assert me["rule"].iloc[1] == "same profile URL"
    stranger = net.find("linkedin.com/in/janejones-london")
    assert stranger != net.me and net.graph.nodes[stranger]["company"] == "Lloyds Banking Group"
    [(_, line, reason)] = warnings_of(net, "Connections.csv")
    assert line == 5 and "has my name but another profile URL (linkedin.com/in/janejones-london)" in reason
    # without linkedin_url nothing tells them apart: taken for me, with a warning that says how to tell
    net = load_case(tmp_path / "no-url", "stranger_with_my_name", toml='me = "Jane Jones"\n', drop=["contacts.vcf"])
    assert net.find("linkedin.com/in/janejones-london") == net.me
    [(_, line, reason)] = warnings_of(net, "Connections.csv")
    assert line == 5 and "taken for me, as netgraph.toml gives no linkedin_url" in reason


def test_an_address_at_a_past_employer_is_me_but_no_job(tmp_path):
    net = load_case(tmp_path, "past_employer")
    G = net.graph
    assert net.explain_identity(net.me)["record_name"].tolist() == ["Jane Jones", "Jane Jones", "Jones, J."]
    assert G.nodes[net.me]["company"] == "Orchid Health" and "Initech" in G.nodes[net.me]["past_companies"]
    reasons = hop_reasons(G, net.me, net.find("Peter Gibbons"), net.today, net.me)
    assert "you worked together at Initech" in reasons and not any("colleagues" in r for r in reasons)
    # with only my addresses given, the old one makes no employer either
    net = load_case(tmp_path / "bare", "past_employer",
                    toml='me = "Jane Jones"\nemails = ["jane.jones@gmail.com", "jane.jones@initech.com"]\n')
    assert net.graph.nodes[net.me]["company"] == ""
    assert not any("colleagues" in r for r in hop_reasons(net.graph, net.me, net.find("Peter Gibbons"), net.today))


def test_me_always_means_the_owner(tmp_path):
    """Issue 13.8: contacts named Me, ME, Mé, Mẹ and a mail from me@anything are strangers."""
    net = load_case(tmp_path, "planted_me")
    G = net.graph
    assert net.me == "jane-jones" == net.find("me") == net.find("ME") and "me" not in G
    strangers = [n for n in G if G.nodes[n]["name"] in ("Me", "ME", "Mé", "Mẹ", "me@anything.example")]
    assert len(strangers) == 5 and not any(G.nodes[n]["is_me"] for n in strangers)
    stan = net.find("Stan Whitfield")
    assert G[net.me][stan]["sent"] == 1 and G[stan][net.me]["sent"] == 1
    planted = net.find("me@anything.example")
    assert G[planted][net.me]["sent"] == 1


def test_a_contact_called_me_gets_another_id_and_me_resolves_to_the_owner():
    identity = resolve_people(records({"name": "Me", "email": "x@y.com"}, {"name": "Jane Jones"}), me="Jane Jones")
    assert identity.me == "jane-jones" and "me" not in identity.people.index
    assert identity.resolve("me") == ("jane-jones", "") and identity.resolve("x@y.com")[0] == "me-2"
    nobody = resolve_people(records({"name": "Me", "email": "x@y.com"}))
    assert nobody.resolve("me") == (None, "'me' is used but nobody is set as me")


@pytest.mark.parametrize("a, b, agree", [
    ("Anna Berg", "Tom Weller", False),
    ("Anna Berg", "Tom Berg", False),       # a home line: one family, two people
    ("Robert Lee", "Bob Lee", True),
    ("Mary Lee", "M. Lee", True),
    ("Mary Lee", "Mary", True),            # a phone's contact with a first name only
    ("Mary Lee", "", True),
])
def test_a_shared_phone_joins_only_names_that_could_be_one_person(a, b, agree):
    identity = resolve_people(records({"name": a, "phone": "+1 617 555 0100"}, {"name": b, "phone": "+16175550100"}))
    assert (len(identity.people) == 1) == agree
    assert (identity.refusals["reported"].sum() == 0) == agree


def test_every_refusal_names_the_record_and_reason():
    identity = resolve_people(records(
        {"name": "Ann Ko", "phone": "+1 617 555 0100", "linkedin_url": "https://www.linkedin.com/in"},
        {"name": "Ted Wu", "phone": "+1 617 555 0100"},
        {"name": "Ted Wu", "phone": "12345", "email": "ted@wu.example"},
    ))
    frame = identity.refusals
    assert frame.columns.tolist() == ["file", "line", "record_name", "node", "reason", "reported"]
    assert frame["line"].tolist() == [1, 3, 2] and frame["reported"].all()
    assert identity.merges["refused"].ne("").all()


def test_ten_thousand_unresolved_references_are_reported_within_seconds():
    """Did-you-mean hints are indexed by first letter and given for the first names only (the quadratic walk
    took minutes for 10,000)."""
    from netgraph.model.identity import MAX_HINTS

    people = pd.DataFrame({"name": [f"Person {i:05d} Example" for i in range(3000)]})
    refs = pd.DataFrame({"date": "2025-01-01", "from": [f"Nobody {i:05d} Atall" for i in range(10_000)],
                         "to": "Person 00001 Example"})
    report = netgraph.build_graph(people, refs, errors="report").graph["report"]
    reasons = [p.reason for entry in report.files for p in entry.problems]
    assert len(reasons) == 10_000 and all("nobody called" in r for r in reasons)
    assert sum("did you mean" in r for r in reasons) <= MAX_HINTS


_NAMES = ["Mary Lee", "Lee, Mary", "Robert Lee", "Bob Lee", "Chris Lee", "Jane Jones", "J. Jones", "Stan", ""]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(["", "mary@novagen.com", "bob@gmail.com",
                                                                     "bob@novagen.com", "not an address"]),
                          st.sampled_from(["", "+49 30 1234567", "12"]),
                          st.sampled_from(["", "https://www.linkedin.com/in/marylee", "https://linkedin.com/company/x"])),
                min_size=1, max_size=12),
       st.integers(0, 12), st.sampled_from([(), ("Initech",)]))
def test_records_with_ids_of_their_own_resolve_as_the_general_passes_do(rows, mine, past):
    """Canonical people (an id each) take the join-only path: the same people, merges, refusals and keys."""
    frame = records(*({"id": f"p{i}", "name": name, "email": email, "phone": phone, "linkedin_url": url,
                       "company": "Initech" if i % 3 else ""} for i, (name, email, phone, url) in enumerate(rows)))
    me = f"p{mine}" if mine < len(rows) else None
    settings_ = IdentitySettings(past_employers=past)
    fast = resolve_people(frame, me=me, settings=settings_)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(identity_module, "_all_apart", lambda records: False)
        slow = resolve_people(frame, me=me, settings=settings_)
    pd.testing.assert_frame_equal(fast.people, slow.people)
    pd.testing.assert_frame_equal(fast.merges, slow.merges)
    pd.testing.assert_frame_equal(fast.refusals, slow.refusals)
    assert (fast.me, fast._index, fast._names, fast._formal) == (slow.me, slow._index, slow._names, slow._formal)
