"""The shipped pipeline itself (src/newslens/models/en_newslens): what it is made of, and whitespace in news.

News text has blank lines between paragraphs and double spaces; the model was trained with such whitespace
tokens (training/augment.py), which must never take a subject's or an object's place in the parse.
"""
import json

import pytest

from extraction_helpers import analyse
from newslens.pipeline.load import BUILTIN_MODEL_DIR, load_pipeline

SUBJECTS_AND_OBJECTS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "obj", "dobj", "iobj", "obl:agent", "agent"}


def test_the_model_names_its_sources_and_leaves_out_what_newslens_does_not_read():
    meta = json.loads((BUILTIN_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "newslens" and meta["license"]
    sources = " ".join(source["name"] for source in meta["sources"])
    assert all(corpus in sources for corpus in ("English-EWT", "GUM", "Wikigold", "Universal NER", "PUD"))
    assert set(meta["pipeline"]) >= {"tok2vec", "tagger", "parser", "ner"}
    assert not set(meta["pipeline"]) & {"morphologizer", "trainable_lemmatizer"}
    size = sum(path.stat().st_size for path in BUILTIN_MODEL_DIR.rglob("*") if path.is_file())
    assert size < 25_000_000


@pytest.mark.parametrize("text", [
    "The council approved the plan.\n\nThe mayor rejected it on Friday.",
    "Rivera thanked the volunteers.  Officials  praised the rescue teams.",
    "Farmers blocked the road.\n\n\nPolice were called by residents.",
])
def test_a_whitespace_token_is_never_a_subject_or_an_object(text):
    doc = load_pipeline()(text)
    spaces = [token for token in doc if token.is_space]
    assert spaces, "the tokenizer should keep the extra whitespace as tokens"
    assert not [(token.text, token.dep_) for token in spaces if token.dep_ in SUBJECTS_AND_OBJECTS]
    assert not [token.text for token in doc if token.head.is_space and token.dep_ in SUBJECTS_AND_OBJECTS]


def test_a_passive_after_a_blank_line_keeps_its_agent():
    a = analyse("Chile praised Peru.\n\nBolivia was criticised by Ecuador over the deal.", "builtin")
    events = {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations if r.category != "affiliation"}
    assert ("Ecuador", "Bolivia") in events
