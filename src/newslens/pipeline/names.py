"""Name boundaries: where an actor's name starts and ends, and what around it is title, role or affiliation.

Decided once, here, for every pipeline: `bound_names` is the last step of the `newslens_entities` component,
so the built-in model's, en_core_web_*'s and the rules' entities all come out cut the same way. A name is
cut from what is glued to it by its parts: title and role words ("FAA Administrator Linda Marsh" is the FAA
and Linda Marsh), of-phrases ("Ana Ruiz of the Green Party"), coordination ("A of X and B of Y"), a
descriptor before a name ("Independent Mark Hill"), a stance prefix ("pro-Moscow UR"), line breaks, a
sentence's opening noun ("Results of NCLAN"), a possessed thing ("PC World's recent analysis"), a common noun it
qualifies ("a NASA T-shirt"), honours ("Daniel Bernoulli FRS"), an honorific in capitals ("HE Dr Jane Roe").
What is left is labelled by its parts: a body named in a title is an organisation or a place, a title alone or
common words name no one, laws and products are no actors (a person's title is read in `pipeline.titles`);
`bare_name` is the name without
the words that describe it ("the city of Mosul", "the ISIL terrorist group").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.attrs import ORTH, POS
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newslens.english.gazetteer import demonyms, places
from newslens.english.inflection import plural_noun, word_lemmas
from newslens.english.lexicon import (ADJECTIVE_ENDINGS, AFFILIATING_PREPOSITIONS, ARTICLES, COLLECTIVE_HEADS,
                                      CREDIT_LABELS, DIRECTIONS, DOCUMENT_HEADS, GENERATIONS, LIST_MARKS, MEDIA_NOUNS,
                                      ORG_HEADS, ORIGIN_PHRASES, PARTY_LETTERS, PLACE_NOUNS, POSSESSIVE_MARKS,
                                      ROLE_HEADS, STANCE_PREFIXES, TITLE_CONNECTORS, TITLE_HEADS, VESSEL_NOUNS,
                                      name_words)
from newslens.english.tokens import doc_cache, doc_strings
from newslens.pipeline.titles import (APPOSITION_ENDS, APPOSITION_REACH, is_excellency, is_title_head, is_title_word,
                                     title_after, title_before)

GROUP_TITLES = frozenset(map(plural_noun, ROLE_HEADS))  # 'Senators Ana Ruiz and Paul Kim', 'Secretaries ...'
MAX_NAME_WORDS = 4
# What ends a sentence or opens a quotation, a parenthesis or a heading's second part: the next word is capitalised
# by its place
SENTENCE_END_MARKS = frozenset(".!?:;\"“”‘’'(")
WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|gov|edu|info|io|co)\b", re.IGNORECASE)
ROMAN = re.compile(r"^[IVXLCDM]+$")


@lru_cache(maxsize=50_000)
def is_descriptor(lower: str) -> bool:
    """A dictionary word English does not use as a name ('independent', 'education'): it may describe a
    person but is not part of their name ('Grace', 'Mark' are names too)."""
    return bool(word_lemmas(lower)) and lower not in name_words()


@lru_cache(maxsize=50_000)
def is_verb_only_form(text: str) -> bool:
    """'Says', 'Praises', 'Reassures': a capitalised word that English reads only as a verb in its third person,
    as a heading in Title Case writes it ('Ana Ruiz Praises Tom Lee'); never part of a name ('Forces', 'States' are
    nouns too; 'Combined' opens 'Combined Joint Task Force')."""
    lower = text.lower()
    lemmas = word_lemmas(lower)
    return (text[:1].isupper() and lower.endswith("s") and set(lemmas) == {"VERB"} and lower not in lemmas["VERB"]
            and lower not in name_words())


def split_at_verb(span: Span) -> list[Span]:
    """'Glenn Ruiz Says Tom Lee', 'Ana Ruiz Praises Vox Nova': a heading's verb glued between two names (a name
    may open with such a word: 'Dries Mertens')."""
    doc = span.doc
    cuts = [k for k in range(span.start + 1, span.end) if is_verb_only_form(doc[k].text)]
    if not cuts:
        return [span]
    parts, start = [], span.start
    for k in cuts + [span.end]:
        if k > start:
            parts.append(_span(doc, start, k, span.label_))
        start = k + 1
    return parts


def is_personal_name(tokens: Span, after_title: bool = False) -> bool:
    """One to four Title Case words, none a title, organisation head, demonym, region or compass direction, the first
    not a word English uses as a common word ('Red Cross Anna Lind' is no one's name; 'Anna Lind' and 'Mark Hill'
    are) unless a title comes right before it ('President Trump')."""
    words = [t for t in tokens if t.text != "-"]
    if not 1 <= len(words) <= MAX_NAME_WORDS or words[0].text in GENERATIONS or (
            is_descriptor(words[0].lower_) and not after_title):
        return False
    return all(t.text[:1].isupper() and not (is_title_word(t) or t.lower_ in ORG_HEADS or t.lower_ in PLACE_NOUNS
                                               or t.lower_ in DIRECTIONS or t.text in demonyms()
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


def drop_excellency(span: Span) -> list[Span]:
    """'H.E.' read as an organisation, 'HE Dr Jane Roe' as one name: the honorific is no name, nor part of one."""
    start = span.start
    while start < span.end and is_excellency(span.doc[start]):
        start += 1
    return [span] if start == span.start else [_span(span.doc, start, span.end, span.label_)] * (start < span.end)


def drop_party_letter(span: Span) -> list[Span]:
    """'(R-Texas)', '(D-Calif.)': a party's letter joined to a state names the state."""
    doc = span.doc
    if len(span) > 2 and len(span[0].text) == 1 and span[0].is_upper and span[1].text == "-" and not (
            span[0].whitespace_ or span[1].whitespace_) and span.start > 0 and doc[span.start - 1].text == "(":
        return [_span(doc, span.start + 2, span.end, "GPE")]
    return [span]


