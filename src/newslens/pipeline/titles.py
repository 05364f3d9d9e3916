"""Person titles: the title written before a name ('Russian Defense Minister Sergei Shoigu') or in apposition
after it ('Peter Olsen, a spokesman for the Red Cross'). `title_before` and `title_after` read its text (the
role), its head (the predicate of an affiliation) and the names inside it (what the person is affiliated with);
`remembered_titles` keeps each name's title once read, beside the Doc, while the extraction runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newslens.english.gazetteer import demonyms, places
from newslens.english.lexicon import (AFFILIATING_PREPOSITIONS, ARTICLES, HONORIFICS, POSSESSIVE_MARKS, ROLE_HEADS,
                                      ROLE_MODIFIERS, TITLE_CONNECTORS, TITLE_HEADS)
from newslens.english.syntax import is_noun
from newslens.english.tokens import doc_cache

APPOSITION_REACH = 8
APPOSITION_ENDS = frozenset({",", ".", ";", "(", ")", "—", "–"})
EXCELLENCIES = frozenset({"HE", "H.E."})


@dataclass(frozen=True)
class Title:
    """A person's title as written ('Russian Defense Minister', 'a spokesman for the Red Cross')."""

    span: Span                    # the whole title
    role: str                     # what the actors table shows: 'Russian Defense Minister', 'spokesman'
    head: str                     # the role without the names in it: 'defense minister', 'spokesman'
    affiliations: tuple[Span, ...]  # what the title ties the person to: 'Russian', 'the Red Cross'


def is_title_word(token: Token) -> bool:
    low = token.lower_
    return low in ROLE_HEADS or low in ROLE_MODIFIERS or low in HONORIFICS or is_excellency(token)


def is_excellency(token: Token) -> bool:
    """'HE Dr Jane Roe', 'H.E. Ambassador Omar Haddad': His or Her Excellency, written in capitals right before a
    title or a capitalised name, is an honorific, not the pronoun 'he' (nor a headline's 'HE SAID')."""
    doc, k = token.doc, token.i
    if token.text not in EXCELLENCIES or k + 1 >= len(doc) or token.whitespace_ == "" or "\n" in token.whitespace_:
        return False
    after = doc[k + 1]
    headline = k > 0 and doc[k - 1].is_alpha and doc[k - 1].is_upper and len(doc[k - 1]) > 1
    return after.is_alpha and after.text[:1].isupper() and not after.is_upper and not headline


def is_title_head(token: Token) -> bool:
    """A word a title can end in: a role ('minister'), an honorific ('Dr') or the Excellency ('HE')."""
    return token.lower_ in TITLE_HEADS or is_excellency(token)


def _continues_title(doc: Doc, k: int) -> bool:
    """Token k, walking back from a name, is still part of its title: title words, names ('FAA', 'Russian',
    'the Red Cross'), connectors between them, a possessor's mark, capitalised portfolio words ('Shadow'), an
    acronym even if it spells a small word ('WHO'), a word joined by a hyphen ('ex-President', 'co-founder')."""
    token = doc[k]
    if is_title_word(token) or token.text in demonyms() or token.text in places() or token.lower_ in POSSESSIVE_MARKS:
        return True
    if token.ent_type_ in ("ORG", "GPE", "NORP"):
        return True
    if token.text == "-" and not token.whitespace_ and k > 0 and not doc[k - 1].whitespace_:
        return True  # 'Secretary-General'
    if token.is_alpha and not token.whitespace_ and k + 1 < len(doc) and doc[k + 1].text == "-":
        return True  # 'ex-President', 'co-founder', 'then-President'
    if token.lower_ in TITLE_CONNECTORS | {"to"}:
        if k == 0:
            return False
        before = doc[k - 1]
        return before.text[:1].isupper() or is_title_word(before) or before.lower_ in ("of", "to")
    if token.is_lower and token.is_alpha and not token.is_stop and k + 1 < len(doc) and is_title_word(doc[k + 1]):
        return is_noun(token)  # 'EU foreign policy chief', "Kenya's opposition leader"
    return token.text[:1].isupper() and token.is_alpha and (not token.is_stop or token.is_upper and len(token) > 1)


