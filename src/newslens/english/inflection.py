"""English word forms and phrasing, one home for them: counts with their noun, lists ('A, B and C'), a/an,
sentence case, and what lemminflect says a word is (a noun, a plural, a verb lemma) and how a verb inflects."""
from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas, getInflection, getLemma
from spacy.tokens import Token

from newslens.english.lexicon import name_words

TERMINAL = ".!?…"




def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def plural_noun(noun: str) -> str:
    """A noun's plural by lemminflect, of the last word of a compound: 'secretary' -> 'secretaries', 'spokesman'
    -> 'spokesmen', 'prime minister' -> 'prime ministers'; + 's' for a word lemminflect does not know."""
    *first, last = noun.split(" ")
    forms = getInflection(last, tag="NNS")
    return " ".join([*first, forms[0] if forms else last + "s"])


def join_words(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def join_clauses(clauses: list[str]) -> str:
    """Clauses as join_words lists words, but set apart by semicolons when one holds a comma itself
    ('according to X, A did B; C did D; and E did F'), so a reader sees where each one ends."""
    if len(clauses) > 1 and any(", " in c for c in clauses):
        return "; ".join(clauses[:-1]) + "; and " + clauses[-1]
    return join_words(clauses)


def capitalized(text: str) -> str:
    """The text with its first letter upper-cased, as a sentence begins ('the United States' -> 'The ...')."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Capitalised and closed with a full stop unless it already ends in terminal punctuation, also inside a
    closing quotation mark ('... to be “innocent.”'; but '... he was “innocent”.')."""
    text = capitalized(text.strip())
    closed = text.rstrip("”\"'’")
    return text if closed.endswith(tuple(TERMINAL)) else text + "."


@lru_cache(maxsize=4096)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return getAllLemmas(word.lower())


def is_dictionary_word(word: str) -> bool:
    """A dictionary word, not a name: 'Prices', 'Several' (but 'Moscow', 'Ana')."""
    return bool(lemmas(word)) and word.lower() not in name_words()


def is_common_noun(word: str) -> bool:
    return bool(lemmas(word).get("NOUN"))


def is_plural_noun(word: str) -> bool:
    """'talks', 'exercises': a noun that is not its own lemma."""
    nouns = lemmas(word).get("NOUN", ())
    return bool(nouns) and word.lower() not in nouns


def is_base_verb(word: str) -> bool:
    """'warn', 'meet': a verb lemma as the extractor writes predicates (not 'talks', not 'advisor')."""
    return word.lower() in lemmas(word).get("VERB", ())


def verb_form(lemma: str, tag: str) -> str:
    """lemminflect's inflection of a verb lemma (VBD: 'met', VBN: 'written'); the lemma itself if unknown.
    Of two past forms, the one the participle shares: 'lie' -> 'lied' (as in 'lied to'), not 'lay'."""
    forms = getInflection(lemma, tag=tag)
    if tag == "VBD" and len(forms) > 1:
        participle = getInflection(lemma, tag="VBN")[:1]
        forms = tuple(f for f in forms if f in participle) or forms
    return forms[0] if forms else lemma


def indefinite_article(word: str) -> str:
    """'an' before a vowel sound: 'an envoy', 'an MP', 'a USI instructor', 'a NATO official', 'a union leader',
    'a Ukrainian', 'an unusual', 'an 8-year-old'. Ruled here rather than by inflect, which (7.6) writes 'a 8',
    'a 11', 'a SUV', 'an UAE' and 'a MI6': news is full of numbers and acronyms."""
    number = re.match(r"\d[\d,]*", word)
    if number:  # 'an 8-year-old', 'an 11-point plan', 'an 18,000-strong force', 'a 1,500-word letter'
        digits = number.group().replace(",", "")
        lead = digits[:len(digits) % 3 or 3]  # the group read first: '18' of 18,000
        return "an" if lead.startswith("8") or lead in ("11", "18") else "a"
    if len(word) > 1 and word.isupper() and not is_spoken_as_word(word):
        return "an" if word[0] in "AEFHILMNORSX" else "a"  # an acronym read letter by letter
    lower = word.lower()
    you_sound = re.match(r"u[^aeioun][aeiou]|ukr|uni|eu|ew|one", lower) is not None or (
        word.isupper() and lower.startswith("u"))  # 'Ukrainian', 'utility', 'union', 'UNESCO'
    vowel = lower[:1] in "aeiou" and not you_sound
    return "an" if vowel or lower.startswith(("hour", "honest", "honor", "honour", "heir")) else "a"


def is_spoken_as_word(acronym: str) -> bool:
    """'NATO', 'NASA', 'UNESCO' are said as words; 'FBI', 'USI', 'MP' letter by letter: a vowel after the first
    letter and no three consonants in a row."""
    lower = acronym.lower()
    return len(lower) > 3 and any(c in "aeiou" for c in lower[1:]) and not re.search(r"[^aeiou]{3}", lower)


@lru_cache(maxsize=16)
def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of some verbs ('say' -> says, said, saying): a set lookup per token instead
    of lemmatising every word of an article."""
    forms = set(lemmas)
    for verb in lemmas:
        for inflected in getAllInflections(verb, upos="VERB").values():
            forms.update(inflected)
    return frozenset(forms)


@lru_cache(maxsize=20000)
def verb_lemma(word: str) -> str:
    """Lemma of a word read as a verb ('warned' -> 'warn'), for pipelines without a lemmatizer."""
    found = getLemma(word.lower(), upos="VERB")
    return found[0] if found else word.lower()


def lemma(token: Token) -> str:
    """Verb lemma from lemminflect's dictionary: steadier on news verbs than a small trained lemmatizer."""
    return verb_lemma(token.text)


@lru_cache(maxsize=65536)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-cased word by part of speech, memoised: names ask it of the same words
    in every article."""
    return getAllLemmas(word)
