"""Convert UD English PUD (1,000 news and Wikipedia sentences) with Universal NER's
gold entities to a test-only DocBin, corpus/test/pud.spacy. Never trained on.

PUD's sent_ids and sentence order differ between the UD and UNER files, so a UD
sentence finds its UNER sentence by its text (UNER keeps surface tokens).
"""
import argparse
from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from conllu import chunks, read_conllu, sentences_to_doc
from docbins import write_splits
from uner import project_tags, read_iob2, set_uner_entities

SENTENCES_PER_DOC = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pud_file", type=Path, help="e.g. ../shared/corpora/ud-pud/en_pud-ud-test.conllu")
    parser.add_argument("uner_file", type=Path, help="e.g. ../shared/corpora/uner/en_pud-ud-test.iob2")
    parser.add_argument("output_dir", type=Path, help="e.g. training/corpus")
    args = parser.parse_args()
    vocab = Vocab()
    sentences = list(read_conllu(args.pud_file))
    uner = list(read_iob2(args.uner_file))
    by_text = {"".join(words): (words, iob) for _, words, iob in uner}
    doc_bin = DocBin(store_user_data=False)
    matched = 0
    for group in chunks(sentences, SENTENCES_PER_DOC):
        doc = sentences_to_doc(vocab, group)
        tags = []
        for sentence in group:
            forms = [w.form for w in sentence.words]
            words, iob = by_text.get("".join(forms), ([], []))
            tags.append(project_tags(forms, words, iob) if words else None)
        matched += set_uner_entities(doc, tags)
        doc_bin.add(doc)
    print(f"pud: UNER entities on {matched} of {len(sentences)} sentences")
    write_splits({"test": doc_bin}, args.output_dir, "pud")


if __name__ == "__main__":
    main()
