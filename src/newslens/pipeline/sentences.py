"""Sentence boundaries the parser may not invent: a sentence begins only after a mark that can end one.

A small parser sometimes closes a sentence in the middle of a clause ('The ministry said | Peru attacked Chile'),
and every reader after it then loses the link between the two halves: the speech verb and its clause, the verb and
its object. spaCy's parser keeps boundaries set before it runs (a token marked `is_sent_start = False` cannot open a
sentence), so `newslens_sentence_bounds` runs before the parser, in every pipeline that has one, and marks every
token that follows a word, a comma or any other mark that never ends an English sentence. After '.', '?', '!', a
closing quote or bracket, a colon or a dash, and after a single line break, the parser still decides ('Mr.' and
'U.S.' end no sentence; 'WASHINGTON —' may end a dateline). After a blank line a new sentence begins: the parser
otherwise sometimes hangs the next paragraph's first words on the sentence before; the break itself belongs to
the sentence it closes.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newslens.english.lexicon import SENTENCE_BREAK_CHARS

START, NOT_A_START, UNDECIDED = 1, -1, 0  # spaCy's SENT_START values


def may_follow_a_break(previous: str) -> bool:
    """A sentence may begin after this token: a line break, or a token ending in a mark that can end a sentence."""
    return not previous.strip() or previous[-1] in SENTENCE_BREAK_CHARS


@Language.component("newslens_sentence_bounds")
def mark_sentence_continuations(doc: Doc) -> Doc:
    """Mark each token that cannot begin a sentence, and each that must (after a blank line); leave the others to
    the parser (see the module docstring).
    Read and written as arrays: a Token per word would cost a tenth of the parse."""
    if len(doc) < 2:
        return doc
    text = doc.text
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    starts = doc.to_array([SENT_START]).astype("int64")
    for k in range(1, len(rows)):
        idx, length, space = rows[k - 1]
        if starts[k] != UNDECIDED:
            continue
        if rows[k][2]:
            starts[k] = NOT_A_START  # a line break closes the sentence before it, never opens one
        elif space and text.count("\n", idx, idx + length) >= 2:
            starts[k] = START  # a blank line ends a paragraph: the parser may not pull its break into the next one
        elif not space and text[idx + length - 1] not in SENTENCE_BREAK_CHARS:
            starts[k] = NOT_A_START
    doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
    return doc
