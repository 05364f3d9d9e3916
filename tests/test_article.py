"""Reading articles: the text is kept exactly, bad files fail with one clear ArticleError."""
from __future__ import annotations

import hashlib

import pytest

from newslens.io.article import MAX_BYTES, article_from_text, read_article
from newslens.exceptions import ArticleError, NewslensError

# What each bad input's message must say, in the words a researcher would look for.
EXPECTED_WORDS = {
    "empty": "empty",
    "whitespace": "empty",
    "nul": "binary",
    "png": "utf-8",
    "latin1": "utf-8",
    "enormous": str(MAX_BYTES),
    "missing": "no such file",
    "directory": None,  # any clear message naming the path
}


def test_seed_is_read_exactly(seed_path):
    raw = seed_path.read_bytes()
    article = read_article(seed_path)
    assert article.text == raw.decode("utf-8")
    assert article.doc_id == "000_a7f3773a7dc7432f"
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert article.path == str(seed_path)


def test_seed_first_line_is_a_sentence_not_a_headline(seed_path):
    # the seed opens with a full sentence ending in a full stop: it has no headline
    assert read_article(seed_path).title is None


def test_headline_is_taken_from_a_short_unpunctuated_first_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("US warns North Korea over arms for Russia\nJake Sullivan said the talks had advanced.\n",
                    encoding="utf-8")
    assert read_article(path).title == "US warns North Korea over arms for Russia"


def test_single_line_article_has_no_headline():
    article = article_from_text("Kim Jong Un arrived in Vladivostok on Tuesday", doc_id="one")
    assert article.title is None


def test_crlf_bom_and_non_ascii_text_are_kept_byte_for_byte(tmp_path):
    text = "\ufeffMerkel’s visit\r\nAngela Merkel said: “Wir schaffen das.”\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path)
    assert article.text == text  # offsets index this exact string, so nothing may be normalised
    assert article.title == "Merkel’s visit"
    assert article.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_article_of_exactly_max_bytes_is_accepted(tmp_path):
    path = tmp_path / "limit.txt"
    body = b"The talks continue. " * (MAX_BYTES // 20)
    path.write_bytes(body + b"x" * (MAX_BYTES - len(body)))
    assert path.stat().st_size == MAX_BYTES
    assert len(read_article(path).text) == MAX_BYTES


def test_bad_article_raises_one_line_article_error(bad_article):
    kind, path = bad_article
    with pytest.raises(ArticleError) as info:
        read_article(path)
    message = str(info.value)
    assert isinstance(info.value, NewslensError)  # what the CLI turns into `newslens: error: ...`
    assert "\n" not in message
    assert path.stem in message  # the file is named (by its stem at least)
    words = EXPECTED_WORDS[kind]
    if words is not None:
        assert words.casefold() in message.casefold()
