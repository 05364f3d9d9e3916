"""Figures of a corpus, drawn from the DataFrames of `corpus.overview` (never from text).

Like the article figures: standalone matplotlib Figures without pyplot, the article report's colours,
its label placement for the network, and a small figure that says why when there is nothing to draw.
Labels come from article text, so every chart is built as the article charts are (`plain_text`): "Fund $5
million" shows as written, and no "$...$" is read as math.
"""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import MaxNLocator

from newslens.corpus import overview
from newslens.render.figures import (AFFILIATION_COLOR, NETWORK_AXES, NETWORK_LEGEND_AT, NETWORK_REACH, NETWORK_SIZE,
                                     PLAIN, QUOTE_KIND_COLORS, LabelPlacer, circle_order, edge_curvatures,
                                     edge_label_candidates, node_boxes, node_label_candidates, plain_text,
                                     short_label, type_color, type_legend_handles)

NETWORK_MAX_NODES = 30
SPEECH_COLORS = [QUOTE_KIND_COLORS["direct"], QUOTE_KIND_COLORS["indirect"], QUOTE_KIND_COLORS["mixed"]]
EVENT_COLOR = "#1f77b4"
# counts from 1 up: light blue to dark, so a single quote is visibly coloured (0 stays white)
HEAT = LinearSegmentedColormap.from_list("newslens-heat", ["#c6dbef", "#08306b"])


def label(name: object, width: int = 28) -> str:
    return short_label(str(name), width)


@plain_text
def empty_figure(title: str, message: str) -> Figure:
    """A small figure that says, in words, why there is nothing to draw."""
    fig = Figure(figsize=(9, 1.4), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontweight="bold", **PLAIN)
    ax.text(0.0, 0.45, textwrap.fill(message, 110), ha="left", va="center", fontsize=11, color="#555555",
            transform=ax.transAxes, **PLAIN)
    return fig


@plain_text
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
        ax.text(value, position, f" {value} ({overview.counted(int(articles), 'article')})", va="center",
                fontsize=9)
    ax.set_yticks(positions, [label(n) for n in rows["name"]], **PLAIN)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.15)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(f"{by} across all articles")
    ax.legend(handles=type_legend_handles(sorted(set(rows["type"]))), loc="lower right", title="type")
    ax.set_title(title, loc="left", fontweight="bold")
    return fig


@plain_text
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
        ax.set_yticks(positions, [textwrap.fill(str(v), 18) for v in frame[column]], **PLAIN)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.margins(x=0.35)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return fig


@plain_text
def source_chart(tables: dict[str, pd.DataFrame], top: int = 8) -> Figure:
    """A heat map of outlets against the most quoted speakers."""
    title = "Who is quoted by which source"
    table = overview.quotes_by_source(tables, top)
    if table.empty:
        return empty_figure(title, "No attributed quotes were found in this corpus.")
    fig = Figure(figsize=(3.5 + 0.9 * table.shape[1], 1.8 + 0.45 * table.shape[0]), layout="constrained")
    ax = fig.add_subplot()
    counts = table.to_numpy()
    top = max(1, int(counts.max()))
    image = ax.imshow(np.ma.masked_equal(counts, 0), cmap=HEAT, vmin=1, vmax=max(2, top), aspect="auto")
    ax.set_facecolor("white")
    for (row, column), value in np.ndenumerate(counts):
        if value:
            ax.text(column, row, str(value), ha="center", va="center", fontsize=9,
                    color="white" if value > top / 2 else "black")
    ax.set_xticks(range(table.shape[1]), [textwrap.fill(label(c, 40), 14) for c in table.columns], fontsize=8,
                  **PLAIN)
    ax.set_yticks(range(table.shape[0]), [label(i) for i in table.index], **PLAIN)
    ax.set_xticks(np.arange(-0.5, table.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, table.shape[0]), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    colorbar = fig.colorbar(image, ax=ax, label="quotes (blank: none)", shrink=0.8)
    colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, loc="left", fontweight="bold")
    return fig


@plain_text
def time_chart(tables: dict[str, pd.DataFrame]) -> Figure:
    """Quotes per day (or month) of publication, on a time axis: gaps between dates are drawn to scale."""
    title = "Quotes over time"
    frame = overview.quotes_over_time(tables)
    if frame.empty:
        articles = tables["articles"]
        dated = int(articles["date"].notna().sum())
        if not dated:
            message = (f"None of the {overview.counted(len(articles), 'article')} has a date (a `date:` line, a "
                       "JSONL `date` or a dateline), so quotes cannot be placed in time.")
        else:
            message = f"The {overview.counted(dated, 'dated article')} hold no quotes."
        return empty_figure(title, message)
    monthly = frame["unit"].iloc[0] == "month"
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    ax = fig.add_subplot()
    width = 24 if monthly else 0.8  # days
    ax.bar(frame["period"] + pd.Timedelta(days=12 if monthly else 0), frame["quotes"], width=width,
           color=SPEECH_COLORS[0], edgecolor="#444444")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    first, last = frame["period"].min(), frame["period"].max()
    pad = pd.Timedelta(days=40 if monthly else 2)
    ax.set_xlim(first - pad, last + pad + pd.Timedelta(days=30 if monthly else 0))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylabel("quotes")
    ax.set_xlabel(f"date of publication (one bar per {'month' if monthly else 'day'})")
    undated = int(tables["articles"]["date"].isna().sum())
    note = f"; {overview.counted(undated, 'undated article')} left out" if undated else ""
    ax.set_title(f"{title} (by date of publication{note})", loc="left", fontweight="bold")
    return fig


