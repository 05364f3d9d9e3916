"""Scoring newslens extractions against gold JSON, exactly as ../shared/eval/score.py matches.

The scorer is reimplemented here (not imported from ../shared, which CI and users may not have)
as small pure functions, so notebooks and tests can score in-process and get DataFrames.

Actors: a predicted actor maps to the gold actor whose alias its name or mentions contain (as
whole words, case-folded, without a leading 'the' or trailing possessive; the longest alias wins;
the most voted gold actor wins). Each gold actor is found once: a second cluster for it is a false
positive. Only PERSON/ORG/GPE/NORP predictions count; optional gold actors are neither required
nor penalised. Exact names are stricter: a found actor counts only when its own name is the gold
actor's name or an alias. Quotes match one-to-one, greedily by overlap, when they overlap by half
of each. Relations compare (source, target) pairs through the actor mapping; an actor's
affiliation is a pair too, a negated relation is not. Events compare the act and communicate
pairs alone, where the gold gives categories.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from newslens.extract.analysis import analyze_path
from newslens.exceptions import NewslensError

SCORED_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TOTAL = "TOTAL"


@dataclass(frozen=True)
class Counts:
    """Hits out of predicted and gold items: enough for precision, recall and F1, and summable."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.hits + other.hits, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total (speaker attribution over matched quotes with a named gold speaker)."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class DocumentScore:
    """Everything score.py reports for one document; documents add up to a micro-averaged total."""

    doc_id: str
    actors: Counts
    quotes: Counts
    attribution: Accuracy
    attributed_end_to_end: Counts
    relations: Counts
    names: Counts = Counts()
    events: Counts = Counts()

    def __add__(self, other: DocumentScore) -> DocumentScore:
        return DocumentScore(TOTAL, *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)[1:]))


def normalize(text: str) -> list[str]:
    """Words of a name, case-folded, without a leading 'the' or a trailing possessive."""
    text = text.replace("\u2019", "'").casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$", "", text)
    return re.sub(r"[^\w\s.]", " ", text).split()


def contains_words(words: list[str], alias: list[str]) -> bool:
    size = len(alias)
    return any(words[i:i + size] == alias for i in range(len(words) - size + 1))


def gold_aliases(gold: dict) -> list[tuple[str, list[str]]]:
    """(gold actor id, normalized alias) for required and optional gold actors."""
    actors = gold["actors"] + gold.get("optional_actors", [])
    return [(actor["id"], normalize(alias)) for actor in actors for alias in actor["aliases"]]


def map_actor(actor: dict, aliases: list[tuple[str, list[str]]]) -> str | None:
    """The gold id a predicted actor names: each of its forms votes for its longest contained alias."""
    votes: dict[str, int] = {}
    forms = [actor.get("name", "")] + [mention.get("text", "") for mention in actor.get("mentions", [])]
    for form in forms:
        words = normalize(form)
        best, best_length = None, 0
        for gold_id, alias in aliases:
            if contains_words(words, alias) and len(alias) > best_length:
                best, best_length = gold_id, len(alias)
        if best:
            votes[best] = votes.get(best, 0) + 1
    return max(votes, key=votes.get) if votes else None


