"""Events from the parse: who does what to whom, one small function per construction.

Each construction reads the dependency parse of a sentence and yields `Event` records of token
positions: the agent, the patient, the predicate word (a verb, or an event noun) and the
preposition that links the patient ('met *with* X'). relations.py maps those tokens to actors,
keeps the pairs of two acting actors and writes Relation records.

The constructions:
- a clause: subject -> verb -> object or oblique, through coordination on both sides
  ('X and Y met Z'); a subject missing from its own clause is inherited through control, raising,
  coordination and participles ('agreed to meet with', 'asked X to help Y' makes X the helper);
- the passive with a by-agent ('was founded by X'), also in a reduced relative ('the group founded by X');
- a relative clause acts for the noun it describes ('Freedom Magazine, which attacked X');
- an event noun carried by a verb ('issued a warning to', 'held talks with', 'in a statement to');
- an event noun with its own agent ("X's attack on Y", 'strikes by X against Y', "X's defeat of Y", 'the visit of
  X to Y'), also as the passive subject's event ('was killed in a raid by X');
- a thing an actor owns, says or does stands for the actor as a clause's subject or target where the clause
  evaluates it ('criticised Y's leadership', 'condemned the attack by Y');
- a speech act with its addressee ('told X', 'urged X', 'said in a statement to X'), and a demand's subjunctive
  clause ('demanded that X withdraw': X is told what to do);
- an evaluation a verb carries: its 'for'/'of' phrase is the one evaluated ('voiced support for X');
- a participle's by-phrase, also where the parser made it an object ('X, a Republican appointed ... by Y');
- word order, where the parser tied a verb to neither actor next to it ('X replaced Y' read as one
  noun phrase by a small parser).
A noun that names people or an organisation acts for its owner ("Thailand's foreign minister",
'Scientology officials', 'the government of Iraq'); a group noun stands for the actors it lists
('critics including X and Y').

Both dependency schemes of spaCy's English pipelines are read: Universal Dependencies (the built-in
pipeline: obl + case, nsubj:pass, obl:agent) and ClearNLP (en_core_web_*: prep + pobj, nsubjpass, agent).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span

from newslens.english.cameo import cameo_code, singular
from newslens.english.gazetteer import is_country, places
from newslens.english.lexicon import (ACCUSATION_NOUNS, ACTING_NOUNS, ADDRESSEE_VERBS, ADJACENT_BLOCKERS, AGENT_NOUNS,
                                      CLAUSAL_PREPOSITIONS, COMMUNICATION_NOUNS, CONDITIONAL_MARKS, DEMANDING_VERBS,
                                      DIRECTIONS, EMPTY_VERBS, EVALUATIVE_ROOTS, EVENT_ADJECTIVES, EVENT_CLASS_OF,
                                      EVENT_NOUNS, FACILITY_HEADS, GEOGRAPHIC_HEADS, GERUND_BLOCKERS,
                                      HYPOTHETICAL_MODALS, INCLUDING, KIN_NOUNS, NAMING_VERBS, NON_TARGET_PREPOSITIONS, NOT_EVENT_VERBS,
                                      NOUN_TARGET_LINKS, OBJECT_CONTROL_VERBS, PLACE_NOUNS, POSSESSIVE_MARKS,
                                      PRECONJUNCTIONS, RANGE_VERBS, RECEIVING_VERBS, RELATIVE_PRONOUNS, REMOVING_VERBS,
                                      ROLE_HEADS, SEEKING_VERBS, SPEECH_VERBS, VERB_ONLY_FOR, VERB_ONLY_ON)
from newslens.english.inflection import lemma, word_lemmas
from newslens.english.syntax import RELATIVE_CLAUSE_DEPS
from newslens.extract.words import Words

ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:outer"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
PASSIVE_MARK_DEPS = frozenset({"aux:pass", "auxpass"})
VERB_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative"})
RECIPIENT_DEPS = frozenset({"iobj", "dative"})
OBLIQUE_DEPS = frozenset({"obl", "nmod", "obl:agent"})
AGENT_DEPS = frozenset({"obl:agent", "agent"})
OWNER_DEPS = frozenset({"nmod:poss", "poss", "compound", "amod"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# How a parser hangs a noun's 'that' clause on it ('the accusation that X lied'): UD and ClearNLP, as a complement or,
# often, as a relative clause
CLAUSE_COMPLEMENT_DEPS = frozenset({"acl", "ccomp", "acl:relcl", "relcl"})
# What a parser may call the object it failed to read as one: a name as a secondary predicate ('ripped X', xcomp)
MISREAD_OBJECT_DEPS = frozenset({"xcomp", "oprd"})


@dataclass(frozen=True)
class Event:
    """Token positions of one stated event: agent does predicate (to/with patient)."""

    agent: int
    patient: int
    verb: int                # the verb, or the event noun when no verb carries it
    noun: int | None = None  # the verb's object that the predicate names ('issued a warning to', 'sought shells from')
    link: str | None = None  # the preposition before the patient
    owned: bool = False      # an end is the owner of the thing the clause names ("criticised Y's leadership")


def is_absolute(noun: int, words: Words) -> bool:
    """'with X making attempts': the noun opens a clause of its own (a participle hangs on it), no patient."""
    return any(words.tag[c] == "VBG" and words.dep[c] in ("acl", "advcl", "xcomp") for c in words.children[noun])


def is_target_link(link: str, base: str) -> bool:
    """Whether a preposition after the verb `base` (or after its object) names the one the event is done to or
    with: any preposition but the named non-targets (a time, a place, a topic...); 'on' and 'for' after a few verbs."""
    if link in ("on", "upon"):
        return base in VERB_ONLY_ON
    if link == "for":
        return base in VERB_ONLY_FOR  # 'voted for X'; 'worked for X' is an affiliation, 'asked for help' a purpose
    return link not in NON_TARGET_PREPOSITIONS and link.isalpha()


def prepositional(head: int, words: Words) -> Iterator[tuple[str, int]]:
    """(preposition, noun) for every noun attached to `head` by a preposition, in either scheme."""
    for child in words.children[head]:
        dep = words.dep[child]
        if dep in OBLIQUE_DEPS:
            case = next((k for k in words.children[child] if words.dep[k] == "case"), None)
            if case is not None:
                yield words.lower[case], child
            elif dep in AGENT_DEPS and follows_by(child, words):
                yield "by", child  # not 'along with a bomber X', which the parser may also call the agent
        elif dep in ("prep", "agent", "dative"):  # ClearNLP may call 'to X' after a verb its dative ('gave aid to X')
            for grandchild in words.children[child]:
                if words.dep[grandchild] == "pobj":
                    yield words.lower[child], grandchild


def follows_by(noun: int, words: Words) -> bool:
    """Whether 'by' opens the noun's phrase or comes right before it."""
    edge = words.doc[noun].left_edge.i
    return words.lower[edge] == "by" or edge > 0 and words.lower[edge - 1] == "by"