@plain_text
def network_chart(tables: dict[str, pd.DataFrame], max_nodes: int = NETWORK_MAX_NODES) -> Figure:
    """Entities linked by the relations the articles state: events as solid blue arrows, affiliations (a role
    at the target) as dotted grey ones, each labelled with its predicates; thicker when more articles state
    it. Labels are placed as in the article network: none covers a node or another label, and one that
    finds no room is listed under the figure. The title counts what is drawn and what the corpus holds."""
    title = "The corpus network"
    edges = overview.network_edges(tables)
    if edges.empty:
        return empty_figure(title, "No relation between two entities was found in this corpus.")
    graph = nx.Graph()
    for row in edges.itertuples():
        weight = graph.get_edge_data(row.source_entity, row.target_entity, {"weight": 0})["weight"]
        graph.add_edge(row.source_entity, row.target_entity, weight=weight + int(row.articles))
    all_entities = graph.number_of_nodes()
    if all_entities > max_nodes:
        graph = graph.subgraph(strongest_nodes(graph, edges, max_nodes)).copy()
    shown = edges[edges["source_entity"].isin(graph) & edges["target_entity"].isin(graph)].reset_index(drop=True)
    entities = tables["entities"].set_index("entity")
    nodes = circle_order(graph.subgraph(sorted(graph)))
    pos = {n: tuple(xy) for n, xy in nx.circular_layout(nodes).items()} if len(nodes) > 2 else \
        {n: (-0.6 + 1.2 * i, 0.0) for i, n in enumerate(nodes)}

    fig = Figure(figsize=NETWORK_SIZE, dpi=100)
    ax = fig.add_axes(NETWORK_AXES)
    ax.set_axis_off()
    ax.set_xlim(-NETWORK_REACH, NETWORK_REACH)
    ax.set_ylim(-NETWORK_REACH, NETWORK_REACH)
    sizes = [min(300 + 120 * int(entities.loc[n, "articles"]), 1400) for n in nodes]
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=sizes, edgecolors="#444444", zorder=3,
               c=[type_color(entities.loc[n, "type"]) for n in nodes])
    radius = {n: (size ** 0.5) / 2 for n, size in zip(nodes, sizes)}
    placer = LabelPlacer(fig, list(node_boxes(ax, pos, radius, fig.dpi).values()))
    unplaced = []
    for node in nodes:
        name = entities.loc[node, "name"]
        if placer.place(ax, node_label_candidates(*pos[node], radius[node]), label(name, 30), fontsize=9,
                        fontweight="bold", zorder=4, gid="node-label", **PLAIN) is None:
            unplaced.append(f"{name} (unnamed node)")
    links = [(row.source_entity, row.target_entity) for row in shown.itertuples()]
    for row, rad in zip(shown.itertuples(), edge_curvatures([Link(s, t) for s, t in links])):
        affiliation = row.kind == "affiliation"
        color = AFFILIATION_COLOR if affiliation else EVENT_COLOR
        start, end = pos[row.source_entity], pos[row.target_entity]
        ax.add_patch(FancyArrowPatch(
            start, end, connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>", mutation_scale=14, color=color,
            linestyle=":" if affiliation else "-", linewidth=1.2 + 1.2 * (int(row.articles) - 1), zorder=2,
            shrinkA=radius[row.source_entity], shrinkB=radius[row.target_entity] + 2))
        text = short_label(row.predicates, 32)
        if placer.place(ax, edge_label_candidates(start, end, rad), text, fontsize=8, color=color, zorder=5,
                        gid="edge-label", fontstyle="italic" if affiliation else "normal",
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                              "alpha": 0.85}, **PLAIN) is None:
            unplaced.append(f"{row.source} → {row.target}: {row.predicates}")
    kinds = set(shown["kind"])
    handles = ([Line2D([], [], color=EVENT_COLOR, linewidth=2.5, label="event")] if "event" in kinds else []) + \
        ([Line2D([], [], color=AFFILIATION_COLOR, linestyle=":", linewidth=2, label="affiliation (role)")]
         if "affiliation" in kinds else [])
    handles.append(Line2D([], [], color="#444444", linewidth=3.6, label="thicker: more articles"))
    handles += type_legend_handles(sorted({entities.loc[n, "type"] for n in nodes}))
    fig.legend(handles=handles, title="link / entity type", loc="upper left", bbox_to_anchor=NETWORK_LEGEND_AT,
               frameon=False)
    drawn = f"{overview.counted(len(nodes), 'entity', 'entities')}, {overview.counted(len(shown), 'link')}"
    if len(nodes) < all_entities:
        drawn = (f"the {len(nodes)} most linked of {all_entities:,} entities, {len(shown):,} of "
                 f"{overview.counted(len(edges), 'link')}")
    fig.suptitle(f"{title}: {drawn}", x=0.01, ha="left", fontweight="bold")
    if unplaced:
        fig.text(0.01, 0.01, textwrap.fill("Labels with no free space: " + "; ".join(unplaced), 150), fontsize=8,
                 color="#555555", va="bottom", gid="network-notes", **PLAIN)
    return fig


def strongest_nodes(graph: nx.Graph, edges: pd.DataFrame, budget: int) -> set[str]:
    """At most `budget` entities for a network too big to draw whole: the ends of the links stated by the
    most articles, then of the links of the best-connected entities, so that what is drawn is links."""
    degree = dict(graph.degree(weight="weight"))
    ranked = sorted(edges.itertuples(), key=lambda r: (-int(r.articles),
                                                       -(degree[r.source_entity] + degree[r.target_entity]),
                                                       r.source_entity, r.target_entity))
    keep: set[str] = set()
    for row in ranked:
        ends = {row.source_entity, row.target_entity} - keep
        if len(keep) + len(ends) <= budget:
            keep |= ends
    return keep


class Link:
    """What edge_curvatures needs of an edge: its two ends."""

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
