"""Figures of one Analysis: who is mentioned, who acts on whom, who is quoted, and where.

Every function draws from the Analysis alone (it never re-runs NLP) and returns a standalone
`matplotlib.figure.Figure` built without pyplot, so no global figure state leaks between reports.
"""
from __future__ import annotations

import functools
import io
import math
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from newslens.model import Analysis
from newslens.model import ACTOR_TYPES, AFFILIATION, QUOTE_KINDS, UNATTRIBUTED, Actor
from newslens.english.inflection import plural

# displaCy's entity colours, so the charts and the annotated text speak the same colour language.
ACTOR_TYPE_COLORS = {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "NORP": "#c887fb",
    "LOC": "#ff9561", "EVENT": "#ffeb80", "OTHER": "#d9d9d9",
}
EVENT_CATEGORY_COLORS = {
    "threaten": "#d62728", "accuse": "#ff7f0e", "demand": "#bcbd22", "cooperate": "#2ca02c",
    "meet": "#17becf", "provide": "#1f77b4", "fight": "#8c564b", "communicate": "#7f7f7f",
    "support": "#9467bd", "oppose": "#e377c2", "act": "#6b6ecf", None: "#b0b0b0",
}
QUOTE_KIND_COLORS = {"direct": "#1f77b4", "indirect": "#aec7e8", "mixed": "#ff9896"}
SVG_HASH_SALT = "newslens"  # SVG clip-path ids are salted hashes; a fixed salt makes them reproducible
LABEL_WIDTH = 28
AFFILIATION_COLOR = "#555555"
# The network: a square axes box at the left (so the circle stays round), legend to its right, notes below.
NETWORK_SIZE = (11.5, 8.6)
NETWORK_AXES = (0.02, 0.08, 7.6 / 11.5, 7.6 / 8.6)
NETWORK_LEGEND_AT = (0.72, 0.93)
NETWORK_REACH = 1.4  # data units shown around the unit circle: room for names written outside it
LABEL_GAP_PX = 2
PNG_DPI = 150
# Names, verbs and quotes from the article become labels: draw them as plain text, never parse "$...$" as math
# (an unknown command would raise and lose the report). Every chart is built under PLAIN_TEXT (plain_text below),
# which covers the texts made while it is built; tick labels also take PLAIN, because matplotlib remakes them
# when it draws, after the chart function has returned. No global matplotlib setting is changed.
PLAIN = {"parse_math": False}
PLAIN_TEXT = {"text.parse_math": False}


def plain_text(chart: Callable[..., Figure]) -> Callable[..., Figure]:
    """A chart function whose texts are all plain (see PLAIN)."""
    @functools.wraps(chart)
    def built_plain(*args, **kwargs) -> Figure:
        with matplotlib.rc_context(PLAIN_TEXT):
            return chart(*args, **kwargs)
    return built_plain


def type_color(actor_type: str) -> str:
    """Colour of an actor type; unknown types share OTHER's grey."""
    return ACTOR_TYPE_COLORS.get(actor_type, ACTOR_TYPE_COLORS["OTHER"])


def category_color(category: str | None) -> str:
    """Colour of an event category; None and unknown categories are grey."""
    return EVENT_CATEGORY_COLORS.get(category, EVENT_CATEGORY_COLORS[None])


def short_label(name: str, width: int = LABEL_WIDTH) -> str:
    """One-line label that keeps long organisation names from eating the axis."""
    return textwrap.shorten(name, width=width, placeholder="…")


def most_mentioned(analysis: Analysis, top: int) -> list[Actor]:
    """The `top` most mentioned actors, ties broken by first appearance, as actors_df orders them."""
    order = analysis.actors_df()["id"].tolist()[:top]
    return [analysis.actor(actor_id) for actor_id in order]


@plain_text
def empty_figure(title: str, message: str) -> Figure:
    """A small figure that says why there is nothing to draw, so a report never has a silent gap."""
    fig = Figure(figsize=(8, 1.6), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontweight="bold")
    ax.text(0.5, 0.4, message, ha="center", va="center", fontsize=11, color="#555555")
    return fig


def type_legend_handles(types: list[str]) -> list[Patch]:
    return [Patch(facecolor=type_color(t), edgecolor="#444444", label=t) for t in types]