def conjuncts(token: int, words: Words) -> list[int]:
    """The token and the words coordinated with it ('Russia and China')."""
    found, todo = [], [token]
    while todo:
        k = todo.pop()
        found.append(k)
        # a conjunct with a preposition of its own is another phrase ('by X, according to Y')
        todo += [c for c in words.children[k] if words.dep[c] == "conj" and not any(
            words.dep[g] == "case" for g in words.children[c])]
    return sorted(found)


def named_actors(noun: int, words: Words) -> list[int]:
    """Tokens of the actors a noun phrase stands for: the noun itself when it is (part of) an actor's
    mention, else, for people or an organisation, their owner ('Thailand's foreign minister',
    'Scientology officials', 'the government of Iraq'), else the actors it includes ('defectors including
    X and Y'); every conjunct is read."""
    found = []
    for k in conjuncts(noun, words):
        if not words.text[k].strip():  # a line break the parser made head of the name after it
            k = next((c for c in words.children[k] if words.dep[c] in ("flat", "compound")), k)
        if words.actor[k]:
            found.append(k)
            continue
        if words.dep[k] == "appos" and words.actor[words.head[k]]:
            found.append(words.head[k])  # 'the Lumen Trust, a charity founded by X'
            continue
        named = [c for c in words.children[k] if words.dep[c] == "appos" and words.actor[c]]
        if named:  # 'defeated another candidate, veteran politician X': the apposition names the noun
            found.append(named[0])
            continue
        named_before = appositive_name(k, words)
        if named_before is not None:  # 'X, the manager of Y, ripped Z' parsed with 'manager' as the subject
            found.append(named_before)
            continue
        links = list(prepositional(k, words))
        listed = included_actors(k, words)
        if listed:  # 'former members of X, including A and B': the members it names act, not X
            found += listed
            continue
        if words.lower[k] in ACTING_NOUNS:
            owners = [c for c in words.children[k] if words.dep[c] in OWNER_DEPS and words.actor[c]]
            owners += [n for link, n in links if words.actor[n] and (link in ("of", "for") or link == "from" and (
                words.index.types[words.actor[n]] != "GPE"))]  # 'officials from the ministry'; 'citizens from
            # Jordan' are people from a place, not a country acting
            if owners:
                found.append(owners[0])
                continue
    return found


def owners_of(noun: int, words: Words) -> list[int]:
    """The actor a thing belongs to, where a clause's subject or target names a thing, not an actor: "Y's leadership"
    (a name, not a pronoun: 'her emails' is read only as far as the pronoun is), 'the attack by Y'. What an actor
    says, does or has is how an evaluation reaches that actor ('criticised Y's leadership' criticises Y): relations.py
    keeps such an event only where its CAMEO root evaluates (EVALUATIVE_ROOTS), since acting on a thing is not acting
    on its owner ('rejected Y's choice', 'bought Y's house'). A possessed person is read by named_actors already
    ("Thailand's foreign minister") or is someone else ("Y's family")."""
    if words.actor[noun] or words.pos[noun] != "NOUN" or words.lower[noun] in ACTING_NOUNS | KIN_NOUNS:
        return []
    owner = possessor(noun, words)
    if owner is not None:
        return [owner] if words.actor[owner] and words.pos[owner] != "PRON" else []
    return [a for link, n in prepositional(noun, words) if link == "by" for a in named_actors(n, words)]


