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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newslens.lexicon import (CLAUSE_ONLY_VERBS, FINDING_VERBS, PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON,
                              SPEECH_VERBS)
from newslens.model import Actor, Quote
from newslens.syntax import MentionIndex, clause_subject, has_parse, has_tags, is_verb, lemma, verb_forms

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
QUOTATION_MARK = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
SENTENCE_END = {".", "!", "?"}
CLAUSE_BREAK = {",", ";", ":", "—", "–", "(", ")"}
ADJUNCT_MARKERS = {"such", "which", "who", "whom", "whose", "while", "because", "although", "though", "whereas",
                   "despite", "after", "before", "when", "if", "unless", "until", "thereby", "including", "since"}
PURPOSE_PHRASES = {"with the aim", "in order to", "so as to", "in a bid", "in an effort", "with a view"}
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
MIN_DIRECT_WORDS = 4
MIN_REPORTED_WORDS = 3
# "CAPTION. Image: CREDIT." on one line: the caption, then the picture's credit.
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


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


NOUN_MARKERS = {"a", "an", "the", "with", "of", "for", "his", "her", "its", "their", "this", "that", "our", "my",
                "no", "any", "without", "in", "by"}


def is_cue(token: Token) -> bool:
    """A speech verb used as a verb: not 'with caution', not 'a stern warning'.

    Asked of every token, so the word itself is checked first: few words are speech verbs."""
    text = token.text
    if not (text in verb_forms(REPORTING_VERBS) and text.islower() and token.is_alpha):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and (before.lower_ in NOUN_MARKERS or before.pos_ == "ADJ"):
        return False
    return not has_parse(token.doc) or token.pos_ in ("VERB", "AUX", "NOUN", "") or token.tag_.startswith("VB")


def resolve_group_pronoun(index: MentionIndex, before: int, quoted: list[tuple[int, int]]) -> str | None:
    """it/they/we as a speaker: the organisation or country named last outside quotations."""
    for s, e, actor_id, kind in reversed(index.in_range(0, before)):
        if kind != "pronoun" and index.types[actor_id] in ("ORG", "GPE", "NORP") and not any(
                qs <= s < qe for qs, qe in quoted):
            return actor_id
    return None


def is_possessive_name(token: Token) -> bool:
    """A word of a name in the possessive ("New Zealand's Prime Minister John Key"): it qualifies the
    speaker, it is not the speaker."""
    doc = token.doc
    k = token.i
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
        k += 1
    return k + 1 < len(doc) and doc[k + 1].lower_ in ("'s", "’s")


def fragment_subject(cue: Token) -> Token | None:
    """'Cynthia Thompson, curator at ..., said': parsed as a name with 'said' hanging off it, the name is
    the subject."""
    head = cue.head
    if cue.dep_ in ("parataxis", "conj") and head.i < cue.i and head.pos_ in ("PROPN", "NOUN"):
        return head
    return None


def subject_tokens(cue: Token, lo: int, hi: int) -> list[Token]:
    """Candidate speaker tokens: the parse's subject, else the nearest mention-like word by word order."""
    doc = cue.doc
    if has_parse(doc):
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


def attribute(cue: Token, index: MentionIndex, lo: int, hi: int, quoted: list[tuple[int, int]]) -> Attribution:
    """Speaker of a cue verb: an actor when the subject names or pronominalises one."""
    for tok in subject_tokens(cue, lo, hi):
        if tok.is_space or tok.is_punct:
            continue
        actor_id = index.of_token(tok)
        if actor_id:
            return Attribution(actor_id, tok.text if tok.lower_ in ANIMATE_PRONOUNS else
                               cue.doc.char_span(*mention_bounds(index, tok), alignment_mode="expand").text,
                               cue.text)
        if tok.lower_ in PRONOUNS_GROUP | {"we"}:
            return Attribution(resolve_group_pronoun(index, tok.idx, quoted), tok.text, cue.text)
        if tok.lower_ in PRONOUNS_PERSON | PRONOUNS_FIRST:
            return Attribution(None, tok.text, cue.text)
        if not has_parse(cue.doc) and tok.is_alpha and not tok.is_stop and tok.text[0].isupper() and (
                tok.i == lo or cue.doc[tok.i - 1].lower_ in ("the", "a", "an")):
            return Attribution(None, tok.text, cue.text)  # a subject that names no actor ("Reports")
    if has_parse(cue.doc):
        subject = clause_subject(cue)
        if subject is not None and subject.is_alpha:
            return Attribution(None, subject.text, cue.text)
    return Attribution(None, None, cue.text)


