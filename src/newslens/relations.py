"""Relations: actor -> actor with a predicate, negation, evidence sentence and coarse event class.

Within a sentence, candidates come from four readings: the parse (a verb's subject, inherited through
chained clauses, and an actor the verb governs), word order (an actor, a verb, the next actor in the
same clause), event nouns ("ISIL's defenses against the SDF") and titles in apposition ("Sullivan, the
national security advisor to Joe Biden"). Only predicates with an event class are kept (a verb like
"warn" or an event noun like "negotiations with"): a relation table is read as a claim about who does
what to whom, so precision comes first.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newslens.gazetteer import country_names
from newslens.lexicon import EVENT_CLASS_OF, LIGHT_VERBS, ROLE_HEADS, SPEECH_VERBS
from newslens.model import Relation
from newslens.syntax import (AUXILIARIES, MentionIndex, clause_subject, has_parse, has_tags, is_negated,
                             is_verb, lemma)

MAX_TOKENS_BETWEEN = 20
NOT_A_TARGET = {"in", "at", "near", "across", "within", "inside", "throughout", "around", "outside", "into", "toward",
                "towards", "of", "between", "among"}
NOT_A_SUBJECT = NOT_A_TARGET | {"from", "by", "with", "for", "to", "against", "on", "than", "about", "over", "under",
                                "like"}
ACTING_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
CLAUSE_MARKERS = {"that", "which", "who", "whom", "whose", "while", "because", "although", "when", "where", "if"}
# A target is the verb's own object or oblique, or the object of its event noun ("strikes against ISIL"):
# at most one content word between it and the verb, never through a clause, a subject or a list.
FUNCTION_DEPS = {"prep", "case", "compound", "flat", "flat:name", "amod", "det", "poss", "nmod:poss"}
BLOCKING_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "ccomp", "relcl", "acl:relcl", "csubj", "parataxis", "conj",
                 "advcl", "acl", "xcomp", "appos"}
LINKING_PREPOSITIONS = {"to", "with", "against", "from", "on", "at", "for", "by", "toward", "towards", "into"}
GERUND_BLOCKERS = {"against", "from", "without", "of", "by"}
NOUN_LINKS = {"against", "with", "to", "toward", "towards", "on", "for", "the"}
LIST_WORDS = {",", "and", "or", "the"}
PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "got"}
PASSIVE_DEPS = {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"}


def event_of(verb: Token, target: Token) -> tuple[str, str | None]:
    """Predicate (with the preposition that links the target: 'turn to', 'negotiate with') and event class."""
    predicate, category = event_class(verb, target)
    first = target
    while first.i > verb.i + 1 and first.ent_iob_ == "I":
        first = first.nbor(-1)  # the target's first word: the linker precedes the whole name
    linker = verb.doc[first.i - 1] if first.i > verb.i + 1 else None
    if linker is not None and linker.lower_ in LINKING_PREPOSITIONS and not predicate.endswith(linker.lower_):
        predicate = f"{predicate} {linker.lower_}"
    return predicate, category


def event_class(verb: Token, target: Token) -> tuple[str, str | None]:
    """The verb's own class, else an event noun before the target ("issued a warning to",
    "engaged in negotiations with"), else 'against' marks a fight; a speech verb has only its own."""
    base = verb.lower_ if verb.lower_ in EVENT_CLASS_OF and not is_verb(verb) else lemma(verb)
    doc = verb.doc
    nouns = [t for t in doc[verb.i + 1:target.i] if t.is_alpha and t.lower_ in EVENT_CLASS_OF and (
        t.pos_ == "NOUN" if has_tags(doc) else t.i > verb.i + 1)]
    if base in EVENT_CLASS_OF and not (base in LIGHT_VERBS and nouns):
        return base, EVENT_CLASS_OF[base]
    if base in SPEECH_VERBS:
        return base, None  # "said strikes against X would go on": the strikes are what was said, not done
    if nouns:
        return f"{base} {nouns[-1].lower_}", EVENT_CLASS_OF[nouns[-1].lower_]
    if any(t.lower_ == "against" for t in doc[max(verb.i, target.i - 3):target.i]):
        return f"{base} against", "fight"
    return base, None


def governing_word(token: Token, index: MentionIndex) -> str:
    """The word before an actor and the names listed with it: 'in' for 'in Syria and Iraq'."""
    doc = token.doc
    k = token.i - 1
    while k >= 0 and (index.of_token(doc[k]) or doc[k].lower_ in LIST_WORDS):
        k -= 1
    return doc[k].lower_ if k >= 0 else ""


def is_place_adjunct(target: Token, index: MentionIndex) -> bool:
    """'in Syria', 'in Syria and Iraq': an actor named where something happens, however many are listed."""
    return governing_word(target, index) in NOT_A_TARGET


def is_prepositional(source: Token, index: MentionIndex) -> bool:
    """'to Incirlik Air Base, Turkey', 'with Russia and China': an actor after a preposition is no subject."""
    return governing_word(source, index) in NOT_A_SUBJECT


def reports_clause(verb: Token, target: Token) -> bool:
    """'X confirmed that Y ...': the target is inside what X said, not acted upon by X."""
    doc = verb.doc
    if lemma(verb) not in SPEECH_VERBS:
        return False
    return any(t.lower_ in CLAUSE_MARKERS or t.text in {",", ":", "“", '"'} for t in doc[verb.i + 1:target.i])


def is_passive_by(verb: Token, target: Token) -> bool:
    """'was captured by Y': Y is the agent."""
    doc = verb.doc
    passive = verb.tag_ == "VBN" or any(t.lower_ in PASSIVE_AUX for t in doc[max(0, verb.i - 2):verb.i])
    return passive and any(t.lower_ == "by" for t in doc[max(verb.i, target.i - 4):target.i])


def is_passive(verb: Token) -> bool:
    """'he was transferred to Saudi Arabia': the subject undergoes the act."""
    if has_parse(verb.doc):
        return any(child.dep_ in PASSIVE_DEPS for child in verb.children)
    before = verb.doc[max(0, verb.i - 2):verb.i]
    return verb.lower_.endswith(("ed", "en")) and any(t.lower_ in PASSIVE_AUX for t in before)


def mention_end(token: Token, index: MentionIndex) -> Token:
    """The last word of the actor mention that `token` is in."""
    doc = token.doc
    k = token.i
    while k + 1 < len(doc) and index.of_token(doc[k + 1]) == index.of_token(token):
        k += 1
    return doc[k]


def is_possessor(target: Token, index: MentionIndex) -> bool:
    """"rejected Maliki's first choice": the act bears on what the actor owns, not on the actor."""
    last = mention_end(target, index)
    return last.i + 1 < len(last.doc) and last.doc[last.i + 1].lower_ in ("'s", "’s")



def parsed_pairs(sent: Span, index: MentionIndex):
    """(source, target, verb): the verb's subject (inherited through 'planning to meet', 'went on to
    warn') is an actor, and the verb itself governs another actor."""
    doc = sent.doc
    mentions = [t for t in sent if index.of_token(t)]
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i == sent.start:
            continue
        before = doc[verb.i - 1]
        if before.lower_ in GERUND_BLOCKERS:
            continue  # "warned against providing support": who would provide is not the warner
        if verb.tag_ == "VBG" and index.of_token(before):
            source = before  # "the significance of Russia turning to North Korea"
        else:
            subject = clause_subject(verb)
            if subject is None:
                continue
            subject_tokens = set(t.i for t in subject.subtree)
            sources = [m for m in mentions if m.i in subject_tokens and m.i < verb.i]
            if not sources:
                continue
            source = min(sources, key=lambda m: abs(m.i - subject.i))
        for target in mentions:
            if target.i <= verb.i or index.of_token(target) == index.of_token(source):
                continue
            path = []
            cur = target
            while cur.i != verb.i and cur.head.i != cur.i:
                path.append(cur)
                cur = cur.head
            content = [t for t in path if t.dep_ not in FUNCTION_DEPS and t.i != target.i]
            if cur.i == verb.i and len(content) <= 1 and not any(t.dep_ in BLOCKING_DEPS for t in path):
                yield source, target, verb


