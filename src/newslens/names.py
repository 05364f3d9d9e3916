"""Name boundaries: where an actor's name starts and ends, and what around it is title, role or affiliation.

Decided once, here, for every pipeline: `bound_names` is the last step of the `newslens_entities` component,
so the built-in model's, en_core_web_*'s and the rules' entities all come out cut the same way. A name is
cut from what is glued to it by its parts: title and role words ("FAA Administrator Linda Marsh" is the FAA
and Linda Marsh), of-phrases ("Ana Ruiz of the Green Party"), coordination ("A of X and B of Y"), a
descriptor before a name ("Independent Mark Hill"), a stance prefix ("pro-Moscow UR"), line breaks. Then
`title_before` and `title_after` read a person's title around the name: its text (the role), its head
(the predicate of an affiliation) and the names inside it (what the person is affiliated with).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token

from newslens.gazetteer import demonyms, places
from newslens.lexicon import HONORIFICS, ORG_HEADS, POSSESSIVE_MARKS, ROLE_HEADS, ROLE_MODIFIERS, name_words

TITLE_HEADS = ROLE_HEADS | HONORIFICS
TITLE_CONNECTORS = frozenset({"of", "for", "at", "the"})
AFFILIATING_PREPOSITIONS = frozenset({"of", "for", "at", "with"})  # "ambassador to X": X is the host, not his
LIST_MARKS = frozenset({",", "and", "&"})
STANCE_PREFIXES = frozenset({"pro", "anti", "non", "post", "ex"})
APPOSITION_REACH = 8
MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Title:
    """A person's title as written ('Russian Defense Minister', 'a spokesman for the Red Cross')."""

    span: Span                    # the whole title
    role: str                     # what the actors table shows: 'Russian Defense Minister', 'spokesman'
    head: str                     # the role without the names in it: 'defense minister', 'spokesman'
    affiliations: tuple[Span, ...]  # what the title ties the person to: 'Russian', 'the Red Cross'


@lru_cache(maxsize=50_000)
def is_descriptor(lower: str) -> bool:
    """A dictionary word English does not use as a name ('independent', 'education'): it may describe a
    person but is not part of their name ('Grace', 'Mark' are names too)."""
    return bool(getAllLemmas(lower)) and lower not in name_words()


def is_title_word(token: Token) -> bool:
    low = token.lower_
    return low in ROLE_HEADS or low in ROLE_MODIFIERS or low in HONORIFICS


def is_personal_name(tokens: Span) -> bool:
    """One to four Title Case words, none a title, organisation head, demonym or region, the first not a word
    English uses as a common word ('Red Cross Anna Lind' is no one's name; 'Anna Lind' and 'Mark Hill' are)."""
    words = [t for t in tokens if t.text != "-"]
    if not 1 <= len(words) <= MAX_NAME_WORDS or is_descriptor(words[0].lower_):
        return False
    return all(t.text[:1].isupper() and not (is_title_word(t) or t.lower_ in ORG_HEADS or t.text in demonyms()
                                               or t.text in places() and places()[t.text].kind != "city")
               for t in words)


def names_a_body(tokens: Span) -> bool:
    """An organisation or place named inside a title: an acronym, a place, or a name with an organisation head
    ('FAA', 'Ohio', 'Museum of Science'); not a portfolio made of common words ('Education', 'State')."""
    text = tokens.text
    if not text[:1].isupper():
        return False
    if text in places() or text.isupper() and len(text) > 1:
        return True
    return any(t.lower_ in ORG_HEADS for t in tokens) or not all(is_descriptor(t.lower_) for t in tokens if t.is_alpha)


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    return Span(doc, start, end, label=label)


def _label_of_body(tokens: Span) -> str:
    return "GPE" if tokens.text in places() else "ORG"


def split_lines(span: Span) -> list[Span]:
    """A name never runs over a line break: a caption or heading glued to the next line's name is two."""
    doc, parts, start = span.doc, [], span.start
    for k in range(span.start, span.end - 1):
        if "\n" in doc[k].whitespace_ or doc[k].is_space:
            if k + 1 > start and not doc[k].is_space:
                parts.append(_span(doc, start, k + 1, span.label_))
            start = k + 1
    if start < span.end:
        parts.append(_span(doc, start, span.end, span.label_))
    return [p for p in parts if not all(t.is_space for t in p)]


def split_stance(span: Span) -> list[Span]:
    """'pro-Moscow UR': the place after a stance prefix qualifies the name after it; two names."""
    doc = span.doc
    i = span.start
    if not (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES and not doc[i - 1].whitespace_):
        return [span]
    for k in range(span.end - 1, span.start, -1):
        if doc[span.start:k].text in places():
            return [_span(doc, span.start, k, "GPE"), _span(doc, k, span.end, span.label_)]
    return [span]


