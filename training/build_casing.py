"""Build newslens's casing lexicon: the words running English text writes capitalised, as names.

A span made only of ordinary English words ("Vertical Symbol", "Iron Fist", "Silver Clouds") is a
title, a product or an operation, not a person, unless one of its words is used as a name ("Gordon",
"Smith"). This lexicon supplies the second half: from the training portions of UD English-EWT
(official file lists) and GUM (everything not dev/test in splits.md), every word written capitalised
in the middle of a sentence (not first, not after an opening quote or a colon) at least as often as in
lower case. One lower-cased word per line, sorted.

    python build_casing.py ../shared/corpora ../src/newslens/models/name_words.txt
"""
import argparse
from collections import Counter
from pathlib import Path
from typing import Iterator, List

from conllu import read_conllu
from convert_gum import read_splits

OPENERS = {'"', "“", "‘", "'", ":", "(", "[", "-", "--", "—", "–"}


def training_files(corpora: Path) -> Iterator[Path]:
    ewt = corpora / "ud-ewt"
    for name in (ewt / "file-lists" / "files.train").read_text().split():
        yield ewt / "sources" / name
    gum = corpora / "gum"
    held_out = read_splits(gum / "splits.md")
    yield from (path for path in sorted(gum.glob("*.conllu")) if path.stem not in held_out)


def count_casing(paths: Iterator[Path]) -> tuple[Counter, Counter]:
    """(lower-case uses, capitalised uses) per lower-cased word, sentence openings excluded."""
    lower, capital = Counter(), Counter()
    for path in paths:
        for sentence in read_conllu(path):
            forms: List[str] = [word.form for word in sentence.words]
            for k, form in enumerate(forms):
                if not form.isalpha() or k == 0 or forms[k - 1] in OPENERS:
                    continue
                if form.islower():
                    lower[form] += 1
                elif form[0].isupper():
                    capital[form.lower()] += 1
    return lower, capital


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", type=Path, help="e.g. ../shared/corpora")
    parser.add_argument("output", type=Path, help="e.g. ../src/newslens/models/name_words.txt")
    args = parser.parse_args()
    lower, capital = count_casing(training_files(args.corpora))
    words = sorted(word for word, n in capital.items() if n >= lower[word])
    args.output.write_text("".join(f"{word}\n" for word in words), encoding="utf8")
    print(f"{len(words)} name words -> {args.output}")


if __name__ == "__main__":
    main()