def split_lines(span: Span) -> list[Span]:
    """A name never runs over a line break: a caption or heading glued to the next line's name is two."""
    if "\n" not in span.text:
        return [span]
    doc, parts, start = span.doc, [], span.start
    for k in range(span.start, span.end - 1):
        if "\n" in doc[k].whitespace_ or doc[k].is_space:
            if k + 1 > start and not doc[k].is_space:
                parts.append(_span(doc, start, k + 1, span.label_))
            start = k + 1
    if start < span.end:
        parts.append(_span(doc, start, span.end, span.label_))
    return [p for p in parts if not all(t.is_space for t in p)]


def split_credit(span: Span) -> list[Span]:
    """'Photo: Reuters Tom Lee', 'Picture by AP Maria Gomez': a credit line names its source, then the person who
    took the picture; a name of three words or more right after the credit's label is the source's name and a
    person's two-word name, never one name."""
    doc, i = span.doc, span.start
    credited = i >= 2 and doc[i - 1].lower_ in (":", "by") and doc[i - 2].lower_ in CREDIT_LABELS
    words = [t for t in span if t.text != "-"]
    if not credited or len(words) < 3 or not is_personal_name(doc[span.end - 2:span.end]):
        return [span]
    source = doc[span.start:span.end - 2]
    return [_span(doc, source.start, source.end, _label_of_body(source)), _span(doc, span.end - 2, span.end, "PERSON")]


def credited_names(run: Span) -> list[Span]:
    """The source and the person of a capitalised run after a credit's label ('Photo: Reuters Tom Lee'); [] when
    the run is no such credit."""
    pieces = split_credit(Span(run.doc, run.start, run.end, label="PERSON"))
    return pieces if len(pieces) > 1 else []


def person_after_stance(run: Span) -> list[Span]:
    """The person's name after a stance word in a capitalised run ('Pro-Kremlin Tom Hill'); [] when there is none."""
    pieces = drop_stance_word(Span(run.doc, run.start, run.end, label="PERSON"))
    return pieces if pieces and pieces[0].start > run.start else []


def is_after_stance_prefix(span: Span) -> bool:
    """'anti-Pyongyang', 'pro-Moscow': a name written after a stance prefix and its hyphen."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES and not doc[i - 1].whitespace_


def drop_stance_word(span: Span) -> list[Span]:
    """'Pro-Kremlin', 'Pan-green', 'Anti-war': one word made of a prefix, a hyphen and a name or a common word
    describes a stance or a camp; read alone as a name, it is none, and before a person's name it is no part of
    it ('Pro-Kremlin Tom Hill' is Tom Hill). A body's name keeps its own ('Counter-Daesh Coalition',
    'Anti-Defamation League'), as does a title ('Co-founder')."""
    doc, i = span.doc, span.start
    if span.end - i < 3 or doc[i + 1].text != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return [span]
    prefix, word = doc[i], doc[i + 2]
    if not prefix.is_alpha or not word.is_alpha or is_title_word(word):
        return [span]
    stance = prefix.lower_ in STANCE_PREFIXES and word.text[:1].isupper() and not is_descriptor(word.lower_)
    camp = word.is_lower and is_descriptor(word.lower_)
    if span.end - i == 3 and (stance or camp):
        return []
    rest = doc[i + 3:span.end]
    if stance and word.whitespace_ and len(rest) > 1 and is_personal_name(rest):
        return [_span(doc, rest.start, rest.end, "PERSON")]
    return [span]


def split_stance(span: Span) -> list[Span]:
    """'pro-Moscow UR': the place after a stance prefix qualifies the name after it; two names. Any other word
    after the prefix ('pro-Kremlin United Russia') is the stance's object, not part of the name."""
    if not is_after_stance_prefix(span):
        return [span]
    doc = span.doc
    for k in range(span.end - 1, span.start, -1):
        if doc[span.start:k].text in places():
            return [_span(doc, span.start, k, "GPE"), _span(doc, k, span.end, span.label_)]
    if span.end - span.start > 1 and doc[span.start].whitespace_ and doc[span.start + 1].text[:1].isupper():
        return [_span(doc, span.start + 1, span.end, span.label_)]  # 'pro-Western Free Syrian Army'
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
        if not (2 <= len(person) <= 3 and is_personal_name(person)) or (
                span.label_ != "PERSON" and is_descriptor(person[-1].lower_)):
            return [span]  # 'Hashemite Kingdom of Jordan': a kingdom, not a surname
        body = k + 2 if doc[k + 1].lower_ == "the" and k + 2 < span.end else k + 1
        return [_span(doc, span.start, k, "PERSON"), _span(doc, body, span.end, _label_of_body(doc[body:span.end]))]
    return [span]


