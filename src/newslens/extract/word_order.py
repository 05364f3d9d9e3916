"""Relations by word order, for the rules-only pipeline that has no parser: an actor, a verb and the next actor
in one clause ('Turkey warned the Kurds'), and event nouns owned by one actor and aimed at another ("ISIL's
defenses against the SDF"). `surface_relations` yields them for one sentence; `relations.extract_relations`
assembles them with the parsed ones. A predicate needs an event class here: precision comes first."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span

from newslens.english.lexicon import (ACTING_NOUNS, AUXILIARIES, CLAUSE_MARKERS, EVENT_CLASS_OF, LIGHT_VERBS,
                                      LINKING_PREPOSITIONS, LIST_WORDS, NOT_A_TARGET, NOUN_LINKS, PASSIVE_AUX,
                                      POSSESSIVE_MARKS, POSSESSIVE_PRONOUNS, SPEECH_VERBS, TOPIC_PREPOSITIONS)
from newslens.english.inflection import lemma
from newslens.english.syntax import is_negated, is_noun
from newslens.english.tokens import doc_text
from newslens.extract.words import Words
from newslens.extract.events import acts
from newslens.extract.evidence import span_of
from newslens.model import Relation

MAX_TOKENS_BETWEEN = 20
NOT_A_SUBJECT = NOT_A_TARGET | {"from", "by", "with", "for", "to", "against", "on", "than", "about", "over", "under",
                                "like"}
PHRASE_ENDS = {",", ";", "."}
WORD_ORDER_BREAKS = {";", ",", "“", "”", '"', "(", ")"}
WORD_ORDER_BREAK_WORDS = CLAUSE_MARKERS | {"between"}


def event_of(verb: int, target: int, words: Words) -> tuple[str, str | None]:
    """Predicate (with the preposition that links the target: 'turn to', 'negotiate with') and event class."""
    predicate, category = event_class(verb, target, words)
    first = target
    while first > verb + 1 and words.doc[first].ent_iob_ == "I":
        first -= 1  # the target's first word: the linker precedes the whole name
    linker = words.lower[first - 1] if first > verb + 1 else None
    if linker is not None and linker in LINKING_PREPOSITIONS and not predicate.endswith(linker):
        predicate = f"{predicate} {linker}"
    return predicate, category


def event_class(verb: int, target: int, words: Words) -> tuple[str, str | None]:
    """The verb's own class, else an event noun before the target ("issued a warning to",
    "engaged in negotiations with"), else 'against' marks a fight; a speech verb has only its own."""
    word = words.lower[verb]
    base = word if word in EVENT_CLASS_OF and not words.is_verb(verb) else lemma(words.doc[verb])
    nouns = [k for k in range(verb + 1, target) if words.lower[k] in EVENT_CLASS_OF and words.doc[k].is_alpha and (
        words.doc[k].pos_ == "NOUN" if words.tagged else k > verb + 1)]
    if base in EVENT_CLASS_OF and not (base in LIGHT_VERBS and nouns):
        return base, EVENT_CLASS_OF[base]
    if base in SPEECH_VERBS:
        return base, None  # "said strikes against X would go on": the strikes are what was said, not done
    if nouns:
        noun = words.lower[nouns[-1]]
        return f"{base} {noun}", EVENT_CLASS_OF[noun]
    if any(words.lower[k] == "against" for k in range(max(verb, target - 3), target)):
        return f"{base} against", "fight"
    return base, None


def is_noun_event(predicate: str) -> bool:
    """The event is an event noun's ('engage negotiations with'): its agent is the verb's subject, even
    in the passive."""
    parts = predicate.split()
    return len(parts) > 1 and parts[1] in EVENT_CLASS_OF


def governing_position(token: int, words: Words) -> int:
    """Where the word before an actor and the names listed with it is: 'in' for 'in Syria and Iraq'."""
    k = token - 1
    while k >= 0 and (words.actor[k] or words.lower[k] in LIST_WORDS):
        k -= 1
    return k


def governing_word(token: int, words: Words) -> str:
    k = governing_position(token, words)
    return words.lower[k] if k >= 0 else ""


def is_topic(target: int, words: Words) -> bool:
    """'a conference on Syria': what a non-event noun is about is not acted on ('an attack on' is)."""
    k = governing_position(target, words)
    if k < 1 or words.lower[k] not in TOPIC_PREPOSITIONS:
        return False
    noun = words.doc[k - 1]
    return noun.is_alpha and noun.lower_ not in EVENT_CLASS_OF and is_noun(noun, words.tagged)


def is_place_adjunct(target: int, words: Words) -> bool:
    """'in Syria', 'in Syria and Iraq': an actor named where something happens, however many are listed."""
    return governing_word(target, words) in NOT_A_TARGET


def is_prepositional(source: int, words: Words) -> bool:
    """'to Incirlik Air Base, Turkey', 'with Russia and China': an actor after a preposition is no subject."""
    return governing_word(source, words) in NOT_A_SUBJECT


def reports_clause(verb: int, target: int, words: Words) -> bool:
    """'X confirmed that Y ...': the target is inside what X said, not acted upon by X."""
    if lemma(words.doc[verb]) not in SPEECH_VERBS:
        return False
    return any(words.lower[k] in CLAUSE_MARKERS or words.text[k] in {",", ":", "“", '"'}
               for k in range(verb + 1, target))


def is_passive_by(verb: int, target: int, words: Words) -> bool:
    """'was captured by Y': Y is the agent."""
    passive = words.doc[verb].tag_ == "VBN" or any(
        words.lower[k] in PASSIVE_AUX for k in range(max(0, verb - 2), verb))
    return passive and any(words.lower[k] == "by" for k in range(max(verb, target - 4), target))


def looks_passive(verb: int, words: Words) -> bool:
    """'he was transferred to Saudi Arabia': the subject undergoes the act (by word shape: no parse here)."""
    return words.lower[verb].endswith(("ed", "en")) and any(
        words.lower[k] in PASSIVE_AUX for k in range(max(0, verb - 2), verb))


def mention_end(token: int, words: Words) -> int:
    """The last word of the actor mention that `token` is in."""
    k = token
    while k + 1 < len(words.doc) and words.actor[k + 1] == words.actor[token]:
        k += 1
    return k


def is_possessor(target: int, words: Words) -> bool:
    """"rejected Maliki's first choice": the act bears on what the actor owns, not on the actor."""
    last = mention_end(target, words)
    return last + 1 < len(words.doc) and words.lower[last + 1] in POSSESSIVE_MARKS


def owns_a_thing(source: int, verb: int, words: Words) -> bool:
    """'his death will degrade ...': the actor only owns what acts. An organisation or people it owns act
    for it ("Russia's troops attacked"), and so does the actor in its own event ("ISIL's defenses against",
    "Hamas's ability to attack")."""
    k = mention_end(source, words) + 1
    if k < len(words.doc) and words.lower[k] in POSSESSIVE_MARKS:
        k += 1
    elif words.lower[source] not in POSSESSIVE_PRONOUNS:
        return False
    for owned in range(k, min(k + 3, len(words.doc))):  # past an adjective or two: "his sudden death"
        if words.actor[owned] or words.lower[owned] in ACTING_NOUNS or owned == verb:
            return False
        if is_noun(words.doc[owned], words.tagged):
            return not (owned + 1 < len(words.doc) and words.lower[owned + 1] == "to")
    return False


def surface_pairs(mentions: list[int], words: Words):
    """(source, target, verb) by word order: a subject-like actor, a verb, the next actor, one clause."""
    for n, source in enumerate(mentions):
        for target in mentions[n + 1:]:
            if target - source > MAX_TOKENS_BETWEEN:
                break  # mentions are in text order: every later one is as far
            if words.actor[target] == words.actor[source]:
                continue
            between = range(source + 1, target)
            if any(words.text[k] in WORD_ORDER_BREAKS or words.lower[k] in WORD_ORDER_BREAK_WORDS for k in between):
                break
            verb = next((k for k in between if words.is_verb(k) and lemma(words.doc[k]) not in AUXILIARIES
                         and not words.actor[k]), None)
            if verb is not None:
                yield source, target, verb


def nominal_pairs(sent: Span, words: Words):
    """(source, target, noun) for an event noun owned by one actor and aimed at another:
    "ISIL's defenses against the SDF", "the Coalition's support to the SDF"."""
    for noun in range(sent.start + 2, sent.end):
        if words.lower[noun] not in EVENT_CLASS_OF or words.is_verb(noun):
            continue
        if words.lower[noun - 1] not in POSSESSIVE_MARKS and not (
                noun >= 3 and words.lower[noun - 2] in POSSESSIVE_MARKS):
            continue
        source = noun - 2 if words.lower[noun - 1] in POSSESSIVE_MARKS else noun - 3
        if not words.actor[source]:
            continue
        for k in range(noun + 1, min(noun + 6, sent.end)):
            if words.text[k] in PHRASE_ENDS:
                break
            if words.actor[k] and words.lower[k - 1] in NOUN_LINKS:
                yield source, k, noun
                break


def surface_relations(sent: Span, words: Words, actors_by_id: dict, hard_wrapped: bool) -> Iterator[Relation]:
    """Relations of a sentence without a parse (the rules-only pipeline): word order and event nouns."""
    mentions = [k for k in range(sent.start, sent.end) if words.actor[k]]
    for source, target, verb in [*surface_pairs(mentions, words), *nominal_pairs(sent, words)]:
        if is_prepositional(source, words) or owns_a_thing(source, verb, words):
            continue
        if is_place_adjunct(target, words) or is_topic(target, words) or is_possessor(target, words) or (
                reports_clause(verb, target, words)):
            continue
        source_id, target_id = words.actor[source], words.actor[target]
        if not (acts(source_id, actors_by_id) and acts(target_id, actors_by_id)):
            continue
        predicate, category = event_of(verb, target, words)
        if category is None:
            continue
        if is_passive_by(verb, target, words):
            source_id, target_id = target_id, source_id
        elif looks_passive(verb, words) and not is_noun_event(predicate):
            continue  # "was transferred to"; but "was engaged in negotiations with" negotiates
        start, end = span_of(sent, [source, target, verb], words, hard_wrapped)
        yield Relation(source=source_id, predicate=predicate, target=target_id, sentence=doc_text(words.doc)[start:end],
                       start=start, end=end, negated=is_negated(words.doc[verb]), category=category)