def appositive_name(noun: int, words: Words) -> int | None:
    """The person a role noun stands in apposition to where the parser did not say so: 'X, the former manager
    of Y' with the role noun, not X, as the verb's subject."""
    if words.lower[noun] not in ROLE_HEADS or words.dep[noun] == "appos":
        return None
    edge = words.doc[noun].left_edge.i
    if edge < 2 or words.text[edge - 1] != "," or not words.actor[edge - 2]:
        return None
    return edge - 2 if words.index.types[words.actor[edge - 2]] == "PERSON" else None


def included_actors(noun: int, words: Words, depth: int = 0) -> list[int]:
    """Actors a group noun lists: 'defectors (from the organization) including X and Y'."""
    found = []
    for link, n in prepositional(noun, words):
        if link in INCLUDING:
            found += [m for m in conjuncts(n, words) if words.actor[m]]
        elif depth < 1 and not words.actor[n]:
            found += included_actors(n, words, depth + 1)
    return found


def possessor(noun: int, words: Words) -> int | None:
    """The possessive word before a noun ("Hamas's" in "Hamas's ability"), if any."""
    return next((c for c in words.children[noun] if words.dep[c] in ("nmod:poss", "poss")), None)


def is_passive(verb: int, words: Words) -> bool:
    return any(words.dep[c] in PASSIVE_MARK_DEPS | PASSIVE_SUBJECT_DEPS for c in words.children[verb]) or (
        misread_agent(verb, words) is not None)


def misread_agent(verb: int, words: Words) -> int | None:
    """The by-phrase a parser read as the object of a participle with no auxiliary ('X, a Republican appointed ...
    by President Y' with Y the object of 'appointed'): a participle's 'by' phrase names its agent."""
    if words.tag[verb] != "VBN" or any(words.dep[c].startswith("aux") for c in words.children[verb]):
        return None
    for child in words.children[verb]:
        if child < verb:
            continue
        if words.dep[child] in VERB_OBJECT_DEPS and any(words.lower[k] == "by" and child in (
                words.head[k], words.head[words.head[k]]) for k in range(words.doc[child].left_edge.i, child)):
            return child
        if words.dep[child] in OBLIQUE_DEPS:  # '... appointed as judge | by Y', the by-phrase hung on the judge
            agent = next((n for link, n in prepositional(child, words) if link == "by"), None)
            if agent is not None:
                return agent
    return None


def real_word(token: int | None, words: Words) -> int | None:
    """The token itself, or where the parser made a whitespace token (a line break) head of a phrase, the name
    it heads: whitespace never fills a subject or object slot."""
    if token is None or words.text[token].strip():
        return token
    return next((c for c in words.children[token] if words.dep[c] in ("flat", "compound", "appos")
                 and words.text[c].strip()), None)


def own_subject(verb: int, words: Words) -> int | None:
    """The verb's subject, past whitespace tokens the parser also called subjects ('\\n\\nGermany was criticised')."""
    for child in words.children[verb]:
        if words.dep[child] in ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            subject = real_word(child, words)
            if subject is not None:
                return subject
    return None


def first_object(verb: int, words: Words) -> int | None:
    return next((c for c in words.children[verb] if words.dep[c] in VERB_OBJECT_DEPS and words.text[c].strip()), None)


def subject_of(verb: int, words: Words, depth: int = 0) -> tuple[int | None, bool]:
    """The verb's subject and whether it undergoes the event (passive): its own, else inherited.

    Control and raising ('agreed to meet', 'asked X to help': X helps), coordination ('met and
    thanked'), participles ('X attacked Y, killing Z'; 'the group founded by X': the group undergoes),
    and a relative pronoun stands for the noun its clause describes."""
    subject = own_subject(verb, words)
    dep, head = words.dep[verb], words.head[verb]
    if subject is not None:
        if words.lower[subject] in RELATIVE_PRONOUNS and dep in RELATIVE_CLAUSE_DEPS:
            subject = predicated_of(head, words)
        elif words.lower[subject] in RELATIVE_PRONOUNS and words.tag[subject] in ("WP", "WDT"):
            subject = antecedent(subject, words)
        return subject, is_passive(verb, words)
    if head == verb or depth > 4:
        return None, False
    if dep in ("parataxis", "appos") and head < verb and words.actor[head] and words.tag[verb] in FINITE_TAGS | {"VBG"}:
        # 'X, Y's manager, ripped Z': the parser hung the verb on its subject; 'X, stumping for Y, said'
        return head, is_passive(verb, words)
    absolute = next((c for c in words.children[verb] if c < verb and words.dep[c] in OBLIQUE_DEPS and any(
        words.lower[g] == "with" for g in words.children[c])), None)
    if absolute is not None and words.tag[verb] == "VBG":
        return absolute, False  # 'with the medal going to X': the medal goes, not the clause's subject
    if words.tag[verb] == "VBG" and verb > 0 and words.actor[verb - 1] and not words.actor[verb]:
        return verb - 1, False  # 'the significance of Russia turning to X': the gerund's own subject
    if any(words.lower[c] in GERUND_BLOCKERS for c in words.children[verb] if words.dep[c] in ("mark", "case")):
        return None, False
    if dep in RELATIVE_CLAUSE_DEPS:
        return predicated_of(head, words), is_passive(verb, words)
    infinitive = any(words.lower[c] == "to" for c in words.children[verb])
    if dep == "acl":  # a reduced relative: 'the group founded by X' undergoes, 'a group backing X' acts
        owner = possessor(head, words)
        marked = any(words.lower[c] == "to" and words.dep[c] in ("mark", "aux") for c in words.children[verb])
        if owner is None and marked:
            # 'Japan plans to restore ties' misread as a noun phrase: the name before the noun owns it
            owner = next((c for c in words.children[head] if words.dep[c] == "compound" and words.actor[c]), None)
        if owner is not None and infinitive:
            return owner, False  # "Hamas's ability to launch attacks", "Russia's plan to invade"
        return head, words.tag[verb] == "VBN" and first_object(verb, words) is None
    if dep in ("xcomp", "advcl") and infinitive:
        noun = first_object(head, words)  # 'weaken Hamas's ability | to launch': the noun's complement
        owner = possessor(noun, words) if noun is not None and noun + 2 == verb else None
        if owner is not None:
            return owner, False
    if dep in ("xcomp", "advcl", "conj"):
        if dep != "conj" and lemma(words.doc[head]) in OBJECT_CONTROL_VERBS:
            controller = first_object(head, words)
            if controller is not None:
                return controller, is_passive(verb, words)
        subject, head_undergoes = subject_of(head, words, depth + 1)
        # 'was substituted and replaced by X': a participle coordinated with a passive shares its voice
        shared_voice = dep == "conj" and head_undergoes and words.tag[verb] == "VBN" and not any(
            words.dep[c].startswith("aux") for c in words.children[verb])
        return subject, is_passive(verb, words) or shared_voice
    return None, False


