"""Normalised keys for matching people and companies across sources.

Exact keys (e-mail address, LinkedIn profile URL, phone number) and name keys
(case, accents, punctuation, "Last, First", middle initials, titles) are what
identity resolution compares; companies compare on their name without legal
suffixes. Each function returns ``""`` when there is no usable key.
"""

from __future__ import annotations

import re
import unicodedata
from email.utils import parseaddr

__all__ = ["formal_key", "NICKNAMES", "split_reference", "natural_name", "name_key", "email_key", "url_key",
           "phone_key", "company_key", "slug", "domain_of", "PERSONAL_DOMAINS"]

_HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame", "mx"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "pmp", "dds"}
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w\s]+")

_LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas",
    "srl", "spa", "bv", "nv", "oy", "ab", "as", "kk", "pty", "co", "corp", "corporation", "company",
}

#: Mail providers whose addresses say nothing about an employer.
PERSONAL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com",
    "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
    "mac.com", "protonmail.com", "proton.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com",
    "yandex.com", "yandex.ru", "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com",
    "example.com", "example.org",
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
    if email_key(text) or (url_key(text) and "linkedin.com/" in text.casefold()):
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


_LINKEDIN = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com/(in|pub)/([^/?#]+)", re.I)


def url_key(url: object) -> str:
    """A LinkedIn profile URL without scheme, country prefix, query or trailing slash.

    >>> url_key("https://uk.linkedin.com/in/Mary-Lee-42/?trk=x")
    'linkedin.com/in/mary-lee-42'
    """
    if not isinstance(url, str):
        return ""
    text = url.strip()
    match = _LINKEDIN.match(text)
    if match:
        return f"linkedin.com/{match.group(1).lower()}/{match.group(2).lower()}"
    text = re.sub(r"^https?://(www\.)?", "", text, flags=re.I).rstrip("/").lower()
    return text if "/" in text else ""


def phone_key(phone: object) -> str:
    """The last ten digits of a phone number (enough to tell numbers apart, and
    the same whether or not the country code was written)."""
    if not isinstance(phone, str):
        return ""
    digits = re.sub(r"\D", "", phone)
    return digits[-10:] if len(digits) >= 7 else ""


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
