"""The NLP backend seam: which spaCy pipeline turns text into an annotated Doc.

`load_pipeline()` gives the built-in offline pipeline (the trained model shipped in
`newslens/models/en_newslens` plus news rules), always the same, so reports reproduce anywhere.
`load_pipeline("rules")` is the rules-only pipeline (blank English, no statistics).
Any installed spaCy pipeline can be asked for by package name or path ("en_core_web_sm"); the news
rules are added on top of it too.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from weakref import WeakKeyDictionary

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from newslens.version import __version__
import newslens.pipeline.entities  # noqa: F401  (registers the newslens_entities factory)
import newslens.pipeline.tagmap  # noqa: F401  (registers the newslens_pos component)
import newslens.pipeline.sentences  # noqa: F401  (registers the newslens_sentence_bounds component)
from newslens.exceptions import ModelNotFoundError
from newslens.model import PipelineInfo
from newslens.pipeline.catalog import BUILTIN_MODEL_DIR, BUILTIN_NAMES, RULES_ONLY

MAX_LENGTH = 3_000_000
# Verb lemmas come from lemminflect (syntax.lemma), steadier than the small trained lemmatizer, and coarse parts
# of speech from the tagger's tags (newslens.tagmap): skip both components.
UNUSED_COMPONENTS = ["trainable_lemmatizer", "morphologizer"]
# Long texts are parsed in pieces of about this many characters, a few at a time, then joined: the
# statistical components' working memory then follows the piece, not the whole text.
CHUNK_CHARS = 20_000
CHUNK_BATCH = 4
# Components that read the whole document (name propagation, acronyms): they run once, on the joined Doc.
DOCUMENT_COMPONENTS = ("newslens_entities",)
# Wikipedia-style reference marks glued to a word ("al-Assad,[1]") would hide the name from the rules.
CITATION_MARK = r"\[\d{1,3}\]"
GLUED_PARENTHESIS = r"(?<=[a-z])\((?=[A-Z])"


def _install_hint(name: str) -> str:
    if name.startswith("en_core_web"):
        return (f"pip install {name} from spaCy's model releases, or "
                f"conda install -c conda-forge spacy-model-{name}")
    return f"install the spaCy pipeline package '{name}' or pass the path of a pipeline directory"


def _base_pipeline(name: str | None) -> tuple[Language, str]:
    if name in BUILTIN_NAMES and BUILTIN_MODEL_DIR.is_dir():
        nlp = spacy.load(BUILTIN_MODEL_DIR, exclude=UNUSED_COMPONENTS)
        nlp.add_pipe("newslens_pos", after="parser")
        return nlp, "newslens-builtin"
    if name in BUILTIN_NAMES or name == RULES_ONLY:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.meta.update(name="rules", version=__version__)  # the rules are the model: version them
        return nlp, "newslens-rules"
    try:
        return spacy.load(name), f"spacy:{name}"
    except OSError:
        raise ModelNotFoundError(f"spaCy pipeline '{name}' is not installed; {_install_hint(name)}") from None


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline for `name` with newslens's news rules added; cached per name."""
    nlp, backend = _base_pipeline(name)
    split_glued_marks(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newslens_sentence_bounds", before="parser")  # no sentence break inside a clause
    nlp.add_pipe("newslens_entities", last=True)
    nlp.max_length = MAX_LENGTH
    nlp.meta["newslens_backend"] = backend
    return nlp


def split_glued_marks(nlp: Language) -> None:
    """Make "[1]" a suffix of its own, so "Levant.[1]" reads "Levant", ".", "[1]", and split a parenthesis
    glued to a word ("Qanbar(Arabic")."""
    suffixes = list(nlp.Defaults.suffixes) + [CITATION_MARK]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    infixes = list(nlp.Defaults.infixes) + [GLUED_PARENTHESIS]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer



PIPELINE_INFO: WeakKeyDictionary = WeakKeyDictionary()


def pipeline_info(nlp: Language) -> PipelineInfo:
    """What ran: recorded in every extraction so a result can be traced to its model. Read once per pipeline
    and set of components (spaCy builds nlp.meta anew on every access)."""
    known = PIPELINE_INFO.get(nlp)
    if known is not None and known.components == tuple(nlp.pipe_names):
        return known
    meta = nlp.meta
    info = PipelineInfo(
        backend=meta.get("newslens_backend", "spacy"),
        model=f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}",
        version=str(meta.get("version", "0.0.0")),
        components=tuple(nlp.pipe_names),
    )
    PIPELINE_INFO[nlp] = info
    return info


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of about `size` characters that join back into the text, each cut after a line
    break (a paragraph's end) where there is one, else after a sentence or at least a word; the next piece
    starts at a word, so no token and, mostly, no sentence is split."""
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start + size // 2:start + size]
        cut = next((start + size // 2 + found + len(mark) for mark in ("\n", ". ", " ")
                    if (found := window.rfind(mark)) >= 0), start + size)
        while cut < len(text) and text[cut].isspace():
            cut += 1
        chunks.append(text[start:cut])
        start = cut
    return chunks + [text[start:]] if start < len(text) else chunks


def annotate(nlp: Language, text: str) -> Doc:
    """The annotated Doc of a text. A long text goes through the statistical components paragraph-batched
    (nlp.pipe), the pieces are joined into one Doc of the exact text, and the document-level components
    run on the whole; a short one is a single pass, so news articles give what nlp(text) gives."""
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    document_level = [name for name in nlp.pipe_names if name in DOCUMENT_COMPONENTS]
    with nlp.select_pipes(disable=document_level):
        pieces = [without_tensor(doc) for doc in nlp.pipe(text_chunks(text), batch_size=CHUNK_BATCH)]
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    for name in document_level:
        doc = nlp.get_pipe(name)(doc)
    return doc


def annotate_many(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """`annotate` for each text, in order: the short texts of each batch go through nlp.pipe together,
    a long one is parsed in pieces on its own."""
    for batch in minibatch(texts, batch_size):
        short = iter(list(nlp.pipe([text for text in batch if len(text) <= CHUNK_CHARS], batch_size=batch_size)))
        for text in batch:
            yield next(short) if len(text) <= CHUNK_CHARS else annotate(nlp, text)


def without_tensor(doc: Doc) -> Doc:
    """Free the token vectors the statistical components leave behind: nothing downstream reads them."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
