"""A speaker's pronoun goes to the right person: the narrator's 'he' is not someone named only in quoted words,
and a person called Mr. or Ms. has that gender before any pronoun has been read."""
import pytest

from extraction_helpers import BACKENDS, analyse, quote_of, speaker_name


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def test_a_narrated_pronoun_skips_a_person_named_inside_a_quotation(backend):
    text = ('Rep. Tom Baker reacted to the ruling on Friday, saying: "Ed Lane belongs in prison." "It should shock '
            'every decent voter in the state," he added.')
    a = analyse(text, backend)
    assert speaker_name(a, quote_of(a, "It should shock")) == "Tom Baker"


def test_a_pronoun_inside_a_quotation_may_still_be_a_person_quoted_there(backend):
    text = ('Tom Baker spoke at the rally in Dayton. "Ed Lane called me last night, and he was angry," Mr. Baker '
            'said.')
    a = analyse(text, backend)
    lane = next(x for x in a.actors if x.name == "Ed Lane")
    assert any(m.text == "he" for m in lane.mentions)


def test_an_honorific_gives_the_gender_before_any_pronoun(backend):
    text = 'Mr. Tom Baker met Mr. Ed Lane in Dayton on Monday. "We will win this state," he told donors later.'
    if backend == "rules":
        pytest.skip("without a parse no subject is known: the person named last is taken")
    a = analyse(text, backend)
    assert speaker_name(a, quote_of(a, "We will win")) == "Tom Baker"


def test_an_ambiguous_first_pronoun_does_not_fix_a_gender(backend):
    text = ("Tom Baker wants Ana Ruiz to resign for criticizing him.\n\nAna Ruiz said on Monday that she would "
            "stay in office until the end of her term.")
    if backend == "rules":
        pytest.skip("without a parse no subject is known, and no pronoun votes")
    a = analyse(text, backend)
    baker = next(x for x in a.actors if x.name == "Tom Baker")
    ruiz = next(x for x in a.actors if x.name == "Ana Ruiz")
    assert [m.text for m in baker.mentions if m.kind == "pronoun"] == ["him"]
    assert [m.text for m in ruiz.mentions if m.kind == "pronoun"] == ["she", "her"]


def test_a_bodys_it_as_a_speaker_is_the_bodys_mention(backend):
    text = 'The Harbor Authority rejected the report on Monday. It said the figures were "simply wrong."'
    a = analyse(text, backend)
    quote = quote_of(a, "the figures")
    assert speaker_name(a, quote) == "Harbor Authority"
    speaker = next(actor for actor in a.actors if actor.id == quote.speaker)
    assert any(m.kind == "pronoun" and m.start == quote.speaker_start for m in speaker.mentions)


def test_a_speakers_he_continues_the_subject_of_the_sentence_before(backend):
    text = ('Senator Paul Ostrander said on Monday that it was wrong for Judge Mara Lind to attack Victor Hale. '
            'He said judges should stay out of elections.')
    if backend == "rules":
        pytest.skip("without a parse no subject is known: the person named last is taken")
    a = analyse(text, backend)
    assert speaker_name(a, quote_of(a, "judges should")) == "Paul Ostrander"


def test_a_subject_of_a_clause_inside_the_sentence_is_not_its_subject(backend):
    text = ('Victor Hale said that Paul Ostrander had lost the vote in Dayton. '
            'He said the count should be repeated.')
    if backend == "rules":
        pytest.skip("without a parse no subject is known: the person named last is taken")
    a = analyse(text, backend)
    assert speaker_name(a, quote_of(a, "the count")) == "Victor Hale"
