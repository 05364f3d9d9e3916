"""Status of an event: whether the text asserts it, reports it from a source, plans it, supposes it or denies it.

Small pure functions over a parsed sentence (events.py's Words): an event's predicate is read with the words on
its path up the parse, through the verbs that control it ('plans to meet', 'refused to meet'), to the verb of
saying whose complement it is ('X claimed that ...') or an 'according to X' on the way.

- negated: 'did not meet', 'refused to meet', 'avoided criticising'; a denial keeps its source, the one who
  denies ('X denied buying arms from Y', 'X denied that Y had attacked Z');
- hypothetical: 'might attack', 'if X attacks', 'a possible attack';
- planned: 'will travel', 'plans to meet', 'is set to visit', 'is expected to sign', 'a planned visit';
- reported: 'X claimed that ...', 'according to X', 'reportedly', with the source's token where it is named;
- asserted: none of these.
A planned event the text reports keeps the source too ('Kim is reportedly planning to travel').
"""
from __future__ import annotations

from newslens.english.lexicon import (
    DENIAL_VERBS, FUTURE_AUXILIARIES, HYPOTHETICAL_MODALS, HYPOTHETICAL_WORDS, NEGATING_VERBS, PLAN_VERBS, PLAN_WORDS,
    REPORTING_ADVERBS, SPEECH_VERBS,
)
from newslens.english.inflection import lemma
from newslens.english.syntax import is_negated
from newslens.extract.words import Words

ASSERTED, REPORTED, PLANNED, HYPOTHETICAL, NEGATED = "asserted", "reported", "planned", "hypothetical", "negated"
STATUSES = (ASSERTED, REPORTED, PLANNED, HYPOTHETICAL, NEGATED)
CONTROL_DEPS = frozenset({"xcomp", "conj"})
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
STOP_DEPS = frozenset({"relcl", "acl:relcl", "acl", "csubj", "advcl"})
MAX_CLIMB = 8


def according_to(verb: int, words: Words) -> int | None:
    """The noun of an 'according to X' on the verb, in either scheme (UD: X obl with case 'according';
    ClearNLP: 'according' prep -> 'to' prep -> X pobj)."""
    for child in words.children[verb]:
        if words.lower[child] == "according":
            for to in words.children[child]:
                noun = next((g for g in words.children[to] if words.dep[g] == "pobj"), None)
                if noun is not None:
                    return noun
        elif any(words.lower[g] == "according" for g in words.children[child]):
            return child
    return None


def speaker_of(verb: int, words: Words) -> int | None:
    """The subject of a verb of saying."""
    return next((c for c in words.children[verb] if words.dep[c] in ("nsubj", "nsubj:outer") and
                 words.text[c].strip()), None)


def event_status(predicate: int, words: Words, hypothetical: bool = False) -> tuple[str, int | None]:
    """(status, source token or None) of the event a verb or an event noun states. `hypothetical`: the event
    reader found the verb conditional or modal (events.is_hypothetical); a 'would' in what someone said is the
    future seen from then ('said Kim would travel'): planned, and reported."""
    noun = words.pos[predicate] == "NOUN"
    if not noun and is_negated(words.doc[predicate]):
        return NEGATED, None
    status, source, reported = ASSERTED, None, False
    future_in_past = hypothetical and any(words.lower[c] == "would" for c in words.children[predicate]) and not any(
        words.dep[c] == "mark" and words.lower[c] in ("if", "unless", "whether") for c in words.children[predicate])
    if noun:
        modifiers = {words.lower[c] for c in words.children[predicate] if words.dep[c] in ("amod", "compound")}
        if modifiers & HYPOTHETICAL_WORDS:
            return HYPOTHETICAL, None
        if modifiers & PLAN_WORDS:
            status = PLANNED
    k = predicate
    for _ in range(MAX_CLIMB):
        children = words.children[k]
        if status == ASSERTED and not reported and any(
                words.dep[c].startswith("aux") and words.lower[c] in FUTURE_AUXILIARIES for c in children):
            status = PLANNED
        if any(words.lower[c] in REPORTING_ADVERBS for c in children):
            reported = True
        named = according_to(k, words)
        if named is not None:
            reported, source = True, source if source is not None else named
        dep, head = words.dep[k], words.head[k]
        infinitive = any(words.lower[c] == "to" for c in children)  # 'to meet': controlled, or a purpose
        if head == k or dep in STOP_DEPS and not infinitive or reported and source is not None:
            break
        base = lemma(words.doc[head])
        if dep in CONTROL_DEPS or infinitive:
            if dep != "conj" and (is_negated(words.doc[head]) or base in NEGATING_VERBS):
                # 'did not agree to meet', 'refused to meet'; 'denied buying arms': the denier is the source
                return NEGATED, speaker_of(head, words) if base in DENIAL_VERBS else None
            modals = {words.lower[c] for c in words.children[head] if words.dep[c].startswith("aux")}
            if dep != "conj" and modals & HYPOTHETICAL_MODALS:
                hypothetical = True  # 'could try to meet'; 'said Kim would travel to meet': planned
                future_in_past = future_in_past or modals == {"would"}
            if dep != "conj" and (base in PLAN_VERBS or words.lower[head] in PLAN_WORDS) and not reported:
                status = PLANNED
        elif dep in REPORTED_DEPS and base in SPEECH_VERBS:
            if base in DENIAL_VERBS and not is_negated(words.doc[head]):
                return NEGATED, speaker_of(head, words)  # 'X denied that Y attacked Z'
            reported, source = True, speaker_of(head, words)
            break
        k = head
    if hypothetical:
        if not (future_in_past and reported):
            return HYPOTHETICAL, None
        status = PLANNED
    if reported and status == ASSERTED:
        status = REPORTED
    return status, source