def predicated_of(noun: int, words: Words) -> int:
    """The subject a noun is said of, where the noun names no actor itself: 'X is the state attorney who charged
    Y', 'X and Z are newcomers, citizens who voted for Y' (through an apposition; UD gives the noun the subject,
    ClearNLP makes it the copula's attr); else the noun."""
    if words.actor[noun] or named_actors(noun, words):
        return noun
    k = noun
    for _ in range(2):
        if words.dep[k] == "appos" and words.head[k] != k:
            k = words.head[k]
    subject = None
    if words.pos[k] in ("NOUN", "PROPN"):  # UD gives a noun a subject only where it is said of it
        subject = own_subject(k, words)
    if subject is None and words.dep[k] == "attr":
        subject = own_subject(words.head[k], words)
    return subject if subject is not None and named_actors(subject, words) else noun


def antecedent(pronoun: int, words: Words) -> int | None:
    """The noun a relative pronoun stands for where the parser tied its clause to another word ('X, whom Y
    appointed, and who now supports Z'): the noun of the last relative clause before it, else an actor right
    before it."""
    sentence_start = words.doc[pronoun].sent.start
    for k in range(pronoun - 1, sentence_start - 1, -1):
        if words.dep[k] in RELATIVE_CLAUSE_DEPS and words.head[k] < pronoun:
            return words.head[k]
    before = pronoun - 1
    while before > sentence_start and words.pos[before] == "PUNCT":
        before -= 1
    return before if words.actor[before] else None


def is_hypothetical(verb: int, words: Words) -> bool:
    """'might attack', 'if X attacks': not stated as having happened; nor is a verb coordinated with
    such a one that shares its subject ('unless he returned and cooperated with X')."""
    for child in words.children[verb]:
        if words.dep[child].startswith("aux") and words.lower[child] in HYPOTHETICAL_MODALS:
            return True
        if words.dep[child] == "mark" and words.lower[child] in CONDITIONAL_MARKS:
            return True
    head = words.head[verb]
    return (words.dep[verb] == "conj" and head != verb and own_subject(verb, words) is None
            and is_hypothetical(head, words))


def is_evaluation(noun: int, words: Words) -> bool:
    """A noun whose CAMEO root evaluates (EVALUATIVE_ROOTS: 'support', 'praise', 'criticism', 'solidarity'): its
    'of' and 'for' phrases name the one evaluated ('support for X', 'criticism of X'), not its agent or purpose."""
    if words.pos[noun] != "NOUN":
        return False
    code = cameo_code(singular(words.lower[noun]))
    return code is not None and code.root in EVALUATIVE_ROOTS


def carried_nouns(verb: int, words: Words) -> Iterator[int]:
    """Event nouns a verb carries: its object ('held talks', 'contemplating exercises', 'voiced support') and a
    statement it is made in ('said in a statement to')."""
    for child in words.children[verb]:
        if words.dep[child] in VERB_OBJECT_DEPS and (words.lower[child] in EVENT_NOUNS or is_evaluation(child, words)):
            yield child
    for link, noun in prepositional(verb, words):
        if link == "in" and words.lower[noun] in COMMUNICATION_NOUNS:
            yield noun


def owned_event(verb: int, words: Words) -> int | None:
    """The verb's object when it is an event noun with an agent of its own ('improve ISIL's defenses')."""
    noun = first_object(verb, words)
    if noun is None or words.lower[noun] not in EVENT_NOUNS:
        return None
    owners = [c for c in words.children[noun] if words.dep[c] in OWNER_DEPS and words.actor[c]]
    return noun if owners else None


