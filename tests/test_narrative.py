"""The written report: what it says about actors, quotes and relations, and that it stays safe in HTML."""
from __future__ import annotations

from dataclasses import replace

import pytest

from handmade import empty_analysis, rich_analysis
from newslens.english import inflection
from newslens.render import html as render_html
from newslens.render import prose


@pytest.fixture(scope="module")
def paragraphs():
    return prose.written_report(rich_analysis())


def test_report_has_several_paragraphs_in_reading_order(paragraphs):
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The article “Warning over arms deal”")
    assert paragraphs[-1].startswith("In total")


def test_overview_names_the_most_mentioned_actors_with_roles_and_counts(paragraphs):
    overview = paragraphs[0]
    assert "names 7 actors: 3 countries and cities, 3 people and 1 organisation" in overview
    assert "North Korea (3 mentions)" in overview
    assert "Jake Sullivan (national security advisor, the United States; 2 mentions)" in overview
    assert "Kim Jong Un" not in overview  # one mention: not among the most prominent


def test_roles_paragraph_resolves_affiliations_to_names(paragraphs):
    # the handmade text writes 'the Kremlin said' once: the report keeps its article
    assert "Dmitry Peskov is described as the Kremlin spokesman and is linked to the Kremlin." in paragraphs[1]


@pytest.mark.parametrize("role, phrase", [
    ("U.S. President", "U.S. President"), ("Major general", "a major general"), ("Judge", "Judge"), ("Volunteer", "a volunteer"),
    ("Gen.", None), ("adviser to", None),
    ("team member", "a team member"), ("associate professor", "an associate professor"),
    ("USI instructor", "the USI instructor"), ("adviser to President", "an adviser to President"),
    ("Turkish foreign minister", "the Turkish foreign minister"), ("envoy to Chile", "an envoy to Chile"), ("union leader", "a union leader"),
    ("Afghan team's coach", "the Afghan team's coach"), ("Malaysia's Prime Minister", "Malaysia's Prime Minister"),
    ("Deputy defence minister", "the deputy defence minister"), ("Kremlin spokesman", "the Kremlin spokesman"),
])
def test_a_role_reads_as_the_complement_of_described_as(role, phrase):
    from newslens.render.prose import role_phrase
    assert role_phrase(role) == phrase


def test_quotes_paragraph_quotes_speaker_cue_and_words(paragraphs):
    quotes = paragraphs[2]
    assert "1 direct quote and 1 indirect quote" in quotes
    assert "Jake Sullivan is quoted most (2 times)" in quotes
    assert "Jake Sullivan said: “This will not reflect favorably on North Korea.”" in quotes
    assert "Jake Sullivan added that Moscow would pay a price." in quotes


def test_relations_are_grouped_by_event_class_in_past_tense(paragraphs):
    relations = paragraphs[3]
    assert "Threats and warnings: the United States warned North Korea." in relations
    assert "Material help: North Korea did not supply Russia." in relations
    assert "Meetings and visits: Dmitry Peskov met Kim Jong Un." in relations
    assert relations.index("Threats") < relations.index("Material help") < relations.index("Meetings")


def test_summary_counts_everything(paragraphs):
    assert ("7 actors with 12 mentions, 2 quotes and 3 relations (3 event statements in 3 event classes), "
            "using the handmade pipeline test 1.0") in paragraphs[-1]


def test_long_quotes_are_shortened_at_a_word_boundary():
    analysis = rich_analysis()
    long_quote = replace(analysis.quotes[0], text="word " * 200)
    sentence = prose.quote_sentence(analysis, long_quote)
    assert len(sentence) < prose.QUOTE_MAX_CHARS + 40 and sentence.endswith("word …”")


def test_unattributed_quotes_are_counted_and_named_as_such():
    analysis = rich_analysis()
    orphan = replace(analysis.quotes[0], id="q3", speaker=None, cue="according to")
    text = prose.quotes_paragraph(replace(analysis, quotes=analysis.quotes + (orphan,)))
    assert "Of these, 1 statement was not attributed to a named speaker." in text
    assert "According to Jake Sullivan: “This will not reflect favorably on North Korea.”" in text


def test_photo_captions_are_told_apart_and_come_after_attributed_statements():
    analysis = rich_analysis()
    caption = replace(analysis.quotes[1], id="q3", kind="indirect", text="Delegates at the opening session",
                      speaker=None, speaker_text="Jane Doe", cue="Image:")
    text = prose.quotes_paragraph(replace(analysis, quotes=analysis.quotes + (caption,)))
    assert "2 indirect quotes, 1 photo caption among them." in text
    assert prose.quote_sentence(analysis, caption) == \
        "A photo caption (image: Jane Doe) reads: “Delegates at the opening session.”"
    captions = tuple(replace(caption, id=f"c{n}") for n in range(prose.KEY_QUOTES))
    chosen = prose.key_quotes(replace(analysis, quotes=captions + analysis.quotes))
    assert set(analysis.quotes) <= set(chosen)


