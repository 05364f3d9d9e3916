"""Corpus sources: turn INPUT paths (folders, .txt files, JSONL files) into a lazy stream of articles.

Nothing is read before it is needed, so a corpus of any size streams through in constant memory. Each
item is either a `CorpusArticle` or a `SourceError` for input that cannot be an article (empty, binary,
not UTF-8, oversized, a bad JSONL line): bad input is reported, never raised, so one file cannot stop a run.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dateutil.parser

from newslens.io.article import MAX_BYTES, Article, article_from_text, read_article
from newslens.exceptions import ArticleError
from newslens.io.outputs import file_kind

TEXT_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FRONT_MATTER_LINE = re.compile(r"(?i)^(title|date|source)[ \t]*:[ \t]*(.*?)[ \t]*$")
RECORD_FIELDS = ("id", "url", "text", "title", "date", "source")
SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
MAX_ID_CHARS = 80
DATE_FROM_HEADER, DATE_FROM_RECORD, DATE_FROM_DATELINE = "front matter", "JSONL date", "dateline"
DATELINE_LINES = 4  # a dateline is one of the first lines ("Friday, August 21, 2015" under a Wikinews title)
DATELINE_MAX_CHARS = 40
YEAR = re.compile(r"\b(1[89]|2[01])\d\d\b")
MONTH_WORDS = frozenset(name.casefold() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:]))


@dataclass(frozen=True)
class CorpusArticle:
    """An article with the metadata a collection knows about it; `text_offset` is where the analysed text
    starts in its file (the length of a front-matter header), so file offsets are offset + text_offset."""

    article: Article
    date: str | None = None
    source: str | None = None
    origin: str = ""
    text_offset: int = 0
    date_from: str | None = None  # where the date was read: DATE_FROM_HEADER, DATE_FROM_RECORD or DATE_FROM_DATELINE

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    def metadata(self) -> dict:
        """What the corpus adds to an extraction: title, date, outlet and where the text came from."""
        return {"title": self.article.title, "date": self.date, "date_from": self.date_from if self.date else None,
                "source": self.source, "origin": self.origin, "text_offset": self.text_offset,
                "words": len(self.article.text.split())}


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


def complete_date(line: str) -> str | None:
    """The ISO day a line consists of, when it is nothing but a full date with a year and a month word
    ("Friday, August 21, 2015", "21 Aug 2015") or in ISO form ("2015-08-21"); else None."""
    text = line.strip()
    if not text or len(text) > DATELINE_MAX_CHARS or not YEAR.search(text):
        return None
    words = {word.casefold().rstrip(".") for word in re.findall(r"[A-Za-z.]+", text)}
    if not words & MONTH_WORDS and not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return None
    try:  # parsed with two different defaults: a date that misses its day or month takes one of them
        first = dateutil.parser.parse(text, default=dt.datetime(2000, 1, 1))
        second = dateutil.parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date().isoformat() if first.date() == second.date() else None


def dateline(text: str) -> str | None:
    """The date of a dateline among the text's first lines (a line that is nothing but a date)."""
    lines = [line for line in text.lstrip("\ufeff").split("\n", DATELINE_LINES * 3)[:DATELINE_LINES * 3]
             if line.strip()][:DATELINE_LINES]
    return next((day for day in map(complete_date, lines) if day), None)


def dated(given: str | None, given_from: str, text: str) -> tuple[str | None, str | None]:
    """(date, where it came from): the metadata's own date, else the text's dateline, else unknown."""
    if given:
        return given, given_from
    found = dateline(text)
    return (found, DATE_FROM_DATELINE) if found else (None, None)


def safe_id(raw: str) -> str:
    """A file-name- and URL-safe article id; an id that had to change gets a short hash so two never collide."""
    cleaned = SAFE_ID.sub("_", raw).strip("._")[:MAX_ID_CHARS]
    if cleaned == raw:
        return raw
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned or 'article'}-{digest}"


def lone_surrogate(record: dict) -> str | None:
    """The first field newslens reads whose text holds a lone surrogate (valid JSON, not valid Unicode)."""
    for key in RECORD_FIELDS:
        value = record.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return key
    return None


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
    article = dataclasses.replace(article, doc_id=safe_id(article.doc_id))  # `brief#1.txt`: no # in a link
    fields, body, offset = split_front_matter(article.text)
    if fields:
        article = article_from_text(body, doc_id=article.doc_id, path=str(path))
        article = dataclasses.replace(article, title=fields.get("title") or article.title)
    date, date_from = dated(iso_date(fields.get("date")), DATE_FROM_HEADER, article.text)
    return CorpusArticle(article=article, date=date, date_from=date_from, source=fields.get("source") or None,
                         origin=str(path), text_offset=offset)


def from_json_record(record: object, where: str) -> CorpusArticle:
    """One JSONL line: `id` (or `url`), `text`, optionally `title`, `date`, `source`."""
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: a line must be a JSON object")
    bad_field = lone_surrogate(record)
    if bad_field is not None:
        raise ArticleError(f"{where}: the record's {bad_field} is not valid Unicode (it holds a lone surrogate "
                           "escape such as \\ud800)")
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
    date, date_from = dated(iso_date(record.get("date")), DATE_FROM_RECORD, article.text)
    return CorpusArticle(article=article, date=date, date_from=date_from,
                         source=source.strip() if isinstance(source, str) and source.strip() else None,
                         origin=where)


