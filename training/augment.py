"""Training-data variants for news text, as one spaCy augmenter (`newslens.news_variants.v1`).

News arrives with blank lines between paragraphs, double spaces, headlines in Title Case
or ALL CAPS, and quotes written curly, straight or as two apostrophes; the treebanks have
none of that. Each training example is, with its own probability, turned into:

- a *quote variant*: every quote and apostrophe in one style (curly, straight, ASCII);
- a *headline variant*: its first sentence in Title Case or ALL CAPS (lemmas, tags, trees
  and entities unchanged);
- a *whitespace variant*: "\\n\\n" or "\\n" tokens between sentences and a double space
  inside one. spaCy's make_whitespace_variant attaches a whitespace token as `dep` to the
  token before it (to the next at a doc's start) with tag _SP and POS SPACE, so a
  whitespace token never carries a subject or object relation.

Used by config.cfg ([corpora.train.augmenter]); `spacy train ... --code augment.py`.
"""
import random
from functools import partial
from typing import Callable, Iterator, List

import spacy
from spacy.training import Example
from spacy.training.augment import make_whitespace_variant
from spacy.training.iob_utils import _doc_to_biluo_tags_with_partial

QUOTE_STYLES = {
    "curly": {"open": "\u201c", "close": "\u201d", "single_open": "\u2018", "apostrophe": "\u2019"},
    "straight": {"open": '"', "close": '"', "single_open": "'", "apostrophe": "'"},
    "ascii": {"open": "``", "close": "''", "single_open": "`", "apostrophe": "'"},
}
DOUBLE_QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
APOSTROPHES = ("'", "\u2019", "\u2018", "`")
SENTENCE_END = {".", "!", "?"}
# Title Case leaves these short function words in lower case unless they open the line.
TITLE_CASE_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with"}


def _with_words(nlp, example: Example, words: List[str]) -> Example:
    """The example with new surface forms for its reference words (all else unchanged)."""
    example_dict = example.to_dict()
    example_dict["doc_annotation"]["entities"] = _doc_to_biluo_tags_with_partial(example.reference)
    token_dict = example_dict["token_annotation"]
    token_dict["ORTH"] = words
    raw = "".join(word + (" " if space else "") for word, space in zip(words, token_dict["SPACY"]))
    return Example.from_dict(nlp.make_doc(raw), example_dict)


def quote_variant(nlp, example: Example, style: str) -> Example:
    marks = QUOTE_STYLES[style]
    words, is_open = [], True
    for token in example.reference:
        text = token.text
        if text in DOUBLE_QUOTES:
            opening = token.tag_ == "``" if token.tag_ in ("``", "''") else is_open
            text = marks["open"] if opening else marks["close"]
            is_open = not opening
        elif text in ("'", "\u2018", "`") and token.tag_ == "``":
            text = marks["single_open"]
        elif any(mark in text for mark in APOSTROPHES):
            for mark in APOSTROPHES:
                text = text.replace(mark, marks["apostrophe"])
        words.append(text)
    return _with_words(nlp, example, words)


def headline_variant(nlp, example: Example, all_caps: bool) -> Example:
    words = [token.text for token in example.reference]
    end = next((i + 1 for i, word in enumerate(words) if word in SENTENCE_END), len(words))
    for i in range(end):
        word = words[i]
        if all_caps:
            words[i] = word.upper()
        elif word[:1].isalpha() and (i == 0 or word.lower() not in TITLE_CASE_SMALL):
            words[i] = word[:1].upper() + word[1:]
    return _with_words(nlp, example, words)


def whitespace_variant(nlp, example: Example, blank_lines: int, double_spaces: int) -> Example:
    reference = example.reference
    starts = []
    if reference.has_annotation("SENT_START") or reference.has_annotation("DEP"):
        starts = [token.i for token in reference if token.i > 0 and token.is_sent_start]
    positions = random.sample(starts, min(blank_lines, len(starts)))
    insertions = [(position, random.choice(["\n\n", "\n\n", "\n"])) for position in positions]
    for _ in range(double_spaces):
        if len(reference) > 2:
            insertions.append((random.randrange(1, len(reference)), " "))
    for position, whitespace in sorted(insertions, reverse=True):
        example = make_whitespace_variant(nlp, example, whitespace, position)
    return example


def news_augmenter(nlp, example: Example, *, quote_level: float, headline_level: float,
                   whitespace_level: float) -> Iterator[Example]:
    if random.random() < quote_level:
        example = quote_variant(nlp, example, random.choice(sorted(QUOTE_STYLES)))
    if random.random() < headline_level:
        example = headline_variant(nlp, example, all_caps=random.random() < 0.5)
    if random.random() < whitespace_level:
        example = whitespace_variant(nlp, example, blank_lines=random.randint(1, 3),
                                     double_spaces=random.randint(0, 1))
    yield example


@spacy.registry.augmenters("newslens.news_variants.v1")
def create_news_augmenter(quote_level: float, headline_level: float,
                          whitespace_level: float) -> Callable[..., Iterator[Example]]:
    return partial(news_augmenter, quote_level=quote_level, headline_level=headline_level,
                   whitespace_level=whitespace_level)
