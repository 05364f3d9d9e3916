"""Affiliations: who belongs to whom, as the text states it in a title, an apposition or a possessive.

"FAA Administrator Linda Marsh", "Ana Ruiz of the Green Party", "Labour's Shadow Health Secretary Tom Reyes",
"Peter Olsen, a spokesman for the Red Cross", "the Afghan ambassador Zalmay Rahimi" (the demonym gives the
country), "Seoul's unification ministry", "Sen. Ana Ruiz (D-Ore.)" (the party letter gives the party the article
names), "X and his deputy, Ana Berg" (a role owned by a possessive determiner: the person is its owner's), "Ana
Ruiz, who served as the mayor of Lima" (a role a copula or a relative clause states). A name inside a title stands
for the actor whose name has its word forms ('Democratic nominee Ana Ruiz': the actor 'Democrats' or 'the
Democratic Party'). Each is one `Relation` with category 'affiliation', the role head as
predicate ('administrator', 'spokesman'; 'of' where the text names no role) and the title as evidence.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newslens.extract.evidence import evidence_span, is_hard_wrapped
from newslens.english.gazetteer import demonyms, places
from newslens.english.cameo import singular
from newslens.english.lexicon import (ORG_HEADS, PARTY_LETTERS, PARTY_NICKNAMES, POSSESSIVE_MARKS, PRONOUNS_PERSON,
                                      ROLE_CLAUSE_FILLERS, ROLE_COPULAS, ROLE_HEADS, ROLE_SERVING)
from newslens.model import AFFILIATION, Actor, Relation
from newslens.pipeline.titles import Title, role_phrase, title_after, title_before
from newslens.english.syntax import SUBJECT_DEPS
from newslens.english.tokens import doc_text
from newslens.extract.mentions import MentionIndex


# "(D-Ore.)", "(R-N.Y.)", ", R-Texas" right after a name: the party letter, then the state
PARTY_CODE = re.compile(r"[ \t]*(\(|,[ \t]*)([A-Z])[ \t]?-[ \t]?[A-Z][A-Za-z.]*(?:[ \t][A-Z][a-z.]+)?\)?")
WORD_RUN = re.compile(r"[^\W\d_]+")


def name_form(text: str) -> tuple[str, ...]:
    """The word forms a name shares with its other forms: lower-cased, singular, an adjective in '-ic' as its noun
    ('Democratic' and 'the Democrats' -> ('democrat',)), a party nickname as the party's word ('GOP' ->
    ('republican',)), without the heads of organisation names ('Democratic Party' -> ('democrat',))."""
    forms = []
    for word in WORD_RUN.findall(text.lower()):
        word = singular(PARTY_NICKNAMES.get(word, word))
        if word.endswith("ic") and len(word) > 6:
            word = word[:-2]
        if word not in ORG_HEADS and word != "the":
            forms.append(word)
    return tuple(forms)


def actors_by_form(actors: list[Actor]) -> dict[tuple[str, ...], str]:
    """Each word form of a non-person actor's names -> the actor; where two actors share a form, the one named
    more often."""
    ranked = sorted((a for a in actors if a.type != "PERSON"), key=lambda a: -len(a.mentions))
    found: dict[tuple[str, ...], str] = {}
    for actor in ranked:
        for name in (actor.name, *actor.aliases):
            form = name_form(name)
            if form:
                found.setdefault(form, actor.id)
    return found


def party_code(ent: Span, forms: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    """'Sen. Ana Ruiz (D-Ore.)': the actor of the party the letter stands for, if the article names it, and the
    end of the code."""
    text = doc_text(ent.doc)
    code = PARTY_CODE.match(text, ent.end_char)
    if code is None or code[1] == "(" and not code[0].endswith(")") or code[2] not in PARTY_LETTERS:
        return None
    party = forms.get((PARTY_LETTERS[code[2]],))
    return (party, code.end()) if party is not None else None


def named_words(title: Title, forms: dict[tuple[str, ...], str]) -> tuple[Span, ...]:
    """Capitalised words of a title outside the names the parse found in it that have the word forms of an
    actor's name ('Republican' in 'Republican nominee Ana Ruiz', where the article names 'the Republicans'). A
    demonym is left to the title's own reading ('Afghan' in "the Afghan team's coach" qualifies the team)."""
    covered = {t.i for body in title.affiliations for t in body}
    doc = title.span.doc
    return tuple(doc[k:k + 1] for k in range(title.span.start, title.span.end)
                 if k not in covered and doc[k].text[:1].isupper() and doc[k].is_alpha
                 and doc[k].text not in demonyms() and name_form(doc[k].text) in forms)


def person_titles(ent: Span) -> list[Title]:
    """The titles written around one mention of a person, before it first."""
    return [title for title in (title_before(ent), title_after(ent)) if title is not None]


