"""Analyses built by hand from the dataclasses: figures, prose and HTML are tested without running NLP.

Offsets are found in the text with str.index, so each record points at the words it claims to.
"""
from __future__ import annotations

from newslens.model import Analysis
from newslens.io.article import article_from_text
from newslens.model import Actor, Mention, PipelineInfo, Quote, Relation

PIPELINE = PipelineInfo(backend="handmade", model="test", version="1.0", components=("ner",))

TEXT = (
    "Warning over arms deal\n"
    "The United States warned North Korea on Monday. Jake Sullivan, the national security advisor, "
    "said: “This will not reflect favorably on North Korea.” He added that Moscow would pay a price.\n"
    "North Korea did not supply Russia, the Kremlin said. Kremlin spokesman Dmitry Peskov met Kim Jong Un.\n"
)


def mentions(text: str, *surfaces: str, kind: str = "name") -> tuple[Mention, ...]:
    """A mention for every occurrence of each surface form."""
    found = []
    for surface in surfaces:
        start = text.find(surface)
        while start != -1:
            found.append(Mention(surface, start, start + len(surface), kind))
            start = text.find(surface, start + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def relation(text: str, source: str, predicate: str, target: str, sentence: str, category: str | None,
             negated: bool = False) -> Relation:
    start, end = span(text, sentence)
    return Relation(source, predicate, target, sentence, start, end, negated, category)


def rich_analysis(text: str = TEXT) -> Analysis:
    """Five actors, a direct and an indirect quote, and relations of three event classes (one negated)."""
    actors = (
        Actor("us", "United States", "GPE", mentions(text, "United States")),
        Actor("nk", "North Korea", "GPE", mentions(text, "North Korea")),
        Actor("sullivan", "Jake Sullivan", "PERSON",
              mentions(text, "Jake Sullivan") + mentions(text, "He", kind="pronoun"),
              role="national security advisor", affiliation="us"),
        Actor("russia", "Russia", "GPE", mentions(text, "Russia") + mentions(text, "Moscow", kind="alias")),
        Actor("kremlin", "Kremlin", "ORG", mentions(text, "Kremlin")),
        Actor("peskov", "Dmitry Peskov", "PERSON", mentions(text, "Dmitry Peskov"), role="Kremlin spokesman",
              affiliation="kremlin"),
        Actor("kim", "Kim Jong Un", "PERSON", mentions(text, "Kim Jong Un")),
    )
    direct = span(text, "This will not reflect favorably on North Korea.")
    indirect = span(text, "Moscow would pay a price")
    quotes = (
        Quote("q1", "direct", text[direct[0]:direct[1]], *direct, speaker="sullivan", speaker_text="Jake Sullivan",
              cue="said"),
        Quote("q2", "indirect", text[indirect[0]:indirect[1]], *indirect, speaker="sullivan", speaker_text="He",
              cue="added"),
    )
    relations = (
        relation(text, "us", "warn", "nk", "The United States warned North Korea on Monday.", "threaten"),
        relation(text, "nk", "supply", "russia", "North Korea did not supply Russia, the Kremlin said.", "provide",
                 negated=True),
        relation(text, "peskov", "meet", "kim", "Kremlin spokesman Dmitry Peskov met Kim Jong Un.", "meet"),
    )
    return Analysis(article=article_from_text(text, "handmade"), pipeline=PIPELINE, actors=actors,
                    quotes=quotes, relations=relations)


def empty_analysis(text: str = "Nothing happened here today.\n") -> Analysis:
    return Analysis(article=article_from_text(text, "empty"), pipeline=PIPELINE, actors=(), quotes=(), relations=())