def score_actors(gold: dict, pred: dict) -> tuple[Counts, Counts, dict[str, str | None]]:
    """Actor counts, exact-name counts and the predicted-id -> gold-id mapping that quotes and relations reuse.

    An exact name counts when the first cluster found for a gold actor is named by that actor's name or alias."""
    aliases = gold_aliases(gold)
    required = {actor["id"] for actor in gold["actors"]}
    names = {actor["id"]: [normalize(name) for name in [*actor["aliases"], actor["name"]]] for actor in gold["actors"]}
    mapping: dict[str, str | None] = {}
    found: set[str] = set()
    predicted = exact = 0
    for actor in pred.get("actors", []):
        gold_id = map_actor(actor, aliases)
        mapping[actor["id"]] = gold_id
        if actor.get("type") not in SCORED_ACTOR_TYPES or (gold_id is not None and gold_id not in required):
            continue
        predicted += 1
        if gold_id in required and gold_id not in found:
            found.add(gold_id)
            exact += normalize(actor.get("name", "")) in names[gold_id]
    required_count = len(required)
    return Counts(len(found), predicted, required_count), Counts(exact, predicted, required_count), mapping


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_quotes(gold_quotes: list[dict], pred_quotes: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs overlapping by half of each, largest overlap first."""
    candidates = []
    for i, gold_quote in enumerate(gold_quotes):
        gold_span = tuple(gold_quote["span"])
        for j, pred_quote in enumerate(pred_quotes):
            pred_span = (pred_quote["start"], pred_quote["end"])
            shared = overlap(gold_span, pred_span)
            if shared and shared >= 0.5 * (gold_span[1] - gold_span[0]) and shared >= 0.5 * (pred_span[1] - pred_span[0]):
                candidates.append((shared, i, j))
    used_gold, used_pred, matches = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matches.append((i, j))
    return matches


def score_quotes(gold: dict, pred: dict, mapping: dict[str, str | None]) -> tuple[Counts, Accuracy, Counts]:
    """Quote spans, speaker accuracy on matched quotes, and quote+speaker end to end."""
    if gold.get("quotes") is None:  # not annotated in this gold
        return Counts(), Accuracy(), Counts()
    gold_quotes, pred_quotes = gold["quotes"], pred.get("quotes", [])
    matches = match_quotes(gold_quotes, pred_quotes)
    named = [(i, j) for i, j in matches if gold_quotes[i]["speaker"] is not None]
    correct = sum(mapping.get(pred_quotes[j].get("speaker")) == gold_quotes[i]["speaker"] for i, j in named)
    end_to_end = Counts(
        correct,
        sum(quote.get("speaker") is not None for quote in pred_quotes),
        sum(quote["speaker"] is not None for quote in gold_quotes),
    )
    return Counts(len(matches), len(pred_quotes), len(gold_quotes)), Accuracy(correct, len(named)), end_to_end


def score_relations(gold: dict, pred: dict, mapping: dict[str, str | None]) -> tuple[Counts, Counts]:
    """Relations and events: distinct (source, target) pairs through the actor mapping.

    Pairs are unordered when gold says so. A predicted actor's affiliation is a pair; a negated
    relation is not (the gold lists what happened). Events are the gold's act and communicate pairs
    against the stated relations, leaving out predictions that are gold affiliations."""
    if gold.get("relations") is None:  # not annotated in this gold
        return Counts(), Counts()
    pair = tuple if gold.get("relations_directed", True) else frozenset

    def mapped(source: str, target: str):  # an unmapped end keeps its own id, so each unknown pair counts once
        return pair((mapping.get(source) or "?" + source, mapping.get(target) or "?" + target))

    gold_pairs = {pair((relation["source"], relation["target"])) for relation in gold["relations"]}
    stated = {mapped(r["source"], r["target"]) for r in pred.get("relations", []) if not r.get("negated")}
    belongs = {mapped(a["id"], a["affiliation"]) for a in pred.get("actors", []) if a.get("affiliation")}
    predicted = stated | belongs
    relations = Counts(len(predicted & gold_pairs), len(predicted), len(gold_pairs))
    if not gold["relations"] or not all("category" in r for r in gold["relations"]):
        return relations, Counts()
    affiliations = {pair((r["source"], r["target"])) for r in gold["relations"] if r["category"] == "affiliation"}
    events, stated_events = gold_pairs - affiliations, stated - affiliations
    return relations, Counts(len(stated_events & events), len(stated_events), len(events))


def score_document(gold: dict, pred: dict) -> DocumentScore:
    actors, names, mapping = score_actors(gold, pred)
    quotes, attribution, end_to_end = score_quotes(gold, pred, mapping)
    relations, events = score_relations(gold, pred, mapping)
    return DocumentScore(gold["doc_id"], actors, quotes, attribution, end_to_end, relations, names, events)


def total(scores: list[DocumentScore]) -> DocumentScore:
    """Micro-average: the counts of all documents summed."""
    empty = DocumentScore(TOTAL, Counts(), Counts(), Accuracy(), Counts(), Counts())
    return sum(scores, empty)


def rates(prefix: str, counts: Counts) -> dict[str, float]:
    """P/R/F1 columns of one layer; NaN where nothing was there to score (the gold does not annotate it)."""
    scored = bool(counts.gold or counts.predicted)
    values = (counts.precision, counts.recall, counts.f1) if scored else (math.nan,) * 3
    return dict(zip((f"{prefix}_p", f"{prefix}_r", f"{prefix}_f1"), values))


def score_row(score: DocumentScore) -> dict:
    attribution = score.attribution
    end_to_end = score.attributed_end_to_end
    return {
        "doc_id": score.doc_id,
        **rates("actor", score.actors),
        **rates("quote", score.quotes),
        "speaker_acc": attribution.value if attribution.total else math.nan,
        "quote_speaker_f1": end_to_end.f1 if end_to_end.gold or end_to_end.predicted else math.nan,
        **rates("relation", score.relations),
        "names_f1": score.names.f1 if score.names.gold or score.names.predicted else math.nan,
        **rates("event", score.events),
        "gold_actors": score.actors.gold, "predicted_actors": score.actors.predicted,
        "gold_quotes": score.quotes.gold, "predicted_quotes": score.quotes.predicted,
    }


def scores_frame(scores: list[DocumentScore]) -> pd.DataFrame:
    """One row per document plus a TOTAL row, indexed by doc_id; NaN marks what was not scored."""
    return pd.DataFrame([score_row(s) for s in [*scores, total(scores)]]).set_index("doc_id")


def gold_pairs(gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """(article, gold) for every *.txt in gold_dir with a *.gold.json next to it.

    A missing folder is an error, not an empty evaluation that would read as a score of zero."""
    if not Path(gold_dir).is_dir():
        raise NewslensError(f"gold directory not found: {gold_dir}")
    pairs = []
    for text_path in sorted(Path(gold_dir).glob("*.txt")):
        gold_path = text_path.with_name(text_path.stem + ".gold.json")
        if gold_path.is_file():
            pairs.append((text_path, gold_path))
    return pairs


def evaluate_directory(gold_dir: str | Path, model: str | None = None) -> pd.DataFrame:
    """Run newslens over every gold article in gold_dir and score it: per-article rows + TOTAL."""
    scores = [
        score_document(json.loads(gold_path.read_text(encoding="utf8")), analyze_path(text_path, model).to_dict())
        for text_path, gold_path in gold_pairs(gold_dir)
    ]
    return scores_frame(scores)


# What the evaluation report shows per article: F1 of each layer and the counts behind it, short enough
# for one screen (precision and recall are in the overall table and in `scores`).
ARTICLE_COLUMNS = {"actor_f1": "actors F1", "names_f1": "exact names F1", "quote_f1": "quotes F1",
                   "speaker_acc": "speaker accuracy", "quote_speaker_f1": "quote + speaker F1",
                   "relation_f1": "relations F1", "event_f1": "events F1", "gold_actors": "gold actors",
                   "predicted_actors": "found actors", "gold_quotes": "gold quotes",
                   "predicted_quotes": "found quotes"}
COUNT_COLUMNS = ("gold_actors", "predicted_actors", "gold_quotes", "predicted_quotes")
NOT_SCORED = "–"  # a layer the gold does not annotate: no score, which is not a score of 0


def shown_value(column: str, value: object) -> str:
    """A score with two decimals, a count as a whole number, an unscored cell as NOT_SCORED."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_SCORED
    if column in COUNT_COLUMNS or column.startswith(("gold_", "predicted_")):
        return f"{int(value):,}"
    return f"{float(value):.2f}"


def article_table(scores: pd.DataFrame) -> pd.DataFrame:
    """The per-article table as shown: the columns of ARTICLE_COLUMNS that anything was scored in, formatted
    (counts as counts, NOT_SCORED for what the gold does not annotate), TOTAL last."""
    columns = [c for c in ARTICLE_COLUMNS if c in scores and scores[c].notna().any()]
    shown = pd.DataFrame({ARTICLE_COLUMNS[c]: [shown_value(c, v) for v in scores[c]] for c in columns},
                         index=scores.index)
    return shown.rename_axis("article")


def overall_table(scores: pd.DataFrame) -> pd.DataFrame:
    """The TOTAL row as a column of formatted values, unscored layers left out."""
    total_row = scores.loc[TOTAL]
    kept = [c for c in scores.columns if not pd.isna(total_row[c])]
    return pd.DataFrame({"score": [shown_value(c, total_row[c]) for c in kept]}, index=kept).rename_axis("measure")


def f1_chart(scores: pd.DataFrame):
    """F1 by article and layer as grouped bars; a layer that is not scored for an article is marked
    NOT_SCORED at the bar's place, and an F1 of 0 is written as 0, so the two never look alike."""
    from matplotlib.figure import Figure

    layers = {c: ARTICLE_COLUMNS[c].removesuffix(" F1") for c in
              ("actor_f1", "names_f1", "quote_f1", "quote_speaker_f1", "relation_f1", "event_f1")
              if c in scores and scores[c].notna().any()}
    rows = scores.drop(index=TOTAL, errors="ignore")
    fig = Figure(figsize=(9, 0.5 * len(rows) * max(1, len(layers)) / 3 + 1.5), layout="constrained")
    ax = fig.add_subplot()
    height = 0.8 / max(1, len(layers))
    for number, (column, name) in enumerate(layers.items()):
        positions = [i + (number - (len(layers) - 1) / 2) * height for i in range(len(rows))]
        values = rows[column].tolist()
        bars = ax.barh(positions, [0 if pd.isna(v) else v for v in values], height=height, label=name)
        for position, value, bar in zip(positions, values, bars):
            text = NOT_SCORED if pd.isna(value) else "0" if value == 0 else ""
            if text:
                ax.text(0.01, position, text, va="center", fontsize=7, color=bar.get_facecolor())
    ax.set_yticks(range(len(rows)), rows.index.tolist())
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"F1 ({NOT_SCORED}: not scored, the gold does not annotate it)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
