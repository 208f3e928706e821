"""Normalised keys for matching people and companies across sources.

Exact keys (e-mail address, LinkedIn profile URL, complete phone number) and name keys
(case, accents, punctuation, "Last, First", middle initials, titles) are what
identity resolution compares; companies compare on their name without legal
suffixes. Each function returns ``""`` when there is no usable key.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from email.utils import parseaddr
from urllib.parse import unquote

import phonenumbers

__all__ = ["formal_key", "NICKNAMES", "split_reference", "natural_name", "name_key", "email_key", "url_key",
           "phone_key", "company_key", "slug", "domain_of", "PERSONAL_DOMAINS", "url_refusal", "phone_refusal",
           "is_phone_region", "usual_phone_region"]

_HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame", "mx"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "pmp", "dds"}
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w\s]+")

_LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas",
    "srl", "spa", "bv", "nv", "oy", "ab", "as", "kk", "pty", "co", "corp", "corporation", "company",
}

#: Mail providers whose addresses say nothing about an employer (and ``example.invalid``, the domain of
#: the pseudonymous addresses an anonymised export writes: everyone's, nobody's employer).
PERSONAL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com",
    "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
    "mac.com", "protonmail.com", "proton.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com",
    "yandex.com", "yandex.ru", "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com",
    "example.com", "example.org", "example.invalid",
})


def _ascii_words(text: str) -> list[str]:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("-", " ").replace("'", "").replace("\u2019", "")
    return _NOT_WORD.sub(" ", text).split()


_REFERENCE = re.compile(r'^\s*"?(.*?)"?\s*<([^<>]+)>\s*$')


def split_reference(ref: str) -> tuple[str, str]:
    """A reference to a person -> (name, exact key), either possibly empty.

    References name a person by an id or name, by an exact key (an e-mail
    address or a profile URL), or both as ``Name <key>``, the way mail headers
    write a person.

    >>> split_reference('"Lee, Mary" <mary@novagen.com>')
    ('Lee, Mary', 'mary@novagen.com')
    >>> split_reference("Mary Lee <https://www.linkedin.com/in/marylee>")
    ('Mary Lee', 'https://www.linkedin.com/in/marylee')
    >>> split_reference("mary@novagen.com"), split_reference("Mary Lee")
    (('', 'mary@novagen.com'), ('Mary Lee', ''))
    """
    match = _REFERENCE.match(ref)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    text = ref.strip()
    if email_key(text) or "linkedin.com/" in text.casefold():
        return "", text
    return text, ""


def natural_name(name: str) -> str:
    """A name as it is written in running text: ``"Lee, Mary"`` -> ``"Mary Lee"``.

    >>> natural_name("Lee, Mary"), natural_name("Mary Lee, PhD")
    ('Mary Lee', 'Mary Lee, PhD')
    """
    text = " ".join(name.split())
    if text.count(",") == 1 and "@" not in text:
        last, first = (part.strip() for part in text.split(","))
        if first and last and not set(_ascii_words(first)) <= _SUFFIXES:
            return f"{first} {last}"
    return text


def name_key(name: object) -> str:
    """A person's name reduced to what two spellings of it share.

    >>> name_key("Lee, Mary")
    'mary lee'
    >>> name_key("  MARY J. LEE ")
    'mary lee'
    >>> name_key("Dr. José Núñez-García (Novagen)")
    'jose nunez garcia'
    """
    if not isinstance(name, str):
        return ""
    text = natural_name(_PARENS.sub(" ", name))
    if "@" in text:
        return ""
    words = [w for w in _ascii_words(text) if w not in _HONORIFICS and w not in _SUFFIXES]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def email_key(address: object) -> str:
    """``"Mary Lee <Mary.Lee@Novagen.com>"`` -> ``"mary.lee@novagen.com"``."""
    if not isinstance(address, str) or "@" not in address:
        return ""
    if _PLAIN_ADDRESS.fullmatch(address):  # the common case, without the full RFC 5322 parser
        return address.casefold()
    _, addr = parseaddr(address.strip())
    addr = addr.strip().strip("<>").casefold()
    local, _, domain = addr.rpartition("@")
    if not local or "." not in domain or " " in addr:
        return ""
    return addr


def domain_of(address: str) -> str:
    """The domain of a normalised e-mail address."""
    return address.rpartition("@")[2]


#: A profile: ``/in/<slug>`` (today's) or ``/pub/<name>/<a>/<b>/<c>`` (before about 2013), on
#: LinkedIn (``www.``, a country's sub-domain, or none) or on the host an anonymised export writes
#: (``example.invalid``). Anything else (``/in`` with no slug, a company page, a search) names nobody.
_PROFILE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[^/?#\s@]+)/(?P<kind>in|pub)/(?P<path>[^?#]+)", re.I)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com$", re.I)


def url_key(url: object) -> str:
    """A profile URL as a key: percent-decoded, case-folded, without
    scheme, country prefix, query, fragment or trailing slash; ``""`` unless it
    names a profile.

    ``Connections.csv`` writes ``/in/m%C3%BCller`` where the endorsement files
    write ``/in/müller``: both are one profile. Late-2023 ``Invitations.csv``
    writes ``https://www.linkedin.com/in`` (nothing after ``/in/``) for every
    invitee: that names nobody (see :func:`url_refusal`).

    >>> url_key("https://uk.linkedin.com/in/Mary-Lee-42/?trk=x")
    'linkedin.com/in/mary-lee-42'
    >>> url_key("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller") == url_key("linkedin.com/in/Jürgen-Müller/")
    True
    >>> url_key("https://www.linkedin.com/in"), url_key("https://example.com/mary")
    ('', '')
    >>> url_key("https://example.invalid/in/person-4f2a")  # as --anonymize writes it
    'example.invalid/in/person-4f2a'

    """
    if not isinstance(url, str) or "/" not in url:
        return ""
    match = _PROFILE.match(unquote(url.strip()).strip())
    if not match:
        return ""
    host = match["host"].lower()
    host = "linkedin.com" if _LINKEDIN_HOST.match(host) else host
    kind, path = match["kind"].lower(), match["path"].strip().rstrip("/")
    if kind == "in":  # /in/<slug>/details/... is a page of the profile <slug>
        path = path.split("/", 1)[0]
    if not path or any(c.isspace() for c in path) or path.endswith(_CUT):
        return ""
    return f"{host}/{kind}/{_caseless(path)}"


#: How a spreadsheet or a report cuts a long cell short: a profile that ends so is not the whole profile.
_CUT = ("…", "...")


#: Longer than any phone number however it is written (libphonenumber itself stops at 250 characters).
_LONGEST_PHONE = 100
#: How much of a refused value a reason quotes.
_QUOTED = 60


def _quoted(text: str) -> str:
    return text if len(text) <= _QUOTED else text[:_QUOTED - 3] + "..."


def _caseless(text: str) -> str:
    """Canonical caseless form (Unicode 3.13, D145): two spellings of one text, accents composed or not, agree."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).casefold())


