"""Actors: cluster a Doc's entity mentions into the people, organisations and places that act.

Small pure functions over a Doc: `entity_mentions` normalises what NER found, `cluster_mentions`
groups aliases (Putin = Vladimir Putin, U.S. = United States = Washington, SDF = Syrian Democratic
Forces), `merge_aliases` joins the names an alias statement or a gloss gives ('Daesh (also known as ISIL)',
'(Arabic: ...)') and `find_title` reads titles ("Kremlin spokesman"); `newslens.coreference` then links
pronouns and definite titles ('he', 'the Russian president') to the people they stand for.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from newslens.extract.affiliations import extract_affiliations, main_affiliations, name_form
from newslens.extract.coreference import (merge_name_parts, resolve_descriptions, resolve_national_bodies,
                                          resolve_pronouns, resolve_titles)
from newslens.english.gazetteer import country_names, demonyms, is_country, official_acronyms, places
from newslens.english.lexicon import (ALIAS_ADVERBS, ALIAS_CUES, ARTICLES, DIRECTIONS, EVENT_HEADS, FACILITY_HEADS,
                                      GEOGRAPHIC_HEADS, HONORIFICS, LOCATIVE_PREPOSITIONS, NAME_CONNECTORS,
                                      NAMING_VERBS, NATIONAL_BODY_HEADS, NATIONAL_BODY_REACH, NATIONAL_FORCE_HEADS,
                                      ORG_HEADS, POSSESSIVE_MARKS, ROLE_HEADS, SHARED_ROLES, STATE_AGENT_NOUNS,
                                      SURROUNDING_PREPOSITIONS, TITLE_PARTIES)
from newslens.model import Actor, Mention, Relation
from newslens.pipeline.names import bare_name, is_adjective_like, is_after_stance_prefix, surname
from newslens.pipeline.titles import Title, title_after, title_before
from newslens.pipeline.entities import (ARTICLE_PREFIX, OPENING_QUOTES, PERSONAL_HONORIFICS, ends_noun_phrase,
                                       is_place_in_capitals, person_surnames)
from newslens.english.inflection import word_lemmas
from newslens.english.syntax import is_noun
from newslens.english.tokens import doc_strings, doc_text

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "GPE", "FAC": "GPE",
                "EVENT": "EVENT"}
DIRECTION_MARKS = "\u200e\u200f "  # invisible left-to-right and right-to-left marks, and spaces
PLACE_HEADS = GEOGRAPHIC_HEADS | FACILITY_HEADS
# Last words of names given after a body: its events, prizes, buildings ("Google Science Fair").
NAMED_AFTER_HEADS = EVENT_HEADS | PLACE_HEADS | frozenset("fair prize award awards medal trophy lecture".split())
PERSONAL_ROLES = ROLE_HEADS - SHARED_ROLES
PARTY_KEY = "\x00party:"  # the provisional key of a party a title names (party_mention), never a name's
PARTY_FORMS = frozenset((form,) for form in TITLE_PARTIES)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
GENERIC_HEADS = ORG_HEADS | ROLE_HEADS  # 'Police', 'spokesman': words that describe rather than name
NICKNAME_QUOTES = "\"'“”‘’"
ALIAS_REACH = 12  # tokens between a name and the alias a statement gives it, a short gloss included
GLOSS_REACH = 30  # tokens from a gloss's opening parenthesis to the last name it gives


@dataclass(frozen=True)
class EntityMention:
    """One named mention with the key it clusters under."""

    text: str         # as written, with a title when one precedes the name ("Iraqi President Fuad Masum")
    start: int
    end: int
    label: str
    key: str          # canonical form it belongs to (country for a capital, full name later)
    span: Span        # the name itself
    name: str         # the name without title or article

    @cached_property
    def key_words(self) -> list[str]:
        """The key split into words once: clustering compares each short form with every fuller name."""
        return self.key.split()

    @cached_property
    def key_acronym(self) -> str:
        """'SDF' for Syrian Democratic Forces: what a one-word short form of this key would be."""
        return acronym(self.key_words)


def clean_name(text: str) -> str:
    """Drop a leading 'the' and a trailing possessive: 'the Kremlin's' -> 'Kremlin'."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return POSSESSIVE.sub("", text).strip()


def is_locative(span: Span) -> bool:
    """A capital after 'in'/'to', in apposition ('the capital, Wellington') or qualifying a noun ('the London
    conference') is a place, not the government it can stand for ('from Seoul's ministry' is the government)."""
    doc = span.doc
    if is_after_stance_prefix(span):
        return False  # "anti-Pyongyang activists", "the pro-Moscow party": for or against the government
    possessive = span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKS
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    apposition = before == "," and span.start > 1 and doc[span.start - 2].lower_ in ("capital", "city")
    qualifier = span.end < len(doc) and doc[span.end].is_lower and is_noun(doc[span.end])  # "the London conference"
    office = before == "of" and span.start > 1 and doc[span.start - 2].lower_ in ROLE_HEADS  # 'Mayor of London'
    where = before in LOCATIVE_PREPOSITIONS or before in ("capital", "city") or apposition or qualifier or office
    return where and not possessive


