"""Corpus sources: turn INPUT paths (folders, .txt files, JSONL files) into a lazy stream of articles.

Nothing is read before it is needed, so a corpus of any size streams through in constant memory. Each
item is either a `CorpusArticle` or a `SourceError` for input that cannot be an article (empty, binary,
not UTF-8, oversized, a bad JSONL line): bad input is reported, never raised, so one file cannot stop a run.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslens.io.article import MAX_BYTES, Article, article_from_text, read_article
from newslens.exceptions import ArticleError

TEXT_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FRONT_MATTER_KEYS = ("title", "date", "source")
FRONT_MATTER_LINE = re.compile(r"(?i)^(title|date|source)[ \t]*:[ \t]*(.*?)[ \t]*$")
SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
MAX_ID_CHARS = 80


@dataclass(frozen=True)
class CorpusArticle:
    """An article with the metadata a collection knows about it; `text_offset` is where the analysed text
    starts in its file (the length of a front-matter header), so file offsets are offset + text_offset."""

    article: Article
    date: str | None = None
    source: str | None = None
    origin: str = ""
    text_offset: int = 0

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    def metadata(self) -> dict:
        """What the corpus adds to an extraction: title, date, outlet and where the text came from."""
        return {"title": self.article.title, "date": self.date, "source": self.source, "origin": self.origin,
                "text_offset": self.text_offset, "words": len(self.article.text.split())}


@dataclass(frozen=True)
class SourceError:
    """Input that could not become an article, named as the user would find it (a path or FILE:LINE)."""

    path_or_id: str
    error: str


def iso_date(value: object) -> str | None:
    """An ISO 8601 date or timestamp reduced to its calendar day; anything else is unknown (None)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None


def safe_id(raw: str) -> str:
    """A file-name-safe article id; an id that had to change gets a short hash so two never collide."""
    cleaned = SAFE_ID.sub("_", raw).strip("._")[:MAX_ID_CHARS]
    if cleaned == raw:
        return raw
    return f"{cleaned or 'article'}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:8]}"


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """(header fields, body, body offset): a header is one or more `title:`/`date:`/`source:` lines and
    then a blank line; a text without one is all body."""
    fields: dict[str, str] = {}
    offset = 1 if text.startswith("\ufeff") else 0
    position = offset
    while True:
        end = text.find("\n", position)
        if end < 0:
            return {}, text, 0
        line = text[position:end].rstrip("\r")
        match = FRONT_MATTER_LINE.match(line)
        if match and match.group(1).lower() not in fields:
            fields[match.group(1).lower()] = match.group(2)
            position = end + 1
            continue
        if fields and not line.strip():
            return fields, text[end + 1:], end + 1
        return {}, text, 0


def from_text_file(path: Path) -> CorpusArticle:
    """A .txt article, with its front-matter header (if any) as metadata and the rest as the text."""
    article = read_article(path)
    fields, body, offset = split_front_matter(article.text)
    if fields:
        article = article_from_text(body, doc_id=article.doc_id, path=str(path))
        article = dataclasses.replace(article, title=fields.get("title") or article.title)
    return CorpusArticle(article=article, date=iso_date(fields.get("date")), source=fields.get("source") or None,
                         origin=str(path), text_offset=offset)


def from_json_record(record: object, where: str) -> CorpusArticle:
    """One JSONL line: `id` (or `url`), `text`, optionally `title`, `date`, `source`."""
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: a line must be a JSON object")
    raw_id = record.get("id") if record.get("id") not in (None, "") else record.get("url")
    if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise ArticleError(f"{where}: the record has no id or url")
    text = record.get("text")
    if not isinstance(text, str):
        raise ArticleError(f"{where}: the record has no text")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ArticleError(f"{where}: the text is larger than the {MAX_BYTES}-byte limit for one article")
    article = article_from_text(text, doc_id=safe_id(str(raw_id)), path=where)
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        article = dataclasses.replace(article, title=title.strip())
    source = record.get("source")
    return CorpusArticle(article=article, date=iso_date(record.get("date")),
                         source=source.strip() if isinstance(source, str) and source.strip() else None,
                         origin=where)


def from_jsonl(path: Path) -> Iterator[CorpusArticle | SourceError]:
    """The articles of a JSONL file, one per non-blank line, read line by line."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                where = f"{path}:{number}"
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    yield SourceError(where, "not UTF-8 text")
                    continue
                except json.JSONDecodeError as exc:
                    yield SourceError(where, f"not a JSON object ({exc.msg})")
                    continue
                try:
                    yield from_json_record(record, where)
                except ArticleError as exc:
                    yield SourceError(where, str(exc).removeprefix(f"{where}: "))
    except OSError as exc:
        yield SourceError(str(path), f"cannot be read ({exc.strerror or exc})")


def input_files(inputs: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """The files named by INPUT...: folders are searched recursively for .txt and JSONL files, in a fixed
    (sorted) order so that every run sees the same stream."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in (TEXT_SUFFIX, *JSONL_SUFFIXES))
            yield from sorted((p for p in found if p.is_file()), key=lambda p: p.as_posix())
        elif path.is_file():
            yield path
        else:
            yield SourceError(str(path), "no such file or folder")


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[CorpusArticle | SourceError]:
    """Every article of the inputs, lazily, each once: a second article with an id already seen is an error
    (its result file would overwrite the first one's)."""
    seen: dict[str, str] = {}
    for path in input_files(inputs):
        if isinstance(path, SourceError):
            yield path
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            items: Iterable[CorpusArticle | SourceError] = from_jsonl(path)
        else:
            try:
                items = [from_text_file(path)]
            except ArticleError as exc:
                items = [SourceError(str(path), str(exc).removeprefix(f"{path}: "))]
        for item in items:
            if isinstance(item, CorpusArticle):
                first = seen.setdefault(item.doc_id, item.origin)
                if first != item.origin:
                    item = SourceError(item.origin, f"duplicate article id '{item.doc_id}' (first in {first})")
            yield item
