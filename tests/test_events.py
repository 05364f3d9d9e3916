"""Events from the parse, one construction per test, on sentences written for these tests.

Each test states who acts on whom and, where direction matters, checks the reverse is absent."""
import json

import pytest

from extraction_helpers import analyse

from newslens.evaluation import score_document


def pairs(text: str) -> set[tuple[str, str]]:
    """(agent, patient) of the events the text states as facts, reported or planned: not negated, not hypothetical."""
    a = analyse(text, "builtin")
    return {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations
            if not r.negated and r.status != "hypothetical"}


def test_coordinated_subjects_each_act():
    found = pairs("Germany and France sanctioned Iran on Monday.")
    assert {("Germany", "Iran"), ("France", "Iran")} <= found
    assert ("Iran", "Germany") not in found and ("Germany", "France") not in found


def test_coordinated_objects_are_each_acted_on():
    found = pairs("Canada criticised Chile and Peru over the new tariffs.")
    assert {("Canada", "Chile"), ("Canada", "Peru")} <= found


def test_active_and_passive_give_the_same_direction():
    assert ("Chile", "Peru") in pairs("Chile invaded Peru in 1879.")
    passive = pairs("Peru was invaded by Chile in 1879.")
    assert ("Chile", "Peru") in passive and ("Peru", "Chile") not in passive


def test_coordinated_participle_shares_the_passive():
    found = pairs("Tom Baker was dropped from the squad and replaced by Sam Walters.")
    assert ("Sam Walters", "Tom Baker") in found and ("Tom Baker", "Sam Walters") not in found


def test_relative_clause_acts_for_its_noun():
    found = pairs("Amnesty International, which criticised Egypt last week, published a new report.")
    assert ("Amnesty International", "Egypt") in found


def test_reduced_relative_with_by_agent():
    found = pairs("She joined the Lumen Trust, a charity founded by Maria Lopez in 1990.")
    assert ("Maria Lopez", "Lumen Trust") in found and ("Lumen Trust", "Maria Lopez") not in found


def test_subject_control_carries_the_subject():
    assert ("Spain", "Morocco") in pairs("Spain agreed to meet with Morocco next month.")


def test_object_control_makes_the_object_act():
    found = pairs("Brazil asked Argentina to help Uruguay after the floods.")
    assert ("Argentina", "Uruguay") in found and ("Brazil", "Uruguay") not in found
    assert ("Brazil", "Argentina") in found
    bare_infinitive = pairs("Moscow agreed to let Finland join NATO.")
    assert ("Finland", "NATO") in bare_infinitive and ("Russia", "NATO") not in bare_infinitive


def test_light_verb_with_event_noun_is_one_relation():
    a = analyse("Japan held talks with India on Tuesday.", "builtin")
    assert [(a.actor_name(r.source), r.predicate, a.actor_name(r.target)) for r in a.relations] == [
        ("Japan", "hold talks with", "India")]


def test_event_noun_with_possessive_or_by_agent():
    assert ("Turkey", "Syria") in pairs("Officials condemned Turkey's attack on Syria.")
    found = pairs("The strikes by Israel against Lebanon continued overnight.")
    assert ("Israel", "Lebanon") in found and ("Lebanon", "Israel") not in found


def test_owner_of_people_acts_through_them():
    found = pairs("Thailand's foreign minister contacted Vietnam on Friday.")
    assert ("Thailand", "Vietnam") in found
    assert ("Thailand", "Vietnam") in pairs("Thailand's investigators questioned Vietnam's envoys on Friday.")


def test_speech_act_reaches_its_addressee():
    assert ("Sweden", "Norway") in pairs("Sweden urged Norway to reopen the border.")
    a = analyse("Anna Berg said in a statement to Reuters that the plant would close.", "builtin")
    [relation] = a.relations
    assert (a.actor_name(relation.source), a.actor_name(relation.target)) == ("Anna Berg", "Reuters")
    assert relation.category == "communicate"


