"""The written report: a few paragraphs of template-driven prose about who said what to whom.

Same Analysis, same words: every choice (which actors, which quotes, which relations) is made by a
stable sort, so the prose can be diffed between pipeline versions. The prose is English by construction
rather than by template luck: verbs are inflected with lemminflect, a relation's preposition comes from
its predicate alone, counts agree with their nouns and lists read "A, B and C". Paragraphs are plain
text; render.html's `report_html` and `heading_html` put them into a page, escaping what came from the article.
"""
from __future__ import annotations

from dataclasses import replace

import re
import textwrap
from collections import Counter

from lemminflect import getAllInflections, getAllLemmas, getInflection

from newslens.model import Analysis
from newslens.english.inflection import (TERMINAL, capitalized, indefinite_article, is_base_verb, is_common_noun,
                                        is_dictionary_word, is_plural_noun, join_clauses, join_words, lemmas, plural, sentence,
                                        verb_form)
from newslens.english.lexicon import (FINITE_AUXILIARIES, FUNCTION_OPENERS, HONORIFICS, OBJECT_NEEDING_REPORT_VERBS,
                                      PREPOSITIONS, RANKS, ROLE_HEADS, TITLE_HEADS, TITLE_WORDS)
from newslens.model import AFFILIATION, Actor, Quote, Relation
from newslens.extract.quotes import CAPTION_CUE

MAIN_ACTORS = 4
KEY_QUOTES = 4
RELATIONS_PER_CATEGORY = 3
QUOTE_MAX_CHARS = 220
TYPE_NOUNS = {
    "PERSON": ("person", "people"), "ORG": ("organisation", "organisations"),
    "GPE": ("country or city", "countries and cities"), "NORP": ("nationality or group", "nationalities and groups"),
    "LOC": ("place", "places"), "EVENT": ("event", "events"), "OTHER": ("other actor", "other actors"),
}
# Event classes in the order a reader of conflict news looks for them; None collects the unclassified.
# How a relation's status changes its verb ('{}' is the verb's base form) and its event noun.
VERB_STATUS = {"planned": "plans to {}", "hypothetical": "might {}", "negated": "did not {}"}
PASSIVE_STATUS = {"planned": "is to be", "hypothetical": "might be", "reported": "was reportedly"}
NOUN_STATUS = {"planned": "planned", "hypothetical": "possible"}
CATEGORY_HEADINGS = {
    "threaten": "Threats and warnings", "accuse": "Accusations", "demand": "Demands",
    "fight": "Fighting", "oppose": "Opposition", "provide": "Material help", "support": "Support",
    "cooperate": "Cooperation", "meet": "Meetings and visits", "communicate": "Statements and contacts",
    "act": "Other acts", None: "Other interactions",
}
NAME_TYPES_WITH_ARTICLE = frozenset({"GPE", "ORG", "LOC", "EVENT", "OTHER"})


def role_phrase(role: str) -> str | None:
    """A role as the complement of 'is described as', or None for a bare rank or honorific ('Gen.', 'Dr') or a
    role cut short ('adviser to').

    A title written as one stands bare ('U.S. President', 'Russian Defense Minister'); a role tied to a named
    body or country is that body's one ('the Turkish foreign minister', 'the Kremlin spokesman', "the Afghan
    team's coach"; but "Malaysia's Prime Minister"); a common noun takes 'a' ('a team member', 'a judge')."""
    words = role.split()
    if len(words) == 1 and words[0].lower().strip(".") in HONORIFICS or words[-1].lower() in PREPOSITIONS:
        return None  # a rank alone says little; 'adviser to' is cut short
    possessive = [w for w in words if w.endswith(("'s", "’s"))]
    if possessive:
        return role if possessive[0][:1].isupper() else f"the {role}"
    if words[0][:1].isupper() and len(words) > 1:
        written_as_title = words[-1][:1].isupper() and words[-1].lower().strip(".") in TITLE_HEADS
        if written_as_title:
            return role
        if all(w.lower() in RANKS for w in words):  # 'Major general', 'Staff Colonel': one of many
            return f"{indefinite_article(words[0])} {role.lower()}"
        if words[0].lower() in TITLE_WORDS:  # 'Deputy defence minister Olena Kravets': a title's capital only
            return f"the {words[0].lower()} {' '.join(words[1:])}"
        return f"the {role}"
    if len(words) == 1 and role[:1].isupper() and role.lower() in TITLE_HEADS:
        return role  # 'President Joe Biden': described as President, as written (not 'a president')
    return f"{indefinite_article(words[0])} {role[:1].lower() + role[1:] if len(words) == 1 else role}"


