"""Corpus sources: folders, .txt with front matter, JSONL; bad input becomes a SourceError, never an exception."""
from __future__ import annotations

import json

from conftest import PNG_BYTES
from newslens.corpus.sources import (CorpusArticle, SourceError, iso_date, iter_articles, safe_id,
                                     split_front_matter)

BODY = "Harbour workers strike\n\nThe union said the strike would go on until Friday.\n"


def test_front_matter_becomes_metadata_and_the_body_is_analysed(tmp_path):
    header = "title: Strike at the harbour\ndate: 2026-03-02\nsource: Lowland Ledger\n\n"
    (tmp_path / "strike.txt").write_text(header + BODY, encoding="utf-8")
    [item] = iter_articles([tmp_path])
    assert isinstance(item, CorpusArticle)
    assert item.article.text == BODY
    assert item.text_offset == len(header)
    assert (item.article.title, item.date, item.source) == ("Strike at the harbour", "2026-03-02", "Lowland Ledger")


def test_without_front_matter_the_first_line_is_the_title(tmp_path):
    (tmp_path / "plain.txt").write_text(BODY, encoding="utf-8")
    [item] = iter_articles([tmp_path / "plain.txt"])
    assert item.article.text == BODY and item.text_offset == 0
    assert item.article.title == "Harbour workers strike"
    assert item.date is None and item.source is None


def test_a_header_without_title_keeps_the_headline_of_the_body(tmp_path):
    (tmp_path / "dated.txt").write_text("date: 2026-03-02\n\n" + BODY, encoding="utf-8")
    [item] = iter_articles([tmp_path])
    assert (item.article.title, item.date, item.source) == ("Harbour workers strike", "2026-03-02", None)


def test_a_colon_line_that_is_not_a_header_stays_text():
    text = "Update: the strike is over\nThe union said so on Friday.\n"
    assert split_front_matter(text) == ({}, text, 0)
    no_blank_line = "title: Strike\nThe union said so.\n"
    assert split_front_matter(no_blank_line) == ({}, no_blank_line, 0)


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a-1", "title": "Talks", "date": "2026-01-20T09:30:00Z", "source": "Wire",
                    "text": "The ministers met on Monday."}),
        "",
        "{not json",
        json.dumps({"url": "https://example.org/news/2026/talks?id=7", "text": "Talks went on."}),
        json.dumps({"id": "a-2"}),
        json.dumps({"id": "a-3", "text": "   "}),
        json.dumps(["a list"]),
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["CorpusArticle", "SourceError", "CorpusArticle", "SourceError",
                                                 "SourceError", "SourceError"]
    first, bad_json, from_url, no_text, empty, not_object = items
    assert (first.doc_id, first.article.title, first.date, first.source) == ("a-1", "Talks", "2026-01-20", "Wire")
    assert first.origin == f"{path}:1"
    assert bad_json.path_or_id == f"{path}:3" and "not a JSON object" in bad_json.error
    assert from_url.doc_id.startswith("https_example.org_news_2026_talks_id_7-")
    assert "no text" in no_text.error and "empty" in empty.error and "JSON object" in not_object.error


def test_bad_files_are_errors_and_the_stream_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_image.txt").write_bytes(PNG_BYTES)
    (tmp_path / "c_latin1.txt").write_bytes("Le ministre a déclaré la fin.\n".encode("latin-1"))
    (tmp_path / "c_nul.txt").write_bytes(b"The minister\x00 said so.\n")
    (tmp_path / "d_good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [i.doc_id for i in items if isinstance(i, CorpusArticle)] == ["d_good"]
    assert [e.path_or_id for e in errors] == [str(tmp_path / n) for n in ("a_empty.txt", "b_image.txt", "c_latin1.txt",
                                                                         "c_nul.txt", "missing.txt")]
    empty, image, latin1, nul, missing = (e.error for e in errors)
    assert "empty" in empty and "not UTF-8" in image and "not UTF-8" in latin1 and "binary" in nul
    assert "no such file" in missing


def test_a_second_article_with_the_same_id_is_an_error(tmp_path):
    for folder in ("march", "april"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "strike.txt").write_text(BODY, encoding="utf-8")
    first, second = iter_articles([tmp_path])
    assert first.doc_id == "strike"
    assert isinstance(second, SourceError) and "duplicate article id 'strike'" in second.error


def test_ids_are_safe_file_names_and_distinct():
    assert safe_id("wire-001") == "wire-001"
    assert "/" not in safe_id("../../etc/passwd") and safe_id("../../etc/passwd") != safe_id("etc_passwd")
    assert safe_id("a/b") != safe_id("a:b")


def test_iso_dates_are_reduced_to_the_day_and_others_unknown():
    assert iso_date("2026-01-20T09:30:00Z") == "2026-01-20"
    assert iso_date("2026-01-20") == "2026-01-20"
    assert iso_date("20 January 2026") is None and iso_date(20260120) is None


def test_a_dateline_under_the_title_dates_the_article(tmp_path):
    (tmp_path / "wikinews.txt").write_text("Harbour workers strike\nFriday, August 21, 2015\n\n"
                                           "The union said the strike would go on.\n", encoding="utf-8")
    (tmp_path / "header.txt").write_text("date: 2026-03-02\n\nHarbour workers strike\nFriday, August 21, 2015\n\n"
                                         "The union said so.\n", encoding="utf-8")
    (tmp_path / "prose.txt").write_text("Harbour workers strike\nThe union said on August 21, 2015 that it would "
                                        "strike.\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "j", "text": "Talks end\n21 Aug 2015\n\nThe ministers left."}) + "\n",
                    encoding="utf-8")
    items = {i.doc_id: i for i in iter_articles([tmp_path])}
    assert (items["wikinews"].date, items["wikinews"].date_from) == ("2015-08-21", "dateline")
    assert (items["header"].date, items["header"].date_from) == ("2026-03-02", "front matter")
    assert (items["prose"].date, items["prose"].date_from) == (None, None)  # a date inside a sentence is no dateline
    assert (items["j"].date, items["j"].date_from) == ("2015-08-21", "dateline")
    assert items["wikinews"].metadata()["date_from"] == "dateline"


def test_a_dateline_is_a_whole_date_alone_on_its_line():
    from newslens.corpus.sources import complete_date

    assert complete_date("Sunday, May 1, 2016") == "2016-05-01"
    assert complete_date("2016-05-01") == "2016-05-01"
    for line in ("May 2016", "2016", "May 1", "Update: May 1, 2016 talks", "Mayors meet in 2016"):
        assert complete_date(line) is None, line


def test_a_headline_ending_in_a_quotation_is_the_title(tmp_path):
    from newslens.io.article import article_from_text

    headline = 'Mayor on the flood: "We will rebuild"'
    assert article_from_text(f"{headline}\n\nThe mayor spoke on Monday.\n", "a").title == headline
    assert article_from_text("Mayor: ‘Not now’\n\nThe mayor spoke.\n", "a").title == "Mayor: ‘Not now’"
    assert article_from_text('He said "no."\nThe mayor spoke.\n', "a").title is None
    assert article_from_text("The mayor spoke.\nHe left.\n", "a").title is None
