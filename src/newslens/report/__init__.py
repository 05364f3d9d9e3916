"""Reports: the notebooks (package data in notebooks/), the engine that executes them (engine), their HTML
(html), the helpers the notebooks call (notebook) and the article reports built from them (batch).
`from newslens import report` is what a report notebook imports."""
from newslens.report.batch import build_report, build_reports, iter_reports
from newslens.report.engine import (NOTEBOOK, execute_notebook, execution_failure, make_reproducible, exception_line,
                                    open_staging, packaged_notebook, publish, start_kernel)
from newslens.report.html import remote_resources, to_html
from newslens.report.notebook import export_json, keep_figure, locate, provenance

__all__ = [
    "NOTEBOOK", "build_report", "build_reports", "execute_notebook", "execution_failure", "export_json",
    "iter_reports", "keep_figure", "locate", "make_reproducible", "exception_line", "open_staging", "packaged_notebook",
    "provenance", "publish", "remote_resources", "start_kernel", "to_html",
]
