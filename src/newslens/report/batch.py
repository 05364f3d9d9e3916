"""Article reports: the report notebook executed on each article, converted to HTML and published all-or-nothing
(see engine's staging); several articles share one kernel."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from newslens.exceptions import NewslensError, ReportError
from newslens.io.article import read_article
from newslens.report.engine import (NOTEBOOK, execute_notebook, execution_failure, make_reproducible, exception_line,
                                    open_staging, publish, remove_stale_staging, start_kernel)
from newslens.report.html import to_html


def build_report(article_path: str | Path, out_dir: str | Path = "reports", model: str | None = None,
                 kernel=None) -> Path:
    """Execute the report notebook on one article and write out_dir/DOCID.{ipynb,html,json} and
    out_dir/figures/DOCID_*.{png,svg}; returns the HTML path. Failures raise ReportError (one line).
    `kernel` (from `start_kernel`) runs it in a kernel that is already up."""
    if not NOTEBOOK.is_file():
        raise ReportError(f"the report notebook {NOTEBOOK} is missing: the newslens installation is incomplete")
    try:
        article = read_article(article_path)
    except NewslensError as exc:
        raise ReportError(str(exc)) from exc
    doc_id = article.doc_id
    out = Path(out_dir)
    staging, lock = None, None
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(out)
        staging, lock = open_staging(out)  # inside out_dir: os.replace never crosses a file system
        notebook = staging / f"{doc_id}.ipynb"
        parameters = {"article_path": str(article_path), "model": model, "export_dir": str(staging)}
        try:
            execute_notebook(NOTEBOOK, notebook, parameters, cwd=Path.cwd(), kernel=kernel)
        except Exception as exc:
            raise ReportError(f"{doc_id}: the report notebook failed: {execution_failure(exc)}") from exc
        make_reproducible(notebook, published_parameters={**parameters, "export_dir": str(out)})
        (staging / f"{doc_id}.html").write_text(to_html(notebook, f"{article.title or doc_id}: newslens report"), encoding="utf-8")
        figures_dir = staging / "figures"  # the run's own folder: every file in it is this article's
        figures = sorted(Path("figures", name) for name in os.listdir(figures_dir)) if figures_dir.is_dir() else []
        publish(staging, out, [*figures, Path(f"{doc_id}.json"), Path(f"{doc_id}.ipynb"), Path(f"{doc_id}.html")])
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"{doc_id}: could not write the report to {out}: {exception_line(exc)}") from exc
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if lock is not None:
            os.close(lock)
    return out / f"{doc_id}.html"


def iter_reports(article_paths: Iterable[str | Path], out_dir: str | Path = "reports",
                 model: str | None = None) -> Iterator[tuple[str | Path, Path | ReportError]]:
    """Build each article's report in one shared kernel; yield (article, HTML path or the ReportError)
    as each finishes, so a caller can show progress and carry on past a failed article."""
    kernel = None
    try:
        for article in article_paths:
            kernel = kernel or start_kernel()
            try:
                result = build_report(article, out_dir, model, kernel=kernel)
            except ReportError as exc:
                # A failed run may leave the kernel dead, or busy in a cell that timed out: the next article
                # gets a new one (failures are rare; a new kernel costs one start).
                kernel.shutdown_kernel(now=True)
                kernel, result = None, exc
            yield article, result
    finally:
        if kernel is not None:
            kernel.shutdown_kernel()  # the shutdown request: the kernel exits cleanly, without a word


def build_reports(article_paths: Iterable[str | Path], out_dir: str | Path = "reports",
                  model: str | None = None) -> list[Path]:
    """The reports of several articles, built in one kernel; returns their HTML paths in input order.
    Every article is attempted; if any failed, ReportError names them (one line) after the rest are written."""
    built, failures = [], []
    for article, result in iter_reports(article_paths, out_dir, model):
        if isinstance(result, ReportError):
            failures.append(str(result))
        else:
            built.append(result)
    if failures:
        raise ReportError(f"{len(failures)} of {len(built) + len(failures)} reports failed: {'; '.join(failures)}")
    return built
