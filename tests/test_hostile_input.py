"""Hostile and unlucky input (issue 11): no article can stop its own report, no output path is clobbered.

Each test reproduces one failure an adversarial review found: math text in names, escaped URLs in
the text, concurrent and killed reports, special output files, spreadsheet formulas, glob characters
in file names, kernel chatter on stderr, control characters, FIFOs and text that is not English.
"""
from __future__ import annotations

import asyncio
import io

import matplotlib
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from conftest import run_newslens, run_python
from newslens import cli
from newslens.render import figures
from newslens.render import html as render
from newslens.extract.analysis import analyze
from newslens.io.article import article_from_text, read_article
from newslens.exceptions import ArticleError, ReportError
from newslens.io.spreadsheet import neutralize_formulas, write_csv

MATH_ARTICLE = "Mr. Ke$ha Bla\\ck$ warned Russia on Tuesday. Russia said it would answer Mr. Bla\\ck$.\n"
SHORT_ARTICLE = ("Foreign Minister Anna Berg warned Russia on Monday. "
                 "\u201cWe will not accept this,\u201d Berg said.\n")
FORMULA_ARTICLE = ('The senator spoke on Monday.\n'
                   '"=HYPERLINK(""http://evil.example"", ""click"") is what they sent," Senator Tom Reed said.\n'
                   '"-2+3 is not a policy," Reed said.\n')
GERMAN = ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland angekündigt. Der Außenminister "
          "sagte, man werde die Ukraine weiterhin unterstützen. Die Opposition kritisierte die Entscheidung als "
          "zu spät und forderte eine Debatte im Bundestag über die Lieferung von Waffen.\n")
CHINESE = "中国外交部发言人周二表示，中方反对任何单边制裁。他说，各方应通过对话解决分歧，美国应停止向台湾出售武器。\n"
ENGLISH_NAMES = ("Jake Sullivan, Antony Blinken, Lloyd Austin, Kim Jong Un, Vladimir Putin, Sergei Lavrov and "
                 "Xi Jinping met in Geneva on Tuesday. Sullivan said the United States would impose sanctions.\n")


def report_folder_files(out: Path) -> set[str]:
    return {str(p.relative_to(out)) for p in out.rglob("*")}


# --- 1. math text --------------------------------------------------------------------------------

def test_dollar_signs_in_names_draw_as_plain_text(pipeline, monkeypatch):
    monkeypatch.setitem(matplotlib.rcParams, "text.parse_math", True)  # matplotlib's default: math is parsed
    analysis = analyze(article_from_text(MATH_ARTICLE, "math"), pipeline)
    assert any("$" in actor.name for actor in analysis.actors), "the test needs a name with $...$"
    for chart in (figures.mention_chart, figures.network_chart, figures.quote_chart, figures.timeline_chart):
        fig = chart(analysis)
        fig.savefig(io.BytesIO(), format="png")  # math text would raise: unknown symbol \ck
        labels = [text.get_text() for text in fig.findobj(lambda artist: hasattr(artist, "get_parse_math"))]
        texts = fig.findobj(lambda artist: hasattr(artist, "get_parse_math"))
        # matplotlib makes the numeric tick labels of an axis anew as it draws: numbers, never article text
        worded = [text for text in texts if not re.fullmatch(r"[\d.,%\u2212-]*", text.get_text())]
        assert worded and all(not text.get_parse_math() for text in worded)
        if chart is not figures.quote_chart:
            assert any("Bla\\ck$" in label for label in labels), labels
    assert matplotlib.rcParams["text.parse_math"] is True  # the charts changed no global setting


# --- 2. the remote-resource guard looks at what the browser fetches, not at text ------------------

