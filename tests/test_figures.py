"""Figures: each chart shows what the Analysis holds, empty analyses say so, and saved files reproduce."""
from __future__ import annotations

from dataclasses import replace

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.transforms import Bbox

from handmade import TEXT, empty_analysis, mentions, rich_analysis
from newslens.io.article import article_from_text
from newslens.model import Actor, Relation
from newslens.render import figures

CHARTS = [figures.mention_chart, figures.network_chart, figures.quote_chart, figures.timeline_chart]


def texts(fig: Figure) -> list[str]:
    """Every string drawn in the figure: titles, tick labels, annotations, legend entries."""
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


@pytest.fixture(scope="module")
def analysis():
    return rich_analysis()


def test_mention_chart_has_one_bar_per_actor_with_its_count_and_type_colour(analysis):
    fig = figures.mention_chart(analysis)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = dict(zip(labels, (bar.get_width() for bar in bars(ax))))
    assert widths == {"North Korea": 3, "Jake Sullivan": 2, "Russia": 2, "Kremlin": 2, "United States": 1,
                      "Dmitry Peskov": 1, "Kim Jong Un": 1}
    assert labels[0] == "North Korea"  # most mentioned on top
    colours = {label: to_hex(bar.get_facecolor()) for label, bar in zip(labels, bars(ax))}
    assert colours["Jake Sullivan"] == "#aa9cfc" and colours["Kremlin"] == "#7aecec" and colours["Russia"] == "#feca74"
    assert {"PERSON", "ORG", "GPE"} <= set(texts(fig))


def test_network_links_actors_with_predicate_labels_and_category_colours(analysis):
    fig = figures.network_chart(analysis)
    drawn = texts(fig)
    for name in ("United States", "North Korea", "Russia", "Dmitry Peskov", "Kim Jong Un"):
        assert name in drawn
    assert "Kremlin" not in drawn  # mentioned, but neither acts, is acted upon, nor speaks
    assert "Jake Sullivan" not in drawn  # quoted only: no link to draw, and the figure says so
    assert any("1 quoted actor without relations is not drawn" in t for t in drawn)
    assert {"warn", "not supply", "meet"} <= set(drawn)
    arrows = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
    assert sorted(to_hex(a.get_edgecolor()) for a in arrows) == sorted(
        [figures.EVENT_CATEGORY_COLORS[c] for c in ("threaten", "provide", "meet")])
    assert {"threaten", "provide", "meet", "negated"} <= set(drawn)  # legend


def test_network_merges_repeated_relations_into_one_labelled_arrow():
    base = rich_analysis()
    again = replace(base.relations[0], predicate="threaten")
    fig = figures.network_chart(replace(base, relations=base.relations + (again,)))
    assert len([p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]) == 3
    assert "warn, threaten" in texts(fig)


def test_quote_chart_stacks_direct_and_indirect_per_speaker(analysis):
    fig = figures.quote_chart(analysis)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Jake Sullivan"]
    direct, indirect, mixed = (bars(ax)[i] for i in range(3))
    assert (direct.get_width(), indirect.get_width(), mixed.get_width()) == (1, 1, 0)
    assert indirect.get_x() == 1  # stacked after the direct quote


def test_quote_chart_gives_unattributed_quotes_their_own_bar(analysis):
    orphan = replace(analysis.quotes[0], id="q3", speaker=None)
    fig = figures.quote_chart(replace(analysis, quotes=analysis.quotes + (orphan,)))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Jake Sullivan", figures.UNATTRIBUTED]


def test_timeline_places_each_mention_at_its_relative_position(analysis):
    fig = figures.timeline_chart(analysis)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "United States"  # ordered by first appearance
    xs = sorted(x for collection in ax.collections for x, y in collection.get_offsets() if y == rows.index("Russia"))
    expected = sorted(100 * TEXT.index(word) / len(TEXT) for word in ("Russia", "Moscow"))
    assert xs == pytest.approx(expected)


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_empty_analysis_gives_a_figure_that_says_so(chart):
    fig = chart(empty_analysis())
    assert isinstance(fig, Figure)
    assert any(t.startswith("No ") for t in texts(fig))


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_charts_leave_no_pyplot_state_behind(chart, analysis):
    before = plt.get_fignums()
    chart(analysis)
    assert plt.get_fignums() == before


def test_save_figure_writes_identical_png_and_svg_bytes_every_time(analysis, tmp_path):
    first = figures.save_figure(figures.network_chart(analysis), "net", tmp_path / "a")
    second = figures.save_figure(figures.network_chart(analysis), "net", tmp_path / "b")
    assert [p.name for p in first] == ["net.png", "net.svg"]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and svg.lstrip().startswith("<?xml")
    assert first[0].read_bytes().startswith(b"\x89PNG") and b"Software" not in first[0].read_bytes()


def test_svg_keeps_hostile_actor_names_inert(analysis, tmp_path):
    """An SVG opened in a browser runs its scripts; names from the article must not become markup."""
    hostile = replace(analysis.actors[0], name="--><script>alert(1)</script><!--")
    fig = figures.mention_chart(replace(analysis, actors=(hostile,) + analysis.actors[1:]))
    _, svg = figures.save_figure(fig, "hostile", tmp_path)
    assert "<script" not in svg.read_text(encoding="utf-8")


