"""Figures of a corpus, drawn from the DataFrames of `corpus.overview` (never from text).

Like the article figures: standalone matplotlib Figures without pyplot, the article report's colours,
and a small figure that says why when there is nothing to draw. Labels come from article text, so a
dollar sign is escaped: matplotlib would read "$...$" as math.
"""
from __future__ import annotations

import textwrap

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

from newslens.corpus import overview
from newslens.render.figures import QUOTE_KIND_COLORS, empty_figure, short_label, type_color, type_legend_handles

NETWORK_MAX_NODES = 30
SPEECH_COLORS = [QUOTE_KIND_COLORS["direct"], QUOTE_KIND_COLORS["indirect"], QUOTE_KIND_COLORS["mixed"]]


def plain(label: object) -> str:
    """Text shown as typed: no mathtext."""
    return str(label).replace("$", r"\$")


def label(name: object, width: int = 28) -> str:
    return plain(short_label(str(name), width))


def entity_chart(tables: dict[str, pd.DataFrame], by: str = "mentions", top: int = 15) -> Figure:
    """Horizontal bars of the most mentioned (or quoted) entities, coloured by type."""
    title = f"Most {'quoted' if by == 'quotes' else 'mentioned'} entities"
    rows = overview.top_entities(tables, by, top)
    if rows.empty:
        return empty_figure(title, f"No entity has any {by} in this corpus.")
    fig = Figure(figsize=(9, 1.4 + 0.4 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(rows))
    ax.barh(positions, rows[by], color=[type_color(t) for t in rows["type"]], edgecolor="#444444")
    for position, value, articles in zip(positions, rows[by], rows["articles"]):
        ax.text(value, position, f" {value} ({articles} art.)", va="center", fontsize=9)
    ax.set_yticks(positions, [label(n) for n in rows["name"]])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.15)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(f"{by} across all articles")
    ax.legend(handles=type_legend_handles(sorted(set(rows["type"]))), loc="lower right", title="type")
    ax.set_title(title, loc="left", fontweight="bold")
    return fig


def share_chart(tables: dict[str, pd.DataFrame]) -> Figure:
    """Three views of who speaks: by kind of speaker, by how the text refers to people, direct or reported."""
    title = "Who is quoted, and how"
    if tables["quotes"].empty:
        return empty_figure(title, "No quotes or reported statements were found in this corpus.")
    panels = [(overview.speaker_groups(tables), "speaker", "by kind of speaker"),
              (overview.speaker_reference(tables), "the text refers to the speaker as",
               "people, by the text's pronouns\n(not a gender inference)"),
              (overview.speech_kinds(tables), "speech", "direct or reported")]
    fig = Figure(figsize=(12, 3.6), layout="constrained")
    for ax, (frame, column, subtitle) in zip(fig.subplots(1, 3), panels):
        ax.set_title(subtitle, fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        if frame.empty:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "none", ha="center", va="center", color="#555555")
            continue
        positions = range(len(frame))
        ax.barh(positions, frame["quotes"], color=SPEECH_COLORS[0] if column != "speech" else SPEECH_COLORS,
                edgecolor="#444444")
        for position, count, share in zip(positions, frame["quotes"], frame["share"]):
            ax.text(count, position, f" {count} ({share:.0%})", va="center", fontsize=9)
        ax.set_yticks(positions, [textwrap.fill(plain(v), 18) for v in frame[column]])
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.margins(x=0.35)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return fig


def source_chart(tables: dict[str, pd.DataFrame], top: int = 8) -> Figure:
    """A heat map of outlets against the most quoted speakers."""
    title = "Who is quoted by which source"
    table = overview.quotes_by_source(tables, top)
    if table.empty:
        return empty_figure(title, "No attributed quotes were found in this corpus.")
    fig = Figure(figsize=(2.5 + 0.9 * table.shape[1], 1.8 + 0.45 * table.shape[0]), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
    for (row, column), value in pd.DataFrame(table.to_numpy()).stack().items():
        ax.text(column, row, str(value), ha="center", va="center", fontsize=9,
                color="white" if value > table.to_numpy().max() / 2 else "black")
    ax.set_xticks(range(table.shape[1]), [textwrap.fill(label(c, 40), 14) for c in table.columns], fontsize=8)
    ax.set_yticks(range(table.shape[0]), [label(i) for i in table.index])
    fig.colorbar(image, ax=ax, label="quotes", shrink=0.8)
    ax.set_title(title, loc="left", fontweight="bold")
    return fig


def time_chart(tables: dict[str, pd.DataFrame]) -> Figure:
    """Quotes per day (or month) of publication."""
    title = "Quotes over time"
    frame = overview.quotes_over_time(tables)
    if frame.empty:
        return empty_figure(title, "No dated article has quotes: the articles carry no dates.")
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    ax = fig.add_subplot()
    ax.bar(range(len(frame)), frame["quotes"], color=SPEECH_COLORS[0], edgecolor="#444444")
    ax.set_xticks(range(len(frame)), frame["period"], rotation=45, ha="right", fontsize=8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylabel("quotes")
    ax.set_title(f"{title} (by date of publication)", loc="left", fontweight="bold")
    return fig


def network_chart(tables: dict[str, pd.DataFrame], max_nodes: int = NETWORK_MAX_NODES) -> Figure:
    """Entities linked by the relations the articles state; thicker edges are stated by more articles."""
    title = "The corpus network"
    edges = overview.network_edges(tables)
    if edges.empty:
        return empty_figure(title, "No relation between two entities was found in this corpus.")
    graph = nx.DiGraph()
    for row in edges.itertuples():
        graph.add_edge(row.source_entity, row.target_entity, weight=int(row.articles))
    if graph.number_of_nodes() > max_nodes:
        keep = sorted(graph, key=lambda n: (-graph.degree(n, weight="weight"), n))[:max_nodes]
        graph = graph.subgraph(keep).copy()
    entities = tables["entities"].set_index("entity")
    nodes = sorted(graph)
    pos = nx.circular_layout(nodes) if len(nodes) > 2 else {n: (i, 0) for i, n in enumerate(nodes)}
    fig = Figure(figsize=(10, 7.5), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    nx.draw_networkx_edges(graph, pos, ax=ax, width=[1 + 1.5 * graph.edges[e]["weight"] for e in graph.edges],
                           edge_color="#777777", arrows=True, arrowsize=14, node_size=900,
                           connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes, node_size=900, edgecolors="#444444",
                           node_color=[type_color(entities.loc[n, "type"]) for n in nodes])
    for node in nodes:
        x, y = pos[node]
        ax.text(x, y, textwrap.fill(label(entities.loc[node, "name"], 40), 16), ha="center", va="center",
                fontsize=9, fontweight="bold")
    types = sorted({entities.loc[n, "type"] for n in nodes})
    ax.legend(handles=type_legend_handles(types), loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              title="entity type")
    ax.margins(0.15)
    ax.set_title(f"{title}: {len(nodes)} entities, {graph.number_of_edges()} links (width: articles stating it)",
                 loc="left", fontweight="bold")
    return fig