def one_output_notebook(path: Path, html: str) -> Path:
    cell = nbformat.v4.new_code_cell("HTML(...)", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": html, "text/plain": "<HTML>"})])
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    return path


def test_urls_written_as_words_in_the_article_do_not_stop_the_report(pipeline, tmp_path):
    text = ("The hackers placed src=//evil.example/x.js and href=http://evil.example/a in the page, and "
            "url(http://evil.example/b.css) in its style, police said.\n")
    html = render.render_article(analyze(article_from_text(text, "words"), pipeline))
    page = report_module().to_html(one_output_notebook(tmp_path / "words.ipynb", html), "words")
    assert "evil.example/x.js" in page


@pytest.mark.parametrize("markup", [
    '<img src="https://evil.example/x.png">',
    "<link rel=stylesheet href=//evil.example/s.css>",
    "<style>body { background: url( 'http://evil.example/b.png' ) }</style>",
    '<div style="background-image:url(//evil.example/c.png)">x</div>',
    '<img srcset="a.png 1x, https://evil.example/b.png 2x">',
])
def test_markup_that_fetches_from_the_web_is_refused(markup, tmp_path):
    with pytest.raises(ReportError, match="remote resource"):
        report_module().to_html(one_output_notebook(tmp_path / "fetch.ipynb", markup), "fetch")


def test_links_to_follow_are_not_fetches(tmp_path):
    page = '<a href="https://example.org/story">the story</a>'
    assert "example.org" in report_module().to_html(one_output_notebook(tmp_path / "link.ipynb", page), "link")


def report_module():
    return pytest.importorskip("newslens.report")


# --- 3, 8. concurrent reports; no kernel chatter -------------------------------------------------

def test_concurrent_reports_into_one_folder_both_succeed_whole_and_quietly(tmp_path):
    report_module()
    article = tmp_path / "concurrent.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "newslens", "report", str(article), "--out", str(out)],
                             env=python_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(run.wait(timeout=300), run.stdout.read().decode(), run.stderr.read().decode()) for run in runs]
    for rc, stdout, stderr in results:
        assert rc == 0, stderr
        assert stdout.strip() == str(out / "concurrent.html")
        assert stderr == "", "a successful report prints nothing on stderr (no kernel messages)"
    assert report_folder_files(out) == {"concurrent.html", "concurrent.ipynb", "concurrent.json", "figures", *(
        f"figures/concurrent_{name}.{ext}" for name in ("mentions", "network", "quotes", "timeline")
        for ext in ("png", "svg"))}
    assert "</html>" in (out / "concurrent.html").read_text(encoding="utf-8")


def python_env() -> dict:
    import newslens

    src = str(Path(newslens.__file__).resolve().parents[1])
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p))


def test_finished_kernel_is_shut_down_without_an_interrupt(monkeypatch):
    from jupyter_client.manager import KernelManager

    report = report_module()
    interrupts = []

    async def interrupt(manager):
        interrupts.append(manager.shutting_down)

    monkeypatch.setattr(KernelManager, "_async_interrupt_kernel", interrupt)
    from newslens.report.engine import FinishedKernelManager

    manager = FinishedKernelManager()
    manager.shutting_down = True  # jupyter_client's shutdown_kernel interrupts first: the stray SIGINT
    asyncio.run(manager._async_interrupt_kernel())
    assert interrupts == []
    manager.shutting_down = False  # a cell that ran past its time limit is still interrupted
    asyncio.run(manager._async_interrupt_kernel())
    assert interrupts == [False]


# --- 6, 1. glob characters in the file name, math text in the article: a whole report ----------

def test_report_of_a_file_named_with_glob_characters_keeps_its_figures(tmp_path):
    report = report_module()
    article = tmp_path / "a[1].txt"
    article.write_text(MATH_ARTICLE, encoding="utf-8")
    html = report.build_report(article, tmp_path / "out")
    assert html == tmp_path / "out" / "a[1].html" and html.is_file()
    assert sorted(p.name for p in (tmp_path / "out" / "figures").iterdir()) == sorted(
        f"a[1]_{name}.{ext}" for name in ("mentions", "network", "quotes", "timeline") for ext in ("png", "svg"))
    assert "Bla\\ck$" in html.read_text(encoding="utf-8")


# --- 7. staging folders of killed runs are removed by the next run -------------------------------

