"""Analysis: everything newslens found in one article, and its edges (DataFrames, JSON).

`analyze` is the single place where the stages meet: Doc -> actors -> quotes -> relations.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newslens.extract.actors import actors_and_affiliations
from newslens.io.article import Article, read_article
from newslens.extract.language import language_warnings
from newslens.model import Actor, PipelineInfo, Quote, Relation
from newslens.pipeline.load import annotate, annotate_many, load_pipeline, pipeline_info
from newslens.extract.quotes import extract_quotes
from newslens.extract.relations import extract_relations
from newslens.english.syntax import MentionIndex, Words


@dataclass(frozen=True)
class Analysis:
    """Actors, quotes and relations of one article, plus the provenance needed to reproduce them."""

    article: Article
    pipeline: PipelineInfo
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    relations: tuple[Relation, ...]
    warnings: tuple[str, ...] = ()  # what makes the results doubtful (text that is not English)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None (unattributed quotes have no speaker)."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_name(self, actor_id: str | None) -> str | None:
        found = self.actor(actor_id)
        return found.name if found else None

    def actors_df(self) -> pd.DataFrame:
        """One row per actor, most mentioned first."""
        rows = [{
            "id": a.id, "name": a.name, "type": a.type, "role": a.role,
            "affiliation": self.actor_name(a.affiliation),
            "mentions": len(a.mentions), "aliases": ", ".join(a.aliases),
            "first_offset": min(m.start for m in a.mentions),
        } for a in self.actors]
        columns = ["id", "name", "type", "role", "affiliation", "mentions", "aliases", "first_offset"]
        df = pd.DataFrame(rows, columns=columns)
        return df.sort_values(["mentions", "first_offset"], ascending=[False, True], kind="stable").reset_index(drop=True)

    def mentions_df(self) -> pd.DataFrame:
        """One row per mention, in text order: the raw material of timelines."""
        rows = [{"actor": a.id, "name": a.name, "type": a.type, "text": m.text, "start": m.start,
                 "end": m.end, "kind": m.kind} for a in self.actors for m in a.mentions]
        df = pd.DataFrame(rows, columns=["actor", "name", "type", "text", "start", "end", "kind"])
        return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)

    def quotes_df(self) -> pd.DataFrame:
        """One row per quote, in text order, with the speaker's canonical name."""
        rows = [{"id": q.id, "kind": q.kind, "speaker": self.actor_name(q.speaker), "speaker_id": q.speaker,
                 "speaker_text": q.speaker_text, "cue": q.cue, "text": q.text, "start": q.start, "end": q.end,
                 "confidence": q.confidence} for q in self.quotes]
        columns = ["id", "kind", "speaker", "speaker_id", "speaker_text", "cue", "text", "start", "end", "confidence"]
        return pd.DataFrame(rows, columns=columns)

    def relations_df(self) -> pd.DataFrame:
        """One row per relation, in text order, with both ends named."""
        rows = [{"source": self.actor_name(r.source), "predicate": r.predicate, "target": self.actor_name(r.target),
                 "category": r.category, "negated": r.negated, "sentence": r.sentence,
                 "source_id": r.source, "target_id": r.target, "start": r.start, "end": r.end}
                for r in self.relations]
        columns = ["source", "predicate", "target", "category", "negated", "sentence", "source_id", "target_id",
                   "start", "end"]
        return pd.DataFrame(rows, columns=columns)

    def to_dict(self) -> dict:
        """The extraction contract (schema/extraction.schema.json)."""
        return {
            "doc_id": self.article.doc_id,
            "text_sha256": self.article.sha256,
            "pipeline": {"backend": self.pipeline.backend, "model": self.pipeline.model,
                         "version": self.pipeline.version, **({"warnings": list(self.warnings)} if self.warnings else {})},
            "actors": [{
                "id": a.id, "name": a.name, "type": a.type, "role": a.role, "affiliation": a.affiliation,
                "mentions": [asdict(m) for m in a.mentions],
            } for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "relations": [asdict(r) for r in self.relations],
        }

    def to_json(self) -> str:
        """Deterministic JSON: same article and pipeline give the same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def analyze(article: Article, nlp: Language | None = None) -> Analysis:
    """Run the pipeline over the article and extract actors, then quotes, then relations."""
    nlp = nlp if nlp is not None else load_pipeline()
    return analysis_of_doc(article, annotate(nlp, article.text), nlp)


def analyze_many(articles: Sequence[Article], nlp: Language | None = None, batch_size: int = 8) -> Iterator[Analysis]:
    """The same as `analyze` for each article, with the texts batched through `nlp.pipe` (faster on many)."""
    nlp = nlp if nlp is not None else load_pipeline()
    docs = annotate_many(nlp, [article.text for article in articles], batch_size)
    for article, doc in zip(articles, docs):
        yield analysis_of_doc(article, doc, nlp)


def analysis_of_doc(article: Article, doc: Doc, nlp: Language) -> Analysis:
    """Actors, then quotes, then relations from the annotated Doc of the article's text."""
    actors, affiliations = actors_and_affiliations(doc)
    words = Words(doc, MentionIndex(actors))
    quotes = extract_quotes(doc, actors, words)
    relations = with_affiliations(extract_relations(doc, actors, words), affiliations)
    return Analysis(article=article, pipeline=pipeline_info(nlp), actors=tuple(actors),
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
