"""The NLP backend seam: which spaCy pipeline turns text into an annotated Doc.

`load_pipeline()` gives the built-in offline pipeline (the trained model shipped in
`newslens/models/en_newslens` plus news rules), always the same, so reports reproduce anywhere.
`load_pipeline("rules")` is the rules-only pipeline (blank English, no statistics).
Any installed spaCy pipeline can be asked for by package name or path ("en_core_web_sm"); the news
rules are added on top of it too.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from newslens import __version__
import newslens.rules  # noqa: F401  (registers the newslens_entities factory)
from newslens.exceptions import ModelNotFoundError
from newslens.model import PipelineInfo

BUILTIN_MODEL_DIR = Path(__file__).parent / "models" / "en_newslens"
BUILTIN_NAMES = {None, "", "builtin", "newslens"}
RULES_ONLY = "rules"
MAX_LENGTH = 3_000_000
# Verb lemmas come from lemminflect (syntax.lemma), steadier than the small trained lemmatizer: skip it.
UNUSED_COMPONENTS = ["trainable_lemmatizer"]
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
        return spacy.load(BUILTIN_MODEL_DIR, exclude=UNUSED_COMPONENTS), "newslens-builtin"
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


def describe_pipeline(name: str | None = None) -> PipelineInfo:
    """What `pipeline_info(load_pipeline(name))` records, for the built-in and rules pipelines read without
    loading them (a resumed corpus run compares it with its stored results in a fraction of a second)."""
    if name in BUILTIN_NAMES and BUILTIN_MODEL_DIR.is_dir():
        meta, backend = spacy.util.load_meta(BUILTIN_MODEL_DIR / "meta.json"), "newslens-builtin"
    elif name in BUILTIN_NAMES or name == RULES_ONLY:
        meta, backend = {"lang": "en", "name": "rules", "version": __version__}, "newslens-rules"
    else:
        return pipeline_info(load_pipeline(name))
    return PipelineInfo(backend=backend, model=f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}",
                        version=str(meta.get("version", "0.0.0")))


def pipeline_info(nlp: Language) -> PipelineInfo:
    """What ran: recorded in every extraction so a result can be traced to its model."""
    meta = nlp.meta
    return PipelineInfo(
        backend=meta.get("newslens_backend", "spacy"),
        model=f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}",
        version=str(meta.get("version", "0.0.0")),
        components=tuple(nlp.pipe_names),
    )