def test_reported_clause_relation_without_the_speaker():
    found = pairs("John Smith said that Egypt had negotiated with Sudan for months.")
    assert ("Egypt", "Sudan") in found
    assert not {p for p in found if p[0] == "John Smith"}


def test_reporting_verb_object_is_not_an_addressee():
    found = pairs("Mary Jones stated Kenya left the talks early.")
    assert ("Mary Jones", "Kenya") not in found


def test_negated_event_is_kept_marked_and_not_scored():
    a = analyse("Kenya did not attack Somalia last year.", "builtin")
    [relation] = a.relations
    assert relation.negated
    gold = {"doc_id": "x", "actors": [{"id": "k", "name": "Kenya", "type": "GPE", "aliases": ["Kenya"]},
                                      {"id": "s", "name": "Somalia", "type": "GPE", "aliases": ["Somalia"]}],
            "quotes": None, "relations": []}
    assert score_document(gold, json.loads(a.to_json())).relations.predicted == 0


def test_hypothetical_event_is_kept_marked_hypothetical():
    a = analyse("Kenya might attack Somalia next year.", "builtin")
    assert [(a.actor_name(r.source), a.actor_name(r.target), r.status) for r in a.relations] == [
        ("Kenya", "Somalia", "hypothetical")]
    assert pairs("If Kenya attacks Somalia, the region will suffer.") == set()


def test_a_verb_coordinated_with_a_condition_is_conditional_too():
    found = pairs("Officials warned that unless Chile withdrew its troops and apologised to Peru, talks would end.")
    assert ("Chile", "Peru") not in found
    assert ("Chile", "Peru") in pairs("Chile withdrew its troops and apologised to Peru on Monday.")


def test_headline_clause_the_parser_misses_is_read_by_word_order():
    found = pairs("Nacer Chadli replaced Axel Witsel.")
    assert ("Nacer Chadli", "Axel Witsel") in found and ("Axel Witsel", "Nacer Chadli") not in found


def test_actors_a_group_includes_are_acted_on():
    found = pairs("Russia attacked critics including John Smith and Mary Jones.")
    assert {("Russia", "John Smith"), ("Russia", "Mary Jones")} <= found


def test_evidence_is_one_whole_line():
    a = analyse("Border talks\nJapan held talks with India on Tuesday.", "builtin")
    [relation] = a.relations
    assert relation.sentence == "Japan held talks with India on Tuesday."
    assert a.article.text[relation.start:relation.end] == relation.sentence


def test_a_known_city_or_named_region_is_where_things_happen_not_an_actor():
    from newslens.model import Actor
    from newslens.extract.events import acts
    actors = {a.id: a for a in [
        Actor(id="c", name="Chicago", type="GPE", mentions=()), Actor(id="r", name="Diyala Province", type="GPE", mentions=()),
        Actor(id="q", name="capital of Vantoria", type="GPE", mentions=()),
        Actor(id="k", name="Kenya", type="GPE", mentions=()), Actor(id="t", name="Zentrovia Labs", type="GPE", mentions=())]}
    assert not acts("c", actors) and not acts("r", actors) and not acts("q", actors)
    assert acts("k", actors)
    assert acts("t", actors)  # a 'place' no gazetteer knows is more likely a mislabelled organisation


def test_absolute_with_clause_has_its_own_subject():
    found = pairs("Kenya won the final, with the silver medal going to Chile.")
    assert ("Kenya", "Chile") not in found


def test_a_conjunct_with_its_own_preposition_is_not_an_agent():
    found = pairs("The paintings were donated by the Lumen Trust, according to Maria Lopez.")
    assert not {p for p in found if p[0] == "Maria Lopez"}


def test_a_participle_naming_a_group_is_no_event():
    found = pairs("He left the elite unit within Acme Corporation called the Blue Team.")
    assert not {p for p in found if p[0] == "Acme Corporation"}


