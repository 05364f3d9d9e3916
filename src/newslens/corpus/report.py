"""Corpus report: papermill runs notebooks/corpus_report.ipynb on a corpus folder -> DIR/corpus.html.

The engine is the article report's (papermill, the offline nbconvert template, and `newslens.publish`:
a private staging folder, then `os.replace` under a lock),
so the corpus report is as self-contained and as all-or-nothing as an article report. With `--reports`,
each article also gets its own report under DIR/reports, built from the exact text the corpus analysed
(kept in DIR/texts), and the corpus report's index links to them.

Refresh the committed example corpus and the notebook's stored outputs (run after extraction changes):

    python -m newslens.corpus.report --refresh
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from newslens import publish
from newslens.corpus.store import Store
from newslens.exceptions import NewslensError, ReportError
from newslens.outputs import reason
from newslens.report import (REPO_ROOT, build_reports, execute_notebook, execution_failure, make_reproducible,
                             one_line, refresh_notebook, to_html)

NOTEBOOK = REPO_ROOT / "notebooks" / "corpus_report.ipynb"
EXAMPLE_INPUT = "examples/corpus"
EXAMPLE_OUTPUT = "examples/corpus_out"


def build_corpus_report(corpus_dir: str | Path, rebuild: bool = True) -> Path:
    """Execute the corpus notebook on corpus_dir and write corpus_dir/corpus.html (and corpus.ipynb);
    an existing report is kept unless `rebuild`. Failures raise ReportError (one line)."""
    out = Path(corpus_dir)
    target = out / "corpus.html"
    if target.is_file() and (out / "corpus.ipynb").is_file() and not rebuild:
        return target
    if not NOTEBOOK.is_file():
        raise ReportError(f"the corpus notebook {NOTEBOOK} is missing: reports need a newslens source checkout")
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
        raise ReportError(f"could not write the corpus report to {out}: {one_line(exc)}") from exc
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


def refresh_example() -> None:
    """Re-run the example corpus (committed under examples/) and the corpus notebook in place on it."""
    from newslens.corpus.run import run_corpus

    shutil.rmtree(EXAMPLE_OUTPUT, ignore_errors=True)
    run_corpus([EXAMPLE_INPUT], EXAMPLE_OUTPUT, workers=1, html=False)
    refresh_notebook(NOTEBOOK)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslens.corpus.report", description=__doc__.split("\n")[0])
    parser.add_argument("--refresh", action="store_true", required=True,
                        help=f"rebuild {EXAMPLE_OUTPUT} from {EXAMPLE_INPUT} and re-execute the corpus notebook")
    parser.parse_args(argv)
    os.chdir(REPO_ROOT)
    try:
        refresh_example()
    except NewslensError as exc:
        print(f"newslens: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
