"""The report engine: run the article notebook with papermill, convert it to one self-contained HTML file.

`build_report` is all-or-nothing: every output is first written to a staging folder of the run's own
(`tempfile.mkdtemp` inside the output folder), and moved into place with `os.replace` only after the
notebook ran and converted cleanly, so a failure never leaves a half-written report behind, and
concurrent runs into one folder never share files: the last one to finish publishes its whole report.
A run holds a lock on its staging folder; the next run into the folder removes staging folders whose
run was killed. The helpers below are what the notebook calls; they keep the notebook free of logic.

papermill, nbconvert (with jinja2) and nbformat are imported inside the functions that use them: the
notebook's kernel imports this module for its helpers, and they cost seconds to import.

The notebooks are package data (newslens/report/notebooks, found with importlib.resources), so reports work
from an installed wheel; the repository's notebooks/ folder links to them. The maintainers' refresh of the
committed notebooks and reports is tools/refresh.py.
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from importlib import resources
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import spacy
from jupyter_client.manager import KernelManager
from matplotlib.figure import Figure

from newslens.version import __version__
from newslens.extract.analysis import Analysis
from newslens.io.article import read_article
from newslens.exceptions import NewslensError, ReportError
from newslens.render.figures import png_bytes, save_figure



def packaged_notebook(name: str) -> Path:
    """A notebook shipped inside the package (newslens/report/notebooks/NAME), as a file path."""
    return Path(str(resources.files("newslens.report") / "notebooks" / name))


NOTEBOOK = packaged_notebook("article_report.ipynb")
# nbconvert's lab template loads require.js, MathJax and mermaid from a CDN; a report must open offline.
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
# A URL with a host (http://host, //host, ftp://host): fetching it leaves the machine.
REMOTE_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Where CSS fetches: url(...) and @import "...".
CSS_FETCH = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# Attributes whose URL a browser loads with the page (href only where it is not a link to follow).
FETCH_ATTRIBUTES = {"src", "srcset", "href", "xlink:href", "poster", "data", "background", "manifest"}
FOLLOWED_LINKS = {"a", "area"}
STAGING_PREFIX = ".newslens-staging-"
STAGING_LOCK = ".lock"
STAGING_GRACE_S = 600  # a staging folder whose run died before it took its lock is stale after this
# nbconvert warns on every report that matplotlib images carry no alt text (it adds a generic one).
NBCONVERT_LOG = logging.getLogger("newslens.report.nbconvert")
NBCONVERT_LOG.setLevel(logging.ERROR)
# No kernel chatter on the terminal: start-up notices, nor the "KeyboardInterrupt caught in kernel" a kernel
# logs when it is stopped at the end of a run (cell errors reach papermill, not this log).
QUIET_KERNEL = ["--IPKernelApp.log_level=ERROR"]
CELL_TIMEOUT_S = 300  # one article takes seconds per cell; a stuck extraction must fail, not hang a batch
# Cell metadata papermill writes on every run (timings, status); dropped so refreshes diff cleanly.
VOLATILE_METADATA = ("papermill", "execution")
# Notebook cells for the person running it (how to run papermill), not for the reader of the HTML.
HTML_REMOVED_TAGS = ("usage",)


def locate(path: str | Path) -> Path:
    """An input path as given, or else relative to a parent folder: the notebook's defaults then
    work from the repository root (papermill CLI) and from notebooks/ (nbval, Jupyter) alike."""
    candidate = Path(path)
    if candidate.is_absolute() or candidate.exists():
        return candidate
    for parent in Path.cwd().resolve().parents:
        if (parent / candidate).exists():
            return parent / candidate
    return candidate  # let the reader report the missing file


def provenance(analysis: Analysis, article_path: str, model: str | None) -> pd.DataFrame:
    """What was analysed, by which software, with which parameters: the report's first table."""
    article, pipeline = analysis.article, analysis.pipeline
    rows = {
        "document": article.doc_id,
        "title": article.title or "(none)",
        "input file": str(article_path),
        "input sha256": article.sha256,
        "length": f"{len(article.text):,} characters, {len(article.text.split()):,} words",
        "software": f"newslens {__version__}, spaCy {spacy.__version__}",
        "pipeline": f"{pipeline.backend} {pipeline.model} {pipeline.version}",
        "components": ", ".join(pipeline.components) or "(none)",
        "parameters": f"article_path={str(article_path)!r}, model={model!r}",
        **{"warning" if len(analysis.warnings) == 1 else f"warning {n}": warning
           for n, warning in enumerate(analysis.warnings, 1)},
    }
    return pd.DataFrame({"value": rows}).rename_axis("provenance")


