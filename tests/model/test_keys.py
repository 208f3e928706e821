from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netgraph.model.keys import (
    company_key,
    email_key,
    is_phone_region,
    name_key,
    natural_name,
    phone_key,
    phone_refusal,
    slug,
    url_key,
    url_refusal,
    usual_phone_region,
)


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
    assert url_key("www.linkedin.com/in/mary-lee-42#experience") == "linkedin.com/in/mary-lee-42"
    assert url_key("https://www.linkedin.com/in/mary-lee-42/details/skills/") == "linkedin.com/in/mary-lee-42"
    assert url_key("http://www.linkedin.com/pub/mary-lee/1a/2b/3c") == "linkedin.com/pub/mary-lee/1a/2b/3c"
    assert url_key("") == ""


def test_url_key_decodes_percent_encoding_and_folds_case():
    """Connections.csv writes the profile percent-encoded, the endorsement files decoded."""
    decoded = url_key("www.linkedin.com/in/jürgen-müller-4a1b2c")
    assert decoded == "linkedin.com/in/jürgen-müller-4a1b2c"
    assert url_key("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-4a1b2c") == decoded
    assert url_key("https://www.linkedin.com/in/j%c3%bcrgen-M%C3%9CLLER-4A1B2C/") == decoded
    assert url_key("linkedin.com/in/ju\u0308rgen-mu\u0308ller-4a1b2c") == decoded  # decomposed accents (macOS)


@pytest.mark.parametrize("url", ["https://www.linkedin.com/in", "https://www.linkedin.com/in/",
                                 "https://www.linkedin.com/in/?trk=x", "https://www.linkedin.com/company/initech",
                                 "https://www.linkedin.com/search/results/people/?keywords=lee",
                                 "https://example.com/mary", "linkedin.com/in/%20", "mary@x.com/in/y",
                                 "https://www.linkedin.com/in/mary-lee-4…", "https://www.linkedin.com/in/jürgen-mü..."])
def test_a_url_that_names_no_profile_is_no_key_and_says_why(url):
    assert url_key(url) == ""
    assert url_refusal(url).endswith(": left out")


def test_url_refusal_is_empty_for_profiles_and_blanks():
    assert "is cut short" in url_refusal("https://www.linkedin.com/in/mary-lee-4…")
    assert url_refusal("https://www.linkedin.com/in/mary-lee-42") == url_refusal("") == url_refusal(None) == ""


@given(st.text(alphabet=st.characters(categories=("Ll", "Lu", "Nd"), include_characters="-_"), min_size=1,
               max_size=30))
def test_a_profile_is_one_key_however_it_is_written(slug_text):
    written = ["https://www.linkedin.com/in/" + quote(slug_text), "linkedin.com/in/" + slug_text + "/"]
    if slug_text.upper().casefold() == slug_text.casefold():  # not so for a Turkish dotless ı, say
        written.append("http://de.linkedin.com/in/" + quote(slug_text.upper()) + "?trk=x")
    assert len({url_key(url) for url in written}) == 1 and url_key(written[0])


def test_phone_key_is_the_complete_number_in_e164():
    assert phone_key("+1 (617) 555-0142") == phone_key("617.555.0142", "US") == "+16175550142"
    assert phone_key("0049 30 1234567") == phone_key("030 1234567", "de") == "+49301234567"
    assert phone_key("617.555.0142") == ""  # no country code and no region: which country?
    assert phone_key("12") == phone_key("12345678", "US") == phone_key("+1 555") == ""


def test_phone_refusal_says_why():
    assert "not a complete number" in phone_refusal("12345678", "US")
    assert "no country code" in phone_refusal("617 555 0142")
    assert phone_refusal("+1 617 555 0142") == phone_refusal("") == ""


def test_usual_phone_region():
    assert usual_phone_region(["+49 151 23456789", "030 1234567", "+49 30 1234567", "+1 617 555 0142"]) == "DE"
    assert usual_phone_region(["030 1234567", "12345678", ""]) is None
    assert is_phone_region("gb") and not is_phone_region("XX") and not is_phone_region(None)


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
    for key in (name_key, email_key, url_key, phone_key, company_key, url_refusal, phone_refusal):
        assert isinstance(key(text), str)
    assert isinstance(phone_key(text, "US"), str)
    assert slug(text)
