"""The command line, end to end on real text: exit codes, outputs that honour the contract, clean errors."""
from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
import subprocess
import sys

import jsonschema
import pandas as pd
import pytest

from conftest import PNG_BYTES, run_newslens, run_python
from newslens import cli

ERROR_PREFIX = "newslens: error: "
UNBALANCED = 'Mayor Anne Hidalgo spoke to reporters in Paris on Monday.\nHe said, "this never closes.\n'


def check_one_line_error(stderr: str, *names: str) -> str:
    """stderr is exactly one `newslens: error: ...` line (no traceback) naming each of names; returns it."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(ERROR_PREFIX), stderr
    assert "Traceback" not in stderr
    assert "--traceback" not in stderr, "a user's mistake is reported as a bug"
    for name in names:
        assert name in lines[0]
    return lines[0]


def check_extraction(data: dict, text: str, schema: dict) -> None:
    """The JSON honours the schema and its offsets and ids hold together against the article text."""
    jsonschema.validate(data, schema)
    assert data["text_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    ids = [a["id"] for a in data["actors"]]
    assert len(ids) == len(set(ids)), "actor ids must be unique"
    for actor in data["actors"]:
        assert actor["mentions"], f"actor {actor['id']} has no mention"
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], m
        assert actor.get("affiliation") in (None, *ids)
    for q in data["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text), q
        assert q["speaker"] in (None, *ids)
    for r in data["relations"]:
        assert 0 <= r["start"] < r["end"] <= len(text), r
        assert r["source"] in ids and r["target"] in ids


def main_in_process(capsysbinary, *argv: str) -> tuple[int, bytes, str]:
    rc = cli.main(list(argv))
    out, err = capsysbinary.readouterr()
    return rc, out, err.decode("utf-8")


@pytest.fixture(scope="module")
def seed_json(pipeline, seed_path, tmp_path_factory) -> bytes:
    """The seed's JSON written in-process with --output (the pipeline is loaded once per session)."""
    out = tmp_path_factory.mktemp("seed") / "seed.json"
    assert cli.main(["extract", str(seed_path), "--output", str(out)]) == 0
    return out.read_bytes()


# --- the seed article, in process ---------------------------------------------------------------

def test_seed_json_honours_the_schema_and_the_text(seed_json, seed_path, schema):
    data = json.loads(seed_json)
    check_extraction(data, seed_path.read_text(encoding="utf-8"), schema)
    assert data["doc_id"] == seed_path.stem


def test_seed_json_finds_the_main_actors_and_a_quote(seed_json):
    data = json.loads(seed_json)
    mentioned = {m["text"].casefold() for a in data["actors"] for m in a["mentions"]}
    # the article is about the US warning North Korea; Jake Sullivan is quoted directly
    assert "north korea" in mentioned
    assert any("sullivan" in form for form in mentioned)
    assert data["quotes"], "the seed has two direct quotes and several reported ones"


def test_stdout_and_output_file_are_the_same_bytes(seed_json, seed_path, capsysbinary):
    rc, out, err = main_in_process(capsysbinary, "extract", str(seed_path))
    assert (rc, err) == (0, "")
    assert out == seed_json


@pytest.mark.parametrize("table, columns, rows_of", [
    ("actors", ["id", "name", "type", "mentions"], lambda d: len(d["actors"])),
    ("quotes", ["id", "kind", "speaker", "text", "start", "end"], lambda d: len(d["quotes"])),
    ("relations", ["source", "predicate", "target", "sentence"], lambda d: len(d["relations"])),
    ("mentions", ["actor", "text", "start", "end", "kind"], lambda d: sum(len(a["mentions"]) for a in d["actors"])),
])
def test_csv_tables_parse_and_agree_with_the_json(table, columns, rows_of, seed_json, seed_path, tmp_path):
    out = tmp_path / f"{table}.csv"
    assert cli.main(["extract", str(seed_path), "--format", "csv", "--table", table, "-o", str(out)]) == 0
    df = pd.read_csv(out, keep_default_na=False)
    assert set(columns) <= set(df.columns)
    data = json.loads(seed_json)
    assert len(df) == rows_of(data)
    if table == "actors":
        assert sorted(df["id"]) == sorted(a["id"] for a in data["actors"])
    if table == "mentions":  # offsets survive the csv round trip
        text = seed_path.read_text(encoding="utf-8")
        assert all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"].astype(str)))


