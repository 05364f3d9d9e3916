"""Corpus store: one JSON file per finished article, written atomically, and the record of what failed.

`DIR/articles/ID.json` is the article's extraction exactly as `newslens extract` prints it, plus a
`corpus` object (metadata and the newslens version). A result is up to date when its text sha256,
pipeline, newslens version and metadata all match: a rerun skips it, so an interrupted run resumes.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from newslens.version import __version__
from newslens.io.outputs import write_text
from newslens.io.publish import RunLock, remove_stale_staging, remove_temporary_files
from newslens.corpus.sources import CorpusArticle, SourceError
from newslens.io.spreadsheet import write_csv

ERROR_COLUMNS = ["path_or_id", "error"]
CORPUS_REPORT = "corpus.html"  # with corpus.ipynb, the executed notebook it was exported from


def has_corpus_report(folder: Path) -> bool:
    """Whether a corpus folder holds a corpus report (corpus.html and the notebook it was exported from)."""
    return (folder / CORPUS_REPORT).is_file() and (folder / "corpus.ipynb").is_file()


def corpus_metadata(item: CorpusArticle) -> dict:
    """The `corpus` object of an article's JSON: its metadata and the software version that produced it."""
    return {**item.metadata(), "newslens_version": __version__}


def result_json(extraction: dict, item: CorpusArticle) -> str:
    """The stored document: the extraction contract with the corpus metadata added, deterministic bytes."""
    return json.dumps({**extraction, "corpus": corpus_metadata(item)}, ensure_ascii=False, indent=2) + "\n"


def natural_key(path_or_id: str) -> tuple:
    """Sort key of a path or FILE:LINE: the line number as a number."""
    head, colon, line = path_or_id.rpartition(":")
    return (head, int(line)) if colon and line.isdigit() else (path_or_id, -1)


class Store:
    """The output folder of a corpus run."""

    def __init__(self, out_dir: str | Path):
        self.root = Path(out_dir)
        self.articles_dir = self.root / "articles"
        self.texts_dir = self.root / "texts"
        self.lock = RunLock(self.root)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.lock.release()

    def prepare(self) -> None:
        """Create the folder and mark it in use by this run; when no other run uses it, first clear what
        killed runs left there (temporary files of results, staging folders)."""
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        if self.lock.acquire():
            for folder in (self.root, self.articles_dir, self.texts_dir, self.root / "tables"):
                remove_temporary_files(folder)
            remove_stale_staging(self.root)
        self.lock.share()

    def path(self, doc_id: str) -> Path:
        return self.articles_dir / f"{doc_id}.json"

    def text_path(self, doc_id: str) -> Path:
        return self.texts_dir / f"{doc_id}.txt"

    def keep_text(self, item: CorpusArticle) -> None:
        """DIR/texts/ID.txt: the exact text analysed, which an article report needs (JSONL and front-matter
        articles have no such file of their own)."""
        path = self.text_path(item.doc_id)
        data = item.article.text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            self.texts_dir.mkdir(parents=True, exist_ok=True)
            write_text(item.article.text, str(path))

    def load(self, doc_id: str) -> dict:
        return json.loads(self.path(doc_id).read_text(encoding="utf-8"))

    def reuse(self, item: CorpusArticle, pipeline: dict) -> bool:
        """True when the stored result was made from the same text by the same pipeline and newslens version,
        so it need not be made again; metadata that changed alone (a title, a moved file) is updated in it."""
        try:
            stored = self.load(item.doc_id)
        except (OSError, ValueError):
            return False
        if not isinstance(stored, dict) or not isinstance(stored.get("pipeline"), dict) \
                or not isinstance(stored.get("corpus"), dict):
            return False  # valid JSON, but not a result newslens wrote ([] or a hand-edited file)
        metadata = corpus_metadata(item)
        # what decides reuse: the text, the pipeline's identity and the version, never what the run found
        # (the pipeline block also carries the article's warnings, e.g. that it is not in English)
        used = {key: stored["pipeline"].get(key) for key in pipeline}
        if (stored.get("text_sha256") != item.article.sha256 or used != pipeline
                or stored["corpus"].get("newslens_version") != metadata["newslens_version"]):
            return False
        if stored["corpus"] != metadata:
            extraction = {key: value for key, value in stored.items() if key != "corpus"}
            self.write(item.doc_id, result_json(extraction, item))
        return True

    def write(self, doc_id: str, document: str) -> None:
        write_text(document, str(self.path(doc_id)))

    def load_all(self, doc_ids: list[str]) -> Iterator[dict]:
        """The stored documents, in the order given (read one at a time: memory stays flat)."""
        for doc_id in doc_ids:
            yield self.load(doc_id)

    def write_errors(self, errors: list[SourceError]) -> Path:
        """DIR/errors.csv, sorted (`feed.jsonl:9` before `feed.jsonl:10`), rewritten on every run (it lists
        what failed in this run); written atomically, as every file of the store."""
        rows = sorted({(e.path_or_id, e.error) for e in errors}, key=lambda row: (natural_key(row[0]), row))
        target = self.root / "errors.csv"
        write_csv(pd.DataFrame(rows, columns=ERROR_COLUMNS), target)
        return target
