"""News rules on top of any spaCy pipeline, as a registered component: `newslens_entities`.

Statistical NER trained on little data misses names; news prose is regular enough that a few rules
recover most of them: gazetteer places and demonyms, organisation heads, acronyms, titles before
names, possessive organisations ("Seoul's unification ministry") and document-level propagation
(once "Jake Sullivan" is a PERSON, so is "Sullivan").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans


from newslens.english.gazetteer import demonyms, places, short_country_names
from newslens.english.inflection import verb_form, verb_lemma, word_lemmas
from newslens.pipeline.names import (ROMAN, bound_names, credited_names, is_descriptor, is_verb_only_form,
                                     joined_demonyms, person_after_stance, surname, titled_person)
from newslens.english.syntax import has_tags, is_verb
from newslens.english.tokens import doc_strings, lowercase_words
from newslens.english.lexicon import (ADJECTIVE_SUFFIXES, AMOUNT_VERBS, ARABIC_ARTICLES, ARTICLES, CALENDAR_WORDS,
                                      CONNECTORS, DIRECTIONS, EVENT_HEADS, FACILITY_HEADS, GEOGRAPHIC_HEADS,
                                      GOVERNMENT_NOUNS, HONORIFICS, LOCATIVE_PREPOSITIONS, NAME_CUE_VERBS,
                                      NAME_PARTICLES, OPERATION_WORDS, ORG_HEADS, PLACE_NOUNS, PLACE_PREPOSITIONS,
                                      POSSESSIVE_MARKS, ROLE_HEADS, ROLE_MODIFIERS, SITE_PREPOSITIONS, SPACED_ARTICLES,
                                      SPEECH_VERBS, SURROUNDING_PREPOSITIONS, TIME_HEADS, TITLE_HEADS, TITLE_WORDS,
                                      VESSEL_PREFIXES, name_words)

PERSONAL_HONORIFICS = HONORIFICS - {"st", "st."}  # 'St. Louis' is a place; 'Mr.', 'Dr.', 'Sen.' name a person
KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
OPENING_QUOTES = {"“", '"', "'", "‘", "``", "''"}  # '' and `` the ASCII pairs some papers write for “ and ”
CLOSING_QUOTE_TOKENS = {"”", '"', "'", "’", "''"}
SENTENCE_OPENING_MARKS = OPENING_QUOTES | {"("}
ARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(sorted(ARABIC_ARTICLES))})-")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,7}s$")  # "IEDs", "UAVs": things counted, never one organisation
WORD = re.compile(r"^[^\W\d_][\w'’]*$")  # letters, with inner apostrophes ("Ja’afari", "Qa'im")
CAPITALISED = re.compile(r"^(?=[^\W\d_])[\w'’.\-]*$")  # a word; its first letter checked by is_capitalised
MAX_SNAPPED_TOKENS = 8
SENTENCE_BOUNDARY_MARKS = SENTENCE_OPENING_MARKS | frozenset(".!?")
OPENING_WORDS = PLACE_PREPOSITIONS | {"yesterday", "today", "tomorrow", "tonight"}
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
INITIAL = re.compile(r"^[A-Z]\.$")  # a middle initial: "W." in "George W. Bush"
PUBLISHING_FORMS = re.compile(r"^(reported|reports|wrote|writes|published|publishes|revealed|reveals)$")
SPEECH_FORMS = frozenset(verb_form(verb, tag) for verb in NAME_CUE_VERBS for tag in ("VBZ", "VBD"))  # says, said, warns
SAYING_FORMS = frozenset({"said", "says", "told"})  # 'said Ana Ruiz': the verb before its speaker's name
# Unions of word lists, built once here rather than on every test inside the rules
ORG_OR_EVENT_HEADS = ORG_HEADS | EVENT_HEADS
ACTOR_PREPOSITIONS = PLACE_PREPOSITIONS | {"against", "by", "with", "for"}

def is_capitalised(text: str) -> bool:
    """'Çavuşoğlu' as well as 'Cavusoglu': an upper-case letter in any script, then word characters."""
    return text[:1].isupper() and CAPITALISED.match(text) is not None


def opens_sentence(token) -> bool:
    """First word of a sentence, a quotation or a parenthesis, whatever blank tokens come before it. A sentence
    the parser starts right after a word of the same line ('met with Chinese leader | Xi Jinping') is the
    parser's error: no sentence opens right after a word, without a mark or a line break between."""
    k = token.i - 1
    while k >= 0 and token.doc[k].is_space:
        k -= 1
    if k < 0 or token.doc[k].text in SENTENCE_BOUNDARY_MARKS:
        return True
    previous = token.doc[k]
    glued = previous.is_alpha and "\n" not in previous.whitespace_ and k == token.i - 1
    return token.is_sent_start and not glued


def shouted_words(doc: Doc) -> set[int]:
    """Token positions of a heading in capitals throughout ('BEER NUTRITION LABELS ARE HAPPENING'): three words or
    more in capitals in a row, punctuation between them allowed."""
    shouted, run = set(), []
    for token in doc:
        if not any(c.isalpha() for c in token.text):
            if token.is_space and "\n" in token.text:
                run = flush_run(run, shouted)
            continue
        if token.text.isupper():
            run.append(token.i)
        else:
            run = flush_run(run, shouted)
        if "\n" in token.whitespace_:
            run = flush_run(run, shouted)
    flush_run(run, shouted)
    return shouted


def flush_run(run: list[int], shouted: set[int]) -> list[int]:
    if len(run) >= 3:
        shouted.update(run)
    return []


