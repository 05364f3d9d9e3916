"""Quotes on real news sentences: direct, split, multi-paragraph, reported, speakers and cues."""
import pytest

from extraction_helpers import BACKENDS, analyse, speaker_name


def analysis_name(analysis, actor_id):
    return analysis.actor_name(actor_id) if actor_id else None


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def test_curly_direct_quote_after_participle_cue_goes_to_the_main_subject(backend):
    text = ("Jake Sullivan delivered a clear message to North Korea, stating, “This will not reflect "
            "favorably on North Korea, and they will face consequences within the international community.”")
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.kind == "direct"
    assert q.text.startswith("This will not reflect") and q.text.endswith("community.")
    assert text[q.start:q.end] == q.text
    assert speaker_name(a, q) == "Jake Sullivan"
    assert q.cue == "stating"


def test_straight_quote_with_title_before_the_speaker(backend):
    a = analyse('Kremlin spokesman Dmitry Peskov remarked, "We have nothing to say on this."', backend)
    [q] = a.quotes
    assert q.text == "We have nothing to say on this."
    assert speaker_name(a, q) == "Dmitry Peskov"


def test_split_quote_both_parts_have_the_speaker(backend):
    a = analyse('Maria Lopez is the mayor. "We will rebuild the bridge," Lopez said, "and we will do it this year."',
                backend)
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We will rebuild the bridge,", "and we will do it this year."]
    assert {speaker_name(a, q) for q in direct} == {"Maria Lopez"}


def test_unbalanced_quote_runs_to_the_paragraph_end(backend):
    text = 'Coach Luis Ortega said, "My players kept their shape until the last whistle.\nThe team travels on Monday.'
    a = analyse(text, backend)
    q = next(q for q in a.quotes if q.kind == "direct")
    assert q.text == "My players kept their shape until the last whistle."
    assert speaker_name(a, q) == "Luis Ortega"


def test_reported_speech_with_that_and_an_appositive_subject(backend):
    text = ("Jake Sullivan, the national security advisor to U.S. President Joe Biden, disclosed that both "
            "Pyongyang and Moscow had been exploring the prospect of talks, potentially even in person.")
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.kind == "indirect"
    assert q.text.startswith("both Pyongyang and Moscow had been exploring")
    assert q.text.endswith("potentially even in person")  # a reported clause runs to its sentence's end
    assert speaker_name(a, q) == "Jake Sullivan"
    assert q.cue == "disclosed"


def test_pronoun_speaker_resolves_to_the_person(backend):
    a = analyse("Jake Sullivan spoke in Washington. He also said that Russia was running short of shells.",
                backend)
    [q] = a.quotes
    assert q.speaker_text == "He"
    assert speaker_name(a, q) == "Jake Sullivan"


def test_organisation_speaker_and_fronted_adjunct(backend):
    a = analyse("Last week, Washington revealed that, despite North Korean denials, the country had supplied "
                "rockets to Russia in 2022 for use by a private military group.", backend)
    [q] = a.quotes
    assert q.text.startswith("the country had supplied rockets to Russia")
    assert speaker_name(a, q) == "United States"


def test_according_to(backend):
    a = analyse("According to the United Nations, more than 8,000 migrants may be at sea in the region.", backend)
    [q] = a.quotes
    assert q.cue == "according to"
    assert speaker_name(a, q) == "United Nations"
    assert q.text.startswith("more than 8,000 migrants")


def test_nouns_are_not_cues(backend):
    a = analyse("The Kremlin responded to the reports with caution. A warning was issued by the navy.", backend)
    assert a.quotes == ()


def test_short_scare_quotes_are_not_quotations(backend):
    a = analyse('The team won a medal for "courageous achievement" at the competition.', backend)
    assert a.quotes == ()


def test_a_credited_photo_caption_is_an_unattributed_statement(backend):
    a = analyse("Volunteers sorted donations in Lyon on Monday.\n"
                "The depot in 2019, before the fire. Volunteers at the central depot. Image: Claire Martin.\n"
                "Marianne Image: Claire Martin.\n"
                "The mayor said the depot would stay open until March.", backend)
    [caption] = [q for q in a.quotes if q.cue == "Image:"]  # one word ('Marianne') is a name, not a caption
    assert caption.text == "Volunteers at the central depot"  # the sentence the credit closes
    assert caption.kind == "indirect" and caption.speaker is None and caption.speaker_text == "Claire Martin"
    assert any(q.text.startswith("the depot would stay open") for q in a.quotes)


