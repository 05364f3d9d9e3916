"""An executed report notebook as one self-contained HTML file (nbconvert's lab template, inputs hidden, images
inline) that opens offline: nothing in it fetches from the web.

nbconvert (with jinja2) and nbformat are imported inside to_html: the notebook's kernel imports this package,
and they cost seconds to import.
"""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from newslens.exceptions import ReportError


# nbconvert's lab template loads require.js, MathJax and mermaid from a CDN; a report must open offline.
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
# A URL with a host (http://host, //host, ftp://host): fetching it leaves the machine.
REMOTE_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Where CSS fetches: url(...) and @import "...".
CSS_FETCH = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# Attributes whose URL a browser loads with the page (href only where it is not a link to follow).
FETCH_ATTRIBUTES = {"src", "srcset", "href", "xlink:href", "poster", "data", "background", "manifest"}
FOLLOWED_LINKS = {"a", "area"}
# nbconvert warns on every report that matplotlib images carry no alt text (it adds a generic one).
NBCONVERT_LOG = logging.getLogger("newslens.report.nbconvert")
NBCONVERT_LOG.setLevel(logging.ERROR)
# Notebook cells for the person running it (how to run papermill), not for the reader of the HTML.
HTML_REMOVED_TAGS = ("usage",)


def to_html(notebook_path: Path, title: str) -> str:
    """The executed notebook as one HTML file: inputs hidden, images inline, nothing fetched from the web."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
                            template_file="offline.html.j2", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True, log=NBCONVERT_LOG)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(HTML_REMOVED_TAGS)), enabled=True)
    nb = nbformat.read(notebook_path, as_version=4)
    nb.metadata["title"] = title
    html, _ = exporter.from_notebook_node(nb)
    remote = remote_resources(html)
    if remote:
        raise ReportError(f"{notebook_path.stem}: the HTML report would load a remote resource: {remote[0]}")
    return html


class FetchFinder(HTMLParser):
    """Collects the URLs a browser would fetch when it opens the page: URL attributes of elements and
    CSS url()/@import in style elements and attributes. Text, escaped or not, fetches nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.add_css(value)
            elif name == "srcset":
                self.urls += [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
            elif name in FETCH_ATTRIBUTES and not (name.endswith("href") and tag in FOLLOWED_LINKS):
                self.urls.append(value)
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.urls.append((dict(attrs).get("content") or "").partition("url=")[2])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.add_css(data)

    def add_css(self, css: str) -> None:
        self.urls += [match.group(2) or match.group(4) for match in CSS_FETCH.finditer(css)]


def remote_resources(html: str) -> list[str]:
    """The URLs with a host that the page would load: a self-contained report has none."""
    finder = FetchFinder()
    finder.feed(html)
    finder.close()
    return [url for url in finder.urls if REMOTE_URL.match(url)]
