"""Sentence boundaries the parser may not invent: a sentence begins only after a mark that can end one.

A small parser sometimes closes a sentence in the middle of a clause ('The ministry said | Peru attacked Chile'),
and every reader after it then loses the link between the two halves: the speech verb and its clause, the verb and
its object. spaCy's parser keeps boundaries set before it runs (a token marked `is_sent_start = False` cannot open a
sentence), so `newslens_sentence_bounds` runs before the parser, in every pipeline that has one, and marks every
token that follows a word, a comma or any other mark that never ends an English sentence. After '.', '?', '!', a
closing quote or bracket, a colon or a dash, and after a line break, the parser still decides ('Mr.' and 'U.S.' end
no sentence; 'WASHINGTON —' may end a dateline).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newslens.english.lexicon import SENTENCE_BREAK_CHARS


def may_follow_a_break(previous: str) -> bool:
    """A sentence may begin after this token: a line break, or a token ending in a mark that can end a sentence."""
    return not previous.strip() or previous[-1] in SENTENCE_BREAK_CHARS


@Language.component("newslens_sentence_bounds")
def mark_sentence_continuations(doc: Doc) -> Doc:
    """Mark each token that cannot begin a sentence (see the module docstring); leave the others to the parser."""
    previous = None
    for token in doc:
        if previous is not None and not may_follow_a_break(previous) and not token.is_space:
            token.is_sent_start = False
        previous = token.text
    return doc