def split_title(span: Span) -> list[Span]:
    """'FAA Administrator Linda Marsh', 'CEO of the Red Cross Anna Lind', 'Governor of Ohio Mark Delgado',
    'Shadow Health Secretary Tom Reyes': a title, with the bodies named in it, before a person's name.
    'Museum of Science CEO': an organisation's name with a role after it."""
    doc = span.doc
    heads = [k for k in range(span.start, span.end) if is_title_head(doc[k]) or doc[k].lower_ in GROUP_TITLES]
    if not heads:
        return [span]
    last = heads[-1]
    named_before = last
    while named_before > span.start and doc[named_before - 1].text[:1].isupper() and not is_title_word(
            doc[named_before - 1]):
        named_before -= 1
    if last - named_before >= 2 and is_personal_name(doc[named_before:last]):
        return [span]  # 'Martin Luther King Jr.': a surname that is also a title
    if last + 1 < span.end:
        if last == span.start and span.label_ != "PERSON" and span.end - last == 2:
            return [span]  # 'General Motors': one word after a title word names no person
        linked = last + 1 == span.end or doc[last + 1].lower_ in TITLE_CONNECTORS | {"to"}
        of = next((k for k in range(last + 2, span.end - 1) if doc[k].lower_ == "of"), span.end)
        for end in dict.fromkeys((span.end, of)):  # 'Senate Majority Leader Chuck Schumer of New York'
            for k in range(last + 1, end):
                if (k == last + 1 or linked) and is_personal_name(doc[k:end], after_title=k == last + 1):
                    after = split_of_affiliation(doc[k:span.end])[1:] if end < span.end else []
                    return bodies_in_title(doc[span.start:k]) + [_span(doc, k, end, "PERSON"), *after]
        return bodies_of_office(span, last) or [span]
    first_title = last
    while first_title > span.start and is_title_word(doc[first_title - 1]):
        first_title -= 1
    body = doc[span.start:first_title]
    if len(body) and (body.text in places() or any(t.lower_ in ORG_HEADS for t in body) or body.text.isupper()):
        return [_span(doc, body.start, body.end, _label_of_body(body))]
    return [span]


def bodies_of_office(span: Span, head: int) -> list[Span]:
    """'Co-founder of Acme Corp.', 'President of Syria': one person's title and no name; the bodies after its last
    'of' are who is named. [] when the span is not a title alone, or names a group ('the Members of the Security
    Council' are people of their own)."""
    doc = span.doc
    of = max((k for k in range(head + 1, span.end - 1) if doc[k].lower_ in ("of", "for")), default=None)
    if of is None or doc[head].lower_ not in TITLE_HEADS or not all(
            is_title_word(t) or is_descriptor(t.lower_) or t.lower_ in TITLE_CONNECTORS or t.text == "-"
            or doc[t.i + 1].text == "-" and not t.whitespace_ for t in doc[span.start:of]):  # 'Co-founder'
        return []
    parts, start = [], of + 1
    for k in range(of + 1, span.end + 1):
        if k == span.end or doc[k].lower_ in LIST_MARKS:
            first = start + (start < k and doc[start].lower_ == "the")
            if first < k:
                parts.append(doc[first:k])
            start = k + 1
    if not parts or not all(names_a_body(part) or part.start > 0 and doc[part.start - 1].lower_ == "the"
                            for part in parts):
        return []
    return [_span(doc, part.start, part.end, _label_of_body(part)) for part in parts]


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
    described = k - span.start == 1 and "ADJ" in word_lemmas(doc[span.start].lower_)  # 'Independent' read as a body
    return [person] if span.label_ == "PERSON" or described else [span]


def split_member_word(span: Span, groups: frozenset[str], named: frozenset[str]) -> list[Span]:
    """'Democrat Ana Ruiz', 'Republican Ruiz': a noun for a member of a group the article names in the plural, in
    capitals inside a sentence ('Democrats', 'Republicans'), glued before a person's name or before one word of a person it names in full,
    describes the person; it is not part of the name."""
    doc = span.doc
    first = span[0]
    member = first.text + "s" in groups or first.lower_ in PARTY_LETTERS.values()  # 'Democrat Ana Ruiz' in any case
    if len(span) < 2 or not member or "NOUN" not in word_lemmas(first.lower_) or (
            is_title_word(first)) or first.lower_ in ORG_HEADS:
        return [span]
    rest = doc[span.start + 1:span.end]
    if len(rest) > 1 and is_personal_name(rest) or len(rest) == 1 and rest.text in named:
        return [_span(doc, rest.start, rest.end, "PERSON")]
    return [span]


