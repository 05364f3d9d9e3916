"""Coarse parts of speech from fine tags: the built-in pipeline runs no morphologizer."""
import pytest

from newslens.pipeline.load import load_pipeline
from newslens.pipeline.tagmap import coarse_pos


@pytest.mark.parametrize("tag, lower, dep, pos", [
    ("NNP", "chile", "nsubj", "PROPN"), ("NNS", "officials", "nsubj", "NOUN"), ("VBD", "said", "ROOT", "VERB"),
    ("VBD", "was", "aux:pass", "AUX"), ("VBZ", "is", "cop", "AUX"), ("VBD", "had", "ROOT", "VERB"),
    ("IN", "that", "mark", "SCONJ"), ("IN", "by", "case", "ADP"), ("MD", "might", "aux", "AUX"), ("_SP", "\n", "", "SPACE"),
])
def test_a_fine_tag_gives_its_coarse_part_of_speech(tag, lower, dep, pos):
    assert coarse_pos(tag, lower, dep) == pos


def test_the_built_in_pipeline_sets_parts_of_speech_without_a_morphologizer():
    nlp = load_pipeline(None)
    assert "morphologizer" not in nlp.pipe_names
    doc = nlp("Peru was invaded by Chile, and officials said that the war had ended.")
    pos = {token.text: token.pos_ for token in doc}
    assert pos["Peru"] == "PROPN" and pos["was"] == "AUX" and pos["invaded"] == "VERB" and pos["that"] == "SCONJ"