def test_csv_defaults_to_the_actors_table(seed_path, capsysbinary):
    rc, out, _ = main_in_process(capsysbinary, "extract", str(seed_path), "--format", "csv")
    assert rc == 0
    assert "type" in pd.read_csv(io.BytesIO(out)).columns


def test_table_alone_means_csv(seed_path, capsysbinary, pipeline):
    rc, out, _ = main_in_process(capsysbinary, "extract", str(seed_path), "--table", "quotes")
    assert rc == 0
    assert {"speaker", "text"} <= set(pd.read_csv(io.BytesIO(out)).columns)


def test_unbalanced_quote_gives_a_valid_result(pipeline, tmp_path, schema, capsysbinary):
    path = tmp_path / "unbalanced.txt"
    path.write_text(UNBALANCED, encoding="utf-8")
    rc, out, err = main_in_process(capsysbinary, "extract", str(path))
    assert (rc, err) == (0, "")
    check_extraction(json.loads(out), UNBALANCED, schema)


# --- bad input, in process ----------------------------------------------------------------------

def test_bad_article_is_one_line_error_and_no_output_file(bad_article, capsysbinary, tmp_path):
    _, path = bad_article
    out = tmp_path / "out.json"
    rc, stdout, stderr = main_in_process(capsysbinary, "extract", str(path), "--output", str(out))
    assert rc == 1
    assert stdout == b""
    check_one_line_error(stderr, path.stem)
    assert not out.exists()


def test_file_name_with_a_newline_still_gives_one_error_line(tmp_path, capsysbinary):
    path = tmp_path / "two\nlines.txt"
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(path))
    assert rc == 1
    check_one_line_error(stderr, "two lines")


def test_failed_run_leaves_an_existing_output_untouched(tmp_path, capsysbinary):
    out = tmp_path / "out.json"
    out.write_text("previous result\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(empty), "-o", str(out))
    assert rc == 1
    check_one_line_error(stderr)
    assert out.read_text(encoding="utf-8") == "previous result\n"


def test_output_into_a_missing_folder_is_one_line_error(seed_path, tmp_path, capsysbinary, pipeline):
    out = tmp_path / "no" / "such" / "dir" / "out.json"
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(seed_path), "-o", str(out))
    assert rc == 1
    check_one_line_error(stderr)
    assert not out.parent.exists()


def test_output_onto_a_directory_fails_cleanly_and_leaves_no_temp_file(seed_path, tmp_path, capsysbinary, pipeline):
    target = tmp_path / "taken"
    target.mkdir()
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(seed_path), "-o", str(target))
    assert rc == 1
    check_one_line_error(stderr)
    assert list(tmp_path.iterdir()) == [target]  # the temporary file was removed
    assert list(target.iterdir()) == []


