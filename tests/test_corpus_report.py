"""The corpus report's figures, tables and prose, on corpus tables built by hand for the tests (no NLP):
labels that never overlap, links styled by kind, counts that agree, a real time axis, empty figures that
say why, tables without an index column, plain dollar signs, and sentences a researcher would write."""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text

from newslens.corpus import figures, overview
from newslens.corpus.tables import SCHEMAS
from test_figures import assert_labels_apart, network_boxes

PEOPLE = ["Anne Varga", "Bo Lindqvist", "Chen Wei", "Dara Okoye", "Emil Novak", "Farah Haddad", "Goran Petrov",
          "Hana Sato", "Ivo Marin", "Jana Kral", "Kofi Mensah", "Lena Berg", "Marek Zielinski", "Nina Rossi",
          "Omar Said", "Paula Reyes", "Quentin Moreau", "Rosa Alves"]
BODIES = ["Harbour Workers Union of the Northern Coast", "Ministry of Transport", "Fund $5 million", "City Council",
          "Port Authority", "National Rail Company", "Regional Court", "Ferry Operators Association",
          "Chamber of Commerce", "Dock Safety Board", "Coastal Police", "Shipping Federation",
          "Weather Service", "University of the Coast", "Airport Company", "Water Board", "Energy Agency",
          "Teachers Union", "Hospital Trust", "Road Agency", "Housing Office", "Tourism Board"]


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    columns = [field.name for field in SCHEMAS[name]]
    return pd.DataFrame(rows, columns=columns)


def corpus_tables(dates: list[str | None] | None = None, relations: bool = True) -> dict[str, pd.DataFrame]:
    """A corpus of len(dates) articles: people quoted, people affiliated with bodies and acting on them."""
    dates = dates if dates is not None else ["2006-02-03", "2008-08-10", "2016-09-21"]
    entities = [{"entity": f"P{i}", "name": name, "type": "PERSON", "aliases": name, "articles": 1 + i % 3,
                 "mentions": 3 + i % 4, "quotes": 1 + i % 2, "direct_quotes": i % 2, "reported_quotes": 1,
                 "reference": "not stated"} for i, name in enumerate(PEOPLE)]
    entities += [{"entity": f"B{i}", "name": name, "type": "ORG", "aliases": name, "articles": 1, "mentions": 2,
                  "quotes": 0, "direct_quotes": 0, "reported_quotes": 0} for i, name in enumerate(BODIES)]
    articles = [{"doc_id": f"a{n}", "title": f"Article {n}", "date": date,
                 "date_from": "dateline" if date else None, "source": None, "words": 100, "sha256": "0" * 64,
                 "origin": f"a{n}.txt", "actors": 5, "quotes": 2, "relations": 2} for n, date in enumerate(dates)]
    quotes = [{"doc_id": f"a{n % len(dates)}", "id": f"q{n}", "kind": "direct" if n % 2 else "indirect",
               "speaker": "A1", "entity": f"P{n}", "speaker_name": PEOPLE[n], "speaker_type": "PERSON",
               "text": "We will see.", "start": 0, "end": 10, "confidence": 1.0} for n in range(len(PEOPLE))]
    rows = []
    if relations:
        for i in range(len(PEOPLE)):
            rows.append({"doc_id": f"a{i % len(dates)}", "source": "A1", "source_entity": f"P{i}",
                         "predicate": "spokesperson", "target": "A2", "target_entity": f"B{i}",
                         "category": "affiliation", "negated": False, "start": 0, "end": 5})
            rows.append({"doc_id": f"a{(i + 1) % len(dates)}", "source": "A1", "source_entity": f"P{i}",
                         "predicate": "criticised", "target": "A3", "target_entity": f"B{(i + 3) % len(BODIES)}",
                         "category": "oppose", "negated": False, "start": 0, "end": 5})
    return {"articles": frame("articles", articles), "actors": frame("actors", []),
            "mentions": frame("mentions", []), "quotes": frame("quotes", quotes),
            "relations": frame("relations", rows), "entities": frame("entities", entities)}


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("size", [len(PEOPLE) + len(BODIES), 12])
def test_network_labels_never_overlap_and_stay_in_the_figure(size):
    fig = figures.network_chart(corpus_tables(), max_nodes=size)
    nodes, names, links = network_boxes(fig)  # as the article network test measures them
    assert names and links
    assert_labels_apart(fig, nodes, names + links)
    drawn = " ".join(texts(fig))
    assert len(names) + drawn.count("(unnamed node)") == len(nodes)


def test_network_links_are_styled_by_kind_with_a_legend():
    fig = figures.network_chart(corpus_tables(), max_nodes=100)
    arrows = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
    dotted = [a for a in arrows if a.get_linestyle() == ":"]
    solid = [a for a in arrows if a.get_linestyle() == "-"]
    assert len(dotted) == len(PEOPLE) and len(solid) == len(PEOPLE)
    assert {to_rgba(a.get_edgecolor()) for a in dotted} != {to_rgba(a.get_edgecolor()) for a in solid}
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "event" in legend and "affiliation (role)" in legend
    assert any("spokesperson" in t for t in texts(fig)) and any("criticised" in t for t in texts(fig))


