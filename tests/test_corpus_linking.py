"""Cross-article linking: full names, acronyms, capitals link; a bare surname never does."""
from __future__ import annotations

from newslens.corpus.linking import ActorRef, link


def ref(doc_id: str, name: str, actor_type: str = "PERSON", *aliases: str) -> ActorRef:
    return ActorRef(doc_id=doc_id, actor_id=name.lower().replace(" ", "_"), name=name, type=actor_type,
                    aliases=(name, *aliases))


def groups(actors: list[ActorRef]) -> list[set[tuple[str, str]]]:
    return sorted(({(m.doc_id, m.name) for m in e.members} for e in link(actors)), key=sorted)


def test_a_full_name_links_across_articles_and_a_bare_surname_does_not():
    actors = [ref("a", "Maria Jansen", "PERSON", "Jansen"), ref("b", "Maria Jansen", "PERSON", "Jansen"),
              ref("c", "Jansen")]
    assert groups(actors) == [{("a", "Maria Jansen"), ("b", "Maria Jansen")}, {("c", "Jansen")}]


def test_two_people_with_one_surname_stay_apart():
    actors = [ref("a", "Carlos Lopez", "PERSON", "Lopez"), ref("b", "Lucia Lopez", "PERSON", "Lopez")]
    assert len(link(actors)) == 2


def test_titles_do_not_make_a_surname_a_full_name():
    actors = [ref("a", "President Lopez"), ref("b", "President Lopez"), ref("c", "Dr. Amina Rahimi"),
              ref("d", "Amina Rahimi")]
    assert groups(actors) == [{("a", "President Lopez")}, {("b", "President Lopez")},
                              {("c", "Dr. Amina Rahimi"), ("d", "Amina Rahimi")}]


def test_an_acronym_links_to_its_one_expansion():
    actors = [ref("a", "WHO", "ORG"), ref("b", "World Health Organization", "ORG"),
              ref("c", "Federation of Port Employees", "ORG", "FPE"), ref("d", "FPE", "ORG")]
    assert groups(actors) == [{("a", "WHO"), ("b", "World Health Organization")},
                              {("c", "Federation of Port Employees"), ("d", "FPE")}]


def test_an_acronym_two_expansions_could_spell_links_to_neither():
    actors = [ref("a", "AP", "ORG"), ref("b", "Associated Press", "ORG"), ref("c", "Andhra Pradesh", "GPE")]
    assert len(link(actors)) == 3


def test_capitals_and_spellings_link_to_their_country():
    actors = [ref("a", "Canada", "GPE", "Ottawa"), ref("b", "Ottawa", "GPE"), ref("c", "U.S.", "GPE"),
              ref("d", "United States", "GPE")]
    assert groups(actors) == [{("a", "Canada"), ("b", "Ottawa")}, {("c", "U.S."), ("d", "United States")}]


def test_a_person_never_links_to_a_place_of_the_same_name():
    actors = [ref("a", "Jordan Peters"), ref("b", "Jordan", "GPE"), ref("c", "Jordan")]
    assert len(link(actors)) == 3


def test_entity_ids_are_unique_and_do_not_depend_on_order():
    actors = [ref("a", "Lopez"), ref("b", "Lopez"), ref("c", "Canada", "GPE"), ref("d", "Ottawa", "GPE")]
    forward, backward = link(actors), link(actors[::-1])
    assert [(e.id, e.name, e.members) for e in forward] == [(e.id, e.name, e.members) for e in backward]
    assert len({e.id for e in forward}) == len(forward) == 3
    assert {e.name for e in forward if e.type == "GPE"} == {"Canada"}
