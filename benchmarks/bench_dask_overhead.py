"""Where a Dask run's CPU goes, against the local process pool: CPU seconds per article by process role.

Throughput (words/s) on a shared 2-core machine measures the machine's load as much as newslens; CPU seconds
per article do not depend on how many cores the run was given. This runs the same corpus (copies of the
texts newslens may use, as bench_corpus.py makes them) with `--workers 2` and with a Dask LocalCluster of
2 single-threaded worker processes, and sums the CPU seconds of every process involved, by role:
the newslens main process, its workers (pool workers or Dask workers), and what only Dask has (the
scheduler, which runs in this process, and one nanny per worker). It also times a round trip of an
empty task through the Dask executor, and the pickled size of a batch and its results.

    python benchmarks/bench_dask_overhead.py [--articles 80]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import REPO, make_corpus, source_texts  # noqa: E402


def cpu_seconds(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
        return times.user + times.system
    except psutil.Error:
        return 0.0


class TreeCpu:
    """Samples the CPU seconds of processes while they live (a process's last sample is kept after it ends)."""

    def __init__(self, roots: list[psutil.Process]):
        self.roots, self.seen, self.stop = roots, {}, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            for root in self.roots:
                try:
                    tree = [root, *root.children(recursive=True)]
                except psutil.Error:
                    continue
                for p in tree:
                    try:
                        self.seen[p.pid] = (" ".join(p.cmdline()[:4]), cpu_seconds(p))
                    except psutil.Error:
                        pass
            self.stop.wait(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def run_corpus(args: list[str], extra_roots: list[psutil.Process]) -> tuple[float, dict]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    before = {p.pid: cpu_seconds(p) for root in extra_roots for p in [root, *root.children(recursive=True)]}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newslens", "corpus", *args, "--quiet"], env=env)
    with TreeCpu([psutil.Process(child.pid), *extra_roots]) as tree:
        child.wait()
    wall = time.perf_counter() - started
    spent = {pid: (name, cpu - before.get(pid, 0.0)) for pid, (name, cpu) in tree.seen.items()}
    return wall, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=80)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newslens-bench-dask-"))
    folder = work / "in"
    words = make_corpus(folder, options.articles, source_texts())
    results: dict = {"articles": options.articles, "words": words,
                     "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    wall, spent = run_corpus([str(folder), "--out", str(work / "local"), "--workers", "2"], [])
    results["local_2_workers"] = {"wall_s": round(wall, 1), "cpu_s": round(sum(c for _, c in spent.values()), 1),
                                  "by_process": sorted((round(c, 2), n) for n, c in spent.values())[::-1][:6]}
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster:
        me = psutil.Process()
        wall, spent = run_corpus([str(folder), "--out", str(work / "dask"), "--scheduler",
                                  cluster.scheduler_address], [me])
        results["dask_2_workers"] = {"wall_s": round(wall, 1), "cpu_s": round(sum(c for _, c in spent.values()), 1),
                                     "by_process": sorted((round(c, 2), n) for n, c in spent.values())[::-1][:8]}
        with Client(cluster, set_as_default=False) as client, client.get_executor(pure=False) as executor:
            executor.submit(int).result()
            started = time.perf_counter()
            for _ in range(50):
                executor.submit(int).result()
            results["dask_empty_task_round_trip_ms"] = round((time.perf_counter() - started) / 50 * 1000, 1)
    stored = sorted((work / "local" / "articles").glob("*.json"))[:8]
    results["pickled_batch_result_bytes"] = len(pickle.dumps([p.read_text(encoding="utf-8") for p in stored]))
    for key in ("local_2_workers", "dask_2_workers"):
        results[key]["cpu_s_per_article"] = round(results[key]["cpu_s"] / options.articles, 3)
    results["dask_vs_local_cpu_per_article"] = round(results["dask_2_workers"]["cpu_s"]
                                                     / results["local_2_workers"]["cpu_s"], 2)
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
