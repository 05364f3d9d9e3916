"""Convert Wikigold (CoNLL NER, IOB1, "token TAG" per line) to spaCy DocBins.

PER -> PERSON, ORG -> ORG, LOC -> GPE; MISC (nationalities, events, works) is
not an actor type here, so it becomes "O". Every tenth document is held out for dev.
Tags and syntax are absent and stay missing.
"""
import argparse
from pathlib import Path
from typing import Iterator, List, Tuple

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from docbins import write_splits

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
DEV_EVERY = 10

Token = Tuple[str, str]  # (text, IOB tag)


def read_documents(path: Path) -> Iterator[List[List[Token]]]:
    """Yield documents (split on -DOCSTART-) as lists of sentences."""
    document: List[List[Token]] = []
    sentence: List[Token] = []
    for line in path.read_text(encoding="utf8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                document.append(sentence)
            sentence = []
        elif parts[0] == "-DOCSTART-":
            if document:
                yield document
            document = []
        else:
            sentence.append((parts[0], parts[-1]))
    if sentence:
        document.append(sentence)
    if document:
        yield document


def entity_spans(tags: List[str]) -> Iterator[Tuple[int, int, str]]:
    """IOB1 spans: I- continues an entity of the same type, B- always starts one."""
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, etype = tag.partition("-")
        continues = prefix == "I" and etype == label
        if start is not None and not continues:
            yield start, i, label
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, etype


def document_to_doc(vocab: Vocab, sentences: List[List[Token]]) -> Doc:
    words = [text for sentence in sentences for text, _ in sentence]
    tags = [tag for sentence in sentences for _, tag in sentence]
    sent_starts = [i == 0 for sentence in sentences for i in range(len(sentence))]
    doc = Doc(vocab, words=words, sent_starts=sent_starts)
    spans = [
        Span(doc, start, end, label=LABELS[etype])
        for start, end, etype in entity_spans(tags) if etype in LABELS
    ]
    doc.set_ents(spans, default="outside")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wikigold_file", type=Path, help="e.g. ../shared/corpora/wikigold/wikigold.conll.txt")
    parser.add_argument("output_dir", type=Path, help="e.g. training/corpus")
    args = parser.parse_args()
    vocab = Vocab()
    bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
    for index, document in enumerate(read_documents(args.wikigold_file)):
        split = "dev" if index % DEV_EVERY == DEV_EVERY - 1 else "train"
        bins[split].add(document_to_doc(vocab, document))
    write_splits(bins, args.output_dir, "wikigold")


if __name__ == "__main__":
    main()
