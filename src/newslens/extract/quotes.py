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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newslens.extract.evidence import is_hard_wrapped
from newslens.english.lexicon import (CLAUSE_ONLY_VERBS, FINDING_VERBS, POSSESSIVE_MARKS, PRONOUNS_FIRST, PRONOUNS_GROUP,
                              PRONOUNS_PERSON, SPEECH_VERBS)
from newslens.model import Actor, Quote
from newslens.english.syntax import MentionIndex, Words, clause_subject, doc_text, lemma, verb_forms

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
QUOTATION_MARK = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
SENTENCE_END = {".", "!", "?"}
CLAUSE_BREAK = {",", ";", ":", "—", "–", "(", ")"}
# 'said that IE6 has 277 flaws; 39 percent of these are critical': what follows a semicolon is still reported.
CLAUSE_CONTINUATIONS = {";"}
# '..., because dignitaries wanted to meet him', '..., which he then used': the report goes on after the comma.
CLAUSE_LINKS = {"because", "which", "and", "but", "so", "while", "although", "though"}
ADJUNCT_MARKERS = {"such", "which", "who", "whom", "whose", "while", "because", "although", "though", "whereas",
                   "despite", "after", "before", "when", "if", "unless", "until", "thereby", "including", "since"}
# Prepositions that open a fronted phrase ('on October 6, ...', 'according to X, ...').
FRONTED_PREPOSITIONS = {"on", "in", "at", "by", "as", "according", "during", "following", "amid", "under"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
MAX_FRONTED_WORDS = 20
PURPOSE_PHRASES = {"with the aim", "in order to", "so as to", "in a bid", "in an effort", "with a view"}
PURPOSE_OPENERS = {phrase.split()[0] for phrase in PURPOSE_PHRASES}
# Verbs that take a bare clause ("said the flag had...") as readily as a that-clause.
BARE_CLAUSE_VERBS = {"say", "believe", "think", "feel", "estimate", "add", "claim", "argue", "insist", "warn",
                     "note", "find", "expect", "hope", "fear", "predict", "tell", "write", "suggest", "announce",
                     "state", "explain", "admit", "observe", "reveal", "report", "conclude", "acknowledge", "confirm"}
CLAUSE_OPENERS = {"the", "a", "an", "this", "that", "these", "those", "there", "it", "he", "she", "they", "we", "i",
                  "you", "his", "her", "their", "its", "our", "some", "many", "most", "all", "no", "only", "any",
                  "every", "each", "both", "one", "more", "less", "nobody", "everyone", "people", "although",
                  "though", "because", "if"}
REPORTING_VERBS = SPEECH_VERBS | FINDING_VERBS
# Words after which ", according to X," is an insertion: what X reports follows it.
INSERTION_OPENERS = {"which", "that", "who", "and", "but", "while"}
TOPIC_PREPOSITIONS = {"about", "regarding", "concerning"}  # 'as X told reporters about the plan, ...': a time
MIN_DIRECT_WORDS = 4
MIN_REPORTED_WORDS = 3
# "CAPTION. Image: CREDIT." on one line: the caption, then the picture's credit (kept as the quote's cue).
CAPTION_CUE = "Image:"
SENTENCE_BREAK = re.compile(r"[.!?][\"”]?\s+(?=[A-Z\"“])")
CAPTION_LINE = re.compile(r"^[ \t]*(?P<caption>\S[^\n]*?)[ \t]*\.?[ \t]+(?:Image|Photo):[ \t]*"
                          r"(?P<credit>[^\n]*?)[ \t]*\.?[ \t]*$", re.MULTILINE)
ANIMATE_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_FIRST | {"you"}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    speaker_text: str | None
    cue: str | None


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


NOUN_MARKERS = {"a", "an", "the", "with", "of", "for", "his", "her", "its", "their", "this", "that", "our", "my",
                "no", "any", "without", "in", "by"}


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


def subject_tokens(cue: Token, lo: int, hi: int, words: Words) -> list[Token]:
    """Candidate speaker tokens: the parse's subject, else the nearest mention-like word by word order."""
    doc = words.doc
    if words.parsed:
        subject = clause_subject(cue) or fragment_subject(cue)
        if subject is not None and lo <= subject.i < hi and not (subject.is_space or subject.is_punct):
            return sorted(subject.subtree, key=lambda t: (is_possessive_name(t), t.i != subject.i,
                                                          t.ent_type_ != "PERSON", abs(t.i - subject.i)))
    if cue.text.endswith("ing") and cue.i > 0 and doc[cue.i - 1].text == ",":
        return list(doc[lo:cue.i])  # participle: the main clause's subject, first in the sentence
    left = []
    k = cue.i - 1
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
        if tok.text in SENTENCE_END or tok.text in OPENING + CLOSING + STRAIGHT:
            break
        left.append(tok)
        k -= 1
    if any(t.is_alpha for t in left):
        return left
    return [t for t in doc[cue.i + 1:min(cue.i + 5, hi)] if t.text not in CLAUSE_BREAK and t.lower_ != "that"]


def attribute(cue: Token, words: Words, lo: int, hi: int, quoted: list[tuple[int, int]]) -> Attribution:
    """Speaker of a cue verb: an actor when the subject names or pronominalises one."""
    index = words.index
    for tok in subject_tokens(cue, lo, hi, words):
        if tok.is_space or tok.is_punct:
            continue
        actor_id = index.of_token(tok)
        if actor_id:
            return Attribution(actor_id, tok.text if tok.lower_ in ANIMATE_PRONOUNS else
                               cue.doc.char_span(*mention_bounds(index, tok, actor_id), alignment_mode="expand").text,
                               cue.text)
        if tok.lower_ in PRONOUNS_GROUP | {"we"}:
            return Attribution(resolve_group_pronoun(index, tok.idx, quoted), tok.text, cue.text)
        if tok.lower_ in PRONOUNS_PERSON | PRONOUNS_FIRST:
            return Attribution(None, tok.text, cue.text)
        if not words.parsed and tok.is_alpha and not tok.is_stop and tok.text[0].isupper() and (
                tok.i == lo or words.lower[tok.i - 1] in ("the", "a", "an")):
            return Attribution(None, tok.text, cue.text)  # a subject that names no actor ("Reports")
    if words.parsed:
        subject = clause_subject(cue)
        if subject is not None and subject.is_alpha:
            return Attribution(None, subject.text, cue.text)
    return Attribution(None, None, cue.text)


def mention_bounds(index: MentionIndex, tok: Token, actor_id: str) -> tuple[int, int]:
    """Character bounds of the actor's mention that covers the token (a place named inside an
    organisation's name is another actor's mention)."""
    for s, e, mentioned, _ in index.in_range(tok.idx - 200, tok.idx + 200):
        if s <= tok.idx < e and mentioned == actor_id:
            return s, e
    return tok.idx, tok.idx + len(tok.text)


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
    if closes_sentence and hi < len(text) - 1 and text[hi + 1][:1].isupper():
        return lo, hi + 1  # “... on this.” Next sentence: the quotation ended its sentence
    while hi < len(text) and not ("\n" in text[hi - 1] or (text[hi - 1] in SENTENCE_END
                                                           and not inside(hi - 1) and hi - 1 > last)):
        hi += 1
    return lo, hi


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
    if len(words) < MIN_DIRECT_WORDS and not (attributed and sentence and len(words) >= 3):
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return sentence or capitalised < 0.6 * len(words)


def has_reported_clause(start: int, end: int, words: Words) -> bool:
    """The complement is a clause: a verb with something (its subject) before it, not 'route out'."""
    if not words.tagged:
        return True
    return any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words.doc[start + 1:end])


