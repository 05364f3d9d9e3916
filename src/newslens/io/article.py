"""Article input: read an untrusted text file into an Article, or fail with a one-line ArticleError."""
from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from newslens.exceptions import ArticleError
from newslens.io.outputs import file_kind

MAX_BYTES = 2_000_000  # about 300k words: far beyond any news article, small enough to analyse in memory
TITLE_MAX_CHARS = 150
# Prose has line breaks and tabs, and hardly any other control character (a stray form feed from a
# PDF); a text where they are more than 1 in 100 characters is a binary or terminal dump, not an article.
MAX_CONTROL_SHARE = 0.01
LAYOUT_CONTROLS = frozenset("\n\r\t")
CLOSING_QUOTE_MARKS = "\"'”’»"
LINE_END_MARKS = ".!?,…"


@dataclass(frozen=True)
class Article:
    """The exact text analysed (offsets index into it), its identity and provenance."""

    doc_id: str
    text: str
    title: str | None
    sha256: str
    path: str | None = None


def looks_like_title(line: str, rest: str) -> bool:
    """A short first line without closing punctuation, followed by body text, is a headline. A headline
    may end in a quotation (`Mayor: "We will rebuild"`); a sentence that ends in one has its full stop,
    question or exclamation mark, or comma, inside the marks (`He said "no."`)."""
    line = line.strip()
    if not line or not rest.strip() or len(line) > TITLE_MAX_CHARS:
        return False
    body = line.rstrip(CLOSING_QUOTE_MARKS)
    return bool(body) and body[-1] not in LINE_END_MARKS + ":;"


# Unicode's control characters (category Cc: C0, DEL and C1) other than the layout ones, as one character class.
CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7f, 0xa0)]
                                    if chr(c) not in LAYOUT_CONTROLS) + "]")


def control_share(text: str) -> float:
    """The share of characters that are control characters other than line breaks and tabs."""
    return len(CONTROLS.findall(text)) / max(1, len(text))


def article_from_text(text: str, doc_id: str, path: str | None = None) -> Article:
    """Build an Article from text already in memory; the text is kept exactly as given."""
    where = path or doc_id
    if "\x00" in text:
        raise ArticleError(f"{where}: looks like a binary file (contains NUL bytes)")
    if not text.strip():
        raise ArticleError(f"{where}: the article is empty")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise ArticleError(f"{where}: looks like a binary file ({control_share(text):.0%} of its characters "
                           "are control characters)")
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    title = first.strip() if looks_like_title(first, rest) else None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(doc_id=doc_id, text=text, title=title, sha256=digest, path=path)


def read_article(path: str | Path) -> Article:
    """Read a UTF-8 .txt article; doc_id is the file stem."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise ArticleError(f"{p}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{p}: cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise ArticleError(f"{p}: is {file_kind(mode)}, not an article file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{p}: {size} bytes is larger than the {MAX_BYTES}-byte limit for one article")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{p}: cannot read: {exc.strerror or type(exc).__name__}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{p}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    return article_from_text(text, doc_id=p.stem, path=str(p))
