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
    a = analyse("The document was marked Restricted C. The government raised VAT and cut IRAP for small firms.",
                backend)
    assert not names(a) & {"Restricted C", "Restricted C.", "Holy See (Vatican City State)", "VAT", "IRAP"}


@pytest.mark.parametrize("acronym, country, named", [("PRC", "China", "Chinese"), ("DPRK", "North Korea", "Pyongyang"),
                                                     ("ROK", "South Korea", "Seoul")])
def test_an_official_acronym_folds_into_the_country_the_article_names(backend, acronym, country, named):
    a = analyse(f"The {acronym} denied the report on Monday. {named} officials were blunt. "
                f"Later, {country} said it would respond.", backend)
    assert acronym in {m.text for m in actor_named(a, country).mentions}


def test_an_official_acronym_of_a_country_never_named_stays_apart(backend):
    a = analyse("The IRA declared a ceasefire in Belfast on Monday.", backend)
    assert "Afghanistan" not in names(a)


def test_products_and_web_sites_are_no_people(backend):
    a = analyse("Users of Windows XP complained to Microsoft. The leak was first posted on Gawker.com last week.",
                backend)
    assert not any(actor.type == "PERSON" for actor in a.actors)


def test_a_capitalised_sentence_opener_is_not_part_of_the_name_after_it(backend):
    a = analyse("Results of NCLAN were published in June. NCLAN said the data were sound.", backend)
    assert "NCLAN" in names(a)
    assert "Results of NCLAN" not in names(a)


def test_a_common_nouns_possessive_opens_an_organisations_name(backend):
    a = analyse("Commanders of the People's Liberation Army met on Monday. Russia's Foreign Ministry objected.",
                backend)
    assert "People's Liberation Army" in names(a)
    assert not names(a) & {"People", "Liberation Army", "Commanders of the People"}
    assert "Russia" in names(a)


def test_a_body_glued_to_a_person_the_article_names_is_cut_from_them(backend):
    a = analyse("Chemistry major at University of Oslo Ingrid Dahl built the robot. Dahl said it took a year.",
                backend)
    assert "Ingrid Dahl" in names(a)
    assert not any("Oslo Ingrid" in name for name in names(a))


def test_a_name_after_a_titles_of_is_the_body_not_a_person(backend):
    a = analyse("The former leader of Al Nusra was killed on Monday, a spokesman for Hamas said.", backend)
    assert not any(actor.type == "PERSON" for actor in a.actors)


def test_a_country_keeps_the_name_the_article_gives_it(backend):
    a = analyse("Myanmar rejected the report. The government of Myanmar said it would respond.", backend)
    assert "Myanmar" in names(a)
    assert "Burma" not in names(a)


def test_a_surname_joins_a_full_name_with_a_generation_mark(backend):
    a = analyse("Officer Charles H. Keating IV was killed on Tuesday. Keating was 31.", backend)
    assert "Keating" in {m.text for m in actor_named(a, "Charles H. Keating IV").mentions}


def test_a_name_with_and_without_its_arabic_article_is_one_person(backend):
    a = analyse("Prime Minister Nouri al-Maliki met the envoy. Later, Nouri Maliki said the talks went well.", backend)
    maliki = actor_named(a, "Nouri al-Maliki")
    assert "Nouri Maliki" in {m.text for m in maliki.mentions}


def test_a_newspaper_named_by_a_common_noun_is_an_organisation(backend):
    a = analyse("The Observer reported the story first. Critics blamed the Internet for the leak.", backend)
    assert actor_named(a, "Observer").type == "ORG"
    assert "Internet" not in names(a)


def test_a_plural_title_before_coordinated_names_is_no_part_of_the_first(backend):
    a = analyse("Senators Ana Ruiz and Paul Kim voted against the bill.", backend)
    assert {"Ana Ruiz", "Paul Kim"} <= names(a)


def test_a_title_set_off_by_a_comma_and_a_hyphenated_title(backend):
    a = analyse("Norway's Prime Minister, Eva Lund, met U.N. Secretary-General Tomas Berg on Monday.", backend)
    lund, berg = actor_named(a, "Eva Lund"), actor_named(a, "Tomas Berg")
    assert a.actor_name(lund.affiliation) == "Norway"
    assert ("Tomas Berg", "secretary-general", "U.N.") in affiliations(a)