def test_passive_in_an_event_by_its_agent():
    found = pairs("John Smith was killed in a raid by the United States last year.")
    assert ("United States", "John Smith") in found and ("John Smith", "United States") not in found


def test_event_noun_with_an_agent_acts_on_its_of_object():
    found = pairs("Nigeria's defeat of Ghana surprised the fans.")
    assert ("Nigeria", "Ghana") in found and ("Ghana", "Nigeria") not in found


def test_a_name_after_a_line_break_is_still_the_subject():
    assert ("Amnesty International", "Egypt") in pairs("Report\n Amnesty International is supporting Egypt.")


def test_people_from_a_country_are_not_the_country_acting_on_anyone():
    found = pairs("Anna Berg said he had abducted citizens from Jordan in 2005.")
    assert not {p for p in found if p[1] == "Jordan"}


def test_where_someone_comes_from_is_a_place_so_he_is_not_it():
    a = analyse("Omar Haddad, a native of Cochabamba, was a pilot. He was detained by Jordan in June.", "builtin")
    captured = {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations}
    assert not {p for p in captured if p[1] == "Cochabamba"}
    assert next(x for x in a.actors if x.name == "Cochabamba").type == "GPE"


def test_a_sentence_ending_on_a_preposition_has_no_target():
    assert pairs("Officials said Putin met with") == set()
    assert ("Russia", "Ukraine") in pairs("Russia attacked Ukraine. Obama met with")


def test_a_word_order_event_at_the_start_of_the_text_ignores_how_the_text_ends():
    assert pairs("Nacer Chadli replaced Axel Witsel.") == pairs("Nacer Chadli replaced Axel Witsel. He was")


# The parser misreads some sentences in ways seen on real news. These tests give the readings such a
# parse directly, built by hand, so that they check the reading and not what today's model happens to do.

def hand_parsed_events(tokens: list[tuple[str, int, str, str, str]], actors: dict[str, tuple[int, ...]]):
    """Events of one hand-parsed sentence: (word, head, dep, pos, tag) per token; actors by the tokens
    their one mention covers."""
    import spacy
    from spacy.tokens import Doc

    from newslens.extract.events import is_hypothetical, sentence_events
    from newslens.model import Actor, Mention
    from newslens.extract.mentions import MentionIndex
    from newslens.extract.words import Words

    words = [t[0] for t in tokens]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[w not in (",", ".") and i + 1 < len(words) and words[i + 1] not in (",", ".")
                                            for i, w in enumerate(words)],
              heads=[t[1] for t in tokens], deps=[t[2] for t in tokens], pos=[t[3] for t in tokens],
              tags=[t[4] for t in tokens], lemmas=[t[0].lower() for t in tokens])
    mentions = []
    for name, positions in actors.items():
        span = doc[positions[0]:positions[-1] + 1]
        mentions.append(Actor(name, span.text, "ORG", (Mention(span.text, span.start_char, span.end_char),)))
    words_of = Words(doc, MentionIndex(mentions))
    return {(words_of.actor[e.agent], words_of.actor[e.patient]) for e in sentence_events(doc[:], words_of)
            if not is_hypothetical(e.verb, words_of)}


def test_a_companion_the_parser_calls_the_agent_does_not_act():
    # "Diaz was deported, and along with Ana Soto, was released": 'along with' introduces no agent
    found = hand_parsed_events([
        ("Diaz", 2, "nsubj:pass", "PROPN", "NNP"), ("was", 2, "aux:pass", "AUX", "VBD"),
        ("deported", 2, "ROOT", "VERB", "VBN"), (",", 8, "punct", "PUNCT", ","), ("and", 8, "cc", "CCONJ", "CC"),
        ("along", 7, "case", "ADV", "RB"), ("with", 7, "case", "ADP", "IN"), ("smuggler", 8, "nmod", "NOUN", "NN"),
        ("Soto", 2, "obl:agent", "PROPN", "NNP"), (".", 2, "punct", "PUNCT", ".")],
        {"diaz": (0,), "soto": (8,)})
    assert ("soto", "diaz") not in found
    by_agent = hand_parsed_events([
        ("Diaz", 2, "nsubj:pass", "PROPN", "NNP"), ("was", 2, "aux:pass", "AUX", "VBD"),
        ("deported", 2, "ROOT", "VERB", "VBN"), ("by", 4, "case", "ADP", "IN"),
        ("Chile", 2, "obl:agent", "PROPN", "NNP"), (".", 2, "punct", "PUNCT", ".")], {"diaz": (0,), "chile": (4,)})
    assert by_agent == {("chile", "diaz")}