def keep_figure(fig: Figure, name: str, analysis: Analysis, export_dir: str | Path | None):
    """Save the figure as figures/DOCID_NAME.png and .svg under export_dir (if given); return the same PNG
    for display, so each figure is drawn to PNG once per report."""
    from IPython.display import Image

    png = png_bytes(fig)
    if export_dir:
        save_figure(fig, f"{analysis.article.doc_id}_{name}", Path(export_dir) / "figures", png=png)
    return Image(data=png, format="png", width=round(fig.get_figwidth() * fig.get_dpi()))


def export_json(analysis: Analysis, export_dir: str | Path | None) -> None:
    """Write DOCID.json, the extraction contract, under export_dir (if given)."""
    if export_dir:
        Path(export_dir).mkdir(parents=True, exist_ok=True)
        Path(export_dir, f"{analysis.article.doc_id}.json").write_text(analysis.to_json(), encoding="utf-8")


def one_line(exc: BaseException) -> str:
    """An exception as one line: messages from kernels and templates can span many."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def execution_failure(exc: Exception) -> str:
    """The failing cell's own error (papermill wraps it with the whole traceback)."""
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    return f"{ename}: {' '.join(str(evalue).split())}" if ename else one_line(exc)


class FinishedKernelManager(KernelManager):
    """Shuts a kernel down with the shutdown request alone.

    jupyter_client interrupts a kernel (SIGINT) before asking it to shut down; an idle kernel that is
    handling a message then logs "KeyboardInterrupt caught in kernel." on the terminal. A kernel whose
    notebooks have run to the end has nothing to interrupt; a timed-out cell is still interrupted."""

    async def _async_interrupt_kernel(self) -> None:
        if not self.shutting_down:
            await super()._async_interrupt_kernel()


def execute_notebook(source: Path, output: Path, parameters: dict, cwd: Path, kernel=None) -> None:
    """Run a notebook with papermill, quietly, writing the executed copy to `output`; in `kernel` (a started
    jupyter_client KernelManager, left running) when given, else in a kernel of its own, stopped after."""
    import papermill

    own = start_kernel(cwd) if kernel is None else None
    try:
        papermill.execute_notebook(str(source), str(output), parameters=parameters, cwd=str(cwd),
                                   progress_bar=False, log_output=False, execution_timeout=CELL_TIMEOUT_S,
                                   km=kernel or own)
    finally:
        if own is not None:
            own.shutdown_kernel()


def start_kernel(cwd: Path | None = None) -> FinishedKernelManager:
    """A Jupyter kernel for several reports: imports and the spaCy pipeline load once, not per article
    (newslens caches the loaded pipeline per name inside the kernel). Stop it with shutdown_kernel(): the
    shutdown request alone, so it exits without a word on the terminal."""
    kernel = FinishedKernelManager(kernel_name="python3")
    kernel.start_kernel(extra_arguments=QUIET_KERNEL, cwd=str(cwd or Path.cwd()))
    return kernel


