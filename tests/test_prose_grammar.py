"""The written report reads as English on every article: each sentence is checked for the shapes of broken
prose that template-driven text falls into (a preposition written twice, a noun conjugated as a verb, a count
that disagrees with its noun, a cue in brackets instead of a verb, a list joined badly).

Quoted words belong to the article, not to newslens, so each quote's text is replaced by a neutral clause
before the check: what is checked is only what newslens writes.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lemminflect import getAllLemmas

from handmade import rich_analysis
from newslens.english import inflection
from newslens.render import prose
from newslens.extract.analysis import analyze
from newslens.io.article import read_article
from newslens.model import Relation

NEUTRAL_CLAUSE = "the talks would go on"
PREPOSITION = r"(?:to|with|from|for|of|on|at|by|against|into|toward|towards|involving)"


def sentences(text: str) -> list[str]:
    """Sentences, not split after an abbreviation or an initial ('U.S.', 'Gen.', 'Isiah L.')."""
    pieces = []
    for piece in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text):
        if pieces and re.search(r"(?:\b[A-Z][a-z]{0,3}\.|\b[A-Z]\.[A-Z]\.)$", pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces


def grammar_problems(text: str) -> list[str]:
    """The failure shapes of generated prose found in one paragraph, each with the sentence it is in."""
    problems = []
    if "\\n" in text or "\n" in text:
        problems.append("a line break inside a paragraph")
    outside_quotes = re.sub(r"“[^”]*”", "“…”", text)
    for sentence in sentences(outside_quotes):
        def problem(what: str) -> None:
            problems.append(f"{what}: {sentence!r}")

        if re.search(rf"\b{PREPOSITION}\s+{PREPOSITION}\b", sentence):
            problem("two prepositions in a row")
        if re.search(r"\bunnamed source\b", sentence, re.IGNORECASE):
            problem("a finding told as speech by an unnamed source")
        if re.search(r"\([a-z]+\)", sentence):
            problem("a bare word in brackets where a verb belongs")
        if re.search(r"\b(?:told|described|informed|assured|reminded)(?: that\b|:)", sentence):
            problem("a verb that needs an object, without one")
        if re.search(r"\bdid not \w+ed\b", sentence):
            problem("a past form after 'did not'")
        if re.search(r"\s[.,;:]|\.\.|,,|\s{2}", sentence):
            problem("stray spacing or punctuation")
        if ", and " in sentence:
            problem("a list joined with ', and'")
        if sentence[:1].islower():
            problem("a sentence that starts in lower case")
        for word in re.findall(r"(?<![\w'’-])([a-z]+ed)\b", sentence):
            if not getAllLemmas(word):
                problem(f"{word!r} is no English word (a noun conjugated as a verb?)")
        for count, following in re.findall(r"\b(\d+)((?: [a-z]+){1,3})", sentence):
            noun, lemma = counted_noun(following.split())
            if noun is None:
                continue
            if count == "1" and noun != lemma:
                problem(f"'1 {noun}' (plural noun after one)")
            if count != "1" and noun == lemma and noun not in ("people",):
                problem(f"'{count} {noun}' (singular noun after {count})")
        listed = re.search(r"\bmost prominent (is|are) (.*)", sentence)
        if listed and (listed[1] == "are") != (" and " in listed[2]):
            problem("'is/are' disagrees with the list that follows")
    return problems


def noun_lemma(word: str) -> str | None:
    return getAllLemmas(word).get("NOUN", (None,))[0]


def counted_noun(words: list[str]) -> tuple[str | None, str | None]:
    """The head of the noun phrase after a number: 'event classes' -> classes, 'named sources' -> sources."""
    for word, following in zip(words, words[1:] + [""]):
        if noun_lemma(word) and not (following not in ("", "each") and noun_lemma(following)) and word != "more":
            return word, noun_lemma(word)
    return None, None


def checked_prose(analysis) -> list[str]:
    """The written report with every quote's words replaced by a neutral clause."""
    quotes = tuple(replace(q, text=NEUTRAL_CLAUSE) for q in analysis.quotes)
    return prose.written_report(replace(analysis, quotes=quotes)) + [prose.summary_line(analysis)]