def noun_links(noun: int, words: Words) -> list[tuple[str, int]]:
    """A noun's prepositional phrases; for a verb's object, also those the parser hung on the verb after
    it ('improve ISIL's defenses | against X' is read as the defenses against X)."""
    links = list(prepositional(noun, words))
    verb = words.head[noun]
    if words.dep[noun] in VERB_OBJECT_DEPS and verb != noun:
        links += [(link, n) for link, n in prepositional(verb, words) if n > noun]
    return links


def things_moved(verb: int, words: Words) -> list[int]:
    """The verb's objects that are things, not actors or events: where the parser hangs 'from X' or
    'to X' on them, the phrase says where the verb moved them ('sought shells and missiles from X')."""
    things = []
    for child in words.children[verb]:
        if words.dep[child] in VERB_OBJECT_DEPS:
            things += [k for k in conjuncts(child, words) if not words.actor[k] and words.lower[k] not in EVENT_NOUNS]
    return things


def is_range_end(verb: int, noun: int, words: Words) -> bool:
    """'to Y' after 'ranging from X' or 'varying from X': the far end of a range (but 'sent arms from its
    reserves to Ukraine' sends them to Ukraine)."""
    return any(lemma(words.doc[k]) in RANGE_VERBS for k in range(verb, noun)) and "from" in words.lower[verb + 1:noun]


def relative_object(verb: int, words: Words) -> int | None:
    """The noun a relative clause describes, where the clause's relative pronoun is its object ('X, whom Y
    appointed', 'the deal that Y signed')."""
    if words.dep[verb] not in RELATIVE_CLAUSE_DEPS:
        return None
    for child in words.children[verb]:
        if child < verb and words.lower[child] in ("whom", "which", "that", "who") and words.dep[child] in (
                VERB_OBJECT_DEPS | {"obl:unmarked"}) and own_subject(verb, words) not in (None, child):
            return words.head[verb]
    return None


def is_subjunctive(clause: int, words: Words) -> bool:
    """'(that) Y resign', 'Y be freed', 'Y should leave': a clause that says what is to be done, not what was ('that Y
    resigned', 'Y has left', 'Y leaves'). A small tagger may call its verb a noun ('that Y resign')."""
    auxiliaries = [words.lower[c] for c in words.children[clause] if words.dep[c].startswith("aux")]
    tag = words.tag[clause]  # the base form, which a tagger may also call present ('that Israel withdraw': VBP)
    indicative = tag in ("VBD", "VBZ", "VBG", "MD") or tag == "VBN" and "be" not in auxiliaries
    return not indicative and all(a in ("should", "be") for a in auxiliaries)


def verb_targets(verb: int, words: Words) -> Iterator[tuple[int, int | None, str | None]]:
    """(patient noun, event noun, preposition) for what an active verb acts on. Prepositional phrases after
    an object that is someone else's event are that event's ('improve ISIL's defenses against X')."""
    base = lemma(words.doc[verb])
    other_event = owned_event(verb, words)
    reports = base in SPEECH_VERBS and base not in ADDRESSEE_VERBS
    objects = [c for c in words.children[verb] if words.dep[c] in ("obj", "dobj") and words.pos[c] not in ("DET", "PRON")]
    relative = relative_object(verb, words)
    if relative is not None:  # 'X, whom Y appointed': Y appointed X
        yield relative, None, None
    if not objects and first_object(verb, words) is None and (words.lower[verb],) not in NAMING_VERBS and (
            base != "call"):  # 'also called Q-West' names, it does not act
        for child in words.children[verb]:  # 'ripped X' read as 'ripped' with X its secondary predicate
            if words.dep[child] in MISREAD_OBJECT_DEPS and words.pos[child] == "PROPN" and words.actor[child]:
                yield child, None, None
    for child in words.children[verb]:
        if reports or words.dep[child] not in VERB_OBJECT_DEPS:  # 'stated Montalvo left': a clause, no addressee
            continue
        if words.dep[child] in RECIPIENT_DEPS or len(objects) > 1 and child == objects[0]:
            # 'gave Chile the option', also where the parser reads both as objects: gave the option to Chile
            thing = next((c for c in objects if c != child), None)
            yield (child, thing, "to") if thing is not None else (child, None, None)
        elif child not in objects[1:] or words.actor[child]:
            yield child, None, None
        owner = possessor(child, words) if base in ADDRESSEE_VERBS and not words.actor[child] else None
        if owner is not None and words.actor[owner] and words.index.types[words.actor[owner]] == "ORG":
            yield owner, None, None  # "told ABC's 'This Week'": the network's programme is the network
    if base in DEMANDING_VERBS:  # 'demanded (that) Y resign': the one told what to do, in the subjunctive
        for clause in words.children[verb]:
            told = own_subject(clause, words) if words.dep[clause] == "ccomp" else None
            if told is not None and is_subjunctive(clause, words):
                yield told, None, None
    for link, noun in prepositional(verb, words):
        if other_event is not None and noun > other_event:
            continue
        if link == "to" and is_range_end(verb, noun, words):
            continue  # 'support ranging from X to Y': the end of a range, no addressee
        if is_target_link(link, base) and not is_absolute(noun, words):
            yield noun, None, link
        elif link == "from" and base in SEEKING_VERBS | RECEIVING_VERBS | REMOVING_VERBS:
            yield noun, None, link
    for thing in things_moved(verb, words) if base not in EMPTY_VERBS else ():
        for link, noun in prepositional(thing, words):  # 'fired rockets at X', 'signed a pact with X'
            if is_absolute(noun, words):
                continue
            if link == "from" and base in SEEKING_VERBS | RECEIVING_VERBS | REMOVING_VERBS or link == "at" or (
                    link in NOUN_TARGET_LINKS and is_target_link(link, base)):
                yield noun, thing, link  # 'at' after a thing: where it was aimed ('fired rockets at X')
    for event_noun in carried_nouns(verb, words):
        evaluated = possessor(event_noun, words) is None and is_evaluation(event_noun, words)
        for link, noun in prepositional(event_noun, words):
            if link in NOUN_TARGET_LINKS or link == "from" and base in RECEIVING_VERBS:  # 'received support from X'
                yield noun, event_noun, link
            elif link in ("of", "for") and evaluated:  # 'voiced support for X', 'tweeted support of X'
                yield noun, event_noun, link