def test_a_body_named_in_a_title_is_an_organisation_not_a_person():
    """The statistical model reads 'Hamas' as a person here; the rules alone do not find it at all."""
    a = analyse("Hamas leader Yahya Sinwar was killed, the army said.", "builtin")
    assert actor_named(a, "Hamas").type == "ORG"
    assert a.actor_name(actor_named(a, "Yahya Sinwar").affiliation) == "Hamas"


def test_a_demonym_that_qualifies_a_noun_in_a_title_is_no_affiliation(backend):
    a = analyse("The Afghan team's coach, Omar Sadiq, praised the girls.", backend)
    assert "Afghanistan" not in names(a)
    assert actor_named(a, "Omar Sadiq").affiliation is None


def test_a_capital_after_a_stance_prefix_is_its_country(backend):
    a = analyse("Anti-Pyongyang activists launched balloons on Friday.", backend)
    assert "Pyongyang" in {m.text for m in actor_named(a, "North Korea").mentions}


def test_counter_is_a_stance_prefix_too(backend):
    a = analyse("Counter-Pyongyang campaigners launched balloons on Friday.", backend)
    assert "Pyongyang" in {m.text for m in actor_named(a, "North Korea").mentions}


@pytest.mark.parametrize("sentence, person, predicate, body", [
    ("Maria Lopez, the Red Cross's regional director, said supplies were short.", "Maria Lopez",
     "regional director", "Red Cross"),
    ("Hernan Ortiz, Panama coach, praised his players.", "Hernan Ortiz", "coach", "Panama"),
    ("Tunisia's goalkeeper Mouez Tarek saved a penalty.", "Mouez Tarek", "goalkeeper", "Tunisia"),
    ("Daniel Ortega, 19, a member of the Socialist Party, left in March.", "Daniel Ortega", "member",
     "Socialist Party"),
])
def test_affiliations_stated_by_appositions_and_possessives(backend, sentence, person, predicate, body):
    a = analyse(sentence, backend)
    assert (person, predicate, body) in affiliations(a)
    assert actor_named(a, person).type == "PERSON"


@pytest.mark.parametrize("sentence, person, role", [
    ("President Trump spoke on Monday.", "Trump", "President"),
    ("Archbishop of Canterbury Justin Welby led the service.", "Justin Welby", "Archbishop of Canterbury"),
    ("Joint Chiefs of Staff Chairman Mark Milley testified.", "Mark Milley", "Joint Chiefs of Staff Chairman"),
])
def test_where_a_title_ends_and_the_name_begins(backend, sentence, person, role):
    a = analyse(sentence, backend)
    assert actor_named(a, person).name == person
    assert actor_named(a, person).role == role


def test_a_surname_that_is_also_a_title_stays_in_the_name(backend):
    a = analyse("Martin Luther King Jr. spoke in Memphis in 1968.", backend)
    assert not names(a) & {"Jr.", "Martin Luther"}
    if backend == "builtin":  # the rules alone do not read a name with a title word inside as a person
        assert "Martin Luther King Jr." in names(a)


def test_a_city_whose_office_a_title_names_is_the_city(backend):
    a = analyse("Mayor of London Sadiq Khan criticised the plan.", backend)
    assert a.actor_name(actor_named(a, "Sadiq Khan").affiliation) == "London"


def test_honours_after_a_name_are_not_part_of_it(backend):
    a = analyse("Professor Ada Byrne FRS gave the lecture. Byrne thanked her students.", backend)
    assert "Ada Byrne" in names(a)
    assert "Ada Byrne FRS" not in names(a)


def test_a_thing_a_name_owns_is_not_part_of_the_name(backend):
    a = analyse("According to PC World's recent analysis, sales fell. Seoul's unification ministry objected.", backend)
    assert "PC World's recent analysis" not in names(a)
    assert "Seoul’s unification ministry" in names(a) or "Seoul's unification ministry" in names(a)


