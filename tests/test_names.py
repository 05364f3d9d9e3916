"""Actor names a reader can trust: one clean name per actor, titles as roles, affiliations as relations.

One test per error class of the names issue, on sentences written for these tests, with both backends.
"""
import pytest

from extraction_helpers import BACKENDS, actor_named, analyse


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def names(analysis) -> set[str]:
    return {actor.name for actor in analysis.actors}


def affiliations(analysis) -> set[tuple[str, str, str]]:
    return {(analysis.actor_name(r.source), r.predicate, analysis.actor_name(r.target))
            for r in analysis.relations if r.category == "affiliation"}


def test_a_title_with_an_organisation_is_a_role_and_an_affiliation(backend):
    a = analyse("FAA Administrator Linda Marsh said on Monday that the agency would review the rules.", backend)
    marsh = actor_named(a, "Linda Marsh")
    assert marsh.name == "Linda Marsh" and marsh.type == "PERSON"
    assert marsh.role == "FAA Administrator"
    assert a.actor_name(marsh.affiliation) == "FAA"
    assert ("Linda Marsh", "administrator", "FAA") in affiliations(a)


def test_a_title_with_an_of_phrase_before_the_name(backend):
    a = analyse("Governor of Ohio Mark Delgado welcomed the plan on Tuesday.", backend)
    delgado = actor_named(a, "Mark Delgado")
    assert delgado.role == "Governor of Ohio"
    assert a.actor_name(delgado.affiliation) == "Ohio"


def test_a_portfolio_is_part_of_the_title_not_an_actor(backend):
    a = analyse("Minister of Education Anna Berg announced new exams. Shadow Health Secretary Tom Reyes objected.",
                backend)
    assert {"Anna Berg", "Tom Reyes"} <= names(a)
    assert not names(a) & {"Education", "Education Anna Berg", "Shadow Health Secretary Tom Reyes"}
    assert actor_named(a, "Anna Berg").affiliation is None


def test_an_organisation_with_a_role_after_it_keeps_its_name(backend):
    a = analyse("A spokesman said the Museum of Science CEO declined to comment.", backend)
    assert "Museum of Science" in names(a)
    assert "Museum of Science CEO" not in names(a)


def test_a_person_and_their_party_are_two_actors_and_an_affiliation(backend):
    a = analyse("Ana Ruiz of the Green Party and Paul Kim of the Labour Party signed the letter.", backend)
    assert {"Ana Ruiz", "Green Party", "Paul Kim", "Labour Party"} <= names(a)
    assert actor_named(a, "Ana Ruiz").type == "PERSON"
    assert {("Ana Ruiz", "of", "Green Party"), ("Paul Kim", "of", "Labour Party")} <= affiliations(a)
    assert ("Ana Ruiz", "of", "Labour Party") not in affiliations(a)


def test_an_apposition_gives_the_role_and_the_body(backend):
    a = analyse("Peter Olsen, a spokesman for the Norwegian Refugee Council, said aid was blocked.", backend)
    olsen = actor_named(a, "Peter Olsen")
    assert olsen.role == "spokesman"
    assert a.actor_name(olsen.affiliation) == "Norwegian Refugee Council"


def test_a_demonym_in_a_title_gives_the_country(backend):
    a = analyse("The Afghan ambassador Zalmay Rahimi met officials on Friday.", backend)
    rahimi = actor_named(a, "Zalmay Rahimi")
    assert a.actor_name(rahimi.affiliation) == "Afghanistan"
    assert ("Zalmay Rahimi", "ambassador", "Afghanistan") in affiliations(a)


def test_an_ambassador_belongs_to_the_country_he_represents_not_his_host(backend):
    a = analyse("The Afghan Ambassador to the United States Hamid Nazari spoke first.", backend)
    assert ("Hamid Nazari", "ambassador", "United States") not in affiliations(a)
    assert ("Hamid Nazari", "ambassador", "Afghanistan") in affiliations(a)


def test_a_possessor_before_a_title_is_the_affiliation(backend):
    a = analyse("Norway's Foreign Minister Eva Lund warned Russia on Monday.", backend)
    lund = actor_named(a, "Eva Lund")
    assert a.actor_name(lund.affiliation) == "Norway"


def test_an_affiliation_is_listed_once_where_it_is_first_stated(backend):
    a = analyse("FAA Administrator Linda Marsh spoke. Reporters asked FAA Administrator Linda Marsh again.", backend)
    stated = [r for r in a.relations if r.category == "affiliation"]
    assert [(a.actor_name(r.source), a.actor_name(r.target), r.start) for r in stated] == [
        ("Linda Marsh", "FAA", 0)]


def test_a_descriptor_before_a_name_is_not_part_of_it(backend):
    a = analyse("Independent Mark Hill won the seat after a long count.", backend)
    assert "Mark Hill" in names(a)
    assert "Independent Mark Hill" not in names(a)


def test_a_stance_prefix_names_the_country_not_a_city_glued_to_a_party(backend):
    a = analyse("The pro-Moscow UR party lost votes. Russia said nothing.", backend)
    assert not any("Moscow" in name for name in names(a))
    assert "Moscow" in {m.text for m in actor_named(a, "Russia").mentions}


def test_a_caption_line_is_not_glued_to_the_next_name(backend):
    a = analyse("Delegates at the opening session\nMaria Olsen said the talks would go on.", backend)
    assert "Maria Olsen" in names(a)
    assert not any("session" in name.lower() for name in names(a))


def test_an_ambiguous_first_name_stays_unresolved(backend):
    a = analyse("Sam Lee and Sam Park spoke at the event. Sam said the talks went well.", backend)
    for person in ("Sam Lee", "Sam Park"):
        assert [m.text for m in actor_named(a, person).mentions if m.kind != "pronoun"] == [person]


def test_an_unambiguous_first_name_still_joins_its_person(backend):
    a = analyse("Sam Lee spoke at the event. Sam said the talks went well.", backend)
    assert "Sam" in {m.text for m in actor_named(a, "Sam Lee").mentions}


def test_a_surname_shared_by_two_people_stays_unresolved(backend):
    a = analyse("Joan Park met Park Min-jun in Seoul on Monday. Park said the meeting was useful.", backend)
    assert "Park" not in {m.text for m in actor_named(a, "Joan Park").mentions}


def test_a_classification_mark_and_a_tax_are_no_actors(backend):
    a = analyse("The document was marked Restricted C. The government raised VAT for small firms.", backend)
    assert not names(a) & {"Restricted C", "Restricted C.", "Holy See (Vatican City State)"}
    assert not any(actor.type == "GPE" for actor in a.actors)


@pytest.mark.parametrize("acronym, country, named", [("PRC", "China", "Chinese"), ("DPRK", "North Korea", "Pyongyang"),
                                                     ("ROK", "South Korea", "Seoul")])
def test_an_official_acronym_folds_into_the_country_the_article_names(backend, acronym, country, named):
    a = analyse(f"The {acronym} denied the report on Monday. {named} officials were blunt. "
                f"Later, {country} said it would respond.", backend)
    assert acronym in {m.text for m in actor_named(a, country).mentions}


def test_an_official_acronym_of_a_country_never_named_stays_apart(backend):
    a = analyse("The IRA declared a ceasefire in Belfast on Monday.", backend)
    assert "Afghanistan" not in names(a)