def passive_phrases(verb: int, words: Words) -> list[tuple[str, int]]:
    """A passive verb's prepositional phrases, with a by-phrase the parser hung on another of them ('was invited
    to Washington | by X', 'was elected in 2010 | by voters'): a by-phrase on a noun that states no event of its
    own is the verb's agent."""
    phrases = list(prepositional(verb, words))
    misread = misread_agent(verb, words)
    if misread is not None:
        phrases.append(("by", misread))
    for link, noun in list(phrases):
        if link != "by" and words.lower[noun] not in EVENT_NOUNS:
            phrases += [(inner, n) for inner, n in prepositional(noun, words) if inner == "by"]
    return phrases


def passive_in_event(verb: int, subject: int, noun: int, words: Words) -> Iterator[Event]:
    """'was engaged in negotiations with X': the subject is the event noun's agent; 'was killed in a raid
    by X': the event's own agent acts on the subject."""
    for link, other in prepositional(noun, words):
        if link == "by":
            for agent in named_actors(other, words):
                for patient in named_actors(subject, words):
                    yield Event(agent, patient, verb, noun, None)
        elif link in NOUN_TARGET_LINKS:
            for agent in named_actors(subject, words):
                for patient in named_actors(other, words):
                    yield Event(agent, patient, verb, noun, link)


def statement_events(verb: int, subject: int, words: Words) -> Iterator[Event]:
    """'said in a statement to X', 'said in an interview with X': the speaker addresses X."""
    for link, noun in prepositional(verb, words):
        if link == "in" and words.lower[noun] in COMMUNICATION_NOUNS:
            for to, target in prepositional(noun, words):
                if to in ("to", "with"):
                    for agent in named_actors(subject, words):
                        for patient in named_actors(target, words):
                            yield Event(agent, patient, verb, noun, to)


def clause_events(sent: Span, words: Words) -> Iterator[Event]:
    """Events stated by a verb and its arguments, active or passive, with inherited subjects."""
    for verb in range(sent.start, sent.end):
        if words.pos[verb] != "VERB":  # a hypothetical verb's events are kept: status.py marks them
            continue
        base = lemma(words.doc[verb])
        subject, undergoes = subject_of(verb, words)
        if subject is None:
            continue
        if base in NOT_EVENT_VERBS:  # 'said X' is about X; 'said in a statement to X' addresses X
            yield from statement_events(verb, subject, words)
            continue
        if undergoes:  # the passive: the by-phrase acts on the subject
            for link, noun in passive_phrases(verb, words):
                if link == "by":
                    for agent in named_actors(noun, words):
                        for patient in named_actors(subject, words):
                            yield Event(agent, patient, verb)
                elif link == "in" and words.lower[noun] in EVENT_NOUNS:
                    yield from passive_in_event(verb, subject, noun, words)
            continue
        # an adverbial clause's subject is inherited least surely, and its object is often a topic ('to address Y's
        # needs'): no owner is read there
        owning = words.dep[verb] != "advcl"
        agents = named_actors(subject, words)
        owned_agent = not agents and owning
        agents = agents or (owners_of(subject, words) if owning else [])
        if not agents:
            continue
        for target, event_noun, link in verb_targets(verb, words):
            if base in EMPTY_VERBS and event_noun is None:
                continue  # 'had a team', 'took the country': the verb alone states no event
            patients = named_actors(target, words)
            owned = owned_agent or not patients
            for patient in patients or (owners_of(target, words) if owning else []):
                for agent in agents:
                    if link == "from" and base in RECEIVING_VERBS:
                        yield Event(patient, agent, verb, event_noun, link, owned)
                    else:
                        yield Event(agent, patient, verb, event_noun, link, owned)


