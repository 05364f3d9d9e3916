"""Corpus report: papermill runs notebooks/corpus_report.ipynb on a corpus folder -> DIR/corpus.html.

The engine is the article report's (papermill, the offline nbconvert template, and `newslens.io.publish`:
a private staging folder, then `os.replace` under a lock), so the corpus report is as self-contained and
as all-or-nothing as an article report. With `--reports`,
each article also gets its own report under DIR/reports, built from the exact text the corpus analysed
(kept in DIR/texts), and the corpus report's index links to them.

The notebook is package data (newslens/report/notebooks/corpus_report.ipynb); the maintainers' refresh of the
committed example corpus is tools/refresh.py.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newslens.io import publish
from newslens.corpus.store import CORPUS_REPORT, Store, has_corpus_report
from newslens.exceptions import NewslensError, ReportError
from newslens.io.outputs import reason
from newslens.report import (build_reports, execute_notebook, execution_failure, make_reproducible, exception_line,
                             packaged_notebook, to_html)

NOTEBOOK = packaged_notebook("corpus_report.ipynb")


def build_corpus_report(corpus_dir: str | Path, rebuild: bool = True) -> Path:
    """Execute the corpus notebook on corpus_dir and write corpus_dir/corpus.html (and corpus.ipynb);
    an existing report is kept unless `rebuild`. Failures raise ReportError (one line)."""
    out = Path(corpus_dir)
    target = out / CORPUS_REPORT
    if has_corpus_report(out) and not rebuild:
        return target
    if not NOTEBOOK.is_file():
        raise ReportError(f"the corpus notebook {NOTEBOOK} is missing: the newslens installation is incomplete")
    try:
        with publish.staging(out) as staging:  # the run's own: concurrent runs never share it
            notebook = staging / "corpus.ipynb"
            try:
                execute_notebook(NOTEBOOK, notebook, {"corpus_dir": str(out)}, cwd=Path.cwd())
            except Exception as exc:
                raise ReportError(f"{out}: the corpus notebook failed: {execution_failure(exc)}") from exc
            make_reproducible(notebook)
            (staging / "corpus.html").write_text(to_html(notebook, "newslens corpus report"), encoding="utf-8")
            publish.publish(staging, out, [Path("corpus.ipynb"), Path("corpus.html")])
    except ReportError:
        raise
    except OSError as exc:  # the reason alone: the file names would be the run's staging files
        raise ReportError(f"could not write the corpus report to {out}: {reason(exc)}") from exc
    except Exception as exc:
        raise ReportError(f"could not write the corpus report to {out}: {exception_line(exc)}") from exc
    return target


def build_article_reports(store: Store, doc_ids: list[str], model: str | None,
                          warn: Callable[[str], None]) -> bool:
    """DIR/reports/ID.html for every article whose report is missing or older than its result, in one
    `build_reports` call (one kernel for all); True when any was asked for. A failure is reported in one
    line and the corpus report still links the reports that exist."""
    out = store.root / "reports"
    stale = [doc_id for doc_id in doc_ids
             if not (out / f"{doc_id}.html").is_file()
             or (out / f"{doc_id}.html").stat().st_mtime < store.path(doc_id).stat().st_mtime]
    if stale:
        try:
            build_reports([store.text_path(doc_id) for doc_id in stale], out, model)
        except NewslensError as exc:
            warn(f"article reports: {exc}")
    return bool(stale)
