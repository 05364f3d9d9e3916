"""build_report end to end: a real papermill run per article (seconds each, so only a few)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from newslens.exceptions import ReportError
from handmade import rich_analysis
from newslens.render import figures
from newslens.report import build_report, build_reports, export_json, keep_figure, locate

SECTIONS = ("The article and its provenance", "The annotated text", "Actors", "Actor network", "Quotes",
            "Relations", "Mention timeline", "Written report")
FIGURES = ("mentions", "network", "quotes", "timeline")
XSS_ARTICLE = (
    "Minister warns over <script>alert(1)</script> payload\n"
    "Foreign Minister Anna Berg warned Russia on Monday. "
    "“We will not accept <img src=x onerror=alert(1)> or anything like it,” Berg said.\n"
    "Russia denied the claims, the Kremlin said.\n"
)
UNBALANCED_ARTICLE = (
    "Talks collapse\n"
    "President Maria Lopez said, “We are leaving the talks. Nobody can stop us.\n"
    "The opposition leader John Reyes said \"the deal is dead, and he called the plan a \u201cdisaster.\n"
)
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
                    re.IGNORECASE)


@pytest.fixture(scope="module")
def xss_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    article = folder / "xss_article.txt"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    return build_report(article, folder / "out")


def test_report_writes_html_notebook_json_and_figures(xss_report, schema):
    out = xss_report.parent
    assert xss_report == out / "xss_article.html"
    assert sorted(p.name for p in out.iterdir()) == ["figures", "xss_article.html", "xss_article.ipynb",
                                                      "xss_article.json"]
    assert sorted(p.name for p in (out / "figures").iterdir()) == sorted(
        f"xss_article_{name}.{ext}" for name in FIGURES for ext in ("png", "svg"))
    extraction = json.loads((out / "xss_article.json").read_text(encoding="utf-8"))
    jsonschema.validate(extraction, schema)
    assert extraction["doc_id"] == "xss_article"


def test_html_has_every_section_and_hides_the_code(xss_report):
    html = xss_report.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert re.search(rf"<h2[^>]*>{re.escape(section)}", html), section
    assert "analyze_path" not in html and "keep_figure" not in html
    # the page opens with the article's own title and a summary, not with instructions for developers
    heading = re.search(r'<h1 class="newslens-title">([^<]*)</h1>', html)
    assert heading and heading[1].startswith("Minister warns over &lt;script&gt;")
    assert "newslens-summary" in html and "papermill" not in html.split("<body")[1].lower()


def test_html_is_self_contained(xss_report):
    html = xss_report.read_text(encoding="utf-8")
    assert not REMOTE.search(html)
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert html.count('src="data:image/png;base64,') == len(FIGURES)


def test_article_payloads_stay_inert_in_the_html(xss_report):
    html = xss_report.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rebuilding_an_unchanged_article_changes_no_byte(xss_report):
    out = xss_report.parent
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert build_report(out.parent / "xss_article.txt", out) == xss_report
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_unbalanced_quotes_still_give_a_full_report(tmp_path):
    article = tmp_path / "unbalanced.txt"
    article.write_text(UNBALANCED_ARTICLE, encoding="utf-8")
    html = build_report(article, tmp_path / "out").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in html
    assert "Nobody can stop us." in html


def test_a_failing_run_raises_one_line_and_keeps_the_previous_report(tmp_path):
    article = tmp_path / "doc.txt"
    article.write_text("Officials in Berlin said the talks would resume.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc.html").write_text("previous report", encoding="utf-8")
    with pytest.raises(ReportError) as failure:
        build_report(article, out, model="no_such_model_anywhere")
    message = str(failure.value)
    assert "\n" not in message and message.startswith("doc: the report notebook failed")
    assert sorted(p.name for p in out.iterdir()) == ["doc.html"]  # no partial files, no staging folder
    assert (out / "doc.html").read_text(encoding="utf-8") == "previous report"


def test_an_unreadable_article_raises_before_anything_runs(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        build_report(tmp_path / "missing.txt", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_locate_finds_repository_paths_from_a_subfolder(repo_root, monkeypatch):
    monkeypatch.chdir(repo_root / "notebooks")
    assert locate("seeds/000_a7f3773a7dc7432f.txt").resolve() == repo_root / "seeds" / "000_a7f3773a7dc7432f.txt"
    assert locate("no/such/file.txt") == Path("no/such/file.txt")


def test_notebook_exports_create_missing_folders_and_nothing_without_a_folder(tmp_path):
    analysis = rich_analysis()
    export_dir = tmp_path / "new" / "folder"
    export_json(analysis, export_dir)
    fig = figures.quote_chart(analysis)
    shown = keep_figure(fig, "quotes", analysis, export_dir)
    assert json.loads((export_dir / "handmade.json").read_text(encoding="utf-8"))["doc_id"] == "handmade"
    assert sorted(p.name for p in (export_dir / "figures").iterdir()) == ["handmade_quotes.png", "handmade_quotes.svg"]
    assert shown.data == (export_dir / "figures" / "handmade_quotes.png").read_bytes()  # drawn once, shown as saved
    assert keep_figure(fig, "quotes", analysis, None).data == shown.data and export_json(analysis, None) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]


def test_several_reports_share_one_kernel_carry_on_past_a_failure_and_match_a_lone_run(tmp_path, monkeypatch):
    for folder in ("batch", "alone"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "first.txt").write_text(XSS_ARTICLE, encoding="utf-8")
        (tmp_path / folder / "second.txt").write_text(UNBALANCED_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "batch")
    with pytest.raises(ReportError, match=r"^1 of 3 reports failed: .*missing\.txt"):
        build_reports(["first.txt", "missing.txt", "second.txt"], "out")
    assert sorted(p.name for p in Path("out").glob("*.html")) == ["first.html", "second.html"]
    monkeypatch.chdir(tmp_path / "alone")
    assert build_reports(["second.txt"], "out") == [Path("out/second.html")]
    # the second article of a batch gives the same notebook as a run of its own (cells numbered from 1)
    assert (tmp_path / "batch" / "out" / "second.ipynb").read_bytes() == \
        (tmp_path / "alone" / "out" / "second.ipynb").read_bytes()