def test_laws_and_adjectives_are_no_actors(backend):
    a = analyse("Congress passed the Clean Air Act in 1970. Islamic leaders welcomed the Paris Agreement.", backend)
    assert not names(a) & {"Clean Air Act", "Islamic", "Paris Agreement"}


def test_a_broadcaster_named_with_an_arabic_article_is_an_organisation(backend):
    a = analyse("According to al-Arabiya, the talks failed. President Bashar al-Assad left. Al-Assad said nothing.",
                backend)
    assert actor_named(a, "al-Arabiya").type == "ORG"
    assert "Al-Assad" in {m.text for m in actor_named(a, "Bashar al-Assad").mentions}


def test_a_title_a_name_and_the_place_it_represents(backend):
    a = analyse("Senate Majority Leader Chuck Schumer of New York urged Republicans to pass the bill.", backend)
    schumer = actor_named(a, "Chuck Schumer")
    assert schumer.role == "Senate Majority Leader"
    assert ("Chuck Schumer", "of", "New York") in affiliations(a)


def test_an_organisation_headed_name_with_an_event_word_is_an_organisation(backend):
    a = analyse("Analysts at the Institute for the Study of War said the front was stable.", backend)
    assert actor_named(a, "Institute for the Study of War").type == "ORG"


def test_his_excellency_in_capitals_is_an_honorific_not_the_pronoun_he(backend):
    a = analyse("Prime Minister Tom Reyes received the envoy of Peru, HE Dr Carla Mendez, on Monday. "
                "H.E. Ambassador Omar Haddad also attended.", backend)
    assert not any(m.kind == "pronoun" for actor in a.actors for m in actor.mentions)
    mendez, haddad = actor_named(a, "Carla Mendez"), actor_named(a, "Omar Haddad")
    assert "HE Dr Carla Mendez" in {m.text for m in mendez.mentions}
    assert "H.E. Ambassador Omar Haddad" in {m.text for m in haddad.mentions}
    assert not names(a) & {"H.E.", "HE"}


def test_a_heading_in_capitals_keeps_its_pronoun(backend):
    a = analyse("Tom Reyes won the vote on Sunday. WHY HE Won: a fair count.", backend)
    assert "HE" in {m.text for m in actor_named(a, "Tom Reyes").mentions if m.kind == "pronoun"}


@pytest.mark.parametrize("sentence, name, alias", [
    ("The Ministry of Defence, known as the MoD, denied the report.", "Ministry of Defence", "MoD"),
    ("Ali Kazem (Arabic: علي), also known as Abu Omar, led the unit.", "Ali Kazem", "Abu Omar"),
    ("Police found Tom Reyes (aka Tommy Red) in Lima.", "Tom Reyes", "Tommy Red"),
])
def test_an_alias_statement_joins_two_names_of_one_actor(backend, sentence, name, alias):
    a = analyse(sentence, backend)
    assert alias in {m.text for m in actor_named(a, name).mentions}
    assert alias not in names(a)


def test_a_naming_verb_that_is_a_verb_of_doing_joins_no_one(backend):
    a = analyse("The leader of the party, Ana Ruiz, called Tom Reyes on Monday.", backend)
    assert {"Ana Ruiz", "Tom Reyes"} <= names(a)


def test_a_countrys_official_long_form_is_the_country(backend):
    a = analyse("Officials of the Hashemite Kingdom of Jordan met envoys of the Federal Republic of Germany in Amman. "
                "Jordan and Germany signed a water accord.", backend)
    assert "Hashemite Kingdom of Jordan" in {m.text for m in actor_named(a, "Jordan").mentions}
    assert "Federal Republic of Germany" in {m.text for m in actor_named(a, "Germany").mentions}
    assert not any(actor.type == "PERSON" for actor in a.actors)


def test_a_name_that_qualifies_a_common_noun_names_the_body_not_the_thing(backend):
    a = analyse("The boy wore a NASA T-shirt on Monday. The Oxford University exhibit opened in May.", backend)
    assert not any(name.endswith(("shirt", "exhibit")) for name in names(a))
    assert "Oxford University" in names(a)


