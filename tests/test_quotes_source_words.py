"""Words near a cue that are not its source: a stretch of time before the cue, the object of the clause a
participle follows, a place that modifies a name of no actor."""
import pytest

from extraction_helpers import BACKENDS, analyse, quote_of, speaker_name


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.mark.parametrize("when", ["last week", "this year", "earlier this month"])
def test_a_time_phrase_before_the_cue_is_no_source(backend, when):
    text = f"Ana Ruiz, who backed Sen. Ed Lane in the primaries, {when} said the mayor was seeking a new term."
    a = analyse(text, backend)
    q = quote_of(a, "the mayor was")
    assert speaker_name(a, q) == "Ana Ruiz"


def test_a_name_in_the_clause_before_a_participle_is_no_source(backend):
    text = ("A Tucson magistrate turned down a bid to release the records of a lawsuit over Tom Baker's "
            "farm sale to his brother Ed Baker, saying the courts have no duty to settle family quarrels.")
    if backend == "rules":
        pytest.skip("without a parse the participle's subject is not found")
    a = analyse(text, backend)
    q = quote_of(a, "the courts have")
    assert q.speaker is None
    assert text[q.speaker_start:q.speaker_end] == "A Tucson magistrate"
    assert q.source_description == "magistrate"


def test_a_place_in_a_name_of_no_actor_is_no_source(backend):
    text = "The Ohio Daily Ledger said Mr. Tom Baker had been rocked by the debate."
    if backend == "rules":
        pytest.skip("without a parse the name's words are not read as one subject")
    a = analyse(text, backend)
    q = quote_of(a, "Mr. Tom Baker")
    assert speaker_name(a, q) != "Ohio"
    assert "Ledger" in text[q.speaker_start:q.speaker_end]


def test_a_day_the_parser_made_the_subject_is_no_source():
    """'X, who opposed the plan, said Friday that ...' with the parse (as the built-in parser gives it on some
    long sentences) making 'Friday' the subject of 'said': the source is X, by word order."""
    from spacy.tokens import Doc, Span

    from newslens.extract.analysis import analysis_of_doc
    from newslens.io.article import article_from_text
    from newslens.pipeline.load import load_pipeline

    nlp = load_pipeline("builtin")
    words = ["Tom", "Baker", ",", "who", "opposed", "the", "plan", ",", "said", "Friday", "that", "the", "mayor",
             "was", "wrong", "."]
    spaces = [True, False, True, True, True, True, False, True, True, True, True, True, True, True, False, False]
    heads = [8, 0, 4, 4, 0, 6, 4, 4, 8, 8, 13, 12, 13, 8, 13, 8]
    deps = ["dep", "flat", "punct", "nsubj", "acl:relcl", "det", "obj", "punct", "ROOT", "nsubj", "mark", "det",
            "nsubj", "ccomp", "xcomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "SCONJ", "DET", "NOUN",
           "AUX", "ADJ", "PUNCT"]
    tags = ["NNP", "NNP", ",", "WP", "VBD", "DT", "NN", ",", "VBD", "NNP", "IN", "DT", "NN", "VBD", "JJ", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              sent_starts=[True] + [False] * 15)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 9, 10, "DATE")]
    a = analysis_of_doc(article_from_text(doc.text, "sample"), doc, nlp)
    q = quote_of(a, "the mayor was")
    assert speaker_name(a, q) == "Tom Baker"