def place_mention(ent: Span, name: str, label: str) -> tuple[str, str]:
    """(key, label) of a mention: a country's canonical name for its spellings and agentive capitals;
    a dateline's place in capitals ('BAGHDAD —') is where the story was filed."""
    if is_place_in_capitals(name):
        return name.title(), "GPE"
    place = places().get(name)
    if place is not None and place.kind == "country":
        return place.name, "GPE"
    if place is not None and place.kind == "capital" and not is_locative(ent):
        return place.country, "GPE"
    return name, label


def entity_mentions(doc: Doc) -> list[EntityMention]:
    """Every entity span of an actor type, with its gazetteer key where it names a country."""
    found = []
    text = doc_text(doc)
    ents = doc.ents  # likewise
    surnames = person_surnames(ents)
    for ent in ents:
        label = ACTOR_LABELS.get(ent.label_)
        if label is None:
            continue
        written = ent.text
        shown = clean_name(written)
        name = bare_name(shown)
        if not name or not name[0].isalnum() or shown[-1] in "-–" or not any(c.isalpha() for c in name):
            continue  # "-designate", "Counter-", "#": pieces of words, not names
        if label == "NORP" and (body := national_body(ent)) is not None:
            found += national_body_mentions(body, demonyms()[ent.text])  # 'the Australian government'
            continue
        if label == "GPE" and is_country(ent.text) and (body := body_after(ent)) is not None and (
                body[-1].lower_ in NATIONAL_FORCE_HEADS):
            found += national_body_mentions(body, places()[ent.text].name)  # 'U.S. forces', as 'American forces'
            continue
        if label == "NORP" and not name.endswith("s"):
            if is_state_agents_demonym(ent):
                found.append(demonym_mention(ent))  # 'Israeli soldiers', 'Chinese officials': their country's
            continue  # otherwise an adjective ("Russian businessmen") qualifies; it does not act
        # "the city of Baghdad" is the city, not the government its capital's name can stand for
        if label == "PERSON" and name in surnames:
            key = name  # 'Sofia Lima ... Lima said': the surname of a person the article names, not Peru's capital
        else:
            key, label = place_mention(ent, name, label) if name == shown or label != "GPE" else (name, label)
        if label == "PERSON":
            key = " ".join(map(without_article, key.split()))  # Nouri al-Maliki = Nouri Maliki, Al-Assad = Assad
        elif without_article(key) != key:
            key = key[:1].lower() + key[1:]  # 'Al-Qaida' opening a sentence is al-Qaida
        start = ent.start_char + written.find(shown)
        end = start + len(shown)
        title = title_before(ent) if label == "PERSON" else None
        if title is not None:
            if title.span.end == ent.start:  # not "Malaysia's Prime Minister, Najib Razak"
                start = title_start(title.span)
            found += [demonym_mention(body) for body in title.affiliations if body.text in demonyms()]
        if label == "PERSON":
            found += [party_mention(word) for title in (title, title_after(ent)) if title is not None
                      for word in party_words(title)]
        if label == "GPE" and ", " in name:
            key = name = name.split(", ")[0]  # "Aceh, Indonesia" is Aceh, written with its country
            if is_place_in_capitals(name):
                key = name = name.title()  # 'KYIV, Ukraine (AP) —': the dateline's place
        found.append(EntityMention(text[start:end], start, end, label, key, ent, name))
        if label in ("ORG", "EVENT"):
            found += nested_places(ent)
        elif label == "GPE" and "," in written:
            # "Evansville, Indiana" also names Indiana; "Palmyra, Syria" names Syria
            found.append(place_entity(ent.doc[next(t.i for t in ent if t.text == ",") + 1:ent.end]))
    return fold_official_acronyms(ents, with_party_keys(with_written_keys(found)))


def party_words(title: Title) -> list[Span]:
    """'Republican' in 'Republican presidential nominee Ana Ruiz' or 'Ana Ruiz, the GOP nominee': a capitalised
    word of a title, outside the names the parser found, that names a party on its own."""
    doc = title.span.doc
    return [doc[k:k + 1] for k in range(title.span.start, title.span.end)
            if doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].ent_type_ in ("ORG", "GPE", "PERSON")
            and name_form(doc[k].text) in PARTY_FORMS]


def party_mention(word: Span) -> EntityMention:
    """The party a title's party word names, keyed by its word form until with_party_keys settles the key."""
    return EntityMention(word.text, word.start_char, word.end_char, "ORG", PARTY_KEY + name_form(word.text)[0], word,
                         word.text)


