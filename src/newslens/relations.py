"""Relations: actor -> actor with a predicate, negation, evidence sentence and coarse event class.

Within a sentence, a relation holds between a subject actor and an actor the same verb governs
(through the parse), or, without a parser, between two actors with a verb between them and no
coordination joining them. Light verbs take their event noun ("issued a warning" -> warning).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newslens.lexicon import EVENT_CLASS_OF, LIGHT_VERBS, SPEECH_VERBS
from newslens.model import Actor, Relation
from newslens.syntax import AUXILIARIES, MentionIndex, clause_subject, has_parse, is_negated, is_verb, lemma

MAX_TOKENS_BETWEEN = 25


def predicate_of(verb: Token, target_start: int) -> tuple[str, str | None]:
    """Predicate lemma and event class, reading a light verb's object noun when there is one."""
    base = lemma(verb)
    if base in LIGHT_VERBS:
        noun = next((t for t in verb.doc[verb.i + 1:target_start] if t.is_alpha and t.lower_ in EVENT_CLASS_OF
                     and not is_verb(t)), None)
        if noun is not None:
            return f"{base} {noun.lemma_.lower() or noun.lower_}", EVENT_CLASS_OF[noun.lower_]
    return base, EVENT_CLASS_OF.get(base)


def governing_verb(token: Token) -> Token | None:
    """Nearest verb above a token in the parse."""
    for anc in token.ancestors:
        if anc.pos_ in ("VERB", "AUX") or anc.dep_ in ("ROOT", "root"):
            return anc
    return None


def parsed_pairs(sent: Span, index: MentionIndex):
    """(source token, target token, verb) where the source is the verb's subject and the verb governs the target."""
    tokens = [(t, index.of_token(t)) for t in sent if index.of_token(t)]
    heads = {}
    for tok, actor_id in tokens:
        heads.setdefault((actor_id, tok.idx), tok)
    for source, source_id in tokens:
        verb = governing_verb(source)
        if verb is None:
            continue
        subject = clause_subject(verb)
        if subject is None or source not in list(subject.subtree):
            continue
        for target, target_id in tokens:
            if target_id == source_id or target.i <= verb.i:
                continue
            if verb in target.ancestors and not any(
                    a.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for a in _path(target, verb)):
                yield source, target, verb


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    cur = token
    while cur is not top and cur.head is not cur:
        path.append(cur)
        cur = cur.head
    return path


def surface_pairs(sent: Span, index: MentionIndex):
    """Two actors with a content verb between them and no 'and'/'between' linking them as a list."""
    doc = sent.doc
    tokens = [(t, index.of_token(t)) for t in sent if index.of_token(t)]
    for n, (source, source_id) in enumerate(tokens):
        for target, target_id in tokens[n + 1:]:
            if target_id == source_id or target.i - source.i > MAX_TOKENS_BETWEEN:
                continue
            between = doc[source.i + 1:target.i]
            if any(t.text in {";", "“", "”", '"'} for t in between):
                continue
            if doc[source.i - 1].lower_ in ("between", "with", "and") if source.i else False:
                continue
            verbs = [t for t in between if is_verb(t) and lemma(t) not in AUXILIARIES and not index.of_token(t)]
            if verbs and not (len(between) and between[-1].lower_ in ("and", "or")):
                yield source, target, verbs[0]


def extract_relations(doc: Doc, actors: list[Actor]) -> list[Relation]:
    """Actor -> actor relations, one per (source, predicate, target, sentence), in text order."""
    index = MentionIndex(actors)
    seen = set()
    relations = []
    pairs = parsed_pairs if has_parse(doc) else surface_pairs
    for sent in doc.sents:
        for source, target, verb in pairs(sent, index):
            source_id, target_id = index.of_token(source), index.of_token(target)
            if lemma(verb) in SPEECH_VERBS and lemma(verb) not in EVENT_CLASS_OF:
                continue
            predicate, category = predicate_of(verb, target.i)
            key = (source_id, predicate, target_id, sent.start_char)
            if key in seen:
                continue
            seen.add(key)
            relations.append(Relation(source=source_id, predicate=predicate, target=target_id,
                                      sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char,
                                      negated=is_negated(verb), category=category))
    return relations