def article_paths(repo_root, shared=None):
    paths = [repo_root / "seeds" / "000_a7f3773a7dc7432f.txt"]
    if shared is not None:
        for corpus in ("gum", "re3d"):
            paths += sorted((shared / "gold" / corpus).glob("*.txt"))
    return paths


def assert_reads_right(analysis) -> None:
    problems = [p for paragraph in checked_prose(analysis) for p in grammar_problems(paragraph)]
    assert not problems, f"{analysis.article.doc_id}:\n" + "\n".join(problems)


def test_the_seed_report_reads_as_english(repo_root, pipeline):
    assert_reads_right(analyze(read_article(article_paths(repo_root)[0]), pipeline))


def test_every_dev_article_report_reads_as_english(repo_root, shared_dir, pipeline):
    failures = []
    for path in article_paths(repo_root, shared_dir)[1:]:
        try:
            assert_reads_right(analyze(read_article(path), pipeline))
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("bad", [
    "United States issued warning to involving North Korea.", "Jake Sullivan advisored to Joe Biden.",
    "An unnamed source (show) reported that prices rose.", "The network has 12 actors and 1 links.",
    "There were 1 statements by 1 sources.", "Threats: A warned B, C warned D, and E warned F.",
    "North Korea did not supplied Russia.", "The most prominent are Russia (3 mentions).",
    "Rodaba Noori told: “We came.”", "The court described that the law stands.",
])
def test_the_checker_catches_each_failure_shape_of_the_issue(bad):
    assert grammar_problems(bad)


def handmade_relation(predicate: str, category: str | None, sentence: str, negated: bool = False) -> Relation:
    return Relation("sullivan", predicate, "us", sentence, 0, len(sentence), negated, category)


@pytest.mark.parametrize("predicate, category, evidence, negated, clause", [
    ("warn", "threaten", "Jake Sullivan warned the United States.", False,
     "Jake Sullivan warned the United States"),
    ("meet with", "meet", "Jake Sullivan met with US officials.", False, "Jake Sullivan met with the United States"),
    ("hold talks with", "meet", "Sullivan held two rounds of talks with Washington.", False,
     "Jake Sullivan held two rounds of talks with the United States"),
    ("issue warning to", "threaten", "Sullivan issued a stern warning to Washington.", False,
     "Jake Sullivan issued a stern warning to the United States"),
    ("warn", "threaten", "Sullivan did not warn Washington.", True, "Jake Sullivan did not warn the United States"),
    ("kill by", "fight", "Sullivan was killed by US forces.", False, "Jake Sullivan was killed by the United States"),
    ("advisor to", "affiliation", "Sullivan, an advisor to Washington, spoke.", False,
     "Jake Sullivan is an advisor to the United States"),
    ("spokesman", "affiliation", "US spokesman Jake Sullivan spoke.", False,
     "Jake Sullivan is spokesman of the United States"),
    ("member of", "affiliation", "Sullivan is not a member of the US team.", True,
     "Jake Sullivan is not a member of the United States"),
    ("of", "affiliation", "Jake Sullivan of the United States spoke.", False,
     "Jake Sullivan is affiliated with the United States"),
    ("press secretary", "affiliation", "US press secretary Jake Sullivan spoke.", False,
     "Jake Sullivan is press secretary of the United States"),
    ("attacks on", "fight", "Sullivan's attacks on Washington went on.", False,
     "Jake Sullivan's attacks on the United States"),
    ("visit to", "meet", "After his visit to Washington, Sullivan left.", False,
     "Jake Sullivan's visit to the United States"),
    ("travel to", "act", "Sullivan will travel to Washington.", False, "Jake Sullivan traveled to the United States"),
    ("lie to", "act", "Sullivan lied to Washington.", False, "Jake Sullivan lied to the United States"),
])
def test_relation_clauses_of_every_predicate_shape(predicate, category, evidence, negated, clause):
    analysis = rich_analysis()
    relation = handmade_relation(predicate, category, evidence, negated)
    assert prose.relation_clause(analysis, relation) == clause
    assert not grammar_problems(inflection.sentence(clause))