def test_a_name_in_the_possessive_qualifies_the_speaker_and_is_not_the_speaker(backend):
    from newslens.pipeline.load import load_pipeline
    from newslens.extract.quotes import is_possessive_name

    doc = load_pipeline(backend)("South Korea's Foreign Minister Cho Tae-yul said talks would resume.")
    words = {token.text: is_possessive_name(token) for token in doc}
    assert words["South"] and words["Korea"]
    assert not words["Cho"] and not words["Minister"]
    inside = load_pipeline(backend)("An official from Busan's port authority said ships were waiting.")
    assert [t.text for t in inside if is_possessive_name(t)] == ["Busan"]
    a = analyse("Trade talks opened in the capital, Canberra. Canada's Trade Minister Anne Leblanc said "
                "she hopes to finish by May.", backend)
    assert [speaker_name(a, q) for q in a.quotes] == ["Anne Leblanc"]


def test_according_to_inserted_after_which_reports_what_follows(backend):
    a = analyse("Chile has kept its border closed to migrants, a policy which, according to the United Nations, "
                "several neighbouring countries have criticised.", backend)
    [q] = [q for q in a.quotes if q.cue == "according to"]
    assert q.text == "several neighbouring countries have criticised"
    assert speaker_name(a, q) == "United Nations"


def test_a_person_named_in_the_subject_speaks_rather_than_a_place_in_their_title():
    a = analyse("The director of the Lyon city museum, Marie Dubois, said the shelters were full.", "builtin")
    assert [speaker_name(a, q) for q in a.quotes] == ["Marie Dubois"]