KILLED_RUN = """
import os, signal, sys
from pathlib import Path
from newslens.io.publish import open_staging
staging, lock = open_staging(Path(sys.argv[1]))
(staging / "half.ipynb").write_text("{")
print(staging.name, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_staging_left_by_a_killed_run_is_removed_and_a_live_one_kept(tmp_path):
    from newslens.io import publish as report  # the one publishing protocol of every report and corpus run

    out = tmp_path / "out"
    out.mkdir()
    killed = run_python("-c", KILLED_RUN, str(out))
    assert killed.returncode == -signal.SIGKILL
    dead = out / killed.stdout.decode().strip()
    assert dead.is_dir()
    live, lock = report.open_staging(out)
    try:
        report.remove_stale_staging(out)
        assert not dead.exists()
        assert live.is_dir()
    finally:
        os.close(lock)
    report.remove_stale_staging(out)
    assert list(out.iterdir()) == []


def test_report_run_starts_by_removing_stale_staging(tmp_path, monkeypatch):
    report_module()
    from newslens.report import batch as report
    out = tmp_path / "out"
    out.mkdir()
    killed = run_python("-c", KILLED_RUN, str(out))
    dead = out / killed.stdout.decode().strip()
    monkeypatch.setattr(report, "execute_notebook", lambda *args, **kwargs: (_ for _ in ()).throw(
        RuntimeError("stop here")))
    article = tmp_path / "other.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    with pytest.raises(ReportError, match="stop here"):
        report.build_report(article, out)
    assert not dead.exists()
    assert list(out.iterdir()) == []  # the failed run removed its own staging folder too


# --- 4. -o onto special files -------------------------------------------------------------------

def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, capsysbinary, pipeline):
    article = tmp_path / "short.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    target = tmp_path / "real.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert cli.main(["extract", str(article), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["doc_id"] == "short"


def test_output_into_a_fifo_streams_into_it(tmp_path, pipeline):
    article = tmp_path / "short.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        assert cli.main(["extract", str(article), "--table", "actors", "-o", str(fifo)]) == 0
    finally:
        reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO must stay a FIFO"
    assert received and received[0].decode("utf-8").startswith("id,name,type")


def test_output_onto_a_socket_is_refused_naming_the_users_path(tmp_path, capsysbinary, pipeline):
    article = tmp_path / "short.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        assert cli.main(["extract", str(article), "-o", str(path)]) == 1
    finally:
        server.close()
    err = capsysbinary.readouterr().err.decode()
    assert err.startswith(f"newslens: error: {path}: is a socket") and len(err.splitlines()) == 1
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_write_errors_name_the_users_path_not_the_temporary_file(tmp_path, capsysbinary, pipeline):
    article = tmp_path / "short.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    folder = tmp_path / "taken"
    folder.mkdir()
    assert cli.main(["extract", str(article), "-o", str(folder)]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert f"{folder}: is a directory" in err and ".tmp" not in err


# --- 5. spreadsheet formulas ---------------------------------------------------------------------

def test_formula_cells_get_a_leading_apostrophe_and_numbers_stay_numbers():
    frame = pd.DataFrame({"text": ["=1+2", "+CMD", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "plain", "a=b", None],
                          "start": [-1, 2, 3, 4, 5, 6, 7, 8, 9]})
    neutral = neutralize_formulas(frame)
    assert neutral["text"].tolist()[:8] == ["'=1+2", "'+CMD", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "plain", "a=b"]
    assert pd.isna(neutral["text"].iloc[8])
    assert neutral["start"].tolist() == frame["start"].tolist()
    assert frame["text"].iloc[0] == "=1+2", "the caller's frame is not changed"
    stream = io.StringIO()
    write_csv(frame, stream)
    assert pd.read_csv(io.StringIO(stream.getvalue()))["start"].iloc[0] == -1


def test_quotes_csv_neutralises_formulas_and_the_json_keeps_them(tmp_path, pipeline):
    article = tmp_path / "formula.txt"
    article.write_text(FORMULA_ARTICLE, encoding="utf-8")
    table, data = tmp_path / "quotes.csv", tmp_path / "out.json"
    assert cli.main(["extract", str(article), "--table", "quotes", "-o", str(table)]) == 0
    assert cli.main(["extract", str(article), "-o", str(data)]) == 0
    texts = [q["text"] for q in json.loads(data.read_text(encoding="utf-8"))["quotes"]]
    formulas = [t for t in texts if t.startswith(("=", "-"))]
    assert formulas, f"the test needs quotes that start like formulas: {texts}"
    cells = pd.read_csv(table, keep_default_na=False)["text"].tolist()
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert sorted("'" + t for t in formulas) == sorted(c for c in cells if c.startswith("'"))


# --- 9. control characters, FIFOs as input, text that is not English ------------------------------

def test_text_of_mostly_control_characters_is_refused(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_bytes(b"The minister said\x1b[0m\x07\x08\x1b\x1b\x01\x02\x03\x04\x05\x06 talks\x0b\x0c\x0e\x0f\x10.\n")
    with pytest.raises(ArticleError, match="control characters"):
        read_article(path)


def test_a_form_feed_in_prose_is_accepted():
    text = "The minister said the talks would continue next week in Geneva and Vienna.\n" * 3 + "\x0c\n"
    assert article_from_text(text, "page").text == text


def test_a_fifo_given_as_article_is_named_as_a_fifo(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="named pipe"):
        read_article(fifo)


@pytest.mark.parametrize("text", [GERMAN, CHINESE], ids=["german", "chinese"])
def test_text_that_is_not_english_is_analysed_with_a_warning(text, pipeline, tmp_path, schema):
    import jsonschema

    analysis = analyze(article_from_text(text, "foreign"), pipeline)
    data = json.loads(analysis.to_json())
    jsonschema.validate(data, schema)
    assert any("not English" in warning for warning in data["pipeline"]["warnings"])
    provenance = report_module().provenance(analysis, "foreign.txt", None)
    assert "not English" in provenance.loc["warning", "value"]


@pytest.mark.parametrize("text", [SHORT_ARTICLE, ENGLISH_NAMES], ids=["prose", "many-names"])
def test_english_text_has_no_warning(text, pipeline):
    data = json.loads(analyze(article_from_text(text, "english"), pipeline).to_json())
    assert "warnings" not in data["pipeline"]


# --- memory on long articles: parsed in pieces, joined into one Doc of the exact text ---------------

def test_long_text_is_parsed_in_pieces_joined_into_one_doc_of_the_exact_text(pipeline):
    from newslens.pipeline.load import CHUNK_CHARS, annotate, text_chunks

    paragraph = "Foreign Minister Anna Berg warned Russia on Monday.\r\n\r\nThe talks in Geneva failed, Berg said.\n"
    text = paragraph * (3 * CHUNK_CHARS // len(paragraph))
    chunks = text_chunks(text)
    assert len(chunks) >= 3 and "".join(chunks) == text
    assert all(chunk[0] == "F" or chunk[0] == "T" for chunk in chunks), "every piece starts at a word"
    doc = annotate(pipeline, text)
    assert doc.text == text
    last = doc.char_span(text.rindex("Anna Berg"), text.rindex("Anna Berg") + len("Anna Berg"))
    assert last is not None and last.root.ent_type_ == "PERSON", "the pieces after the first are annotated too"
    unbroken = "word " * (CHUNK_CHARS // 2)  # no line break to cut at: cut between words
    assert "".join(text_chunks(unbroken)) == unbroken and all(c.startswith("word") for c in text_chunks(unbroken))


def test_long_article_extraction_keeps_offsets_exact(pipeline):
    from newslens.pipeline.load import CHUNK_CHARS

    paragraph = ("Foreign Minister Anna Berg warned Russia on Monday. \u201cWe will not accept this,\u201d Berg said.\n"
                 "Russia denied the claims, the Kremlin said on Tuesday.\n")
    text = paragraph * (2 * CHUNK_CHARS // len(paragraph))
    data = json.loads(analyze(article_from_text(text, "long"), pipeline).to_json())
    for actor in data["actors"]:
        assert all(text[m["start"]:m["end"]] == m["text"] for m in actor["mentions"])
    berg = next(a for a in data["actors"] if a["name"] == "Anna Berg")
    assert len([m for m in berg["mentions"] if m["text"] == "Berg"]) >= text.count("Berg said") - 1


def test_the_abbreviation_index_offers_every_full_form_a_short_form_abbreviates(pipeline):
    """Clustering a long text compares a short form only with the candidates the index offers: it must offer
    every full form `abbreviates` accepts, or a change to `abbreviates` silently stops clustering."""
    from newslens.extract.actors import abbreviates, abbreviation_candidates, abbreviation_index, entity_mentions

    text = ("Charles H. Keating IV, a Navy sailor, was killed on Tuesday. Keating had served since 2008. "
            "Haider al-Abadi met officials of the Syrian Democratic Forces and the National Security Council in "
            "Evansville, Indiana, on Monday. Abadi said the SDF would stay. The Council agreed. Residents of "
            "Evansville and the Church of Scientology said nothing. Scientology and the U.N. were not there; the "
            "United Nations said Ahmed Mohamed would speak. Mohamed said so.\n")
    forms = list({(m.key, m.label): m for m in entity_mentions(pipeline(text))}.values())
    index = abbreviation_index(forms)
    accepted = [(short, full) for short in forms for full in forms if short.key_words and abbreviates(short, full)]
    assert len(accepted) >= 6, "the text must exercise several kinds of short form"
    for short, full in accepted:
        assert any(candidate is full for candidate in abbreviation_candidates(short, index)), (short.key, full.key)
