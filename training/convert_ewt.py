"""Convert UD English-EWT (official train/dev/test file lists) to spaCy DocBins.

EWT train has no named-entity layer, so its entities stay *missing*: the NER model
then learns nothing, rather than "no entities here", from these documents. The dev
and test sentences get Universal NER's gold entities (`--uner`). The dev files are
*trained on* (trees and UNER entities: corpus/train/ewt-dev.spacy); EWT test, with its
UNER entities, stays test only (corpus/test/ewt.spacy).
"""
import argparse
from pathlib import Path
from typing import Optional

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from conllu import chunks, read_conllu, sentences_to_doc
from docbins import write_splits
from uner import read_iob2, set_uner_entities, tags_by_words

SENTENCES_PER_DOC = 10


def sent_id(sentence) -> str:
    for comment in sentence.comments:
        if comment.startswith("# sent_id"):
            return comment.split("=", 1)[1].strip()
    return ""


def convert_split(ewt_dir: Path, split: str, vocab: Vocab, uner_file: Optional[Path]) -> DocBin:
    uner = {}
    if uner_file is not None and uner_file.exists():
        uner = {sid: (words, tags) for sid, words, tags in read_iob2(uner_file)}
    doc_bin = DocBin(store_user_data=False)
    total = matched = 0
    for name in (ewt_dir / "file-lists" / f"files.{split}").read_text().split():
        sentences = list(read_conllu(ewt_dir / "sources" / name))
        for group in chunks(sentences, SENTENCES_PER_DOC):
            doc = sentences_to_doc(vocab, group)
            if uner:
                tags = [tags_by_words(uner, sent_id(s), [w.form for w in s.words]) for s in group]
                matched += set_uner_entities(doc, tags)
                total += len(group)
            doc_bin.add(doc)
    if uner:
        print(f"ewt {split}: UNER entities on {matched} of {total} sentences")
    return doc_bin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ewt_dir", type=Path, help="e.g. ../shared/corpora/ud-ewt")
    parser.add_argument("output_dir", type=Path, help="e.g. training/corpus")
    parser.add_argument("--uner", type=Path, default=None, help="e.g. ../shared/corpora/uner")
    args = parser.parse_args()
    vocab = Vocab()
    uner = args.uner
    bins = {
        "train": convert_split(args.ewt_dir, "train", vocab, None),
        "test": convert_split(args.ewt_dir, "test", vocab, uner and uner / "en_ewt-ud-test.iob2"),
    }
    write_splits(bins, args.output_dir, "ewt")
    dev = convert_split(args.ewt_dir, "dev", vocab, uner and uner / "en_ewt-ud-dev.iob2")
    write_splits({"train": dev}, args.output_dir, "ewt-dev")


if __name__ == "__main__":
    main()
