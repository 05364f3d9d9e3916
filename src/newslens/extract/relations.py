"""Relations: actor -> actor with a predicate, negation, evidence and coarse event class, assembled here.

With a parser, events come from the dependency parse (events.py: clauses, passives, control, event
nouns, speech acts with addressees). Without one (the rules-only pipeline), from word order
(word_order.py). Either way a relation needs two acting actors (`events.acts`: a known city is where
things happen): a relation table is read as a claim about who does what to whom, so precision comes first.
Affiliations (who belongs to whom) are not events: they come from titles and appositions.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Iterator

from spacy.tokens import Doc, Span

from newslens.english.cameo import ROOT_CLASS, cameo_code
from newslens.english.lexicon import (COMMUNICATION_NOUNS, EMPTY_VERBS, EVALUATIVE_ROOTS, EVENT_ADJECTIVES,
                                      EVENT_CLASS_OF, GIVING_VERBS, LIGHT_VERBS, LINKING_PREPOSITIONS, MADE_NOUNS,
                                      PLAN_VERBS, RECEIVING_VERBS, REMOVING_VERBS, SEEKING_VERBS, SPEECH_VERBS)
from newslens.english.inflection import lemma, verb_lemma
from newslens.english.tokens import doc_text, sentences
from newslens.extract.mentions import MentionIndex
from newslens.extract.words import Words
from newslens.extract.events import Event, acts, agent_noun, is_hypothetical, is_misread_verb, named_actors, sentence_events
from newslens.extract.evidence import is_hard_wrapped, span_of
from newslens.extract.status import ASSERTED, NEGATED, PLANNED, REPORTED, event_status
from newslens.extract.word_order import surface_relations
from newslens.model import Quote, Relation

# Words a predicate ends with when they link its target ('meet with', 'issue warning to').
PREDICATE_LINKS = LINKING_PREPOSITIONS | {"of", "at", "about", "over", "upon"}


def is_event_noun(token: int, words: Words) -> bool:
    """The event is stated by a noun ('the attack on'), not by a verb, nor by a verb the tagger read as a noun."""
    return words.pos[token] == "NOUN" and not is_misread_verb(token, words)


def event_predicate(event: Event, words: Words) -> tuple[str, str]:
    """Predicate ('meet with', 'hold talks with', 'attack on') and event class of a parsed event."""
    head = agent_noun(event.verb, words) or (words.lower[event.verb] if is_event_noun(event.verb, words) else (
        EVENT_ADJECTIVES.get(words.lower[event.verb]) or lemma(words.doc[event.verb])))  # 'critical of X': criticised;
    # 'a supporter of X': supported
    link, noun = event.link, event.noun
    thing = next((c for c in words.children[event.verb] if words.dep[c] in ("obj", "dobj")
                  and not words.actor[c] and words.pos[c] in ("NOUN", "PROPN", "VERB") and words.tag[c] != "VBG"), None)
    if link == "from" and head in RECEIVING_VERBS:  # 'Chile received weapons from Peru': Peru gave them
        if noun is None or words.pos[noun] not in ("NOUN", "PROPN"):  # what was received: 'support', 'weapons'
            noun = thing
        head, link = ("make" if noun is not None and words.lower[noun] in MADE_NOUNS else "give"), "to"
    elif head in GIVING_VERBS and noun is None and thing is not None:
        noun, link = thing, "to"  # never 'X gave Y' without what was given
    elif head in SEEKING_VERBS | REMOVING_VERBS and link == "from" and noun is None and thing is not None:
        noun = thing  # 'bought arms from X', 'expelled diplomats from X', not 'bought from X'
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


def quoting(char: int, quotes: Sequence[Quote]) -> Quote | None:
    """The quotation or reported statement whose words hold the character `char` (quotes in text order)."""
    i = bisect_right([q.start for q in quotes], char) - 1
    return quotes[i] if i >= 0 and char < quotes[i].end else None


def quoted_status(status: str, reporter: str | None, char: int, quotes: Sequence[Quote]) -> tuple[str, str | None]:
    """An event stated inside a quotation or a reported statement is its speaker's claim: '"We struck their bases,"
    the general said' and 'X suggested that Russia was planning talks with Y' are reported, by the general and by X.
    The quote reader has found the statement and its speaker already, so this holds however the parser attached the
    clause (a parse that makes the reported verb an adverbial clause hides the speech verb from event_status).
    A source already read from the clause ('according to Y') is kept; a denial or a supposition stays what it is."""
    if status not in (ASSERTED, PLANNED) or reporter is not None:
        return status, reporter
    quote = quoting(char, quotes)
    if quote is None:
        return status, reporter
    return (REPORTED if status == ASSERTED else status), quote.speaker


def parsed_relations(sent: Span, words: Words, actors_by_id: dict, hard_wrapped: bool,
                     quotes: Sequence[Quote] = ()) -> Iterator[Relation]:
    """Relations of a parsed sentence: events between two distinct acting actors."""
    for event in sentence_events(sent, words):
        source_id, target_id = words.actor[event.agent], words.actor[event.patient]
        if source_id == target_id or not (acts(source_id, actors_by_id) and acts(target_id, actors_by_id)):
            continue
        predicate, category = event_predicate(event, words)
        if event.owned and cameo_root(predicate, category) not in EVALUATIVE_ROOTS:
            continue  # 'rejected Y's choice' acts on the choice; 'criticised Y's choice' criticises Y
        start, end = span_of(sent, [event.agent, event.patient, event.verb], words, hard_wrapped)
        status, source = event_status(event.verb, words, not is_event_noun(event.verb, words) and (
            is_hypothetical(event.verb, words)))
        reporter = next((words.actor[k] for k in named_actors(source, words)), None) if source is not None else None
        status, reporter = quoted_status(status, reporter, words.doc[event.verb].idx, quotes)
        yield Relation(source=source_id, predicate=predicate, target=target_id, sentence=doc_text(words.doc)[start:end],
                       start=start, end=end, negated=status == NEGATED, category=category, status=status,
                       status_source=reporter if reporter not in (source_id, None) or reporter and status in (
                           REPORTED, NEGATED) else None)


def cameo_root(predicate: str, category: str) -> str | None:
    """The CAMEO root that with_cameo gives a predicate, if any."""
    return with_cameo(Relation(source="", predicate=predicate, target="", sentence="", start=0, end=0,
                               category=category)).cameo_root


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
    if code is None or code.usual and relation.category not in ("act", "communicate", ROOT_CLASS[code.root]):
        return relation  # a verb's usual code is weaker than the class its reading gave ('missions against': fight)
    return replace(relation, cameo=code.code, cameo_root=code.root, goldstein=code.goldstein,
                   category=ROOT_CLASS[code.root])


def extract_relations(doc: Doc, actors, words: Words | None = None, quotes: Sequence[Quote] = ()) -> list[Relation]:
    """Actor -> actor events, one per (source, target, sentence): the first reading of a statement wins,
    so 'held talks with' does not come back as 'hold talks' too. `words`: the doc's Words over these actors,
    where the caller has them already (the quotes read the same). `quotes`: the doc's quotes with their speakers;
    an event inside one is reported by its speaker (quoted_status)."""
    words = words or Words(doc, MentionIndex(actors))
    actors_by_id = {a.id: a for a in actors}
    in_order = sorted(quotes, key=lambda q: (q.start, q.end))
    read = partial(parsed_relations, quotes=in_order) if words.parsed else surface_relations
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
