"""CAMEO event codes from the field's own verb dictionary, and the Goldstein scale of their root classes.

english/data/CAMEO.2.0.txt is PETRARCH-2's CAMEO verb-pattern dictionary (openeventdata/petrarch2, MIT licence:
english/data/CAMEO.LICENSE), vendored unchanged. It is read once, lazily, into three lookups:
- a verb's default code: the code of the verb block it is listed in ('---  VISIT   [042:043]  ---');
- a verb with a particle or preposition ('+MEET_WITH', '- * (TO)  [042]') and a verb with its object's head
  noun ('- * AID  [070]'): the patterns that are a single word after the verb;
- a verb with no code of its own ('---  SIGN   [---]  ---') codes as its own patterns (those whose comment names
  it: '- * DECLARATION  [057]  # SIGN') most often do, within their most frequent root, where it has two
  patterns or more and that root holds a third of them ('sign with X': '057', sign a formal agreement); such a
  usual code does not override a class the reading gave ('fly missions against X' is fighting);
- a verb the dictionary does not code that is, as a noun, the object of other verbs' patterns ('sanction': '- *
  SANCTIONS [163]' after 'impose' and 'extend') codes as that noun usually does there;
the rest of PETRARCH's pattern language (synonym sets, noun phrases before the verb) is not read.
A code's root is its first two digits ('042' -> '04' consult). Goldstein values are those of the roots
(Goldstein 1992 as tabulated for CAMEO in the public codebook and GDELT's CAMEO.goldsteinscale.txt): only
root-level values are used, so '042' and '043' both score the root's 1.0.
newslens's coarse event classes ('meet', 'fight', 'accuse'...) are read off the root.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lemminflect import getLemma

@lru_cache(maxsize=4096)
def singular(noun: str) -> str:
    found = getLemma(noun, upos="NOUN")
    return found[0] if found else noun


DICTIONARY = Path(__file__).parent / "data" / "CAMEO.2.0.txt"

# The twenty CAMEO root classes (Schrodt, CAMEO Event Data Codebook).
ROOT_NAMES = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "use unconventional mass violence",
}
# Goldstein conflict-cooperation scores of the roots (-10 most conflictual, +10 most cooperative).
ROOT_GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0,
    "19": -10.0, "20": -10.0,
}
# newslens's coarse event class of each root: the headings of the written report and the network's colours.
ROOT_CLASS = {
    "01": "communicate", "02": "demand", "03": "cooperate", "04": "meet", "05": "cooperate", "06": "provide",
    "07": "provide", "08": "support", "09": "act", "10": "demand", "11": "accuse", "12": "oppose",
    "13": "threaten", "14": "oppose", "15": "threaten", "16": "oppose", "17": "fight", "18": "fight",
    "19": "fight", "20": "fight",
}

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
OWN_CODE = re.compile(r"\[([^\]]*)\]")
PATTERN_WORD = re.compile(r"^[A-Z][A-Z'-]*$")
PATTERN_OWNERS = re.compile(r"\b([A-Z][A-Z'-]+)\b")
PHRASE = re.compile(r"^\(([A-Z]+) (&?[A-Z][A-Z_'-]*)\)$")


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    goldstein: float
    name: str
    usual: bool = False  # the verb's patterns' usual code, not its own: weaker than what the reading found


@dataclass(frozen=True)
class Dictionary:
    verbs: dict[str, str]                       # verb -> code
    usual: dict[str, str]                       # verb without a code of its own -> its patterns' usual code
    blocks: dict[str, int]                      # verb -> its block
    phrases: dict[tuple[int, str], str]         # (block, preposition or particle) -> code
    objects: dict[tuple[int, str], str]         # (block, object noun) -> code
    as_objects: dict[str, str]                  # object noun -> the code it usually gives the verbs it follows


def source_code(field: str) -> str | None:
    """The code a pattern gives the event's source ('042:043' -> '042'; '---' and ':020' give none)."""
    code = field.split(":")[0].strip()
    return code if code.isdigit() and code[:2] in ROOT_NAMES else None


def verb_words(line: str) -> list[str]:
    """The words of a verb line's verb ('+MEET_WITH {...}' -> ['meet', 'with'])."""
    head = line.split("#")[0].split("{")[0].split("[")[0].strip().lstrip("+")
    return head.lower().split("_") if head and PATTERN_WORD.match(head.replace("_", "")) else []