def test_a_line_break_read_as_the_subject_gives_way_to_the_name_under_it():
    found = hand_parsed_events([
        ("\n", 4, "nsubj", "SPACE", "_SP"), ("The", 2, "det", "DET", "DT"), ("Alliance", 0, "flat", "PROPN", "NNP"),
        ("is", 4, "aux", "AUX", "VBZ"), ("supporting", 4, "ROOT", "VERB", "VBG"), ("Chile", 4, "obj", "PROPN", "NNP"),
        (".", 4, "punct", "PUNCT", ".")], {"alliance": (2,), "chile": (5,)})
    assert found == {("alliance", "chile")}


def test_word_order_does_not_override_a_parsed_subject():
    # "Ray Cole, commander, Pacific Command met with Navy guests": the command did not meet anyone
    found = hand_parsed_events([
        ("Ray", 7, "nsubj", "PROPN", "NNP"), ("Cole", 0, "flat", "PROPN", "NNP"), (",", 3, "punct", "PUNCT", ","),
        ("commander", 0, "appos", "NOUN", "NN"), (",", 6, "punct", "PUNCT", ","), ("Pacific", 6, "amod", "PROPN", "NNP"),
        ("Command", 0, "appos", "PROPN", "NNP"), ("met", 7, "ROOT", "VERB", "VBD"), ("with", 10, "case", "ADP", "IN"),
        ("Navy", 10, "compound", "PROPN", "NNP"), ("guests", 7, "obl", "NOUN", "NNS"), (".", 7, "punct", "PUNCT", ".")],
        {"cole": (0, 1), "command": (5, 6), "navy": (9,)})
    assert ("command", "navy") not in found


def test_a_recipient_and_a_giver_read_as_who_gave_what_to_whom():
    a = analyse("Chile received weapons from Peru. Spain gave Morocco a loan.", "builtin")
    found = {(a.actor_name(r.source), r.predicate, a.actor_name(r.target)) for r in a.relations}
    assert ("Peru", "give weapons to", "Chile") in found
    assert ("Spain", "give loan to", "Morocco") in found


def test_the_end_of_a_range_is_no_addressee():
    found = pairs("After the vote, Chile received support online ranging from Peru to Bolivia.")
    assert ("Chile", "Bolivia") not in found


def test_a_dam_or_an_airfield_is_a_place_things_happen_to_not_an_actor():
    a = analyse("In April the Kanto Barrage was captured by the Free Army after several days of fighting.", "builtin")
    assert {x.name: x.type for x in a.actors}.get("Kanto Barrage") == "GPE"
    assert not a.relations


def test_support_received_from_someone_is_their_support_and_a_gift_names_what_was_given():
    a = analyse("Chile received support from Argentina on Monday. Spain gave Morocco a loan.", "builtin")
    found = {(a.actor_name(r.source), r.predicate, a.actor_name(r.target)) for r in a.relations}
    assert ("Argentina", "give support to", "Chile") in found
    assert all(r.predicate != "give" for r in a.relations)


