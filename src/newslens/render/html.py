"""The article as annotated HTML (actor mentions marked displaCy-style, quotes underlined with their speaker),
the report's tables as whole, readable HTML, and the written report (render.prose) as HTML.

Article text is untrusted. displaCy escapes the text it renders but neither labels, titles nor template
parameters, so everything taken from the Analysis is escaped here before displaCy or a template sees it.
"""
from __future__ import annotations

from html import escape

import pandas as pd
from spacy import displacy
from spacy.displacy.templates import TPL_ENTS

from newslens.model import Analysis
from newslens.render.figures import ACTOR_TYPE_COLORS, QUOTE_KIND_COLORS, type_color
from newslens.render.prose import summary_line, written_report
from newslens.model import QUOTE_KINDS, Quote

# One line, so that no stray whitespace appears around a highlighted name in the flowing text.
MENTION_TEMPLATE = (
    '<mark class="entity newslens-actor" data-actor="{actor_id}" title="{tooltip}" style="background: {bg}; '
    'padding: 0.15em 0.35em; margin: 0 0.1em; line-height: 1; border-radius: 0.35em;">{text}'
    '<span style="font-size: 0.65em; font-weight: bold; margin-left: 0.35rem; vertical-align: middle">'
    '{label}</span></mark>'
)
ENTS_OPEN, ENTS_CLOSE = TPL_ENTS.format(content="\x00", dir="ltr").split("\x00")
ARTICLE_STYLE = "font-size: 15px; line-height: 2.4; max-width: 60em; direction: ltr"
QUOTE_STYLE = "border-bottom: 3px solid {color}; background: {color}26; padding: 0.1em 0"
RELATION_COLUMNS = ["source", "predicate", "target", "category", "cameo", "status", "sentence"]
TABLE_BOX_STYLE = "max-height: 32em; overflow: auto; margin-bottom: 1em"
ROWS_IN_VIEW = 14  # about what the box shows before it scrolls
HEADER_STYLE = "position: sticky; top: 0; background: #fff; text-align: {align}"
SPEAKER_STYLE = ("font-size: 0.7em; font-weight: bold; color: #333; background: #eee; border-radius: 0.35em; "
                 "padding: 0.1em 0.4em; margin-left: 0.25em; vertical-align: middle")


