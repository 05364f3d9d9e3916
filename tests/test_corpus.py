"""Corpus mode end to end on a dozen short articles written for the tests (examples/corpus) plus bad files:
complete and consistent tables, errors logged, resume, byte-identical output for 1 and 2 workers and on a
real Dask cluster, the command line's exit codes, and the corpus report."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import PNG_BYTES, REPO_ROOT, run_newslens, run_python
from newslens.corpus import CorpusError, run_corpus
from newslens.corpus.tables import TABLE_NAMES, load_tables

EXAMPLES = REPO_ROOT / "examples" / "corpus"
BAD_FILES = {"empty.txt": b"", "image.txt": PNG_BYTES,
             "latin1.txt": "Le ministre a déclaré : « Nous refusons. »\n".encode("latin-1")}
GOOD_ARTICLES = 11  # examples/corpus: 9 .txt files and 2 JSONL lines
LINKING_ARTICLES = {
    "sullivan_one.txt": "Adviser warns on shipments\n\nJake Sullivan, the national security adviser, warned "
                        "Pyongyang on Monday. Sullivan said the shipments had to stop.\n",
    "sullivan_two.txt": "Adviser travels to Seoul\n\nJake Sullivan arrived in Seoul on Friday. Sullivan said "
                        "the alliance was strong.\n",
    "sullivan_three.txt": "Talks in Geneva\n\nThe talks ended without a deal. Sullivan said nothing to "
                          "reporters afterwards.\n",
    "imo_acronym.txt": "Shipping body meets\n\nThe IMO met in London on Monday. The IMO said the rules would "
                       "change.\n",
    "imo_full.txt": "Maritime rules change\n\nThe International Maritime Organization changed its safety rules "
                    "on Tuesday.\n",
}


def corpus_files(folder: Path) -> dict[str, bytes]:
    """Every output file under folder except the report (its notebook records the folder's own path)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith("corpus.")}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(EXAMPLES, folder / "corpus")
    for name, data in BAD_FILES.items():
        (folder / "corpus" / name).write_bytes(data)
    return folder / "corpus"


@pytest.fixture(scope="module")
def one_worker(inputs, tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("one") / "out"
    return out, run_corpus([str(inputs)], out, workers=1, html=False)


@pytest.fixture(scope="module")
def tables(one_worker) -> dict[str, pd.DataFrame]:
    return load_tables(one_worker[0])


def test_the_run_finishes_with_the_bad_files_logged(one_worker, inputs):
    out, summary = one_worker
    assert (summary.done, summary.up_to_date, summary.failed) == (GOOD_ARTICLES, 0, len(BAD_FILES))
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns) == ["path_or_id", "error"]
    assert sorted(errors["path_or_id"]) == sorted(str(inputs / name) for name in BAD_FILES)
    reasons = dict(zip(errors["path_or_id"].map(lambda p: Path(p).name), errors["error"]))
    assert "empty" in reasons["empty.txt"] and "UTF-8" in reasons["latin1.txt"] and "UTF-8" in reasons["image.txt"]
    assert len(list((out / "articles").glob("*.json"))) == GOOD_ARTICLES


def test_each_article_json_is_the_extraction_plus_its_metadata(one_worker, schema):
    import jsonschema

    document = json.loads((one_worker[0] / "articles" / "wire-001.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["doc_id"] == "wire-001"
    meta = document["corpus"]
    assert (meta["title"], meta["date"], meta["source"]) == ("Kenya and Tanzania open joint border post",
                                                             "2026-01-20", "Savanna Press")
    assert meta["origin"].endswith("wire.jsonl:1") and meta["newslens_version"]


def test_tables_are_complete_and_consistent(tables):
    assert set(tables) == set(TABLE_NAMES)
    articles = tables["articles"]
    assert len(articles) == GOOD_ARTICLES and articles["doc_id"].is_unique
    docs = set(articles["doc_id"])
    for name in ("actors", "mentions", "quotes", "relations"):
        assert set(tables[name]["doc_id"]) <= docs, name
    actors = tables["actors"]
    actor_keys = set(zip(actors["doc_id"], actors["actor"]))
    entity_of = dict(zip(zip(actors["doc_id"], actors["actor"]), actors["entity"]))
    entity_ids = set(tables["entities"]["entity"])
    assert actors["entity"].notna().all() and set(actors["entity"]) == entity_ids
    speakers = tables["quotes"].dropna(subset=["speaker"])
    assert len(speakers) > 10
    for row in speakers.itertuples():
        assert (row.doc_id, row.speaker) in actor_keys
        assert row.entity == entity_of[(row.doc_id, row.speaker)]
    for row in tables["mentions"].itertuples():
        assert row.entity == entity_of[(row.doc_id, row.actor)]
    for row in tables["relations"].itertuples():
        assert row.source_entity == entity_of[(row.doc_id, row.source)]
        assert row.target_entity == entity_of[(row.doc_id, row.target)]
    entities = tables["entities"].set_index("entity")
    assert entities["mentions"].sum() == len(tables["mentions"])
    assert entities["quotes"].sum() == len(speakers)
    per_entity = actors.groupby("entity")["doc_id"].nunique()
    assert (entities["articles"] == per_entity.reindex(entities.index)).all()


def test_entities_link_people_across_articles_but_not_namesakes(tables):
    entities = tables["entities"].set_index("name")
    assert entities.loc["Maria Jansen", "articles"] == 2  # in full, then by surname, in two articles
    assert entities.loc["Maria Jansen", "first_date"] == "2026-03-02"
    assert entities.loc["Maria Jansen", "last_date"] == "2026-03-04"
    assert entities.loc["Carlos Lopez", "articles"] == 1 and entities.loc["Lucia Lopez", "articles"] == 1
    assert entities.loc["Carlos Lopez", "reference"] == "he" and entities.loc["Lucia Lopez", "reference"] == "she"
    assert entities.loc["Canada", "articles"] == 2  # "Ottawa" says Canada


def test_linking_on_texts_written_for_the_test(tmp_path):
    for name, text in LINKING_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run_corpus([str(tmp_path)], tmp_path / "out", workers=1, html=False)
    tables = load_tables(tmp_path / "out")
    actors = tables["actors"]
    sullivan = actors[actors["name"].str.contains("Sullivan")].set_index("doc_id")["entity"]
    assert sullivan["sullivan_one"] == sullivan["sullivan_two"]
    assert sullivan["sullivan_three"] != sullivan["sullivan_one"]  # a bare surname links nothing
    imo = actors[actors["name"].isin(["IMO", "International Maritime Organization"])].set_index("doc_id")["entity"]
    assert imo["imo_acronym"] == imo["imo_full"]


def test_csv_and_parquet_hold_the_same_rows(one_worker, tables):
    for name in TABLE_NAMES:
        csv = pd.read_csv(one_worker[0] / "tables" / f"{name}.csv", keep_default_na=False)
        assert len(csv) == len(tables[name]) and list(csv.columns) == list(tables[name].columns), name


def test_a_rerun_does_nothing(one_worker, inputs):
    out, _ = one_worker
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    summary = run_corpus([str(inputs)], out, workers=1, html=False)
    assert (summary.done, summary.up_to_date, summary.failed, summary.words) == (0, GOOD_ARTICLES, 3, 0)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    changed = {p.relative_to(out).as_posix() for p in set(before) | set(after) if before.get(p) != after.get(p)}
    assert changed == {"errors.csv"}  # rewritten, with the same bytes: it lists this run's failures
    assert before[out / "errors.csv"][0] == after[out / "errors.csv"][0]


def test_a_changed_article_alone_is_analysed_again(one_worker, tmp_path):
    source = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, source)
    out = tmp_path / "out"
    shutil.copytree(one_worker[0], out)
    before = {p.name: p.stat().st_mtime_ns for p in (out / "articles").iterdir()}
    text = (source / "undated_note.txt").read_text(encoding="utf-8")
    (source / "undated_note.txt").write_text(text.replace("Saturday", "Sunday"), encoding="utf-8")
    summary = run_corpus([str(source)], out, workers=1, html=False)
    assert (summary.done, summary.up_to_date, summary.failed) == (1, GOOD_ARTICLES - 1, 0)
    assert pd.read_csv(out / "errors.csv").empty  # errors.csv is about this run
    after = {p.name: p.stat().st_mtime_ns for p in (out / "articles").iterdir()}
    rewritten = sorted(name for name in before if before[name] != after[name])
    assert rewritten == sorted(before)  # every origin moved to the new folder: metadata rewritten, not re-analysed
    document = json.loads((out / "articles" / "undated_note.json").read_text(encoding="utf-8"))
    assert document["corpus"]["origin"] == str(source / "undated_note.txt")


def test_two_workers_and_a_second_run_give_the_same_bytes(one_worker, inputs, tmp_path):
    out = tmp_path / "two"
    summary = run_corpus([str(inputs)], out, workers=2, html=False)
    assert summary.done == GOOD_ARTICLES
    assert corpus_files(out) == corpus_files(one_worker[0])


def test_a_dask_local_cluster_gives_the_same_tables(one_worker, inputs, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster:
        summary = run_corpus([str(inputs)], tmp_path / "dask", scheduler=cluster.scheduler_address, html=False)
    assert (summary.done, summary.failed) == (GOOD_ARTICLES, len(BAD_FILES))
    assert corpus_files(tmp_path / "dask") == corpus_files(one_worker[0])


def test_no_readable_article_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="no article could be analysed"):
        run_corpus([str(tmp_path)], tmp_path / "out", workers=1, html=False)
    assert pd.read_csv(tmp_path / "out" / "errors.csv")["path_or_id"].tolist() == [str(tmp_path / "empty.txt")]


XSS_ARTICLE = ("title: =HYPERLINK(\"http://evil.example\") <script>alert(1)</script>\n"
               "source: <img src=x onerror=alert(2)>\n\n"
               "Mayor Anne Hidalgo spoke in Paris on Monday. \"We will not accept <b>this</b> $x^2$,\" Hidalgo said.\n")


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    """One real `newslens corpus` run with the report: the examples of one outlet, a hostile article, a bad file."""
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "in"
    source.mkdir()
    for name in ("harbour_strike.txt", "harbour_talks.txt", "lopez_mayor.txt", "wire.jsonl"):
        shutil.copy(EXAMPLES / name, source / name)
    (source / "hostile.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    (source / "empty.txt").write_bytes(b"")
    out = folder / "out"
    return source, out, run_newslens("corpus", str(source), "--out", str(out), "--workers", "2")


def test_cli_writes_everything_and_sums_up_in_one_line(cli_run):
    source, out, result = cli_run
    assert result.returncode == 0, result.stderr
    stdout = result.stdout.decode()
    assert re.fullmatch(r"newslens corpus: 6 articles done, 0 up to date, 1 failed, [\d,]+ words/s; .+\n", stdout)
    stderr = result.stderr.decode()
    assert [line for line in stderr.splitlines() if line.startswith("newslens")] == [
        f"newslens: warning: {source / 'empty.txt'}: the article is empty"]
    assert "Traceback" not in stderr
    assert (out / "corpus.html").is_file() and (out / "errors.csv").is_file()
    assert sorted(p.name for p in (out / "tables").glob("*.parquet")) == sorted(f"{n}.parquet" for n in TABLE_NAMES)


def test_cli_csv_never_carries_a_formula(cli_run):
    _, out, _ = cli_run
    articles = (out / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in articles and ",=HYPERLINK" not in articles


def test_corpus_report_is_self_contained_and_inert(cli_run):
    _, out, _ = cli_run
    html = (out / "corpus.html").read_text(encoding="utf-8")
    for section in ("Overview", "Most mentioned entities", "Most quoted entities", "Who speaks",
                    "Who is quoted by which source", "Quotes over time", "The corpus network", "Written summary",
                    "Articles"):
        assert re.search(rf"<h2[^>]*>{re.escape(section)}", html), section
    assert html.count('src="data:image/png;base64,') == 6  # every figure is inline
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "not an inference of anyone" in html


def test_cli_rerun_is_up_to_date_and_strict_makes_failures_fatal(cli_run):
    source, out, _ = cli_run
    report = (out / "corpus.html").read_bytes()
    result = run_newslens("corpus", str(source), "--out", str(out), "--workers", "1", "--strict", "--quiet")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().count("newslens: warning:") == 1
    assert (out / "corpus.html").read_bytes() == report


def test_cli_fails_in_one_line_when_nothing_is_readable(tmp_path):
    (tmp_path / "binary.txt").write_bytes(PNG_BYTES)
    result = run_newslens("corpus", str(tmp_path / "binary.txt"), str(tmp_path / "nowhere"), "--out",
                          str(tmp_path / "out"), "--workers", "1")
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("newslens: error: no article could be analysed")
    assert "Traceback" not in result.stderr.decode()


def test_cli_usage_errors(tmp_path):
    assert run_newslens("corpus", str(tmp_path)).returncode == 2  # --out is required
    assert run_newslens("corpus", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "0").returncode == 2


def test_reports_are_linked_from_the_corpus_report(tmp_path):
    """--reports: each article's own report (a JSONL article too: its text is kept in DIR/texts)."""
    shutil.copy(EXAMPLES / "wire.jsonl", tmp_path / "wire.jsonl")
    summary = run_corpus([str(tmp_path / "wire.jsonl")], tmp_path / "out", workers=1, reports=True)
    out = tmp_path / "out"
    assert summary.report == out / "corpus.html"
    assert sorted(p.name for p in (out / "reports").glob("*.html")) == ["wire-001.html", "wire-002.html"]
    assert (out / "texts" / "wire-001.txt").read_text(encoding="utf-8").startswith("Kenya and Tanzania opened")
    html = summary.report.read_text(encoding="utf-8")
    assert '<a href="reports/wire-001.html">Kenya and Tanzania open joint border post</a>' in html


def test_cli_missing_model_fails_in_one_line_before_writing(tmp_path):
    result = run_newslens("corpus", str(EXAMPLES), "--out", str(tmp_path / "out"), "--model", "en_core_web_zz")
    assert result.returncode == 1
    assert result.stderr.decode().startswith("newslens: error: spaCy pipeline 'en_core_web_zz' is not installed")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", [None, "rules"])
def test_the_pipeline_described_without_loading_is_the_one_loaded(name):
    from newslens.pipeline.catalog import known_pipeline
    from newslens.pipeline.load import load_pipeline, pipeline_info

    loaded = pipeline_info(load_pipeline(name))
    described = known_pipeline(name)
    assert (described.backend, described.model, described.version) == (loaded.backend, loaded.model, loaded.version)


def test_a_pipeline_only_loading_can_describe_is_not_described():
    from newslens.pipeline.catalog import known_pipeline

    assert known_pipeline("en_core_web_sm") is None


def test_a_rerun_with_nothing_new_loads_neither_spacy_nor_the_report_engine(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Chile praised Peru on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_newslens("corpus", str(tmp_path / "in"), "--out", str(out), "--workers", "1").returncode == 0
    code = ("import sys; from newslens.cli import main; code = main(['corpus', sys.argv[1], '--out', sys.argv[2], "
            "'--workers', '1']); print(sorted(m for m in ('spacy', 'matplotlib', 'papermill') if m in sys.modules)); "
            "sys.exit(code)")
    result = run_python("-c", code, str(tmp_path / "in"), str(out))
    assert result.returncode == 0, result.stderr
    summary, loaded = result.stdout.decode().splitlines()
    assert "0 articles done, 1 up to date" in summary
    assert loaded == "[]"


def test_cli_refuses_a_json_file_in_one_line(tmp_path):
    (tmp_path / "feed.json").write_text('{"id": "a", "text": "The licence is CC BY 2.5."}', encoding="utf-8")
    result = run_newslens("corpus", str(tmp_path / "feed.json"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"newslens: error: {tmp_path / 'feed.json'}: corpus mode reads") and ".jsonl" in line
    assert not (tmp_path / "out").exists()


def test_the_summary_line_counts_in_words():
    from newslens.corpus import CorpusSummary

    one = CorpusSummary(done=1, up_to_date=0, failed=0, words=10, seconds=1.0, out_dir=Path("out"))
    assert one.line().startswith("1 article done, 0 up to date, 0 failed")
    assert CorpusSummary(2, 0, 0, 10, 1.0, Path("out")).line().startswith("2 articles done")
