"""Shared CoNLL-U reading for the UD converters (EWT and GUM).

Multi-word tokens (ids like ``3-4``) are split into their syntactic words, which is
what the tagger and parser learn; SpaceAfter=No on the range line applies to its
last word, so the Doc text still reproduces the original surface string.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List

from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within the sentence, 0 = root
    deprel: str
    misc: str
    space_after: bool = True


@dataclass
class Sentence:
    words: List[Word] = field(default_factory=list)
    comments: List[str] = field(default_factory=list)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences of a CoNLL-U file; empty nodes (ids like 8.1) are skipped."""
    sentence = Sentence()
    range_end, range_space = 0, True
    for line in Path(path).read_text(encoding="utf8").splitlines():
        if not line.strip():
            if sentence.words:
                yield sentence
            sentence, range_end = Sentence(), 0
            continue
        if line.startswith("#"):
            sentence.comments.append(line)
            continue
        cols = line.split("\t")
        token_id = cols[0]
        if "." in token_id:
            continue
        if "-" in token_id:
            range_end = int(token_id.split("-")[1])
            range_space = _space_after(cols[9])
            continue
        index = int(token_id)
        if index < range_end:
            space = False
        elif index == range_end:
            space = range_space
        else:
            space = _space_after(cols[9])
        sentence.words.append(
            Word(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7], cols[9], space)
        )
    if sentence.words:
        yield sentence


def sentences_to_doc(vocab: Vocab, sentences: List[Sentence]) -> Doc:
    """Build one Doc with tags, POS, morphology, lemmas and dependencies.

    Named entities are left unset, i.e. *missing*, not "O"; GUM sets them afterwards.
    """
    words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        for i, word in enumerate(sentence.words):
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos if word.xpos != "_" else "")
            pos.append(word.upos if word.upos != "_" else "")
            morphs.append(word.feats if word.feats != "_" else "")
            lemmas.append(word.lemma if word.lemma != "_" or word.form == "_" else "")
            heads.append(offset + (word.head - 1 if word.head else i))
            deps.append("ROOT" if word.head == 0 else word.deprel)
        if sentence is not sentences[-1] and spaces:
            spaces[-1] = True
    return Doc(
        vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
        lemmas=lemmas, heads=heads, deps=deps,
    )


def chunks(items: list, size: int) -> Iterator[list]:
    """Split a document's sentences into training docs of at most ``size`` sentences."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
