"""Universal NER (IOB2) gold entities laid onto UD sentences (EWT dev/test, PUD).

UNER tokens are the UD syntactic words of the same sentences (EWT) or their surface
tokens (PUD: '16bn' is one UNER token, two UD words); tags move onto the UD words by
character offsets. A sentence whose text does not match is left *missing* for NER
(never "no entities"). PER / ORG / LOC become PERSON / ORG / GPE, as for Wikigold.
"""
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from spacy.tokens import Doc, Span

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def read_iob2(path: Path) -> Iterator[Tuple[str, List[str], List[str]]]:
    """Yield (sent_id, words, tags) for each sentence of a UNER file."""
    sent_id, words, tags = "", [], []
    for line in Path(path).read_text(encoding="utf8").splitlines():
        if not line.strip():
            if words:
                yield sent_id, words, tags
            sent_id, words, tags = "", [], []
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield sent_id, words, tags


def sentence_spans(doc: Doc, offset: int, tags: List[str]) -> List[Span]:
    """Entity spans of one sentence starting at token `offset` from its IOB2 tags."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        inside = tag.startswith("I-") and label == LABELS.get(tag[2:])
        if start is not None and not inside:
            spans.append(Span(doc, offset + start, offset + i, label=label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            if tag[2:] in LABELS:
                start, label = i, LABELS[tag[2:]]
    return spans


def set_uner_entities(doc: Doc, sentence_tags: List[Optional[List[str]]]) -> int:
    """Set the doc's entities from per-sentence tags (None: the sentence stays missing).

    The doc's sentences are its UD sentences in order (doc.sents comes from the gold
    tree). Returns the number of sentences that matched."""
    entities, outside, matched = [], [], 0
    for sent, tags in zip(doc.sents, sentence_tags):
        if tags is None or len(tags) != len(sent):
            continue
        matched += 1
        spans = sentence_spans(doc, sent.start, tags)
        entities.extend(spans)
        covered = {i for span in spans for i in range(span.start, span.end)}
        outside.extend(doc[i:i + 1] for i in range(sent.start, sent.end) if i not in covered)
    doc.set_ents(entities, outside=outside, default="missing")
    return matched


def project_tags(words: List[str], uner_words: List[str], uner_tags: List[str]) -> Optional[List[str]]:
    """The IOB2 tags of UNER tokens moved onto the UD words of the same sentence: a word
    takes the tag of the token its first character is in (I- unless it starts that token).
    None when the two tokenisations do not spell the same characters."""
    if "".join(words) != "".join(uner_words):
        return None
    owner, token_start = [], []
    for index, word in enumerate(uner_words):
        token_start.append(len(owner))
        owner.extend([index] * len(word))
    tags, position = [], 0
    for word in words:
        index = owner[position]
        tag = uner_tags[index]
        if tag.startswith("B-") and position != token_start[index]:
            tag = "I-" + tag[2:]
        tags.append(tag)
        position += len(word)
    return tags


def tags_by_words(uner: Dict[str, Tuple[List[str], List[str]]], sent_id: str,
                  words: List[str]) -> Optional[List[str]]:
    entry = uner.get(sent_id)
    if entry is None:
        return None
    return project_tags(words, entry[0], entry[1])