def test_a_plural_body_noun_heads_a_list_of_bodies(backend):
    a = analyse("After talks between the Treasury and Homeland Security Departments, the plan was dropped.", backend)
    assert "Homeland Security Departments" not in names(a)


def test_a_hyphenated_given_name_keeps_its_syllables(backend):
    a = analyse("Mayor Park Min-jun opened the bridge on Monday.", backend)
    assert "Park Min-jun" in names(a)


def test_an_adjective_and_a_common_noun_are_a_description_not_a_name():
    """The rules alone have no parts of speech; the statistical model reads 'European team' as an organisation."""
    a = analyse("The European team beat the hosts on Sunday. The Taliban government objected.", "builtin")
    assert not any(name.startswith("European") for name in names(a))
    assert any(name.startswith("Taliban") for name in names(a))


def test_a_names_possessive_does_not_open_the_name_after_it(backend):
    a = analyse("Dr. Amir Patel, director of the World Health Organization's Africa office, warned of an outbreak.",
                backend)
    assert "World Health Organization" in names(a)
    assert not names(a) & {"World", "Organization's Africa office"}


def test_a_members_title_written_as_an_acronym_is_a_role(backend):
    a = analyse("Conservative MP Ann Lee and Green MEP Lara Vos clashed on Monday.", backend)
    assert actor_named(a, "Ann Lee").role == "Conservative MP"
    assert actor_named(a, "Lara Vos").role == "Green MEP"
    assert not names(a) & {"MP Ann Lee", "MEP Lara Vos"}


def test_a_title_written_with_a_hyphenated_prefix_keeps_it(backend):
    a = analyse("The ex-President Lina Morales met Meta co-founder Mark Zuckerberg on Friday.", backend)
    assert actor_named(a, "Lina Morales").role == "ex-President"
    assert actor_named(a, "Mark Zuckerberg").role == "Meta co-founder"


def test_a_name_read_up_to_a_common_nouns_possessive_opens_the_organisation(backend):
    a = analyse("Rebels of the Sudan People's Liberation Movement attacked the town. China's People's Liberation "
                "Army denied it.", backend)
    assert {"Sudan People's Liberation Movement", "People's Liberation Army", "China"} <= names(a)


def test_the_object_of_a_stance_prefix_is_not_part_of_the_name_after_it(backend):
    a = analyse("The pro-Western Free Syrian Army advanced on Monday.", backend)
    assert "Free Syrian Army" in names(a)
    assert not any("Western" in name for name in names(a))


@pytest.mark.parametrize("text, full, short, same", [
    ("The Liberal Democratic Party won. The Democratic Party lost.", "Liberal Democratic Party", "Democratic Party",
     False),
    ("The Democratic Party of Japan and the Liberal Democratic Party clashed.", "Liberal Democratic Party",
     "Democratic Party", False),
    ("The Free Syrian Army attacked the Syrian Army near Homs.", "Free Syrian Army", "Syrian Army", False),
    ("U.S. Central Command said on Friday that Central Command would act.", "U.S. Central Command", "Central Command",
     True),
    ("Officials of the Syrian Democratic Forces said the Democratic Forces had won.", "Syrian Democratic Forces",
     "Democratic Forces", True),
])
def test_a_name_ending_a_longer_one_is_it_only_without_a_distinguishing_word(backend, text, full, short, same):
    a = analyse(text, backend)
    assert (short in {m.text for m in actor_named(a, full).mentions}) == same


def test_police_ranks_written_short_are_titles(backend):
    a = analyse("Police said Det. Ana Ruiz made the arrest on Monday.", backend)
    assert actor_named(a, "Ana Ruiz").role == "Det."
    assert "Det" not in names(a)


def test_a_compass_word_is_no_part_of_a_persons_name(backend):
    a = analyse("Questions were sent to the Ministry’s Middle East Branch on Monday.", backend)
    assert "East Branch" not in names(a)


def test_a_lone_acronym_names_a_body_not_a_person(backend):
    a = analyse("Defense Secretary Paul Ward told CNN that troops would be sent.", backend)
    assert actor_named(a, "CNN").type == "ORG"