def from_jsonl(path: Path) -> Iterator[CorpusArticle | SourceError]:
    """The articles of a JSONL file, one per non-blank line, read line by line."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                where = f"{shown(path)}:{number}"
                if not raw.strip():
                    continue
                try:  # a file saved with a byte-order mark keeps its first record
                    record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
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
        yield SourceError(shown(path), f"cannot be read ({exc.strerror or exc})")


def shown(path: str | Path) -> str:
    """A path as text that can always be printed and stored: bytes of a name that is not UTF-8 as \\xNN."""
    text = os.fspath(path)
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that no file name decodes to
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def is_article_name(name: str) -> bool:
    return Path(name).suffix.lower() in (TEXT_SUFFIX, *JSONL_SUFFIXES)


def inside(path: str, folder: str) -> bool:
    """True when the real path `path` is `folder` or lies under it (both real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be read (broken, or a loop), or None when its target exists."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: skipped"
        return f"a broken symbolic link (to {shown(os.readlink(path))}): skipped"
    return None


def walk(root: Path, excluded: str | None, follow_links: bool) -> Iterator[Path | SourceError]:
    """The .txt and JSONL files under root, and what was skipped there: unreadable folders, broken links,
    links out of the folder (unless follow_links), names that are not UTF-8, the output folder."""
    top = os.path.realpath(root)
    folders, files = [root], []
    visited = {top}
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            yield SourceError(shown(folder), f"cannot be read ({exc.strerror or exc})")
            continue
        for entry in entries:
            path = Path(entry.path)
            real = os.path.realpath(path)
            if entry.is_symlink():
                problem = link_problem(path)
                if problem is not None:
                    if is_article_name(entry.name):
                        yield SourceError(shown(path), problem)
                    continue
                if not inside(real, top) and not follow_links and (is_article_name(entry.name)
                                                                   or os.path.isdir(real)):
                    yield SourceError(shown(path), f"a symbolic link out of the input folder (to {shown(real)}): "
                                                   "not followed")
                    continue
            if os.path.isdir(real):
                if excluded is not None and inside(real, excluded):
                    continue  # never read the run's own output (its texts/ copies) as input
                if real not in visited and (not entry.is_symlink() or not inside(real, top)):
                    visited.add(real)
                    folders.append(path)
            elif is_article_name(entry.name):
                files.append(path)
    for path in sorted(files, key=lambda p: os.fsencode(p)):
        yield path


def input_files(inputs: Iterable[str | Path], exclude: str | Path | None = None,
                follow_links: bool = False) -> Iterator[Path | SourceError]:
    """The files named by INPUT...: folders are searched recursively for .txt and JSONL files, in a fixed
    (sorted) order so that every run sees the same stream. A file named twice (`H H/a.txt`, `f f`) is
    read once; the output folder `exclude` is never read; a symbolic link inside a folder that points out
    of it is not followed unless `follow_links` (a file named on the command line is read wherever it is)."""
    excluded = os.path.realpath(exclude) if exclude is not None else None
    seen: set[tuple[int, int]] = set()
    for item in inputs:
        path = Path(item)
        if excluded is not None and inside(os.path.realpath(path), excluded):
            yield SourceError(shown(path), "is inside the output folder (--out): not read as input")
            continue
        if path.is_dir():
            found: Iterable[Path | SourceError] = walk(path, excluded, follow_links)
        elif path.is_file():
            found = [path]
        elif path.is_symlink():
            found = [SourceError(shown(path), link_problem(path) or "cannot be read")]
        elif path.exists():
            found = [SourceError(shown(path), f"is {file_kind(path.stat().st_mode)}, not an article file")]
        else:
            found = [SourceError(shown(path), "no such file or folder")]
        for file in found:
            if isinstance(file, Path):
                try:
                    status = file.stat()
                except OSError as exc:
                    yield SourceError(shown(file), f"cannot be read ({exc.strerror or exc})")
                    continue
                if not stat.S_ISREG(status.st_mode):
                    yield SourceError(shown(file), f"is {file_kind(status.st_mode)}, not an article file")
                    continue
                if (status.st_dev, status.st_ino) in seen:
                    continue  # named twice: one article, read once
                seen.add((status.st_dev, status.st_ino))
                if shown(file) != str(file):
                    yield SourceError(shown(file), "the file name is not valid UTF-8: skipped")
                    continue
            yield file


def unreadable_inputs(inputs: Iterable[str | Path]) -> str | None:
    """Why the command line names a file corpus mode does not read (a .json file is not JSONL), or None."""
    for item in inputs:
        path = Path(item)
        if path.is_file() and not is_article_name(path.name):
            hint = (" (JSON Lines, one object per line, must be named .jsonl)"
                    if path.suffix.lower() == ".json" else "")
            return (f"{shown(path)}: corpus mode reads folders, .txt articles and JSONL files (.jsonl, .ndjson), "
                    f"not a {path.suffix or 'suffix-less'} file{hint}")
    return None


def iter_articles(inputs: Iterable[str | Path], exclude: str | Path | None = None,
                  follow_links: bool = False) -> Iterator[CorpusArticle | SourceError]:
    """Every article of the inputs, lazily, each once: a second article with an id already seen is an error
    (its result file would overwrite the first one's)."""
    seen: dict[str, str] = {}
    for path in input_files(inputs, exclude, follow_links):
        if isinstance(path, SourceError):
            yield path
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            items: Iterable[CorpusArticle | SourceError] = from_jsonl(path)
        else:
            try:
                items = [from_text_file(path)]
            except ArticleError as exc:
                items = [SourceError(shown(path), str(exc).removeprefix(f"{path}: "))]
        for item in items:
            if isinstance(item, CorpusArticle):
                first = seen.setdefault(item.doc_id, item.origin)
                if first != item.origin:
                    item = SourceError(item.origin, f"duplicate article id '{item.doc_id}' (first in {first})")
            yield item