def name_phrase(analysis: Analysis, actor_id: str | None) -> str:
    """An actor's name as a noun phrase: 'the United States', 'the Syrian Democratic Forces', 'Russia'.

    English puts 'the' before a name of a place or body whose last word is a common noun ('States',
    'Council', 'Kingdom'), or before 'of' ('University of X'); person names and single-word names
    ('Russia', 'Kremlin') stand alone.
    """
    actor = analysis.actor(actor_id)
    if actor is None:
        return str(actor_id)
    words = actor.name.split()
    if words[0].lower() == "the" or actor.type == "PERSON":
        return actor.name
    written = article_use(analysis.article.text, actor)
    if written is not None:
        return f"the {actor.name}" if written else actor.name
    head = words[:words.index("of")] if "of" in words[1:] else words  # 'University of X': its head is 'University'
    possessed = any(w.endswith(("'s", "’s")) for w in words)  # "Seoul's unification ministry" has its determiner
    needs_article = (actor.type in NAME_TYPES_WITH_ARTICLE and len(words) > 1
                     and not possessed and head[-1].isalpha() and is_common_noun(head[-1]))
    return f"the {actor.name}" if needs_article else actor.name


def modifies_a_noun(text: str, end: int) -> bool:
    """Whether the word after a name is a noun it qualifies ('Kremlin spokesman', 'Norvane shares') or the
    rest of a longer name ('the Mosul Dam'): then the 'the' before it is not the name's own."""
    following = re.match(r" ([A-Za-z][A-Za-z-]*)", text[end:end + 40])
    return following is not None and (following[1][0].isupper() or is_common_noun(following[1]))


def article_use(text: str, actor: Actor) -> bool | None:
    """Whether the article writes this name with 'the' ('the Pentagon', 'the Coalition') or without it
    ('Internet Explorer'), where it writes it at least twice and two times in three one way, or once, with 'the'
    ('the Kremlin responded', then only 'Kremlin spokesman X'); else None."""
    name = actor.name.lower()
    written = [text[max(m.start - 4, 0):m.start].lower() == "the " or m.text.lower() == f"the {name}"
               for m in actor.mentions if m.kind in ("name", "alias") and m.text.lower() in (name, f"the {name}")
               and not modifies_a_noun(text, m.end)]  # 'the Norvane chief' is the chief's article
    if len(written) < 2:
        return True if written == [True] else None
    share = sum(written) / len(written)
    return True if share >= 2 / 3 else False if share <= 1 / 3 else None


def possessive(phrase: str) -> str:
    return phrase + ("'" if phrase.endswith("s") else "'s")


def quoted(text: str) -> str:
    """A statement in curly quotes, whole sentences closed with a full stop, shortened at a word boundary."""
    flat = " ".join(text.split()).rstrip(",;:").strip()
    if flat and flat[-1] not in TERMINAL + "”\"'":
        flat += "."
    return f"“{textwrap.shorten(flat, width=QUOTE_MAX_CHARS, placeholder=' …')}”"


def mention_count(analysis: Analysis, actor_id: str | None) -> int:
    actor = analysis.actor(actor_id)
    return len(actor.mentions) if actor else 0


def main_actors(analysis: Analysis) -> list[Actor]:
    """The most mentioned actors, in the order of the actors table."""
    return [analysis.actor(i) for i in analysis.actors_df()["id"].tolist()[:MAIN_ACTORS]]


