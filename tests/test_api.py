"""The Python API a researcher uses in a notebook: analyze(text), analyze_path(path), newslens.corpus.load."""
from __future__ import annotations

import shutil

import pytest

import newslens
import newslens.corpus
from conftest import REPO_ROOT
from newslens.exceptions import CorpusError

TEXT = ("Mayor opens bridge\n\nMayor Anne Varga opened the bridge on Monday. \"It took ten years,\" Varga said.\n")


def test_analyze_accepts_the_text_itself(pipeline):
    analysis = newslens.analyze(TEXT, pipeline)
    assert isinstance(analysis, newslens.Analysis)
    assert analysis.article.doc_id == "text" and analysis.article.title == "Mayor opens bridge"
    assert "Anne Varga" in {actor.name for actor in analysis.actors}
    assert [q.text for q in analysis.quotes] == ["It took ten years,"]
    assert analysis.to_dict() == newslens.analyze(newslens.Article(
        "text", TEXT, "Mayor opens bridge", analysis.article.sha256), pipeline).to_dict()


def test_analyze_path_reads_the_file(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    analysis = newslens.analyze_path(path)
    assert analysis.article.doc_id == "bridge" and not analysis.actors_df().empty


def test_corpus_load_returns_the_tables(tmp_path):
    tables = newslens.corpus.load(REPO_ROOT / "examples" / "corpus_out")
    assert set(tables) == {"articles", "actors", "mentions", "quotes", "relations", "entities"}
    assert len(tables["articles"]) > 5 and tables["articles"]["doc_id"].is_unique
    with pytest.raises(CorpusError, match="no corpus tables here"):
        newslens.corpus.load(tmp_path)


def test_newslens_corpus_is_there_after_a_bare_import():
    from conftest import run_python

    result = run_python("-c", "import newslens; print(newslens.corpus.load.__name__)")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "load"
