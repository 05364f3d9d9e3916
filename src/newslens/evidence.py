"""Evidence: the text that states a relation, as a reader checks it: one whole sentence, one paragraph.

A parser may start a sentence inside a name ('Kim Jong' | 'Un is reportedly ...'): the evidence then
starts where the name's sentence does. A heading or the next paragraph is never part of it: news text
puts one paragraph on a line, so a line break ends the evidence, unless the text is hard-wrapped
(short lines that run on), where only a blank line does.
"""
from __future__ import annotations

import re
from statistics import median

from spacy.tokens import Span

BLANK_LINE = re.compile(r"\n[ \t]*\n")
WRAP_WIDTH = 80  # lines no longer than a typewriter's, most of them running on: the text is hard-wrapped
SENTENCE_ENDS = (".", "!", "?", '"', "”", ":")


def is_hard_wrapped(text: str) -> bool:
    """Whether the text breaks lines inside its paragraphs."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 5:
        return False
    running_on = sum(not line.endswith(SENTENCE_ENDS) for line in lines)
    return median(len(line) for line in lines) <= WRAP_WIDTH and running_on > len(lines) / 2


def paragraph_bounds(text: str, low: int, high: int, hard_wrapped: bool) -> tuple[int, int]:
    """Start and end of the paragraph holding text[low:high]."""
    if hard_wrapped:
        before = [m.end() for m in BLANK_LINE.finditer(text, 0, low)]
        after = BLANK_LINE.search(text, high)
        return (before[-1] if before else 0), (after.start() if after else len(text))
    end = text.find("\n", high)
    return text.rfind("\n", 0, low) + 1, (len(text) if end < 0 else end)


def evidence_span(sent: Span, low: int, high: int, hard_wrapped: bool) -> tuple[int, int]:
    """Character span of the evidence for a statement whose words lie in [low, high) of `sent`."""
    doc, text = sent.doc, sent.doc.text
    first = sent.start
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # the sentence began inside a name: back to the name's own sentence
    start = doc[first].sent.start_char if first < sent.start else sent.start_char
    paragraph_start, paragraph_end = paragraph_bounds(text, low, high, hard_wrapped)
    start, end = max(start, paragraph_start), min(sent.end_char, paragraph_end)
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