def split_described_person(span: Span, named: frozenset[str]) -> list[Span]:
    """'Absent Sanders', 'Crooked Hillary': an adjective glued before one word of a person the article names in
    full ('Tom Sanders', 'Hillary Clinton') describes that person ('Will Sanders' is a name of its own: 'will' is no
    adjective)."""
    doc = span.doc
    if len(span) != 2 or span.label_ not in ("PERSON", "ORG", "GPE") or span[1].text not in named or not (
            is_descriptor(span[0].lower_) and "ADJ" in word_lemmas(span[0].lower_)) or is_title_word(span[0]) or (
            span[0].lower_ in ORG_HEADS):
        return [span]
    return [_span(doc, span.start + 1, span.end, "PERSON")]


def split_opening_word(span: Span) -> list[Span]:
    """'Results of NCLAN show ...': a sentence's first word, a common noun, is capitalised only because it
    opens the sentence; the name starts after its 'of'."""
    doc = span.doc
    first = doc[span.start]
    if not (first.is_sent_start and span.end - span.start > 2 and doc[span.start + 1].lower_ in ("of", "for")
            and is_descriptor(first.lower_) and first.lower_ not in ORG_HEADS and not is_title_word(first)):
        return [span]
    start = span.start + 2 + (doc[span.start + 2].lower_ == "the")
    return [_span(doc, start, span.end, span.label_)] if start < span.end else []


def is_first_word(token: Token) -> bool:
    """The first word of a sentence or line, after a sentence's end mark or a line break: capitalised by its place
    (the parser's sentence starts right after a word of the same line are its errors)."""
    doc, k = token.doc, token.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    return k < 0 or "\n" in doc[k].whitespace_ or "\n" in doc[k].text or doc[k].text in SENTENCE_END_MARKS


def split_opening_descriptor(span: Span, at: dict[str, list[int]]) -> list[Span]:
    """'Billionaire Donald Trump praised ...', 'Internal Trump University records ...': a word capitalised only
    because it opens the sentence or the headline, glued before a name of two words or more that the article
    writes elsewhere without it, describes the name. A word English writes capitalised as a name ('Mark', 'North')
    or a title ('President') stays. `at`: the positions of each word in the doc."""
    doc, first = span.doc, span[0]
    if len(span) < 3 or not first.is_alpha or not is_first_word(first) or first.lower_ in name_words() or (
            is_title_word(first)):
        return [span]
    rest = [t.text for t in span[1:]]
    elsewhere = any(k != span.start + 1 and [t.text for t in doc[k:k + len(rest)]] == rest and (
        k == 0 or doc[k - 1].text != first.text) for k in at.get(rest[0], ()))
    if elsewhere:
        return [_span(doc, span.start + 1, span.end, span.label_)]
    # 'Liberals Elena Kagan ... Kagan wrote': a common word before a person's name whose surname recurs alone
    person = is_descriptor(first.lower_) and is_personal_name(span[1:]) and any(
        not span.start <= k < span.end for k in at.get(rest[-1], ()))
    return [_span(doc, span.start + 1, span.end, "PERSON")] if person else [span]


def split_title_body(span: Span) -> list[Span]:
    """'Archbishop of Canterbury Justin Welby' read from 'Canterbury': the body a title's 'of' names, then the
    person."""
    doc, i = span.doc, span.start
    i -= i > 0 and doc[i - 1].lower_ == "the"
    if i < 2 or doc[i - 1].lower_ not in ("of", "for") or doc[i - 2].lower_ not in TITLE_HEADS:
        return [span]
    for k in range(span.start + 1, span.end - 1):
        person = doc[k:span.end]
        if doc[k - 1].whitespace_ and doc[k].is_alpha and is_personal_name(person) and names_a_body(
                doc[span.start:k]) and not any(is_descriptor(t.lower_) for t in person):
            return [_span(doc, span.start, k, _label_of_body(doc[span.start:k])), _span(doc, k, span.end, "PERSON")]
    return [span]


def title_body_label(span: Span, person_ends: frozenset[int]) -> list[Span]:
    """'the former leader of Al Qaeda', 'a spokesman for Hamas', 'Nick Rhodes of Duran Duran': a name after a
    title's or a person's 'of' is the body they belong to, not a person."""
    doc, i = span.doc, span.start
    i -= i > 0 and doc[i - 1].lower_ == "the"
    if span.label_ != "PERSON" or i < 2 or doc[i - 1].lower_ not in ("of", "for") or (
            doc[i - 2].lower_ not in ROLE_HEADS and i - 1 not in person_ends):
        return [span]
    return [_span(doc, span.start, span.end, _label_of_body(span))]