def test_a_body_named_by_its_kind_keeps_the_demonym_before_it(backend):
    a = analyse("He was captured by Peruvian 71st Counter Narcotics Battalion in May.", backend)
    assert "Peruvian 71st Counter Narcotics Battalion" in {x.name for x in a.actors}


def test_initials_before_a_surname_are_no_countrys_code():
    """The rules alone do not read a lone unknown surname as a person; the statistical model does."""
    a = analyse("A study by AS Kowalczyk in 1991 found the same effect.", "builtin")
    assert "AS Kowalczyk" in names(a)
    assert "American Samoa" not in names(a)
    a = analyse("Tourism in AS grew last year. A study by AS Kowalczyk in 1991 found the same effect.", "builtin")
    assert "AS Kowalczyk" not in names(a)  # the article writes the code as a place elsewhere


def test_a_place_then_words_ending_in_a_place_noun_is_one_name(backend):
    a = analyse("Both the Tulsa Independent School District and the city police said the boy was safe.", backend)
    assert "Tulsa Independent School District" in names(a)


def test_a_capitalised_number_word_after_a_name_ends_it(backend):
    a = analyse("He was assigned to the Marine Logistics Unit Two in Virginia. Ann Lee won. Three others lost.",
                backend)
    assert "Marine Logistics Unit Two" in names(a)
    assert not any(name.endswith("Three") for name in names(a))


def test_names_in_a_gloss_in_other_languages_are_no_actors_of_their_own(backend):
    a = analyse("Omar Haddad (Arabic: عمر حداد) leads the Army of Light (Arabic: جيش النور Jaysh an-Nur) in the "
                "Kara Hills (Kurdish: Ciyaye Kara, Arabic: Jabal Kara). The old fort (Kurdish: Qelaye Spi) fell.",
                backend)
    assert not names(a) & {"Jaysh an-Nur", "Ciyaye Kara", "Jabal Kara", "Qelaye Spi"}
    assert {"Omar Haddad", "Army of Light"} <= names(a)
    if backend == "builtin":  # the rules alone read only 'Kara' here
        assert "Jabal Kara" in {m.text for m in actor_named(a, "Kara Hills").mentions}


def test_a_gloss_that_names_its_language_after_the_name(backend):
    a = analyse("The Yellow Scroll (Pirtuka Zer in Kurdish; also transliterated as Kitab Asfar) is one of the sacred "
                "texts. Ali Kazem (born in Tehran) wrote about it.", backend)
    assert not names(a) & {"Pirtuka Zer", "Kitab Asfar", "Kurdish"}
    assert "Tehran" in names(a)


def test_a_nickname_in_quotation_marks_stays_in_the_name(backend):
    a = analyse('Brig. Gen. Richard "Red" Okafor will present the findings. Okafor said the report was ready.', backend)
    assert 'Richard "Red" Okafor' in names(a)


def test_a_second_name_with_a_head_of_its_own_after_and_the_is_apart(backend):
    a = analyse("Warships patrol the Bay of Bengal and the Andaman Sea every week.", backend)
    assert {"Bay of Bengal", "Andaman Sea"} <= names(a)


def test_a_title_with_its_of_phrase_set_off_by_a_comma_before_the_name(backend):
    a = analyse("The governor of Ohio, Gavin Reed, signed the bill. Co-founder of Acme Corp., Lena Ortiz, agreed. "
                "In a letter to the mayor of Boston, Ana Ruiz wrote that she objected.", backend)
    reed = actor_named(a, "Gavin Reed")
    assert reed.role == "governor of Ohio" and a.actor_name(reed.affiliation) == "Ohio"
    assert actor_named(a, "Ana Ruiz").role is None
    assert a.actor_name(actor_named(a, "Lena Ortiz").affiliation) == "Acme Corp."
    assert not names(a) & {"Co", "Co-founder of Acme Corp."}