def to_html(notebook_path: Path, title: str) -> str:
    """The executed notebook as one HTML file: inputs hidden, images inline, nothing fetched from the web."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
                            template_file="offline.html.j2", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True, log=NBCONVERT_LOG)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(HTML_REMOVED_TAGS)), enabled=True)
    nb = nbformat.read(notebook_path, as_version=4)
    nb.metadata["title"] = title
    html, _ = exporter.from_notebook_node(nb)
    remote = remote_resources(html)
    if remote:
        raise ReportError(f"{notebook_path.stem}: the HTML report would load a remote resource: {remote[0]}")
    return html


class FetchFinder(HTMLParser):
    """Collects the URLs a browser would fetch when it opens the page: URL attributes of elements and
    CSS url()/@import in style elements and attributes. Text, escaped or not, fetches nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.add_css(value)
            elif name == "srcset":
                self.urls += [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
            elif name in FETCH_ATTRIBUTES and not (name.endswith("href") and tag in FOLLOWED_LINKS):
                self.urls.append(value)
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.urls.append((dict(attrs).get("content") or "").partition("url=")[2])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.add_css(data)

    def add_css(self, css: str) -> None:
        self.urls += [match.group(2) or match.group(4) for match in CSS_FETCH.finditer(css)]


def remote_resources(html: str) -> list[str]:
    """The URLs with a host that the page would load: a self-contained report has none."""
    finder = FetchFinder()
    finder.feed(html)
    finder.close()
    return [url for url in finder.urls if REMOTE_URL.match(url)]


def publish(staging: Path, out: Path, names: list[Path]) -> None:
    """Move finished files from staging into out; os.replace is atomic, so each file appears whole,
    and the lock on out makes concurrent runs publish one whole report after the other."""
    out.mkdir(parents=True, exist_ok=True)
    folder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        for name in names:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)
    finally:
        os.close(folder)  # releases the lock


def open_staging(out: Path) -> tuple[Path, int]:
    """A new staging folder in out, locked for as long as the returned descriptor stays open."""
    staging = Path(tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX))
    lock = os.open(staging / STAGING_LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return staging, lock


def staging_is_stale(staging: Path) -> bool:
    """True when the run that made this staging folder has ended without removing it (killed)."""
    try:
        lock = os.open(staging / STAGING_LOCK, os.O_RDWR)
    except FileNotFoundError:  # its run died before taking the lock, or is about to take it
        try:
            return time.time() - staging.stat().st_mtime > STAGING_GRACE_S
        except OSError:
            return False
    except OSError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held: its run is alive
        return False
    finally:
        os.close(lock)
    return True


def remove_stale_staging(out: Path) -> None:
    """Remove the staging folders that killed runs left in out (any article's)."""
    for entry in os.scandir(out):
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False) \
                and staging_is_stale(Path(entry.path)):
            shutil.rmtree(entry.path, ignore_errors=True)


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
        raise ReportError(f"{doc_id}: could not write the report to {out}: {one_line(exc)}") from exc
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


def make_reproducible(path: Path, published_parameters: dict | None = None) -> None:
    """Drop papermill's timings, give its injected cell a fixed id and number the cells from 1 (a shared kernel
    keeps counting across articles), so an unchanged rerun changes no byte.

    `published_parameters` replace the injected ones in the record: the run's own staging folder has a
    random name, and the notebook should say where its exports were published."""
    import nbformat
    from papermill.translators import translate_parameters

    nb = nbformat.read(path, as_version=4)
    for key in VOLATILE_METADATA:
        nb.metadata.pop(key, None)
        for cell in nb.cells:
            cell.metadata.pop(key, None)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", ()):
            cell.id = "injected-parameters"
            if published_parameters is not None:
                kernel = nb.metadata.kernelspec
                cell.source = translate_parameters(kernel.name, kernel.language, published_parameters, "Parameters")
    executed = (cell for cell in nb.cells if cell.cell_type == "code" and cell.get("execution_count"))
    for count, cell in enumerate(executed, start=1):
        cell.execution_count = count
        for output in cell.outputs:
            if "execution_count" in output:
                output.execution_count = count
    nbformat.write(nb, path)