def clause_end(words: Words, start: int, limit: int) -> int:
    """End token of a reported clause: its core, up to the first break or adjunct after the verb."""
    verb_at = None
    for k in range(start, limit):
        word = words.text[k]
        if word in SENTENCE_END or "\n" in word:
            return k  # a line break is in a token's text, never in its trailing whitespace (one space at most)
        if verb_at is None:
            if words.is_verb(k) or words.doc[k].pos_ == "AUX":
                verb_at = k
            continue
        if word in CLAUSE_BREAK - CLAUSE_CONTINUATIONS and not (
                word == "," and k + 1 < limit and words.lower[k + 1] in CLAUSE_LINKS
                and not any(is_cue(j, words) for j in range(k + 2, limit))):
            return k  # '..., but the ambassador says ...' is a report of its own
        if k - verb_at >= 3 and words.lower[k - 1] != "," and (words.lower[k] in ADJUNCT_MARKERS or (
                words.lower[k] in PURPOSE_OPENERS and words.doc[k:k + 3].text.lower() in PURPOSE_PHRASES)):
            return k
    return limit


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
        return words.doc[k].tag_ in FINITE_TAGS
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
    if nxt.lower_ in CLAUSE_OPENERS and nxt.lower_ != "that" or (nxt.text[:1].isupper() and nxt.is_alpha) or nxt.like_num:
        return k
    return None


def complement_start(cue: Token, words: Words) -> int | None:
    """First token of the clause a speech verb reports, or None when it takes no clause."""
    sent_end = cue.sent.end
    for k in range(cue.i + 1, min(cue.i + 8, sent_end)):
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
        if word in SENTENCE_END or word in OPENING + CLOSING + STRAIGHT or word in (":", ",") or is_cue(k, words):
            break
    if words.parsed:
        as_mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i), None)
        if as_mark is not None:
            # 'As Ana Ruiz told the Post, ozone has dropped': what follows the reporting clause's comma, when the
            # clause opens the sentence and says nothing of its own ('As X told reporters about Y, ...' is a time)
            opens = as_mark.i == cue.sent.start or words.lower[as_mark.i - 1] in ("and", "but", "\n")
            comma = next((k for k in range(cue.i + 1, min(cue.i + 10, sent_end)) if words.text[k] == ","), None)
            topical = comma is not None and any(words.lower[k] in TOPIC_PREPOSITIONS for k in range(cue.i + 1, comma))
            usable = opens and not topical and comma is not None and comma + 1 < sent_end
            return comma + 1 if usable else None
        clauses = [c for c in cue.children if c.dep_ in ("ccomp",) and c.i > cue.i]
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
        tok = doc[i]
        sent = tok.sent
        start = complement_start(tok, words)
        if start is None:
            continue
        if words.text[start] in OPENING + STRAIGHT or any(s <= words.idx[start] < e for s, e in quoted):
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
        speaker = index.of_token(source) if source is not None else None
        span = doc[start:end]
        found.append((span.start_char, span.end_char,
                      Attribution(speaker, source.text if source is not None else None, "according to")))
    return found


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
    text = doc_text(doc)
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
        quotes.append(Quote(id=f"q{n}", kind=kind, text=text[s:e], start=s, end=e, speaker=a.speaker,
                            speaker_text=a.speaker_text, cue=a.cue, confidence=confidence))
    return quotes