def present_types(actors: list[Actor]) -> list[str]:
    """Actor types that occur, in the model's canonical order."""
    seen = {a.type for a in actors}
    return [t for t in ACTOR_TYPES if t in seen] + sorted(seen - set(ACTOR_TYPES))


@plain_text
def mention_chart(analysis: Analysis, top: int = 15) -> Figure:
    """Horizontal bars of mention counts per actor, coloured by actor type."""
    title = "Who is mentioned"
    actors = most_mentioned(analysis, top)
    if not actors:
        return empty_figure(title, "No actors were found in this article.")
    fig = Figure(figsize=(9, 1.2 + 0.38 * len(actors)), layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(actors))
    counts = [len(a.mentions) for a in actors]
    bars = ax.barh(positions, counts, color=[type_color(a.type) for a in actors], edgecolor="#444444")
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_yticks(positions, [short_label(a.name) for a in actors], **PLAIN)
    ax.invert_yaxis()
    ax.set_xlabel("mentions (names, aliases, pronouns)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.08)
    ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(f"{title}: the {len(actors)} most mentioned actors", x=0.01, ha="left", fontweight="bold")
    fig.legend(handles=type_legend_handles(present_types(actors)), title="actor type", loc="outside right upper")
    return fig


def network_actor_ids(analysis: Analysis) -> list[str]:
    """Actors that relate to another actor, in order of first appearance. Actors who are only quoted have no
    link to draw; the quotes chart shows them."""
    involved = {i for r in analysis.relations if r.source != r.target for i in (r.source, r.target)}
    first = {a.id: min(m.start for m in a.mentions) for a in analysis.actors if a.mentions}
    return sorted((i for i in involved if analysis.actor(i)), key=lambda i: (first.get(i, 0), i))


@dataclass(frozen=True)
class NetworkEdge:
    """All relations from one actor to another in one event class, drawn as a single labelled arrow."""

    source: str
    target: str
    category: str | None
    negated: bool
    predicates: tuple[str, ...]
    hypothetical: bool = False  # supposed, not stated as a fact: drawn like a negated edge, labelled 'might'

    @property
    def label(self) -> str:
        text = short_label(", ".join(self.predicates), 32)
        return f"not {text}" if self.negated else f"might {text}" if self.hypothetical else text

    @property
    def unstated(self) -> bool:
        """Not a fact the text states: denied or supposed."""
        return self.negated or self.hypothetical

    @property
    def affiliation(self) -> bool:
        return self.category == AFFILIATION


def network_edges(analysis: Analysis, node_ids: list[str]) -> list[NetworkEdge]:
    """Relations between distinct network actors, merged per (source, target, category, negation)."""
    nodes = set(node_ids)
    grouped: dict[tuple, dict[str, None]] = {}
    for r in analysis.relations:
        if r.source != r.target and r.source in nodes and r.target in nodes:
            key = (r.source, r.target, r.category, r.negated, not r.negated and r.status == "hypothetical")
            grouped.setdefault(key, {})[r.predicate] = None
    return [NetworkEdge(s, t, c, n, tuple(predicates), h) for (s, t, c, n, h), predicates in grouped.items()]


def edge_curvatures(edges: list[NetworkEdge]) -> list[float]:
    """Arc curvature per edge so that parallel and opposite edges between two actors stay apart."""
    per_pair = Counter(frozenset((e.source, e.target)) for e in edges)
    seen: Counter = Counter()
    curvatures = []
    for edge in edges:
        pair = frozenset((edge.source, edge.target))
        curvatures.append(0.1 + 0.18 * seen[pair] if per_pair[pair] > 1 else 0.08)
        seen[pair] += 1
    return curvatures


def circle_order(graph: nx.Graph) -> list[str]:
    """Actors around a circle: the most connected spread apart, each flanked by the actors it links to.

    Hubs next to each other would pile their many arrows and labels into one corner.
    """
    by_degree = sorted(graph, key=lambda n: -graph.degree(n))  # stable: ties keep text order
    hubs = [n for n in by_degree if graph.degree(n) >= 3][:6] or by_degree[:1]
    flank: dict[str, list[str]] = {hub: [] for hub in hubs}
    loners = []
    for node in by_degree:
        if node in flank:
            continue
        linked = [hub for hub in hubs if graph.has_edge(node, hub)]
        (flank[min(linked, key=lambda hub: len(flank[hub]))] if linked else loners).append(node)
    order = []
    for hub, leaves in flank.items():
        half = len(leaves) // 2
        order += leaves[:half] + [hub] + leaves[half:]
    return order + loners


def network_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions on a circle: no randomness, the same drawing on every run, every node on the rim so that
    its name can be written outside the circle, away from the arrows."""
    return {node: tuple(xy) for node, xy in nx.circular_layout(circle_order(graph)).items()}


def arc_point(start, end, rad: float, t: float) -> tuple[float, float]:
    """A point of matplotlib's arc3 Bezier curve (valid in data space because the axes keep aspect 1)."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    return ((1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t ** 2 * x2,
            (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t ** 2 * y2)


class LabelPlacer:
    """Places text where it covers no node and no other label, trying candidate spots in order.

    Overlap is measured on the renderer's own bounding boxes, so what is checked is what is drawn. A label
    that fits nowhere is not drawn: the caller lists it under the figure instead. That is the guarantee.
    """

    def __init__(self, fig: Figure, node_boxes: list[Bbox]):
        self.renderer = FigureCanvasAgg(fig).get_renderer()
        self.frame = fig.bbox
        self.taken = list(node_boxes)

    def place(self, ax, candidates: list[dict], text: str, **style) -> Text | None:
        for candidate in candidates:
            artist = ax.annotate(text, **candidate, **style)
            box = artist.get_window_extent(self.renderer).padded(LABEL_GAP_PX)
            if self.fits(box):
                self.taken.append(box)
                return artist
            artist.remove()
        return None

    def fits(self, box: Bbox) -> bool:
        inside = self.frame.contains(box.x0, box.y0) and self.frame.contains(box.x1, box.y1)
        return inside and not any(box.overlaps(other) for other in self.taken)


def node_boxes(ax, pos: dict, radius_pt: dict[str, float], dpi: float) -> dict[str, Bbox]:
    """Each node marker's square bounding box in display pixels."""
    boxes = {}
    for node, (x, y) in pos.items():
        cx, cy = ax.transData.transform((x, y))
        r = radius_pt[node] * dpi / 72
        boxes[node] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    return boxes


def node_label_candidates(x: float, y: float, radius_pt: float) -> list[dict]:
    """Spots for an actor's name: outside the circle first (away from the arrows), then around the node."""
    gap = radius_pt + 3
    angle = math.atan2(y, x) if (x, y) != (0, 0) else math.pi / 2
    spots = [angle, angle + 0.5, angle - 0.5, math.pi / 2, -math.pi / 2, 0.0, math.pi]
    candidates = []
    for distance in (gap, gap + 10, gap + 22):
        for a in spots:
            dx, dy = math.cos(a), math.sin(a)
            candidates.append({
                "xy": (x, y), "xytext": (distance * dx, distance * dy), "textcoords": "offset points",
                "ha": "left" if dx > 0.3 else "right" if dx < -0.3 else "center",
                "va": "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"})
    return candidates


def edge_label_candidates(start, end, rad: float) -> list[dict]:
    """Spots for a relation's label: along its own arc, from the middle outwards."""
    return [{"xy": arc_point(start, end, rad, t), "ha": "center", "va": "center"}
            for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)]