def non_overlapping(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep spans in text order, dropping any that overlap an earlier (or, at equal start, longer) one."""
    kept: list[tuple[int, int, object]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] < span[1] and (not kept or span[0] >= kept[-1][1]):
            kept.append(span)
    return kept


def quote_segments(analysis: Analysis) -> list[tuple[int, int, Quote | None]]:
    """The whole text cut into consecutive pieces, each either inside one quote or outside all quotes."""
    length = len(analysis.article.text)
    quotes = non_overlapping([(max(0, q.start), min(length, q.end), q) for q in analysis.quotes])
    segments, offset = [], 0
    for start, end, quote in quotes:
        if offset < start:
            segments.append((offset, start, None))
        segments.append((start, end, quote))
        offset = end
    if offset < length:
        segments.append((offset, length, None))
    return segments


def mention_markup(analysis: Analysis, start: int, end: int) -> str:
    """displaCy entity markup of text[start:end], with every actor mention inside it highlighted."""
    ents = []
    for actor in analysis.actors:
        tooltip = escape(f"{actor.name} ({actor.role})" if actor.role else actor.name)
        for mention in actor.mentions:
            if start <= mention.start < mention.end <= end:
                ents.append((mention.start - start, mention.end - start, {
                    "label": escape(actor.type), "params": {"actor_id": escape(actor.id), "tooltip": tooltip}}))
    spans = [{"start": s, "end": e, **extra} for s, e, extra in non_overlapping(ents)]
    markup = displacy.render({"text": analysis.article.text[start:end], "ents": spans}, style="ent", manual=True,
                             jupyter=False, options={"template": MENTION_TEMPLATE,
                                                     "colors": {t: type_color(t) for t in ACTOR_TYPE_COLORS}})
    return markup.strip().removeprefix(ENTS_OPEN.strip()).removesuffix(ENTS_CLOSE.strip())


def quote_markup(analysis: Analysis, quote: Quote, inner: str) -> str:
    """A quote underlined in its kind's colour, followed by a badge naming the speaker."""
    kind = quote.kind if quote.kind in QUOTE_KINDS else "mixed"
    speaker = analysis.actor_name(quote.speaker) or "unattributed"
    detail = f"{kind} quote, {speaker}" + (f", cue: {quote.cue}" if quote.cue else "")
    style = QUOTE_STYLE.format(color=QUOTE_KIND_COLORS[kind])
    return (f'<span class="newslens-quote newslens-{kind}" title="{escape(detail)}" style="{style}">{inner}</span>'
            f'<span class="newslens-speaker" style="{SPEAKER_STYLE}">{escape(speaker.upper())}</span>')


def legend(analysis: Analysis) -> str:
    """Colour key for the actor types and quote kinds that occur in this article."""
    types = [t for t in ACTOR_TYPE_COLORS if any(a.type == t for a in analysis.actors)]
    kinds = [k for k in QUOTE_KINDS if any(q.kind == k for q in analysis.quotes)]
    items = [f'<span style="background: {type_color(t)}; padding: 0.1em 0.4em; border-radius: 0.35em; '
             f'margin-right: 0.4em">{escape(t)}</span>' for t in types]
    items += [f'<span style="{QUOTE_STYLE.format(color=QUOTE_KIND_COLORS[k])}; margin-right: 0.4em">{k} quote</span>'
              for k in kinds]
    return f'<div class="newslens-legend" style="font-size: 12px; line-height: 2">{"".join(items)}</div>'


def render_article(analysis: Analysis) -> str:
    """HTML fragment of the full article text with actors and quotes highlighted; all article text escaped."""
    parts = []
    for start, end, quote in quote_segments(analysis):
        inner = mention_markup(analysis, start, end)
        parts.append(quote_markup(analysis, quote, inner) if quote else inner)
    body = "".join(parts)
    return f'<div class="newslens-article" style="{ARTICLE_STYLE}">{legend(analysis)}{body}</div>'


def cell_text(value: object) -> str:
    """A table cell as one line of text: no NaN/None, no line breaks, fixed decimals, yes/no for flags."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(str(value).split())


def table_html(df: pd.DataFrame, empty: str = "No rows.", index: bool = False) -> str:
    """A whole table as escaped HTML: every row (the box scrolls when long), text left-aligned and numbers
    right-aligned, each cell's text whole on one line of content; `empty` in words when there are no rows."""
    if df.empty:
        return f'<p class="newslens-empty">{escape(empty)}</p>'
    table = df.reset_index() if index else df
    numeric = [pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
               for c in table.columns]
    aligns = ["right" if is_number else "left" for is_number in numeric]
    head = "".join(f'<th style="{HEADER_STYLE.format(align=a)}">{escape(str(c))}</th>'
                   for c, a in zip(table.columns, aligns))
    rows = "".join("<tr>" + "".join(f'<td style="text-align: {a}; vertical-align: top">{escape(cell_text(v))}</td>'
                                    for v, a in zip(row, aligns)) + "</tr>"
                   for row in table.itertuples(index=False, name=None))
    note = (f'<p class="newslens-table-note" style="font-size: 12px; color: #555">All {len(table)} rows; '
            f'scroll the table to see them.</p>' if len(table) > ROWS_IN_VIEW else "")
    return (f'{note}<div class="newslens-table" style="{TABLE_BOX_STYLE}"><table class="dataframe">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def relations_table(analysis: Analysis) -> pd.DataFrame:
    """The relations table as the report shows it: each evidence sentence on one line (hard-wrapped text), and the
    status with its source where the text names one ('reported (Valeska Paris)', 'negated (Chile)' for a denial)."""
    df = analysis.relations_df()
    df["sentence"] = [" ".join(sentence.split()) for sentence in df["sentence"]]
    df["status"] = [f"{status} ({source})" if isinstance(source, str) and source else status
                    for status, source in zip(df["status"], df["status_source"])]
    return df[RELATION_COLUMNS]


def heading_html(analysis: Analysis) -> str:
    """The report's title (the article's title, else its id) and its one-line summary, escaped."""
    article = analysis.article
    title = article.title or article.doc_id
    return (f'<h1 class="newslens-title">{escape(title)}</h1>'
            f'<p class="newslens-summary" style="font-size: 16px">{escape(summary_line(analysis))}</p>')


def report_html(analysis: Analysis) -> str:
    """The written report as escaped HTML paragraphs, safe to display whatever the article contains."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in written_report(analysis))
    return f'<div class="newslens-report" style="max-width: 48em; font-size: 15px; line-height: 1.6">{paragraphs}</div>'