def test_affiliations_are_told_as_roles_and_events_as_events():
    analysis = rich_analysis()
    advisor = replace(handmade_relation("advisor to", "affiliation", "Sullivan, an advisor to the Kremlin, spoke."),
                      target="kremlin")
    paragraphs = prose.written_report(replace(analysis, relations=analysis.relations + (advisor,)))
    roles, relations = paragraphs[1], paragraphs[3]
    assert "Jake Sullivan is an advisor to the Kremlin." in roles  # the text writes 'the Kremlin said'; once is enough
    assert "advisor" not in relations
    assert relations.startswith("The article reports 3 events between actors, grouped here by kind.")


@pytest.mark.parametrize("cue, speaker_text, expected", [
    ("show", "results", "Results showed that the talks would go on."),
    ("found", "poll", "The poll found that the talks would go on."),
    ("told", "Nick Moreau", "Nick Moreau said that the talks would go on."),
])
def test_unattributed_findings_are_phrased_as_findings(cue, speaker_text, expected):
    analysis = rich_analysis()
    finding = replace(analysis.quotes[1], speaker=None, speaker_text=speaker_text, cue=cue, text=NEUTRAL_CLAUSE)
    assert prose.quote_sentence(analysis, finding) == expected


def test_an_organisations_role_takes_an_article_a_persons_office_need_not():
    analysis = rich_analysis()
    kremlin_in_us = Relation("kremlin", "ministry", "us", "Kremlin ministry staff spoke.", 0, 29, False, "affiliation")
    assert prose.relation_clause(analysis, kremlin_in_us) == "the Kremlin is a ministry of the United States"
    office = handmade_relation("spokesman", "affiliation", "US spokesman Jake Sullivan spoke.")
    assert prose.relation_clause(analysis, office) == "Jake Sullivan is spokesman of the United States"


@pytest.mark.parametrize("text, clause", [
    ("Senator Mara Quist spoke on Monday. She urged the African Union to act on the new evidence.",
     "Mara Quist urged the African Union to act on the new evidence"),
    ("Chile asked Peru to return its ambassador, officials said.", "Chile asked Peru to return its ambassador"),
])
def test_a_demand_is_told_with_what_was_demanded(text, clause):
    analysis = analyze(text)
    demands = [r for r in analysis.relations if r.predicate in ("urge", "ask")]
    assert [prose.relation_clause(analysis, r) for r in demands] == [clause]


def test_a_complement_too_long_or_quoted_is_left_out_rather_than_cut():
    analysis = analyze('Kenya urged Uganda to "stop the raids now" on the border.')
    demands = [r for r in analysis.relations if r.predicate == "urge"]
    assert [prose.relation_clause(analysis, r) for r in demands] == ["Kenya urged Uganda"]


def test_an_accusation_is_told_with_what_the_target_is_accused_of_doing():
    analysis = analyze("Dan Ruiz spoke for the mission. He accused Chile of hiding two ships from the inspectors.")
    accusations = [r for r in analysis.relations if r.predicate == "accuse"]
    assert [prose.relation_clause(analysis, r) for r in accusations] == [
        "Dan Ruiz accused Chile of hiding two ships from the inspectors"]


def test_an_article_without_events_says_so_in_words_not_with_a_zero():
    analysis = analyze("Minister Ana Berg of Chile spoke in Lima on Monday.")
    summary = prose.summary_paragraph(analysis)
    assert "0 event" not in summary and "no event statements" in summary and "no quotes" in summary