def test_an_acronym_that_spells_a_small_word_is_part_of_a_title(backend):
    a = analyse("WHO Director-General Tomas Reyes said the outbreak was not over.", backend)
    reyes = actor_named(a, "Tomas Reyes")
    assert reyes.role == "WHO Director-General" and a.actor_name(reyes.affiliation) == "WHO"


def test_a_common_noun_inside_a_title_keeps_the_title_whole(backend):
    a = analyse("The minister met EU foreign policy chief Anna Berg. Kenya's opposition leader, Ruth Wanjiru, "
                "called for protests.", backend)
    berg, wanjiru = actor_named(a, "Anna Berg"), actor_named(a, "Ruth Wanjiru")
    assert berg.role == "EU foreign policy chief" and a.actor_name(berg.affiliation) == "EU"
    assert a.actor_name(wanjiru.affiliation) == "Kenya"


def test_a_titled_person_inside_anothers_title_stays_a_person(backend):
    a = analyse("Russian President Vladimir Petrov's spokesman, Ivan Sokolov, told reporters the talks had failed.",
                backend)
    assert actor_named(a, "Vladimir Petrov").type == "PERSON"
    assert "Vladimir" not in names(a)


def test_a_party_letter_joined_to_a_state_names_the_state(backend):
    a = analyse("Rep. Paul Kim (R-Texas) introduced the bill on Monday.", backend)
    assert "R-Texas" not in names(a)
    assert actor_named(a, "Paul Kim").role == "Rep."


def test_a_name_an_apposition_calls_a_group_is_a_body():
    """The rules alone do not find this name; the statistical model reads it as a person."""
    a = analyse("Hezbollah, the Iran-backed Lebanese group, fired rockets. Tom Lee, a member of the group, left.",
                "builtin")
    assert actor_named(a, "Hezbollah").type == "ORG"
    assert actor_named(a, "Tom Lee").type == "PERSON"


def test_an_acronym_in_parentheses_that_leaves_words_out_joins_the_name():
    """The rules alone do not read the agency's long name."""
    a = analyse("Officials at the U.S. Centers for Disease Control and Prevention (CDC) issued guidance. The CDC said "
                "cases rose. Tom Lee (NASA) spoke later.", "builtin")
    cdc = actor_named(a, "U.S. Centers for Disease Control and Prevention")
    assert "CDC" in {m.text for m in cdc.mentions}
    assert "NASA" not in {m.text for m in actor_named(a, "Tom Lee").mentions}


def test_a_lone_acronym_of_roman_numeral_letters_is_a_body_too(backend):
    a = analyse("Officials said the CDC had issued guidance on Monday. The CDC said cases rose.", backend)
    assert actor_named(a, "CDC").type != "PERSON"


def test_a_dateline_with_its_country_is_named_in_title_case(backend):
    a = analyse("LIMA, Peru (AP) — The government of Peru said on Monday that the talks had failed.", backend)
    assert "Lima" in names(a)
    assert "LIMA" not in names(a)


def test_a_counterpart_is_a_role(backend):
    a = analyse("Secretary of State Maria Lopez met her British counterpart, David Lamb, on Monday.", backend)
    lamb = actor_named(a, "David Lamb")
    assert lamb.role == "British counterpart" and a.actor_name(lamb.affiliation) == "United Kingdom"


def test_a_plural_people_or_faith_word_is_no_person():
    """The rules alone have no parts of speech to tell the adjective 'Muslim' from a name."""
    a = analyse("Muslim students protested on Monday. Many Muslims said the ban was unfair. Tom Roberts agreed, and "
                "Roberts said Robert Lee would help. Polaroid cameras sold well, and Polaroids hung on the walls.",
                "builtin")
    assert actor_named(a, "Muslims").type == "NORP"
    assert actor_named(a, "Tom Roberts").type == "PERSON"
    assert all(actor.type != "NORP" for actor in a.actors if actor.name.startswith("Polaroid"))


def test_a_role_that_says_what_someone_does_beats_an_honorific(backend):
    a = analyse("The report was written by Dr. Jane Roe, a researcher at Harvard University. Mr. Tom Cole spoke.",
                backend)
    assert actor_named(a, "Jane Roe").role == "researcher"
    assert actor_named(a, "Tom Cole").role == "Mr."


