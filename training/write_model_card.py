"""Write MODEL_CARD.md from the recipe's own outputs, so its numbers are never typed by hand.

Reads metrics/*.json (from `spacy evaluate` and benchmarks/bench_speed.py),
metrics/newslens-dev.txt (the TOTAL lines of newslens on its development sets with
both pipelines, as the dev evaluation script prints them), the training config and
the packaged model's meta.json.
"""
import argparse
import json
import re
from pathlib import Path
from typing import Dict, List, Tuple

from spacy.util import load_config

SYNTAX, NER = "syntax", "ner"
# (metrics file stem, title, annotation layers the set has)
EVAL_SETS = [
    ("gum-dev", "GUM dev (5 genres; model selection)", {SYNTAX, NER}),
    ("wikigold-dev", "Wikigold held-out 10% (model selection)", {NER}),
    ("ewt-test", "UD English-EWT test + UNER (test)", {SYNTAX, NER}),
    ("gum-test", "GUM test (5 genres; test)", {SYNTAX, NER}),
    ("pud-test", "UD PUD + UNER PUD (test)", {SYNTAX, NER}),
]
# newslens scores shown side by side per development set (label in the TOTAL line, column title)
NEWSLENS_MEASURES = [("actors", "actor F1"), ("exact names", "exact names F1"), ("quote+speaker", "quote+speaker F1"),
                     ("relations", "relations F1"), ("events", "events F1")]
# (score name, column title, layer it needs)
COLUMNS = [
    ("tag_acc", "TAG", SYNTAX), ("dep_uas", "UAS", SYNTAX), ("dep_las", "LAS", SYNTAX),
    ("sents_f", "SENT F", SYNTAX), ("ents_p", "NER P", NER), ("ents_r", "NER R", NER), ("ents_f", "NER F", NER),
]