def test_network_counts_agree_with_the_summary():
    tables = corpus_tables()
    edges = overview.network_edges(tables)
    linked = len(set(edges["source_entity"]) | set(edges["target_entity"]))
    fig = figures.network_chart(tables, max_nodes=12)
    title = fig._suptitle.get_text()
    drawn = sum(isinstance(p, FancyArrowPatch) for p in fig.axes[0].patches)
    assert drawn > 0 and title.endswith(f"the 12 most linked of {linked} entities, {drawn} of {len(edges)} links")
    assert any(p.startswith(f"{len(edges)} links between entities are stated")
               for p in overview.summary_paragraphs(tables))
    whole = figures.network_chart(tables, max_nodes=100)._suptitle.get_text()
    assert whole.endswith(f": {linked} entities, {len(edges)} links")


def test_the_time_axis_is_a_time_axis():
    fig = figures.time_chart(corpus_tables(["2006-02-03", "2008-08-10", "2016-09-21"]))
    bars = sorted((p for p in fig.axes[0].patches if isinstance(p, Rectangle)), key=lambda p: p.get_x())
    assert len(bars) == 3
    first, second, third = (bar.get_x() + bar.get_width() / 2 for bar in bars)
    # months apart: 30 and 97 months, drawn to scale (not evenly spaced categories)
    assert (third - second) / (second - first) == pytest.approx(97 / 30, rel=0.05)


def test_figures_with_nothing_to_draw_say_so_in_words():
    undated = corpus_tables([None, None])
    assert any("None of the 2 articles has a date" in t for t in texts(figures.time_chart(undated)))
    unlinked = corpus_tables(relations=False)
    assert any("No relation between two entities" in t for t in texts(figures.network_chart(unlinked)))


def test_a_single_quote_in_the_heat_map_is_coloured():
    tables = corpus_tables(["2016-09-21"])
    tables["articles"]["source"] = "Coast Wire"
    tables["quotes"] = tables["quotes"].head(1)
    tables["entities"]["quotes"] = [1] + [0] * (len(tables["entities"]) - 1)
    fig = figures.source_chart(tables)
    [image] = fig.axes[0].get_images()
    colour = image.cmap(image.norm(1))
    assert sum(abs(c - 1.0) for c in colour[:3]) > 0.3  # clearly not white


def test_dollar_signs_are_drawn_as_written(monkeypatch):
    monkeypatch.setitem(matplotlib.rcParams, "text.parse_math", True)  # whatever the global setting
    tables = corpus_tables()
    fig = figures.network_chart(tables, max_nodes=100)
    drawn = [t for t in fig.findobj(Text) if "$" in t.get_text()]
    assert drawn and all(t.get_text() == "Fund $5 million" and not t.get_parse_math() for t in drawn)
    FigureCanvasAgg(fig).draw()  # mathtext would fail or swallow the dollar; plain text draws


def test_tables_have_no_index_column_and_say_how_many_rows_they_show():
    entities = corpus_tables()["entities"]
    html = overview.table_html(entities, rows=30, what="entities")
    assert "Showing the first 30 of 40 entities" in html
    header = html.split("<thead>")[1].split("</thead>")[0]
    assert header.count("<th") == len(entities.columns) and ">entity<" in header
    assert html.count("<tr>") == 31 and "nan" not in html.replace("Hanan", "")
    assert 'class="text" style="text-align: left; vertical-align: top">Anne Varga<' in html
    assert 'class="number" style="text-align: right; vertical-align: top">3<' in html
    assert "text-align: left" in html
    short = overview.table_html(entities.head(3))
    assert "Showing" not in short
    assert "&lt;b&gt;" in overview.table_html(pd.DataFrame({"name": ["<b>x</b>"]}))


def test_the_article_index_links_are_quoted(tmp_path):
    tables = corpus_tables()
    tables["articles"].loc[0, "doc_id"] = "brief#1 50%"
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "brief#1 50%.html").write_text("", encoding="utf-8")
    html = overview.article_index(tables, tmp_path)
    assert 'href="reports/brief%231%2050%25.html"' in html
    assert "2006-02-03 (dateline)" in html


def test_the_summary_reads_as_a_sentence():
    tables = corpus_tables([None, None])
    first, *_ = paragraphs = overview.summary_paragraphs(tables)
    assert first.startswith("The corpus holds 2 articles (200 words) from no named source; none is dated.")
    speakers = next(p for p in paragraphs if p.startswith("Of 18 quotes"))
    assert "Most statements come from people (100%)." in speakers
    assert paragraphs[-1] == "36 links between entities are stated, each in one article only."
    repeated = corpus_tables()
    repeated["relations"].loc[2, "doc_id"] = "a1"  # P1's affiliation, stated in a0 and a1
    repeated["relations"].loc[2, "source_entity"], repeated["relations"].loc[2, "target_entity"] = "P0", "B0"
    assert overview.summary_paragraphs(repeated)[-1] == (
        "35 links between entities are stated; the most repeated, “Anne Varga” → “Harbour Workers Union of the "
        "Northern Coast” (affiliation: as spokesperson), appears in 2 articles.")
    one = corpus_tables(["2016-09-21"])
    one["articles"]["source"] = "Coast Wire"
    assert overview.summary_paragraphs(one)[0].startswith(
        "The corpus holds 1 article (100 words) from 1 named source, dated 2016-09-21 to 2016-09-21.")