def with_party_keys(found: list[EntityMention]) -> list[EntityMention]:
    """A party a title names is an actor of its own only where the article names it nowhere else: beside 'the
    Democrats' or 'the GOP' the title's word is left to the affiliation it states (named_words in affiliations),
    without a mention that clustering could fold into another body ('House Democrats'). The mentions of one
    party share the first form written ('Republican')."""
    named = {PARTY_KEY + name_form(m.name)[0] for m in found
             if not m.key.startswith(PARTY_KEY) and name_form(m.name) in PARTY_FORMS}
    keys: dict[str, str] = {}
    for m in found:
        if m.key.startswith(PARTY_KEY):
            keys.setdefault(m.key, m.name)
    return [replace(m, key=keys[m.key]) if m.key.startswith(PARTY_KEY) else m
            for m in found if m.key not in named]


def with_written_keys(found: list[EntityMention]) -> list[EntityMention]:
    """An armed body read from its demonym ('Indonesian navy') takes the key of the name the article also writes in
    capitals ('the Indonesian Navy'): one actor."""
    keys = {m.key.casefold(): m.key for m in found if m.label == "ORG" and m.span[-1].is_title}
    return [replace(m, key=keys.get(m.key.casefold(), m.key)) if m.label == "ORG" and m.span[-1].is_lower else m
            for m in found]


def fold_official_acronyms(ents: tuple[Span, ...], found: list[EntityMention]) -> list[EntityMention]:
    """'PRC', 'DPRK', 'ROK' are the country of that official name which the article also names (by its name,
    capital or demonym); an acronym of a country the article never names is left as it is ('IRA')."""
    capitals = (places().get(m.name) for m in found if m.label == "GPE")
    named = ({m.key for m in found if m.label == "GPE"} | {demonyms()[e.text] for e in ents if e.text in demonyms()}
             | {place.country for place in capitals if place is not None and place.country})
    folded = []
    for m in found:
        countries = official_acronyms().get(m.name, frozenset()) & named
        folded.append(replace(m, key=min(countries), label="GPE") if len(countries) == 1 else m)
    return folded


def title_start(title: Span) -> int:
    """Where a person's mention begins: at the title, after any organisation named in it
    ('Royal Jordanian Air Force lieutenant Muath ...' is 'lieutenant Muath ...': the force is an actor of its own)."""
    inside = [t.i for t in title if t.ent_type_ == "ORG" or t.lower_ in POSSESSIVE_MARKS]
    return title.doc[inside[-1] + 1].idx if inside else title.start_char


def place_entity(span: Span) -> EntityMention:
    """A place named inside a longer name, keyed like any place mention."""
    key, label = place_mention(span, span.text, "GPE")
    return EntityMention(span.text, span.start_char, span.end_char, label, key, span, span.text)


def nested_places(ent: Span) -> list[EntityMention]:
    """Places named inside an organisation's name: 'University of Sheffield' also mentions Sheffield,
    and "Seoul's unification ministry" mentions Seoul, standing for South Korea."""
    found = []
    words = [(t.text, t.whitespace_) for t in ent]  # read once: each ent[k] builds a new Token

    def text(k: int, n: int) -> str:
        return "".join(word + space for word, space in words[k:k + n - 1]) + words[k + n - 1][0]

    k = 0
    while k < len(words):
        size = next((n for n in (3, 2, 1) if k + n <= len(words) and text(k, n) in places()), 0)
        possessor = size and k + size < len(words) and words[k + size][0].lower() in POSSESSIVE_MARKS
        leading = k == 0 or words[k - 1][0].lower() in ("of", "at") or (  # "University of Southern Indiana"
            k > 1 and words[k - 1][0].lower() in DIRECTIONS and words[k - 2][0].lower() in ("of", "at"))
        if size and (possessor or leading and places()[text(k, size)].kind in ("state", "city")):
            # a country inside a name ("U.S. Central Command") is a qualifier; a state, city or possessor acts
            found.append(place_entity(ent[k:k + size]))
        k += size or 1
    return found


def without_article(word: str) -> str:
    """'Assad' for 'al-Assad' and for 'Al-Assad' opening a sentence."""
    lowered = word[:1].lower() + word[1:]
    return ARTICLE_PREFIX.sub("", lowered) if ARTICLE_PREFIX.match(lowered) else word


def acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def undotted(word: str) -> str:
    return word.replace(".", "")