@plain_text
def network_chart(analysis: Analysis) -> Figure:
    """Actors as nodes (sized by mentions, coloured by type); events as arrows labelled and coloured by kind,
    affiliations as dotted grey arrows labelled with the role. No label covers a node or another label."""
    title = "Who acts on whom"
    node_ids = network_actor_ids(analysis)
    quoted_only = {q.speaker for q in analysis.quotes if analysis.actor(q.speaker)} - set(node_ids)
    if not node_ids:
        also = f" {plural(len(quoted_only), 'actor is', 'actors are')} quoted: see “Who is quoted”." \
            if quoted_only else ""
        return empty_figure(title, f"No relations between actors were found in this article.{also}")
    edges = network_edges(analysis, node_ids)
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from((e.source, e.target) for e in edges)
    pos = network_layout(graph)

    fig = Figure(figsize=NETWORK_SIZE, dpi=100)
    ax = fig.add_axes(NETWORK_AXES)
    ax.set_axis_off()
    ax.set_xlim(-NETWORK_REACH, NETWORK_REACH)
    ax.set_ylim(-NETWORK_REACH, NETWORK_REACH)  # the axes box is square, so data space keeps aspect 1
    actors = [analysis.actor(i) for i in node_ids]
    sizes = [min(300 + 60 * len(a.mentions), 1400) for a in actors]
    ax.scatter([pos[i][0] for i in node_ids], [pos[i][1] for i in node_ids], s=sizes,
               c=[type_color(a.type) for a in actors], edgecolors="#444444", zorder=3)
    radius = {i: (s ** 0.5) / 2 for i, s in zip(node_ids, sizes)}  # marker area is in points²
    placer = LabelPlacer(fig, list(node_boxes(ax, pos, radius, fig.dpi).values()))
    unplaced = []
    for actor in actors:
        label = short_label(actor.name, 30)
        if placer.place(ax, node_label_candidates(*pos[actor.id], radius[actor.id]), label,
                        fontsize=9, fontweight="bold", zorder=4, gid="node-label") is None:
            unplaced.append(f"{actor.name} (unnamed node)")

    for edge, rad in zip(edges, edge_curvatures(edges)):
        color = AFFILIATION_COLOR if edge.affiliation else category_color(edge.category)
        style = ":" if edge.affiliation else "--" if edge.unstated else "-"
        ax.add_patch(FancyArrowPatch(
            pos[edge.source], pos[edge.target], connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>",
            mutation_scale=14 if edge.affiliation else 16, color=color, zorder=2, linestyle=style,
            linewidth=1.2 if edge.affiliation else 1.2 + 0.6 * len(edge.predicates),
            shrinkA=radius[edge.source], shrinkB=radius[edge.target] + 2))
        placed = placer.place(ax, edge_label_candidates(pos[edge.source], pos[edge.target], rad), edge.label,
                              fontsize=8, color=color, zorder=5, gid="edge-label",
                              fontstyle="italic" if edge.affiliation else "normal",
                              bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                                    "alpha": 0.85})
        if placed is None:
            unplaced.append(f"{analysis.actor_name(edge.source)} → {analysis.actor_name(edge.target)}: {edge.label}")

    categories = [c for c in EVENT_CATEGORY_COLORS if c in {e.category for e in edges if not e.affiliation}]
    handles = [Line2D([], [], color=category_color(c), linewidth=2.5, label=c or "other") for c in categories]
    if any(e.unstated for e in edges):
        label = "negated" if not any(e.hypothetical for e in edges) else "negated or hypothetical"
        handles.append(Line2D([], [], color="#444444", linestyle="--", label=label))
    if any(e.affiliation for e in edges):
        handles.append(Line2D([], [], color=AFFILIATION_COLOR, linestyle=":", linewidth=2, label="affiliation (role)"))
    handles += type_legend_handles(present_types(actors))
    fig.legend(handles=handles, title="event / actor type", loc="upper left", bbox_to_anchor=NETWORK_LEGEND_AT,
               frameon=False)
    events = sum(1 for e in edges if not e.affiliation)
    counts = [plural(len(node_ids), "actor"), plural(events, "event link")]
    counts += [plural(len(edges) - events, "affiliation")] if len(edges) > events else []
    subtitle = ", ".join(counts)
    fig.suptitle(f"{title}: {subtitle}", x=0.01, ha="left", fontweight="bold")
    notes = []
    if quoted_only:
        notes.append(f"{plural(len(quoted_only), 'quoted actor')} without relations "
                     f"{'is' if len(quoted_only) == 1 else 'are'} not drawn (see “Who is quoted”).")
    if unplaced:
        notes.append("Labels with no free space: " + "; ".join(unplaced))
    if notes:
        fig.text(0.01, 0.01, textwrap.fill(" ".join(notes), 150), fontsize=8, color="#555555", va="bottom",
                 gid="network-notes")
    return fig


