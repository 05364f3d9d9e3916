"""Figures: each chart shows what the Analysis holds, empty analyses say so, and saved files reproduce."""
from __future__ import annotations

from dataclasses import replace

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from handmade import TEXT, empty_analysis, rich_analysis
from newslens import figures

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
    for name in ("United States", "North Korea", "Russia", "Dmitry Peskov", "Kim Jong Un", "Jake Sullivan"):
        assert name in drawn
    assert "Kremlin" not in drawn  # mentioned, but neither acts, is acted upon, nor speaks
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