def test_empty_analysis_gives_a_short_honest_report():
    text = " ".join(prose.written_report(empty_analysis()))
    assert "names no actors" in text and "quotes no one" in text and "No explicit relations" in text
    assert "found no actors, no quotes and no relations" in text and "0 actors" not in text


@pytest.mark.parametrize("lemma, past", [
    ("warn", "warned"), ("supply", "supplied"), ("meet", "met"), ("plan", "planned"), ("visit", "visited"),
    ("urge", "urged"), ("open", "opened"), ("turn to", "turned to"), ("seek", "sought"), ("deny", "denied"),
    ("stay", "stayed"), ("admit", "admitted"),
])
def test_past_tense(lemma, past):
    verb, _, rest = lemma.partition(" ")
    assert f"{inflection.verb_form(verb, 'VBD')} {rest}".strip() == past


def test_report_html_escapes_article_text():
    analysis = rich_analysis()
    hostile = replace(analysis.actors[0], name="<script>alert(1)</script>")
    html = render_html.report_html(replace(analysis, actors=(hostile,) + analysis.actors[1:]))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<p>") == 5


def test_heading_names_the_article_and_sums_it_up_in_one_line():
    analysis = rich_analysis()
    html = render_html.heading_html(analysis)
    assert '<h1 class="newslens-title">Warning over arms deal</h1>' in html
    assert ("7 actors, 2 statements from 1 named source, 3 events between actors and 0 stated affiliations; "
            "most mentioned: North Korea, Jake Sullivan and Russia.") in html
    untitled = replace(analysis, article=replace(analysis.article, title=None))
    assert '<h1 class="newslens-title">handmade</h1>' in render_html.heading_html(untitled)


@pytest.mark.parametrize("content, phrase", [
    ("the asylum seekers may have left the boat", "that the asylum seekers may have left the boat"),
    ("he believes the flag has a rationale", "that he believes the flag has a rationale"),
    ("the first round of a long contest to choose a new anthem",
     "the first round of a long contest to choose a new anthem"),
    ("the share of trucks used in the harvest", "the share of trucks used in the harvest"),
])
def test_a_reported_statement_takes_that_only_when_it_is_a_clause(content, phrase):
    assert prose.reported_clause(content) == phrase


def test_a_name_takes_the_article_the_text_writes_it_with():
    from extraction_helpers import analyse
    a = analyse("The Alliance attacked Mosul on Monday. Later the Alliance said the strikes went on, and the Alliance "
                "thanked Peru.", "builtin")
    assert {x.name: prose.name_phrase(a, x.id) for x in a.actors}["Alliance"] == "the Alliance"


def test_the_words_of_an_event_noun_leave_out_the_name_between():
    assert prose.object_words("give", ["option"], "Chile gave Ana Ruiz the option to visit.") == ["the", "option"]


@pytest.mark.parametrize("word, article", [
    ("NATO", "a"), ("FBI", "an"), ("MP", "an"), ("USI", "a"), ("Ukrainian", "a"), ("unusual", "an"), ("hour", "an"),
    ("union", "a"), ("envoy", "an"), ("EU", "an"), ("UAE", "a"), ("8-year-old", "an"), ("11-point", "an"),
    ("18,000-strong", "an"), ("80", "an"), ("1,500-word", "a"), ("2", "a"),
])
def test_the_indefinite_article_follows_the_sound(word, article):
    assert inflection.indefinite_article(word) == article


def test_a_sentence_ending_in_a_quotation_gets_its_full_stop_outside_unless_one_is_inside():
    assert inflection.sentence("he said he was “innocent”") == "He said he was “innocent”."
    assert inflection.sentence("he said: “I am innocent.”") == "He said: “I am innocent.”"


def test_a_name_used_as_a_modifier_does_not_count_for_its_article():
    from extraction_helpers import analyse
    a = analyse("Coalition officials left on Monday. Coalition staff met Peru. The Coalition said talks went well. "
                "Later the Coalition denied it.", "builtin")
    coalition = next(x for x in a.actors if x.name == "Coalition")
    assert prose.name_phrase(a, coalition.id) == "the Coalition"


def test_a_mixed_quote_is_reported_speech_not_the_speakers_own_words():
    from extraction_helpers import analyse
    a = analyse('Ana Ruiz said although rain and heat are separately known to cut yields, "nobody has looked at '
                'these together".', "builtin")
    [q] = a.quotes
    assert prose.quote_sentence(a, q).startswith("Ana Ruiz said that although rain")


def test_a_reported_clause_keeps_the_capital_of_a_name_it_opens_with():
    assert prose.reported_clause("Chile wanted a lasting deal", opens_with_name=True) == "Chile wanted a lasting deal"
    assert prose.reported_clause("Prices rose sharply") == "prices rose sharply"
