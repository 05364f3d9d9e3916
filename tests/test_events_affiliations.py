"""Affiliations a title or a party code states, and denials told as denials, on sentences written for these tests."""
import pytest

from extraction_helpers import analyse


def affiliations(text: str) -> set[tuple[str, str]]:
    a = analyse(text, "builtin")
    return {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations if r.category == "affiliation"}


PARTIES = "The Democratic Party met in Ohio on Monday, and the Republicans met in Iowa. "


@pytest.mark.parametrize("text, pair", [
    ("Sen. Ana Ruiz (D-Ore.) spoke on Tuesday.", ("Ana Ruiz", "Democratic Party")),
    ("Rep. Tom Reyes (R-N.Y.) spoke on Tuesday.", ("Tom Reyes", "Republicans")),
    ("Rep. Tom Reyes, R-Texas, spoke on Tuesday.", ("Tom Reyes", "Republicans")),
])
def test_a_party_code_after_a_name_gives_the_party_the_article_names(text, pair):
    found = affiliations(PARTIES + text)
    assert pair in found
    other = "Republicans" if pair[1] == "Democratic Party" else "Democratic Party"
    assert (pair[0], other) not in found and (pair[1], pair[0]) not in found


def test_a_party_code_without_that_party_in_the_article_gives_nothing():
    assert not any(target == "Democratic Party" for _, target in
                   affiliations("Sen. Ana Ruiz (D-Ore.) spoke on Tuesday in Salem."))


@pytest.mark.parametrize("text, pair", [
    ("Republican nominee Peter Olsen praised the workers.", ("Peter Olsen", "Republicans")),
    ("Democratic front-runner Ana Ruiz called him.", ("Ana Ruiz", "Democratic Party")),
    ("The presumptive Republican presidential nominee Tom Reyes left early.", ("Tom Reyes", "Republicans")),
])
def test_a_party_adjective_in_a_title_stands_for_the_party(text, pair):
    assert pair in affiliations(PARTIES + text)


def test_a_demonym_in_a_title_is_still_the_titles_own_reading():
    found = affiliations("Afghanistan sent a robotics team. The Afghan team's coach, Reza Karimi, was proud.")
    assert ("Reza Karimi", "Afghanistan") not in found


def test_a_denial_is_negated_with_the_denier_as_its_source():
    from newslens.render.prose import relation_clause
    a = analyse("Egypt denied buying arms from Russia.", "builtin")
    (relation,) = [r for r in a.relations if r.category != "affiliation"]
    assert (a.actor_name(relation.source), a.actor_name(relation.target)) == ("Egypt", "Russia")
    assert relation.negated and relation.status == "negated" and a.actor_name(relation.status_source) == "Egypt"
    assert relation_clause(a, relation) == "Egypt denied buying arms from Russia"


def test_a_denial_of_what_another_did_names_the_denier():
    from newslens.render.prose import relation_clause
    a = analyse("Egypt denied that Turkey had attacked Syria.", "builtin")
    (relation,) = [r for r in a.relations if r.category != "affiliation"]
    assert (a.actor_name(relation.source), a.actor_name(relation.target)) == ("Turkey", "Syria")
    assert relation.negated and a.actor_name(relation.status_source) == "Egypt"
    assert relation_clause(a, relation) == "Egypt denied that Turkey attacked Syria"


def test_a_refusal_is_negated_without_a_source():
    a = analyse("Peru refused to meet Chile.", "builtin")
    (relation,) = a.relations
    assert relation.negated and relation.status_source is None


def test_what_was_bought_is_part_of_the_predicate():
    a = analyse("Egypt bought arms from Russia.", "builtin")
    assert [r.predicate for r in a.relations] == ["buy arms from"]


@pytest.mark.parametrize("text, pair", [
    ("Omar Feld named a new aide on Monday. He had leaned on Teo Varga, his blunt former press "
     "secretary.", ("Teo Varga", "Omar Feld")),
    ("Paul Ostrow and his deputy, Rick Galt, left the building.", ("Rick Galt", "Paul Ostrow")),
    ("The Orbis Institute published a study on Monday. Its lead researcher, Ana Berg, said the results were clear.",
     ("Ana Berg", "Orbis Institute")),
    ("Lena Kovac spoke on Monday. Her spokesman, Rick Galt, said the count was slow.",
     ("Rick Galt", "Lena Kovac")),
    ("Rick Galt thanked his campaign manager, Lena Kovac, on Monday.", ("Lena Kovac", "Rick Galt")),
])
def test_a_role_owned_by_a_possessive_in_apposition_ties_the_person_to_the_owner(text, pair):
    found = affiliations(text)
    assert pair in found
    assert (pair[1], pair[0]) not in found


