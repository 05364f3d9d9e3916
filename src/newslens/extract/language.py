"""Is the article English? A light check, so that German or Chinese text is flagged rather than
silently analysed into nonsense or nothing. It warns; it never refuses.

Two signs, both cheap and independent of the pipeline's language: most letters of English text are
Latin, and a fifth to a half of its words are English function words ("the", "of", "said" is not one),
which other languages written in Latin letters share only by accident ("in", "an", "also").
"""
from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newslens.english.tokens import doc_strings, doc_text

MIN_WORDS = 20  # below this a headline or a list of names says nothing about the language
MIN_CHARS = 2 * MIN_WORDS  # a text shorter than this is not checked at all
MIN_LATIN_SHARE = 0.5
MIN_FUNCTION_WORD_SHARE = 0.15
SAMPLE_CHARS = 5000  # the opening read for the checks
SAMPLE_WORDS = 800  # English news runs at 0.30 or more; other Latin-script languages near 0.05


LETTER = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")


def latin_share(text: str) -> float:
    """The share of letters that are Latin (Basic Latin to Latin Extended-B, and Latin Extended Additional),
    counted by regular expressions: a loop over the characters cost a tenth of the whole extraction."""
    letters = len(LETTER.findall(text))
    return 1 - len(NON_LATIN_LETTER.findall(text)) / letters if letters else 0.0  # no letters: nothing Latin


def alphabetic_words(doc: Doc) -> list[str]:
    """The doc's words made only of letters, lower-cased, read without building a Token per word."""
    return [word for word in doc_strings(doc, LOWER) if word.isalpha()]


def function_word_share(words: list[str]) -> float:
    """The share of words that are English function words."""
    return sum(word in STOP_WORDS for word in words) / max(1, len(words))


def language_warnings(doc: Doc) -> tuple[str, ...]:
    """A warning when the text is clearly not English; nothing for English or too little text to tell. The
    opening of a long text is enough to tell its language."""
    text = doc_text(doc)[:SAMPLE_CHARS]
    if len(text) < MIN_CHARS:
        return ()
    latin = latin_share(text)
    if latin < MIN_LATIN_SHARE:
        return (f"not English: {1 - latin:.0%} of the letters are not Latin; newslens reads English news "
                "only, so these results are unreliable",)
    words = alphabetic_words(doc)[:SAMPLE_WORDS]
    share = function_word_share(words)
    if len(words) >= MIN_WORDS and share < MIN_FUNCTION_WORD_SHARE:
        return (f"not English: only {share:.0%} of the words are common English words; newslens reads "
                "English news only, so these results are unreliable",)
    return ()