def noun_words(doc: Doc) -> frozenset[str]:
    """The words the doc uses as a noun or a proper noun somewhere, read once per doc: asked of every
    name, a scan of the doc each time would make a long article quadratic."""
    cache = doc_cache(doc)
    if "noun_words" not in cache:
        cache["noun_words"] = frozenset(
            word for word, pos in zip(doc_strings(doc, ORTH), doc_strings(doc, POS)) if pos in ("PROPN", "NOUN"))
    return cache["noun_words"]


def thing_label(span: Span) -> list[Span]:
    """'Clean Air Act' is a law, 'Islamic' an adjective ('the European team' a description), a lone 'CNN' a body;
    'Windows XP', 'PlayStation VR', 'Gawker.com': a 'person' of a word and an acronym, or a web address, is a product
    or a site (Roman numerals end names: 'Charles Keating IV'); a longer name ends before the honours written after
    it ('Daniel Bernoulli FRS')."""
    def is_acronym(word: str) -> bool:
        return word.isupper() and word.isalpha() and len(word) > 1 and not ROMAN.match(word)

    if span[-1].lower_ in DOCUMENT_HEADS and len(span) > 1:
        return [_span(span.doc, span.start, span.end, "LAW")]
    first = span[0]
    if first.pos_ == "ADJ" and first.is_alpha and not first.is_upper and first.text not in noun_words(span.doc) and (
            all(t.is_lower for t in span[1:])):  # 'Islamic', 'the European team': only ever an adjective, and a noun
        return [_span(span.doc, span.start, span.start + 1, "NORP")]
    if span.label_ == "PERSON" and len(span) == 1 and span.text.isupper() and span.text.isalpha() and (
            len(span.text) > 1):
        return [_span(span.doc, span.start, span.end, "ORG")]  # 'told CNN', 'the CDC': a lone acronym names a body
    web = "." in span.text and any(WEB_ADDRESS.search(t.text) for t in span)
    if span.label_ in ("ORG", "GPE") and web or span.label_ == "PERSON" and (web or len(span) == 2 and (
            is_acronym(span[-1].text))):
        return [_span(span.doc, span.start, span.end, "PRODUCT")]
    end = span.end
    while span.label_ == "PERSON" and end - span.start > 2 and is_acronym(span.doc[end - 1].text):
        end -= 1  # 'Daniel Bernoulli FRS', 'Zaha Hadid DBE RA': honours after the name
    return [_span(span.doc, span.start, end, "PERSON")] if end < span.end else [span]


BODY_NOUNS = ORG_HEADS | COLLECTIVE_HEADS | MEDIA_NOUNS


def kind_noun_label(word: Token) -> str | None:
    """The type a common noun that describes a name gives it: 'the ship' a thing, 'the school', 'the magazine', 'the
    group' an organisation, 'the town' a place; None for any other noun ('member', 'leader')."""
    if not (word.is_alpha and word.is_lower):
        return None
    if word.lower_ in VESSEL_NOUNS:
        return "PRODUCT"
    if word.lower_ in BODY_NOUNS:
        return "ORG"
    return "GPE" if word.lower_ in PLACE_NOUNS else None


def apposition_head(doc: Doc, i: int) -> Token | None:
    """The head noun of an apposition opening at token i after a name (', the Iran-backed Lebanese group,'): the
    last word before it ends, or before a preposition or a relative word ('a town north of ...', 'the ship that
    ...'); None where no apposition opens."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ARTICLES:
        return None
    for k in range(i + 2, min(i + 2 + APPOSITION_REACH, len(doc))):
        word = doc[k]
        if word.text in APPOSITION_ENDS or word.lower_ in AFFILIATING_PREPOSITIONS | {
                "in", "from", "to", "who", "which", "that", "near", "north", "south", "east", "west"}:
            return doc[k - 1] if k > i + 2 else None
    return None


def kind_noun_before(span: Span) -> Token | None:
    """'magazine' in 'the magazine Vox Nova', 'ship' in 'a cruise ship Sea Dawn': a common noun after an article,
    right before the name and joined to it in the parse, or read as a second subject of the name's verb (not 'the
    paper Ana Ruiz wrote', where the name opens a clause on the noun); None without a parse."""
    doc, k = span.doc, span.start - 1
    if k < 1 or not doc.has_annotation("DEP") or not (doc[k].is_alpha and doc[k].is_lower):
        return None
    opening = next((j for j in range(k - 1, max(k - 4, -1), -1) if not (doc[j].is_alpha and doc[j].is_lower)
                    or doc[j].lower_ in ARTICLES), None)
    if opening is None or doc[opening].lower_ not in ARTICLES:
        return None
    root, noun = span.root, doc[k]
    joined = root.head.i == k or noun.head.i == root.i or noun.head.i == root.head.i and noun.dep_ == root.dep_
    # 'the magazine Vox Nova published the letter' read as a relative clause on the noun: a clause whose verb has
    # an object of its own lacks no object the noun could be ('the paper Ana Ruiz wrote' lacks one)
    verb = root.head
    clause = verb.dep_ in ("relcl", "acl:relcl") and verb.head.i == k and root.dep_ in ("nsubj", "nsubj:pass") and any(
        c.dep_ in ("dobj", "obj") for c in verb.children)
    return noun if joined or clause else None  # two subjects of one verb: a small parser's reading of the apposition


