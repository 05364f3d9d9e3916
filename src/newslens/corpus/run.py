"""Corpus run: map the article analysis over the article stream, locally or on a Dask cluster.

Both ways are a `concurrent.futures.Executor`: a local process pool (`--workers N`) or the executor of a
`dask.distributed.Client` (`--scheduler ADDRESS`). Work goes out in batches of articles (one `nlp.pipe`
call each) to workers that load their pipeline once and keep it; results come back as JSON text and the
calling process writes them, so a cluster needs no shared disk. At most a few batches are in flight at a
time: the stream is read only as fast as it is analysed, and memory stays flat however long it is.
Results are written in whatever order they finish; everything downstream reads them sorted by id, so
local and Dask runs, with any number of workers, give the same files.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from newslens.io.article import article_from_text
from newslens.corpus.overview import counted
from newslens.corpus.sources import (JSONL_SUFFIXES, CorpusArticle, SourceError, input_files, iter_articles,
                                     unreadable_inputs)
from newslens.corpus.store import CORPUS_REPORT, Store, has_corpus_report, result_json
from newslens.exceptions import CorpusError, Terminated
from newslens.model import PipelineInfo
from newslens.pipeline.catalog import known_pipeline

BATCH_SIZE = 8  # articles per task and per nlp.pipe call: enough to batch, small enough to spread evenly
BATCHES_IN_FLIGHT_PER_WORKER = 2  # one running, one waiting: workers never idle, the reader never races ahead
DASK_CONNECT_TIMEOUT = "20s"
POLL_S = 2.0  # how often a run waiting for results checks that it still has workers
WORKERS_LOST_TIMEOUT_S = 30.0  # how long a run waits for a worker when the cluster has none left
STOP_TIMEOUT_S = 5.0  # how long stopped worker processes get to exit before they are killed
WARM_UP_TEXT = "Minister visits Paris\n\nThe minister said on Monday that talks with France would go on.\n"
# What a local worker imports once, in the server it is forked from; the main process imports none of it
# (analysis and the pipeline load inside the worker functions), so a run with nothing to do never loads spaCy.
WORKER_MODULES = ["newslens.corpus.run", "newslens.extract.analysis", "newslens.pipeline.load"]
# spaCy pipelines are not made for concurrent calls; a Dask worker may run several threads.
PIPELINE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one article: the JSON to store, or the one-line reason it failed."""

    doc_id: str
    origin: str
    words: int
    document: str | None = None
    error: str | None = None


@dataclass
class Progress:
    """The counts of a run so far, for the progress bar and the summary line."""

    done: int = 0
    up_to_date: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    doc_ids: list[str] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


def identity(info: PipelineInfo) -> dict:
    """The `pipeline` object every result records: what the resume check compares."""
    return {"backend": info.backend, "model": info.model, "version": info.version}


def pipeline_identity(model: str | None) -> dict:
    """The identity of the pipeline a run asks for; the built-in and rules pipelines are described without
    loading spaCy (a rerun with nothing to do never loads it), any other is loaded: a missing one fails here."""
    info = known_pipeline(model)
    if info is None:
        from newslens.pipeline.load import load_pipeline, pipeline_info

        info = pipeline_info(load_pipeline(model))
    return identity(info)


def warm_up(model: str | None) -> dict:
    """Runs on each worker before its first batch: load the pipeline and what extraction loads on first use
    (place names, lemmas) by analysing one tiny article; returns the pipeline identity the worker sees."""
    from newslens.extract.analysis import analyze
    from newslens.pipeline.load import load_pipeline, pipeline_info

    nlp = load_pipeline(model)
    analyze(article_from_text(WARM_UP_TEXT, doc_id="warm-up"), nlp)
    return identity(pipeline_info(nlp))


