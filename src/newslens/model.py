"""The small data model every stage exchanges: frozen records with character offsets into Article.text."""
from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "OTHER")
QUOTE_KINDS = ("direct", "indirect", "mixed")
MENTION_KINDS = ("name", "alias", "pronoun", "nominal")


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
    status_source: str | None = None   # the actor a reported event is reported by ('according to X')
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