def adjective_events(sent: Span, words: Words) -> Iterator[Event]:
    """'X has been critical of Y', 'X is supportive of Y': an event adjective after a copula acts from the
    subject on its 'of'/'to' phrase. UD makes the adjective the head (its subject is its own); ClearNLP makes
    the copula the head and the adjective its acomp."""
    for adjective in range(sent.start, sent.end):
        if words.lower[adjective] not in EVENT_ADJECTIVES or words.pos[adjective] not in ("ADJ", "VERB"):
            continue
        head = words.head[adjective] if words.dep[adjective] == "acomp" else adjective
        subject = own_subject(head, words)
        if subject is None:
            subject, _ = subject_of(head, words)
        if subject is None:
            continue
        for link, noun in prepositional(adjective, words):
            if link in ("of", "to", "toward", "towards"):
                for agent in named_actors(subject, words):
                    for patient in named_actors(noun, words):
                        yield Event(agent, patient, adjective)  # the adjective's verb names it: relations.py


def agent_noun(token: int, words: Words) -> str | None:
    """The verb an agent noun names ('supporters' -> 'support'), if the token is one."""
    verb = AGENT_NOUNS.get(singular(words.lower[token])) if words.pos[token] == "NOUN" else None
    return verb.split()[0] if verb else None


def agent_noun_events(sent: Span, words: Words) -> Iterator[Event]:
    """'X, a Y supporter', 'X, an ally of Y', 'X is a critic of Y', 'X became allies of Y': an agent noun said of
    an actor (in apposition, or as what the subject is) acts on the actor that modifies it or its of/to phrase."""
    for noun in range(sent.start, sent.end):
        if agent_noun(noun, words) is None:
            continue
        if words.dep[noun] == "appos" and words.head[noun] != noun:
            agents = named_actors(words.head[noun], words)
        else:
            said_of = predicated_of(noun, words)
            agents = named_actors(said_of, words) if said_of != noun else []
            if not agents and words.dep[noun] in ("attr", "xcomp", "oprd"):  # 'X became allies of Y' (ClearNLP)
                subject = own_subject(words.head[noun], words)
                agents = named_actors(subject, words) if subject is not None else []
        link = next(iter(AGENT_NOUNS[singular(words.lower[noun])].split()[1:]), None)  # 'ally with'
        targets = [c for c in words.children[noun] if words.dep[c] in ("compound", "nmod:poss", "poss")]
        targets += [n for link, n in prepositional(noun, words) if link in ("of", "to")]
        for target in targets:
            for patient in named_actors(target, words):
                for agent in agents:
                    yield Event(agent, patient, noun, None, link)


def nominal_events(sent: Span, words: Words) -> Iterator[Event]:
    """Events stated by an event noun with its own agent: "X's attack on Y", 'strikes by X against Y',
    'US strikes on Y', 'his visit to Y'."""
    for noun in range(sent.start, sent.end):
        if words.lower[noun] not in EVENT_NOUNS or words.pos[noun] != "NOUN":
            continue
        links = noun_links(noun, words)
        agent_words = [c for c in words.children[noun] if words.dep[c] in OWNER_DEPS]
        agent_words += [n for link, n in links if link == "by"]
        agents = [a for word in agent_words for a in named_actors(word, words)]
        if not agents and any(link in NOUN_TARGET_LINKS and link != "of" for link, _ in links):
            # 'the visit of X to Y', 'the meeting of X with Y': beside a target, the of-phrase names the agent
            agents = [a for link, n in links if link == "of" for a in named_actors(n, words)]
            links = [(link, n) for link, n in links if link != "of"]
        for agent in [n for link, n in links if link == "by"]:  # 'strikes by X | against Y'
            links += [(link, n) for link, n in prepositional(agent, words) if n > agent]
        for link, target in links:
            if link not in NOUN_TARGET_LINKS and not (link in ("of", "into") and agents) and not (
                    link == "for" and agents and is_evaluation(noun, words)):  # "X's defeat of Y", "X's support for Y"
                continue
            patients = named_actors(target, words)
            owner = possessor(target, words) if not patients and link in ("of", "into") else None
            if owner is not None and words.actor[owner]:  # "X's probe into Y's emails": Y is probed
                patients = [owner]
            for patient in patients:
                for agent in agents:
                    yield Event(agent, patient, noun, None, link)
        if agents and words.lower[noun] in ACCUSATION_NOUNS:
            for clause in words.children[noun]:  # "X's accusation that Y and Z created it"
                if words.dep[clause] in CLAUSE_COMPLEMENT_DEPS and any(
                        words.lower[c] == "that" and c < clause for c in words.children[clause]):
                    subject = own_subject(clause, words)
                    for patient in named_actors(subject, words) if subject is not None else ():
                        for agent in agents:
                            yield Event(agent, patient, noun, None, "against")


def actor_start(token: int, words: Words, lowest: int) -> int:
    """First token of the actor mention `token` ends, not before `lowest` (the sentence's start)."""
    while token > lowest and words.actor[token - 1] == words.actor[token]:
        token -= 1
    return token