def not_only_shouted(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a heading in capitals every word is capitalised: a name found only there, whose words the article never
    capitalises outside such headings ('FACT OF LIFE', 'LABELS', 'GET OLDER'), is no evidence of a name; one the
    text repeats ('DNC' ... 'the DNC', 'ANA RUIZ RESIGNS' ... 'Ruiz said') stays."""
    shouted = shouted_words(doc)
    if not shouted:
        return spans
    outside = {t.lower_ for t in doc if t.i not in shouted and t.is_alpha and t.text[:1].isupper()}
    return [span for span in spans if not all(t.i in shouted or not t.is_alpha for t in span) or all(
        t.lower_ in outside for t in span if t.is_alpha)]


def is_place_in_capitals(word: str) -> bool:
    """'BAGHDAD —': a dateline writes its place in capitals."""
    return len(word) > 3 and word.isalpha() and word.isupper() and word.title() in places()


def is_sentence_opener(token) -> bool:
    """A preposition, gerund or time word opening the sentence ('Near Palmyra, ...', 'Declaring Mosul
    ...', 'Yesterday Mohamed ...'), however the tagger read it: not the first word of a name."""
    if not opens_sentence(token):
        return False
    lower = token.lower_
    return lower in OPENING_WORDS or lower.endswith("ing") and set(
        word_lemmas(lower)) == {"VERB"}


def is_name_token(token) -> bool:
    """Capitalised word that is not a common word merely starting a sentence."""
    text = token.text
    if not is_capitalised(text) or text in CALENDAR_WORDS or is_heading_verb(token):
        return False
    if is_sentence_opener(token):
        return False
    if token.pos_ in ("PROPN",):
        return True
    if token.pos_ == "VERB" and token.i + 1 < len(token.doc):
        after = token.doc[token.i + 1]  # "Combined Joint Task Force": a capitalised verb inside a name
        return is_capitalised(after.text) and after.pos_ == "PROPN"
    if opens_sentence(token):
        return not (token.is_stop or token.lower_ in lowercase_words(token.doc)
                    or token.pos_ in {"ADV", "DET", "ADP", "PRON", "VERB", "AUX"})
    return not token.is_stop and token.pos_ not in {"VERB", "AUX"}  # a capitalised non-stop "ADP" is a mistag


def is_heading_verb(token) -> bool:
    """'Says' in 'Glenn Ruiz Says Tom Lee Is Wrong': a heading's verb after a capitalised word of its line is no part
    of a name; opening a name it may be one ('Dries Mertens')."""
    k = token.i - 1
    return k >= 0 and is_capitalised(token.doc[k].text) and "\n" not in token.doc[k].whitespace_ and (
        is_verb_only_form(token.text))


def joins_hyphenated(doc: Doc, j: int) -> bool:
    """'Kim Shin-wook', 'Kai-shek': a hyphen written without spaces continues the name ('Warhol-like',
    'U.S.-led' make an adjective of it instead)."""
    return (j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            and WORD.match(doc[j + 1].text) and doc[j + 1].lower_ not in ADJECTIVE_SUFFIXES)


def may_open_name(word: str) -> bool:
    """Only a capitalised word or an Arabic article can open a name: a test on the word alone, before any
    Token is built."""
    return is_capitalised(word) or word.lower() in ARABIC_ARTICLES


def capitalised_runs(doc: Doc, words: list[str]):
    """Maximal runs of name tokens, allowing inner connectors ("Ministry of Culture and Sports")."""
    i, n = 0, len(doc)
    while i < n:
        if not (may_open_name(words[i]) and (
                is_name_token(doc[i]) or doc[i].lower_ in ARABIC_ARTICLES and joins_hyphenated(doc, i + 1)
                or is_spaced_article(doc, i))):
            i += 1
            continue
        j = i + 1
        while j < n and "\n" not in doc[j - 1].whitespace_:
            if is_name_token(doc[j]) and not doc[j - 1].text in {",", ";"} or closes_personal_name(doc, i, j):
                j += 1
            elif joins_hyphenated(doc, j):
                j += 2
            elif doc[j].lower_ in CONNECTORS and joins_hyphenated(doc, j + 1):
                j += 3
            elif is_spaced_article(doc, j):
                j += 2  # "Salah ad Din", "Dayr az Zawr"
            elif nickname_end := quoted_nickname_end(doc, j):
                j = nickname_end  # John “J.D.” Dorrian
            elif (doc[j].lower_ in CONNECTORS and doc[j].text.islower() and (doc[j].lower_ != "and" or any(
                      t.lower_ in ("of", "for") for t in doc[i:j]))):
                k = j
                while k < n and doc[k].lower_ in CONNECTORS and doc[k].text.islower():
                    k += 1  # "of Iraq and the Levant"
                if k < n and k - j <= 2 and is_name_token(doc[k]) and (
                        doc[j].lower_ != "and" or is_short_tail(doc, k)) and not ends_personal_name(doc, i, j) and (
                        doc[i:j].text not in places()):  # 'rid Iraq of ISIL' is no name
                    j = k
                else:
                    break
            else:
                break
        end = j - 1 if j - i > 1 and j < n and doc[j].text == ":" else j  # "Ahmed Mohamed Image: NASA"
        yield from split_after_place(doc, i, end)
        i = j


def closes_personal_name(doc: Doc, start: int, j: int) -> bool:
    """'Minister Ana To said': a capitalised common word in the middle of a sentence, right after a person's given
    name (one the model read as a person's, or after a title) and before a word in lower case, is their surname
    ('Ana To'), not the preposition it is spelt like; in a heading in Title Case ('Ana Goes To Rome') the next word
    is capitalised too."""
    word, before = doc[j], doc[j - 1]
    after = doc[j + 1] if j + 1 < len(doc) else None
    titled = start < title_prefix_end(doc, start, j) < j  # 'Minister Ana', whatever the model read
    return (word.is_alpha and word.is_title and len(word) > 1 and not opens_sentence(word) and not word.whitespace_ == ""
            and (before.ent_type_ == "PERSON" or titled) and (
                j + 1 == len(doc) or doc[j].ent_iob_ != "I" and after is not None and (
                    after.is_lower or after.is_punct and after.text not in ("-", "'s", "’s"))))


def ends_personal_name(doc: Doc, start: int, end: int) -> bool:
    """'Nick Rhodes' before 'of Duran Duran', 'Professor Colette Heald' before 'of the Massachusetts
    Institute of Technology': a person named with where they come from, two names and not one."""
    cut = title_prefix_end(doc, start, end)
    if not (cut < end and looks_like_personal_name(doc, cut, end)):
        return False  # 'Ministry of Higher Education', 'Islamic State of Iraq'
    return cut > start or doc[end - 1].ent_type_ == "PERSON" and doc[end].ent_iob_ != "I"


def is_article_name(doc: Doc, words: list[str], start: int, end: int) -> bool:
    """'al-Arabiya', 'al-Shabaab': an Arabic article and one word, standing alone, names a broadcaster or a group;
    a person is named so only as a surname the article writes after a given name too ('Bashar al-Assad')."""
    if end - start != 3 or words[start].lower() not in ARABIC_ARTICLES or words[start + 1] != "-" or (
            start > 0 and is_capitalised(words[start - 1])) or words[start + 2] in places():
        return False  # 'Al-Raqqa' is Raqqa
    return not any(words[i].lower() == words[start].lower() and words[i + 2] == words[start + 2]
                   and words[i + 1] == "-" and is_capitalised(words[i - 1]) for i in range(1, len(words) - 2))


def is_spaced_article(doc: Doc, j: int) -> bool:
    """'ad' in "Salah ad Din", 'al' in "al Qaeda": an Arabic article written apart, before a name."""
    return doc[j].text in SPACED_ARTICLES and j + 1 < len(doc) and is_name_token(doc[j + 1])


def quoted_nickname_end(doc: Doc, j: int) -> int:
    """After a first name, a one-word nickname in quotes and then the surname: where the surname starts."""
    if j + 3 < len(doc) and doc[j].text in OPENING_QUOTES and doc[j + 2].text in CLOSING_QUOTE_TOKENS and (
            is_capitalised(doc[j + 1].text) and is_name_token(doc[j + 3])) and not doc[j].whitespace_:
        return j + 3
    return 0


def is_short_tail(doc: Doc, k: int) -> bool:
    """After 'and', a name goes on only for a short last part ('Ministry of Culture and Sports', 'Iraq and the
    Levant'), not into a second name ('Institute of Technology and Colorado State University of the US', 'the Gulf
    of Aden and the Red Sea': a part with a head of its own)."""
    end = k
    while end < len(doc) and is_name_token(doc[end]):
        end += 1
    follows = doc[end].lower_ if end < len(doc) else ""
    return end - k <= 2 and follows not in CONNECTORS and not any(
        t.lower_ in ORG_HEADS | GEOGRAPHIC_HEADS | FACILITY_HEADS for t in doc[k:end])


def split_after_place(doc: Doc, start: int, end: int):
    """'the United States Hamdullah Mohib': a place followed by a short name is two names ('Massachusetts
    Institute of Technology' is one); 'University of Sheffield of the UK', 'Foreign Ministry of Russia', 'Carlo
    De Benedetti of Italy': a complete name, then its country ('University of Texas', 'Bank of America' are one)."""
    for k in range(end - 2, start, -1):
        tail = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        if doc[k].lower_ == "of" and tail < end and doc[tail:end].text in places() and (
                any(t.lower_ == "of" for t in doc[start:k]) or k - start > 1 and doc[k - 1].lower_ in ORG_HEADS
                or looks_like_personal_name(doc, start, k)):
            yield start, k
            yield tail, end
            return
    for k in range(start + 1, end - 1):
        if doc[start:k].text in places() and 2 <= end - k <= 3 and doc[k].text not in places() and (
                doc[end - 1].lower_ not in ORG_OR_EVENT_HEADS | PLACE_NOUNS) and all(
                t.lower_ != "of" for t in doc[k:end]) and not (  # 'Irving Independent School District' is one name
                places()[doc[start:k].text].kind == "city" and continues_personal_name(doc, start, k, end)
                or is_double_surname(doc, start, k, end)):
            yield start, k
            yield k, end
            return
    yield start, end


def continues_personal_name(doc: Doc, start: int, k: int, end: int) -> bool:
    """'George W. Bush', 'Florence Lee' read as one person: a city's name that is also a given name, then an initial
    or the rest of a name the model reads as one person's, opens that person's name."""
    if INITIAL.match(doc[k].text):
        return True
    return doc[start].ent_iob_ == "B" and doc[start].ent_type_ == "PERSON" and all(
        doc[i].ent_iob_ == "I" for i in range(start + 1, end))


def is_double_surname(doc: Doc, start: int, k: int, end: int) -> bool:
    """'Douglas Holtz-Eakin': one hyphenated word right after a city's or a capital's name, where the model reads a
    person's name (in either part), is a double-barrelled surname after a given name where news names a speaker
    ('Paris Saint-Germain' is no person's, whatever the model reads in 'fans of Paris Saint-Germain')."""
    return end - k == 3 and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ and (
        doc[k].is_title and doc[k + 2].is_title) and "PERSON" in (doc[start].ent_type_, doc[k].ent_type_) and (
        names_a_speaker(doc, start, end))


def title_prefix_end(doc: Doc, start: int, end: int) -> int:
    """Index where a leading title ("Russian Defense Minister") ends inside a run, or start if none."""
    cut = start
    for k in range(start, end):
        low = doc[k].lower_
        if low in ROLE_HEADS or low in HONORIFICS:
            cut = k + 1
        elif not (low in ROLE_MODIFIERS or doc[k].text in demonyms() or doc[k].text in places()):
            break
    return cut


def is_city_inside_name(match: Span, runs: list[tuple[int, int]]) -> bool:
    """'Vladimir' in 'Vladimir Putin', 'America' in 'Latin America': a city's or a country's short name
    inside a longer name is part of that name."""
    place = places().get(match.text)
    if place is None or place.kind != "city" and match.text not in short_country_names():
        return False
    last = bisect_right(runs, match.start, key=lambda run: run[0]) - 1  # runs are in text order, apart
    if last < 0:
        return False
    start, end = runs[last]
    return start <= match.start and match.end <= end and end - start > match.end - match.start


def has_role_apposition(doc: Doc, end: int) -> bool:
    """', the Russian Defense Minister,' after a name: the name is a person's."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    for k in range(end + 1, min(end + 8, len(doc))):
        if doc[k].text in {",", ".", ";"}:
            return False
        if doc[k].lower_ in ROLE_HEADS:
            return True
    return False


def is_region(text: str) -> bool:
    """A country or a state: what a place's name may be followed by ("Palmyra, Syria")."""
    place = places().get(text)
    return place is not None and place.kind in ("country", "state")


def region_follows(doc: Doc, end: int) -> bool:
    """', Texas' or ', Syria' right after a name."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    return any(is_region(doc[end + 1:end + 1 + n].text) for n in (1, 2, 3) if end + 1 + n <= len(doc))


def classify_run(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """Label a capitalised run by evidence in its shape and context (places, organisation heads,
    titles, speech verbs): (start after any title, label) or None."""
    words = [t.text for t in doc[start:end]]
    lowered = [w.lower() for w in words]
    text = doc[start:end].text
    if text in places():
        return start, "GPE"
    if text in demonyms():
        return start, "NORP"
    if lowered[0] in ORG_HEADS and len(words) > 2 and lowered[1] in ("of", "for"):
        return start, "ORG"  # 'Institute for the Study of War': the head comes first
    if lowered[0] in PERSONAL_HONORIFICS and 1 < len(words) <= 3 and not (set(lowered[1:]) & ORG_HEADS):
        return start + 1, "PERSON"  # 'Mr. Camp', 'Dr. Hall': an honorific before a surname that is a common noun
    if lowered[-1] in EVENT_HEADS or words[0] in OPERATION_WORDS:
        return start, "EVENT"
    if lowered[-1] in GEOGRAPHIC_HEADS or lowered[0] in GEOGRAPHIC_HEADS and len(words) > 1:
        return start, "LOC"
    if lowered[-1] in PLACE_NOUNS and len(words) > 1:
        return start, "GPE"  # "Kirkuk Province", "Haninge Municipality"
    if lowered[-1] in FACILITY_HEADS and len(words) > 1:
        return start, "FAC"
    if words[0] in VESSEL_PREFIXES and len(words) > 1:
        return start, "PRODUCT"
    if lowered[-1] in TIME_HEADS and len(words) > 1:
        return start, "DATE"
    if all(ACRONYM.match(w) or w == "-" for w in words) and "-" in words:
        return start, "ORG"  # "CJTF-OIR"
    if lowered[-1] in ORG_HEADS or (len(words) > 2 and any(w in ORG_HEADS for w in lowered[:-1])
                                    and any(w in ("of", "for") for w in lowered)):
        return start, "ORG"
    cut = title_prefix_end(doc, start, end)
    if cut == end or cut > start and not doc[cut].text[0].isupper():
        return None  # a title alone ("Minister of Foreign Affairs")
    if cut > start:
        return cut, "PERSON"
    before = doc[start - 1].lower_ if start else ""
    after = doc[end].text if end < len(doc) else ""
    if before in PLACE_PREPOSITIONS and region_follows(doc, end):
        return start, "GPE"  # "in Pflugerville, Texas"
    if before == "the" and len(words) == 1 and not ACRONYM.match(text) and (
            not is_common_word(doc, text) or is_publisher(doc, start, end)):
        return start, "ORG"  # "the Kremlin", "the Pentagon": a person's name takes no article; not "the Internet"
    if len(words) > 1 and after_article(doc, start, end):
        return None  # 'the Kestrel Observatory said': a person's name takes no article, whoever speaks
    if before in ROLE_HEADS or before in HONORIFICS or after in SPEECH_FORMS or before in SAYING_FORMS or (
            len(words) > 1 and has_role_apposition(doc, end)):
        return start, "PERSON"
    return None


def names_a_speaker(doc: Doc, start: int, end: int) -> bool:
    """'said Ana Ruiz-Vidal', 'Ana Ruiz-Vidal, an economist,', 'Ana Ruiz-Vidal said': a name in the places news
    gives a person who speaks, after the verb, before it or before a role in apposition."""
    before = doc[start - 1].lower_ if start else ""
    after = doc[end].text if end < len(doc) else ""
    return before in SAYING_FORMS or after in SPEECH_FORMS or has_role_apposition(doc, end)


def corrected_label(doc: Doc, start: int, end: int, label: str) -> str:
    """A 'place' the gazetteer does not know, shaped like a personal name and not written as a place
    ('meet with Vladimir Putin', not 'in Nizhny Novgorod'), is a person: the small model confuses them; with an
    article before it, which a person's name never takes, a body ('the Kestrel Valley Observatory')."""
    if label != "GPE" or doc[start:end].text in places() or not looks_like_personal_name(doc, start, end):
        return label
    before = {t.lower_ for t in doc[max(0, start - 2):start]}
    if before & PLACE_PREPOSITIONS:
        return label
    return "ORG" if after_article(doc, start, end) else "PERSON"  # 'the Kestrel Valley Observatory said': a body


def after_article(doc: Doc, start: int, end: int) -> bool:
    """'the Kestrel Valley Observatory said': a name with an article of its own, which a person's name never takes;
    not one qualifying the noun the article is for ('a Donald Trump supporter')."""
    return start > 0 and doc[start - 1].lower_ in ARTICLES and ends_noun_phrase(doc, end - 1)


def looks_like_personal_name(doc: Doc, start: int, end: int) -> bool:
    """The last resort for a run nothing else labels: two or three plain Title Case words. Capitals and cities side
    by side name no place ('Sofia Lima', 'Washington Irving'): a given name and a surname."""
    written = doc[start:end].text.split()
    towns = all(w in places() and places()[w].kind in ("city", "capital") for w in written)
    if any(w.lower() in TITLE_WORDS or w in demonyms()
           or w in places() and places()[w].kind != "city" and not towns for w in written):
        return False  # "Russian Defense Minister" is a title, "Moscow Times" not a person
    written = [ARTICLE_PREFIX.sub("", w) for w in written if w not in NAME_PARTICLES]  # "al-Assad" -> "Assad"
    return len(written) in (2, 3) and all(w[0].isupper() and w[1:].replace("-", "").islower()
                                          for w in written if len(w) > 1)


def ends_noun_phrase(doc: Doc, k: int) -> bool:
    """The word at k heads its noun phrase: the next word is not another noun ('military requirements')."""
    if k + 1 >= len(doc):
        return True
    nxt = doc[k + 1]
    if nxt.pos_:
        return nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
    return not nxt.is_alpha or nxt.is_stop or nxt.lower_.endswith("ed") or verb_lemma(nxt.text) in SPEECH_VERBS


def common_org_head(doc: Doc, start: int, end: int) -> int | None:
    """'Wagner military group', 'Hamas militants' no, 'Wagner Group' yes: a name completed by an org noun."""
    text = doc[start:end].text
    if text in places() or text in demonyms():
        return None
    for k in range(end, min(end + 3, len(doc))):
        tok = doc[k]
        if not (tok.is_alpha and tok.is_lower) or tok.is_stop or is_verb(tok):
            return None  # "Ahmed Mohamed inspires social movement" is a clause
        if tok.lower_ in ORG_HEADS and ends_noun_phrase(doc, k):
            return k + 1
    return None


def is_name_prefix(doc: Doc, i: int) -> bool:
    """'USS Hopper', 'CJTF-OIR': a word joined to the name after it is part of that name."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is not None and (after.text == "-" or is_name_token(after)) or i > 0 and doc[i - 1].text == "-"


def is_counted_thing(doc: Doc, i: int) -> bool:
    """'a VBIED,', 'two UAVs and': counted as the head of its phrase, a thing and not an organisation."""
    if i == 0 or not (doc[i - 1].lower_ in ("a", "an") or doc[i - 1].like_num):
        return False
    return i + 1 == len(doc) or doc[i + 1].is_punct and doc[i + 1].text != "-" or doc[i + 1].lower_ in (
        "and", "or", "in", "on", "at", "near", "with", "from")


def is_changed_amount(doc: Doc, i: int) -> bool:
    """'raised VAT', 'cut IRAP': what is raised, cut or paid is an amount (a tax, a rate), not an organisation."""
    return i > 0 and doc[i - 1].is_alpha and doc[i - 1].is_lower and verb_lemma(doc[i - 1].text) in AMOUNT_VERBS


def is_used_as_actor(doc: Doc, i: int) -> bool:
    """A bare word heading its own noun phrase as the object of a preposition or verb ('against ISIL'),
    a possessor ("ISIL's") or a subject ('ODE has'), not a modifier ('IP addresses', 'CJTF-OIR')."""
    if i == 0 or i + 1 >= len(doc) or "-" in (doc[i - 1].text, doc[i + 1].text) or not ends_noun_phrase(doc, i):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if after.lower_ in POSSESSIVE_MARKS:
        return True
    if has_tags(doc):
        return before.pos_ in ("ADP", "VERB") or after.pos_ in ("VERB", "AUX")
    return before.lower_ in ACTOR_PREPOSITIONS


def is_common_word(doc: Doc, word: str) -> bool:
    """Written in lower case in this article, or an English dictionary word not used as a name."""
    lower = word.lower()
    return lower in lowercase_words(doc) or is_descriptor(lower)


def reread_common_words(span: Span) -> Span | None:
    """A person or place 'named' only by common words ("Vertical Symbol", "Animated Series") is a title or
    a heading, unless it is where something happens ('from Tinker', 'at Chapel Hill'): then a place."""
    doc = span.doc
    if span.label_ == "ORG" and len(span) == 1 and span.text.lower() not in ORG_HEADS and is_common_word(
            doc, span.text) and not is_publisher(doc, span.start, span.end):
        return None  # "the Internet": a common noun written in capitals ('the Coalition' is used as a name)
    if span.label_ not in ("PERSON", "GPE") or span.text in places() or not all(
            is_common_word(doc, w) for w in span.text.split()):
        return span
    if span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPOSITIONS:
        return Span(doc, span.start, span.end, label="GPE")
    return None


def is_publisher(doc: Doc, start: int, end: int) -> bool:
    """'The Observer reported', 'the Independent said': a capitalised common noun with its article that reports
    is a newspaper or a broadcaster, not a common noun ('the Internet')."""
    before = doc[start - 1].lower_ if start else ""
    after = doc[end].text if end < len(doc) else ""
    return before == "the" and (after in SPEECH_FORMS or PUBLISHING_FORMS.match(after) is not None)


def locate_lone_word(span: Span) -> Span:
    """A lone 'person' word where something happens ('in Raqqa', 'around Mosul') is a place; a possessor
    keeps its person ('in Smith's view')."""
    doc = span.doc
    if span.label_ != "PERSON" or len(span) != 1 or span.start == 0 or span.end < len(doc) and doc[
            span.end].lower_ in POSSESSIVE_MARKS:
        return span
    if doc[span.start - 1].lower_ in SITE_PREPOSITIONS:
        return Span(doc, span.start, span.end, label="GPE")
    return span


def is_plausible_name(span: Span) -> bool:
    """Statistical spans that are dates, lowercase phrases or a demonym with a common noun are noise."""
    text = span.text
    words = text.split()
    if any(w in CALENDAR_WORDS for w in words) or not text[:1].isupper():
        return False
    if len(span) == 1 and text.lower() in lowercase_words(span.doc):
        return False  # "Hackers", "Water": written in lower case elsewhere, a common noun
    if any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in span):
        return False  # "Ahmed Mohamed inspires social movement": a headline, not a name
    if span.label_ == "PERSON" and ACRONYM.match(text):
        return False  # "UHF", "CT": nobody is named in capitals; the acronym rules judge it
    if words[0] in demonyms() and not all(w[:1].isupper() for w in words):
        return False  # "North Korean denials", "Russian officials"
    return not all(w.lower() in TITLE_WORDS or w.lower() + "." in HONORIFICS
                   or w in demonyms() for w in words)


def extend_spans(doc: Doc, spans: list[Span]) -> list[Span]:
    """Grow names to the extent news and military prose writes them.

    "northern Iraq", "Palmyra, Syria", "the city of Mosul", "the government of Iraq", "3rd Battalion".
    """
    by_start = {span.start: span for span in spans}
    out = []
    skip = set()
    for span in spans:
        if span.start in skip:
            continue
        start, end, label = span.start, span.end, span.label_
        if label in ("GPE", "LOC", "FAC", "PERSON") and end + 1 in by_start and doc[end].text == ",":
            follower = by_start[end + 1]
            if is_place_then_region(doc, span, follower) and not any(  # not "Iran, Saudi Arabia, Qatar"
                    k in by_start and by_start[k].label_ == "GPE" and is_list_gap(doc, follower.end, k)
                    for k in (follower.end + 1, follower.end + 2)):
                end, label = follower.end, "GPE"
                skip.add(follower.start)
        if label == "GPE":
            if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
                start -= 2
            elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in GOVERNMENT_NOUNS:
                start, label = start - 2, "ORG"
            elif start >= 1 and doc[start - 1].lower_ in DIRECTIONS:
                start -= 1
        if label == "ORG" and start >= 1 and ORDINAL.match(doc[start - 1].text):
            start -= 1
            if start >= 1 and doc[start - 1].text in places():
                start -= 1  # "U.S. 5th Fleet"
        out.append(Span(doc, start, end, label=label))
    return out


def is_place_then_region(doc: Doc, span: Span, follower: Span) -> bool:
    """'Palmyra, Syria', 'Fort Campbell, Kentucky': a place, then the country or state it lies in; the
    small model often calls the first a person, but a person is not written with a region after a comma
    unless a title says so."""
    if not is_region(follower.text) or is_region(span.text):
        return False
    if follower.end < len(doc) and doc[follower.end].lower_ in ROLE_HEADS:
        return False  # 'Hernan Ortiz, Panama coach': a person and his title
    if span.label_ == "PERSON":
        before = doc[span.start - 1].lower_ if span.start else ""
        return before not in TITLE_HEADS and doc[span.start].lower_ not in HONORIFICS
    return True


def coordinated_names(doc: Doc, spans: list[Span], runs: list[tuple[int, int]]) -> list[Span]:
    """In a list of names ('Zeus, Hera, Poseidon, Aphrodite, and Athena'), an unlabelled item takes the
    label all or all but one of the other items share."""
    label_at = {span.start: span for span in spans}
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    k = 0
    while k < len(runs):
        group = [runs[k]]
        while k + 1 < len(runs) and is_list_gap(doc, group[-1][1], runs[k + 1][0]):
            k += 1
            group.append(runs[k])
        k += 1
        labels = [label_at[start].label_ for start, end in group
                  if start in label_at and label_at[start].end == end]
        majority = max(sorted(set(labels)), key=labels.count) if labels else None
        if len(group) < 3 or majority is None or labels.count(majority) < max(2, len(labels) - 1):
            continue
        found += [Span(doc, start, end, label=majority) for start, end in group
                  if not taken.intersection(range(start, end))]
    return found


def namesakes_trimmed(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Warhol Factory', 'Andy Warhol Photographic Legacy Program' read as one 'person': a known person's
    surname or full name before words that name nobody (not part of another name in the article, not
    used as names in English) names a thing after that person, so the person is the name alone
    ('Mohamed Elhassan Mohamed', the father of Ahmed Mohamed, stays whole)."""
    people = {span.text for span in spans if span.label_ == "PERSON" and len(span) > 1}
    names_with_word: dict[str, set[str]] = {}  # indexes, so a long text does not compare every pair of names
    names_by_surname: dict[str, set[str]] = {}
    for name in people:
        for word in name.split():
            names_with_word.setdefault(word, set()).add(name)
        names_by_surname.setdefault(name.split()[-1], set()).add(name)

    def in_other_name(index: dict[str, set[str]], word: str, own: str) -> bool:
        return any(name != own for name in index.get(word, ()))

    trimmed = []
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1:
            own = span.text
            known = next((n for n in range(len(span) - 1, 0, -1) if span[:n].text in people and span[:n].text != own),
                         1 if in_other_name(names_by_surname, span[0].text, own) else None)
            rest = span[known:]
            if known is not None and not any(in_other_name(names_with_word, t.text, own) or t.lower_ in name_words()
                                             for t in rest) and (
                    not joins_hyphenated(doc, rest.start + 1)):  # 'Park Min-jun' is not a thing named after Joan Park
                span = Span(doc, span.start, span.start + known, label="PERSON")
        trimmed.append(span)
    return trimmed


def person_surnames(spans) -> frozenset[str]:
    """The surnames of the people named in full among `spans` ('Lima' for 'Sofia Lima')."""
    return frozenset(surname(span.text.split()) for span in spans if span.label_ == "PERSON" and len(span) > 1)


def surnames_kept(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Sofia Lima ... Lima said': a lone word that is the surname of a person the article names in full is that
    person, not the city or body of the same name; a country stays a country ('Michael Jordan ... Jordan'), and a
    place stays a place where it is written as one ('in Lima')."""
    surnames = person_surnames(spans)
    kept = []
    for span in spans:
        place = places().get(span.text)
        if span.label_ in ("GPE", "ORG") and len(span) == 1 and span.text in surnames and not (
                place is not None and place.kind == "country") and not (
                span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS):
            span = Span(doc, span.start, span.end, label="PERSON")
        kept.append(span)
    return kept


def first_span_inside(spans: list[Span]):
    """A function (start, end) -> the first of `spans`, in list order, that lies within those token
    offsets, or None; found by bisection rather than by reading every span for every run of a long text."""
    order = sorted(range(len(spans)), key=lambda k: spans[k].start)
    starts = [spans[k].start for k in order]

    def first_inside(start: int, end: int) -> Span | None:
        hits = [k for k in order[bisect_left(starts, start):bisect_left(starts, end)] if spans[k].end <= end]
        return spans[min(hits)] if hits else None
    return first_inside


def is_list_gap(doc: Doc, end: int, start: int) -> bool:
    """Only ',' / 'and' / ', and' / 'or' between two names: they are items of one list."""
    return 1 <= start - end <= 2 and all(t.text == "," or t.lower_ in ("and", "or") for t in doc[end:start])


def acronym_of(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper())


class NewsEntityRules:
    """Adds rule-based entities to whatever the statistical NER (if any) found."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.place_matcher.add("GPE", [nlp.make_doc(form) for form in places()])
        self.place_matcher.add("NORP", [nlp.make_doc(form) for form in demonyms()])

    def __call__(self, doc: Doc) -> Doc:
        words = doc_strings(doc, ORTH)  # read once: spaCy builds a new Token on every doc[i]
        statistical = [e for e in doc.ents if e.label_ in KEPT_LABELS]
        statistical = [span for span in self.trim_titles(doc, statistical) if is_plausible_name(span)]
        statistical = [locate_lone_word(span) for span in map(reread_common_words, statistical) if span is not None]
        acronyms, things = self.acronyms(doc, words, statistical)
        statistical = [span for span in statistical if span.text not in things]
        candidates: list[Span] = []
        runs = list(capitalised_runs(doc, words))
        first_inside = first_span_inside(statistical)
        # 'Mr. Camp', 'Dr. Hall': surnames an honorific gives, which stay a person's in 'Dave Camp' ('camp' a site)
        honoured = {words[end - 1] for start, end in runs if words[start].lower() in PERSONAL_HONORIFICS
                    and 1 < end - start <= 3}
        for start, end in runs:
            if words[end - 1] in honoured and end - start == 2 and looks_like_personal_name(doc, start, end):
                candidates.append(Span(doc, start, end, label="PERSON"))
                continue
            if split := credited_names(Span(doc, start, end)) or person_after_stance(Span(doc, start, end)):
                candidates += split  # 'Photo: Reuters Tom Lee', 'Pro-Kremlin Tom Hill'
                continue
            head_end = common_org_head(doc, start, end)
            if head_end:
                candidates.append(Span(doc, start, head_end, label="ORG"))
                continue
            found = classify_run(doc, start, end)
            if found:
                candidates.append(Span(doc, found[0], end, label=found[1]))
            elif titled := titled_person(Span(doc, start, end)):
                candidates += titled  # "Governor of Ohio Mark Delgado": a title alone only up to its name
            elif end - start <= MAX_SNAPPED_TOKENS:
                # the model saw a name inside this run ("Bashar al" in "Bashar al-Assad"): take the whole run
                inner = first_inside(start, end)
                if inner is None and is_article_name(doc, words, start, end):
                    candidates.append(Span(doc, start, end, label="ORG"))
                elif inner is not None:
                    candidates.append(Span(doc, start, end, label=corrected_label(doc, start, end, inner.label_)))
                elif looks_like_personal_name(doc, start, end):
                    name = reread_common_words(Span(doc, start, end, label="PERSON"))
                    if name is not None and name.label_ == "PERSON" and after_article(doc, start, end):
                        name = Span(doc, start, end, label="ORG")  # 'the Conflict Materiel Observatory': a body
                    if name is not None:
                        candidates.append(name)
                elif end - start == 1 and start > 0 and words[start - 1].lower() in SURROUNDING_PREPOSITIONS:
                    candidates.append(Span(doc, start, end, label="GPE"))  # "near Rawah": a place
        candidates += self.possessive_organisations(doc, words)
        candidates += acronyms
        gazetteer = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.place_matcher(doc)]
        gazetteer = [g for g in gazetteer if not is_city_inside_name(g, runs)]
        gazetteer += [Span(doc, i, i + 1, label="GPE") for i, word in enumerate(words) if is_place_in_capitals(word)]
        ruled = filter_spans(candidates + gazetteer)
        taken = {i for span in ruled for i in range(span.start, span.end)}
        statistical = [span for span in statistical if not taken.intersection(range(span.start, span.end))]
        spans = bound_names(doc, filter_spans(ruled + statistical))
        spans = joined_demonyms(filter_spans(extend_spans(doc, self.propagate(doc, words, spans, runs))))
        spans = filter_spans(spans + coordinated_names(doc, spans, runs))
        spans = surnames_kept(doc, namesakes_trimmed(doc, spans))
        doc.ents = sorted(not_only_shouted(doc, spans), key=lambda s: s.start)
        return doc

    @staticmethod
    def trim_titles(doc: Doc, ents: list[Span]) -> list[Span]:
        """Statistical PERSON spans sometimes swallow the title, and any span the sentence's opening
        participle or time word ('Declaring Mosul ...', 'Yesterday Mohamed ...'): keep the name only."""
        out = []
        for ent in ents:
            start = title_prefix_end(doc, ent.start, ent.end) if ent.label_ == "PERSON" else ent.start
            if start + 1 < ent.end and is_sentence_opener(doc[start]):
                start += 1
            if start < ent.end and doc[start].text[0].isupper():
                out.append(Span(doc, start, ent.end, label=ent.label_))
        return out

    @staticmethod
    def possessive_organisations(doc: Doc, words: list[str]) -> list[Span]:
        """'<Place>'s <lowercase words> ministry' names an organisation."""
        found = []
        for i, word in enumerate(words):
            if word.lower() in POSSESSIVE_MARKS and i > 0 and words[i - 1] in places():
                for k in range(i + 1, min(i + 5, len(doc))):
                    if doc[k].lower_ in ORG_HEADS and doc[k].text.islower() and ends_noun_phrase(doc, k):
                        found.append(Span(doc, i - 1, k + 1, label="ORG"))
                        break
                    if not doc[k].is_alpha:
                        break
        return found

    @staticmethod
    def acronyms(doc: Doc, words: list[str], statistical: list[Span]) -> tuple[list[Span], set[str]]:
        """All-capital words (SDF, ISIL, NATO) are organisations given evidence: 'the SDF', a definition
        in parentheses, the statistical NER's word, a use as an actor ('against ISIL', "ISIL's", 'ODE has')
        or recurrence.

        A word counted or pluralised like a thing ('a VBIED', 'two UAVs') is a weapon or a unit, whatever
        else is said of it (returned apart, to overrule the statistical NER); so is an all-capital word
        with no evidence (GMT, UNLESS).
        """
        present = set(words)
        named = {e.text for e in statistical if e.label_ == "ORG"}
        candidates = [i for i, word in enumerate(words) if (ACRONYM.match(word) or PLURAL_ACRONYM.match(word))
                      and not (word in places() or is_place_in_capitals(word) or ROMAN.match(word)
                               or doc.vocab[word].is_stop)]
        standalone = Counter(words[i] for i in candidates if not is_name_prefix(doc, i))
        evidence, against = set(), set()
        for i in candidates:
            word = words[i]
            if PLURAL_ACRONYM.match(word):
                against.add(word)
            elif word + "s" in present or is_counted_thing(doc, i) or is_changed_amount(doc, i):
                against.update((word, word + "s"))
            elif word in named or standalone[word] > 1 or i > 0 and words[i - 1] in ("the", "The", "(") or (
                    is_used_as_actor(doc, i)):
                evidence.add(word)
        spans = [Span(doc, i, i + 1, label="ORG") for i in candidates if words[i] in evidence - against]
        return spans, against

    @staticmethod
    def propagate(doc: Doc, words: list[str], spans: list[Span], runs: list[tuple[int, int]]) -> list[Span]:
        """Repeat a name's label wherever its full form, surname or acronym recurs in the document; a word of
        a longer name ('America' in 'Latin America') is that name's, not a recurrence."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        forms: dict[str, str] = {}
        for span in spans:
            forms.setdefault(span.text, span.label_)
            parts = span.text.split()
            if span.label_ == "PERSON" and len(parts) > 1:
                forms.setdefault(surname(parts), "PERSON")
                forms.setdefault(ARTICLE_PREFIX.sub("", surname(parts)), "PERSON")  # "Assad" after "Bashar al-Assad"
                forms.setdefault(parts[0], "PERSON")
            if span.label_ == "ORG" and len(parts) > 2:
                forms.setdefault(acronym_of(parts), "ORG")
        extra = [Span(doc, start, end, label=forms[doc[start:end].text]) for start, end in runs
                 if end - start > 1 and doc[start:end].text in forms and not taken.intersection(range(start, end))]
        taken.update(i for span in extra for i in range(span.start, span.end))
        taken.update(i for start, end in runs if end - start > 1 and all(w[:1].isupper() for w in words[start:end])
                     for i in range(start, end))  # 'Latin America', not 'Rathbun the Scientology'
        for i, word in enumerate(words):
            label = forms.get(word)
            if label and i not in taken and word[0].isupper() and len(word) > 1 and word.lower() not in SPEECH_VERBS and (
                    not (doc.vocab[word.lower()].is_stop and opens_sentence(doc[i]))):  # 'Ana To ... To be sure
                extra.append(Span(doc, i, i + 1, label=label))
        return filter_spans(spans + extra)


@Language.factory("newslens_entities")
def make_news_entity_rules(nlp: Language, name: str) -> NewsEntityRules:
    return NewsEntityRules(nlp, name)