def split_list(span: Span) -> list[Span]:
    """'Ana Ruiz of the Green Party and Paul Kim of the Labour Party' is a list of people and parties."""
    doc = span.doc
    cuts = [k for k in range(span.start + 1, span.end - 1) if doc[k].lower_ in LIST_MARKS]
    if not cuts or not any(doc[k].lower_ == "of" for k in range(span.start, cuts[0])):
        return [span]
    parts, start = [], span.start
    for k in cuts + [span.end]:
        end = k - 1 if k < span.end and doc[k].lower_ == "and" and doc[k - 1].text == "," else k
        parts.append((start, end))
        start = k + 1
    if not all(is_personal_name(doc[s:next((k for k in range(s, e) if doc[k].lower_ == "of"), e)])
               for s, e in parts if e > s):
        return [span]
    return [_span(doc, s, e, span.label_) for s, e in parts if e > s]


def split_of_affiliation(span: Span) -> list[Span]:
    """'Ana Ruiz of the Green Party': a person's name, then what they belong to."""
    doc = span.doc
    for k in range(span.start + 2, span.end - 1):
        if doc[k].lower_ != "of":
            continue
        person = doc[span.start:k]
        if not (2 <= len(person) <= 3 and is_personal_name(person)):
            return [span]
        body = k + 2 if doc[k + 1].lower_ == "the" and k + 2 < span.end else k + 1
        return [_span(doc, span.start, k, "PERSON"), _span(doc, body, span.end, _label_of_body(doc[body:span.end]))]
    return [span]


def split_title(span: Span) -> list[Span]:
    """'FAA Administrator Linda Marsh', 'CEO of the Red Cross Anna Lind', 'Governor of Ohio Mark Delgado',
    'Shadow Health Secretary Tom Reyes': a title, with the bodies named in it, before a person's name.
    'Museum of Science CEO': an organisation's name with a role after it."""
    doc = span.doc
    heads = [k for k in range(span.start, span.end) if doc[k].lower_ in TITLE_HEADS]
    if not heads:
        return [span]
    last = heads[-1]
    if last + 1 < span.end:
        if last == span.start and span.label_ != "PERSON" and span.end - last == 2:
            return [span]  # 'General Motors': one word after a title word names no person
        linked = last + 1 == span.end or doc[last + 1].lower_ in TITLE_CONNECTORS | {"to"}
        for k in range(last + 1, span.end):
            if (k == last + 1 or linked) and is_personal_name(doc[k:span.end]):
                return bodies_in_title(doc[span.start:k]) + [_span(doc, k, span.end, "PERSON")]
        return [span]
    first_title = last
    while first_title > span.start and is_title_word(doc[first_title - 1]):
        first_title -= 1
    body = doc[span.start:first_title]
    if len(body) and (body.text in places() or any(t.lower_ in ORG_HEADS for t in body) or body.text.isupper()):
        return [_span(doc, body.start, body.end, _label_of_body(body))]
    return [span]


def titled_person(run: Span) -> list[Span]:
    """A capitalised run that is a title and then a person's name, cut into the person and the bodies named
    in the title; [] when the run holds no such name."""
    pieces = split_title(Span(run.doc, run.start, run.end, label="PERSON"))
    return pieces if pieces[-1].end == run.end and pieces[-1].start > run.start else []


def split_descriptor(span: Span) -> list[Span]:
    """'Independent Mark Hill', 'Education Anna Berg': common words glued before a person's name. After a title's
    'of the' ('CEO of the Red Cross Anna Lind') the words before the name name a body: a name takes no article."""
    doc = span.doc
    i = span.start
    after_article = i > 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in AFFILIATING_PREPOSITIONS and (
        doc[i - 3].lower_ in TITLE_HEADS) and span.label_ == "PERSON"
    k = span.start
    while k < span.end - 2 and (after_article or is_descriptor(doc[k].lower_)) and doc[k].text[:1].isupper() and (
            not is_personal_name(doc[k:span.end]) or after_article and k == span.start):
        k += 1
    if k == span.start or span.end - k < 2 or not doc[k].is_alpha or not is_personal_name(doc[k:span.end]):
        return [span]
    person = _span(doc, k, span.end, "PERSON")
    if after_article:
        return [_span(doc, span.start, k, "ORG"), person]
    return [person] if span.label_ == "PERSON" else [span]


def is_no_ones_name(span: Span) -> bool:
    """'Shadow Health Secretary', 'Restricted C.': a 'person' named only by titles, common words and
    initials names no one."""
    words = [t for t in span if t.is_alpha or len(t.text) == 2 and t.text.endswith(".")]
    return span.label_ == "PERSON" and len(words) > 1 and all(
        is_title_word(t) or is_descriptor(t.lower_) or len(t.text.rstrip(".")) == 1 for t in words)