def appositive_pairs(sent: Span, index: MentionIndex):
    """(person, actor, title): 'Jake Sullivan, the national security advisor to Joe Biden'."""
    doc = sent.doc
    for tok in sent:
        person = index.of_token(tok)
        if not person or index.types[person] != "PERSON" or tok.i + 1 >= sent.end or doc[tok.i + 1].text != ",":
            continue
        for k in range(tok.i + 2, min(tok.i + 9, sent.end - 2)):
            if doc[k].text in {",", ";", "."}:
                break
            if doc[k].lower_ in ROLE_HEADS and doc[k + 1].lower_ in ("to", "for", "of"):
                target = next((t for t in doc[k + 2:min(k + 7, sent.end)] if index.of_token(t)), None)
                if target is not None:
                    yield tok, target, doc[k]
                break


def surface_pairs(sent: Span, index: MentionIndex):
    """(source, target, verb) by word order: a subject-like actor, a verb, the next actor, one clause."""
    doc = sent.doc
    mentions = [t for t in sent if index.of_token(t)]
    for n, source in enumerate(mentions):
        for target in mentions[n + 1:]:
            if target.i - source.i > MAX_TOKENS_BETWEEN or index.of_token(target) == index.of_token(source):
                continue
            between = doc[source.i + 1:target.i]
            if any(t.text in {";", ",", "“", "”", '"', "(", ")"} or t.lower_ in CLAUSE_MARKERS | {"between"}
                   for t in between):
                break
            verbs = [t for t in between if is_verb(t) and lemma(t) not in AUXILIARIES and not index.of_token(t)]
            if verbs:
                yield source, target, verbs[0]