def url_refusal(url: object) -> str:
    """Why a profile URL given for someone is left out (``""`` when it is a key, or none is given):
    it names nobody, so it is neither a key nor worth keeping.

    >>> url_refusal("https://www.linkedin.com/in")
    "profile URL 'https://www.linkedin.com/in' names no profile (nothing after /in/): left out"
    """
    if not isinstance(url, str) or not url.strip() or url_key(url):
        return ""
    text = url.strip()
    if "linkedin.com" not in text.casefold():
        what = "is not a profile (/in/<name>)"
    elif text.rstrip("/").endswith(_CUT):
        what = "is cut short"
    else:
        what = "names no profile (nothing after /in/)"
    return f"profile URL '{_quoted(text)}' {what}: left out"


def phone_key(phone: object, region: str | None = None) -> str:
    """A complete phone number in E.164 form (``+16175550142``), or ``""``.

    Numbers are parsed and checked by ``phonenumbers`` (Google's libphonenumber
    metadata): a fragment (``12345678``), an extension alone or a number too
    short for its country is not a key, since two people could share it by
    chance. A number written without its country code is read in ``region``
    (an ISO 3166 code such as ``"US"`` or ``"DE"``; see :func:`usual_phone_region`);
    without one, only numbers that carry their country code (``+1 ...``,
    ``0044 ...``) are keys.

    >>> phone_key("+1 (617) 555-0142"), phone_key("617.555.0142", "US"), phone_key("0049 30 1234567")
    ('+16175550142', '+16175550142', '+49301234567')
    >>> phone_key("12345678", "US"), phone_key("617.555.0142")
    ('', '')
    """
    if not isinstance(phone, str) or len(phone) > _LONGEST_PHONE or not any(c.isdigit() for c in phone):
        return ""
    return _phone_key(phone.strip(), (region or "").upper() or None)


@functools.lru_cache(maxsize=65536)
def _phone_key(phone: str, region: str | None) -> str:
    text = "+" + phone[2:] if phone.startswith("00") else phone  # 00 is the international prefix nearly everywhere
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_refusal(phone: object, region: str | None = None) -> str:
    """Why a phone number given for someone is not used as a key (``""`` when it is, or none is given)."""
    if not isinstance(phone, str) or not phone.strip() or phone_key(phone, region):
        return ""
    text = phone.strip()
    if not region and not text.startswith(("+", "00")):
        return (f"phone '{_quoted(text)}' has no country code, and neither netgraph.toml's phone_region nor any "
                "number with one says which country: not used to match people")
    return f"phone '{_quoted(text)}' is not a complete number: not used to match people"


