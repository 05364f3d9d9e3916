"""Coarse parts of speech read from the tagger's fine-grained Penn Treebank tags.

The built-in pipeline trains both a tagger (`token.tag_`, 'VBN', 'NNP') and a morphologizer (`token.pos_` and
morphological features). newslens reads the features nowhere, and the coarse part of speech follows from the
fine tag by the standard mapping (the one spaCy's English pipelines apply with their attribute ruler), helped
by the parse where a tag stands for two: a form of 'be', 'have' or 'do' is an auxiliary when it serves as one,
a preposition that opens a clause is a subordinating conjunction. So the morphologizer, about 6% of the
statistical pipeline's time, is not run; the `newslens_pos` component runs after the parser instead.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from newslens.english.lexicon import AUXILIARY_FORMS

TAG_TO_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "IN": "ADP", "RP": "ADP", "TO": "PART", "POS": "PART",
    "DT": "DET", "PDT": "DET", "WDT": "PRON", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
    "CC": "CCONJ", "CD": "NUM", "UH": "INTJ",
    "FW": "X", "ADD": "X", "XX": "X", "LS": "X", "SYM": "SYM", "$": "SYM", "#": "SYM", "_SP": "SPACE",
    ".": "PUNCT", ",": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    "HYPH": "PUNCT", "NFP": "PUNCT",
}
AUXILIARY_DEPS = frozenset({"aux", "aux:pass", "auxpass", "cop"})
CLAUSE_MARK_DEPS = frozenset({"mark"})


def coarse_pos(tag: str, lower: str, dep: str) -> str:
    """The universal part of speech of a word with this fine tag, form and dependency label."""
    pos = TAG_TO_POS.get(tag, "X")
    if pos == "VERB" and lower in AUXILIARY_FORMS and dep in AUXILIARY_DEPS:
        return "AUX"  # 'was killed', 'has said', 'is a commander'
    if pos == "ADP" and dep in CLAUSE_MARK_DEPS:
        return "SCONJ"  # 'said that ...', 'if X attacks'
    return pos


@Language.component("newslens_pos")
def set_coarse_pos(doc: Doc) -> Doc:
    """Every token's `pos_` from its tag (see the module docstring), read and written as arrays: a Token per
    word would cost more than the morphologizer saves."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    values = doc.to_array([TAG, LOWER, DEP])
    pos = [strings.add(coarse_pos(strings[tag], strings[lower], strings[dep])) for tag, lower, dep in values.tolist()]
    doc.from_array([POS], numpy.array(pos, dtype="uint64").reshape(-1, 1))
    return doc