def describe_actor(analysis: Analysis, actor: Actor) -> str:
    """'Jake Sullivan (national security advisor, the United States; 5 mentions)'."""
    details = [d for d in (actor.role, actor.affiliation and name_phrase(analysis, actor.affiliation)) if d]
    prefix = ", ".join(details) + "; " if details else ""
    return f"{name_phrase(analysis, actor.id)} ({prefix}{plural(len(actor.mentions), 'mention')})"


def article_subject(analysis: Analysis) -> str:
    article = analysis.article
    return f"The article “{article.title}”" if article.title else f"Article {article.doc_id}"


def overview_paragraph(analysis: Analysis) -> str:
    article = analysis.article
    subject = article_subject(analysis)
    words = len(article.text.split())
    if not analysis.actors:
        return f"{subject} ({plural(words, 'word')}) names no actors that newslens could identify."
    by_type = Counter(a.type for a in analysis.actors)
    kinds = [plural(n, *TYPE_NOUNS.get(t, TYPE_NOUNS["OTHER"])) for t, n in sorted(
        by_type.items(), key=lambda item: (-item[1], item[0]))]
    leading = [describe_actor(analysis, a) for a in main_actors(analysis)]
    verb = "is" if len(leading) == 1 else "are"
    return (f"{subject} ({plural(words, 'word')}) names {plural(len(analysis.actors), 'actor')}: "
            f"{join_words(kinds)}. The most prominent {verb} {join_words(leading)}.")


def roles_paragraph(analysis: Analysis) -> str | None:
    """Who the people and organisations are, as far as the article says: their titles and stated affiliations."""
    described = sorted((a for a in analysis.actors if a.role or a.affiliation), key=lambda a: -len(a.mentions))
    sentences = []
    for actor in described[:MAIN_ACTORS + 2]:
        name = capitalized(name_phrase(analysis, actor.id))
        affiliation = actor.affiliation and name_phrase(analysis, actor.affiliation)
        role = actor.role and role_phrase(actor.role)
        if role and affiliation:
            sentences.append(sentence(f"{name} is described as {role} and is linked to {affiliation}"))
        elif role:
            sentences.append(sentence(f"{name} is described as {role}"))
        elif affiliation:
            sentences.append(sentence(f"{name} is linked to {affiliation}"))
    covered = {(a.id, a.affiliation) for a in described[:MAIN_ACTORS + 2]}
    stated = [r for r in analysis.relations if is_affiliation(r) and (r.source, r.target) not in covered]
    sentences += list(dict.fromkeys(sentence(relation_clause(analysis, r)) for r in stated))
    return " ".join(sentences) or None


def key_quotes(analysis: Analysis) -> list[Quote]:
    """Attributed direct quotes first (photo captions last), then by how prominent the speaker is, then longest;
    shown in text order."""
    whole = [replace(g[0], text=" ".join(q.text for q in g), end=g[-1].end) for g in statements(analysis.quotes)]
    ranked = sorted(whole, key=lambda q: (  # one statement interrupted by 'he said' is shown once, whole
        q.speaker is None, q.cue == CAPTION_CUE, q.kind != "direct", -mention_count(analysis, q.speaker),
        -len(q.text), q.start))
    return sorted(ranked[:KEY_QUOTES], key=lambda q: q.start)


def reporting_verb(cue: str | None) -> str | None:
    """The cue as a past-tense reporting verb ('said', 'stating' -> 'stated', 'show' -> 'showed');
    None when the cue is no verb ('according to'). Verbs that need an addressee become 'said'."""
    cue = (cue or "said").strip()
    verb_lemmas = lemmas(cue).get("VERB", ()) if cue.isalpha() else ()
    if not verb_lemmas:
        return None
    lemma = verb_lemmas[0]
    return "said" if lemma in OBJECT_NEEDING_REPORT_VERBS else verb_form(lemma, "VBD")