def is_office_of(span: Span) -> bool:
    """'The governor of California, Gavin Reed, signed': a title with its of-phrase, then the name in apposition,
    closed by a comma ('a letter to the governor of California, Gavin Reed wrote' is no apposition)."""
    doc, k = span.doc, span.start - 2
    while k > 1 and (doc[k].text[:1].isupper() or doc[k].lower_ == "the") and doc[k].lower_ not in ROLE_HEADS:
        k -= 1
    closed = span.end < len(doc) and doc[span.end].text == ","
    return closed and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in ROLE_HEADS


@contextmanager
def remembered_titles(doc: Doc) -> Iterator[None]:
    """Within: each name's title is read once per name and side and kept (actors, affiliations and roles all ask
    it). For a Doc whose names are final, which the extraction opens; outside it, as in the entity component
    that is still deciding the names, titles are read afresh. The titles are kept beside the Doc, not in it."""
    cache = doc_cache(doc)
    cache["titles"] = {}
    try:
        yield
    finally:
        cache.pop("titles", None)


def settled_title(span: Span, side: str, read) -> Title | None:
    """A name's title: kept once read inside `remembered_titles`, read afresh elsewhere."""
    titles = doc_cache(span.doc).get("titles")
    if titles is None:
        return read(span)
    key = (side, span.start, span.end)
    if key not in titles:
        titles[key] = read(span)
    return titles[key]


def title_before(span: Span) -> Title | None:
    """The title written before a person's name (see _title_before)."""
    return settled_title(span, "before", _title_before)


def _title_before(span: Span) -> Title | None:
    """'Russian Defense Minister Sergei Shoigu', "Labour's Shadow Health Secretary Tom Reyes", 'CEO of the Red
    Cross Anna Lind': the title written before a person's name, up to a role head right before it."""
    doc, start = span.doc, span.start
    if start > 2 and doc[start - 1].text == "," and (doc[start - 2].lower_ in ROLE_HEADS or is_office_of(span)):
        start -= 1  # "Malaysia's Prime Minister, Najib Razak": the title set off by a comma
    if start == 0 or not (_continues_title(doc, start - 1) or doc[start - 1].text == "." and start > 1
                          and doc[start - 2].lower_ in HONORIFICS):
        return None
    first = start
    while first > 0 and "\n" not in doc[first - 1].whitespace_ and (
            _continues_title(doc, first - 1) or doc[first - 1].text == "." and doc[first - 2].lower_ in HONORIFICS):
        if doc[first - 1].lower_ == "to" and any(t.lower_ in TITLE_HEADS for t in doc[first:start]):
            break  # 'advisor to U.S. President Joe Biden': Biden's title is 'U.S. President'
        first -= 1
    while first < start and (doc[first].lower_ in TITLE_CONNECTORS or doc[first].lower_ in POSSESSIVE_MARKS):
        first += 1
    heads = [k for k in range(first, start) if is_title_head(doc[k])]
    if not heads:
        return None
    linked = [k + 1 for k in range(first, heads[0]) if doc[k].lower_ in ("of", "for") and doc[k].ent_iob_ != "I"
              and all(doc[x].lower_ in ("the", "a", "an") for x in range(k + 1, heads[0]))]
    title = doc[max(linked, default=first):start]  # 'Polaroids of author Truman Capote': the title is 'author'
    return make_title(title, title.text)


def title_after(span: Span) -> Title | None:
    """The title in apposition after a person's name (see _title_after)."""
    return settled_title(span, "after", _title_after)


def _title_after(span: Span) -> Title | None:
    """'Peter Olsen, a spokesman for the Red Cross', 'John Kerry, the Secretary of State': an apposition
    headed by a role."""
    doc = span.doc
    i = span.end
    if i >= len(doc) - 2 or doc[i].text != ",":
        return None
    if doc[i + 1].like_num and i + 3 < len(doc) and doc[i + 2].text == ",":
        i += 2  # 'Daniel Ortega, 19, a member of ...': the age first
    return role_phrase(doc, i + 1)