def apposition_label(span: Span) -> list[Span]:
    """A name's type follows what the text calls it: 'Hezbollah, the Iran-backed Lebanese group,' is a body, 'the
    Sea Dawn, a cruise ship,' and 'the cruise ship Sea Dawn' a thing, 'the magazine Vox Nova' and 'Elm Grove, a
    private school,' organisations, 'Qarya, a town north of ...' a place ('Tom Lee, a member of the group,' is a
    person: the apposition's head is 'member'). A country stays a country."""
    doc = span.doc
    if span.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC") or span.text in places() and places()[span.text].kind == "country":
        return [span]
    head = apposition_head(doc, span.end)
    label = kind_noun_label(head) if head is not None else None
    if label is None and (before := kind_noun_before(span)) is not None:
        label = kind_noun_label(before)  # 'the magazine Vox Nova', 'the cruise ship Sea Dawn'
    if label is None or label == span.label_ or label == "GPE" and span.label_ == "ORG":
        return [span]
    return [_span(doc, span.start, span.end, label)]


def origin_label(span: Span) -> list[Span]:
    """Where someone comes from is a place, whatever the model read ('a native of Al-Qa'im', 'born in Tikrit')."""
    doc, i = span.doc, span.start
    if span.label_ == "PERSON" and i >= 2 and (doc[i - 2].lower_, doc[i - 1].lower_) in ORIGIN_PHRASES:
        return [_span(doc, span.start, span.end, "GPE")]
    return [span]


def split_possessed_thing(span: Span) -> list[Span]:
    """"PC World's recent analysis": a name, then a thing it owns written in lower case ("Seoul's unification
    ministry", ending in an organisation's head, is an organisation's name)."""
    doc = span.doc
    marks = [k for k in range(span.start + 1, span.end - 1) if doc[k].lower_ in POSSESSIVE_MARKS]
    if not marks or not all(t.is_lower for t in doc[marks[0] + 1:span.end]) or doc[span.end - 1].lower_ in ORG_HEADS:
        return [span]
    return [_span(doc, span.start, marks[0], span.label_)]


def split_common_head(span: Span) -> list[Span]:
    """'the UNC Greensboro exhibit', 'a NASA T-shirt': a name that qualifies a common noun written in lower case
    names the body before it, not the thing ('Seoul's unification ministry', 'the ISIL terrorist group' end in the
    kind of body they are and stay). 'the State and Homeland Security Departments': a body noun in the plural
    heads a list of bodies; what is left before it is the last one's name."""
    doc = span.doc
    end = span.end
    while end - span.start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and (
            doc[end - 1].lower_ not in ORG_HEADS | COLLECTIVE_HEADS):
        word = end - 1
        while word > span.start and not doc[word - 1].whitespace_:
            word -= 1  # the whole of a hyphenated word: 'T-shirt'
        if word < end - 1 and span.label_ == "PERSON":
            break  # 'Hau Lung-pin', 'Park Min-jun': a given name's syllables
        end = word
    if end == span.end:
        head = doc[end - 1]
        lemmas = word_lemmas(head.lower_).get("NOUN", ())
        plural_body = head.lower_ not in ORG_HEADS and any(lemma in ORG_HEADS for lemma in lemmas)
        if not (plural_body and span.end - span.start > 1 and head.text[:1].isupper()):
            return [span]
        end -= 1
    while end > span.start and doc[end - 1].is_punct:
        end -= 1
    return [_span(doc, span.start, end, span.label_)] if end > span.start else []


def is_no_ones_name(span: Span) -> bool:
    """'Shadow Health Secretary', 'Restricted C.', 'Secretary of State': a name made only of titles, common words
    and initials names no one ('Office of the President' names an office)."""
    words = [t for t in span if (t.is_alpha or len(t.text) == 2 and t.text.endswith(".")) and t.lower_ not in
             TITLE_CONNECTORS]
    if len(words) < 2 or any(t.lower_ in ORG_HEADS for t in words):
        return False
    titled = any(t.lower_ in TITLE_HEADS for t in words)
    return (span.label_ == "PERSON" or titled) and all(
        is_title_word(t) or is_descriptor(t.lower_) or len(t.text.rstrip(".")) == 1 for t in words)


