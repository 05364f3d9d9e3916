"""Corpus mode: a layer on top of the article flow that analyses collections of articles.

One module per step: sources (the lazy article stream) -> run (local processes or Dask) -> store
(DIR/articles, resume, errors.csv) -> tables (Parquet and CSV) with linking (entities across articles)
-> report (DIR/corpus.html). The article flow does not know this layer exists.
"""
from newslens.corpus.run import CorpusError, CorpusSummary, run_corpus

__all__ = ["CorpusError", "CorpusSummary", "run_corpus"]