def usual_phone_region(phones) -> str | None:
    """The region most numbers written with a country code belong to (None if none has one).

    Where an address book writes some numbers internationally (``+1 617...``)
    and others nationally (``617...``), the national ones are most likely of
    the same country; ties go to the first region in alphabetical order.

    >>> usual_phone_region(["+1 617 555 0142", "617 555 0100", "+44 20 7946 0958", "+1 212 555 0199"])
    'US'
    """
    counts = Counter(r for r in map(_phone_region, {p.strip() for p in phones
                                                     if isinstance(p, str) and len(p) <= _LONGEST_PHONE}) if r)
    return min(counts, key=lambda r: (-counts[r], r)) if counts else None


@functools.lru_cache(maxsize=65536)
def _phone_region(phone: str) -> str:
    key = _phone_key(phone, None) if phone.startswith(("+", "00")) else ""
    return (phonenumbers.region_code_for_number(phonenumbers.parse(key)) or "") if key else ""


def is_phone_region(region: object) -> bool:
    """True for a region ``phonenumbers`` knows (``"US"``, ``"DE"``, ``"GB"``...)."""
    return isinstance(region, str) and region.upper() in phonenumbers.SUPPORTED_REGIONS


def company_key(name: object) -> str:
    """A company's name without case, accents, punctuation or legal form.

    >>> company_key("Novagen, Inc.") == company_key("NOVAGEN") == "novagen"
    True
    """
    if not isinstance(name, str):
        return ""
    words = _ascii_words(name.replace("&", " and "))
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def slug(text: str) -> str:
    """An identifier made from a name: lower-case ASCII words joined by ``-``."""
    return "-".join(_ascii_words(text)) or "person"


#: Common English nicknames and the given names they stand for. A nickname
#: with more than one expansion (Chris, Alex, Sam...) matches nobody on its own.
NICKNAMES = {
    "abby": ("abigail",), "al": ("albert", "alan", "alfred"), "alex": ("alexander", "alexandra"),
    "andy": ("andrew",), "ben": ("benjamin",), "beth": ("elizabeth",), "betty": ("elizabeth",),
    "bill": ("william",), "billy": ("william",), "bob": ("robert",), "bobby": ("robert",),
    "cathy": ("catherine",), "charlie": ("charles",), "chris": ("christopher", "christine", "christina"),
    "chuck": ("charles",), "dan": ("daniel",), "danny": ("daniel",), "dave": ("david",), "deb": ("deborah",),
    "debbie": ("deborah",), "dick": ("richard",), "don": ("donald",), "ed": ("edward",), "eddie": ("edward",),
    "fred": ("frederick",), "greg": ("gregory",), "jen": ("jennifer",), "jenny": ("jennifer",),
    "jim": ("james",), "jimmy": ("james",), "joe": ("joseph",), "jon": ("jonathan",), "josh": ("joshua",),
    "kate": ("katherine", "catherine"), "katie": ("katherine",), "ken": ("kenneth",), "larry": ("lawrence",),
    "liz": ("elizabeth",), "maggie": ("margaret",), "matt": ("matthew",), "meg": ("margaret",),
    "mike": ("michael",), "mick": ("michael",), "nate": ("nathan", "nathaniel"), "nick": ("nicholas",),
    "pat": ("patrick", "patricia"), "patty": ("patricia",), "peggy": ("margaret",), "pete": ("peter",),
    "phil": ("philip",), "rob": ("robert",), "robbie": ("robert",), "ron": ("ronald",), "sam": ("samuel", "samantha"),
    "steve": ("steven", "stephen"), "sue": ("susan",), "ted": ("edward", "theodore"), "tim": ("timothy",),
    "tom": ("thomas",), "tommy": ("thomas",), "tony": ("anthony",), "vicky": ("victoria",), "will": ("william",),
}


def formal_key(key: str) -> str:
    """A name key with an unambiguous nickname replaced by its given name.

    >>> formal_key("bob lee"), formal_key("robert lee"), formal_key("chris lee")
    ('robert lee', 'robert lee', '')
    """
    first, _, rest = key.partition(" ")
    if not rest:
        return ""
    expansions = NICKNAMES.get(first, (first,))
    return f"{expansions[0]} {rest}" if len(expansions) == 1 else ""