def test_written_file_has_ordinary_permissions(seed_path, tmp_path, pipeline):
    out = tmp_path / "out.json"
    assert cli.main(["extract", str(seed_path), "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o044, "the result must be readable by others as any new file is (umask)"


@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm") is not None, reason="en_core_web_sm is installed")
def test_missing_spacy_model_names_the_install_command(seed_path, tmp_path, capsysbinary):
    out = tmp_path / "out.json"
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(seed_path), "--model", "en_core_web_sm",
                                    "-o", str(out))
    assert rc == 1
    line = check_one_line_error(stderr, "en_core_web_sm")
    assert "pip install" in line or "spacy download" in line or "conda install" in line
    assert not out.exists()


def test_unknown_model_name_is_one_line_error(seed_path, capsysbinary):
    rc, _, stderr = main_in_process(capsysbinary, "extract", str(seed_path), "--model", "no_such_pipeline_xyz")
    assert rc == 1
    check_one_line_error(stderr, "no_such_pipeline_xyz")


def test_a_bug_is_one_line_unless_the_traceback_is_asked_for(seed_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("index out of step\nwith the text")

    monkeypatch.setattr("newslens.extract.analysis.analyze_path", broken)  # what `extract` calls
    assert cli.main(["extract", str(seed_path)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(ERROR_PREFIX) and "RuntimeError" in line and "--traceback" in line
    with pytest.raises(RuntimeError):
        cli.main(["--traceback", "extract", str(seed_path)])


@pytest.mark.parametrize("argv", [
    [],
    ["extract"],
    ["extract", "a.txt", "--format", "xml"],
    ["extract", "a.txt", "--format", "json", "--table", "quotes"],  # tables are csv
    ["extract", "a.txt", "--format", "csv", "--table", "people"],
    ["report"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(argv, capsys):
    assert cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert "usage:" in err and "Traceback" not in err
    assert out == ""


def test_report_failure_is_one_line_per_bad_article(tmp_path, capsysbinary):
    pytest.importorskip("newslens.report")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    rc, out, stderr = main_in_process(capsysbinary, "report", str(empty), str(tmp_path / "missing.txt"),
                                      "--out", str(tmp_path / "reports"))
    assert rc == 1
    lines = stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(ERROR_PREFIX) for line in lines), stderr
    assert "empty" in lines[0] and "missing" in lines[1]
    assert out == b""
    assert not list((tmp_path / "reports").glob("*.html"))


# --- a real interpreter: what a researcher's shell sees -----------------------------------------

def test_version_and_help(repo_root):
    pyproject = (repo_root / "pyproject.toml").read_text(encoding="utf-8")
    expected = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE).group(1)
    version = run_newslens("--version")
    assert version.returncode == 0
    assert version.stdout.decode().strip() == f"newslens {expected}"
    help_ = run_newslens("--help")
    assert help_.returncode == 0
    assert b"extract" in help_.stdout and b"report" in help_.stdout


def test_json_is_byte_identical_across_processes_and_hash_seeds(seed_path, seed_json):
    first = run_newslens("extract", str(seed_path), hash_seed="0")
    second = run_newslens("extract", str(seed_path), hash_seed="4242")
    for run in (first, second):
        assert run.returncode == 0, run.stderr.decode()
        assert run.stderr == b""
    assert first.stdout == second.stdout == seed_json


@pytest.mark.parametrize("kind", ["png", "missing"])
def test_bad_article_in_a_real_process_prints_no_traceback(kind, tmp_path):
    path = tmp_path / "article.txt"
    if kind == "png":
        path.write_bytes(PNG_BYTES)
    run = run_newslens("extract", str(path))
    assert run.returncode == 1
    assert run.stdout == b""
    check_one_line_error(run.stderr.decode("utf-8"), "article")


def test_usage_error_in_a_real_process_exits_2():
    run = run_newslens("extract", "--format", "yaml", "x.txt")
    assert run.returncode == 2
    assert b"usage:" in run.stderr and b"Traceback" not in run.stderr


def test_extract_does_not_load_the_report_machinery(seed_path, tmp_path):
    out = tmp_path / "out.json"
    probe = ("import sys; from newslens.cli import main; rc = main(['extract', sys.argv[1], '-o', sys.argv[2]]); "
             "print(rc, 'papermill' in sys.modules, 'nbconvert' in sys.modules)")
    run = run_python("-c", probe, str(seed_path), str(out))
    assert run.stdout.decode().split() == ["0", "False", "False"], run.stderr.decode()
    assert out.is_file()


def test_shared_scorer_reads_our_json(shared_dir, seed_path, seed_json, tmp_path):
    """The JSON is what ../shared/eval/score.py expects: it scores the seed against its gold."""
    shared_schema = json.loads((shared_dir / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(seed_json), shared_schema)
    pred = tmp_path / f"{seed_path.stem}.json"
    pred.write_bytes(seed_json)
    gold = shared_dir / "gold" / f"{seed_path.stem}.gold.json"
    run = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(pred)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "TOTAL" in run.stdout
