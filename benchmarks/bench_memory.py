"""Peak memory and time per word of one extraction: a ~1.9 MB article against a ~2 KB one.

The big article is assembled at run time (never committed) from the gold articles in
../shared/gold and the sentences of the corpora in ../shared/corpora (CoNLL-U `# text =` lines, one
paragraph per `# newpar`), up to just under the 2 MB input limit. Each size runs in a fresh
process, so the peak resident set (ru_maxrss) is that extraction's own, model loading included;
`--trace` adds tracemalloc's largest allocation sites for the big article (slower: not timed).

    python benchmarks/bench_memory.py [--model NAME] [--big-bytes 1900000] [--trace] [--output memory.json]

Prints one JSON object: per size, characters, words (spaCy tokens), seconds (the median of 15 runs for
the small article), words per second, peak MB (and before the extraction, with the model loaded);
then the ratios big/small of seconds per word and of peak memory. The small article runs before and
after the big one, and its mean time per word is the reference, as the load of a shared machine drifts.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SMALL_BYTES = 2_000


def gold_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("gold/**/*.txt"))]


def corpus_paragraphs() -> list[str]:
    """Paragraphs of the corpora's sentences, in file order."""
    paragraphs: list[str] = []
    for path in sorted(SHARED.glob("corpora/**/*.conllu")):
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") and not line.startswith("# newpar_") and current:
                paragraphs.append(" ".join(current))
                current = []
            elif line.startswith("# text = "):
                current.append(line[len("# text = "):])
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


def build_article(limit: int) -> str:
    """Whole paragraphs (gold articles first, then corpus paragraphs, again if needed) up to `limit` UTF-8 bytes."""
    parts, size = [], 0
    for paragraph in itertools.chain.from_iterable(itertools.repeat([*gold_texts(), *corpus_paragraphs()], 3)):
        paragraph = paragraph.strip()
        cost = len(paragraph.encode("utf-8")) + 2
        if size + cost > limit:
            if size >= limit * 0.9:
                break
            continue
        parts.append(paragraph)
        size += cost
    return "\n\n".join(parts) + "\n"


def measure(path: Path, model: str | None, trace: bool) -> dict:
    """Extract one article in this process; the peak RSS covers this extraction and the model."""
    if trace:
        import tracemalloc
        tracemalloc.start(8)
    from newslens.extract.analysis import analyze
    from newslens.io.article import read_article
    from newslens.pipeline.load import load_pipeline

    nlp = load_pipeline(model)
    nlp("Warm-up: the model loads its weights on first use.")
    article = read_article(path)
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    repeat = 1 if len(article.text) > 100_000 else 15  # a short article: median of several runs
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        analyze(article, nlp)
        timings.append(time.perf_counter() - start)
    seconds = statistics.median(timings)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = len(nlp.make_doc(article.text))
    result = {"characters": len(article.text), "words": words, "seconds": round(seconds, 4),
              "words_per_second": round(words / seconds), "peak_mb": round(peak_mb),
              "peak_mb_before_extraction": round(base_mb)}
    if trace:
        current, peak = tracemalloc.get_traced_memory()
        result["tracemalloc_peak_mb"] = round(peak / 2**20)
        top = tracemalloc.take_snapshot().statistics("traceback")[:5]
        result["largest_live_sites"] = [f"{s.size / 2**20:.0f} MB {s.traceback.format()[-1].strip()}" for s in top]
    return result


def run_case(path: Path, model: str | None, trace: bool) -> dict:
    command = [sys.executable, __file__, "--measure", str(path)] + (["--model", model] if model else []) + \
        (["--trace"] if trace else [])
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"measuring {path.name} failed:\n{run.stderr}")
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="spaCy pipeline (default: the built-in one)")
    parser.add_argument("--big-bytes", type=int, default=1_900_000)
    parser.add_argument("--trace", action="store_true", help="tracemalloc's top allocation sites (big article)")
    parser.add_argument("--output", type=Path, help="also write the results as JSON here")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one size, this process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.model, args.trace)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp, "small.txt"), Path(tmp, "big.txt")
        small.write_text(build_article(SMALL_BYTES), encoding="utf-8")
        big.write_text(build_article(args.big_bytes), encoding="utf-8")
        # small, big, small again: on a shared machine the load drifts; the two small runs bracket the big one
        results = {"model": args.model or "builtin", "small": run_case(small, args.model, False),
                   "big": run_case(big, args.model, False), "small_again": run_case(small, args.model, False)}
        if args.trace:
            results["big_traced"] = run_case(big, args.model, True)
    small_per_word = statistics.mean(results[k]["seconds"] / results[k]["words"] for k in ("small", "small_again"))
    results["seconds_per_word_big_over_small"] = round(results["big"]["seconds"] / results["big"]["words"]
                                                       / small_per_word, 2)
    results["peak_mb_big_over_small"] = round(results["big"]["peak_mb"] / results["small"]["peak_mb"], 2)
    text = json.dumps(results, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