def crowded_analysis():
    """Fourteen actors with long names, linked by events and affiliations in every direction."""
    names = [f"{word} International Cooperation Council" if n % 3 == 0 else f"President {word} Smith"
             for n, word in enumerate("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima "
                                      "Mike November".split())]
    text = " ".join(f"{name} spoke." for name in names) + "\n"
    actors = tuple(Actor(f"a{n}", name, "ORG" if n % 3 == 0 else "PERSON", mentions(text, name))
                   for n, name in enumerate(names))
    predicates = ["warn", "meet with", "hold talks with", "issue warning to", "supply", "attack"]
    relations = []
    for n in range(len(actors)):
        for step in (1, 3, 5):
            target = (n + step) % len(actors)
            affiliation = (n + step) % 4 == 0
            relations.append(Relation(f"a{n}", "advisor to" if affiliation else predicates[(n + step) % 6],
                                      f"a{target}", text, 0, len(text), negated=step == 5,
                                      category="affiliation" if affiliation else "meet"))
    base = rich_analysis()
    return replace(base, article=article_from_text(text, "crowded"), actors=actors, quotes=(),
                   relations=tuple(relations))


def assert_labels_apart(fig, nodes, labels):
    """No label covers a node or another label, and every label stays inside the figure."""
    for i, label in enumerate(labels):
        assert not any(label.overlaps(node) for node in nodes), f"label {i} covers a node"
        assert not any(label.overlaps(other) for other in labels[i + 1:]), f"label {i} covers another label"
        assert fig.bbox.contains(label.x0, label.y0) and fig.bbox.contains(label.x1, label.y1)


def network_boxes(fig):
    """Rendered bounding boxes of the node markers, the actor names and the relation labels."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    markers = ax.collections[0]
    centres = ax.transData.transform(markers.get_offsets())
    radii = [(size ** 0.5) / 2 * fig.dpi / 72 for size in markers.get_sizes()]
    nodes = [Bbox.from_extents(x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radii)]
    labels = {gid: [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == gid]
              for gid in ("node-label", "edge-label")}
    return nodes, labels["node-label"], labels["edge-label"]


@pytest.mark.parametrize("make", [rich_analysis, crowded_analysis], ids=["handmade", "crowded"])
def test_network_labels_cover_no_node_and_no_other_label(make):
    analysis = make()
    fig = figures.network_chart(analysis)
    nodes, names, relations = network_boxes(fig)
    assert len(names) + sum("(unnamed node)" in t for t in texts(fig)) >= len(nodes) > 0
    assert_labels_apart(fig, nodes, names + relations)
    drawn_or_listed = " ".join(texts(fig))
    for relation in analysis.relations:  # every relation is labelled on the figure or listed under it
        assert relation.predicate in drawn_or_listed


def test_network_draws_affiliations_apart_from_events():
    fig = figures.network_chart(crowded_analysis())
    arrows = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
    dotted = [a for a in arrows if a.get_linestyle() == ":"]
    assert dotted and all(to_hex(a.get_edgecolor()) == figures.AFFILIATION_COLOR for a in dotted)
    assert "affiliation (role)" in texts(fig)
    assert any(t.startswith("Who acts on whom: 14 actors") and "affiliation" in t for t in texts(fig))


def test_a_network_of_quoted_actors_only_says_so_in_words(analysis):
    fig = figures.network_chart(replace(analysis, relations=()))
    assert not fig.axes[0].collections  # no floating nodes
    assert any("No relations between actors" in t and "1 actor is quoted" in t for t in texts(fig))


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("make", [rich_analysis, crowded_analysis], ids=["handmade", "crowded"])
def test_legends_never_cover_the_data(chart, make):
    fig = chart(make())
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    legends = fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), f"{chart.__name__}: legend over the plot"


@pytest.mark.parametrize("chart", [figures.mention_chart, figures.quote_chart, figures.timeline_chart])
def test_legends_never_cover_the_title(chart):
    fig = chart(rich_analysis())
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    titles = [t for t in [fig._suptitle, *(ax.title for ax in fig.axes)] if t is not None and t.get_text()]
    assert titles
    for legend in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
        box = legend.get_window_extent(renderer)
        for title in titles:
            assert not box.overlaps(title.get_window_extent(renderer)), f"{chart.__name__}: legend over the title"


def test_a_dollar_in_a_corpus_label_is_drawn_as_typed():
    import pandas as pd

    from newslens.corpus import figures as corpus_figures

    entities = pd.DataFrame({"name": ["Fund $5 million", "Ana Ruiz"], "type": ["ORG", "PERSON"],
                             "mentions": [3, 2], "articles": [2, 1], "aliases": ["", ""]})
    fig = corpus_figures.entity_chart({"entities": entities})
    FigureCanvasAgg(fig).draw()
    labels = [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    assert labels == ["Fund $5 million", "Ana Ruiz"]
