"""What never changes once a Doc is tokenized (its text, its words, its sentences), read once and kept beside the
Doc, not in it: a Doc holds only serialisable annotations (Doc.to_bytes, DocBin, nlp.pipe(n_process=...)). An
entry lives as long as its Doc."""
from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

DOC_CACHES: WeakKeyDictionary = WeakKeyDictionary()


def doc_cache(doc: Doc) -> dict:
    """The cache kept beside a Doc (see DOC_CACHES): a dict, empty at first."""
    cache = DOC_CACHES.get(doc)
    if cache is None:
        cache = DOC_CACHES[doc] = {}
    return cache


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once and kept beside the doc: spaCy joins every token's text anew on each
    doc.text, which asked once per relation makes a long article's extraction quadratic."""
    cache = doc_cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def doc_strings(doc: Doc, attribute: int) -> list[str]:
    """A string attribute of every token (ORTH for the text, LOWER, DEP...), read without building Tokens. The
    words themselves never change once tokenized: ORTH and LOWER are read once per doc and kept beside it (do
    not modify the list returned)."""
    cache, key = doc_cache(doc), ("strings", attribute)
    if attribute in (ORTH, LOWER) and key in cache:
        return cache[key]
    lookup = doc.vocab.strings
    strings = [lookup[key] for key in doc.to_array(attribute).tolist()]
    if attribute in (ORTH, LOWER):
        cache[key] = strings
    return strings


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the doc writes in lower case somewhere ('water' makes a sentence-initial 'Water' a common word)."""
    cache = doc_cache(doc)
    if "lowercase" not in cache:
        cache["lowercase"] = frozenset(word for word in doc_strings(doc, ORTH) if word.islower())
    return cache["lowercase"]


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, read from the sentence-start array: spaCy builds a Token per word to find them."""
    starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 or i == 0]
    return [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)])] if len(doc) else []