@plain_text
def quote_chart(analysis: Analysis) -> Figure:
    """Quotes per speaker, stacked by kind (direct, indirect, mixed); unattributed quotes get their own bar."""
    title = "Who is quoted"
    if not analysis.quotes:
        return empty_figure(title, "No quotes or reported statements were found in this article.")
    counts: dict[str, Counter] = {}
    for quote in analysis.quotes:  # text order, so ties keep the first-quoted speaker first
        counts.setdefault(analysis.actor_name(quote.speaker) or UNATTRIBUTED, Counter())[quote.kind] += 1
    speakers = sorted(counts, key=lambda s: (s == UNATTRIBUTED, -sum(counts[s].values())))
    fig = Figure(figsize=(9, 1.4 + 0.42 * len(speakers)), layout="constrained")
    ax = fig.add_subplot()
    positions = range(len(speakers))
    left = [0] * len(speakers)
    for kind in QUOTE_KINDS:
        values = [counts[s][kind] for s in speakers]
        ax.barh(positions, values, left=left, color=QUOTE_KIND_COLORS[kind], edgecolor="#444444", label=kind)
        left = [a + b for a, b in zip(left, values)]
    for position, total in zip(positions, left):
        ax.text(total, position, f" {total}", va="center", fontsize=9)
    ax.set_yticks(positions, [short_label(s) for s in speakers], **PLAIN)
    ax.invert_yaxis()
    ax.set_xlabel("quotes and reported statements")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.08)
    ax.spines[["top", "right"]].set_visible(False)
    named = len(speakers) - (UNATTRIBUTED in counts)
    # a figure title: an axes title runs under the legend placed beside the axes
    fig.suptitle(f"{title}: {plural(len(analysis.quotes), 'statement')} by {plural(named, 'named source')}"
                 + (" and unattributed" if UNATTRIBUTED in counts else ""), x=0.01, ha="left", fontweight="bold")
    fig.legend(*ax.get_legend_handles_labels(), title="quote kind", loc="outside right upper")
    return fig


