"""Convert GUM (UD CoNLL-U with an Entity= layer) to spaCy DocBins with NER.

A GUM mention becomes a named entity when its type is person, organization or
place and it is *named*: its head is a proper noun, or it has a Wikipedia
identity and a capitalised head. GUM mentions are whole noun phrases ("the
English poet Lord Byron, who ..."), so the entity is cut down to the name around
the head. Every other token is a genuine "O": GUM annotates all mentions.
"""
import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from conllu import Sentence, Word, chunks, read_conllu, sentences_to_doc
from docbins import write_splits

SENTENCES_PER_DOC = 10
LABELS = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
NAME_CONNECTORS = {"of", "for", "and", "&", "de", "du", "von", "van", "der", "la", "le", "the"}
OPEN_MENTION = re.compile(r"\((\d+)-([^()]*)(\)?)")
CLOSE_MENTION = re.compile(r"(\d+)\)")


@dataclass
class Mention:
    start: int  # token index in the Doc
    end: int  # exclusive
    etype: str
    identity: Optional[str]


def read_splits(splits_md: Path) -> Dict[str, str]:
    """Map document name -> "dev" / "test" from GUM's splits.md (the rest is train)."""
    split, splits = None, {}
    for line in splits_md.read_text().splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif line.strip().startswith("* ") and split in ("dev", "test"):
            splits[line.strip()[2:].strip()] = split
    return splits


def entity_field(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("Entity="):
            return item[len("Entity="):]
    return ""


def parse_mentions(words: List[Word], offset: int) -> List[Mention]:
    """Pair GUM's bracketed mention openings and closings within a sentence.

    An opening is ``(id-etype-infstat-salience-centering-minspan-link[-identity]``
    and closes on the same token with ``)`` or later with ``id)``.
    """
    open_mentions: Dict[str, List[tuple]] = {}
    mentions = []
    for i, word in enumerate(words):
        field_text = entity_field(word.misc)
        for match in OPEN_MENTION.finditer(field_text):
            mention_id, body, closes_here = match.groups()
            parts = body.split("-")
            identity = "-".join(parts[6:]) or None
            if closes_here:
                mentions.append(Mention(offset + i, offset + i + 1, parts[0], identity))
            else:
                open_mentions.setdefault(mention_id, []).append((i, parts[0], identity))
        closers = OPEN_MENTION.sub("", field_text)
        for mention_id in CLOSE_MENTION.findall(closers):
            if open_mentions.get(mention_id):
                start, etype, identity = open_mentions[mention_id].pop()
                mentions.append(Mention(offset + start, offset + i + 1, etype, identity))
    return mentions


def mention_head(doc: Doc, mention: Mention) -> int:
    """The token of the mention whose syntactic head lies outside it."""
    for token in doc[mention.start:mention.end]:
        if not mention.start <= token.head.i < mention.end or token.head.i == token.i:
            return token.i
    return mention.start


def is_name_like(token) -> bool:
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.pos_ not in ("PRON", "DET"))


def name_span(doc: Doc, mention: Mention) -> Optional[Span]:
    """The contiguous name around the mention head, without determiners, titles
    in lower case, appositions or relative clauses."""
    head = doc[mention_head(doc, mention)]
    if not (head.pos_ == "PROPN" or (mention.identity and is_name_like(head))):
        return None
    start = head.i
    while start - 1 >= mention.start and is_name_like(doc[start - 1]):
        start -= 1
    end = head.i + 1
    while end < mention.end:
        if is_name_like(doc[end]):
            end += 1
        elif doc[end].lower_ in NAME_CONNECTORS and end + 1 < mention.end and is_name_like(doc[end + 1]):
            end += 2
        else:
            break
    return Span(doc, start, end, label=LABELS[mention.etype])


def sentences_to_ner_doc(vocab: Vocab, sentences: List[Sentence]) -> Doc:
    doc = sentences_to_doc(vocab, sentences)
    mentions, offset = [], 0
    for sentence in sentences:
        mentions.extend(parse_mentions(sentence.words, offset))
        offset += len(sentence.words)
    named = (name_span(doc, mention) for mention in mentions if mention.etype in LABELS)
    doc.set_ents(filter_spans([span for span in named if span is not None]), default="outside")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gum_dir", type=Path, help="e.g. ../shared/corpora/gum")
    parser.add_argument("output_dir", type=Path, help="e.g. training/corpus")
    args = parser.parse_args()
    splits = read_splits(args.gum_dir / "splits.md")
    vocab = Vocab()
    bins = {split: DocBin(store_user_data=False) for split in ("train", "dev", "test")}
    for path in sorted(args.gum_dir.glob("*.conllu")):
        sentences = list(read_conllu(path))
        doc_bin = bins[splits.get(path.stem, "train")]
        for group in chunks(sentences, SENTENCES_PER_DOC):
            doc_bin.add(sentences_to_ner_doc(vocab, group))
    write_splits(bins, args.output_dir, "gum")


if __name__ == "__main__":
    main()
