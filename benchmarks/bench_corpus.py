"""Corpus mode at scale: throughput with 1 and 2 workers, peak memory at 200 and 2,000 articles, the resumed
run, a Dask LocalCluster against local workers, and corpus mode against the one-article path.

The corpus is generated at run time outside the repository (a temporary folder unless --work is given):
the texts newslens may use (seeds/ and examples/corpus/) duplicated under new ids. Every run is the real
command line (`python -m newslens corpus ...`) in a fresh process; memory is the sum of the
resident memory of its whole process tree (workers and the report kernel included), sampled every 0.1 s,
and `cores_used` the CPU seconds the tree got per second of wall time. The machine is shared, so only
ratios within one run mean much, and `cores_used` says whether a second core was there to be had.

    python benchmarks/bench_corpus.py [--articles 2000] [--small 200] [--speed 400] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"(?P<done>[\d,]+) articles done, (?P<up>[\d,]+) up to date, (?P<failed>[\d,]+) failed, "
                     r"(?P<wps>[\d,]+) words/s")


def source_texts() -> list[str]:
    """The bodies of every article newslens may use (front matter and JSONL metadata set aside)."""
    sys.path.insert(0, str(REPO / "src"))
    from newslens.corpus.sources import CorpusArticle, iter_articles

    return [item.article.text for item in iter_articles([REPO / "seeds", REPO / "examples" / "corpus"])
            if isinstance(item, CorpusArticle)]


def make_corpus(folder: Path, count: int, texts: list[str]) -> int:
    """count .txt articles in folder, cycling through the texts; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(count):
        text = texts[number % len(texts)]
        # a distinct first line per copy: every article is new text (no result can be shared)
        (folder / f"article_{number:05d}.txt").write_text(f"Copy {number} of a test article\n\n{text}",
                                                           encoding="utf-8")
        words += len(text.split()) + 6
    return words


def sample_tree(process: psutil.Process, cpu: dict[int, float]) -> int:
    """The resident memory of the process and its descendants now; records each one's CPU seconds so far."""
    total = 0
    try:
        tree = [process, *process.children(recursive=True)]
    except psutil.Error:  # the run is ending: its processes are going
        return 0
    for p in tree:
        try:
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
    return total


def run(args: list[str]) -> dict:
    """Run `newslens corpus ARGS`: wall time, the summary line's counts and the peak memory of its process tree."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newslens", "corpus", *args], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    peak = 0
    cpu: dict[int, float] = {}
    watched = psutil.Process(child.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, sample_tree(watched, cpu))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"newslens corpus {' '.join(args)} failed ({child.returncode}): {stderr.strip()[-500:]}")
    match = SUMMARY.search(stdout)
    counts = {key: int(value.replace(",", "")) for key, value in match.groupdict().items()}
    # CPU seconds the whole tree got per wall second: how many cores the shared machine gave the run
    return {"wall_s": round(wall, 2), "peak_mib": round(peak / 2**20), "cores_used": round(sum(cpu.values()) / wall, 2),
            **counts}


def in_process_speed(folder: Path, limit: int) -> float:
    """Words per second of the one-article path (`newslens extract`'s analyze), pipeline already loaded."""
    code = f"""
import time
from pathlib import Path
from newslens import analyze, load_pipeline, read_article
paths = sorted(Path({str(folder)!r}).glob('*.txt'))[:{limit}]
nlp = load_pipeline()
analyze(read_article(paths[0]), nlp)
start = time.perf_counter(); words = 0
for p in paths:
    a = read_article(p); analyze(a, nlp); words += len(a.text.split())
print(words / (time.perf_counter() - start))
"""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return float(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--speed", type=int, default=400, help="articles in the 1 vs 2 worker and Dask runs")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed after)")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="newslens-bench-corpus-"))
    results: dict = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()], "cores": os.cpu_count()}
    try:
        texts = source_texts()
        big, small, speed = work / "big", work / "small", work / "speed"
        results["corpus_words"] = make_corpus(big, options.articles, texts)
        make_corpus(small, options.small, texts)
        speed_words = make_corpus(speed, options.speed, texts)
        results["texts"] = len(texts)

        results["extract_path_words_per_s"] = round(in_process_speed(speed, 100))
        results["speed_1_worker"] = run([str(speed), "--out", str(work / "out1"), "--workers", "1"])
        results["speed_2_workers"] = run([str(speed), "--out", str(work / "out2"), "--workers", "2"])
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster:
            results["speed_dask_2_workers"] = run([str(speed), "--out", str(work / "outdask"),
                                                   "--scheduler", cluster.scheduler_address])
        results["small_2_workers"] = run([str(small), "--out", str(work / "outsmall"), "--workers", "2"])
        results["big_2_workers"] = run([str(big), "--out", str(work / "outbig"), "--workers", "2"])
        results["big_resumed"] = run([str(big), "--out", str(work / "outbig"), "--workers", "2"])
    finally:
        if options.work is None:
            shutil.rmtree(work, ignore_errors=True)
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    one, two, dask = results["speed_1_worker"], results["speed_2_workers"], results["speed_dask_2_workers"]
    for run_result in (one, two, dask):
        run_result["articles_per_s"] = round(run_result["wps"] * run_result["done"] / speed_words, 1)
    results["ratios"] = {
        "2_vs_1_workers_words_per_s": round(two["wps"] / one["wps"], 2),
        "2_vs_1_workers_wall": round(one["wall_s"] / two["wall_s"], 2),
        "dask_vs_local_2_workers_words_per_s": round(dask["wps"] / two["wps"], 2),
        "peak_memory_2000_vs_200": round(results["big_2_workers"]["peak_mib"] / results["small_2_workers"]["peak_mib"], 2),
        "resumed_vs_first_wall": round(results["big_resumed"]["wall_s"] / results["big_2_workers"]["wall_s"], 3),
        "corpus_1_worker_vs_extract_path_words_per_s": round(one["wps"] / results["extract_path_words_per_s"], 2),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