def test_a_gloss_does_not_decide_what_kind_of_actor_a_name_is():
    """The statistical model reads the glossed transliteration as a person; the mountains stay a place."""
    a = analyse("Omar Haddad leads the Army of Light in the Kara Hills (Kurdish: Ciyaye Kara, Arabic: Jabal Kara).",
                "builtin")
    assert actor_named(a, "Kara Hills").type == "GPE"


def test_a_role_to_a_titled_person_is_an_affiliation_with_that_person():
    a = analyse("Maria Soto, the chief of staff to Chilean President Tomas Vidal, said the talks failed.", "builtin")
    soto, vidal = actor_named(a, "Maria Soto"), actor_named(a, "Tomas Vidal")
    assert soto.affiliation == vidal.id and "President" in (vidal.role or "")


def test_a_role_of_a_field_at_a_body_is_the_bodys():
    a = analyse("Ana Ruiz, a professor of economics at Harvard University, said costs rose.", "builtin")
    assert actor_named(a, "Ana Ruiz").affiliation == actor_named(a, "Harvard University").id


def test_a_person_with_an_of_phrase_in_a_list_is_the_person_alone(backend):
    a = analyse("Nadia Brook of the Harbour Party and Omar Vance said the vote would be close.", backend)
    assert {"Nadia Brook", "Harbour Party", "Omar Vance"} <= names(a)
    assert not any(" of " in name or " and " in name for name in names(a))
    assert ("Nadia Brook", "member", "Harbour Party") in affiliations(a) or any(
        s == "Nadia Brook" and t == "Harbour Party" for s, _, t in affiliations(a))


def test_a_credit_line_is_its_source_and_the_photographer_never_one_name(backend):
    a = analyse("Flood water covers a road near the river. Photo: Meridian Wire Jana Holt\n\n"
                "Residents left their homes on Sunday, officials said.", backend)
    assert "Jana Holt" in names(a)
    assert not any("Jana Holt" in name and name != "Jana Holt" for name in names(a))


def test_a_surname_that_is_also_a_city_stays_the_person(backend):
    a = analyse("Finance minister Carla Lima spoke to reporters on Monday. Lima said the budget would be cut.", backend)
    lima = actor_named(a, "Carla Lima")
    assert lima.type == "PERSON" and any(m.text == "Lima" for m in lima.mentions)
    assert "Peru" not in names(a)
    b = analyse("Carla Lima flew to Lima on Monday.", backend)
    assert "Peru" in names(b) or "Lima" in {actor.name for actor in b.actors if actor.type == "GPE"}


def test_a_demonym_before_a_national_body_stands_for_its_country(backend):
    a = analyse("The Australian government said on Monday that it would send aid. Chinese state media praised "
                "the decision, and the Canadian military denied the report.", backend)
    assert {"Australia", "China"} <= names(a)
    assert actor_named(a, "Australia").type == "GPE"
    assert actor_named(a, "Canadian military").type == "ORG"  # an armed body is one of its own
    b = analyse("Russian military officials met the delegation.", backend)
    assert not any("officials" in name or "military" in name for name in names(b))  # people, not a body of its own
    assert {actor.type for actor in b.actors if actor.name == "Russia"} <= {"GPE"}  # the country they act for


def test_a_stance_word_is_no_one_name(backend):
    a = analyse("Pro-Kremlin said the vote was fair. Pan-green lawmakers walked out. Pro-Kremlin Tom Hill won the "
                "seat, and the Counter-Daesh Coalition met in Rome.", backend)
    assert not names(a) & {"Pro-Kremlin", "Pan-green", "Pro-Kremlin Tom Hill"}
    assert {"Tom Hill", "Counter-Daesh Coalition"} <= names(a)


def test_a_body_named_with_its_article_is_no_person_even_when_it_speaks(backend):
    a = analyse("The Kestrel Valley Observatory said on Monday that the comet was bright. The Marden Observatory for "
                "Sky Studies reported the same.", backend)
    assert actor_named(a, "Kestrel Valley Observatory").type == "ORG"
    assert not any(x.type == "PERSON" for x in a.actors)
    b = analyse("The panel, the Lumen Materiel Observatory, said it had examined the fragments.", backend)
    assert actor_named(b, "Lumen Materiel Observatory").type == "ORG"