def abbreviates(short: EntityMention, full: EntityMention) -> bool:
    """Whether a short form can name the same actor as a fuller one of a compatible type."""
    words, full_words = short.key_words, full.key_words
    if len(full_words) <= len(words):
        return False
    if full.label == "GPE" and short.label == "GPE":
        return full.key.startswith(short.key + ", ")  # "Evansville" and "Evansville, Indiana"; not "Indiana"
    if short.key in places() and short.label != "PERSON":
        return False  # places nest ("Indiana" in "Southern Indiana") without being the same place
    if len(words) == 1 and undotted(words[0]) == full.key_acronym and len(words[0]) > 1:
        return True  # "SDF" for Syrian Democratic Forces, "U.N." for United Nations, whatever the labels
    if full.label == "PERSON":  # "Abadi" for Haider al-Abadi: a surname without its article
        surnames = (surname(full_words), without_article(surname(full_words)))
        return (len(words) == 1 and words[0] in (full_words[0], *surnames)) or full_words[-len(words):] == words
    if full.label != "ORG" or short.label == "PERSON":
        return False  # "Andy Warhol" names the Andy Warhol Foundation's namesake, not the foundation
    if len(words) == 1 and words[0] == full_words[-1] and (
            words[0].lower() in ORG_HEADS or full_words[-2:-1] == ["of"]):
        return True  # "the Council" for the National Security Council, "Scientology" for the Church of Scientology
    if full_words[-len(words):] == words and len(words) > 1:
        return all(is_locator(word) for word in full_words[:-len(words)]) or full_words[-len(words) - 1] in (
            "of", "for")  # 'Central Command' for U.S. Central Command; not 'Syrian Army' for the Free Syrian Army
    # 'Ford' for the Ford Motor Company; not 'Google' for the Google Science Fair, an event named after it
    return full_words[:len(words)] == words and full_words[-1].lower() not in NAMED_AFTER_HEADS


def is_locator(word: str) -> bool:
    """A word that only says whose or where a body is: a place, a demonym, an acronym ('U.S.', 'Syrian', 'NATO')."""
    return word in places() or word in demonyms() or undotted(word).isupper() or word in ("the", "of")


def abbreviation_index(forms: list[EntityMention]) -> dict[str, list[EntityMention]]:
    """Full forms by the words a short form of them can share: the first word (without the comma of
    'Evansville, Indiana'), the last, the surname (also without its article: 'Abadi' of 'al-Abadi',
    'Keating' of 'Charles H. Keating IV') and the acronym, as `abbreviates` compares them.
    A short form is compared with these candidates only, not with every longer name of a long text."""
    index: dict[str, list[EntityMention]] = {}
    for full in forms:
        words = full.key_words or [""]
        last_name = surname(words)
        for word in {words[0], words[0].rstrip(","), words[-1], last_name, without_article(last_name),
                     full.key_acronym}:
            index.setdefault(word, []).append(full)
    return index


def abbreviation_candidates(short: EntityMention, by_word: dict[str, list[EntityMention]]) -> list[EntityMention]:
    """The full forms (from abbreviation_index) that `short` may abbreviate: every one for which
    `abbreviates` can be true shares its first word, its last word or its acronym."""
    words = short.key_words
    return list({id(full): full for word in (words[0], words[-1], undotted(words[0]))
                 for full in by_word.get(word, ())}.values())


def cluster_mentions(mentions: list[EntityMention]) -> dict[str, list[EntityMention]]:
    """Group mentions by canonical key, folding each short form into the one fuller name it abbreviates."""
    longest_first = sorted(mentions, key=lambda m: (-len(m.key_words), m.start))
    # `abbreviates` reads only a mention's key and label: one mention of each (key, label), longest first, is
    # enough to compare with, and only the forms with more words than the short one can be what it abbreviates
    distinct_forms = list({(m.key, m.label): m for m in longest_first}.values())
    by_word = abbreviation_index(distinct_forms)
    clusters: dict[str, list[EntityMention]] = {}
    root: dict[str, str] = {}
    fits_of: dict[str, set[str]] = {}
    for m in longest_first:
        if m.key not in fits_of:
            candidates = abbreviation_candidates(m, by_word) if m.key_words else distinct_forms
            fitting = [full for full in candidates if len(full.key_words) > len(m.key_words)
                       and full.key in root and abbreviates(m, full)]
            # an acronym names the body it spells out ('UN': the United Nations), not one that only begins with
            # it (the UN Security Council)
            spelled = [full for full in fitting if len(m.key_words) == 1 and len(m.key_words[0]) > 1
                       and undotted(m.key_words[0]) == full.key_acronym]
            fits_of[m.key] = {root[full.key] for full in spelled or fitting}
        fits = fits_of[m.key]
        target = nearest_before(m, fits, clusters) if fits else m.key
        if target is None:
            continue  # an ambiguous short name stays unresolved rather than joining the wrong person
        root.setdefault(m.key, target if len(fits) <= 1 else m.key)
        clusters.setdefault(target, []).append(m)
    return clusters


def nearest_before(m: EntityMention, fits: set[str], clusters: dict[str, list[EntityMention]]) -> str | None:
    """Of several full names a short form could abbreviate, the one last mentioned before it ('Mohamed' after
    'Ahmed Mohamed' is Ahmed, after 'Mohamed Elhassan Mohamed' his father); None, unresolved, when two of them
    were named in this sentence or the one before ('Sam Lee and Sam Park spoke. Sam said ...')."""
    sentence = m.span.sent
    window = sentence.doc[max(sentence.start - 1, 0)].sent.start_char
    recent = [key for key in fits if any(window <= x.start < m.start for x in clusters.get(key, []))]
    if len(recent) > 1:
        return None

    def last_before(key: str) -> int:
        starts = [x.start for x in clusters.get(key, []) if x.start < m.start]
        return max(starts) if starts else -1
    return max(sorted(fits), key=lambda key: (last_before(key), -min((x.start for x in clusters.get(key, [])),
                                                                      default=0)))


