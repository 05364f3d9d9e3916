"""`analyze`, the single place where the stages meet: Doc -> actors -> quotes -> relations -> Analysis (the
record, in model.py)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newslens.extract.actors import actors_and_affiliations
from newslens.io.article import Article, article_from_text, read_article
from newslens.extract.language import language_warnings
from newslens.model import Analysis, Relation
from newslens.pipeline.load import annotate, annotate_many, load_pipeline, pipeline_info
from newslens.pipeline.titles import remembered_titles
from newslens.extract.quotes import extract_quotes, resolve_speaker_references
from newslens.extract.relations import extract_relations
from newslens.extract.mentions import MentionIndex
from newslens.extract.words import Words

TEXT_DOC_ID = "text"  # the doc_id of an article given to analyze() as a str


def analyze(article: Article | str, nlp: Language | None = None) -> Analysis:
    """Run the pipeline over the article and extract actors, then quotes, then relations. A str is the
    article's text (its doc_id is "text"; its first line is the title when it looks like one)."""
    if isinstance(article, str):
        article = article_from_text(article, doc_id=TEXT_DOC_ID)
    nlp = nlp if nlp is not None else load_pipeline()
    return analysis_of_doc(article, annotate(nlp, article.text), nlp)


def analyze_many(articles: Sequence[Article], nlp: Language | None = None, batch_size: int = 8) -> Iterator[Analysis]:
    """The same as `analyze` for each article, with the texts batched through `nlp.pipe` (faster on many)."""
    nlp = nlp if nlp is not None else load_pipeline()
    docs = annotate_many(nlp, [article.text for article in articles], batch_size)
    for article, doc in zip(articles, docs):
        yield analysis_of_doc(article, doc, nlp)


def analysis_of_doc(article: Article, doc: Doc, nlp: Language) -> Analysis:
    """Actors, then quotes, then relations from the annotated Doc of the article's text. The Doc is only read:
    what extraction keeps (titles, words) is kept beside it."""
    with remembered_titles(doc):
        actors, affiliations = actors_and_affiliations(doc)
        words = Words(doc, MentionIndex(actors))
        # a speaker's pronoun or description that coreference left to nobody becomes the person's mention (relations read as before)
        quotes, speaking = resolve_speaker_references(extract_quotes(doc, actors, words), actors,
                                                      article.text)
        relations = with_affiliations(extract_relations(doc, actors, words, quotes), affiliations)
    return Analysis(article=article, pipeline=pipeline_info(nlp), actors=tuple(speaking),
                    quotes=tuple(quotes), relations=tuple(relations), warnings=language_warnings(doc))


def with_affiliations(events: list[Relation], affiliations: list[Relation]) -> list[Relation]:
    """Events and affiliations in text order, one relation per statement: an event reading of a title the
    affiliations already state ('advisor to X' read as support) is left out."""
    stated = {(r.source, r.target, r.start) for r in affiliations}
    kept = [r for r in events if (r.source, r.target, r.start) not in stated]
    return sorted(kept + affiliations, key=lambda r: r.start)


def analyze_path(path: str | Path, model: str | None = None) -> Analysis:
    """Read and analyse an article file with the named pipeline (None: the built-in one)."""
    return analyze(read_article(path), load_pipeline(model))
