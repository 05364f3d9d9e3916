"""Words near a cue that are not its source: a stretch of time before the cue, the object of the clause a
participle follows, a place that modifies a name of no actor."""
import pytest

from extraction_helpers import BACKENDS, analyse, speaker_name


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def quote_of(a, opening):
    return next(q for q in a.quotes if q.text.startswith(opening))


@pytest.mark.parametrize("when", ["last week", "this year", "earlier this month"])
def test_a_time_phrase_before_the_cue_is_no_source(backend, when):
    text = f"Ana Ruiz, who backed Sen. Ed Lane in the primaries, {when} said the mayor was seeking a new term."
    a = analyse(text, backend)
    q = quote_of(a, "the mayor was")
    assert speaker_name(a, q) == "Ana Ruiz"


def test_a_name_in_the_clause_before_a_participle_is_no_source(backend):
    text = ("A Denver judge has rejected a request to make public the contents of a court file on Tom Baker's "
            "divorce from wife Ana Baker, saying the courts have no business deciding what voters need to know.")
    if backend == "rules":
        pytest.skip("without a parse the participle's subject is not found")
    a = analyse(text, backend)
    q = quote_of(a, "the courts have")
    assert q.speaker is None
    assert text[q.speaker_start:q.speaker_end] == "A Denver judge"
    assert q.source_description == "judge"


def test_a_place_in_a_name_of_no_actor_is_no_source(backend):
    text = "The Ohio Daily Ledger said Mr. Tom Baker had been rocked by the debate."
    if backend == "rules":
        pytest.skip("without a parse the name's words are not read as one subject")
    a = analyse(text, backend)
    q = quote_of(a, "Mr. Tom Baker")
    assert speaker_name(a, q) != "Ohio"
    assert "Ledger" in text[q.speaker_start:q.speaker_end]