def adjacent_events(sent: Span, words: Words, read_verbs: set[int]) -> Iterator[Event]:
    """'Nacer Chadli replaced Axel Witsel', 'Belgium defeated debutants Panama': an actor, a verb and
    an actor next to each other, where the parse tied the verb to neither (a small parser often reads
    such a headline-like clause as one noun phrase). Between verb and target only a linking
    preposition, a determiner and words describing the target may stand."""
    for verb in range(sent.start + 1, sent.end - 1):
        if verb in read_verbs or words.actor[verb] or words.dep[verb] == "acl" and not words.actor[verb - 1]:
            continue  # 'the group founded by X' describes the group; 'X backed Y' read as 'X (backed)' does not
        if not (words.tag[verb].startswith("VB") or words.actor[verb - 1] and is_misread_verb(verb, words)):
            continue  # a misread verb is only looked up right after an actor: the lookup is the costly part
        base = lemma(words.doc[verb])
        if base in NOT_EVENT_VERBS or base in EMPTY_VERBS:
            continue
        reports = base in SPEECH_VERBS and base not in ADDRESSEE_VERBS
        before = verb - 1
        while before > sent.start and words.pos[before] == "ADV":
            before -= 1
        if words.lower[before] in RELATIVE_PRONOUNS and words.dep[verb] in RELATIVE_CLAUSE_DEPS:
            before = words.head[verb]  # 'X, who backs Y': the relative pronoun stands for the noun before it
        if not words.actor[before]:
            continue
        subject = own_subject(verb, words)
        if subject is not None and words.lower[subject] in RELATIVE_PRONOUNS and words.dep[verb] in RELATIVE_CLAUSE_DEPS:
            subject = words.head[verb]
        if subject is not None and words.actor[subject] != words.actor[before]:
            continue  # 'Gen. X, commander, Central Command met with Y': the parse found the subject
        opener = actor_start(before, words, sent.start) - 1
        if opener >= sent.start and (words.lower[opener] in ADJACENT_BLOCKERS or (
                words.dep[opener] == "case" and words.lower[opener] not in CLAUSAL_PREPOSITIONS)):
            continue  # 'within X called Y': an actor after a preposition is no subject
        after, link, thing = verb + 1, None, None
        if words.lower[after] in NOUN_TARGET_LINKS:
            after, link = after + 1, words.lower[after]
            if not is_target_link(link, base):
                continue  # 'transmits on X': 'on' names a target only after a few verbs
        elif words.lower[after] in PRECONJUNCTIONS and not reports:
            after += 1  # 'backed both X and Y'
        elif reports:
            continue  # 'stated Montalvo left': what follows a reporting verb is what was said
        if after >= sent.end:
            continue  # 'Putin met with' ends the sentence: no target
        while after < sent.end - 1 and not words.actor[after] and (
                words.pos[after] in ("DET", "ADJ") or words.pos[after] == "NOUN" and words.text[after].islower()):
            after += 1
            if link is None and after > verb + 1 and words.lower[after] in NOUN_TARGET_LINKS and (
                    base not in EMPTY_VERBS):  # 'sent tanks to X': past what was sent, the one it went to
                thing = after - 1 if words.pos[after - 1] == "NOUN" else None
                after, link = after + 1, words.lower[after]
        end = after
        while end + 1 < sent.end and words.actor[end + 1] == words.actor[after]:
            end += 1
        owned = end + 1 < sent.end and words.lower[end + 1] in POSSESSIVE_MARKS  # "rejected Maliki's choice"
        if words.actor[after] and words.actor[after] != words.actor[before] and not owned:
            for patient in conjuncts(after, words):  # 'backed both X and Y'
                if words.actor[patient] and words.actor[patient] != words.actor[before]:
                    yield Event(before, patient, verb, thing, link)


def is_misread_verb(token: int, words: Words) -> bool:
    """A past form that only a verb has ('sent', 'backed'), which the tagger read as a noun or adjective inside a
    noun phrase ('Germany sent tanks' as one phrase): word order may still read it as the verb."""
    if words.pos[token] not in ("NOUN", "ADJ") or not words.text[token].islower():
        return False
    uses = word_lemmas(words.lower[token])
    return set(uses) == {"VERB"} and words.lower[token] not in uses["VERB"]


def sentence_events(sent: Span, words: Words) -> Iterator[Event]:
    """Every construction's events in one sentence: clauses, event nouns, then adjacent words."""
    events = list(clause_events(sent, words))
    yield from events
    yield from nominal_events(sent, words)
    yield from adjective_events(sent, words)
    yield from agent_noun_events(sent, words)
    yield from adjacent_events(sent, words, {event.verb for event in events})


ACTING_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


def acts(actor_id: str, actors_by_id: dict) -> bool:
    """People, organisations, groups and countries act; a city or region the gazetteer knows is where
    things happen. A 'place' it does not know is more often an organisation the tagger mislabelled."""
    actor = actors_by_id[actor_id]
    if actor.type not in ACTING_TYPES:
        return False
    if actor.type != "GPE" or is_country(actor.name):
        return True
    words = actor.name.split()
    # 'Diyala Province'; 'eastern Ukraine', 'northern Iraq': a part of a place, where things happen
    named_as_region = bool({w.lower() for w in words} & PLACE_NOUNS - {"state"}) or len(words) > 1 and (
        words[0] in DIRECTIONS and " ".join(words[1:]) in places())
    named_as_site = actor.name.split()[-1].lower() in GEOGRAPHIC_HEADS | FACILITY_HEADS  # 'Mosul Dam', 'Q-West Airfield'
    return actor.name not in places() and not named_as_region and not named_as_site
