"""The small data model every stage exchanges: frozen records with character offsets into Article.text, and
Analysis, everything newslens found in one article (DataFrames, JSON)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import pandas as pd

from newslens.io.article import Article

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "OTHER")
QUOTE_KINDS = ("direct", "indirect", "mixed")
UNATTRIBUTED = "(unattributed)"  # the speaker column of a quote with no speaker, in tables and charts


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named or referred to."""

    text: str
    start: int
    end: int
    kind: str = "name"


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place that acts in the article, with every mention of it."""

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    affiliation: str | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        """Distinct surface forms of the named mentions, in order of first appearance."""
        seen: dict[str, None] = {}
        for m in self.mentions:
            if m.kind in ("name", "alias"):
                seen.setdefault(m.text, None)
        return tuple(seen)


@dataclass(frozen=True)
class Quote:
    """A direct quotation or reported statement and who made it."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    confidence: float = 1.0
    speaker_start: int | None = None  # the phrase that names the source, named or not ('a spokeswoman')
    speaker_end: int | None = None
    source_description: str | None = None  # an unnamed source: what it is ('spokeswoman', 'administration officials')
    source_affiliation: str | None = None  # and the id of the actor it speaks for ('for Hillary Clinton')

AFFILIATION = "affiliation"  # the category of a stated affiliation (the other categories are event classes)


@dataclass(frozen=True)
class Relation:
    """source does predicate to target, as stated in one evidence sentence."""

    source: str
    predicate: str
    target: str
    sentence: str
    start: int
    end: int
    negated: bool = False
    category: str | None = None
    status: str = "asserted"           # asserted, reported, planned, hypothetical or negated (status.py)
    status_source: str | None = None   # the actor a reported event is reported by ('according to X'), or who denies it
    cameo: str | None = None           # the CAMEO event code of the predicate ('042' make a visit)
    cameo_root: str | None = None      # its root class ('04' consult)
    goldstein: float | None = None     # the Goldstein conflict-cooperation score of the root (-10 .. +10)


@dataclass(frozen=True)
class PipelineInfo:
    """Which NLP backend and model produced an analysis, recorded in every output."""

    backend: str
    model: str
    version: str
    components: tuple[str, ...] = field(default=())


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
                 "confidence": q.confidence, "source_description": q.source_description,
                 "source_affiliation": self.actor_name(q.source_affiliation)} for q in self.quotes]
        columns = ["id", "kind", "speaker", "speaker_id", "speaker_text", "cue", "text", "start", "end", "confidence",
                   "source_description", "source_affiliation"]
        return pd.DataFrame(rows, columns=columns)

    def relations_df(self) -> pd.DataFrame:
        """One row per relation, in text order, with both ends named."""
        rows = [{"source": self.actor_name(r.source), "predicate": r.predicate, "target": self.actor_name(r.target),
                 "category": r.category, "negated": r.negated, "status": r.status,
                 "status_source": self.actor_name(r.status_source) if r.status_source else None, "cameo": r.cameo,
                 "cameo_root": r.cameo_root, "goldstein": r.goldstein, "sentence": r.sentence,
                 "source_id": r.source, "target_id": r.target, "start": r.start, "end": r.end}
                for r in self.relations]
        columns = ["source", "predicate", "target", "category", "negated", "status", "status_source", "cameo",
                   "cameo_root", "goldstein", "sentence", "source_id", "target_id", "start", "end"]
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