def has_finite_verb(text: str) -> bool:
    """Whether a clause's words, up to its first comma, include a verb form that can only be finite: an
    auxiliary or modal, a third-person form that is no noun ('believes'), or a past tense unlike its
    participle ('went'); 'dropped', 'employed' and 'proclaimed' may be participles and do not count."""
    for word in re.findall(r"[A-Za-z']+", text.split(",")[0].lower()):
        if word in FINITE_AUXILIARIES:
            return True
        tags = getAllLemmas(word)
        verbs = tags.get("VERB", ())
        if not verbs or "NOUN" in tags or "ADJ" in tags:
            continue
        forms = {tag: set(getInflection(verbs[0], tag=tag) or ()) for tag in ("VBZ", "VBD", "VBN")}
        if word in forms["VBZ"] or word in forms["VBD"] and word not in forms["VBN"]:
            return True
    return False


def reported_clause(text: str, opens_with_name: bool = False) -> str:
    """The content of an indirect quote, one line, without its closing punctuation: a 'that' clause where it is
    a clause; a noun phrase stays one ('announced the start of a public process')."""
    content = " ".join(text.split()).strip(" ,;:.")
    first, _, rest = content.partition(" ")
    if first in {w.capitalize() for w in FUNCTION_OPENERS} or first.istitle() and is_dictionary_word(first) and (
            not opens_with_name):
        content = f"{first.lower()} {rest}".strip()  # 'According to X, prices rose', not 'Prices
    if content.lower().startswith("that ") or not has_finite_verb(content):
        return content
    return f"that {content}"


def unnamed_source(quote: Quote) -> str | None:
    """What an unattributed statement comes from, as the text names it: 'the poll', 'reports', 'the court'."""
    head = (quote.speaker_text or "").strip()
    if not head:
        return None
    if " " in head or head[:1].isupper() and not is_common_noun(head):
        return head  # a name the text gives ("Nick Moreau")
    return head.lower() if is_plural_noun(head) else f"the {head.lower()}"


def quote_sentence(analysis: Analysis, quote: Quote) -> str:
    """'Jake Sullivan said: “…”', 'The poll found that …', 'According to X, …': one sentence per statement.

    A statement without a speaker is phrased from what the text credits it to (a finding of 'the poll'),
    never as speech by an unnamed source.
    """
    if quote.cue == CAPTION_CUE:
        credit = f" (image: {quote.speaker_text})" if quote.speaker_text else ""
        return f"A photo caption{credit} reads: {quoted(quote.text)}"
    speaker = name_phrase(analysis, quote.speaker) if analysis.actor(quote.speaker) else unnamed_source(quote)
    verb = reporting_verb(quote.cue)
    if speaker is None:
        return f"A statement with no named source reads: {quoted(quote.text)}"
    if quote.kind != "direct":  # a mixed quote is reported speech with the speaker's words quoted inside
        opens_with_name = any(m.start == quote.start for a in analysis.actors for m in a.mentions)  # 'Chile'
        clause = reported_clause(quote.text, opens_with_name)
        if verb:
            return sentence(f"{speaker} {verb} {clause}")
        return sentence(f"according to {speaker}, {clause.removeprefix('that ')}")
    if verb:
        return f"{capitalized(speaker)} {verb}: {quoted(quote.text)}"
    return f"According to {speaker}: {quoted(quote.text)}"


