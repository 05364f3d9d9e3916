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
    speaker_start: int | None = None  # the phrase that names the source, named or not ('a spokeswoman')
    speaker_end: int | None = None
    source_description: str | None = None  # an unnamed source: what it is ('spokeswoman', 'administration officials')
    source_affiliation: str | None = None  # and the id of the actor it speaks for ('for Hillary Clinton')


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


@dataclass(frozen=True)
class PipelineInfo:
    """Which NLP backend and model produced an analysis, recorded in every output."""

    backend: str
    model: str
    version: str
    components: tuple[str, ...] = field(default=())