def test_a_word_capitalised_by_opening_the_sentence_is_no_part_of_a_name_written_without_it(backend):
    a = analyse("Billionaire Tomas Ferrand praised the editor on Monday. Tomas Ferrand said he was pleased.", backend)
    assert "Tomas Ferrand" in names(a) and not any(name.startswith("Billionaire") for name in names(a))
    b = analyse("Internal Lumen University records must be released. A judge said Lumen University misled students.",
                backend)
    assert "Lumen University" in names(b) and not any(name.startswith("Internal") for name in names(b))
    c = analyse("Mark Ferrand spoke first. Ferrand said he was pleased.", backend)
    assert "Mark Ferrand" in names(c)  # a given name opening the sentence stays


def test_a_person_named_as_a_qualifier_keeps_the_article_of_its_noun(backend):
    a = analyse("Safety, said Ana Grimm, a Tomas Ferrand supporter. Ferrand still leads the race.", backend)
    assert actor_named(a, "Tomas Ferrand").type == "PERSON"


def test_a_city_that_is_also_a_given_name_opens_the_persons_name():
    a = analyse("The ads compared him to George W. Ferrand and to Tomas Ferrand.", "builtin")
    assert "George W. Ferrand" in names(a)
    assert "George" not in names(a)


def test_two_town_names_side_by_side_name_a_person_whose_surname_stays_a_person(backend):
    a = analyse("Sofia Lima arrived in the capital on Monday. Lima said the visit had been a success.", backend)
    lima = actor_named(a, "Sofia Lima")
    assert lima.type == "PERSON" and "Lima" in {m.text for m in lima.mentions}
    assert "Peru" not in names(a) and "Bulgaria" not in names(a)


def test_the_kind_noun_before_a_name_types_it_when_its_verb_has_an_object_of_its_own():
    """Read from the parse (en_core_web_sm reads the name as the subject of a relative clause on the noun)."""
    a = analyse("The magazine Vox Nova published the letter on Monday.", "builtin")
    assert actor_named(a, "Vox Nova").type == "ORG"
    b = analyse("The paper Ana Ruiz wrote was praised by critics.", "builtin")
    assert actor_named(b, "Ana Ruiz").type == "PERSON"


def test_a_party_member_noun_or_a_sentence_opening_word_before_a_name_describes_the_person(backend):
    a = analyse("Polls predicted that Democrat Ana Ferrand would win. Ferrand thanked them.", backend)
    assert "Ana Ferrand" in names(a) and not any(name.startswith("Democrat") for name in names(a))
    b = analyse("Liberals Elena Varga and Sonia Marek dissented on Monday. Varga wrote the opinion.", backend)
    assert "Elena Varga" in names(b) and not any(name.startswith("Liberals") for name in names(b))


def test_a_word_capitalised_only_in_a_heading_in_capitals_names_no_one(backend):
    text = ("EVENING DIGEST. CHEESE PRICE TAGS GET BIGGER Dairy costs rose, the grocers said. "
            "LUMEN PARTY CHAIR ANA FERRAND RESIGNS After months of criticism, Ferrand left the Lumen Party on Sunday.")
    a = analyse(text, backend)
    assert not {"TAGS", "CHEESE PRICE TAGS", "EVENING DIGEST"} & names(a)
    assert backend == "rules" or any("Ferrand" in name for name in names(a))  # the text names her outside it


def test_a_given_name_spelt_like_a_capital_before_a_double_surname_is_a_person():
    a = analyse('"The plan costs too much," said Douglas Marsh-Ortega, an economist at a research group.', "builtin")
    person = actor_named(a, "Douglas Marsh-Ortega")
    assert person.type == "PERSON"
    assert all(actor.type != "GPE" for actor in a.actors)  # not Douglas, the Isle of Man's capital
    assert a.quotes and a.actor_name(a.quotes[0].speaker) == "Douglas Marsh-Ortega"