def mention_bounds(index: MentionIndex, tok: Token) -> tuple[int, int]:
    for s, e, _, _ in index.in_range(tok.idx - 200, tok.idx + 200):
        if s <= tok.idx < e:
            return s, e
    return tok.idx, tok.idx + len(tok.text)


def sentence_bounds(doc: Doc, first: int, last: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """Token range around a quotation, bounded by sentence ends outside quotes and by line breaks."""
    inside = lambda t: any(s <= t.idx <= e for s, e in quoted)  # noqa: E731
    lo = first
    while lo > 0 and not ("\n" in doc[lo - 1].text_with_ws or (doc[lo - 1].text in SENTENCE_END
                                                               and not inside(doc[lo - 1]))):
        lo -= 1
    hi = last + 1
    closes_sentence = doc[last].text in SENTENCE_END or (last > 0 and doc[last - 1].text in SENTENCE_END)
    if closes_sentence and hi < len(doc) - 1 and doc[hi + 1].text[:1].isupper():
        return lo, hi + 1  # “... on this.” Next sentence: the quotation ended its sentence
    while hi < len(doc) and not ("\n" in doc[hi - 1].text_with_ws or (doc[hi - 1].text in SENTENCE_END
                                                                     and not inside(doc[hi - 1]) and hi - 1 > last)):
        hi += 1
    return lo, hi


def direct_quotes(doc: Doc, text: str, index: MentionIndex) -> list[tuple[int, int, Attribution]]:
    """Quotations in `text` (the doc's text, passed in: spaCy rebuilds doc.text on every access)."""
    marks = quotation_spans(text)
    found = []
    previous: tuple[int, Attribution] | None = None
    for open_at, close_at in marks:
        start, end = inner_span(text, open_at, close_at)
        first, last = token_at(doc, open_at), token_at(doc, max(close_at - 1, open_at))
        if first is None or last is None or start >= end:
            continue
        lo, hi = sentence_bounds(doc, first.i, last.i, marks)
        tail = [t for t in doc[last.i + 1:hi] if t.idx > close_at and not any(
            s <= t.idx <= e for s, e in marks)]
        lead = [t for t in doc[lo:first.i] if not any(s <= t.idx <= e for s, e in marks)]
        cues = [t for t in tail if is_cue(t)] + [t for t in reversed(lead) if is_cue(t)]
        attribution = None
        for cue in cues:
            bound_lo = lo if cue.i < first.i else last.i + 1
            bound_hi = first.i if cue.i < first.i else hi
            candidate = attribute(cue, index, bound_lo, bound_hi, marks)
            if candidate.speaker or candidate.speaker_text:
                attribution = candidate
                break
        if attribution is None and lead and lead[-1].text == ":":
            ids = [index.of_token(t) for t in lead if index.of_token(t)]
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


def has_reported_clause(span) -> bool:
    """The complement is a clause: a verb with something (its subject) before it, not 'route out'."""
    if not has_tags(span.doc):
        return True
    return any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in span[1:])


def clause_end(doc: Doc, start: int, limit: int) -> int:
    """End token of a reported clause: its core, up to the first break or adjunct after the verb."""
    verb_at = None
    for k in range(start, limit):
        tok = doc[k]
        if tok.text in SENTENCE_END or "\n" in tok.text_with_ws[len(tok.text):] or "\n" in tok.text:
            return k + 1 if "\n" in tok.text_with_ws[len(tok.text):] and tok.text not in SENTENCE_END else k
        if verb_at is None:
            if is_verb(tok) or tok.pos_ == "AUX":
                verb_at = k
            continue
        if tok.text in CLAUSE_BREAK:
            return k
        if k - verb_at >= 3 and (tok.lower_ in ADJUNCT_MARKERS
                                 or doc[k:k + 3].text.lower() in PURPOSE_PHRASES):
            return k
    return limit


def skip_fronted_adjunct(doc: Doc, start: int, end: int) -> int:
    """'that, despite North Korean denials, the country had supplied' -> start at 'the country'."""
    for k in range(start, min(start + 8, end)):
        if doc[k].text == ",":
            return k + 1 if doc[start].lower_ in ADJUNCT_MARKERS else start
        if is_verb(doc[k]):
            return start
    return start


def bare_clause_start(cue: Token) -> int | None:
    """'said New Zealand's flag has ...', 'told Montalvo he would ...': a clause with no 'that'."""
    doc = cue.doc
    if lemma(cue) not in BARE_CLAUSE_VERBS or cue.i + 2 >= len(doc):
        return None
    k = cue.i + 1
    while k < len(doc) and (doc[k].pos_ == "ADV" or doc[k].lower_ in ("also", "then", "now", "recently")):
        k += 1
    if lemma(cue) == "tell":
        if not (k < len(doc) and (doc[k].ent_type_ or doc[k].lower_ in ("him", "her", "them", "us", "me", "reporters"))):
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


