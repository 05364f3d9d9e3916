"""The report engine: a notebook executed with papermill in a quiet Jupyter kernel, and the staging folder
every report is written to first.

All-or-nothing, by newslens's one publishing protocol (`newslens.io.publish`): every output is first written
to a staging folder of the run's own inside the output folder, and moved into place under a lock only after the
notebook ran and converted cleanly, so a failure never leaves a half-written report behind, and concurrent runs
into one folder never share files: the last one to finish publishes its whole report. The next run into the
folder removes staging folders of killed runs.

papermill and nbformat are imported inside the functions that use them: the notebook's kernel imports this
package for its helpers, and they cost seconds to import.

The notebooks are package data (newslens/report/notebooks, found with importlib.resources), so reports work
from an installed wheel; the repository's notebooks/ folder links to them. The maintainers' refresh of the
committed notebooks and reports is tools/refresh.py.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from jupyter_client.manager import KernelManager

from newslens.io.publish import open_staging, publish, remove_stale_staging  # noqa: F401  (re-exported)


def packaged_notebook(name: str) -> Path:
    """A notebook shipped inside the package (newslens/report/notebooks/NAME), as a file path."""
    return Path(str(resources.files("newslens.report") / "notebooks" / name))


NOTEBOOK = packaged_notebook("article_report.ipynb")
# No kernel chatter on the terminal: start-up notices, nor the "KeyboardInterrupt caught in kernel" a kernel
# logs when it is stopped at the end of a run (cell errors reach papermill, not this log).
QUIET_KERNEL = ["--IPKernelApp.log_level=ERROR"]
CELL_TIMEOUT_S = 300  # one article takes seconds per cell; a stuck extraction must fail, not hang a batch
# Cell metadata papermill writes on every run (timings, status); dropped so refreshes diff cleanly.
VOLATILE_METADATA = ("papermill", "execution")


def exception_line(exc: BaseException) -> str:
    """An exception as one line: messages from kernels and templates can span many."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def execution_failure(exc: Exception) -> str:
    """The failing cell's own error (papermill wraps it with the whole traceback)."""
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    return f"{ename}: {' '.join(str(evalue).split())}" if ename else exception_line(exc)


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