def role_phrase(doc: Doc, j: int) -> Title | None:
    """The title a role phrase starting at token j states ('a spokesman for the Red Cross', 'the Secretary of
    State'), up to its role head and the body an affiliating preposition after it names; None where no role head
    comes before the phrase ends."""
    if j >= len(doc):
        return None
    j += doc[j].lower_ in ("the", "a", "an")
    heads = []
    end = j
    for k in range(j, min(j + APPOSITION_REACH, len(doc))):
        if doc[k].text in APPOSITION_ENDS or doc[k].is_sent_start or doc[k].pos_ in ("VERB", "AUX"):
            break
        if doc[k].lower_ in ("who", "which", "that"):
            break
        if doc[k].lower_ in ROLE_HEADS:
            heads.append(k)
        end = k + 1
    if not heads:
        return None
    served = serves_a_person(doc, heads[0], end)
    if served is not None:  # 'the national security advisor to U.S. President Joe Biden': Biden's advisor
        to, person = served
        title = make_title(doc[j:to], doc[j:to].text)
        return Title(title.span, title.role, title.head, (person,))
    tail = heads[-1] + 1
    if tail < end and doc[tail].lower_ == "of":  # 'professor of economics at Harvard': the field, then the body
        at = next((k for k in range(tail + 1, end) if doc[k].lower_ in ("at", "with")), None)
        if at is not None and all(t.is_lower for t in doc[tail + 1:at]):
            tail = at
    if tail < end and doc[tail].lower_ in AFFILIATING_PREPOSITIONS:
        stop = tail + 1
        while stop < end and (doc[stop].text[:1].isupper() or doc[stop].lower_ in ("the", "of", "and")):
            stop += 1
        tail = stop
    return make_title(doc[j:tail], doc[j:heads[-1] + 1].text)


def serves_a_person(doc: Doc, head: int, end: int) -> tuple[int, Span] | None:
    """'advisor to U.S. President Joe Biden', 'chief of staff to the mayor, Ana Ruiz': the 'to' after a role
    and the person named after it, whose the role is; None where no person follows."""
    to = next((k for k in range(head + 1, end) if doc[k].lower_ == "to"), None)
    if to is None or not all(t.is_lower and t.is_alpha for t in doc[head + 1:to]):  # 'chief of staff to'
        return None
    first = next((k for k in range(to + 1, end) if doc[k].ent_type_ == "PERSON"), None)
    if first is None or not all(is_title_word(t) or t.text[:1].isupper() or t.lower_ in ARTICLES | {","}
                                for t in doc[to + 1:first]):
        return None
    last = first
    while last < end and doc[last].ent_type_ == "PERSON" and doc[last].ent_iob_ != "B" or last == first:
        last += 1
    return to, doc[first:last]


def make_title(title: Span, role: str) -> Title:
    """The title's head (its words outside the names in it, lower-cased) and the bodies it names."""
    doc = title.doc
    possessors = {t.i - 1 for t in title if t.lower_ in POSSESSIVE_MARKS}
    named = [t.i for t in title if t.text in demonyms() or t.ent_type_ in ("ORG", "GPE", "NORP") or t.text in places()
             or t.lower_ in POSSESSIVE_MARKS or t.ent_type_ and any(x.i in possessors for x in doc[t.i:t.i + 4])]
    heads = [t.i for t in title if is_title_head(t)]
    cut = heads[-1] + 1
    first = max([i + 1 for i in named if i < heads[-1]], default=title.start)
    head = "".join(t.lower_ + t.whitespace_ for t in doc[first:cut] if t.lower_ not in ARTICLES and t.text != ".")
    affiliations = []
    k = title.start
    while k < title.end:
        if k in named and doc[k].lower_ not in POSSESSIVE_MARKS:
            end = k + 1
            while end < title.end and end in named and doc[end].lower_ not in POSSESSIVE_MARKS and (
                    doc[end].ent_iob_ == "I" or doc[end].text not in demonyms()):
                end += 1
            qualifies = doc[k].text in demonyms() and end < title.end and doc[end].is_lower and any(
                t.lower_ in POSSESSIVE_MARKS for t in doc[end:title.end])
            if not qualifies and not any(doc[x].lower_ == "to" for x in range(max(title.start, k - 2), k)):
                affiliations.append(doc[k:end])  # not 'to the United States', nor 'Afghan' in "the Afghan team's coach"
            k = end
        else:
            k += 1
    return Title(title, role, head.strip(), tuple(affiliations))