def test_a_name_with_the_speech_verb_hanging_off_it_is_the_subject():
    """The parse the trained model gives 'NAME, curator of ..., said, "..."' when it reads a fragment."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newslens.extract.quotes import fragment_subject

    words = ["Helen", "Marsh", ",", "curator", "at", "Oregon", ",", "said", ",", "prints", "last", "."]
    heads = [0, 0, 3, 0, 5, 3, 7, 0, 10, 10, 7, 0]
    deps = ["ROOT", "flat", "punct", "appos", "case", "nmod", "punct", "parataxis", "punct", "nsubj", "ccomp",
            "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert fragment_subject(doc[7]).text == "Helen"
    assert fragment_subject(doc[10]) is None


def test_the_speakers_text_is_its_own_mention_not_a_place_named_inside_it():
    a = analyse("The head of Busan's port authority, Min-ji Park, left. Busan's port authority said ships were "
                "waiting outside the harbour.", "builtin")
    [q] = a.quotes
    assert speaker_name(a, q) == q.speaker_text == "Busan's port authority"


@pytest.mark.parametrize("text, description, affiliation", [
    ("An official from Busan's port authority said that ships were waiting outside the harbour.", "official",
     "Busan's port authority"),
    ("A spokeswoman for Maria Lindqvist says the senator will not attend the hearing.", "spokeswoman",
     "Maria Lindqvist"),
    ("Administration officials said the talks had stalled over the tariffs.", "administration officials", None),
    ("The report found that rents in the city had doubled since 2010.", "report", None),
])
def test_an_unnamed_source_is_kept_with_what_it_is_and_whom_it_speaks_for(backend, text, description, affiliation):
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.speaker is None
    assert q.source_description == description
    assert analysis_name(a, q.source_affiliation) == affiliation
    assert text[q.speaker_start:q.speaker_end].endswith(description.split()[-1])


@pytest.mark.parametrize("text, reported", [
    # rulings and findings report a clause
    ("The Constitutional Court has ruled that the new tax law is unconstitutional.",
     "the new tax law is unconstitutional"),
    # an aside between the verb and 'that' is skipped
    ("The ministry's website explains, in a rather dry fashion, that the fees were raised to cover repairs.",
     "the fees were raised to cover repairs"),
    # a fronted phrase with no finite verb is skipped, a date's comma does not end it
    ("A security firm has said that as of May 2, 2012, the browser has 90 flaws; 12 of these are rated critical.",
     "the browser has 90 flaws; 12 of these are rated critical"),
    ("Police told reporters that on Friday after returning from Madrid, the suspect gave himself up.",
     "the suspect gave himself up"),
    # a clause linked after a comma is still reported, unless it reports someone else
    ("The mayor said the bridge would close for three months, because the cables had rusted.",
     "the bridge would close for three months, because the cables had rusted"),
    ("Officials have not said why the school closed, but the principal says the heating had failed.",
     "the heating had failed"),
    # a fronted subordinate clause stays part of what was reported
    ("The author noted that although prices rose sharply, demand kept growing.",
     "although prices rose sharply"),
])
def test_where_a_reported_clause_starts_and_ends(backend, text, reported):
    assert reported in [q.text for q in analyse(text, backend).quotes]


def test_according_to_a_relay_the_named_believer_holds_the_claim(backend):
    a = analyse("According to Reuters, Omar Haddad also believes the talks will fail.", backend)
    assert [(q.text, speaker_name(a, q)) for q in a.quotes] == [("the talks will fail", "Omar Haddad")]


@pytest.mark.parametrize("text", [
    "Floods in the north\nAccording to the Health Ministry at least 40 people have died in the floods near Lahore.",
    "According to the Health Ministry, at least 40 people have died.",
])
def test_according_to_with_or_without_a_comma_after_the_source(backend, text):
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.text.startswith("at least 40 people have died") and speaker_name(a, q) == "Health Ministry"


@pytest.mark.parametrize("text, description", [
    ("According to a report by the Health Ministry released on Monday, at least 40 people have died.", "report"),
    ("According to exit polls, the senator won a majority of voters under 30.", "exit polls"),
])
def test_according_to_an_unnamed_source(backend, text, description):
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.speaker is None and q.source_description == description
    assert text[q.speaker_start:q.speaker_end].endswith(description.split()[-1])


def test_a_fronted_as_clause_reports_what_follows_its_comma():
    a = analyse("Ozone rose in May. As coauthor Ana Ruiz told The Lima Post, the climate projections are "
                "quite consistent.", "builtin")
    [q] = a.quotes
    assert q.text == "the climate projections are quite consistent"
    assert speaker_name(a, q) == "Ana Ruiz"


def test_a_reported_clause_that_runs_into_a_quotation_is_one_mixed_quote():
    a = analyse('Ana Ruiz said while frost and drought each hurt orchards, "no one has measured them side by '
                'side".', "builtin")
    [q] = a.quotes
    assert q.kind == "mixed"
    assert q.text == 'while frost and drought each hurt orchards, "no one has measured them side by side"'


@pytest.mark.parametrize("text", [
    "As Ana Ruiz told reporters about the plan, protesters gathered outside.",
    "Prices have risen sharply, as Daniel Okafor told the Financial Ledger, and shares fell in Tokyo.",
])
def test_an_as_clause_that_is_a_time_or_comes_after_reports_nothing_after_its_comma(text):
    a = analyse(text, "builtin")
    assert not [q for q in a.quotes if q.text.startswith(("protesters", "and shares"))]


def test_another_speakers_quotation_after_a_reported_clause_stays_theirs():
    a = analyse('Mayor Ana Ruiz said the road would reopen on Monday, "but nobody believes that," Eva Lind said.',
                "builtin")
    assert {(q.kind, speaker_name(a, q)) for q in a.quotes} == {("indirect", "Ana Ruiz"), ("direct", "Eva Lind")}


def test_a_headline_verb_does_not_report_the_first_line_of_the_story():
    a = analyse("Chile agrees border deal\nForeign Minister Carla Ibanez met with her Peruvian counterpart on Monday.",
                "builtin")
    assert not a.quotes


@pytest.mark.parametrize("text, quote", [
    ("Tom Burton owns a farm. ''I love cats, and I always will,'' Burton said.", "I love cats, and I always will,"),
    ("Tom Burton owns a farm. ``I love cats, and I always will,'' Burton said.", "I love cats, and I always will,"),
    ("Tom Burton owns a farm. «I love cats, and I always will,» Burton said.", "I love cats, and I always will,"),
    ("Tom Burton owns a farm. 'I love cats, and I always will,' Burton said.", "I love cats, and I always will,"),
])
def test_every_kind_of_quotation_mark_gives_the_quotation_with_original_offsets(backend, text, quote):
    a = analyse(text, backend)
    [q] = a.quotes
    assert q.text == quote == text[q.start:q.end]
    assert speaker_name(a, q) == "Tom Burton"


def test_the_normaliser_keeps_the_length_and_the_words():
    from newslens.extract.quotes import normalised_quotation_marks
    text = "''We won,'' she said. ``Again,'' he said, it's the 'best' year."
    marked = normalised_quotation_marks(text)
    assert len(marked) == len(text)
    assert marked.startswith(' "We won,"  she said.  “Again,"  he said')
    assert [c for c, d in zip(text, marked) if c != d and c not in "'`"] == []
    assert "it's" in marked and "'best'" in marked  # a text with double marks keeps its single quotes


@pytest.mark.parametrize("text, reported, speaker", [
    ("Prices will keep rising next year, Mayor Ana Lopez said.", "Prices will keep rising next year", "Ana Lopez"),
    ("The plan is dead, said Ana Lopez, who leads the council.", "The plan is dead", "Ana Lopez"),
    ("Ana Lopez spoke first. Prices, she said in the interview, will keep rising.",
     "Prices, she said in the interview, will keep rising", "Ana Lopez"),
])
def test_reported_speech_with_the_attribution_after_or_inside_it(text, reported, speaker):
    a = analyse(text, "builtin")
    [q] = a.quotes
    assert q.text == reported
    assert speaker_name(a, q) == speaker


def test_a_quotation_ending_in_a_question_mark_takes_the_attribution_after_it(backend):
    a = analyse('Carlos Ortiz runs the fund. "Why was the money sitting idle?" Mr. Ortiz said.', backend)
    [q] = a.quotes
    assert q.text == "Why was the money sitting idle?" and speaker_name(a, q) == "Carlos Ortiz"


def test_a_trailing_appositive_is_not_a_statement_and_the_short_quotation_is_kept(backend):
    a = analyse('"Not me," said Tom Ruiz, 21, shaking his head.', backend)
    assert [(q.kind, q.text, speaker_name(a, q)) for q in a.quotes] == [("direct", "Not me,", "Tom Ruiz")]


def test_a_reported_clause_runs_through_if_and_because_to_the_sentence_end():
    a = analyse("The mayor said the bridge would close in May if the cables failed, because repairs take months.",
                "builtin")
    [q] = a.quotes
    assert q.text == "the bridge would close in May if the cables failed, because repairs take months"


@pytest.mark.parametrize("verb", ["warned", "insisted", "argued", "noted", "admitted", "claimed", "mentioned"])
def test_cue_verbs_come_from_the_lexicon_in_every_inflection(backend, verb):
    a = analyse(f"Governor Ana Lopez {verb} that the budget would be balanced by June.", backend)
    [q] = a.quotes
    assert q.cue == verb and speaker_name(a, q) == "Ana Lopez"


@pytest.mark.parametrize("text", ["The studio released a trailer that shows the new film.",
                                  "Ana Lopez presented the award to the winners on Monday.",
                                  "Ana Lopez thought the film was too long."])
def test_verbs_that_do_not_introduce_speech_are_no_cues(backend, text):
    assert analyse(text, backend).quotes == ()


def test_an_interrupted_quotation_is_one_statement_with_one_attribution():
    from newslens.render.prose import quotes_paragraph, statements
    a = analyse('Maria Lopez is the mayor. "We will rebuild the bridge," Lopez said, "and we will do it this year."',
                "builtin")
    parts = [q for q in a.quotes if q.kind == "direct"]
    assert len(parts) == 2 and len({(q.speaker_start, q.speaker_end) for q in parts}) == 1
    assert len(statements(a.quotes)) == 1
    assert quotes_paragraph(a).startswith("The article carries 1 statement:")


def test_the_report_counts_unnamed_sources_as_such():
    from newslens.render.prose import quotes_paragraph
    a = analyse("Administration officials said the talks had stalled. Administration officials also said that the "
                "tariffs would stay.", "builtin")
    assert "2 statements come from unnamed sources: administration officials (2)." in quotes_paragraph(a)


def test_a_that_inside_the_reported_clause_does_not_cut_its_start():
    a = analyse("A Chilean envoy, Tomas Reyes, said Lima wanted assurances that the trucks carried no arms.", "builtin")
    [q] = a.quotes
    assert q.text.startswith("Lima wanted assurances that") and speaker_name(a, q) == "Tomas Reyes"
    b = analyse("Tomas Reyes said on Monday in a long interview that the trucks carried no arms.", "builtin")
    assert [q.text for q in b.quotes] == ["the trucks carried no arms"]