def bodies_in_title(title: Span) -> list[Span]:
    """The organisations and places a title names: 'FAA' in 'FAA Administrator', 'the Red Cross' in 'CEO of the
    Red Cross'; its role and portfolio words ('Shadow Health Secretary', 'Minister of Education') name none."""
    doc, found, k = title.doc, [], title.start
    while k < title.end:
        if doc[k].text[:1].isupper() and not is_title_word(doc[k]) and doc[k].text not in demonyms():
            end = k + 1
            while end < title.end and (doc[end].text[:1].isupper() and not is_title_word(doc[end])
                                       or doc[end].lower_ in ("of", "and") and end + 1 < title.end
                                       and doc[end + 1].text[:1].isupper() and not is_title_word(doc[end + 1])):
                end += 1
            if names_a_body(doc[k:end]) or k > title.start and doc[k - 1].lower_ == "the":
                found.append(_span(doc, k, end, _label_of_body(doc[k:end])))
            k = end
        else:
            k += 1
    return found


def bound_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every entity cut to the names it holds (see the module docstring); what is left of a span is one or
    several names, each labelled by its parts."""
    out = []
    for span in spans:
        pieces = [span]
        for step in (split_lines, split_stance, split_list, split_of_affiliation, split_title, split_descriptor):
            pieces = [part for piece in pieces for part in step(piece)]
        out += [p for p in pieces if len(p) and p.text[:1].isalnum() and not is_no_ones_name(p)]
    return out


def _continues_title(doc: Doc, k: int) -> bool:
    """Token k, walking back from a name, is still part of its title: title words, names ('FAA', 'Russian',
    'the Red Cross'), connectors between them, a possessor's mark, capitalised portfolio words ('Shadow')."""
    token = doc[k]
    if is_title_word(token) or token.text in demonyms() or token.text in places() or token.lower_ in POSSESSIVE_MARKS:
        return True
    if token.ent_type_ in ("ORG", "GPE", "NORP"):
        return True
    if token.lower_ in TITLE_CONNECTORS | {"to"}:
        return k > 0 and (doc[k - 1].text[:1].isupper() or is_title_word(doc[k - 1]) or doc[k - 1].lower_ in ("of", "to"))
    return token.text[:1].isupper() and token.is_alpha and not token.is_stop


def title_before(span: Span) -> Title | None:
    """'Russian Defense Minister Sergei Shoigu', "Labour's Shadow Health Secretary Tom Reyes", 'CEO of the Red
    Cross Anna Lind': the title written before a person's name, up to a role head right before it."""
    doc, start = span.doc, span.start
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
    title = doc[first:start]
    if not any(t.lower_ in TITLE_HEADS for t in title):
        return None
    return make_title(title, title.text)


def title_after(span: Span) -> Title | None:
    """'Peter Olsen, a spokesman for the Red Cross', 'John Kerry, the Secretary of State': an apposition
    headed by a role."""
    doc = span.doc
    i = span.end
    if i >= len(doc) - 2 or doc[i].text != ",":
        return None
    j = i + 1 + (doc[i + 1].lower_ in ("the", "a", "an"))
    heads = []
    end = j
    for k in range(j, min(j + APPOSITION_REACH, len(doc))):
        if doc[k].text in {",", ".", ";", "(", ")", "—", "–"} or doc[k].is_sent_start or doc[k].pos_ in ("VERB", "AUX"):
            break
        if doc[k].lower_ in ("who", "which", "that"):
            break
        if doc[k].lower_ in ROLE_HEADS:
            heads.append(k)
        end = k + 1
    if not heads:
        return None
    tail = heads[-1] + 1
    if tail < end and doc[tail].lower_ in AFFILIATING_PREPOSITIONS:
        stop = tail + 1
        while stop < end and (doc[stop].text[:1].isupper() or doc[stop].lower_ in ("the", "of", "and")):
            stop += 1
        tail = stop
    return make_title(doc[j:tail], doc[j:heads[-1] + 1].text)


def make_title(title: Span, role: str) -> Title:
    """The title's head (its words outside the names in it, lower-cased) and the bodies it names."""
    doc = title.doc
    named = [t.i for t in title if t.text in demonyms() or t.ent_type_ in ("ORG", "GPE", "NORP")
             or t.text in places() or t.lower_ in POSSESSIVE_MARKS]
    heads = [t.i for t in title if t.lower_ in TITLE_HEADS]
    cut = heads[-1] + 1
    first = max([i + 1 for i in named if i < heads[-1]], default=title.start)
    head_words = [t.lower_ for t in doc[first:cut] if t.lower_ not in ("the", "a", "an") and t.text != "."]
    affiliations = []
    k = title.start
    while k < title.end:
        if k in named and doc[k].lower_ not in POSSESSIVE_MARKS:
            end = k + 1
            while end < title.end and end in named and doc[end].lower_ not in POSSESSIVE_MARKS and (
                    doc[end].ent_iob_ == "I" or doc[end].text not in demonyms()):
                end += 1
            if not any(doc[x].lower_ in ("to",) for x in range(max(title.start, k - 2), k)):
                affiliations.append(doc[k:end])
            k = end
        else:
            k += 1
    return Title(title, role, " ".join(head_words), tuple(affiliations))