def bodies_in_title(title: Span) -> list[Span]:
    """The organisations and places a title names: 'FAA' in 'FAA Administrator', 'the Red Cross' in 'CEO of the
    Red Cross'; its role and portfolio words ('Shadow Health Secretary', 'Minister of Education') name none."""
    doc, found, k = title.doc, [], title.start
    while k < title.end:
        if k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and is_title_word(doc[k + 2]):
            k += 3  # 'Co-founder', 'Vice-President': one title word
        elif doc[k].text[:1].isupper() and not is_title_word(doc[k]) and doc[k].text not in demonyms():
            end = k + 1
            while end < title.end and (doc[end].text[:1].isupper() and not is_title_word(doc[end])
                                       or doc[end].lower_ in ("of", "and") and end + 1 < title.end
                                       and doc[end + 1].text[:1].isupper() and not is_title_word(doc[end + 1])):
                end += 1
            owner = end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKS
            if names_a_body(doc[k:end]) or k > 0 and doc[k - 1].lower_ == "the" or owner:
                found.append(_span(doc, k, end, _label_of_body(doc[k:end])))
            k = end
        else:
            k += 1
    return found


def split_known_person(span: Span, people: frozenset[str]) -> list[Span]:
    """'University of Texas Arlington Amneh Jafari': a body's name and then a person the article names
    elsewhere ('Jafari said ...'); two names."""
    doc = span.doc
    if span.label_ == "PERSON" or span.end - span.start < 3 or doc[span.end - 1].text not in people:
        return [span]
    k = span.end - 2  # a given name and the surname
    body = doc[span.start:k]
    if is_personal_name(doc[k:span.end]) and not is_descriptor(doc[k].lower_) and (
            any(t.lower_ in ORG_HEADS for t in body) or body.text in places()):
        return [_span(doc, span.start, k, span.label_), _span(doc, k, span.end, "PERSON")]
    return [span]


def is_adjective_like(token: Token) -> bool:
    """'English', 'Republican', 'Sunni', 'Islamist': a capitalised word shaped like an adjective of nation, faith
    or party."""
    return token.lower_.endswith(ADJECTIVE_ENDINGS) or token.pos_ == "ADJ"


def title_bodies(spans: list[Span]) -> list[Span]:
    """The bodies named in people's titles and read as people ('Hamas' in 'Hamas leader Yahya Sinwar', 'the Red
    Cross' in "Maria Lopez, the Red Cross's director"): organisations or places. A titled person in a title stays
    a person ("Russian President Vladimir Petrov's spokesman")."""
    labels = {i: span.label_ for span in spans for i in range(span.start, span.end)}
    people = {(span.start, span.end) for span in spans if span.label_ == "PERSON" and len(span) > 1
              and is_personal_name(span) and title_before(span) is not None}
    doc = spans[0].doc if spans else None
    found = []
    for span in spans:
        titles = (title_before(span), title_after(span)) if span.label_ == "PERSON" else ()
        for title in filter(None, titles):
            found += [body for body in bodies_in_title(title.span) if body.text not in demonyms() and all(
                labels.get(i, "") == "PERSON" or i not in labels and not is_adjective_like(doc[i])
                for i in range(body.start, body.end)) and (body.start, body.end) not in people]
    if not found:
        return spans
    taken = {i for body in found for i in range(body.start, body.end)}
    return found + [span for span in spans if not taken.intersection(range(span.start, span.end))]


def names_a_country(span: Span) -> bool:
    """'Hashemite Kingdom of Jordan', 'Republic of Korea': a country's name of several words, official long forms
    included, is one name whatever its parts look like ('Hashemite Kingdom' is no one's name)."""
    place = places().get(span.text)
    return len(span) > 1 and place is not None and place.kind == "country"


def bound_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every entity cut to the names it holds (see the module docstring); what is left of a span is one or
    several names, each labelled by its parts."""
    people = frozenset(span[-1].text for span in spans if span.label_ == "PERSON" and not (
        is_descriptor(span[-1].lower_) or span.start and doc[span.start - 1].lower_ in TITLE_CONNECTORS))
    person_ends = frozenset(span.end for span in spans if span.label_ == "PERSON")
    named = frozenset(word.text for span in spans if span.label_ == "PERSON" and len(span) > 1 and not (
        is_descriptor(span[0].lower_)) for word in (span[0], span[-1]))  # 'Tom' and 'Hill' of 'Tom Hill'
    groups = frozenset(word for k, word in enumerate(doc_strings(doc, ORTH)) if word.endswith("s") and (
        word.istitle()) and not doc[k].is_sent_start)  # a Token built only for a capitalised plural
    at: dict[str, list[int]] = {}
    for k, word in enumerate(doc_strings(doc, ORTH)):
        if word[:1].isupper():
            at.setdefault(word, []).append(k)  # where each capitalised word is, for split_opening_descriptor
    steps = (split_at_verb, drop_excellency, drop_party_letter, split_lines, split_credit, drop_stance_word,
             split_opening_word, lambda span: split_opening_descriptor(span, at), split_possessed_thing, split_common_head, split_stance, split_list,
             split_of_affiliation, split_title, lambda span: split_known_person(span, people), split_title_body,
             split_descriptor, lambda span: split_described_person(span, named),
             lambda span: split_member_word(span, groups, named),
             lambda span: title_body_label(span, person_ends), thing_label, origin_label, apposition_label)
    out = []
    for span in filter_spans([with_number_word(span) for span in spans]):
        if names_a_country(span):
            out.append(_span(doc, span.start, span.end, "GPE"))
            continue
        pieces = [span]
        for step in steps:
            pieces = [part for piece in pieces for part in step(piece)]
        out += [p for p in pieces if len(p) and p.text[:1].isalnum() and not is_no_ones_name(p)]
    return title_bodies(joined_possessives(joined_initials(out)))


def with_number_word(span: Span) -> Span:
    """'Explosive Ordnance Disposal Mobile Unit Two', 'Air Force One': a number written out and capitalised right
    after a name ends that name."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].is_alpha and doc[end].like_num and doc[end].is_title and (
            doc[end - 1].whitespace_ == " "):
        return _span(doc, span.start, end + 1, span.label_)
    return span