def states_alias(doc: Doc, name_end: int, alias_start: int) -> bool:
    """Whether the words between two names say the second is another name of the first: 'Daesh (also known as
    ISIL)', 'Ana Ruiz, aka Roja', 'Fort Lane, also called “Camp Nine”', after a gloss in parentheses ('Ali Kazem
    (Arabic: ...), also known as')."""
    quoted = doc[alias_start - 1].text in OPENING_QUOTES
    words = [t for t in doc[name_end:alias_start] if t.lower_ not in ARTICLES and t.text not in OPENING_QUOTES]
    if len(words) > 2 and words[0].text == "(" and ")" in (t.text for t in words) and words[1].lower_ not in (
            ALIAS_ADVERBS | {"known", "aka", "a.k.a.", "called"}):
        words = words[next(k for k, t in enumerate(words) if t.text == ")") + 1:]  # the gloss, then the statement
    if len(words) < 2 or words[0].text not in ("(", ","):
        return False
    cue = tuple(t.lower_ for t in words[1 + (words[1].lower_ in ALIAS_ADVERBS):])
    return cue in ALIAS_CUES or cue in NAMING_VERBS and (quoted or words[0].text == "(")


def alias_statements(mentions: list[EntityMention]) -> list[tuple[EntityMention, EntityMention]]:
    """Pairs of names an alias statement joins, whatever labels the model gave them (the statement says they name
    one actor), or that an acronym in parentheses abbreviates."""
    spans = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
    pairs = []
    for first, then in zip(spans, spans[1:]):
        if first.span.end < then.span.start <= first.span.end + ALIAS_REACH and states_alias(
                first.span.doc, first.span.end, then.span.start) or introduces_acronym(first, then):
            pairs.append((first, then))
    return pairs


def introduces_acronym(name: EntityMention, short: EntityMention) -> bool:
    """'the U.S. Centers for Disease Control and Prevention (CDC)', 'Pakistan Tehreek-e-Insaf (PTI)': an acronym in
    parentheses right after a name, its letters the initials of the name's words in order, some left out."""
    doc, letters = name.span.doc, undotted(short.name)
    if not (short.span.start == name.span.end + 1 and doc[name.span.end].text == "(" and short.span.end < len(doc)
            and doc[short.span.end].text == ")" and letters.isalpha() and letters.isupper() and len(letters) > 1):
        return False
    initials = iter(part[0] for word in name.name.split() for part in word.split("-") if part[:1].isupper())
    return all(letter in initials for letter in letters)


def gloss_start(doc: Doc, i: int, opens: list[int], closes: list[int]) -> int | None:
    """Where the parenthesis opens when token i lies in a gloss of the name before it, one that names a language:
    '(Arabic: ... Jabal Hamrin, Kurdish: ...)', '(Kiteba Cilwe in Kurdish; also written ...)'; None elsewhere
    ('(born in Tehran)' is no gloss). `opens` and `closes`: the positions of the doc's '(' and ')'."""
    n = bisect_left(opens, i)
    k = opens[n - 1] if n else -1
    if k < 0 or i - k >= GLOSS_REACH or bisect_left(closes, i) > bisect_left(closes, k):
        return None  # no parenthesis open within reach before the name
    after = bisect_left(closes, k)
    close = closes[after] if after < len(closes) and closes[after] < k + GLOSS_REACH else k + 1
    return k if any(names_language(doc, j) for j in range(k + 1, close)) else None


def names_language(doc: Doc, j: int) -> bool:
    """'Arabic:' opening a gloss, 'in Kurdish;' closing one: a language's name, shaped like an adjective of a
    people and no place."""
    word = doc[j]
    if not (word.is_alpha and word.is_title and is_adjective_like(word) and word.text not in places()):
        return False
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    return after == ":" and doc[j - 1].text in ("(", ",", ";") or doc[j - 1].lower_ == "in" and after in (
        ";", ",", ")")


def glossed_names(mentions: list[EntityMention]) -> tuple[list[tuple[EntityMention, EntityMention]], set[int]]:
    """Names given in a gloss, paired with the name they gloss ('the Hamrin Mountains (Arabic: ... Jabal Hamrin)');
    and the ids of those that gloss no name of an actor (another language's words for something else) or name the
    language."""
    by_end = {m.span.end: m for m in mentions}
    pairs, orphans = [], set()
    if not mentions:
        return pairs, orphans
    texts = doc_strings(mentions[0].span.doc, ORTH)
    opens = [k for k, text in enumerate(texts) if text == "("]
    closes = [k for k, text in enumerate(texts) if text == ")"]
    for m in mentions:
        opening = gloss_start(m.span.doc, m.span.start, opens, closes)
        if opening is None:
            continue
        glossed = by_end.get(opening)
        if glossed is None or names_language(m.span.doc, m.span.start):
            orphans.add(id(m))
        else:
            pairs.append((glossed, m))
    return pairs, orphans


