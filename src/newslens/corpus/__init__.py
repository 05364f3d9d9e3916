"""Corpus mode: a layer on top of the article flow that analyses collections of articles.

One module per step: sources (the lazy article stream) -> run (local processes or Dask) -> store
(DIR/articles, resume, errors.csv) -> tables (Parquet and CSV) with linking (entities across articles)
-> report (DIR/corpus.html). The article flow does not know this layer exists.

    tables = newslens.corpus.load("out")   # the tables of `newslens corpus ... --out out`, as DataFrames
"""
from __future__ import annotations

from pathlib import Path

from newslens.corpus.run import CorpusError, CorpusSummary, run_corpus


def load(out_dir: str | Path) -> dict:
    """The tables of a corpus folder (`articles`, `actors`, `mentions`, `quotes`, `relations`, `entities`)
    as pandas DataFrames, by name."""
    from newslens.corpus.tables import load_tables  # pyarrow loads only when tables are read

    return load_tables(out_dir)


__all__ = ["CorpusError", "CorpusSummary", "load", "run_corpus"]