def pattern_words(single: str, synonyms: dict[str, list[str]]) -> list[str]:
    """The words one pattern item stands for: a word, or a synonym set's words ('&TREATY')."""
    if single.startswith("&"):
        return synonyms.get(single, [])
    return [single.lower()] if PATTERN_WORD.match(single) else []


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The verb dictionary, read once: synonym sets, then the verb blocks."""
    verbs: dict[str, str] = {}
    blocks: dict[str, int] = {}
    phrases: dict[tuple[int, str], str] = {}
    objects: dict[tuple[int, str], str] = {}
    synonyms: dict[str, list[str]] = {}
    pattern_codes: dict[int, Counter] = {}
    object_codes: dict[str, Counter] = {}
    block, block_code, current_set, reading = -1, None, None, False
    for line in DICTIONARY.read_text(encoding="utf8").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            reading = True
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if not reading:  # '&TREATY' then '+TREATY', '+ACCORD' ...: a synonym set
            if line.startswith("&"):
                current_set = line.split()[0]
                synonyms[current_set] = []
            elif line.startswith("+") and current_set:
                word = line[1:].split("#")[0].strip()
                if PATTERN_WORD.match(word):
                    synonyms[current_set].append(word.lower())
            continue
        header = HEADER.match(line)
        if header:
            block, block_code = block + 1, source_code(header[2])
            continue
        pattern = PATTERN.match(line)
        if pattern:
            code = source_code(pattern[2])
            if code is not None:  # '- * DECLARATION  [057]  # SIGN': a pattern of the verbs its comment names
                for owner in PATTERN_OWNERS.findall(line.split("#", 1)[1] if "#" in line else ""):
                    pattern_codes.setdefault(owner.lower(), Counter())[code[:3]] += 1
            after = pattern[1].split("*", 1)[1].split() if "*" in pattern[1] else []
            phrase = PHRASE.match(" ".join(after))
            if code is not None and phrase:  # '- * (IN &NEGOTIATION)': the noun of the verb's phrase
                for noun in pattern_words(phrase[2], synonyms):
                    objects.setdefault((block, noun), code)
            if code is None or len(after) != 1:
                continue
            single = after[0]
            if single.startswith("(") and single.endswith(")") and PATTERN_WORD.match(single[1:-1]):
                phrases.setdefault((block, single[1:-1].lower()), code)
            for noun in pattern_words(single, synonyms):
                objects.setdefault((block, noun), code)
                if not single.startswith("&"):
                    object_codes.setdefault(singular(noun), Counter())[code[:3]] += 1
            continue
        words = verb_words(line)
        own = OWN_CODE.search(line.split("#")[0])
        code = source_code(own[1]) if own else block_code  # 'ACCUSE [112]': the verb's own code
        if len(words) == 1:
            blocks.setdefault(words[0], block)
            if code:
                verbs.setdefault(words[0], code)
        elif len(words) == 2 and code:
            phrases.setdefault((blocks.get(words[0], block), words[1]), code)
    # no code of its own: the patterns'; a verb no block lists, only its patterns' comments ('# URGE'), where it
    # has three patterns or more
    usual = {verb: code for verb, code in ((verb, usual_code(codes)) for verb, codes in pattern_codes.items())
             if code is not None and verb not in verbs and (verb in blocks or sum(pattern_codes[verb].values()) > 2)}
    as_objects = {noun: code for noun, code in ((noun, usual_code(codes)) for noun, codes in object_codes.items())
                  if code is not None}
    return Dictionary(verbs, usual, blocks, phrases, objects, as_objects)


def usual_code(codes: Counter) -> str | None:
    """The code a verb's patterns give most often, within the root they give most often; none for a verb of one
    pattern, nor where that root holds less than a third of them (the patterns then code too many different
    events)."""
    if sum(codes.values()) < 2:
        return None
    roots = Counter()
    for code, n in codes.items():
        roots[code[:2]] += n
    root, n = roots.most_common(1)[0]
    if n * 3 < sum(roots.values()):
        return None
    return max((c for c in codes if c[:2] == root), key=lambda c: codes[c])  # ties: the first the block gives


def cameo_code(verb: str, preposition: str | None = None, noun: str | None = None) -> Cameo | None:
    """The CAMEO code of a predicate: its lemma with its object's head noun ('send aid'), else with its
    preposition ('meet with'), else the lemma's own code, else the noun's own ('hold talks': 'talk')."""
    book = dictionary()
    block = book.blocks.get(verb)
    if noun is not None and (block, noun) not in book.objects:
        noun = singular(noun)  # 'talks' -> 'talk'
    code = (noun and book.objects.get((block, noun))) or (preposition and book.phrases.get((block, preposition))) or (
        book.verbs.get(verb)) or (noun and book.verbs.get(noun))
    usual = not code and (verb in book.usual or verb in book.as_objects)
    # a verb the dictionary does not code that names, as a noun, what other verbs do ('sanctioned X': '- * SANCTIONS
    # [163]' after 'impose', 'extend'): the code the noun usually gives them
    code = code or book.usual.get(verb) or (verb not in book.blocks and book.as_objects.get(verb))
    if not code:
        return None
    root = code[:2]
    return Cameo(code, root, ROOT_GOLDSTEIN[root], ROOT_NAMES[root], usual)