def test_a_possessive_that_owns_no_role_gives_no_affiliation():
    assert not affiliations("Lena Kovac spoke on Monday. In his speech, Rick Galt thanked the voters.")


def test_a_possessive_in_apposition_is_not_given_to_a_person_the_clause_does_not_make_its_subject():
    text = ("Omar Feld lacks experience, but he is the sort of organiser that the senator found in Teo Varga, "
            "his blunt former aide, who quit in May.")
    assert ("Teo Varga", "Omar Feld") not in affiliations(text)


@pytest.mark.parametrize("text, pair", [
    ("Dave Cole, who is the chairman of the Lind Foundation, spoke on Monday.", ("Dave Cole", "Lind Foundation")),
    ("Ana Ruiz, who has long been serving as treasurer of the Lind Foundation, left.", ("Ana Ruiz", "Lind Foundation")),
    ("Tom Okoro, who served as a Vermont senator for 20 years, spoke.", ("Tom Okoro", "Vermont")),
    ("Ines Duarte became the mayor of Porto in 2001.", ("Ines Duarte", "Porto")),
    ("Owen Marsh was a Republican senator for years. The Republicans won.", ("Owen Marsh", "Republicans")),
    ("Ana Ruiz has become a senior adviser to Governor Tom Reyes.", ("Ana Ruiz", "Tom Reyes")),
])
def test_a_role_a_copula_or_relative_clause_states_ties_the_person_to_its_body(text, pair):
    found = affiliations(text)
    assert pair in found
    assert (pair[1], pair[0]) not in found


@pytest.mark.parametrize("text", [
    "The aide to Tom Reyes is a member of the Lind Foundation.",  # the name does not open the clause
    "Ana Ruiz said the chairman of the Lind Foundation had resigned.",  # no copula
    "Ana Ruiz, who met the chairman of the Lind Foundation, left.",  # the relative clause's verb is no copula
])
def test_a_role_said_of_someone_else_gives_the_named_person_no_affiliation(text):
    assert ("Ana Ruiz", "Lind Foundation") not in affiliations(text)
    assert ("Tom Reyes", "Lind Foundation") not in affiliations(text)


@pytest.mark.parametrize("text, pair", [
    ("Republican presidential nominee Lena Kovac spoke in Ohio on Monday.", ("Lena Kovac", "Republican")),
    ("Democratic official Ana Quill joined a panel on Monday.", ("Ana Quill", "Democratic")),
    ("Ada Crane, the Democratic candidate, left early.", ("Ada Crane", "Democratic")),
])
def test_a_party_word_in_a_title_names_the_party_where_the_article_names_it_nowhere_else(text, pair):
    a = analyse(text, "builtin")
    assert pair[1] in {actor.name for actor in a.actors}
    assert pair in affiliations(text)


def test_a_party_a_title_names_joins_the_party_the_article_names():
    a = analyse("Republican nominee Lena Kovac spoke on Monday. The Republicans met in Iowa.", "builtin")
    assert [actor.name for actor in a.actors if actor.type != "PERSON"] == ["Republicans", "Iowa"]
    assert ("Lena Kovac", "Republicans") in affiliations("Republican nominee Lena Kovac spoke on Monday. "
                                                          "The Republicans met in Iowa.")


def test_an_independent_candidate_names_no_party():
    a = analyse("Independent candidate Ana Quill spoke on Monday.", "builtin")
    assert [actor.name for actor in a.actors] == ["Ana Quill"]


def test_its_owner_is_an_actor_the_text_talks_about_not_a_word_describing_something_else():
    text = ("The panel, the Harbor Review Board, said it had examined papers seized by Peruvian police near two ports. "
            "Its chief analyst, Ana Berg, said the papers were forged.")
    pairs = affiliations(text)
    assert ("Ana Berg", "Harbor Review Board") in pairs and ("Ana Berg", "Peru") not in pairs
