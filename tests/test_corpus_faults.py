"""Corpus mode under faults and hostile input (the fault probe of issue 20): a bad item is listed in
errors.csv and skipped, never a stopped run; concurrent runs into one folder; killed runs; lost workers;
Ctrl-C and SIGTERM. Texts are written for the tests."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from newslens.corpus import run as corpus_run
from newslens.corpus.sources import CorpusArticle, SourceError, iter_articles, unreadable_inputs
from newslens.corpus.store import Store, result_json
from newslens.exceptions import ArticleError

BODY = "Harbour workers strike\n\nThe union said the strike would go on until Friday.\n"
OTHER = "Ferry service resumes\n\nThe operator said the ferries would sail again on Monday.\n"


def articles(items) -> list[str]:
    return [i.doc_id for i in items if isinstance(i, CorpusArticle)]


def errors(items) -> dict[str, str]:
    return {i.path_or_id: i.error for i in items if isinstance(i, SourceError)}


# --- bad items are listed and skipped -------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_listed_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    bad = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(bad, "wb") as fh:
        fh.write(OTHER.encode("utf-8"))
    items = list(iter_articles([tmp_path]))
    assert articles(items) == ["good"]
    [(where, why)] = errors(items).items()
    assert where == f"{tmp_path}/caf\\xe9.txt" and "not valid UTF-8" in why
    where.encode("utf-8")  # printable and storable in errors.csv


def test_lone_surrogates_in_jsonl_text_or_id_are_listed_and_skipped(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        '{"id": "ok", "text": "The minister said so on Monday."}',
        '{"id": "t", "text": "The minister \\ud800 said so."}',
        '{"id": "x\\udc80", "text": "The minister said so."}',
        '{"id": "s", "text": "The minister said so.", "source": "\\udfff"}',
    ]) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert articles(items) == ["ok"]
    found = errors(items)
    assert sorted(found) == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "text is not valid Unicode" in found[f"{path}:2"] and "id is not valid Unicode" in found[f"{path}:3"]


def test_a_file_that_cannot_be_read_is_an_article_error(tmp_path, monkeypatch):
    from newslens.io.article import read_article

    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")
    original = Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ArticleError, match=r"locked.txt: cannot read: Permission denied$"):
        read_article(path)
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert articles(items) == ["good"] and "Permission denied" in errors(items)[str(path)]


def test_an_input_named_twice_is_read_once(tmp_path):
    folder = tmp_path / "H"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"id": "j1", "text": "The minister said so on Monday."}\n', encoding="utf-8")
    for inputs in ([folder, folder / "a.txt"], [folder, tmp_path / "." / "H"], [feed, feed],
                   [folder, tmp_path / "H" / ".." / "H" / "a.txt"]):
        items = list(iter_articles(inputs))
        assert not errors(items), inputs
        assert len(articles(items)) == 1, inputs


def test_jsonl_with_a_byte_order_mark_keeps_its_first_record(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "first", "text": "The minister said so."}\n'
                     b'{"id": "second", "text": "The mayor agreed."}\n')
    items = list(iter_articles([path]))
    assert articles(items) == ["first", "second"] and not errors(items)


def test_symlinks_out_of_the_input_folder_are_listed_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    folder = tmp_path / "H"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # inside the tree: the same article, read once
    items = list(iter_articles([folder]))
    assert articles(items) == ["a"]
    found = errors(items)
    assert set(found) == {str(folder / "passwd.txt"), str(folder / "elsewhere")}
    assert all("symbolic link out of the input folder" in why and "not followed" in why for why in found.values())
    followed = list(iter_articles([folder], follow_links=True))
    assert articles(followed) == ["a", "secret"] and not errors(followed)  # secret.txt once, by two links
    assert articles(iter_articles([folder / "passwd.txt"])) == ["passwd"]  # named on the command line: read


def test_broken_symlinks_and_loops_are_listed(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "notes").symlink_to(tmp_path / "nowhere")  # not an article name: nothing to say
    items = list(iter_articles([tmp_path]))
    assert articles(items) == ["a"]
    found = errors(items)
    assert set(found) == {str(tmp_path / "dangling.txt"), str(tmp_path / "loop.txt")}
    assert "broken symbolic link" in found[str(tmp_path / "dangling.txt")]
    assert "symbolic link loop" in found[str(tmp_path / "loop.txt")]
    assert "symbolic link loop" in errors(iter_articles([tmp_path / "loop.txt"]))[str(tmp_path / "loop.txt")]


def test_the_output_folder_is_never_read_as_input(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "a.txt").write_text(BODY, encoding="utf-8")
    items = list(iter_articles([tmp_path], exclude=out))
    assert articles(items) == ["a"] and not errors(items)
    named = errors(iter_articles([out / "texts"], exclude=out))
    assert "inside the output folder" in named[str(out / "texts")]


def test_file_stems_become_safe_ids(tmp_path):
    for name in ("brief#1.txt", "brief?1.txt", "50%.txt", "plain_name.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    ids = articles(iter_articles([tmp_path]))
    assert "plain_name" in ids and len(set(ids)) == 4
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") for i in ids)


def test_a_json_file_that_is_not_jsonl_is_refused_in_one_line(tmp_path):
    (tmp_path / "feed.json").write_text('[{"id": "a", "text": "CC BY 2.5"}]', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    message = unreadable_inputs([tmp_path / "a.txt", tmp_path / "feed.json"])
    assert message.startswith(f"{tmp_path / 'feed.json'}: corpus mode reads") and "\n" not in message
    assert ".jsonl" in message
    assert unreadable_inputs([tmp_path, tmp_path / "a.txt"]) is None  # a folder skips other files itself


# --- the store -------------------------------------------------------------------------------------

def stored_item(tmp_path: Path) -> CorpusArticle:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    [item] = iter_articles([tmp_path / "a.txt"])
    return item


def test_reuse_compares_the_pipeline_identity_not_its_warnings(tmp_path):
    item = stored_item(tmp_path)
    store = Store(tmp_path / "out")
    store.prepare()
    pipeline = {"backend": "spacy", "model": "builtin", "version": "1.0"}
    extraction = {"doc_id": item.doc_id, "text_sha256": item.article.sha256,
                  "pipeline": {**pipeline, "warnings": ["the text does not look like English"]},
                  "actors": [], "quotes": [], "relations": []}
    store.write(item.doc_id, result_json(extraction, item))
    assert store.reuse(item, pipeline)
    assert not store.reuse(item, {**pipeline, "version": "1.1"})


@pytest.mark.parametrize("stored", ["[]", "3", '"text"', "null", '{"pipeline": []}', '{"corpus": 1}'])
def test_a_stored_result_that_is_not_an_object_is_made_again(tmp_path, stored):
    item = stored_item(tmp_path)
    store = Store(tmp_path / "out")
    store.prepare()
    store.path(item.doc_id).write_text(stored, encoding="utf-8")
    assert store.reuse(item, {"backend": "spacy", "model": "builtin", "version": "1.0"}) is False


def test_errors_csv_sorts_line_numbers_as_numbers(tmp_path):
    store = Store(tmp_path)
    store.write_errors([SourceError(f"feed.jsonl:{n}", "bad") for n in (10, 9, 100, 2)]
                       + [SourceError("a.txt", "empty")])
    assert pd.read_csv(tmp_path / "errors.csv")["path_or_id"].tolist() == [
        "a.txt", "feed.jsonl:2", "feed.jsonl:9", "feed.jsonl:10", "feed.jsonl:100"]


def test_a_run_clears_temporary_files_of_killed_runs_unless_another_run_is_live(tmp_path):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    leftover = out / "articles" / ".a.json.x1y2z3.tmp"
    leftover.write_text("{", encoding="utf-8")
    kept = out / "articles" / "a.json"
    kept.write_text("{}", encoding="utf-8")
    with Store(out) as live:
        live.prepare()  # no other run: what a killed run left goes
        assert not leftover.exists() and kept.is_file()
        leftover.write_text("{", encoding="utf-8")  # now as if a live run were writing it
        with Store(out) as second:
            second.prepare()
            assert leftover.exists()  # another run is live: its temporary files are left alone
    with Store(out) as alone:
        alone.prepare()
    assert not leftover.exists() and kept.is_file()


# --- workers ----------------------------------------------------------------------------------------

class NeverDone:
    """An executor whose work never comes back: a cluster that lost every worker."""

    def submit(self, *args, **kwargs):
        import concurrent.futures as cf

        return cf.Future()


def test_losing_every_dask_worker_fails_in_one_line_after_a_bounded_wait(tmp_path, monkeypatch):
    from tqdm import tqdm

    monkeypatch.setattr(corpus_run, "POLL_S", 0.05)
    monkeypatch.setattr(corpus_run, "WORKERS_LOST_TIMEOUT_S", 0.3)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    store = Store(tmp_path / "out")
    store.prepare()
    workers = corpus_run.Workers(NeverDone(), 1, alive=lambda: False, where="the Dask cluster at tcp://x:1")
    started = time.monotonic()
    with pytest.raises(corpus_run.CorpusError, match=r"^the Dask cluster at tcp://x:1 has no worker left"):
        corpus_run.extract_corpus([str(tmp_path / "a.txt")], store, {}, lambda: workers, None, tqdm(disable=True))
    assert time.monotonic() - started < 5


def descendants(pid: int) -> list:
    import psutil

    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def wait_gone(processes, timeout: float = 20.0) -> list:
    import psutil

    _, alive = psutil.wait_procs(processes, timeout=timeout)
    return [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


POOL_THEN_DIE = """
import os, signal, sys
from newslens.corpus.run import local_pool
pool = local_pool(2)
print(" ".join(str(pid) for pid in {pool.submit(os.getpid).result() for _ in range(8)}), flush=True)
print(" ".join(str(p.pid) for p in pool._processes.values()), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_local_workers_die_with_their_parent(tmp_path):
    from conftest import run_python

    result = run_python("-c", POOL_THEN_DIE)
    assert result.returncode == -signal.SIGKILL
    pids = [int(pid) for pid in result.stdout.decode().split()]
    assert pids
    import psutil

    left = []
    for pid in set(pids):
        try:
            left.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    assert wait_gone(left, 15) == []


def corpus_folder(tmp_path: Path, count: int = 40) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(
            f"Strike day {number}\n\nMayor Anne Varga said on Monday that the strike number {number} would end. "
            f"\"We will talk,\" Varga said.\n", encoding="utf-8")
    return folder


def start_corpus(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    import newslens

    src = str(Path(newslens.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p))
    return subprocess.Popen([sys.executable, "-m", "newslens", "corpus", str(folder), "--out", str(out),
                             "--workers", "2", *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for_workers(process: subprocess.Popen, count: int = 2, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(descendants(process.pid)) >= count + 1:  # the forkserver and its workers
            time.sleep(1.0)
            return
        time.sleep(0.2)
    raise AssertionError("the corpus run started no workers")


@pytest.mark.parametrize("how", ["sigint", "sigterm"])
def test_ctrl_c_and_sigterm_stop_the_run_and_every_process(tmp_path, how):
    process = start_corpus(corpus_folder(tmp_path), tmp_path / "out", "--quiet")
    wait_for_workers(process)
    children = descendants(process.pid)
    if how == "sigint":
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: the whole process group
    else:
        process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    expected = (130, "newslens: interrupted") if how == "sigint" else (143, "newslens: terminated")
    assert (process.returncode, stderr.decode().strip()) == expected
    assert wait_gone(children) == []


def test_concurrent_runs_into_one_folder_both_finish(tmp_path):
    folder = corpus_folder(tmp_path, 6)
    out = tmp_path / "out"
    runs = [start_corpus(folder, out) for _ in range(2)]
    results = [run.communicate(timeout=600) for run in runs]
    for run, (stdout, stderr) in zip(runs, results):
        assert run.returncode == 0, stderr.decode()
        assert "staging" not in stderr.decode() and ".tmp" not in stderr.decode()
    assert (out / "corpus.html").is_file()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".newslens-run.lock", "articles", "corpus.html", "corpus.ipynb", "errors.csv", "tables"])
    tables = pd.read_csv(out / "tables" / "articles.csv")
    assert sorted(tables["doc_id"]) == [f"a{n:03d}" for n in range(6)]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") or "staging" in p.name]
    for path in (out / "articles").iterdir():
        json.loads(path.read_text(encoding="utf-8"))
