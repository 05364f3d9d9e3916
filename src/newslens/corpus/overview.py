"""What a corpus says, from its tables: the DataFrames and the written summary of the corpus report.

Every function takes the tables `load_tables` returns and nothing else (no NLP, no files but the
optional article reports), so the notebook only calls and displays.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote
from pathlib import Path

import numpy as np
import pandas as pd

from newslens.model import UNATTRIBUTED

SPEAKER_GROUPS = {"PERSON": "person", "ORG": "organisation", "GPE": "country or place", "LOC": "country or place",
                  "NORP": "group"}
NO_SOURCE = "(no source)"
REFERENCE_ORDER = ["he", "she", "mixed", "not stated"]
DATE_FROM_WORDS = {"front matter": "front matter", "JSONL date": "JSONL dates", "dateline": "datelines"}
# how the written summary names a kind of speaker
SPEAKER_GROUP_NOUNS = {"person": "people", "organisation": "organisations", "country or place": "countries or places",
                       "group": "groups", "other": "other speakers"}
TABLE_ROWS = 30  # rows of a long table shown in the report (the whole table is in DIR/tables)
SPEECH = {"direct": "direct", "indirect": "reported", "mixed": "reported (with a quoted fragment)"}


def counted(count: int, word: str, many: str | None = None) -> str:
    """'1,204 articles': a count with thousands separators, and its noun."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def share_table(counts: pd.Series, label: str) -> pd.DataFrame:
    """Counts with their share of the total, largest first (ties by name)."""
    counts = counts[counts > 0]
    frame = pd.DataFrame({label: counts.index, "quotes": counts.to_numpy()})
    frame = frame.sort_values(["quotes", label], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = frame["quotes"].sum()
    frame["share"] = (frame["quotes"] / total).round(3) if total else 0.0
    return frame


def overview(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Articles, words, sources, date range, entities, quotes and relations, as one small table."""
    articles, quotes = tables["articles"], tables["quotes"]
    sources = sorted(articles["source"].dropna().unique())
    dates = articles["date"].dropna()
    reported = int((quotes["kind"] != "direct").sum())
    rows = {
        "articles": f"{len(articles):,}",
        "words": f"{int(articles['words'].sum()):,}",
        "sources": f"{len(sources)}: {', '.join(sources)}" if sources else "none given",
        "date range": (f"{dates.min()} to {dates.max()} ({counted(len(dates), 'dated article')}: {date_sources(articles)})"
                       if len(dates) else "no article is dated"),
        "entities": f"{len(tables['entities']):,} ({int((tables['entities']['articles'] > 1).sum()):,} in more than one article)",
        "quotes": f"{len(quotes):,} ({len(quotes) - reported:,} direct, {reported:,} reported)",
        "relations": f"{len(tables['relations']):,}",
    }
    return pd.DataFrame({"": list(rows), "value": list(rows.values())})


def date_sources(articles: pd.DataFrame) -> str:
    """Where the articles' dates came from: '8 from front matter, 2 from datelines'."""
    if "date_from" not in articles:  # tables of an older newslens
        return "from the metadata"
    counts = articles.dropna(subset=["date"])["date_from"].fillna("metadata").value_counts()
    return ", ".join(f"{count:,} from {DATE_FROM_WORDS.get(kind, kind)}" for kind, count in
                     sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def top_entities(tables: dict[str, pd.DataFrame], by: str = "mentions", top: int = 15) -> pd.DataFrame:
    """The entities with the most mentions (or quotes), with the articles they appear in."""
    entities = tables["entities"]
    entities = entities[entities[by] > 0]
    columns = ["name", "type", by, "articles", "aliases"] + (["direct_quotes", "reported_quotes"] if by == "quotes" else [])
    return (entities.sort_values([by, "articles", "name"], ascending=[False, False, True], kind="stable")
            .head(top)[columns].reset_index(drop=True))


def speaker_groups(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotes by the kind of speaker: person, organisation, country or place, group, unattributed."""
    kinds = tables["quotes"]["speaker_type"].map(lambda t: SPEAKER_GROUPS.get(t, "other") if isinstance(t, str)
                                                 else UNATTRIBUTED)
    return share_table(kinds.value_counts(), "speaker")


def speaker_reference(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotes by people, by how the texts refer to the speaker (he / she / not stated): the pronouns the
    articles use for them, not a gender inference."""
    people = tables["quotes"][tables["quotes"]["speaker_type"] == "PERSON"]
    reference = people["entity"].map(tables["entities"].set_index("entity")["reference"]).fillna("not stated")
    counts = reference.value_counts().reindex(REFERENCE_ORDER, fill_value=0)
    frame = share_table(counts, "the text refers to the speaker as")
    order = {value: i for i, value in enumerate(REFERENCE_ORDER)}
    return frame.sort_values("the text refers to the speaker as", key=lambda s: s.map(order)).reset_index(drop=True)


def speech_kinds(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Direct quotation against reported speech."""
    return share_table(tables["quotes"]["kind"].map(SPEECH).value_counts(), "speech")


def quotes_by_source(tables: dict[str, pd.DataFrame], top: int = 8) -> pd.DataFrame:
    """Outlets against the most quoted speakers: how often each outlet quotes each of them."""
    quotes = tables["quotes"].dropna(subset=["entity"])
    if quotes.empty:
        return pd.DataFrame()
    names = tables["entities"].set_index("entity")["name"]
    sources = tables["articles"].set_index("doc_id")["source"].fillna(NO_SOURCE)
    frame = pd.DataFrame({"source": quotes["doc_id"].map(sources), "speaker": quotes["entity"].map(names)})
    speakers = top_entities(tables, "quotes", top)["name"].tolist()
    frame = frame[frame["speaker"].isin(speakers)]
    table = pd.crosstab(frame["source"], frame["speaker"]).reindex(columns=speakers, fill_value=0)
    return table.rename_axis(index="source", columns="speaker")


def quotes_over_time(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotes per day of publication (per month when the articles span more than two months): `period` is
    the day, or the first day of the month, as a timestamp."""
    dates = tables["articles"].set_index("doc_id")["date"]
    quoted = pd.to_datetime(tables["quotes"]["doc_id"].map(dates), errors="coerce").dropna()
    if quoted.empty:
        return pd.DataFrame(columns=["period", "quotes", "unit"])
    monthly = (quoted.max() - quoted.min()).days > 62
    periods = quoted.dt.to_period("M").dt.start_time if monthly else quoted.dt.normalize()
    counts = periods.value_counts().sort_index()
    return pd.DataFrame({"period": counts.index, "quotes": counts.to_numpy()}).assign(
        unit="month" if monthly else "day")


def network_edges(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Entity -> entity links across the corpus, one per kind (an event, or an affiliation: a role the
    source holds at the target), weighted by the number of articles that state them."""
    relations = tables["relations"].dropna(subset=["source_entity", "target_entity"])
    relations = relations[relations["source_entity"] != relations["target_entity"]]
    columns = ["source", "target", "kind", "articles", "predicates", "source_entity", "target_entity"]
    if relations.empty:
        return pd.DataFrame(columns=columns)
    names = tables["entities"].set_index("entity")["name"]
    relations = relations.assign(kind=relations["category"].map(
        lambda c: "affiliation" if c == "affiliation" else "event"))
    grouped = relations.groupby(["source_entity", "target_entity", "kind"], sort=True).agg(
        articles=("doc_id", "nunique"), predicates=("predicate", lambda p: ", ".join(sorted(set(p)))))
    edges = grouped.reset_index()
    edges["source"], edges["target"] = edges["source_entity"].map(names), edges["target_entity"].map(names)
    return (edges.sort_values(["articles", "source", "target"], ascending=[False, True, True], kind="stable")
            [columns].reset_index(drop=True))


def named(name: object) -> str:
    """An entity's name in running text, set off by quotation marks (names can hold 'and' or 'of')."""
    return f"“{name}”"


def summary_paragraphs(tables: dict[str, pd.DataFrame]) -> list[str]:
    """The written summary: a few sentences a researcher would write first, from the figures above."""
    articles, quotes, entities = tables["articles"], tables["quotes"], tables["entities"]
    sources = articles["source"].dropna().nunique()
    dates = articles["date"].dropna()
    origin = f"from {counted(sources, 'named source')}" if sources else "from no named source"
    if not len(dates):
        when = "; none is dated"
    elif len(dates) == len(articles):
        when = f", dated {dates.min()} to {dates.max()}"
    else:
        when = f"; {len(dates):,} of them dated, {dates.min()} to {dates.max()}"
    shared = int((entities["articles"] > 1).sum())
    paragraphs = [f"The corpus holds {counted(len(articles), 'article')} ({int(articles['words'].sum()):,} words) "
                  f"{origin}{when}. newslens found {counted(len(entities), 'entity', 'entities')}"
                  + (f", {shared:,} of them in more than one article." if shared else
                     ", none of them in more than one article.")]
    if not entities.empty:
        top = top_entities(tables, "mentions", 3)
        listed = [f"{row.name} ({counted(int(row.mentions), 'mention')} in {counted(int(row.articles), 'article')})"
                  for row in top.itertuples()]
        paragraphs.append(f"The most mentioned: {'; '.join(listed)}.")
    if len(quotes):
        direct = int((quotes["kind"] == "direct").sum())
        lead = speaker_groups(tables).iloc[0]
        if lead["speaker"] == UNATTRIBUTED:
            who = f"Most statements ({lead['share']:.0%}) have no speaker newslens could attribute."
        else:
            who = (f"Most statements come from {SPEAKER_GROUP_NOUNS.get(lead['speaker'], lead['speaker'])} "
                   f"({lead['share']:.0%}).")
        text = (f"Of {counted(len(quotes), 'quote')} and reported statements, {direct / len(quotes):.0%} are direct "
                f"quotations. {who}")
        most_quoted = top_entities(tables, "quotes", 1)
        if not most_quoted.empty:
            row = most_quoted.iloc[0]
            text += f" The most quoted entity is {row['name']} ({counted(int(row['quotes']), 'statement')})."
        reference = speaker_reference(tables)
        if not reference.empty:
            shares = "; ".join(f"{r[0]}: {r[2]:.0%}" for r in reference.itertuples(index=False))
            text += (f" For quoted people, the texts' own pronouns give {shares} (how the articles refer to the "
                     f"speakers, not an inference of anyone's gender).")
        paragraphs.append(text)
    edges = network_edges(tables)
    if not edges.empty:
        row = edges.iloc[0]
        stated = f"{counted(len(edges), 'link')} between entities {'is' if len(edges) == 1 else 'are'} stated"
        if int(row["articles"]) > 1:
            role = "as " if row["kind"] == "affiliation" else ""
            paragraphs.append(f"{stated}; the most repeated, {named(row['source'])} → {named(row['target'])} "
                              f"({row['kind']}: {role}{row['predicates']}), appears in "
                              f"{counted(int(row['articles']), 'article')}.")
        else:
            paragraphs.append(f"{stated}, each in one article only.")
    return paragraphs


def summary_html(tables: dict[str, pd.DataFrame]) -> str:
    """The written summary as escaped HTML paragraphs: names come from untrusted article text."""
    return "".join(f"<p>{escape(p)}</p>" for p in summary_paragraphs(tables))


INDEX_COLUMNS = ["id", "title", "date", "source", "words", "actors", "quotes", "relations"]
INDEX_KINDS = ["text", "text", "date", "text"] + ["number"] * 4


def text_or_blank(value: object) -> str:
    """A table cell's text; missing values (None, NaN) are blank."""
    return value if isinstance(value, str) else ""


def article_index(tables: dict[str, pd.DataFrame], corpus_dir: str | Path) -> str:
    """An HTML table of the articles, each linked to its own report under reports/ when one was made."""
    folder = Path(corpus_dir) / "reports"
    rows = []
    for a in tables["articles"].sort_values(["date", "doc_id"], na_position="last").itertuples():
        title = escape(text_or_blank(a.title) or a.doc_id)
        if (folder / f"{a.doc_id}.html").is_file():
            title = f'<a href="reports/{escape(quote(a.doc_id + ".html"), quote=True)}">{title}</a>'
        date = text_or_blank(a.date)
        date_from = text_or_blank(getattr(a, "date_from", None))
        date = f"{date} ({date_from})" if date and date_from else date
        cells = [escape(a.doc_id), title, escape(date), escape(text_or_blank(a.source)), f"{a.words:,}",
                 f"{a.actors:,}", f"{a.quotes:,}", f"{a.relations:,}"]
        rows.append("<tr>" + "".join(f"<td {ALIGN[kind]}>{c}</td>" for c, kind in zip(cells, INDEX_KINDS)) + "</tr>")
    head = "".join(f"<th {ALIGN[kind]}>{h}</th>" for h, kind in zip(INDEX_COLUMNS, INDEX_KINDS))
    return (f'<table class="dataframe newslens-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


# Inline, because the notebook's own style sheet right-aligns every cell with a more specific selector.
ALIGN = {"text": 'class="text" style="text-align: left; vertical-align: top"',
         "number": 'class="number" style="text-align: right; vertical-align: top"',
         "date": 'class="text" style="text-align: left; vertical-align: top; white-space: nowrap"'}


def cell_text(value: object) -> str:
    """A cell as shown: missing values blank, whole numbers with thousands separators."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return f"{value:,}"
    return str(value)


def table_html(frame: pd.DataFrame, rows: int | None = TABLE_ROWS, what: str = "rows") -> str:
    """A table for the report: no index column, text left-aligned and numbers right-aligned, missing values
    blank, every cell escaped; a table longer than `rows` shows its first rows and says how many of all."""
    if frame.empty:
        return f'<p class="newslens-table-note">No {escape(what)} to list.</p>'
    shown = frame if rows is None else frame.head(rows)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    head = "".join(f'<th {ALIGN["number" if n else "text"]}>{escape(str(c))}</th>'
                   for c, n in zip(frame.columns, numeric))
    body = []
    for values in shown.itertuples(index=False):
        cells = []
        for column, value, number in zip(frame.columns, values, numeric):
            text = cell_text(value)
            kind = "number" if number else "date" if "date" in str(column) else "text"
            cells.append(f"<td {ALIGN[kind]}>{escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = (f'<p class="newslens-table-note">Showing the first {len(shown):,} of {len(frame):,} {what}; '
            f'the whole table is in DIR/tables.</p>' if len(shown) < len(frame) else "")
    return (f'{note}<table class="dataframe newslens-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')
