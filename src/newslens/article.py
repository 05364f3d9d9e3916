"""Article input: read an untrusted text file into an Article, or fail with a one-line ArticleError."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from newslens.exceptions import ArticleError

MAX_BYTES = 2_000_000  # about 300k words: far beyond any news article, small enough to analyse in memory
TITLE_MAX_CHARS = 150


@dataclass(frozen=True)
class Article:
    """The exact text analysed (offsets index into it), its identity and provenance."""

    doc_id: str
    text: str
    title: str | None
    sha256: str
    path: str | None = None


def looks_like_title(line: str, rest: str) -> bool:
    """A short first line without closing punctuation, followed by body text, is a headline."""
    line = line.strip()
    return bool(line) and bool(rest.strip()) and len(line) <= TITLE_MAX_CHARS and line[-1] not in ".!?:;\"'”’"


def article_from_text(text: str, doc_id: str, path: str | None = None) -> Article:
    """Build an Article from text already in memory; the text is kept exactly as given."""
    where = path or doc_id
    if "\x00" in text:
        raise ArticleError(f"{where}: looks like a binary file (contains NUL bytes)")
    if not text.strip():
        raise ArticleError(f"{where}: the article is empty")
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    title = first.strip() if looks_like_title(first, rest) else None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(doc_id=doc_id, text=text, title=title, sha256=digest, path=path)


def read_article(path: str | Path) -> Article:
    """Read a UTF-8 .txt article; doc_id is the file stem."""
    p = Path(path)
    if p.is_dir():
        raise ArticleError(f"{p}: is a directory, not an article file")
    if not p.is_file():
        raise ArticleError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{p}: {size} bytes is larger than the {MAX_BYTES}-byte limit for one article")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{p}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    return article_from_text(text, doc_id=p.stem, path=str(p))
