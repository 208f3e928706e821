from hypothesis import given
from hypothesis import strategies as st

from netgraph.model.keys import company_key, email_key, name_key, natural_name, phone_key, slug, url_key


def test_name_key_folds_case_accents_order_and_initials():
    assert name_key("Lee, Mary") == name_key("mary lee") == name_key("MARY J. LEE") == "mary lee"
    assert name_key("José Núñez") == "jose nunez"
    assert name_key("Dr. Jane Jones, PhD") == "jane jones"
    assert name_key("Mary Lee (Novagen)") == "mary lee"
    assert name_key("mary@novagen.com") == ""
    assert name_key(None) == ""


def test_name_key_keeps_different_people_apart():
    assert name_key("Mary Lee") != name_key("Mary Leigh")
    assert name_key("Jean-Pierre Roy") == "jean pierre roy"


def test_natural_name():
    assert natural_name("Lee, Mary") == "Mary Lee"
    assert natural_name("  Mary   Lee ") == "Mary Lee"
    assert natural_name("Jones, Jr.") == "Jones, Jr."


def test_email_key():
    assert email_key('"Lee, Mary" <Mary.Lee@Novagen.COM>') == "mary.lee@novagen.com"
    assert email_key("mary.lee@novagen.com ") == "mary.lee@novagen.com"
    assert email_key("not an address") == ""
    assert email_key("broken@") == ""


def test_url_key_normalises_linkedin_profiles():
    assert url_key("https://www.linkedin.com/in/Mary-Lee-42/") == "linkedin.com/in/mary-lee-42"
    assert url_key("http://uk.linkedin.com/in/mary-lee-42?trk=abc") == "linkedin.com/in/mary-lee-42"
    assert url_key("") == ""


def test_phone_key_ignores_formatting_and_country_code():
    assert phone_key("+1 (617) 555-0142") == phone_key("617.555.0142") == "6175550142"
    assert phone_key("12") == ""


def test_company_key_drops_legal_forms():
    assert company_key("Novagen, Inc.") == company_key("NOVAGEN") == company_key("Novagen Corp") == "novagen"
    assert company_key("Hunter & Vale") == company_key("Hunter and Vale")
    assert company_key("Co") == "co"


def test_slug():
    assert slug("Mary Lee") == "mary-lee"
    assert slug("José Núñez-García") == "jose-nunez-garcia"
    assert slug("!!!") == "person"


@given(st.text(max_size=40))
def test_keys_never_fail(text):
    for key in (name_key, email_key, url_key, phone_key, company_key):
        assert isinstance(key(text), str)
    assert slug(text)
