"""Quotes: direct quotations and reported speech, each with its speaker actor and cue.

Direct quotes come from quotation marks (straight or curly, multi-sentence, split around "he
said"); reported speech from a speech verb with a complement clause ("Sullivan disclosed that
...") or "according to X". Speakers are the cue verb's subject, through the parse when there is
one and by word order when there is not; pronouns resolve through the actors' mentions.
A photo caption with its credit on the same line ("Delegates at the opening. Image: Jane Doe.",
Wikinews's style) is the article's own statement about the picture: an unattributed reported quote.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newslens.extract.evidence import is_hard_wrapped
from newslens.english.lexicon import (ADJUNCT_MARKERS, BARE_CLAUSE_VERBS, CALENDAR_WORDS, CLAUSE_LINKS,
                                      CLAUSE_ONLY_VERBS, CLAUSE_START_WORDS, CONTINUING_WORDS, COORDINATORS,
                                      FEMININE_PRONOUNS, FINDING_VERBS, FRONTED_PREPOSITIONS, GENDERED_HONORIFICS,
                                      INSERTION_OPENERS, NOUN_MARKERS, POSSESSIVE_MARKS, POST_MODIFIER_PREPOSITIONS,
                                      PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON, PURPOSE_PHRASES,
                                      QUOTATION_VERBS, RANK_CHANGING, RELATIVE_PRONOUNS, ROLE_HEADS,
                                      SOURCE_PREPOSITIONS, SOURCE_SKIPPED, SPEAKER_PRONOUNS, SPEECH_VERBS,
                                      TIME_MODIFIERS, TIME_NOUNS, TITLE_ABBREVIATIONS, TOPIC_ONLY_PREPOSITIONS, UNNAMED_DETERMINERS)
from newslens.model import Actor, Mention, Quote
from newslens.english.inflection import lemma, verb_forms, word_lemmas
from newslens.english.syntax import SUBJECT_DEPS, clause_subject
from newslens.english.tokens import doc_text
from newslens.extract.mentions import MentionIndex
from newslens.extract.words import Words

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
QUOTATION_MARK = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
# Tokens that are quotation marks, whatever way they are written ('' and `` are one token each).
QUOTE_TOKENS = frozenset(OPENING + CLOSING + STRAIGHT) | {"''", "``"}
ASCII_PAIR = re.compile(r"``|''")
# Single quotes at word edges: the marks of a text that writes its quotations with them ('Not now,' she said).
SINGLE_MARK = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W\d_])|(?<=[^\s'‘])['’](?=[\s,.;:!?)\]—–-]|$)",
                         re.MULTILINE)
SENTENCE_END = {".", "!", "?"}
CLAUSE_BREAK = {",", ";", ":", "—", "–", "(", ")"}
# 'said that IE6 has 277 flaws; 39 percent of these are critical': what follows a semicolon is still reported.
CLAUSE_CONTINUATIONS = {";"}
FINITE_OR_MODAL_TAGS = {"VBD", "VBZ", "VBP", "MD"}
MAX_FRONTED_WORDS = 20
PURPOSE_OPENERS = {phrase.split()[0] for phrase in PURPOSE_PHRASES}
REPORTING_VERBS = SPEECH_VERBS | FINDING_VERBS | QUOTATION_VERBS
MIN_DIRECT_WORDS = 4
MIN_ATTRIBUTED_WORDS = 2  # '"Not me," said Tom Ruiz': a short quotation with its cue is still a statement
MIN_REPORTED_WORDS = 3
# "CAPTION. Image: CREDIT." on one line: the caption, then the picture's credit (kept as the quote's cue).
CAPTION_CUE = "Image:"
SENTENCE_BREAK = re.compile(r"[.!?][\"”]?\s+(?=[A-Z\"“])")
CAPTION_LINE = re.compile(r"^[ \t]*(?P<caption>\S[^\n]*?)[ \t]*\.?[ \t]+(?:Image|Photo):[ \t]*"
                          r"(?P<credit>[^\n]*?)[ \t]*\.?[ \t]*$", re.MULTILINE)
ANIMATE_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_FIRST | {"you"}
# Subjects that are no source's name: pronouns (resolved apart) and words that stand for a clause.
# Penn tags of a finite verb or a modal: a clause of its own has begun.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NON_SOURCE_WORDS = ANIMATE_PRONOUNS | {"who", "whom", "which", "that", "this", "there", "what", "these", "those"}


@dataclass(frozen=True)
class Attribution:
    """Who a statement is attributed to: the actor (None when unnamed or unknown), the phrase naming the source
    (its text and character offsets), the cue, and for an unnamed source what it is and whom it speaks for."""

    speaker: str | None
    speaker_text: str | None
    cue: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    description: str | None = None
    affiliation: str | None = None


def token_attribution(actor_id: str | None, tok: Token, cue: str | None) -> Attribution:
    """A source named by one word (a pronoun, 'Reports')."""
    return Attribution(actor_id, tok.text, cue, tok.idx, tok.idx + len(tok.text))


def normalised_quotation_marks(text: str) -> str:
    """The text with its quotation marks written as curly or straight double marks, same length, so that
    offsets stay the original's. Curly, straight and guillemet marks stay as they are; the ASCII pairs ``...''
    and ''...'' (the New York Times's) become one straight mark beside the quotation and a space outside it
    ("''It" -> ' "It'); in a text with no double marks at all, single quotes that open and close at word edges,
    paired within a paragraph, are its quotation marks ('Not now,' she said). Only marks change."""
    chars = list(text)
    for m in ASCII_PAIR.finditer(text):
        s = m.start()
        opens = m.group() == "``" or s == 0 or text[s - 1].isspace() or text[s - 1] in "(["
        chars[s], chars[s + 1] = (" ", "“" if m.group() == "``" else STRAIGHT) if opens else (STRAIGHT, " ")
    if not QUOTATION_MARK.search(text) and not ASCII_PAIR.search(text):
        for line in re.finditer(r"[^\n]+", text):
            open_at = None
            for m in SINGLE_MARK.finditer(line.group()):
                at = line.start() + m.start()
                opening = text[at + 1:at + 2].isalpha()  # the pattern's first branch: a letter follows
                if open_at is None and opening:
                    open_at = at
                elif open_at is not None and not opening:
                    chars[open_at], chars[at] = "“", "”"
                    open_at = None
    return "".join(chars)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(open mark, close mark) offsets of each quotation, paired within a paragraph.

    An unclosed quotation runs to the paragraph end: the news convention for a quotation that
    goes on in the next paragraph, and a safe reading of an unbalanced mark.
    """
    spans = []
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    for p_start, p_end in paragraphs:
        open_at = None
        for mark in QUOTATION_MARK.finditer(text, p_start, p_end):  # only the marks, not every character
            i, ch = mark.start(), mark.group()
            if ch in OPENING and open_at is None:
                open_at = i
            elif ch in CLOSING and open_at is not None:
                spans.append((open_at, i))
                open_at = None
            elif ch == STRAIGHT:
                if open_at is None:
                    open_at = i
                else:
                    spans.append((open_at, i))
                    open_at = None
        if open_at is not None:
            spans.append((open_at, p_end))
    return spans


def inner_span(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotation_from(char: int, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that starts last at or before a character offset: the only one that can hold it, as
    quotations are in text order and do not overlap (quotation_spans)."""
    last = bisect_right(quoted, char, key=lambda span: span[0]) - 1
    return quoted[last] if last >= 0 else None


def in_quotation(char: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a character offset lies in one of the quotations, marks included."""
    found = quotation_from(char, quoted)
    return found is not None and char <= found[1]


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def is_cue(i: int, words: Words) -> bool:
    """The i-th token is a speech verb used as a verb: not 'with caution', not 'a stern warning'.

    Asked of every token, so the word itself is checked first, with no Token built: few words are speech verbs."""
    text = words.text[i]
    if not (text in verb_forms(REPORTING_VERBS) and text.islower()):
        return False
    token = words.doc[i]
    if not token.is_alpha:
        return False
    if i > 0 and (words.lower[i - 1] in NOUN_MARKERS or words.doc[i - 1].pos_ == "ADJ"):
        return False
    return not words.parsed or token.pos_ in ("VERB", "AUX", "NOUN", "") or token.tag_.startswith("VB")


def resolve_group_pronoun(index: MentionIndex, before: int, quoted: list[tuple[int, int]]) -> str | None:
    """it/they/we as a speaker: the organisation or country named last outside quotations.

    Walks back from `before` through the mentions (in text order), so a long text is not read whole per pronoun."""
    for k in range(bisect_left(index.starts, before) - 1, -1, -1):
        s, e, actor_id, kind = index.spans[k]
        quotation = quotation_from(s, quoted)
        if e <= before and kind != "pronoun" and index.types[actor_id] in ("ORG", "GPE", "NORP") and not (
                quotation and s < quotation[1]):
            return actor_id
    return None


def is_possessive_name(token: Token) -> bool:
    """A word of a name in the possessive ("New Zealand's Prime Minister John Key"): it qualifies the
    speaker, it is not the speaker."""
    doc = token.doc
    k = token.i
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I" and doc[k + 1].lower_ not in POSSESSIVE_MARKS:
        k += 1  # to the end of the name, or to a possessive inside a longer one ("Seoul's unification ministry")
    return k + 1 < len(doc) and doc[k + 1].lower_ in POSSESSIVE_MARKS


def fragment_subject(cue: Token) -> Token | None:
    """'Cynthia Thompson, curator at ..., said': parsed as a name with 'said' hanging off it, the name is
    the subject."""
    head = cue.head
    if cue.dep_ in ("parataxis", "conj") and head.i < cue.i and head.pos_ in ("PROPN", "NOUN"):
        return head
    return None


def relative_antecedent(k: int, lo: int, words: Words) -> Token | None:
    """'Ana Lopez, a Rutgers freshman, who said': by word order, the name a relative pronoun after an
    apposition stands for (the word before the apposition's comma)."""
    if not (k - 1 > lo and words.lower[k] in ("who", "which") and words.text[k - 1] == ","):
        return None
    c = k - 2
    while c > lo and words.text[c] not in (",", ".", "\n") and k - c < 10:
        c -= 1
    if c > lo and words.text[c] == "," and words.actor[c - 1] is not None:
        return words.doc[c - 1]
    return words.doc[k - 2] if words.actor[k - 2] is not None else None


def names_time(token: Token) -> bool:
    """A day, date or stretch of time ('Friday', 'last week'): never a statement's source."""
    return token.ent_type_ in ("DATE", "TIME") or token.text in CALENDAR_WORDS or token.lower_ in TIME_NOUNS


def modifies_unknown_name(token: Token, subject: Token, words: Words) -> bool:
    """A word of a name that modifies a subject which is a name of no actor ('The Ohio Daily Ledger said', the
    paper unknown to the tagger): the place describes the source, it does not speak."""
    return (token.i < subject.i and words.actor[subject.i] is None and subject.pos_ == "PROPN"
            and subject.text[:1].isupper() and words.actor[token.i] is not None
            and all(words.doc[k].pos_ == "PROPN" and words.actor[k] != words.actor[token.i]
                    for k in range(token.i + 1, subject.i + 1) if words.actor[k] != words.actor[token.i]))


def named_apposition(cue: Token, lo: int, words: Words) -> Token | None:
    """'The group, the Kestrel Valley Observatory, said', 'A spokesman for the mission, Tom Ruiz, said': a description
    then, set off by commas right before the cue, the name of an actor that is all the apposition holds. The name
    says who the description is, by word order, whatever the parser made of the two (it often gives both as
    subjects of the cue)."""
    close = cue.i - 1
    if close - 2 <= lo or words.text[close] != ",":
        return None
    start = close - 1
    while start > lo and words.text[start - 1] != "," and close - start < 8:
        start -= 1
    if start - 1 <= lo or words.text[start - 1] != "," or not words.text[start - 2][:1].isalpha():
        return None  # no description before the apposition ('Tom Ruiz, 21, said' has no comma before the name)
    first = start + 1 if words.lower[start] in ("the", "a", "an") else start
    owner = words.actor[close - 1]
    if owner is None or words.actor[start - 2] is not None or not all(
            words.actor[k] == owner for k in range(first, close)):
        return None
    return words.doc[close - 1]


def subject_tokens(cue: Token, lo: int, hi: int, words: Words) -> list[Token]:
    """Candidate speaker tokens: the parse's subject, else the nearest mention-like word by word order."""
    doc = words.doc
    named = named_apposition(cue, lo, words)
    if named is not None:
        return [named]
    if words.parsed:
        subject = clause_subject(cue) or fragment_subject(cue)
        adjacent = adjacent_subject(cue, words, lo)
        if adjacent is not None and (not holds_phrase(subject, adjacent) or adjacent[0] <= subject.i < adjacent[1]):
            # the noun phrase right before the cue, not a parse subject elsewhere; its head is its last noun ('MSNBC
            # host Chris Matthews said', 'His aides say'), not a modifier the parser made the subject
            subject = doc[adjacent[1]]
        if subject is not None and lo <= subject.i < hi and not (subject.is_space or subject.is_punct) and (
                not names_time(subject)):  # 'X, who ..., said Friday that' parsed with the day as subject
            return sorted((t for t in subject.subtree if not modifies_unknown_name(t, subject, words)),
                          key=lambda t: (is_possessive_name(t), t.i != subject.i, t.ent_type_ != "PERSON",
                                         abs(t.i - subject.i)))
    adjacent = None if words.parsed else adjacent_subject(cue, words, lo)
    if adjacent is not None:
        return [doc[adjacent[1]]]
    if cue.text.endswith("ing") and cue.i > 0 and doc[cue.i - 1].text == ",":
        return list(doc[lo:cue.i])  # participle: the main clause's subject, first in the sentence
    antecedent = relative_antecedent(cue.i - 1, lo, words)
    if antecedent is not None:
        return [antecedent]
    left = []
    k = cue.i - 1
    if words.lower[k] in TIME_NOUNS:  # past a time phrase before the cue: 'X, who backed Y, earlier this month said'
        while k - 1 >= lo and (words.lower[k - 1] in TIME_NOUNS or words.lower[k - 1] in TIME_MODIFIERS):
            k -= 1
        k -= 1
    while k >= lo:
        tok = doc[k]
        if tok.text == "," and left == []:
            # skip a comma-delimited appositive: "Sullivan, the adviser to Biden, disclosed"
            k2 = k - 1
            while k2 >= lo and doc[k2].text != ",":
                k2 -= 1
            if k2 >= lo:
                k = k2 - 1
                continue
        if tok.text in SENTENCE_END or tok.text in QUOTE_TOKENS:
            break
        left.append(tok)
        k -= 1
    if any(t.is_alpha for t in left):
        return left
    return [t for t in doc[cue.i + 1:min(cue.i + 5, hi)] if t.text not in CLAUSE_BREAK and t.lower_ != "that"]


def word_before_cue(cue: Token, words: Words, lo: int) -> int | None:
    """The word before a cue, past any adverb or auxiliary ('officials have repeatedly said')."""
    k = cue.i - 1
    while k >= lo and (words.lower[k] in SOURCE_SKIPPED or words.lower[k].endswith("ly") and words.text[k].islower()):
        k -= 1
    return k if k >= lo else None


NOUN_PHRASE_TAGS = ("NN", "JJ", "CD", "PRP$", "POS", "DT", "NNP")
PHRASE_OPENING_TAGS = ("DT", "PRP$")


def phrase_word(k: int, words: Words) -> bool:
    """The k-th word can be part of a noun phrase: a noun, adjective, number, determiner or possessive, or a word
    of a name; by the tagger's fine tags, which every English pipeline writes alike."""
    if words.actor[k] is not None or words.lower[k] in POSSESSIVE_MARKS:
        return True
    if not words.tagged:
        return words.doc[k].is_alpha and not words.is_verb(k) and (
            not words.doc[k].is_stop or words.lower[k] in UNNAMED_DETERMINERS or words.lower[k] in ("former", "own"))
    return words.tag[k].startswith(NOUN_PHRASE_TAGS) and words.doc[k].is_alpha


def opens_phrase(k: int, words: Words) -> bool:
    """A determiner opens its noun phrase: 'after the meeting | the senator said'."""
    return words.tag[k].startswith(PHRASE_OPENING_TAGS) if words.tagged else words.lower[k] in UNNAMED_DETERMINERS


def is_phrase_noun(k: int, words: Words) -> bool:
    """A noun that can end a noun phrase ('officials', 'the Clinton campaign'), not a date ('on Tuesday', 'last
    week')."""
    if words.doc[k].ent_type_ in ("DATE", "TIME") or words.text[k] in CALENDAR_WORDS or not words.doc[k].is_alpha or (
            words.lower[k] in TIME_NOUNS):
        return False
    if words.actor[k] is not None:
        return True
    return words.tag[k].startswith("NN") if words.tagged else "NOUN" in word_lemmas(words.lower[k])


def adjacent_subject(cue: Token, words: Words, lo: int) -> tuple[int, int] | None:
    """(first word, head word) of the noun phrase right before a finite cue, by word order: in 'NOUN said' the
    noun's phrase is the subject, whatever the parser made of it ('Although X lacks a win, elected officials
    from both parties say', 'X said ..., and human rights groups warned'). The head is the noun before any
    post-modifier ('officials from both parties'). None when no noun stands right before the cue."""
    if words.lower[cue.i].endswith("ing") or cue.i == 0:
        return None
    k = word_before_cue(cue, words, lo)
    if k is None or not is_phrase_noun(k, words):
        return None
    head = k
    for _ in range(3):
        first = head
        while first - 1 >= lo and phrase_word(first - 1, words) and not opens_phrase(first, words):
            first -= 1
        before = words.actor[first - 2] if first - 2 >= lo else None
        if first - 2 >= lo and words.lower[first - 1] in POST_MODIFIER_PREPOSITIONS and (
                words.index.types.get(before) == "PERSON" if before is not None else
                is_phrase_noun(first - 2, words) or words.doc[first - 2].like_num or (
                    words.lower[first - 2] in UNNAMED_DETERMINERS)):
            head = first - 2  # 'officials from both parties', 'eight of 10 voters', 'Ana Park of the Ocean Trust'
            continue
        return first, head
    return None


def holds_phrase(subject: Token | None, phrase: tuple[int, int]) -> bool:
    """The parse's subject agrees with the noun phrase before the cue: it is in the phrase, or the phrase is in
    its subtree with no punctuation between ('Mr. Morgan of the Sierra Club said', 'observers in Virginia and around
    the country say'; not 'an insult to all workers, top union leaders said')."""
    return subject is not None and (phrase[0] <= subject.i <= phrase[1] or (
        subject.left_edge.i <= phrase[0] and phrase[1] <= subject.right_edge.i and subject.i < phrase[0] and not any(
            words_between.is_punct for words_between in subject.doc[subject.i:phrase[0]])))


def source_head(cue: Token, words: Words, lo: int, hi: int) -> Token | None:
    """The head word of the phrase that names a cue's source: the parse's subject, or by word order the word
    before the cue (after any adverb or auxiliary: 'officials have repeatedly said'). A noun phrase right
    before the cue overrides a parse subject outside it (adjacent_subject)."""
    k = word_before_cue(cue, words, lo)
    if words.parsed:
        subject = clause_subject(cue) or fragment_subject(cue)
        adjacent = adjacent_subject(cue, words, lo)
        if adjacent is not None and (not holds_phrase(subject, adjacent) or adjacent[0] <= subject.i < adjacent[1]):
            return words.doc[adjacent[1]]
        if subject is None or not lo <= subject.i < hi:
            return None
        if k is not None and subject.i < k and words.actor[subject.i] is not None and words.actor[k] is None and (
                words.pos[k] == "NOUN" and words.text[k].islower() and all(
                words.doc[j].is_alpha or words.lower[j] in POSSESSIVE_MARKS or words.text[j] in ".-"
                for j in range(subject.i, k))):
            return words.doc[k]  # 'The Indiana governor said' parsed with the place as subject: the noun it modifies
        return subject
    if k is None:
        return None
    adjacent = adjacent_subject(cue, words, lo)
    if adjacent is not None and adjacent[1] != k and (words.actor[adjacent[1]] is None or (
            words.actor[adjacent[1]] != words.actor[k])):
        return words.doc[adjacent[1]]  # 'officials from both parties say', 'Ana Park of the Ocean Trust said'
    actor = words.actor[k]
    if actor is not None:  # 'a spokeswoman for Hillary Clinton': the noun the name is attached to
        m = k
        while m > lo and words.actor[m - 1] == actor:
            m -= 1
        if m - 2 >= lo and words.lower[m - 1] in SOURCE_PREPOSITIONS and words.text[m - 2].islower() and (
                words.doc[m - 2].is_alpha and words.lower[m - 2] not in UNNAMED_DETERMINERS):
            return words.doc[m - 2]
    return words.doc[k]


def is_unnamed_head(head: Token, words: Words) -> bool:
    """A common noun that names no actor ('officials', 'the report', 'Aides' opening a sentence), not a pronoun,
    not a title before or beside a name ('spokesman Josh Earnest', 'the senator, Ana Lopez,')."""
    i = head.i
    if not head.is_alpha or words.actor[i] is not None or head.lower_ in NON_SOURCE_WORDS or head.lower_ in TIME_NOUNS:
        return False
    opening = i == 0 or words.text[i - 1] in SENTENCE_END | QUOTE_TOKENS or "\n" in words.text[i - 1]
    if not (head.text.islower() or opening and head.text[1:].islower() and (
            head.pos_ == "NOUN" if words.tagged else "NOUN" in word_lemmas(head.lower_))):
        return False
    if i + 1 < len(words.text) and words.actor[i + 1] is not None and words.doc[i + 1].text[:1].isupper():
        return False  # 'spokesman Josh Earnest', 'the senator, Ana Lopez' read with the title as head
    if i + 2 < len(words.text) and words.text[i + 1] == "," and words.actor[i + 2] is not None and (
            words.index.types.get(words.actor[i + 2]) == "PERSON"):
        return False
    if words.parsed:
        last = head.right_edge.i
        while last > i and words.doc[last].is_punct:
            last -= 1
        first = last
        while first > i and words.actor[first - 1] == words.actor[last]:
            first -= 1
        if last > i and words.actor[last] is not None and words.index.types.get(words.actor[last]) == "PERSON" and (
                words.lower[first - 1] not in SOURCE_PREPOSITIONS):
            return False  # 'Executive director of the Dallas chapter Alia Salem said': the title, then the name
        if head.dep_ == "appos" and words.actor[head.head.i] is not None:
            return False  # 'Ana Lopez, a Rutgers freshman, who said': the name's apposition
        if any(c.dep_ in ("appos", "flat", "compound") and words.actor[c.i] is not None and c.i > i
               for c in head.children):
            return False
    return True


def attaches_affiliation(child: Token) -> bool:
    """'for Hillary Clinton' after a noun, parsed as a preposition with its object (spaCy's English labels) or
    as a noun with its case marker (Universal Dependencies)."""
    if child.dep_ == "prep":
        return child.lower_ in SOURCE_PREPOSITIONS
    return child.dep_ in ("nmod", "obl") and any(c.dep_ == "case" and c.lower_ in SOURCE_PREPOSITIONS
                                                 for c in child.children)


def unnamed_source(cue: Token, words: Words, lo: int, hi: int) -> Attribution | None:
    """'A spokeswoman for Hillary Clinton says', 'administration officials said', 'the report found': a source
    that names no actor. The speaker stays unknown; the phrase naming the source is kept (its offsets), with what
    it is ('spokeswoman') and the actor it speaks for ('for Hillary Clinton', 'Clinton campaign officials')."""
    head = source_head(cue, words, lo, hi)
    if head is None or not is_unnamed_head(head, words):
        return None
    before = word_before_cue(cue, words, lo)
    while before is not None and before > head.i and words.text[before] in (",", "—", "–"):
        before -= 1  # 'The director of the museum, Marie Dubois, said'
    named = before
    while named is not None and named > head.i and words.actor[named - 1] == words.actor[before]:
        named -= 1  # to the name's first word: 'for Hillary Clinton' attaches the name, it does not name the source
    if before is not None and before > head.i and words.actor[before] is not None and (
            words.index.types.get(words.actor[before]) == "PERSON") and (
            words.lower[named - 1] not in SOURCE_PREPOSITIONS) and not any(words.is_verb(k) for k in range(head.i + 1, named)):
        return None  # 'American academic and professor Marc Lamont Hill commented': a name right before the cue, in
        # the source's phrase (not the object of the clause a participle follows: 'A judge rejected X's plea, saying')
    doc, i = words.doc, head.i
    adjacent = adjacent_subject(cue, words, lo)
    if adjacent is not None and adjacent[1] == i:  # the phrase by word order, as source_head read it
        first = adjacent[0]
        attached = list(range(i + 1, cue.i))
    elif words.parsed:
        first = head.left_edge.i
        attached = [t.i for c in head.children if c.i > i and attaches_affiliation(c) for t in c.subtree]
    else:
        first = i  # back over the words before the head, to a determiner ('the Clinton campaign officials')
        while first - 1 >= max(lo, i - 5) and (doc[first - 1].is_alpha and not words.is_verb(first - 1) or (
                words.lower[first - 1] in POSSESSIVE_MARKS)) and (
                words.lower[first] not in UNNAMED_DETERMINERS) and (
                not doc[first - 1].is_stop or words.lower[first - 1] in UNNAMED_DETERMINERS):
            first -= 1
        attached = list(range(i + 2, min(i + 8, hi))) if i + 1 < hi and words.lower[i + 1] in SOURCE_PREPOSITIONS \
            else []
    while first < i and (doc[first].is_punct or doc[first].is_space or words.text[first] in QUOTE_TOKENS):
        first += 1
    affiliation = next((words.actor[k] for k in list(range(first, i)) + attached if words.actor[k] is not None), None)
    named = [k for k in range(first, i + 1) if words.actor[k] is None and words.lower[k] not in UNNAMED_DETERMINERS
             and words.lower[k] not in POSSESSIVE_MARKS and doc[k].is_alpha]
    start, end = words.idx[first], words.idx[i] + len(words.text[i])
    description = " ".join(words.text[k] for k in named) if named else head.text
    if description[1:2].islower() and (first == 0 or words.text[first - 1] in SENTENCE_END | QUOTE_TOKENS):
        description = description[:1].lower() + description[1:]  # 'Aides said' opening a sentence
    return Attribution(None, doc_text(doc)[start:end], cue.text, start, end, description, affiliation)


DATELINE_DASHES = {"—", "–", "--", "-"}
MAX_DATELINE_WORDS = 8


def after_dateline(words: Words, lo: int, cue: int) -> int:
    """The first word after a dateline that opens the cue's paragraph ('WASHINGTON —', 'NEW YORK, N.Y. (AP) --'):
    a run of capitals, commas, periods and a parenthesised agency, then a dash. A dateline names where the story
    was filed, never who speaks. `lo` when there is none."""
    start = lo
    while start < cue and (words.doc[start].is_space or "\n" in words.text[start]):
        start += 1
    if not (start == 0 or "\n" in words.text[start - 1] or words.doc[start - 1].is_space):
        return lo  # not at a paragraph's start
    capitals, in_parentheses = 0, False
    for k in range(start, min(cue, start + MAX_DATELINE_WORDS)):
        word = words.text[k]
        if word in DATELINE_DASHES:
            return k + 1 if capitals else lo
        if word in ("(", ")"):
            in_parentheses = word == "("
        elif word.isupper() and len(word.strip(".")) > 1:
            capitals += 1
        elif not (word in (",", ".") or in_parentheses and word[:1].isupper() or word[:1].isupper() and word.endswith(".")):
            return lo
    return lo


def attribute(cue: Token, words: Words, lo: int, hi: int, quoted: list[tuple[int, int]]) -> Attribution:
    """Speaker of a cue verb: an actor when the subject names or pronominalises one; an unnamed source ('a
    spokeswoman for X') when it names none. A dateline before it is no speaker."""
    index = words.index
    if lo < cue.i:
        lo = after_dateline(words, lo, cue.i)
    # 'The group, the X Observatory, said': the apposition's name is who the description is
    unnamed = None if named_apposition(cue, lo, words) is not None else unnamed_source(cue, words, lo, hi)
    if unnamed is not None:
        return unnamed
    for tok in subject_tokens(cue, lo, hi, words):
        if tok.is_space or tok.is_punct:
            continue
        actor_id = index.of_token(tok)
        if actor_id:
            if tok.lower_ in ANIMATE_PRONOUNS:
                return token_attribution(actor_id, tok, cue.text)
            start, end = mention_bounds(index, tok, actor_id)
            return Attribution(actor_id, cue.doc.char_span(start, end, alignment_mode="expand").text, cue.text,
                               start, end)
        if tok.lower_ in PRONOUNS_GROUP | {"we"}:
            return token_attribution(resolve_group_pronoun(index, tok.idx, quoted), tok, cue.text)
        if tok.lower_ in PRONOUNS_PERSON | PRONOUNS_FIRST:
            return token_attribution(None, tok, cue.text)
        if not words.parsed and tok.is_alpha and not tok.is_stop and tok.text[0].isupper() and (
                tok.i == lo or words.lower[tok.i - 1] in ("the", "a", "an")):
            return token_attribution(None, tok, cue.text)  # a subject that names no actor ("Reports")
    if words.parsed:
        subject = clause_subject(cue)
        if subject is not None and subject.is_alpha and not names_time(subject):
            first = subject.i  # a name of no actor by all its words: 'The Ohio Daily Ledger said'
            while subject.pos_ == "PROPN" and first > max(lo, subject.left_edge.i) and (
                    words.doc[first - 1].pos_ == "PROPN"):
                first -= 1
            start, end = words.idx[first], subject.idx + len(subject.text)
            return Attribution(None, doc_text(cue.doc)[start:end], cue.text, start, end)
    return Attribution(None, None, cue.text)


def mention_bounds(index: MentionIndex, tok: Token, actor_id: str) -> tuple[int, int]:
    """Character bounds of the actor's mention that covers the token (a place named inside an
    organisation's name is another actor's mention)."""
    for s, e, mentioned, _ in index.in_range(tok.idx - 200, tok.idx + 200):
        if s <= tok.idx < e and mentioned == actor_id:
            return s, e
    return tok.idx, tok.idx + len(tok.text)


MAX_ATTRIBUTION_WORDS = 10


def attribution_follows(words: Words, start: int) -> bool:
    """'"Why was the money idle?" Mr. Ortiz said.': after a quotation that ends with its own ?, ! or ., a short
    run of words with a cue and no other verb before the cue is its attribution, not the next sentence."""
    for k in range(start, min(start + MAX_ATTRIBUTION_WORDS, len(words.text))):
        if words.text[k] in SENTENCE_END or "\n" in words.text[k] or words.text[k] in QUOTE_TOKENS:
            return False
        if is_cue(k, words):
            return True
        if words.is_verb(k) or words.tagged and words.tag[k] in FINITE_OR_MODAL_TAGS:
            return False
    return False


def sentence_bounds(words: Words, first: int, last: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """Token range around a quotation, bounded by sentence ends outside quotes and by line breaks."""
    # A line break is in a token's text, never in its trailing whitespace (one space at most).
    text = words.text
    inside = lambda k: in_quotation(words.idx[k], quoted)  # noqa: E731
    lo = first
    while lo > 0 and not ("\n" in text[lo - 1] or (text[lo - 1] in SENTENCE_END and not inside(lo - 1))):
        lo -= 1
    hi = last + 1
    closes_sentence = text[last] in SENTENCE_END or (last > 0 and text[last - 1] in SENTENCE_END)
    if closes_sentence and hi < len(text) - 1 and text[hi + 1][:1].isupper() and not attribution_follows(words, hi + 1):
        return lo, hi + 1  # “... on this.” Next sentence: the quotation ended its sentence
    while hi < len(text) and not ("\n" in text[hi - 1] or (text[hi - 1] in SENTENCE_END
                                                           and not inside(hi - 1) and hi - 1 > last)):
        hi += 1
    return lo, hi


def introduced_block(words: Words, first: int, marks: list[tuple[int, int]]) -> Attribution | None:
    """The attribution of a quotation that opens a paragraph after one ending in a colon ('Ana Ruiz continued:',
    'The Daily Ledger reports:', 'Ruiz made the following comment:'): the block quote's source is the
    introducing sentence's, by its cue, else its subject or first actor."""
    k = first - 1
    while k >= 0 and (words.doc[k].is_space or words.text[k] in QUOTE_TOKENS):
        k -= 1
    if k < 1 or words.text[k] != ":" or "\n" not in words.doc[k:first].text:
        return None
    colon, lo = k, k
    while lo > 0 and not ("\n" in words.text[lo - 1] or words.text[lo - 1] in SENTENCE_END):
        lo -= 1
    outside = [j for j in range(lo, colon) if not in_quotation(words.idx[j], marks)]
    for j in outside:
        if is_cue(j, words):
            candidate = attribute(words.doc[j], words, lo, colon, marks)
            if candidate.speaker or candidate.speaker_text:
                return candidate
    named = [j for j in outside if words.actor[j] is not None]
    if not named:
        return None
    j = next((j for j in named if words.parsed and words.doc[j].dep_ in SUBJECT_DEPS), named[0])
    start, end = mention_bounds(words.index, words.doc[j], words.actor[j])
    return Attribution(words.actor[j], doc_text(words.doc)[start:end], None, start, end)


def direct_quotes(words: Words, text: str) -> list[tuple[int, int, Attribution]]:
    """Quotations in `text` (the doc's text, passed in: spaCy rebuilds doc.text on every access)."""
    doc = words.doc
    marks = quotation_spans(text)
    found = []
    previous: tuple[int, Attribution] | None = None
    for open_at, close_at in marks:
        start, end = inner_span(text, open_at, close_at)
        first, last = token_at(doc, open_at), token_at(doc, max(close_at - 1, open_at))
        if first is None or last is None or start >= end:
            continue
        lo, hi = sentence_bounds(words, first.i, last.i, marks)
        tail_cues = [k for k in range(last.i + 1, hi) if is_cue(k, words) and words.idx[k] > close_at
                     and not in_quotation(words.idx[k], marks)]
        lead = [k for k in range(lo, first.i) if not in_quotation(words.idx[k], marks)]
        cues = [doc[k] for k in tail_cues + [k for k in reversed(lead) if is_cue(k, words)]]
        attribution = None
        for cue in cues:
            bound_lo = lo if cue.i < first.i else last.i + 1
            bound_hi = first.i if cue.i < first.i else hi
            candidate = attribute(cue, words, bound_lo, bound_hi, marks)
            if candidate.speaker or candidate.speaker_text:
                attribution = candidate
                break
        if attribution is None and lead and words.text[lead[-1]] == ":":
            ids = [words.actor[k] for k in lead if words.actor[k]]
            attribution = Attribution(ids[0], None, None) if ids else None
        if attribution is None and not lead:
            attribution = introduced_block(words, first.i, marks)
        continues = previous is not None and (
            text[previous[0]:open_at].strip(" ,\n") == "" or
            (text[previous[0]:open_at].count("\n") <= 1 and not cues))
        if attribution is None and continues and previous is not None:
            attribution = previous[1]
        if not is_statement(text[start:end], attribution is not None and attribution.cue is not None):
            continue
        attribution = attribution or Attribution(None, None, None)
        found.append((start, end, attribution))
        previous = (close_at + 1, attribution)
    return found


def is_statement(content: str, attributed: bool) -> bool:
    """A quotation that reports speech, not a scare-quoted phrase ('parole') or a title ('The Countdown')."""
    words = content.split()
    sentence = content.rstrip("”\"' ").endswith((".", "!", "?", ","))
    if len(words) < MIN_DIRECT_WORDS and not (attributed and sentence and len(words) >= MIN_ATTRIBUTED_WORDS):
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return sentence or capitalised < 0.6 * len(words)


def has_reported_clause(start: int, end: int, words: Words) -> bool:
    """The complement is a clause: a verb with something (its subject) before it, not 'route out'."""
    if not words.tagged:
        return True
    return any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words.doc[start + 1:end])


def clause_end(words: Words, start: int, limit: int) -> int:
    """End token of a reported clause: the end of its sentence, through 'if', 'because' and commas ('the bridge
    would close, because the cables had rusted'), up to a break that opens another attribution ('..., but the
    ambassador says ...', '..., according to X', '..., he said') or a parenthesis."""
    verb_at = None
    for k in range(start, limit):
        word = words.text[k]
        if word in SENTENCE_END or "\n" in word:
            return k  # a line break is in a token's text, never in its trailing whitespace (one space at most)
        if verb_at is None:
            if words.is_verb(k) or words.doc[k].pos_ == "AUX":
                verb_at = k
            continue
        if word in ("(", ")") or word in CLAUSE_BREAK - CLAUSE_CONTINUATIONS and attribution_after_break(words, k, limit):
            return k
        if words.lower[k] in COORDINATORS and k + 1 < limit and coordinated_cue(words, k + 1, limit):
            return k  # '... too early for a run but noted that ...': the same speaker's next statement
        if k - verb_at >= 3 and words.lower[k - 1] != "," and (words.lower[k] == "such" or (
                words.lower[k] in PURPOSE_OPENERS and words.doc[k:k + 3].text.lower() in PURPOSE_PHRASES)):
            return k  # 'with the aim of ...', 'such as ...': the statement's core ends before its purpose or examples
    return limit


def coordinated_cue(words: Words, k: int, limit: int) -> bool:
    """At k (after 'and' or 'but'), past adverbs, a cue verb in the past or present tense: a second attribution
    with the clause's speaker ('said the talks had failed and warned that ...')."""
    while k < limit and (words.lower[k] in SOURCE_SKIPPED or words.lower[k].endswith("ly") and words.text[k].islower()):
        k += 1
    return k < limit and not words.lower[k].endswith("ing") and is_cue(k, words) and (
        not words.tagged or words.tag[k] in FINITE_OR_MODAL_TAGS)


def attribution_after_break(words: Words, k: int, limit: int) -> bool:
    """After the comma (or dash, colon) at k, a cue before the next break: another attribution begins."""
    for j in range(k + 1, min(k + 1 + MAX_ATTRIBUTION_WORDS, limit)):
        if words.text[j] in CLAUSE_BREAK or words.text[j] in SENTENCE_END:
            return False
        if is_cue(j, words) or words.lower[j] == "according":
            return True
    return False


def skip_fronted_adjunct(words: Words, start: int, end: int) -> int:
    """'that, despite North Korean denials, the country had supplied' -> start at 'the country'; so too
    after a fronted phrase with no finite verb ('on October 6 after traveling back, Montalvo ...',
    'according to a posting made a day ago, the site ...'). A comma inside a date does not end it."""
    opener = words.lower[start]
    if opener in FRONTED_PREPOSITIONS:
        for k in range(start + 1, min(start + MAX_FRONTED_WORDS, end - 1)):
            if words.text[k] == "," and not words.doc[k + 1].like_num:
                return k + 1
            if is_finite_verb(k, words):
                return start  # 'in 2019 the company lost money, ...': the clause itself, not an adjunct
        return start
    for k in range(start, min(start + 8, end)):
        if words.text[k] == ",":
            return k + 1 if opener in ADJUNCT_MARKERS else start
        if words.is_verb(k):
            return start
    return start


def is_finite_verb(k: int, words: Words) -> bool:
    """A verb with tense ('lost', 'has'), not a participle ('traveling', 'made' after a noun)."""
    if words.tagged:
        return words.doc[k].tag_ in FINITE_OR_MODAL_TAGS
    return words.is_verb(k) and not words.lower[k].endswith("ing")


def bare_clause_start(cue: Token, words: Words) -> int | None:
    """'said New Zealand's flag has ...', 'told Montalvo he would ...': a clause with no 'that'."""
    doc = words.doc
    if lemma(cue) not in BARE_CLAUSE_VERBS or cue.i + 2 >= len(doc):
        return None
    k = cue.i + 1
    while k < len(doc) and (doc[k].pos_ == "ADV" or doc[k].lower_ in ("also", "then", "now", "recently")):
        k += 1
    if lemma(cue) == "tell":
        if not (k < len(doc) and (doc[k].ent_type_ or
                                     doc[k].lower_ in ("him", "her", "them", "us", "me", "reporters"))):
            return None
        k += 1
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
    if k >= len(doc):
        return None
    nxt = doc[k]
    if nxt.text in CALENDAR_WORDS or nxt.ent_type_ in ("DATE", "TIME"):
        return None  # 'said Friday afternoon, as ...': when it was said, not what
    if nxt.lower_ in CLAUSE_START_WORDS and nxt.lower_ != "that" or (nxt.text[:1].isupper() and nxt.is_alpha) or nxt.like_num:
        return k
    return None


def complement_start(cue: Token, words: Words) -> int | None:
    """First token of the clause a speech verb reports, or None when it takes no clause."""
    sent_end = cue.sent.end
    for k in range(cue.i + 1, min(cue.i + 8, sent_end)):
        if words.tag[k] in FINITE_VERB_TAGS:
            break  # 'said Moscow wanted guarantees that ...': that 'that' opens a clause inside the reported one
        if words.lower[k] == "that":
            nxt = k + 1
            while nxt < sent_end and words.text[nxt] == ",":
                nxt += 1
            return nxt if nxt < sent_end else None
        word = words.text[k]
        if word == "," and k == cue.i + 1:
            close = next((j for j in range(k + 1, min(k + 8, sent_end - 2)) if words.text[j] == ","), None)
            if close is not None and words.lower[close + 1] == "that":
                return close + 2  # "explains, in a satirical fashion, that ..."
        if word in SENTENCE_END or word in QUOTE_TOKENS or word in (":", ",") or is_cue(k, words):
            break
    if words.parsed:
        as_mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i), None)
        if as_mark is not None:
            # 'As Ana Ruiz told the Post, ozone has dropped': what follows the reporting clause's comma, when the
            # clause opens the sentence and says nothing of its own ('As X told reporters about Y, ...' is a time)
            opens = as_mark.i == cue.sent.start or words.lower[as_mark.i - 1] in ("and", "but", "\n")
            comma = next((k for k in range(cue.i + 1, min(cue.i + 10, sent_end)) if words.text[k] == ","), None)
            topical = comma is not None and any(words.lower[k] in TOPIC_ONLY_PREPOSITIONS for k in range(cue.i + 1, comma))
            usable = opens and not topical and comma is not None and comma + 1 < sent_end
            return comma + 1 if usable else None
        clauses = [c for c in cue.children if c.dep_ in ("ccomp",) and c.i > cue.i]
        if cue.i + 1 < sent_end and words.text[cue.i + 1] == ",":
            return None  # 'The museum, Mr. Ortiz said, celebrated ...': the attribution inside its statement
        if not clauses:
            return bare_clause_start(cue, words)
        start = clauses[0].left_edge.i
        return start + 1 if words.lower[start] in ("that", ",") else start
    return bare_clause_start(cue, words)


def line_end(words: Words, cue: int, limit: int, hard_wrapped: bool) -> int:
    """Where the cue's paragraph ends, before `limit`: a reported clause never runs into the next one. A
    paragraph is a line, or, in hard-wrapped text, a block between blank lines."""
    text, breaks = doc_text(words.doc), "\n\n" if hard_wrapped else "\n"
    end = words.idx[limit - 1] if limit - 1 < len(words.idx) else len(text)
    found = text.find(breaks, words.idx[cue], end)
    return limit if found < 0 else bisect_right(words.idx, found)


def finite_verb_in(words: Words, start: int, end: int) -> bool:
    return any(is_finite_verb(k, words) or words.is_verb(k) and not words.tagged for k in range(start, end))


def report_before_cue(cue: Token, words: Words, quoted: list[tuple[int, int]], lo: int, hi: int,
                      hard_wrapped: bool) -> list[tuple[int, int, Attribution]]:
    """Reported speech whose attribution comes after it or inside it: 'Prices will keep rising, Mayor Ana Lopez
    said.', '..., said Mr. Ortiz.', 'Prices, she said in an interview, will keep rising.' (two parts of one
    statement, one attribution). The statement runs from the sentence's start (or the end of the last report in
    it) to the comma before the attribution, and, when that part has no verb of its own, on after the
    attribution's closing comma to the end of the sentence."""
    doc, i = words.doc, cue.i
    if lemma(cue) in CLAUSE_ONLY_VERBS or words.lower[i].endswith("ing"):
        return []  # '..., saying': a participle adds to its clause, it does not attribute it
    k = i - 1
    while k > lo and (words.lower[k] in SOURCE_SKIPPED or words.lower[k].endswith("ly") and words.text[k].islower()):
        k -= 1
    if words.lower[k] in RELATIVE_PRONOUNS:
        return []  # 'X, a gynecologist, who said': the relative clause's verb attributes nothing before it
    if words.text[k] == ",":
        comma = k  # '..., said Mr. Ortiz'
        if not inverted_subject(i, words, hi):
            return []
    else:
        comma = next((c for c in range(k, max(lo, k - MAX_ATTRIBUTION_WORDS) - 1, -1) if words.text[c] == ","), None)
        if comma is None or comma == k or finite_verb_in(words, comma + 1, k + 1) or any(
                words.text[j] in QUOTE_TOKENS or words.text[j] in SENTENCE_END for j in range(comma + 1, k + 1)):
            return []
    start = lo
    while start < comma and (doc[start].is_space or words.text[start] in QUOTE_TOKENS or words.text[start] in "—–-"):
        start += 1
    if start >= comma or any(in_quotation(words.idx[j], quoted) for j in (start, comma - 1)):
        return []
    if any("\n" in words.text[j] for j in range(start, i)) or (hard_wrapped and "\n\n" in doc_text(doc)[
            words.idx[start]:words.idx[i]]):
        return []  # the attribution's line only
    parts = [(start, comma)]
    after = next((j for j in range(i + 1, min(i + MAX_ATTRIBUTION_WORDS, hi)) if words.text[j] == ","), None)
    goes_on = after is not None and after + 1 < hi and words.lower[after + 1] in CONTINUING_WORDS
    if goes_on or not finite_verb_in(words, start, comma):  # 'Prices, she said, will keep rising': it goes on after it
        if after is None or after + 1 >= hi:
            return []
        end = clause_end(words, after + 1, line_end(words, i, hi, hard_wrapped))
        while end > after + 1 and words.text[end - 1] in SENTENCE_END:
            end -= 1
        parts.append((after + 1, end))
    if sum(e - s for s, e in parts) < MIN_REPORTED_WORDS or not (finite_verb_in(words, *parts[0]) or len(parts) > 1 and (
            any(words.is_verb(k) or words.tagged and words.tag[k].startswith("VB") for k in range(*parts[1])))):
        return []  # the part after the attribution has a verb, whatever its tense reads ('The museum, he said, celebrated')
    attribution = attribute(cue, words, comma + 1, hi, quoted)
    if attribution.speaker is None and attribution.speaker_text is None:
        return []
    # one statement, one quote: 'Time, Mr. Pence added, was on their side' is read whole, its attribution inside
    return [(doc[start].idx, doc[parts[-1][1] - 1].idx + len(words.text[parts[-1][1] - 1]), attribution)]


def inverted_subject(i: int, words: Words, hi: int) -> bool:
    """'..., said Mr. Ortiz.', '..., said Ana Lopez, who leads the council': after the cue, a name or a noun
    phrase, then the sentence's end or a comma, with no verb ('said a commission appointed by ... estimated'
    is a bare reported clause)."""
    if not (i + 1 < hi and (words.actor[i + 1] is not None or words.lower[i + 1] in UNNAMED_DETERMINERS)):
        return False
    for k in range(i + 1, min(i + MAX_ATTRIBUTION_WORDS, hi)):
        if words.text[k] in SENTENCE_END or words.text[k] == "," or "\n" in words.text[k]:
            return True
        if words.actor[k] is None and (words.is_verb(k) or words.tagged and words.tag[k] in FINITE_OR_MODAL_TAGS):
            return False
    return hi <= i + MAX_ATTRIBUTION_WORDS


def follows_quotation(i: int, words: Words) -> bool:
    """The cue comes right after a closing quotation mark (and its comma), and takes no 'that' clause or
    participle's ('“that person,” telling Fox 35 that ...' reports what follows)."""
    if words.lower[i].endswith("ing") or i + 1 < len(words.lower) and words.lower[i + 1] == "that":
        return False
    k = i - 1
    while k >= 0 and words.text[k] in (",", "—", "–"):
        k -= 1
    return k >= 0 and words.text[k] in QUOTE_TOKENS


def reported_quotes(words: Words, quoted: list[tuple[int, int]]) -> list[tuple[int, int, Attribution]]:
    doc = words.doc
    found = []
    taken_until = -1
    speech_forms = verb_forms(REPORTING_VERBS)
    hard_wrapped = is_hard_wrapped(doc_text(doc))
    for i, word in enumerate(words.text):
        if word not in speech_forms:
            continue  # is_cue's first test, without a call per word: few words are speech verbs
        if i <= taken_until or not is_cue(i, words) or any(s <= words.idx[i] < e for s, e in quoted):
            continue
        if lemma(doc[i]) in QUOTATION_VERBS or follows_quotation(i, words):
            continue  # it attributes a quotation, it reports no clause ('"Not me," said Tom Ruiz, 21')
        tok = doc[i]
        sent = tok.sent
        inverted = i > 0 and words.text[i - 1] == "," and inverted_subject(i, words, sent.end)  # '..., said Mr. Ortiz'
        start = None if inverted else complement_start(tok, words)
        if start is None:
            before = report_before_cue(tok, words, quoted, max(sent.start, taken_until + 1), sent.end, hard_wrapped)
            found += before
            if before:
                taken_until = max(taken_until, doc.char_span(before[-1][0], before[-1][1],
                                                             alignment_mode="expand").end)
            continue
        if words.text[start] in QUOTE_TOKENS - set(CLOSING) or any(s <= words.idx[start] < e for s, e in quoted):
            continue  # the verb introduces a direct quotation, already found
        limit = line_end(words, i, sent.end if words.parsed else len(doc), hard_wrapped)
        if start >= limit:
            continue  # a headline's verb does not report the first line of the story
        start = skip_fronted_adjunct(words, start, limit)
        end = clause_end(words, start, limit)
        if end - start < MIN_REPORTED_WORDS:
            continue
        attribution = attribute(tok, words, sent.start, sent.end, quoted)
        if lemma(tok) in CLAUSE_ONLY_VERBS and attribution.speaker is None and attribution.speaker_text is None:
            continue
        if not has_reported_clause(start, end, words):
            continue
        span = doc[start:end]
        found.append((span.start_char, span.end_char, attribution))
        taken_until = end
    # 'According to ABC News, Basya believes X': Basya's own cue says who holds X, the source only relays it
    found += [q for q in according_to(words, quoted) if not any(q[0] <= s and e <= q[1] for s, e, _ in found)]
    return found


def according_to(words: Words, quoted: list[tuple[int, int]]) -> list[tuple[int, int, Attribution]]:
    """'According to X, CLAUSE' and 'CLAUSE, according to X'."""
    doc, index = words.doc, words.index
    found = []
    for i in range(len(doc) - 2):
        if words.lower[i] != "according" or words.lower[i + 1] != "to":
            continue
        tok = doc[i]
        sent = tok.sent
        source = next((t for t in doc[tok.i + 2:sent.end] if index.of_token(t)), None)
        comma = next((k for k in range(tok.i, sent.end) if words.text[k] == ","), None)
        opening = tok.i - sent.start <= 1 or words.text[i] == "According"  # capitalised: it opens a sentence
        after_comma = clause_end(words, comma + 1, sent.end) - comma - 1 if comma is not None else 0
        if opening and after_comma >= MIN_REPORTED_WORDS:  # 'According to X, CLAUSE'
            start, end = comma + 1, comma + 1 + after_comma
        elif opening and source is not None:  # no comma ends 'According to X' ('Mecca, Saudi Arabia')
            after = source.i + 1
            while after < sent.end and index.of_token(doc[after]) == index.of_token(source):
                after += 1
            start, end = after, clause_end(words, after, sent.end)
        elif words.text[tok.i - 1] == "," and words.lower[tok.i - 2] in INSERTION_OPENERS and comma is not None:
            start, end = comma + 1, clause_end(words, comma + 1, sent.end)  # "which, according to AFP, the UN ..."
        elif tok.i > sent.start + MIN_REPORTED_WORDS and words.text[tok.i - 1] == ",":
            start, end = sent.start, tok.i - 1
            while doc[start].is_space:
                start += 1
        else:
            continue
        if end - start < MIN_REPORTED_WORDS:
            continue
        span = doc[start:end]
        found.append((span.start_char, span.end_char, according_source(words, i + 2, sent.end, source)))
    return found


def according_source(words: Words, first: int, limit: int, source: Token | None) -> Attribution:
    """Who 'according to' names: the phrase after it, to a comma, a verb or a clause ('exit polls', 'a report by
    the Health Ministry released on Monday'). Its head (before any 'by', 'of', 'for' ...) names an actor, or is a
    common noun: an unnamed source ('the poll'), with the actor named in the phrase as its affiliation."""
    end = first
    while end < min(limit, first + MAX_ATTRIBUTION_WORDS) and words.text[end] not in CLAUSE_BREAK | SENTENCE_END and (
            not (end > first and words.is_verb(end) and words.actor[end] is None)) and (
            words.lower[end] not in RELATIVE_PRONOUNS) and (
            "\n" not in words.text[end]):
        end += 1
    main = next((k for k in range(first + 1, end) if words.lower[k] in SOURCE_PREPOSITIONS | {"by"}), end)
    head = main - 1
    if head >= first and words.actor[head] is not None:
        start, stop = mention_bounds(words.index, words.doc[head], words.actor[head])
        return Attribution(words.actor[head], doc_text(words.doc)[start:stop], "according to", start, stop)
    if head >= first and words.text[head].islower() and words.doc[head].is_alpha:
        start, stop = words.idx[first], words.idx[head] + len(words.text[head])
        named = [words.text[k] for k in range(first, head + 1) if words.actor[k] is None
                 and words.lower[k] not in UNNAMED_DETERMINERS and words.doc[k].is_alpha]
        affiliation = next((words.actor[k] for k in range(first, end) if words.actor[k] is not None), None)
        return Attribution(None, doc_text(words.doc)[start:stop], "according to", start, stop,
                           " ".join(named) or words.text[head], affiliation)
    speaker = words.index.of_token(source) if source is not None else None
    return Attribution(speaker, source.text if source is not None else None, "according to",
                       source.idx if source is not None else None,
                       source.idx + len(source.text) if source is not None else None)


def captions(text: str) -> list[tuple[int, int, Attribution]]:
    """Photo captions credited on their own line, the last sentence before the credit ('Montalvo in 2010,
    after leaving the group. Montalvo holds a copy of the book.'), two words at least ('Belle' names a
    character); the credit names the picture's source, not a speaker."""
    found = []
    for m in CAPTION_LINE.finditer(text):
        start, end = m.span("caption")
        start += max((b.end() for b in SENTENCE_BREAK.finditer(text, start, end)), default=start) - start
        if len(text[start:end].split()) >= 2:
            found.append((start, end, Attribution(None, m.group("credit") or None, CAPTION_CUE)))
    return found


def extract_quotes(doc: Doc, actors: list[Actor], words: Words | None = None) -> list[Quote]:
    """All quotes in text order; a direct quote inside a reported clause makes it one mixed quote.
    `words`: the doc's Words over these actors, where the caller has them already."""
    words = words or Words(doc, MentionIndex(actors))
    original = doc_text(doc)
    text = normalised_quotation_marks(original)  # the same offsets, every quotation mark written one way
    direct = direct_quotes(words, text)
    quoted = [(s - 1, e + 1) for s, e, _ in direct]
    reported = reported_quotes(words, quoted)
    records = []
    for s, e, attribution in reported:
        # a quotation inside the reported clause, or right after it ('said although X, "nobody has ..."')
        e = max([e] + [d[1] for d in direct if s <= d[0] < e or d[0] > e and not text[e:d[0]].strip(" ,“\"")
                       and d[2].speaker in (None, attribution.speaker)])  # not another's quotation after it
        if text[e:e + 1] in ('"', "”") and (text[s:e].count('"') % 2 or text[s:e].count("“") > text[s:e].count("”")):
            e += 1  # the closing mark of a quotation it ends with
        inner = [d for d in direct if s <= d[0] and d[1] <= e]
        records.append((s, e, "mixed" if inner else "indirect", attribution))
        direct = [d for d in direct if d not in inner]
    records += [(s, e, "direct", a) for s, e, a in direct]
    pictured = captions(text)
    records = [r for r in records if not any(s < r[1] and r[0] < e for s, e, _ in pictured)]
    records += [(s, e, "indirect", a) for s, e, a in pictured]
    records.sort(key=lambda r: (r[0], r[1]))
    quotes = []
    for n, (s, e, kind, a) in enumerate(records, start=1):
        confidence = 0.9 if a.speaker and a.cue else 0.7 if a.speaker else 0.4
        quotes.append(Quote(id=f"q{n}", kind=kind, text=original[s:e], start=s, end=e, speaker=a.speaker,
                            speaker_text=a.speaker_text, cue=a.cue, confidence=confidence,
                            speaker_start=a.speaker_start, speaker_end=a.speaker_end,
                            source_description=None if a.speaker else a.description,
                            source_affiliation=None if a.speaker else a.affiliation))
    return quotes


SPEAKER_PRONOUN_REACH = 1200  # characters back to the person a speaker's 'he' or 'she' stands for
SPEAKER_DESCRIPTION_REACH = 2500  # and to the one 'the senator' stands for


def honorific_gender(actor: Actor) -> str | None:
    """'male' or 'female' when the article calls the person Mr., Mrs., Ms. ... (and never both), else None."""
    found = {GENDERED_HONORIFICS[m.text.split()[0].lower()] for m in actor.mentions
             if m.kind != "pronoun" and m.text.split() and m.text.split()[0].lower() in GENDERED_HONORIFICS}
    return found.pop() if len(found) == 1 else None


def role_words(actor: Actor) -> set[str]:
    """The words of a person's role, abbreviations spelt out ('Sen.' -> senator)."""
    found = set()
    for word in (actor.role or "").lower().split():
        found.add(TITLE_ABBREVIATIONS.get(word, word.strip(".,")))
    return found


def described_person(description: str, before: list[str], persons: dict[str, Actor]) -> str | None:
    """The person 'the senator' or 'the foreign minister' stands for: of the people named before it (latest
    first), the first whose role has every word of the description, and no word that makes it another role
    ('the president' is no vice president)."""
    wanted = {w.lower() for w in description.split()}
    if not wanted or description.split()[-1].lower() not in ROLE_HEADS:
        return None
    for aid in before:
        roles = role_words(persons[aid])
        if wanted <= roles and not (roles & RANK_CHANGING) - wanted:
            return aid
    return None


def resolve_speaker_references(quotes: list[Quote], actors: list[Actor], text: str) -> tuple[list[Quote], list[Actor]]:
    """Speakers that coreference left to nobody, read again from the quotes: a 'he' or 'she' ('He says, "..."':
    a person named a few paragraphs up, or a gender read wrongly earlier on) goes to the speaker of the quote
    before it, else to the person named last before it outside quotations, within reach and not of the other
    gender by honorific ('Mr. King' is no she; a 'he' coreference gave Ms. Ana Ruiz is read again so); a definite
    description ('The senator said', after Sen. Ana Ruiz was named) to the person whose role it names. The
    pronoun or description becomes that person's mention, and a body's 'it' or 'they' (resolve_group_pronoun) the
    body's."""
    persons = {a.id: a for a in actors if a.type == "PERSON"}
    if not persons:
        return quotes, with_group_speakers(quotes, actors, text)
    gender = {aid: honorific_gender(a) for aid, a in persons.items()}
    quoted = sorted((q.start, q.end) for q in quotes if q.kind != "indirect")
    named = sorted((m.start, aid) for aid, a in persons.items() for m in a.mentions
                   if m.kind != "pronoun" and not in_quotation(m.start, quoted))
    added: dict[str, dict[int, Mention]] = {}
    resolved, previous = [], None
    removed: set[tuple[str, int]] = set()
    for q in quotes:
        at, chosen, kind = q.speaker_start, None, "pronoun"
        source = text[at:q.speaker_end] if at is not None and q.speaker_end is not None else ""
        if q.speaker in persons and source.lower() in SPEAKER_PRONOUNS and gender[q.speaker] not in (
                None, "female" if source.lower() in FEMININE_PRONOUNS else "male"):
            removed.add((q.speaker, at))  # 'he said' given to Ms. Ana Ruiz: read again
            q = replace(q, speaker=None)
        if q.speaker is None and source:
            before = [(s, aid) for s, aid in reversed(named[:bisect_left(named, (at, ""))])]
            if source.lower() in SPEAKER_PRONOUNS:
                wanted = "female" if source.lower() in FEMININE_PRONOUNS else "male"
                candidates = [previous[1]] if previous is not None and at - previous[0] <= SPEAKER_PRONOUN_REACH else []
                candidates += [aid for s, aid in before if at - s <= SPEAKER_PRONOUN_REACH]
                chosen = next((aid for aid in candidates if gender[aid] in (None, wanted)), None)
            elif source[:4].lower() == "the " and q.source_description and q.source_affiliation is None:
                chosen = described_person(q.source_description, [aid for s, aid in before
                                                                 if at - s <= SPEAKER_DESCRIPTION_REACH], persons)
                kind = "nominal"
            if chosen is not None:
                q = replace(q, speaker=chosen, confidence=0.9 if q.cue else 0.7,
                            source_description=None, source_affiliation=None)
                added.setdefault(chosen, {})[at] = Mention(source, at, q.speaker_end, kind)
        if q.speaker in persons:
            previous = (q.end, q.speaker)
        resolved.append(q)
    actors = [replace(a, mentions=tuple(sorted([m for m in a.mentions if (a.id, m.start) not in removed]
                                               + list(added.get(a.id, {}).values()), key=lambda m: (m.start, m.end))))
              if a.id in added or any(aid == a.id for aid, _ in removed) else a for a in actors]
    return resolved, with_group_speakers(resolved, actors, text)


def with_group_speakers(quotes: list[Quote], actors: list[Actor], text: str) -> list[Actor]:
    """'The ministry rejected the claim. It said ...': the 'it' or 'they' a quote gives to a body (resolve_group_pronoun)
    is that body's mention, as a person's 'he' is the person's."""
    bodies = {a.id for a in actors if a.type != "PERSON"}
    added: dict[str, dict[int, Mention]] = {}
    for q in quotes:
        at, end = q.speaker_start, q.speaker_end
        if q.speaker in bodies and at is not None and end is not None and text[at:end].lower() in (
                PRONOUNS_GROUP | {"we"}):
            added.setdefault(q.speaker, {})[at] = Mention(text[at:end], at, end, "pronoun")
    out = []
    for a in actors:
        known = {m.start for m in a.mentions}
        new = [m for at, m in sorted(added.get(a.id, {}).items()) if at not in known]
        out.append(replace(a, mentions=tuple(sorted(a.mentions + tuple(new), key=lambda m: (m.start, m.end))))
                   if new else a)
    return out