def percent(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def accuracy_table(metrics: Dict[str, dict]) -> List[str]:
    lines = ["| set | " + " | ".join(title for _, title, _ in COLUMNS) + " |",
             "|---|" + "---:|" * len(COLUMNS)]
    for key, title, layers in EVAL_SETS:
        if key in metrics:
            cells = [percent(metrics[key].get(name) if layer in layers else None) for name, _, layer in COLUMNS]
            lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return lines


def previous_table(metrics: Dict[str, dict], previous: Dict[str, dict]) -> List[str]:
    """This model against the one it replaced, on the same test sets (metrics/previous/*.json)."""
    if not previous:
        return []
    lines = ["The model this one replaced (0.1.0: tok2vec width 64, no Universal NER, no news variants, 11,000 "
             "steps), evaluated on the same test sets (`metrics/previous/`), against this one:", "",
             "| set | UAS before | UAS now | LAS before | LAS now | NER F before | NER F now |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for key, title, _ in EVAL_SETS:
        if key in previous and key in metrics:
            old, new = previous[key], metrics[key]
            cells = [percent(d.get(name)) for name in ("dep_uas", "dep_las", "ents_f") for d in (old, new)]
            lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return lines + [""]


def per_type_table(metrics: Dict[str, dict]) -> List[str]:
    lines = ["| set | type | P | R | F |", "|---|---|---:|---:|---:|"]
    for key, title, _ in EVAL_SETS:
        for label, prf in sorted((metrics.get(key, {}).get("ents_per_type") or {}).items()):
            lines.append(f"| {title} | {label} | {percent(prf['p'])} | {percent(prf['r'])} | {percent(prf['f'])} |")
    return lines


def speed_lines(speed: dict) -> List[str]:
    if not speed:
        return ["Not measured yet: run `python benchmarks/bench_speed.py --output training/metrics/speed.json`."]
    wps = speed["words_per_second"]
    lines = [
        f"Measured by `benchmarks/bench_speed.py` on one CPU core over {speed['texts']} GUM news texts "
        f"({speed['words']:,} tokens), median of {speed['repeat']} rounds, words (tokens) per second "
        f"(machine load average {speed['load_average_before']} before the run: other work shares the machine, "
        "so compare the columns of the same run, not with other runs):",
        "",
        "| what | trained pipeline | rules-only pipeline |",
        "|---|---:|---:|",
        f"| bare spaCy pipeline (tag, parse, NER) | {wps['bare_trained']:,} | {wps['bare_rules_only']:,} |",
        f"| full newslens extraction (`analyze`) | {wps['extraction_builtin']:,} | {wps['extraction_rules_only']:,} |",
    ]
    if "bare_compare" in wps:
        lines += [
            "",
            f"{speed['compare_model']}'s bare `nlp.pipe` over the same texts in the same rounds: "
            f"{wps['bare_compare']:,} words/s; the full extraction with this pipeline is "
            f"{speed['extraction_speedup_over_compare_bare']:.2f}x faster (median over rounds).",
        ]
    return lines


def parse_totals(text: str) -> Dict[Tuple[str, str], Dict[str, float]]:
    """{(pipeline, set): {measure: F1}} from the dev evaluation's TOTAL lines ('== builtin ...' headers)."""
    totals, pipeline = {}, ""
    for line in text.splitlines():
        if line.startswith("=="):
            pipeline = "en_core_web_sm" if "sm" in line.split()[1] else "built-in"
            continue
        match = re.match(r"\s+([\w-]+): (.*)", line)
        if not match or "cases" in line:
            continue
        scores = {}
        for part in match.group(2).split(" | "):
            found = re.match(r"(.*?) (?:P=\S+ R=\S+ )?F1=([\d.]+)", part.strip())
            if found:
                scores[found.group(1)] = float(found.group(2))
        totals[(pipeline, match.group(1))] = scores
    return totals


def newslens_table(text: str) -> List[str]:
    if not text.strip():
        return ["Not measured yet: run `/work/dev/evalall.sh`-style scoring into metrics/newslens-dev.txt."]
    totals = parse_totals(text)
    sets = [name for pipeline, name in totals if pipeline == "built-in"]
    header = "| set | " + " | ".join(f"{title} built-in | {title} sm" for _, title in NEWSLENS_MEASURES) + " |"
    lines = [header, "|---|" + "---:|" * (2 * len(NEWSLENS_MEASURES))]
    for name in sets:
        cells = []
        for measure, _ in NEWSLENS_MEASURES:
            for pipeline in ("built-in", "en_core_web_sm"):
                value = totals.get((pipeline, name), {}).get(measure)
                cells.append("–" if value is None else f"{value:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    attribution = attribution_rows(text)
    if attribution:
        lines += ["", "PolNeAR dev attributions (`score_attribution.py`):", "",
                  "| pipeline | quote F1 | speaker accuracy | pass rate |", "|---|---:|---:|---:|"]
        lines += [f"| {pipeline} | {quote} | {speaker} | {passed} |" for pipeline, quote, speaker, passed in attribution]
    return lines


def attribution_rows(text: str) -> List[Tuple[str, str, str, str]]:
    rows, pipeline = [], ""
    for line in text.splitlines():
        if line.startswith("=="):
            pipeline = "en_core_web_sm" if "sm" in line.split()[1] else "built-in"
        found = re.search(r"quote P=\S+ R=\S+ F1=([\d.]+) \| speaker acc=([\d.]+).*pass=([\d.]+)", line)
        if "cases" in line and found:
            rows.append((pipeline, *found.groups()))
    return rows


def hyperparameter_lines(config) -> List[str]:
    encode = config["components"]["tok2vec"]["model"]["encode"]
    embed = config["components"]["tok2vec"]["model"]["embed"]
    parser = config["components"]["parser"]["model"]
    ner = config["components"]["ner"]["model"]
    training = config["training"]
    return [
        f"- shared tok2vec: MultiHashEmbed over {', '.join(embed['attrs'])} with rows {embed['rows']}, "
        f"MaxoutWindowEncoder width {encode['width']}, depth {encode['depth']}, window {encode['window_size']}, "
        f"{encode['maxout_pieces']} maxout pieces; no static vectors",
        f"- parser and NER: transition-based, hidden width {parser['hidden_width']} / {ner['hidden_width']}, "
        f"maxout pieces {parser['maxout_pieces']} / {ner['maxout_pieces']}; "
        f"parser actions seen fewer than {config['components']['parser']['min_action_freq']} times are dropped",
        f"- training: Adam, learn rate {training['optimizer']['learn_rate']}, dropout {training['dropout']}, "
        f"batches of {training['batcher']['size']['start']}→{training['batcher']['size']['stop']} words, "
        f"at most {training['max_steps']} steps, patience {training['patience']}, evaluated every "
        f"{training['eval_frequency']} steps; the best weighted dev score is kept "
        f"(weights: {', '.join(f'{k} {v}' for k, v in training['score_weights'].items() if v)})",
    ]


def card(metrics: Dict[str, dict], speed: dict, config, meta: dict, size_mb: float, name_words: int,
         newslens_dev: str = "", run: dict = None, previous: Dict[str, dict] = None) -> str:
    labels = meta.get("labels", {})
    sources = "\n".join(f"- **{s['name']}** ({s['license']}), {s['url']}" for s in meta.get("sources", []))
    lines = [
        f"# Model card: {meta['lang']}_{meta['name']} {meta['version']}",
        "",
        "The offline English pipeline shipped in `src/newslens/models/en_newslens` (load it with "
        "`spacy.load(path)`; newslens's `load_pipeline()` adds its news rules on top). This card is written "
        "by `training/write_model_card.py` from the recipe's own evaluation output; rebuild everything "
        "with `python -m spacy project run all training/`.",
        "",
        "## Data and licenses",
        "",
        sources,
        "",
        "Which split is used for what:",
        "",
        "| data | used for |",
        "|---|---|",
        "| UD English-EWT train | training: Penn tags and dependencies (entities *missing*: no entity layer) |",
        "| UD English-EWT dev + Universal NER on it | training: the same layers plus PERSON / ORG / GPE |",
        "| GUM train (5 open genres) | training: all layers |",
        "| Wikigold, 9 documents in 10 | training: entities only |",
        "| GUM dev, Wikigold every tenth document | model selection (the best weighted dev score is kept) |",
        "| UD English-EWT test + Universal NER on it | test only |",
        "| GUM test | test only |",
        "| UD PUD (1,000 sentences, news and Wikipedia) + Universal NER on it | test only (syntax and entities) |",
        "",
        "- Entity labels: GUM person → PERSON, organization → ORG, place → GPE (only *named* "
        "mentions: proper-noun head, or a Wikipedia identity, cut down to the name around the head); "
        "Wikigold and Universal NER PER → PERSON, ORG → ORG, LOC → GPE (Wikigold MISC → O).",
        "- Training documents are varied for news (`training/augment.py`): blank lines and double spaces as "
        "whitespace tokens (attached as `dep` to a neighbour, never a subject or object), first sentences "
        "in Title Case or ALL CAPS, and quotes and apostrophes written curly, straight or ASCII.",
        "- GUM's news documents are not in the corpus given to training: they are newslens's development "
        "gold, so nothing newslens is scored on was trained on.",
        f"- The model's own license: {meta.get('license')} (share-alike, inherited from UD English-EWT).",
        "",
        "## Architecture",
        "",
        f"Pipeline: {', '.join(meta.get('pipeline', []))}. Size on disk: {size_mb:.1f} MB.",
        "",
        *hyperparameter_lines(config),
        *([f"- this run: {run['steps_trained']:,} steps trained ({run['note']}); the shipped weights are the "
           f"checkpoint of step {run['best_step']:,}, the best weighted dev score"] if run else []),
        "",
        f"- tagger: {len(labels.get('tagger', []))} Penn Treebank tags (`token.tag_`)",
        "- no morphologizer and no lemmatizer: newslens reads neither (its `newslens_pos` component maps the "
        "tags to coarse parts of speech, lemmas come from lemminflect), and leaving them out gives their "
        "training time to the shared tok2vec",
        f"- parser: UD relations (`token.dep_`, `token.head`, `doc.sents`; the root is `ROOT`): "
        f"{', '.join(sorted(labels.get('parser', [])))}",
        f"- ner: {', '.join(sorted(labels.get('ner', [])))} (`doc.ents`)",
        "",
        "## Casing lexicon",
        "",
        f"`src/newslens/models/name_words.txt` ({name_words:,} words), written by `training/build_casing.py` "
        "from UD English-EWT train and GUM train: the words written capitalised mid-sentence at least as "
        "often as in lower case. newslens's rules read a span made only of dictionary words (lemminflect) "
        "that are not such name words ('Iron Fist', 'Silver Clouds') as a title, not a person.",
        "",
        "## Accuracy",
        "",
        "From `spacy evaluate` on each set (percent; the text is re-tokenised by spaCy's tokenizer and "
        "aligned to the gold words). A dash: the set has no such annotation (Wikigold has no tags or syntax). "
        "GUM dev and Wikigold's tenth choose the checkpoint; the three test sets were never seen in training.",
        "",
        *accuracy_table(metrics),
        "",
        *previous_table(metrics, previous or {}),
        "Entities per type:",
        "",
        *per_type_table(metrics),
        "",
        "## newslens on its development sets, built-in pipeline vs en_core_web_sm",
        "",
        "The TOTAL lines of `score.py` per development set (F1), the same rules on top of this pipeline "
        "and on top of en_core_web_sm (`--model en_core_web_sm`), from `metrics/newslens-dev.txt`:",
        "",
        *newslens_table(newslens_dev),
        "",
        "## Speed",
        "",
        *speed_lines(speed),
        "",
        "## Limitations",
        "",
        *([f"- Under-trained: {run['steps_trained']:,} steps where the previous model had 11,000; its syntax is no "
           "better than the previous model's yet (slightly below on GUM and PUD), and its NER better only on web text "
           "(EWT). A full run of the same recipe (`max_steps` 20,000) is the next step."] if run else []),
        "- Small training data for NER (about 9,000 entity mentions, Wikipedia, web text and GUM genres, "
        "little news): expect missed and mistyped names in news; newslens's rules and gazetteer sit on top.",
        "- GPE covers every GUM *place* and Wikigold / UNER *LOC* (also rivers, regions, buildings).",
        "- Nationalities and groups (OntoNotes NORP) are not a label; GUM tags some groups as person.",
        "- Trained on web text and Wikipedia-style prose; no vectors, so rare words rely on subword features.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--metrics", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--table", type=Path, help="also write the side-by-side newslens table here")
    args = parser.parse_args()
    metrics = {path.stem: json.loads(path.read_text()) for path in args.metrics.glob("*.json")}
    speed = metrics.pop("speed", {})
    run = metrics.pop("training-run", {})
    meta = json.loads((args.model / "meta.json").read_text())
    size_mb = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file()) / 1e6
    config = load_config(args.config, interpolate=True)
    name_words = len((args.model.parent / "name_words.txt").read_text(encoding="utf8").split())
    dev_file = args.metrics / "newslens-dev.txt"
    newslens_dev = dev_file.read_text(encoding="utf8") if dev_file.exists() else ""
    previous = {path.stem: json.loads(path.read_text()) for path in (args.metrics / "previous").glob("*.json")}
    args.output.write_text(card(metrics, speed, config, meta, size_mb, name_words, newslens_dev, run, previous))
    print(f"wrote {args.output}")
    if args.table:
        args.table.write_text("\n".join([
            "# newslens on its development sets: built-in pipeline vs en_core_web_sm",
            "",
            f"Written by `training/write_model_card.py` from `training/metrics/newslens-dev.txt` (model "
            f"{meta['lang']}_{meta['name']} {meta['version']}): the TOTAL lines of `score.py` per development set "
            "(F1), the same newslens rules on top of the built-in pipeline and of en_core_web_sm.",
            "",
            *newslens_table(newslens_dev),
            "",
        ]))
        print(f"wrote {args.table}")


if __name__ == "__main__":
    main()
