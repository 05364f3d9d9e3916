"""Unlabelled news for `spacy pretrain`: one JSON line {"text": paragraph} per paragraph of at least five words.

    python raw_text.py TEXT_DIR OUT.jsonl      (e.g. ../../shared/polnear/train corpus/raw-news.jsonl)

The texts stay where they are licensed to be: OUT goes under corpus/ (git-ignored) and is never committed.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

MIN_WORDS = 5


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if len(p.split()) >= MIN_WORDS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text_dir", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    lines = [json.dumps({"text": p}, ensure_ascii=False) for path in sorted(args.text_dir.glob("*.txt"))
             for p in paragraphs(path.read_text(encoding="utf8"))]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(line + "\n" for line in lines), encoding="utf8")
    print(f"{len(lines)} paragraphs -> {args.output}")


if __name__ == "__main__":
    main()
