"""Relations: actor -> actor with a predicate, negation, evidence and coarse event class.

With a parser, events come from the dependency parse (events.py: clauses, passives, control, event
nouns, speech acts with addressees). Without one (the rules-only pipeline), from word order: an
actor, a verb and the next actor in one clause, and event nouns owned by one actor and aimed at
another ("ISIL's defenses against the SDF"). Either way a relation needs two acting actors (a
known city is where things happen) and, for word order, a predicate with an event class: a
relation table is read as a claim about who does what to whom, so precision comes first.
Affiliations (who belongs to whom) are not events: they come from titles and appositions.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Doc, Span

from newslens.english.cameo import ROOT_CLASS, cameo_code
from newslens.extract.events import Event, is_hypothetical, is_misread_verb, named_actors, sentence_events
from newslens.extract.evidence import evidence_span, is_hard_wrapped
from newslens.english.gazetteer import country_names, places
from newslens.english.lexicon import (
    ACTING_NOUNS, COMMUNICATION_NOUNS, EMPTY_VERBS, EVENT_ADJECTIVES, EVENT_CLASS_OF, FACILITY_HEADS,
    GEOGRAPHIC_HEADS, LIGHT_VERBS, PLACE_NOUNS, PLAN_VERBS, POSSESSIVE_MARKS, RECEIVING_VERBS, SPEECH_VERBS,
)
from newslens.model import Relation
from newslens.extract.status import NEGATED, REPORTED, event_status
from newslens.english.syntax import (
    AUXILIARIES, MentionIndex, Words, doc_text, is_negated, is_noun, lemma, sentences, verb_lemma,
)

MAX_TOKENS_BETWEEN = 20
NOT_A_TARGET = {"in", "at", "near", "across", "within", "inside", "throughout", "around", "outside", "into", "toward",
                "towards", "of", "between", "among"}
NOT_A_SUBJECT = NOT_A_TARGET | {"from", "by", "with", "for", "to", "against", "on", "than", "about", "over", "under",
                                "like"}
ACTING_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
CLAUSE_MARKERS = {"that", "which", "who", "whom", "whose", "while", "because", "although", "when", "where", "if"}
LINKING_PREPOSITIONS = {"to", "with", "against", "from", "on", "at", "for", "by", "toward", "towards", "into"}
NOUN_LINKS = {"against", "with", "to", "toward", "towards", "on", "for", "the"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my"}
TOPIC_PREPOSITIONS = {"on", "about", "over", "regarding", "concerning"}
LIST_WORDS = {",", "and", "or", "the"}
PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "got"}
PHRASE_ENDS = {",", ";", "."}
WORD_ORDER_BREAKS = {";", ",", "“", "”", '"', "(", ")"}
GIVING_VERBS = frozenset("give grant hand award offer send lend".split())
# What one makes to someone rather than gives ('received offers from X': X made offers to the subject).
MADE_NOUNS = frozenset("offer offers visit visits apology apologies threat threats promise promises request requests "
                       "call calls proposal proposals appeal appeals demand demands bid bids complaint complaints "
                       "payment payments statement statements".split())
WORD_ORDER_BREAK_WORDS = CLAUSE_MARKERS | {"between"}
# Words a predicate ends with when they link its target ('meet with', 'issue warning to').
PREDICATE_LINKS = LINKING_PREPOSITIONS | {"of", "at", "about", "over", "upon"}


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


def acts(actor_id: str, actors_by_id: dict) -> bool:
    """People, organisations, groups and countries act; a city or region the gazetteer knows is where
    things happen. A 'place' it does not know is more often an organisation the tagger mislabelled."""
    actor = actors_by_id[actor_id]
    if actor.type not in ACTING_TYPES:
        return False
    if actor.type != "GPE" or actor.name in country_names():
        return True
    named_as_region = bool({w.lower() for w in actor.name.split()} & PLACE_NOUNS - {"state"})  # 'Diyala Province'
    named_as_site = actor.name.split()[-1].lower() in GEOGRAPHIC_HEADS | FACILITY_HEADS  # 'Mosul Dam', 'Q-West Airfield'
    return actor.name not in places() and not named_as_region and not named_as_site


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


def span_of(sent: Span, tokens: list[int], words: Words, hard_wrapped: bool) -> tuple[int, int]:
    """Evidence span of an event stated by these tokens."""
    low, high = min(words.idx[t] for t in tokens), max(words.idx[t] + len(words.text[t]) for t in tokens)
    return evidence_span(sent, low, high, hard_wrapped)


def is_event_noun(token: int, words: Words) -> bool:
    """The event is stated by a noun ('the attack on'), not by a verb, nor by a verb the tagger read as a noun."""
    return words.pos[token] == "NOUN" and not is_misread_verb(token, words)


def event_predicate(event: Event, words: Words) -> tuple[str, str]:
    """Predicate ('meet with', 'hold talks with', 'attack on') and event class of a parsed event."""
    head = words.lower[event.verb] if is_event_noun(event.verb, words) else EVENT_ADJECTIVES.get(
        words.lower[event.verb]) or lemma(words.doc[event.verb])  # 'was critical of X': criticised X
    link, noun = event.link, event.noun
    thing = next((c for c in words.children[event.verb] if words.dep[c] in ("obj", "dobj")
                  and not words.actor[c] and words.pos[c] in ("NOUN", "PROPN", "VERB") and words.tag[c] != "VBG"), None)
    if link == "from" and head in RECEIVING_VERBS:  # 'Chile received weapons from Peru': Peru gave them
        if noun is None or words.pos[noun] not in ("NOUN", "PROPN"):  # what was received: 'support', 'weapons'
            noun = thing
        head, link = ("make" if noun is not None and words.lower[noun] in MADE_NOUNS else "give"), "to"
    elif head in GIVING_VERBS and noun is None and thing is not None:
        noun, link = thing, "to"  # never 'X gave Y' without what was given
    key = head
    parts = [head]
    if noun is not None:
        noun_word = words.lower[noun]
        if noun_word in COMMUNICATION_NOUNS and words.dep[noun] not in ("obj", "dobj"):
            key = "tell"  # 'said in a statement to X'
        else:
            parts.append(noun_word)
            key = noun_word if head in EMPTY_VERBS or noun_word in EVENT_CLASS_OF else head
    if link:
        parts.append(link)
    category = EVENT_CLASS_OF.get(key) or ("communicate" if key in SPEECH_VERBS else "act")
    if category == "act" and link == "against":
        category = "fight"  # 'fly missions against X'
    return " ".join(parts), category


def parsed_relations(sent: Span, words: Words, actors_by_id: dict, hard_wrapped: bool) -> Iterator[Relation]:
    """Relations of a parsed sentence: events between two distinct acting actors."""
    for event in sentence_events(sent, words):
        source_id, target_id = words.actor[event.agent], words.actor[event.patient]
        if source_id == target_id or not (acts(source_id, actors_by_id) and acts(target_id, actors_by_id)):
            continue
        predicate, category = event_predicate(event, words)
        start, end = span_of(sent, [event.agent, event.patient, event.verb], words, hard_wrapped)
        status, source = event_status(event.verb, words, not is_event_noun(event.verb, words) and (
            is_hypothetical(event.verb, words)))
        reporter = next((words.actor[k] for k in named_actors(source, words)), None) if source is not None else None
        yield Relation(source=source_id, predicate=predicate, target=target_id, sentence=doc_text(words.doc)[start:end],
                       start=start, end=end, negated=status == NEGATED, category=category, status=status,
                       status_source=reporter if reporter not in (source_id, None) or status == REPORTED else None)


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


def with_cameo(relation: Relation) -> Relation:
    """The relation with its predicate's CAMEO code, root and Goldstein score ('issue warning to': 'issue' with the
    object 'warning'; 'meet with': 'meet' with 'with'); its coarse class is the root's. A predicate the dictionary
    does not code keeps the class the reading gave it."""
    words = relation.predicate.lower().split()
    if not words or relation.category == "affiliation":
        return relation
    link = words[-1] if len(words) > 1 and words[-1] in PREDICATE_LINKS else None
    nouns = words[1:-1] if link else words[1:]
    head, noun = verb_lemma(words[0]), nouns[-1] if nouns else None
    if head in PLAN_VERBS and noun is not None:  # 'plan meet with' (word order): what is planned is coded
        head, noun = verb_lemma(noun), None
    light = noun is not None and head in EMPTY_VERBS | LIGHT_VERBS  # 'hold talks', 'engage negotiations'
    code = None
    if light:
        code = cameo_code(head, None, noun) or cameo_code(verb_lemma(noun), link)
    code = code or cameo_code(head, link, noun)
    if code is None:
        return relation
    return replace(relation, cameo=code.code, cameo_root=code.root, goldstein=code.goldstein,
                   category=ROOT_CLASS[code.root])


def extract_relations(doc: Doc, actors, words: Words | None = None) -> list[Relation]:
    """Actor -> actor events, one per (source, target, sentence): the first reading of a statement wins,
    so 'held talks with' does not come back as 'hold talks' too. `words`: the doc's Words over these actors,
    where the caller has them already (the quotes read the same)."""
    words = words or Words(doc, MentionIndex(actors))
    actors_by_id = {a.id: a for a in actors}
    read = parsed_relations if words.parsed else surface_relations
    hard_wrapped = is_hard_wrapped(doc_text(doc))
    seen = set()
    relations = []
    for sent in sentences(doc):
        for relation in read(sent, words, actors_by_id, hard_wrapped):
            key = (relation.source, relation.target, sent.start_char)
            if key not in seen:
                seen.add(key)
                relations.append(with_cameo(relation))
    return relations