def test_a_second_clause_with_its_own_subject_is_not_conditional():
    found = hand_parsed_events([
        ("If", 2, "mark", "SCONJ", "IN"), ("Chile", 2, "nsubj", "PROPN", "NNP"), ("attacks", 2, "ROOT", "VERB", "VBZ"),
        ("Peru", 2, "obj", "PROPN", "NNP"), ("and", 6, "cc", "CCONJ", "CC"), ("Brazil", 6, "nsubj", "PROPN", "NNP"),
        ("criticised", 2, "conj", "VERB", "VBD"), ("Bolivia", 6, "obj", "PROPN", "NNP"), (".", 2, "punct", "PUNCT", ".")],
        {"chile": (1,), "peru": (3,), "brazil": (5,), "bolivia": (7,)})
    assert ("brazil", "bolivia") in found and ("chile", "peru") not in found


# --- The general event reader: one sentence per construction, the patient read through any linking phrase. ---

PLAIN_SENTENCES = [  # the six plain sentences: each gave no event before the general reader
    ("Brazil signed a defence pact with Argentina on Monday.", ("Brazil", "Argentina")),
    ("Syria fired rockets at Israel on Thursday.", ("Syria", "Israel")),
    ("Japan will restore full diplomatic ties with South Korea next month.", ("Japan", "South Korea")),
    ("Germany sent tanks to Ukraine in January.", ("Germany", "Ukraine")),
    ("Xi Jinping was invited to Washington by Joe Biden.", ("Joe Biden", "Xi Jinping")),
    ("Italy praised Spain.\n\nGermany was criticised by France over the deal.", ("France", "Germany")),
]

CONSTRUCTIONS = [  # (sentence, (agent, patient)); the reverse pair must be absent
    ("Norway condemned Sweden.", ("Norway", "Sweden")),  # subject, object
    ("Sweden was condemned by Norway.", ("Norway", "Sweden")),  # passive with a by-agent
    ("Egypt signed a trade agreement with Sudan.", ("Egypt", "Sudan")),  # a phrase on the object
    ("Poland delivered fighter jets to Ukraine last year.", ("Poland", "Ukraine")),  # what was delivered, to whom
    ("Ukraine received fighter jets from Poland last year.", ("Poland", "Ukraine")),  # receiving: the giver acts
    ("Kenya launched airstrikes against Somalia on Sunday.", ("Kenya", "Somalia")),  # a light verb's event noun
    ("Cuba threw its support behind Venezuela.", ("Cuba", "Venezuela")),  # any preposition not a non-target
    ("Ana Ruiz lost her fortune to Tom Baker.", ("Ana Ruiz", "Tom Baker")),  # a possessed object's phrase
    ("Iran attacked Iraq, killing John Smith.", ("Iran", "John Smith")),  # a participle shares the subject
    ("Turkey, recognising the claims of Cyprus, thanked Greece.", ("Turkey", "Greece")),  # past a participle
    ("Mexico imposed sanctions on Cuba.", ("Mexico", "Cuba")),  # 'on' after a verb that acts on
    ("India and Pakistan held talks with China.", ("Pakistan", "China")),  # coordinated subjects
    ("Vietnam criticised Laos and Cambodia.", ("Vietnam", "Cambodia")),  # coordinated objects
    ("Canada agreed to negotiate with Denmark.", ("Canada", "Denmark")),  # subject control
    ("Austria urged Hungary to sanction Serbia.", ("Hungary", "Serbia")),  # object control
    ("Ghana's attack on Togo surprised observers.", ("Ghana", "Togo")),  # an event noun's possessor
    ("The sanctions by Australia against Fiji ended.", ("Australia", "Fiji")),  # an event noun's by-agent
    ("Spain's visit to Morocco was short.", ("Spain", "Morocco")),  # an event noun with 'to'
    ("Tom Baker met with Ana Ruiz in Paris.", ("Tom Baker", "Ana Ruiz")),  # 'with', a place left out
    ("Ana Ruiz was interviewed by Reuters on Tuesday.", ("Reuters", "Ana Ruiz")),  # passive, a time left out
    ("Amnesty International, which criticised Egypt, published a report.", ("Amnesty International", "Egypt")),
    ("Chile was attacked by Peru and Bolivia.", ("Bolivia", "Chile")),  # coordinated by-agents
    ("Uganda donated food to Rwanda.", ("Uganda", "Rwanda")),
    ("Nigeria warned Niger against a coup.", ("Nigeria", "Niger")),  # an addressee
    ("Former mayor Rudy Giuliani, who backs Donald Trump, spoke on Monday.", ("Rudy Giuliani", "Donald Trump")),
    ("Ana Ruiz apologised to Tom Baker after the debate.", ("Ana Ruiz", "Tom Baker")),
    ("Tom Baker appealed to Ana Ruiz for help.", ("Tom Baker", "Ana Ruiz")),
    ("Tom Baker met Ana Ruiz in Chile.", ("Tom Baker", "Ana Ruiz")),  # 'in' a country: where, not whom
    ("Tom Baker has often been critical of Ana Ruiz.", ("Tom Baker", "Ana Ruiz")),  # an event adjective
]


