"""Sentence boundaries: a sentence begins only after a mark that can end one (pipeline/sentences.py)."""
import pytest
import spacy

from newslens.pipeline.load import load_pipeline
from newslens.pipeline.sentences import mark_sentence_continuations, may_follow_a_break


@pytest.mark.parametrize("previous, may", [
    ("said", False), (",", False), ("the", False), (";", False),
    (".", True), ("?", True), ("U.S.", True), ("”", True), (")", True), ("—", True), (":", True), ("\n\n", True),
])
def test_a_sentence_may_begin_only_after_a_closing_mark_or_a_line_break(previous, may):
    assert may_follow_a_break(previous) is may


def test_the_component_marks_only_the_tokens_inside_a_clause():
    doc = mark_sentence_continuations(spacy.blank("en")("The ministry said Peru won. Then Chile\n\nlost."))
    starts = {token.text: token.is_sent_start for token in doc}
    assert starts["Peru"] is False and starts["said"] is False
    assert starts["Then"] is None  # after '.' the parser decides ('Mr.', 'U.S.')
    assert starts["lost"] is True and starts["\n\n"] is False  # a blank line closes its sentence; the next begins


def test_a_paragraph_break_is_never_a_subject_and_the_next_paragraph_is_its_own_sentence():
    nlp = load_pipeline(None)
    doc = nlp("Italy praised Spain.\n\nA Peruvian envoy, Tomas Reyes, said Lima wanted new talks.")
    first, second = list(doc.sents)
    assert first.text == "Italy praised Spain.\n\n" and second.text.startswith("A Peruvian envoy")
    assert all(token.dep_ not in ("nsubj", "nsubj:pass", "obj", "dobj") for token in doc if token.is_space)


def test_the_parser_keeps_a_reported_clause_in_its_sentence():
    nlp = load_pipeline(None)
    assert nlp.pipe_names.index("newslens_sentence_bounds") < nlp.pipe_names.index("parser")
    doc = nlp("The ministry said Peru attacked Chile on Sunday. Then the talks ended.")
    assert [sent.text for sent in doc.sents] == ["The ministry said Peru attacked Chile on Sunday.",
                                                 "Then the talks ended."]