def merge_aliases(clusters: dict[str, list[EntityMention]], pairs: list[tuple[EntityMention, EntityMention]]
                  ) -> tuple[dict[str, list[EntityMention]], set[int]]:
    """The clusters of two names an alias statement joins become one, under the first name's key; and the ids of
    the mentions folded in, which name the actor only when nothing else does."""
    key_of = {id(m): key for key, members in clusters.items() for m in members}
    merged = dict(clusters)
    into: dict[str, str] = {}
    folded: set[int] = set()

    def root(key: str) -> str:
        while key in into:
            key = into[key]
        return key

    for first, then in pairs:
        keep, fold = root(key_of.get(id(first), "")), root(key_of.get(id(then), ""))
        if keep in merged and fold in merged and keep != fold:
            folded |= {id(m) for m in merged[fold]}
            merged[keep] = merged[keep] + merged.pop(fold)
            into[fold] = keep
    return merged, folded


def is_generic(key: str, members: list[EntityMention]) -> bool:
    """'Police', 'University' left unattached to a full name: a description, not an actor's name.
    With the article ('the Coalition') it names one body the reader knows, and so does a capital in the middle of a
    sentence ('the bill went to Congress'), and so does an honorific ('Mr. King', 'Dr. Judge': a surname that is
    also a role noun)."""
    if " " in key or key.lower() not in GENERIC_HEADS:
        return False
    return not any(m.span.start > 0 and m.span.doc[m.span.start - 1].lower_ == "the" or names_body_mid_sentence(m.span)
                   or after_honorific(m.span) for m in members)