@pytest.mark.parametrize("text, pair", PLAIN_SENTENCES + CONSTRUCTIONS)
def test_the_general_reader_finds_agent_and_patient(text, pair):
    found = pairs(text)
    assert pair in found and pair[::-1] not in found


@pytest.mark.parametrize("text", [
    "Qatar mediated between Israel and Hamas.",  # 'between' lists, it does not aim
    "Ana Ruiz spoke about Tom Baker at length.",  # a topic
])
def test_non_target_prepositions_give_no_event(text):
    assert pairs(text) == set()


def test_whitespace_is_never_a_subject():
    a = analyse("Italy praised Spain.\n\nGermany was criticised by France over the deal.", "builtin")
    assert all(a.actor_name(r.source) and a.actor_name(r.source).strip() for r in a.relations)


# --- Status: what the text asserts, reports, plans, supposes or denies. ---

def statuses(text: str) -> list[tuple[str, str, str, str | None]]:
    a = analyse(text, "builtin")
    return [(a.actor_name(r.source), a.actor_name(r.target), r.status,
             a.actor_name(r.status_source) if r.status_source else None)
            for r in a.relations if r.category != "affiliation"]


@pytest.mark.parametrize("text, expected", [
    ("Chile attacked Peru.", ("Chile", "Peru", "asserted", None)),
    ("Valeska Paris has claimed that the Church of Scientology imprisoned Ana Ruiz.",
     ("Church of Scientology", "Ana Ruiz", "reported", "Valeska Paris")),
    ("According to Reuters, Chile attacked Peru.", ("Chile", "Peru", "reported", "Reuters")),
    ("Chile reportedly attacked Peru.", ("Chile", "Peru", "reported", None)),
    ("Kim Jong Un is set to visit Vladimir Putin.", ("Kim Jong Un", "Vladimir Putin", "planned", None)),
    ("Brazil is expected to sign a pact with Argentina.", ("Brazil", "Argentina", "planned", None)),
    ("Japan will meet South Korea next week.", ("Japan", "South Korea", "planned", None)),
    ("Tom Baker said that Egypt would attack Sudan.", ("Egypt", "Sudan", "planned", "Tom Baker")),
    ("Kenya might attack Somalia next year.", ("Kenya", "Somalia", "hypothetical", None)),
    ("Chile did not attack Peru.", ("Chile", "Peru", "negated", None)),
    ("Chile refused to meet Peru.", ("Chile", "Peru", "negated", None)),
])
def test_each_event_carries_its_status_and_source(text, expected):
    assert statuses(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ('"Libya attacked Chad on Sunday," General Ana Mora said.', ("Libya", "Chad", "reported", "Ana Mora")),
    ("Tom Baker, the Peruvian foreign minister, suggested on Monday that Chile was preparing talks with Bolivia.",
     ("Chile", "Bolivia", "reported", "Tom Baker")),
    ("Libya will attack Chad soon, General Ana Mora warned.", ("Libya", "Chad", "planned", "Ana Mora")),
])
def test_an_event_inside_a_statement_is_reported_by_its_speaker(text, expected):
    """Whatever the parse made of the clause, the quote reader's statement and speaker decide: a quoted event is
    the speaker's claim, a quoted plan stays a plan with its source."""
    assert statuses(text) == [expected]


