"""Write MODEL_CARD.md from the recipe's own outputs, so its numbers are never typed by hand.

Reads metrics/*.json (from `spacy evaluate` and benchmarks/bench_speed.py),
the training config and the packaged model's meta.json.
"""
import argparse
import json
from pathlib import Path
from typing import Dict, List

from spacy.util import load_config

SYNTAX, NER = "syntax", "ner"
# (metrics file stem, title, annotation layers the set has)
EVAL_SETS = [
    ("ewt-dev", "UD English-EWT dev", {SYNTAX}),
    ("ewt-test", "UD English-EWT test", {SYNTAX}),
    ("gum-dev", "GUM dev (5 genres)", {SYNTAX, NER}),
    ("gum-test", "GUM test (5 genres)", {SYNTAX, NER}),
    ("wikigold-dev", "Wikigold held-out 10%", {NER}),
]
# (score name, column title, layer it needs)
COLUMNS = [
    ("tag_acc", "TAG", SYNTAX), ("pos_acc", "POS", SYNTAX), ("morph_acc", "MORPH", SYNTAX),
    ("lemma_acc", "LEMMA", SYNTAX), ("dep_uas", "UAS", SYNTAX), ("dep_las", "LAS", SYNTAX),
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


def per_type_table(metrics: Dict[str, dict]) -> List[str]:
    lines = ["| set | type | P | R | F |", "|---|---|---:|---:|---:|"]
    for key, title, _ in EVAL_SETS:
        for label, prf in sorted((metrics.get(key, {}).get("ents_per_type") or {}).items()):
            lines.append(f"| {title} | {label} | {percent(prf['p'])} | {percent(prf['r'])} | {percent(prf['f'])} |")
    return lines


def speed_lines(speed: dict) -> List[str]:
    if not speed:
        return ["Not measured yet: run `python benchmarks/bench_speed.py --output training/metrics/speed.json`."]
    lines = [
        f"Measured by `benchmarks/bench_speed.py` on one CPU core over {speed['texts']} GUM news texts "
        f"({speed['words']:,} tokens), median of {speed['repeat']} repetitions, words (tokens) per second "
        f"(machine load average {speed['load_average_before']} before the run: other work shares the machine, "
        "so compare each column with the rules-only one of the same run):",
        "",
        "| what | trained pipeline | rules-only pipeline |",
        "|---|---:|---:|",
    ]
    bare = speed["bare_pipeline_wps"]
    lines.append(f"| bare spaCy pipeline (tag, parse, NER, lemmas) | {bare['trained']:,.0f} | {bare['rules_only']:,.0f} |")
    extraction = speed.get("extraction_wps")
    if extraction:
        lines.append(f"| full newslens extraction (`analyze`) | {extraction['builtin']:,.0f} | {extraction['rules_only']:,.0f} |")
    return lines


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
        f"- trainable_lemmatizer: edit trees seen at least {config['components']['trainable_lemmatizer']['min_tree_freq']} times, "
        f"backoff to the word form",
        f"- training: Adam, learn rate {training['optimizer']['learn_rate']}, dropout {training['dropout']}, "
        f"batches of {training['batcher']['size']['start']}→{training['batcher']['size']['stop']} words, "
        f"at most {training['max_steps']} steps, patience {training['patience']}, evaluated every "
        f"{training['eval_frequency']} steps; the best weighted dev score is kept "
        f"(weights: {', '.join(f'{k} {v}' for k, v in training['score_weights'].items() if v)})",
    ]


def card(metrics: Dict[str, dict], speed: dict, config, meta: dict, size_mb: float, name_words: int) -> str:
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
        "- Tags, morphology, lemmas and dependencies: UD English-EWT train (official split) + GUM train.",
        "- Named entities: GUM train (person → PERSON, organization → ORG, place → GPE; only *named* "
        "mentions: proper-noun head, or a Wikipedia identity, cut down to the name around the head) and "
        "Wikigold (PER → PERSON, ORG → ORG, LOC → GPE, MISC → O; every tenth document held out). "
        "EWT has no entity layer, so its entities are *missing* in training, not \"O\".",
        "- GUM's news documents are not in the corpus given to training: they are newslens's development "
        "gold, so nothing newslens is scored on was trained on.",
        f"- The model's own license: {meta.get('license')} (share-alike, inherited from UD English-EWT).",
        "",
        "## Architecture",
        "",
        f"Pipeline: {', '.join(meta.get('pipeline', []))}. Size on disk: {size_mb:.1f} MB.",
        "",
        *hyperparameter_lines(config),
        "",
        f"- tagger: {len(labels.get('tagger', []))} Penn Treebank tags (`token.tag_`)",
        "- morphologizer: UD UPOS + features (`token.pos_`, `token.morph`)",
        "- trainable_lemmatizer: UD lemmas (`token.lemma_`, e.g. said → say)",
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
        "aligned to the gold words). A dash: the set has no such annotation (EWT has no entities, "
        "Wikigold no tags or syntax).",
        "",
        *accuracy_table(metrics),
        "",
        "Entities per type:",
        "",
        *per_type_table(metrics),
        "",
        "## Speed",
        "",
        *speed_lines(speed),
        "",
        "## Limitations",
        "",
        "- Small training data for NER (about 6,000 entity mentions, Wikipedia and GUM genres, no news): "
        "expect missed and mistyped names in news; newslens's rules and gazetteer sit on top.",
        "- GPE covers every GUM *place* and Wikigold *LOC* (also rivers, regions, buildings).",
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
    args = parser.parse_args()
    metrics = {path.stem: json.loads(path.read_text()) for path in args.metrics.glob("*.json")}
    speed = metrics.pop("speed", {})
    meta = json.loads((args.model / "meta.json").read_text())
    size_mb = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file()) / 1e6
    config = load_config(args.config, interpolate=True)
    name_words = len((args.model.parent / "name_words.txt").read_text(encoding="utf8").split())
    args.output.write_text(card(metrics, speed, config, meta, size_mb, name_words))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
