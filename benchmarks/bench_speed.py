"""Words per second on ONE CPU core: the trained pipeline and the whole extraction.

Measures, over the GUM news texts in ../shared/gold/gum, the median of several
repetitions of
  (a) tagging + parsing + NER with the bare trained pipeline (spacy.load of the
      shipped model directory), and
  (b) the full newslens extraction, newslens.analysis.analyze(article, nlp), with
      the built-in pipeline,
each next to the rules-only pipeline (load_pipeline("rules")) in the same run, so
numbers from a busy machine still compare. Words are spaCy tokens.

    python benchmarks/bench_speed.py [--texts DIR] [--repeat 5] [--core 0] [--output speed.json]
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_variable] = "1"  # before numpy is imported: one core means one BLAS thread

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable, Dict, List  # noqa: E402

import spacy  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO_ROOT.parent / "shared" / "gold" / "gum"
MODEL_DIR = REPO_ROOT / "src" / "newslens" / "models" / "en_newslens"


def median_words_per_second(run_once: Callable[[], None], words: int, repeat: int) -> float:
    """One warm-up pass (caches, lazy loading), then the median over `repeat` timed passes."""
    run_once()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_once()
        timings.append(time.perf_counter() - start)
    return words / statistics.median(timings)


def bench_bare_pipeline(texts: List[str], words: int, repeat: int) -> Dict[str, float]:
    from newslens.nlp import load_pipeline

    pipelines = {"trained": spacy.load(MODEL_DIR), "rules_only": load_pipeline("rules")}
    return {
        name: median_words_per_second(lambda nlp=nlp: [nlp(text) for text in texts], words, repeat)
        for name, nlp in pipelines.items()
    }


def bench_extraction(paths: List[Path], words: int, repeat: int) -> Dict[str, float]:
    from newslens.analysis import analyze
    from newslens.article import read_article
    from newslens.nlp import load_pipeline

    articles = [read_article(path) for path in paths]
    pipelines = {"builtin": load_pipeline(None), "rules_only": load_pipeline("rules")}
    return {
        name: median_words_per_second(lambda nlp=nlp: [analyze(a, nlp) for a in articles], words, repeat)
        for name, nlp in pipelines.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of *.txt articles")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--core", type=int, default=0, help="the CPU core to pin to")
    parser.add_argument("--output", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()

    os.sched_setaffinity(0, {args.core})
    paths = sorted(args.texts.glob("*.txt"))
    texts = [path.read_text(encoding="utf8") for path in paths]
    words = sum(len(doc) for doc in spacy.blank("en").tokenizer.pipe(texts))
    results = {
        "texts": len(texts),
        "words": words,
        "repeat": args.repeat,
        "cores": 1,
        "load_average_before": round(os.getloadavg()[0], 2),
        "bare_pipeline_wps": bench_bare_pipeline(texts, words, args.repeat),
        "extraction_wps": bench_extraction(paths, words, args.repeat),
    }
    for key in ("bare_pipeline_wps", "extraction_wps"):
        for name, wps in results[key].items():
            print(f"{key:18} {name:10} {wps:10,.0f} words/s")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