def test_an_event_outside_the_statement_stays_asserted():
    found = statuses('Chile attacked Peru on Monday. "We will rebuild," General Ana Mora said.')
    assert ("Chile", "Peru", "asserted", None) in found


def test_the_written_report_tells_reports_and_plans_as_such():
    from newslens.render.prose import relation_clause
    a = analyse("Valeska Paris has claimed that the Church of Scientology imprisoned Ana Ruiz. "
                "Kim Jong Un is set to visit Vladimir Putin.", "builtin")
    clauses = [relation_clause(a, r) for r in a.relations if r.category != "affiliation"]
    assert "according to Valeska Paris, the Church of Scientology imprisoned Ana Ruiz" in clauses
    assert "Kim Jong Un plans to visit Vladimir Putin" in clauses
    assert not any("visited" in c for c in clauses)


def test_a_relation_has_its_cameo_code_root_and_goldstein_score():
    a = analyse("Kim Jong Un is set to visit Vladimir Putin. Syria fired rockets at Israel.", "builtin")
    coded = {r.predicate: (r.cameo, r.cameo_root, r.goldstein, r.category) for r in a.relations}
    assert coded["visit"] == ("042", "04", 1.0, "meet")
    assert coded["fire rockets at"][1:] == ("18", -9.0, "fight")


# --- Definite descriptions and possessives stand for the named actor. ---

@pytest.mark.parametrize("text, pair", [
    ("The Church of Scientology sued Ana Ruiz in 2009. Last year the church attacked John Smith.",
     ("Church of Scientology", "John Smith")),  # a head noun of one earlier name
    ("Tom Baker joined the Acme Company in 2001. The company later sued Ana Ruiz.", ("Acme Company", "Ana Ruiz")),
    ("Italy praised Spain. Germany said that the country had supplied rockets to Russia.", ("Spain", "Russia")),
    ("Ana Ruiz of the Green Party spoke in Rome. Her party criticised Chile.", ("Green Party", "Chile")),
])
def test_a_description_is_the_named_actor(text, pair):
    assert pair in pairs(text)


def test_the_country_is_not_the_one_saying_so():
    found = pairs("Italy praised Spain. Germany said that the country had supplied rockets to Russia.")
    assert ("Germany", "Russia") not in found


def test_a_head_two_earlier_names_share_stands_for_neither():
    assert pairs("The Labour Party and the Green Party met. The party criticised Chile.") == set()


def test_a_part_of_a_country_is_where_things_happen_not_a_party_to_them():
    from extraction_helpers import analyse
    a = analyse("Russia denied sending troops to eastern Ukraine. Russia attacked Ukraine in May.", "builtin")
    pairs = {(a.actor_name(r.source), a.actor_name(r.target)) for r in a.relations}
    assert ("Russia", "Ukraine") in pairs
    assert not any(target.startswith("eastern") for _, target in pairs)


def test_a_to_phrase_clearnlp_calls_the_dative_reaches_the_recipient():
    # en_core_web_sm reads 'gave two million dollars to the Kelso Museum' with 'to' as the verb's dative
    found = hand_parsed_events([
        ("Harlow", 1, "compound", "PROPN", "NNP"), ("Trust", 2, "nsubj", "PROPN", "NNP"),
        ("gave", 2, "ROOT", "VERB", "VBD"), ("two", 4, "nummod", "NUM", "CD"), ("grants", 2, "dobj", "NOUN", "NNS"),
        ("to", 2, "dative", "ADP", "IN"), ("Kelso", 7, "compound", "PROPN", "NNP"), ("Museum", 5, "pobj", "PROPN", "NNP"),
        (".", 2, "punct", "PUNCT", ".")], {"trust": (0, 1), "museum": (6, 7)})
    assert found == {("trust", "museum")}