def joined_initials(spans: list[Span]) -> list[Span]:
    """'a paper by AS Heagle': two capitals right before a surname are the person's initials, not a country's code
    ('AS' is American Samoa's), unless the article writes the code elsewhere too ('the US ... the US Biden
    administration')."""
    out, people = [], {span.start: span for span in spans if span.label_ == "PERSON" and len(span) == 1}
    codes = Counter(span.text for span in spans if span.label_ == "GPE")
    for span in spans:
        doc, person = span.doc, people.get(span.end)
        if person is not None and span.label_ == "GPE" and len(span) == 1 and len(span.text) == 2 and (
                span.text.isalpha() and span.text.isupper() and span[0].whitespace_ == " " and codes[span.text] == 1):
            out.append(_span(doc, span.start, person.end, "PERSON"))
            people.pop(span.end)
        else:
            out.append(span)
    return [span for span in out if span.label_ != "PERSON" or len(span) > 1 or span.start in people]


def joined_possessives(spans: list[Span]) -> list[Span]:
    """"the People's Liberation Army", "the Women's Institute": a common noun's possessive opens an organisation's
    name ('Russia's Foreign Ministry' is Russia's, 'Labour's' a party's: names own, common nouns do not). A name
    read up to that common noun opens it too ("the Sudan People's Liberation Movement"); one that ends in an
    organisation's head is whole and owns ("the World Health Organization's Africa office")."""
    out = []
    opening = {span.end - 1: span.start for span in spans}
    for span in spans:
        doc, i = span.doc, span.start
        owner = doc[i - 2] if i >= 2 else None
        if span.label_ == "ORG" and owner is not None and doc[i - 1].lower_ in POSSESSIVE_MARKS and (
                not owner.whitespace_ and owner.text[:1].isupper() and is_descriptor(owner.lower_)
                and not is_title_word(owner) and owner.text not in places() and owner.lower_ not in ORG_HEADS):
            start = opening.get(owner.i, owner.i)
            if start == owner.i and owner.i - 1 in opening and doc[owner.i - 1].whitespace_:
                start = opening[owner.i - 1]  # 'Sudan' read as a place of its own, then 'People'
            span = _span(doc, start, span.end, "ORG")
        out.append(span)
    return filter_spans(out)


def joined_demonyms(spans: list[Span]) -> list[Span]:
    """'the Jordanian 71st Counter Terrorism Battalion', 'the Iraqi Interior Ministry': a body named by its
    kind takes the demonym written before it into its name, where the model left it out; a body with a name
    of its own ('Russian Gazprom') is only described by it. Read once the spans reach their full extent."""
    out = []
    for span in spans:
        doc, i = span.doc, span.start
        nation = doc[i - 1] if i >= 1 else None
        if span.label_ == "ORG" and span[-1].lower_ in ORG_HEADS and nation is not None and nation.whitespace_ and (
                nation.text in demonyms()):
            span = _span(doc, i - 1, span.end, "ORG")
        out.append(span)
    return filter_spans(out)


def surname(words: list[str]) -> str:
    """A person's last name, before any generation mark ('Keating' in 'Charles H. Keating IV')."""
    while len(words) > 1 and (words[-1] in GENERATIONS or ROMAN.match(words[-1])):
        words = words[:-1]
    return words[-1]


def bare_name(name: str) -> str:
    """The name without the words that describe it: 'the city of Mosul' names Mosul, 'the ISIL terrorist group'
    ISIL ('northern Iraq' is a region of its own; 'Seoul's unification ministry' is a name as written)."""
    words = name.split()
    if len(words) > 2 and words[0] in PLACE_NOUNS and words[1] == "of":
        words = words[3:] if words[2] == "the" and len(words) > 3 else words[2:]
    described = len(words) > 1 and words[-1] in COLLECTIVE_HEADS
    while described and len(words) > 1 and words[-1].islower():
        words = words[:-1]
    return " ".join(words)
