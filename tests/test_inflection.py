"""English word forms from lemminflect (english/inflection.py), and what they fix in the extraction."""
from __future__ import annotations

import pytest

from extraction_helpers import BACKENDS, analyse
from newslens.english.inflection import plural_noun


@pytest.mark.parametrize("noun, plural", [("secretary", "secretaries"), ("spokesman", "spokesmen"),
                                          ("princess", "princesses"), ("senator", "senators"),
                                          ("prime minister", "prime ministers"), ("coach", "coaches")])
def test_plural_noun(noun, plural):
    assert plural_noun(noun) == plural


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_plural_title_before_two_names_gives_two_people(backend):
    analysis = analyse("Secretaries Ana Ruiz and Paul Kim signed the deal on Monday.\n", backend)
    people = {(actor.name, actor.type) for actor in analysis.actors}
    assert {("Ana Ruiz", "PERSON"), ("Paul Kim", "PERSON")} <= people
    assert not any(actor.name.startswith("Secretaries") for actor in analysis.actors)


def test_join_clauses_sets_clauses_with_commas_apart_by_semicolons():
    from newslens.english.inflection import join_clauses, join_words
    assert join_clauses(["Ana left", "Tom stayed"]) == "Ana left and Tom stayed"
    assert join_clauses(["Ana left", "Tom stayed", "Li came"]) == "Ana left, Tom stayed and Li came"
    assert join_words(["Peru (3 mentions)", "Ana Lee (mayor, Lima; 2 mentions)", "Chile"]) == \
        "Peru (3 mentions), Ana Lee (mayor, Lima; 2 mentions) and Chile"
    told = join_clauses(["Russia turned to Iran", "according to Kyiv, Oslo hosted talks", "Peru sent aid to Chile"])
    assert told == "Russia turned to Iran; according to Kyiv, Oslo hosted talks; and Peru sent aid to Chile"


def test_an_unnamed_source_is_told_with_its_article_and_in_lower_case():
    from types import SimpleNamespace
    from newslens.render.prose import unnamed_source_phrase
    nobody = SimpleNamespace(actor=lambda actor_id: None)
    assert unnamed_source_phrase(nobody, SimpleNamespace(source_description="official", source_affiliation=None)) \
        == "an official"
    assert unnamed_source_phrase(nobody, SimpleNamespace(source_description="Reports", source_affiliation=None)) \
        == "reports"
    assert unnamed_source_phrase(nobody, SimpleNamespace(source_description="spokeswoman", source_affiliation=None)) \
        == "a spokeswoman"
    assert unnamed_source_phrase(nobody, SimpleNamespace(source_description="Russian mission", source_affiliation=None)) \
        == "a Russian mission"


def test_an_unnamed_source_keeps_the_preposition_the_text_gives_its_owner():
    from newslens.render.prose import quotes_paragraph
    a = analyse("The Peruvian mission to the OAS said the vote was unfair. A spokeswoman for the Lima city council "
                "said the budget was late.", "builtin")
    paragraph = quotes_paragraph(a)
    assert "the Peruvian mission to the OAS (1)" in paragraph and "mission of" not in paragraph
    assert "for the Lima (1)" not in paragraph  # a mention that is only the start of the owner's name is not cut


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_present_tense_speech_verb_marks_its_subject_as_the_speaker(backend):
    analysis = analyse("Kowalczyk warns that the dam will fail before the spring.\n", backend)
    speakers = {analysis.actor_name(q.speaker) for q in analysis.quotes}
    assert "Kowalczyk" in speakers
