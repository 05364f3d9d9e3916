"""Maintainers' refresh (run after extraction changes): re-execute the committed notebooks in place on their
defaults, as nbval runs them, and rebuild the committed outputs. Not part of the package: it writes into the
source checkout.

    python tools/refresh.py article [--evaluation]   notebooks/article_report.ipynb and reports/ for the seed
                                                     (--evaluation: also reports/evaluation_{gum,re3d}.html
                                                     from ../shared/gold)
    python tools/refresh.py corpus                   examples/corpus_out and notebooks/corpus_report.ipynb
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from newslens.corpus import report as corpus_report
from newslens.corpus.run import run_corpus
from newslens.exceptions import NewslensError, ReportError
from newslens.io.publish import publish, staging
from newslens.report import (NOTEBOOK, build_report, execute_notebook, execution_failure, make_reproducible,
                             packaged_notebook, to_html)

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = "seeds/000_a7f3773a7dc7432f.txt"
EVALUATION_NOTEBOOK = packaged_notebook("evaluation.ipynb")
EXAMPLE_INPUT = "examples/corpus"
EXAMPLE_OUTPUT = "examples/corpus_out"


def refresh_notebook(notebook: Path = NOTEBOOK) -> None:
    """Re-execute the committed notebook in place on its defaults (the seed), as nbval will run it."""
    executed = notebook.with_name(f".{notebook.stem}.refresh.ipynb")
    try:
        try:
            execute_notebook(notebook, executed, parameters={}, cwd=notebook.parent)
        except Exception as exc:
            raise ReportError(f"{notebook.name}: the notebook failed: {execution_failure(exc)}") from exc
        make_reproducible(executed)
        os.replace(executed, notebook)
    finally:
        executed.unlink(missing_ok=True)


def build_evaluation(gold_dir: str, name: str, out_dir: str | Path = "reports") -> Path:
    """reports/evaluation_NAME.html: notebooks/evaluation.ipynb run on a gold folder (a development tool:
    the gold lives in ../shared, which users and CI may not have). The kernel runs in the repository
    root, so the folder is handed over relative to it."""
    out = Path(out_dir)
    html = Path(f"evaluation_{name}.html")
    with staging(out) as folder:
        executed = folder / f"evaluation_{name}.ipynb"
        gold = os.path.relpath(Path(gold_dir).resolve(), REPO_ROOT)
        execute_notebook(EVALUATION_NOTEBOOK, executed, {"gold_dir": gold}, cwd=REPO_ROOT)
        make_reproducible(executed)
        (folder / html).write_text(to_html(executed, f"newslens evaluation: {name}"), encoding="utf8")
        publish(folder, out, [html])
    return out / html


def refresh_article(evaluation: bool) -> None:
    refresh_notebook()
    print(build_report(SEED_ARTICLE, "reports"))
    for name in ("gum", "re3d") if evaluation else ():
        print(build_evaluation(f"../shared/gold/{name}", name))


def refresh_corpus() -> None:
    """Re-run the example corpus (committed under examples/) and the corpus notebook in place on it."""
    shutil.rmtree(EXAMPLE_OUTPUT, ignore_errors=True)
    run_corpus([EXAMPLE_INPUT], EXAMPLE_OUTPUT, workers=1, html=False)
    refresh_notebook(corpus_report.NOTEBOOK)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/refresh.py", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["article", "corpus"])
    parser.add_argument("--evaluation", action="store_true",
                        help="also rebuild reports/evaluation_gum.html and evaluation_re3d.html from ../shared/gold")
    args = parser.parse_args(argv)
    os.chdir(REPO_ROOT)  # the seed's report records its input path relative to the repository
    try:
        refresh_article(args.evaluation) if args.what == "article" else refresh_corpus()
    except NewslensError as exc:
        print(f"newslens: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