def of_phrase(ent: Span, ents_at: dict[int, Span]) -> Span | None:
    """'Ana Ruiz of the Green Party': the body named right after a person's name."""
    doc = ent.doc
    k = ent.end
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    body = ents_at.get(k + 1 + (doc[k + 1].lower_ == "the"))
    if body is None or body.label_ not in ("ORG", "GPE"):
        return None
    owns = body.end < len(doc) and doc[body.end].lower_ in POSSESSIVE_MARKS
    return None if owns else body  # 'of Italy's la Repubblica': the paper, not Italy


def target_of(span: Span, index: MentionIndex, countries: dict[str, str],
              forms: dict[tuple[str, ...], str] | None = None) -> str | None:
    """The actor a name inside a title stands for: a demonym or a capital stands for its country, else the
    actor named inside the span, else the one whose names have its word forms ('Democratic' for 'the
    Democrats'), else the one whose mention covers it ('Joe Biden' in 'U.S. President Joe Biden', the person an
    advisor is to)."""
    country = demonyms().get(span.text)
    place = places().get(span.text)
    if country is None and place is not None:
        country = place.country or place.name
    if country in countries:
        return countries[country]
    inside = index.in_range(span.start_char, span.end_char)
    if inside:
        return inside[0][2]
    named = forms.get(name_form(span.text)) if forms else None
    return named or index.at(span.start_char)  # or the one whose mention, title and all, it is


def owning_place(ent: Span) -> Span | None:
    """"Seoul's unification ministry": the place that owns an organisation named with its possessive."""
    for k in range(ent.start + 1, min(ent.end, ent.start + 4)):
        if ent.doc[k].lower_ in POSSESSIVE_MARKS:
            owner = ent.doc[ent.start:k]
            return owner if owner.text in places() else None
    return None


POSSESSIVE_ROLE_REACH = 5  # words from 'his' to the role head: 'his combative former campaign manager'
# The possessive determiners whose owner one actor is: 'its' an organisation or a country, 'his'/'her' a person
# ('their' has many owners, left out).
OWNER_DETERMINERS = frozenset({"his", "her", "its"})


def is_role_word(token: Token) -> bool:
    """A lower-case word that can stand inside a role after its possessive ('former', 'campaign')."""
    return token.is_lower and (token.is_alpha or "-" in token.text) and token.pos_ not in ("VERB", "AUX", "ADP")


def possessive_role(doc: Doc, first: int, limit: int) -> int | None:
    """'his combative former campaign manager' from `first` (the determiner): the index of the role head ending
    the run of role words, or None where the words after the determiner are not a role."""
    k = first + 1
    while k < min(limit, first + 1 + POSSESSIVE_ROLE_REACH) and is_role_word(doc[k]):
        k += 1
    return k - 1 if k - 1 > first and doc[k - 1].lower_ in ROLE_HEADS else None


def predicated_title(ent: Span) -> Title | None:
    """The role a clause right after a person's name says the person has or had: a relative clause ('X, who
    served as White House counsel', 'X, who is the chairman of Y') or the sentence's own copula ('X was a
    Republican senator from Y', 'X has become a senior adviser to Y'). Read as the title after a comma is."""
    doc = ent.doc
    k = ent.end
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "who":
        k += 2
    elif not (k < len(doc) and (ent.start == ent.sent.start or doc[ent.start - 1].lower_ in ("the", "and"))):
        return None  # a copula of the sentence only where the name opens it: not 'the aide of X is a ...'
    verb = None
    while k < len(doc) and verb is None:
        lower = doc[k].lower_
        if lower in ROLE_SERVING and k + 1 < len(doc) and doc[k + 1].lower_ == "as":
            verb = k + 1
        elif lower in ROLE_COPULAS and not (k + 1 < len(doc) and doc[k + 1].lower_ in ROLE_COPULAS | ROLE_SERVING):
            verb = k
        elif lower in ROLE_CLAUSE_FILLERS | ROLE_COPULAS:
            k += 1  # 'has since', 'had been serving as'

        else:
            return None
    return role_phrase(doc, verb + 1) if verb is not None else None


