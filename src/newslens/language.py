"""Is the article English? A light check, so that German or Chinese text is flagged rather than
silently analysed into nonsense or nothing. It warns; it never refuses.

Two signs, both cheap and independent of the pipeline's language: most letters of English text are
Latin, and a fifth to a half of its words are English function words ("the", "of", "said" is not one),
which other languages written in Latin letters share only by accident ("in", "an", "also").
"""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

MIN_WORDS = 20  # below this a headline or a list of names says nothing about the language
MIN_LATIN_SHARE = 0.5
MIN_FUNCTION_WORD_SHARE = 0.15


def is_latin(char: str) -> bool:
    """Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional letters."""
    return ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF


def latin_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(map(is_latin, letters)) / max(1, len(letters))


def function_word_share(doc: Doc) -> float:
    """The share of the doc's words that are English function words."""
    words = [token.lower_ for token in doc if token.is_alpha]
    return sum(word in STOP_WORDS for word in words) / max(1, len(words))


def language_warnings(doc: Doc) -> tuple[str, ...]:
    """A warning when the text is clearly not English; nothing for English or too little text to tell."""
    text = doc.text
    if len(text) < 2 * MIN_WORDS:
        return ()
    latin = latin_share(text)
    if latin < MIN_LATIN_SHARE:
        return (f"not English: {1 - latin:.0%} of the letters are not Latin; newslens reads English news "
                "only, so these results are unreliable",)
    words = sum(token.is_alpha for token in doc)
    share = function_word_share(doc)
    if words >= MIN_WORDS and share < MIN_FUNCTION_WORD_SHARE:
        return (f"not English: only {share:.0%} of the words are common English words; newslens reads "
                "English news only, so these results are unreliable",)
    return ()
