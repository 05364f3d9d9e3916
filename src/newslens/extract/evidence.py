"""Evidence: the text that states a relation, as a reader checks it: one whole sentence, one paragraph.

A parser may split a sentence where the text does not end one ('... and North Korean leader' | 'Kim Jong
Un.', 'Kim Jong' | 'Un is reportedly ...'): the evidence then joins the pieces back. A heading or the next paragraph is never part of it: news text
puts one paragraph on a line, so a line break ends the evidence, unless the text is hard-wrapped
(short lines that run on), where only a blank line does.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from statistics import median

from spacy.tokens import Doc, Span

from newslens.english.tokens import doc_text
from newslens.extract.words import Words

BLANK_LINE = re.compile(r"\n[ \t]*\n")
WRAP_WIDTH = 80  # lines no longer than a typewriter's, most of them running on: the text is hard-wrapped
SENTENCE_ENDS = (".", "!", "?", '"', "”", ":")
MAX_JOINED = 2  # sentences joined on each side at most, where the parser split one


def is_hard_wrapped(text: str) -> bool:
    """Whether the text breaks lines inside its paragraphs."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 5:
        return False
    running_on = sum(not line.endswith(SENTENCE_ENDS) for line in lines)
    return median(len(line) for line in lines) <= WRAP_WIDTH and running_on > len(lines) / 2


@lru_cache(maxsize=4)
def blank_line_ends(text: str) -> list[int]:
    """Where each blank line ends, found once per text rather than once per statement."""
    return [m.end() for m in BLANK_LINE.finditer(text)]


def paragraph_bounds(text: str, low: int, high: int, hard_wrapped: bool) -> tuple[int, int]:
    """Start and end of the paragraph holding text[low:high]."""
    if hard_wrapped:
        ends = blank_line_ends(text)
        before = bisect_right(ends, low) - 1
        after = BLANK_LINE.search(text, high)
        return (ends[before] if before >= 0 else 0), (after.start() if after else len(text))
    end = text.find("\n", high)
    return text.rfind("\n", 0, low) + 1, (len(text) if end < 0 else end)


def runs_on(doc: Doc, boundary: int) -> bool:
    """Whether the parser split a sentence at token `boundary` where the text does not end one: the words
    before do not close a sentence ('... North Korean leader' | 'Kim Jong Un.'), or a name goes on."""
    if boundary <= 0 or boundary >= len(doc):
        return False
    before = next((doc[k] for k in range(boundary - 1, -1, -1) if not doc[k].is_space), None)
    if before is None or "\n" in doc_text(doc)[before.idx:doc[boundary].idx]:
        return False
    return doc[boundary].ent_iob_ == "I" or not before.text.endswith(SENTENCE_ENDS)


def evidence_span(sent: Span, low: int, high: int, hard_wrapped: bool) -> tuple[int, int]:
    """Character span of the evidence for a statement whose words lie in [low, high) of `sent`."""
    doc, text = sent.doc, doc_text(sent.doc)
    first, last = sent, sent
    for _ in range(MAX_JOINED):
        if runs_on(doc, first.start):
            first = doc[first.start - 1].sent
        if runs_on(doc, last.end):
            last = doc[last.end].sent
    paragraph_start, paragraph_end = paragraph_bounds(text, low, high, hard_wrapped)
    start, end = max(first.start_char, paragraph_start), min(last.end_char, paragraph_end)
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def span_of(sent: Span, tokens: list[int], words: Words, hard_wrapped: bool) -> tuple[int, int]:
    """Evidence span of an event stated by these tokens."""
    low, high = min(words.idx[t] for t in tokens), max(words.idx[t] + len(words.text[t]) for t in tokens)
    return evidence_span(sent, low, high, hard_wrapped)
