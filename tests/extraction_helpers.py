"""Analyse a few sentences with a named backend: the unit of the extractor tests."""
from __future__ import annotations

from newslens.extract.analysis import analyze
from newslens.model import Analysis
from newslens.io.article import article_from_text
from newslens.pipeline.load import load_pipeline

BACKENDS = ["builtin", "rules"]


def analyse(text: str, backend: str) -> Analysis:
    return analyze(article_from_text(text, "sample"), load_pipeline(backend))


def actor_named(analysis: Analysis, name: str):
    """The actor whose canonical name or one of whose mentions reads `name`."""
    for actor in analysis.actors:
        if actor.name == name or any(m.text == name for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor named {name!r} among {[a.name for a in analysis.actors]}")


def speaker_name(analysis: Analysis, quote) -> str | None:
    return analysis.actor_name(quote.speaker)


def quote_of(analysis: Analysis, opening: str):
    """The analysis's quote whose text begins with `opening`."""
    return next(q for q in analysis.quotes if q.text.startswith(opening))
