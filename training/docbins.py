"""Where converters put their DocBins: corpus/<split>/<corpus>.spacy.

config.cfg reads the whole train/ and dev/ folders, so a new corpus joins training
by writing its files there.
"""
from pathlib import Path
from typing import Dict

from spacy.tokens import DocBin


def write_splits(bins: Dict[str, DocBin], output_dir: Path, corpus: str) -> None:
    for split, doc_bin in bins.items():
        output = output_dir / split / f"{corpus}.spacy"
        output.parent.mkdir(parents=True, exist_ok=True)
        doc_bin.to_disk(output)
        print(f"{corpus} {split}: {len(doc_bin)} docs")
