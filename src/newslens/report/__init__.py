"""Reports: the notebooks (package data in notebooks/), the papermill + nbconvert engine and the helpers the
notebooks call. `from newslens import report` is what a report notebook imports."""
from newslens.report.engine import (NOTEBOOK, build_report, build_reports, execute_notebook, execution_failure,
                                    export_json, iter_reports, keep_figure, locate, make_reproducible, one_line,
                                    open_staging, packaged_notebook, provenance, publish, remote_resources,
                                    start_kernel, to_html)

__all__ = [
    "NOTEBOOK", "build_report", "build_reports", "execute_notebook", "execution_failure", "export_json",
    "iter_reports", "keep_figure", "locate", "make_reproducible", "one_line", "open_staging", "packaged_notebook",
    "provenance", "publish", "remote_resources", "start_kernel", "to_html",
]