def acts(index: MentionIndex, token: Token, actors_by_id: dict) -> bool:
    """People, organisations, groups and countries act; a city or region is where things happen."""
    actor = actors_by_id[index.of_token(token)]
    return actor.type in ACTING_TYPES and (actor.type != "GPE" or actor.name in country_names())


def nominal_pairs(sent: Span, index: MentionIndex):
    """(source, target, noun) for an event noun owned by one actor and aimed at another:
    "ISIL's defenses against the SDF", "the Coalition's support to the SDF"."""
    doc = sent.doc
    for noun in sent:
        if noun.lower_ not in EVENT_CLASS_OF or is_verb(noun) or noun.i < sent.start + 2:
            continue
        if doc[noun.i - 1].lower_ not in ("'s", "’s") and not (
                noun.i >= 3 and doc[noun.i - 2].lower_ in ("'s", "’s")):
            continue
        owner_at = noun.i - 2 if doc[noun.i - 1].lower_ in ("'s", "’s") else noun.i - 3
        source = doc[owner_at]
        if not index.of_token(source):
            continue
        for k in range(noun.i + 1, min(noun.i + 6, sent.end)):
            if doc[k].text in {",", ";", "."}:
                break
            if index.of_token(doc[k]) and doc[k - 1].lower_ in NOUN_LINKS:
                yield source, doc[k], noun
                break


def extract_relations(doc: Doc, actors) -> list[Relation]:
    """Actor -> actor relations with an event class, one per (source, predicate, target, sentence)."""
    index = MentionIndex(actors)
    actors_by_id = {a.id: a for a in actors}
    seen = set()
    relations = []
    for sent in doc.sents:
        candidates = list(parsed_pairs(sent, index)) if has_parse(doc) else []
        candidates += surface_pairs(sent, index)
        candidates += nominal_pairs(sent, index)
        candidates += appositive_pairs(sent, index)
        for source, target, verb in candidates:
            if is_prepositional(source, index):
                continue
            if is_place_adjunct(target, index) or is_possessor(target, index) or reports_clause(verb, target):
                continue
            if not (acts(index, source, actors_by_id) and acts(index, target, actors_by_id)):
                continue
            predicate, category = event_of(verb, target)
            if category is None:
                continue
            source_id, target_id = index.of_token(source), index.of_token(target)
            if is_passive_by(verb, target):
                source_id, target_id = target_id, source_id
            elif is_passive(verb):
                continue
            key = (source_id, predicate, target_id, sent.start_char)
            if key in seen:
                continue
            seen.add(key)
            relations.append(Relation(source=source_id, predicate=predicate, target=target_id,
                                      sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char,
                                      negated=is_negated(verb), category=category))
    return relations