@plain_text
def timeline_chart(analysis: Analysis, top: int = 12) -> Figure:
    """Where each of the main actors is mentioned, from the first to the last character of the article."""
    title = "Where actors appear"
    actors = most_mentioned(analysis, top)
    if not actors:
        return empty_figure(title, "No actors were found in this article.")
    actors.sort(key=lambda a: min(m.start for m in a.mentions))
    length = max(1, len(analysis.article.text))
    fig = Figure(figsize=(10, 1.4 + 0.42 * len(actors)), layout="constrained")
    ax = fig.add_subplot()
    for quote in analysis.quotes:
        ax.axvspan(100 * quote.start / length, 100 * quote.end / length, color="#e8e8e8", zorder=0)
    for row, actor in enumerate(actors):
        for named in (True, False):
            xs = [100 * m.start / length for m in actor.mentions if (m.kind in ("name", "alias")) == named]
            ax.scatter(xs, [row] * len(xs), s=60, marker="o", zorder=3, edgecolors="#444444",
                       c=type_color(actor.type) if named else "white")
    ax.set_yticks(range(len(actors)), [short_label(a.name) for a in actors], **PLAIN)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the article (% of characters)")
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor="#999999", markeredgecolor="#444444",
                      label="named"),
               Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#444444",
                      label="pronoun / description"),
               Patch(facecolor="#e8e8e8", label="inside a quote")]
    handles += type_legend_handles(present_types(actors))
    fig.legend(handles=handles, loc="outside right upper", frameon=False)
    fig.suptitle(f"{title}: mentions of the {len(actors)} most mentioned actors", x=0.01, ha="left",
                 fontweight="bold")
    return fig


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG at the saved resolution, without dates: the same figure gives the same bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def save_figure(fig: Figure, stem: str, out_dir: str | Path, png: bytes | None = None) -> tuple[Path, Path]:
    """Write STEM.png (`png` when already drawn) and STEM.svg; the same figure gives the same bytes
    (no dates, fixed SVG ids)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    png_path, svg_path = out / f"{stem}.png", out / f"{stem}.svg"
    png_path.write_bytes(png if png is not None else png_bytes(fig))
    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "path"}):
        fig.savefig(svg_path, format="svg", metadata={"Date": None, "Creator": None})
    return png_path, svg_path