def complement_start(cue: Token) -> int | None:
    """First token of the clause a speech verb reports, or None when it takes no clause."""
    doc = cue.doc
    sent_end = cue.sent.end
    for k in range(cue.i + 1, min(cue.i + 8, sent_end)):
        tok = doc[k]
        if tok.lower_ == "that":
            nxt = k + 1
            while nxt < sent_end and doc[nxt].text == ",":
                nxt += 1
            return nxt if nxt < sent_end else None
        if tok.text == "," and k == cue.i + 1:
            close = next((j for j in range(k + 1, min(k + 8, sent_end - 2)) if doc[j].text == ","), None)
            if close is not None and doc[close + 1].lower_ == "that":
                return close + 2  # "explains, in a satirical fashion, that ..."
        if tok.text in SENTENCE_END or tok.text in OPENING + CLOSING + STRAIGHT or tok.text in (":", ",") \
                or is_cue(tok):
            break
    if has_parse(doc):
        clauses = [c for c in cue.children if c.dep_ in ("ccomp",) and c.i > cue.i]
        if not clauses:
            return bare_clause_start(cue)
        start = clauses[0].left_edge.i
        return start + 1 if doc[start].lower_ in ("that", ",") else start
    return bare_clause_start(cue)


def reported_quotes(doc: Doc, index: MentionIndex, quoted: list[tuple[int, int]]) -> list[tuple[int, int, Attribution]]:
    found = []
    taken_until = -1
    for tok in doc:
        if tok.i <= taken_until or not is_cue(tok) or any(s <= tok.idx < e for s, e in quoted):
            continue
        start = complement_start(tok)
        if start is None:
            continue
        if doc[start].text in OPENING + STRAIGHT or any(s <= doc[start].idx < e for s, e in quoted):
            continue  # the verb introduces a direct quotation, already found
        limit = tok.sent.end if has_parse(doc) else len(doc)
        start = skip_fronted_adjunct(doc, start, limit)
        end = clause_end(doc, start, limit)
        if end - start < MIN_REPORTED_WORDS:
            continue
        attribution = attribute(tok, index, tok.sent.start, tok.sent.end, quoted)
        if lemma(tok) in CLAUSE_ONLY_VERBS and attribution.speaker is None and attribution.speaker_text is None:
            continue
        span = doc[start:end]
        if not has_reported_clause(span):
            continue
        found.append((span.start_char, span.end_char, attribution))
        taken_until = end
    found += according_to(doc, index, quoted)
    return found


def according_to(doc: Doc, index: MentionIndex, quoted: list[tuple[int, int]]) -> list[tuple[int, int, Attribution]]:
    """'According to X, CLAUSE' and 'CLAUSE, according to X'."""
    found = []
    for tok in doc[:-2]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        source = next((t for t in doc[tok.i + 2:tok.sent.end] if index.of_token(t)), None)
        sent = tok.sent
        comma = next((t.i for t in doc[tok.i:sent.end] if t.text == ","), None)
        if tok.i - sent.start <= 1 and comma is not None:
            start, end = comma + 1, clause_end(doc, comma + 1, sent.end)
        elif tok.i - sent.start <= 1 and source is not None:
            after = source.i + 1
            while after < sent.end and index.of_token(doc[after]) == index.of_token(source):
                after += 1
            start, end = after, clause_end(doc, after, sent.end)
        elif doc[tok.i - 1].text == "," and doc[tok.i - 2].lower_ in INSERTION_OPENERS and comma is not None:
            start, end = comma + 1, clause_end(doc, comma + 1, sent.end)  # "which, according to AFP, the UN ..."
        elif tok.i > sent.start + MIN_REPORTED_WORDS and doc[tok.i - 1].text == ",":
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
    """Photo captions credited on their own line; the credit names the picture's source, not a speaker."""
    return [(m.start("caption"), m.end("caption"), Attribution(None, m.group("credit") or None, "Image:"))
            for m in CAPTION_LINE.finditer(text)]


def extract_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """All quotes in text order; a direct quote inside a reported clause makes it one mixed quote."""
    index = MentionIndex(actors)
    text = doc.text
    direct = direct_quotes(doc, text, index)
    quoted = [(s - 1, e + 1) for s, e, _ in direct]
    reported = reported_quotes(doc, index, quoted)
    records = []
    for s, e, attribution in reported:
        e = max([e] + [d[1] for d in direct if s <= d[0] < e])
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
