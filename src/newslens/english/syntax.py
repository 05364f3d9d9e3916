"""Dependency and part-of-speech questions about tokens, with or without a parser.

With a trained pipeline they read tags and dependencies; with the rules-only pipeline they fall back on
lemminflect and word shape, so both backends answer the same questions.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newslens.english.inflection import word_lemmas
from newslens.english.lexicon import NEGATIONS, RELATIVE_PRONOUNS, VERB_PRECEDERS

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"}
RELATIVE_CLAUSE_DEPS = {"relcl", "acl:relcl"}


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("POS")


def is_verb(token: Token, tagged: bool | None = None) -> bool:
    """A content verb: from the tagger when there is one, else a word that inflects as a verb.

    `tagged` is has_tags(token.doc), for callers asking of many tokens: the check scans the whole doc."""
    if has_tags(token.doc) if tagged is None else tagged:
        return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "root"))
    text = token.lower_
    if not (token.is_alpha and token.is_lower):
        return False
    after_auxiliary = token.i > 0 and token.doc[token.i - 1].lower_ in VERB_PRECEDERS and not token.is_stop
    return after_auxiliary or (text.endswith(("ed", "es", "ing")) and len(text) > 4)


def is_noun(token: Token, tagged: bool | None = None) -> bool:
    """A common noun: from the tagger when there is one, else a lower-case word English uses only as a noun.

    `tagged` is has_tags(token.doc), as for is_verb."""
    if has_tags(token.doc) if tagged is None else tagged:
        return token.pos_ == "NOUN"
    uses = word_lemmas(token.lower_)
    return token.is_alpha and token.is_lower and "NOUN" in uses and "VERB" not in uses


def clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj/advcl chains ('went on to emphasize'); in a
    relative clause, the noun the relative pronoun stands for ('the squadron, which will fly ...')."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ in RELATIVE_CLAUSE_DEPS:
            return verb.head
        if subjects:
            return subjects[0]
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def is_negated(verb: Token) -> bool:
    """A negation on the verb ('did not attack') or among the three words before it. Without a parse (--model
    rules) a token's children are not read: spaCy can crash reading them in a Doc nothing has parsed."""
    parsed = verb.doc.has_annotation("DEP")
    return parsed and any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.i < verb.i for c in verb.children) or any(
        t.lower_ in NEGATIONS for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i])
