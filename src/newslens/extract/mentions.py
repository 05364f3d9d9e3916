"""Which actor a character offset falls in: the bridge from tokens to actors."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from newslens.model import Actor


class MentionIndex:
    """Which actor a character offset falls in: the bridge from tokens to actors."""

    def __init__(self, actors: list[Actor]):
        spans = sorted((m.start, m.end, a.id, m.kind) for a in actors for m in a.mentions)
        self.starts = [s[0] for s in spans]
        self.spans = spans
        self.types = {a.id: a.type for a in actors}
        self.by_token: dict[int, str | None] = {}
        self.longest = max((e - s for s, e, _, _ in spans), default=0)

    def at(self, start: int) -> str | None:
        """Actor whose mention covers the character at `start`: only mentions starting within reach can."""
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self.spans[i][0] >= start - self.longest:
            s, e, actor_id, _ = self.spans[i]
            if s <= start < e:
                return actor_id
            i -= 1
        return None

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """Mentions inside [start, end), in text order."""
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def of_tokens(self, token_starts: list[int]) -> list[str | None]:
        """`at` for every token of a doc, given their start offsets in order: one pass over the mentions
        instead of a search per token. Where mentions overlap, the last in `spans` order wins, as in `at`."""
        actors: list[str | None] = [None] * len(token_starts)
        for s, e, actor_id, _ in self.spans:
            for k in range(bisect_left(token_starts, s), bisect_left(token_starts, e)):
                actors[k] = actor_id
        return actors

    def of_token(self, token: Token) -> str | None:
        """Memoised per token: every extractor asks this of the same tokens many times."""
        i = token.i
        if i not in self.by_token:
            self.by_token[i] = self.at(token.idx)
        return self.by_token[i]
