"""Affiliations: who belongs to whom, as the text states it in a title, an apposition or a possessive.

"FAA Administrator Linda Marsh", "Ana Ruiz of the Green Party", "Labour's Shadow Health Secretary Tom Reyes",
"Peter Olsen, a spokesman for the Red Cross", "the Afghan ambassador Zalmay Rahimi" (the demonym gives the
country), "Seoul's unification ministry", "Sen. Ana Ruiz (D-Ore.)" (the party letter gives the party the article
names). A name inside a title stands for the actor whose name has its word forms ('Democratic nominee Ana Ruiz':
the actor 'Democrats' or 'the Democratic Party'). Each is one `Relation` with category 'affiliation', the role head as
predicate ('administrator', 'spokesman'; 'of' where the text names no role) and the title as evidence.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newslens.extract.evidence import evidence_span, is_hard_wrapped
from newslens.english.gazetteer import demonyms, places
from newslens.english.cameo import singular
from newslens.english.lexicon import ORG_HEADS, PARTY_LETTERS, PARTY_NICKNAMES, POSSESSIVE_MARKS
from newslens.model import AFFILIATION, Actor, Relation
from newslens.pipeline.titles import Title, title_after, title_before
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