def after_honorific(span: Span) -> bool:
    """'Mr. King', 'Mrs. Bishop': a capitalised word right after a personal honorific is a surname, whatever else
    the word means."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in PERSONAL_HONORIFICS and span[0].is_title


def names_body_mid_sentence(span: Span) -> bool:
    """'went to Congress', 'and Parliament rejected it': a body's head noun capitalised after a word in lower case
    that is no article or adjective ('an inclusive Government' describes one), heading its own phrase ('Coalition
    partners' qualifies them)."""
    doc, k = span.doc, span.start - 1
    if k < 0 or not span[0].is_title:
        return False
    before = doc[k]
    described = before.pos_ in ("ADJ", "DET", "NUM") if before.pos_ else "ADJ" in word_lemmas(before.lower_)
    return before.is_alpha and before.is_lower and before.lower_ not in ARTICLES and not described and (
        ends_noun_phrase(doc, span.end - 1))


def fullest_name(forms, aliases=frozenset()) -> str:
    """The fullest form of the name itself: a form in capitals throughout beats one with a description after it
    ('ISIL' over 'ISIL terrorist group', 'Mosul' over 'city of Mosul'), then more words, then the article's own
    name over one it gives as an alias ('Kara Hills' over its gloss 'Jabal Kara'), then more letters."""
    return max(forms, key=lambda form: (is_proper_name(form), len(form.split()), form not in aliases, len(form)))


def is_proper_name(form: str) -> bool:
    """Every word capitalised, or a connector inside a name ('Church of Scientology', 'al-Assad'); a nickname in
    quotation marks counts as capitalised ('Richard “Tex” Coe')."""
    words = [word.strip(NICKNAME_QUOTES) for word in form.split()]
    return all(word[:1].isupper() or word[:1].isdigit() or word in NAME_CONNECTORS or ARTICLE_PREFIX.match(word)
               for word in words)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"


def national_body(ent: Span) -> Span | None:
    """'the Australian government', 'Russian forces', 'Chinese state media': a demonym, at most a few lower-case
    nouns or adjectives, then a noun for its country's state or nation that heads the phrase ('Russian military
    officials' are officials). The span from the demonym to that noun, or None."""
    doc = ent.doc
    if len(ent) != 1 or ent.text not in demonyms():
        return None
    return body_after(ent)


def body_after(ent: Span) -> Span | None:
    """The span from `ent` to the national body noun that heads the phrase it opens, or None."""
    doc = ent.doc
    for k in range(ent.end, min(ent.end + NATIONAL_BODY_REACH + 1, len(doc))):
        token = doc[k]
        if not (token.is_alpha and token.is_lower):
            return None
        if token.lower_ in NATIONAL_BODY_HEADS and ends_noun_phrase(doc, k):
            return doc[ent.start:k + 1]
        if not (token.pos_ in ("NOUN", "ADJ") if token.pos_ else {"NOUN", "ADJ"} & set(word_lemmas(token.lower_))):
            return None
    return None


def national_body_mentions(body: Span, country: str) -> list[EntityMention]:
    """The country a national body stands for, mentioned by the whole phrase ('Australian government'); an armed
    body ('the Indonesian navy', 'Iraqi security forces') is an organisation of its own, named by the phrase: what
    it does is not its country's as a whole ('the command controls Iraqi forces' controls no country)."""
    if body[-1].lower_ not in NATIONAL_FORCE_HEADS:
        return [EntityMention(body.text, body.start_char, body.end_char, "GPE", country, body, country)]
    return [EntityMention(body.text, body.start_char, body.end_char, "ORG", body.text, body, body.text)]


def is_state_agents_demonym(ent: Span) -> bool:
    """'Israeli soldiers', 'Chinese officials', 'Turkish police': a country's demonym right before a noun for the
    people its state acts through (at most one lower-case word between: 'Iranian military officials'), or a role
    with no name after it ('the Iranian foreign minister met ...'; a name after it is the person's title). The demonym
    then mentions the country: events.py reads such a group as acting for its owner, as it reads "Israel's soldiers".
    A people's adjective before others ('Russian businessmen', 'Afghan teenagers') only says where they are from."""
    doc = ent.doc
    if ent.text not in demonyms():  # also of two words ('North Korean soldiers')
        return False
    for k in range(ent.end, min(ent.end + 2, len(doc))):
        if doc[k].lower_ in STATE_AGENT_NOUNS or doc[k].lower_ in ROLE_HEADS and not doc[k + 1:k + 2].text.istitle():
            return ends_noun_phrase(doc, k)
        if not (doc[k].is_alpha and doc[k].is_lower):
            return False
    return False


def demonym_mention(word: Span) -> EntityMention:
    """'Afghan' in 'the Afghan ambassador Zalmay Rahimi': the title names the country he represents."""
    country = demonyms()[word.text]
    return EntityMention(word.text, word.start_char, word.end_char, "GPE", country, word, word.text)


def country_as_written(key: str, members: list[EntityMention]) -> str:
    """A country is named as the article writes it: by its canonical name where the article writes that, else by
    the spelling it uses most ('America', 'the U.S.'); canonically when only its capital, a demonym or a national
    body names it ('Moscow said', 'the Australian government')."""
    written = [m.name for m in members if is_country(m.name) and clean_name(m.span.text) == m.name]
    if not written or key in written:
        return key
    return max(sorted(set(written)), key=lambda form: (written.count(form), len(form)))


def context_label(key: str, members: list[EntityMention], label: str) -> str:
    """The model's label, unless the text says otherwise: a 'person' written only after 'near' or 'outside'
    ('strikes near Ayn Isa'; not 'in', which also follows 'faith' and 'trust') is a place; an 'organisation' or 'place' that the text calls a
    commander or a minister ('Qanbar was a commander', 'Prime Minister Haider al-Abadi') is a person."""
    if label == "PERSON" and all(is_sited(m.span) for m in members) or label in ("PERSON", "ORG") and (
            key.split()[-1].lower() in PLACE_HEADS and len(key.split()) > 1) and not any(
            has_honorific(m.span) or is_described_as_person(m.span) for m in members):
        return "GPE"  # 'near Ayn Isa'; 'Samarra Barrage', 'Tiyas Military Airfield' (not 'Dave Camp ... Mr. Camp')
    if label in ("PERSON", "ORG") and len(key.split()) > 1 and name_head(key) in EVENT_HEADS:
        return "EVENT"  # 'Google Science Fair' is no one (but the 'Institute for the Study of War' is)
    if label == "PERSON" and names_a_collective(key) and not any(
            is_described_as_person(m.span) or m.name == key.split()[-1] for m in members):
        return "ORG"  # unless the text calls it by the last word alone, as it does a person ('Frank Brooks ... Brooks')
    if label == "PERSON" and names_a_people(key, members[0].span.doc):
        return "NORP"
    if label in ("ORG", "GPE") and key not in country_names() and key not in places() and any(
            is_described_as_person(m.span) for m in members):
        return "PERSON"
    return label


def has_honorific(span: Span) -> bool:
    """'Mr. Camp', 'Dr. Hall': an honorific written right before the name gives it to a person."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text[:1].isupper() and before.lower_ in HONORIFICS and (
        before.lower_ not in ("st", "st."))


def name_head(name: str) -> str:
    """The word a name is headed by, lower-cased: the last, or the one before 'of' or 'for' ('institute')."""
    words = name.lower().split()
    connector = next((k for k in range(1, len(words)) if words[k] in ("of", "for", "on")), len(words))
    return words[connector - 1]


def names_a_collective(name: str) -> bool:
    """'United Nations', 'Royal Marines': an adjective, then a plural common noun, is a body of many; a person's
    name does not read that way ('Tiger Woods', 'Andrew Burns': the first word is no adjective)."""
    words = name.lower().split()
    if len(words) < 2:
        return False
    first, last = word_lemmas(words[0]), word_lemmas(words[-1])
    return "ADJ" in first and words[-1] not in last.get("NOUN", (words[-1],))


def names_a_people(key: str, doc: Doc) -> bool:
    """'Muslims', 'Arabs': one plural word whose singular the article writes as a people's or a faith's adjective
    before a common noun ('Muslim students', 'an Arab unit') names them, not a person ('Roberts' has no 'Robert
    officials'; 'Polaroid cameras' is no people)."""
    if " " in key or not key.endswith("s") or len(key) < 4:
        return False
    singular = key[:-1]
    return any(t.text == singular and t.i + 1 < len(doc) and doc[t.i + 1].is_lower and doc[t.i + 1].is_alpha
               and is_noun(doc[t.i + 1]) and (t.pos_ == "ADJ" or singular in demonyms()) for t in doc)


def is_sited(span: Span) -> bool:
    """'near Ayn Isa'; not 'in Bruce Wayne's manor', where the place is what he owns."""
    doc = span.doc
    owns = span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKS
    return span.start > 0 and doc[span.start - 1].lower_ in SURROUNDING_PREPOSITIONS and not owns


def is_described_as_person(span: Span) -> bool:
    """A personal title right before the name, or a role only a person holds that the sentence gives it ('X was
    a commander', 'X, a spokesman for Y'; not 'Microsoft, the leader in cloud software')."""
    doc, before = span.doc, span.start - 1
    while before >= 0 and not doc[before].text.strip(DIRECTION_MARKS):
        before -= 1
    title = doc[before].lower_.strip(DIRECTION_MARKS) if before >= 0 else ""  # 'Minister\u200e Haider al-Abadi'
    if title[:1] and doc[before].text[:1].isupper() and (title in ROLE_HEADS or title in HONORIFICS) and len(span) > 1:
        return True
    if not doc.has_annotation("DEP"):  # no parse (--model rules): its arcs are unset, so no apposition to read
        return False
    root = span.root
    described = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        described += [root.head] if any(c.dep_ == "cop" for c in root.head.children) else [
            c for c in root.head.children if c.dep_ == "attr"]
    return any(word.lower_ in PERSONAL_ROLES for word in described)


def find_title(mentions: list[EntityMention]) -> Title | None:
    """The first title written with one of a person's names, before it or in apposition; the first that says what
    they do, where one does ('Dr. Jane Roe, a researcher at Harvard University' is a researcher, not 'Dr.')."""
    titles = [title for m in mentions for title in (title_before(m.span), title_after(m.span)) if title]
    return next((title for title in titles if title.head not in HONORIFICS), titles[0] if titles else None)


def actors_and_affiliations(doc: Doc) -> tuple[list[Actor], list[Relation]]:
    """The article's actors, in order of first mention, with aliases, roles, affiliations, pronouns, and every
    affiliation stated between them, which give each actor its main one: read once for both."""
    mentions = entity_mentions(doc)
    glosses, orphans = glossed_names(mentions)
    mentions = [m for m in mentions if id(m) not in orphans]
    clusters, aliases = merge_aliases(cluster_mentions(mentions), alias_statements(mentions) + glosses)
    clusters = {key: members for key, members in clusters.items() if not is_generic(key, members)}
    ordered = sorted(clusters.items(), key=lambda kv: min(m.start for m in kv[1]))
    ids: dict[str, str] = {}
    for key, _ in ordered:
        base = slug(key)
        ids[key] = base if base not in ids.values() else f"{base}_{len(ids)}"
    actors = []
    for key, members in ordered:
        members.sort(key=lambda m: (m.start, m.end))
        own = [m for m in members if id(m) not in aliases]  # an alias or a gloss does not decide what the actor is
        labels = [m.label for m in own]
        longest = max(own, key=lambda m: len(m.name)).label
        label = context_label(key, members, max(sorted(set(labels)), key=lambda x: (labels.count(x), x == longest)))
        title = find_title(members) if label == "PERSON" else None
        alias_only = {m.name for m in members if id(m) in aliases} - {m.name for m in members if id(m) not in aliases}
        name = fullest_name([m.name for m in members], alias_only)
        if key in country_names():
            name = country_as_written(key, members)
        mentions = tuple(dict.fromkeys(
            Mention(m.text, m.start, m.end, "name" if m.name == name else "alias") for m in members))
        actors.append(Actor(id=ids[key], name=name, type=label, mentions=mentions,
                            role=title.role if title else None))
    actors = merge_name_parts(doc, actors)  # 'the South' after 'South Korea'
    actors = resolve_pronouns(doc, resolve_titles(doc, actors))  # 'The president criticised Peru. He ...'
    actors = resolve_national_bodies(doc, actors)  # 'Peru said ... Its foreign ministry said'
    affiliations = extract_affiliations(doc, actors)
    main = main_affiliations(affiliations)
    actors = [replace(a, affiliation=main.get(a.id)) for a in actors]
    return resolve_descriptions(doc, actors), affiliations  # 'the country', 'his party': after affiliations
