"""Token-level helpers shared by quotes and relations, working with or without a parser.

With a trained pipeline they read tags, lemmas and dependencies; with the rules-only pipeline they
fall back on lemminflect and word shape, so both backends answer the same questions.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from weakref import WeakKeyDictionary

from lemminflect import getAllInflections, getAllLemmas, getLemma
from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc, Span, Token

from newslens.model import Actor

# What never changes once a Doc is tokenized (its text, its words), read once and kept beside the Doc, not in it:
# a Doc holds only serialisable annotations (Doc.to_bytes, DocBin, nlp.pipe(n_process=...)). An entry lives as
# long as its Doc.
DOC_CACHES: WeakKeyDictionary = WeakKeyDictionary()

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"}
RELATIVE_CLAUSE_DEPS = {"relcl", "acl:relcl"}
RELATIVE_PRONOUNS = {"which", "who", "whom", "that"}
NEGATIONS = {"not", "n't", "never", "no", "nor", "neither", "without"}
VERB_PRECEDERS = {"did", "does", "do", "not", "n't", "will", "would", "can", "could", "may", "might", "must",
                  "should", "to", "never"}
AUXILIARIES = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}


@lru_cache(maxsize=16)
def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of some verbs ('say' -> says, said, saying): a set lookup per token instead
    of lemmatising every word of an article."""
    forms = set(lemmas)
    for verb in lemmas:
        for inflected in getAllInflections(verb, upos="VERB").values():
            forms.update(inflected)
    return frozenset(forms)


@lru_cache(maxsize=20000)
def verb_lemma(word: str) -> str:
    """Lemma of a word read as a verb ('warned' -> 'warn'), for pipelines without a lemmatizer."""
    found = getLemma(word.lower(), upos="VERB")
    return found[0] if found else word.lower()


def lemma(token: Token) -> str:
    """Verb lemma from lemminflect's dictionary: steadier on news verbs than a small trained lemmatizer."""
    return verb_lemma(token.text)


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("POS")


def is_verb(token: Token, tagged: bool | None = None) -> bool:
    """A content verb: from the tagger when there is one, else a word that inflects as a verb.

    `tagged` is has_tags(token.doc), for callers asking of many tokens: the check scans the whole doc."""
    if has_tags(token.doc) if tagged is None else tagged:
        return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "root"))
    text = token.lower_
    if not (token.is_alpha and token.is_lower):
        return False
    after_auxiliary = token.i > 0 and token.doc[token.i - 1].lower_ in VERB_PRECEDERS and not token.is_stop
    return after_auxiliary or (text.endswith(("ed", "es", "ing")) and len(text) > 4)


def is_noun(token: Token, tagged: bool | None = None) -> bool:
    """A common noun: from the tagger when there is one, else a lower-case word English uses only as a noun.

    `tagged` is has_tags(token.doc), as for is_verb."""
    if has_tags(token.doc) if tagged is None else tagged:
        return token.pos_ == "NOUN"
    uses = getAllLemmas(token.lower_)
    return token.is_alpha and token.is_lower and "NOUN" in uses and "VERB" not in uses


def clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj/advcl chains ('went on to emphasize'); in a
    relative clause, the noun the relative pronoun stands for ('the squadron, which will fly ...')."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not (c.is_space or c.is_punct)]
        if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ in RELATIVE_CLAUSE_DEPS:
            return verb.head
        if subjects:
            return subjects[0]
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def is_negated(verb: Token) -> bool:
    """A negation on the verb ('did not attack') or among the three words before it. Without a parse (--model
    rules) a token's children are not read: spaCy can crash reading them in a Doc nothing has parsed."""
    parsed = verb.doc.has_annotation("DEP")
    return parsed and any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.i < verb.i for c in verb.children) or any(
        t.lower_ in NEGATIONS for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i])


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


def doc_cache(doc: Doc) -> dict:
    """The cache kept beside a Doc (see DOC_CACHES): a dict, empty at first."""
    cache = DOC_CACHES.get(doc)
    if cache is None:
        cache = DOC_CACHES[doc] = {}
    return cache


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once and kept beside the doc: spaCy joins every token's text anew on each
    doc.text, which asked once per relation makes a long article's extraction quadratic."""
    cache = doc_cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def doc_strings(doc: Doc, attribute: int) -> list[str]:
    """A string attribute of every token (ORTH for the text, LOWER, DEP...), read without building Tokens. The
    words themselves never change once tokenized: ORTH and LOWER are read once per doc and kept beside it (do
    not modify the list returned)."""
    cache, key = doc_cache(doc), ("strings", attribute)
    if attribute in (ORTH, LOWER) and key in cache:
        return cache[key]
    lookup = doc.vocab.strings
    strings = [lookup[key] for key in doc.to_array(attribute).tolist()]
    if attribute in (ORTH, LOWER):
        cache[key] = strings
    return strings


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the doc writes in lower case somewhere ('water' makes a sentence-initial 'Water' a common word)."""
    cache = doc_cache(doc)
    if "lowercase" not in cache:
        cache["lowercase"] = frozenset(word for word in doc_strings(doc, ORTH) if word.islower())
    return cache["lowercase"]


class Words:
    """A doc's words and what extractors ask of every token, read once into plain lists: spaCy builds a
    new Token on every doc[i], span iteration, .head or .children, and has_annotation scans the whole doc.
    Readings still build the few Tokens they need, short-lived: keeping one per word alive would cost the
    garbage collector more than it saves."""

    def __init__(self, doc: Doc, index: MentionIndex):
        self.doc = doc
        self.index = index
        self.text = self.strings(ORTH)
        self.lower = self.strings(LOWER)
        self.tagged = has_tags(doc)
        self.parsed = has_parse(doc)
        self.verbs: dict[int, bool] = {}

    def strings(self, attribute: int) -> list[str]:
        return doc_strings(self.doc, attribute)

    def is_verb(self, i: int) -> bool:
        """is_verb of the i-th token, memoised: word-order readings ask it of the same words many times."""
        if i not in self.verbs:
            self.verbs[i] = is_verb(self.doc[i], self.tagged)
        return self.verbs[i]

    @cached_property
    def idx(self) -> list[int]:
        """Each token's character offset (Token.idx)."""
        return self.doc.to_array(IDX).tolist()

    @cached_property
    def actor(self) -> list[str | None]:
        """The actor each token names (MentionIndex.of_token)."""
        return self.index.of_tokens(self.idx)

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's head (a parsed doc)."""
        offsets = self.doc.to_array(HEAD).astype("int64")  # offsets from the token, stored unsigned
        return [i + offset for i, offset in enumerate(offsets.tolist())]

    @cached_property
    def dep(self) -> list[str]:
        """Each token's dependency label (a parsed doc)."""
        return self.strings(DEP)

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's dependents, in text order (a parsed doc)."""
        children: list[list[int]] = [[] for _ in self.head]
        for i, head in enumerate(self.head):
            if head != i:
                children[head].append(i)
        return children

    @cached_property
    def tag(self) -> list[str]:
        """Each token's fine-grained tag ('VBN', 'VBG'...)."""
        return self.strings(TAG)

    @cached_property
    def pos(self) -> list[str]:
        """Each token's coarse part of speech ('VERB', 'NOUN'...)."""
        return self.strings(POS)


@lru_cache(maxsize=65536)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-cased word by part of speech, memoised: names ask it of the same words
    in every article."""
    return getAllLemmas(word)


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, read from the sentence-start array: spaCy builds a Token per word to find them."""
    starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 or i == 0]
    return [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)])] if len(doc) else []
