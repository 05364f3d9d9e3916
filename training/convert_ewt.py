"""Convert UD English-EWT (official train/dev/test file lists) to spaCy DocBins.

EWT has no named-entity layer, so entities stay *missing*: the NER model then
learns nothing, rather than "no entities here", from these documents.
"""
import argparse
from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from conllu import chunks, read_conllu, sentences_to_doc
from docbins import write_splits

SENTENCES_PER_DOC = 10


def convert_split(ewt_dir: Path, split: str, vocab: Vocab) -> DocBin:
    doc_bin = DocBin(store_user_data=False)
    for name in (ewt_dir / "file-lists" / f"files.{split}").read_text().split():
        sentences = list(read_conllu(ewt_dir / "sources" / name))
        for group in chunks(sentences, SENTENCES_PER_DOC):
            doc_bin.add(sentences_to_doc(vocab, group))
    return doc_bin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ewt_dir", type=Path, help="e.g. ../shared/corpora/ud-ewt")
    parser.add_argument("output_dir", type=Path, help="e.g. training/corpus")
    args = parser.parse_args()
    vocab = Vocab()
    bins = {split: convert_split(args.ewt_dir, split, vocab) for split in ("train", "dev", "test")}
    write_splits(bins, args.output_dir, "ewt")


if __name__ == "__main__":
    main()
