import pandas as pd

from netgraph.model.companies import directory
from netgraph.model.tables import empty


def people(rows):
    frame = pd.DataFrame(rows)
    for column in ("company", "past_companies", "email"):
        if column not in frame:
            frame[column] = [[] if column != "company" else ""] * len(frame)
    return frame


def test_aliases_domains_and_legal_forms_find_one_company():
    companies = pd.DataFrame({"name": ["Novagen"], "aliases": [["Novagen Pharmaceuticals"]],
                              "domains": [["novagen.com"]], "industry": ["pharmaceuticals"]})
    crowd = people([
        {"company": "Novagen, Inc.", "email": [], "past_companies": []},
        {"company": "NOVAGEN PHARMACEUTICALS", "email": [], "past_companies": ["novagen"]},
        {"company": "", "email": ["x@novagen.com"], "past_companies": []},
    ])
    found = directory(companies, crowd)
    assert crowd["company"].tolist() == ["Novagen"] * 3
    assert crowd["company_from"].tolist() == ["", "", "email domain"]
    assert crowd["past_companies"].iloc[1] == ["Novagen"]
    for text in ("Novagen", "novagen inc", "novagen.com", "www.novagen.com", "someone@novagen.com"):
        assert found.canonical(text) == "Novagen"
    assert found.suggest("Novagn") == ["Novagen"]


def test_domains_learned_from_colleagues_but_never_from_gmail():
    crowd = people([
        {"company": "Helix", "email": ["a@helixtx.com"], "past_companies": []},
        {"company": "Helix", "email": ["b@helixtx.com", "b@gmail.com"], "past_companies": []},
        {"company": "Other", "email": ["c@gmail.com"], "past_companies": []},
        {"company": "", "email": ["d@helixtx.com"], "past_companies": []},
        {"company": "", "email": ["e@gmail.com"], "past_companies": []},
    ])
    directory(empty("companies"), crowd)
    assert crowd["company"].tolist() == ["Helix", "Helix", "Other", "Helix", ""]


def test_one_colleague_is_not_enough_to_claim_a_domain():
    crowd = people([
        {"company": "Solo", "email": ["a@solo.io"], "past_companies": []},
        {"company": "", "email": ["b@solo.io"], "past_companies": []},
    ])
    directory(empty("companies"), crowd)
    assert crowd["company"].tolist() == ["Solo", ""]


def test_an_old_work_address_is_not_a_current_job():
    companies = pd.DataFrame({"name": ["Orchid Health"], "aliases": [[]], "domains": [["orchidhealth.com"]],
                              "industry": [""]})
    crowd = people([{"company": "", "email": ["jane@orchidhealth.com"], "past_companies": ["Orchid Health"]}])
    directory(companies, crowd)
    assert crowd["company"].tolist() == [""]


def test_self_employed_and_the_like_are_no_employer():
    """LinkedIn's Connections.csv says "Self-employed" or "Freelance" where there is no employer: two such people
    share no company (no co-worker tie is inferred from it) and it names no company of the network."""
    crowd = people([
        {"company": "Self-employed", "email": [], "past_companies": ["Freelance", "Novagen"]},
        {"company": "self employed", "email": [], "past_companies": []},
        {"company": "Stealth Startup", "email": [], "past_companies": []},
        {"company": "Novagen", "email": [], "past_companies": []},
    ])
    found = directory(empty("companies"), crowd)
    assert crowd["company"].tolist() == ["", "", "", "Novagen"]
    assert crowd["past_companies"].iloc[0] == ["Novagen"]
    assert [r["name"] for r in found.records] == ["Novagen"]


def test_a_company_is_suggested_from_the_start_of_a_word():
    crowd = people([{"company": c, "email": [], "past_companies": []}
                    for c in ("Acme Robotics", "Orchid Health", "Northfield University")])
    found = directory(empty("companies"), crowd)
    assert found.suggest("acme") == ["Acme Robotics"]
    assert found.suggest("orchid") == ["Orchid Health"]  # not a near spelling of another name besides
    assert found.suggest("Acme Robotic") == ["Acme Robotics"]