def analyze_one(item: CorpusArticle, nlp) -> Outcome:
    from newslens.extract.analysis import analyze

    words = len(item.article.text.split())
    try:
        document = result_json(analyze(item.article, nlp).to_dict(), item)
    except Exception as exc:  # an extraction bug on one article must not stop the corpus
        return Outcome(item.doc_id, item.origin, words, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return Outcome(item.doc_id, item.origin, words, document=document)


def analyze_batch(items: list[CorpusArticle], model: str | None) -> list[Outcome]:
    """Runs on a worker: one nlp.pipe pass over the batch; if any article fails, each alone, to find it."""
    from newslens.extract.analysis import analyze_many
    from newslens.pipeline.load import load_pipeline

    nlp = load_pipeline(model)  # cached per process: one pipeline per worker
    with PIPELINE_LOCK:
        try:
            analyses = analyze_many([item.article for item in items], nlp, batch_size=len(items))
            return [Outcome(item.doc_id, item.origin, len(item.article.text.split()),
                            document=result_json(analysis.to_dict(), item))
                    for item, analysis in zip(items, analyses)]
        except Exception:
            return [analyze_one(item, nlp) for item in items]


def exit_with(parent: int) -> None:
    """Runs in a worker: exit at once when the process `parent` ends, however it ends (kill -9 included).
    A pidfd becomes readable when its process exits (Linux); elsewhere the parent is polled."""
    try:
        handle = os.pidfd_open(parent)
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
        else:
            while True:
                time.sleep(1.0)
                try:
                    os.kill(parent, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    continue
        os._exit(1)

    threading.Thread(target=watch, name="newslens-parent-watch", daemon=True).start()


def start_worker(parent: int) -> None:
    """The initializer of each local worker: Ctrl-C is the main process's to handle (it stops the pool), and
    the worker dies with the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with(parent)


def local_pool(workers: int) -> cf.ProcessPoolExecutor:
    """Worker processes forked from a server that has imported newslens once (cheap to start, and safe:
    nothing is forked from a process that runs threads)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(WORKER_MODULES)
    else:
        context = multiprocessing.get_context("spawn")
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker,
                                  initargs=(os.getpid(),))


def stop_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Stop the pool now (an interrupt, an error): cancel what waits, end the workers, leave none behind."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)


def always() -> bool:
    return True


@dataclass(frozen=True)
class Workers:
    """Where the work runs: the executor, how many workers it has, whether any is left, and how it is named
    in a message."""

    executor: cf.Executor
    count: int
    alive: Callable[[], bool] = always
    where: str = "the local worker processes"


def check_identities(identities: list[dict], pipeline: dict) -> None:
    """Workers must run the pipeline this process resumes against, or results would be mislabelled."""
    for identity in identities:
        if identity != pipeline:
            raise CorpusError(f"a worker runs the pipeline {identity}, this process {pipeline}: install the same "
                              f"newslens and model everywhere")


@contextmanager
def open_workers(workers: int, scheduler: str | None, model: str | None, pipeline: dict) -> Iterator[Workers]:
    """A local process pool, or the Dask cluster at `scheduler`, with every worker warmed up."""
    if scheduler is None:
        pool = local_pool(workers)
        try:
            # the pool starts a process per task it cannot hand to an idle one: one warm-up each
            try:
                check_identities([f.result() for f in [pool.submit(warm_up, model) for _ in range(workers)]],
                                 pipeline)
            except BrokenProcessPool as exc:
                raise CorpusError(f"the worker processes could not start: {exc}") from None
            yield Workers(pool, workers)
        except BaseException:  # Ctrl-C, SIGTERM, an error: no worker may outlive the run
            stop_pool(pool)
            raise
        pool.shutdown(wait=True)
        return
    from distributed import Client

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise CorpusError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
    try:
        identities = client.run(warm_up, model)  # on every worker of the cluster
        if not identities:
            raise CorpusError(f"the Dask cluster at {scheduler} has no workers")
        check_identities(list(identities.values()), pipeline)

        def alive() -> bool:
            try:
                return bool(client.nthreads())
            except Exception:  # the scheduler is gone too
                return False

        with client.get_executor(pure=False) as executor:
            yield Workers(executor, len(identities), alive, f"the Dask cluster at {scheduler}")
    finally:
        client.close()


def count_articles(inputs: Iterable[str | Path], exclude: Path | None = None, follow_links: bool = False) -> int:
    """How many articles the inputs hold (files, plus lines of JSONL files), for the progress bar's ETA."""
    total = 0
    for path in input_files(inputs, exclude, follow_links):
        if isinstance(path, Path) and path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                total += 1  # counted as the one error it will be
        else:
            total += 1
    return total


def warn(message: str) -> None:
    tqdm.write(f"newslens: warning: {' '.join(message.split())}", file=sys.stderr)


def wait_for_results(in_flight: dict[cf.Future, list[CorpusArticle]], workers: Workers) -> set[cf.Future]:
    """The batches finished so far (at least one); fails in one line when the workers are all gone and none
    comes back within WORKERS_LOST_TIMEOUT_S (a local pool reports its dead workers itself)."""
    lost_since = None
    while True:
        finished, _ = cf.wait(in_flight, timeout=POLL_S, return_when=cf.FIRST_COMPLETED)
        if finished:
            return finished
        if workers.alive():
            lost_since = None
            continue
        lost_since = lost_since if lost_since is not None else time.monotonic()
        if time.monotonic() - lost_since > WORKERS_LOST_TIMEOUT_S:
            raise CorpusError(f"{workers.where} has no worker left (waited {WORKERS_LOST_TIMEOUT_S:.0f} s for "
                              f"one); rerun to resume")


def extract_corpus(inputs: list[str], store: Store, pipeline: dict, start_workers: Callable[[], Workers],
                   model: str | None, bar: tqdm, keep_texts: bool = False,
                   report_failure: Callable[[str], None] = warn, follow_links: bool = False) -> Progress:
    """Analyse every article of the inputs that has no up-to-date result; write each result as it comes
    (and, with keep_texts, the text each article report will need). Workers start with the first article
    to analyse: a run with nothing to do starts none. The clock runs from when they are ready."""
    progress = Progress()
    workers: list[Workers] = []
    started = 0.0

    def fail(error: SourceError) -> None:
        progress.failed += 1
        progress.errors.append(error)
        report_failure(f"{error.path_or_id}: {error.error}")
        bar.set_postfix(failed=progress.failed, refresh=False)
        bar.update()

    def collect(futures: dict[cf.Future, list[CorpusArticle]], finished: set[cf.Future]) -> None:
        for future in finished:
            batch = futures.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker died (out of memory, killed): its articles failed
                outcomes = [Outcome(i.doc_id, i.origin, 0, error=f"worker failed: {type(exc).__name__}: {exc}")
                            for i in batch]
            for outcome in outcomes:
                if outcome.error is not None:
                    fail(SourceError(outcome.origin, outcome.error))
                    continue
                store.write(outcome.doc_id, outcome.document)
                progress.done += 1
                progress.words += outcome.words
                progress.doc_ids.append(outcome.doc_id)
                bar.update()

    in_flight: dict[cf.Future, list[CorpusArticle]] = {}
    batch: list[CorpusArticle] = []

    def submit() -> None:
        nonlocal started
        if not workers:
            workers.append(start_workers())
            started = time.perf_counter()
        try:
            in_flight[workers[0].executor.submit(analyze_batch, list(batch), model)] = list(batch)
        except BrokenProcessPool as exc:
            raise CorpusError(f"the worker processes stopped ({exc}); rerun to resume") from None
        batch.clear()
        while len(in_flight) >= workers[0].count * BATCHES_IN_FLIGHT_PER_WORKER:
            collect(in_flight, wait_for_results(in_flight, workers[0]))

    for item in iter_articles(inputs, exclude=store.root, follow_links=follow_links):
        if isinstance(item, SourceError):
            fail(item)
            continue
        if keep_texts:
            store.keep_text(item)
        if store.reuse(item, pipeline):
            progress.up_to_date += 1
            progress.doc_ids.append(item.doc_id)
            bar.update()
        else:
            batch.append(item)
            if len(batch) == BATCH_SIZE:
                submit()
    if batch:
        submit()
    while in_flight:
        collect(in_flight, wait_for_results(in_flight, workers[0]))
    progress.seconds = time.perf_counter() - started if workers else 0.0
    return progress


@dataclass(frozen=True)
class CorpusSummary:
    """The outcome of `newslens corpus`: counts, speed and where the results are."""

    done: int
    up_to_date: int
    failed: int
    words: int
    seconds: float
    out_dir: Path
    report: Path | None = None

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{counted(self.done, 'article')} done, {self.up_to_date:,} up to date, {self.failed:,} failed, "
                f"{self.words_per_second:,.0f} words/s")


@contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While the run lasts, SIGTERM raises Terminated in the main thread, so the run unwinds as on Ctrl-C:
    the pool is stopped and no worker is left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_corpus(inputs: list[str], out_dir: str | Path, workers: int | None = None, scheduler: str | None = None,
               model: str | None = None, reports: bool = False, progress: bool = False,
               html: bool = True, follow_links: bool = False) -> CorpusSummary:
    """Extract every article, write DIR/articles, DIR/errors.csv and DIR/tables, then (html) DIR/corpus.html
    and (reports) one report per article under DIR/reports. Raises CorpusError when no article succeeded.
    A symbolic link in an input folder that points out of it is skipped (listed) unless `follow_links`."""
    with sigterm_unwinds(), Store(out_dir) as store:
        return corpus_run(inputs, store, workers, scheduler, model, reports, progress, html, follow_links)


def corpus_run(inputs: list[str], store: Store, workers: int | None, scheduler: str | None, model: str | None,
               reports: bool, progress: bool, html: bool, follow_links: bool) -> CorpusSummary:
    from newslens.corpus.tables import build_tables  # here: worker processes, which import this module, need none

    refused = unreadable_inputs(inputs)
    if refused:
        raise CorpusError(refused)
    pipeline = pipeline_identity(model)  # a missing model fails here, in one line, before DIR exists
    store.prepare()
    workers = workers or os.cpu_count() or 1
    total = count_articles(inputs, store.root, follow_links) if progress else None
    with ExitStack() as stack:
        bar = stack.enter_context(tqdm(total=total, disable=not progress, unit="article", file=sys.stderr,
                                       dynamic_ncols=True))
        counts = extract_corpus(
            inputs, store, pipeline, lambda: stack.enter_context(open_workers(workers, scheduler, model, pipeline)),
            model, bar, keep_texts=reports, follow_links=follow_links)
    store.write_errors(counts.errors)
    if not counts.doc_ids:
        where = f" (see {store.root / 'errors.csv'})" if counts.failed else ""
        raise CorpusError(f"no article could be analysed{where}")
    changed = build_tables(store, sorted(counts.doc_ids))
    report_path = None
    if reports:
        from newslens.corpus.report import build_article_reports

        changed = build_article_reports(store, sorted(counts.doc_ids), model, warn) or changed
    if html and not changed and has_corpus_report(store.root):
        report_path = store.root / CORPUS_REPORT  # up to date: papermill and matplotlib need not load
    elif html:
        from newslens.corpus.report import build_corpus_report

        report_path = build_corpus_report(store.root, rebuild=changed)
    return CorpusSummary(done=counts.done, up_to_date=counts.up_to_date, failed=counts.failed, words=counts.words,
                         seconds=counts.seconds, out_dir=store.root, report=report_path)
