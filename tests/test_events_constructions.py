"""More constructions of the general event reader, on sentences written for these tests: each states who acts
on whom, and the reverse pair must be absent."""
import pytest

from extraction_helpers import analyse


def pairs(text: str) -> set[tuple[str, str]]:
    a = analyse(text, "builtin")
    return {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations
            if not r.negated and r.status != "hypothetical" and r.category != "affiliation"}


@pytest.mark.parametrize("text, pair", [
    # a preconjunction before coordinated objects
    ("Tom Baker backed both Ana Ruiz and Peter Olsen.", ("Tom Baker", "Peter Olsen")),
    ("Tom Baker backed both Ana Ruiz and Peter Olsen.", ("Tom Baker", "Ana Ruiz")),
    # a relative pronoun subject, also where its clause is coordinated with another
    ("Ana Ruiz, who backs Peter Olsen, spoke on Monday.", ("Ana Ruiz", "Peter Olsen")),
    ("Sam Walters, whom Ana Ruiz appointed ambassador, and who now supports Peter Olsen, spoke.",
     ("Sam Walters", "Peter Olsen")),
    # a relative pronoun object: the clause acts on the noun it describes
    ("Sam Walters, whom Ana Ruiz appointed ambassador, and who now supports Peter Olsen, spoke.",
     ("Ana Ruiz", "Sam Walters")),
    # a role noun in apposition is its person, not the body it names
    ("Peter Olsen, the former manager of Acme Corp, ripped Ana Ruiz for her remarks.", ("Peter Olsen", "Ana Ruiz")),
    # 'for' names the target after a few verbs
    ("Ana Ruiz voted for Tom Baker in 2012.", ("Ana Ruiz", "Tom Baker")),
    # an event noun's 'into'/'of' phrase names what someone owns: the owner undergoes
    ("The FBI's probe into Ana Ruiz's emails ended on Monday.", ("FBI", "Ana Ruiz")),
    # a programme of a network is the network addressed
    ("Tom Baker told ABC's This Week that he would run.", ("Tom Baker", "ABC")),
    # an accusation's 'that' clause names the accused
    ("Peter Olsen's accusation that Ana Ruiz lied angered voters.", ("Peter Olsen", "Ana Ruiz")),
    ("Chile expelled diplomats from Peru.", ("Chile", "Peru")),  # 'from' after a verb of removing
    ("Chile withdrew its troops from Bolivia in May.", ("Chile", "Bolivia")),
    # 'the South', which the tagger made a name of its own, is the one longer name it is a word of
    ("North Korea fired missiles on Monday. South Korea protested. Pyongyang later warned the South against drills.",
     ("North Korea", "South Korea")),
    # a relative clause on a predicate noun acts for the subject the noun is said of
    ("Angela Ruiz is the state attorney who charged Tom Baker with fraud.", ("Angela Ruiz", "Tom Baker")),
    ("Chile is a country that backs Peru.", ("Chile", "Peru")),
    # an agent noun said of an actor acts on the one it names
    ("Ana Ruiz, a Tom Baker supporter, spoke on Monday.", ("Ana Ruiz", "Tom Baker")),
    ("Peter Olsen is a critic of Ana Ruiz.", ("Peter Olsen", "Ana Ruiz")),
    ("Ana Ruiz, an ally of Tom Baker, praised Chile.", ("Ana Ruiz", "Tom Baker")),
])
def test_the_general_reader_reads_the_construction(text, pair):
    found = pairs(text)
    assert pair in found and pair[::-1] not in found


@pytest.mark.parametrize("text, pair", [
    ("Ana Ruiz worked for Tom Baker.", ("Ana Ruiz", "Tom Baker")),  # 'for' after most verbs: a beneficiary
    ("Acme Corp runs a network that transmits on Nilestar.", ("Acme Corp", "Nilestar")),  # 'on' after most verbs
])
def test_a_phrase_that_names_no_target_gives_no_event(text, pair):
    assert pair not in pairs(text)


def test_a_parser_reading_the_name_after_the_verb_as_a_predicate_still_gives_the_object():
    from test_events import hand_parsed_events
    found = hand_parsed_events(
        [("Chile", 1, "nsubj", "PROPN", "NNP"), ("ripped", 1, "ROOT", "VERB", "VBD"), ("Peru", 1, "xcomp", "PROPN", "NNP"),
         (".", 1, "punct", "PUNCT", ".")],
        {"chile": (0,), "peru": (2,)})
    assert ("chile", "peru") in found and ("peru", "chile") not in found


def test_a_name_part_of_two_longer_names_stands_for_neither():
    a = analyse("North Korea and South Korea met in May. Later the Korea delegates left.", "builtin")
    assert {a.actor_name(x.id) for x in a.actors} >= {"North Korea", "South Korea"}


def test_what_was_removed_is_in_the_predicate():
    a = analyse("Chile expelled diplomats from Peru.", "builtin")
    assert [r.predicate for r in a.relations] == ["expel diplomats from"]


@pytest.mark.parametrize("verb, code", [
    ("sign", "057"),  # a verb with no code of its own: its patterns' usual one
    ("appoint", "060"),
    ("question", "110"),
    ("urge", "021"),  # listed in no block, only in its patterns' comments
    ("sanction", "163"),  # not in the dictionary as a verb: as the noun after other verbs ('impose sanctions')
    ("win", None),  # no patterns of its own
    ("replace", None),  # one pattern only
])
def test_a_verb_without_its_own_code_codes_as_its_patterns_usually_do(verb, code):
    from newslens.english.cameo import cameo_code
    found = cameo_code(verb)
    assert (found.code if found else None) == code


def test_sign_with_is_coded():
    a = analyse("Chile signed with Peru on Monday.", "builtin")
    assert [(r.cameo_root, r.category) for r in a.relations] == [("05", "cooperate")]


def test_a_name_the_article_writes_once_with_the_keeps_it_in_the_report():
    from newslens.render.prose import name_phrase
    a = analyse("Meanwhile, the Kremlin declined to comment. Kremlin spokesman Dmitry Peskov met Kim Jong Un.", "builtin")
    kremlin = next(x for x in a.actors if x.name == "Kremlin")
    assert name_phrase(a, kremlin.id) == "the Kremlin"
    assert name_phrase(a, next(x.id for x in a.actors if x.name == "Kim Jong Un")) == "Kim Jong Un"


def test_an_agent_noun_of_no_one_named_gives_no_event():
    assert pairs("Tom Baker's critics met on Monday.") == set()


def test_an_agent_noun_is_told_by_its_verb():
    from newslens.render.prose import relation_clause
    a = analyse("Ana Ruiz, an ally of Tom Baker, praised Chile.", "builtin")
    clauses = {relation_clause(a, r) for r in a.relations}
    assert "Ana Ruiz allied with Tom Baker" in clauses
