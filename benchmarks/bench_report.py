"""Seconds per HTML report, and their ratio to the floor: an empty notebook run with the same imports.

Measures, in one run (so a busy machine shifts all numbers alike):
  (a) floor: papermill executing a notebook that holds only the report notebook's import lines, in a fresh
      kernel (the cost no report can avoid: start a kernel, import pandas, matplotlib, spaCy, newslens);
  (b) one report built alone, as `newslens report ONE.txt` does (a fresh kernel);
  (c) `newslens.report.iter_reports` over several articles in one kernel: the first report and each extra one.
Aims (issue 10): the first report within 2x the floor, at most 3 s per extra article.

    python benchmarks/bench_report.py [ARTICLE ...] [--repeat 3] [--output report_speed.json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from newslens.report import NOTEBOOK, build_report, execute_notebook, iter_reports

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = REPO_ROOT / "seeds" / "000_a7f3773a7dc7432f.txt"
GUM = REPO_ROOT.parent / "shared" / "gold" / "gum"


def imports_only_notebook(path: Path) -> None:
    """The report notebook's parameters and import lines, nothing else."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    lines = [line for cell in nb.cells if cell.cell_type == "code" for line in cell.source.splitlines()
             if line.startswith(("import ", "from ", "%matplotlib"))]
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", ())]
    nb.cells = cells + [nbformat.v4.new_code_cell("\n".join(lines))]
    nbformat.write(nb, path)


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    articles = args.articles or [SEED, *sorted(GUM.glob("*.txt"))[:5]]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        empty = tmp / "imports_only.ipynb"
        imports_only_notebook(empty)
        floor = statistics.median(timed(lambda: execute_notebook(empty, tmp / "out.ipynb", {}, cwd=REPO_ROOT))
                                  for _ in range(args.repeat))
        alone = statistics.median(timed(lambda: build_report(articles[0], tmp / "alone")) for _ in range(args.repeat))
        batch, start = [], time.perf_counter()
        for _, result in iter_reports(articles, tmp / "batch"):
            if isinstance(result, Exception):
                raise result
            now = time.perf_counter()
            batch.append(now - start)
            start = now
    extra = statistics.mean(batch[1:]) if len(batch) > 1 else float("nan")
    results = {
        "articles": len(articles), "floor_s": round(floor, 2), "one_report_alone_s": round(alone, 2),
        "one_report_alone_over_floor": round(alone / floor, 2), "batch_first_s": round(batch[0], 2),
        "batch_first_over_floor": round(batch[0] / floor, 2), "batch_extra_mean_s": round(extra, 2),
        "batch_extra_max_s": round(max(batch[1:], default=float("nan")), 2),
        "batch_total_s": round(sum(batch), 2), "batch_per_article_s": [round(t, 2) for t in batch],
    }
    print(json.dumps(results, indent=2))
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
