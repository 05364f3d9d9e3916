"""A doc's words, read once into plain lists for the extractors."""
from __future__ import annotations

from functools import cached_property

from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

from newslens.english.syntax import has_parse, has_tags, is_verb
from newslens.english.tokens import doc_strings
from newslens.extract.mentions import MentionIndex


class Words:
    """A doc's words and what extractors ask of every token, read once into plain lists: spaCy builds a
    new Token on every doc[i], span iteration, .head or .children, and has_annotation scans the whole doc.
    Readings still build the few Tokens they need, short-lived: keeping one per word alive would cost the
    garbage collector more than it saves."""

    def __init__(self, doc: Doc, index: MentionIndex):
        self.doc = doc
        self.index = index
        self.text = self.strings(ORTH)
        self.lower = self.strings(LOWER)
        self.tagged = has_tags(doc)
        self.parsed = has_parse(doc)
        self.verbs: dict[int, bool] = {}

    def strings(self, attribute: int) -> list[str]:
        return doc_strings(self.doc, attribute)

    def is_verb(self, i: int) -> bool:
        """is_verb of the i-th token, memoised: word-order readings ask it of the same words many times."""
        if i not in self.verbs:
            self.verbs[i] = is_verb(self.doc[i], self.tagged)
        return self.verbs[i]

    @cached_property
    def idx(self) -> list[int]:
        """Each token's character offset (Token.idx)."""
        return self.doc.to_array(IDX).tolist()

    @cached_property
    def actor(self) -> list[str | None]:
        """The actor each token names (MentionIndex.of_token)."""
        return self.index.of_tokens(self.idx)

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's head (a parsed doc)."""
        offsets = self.doc.to_array(HEAD).astype("int64")  # offsets from the token, stored unsigned
        return [i + offset for i, offset in enumerate(offsets.tolist())]

    @cached_property
    def dep(self) -> list[str]:
        """Each token's dependency label (a parsed doc)."""
        return self.strings(DEP)

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's dependents, in text order (a parsed doc)."""
        children: list[list[int]] = [[] for _ in self.head]
        for i, head in enumerate(self.head):
            if head != i:
                children[head].append(i)
        return children

    @cached_property
    def tag(self) -> list[str]:
        """Each token's fine-grained tag ('VBN', 'VBG'...)."""
        return self.strings(TAG)

    @cached_property
    def pos(self) -> list[str]:
        """Each token's coarse part of speech ('VERB', 'NOUN'...)."""
        return self.strings(POS)