def possessive_apposition(ent: Span) -> tuple[Token, Span] | None:
    """A role owned by a possessive determiner, in apposition to a person's name: 'Corey Lind, his former
    campaign manager', 'Its lead researcher, Ana Berg,', 'X and his deputy Rick Galt'. The person is the
    owner's ('his' is someone else than the person the apposition describes). (the determiner, the role)."""
    doc = ent.doc
    k = ent.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in OWNER_DETERMINERS:
        head = possessive_role(doc, k + 1, len(doc))
        after = head + 1 if head is not None else None
        if after is not None and (after == len(doc) or doc[after].is_punct or doc[after].is_sent_start):
            return doc[k + 1], doc[k + 2:head + 1]
    end = ent.start - (ent.start > 0 and doc[ent.start - 1].text == ",")
    for first in range(max(0, end - POSSESSIVE_ROLE_REACH - 1), end - 1):
        if doc[first].lower_ in OWNER_DETERMINERS and possessive_role(doc, first, end) == end - 1:
            return doc[first], doc[first + 1:end]
    return None


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause a token is in: the nearest verb above it with a subject of its own."""
    for _ in range(12):
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and token.pos_ in ("VERB", "AUX"):
            return subject
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def possessor_of(determiner: Token, member: str, ent: Span, index: MentionIndex) -> str | None:
    """The actor a possessive determiner stands for. 'his'/'her': the person coreference gave it to unless that
    is the member (a person is not their own campaign manager), else the subject of the clause the apposition is
    in ('He relied on X, his manager'), if a person. 'its': the nearest organisation or country mentioned
    before it in its sentence or the one before ('The institute ... Its researcher, X')."""
    if determiner.lower_ in PRONOUNS_PERSON:
        resolved = index.at(determiner.idx)
        if resolved is None or resolved == member:
            subject = clause_subject(ent.root)
            resolved = index.at(subject.idx) if subject is not None else None
        return resolved if resolved != member and index.types.get(resolved) == "PERSON" else None
    sentence = determiner.sent
    previous = sentence.start - 1
    reach = determiner.doc[previous].sent.start_char if previous >= 0 else sentence.start_char
    for start, end, actor, _ in reversed(index.in_range(reach, determiner.idx)):
        if actor != member and index.types.get(actor) != "PERSON" and not is_modifier(determiner.doc, start, end):
            return actor
    return None


def is_modifier(doc: Doc, start: int, end: int) -> bool:
    """A mention that only modifies a noun ('Ukrainian soldiers', 'the Ukraine office') names no owner for a later
    'its': the owner is an actor the text talks about, not a word describing something else."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and (span.root.dep_ in ("amod", "compound") or span.root.tag_ == "JJ")


def extract_affiliations(doc: Doc, actors: list[Actor]) -> list[Relation]:
    """Every stated affiliation, once per (member, role, body) in the article, where it is first stated."""
    index = MentionIndex(actors)
    types = {a.id: a.type for a in actors}
    countries = {a.name: a.id for a in actors if a.type == "GPE"}
    forms = actors_by_form(actors)
    found: dict[tuple[str, str, str], Relation] = {}
    hard_wrapped = is_hard_wrapped(doc_text(doc))

    def add(source: str | None, predicate: str, target: str | None, evidence: Span, to_person: bool = False) -> None:
        """One affiliation; to a person only where the title says whose it is ('advisor to President X')."""
        if source is None or target is None or source == target or types.get(target) == "PERSON" and not to_person:
            return
        start, end = evidence_span(evidence.sent, evidence.start_char, evidence.end_char, hard_wrapped)
        found.setdefault((source, predicate, target), Relation(
            source=source, predicate=predicate, target=target, sentence=doc_text(doc)[start:end], start=start,
            end=end, category=AFFILIATION))

    ents_at = {ent.start: ent for ent in doc.ents}
    for ent in ents_at.values():
        source = index.at(ent.start_char)
        if source is None:
            continue
        if ent.label_ == "PERSON":
            for title in person_titles(ent):
                for body in title.affiliations + named_words(title, forms):
                    add(source, title.head, target_of(body, index, countries, forms), title.span,
                        to_person=body[0].ent_type_ == "PERSON")
            party = party_code(ent, forms)
            if party is not None:
                add(source, "member", party[0], doc.char_span(ent.start_char, party[1], alignment_mode="expand"))
            body = of_phrase(ent, ents_at)
            if body is not None:
                add(source, "of", target_of(body, index, countries), ent)
            stated = predicated_title(ent)
            if stated is not None:
                for body in stated.affiliations + named_words(stated, forms):
                    add(source, stated.head, target_of(body, index, countries, forms), stated.span,
                        to_person=body[0].ent_type_ == "PERSON")
            owned = possessive_apposition(ent)
            if owned is not None:
                add(source, owned[1].text.lower(), possessor_of(owned[0], source, ent, index), owned[1], to_person=True)
        elif ent.label_ == "ORG":
            owner = owning_place(ent)
            head = next((t.lower_ for t in reversed(ent) if t.lower_ in ORG_HEADS), None)
            if owner is not None and head is not None:
                add(source, head, target_of(owner, index, countries), ent)
    return list(found.values())


def main_affiliations(relations: list[Relation]) -> dict[str, str]:
    """Each actor's main affiliation: the first one the article states."""
    main: dict[str, str] = {}
    for relation in sorted(relations, key=lambda r: r.start):
        main.setdefault(relation.source, relation.target)
    return main