def statements(quotes) -> list[list]:
    """Quotes grouped into statements: the parts of a quotation interrupted by its attribution ('"We will
    rebuild," Lopez said, "and soon."') share the phrase that names their source, and are one statement."""
    groups: list[list] = []
    by_phrase: dict[tuple, list] = {}
    for q in quotes:
        key = (q.speaker, q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        if key is not None and key in by_phrase:
            by_phrase[key].append(q)
            continue
        groups.append([q])
        if key is not None:
            by_phrase[key] = groups[-1]
    return groups


# What may stand between an unnamed source and the actor it speaks for when the text writes them as one phrase
# ('the Russian mission to the UN', 'a spokeswoman for the campaign').
SOURCE_OWNER_GAP = re.compile(r"\s+(?:to|for|of|at|from|with|in)\s+(?:the\s+)?")
SOURCE_OWNER_REACH = 16  # characters after the source's phrase where the owner's mention may begin


def written_source_phrase(analysis: Analysis, q) -> str | None:
    """'the Russian mission to the UN': an unnamed source in the article's own words, with the post-modifier that
    names whom it speaks for, so the preposition is the text's ('mission to', 'spokeswoman for'), not a guess."""
    owner = analysis.actor(q.source_affiliation)
    start, end = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
    if owner is None or start is None or end is None:
        return None
    text = analysis.article.text
    after = sorted((m for m in owner.mentions if end < m.start <= end + SOURCE_OWNER_REACH), key=lambda m: m.start)
    if not after or not SOURCE_OWNER_GAP.fullmatch(text[end:after[0].start]):
        return None
    following = text[after[0].end:after[0].end + 40].split()
    if following and is_common_noun(following[0].strip(",.;:")):
        return None  # 'a spokeswoman for the Lima city council': the mention is not the whole owner; name it instead
    first, _, rest = " ".join(text[start:after[0].end].split()).partition(" ")
    return f"{first.lower() if first.lower() in ('the', 'a', 'an') else first} {rest}"


def unnamed_source_phrase(analysis: Analysis, q) -> str:
    """'officials of the Clinton campaign', 'report': an unnamed source as the article describes it."""
    written = written_source_phrase(analysis, q)
    if written is not None:
        return written
    owner = name_phrase(analysis, q.source_affiliation) if analysis.actor(q.source_affiliation) else None
    words = q.source_description.split()
    if words and is_common_noun(words[0]):  # 'Reports' opened its sentence; 'Russian', 'AP' stay as written
        words[0] = words[0].lower()
    description = " ".join(words)
    if words and not is_plural_noun(words[-1]):
        description = f"{indefinite_article(description)} {description}"  # 'an official', not 'official'
    return f"{description} of {owner}" if owner else description


def quotes_paragraph(analysis: Analysis) -> str:
    quotes = analysis.quotes
    if not quotes:
        return "The article quotes no one: newslens found no direct quotations or reported statements."
    grouped = statements(quotes)
    kinds = Counter(g[0].kind for g in grouped)
    speakers = Counter(name_phrase(analysis, g[0].speaker) for g in grouped if analysis.actor(g[0].speaker))
    captions = sum(1 for g in grouped if g[0].cue == CAPTION_CUE)
    parts = [f"The article carries {plural(len(grouped), 'statement')}: "
             f"{join_words([plural(kinds[k], k + ' quote') for k in ('direct', 'indirect', 'mixed') if kinds[k]])}"
             + (f", {plural(captions, 'photo caption')} among them." if captions else ".")]
    if speakers:
        top_count = speakers.most_common(1)[0][1]
        top = [s for s, n in speakers.items() if n == top_count]
        origin = "They come" if len(grouped) > 1 else "It comes"
        if top_count == 1:
            most = "each is quoted once" if len(speakers) > 1 else f"{top[0]} is quoted once"
        elif len(top) == 1:
            most = f"{top[0]} is quoted most ({plural(top_count, 'time')})"
        else:
            most = f"{join_words(top)} are quoted most ({top_count} times each)"
        parts.append(f"{origin} from {plural(len(speakers), 'named source')}; {most}.")
    unnamed = Counter(unnamed_source_phrase(analysis, g[0]) for g in grouped
                      if not analysis.actor(g[0].speaker) and g[0].source_description)
    if unnamed:
        count = sum(unnamed.values())
        listed = join_words([f"{phrase} ({n})" for phrase, n in sorted(unnamed.items(), key=lambda i: (-i[1], i[0]))])
        parts.append(f"{plural(count, 'statement')} {'comes' if count == 1 else 'come'} from unnamed sources: "
                     f"{listed}.")
    unattributed = sum(1 for g in grouped if not analysis.actor(g[0].speaker) and not g[0].source_description)
    if unattributed:
        verb = "was" if unattributed == 1 else "were"
        parts.append(f"Of these, {plural(unattributed, 'statement')} {verb} not attributed to a named speaker.")
    chosen = key_quotes(analysis)
    lead = "The main statement follows." if len(chosen) == 1 else "The main statements follow."
    parts.append(" ".join([lead] + [quote_sentence(analysis, q) for q in chosen]))
    return " ".join(parts)


def is_affiliation(relation: Relation) -> bool:
    """A stated role or membership ('advisor to', 'member of') rather than an event."""
    head = relation.predicate.split()[0] if relation.predicate.split() else ""
    return relation.category == AFFILIATION or (head.lower() in ROLE_HEADS and not is_base_verb(head))


def object_noun(noun: str, evidence: str) -> str:
    """An event or role noun with the article the evidence sentence gives it: 'a warning', 'talks', 'advisor'."""
    found = re.search(rf"\b(an?|the)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b", evidence, re.IGNORECASE)
    if found and not is_plural_noun(noun):
        return f"{indefinite_article(noun) if found[1].lower() != 'the' else 'the'} {noun}"
    return noun


def object_words(head: str, words: list[str], evidence: str) -> list[str]:
    """What stands between a light verb and its event noun, as the evidence sentence writes it
    ('issue warning' -> 'a stern warning', 'engage negotiations' -> 'in covert negotiations'); else the
    predicate's own words, with the article the sentence gives a singular noun."""
    if not words:
        return []
    forms = sorted({head, *(f for fs in getAllInflections(head, upos="VERB").values() for f in fs)}, key=len,
                   reverse=True)
    pattern = rf"\b(?:{'|'.join(map(re.escape, forms))})\s+((?:[\w'’-]+\s+){{0,3}}?)({re.escape(words[-1])}\w*)\b"
    found = re.search(pattern, " ".join(evidence.split()), re.IGNORECASE)
    if found and len(words) == 1:  # without a name in between: 'gave Ana the option' gives 'the option'
        return [*(w for w in found[1].split() if not w[:1].isupper()), found[2]]
    return [object_noun(w, evidence) if is_common_noun(w) else w for w in words]


def is_noun_use(head: str, preposition: str | None, evidence: str) -> bool:
    """The predicate's head is used as a noun in its sentence ('his visit to', 'a call for'), not as a verb."""
    if not preposition or not is_common_noun(head):
        return False
    determiner = r"(?:a|an|the|his|her|its|their|our|this|that)"
    return re.search(rf"\b{determiner}\s+(?:[\w-]+\s+)?{re.escape(head)}s?\s+{re.escape(preposition)}\b",
                     " ".join(evidence.split()), re.IGNORECASE) is not None


def relation_clause(analysis: Analysis, relation: Relation) -> str:
    """One relation as an English clause, whatever shape its predicate has.

    'warn' -> 'the United States warned North Korea'; 'meet with' -> 'X met with Y' (the preposition once);
    'issue warning to' -> 'X issued a warning to Y'; 'kill by' -> 'X was killed by Y';
    'advisor to' (a role) -> 'X is an advisor to Y'; 'defenses against' (an event noun) -> "X's defenses against Y";
    a negated relation says that it did not happen.
    """
    source, target = name_phrase(analysis, relation.source), name_phrase(analysis, relation.target)
    words = relation.predicate.split() or ["relate"]
    preposition = words.pop() if len(words) > 1 and words[-1].lower() in PREPOSITIONS else None
    head = words[0]
    middle = object_words(head, words[1:], relation.sentence) if is_base_verb(head) else words[1:]
    link = preposition or ""
    if is_affiliation(relation):
        copula = "is not" if relation.negated else "is"
        if all(w.lower() in PREPOSITIONS for w in words):  # 'X of Y' states a tie but no role
            return f"{source} {copula} affiliated with {target}"
        role = object_noun(" ".join(words), relation.sentence)
        member = analysis.actor(relation.source)
        if role == " ".join(words) and not (member and member.type == "PERSON") and not is_plural_noun(role):
            role = f"{indefinite_article(role)} {role}"  # 'a ministry of': only a person's office goes bare
        return " ".join([source, copula, role, preposition or "of", target])
    if not is_base_verb(head) or is_noun_use(head, preposition, relation.sentence):  # 'attacks on', 'a visit to'
        event = " ".join([NOUN_STATUS.get(relation.status, ""), *words]).strip()
        clause = f"{possessive(source)} {event} {preposition or 'involving'} {target}"
        return attributed(analysis, relation, f"there were no {clause}" if relation.negated else clause)
    if preposition == "by" and not middle:  # the extractor's passive: source underwent the act of target
        auxiliary = "was not" if relation.negated else PASSIVE_STATUS.get(status_of(relation), "was")
        return attributed(analysis, relation, f"{source} {auxiliary} {verb_form(head, 'VBN')} by {target}")
    status = "negated" if relation.negated else status_of(relation)
    if status == "negated" and relation.status_source:  # a denial is told as one: 'X denied buying arms from Y'
        denier = name_phrase(analysis, relation.status_source)
        if relation.status_source == relation.source:
            return " ".join(w for w in [source, "denied", verb_form(head, "VBG"), *middle, link, target] if w)
        return " ".join(w for w in [denier, "denied that", source, verb_form(head, "VBD"), *middle, link, target] if w)
    verb = VERB_STATUS[status].format(head) if status in VERB_STATUS else verb_form(head, "VBD")
    if status == "reported":
        verb = f"reportedly {verb_form(head, 'VBD')}"
    complement = infinitive_complement(analysis, relation) if not link else None
    return attributed(analysis, relation, " ".join(w for w in [source, verb, *middle, link, target, complement] if w))


COMPLEMENT_MAX_WORDS = 16


def infinitive_complement(analysis: Analysis, relation: Relation) -> str | None:
    """What the target is urged, asked or told to do, or accused of doing, as the article writes it right after
    the target: 'She urged the United Nations to act on the evidence' -> 'to act on the evidence'; 'He accused
    Chile of hiding the ships' -> 'of hiding the ships'. Without it a demand
    reads as a bare 'X urged Y', which is not what the article says. The phrase runs to the end of its clause
    (a comma or a sentence end); a longer one, or one holding a quotation mark, is left out rather than cut."""
    actor = analysis.actor(relation.target)
    if actor is None:
        return None
    text = analysis.article.text
    for mention in actor.mentions:
        if not relation.start <= mention.start < mention.end <= relation.end:
            continue
        found = re.match(r"\s+(to|of)\s+([a-z]+)\b([^,;:.!?]*)", text[mention.end:relation.end])
        if not found or not (is_base_verb(found[2]) if found[1] == "to" else is_gerund(found[2])):
            continue
        words = f"{found[1]} {found[2]}{found[3]}".split()
        if len(words) > COMPLEMENT_MAX_WORDS or any(c in found[0] for c in "\"“”«»'‘’`"):
            return None
        return " ".join(words)
    return None


def is_gerund(word: str) -> bool:
    """'using', 'hiding': an -ing form of a verb (lemminflect knows its lemma), not 'king' or 'evening'."""
    return word.endswith("ing") and any(word == verb_form(lemma, "VBG") for lemma in getAllLemmas(word).get("VERB", ()))


def status_of(relation: Relation) -> str:
    """The status the clause shows: a report with a named source says 'according to' instead of 'reportedly'."""
    return "asserted" if relation.status == "reported" and relation.status_source else relation.status


def attributed(analysis: Analysis, relation: Relation, clause: str) -> str:
    """A reported event told as its source's: 'according to Valeska Paris, the Church imprisoned her'."""
    if relation.status_source and relation.status in ("reported", "planned"):
        return f"according to {name_phrase(analysis, relation.status_source)}, {clause}"
    return clause


def event_clauses(analysis: Analysis) -> dict[str | None, dict[str, None]]:
    """The events as clauses by event class: one clause per distinct event, however often the text states it."""
    grouped: dict[str | None, dict[str, None]] = {}
    for relation in analysis.relations:
        if not is_affiliation(relation):
            category = relation.category if relation.category in CATEGORY_HEADINGS else None
            grouped.setdefault(category, {})[relation_clause(analysis, relation)] = None
    return grouped


def relations_paragraph(analysis: Analysis) -> str:
    grouped = event_clauses(analysis)
    if not grouped:
        return "No explicit relations between actors were found: no one is reported acting on anyone."
    by_kind = ", grouped here by kind" if len(grouped) > 1 else ""
    total = sum(len(clauses) for clauses in grouped.values())
    sentences = [f"The article reports {plural(total, 'event')} between actors{by_kind}."]
    for category, heading in CATEGORY_HEADINGS.items():
        clauses = list(grouped.get(category, ()))
        if not clauses:
            continue
        more = len(clauses) - RELATIONS_PER_CATEGORY
        listed = join_clauses(clauses[:RELATIONS_PER_CATEGORY]) + (f" (and {more} more)" if more > 0 else "")
        sentences.append(f"{heading}: {listed}.")
    return " ".join(sentences)


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """'no quotes', '1 quote', '3 quotes': a count a reader reads as words when it is zero."""
    return f"no {plural_form or singular + 's'}" if count == 0 else plural(count, singular, plural_form)


def summary_paragraph(analysis: Analysis) -> str:
    mentions = sum(len(a.mentions) for a in analysis.actors)
    events = [r for r in analysis.relations if not is_affiliation(r)]
    categories = {r.category for r in events if r.category}
    affiliations = len(analysis.relations) - len(events)
    kinds = (f"{plural(len(events), 'event statement')} in "  # statements: one event may be stated twice
             f"{plural(len(categories), 'event class', 'event classes')}" if events else "no event statements") + (
        f", {plural(affiliations, 'affiliation')}" if affiliations else "")
    relations = counted(len(analysis.relations), "relation") + (f" ({kinds})" if analysis.relations else "")
    pipeline = analysis.pipeline
    actors = counted(len(analysis.actors), "actor") + (f" with {plural(mentions, 'mention')}" if mentions else "")
    return (f"In total newslens found {actors}, {counted(len(analysis.quotes), 'quote')} and {relations}, "
            f"using the {pipeline.backend} pipeline {pipeline.model} {pipeline.version}. Every figure above is "
            f"machine extracted: check a claim against the annotated text before quoting it.")


def written_report(analysis: Analysis) -> list[str]:
    """The report's paragraphs, as plain text, in reading order."""
    paragraphs = [overview_paragraph(analysis), roles_paragraph(analysis), quotes_paragraph(analysis),
                  relations_paragraph(analysis), summary_paragraph(analysis)]
    return [p for p in paragraphs if p]


def summary_line(analysis: Analysis) -> str:
    """One line for the top of the report: what was found and who stands out."""
    sources = {q.speaker for q in analysis.quotes if analysis.actor(q.speaker)}
    events = sum(len(clauses) for clauses in event_clauses(analysis).values())
    affiliations = sum(1 for r in analysis.relations if is_affiliation(r))
    counts = (f"{plural(len(analysis.actors), 'actor')}, {plural(len(analysis.quotes), 'statement')} "
              f"from {plural(len(sources), 'named source')}, {plural(events, 'event')} between actors and "
              f"{plural(affiliations, 'stated affiliation')}")
    leading = [name_phrase(analysis, a.id) for a in main_actors(analysis)[:3]]
    return sentence(f"{counts}; most mentioned: {join_words(leading)}" if leading else counts)


