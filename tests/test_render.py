"""Annotated article HTML: every mention and quote marked, and hostile article text kept inert."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

from handmade import TEXT, mentions, rich_analysis
from newslens.model import Analysis
from newslens.io.article import article_from_text
from newslens.model import Actor, Quote
from newslens.render import html as render
from newslens.render.html import render_article

XSS_TEXT = (
    "Alert <script>alert(1)</script> in Paris\n"
    "Marie Curie said: “<img src=x onerror=alert(1)> is not an answer.” "
    "The ministry of \"quotes\" & <b>tags</b> replied.\n"
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and all text content, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def xss_analysis() -> Analysis:
    text = XSS_TEXT
    quote_start = text.index("<img")
    quote_end = text.index("answer.") + len("answer.")
    actors = (
        Actor("curie", "Marie Curie <script>x</script>", "PERSON", mentions(text, "Marie Curie"),
              role='minister" onmouseover="alert(1)'),
        Actor("b", "<b>tags</b>", "ORG<script>", mentions(text, "<b>tags</b>")),
    )
    quotes = (Quote("q1", "direct", text[quote_start:quote_end], quote_start, quote_end, speaker="curie",
                    cue="<i>said</i>"),)
    return Analysis(article=article_from_text(text, "xss"), pipeline=rich_analysis().pipeline, actors=actors,
                    quotes=quotes, relations=())


def test_script_and_img_payloads_come_out_as_text_not_markup():
    html = render_article(xss_analysis())
    parsed = Elements(html)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "b", "i"}
    assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text  # shown, not run


def test_actor_and_quote_details_from_the_analysis_are_escaped_in_attributes():
    parsed = Elements(render_article(xss_analysis()))
    marks = [attrs for tag, attrs in parsed.tags if tag == "mark"]
    assert marks[0]["title"] == 'Marie Curie <script>x</script> (minister" onmouseover="alert(1))'
    quote = next(attrs for tag, attrs in parsed.tags if "newslens-quote" in attrs.get("class", ""))
    assert quote["title"] == "direct quote, Marie Curie <script>x</script>, cue: <i>said</i>"


def test_every_mention_is_highlighted_once_with_its_actor_and_type():
    analysis = rich_analysis()
    parsed = Elements(render_article(analysis))
    marked = [attrs["data-actor"] for tag, attrs in parsed.tags if tag == "mark"]
    expected = sorted((m.start, a.id) for a in analysis.actors for m in a.mentions)
    assert marked == [actor_id for _, actor_id in expected]


def test_article_text_survives_in_order():
    parsed = Elements(render_article(rich_analysis()))
    text = "".join(parsed.text)
    for sentence in ("The United States", "warned", "on Monday.", "would pay a price", "met"):
        assert sentence in text
    assert text.index("warned") < text.index("would pay a price") < text.index("met")


def test_quotes_wrap_their_text_and_name_the_speaker():
    html = render_article(rich_analysis())
    assert html.count('class="newslens-quote newslens-direct"') == 1
    assert html.count('class="newslens-quote newslens-indirect"') == 1
    assert html.count(">JAKE SULLIVAN</span>") == 2


def test_overlapping_and_out_of_range_spans_neither_duplicate_text_nor_crash():
    text = "North Korea fired a missile.\n"
    actors = (Actor("nk", "North Korea", "GPE", mentions(text, "North Korea")),
              Actor("k", "Korea", "GPE", mentions(text, "Korea")))
    quotes = (Quote("q1", "direct", "missile", text.index("missile"), len(text) + 40),)
    html = render_article(Analysis(article_from_text(text, "t"), rich_analysis().pipeline, actors, quotes, ()))
    joined = "".join(Elements(html).text)
    assert joined.count("Korea") == 1 and joined.count("missile") == 1


def test_handmade_text_is_not_altered():
    assert "".join(Elements(render_article(rich_analysis())).text).count("North Korea") == TEXT.count("North Korea")


def test_tables_are_whole_escaped_and_aligned_by_kind():
    rows = [{"name": f"Actor <b>{n}</b>", "mentions": n, "sentence": "A line\nbroken in two.", "score": 0.5}
            for n in range(70)]
    html = render.table_html(pd.DataFrame(rows))
    assert html.count("<tr>") == 71  # the header and all 70 rows, none elided
    assert "…" not in html and "rows ×" not in html and "overflow: auto" in html
    assert "All 70 rows; scroll the table to see them." in html
    assert "<b>" not in html and "Actor &lt;b&gt;69&lt;/b&gt;" in html
    assert "A line broken in two." in html and "\\n" not in html and "\n" not in html
    first_row = html.split("<tbody><tr>")[1].split("</tr>")[0]
    assert re.findall(r"text-align: (\w+)", first_row) == ["left", "right", "left", "right"]


def test_an_empty_table_says_so_in_words():
    assert render.table_html(pd.DataFrame(columns=["source", "target"]), empty="No relations.") == \
        '<p class="newslens-empty">No relations.</p>'




def test_the_relations_table_shows_each_status_with_its_source():
    from extraction_helpers import analyse
    a = analyse("Valeska Paris has claimed that the Church of Scientology imprisoned Ana Ruiz. "
                "Kim Jong Un is set to visit Vladimir Putin. Chile did not attack Peru.", "builtin")
    table = render.relations_table(a)
    assert list(table.columns) == render.RELATION_COLUMNS and "negated" not in table.columns
    status = dict(zip(table["target"], table["status"]))
    assert status["Ana Ruiz"] == "reported (Valeska Paris)"
    assert status["Vladimir Putin"] == "planned" and status["Peru"] == "negated"
