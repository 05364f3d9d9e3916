"""The written report: a few paragraphs of template-driven prose about who said what to whom.

Same Analysis, same words: every choice (which actors, which quotes, which relations) is made by a
stable sort, so the prose can be diffed between pipeline versions. Paragraphs are plain text; use
`report_html` to put them into a page, which escapes everything that came from the article.
"""
from __future__ import annotations

import textwrap
from collections import Counter
from html import escape

from newslens.analysis import Analysis
from newslens.model import Actor, Quote, Relation
from newslens.quotes import CAPTION_CUE

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
CATEGORY_HEADINGS = {
    "threaten": "Threats and warnings", "accuse": "Accusations", "demand": "Demands",
    "fight": "Fighting", "oppose": "Opposition", "provide": "Material help", "support": "Support",
    "cooperate": "Cooperation", "meet": "Meetings and visits", "communicate": "Statements and contacts",
    None: "Other interactions",
}
PAST_TENSE_CUES = {"said", "told", "wrote", "spoke", "thought", "felt", "saw", "knew", "made", "gave", "held"}
IRREGULAR_PAST = {
    "meet": "met", "seek": "sought", "say": "said", "tell": "told", "give": "gave", "send": "sent",
    "hold": "held", "make": "made", "fight": "fought", "buy": "bought", "sell": "sold", "lead": "led",
    "strike": "struck", "take": "took", "bring": "brought", "build": "built", "find": "found", "win": "won",
    "leave": "left", "begin": "began", "keep": "kept", "see": "saw", "go": "went", "come": "came",
    "know": "knew", "speak": "spoke", "shoot": "shot", "hit": "hit", "put": "put", "set": "set", "cut": "cut",
    "beat": "beat", "pay": "paid", "lay": "laid", "forbid": "forbade", "withdraw": "withdrew", "be": "was",
    "have": "had", "do": "did", "stand": "stood", "run": "ran", "break": "broke", "steal": "stole",
    "admit": "admitted", "commit": "committed", "submit": "submitted", "permit": "permitted",
    "refer": "referred", "prefer": "preferred", "control": "controlled", "regret": "regretted",
}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def join_words(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def past_tense(lemma: str) -> str:
    """Simple past of a verb lemma, or of the first word of a verb phrase ('turn to' -> 'turned to')."""
    verb, _, rest = lemma.partition(" ")
    if verb in IRREGULAR_PAST:
        past = IRREGULAR_PAST[verb]
    elif verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    elif 3 <= len(verb) <= 4 and verb[0] not in "aeiou" and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" \
            and verb[-3] not in "aeiou":
        past = verb + verb[-1] + "ed"  # short consonant-vowel-consonant verbs: plan -> planned, stop -> stopped
    else:
        past = verb + "ed"
    return f"{past} {rest}".strip()


def quoted(text: str) -> str:
    """A statement in curly quotes, shortened at a word boundary when it runs long."""
    flat = " ".join(text.split())
    return f"“{textwrap.shorten(flat, width=QUOTE_MAX_CHARS, placeholder=' …')}”"


def mention_count(analysis: Analysis, actor_id: str | None) -> int:
    actor = analysis.actor(actor_id)
    return len(actor.mentions) if actor else 0


def main_actors(analysis: Analysis) -> list[Actor]:
    """The most mentioned actors, in the order of the actors table."""
    return [analysis.actor(i) for i in analysis.actors_df()["id"].tolist()[:MAIN_ACTORS]]


def describe_actor(analysis: Analysis, actor: Actor) -> str:
    """'Jake Sullivan (national security advisor, United States; 5 mentions)'."""
    details = [d for d in (actor.role, analysis.actor_name(actor.affiliation)) if d]
    prefix = ", ".join(details) + "; " if details else ""
    return f"{actor.name} ({prefix}{plural(len(actor.mentions), 'mention')})"


def overview_paragraph(analysis: Analysis) -> str:
    article = analysis.article
    subject = f"The article “{article.title}”" if article.title else f"Article {article.doc_id}"
    words = len(article.text.split())
    if not analysis.actors:
        return f"{subject} ({plural(words, 'word')}) names no actors that newslens could identify."
    by_type = Counter(a.type for a in analysis.actors)
    kinds = [plural(n, *TYPE_NOUNS.get(t, TYPE_NOUNS["OTHER"])) for t, n in sorted(
        by_type.items(), key=lambda item: (-item[1], item[0]))]
    leading = join_words([describe_actor(analysis, a) for a in main_actors(analysis)])
    return (f"{subject} ({plural(words, 'word')}) names {plural(len(analysis.actors), 'actor')}: "
            f"{join_words(kinds)}. The most prominent are {leading}.")


def roles_paragraph(analysis: Analysis) -> str | None:
    """Who the people and organisations are, as far as the article says."""
    described = [a for a in analysis.actors if a.role or a.affiliation]
    if not described:
        return None
    described.sort(key=lambda a: -len(a.mentions))
    sentences = []
    for actor in described[:MAIN_ACTORS + 2]:
        affiliation = analysis.actor_name(actor.affiliation)
        if actor.role and affiliation:
            sentences.append(f"{actor.name} is described as {actor.role} and is linked to {affiliation}.")
        elif actor.role:
            sentences.append(f"{actor.name} is described as {actor.role}.")
        else:
            sentences.append(f"{actor.name} is linked to {affiliation}.")
    return " ".join(sentences)


def key_quotes(analysis: Analysis) -> list[Quote]:
    """Attributed direct quotes first (photo captions last), then by how prominent the speaker is, then longest;
    shown in text order."""
    ranked = sorted(analysis.quotes, key=lambda q: (
        q.speaker is None, q.cue == CAPTION_CUE, q.kind != "direct", -mention_count(analysis, q.speaker),
        -len(q.text), q.start))
    return sorted(ranked[:KEY_QUOTES], key=lambda q: q.start)


def reporting_verb(cue: str | None) -> str | None:
    """The cue itself when it reads as a past-tense verb ('said', 'warned'), so prose can use it as is."""
    cue = (cue or "said").strip()
    return cue if cue.isalpha() and (cue.endswith("ed") or cue in PAST_TENSE_CUES) else None


def quote_sentence(analysis: Analysis, quote: Quote) -> str:
    """'Jake Sullivan said: “…”', 'Jake Sullivan added that …', or with the cue in brackets when it is no verb."""
    if quote.cue == CAPTION_CUE:
        credit = f" (image: {quote.speaker_text})" if quote.speaker_text else ""
        return f"A photo caption{credit} reads: {quoted(quote.text)}."
    speaker = analysis.actor_name(quote.speaker) or "An unnamed source"
    verb = reporting_verb(quote.cue)
    if quote.kind == "indirect":
        content = " ".join(quote.text.split()).rstrip(".")
        content = content if content.lower().startswith("that ") else f"that {content}"
        return f"{speaker} {verb} {content}." if verb else f"{speaker} ({quote.cue}) reported {content}."
    return f"{speaker} {verb}: {quoted(quote.text)}" if verb else \
        f"{speaker} ({quote.cue}): {quoted(quote.text)}"


def quotes_paragraph(analysis: Analysis) -> str:
    quotes = analysis.quotes
    if not quotes:
        return "The article quotes no one: newslens found no direct quotations or reported statements."
    kinds = Counter(q.kind for q in quotes)
    speakers = Counter(analysis.actor_name(q.speaker) for q in quotes if q.speaker and analysis.actor(q.speaker))
    captions = sum(1 for q in quotes if q.cue == CAPTION_CUE)
    parts = [f"The article carries {plural(len(quotes), 'statement')}: "
             f"{join_words([plural(kinds[k], k + ' quote') for k in ('direct', 'indirect', 'mixed') if kinds[k]])}"
             + (f", {plural(captions, 'photo caption')} among them." if captions else ".")]
    if speakers:
        (top, top_count), = speakers.most_common(1)
        parts.append(f"They come from {plural(len(speakers), 'named source')}; "
                     f"{top} is quoted most ({plural(top_count, 'time')}).")
    unattributed = sum(1 for q in quotes if not analysis.actor(q.speaker))
    if unattributed:
        parts.append(f"{plural(unattributed, 'statement')} could not be attributed to a speaker.")
    statements = " ".join(quote_sentence(analysis, q) for q in key_quotes(analysis))
    parts.append(f"The most important statements: {statements}")
    return " ".join(parts)


def relation_clause(analysis: Analysis, relation: Relation) -> str:
    """'the United States warned North Korea' or 'North Korea did not supply Russia'."""
    source = analysis.actor_name(relation.source) or relation.source
    target = analysis.actor_name(relation.target) or relation.target
    verb = f"did not {relation.predicate}" if relation.negated else past_tense(relation.predicate)
    # A bare verb takes the target as its object ('warned X'); a verb phrase needs a link ('issued warning').
    return f"{source} {verb} {target}" if " " not in relation.predicate else f"{source} {verb} involving {target}"


def relations_paragraph(analysis: Analysis) -> str:
    if not analysis.relations:
        return "newslens found no explicit relations between actors (no one is reported acting on anyone)."
    grouped: dict[str | None, list[Relation]] = {}
    for relation in analysis.relations:
        category = relation.category if relation.category in CATEGORY_HEADINGS else None
        grouped.setdefault(category, []).append(relation)
    sentences = []
    for category, heading in CATEGORY_HEADINGS.items():
        relations = grouped.get(category)
        if not relations:
            continue
        clauses = list(dict.fromkeys(relation_clause(analysis, r) for r in relations))
        more = len(clauses) - RELATIONS_PER_CATEGORY
        listed = join_words(clauses[:RELATIONS_PER_CATEGORY]) + (f" (and {more} more)" if more > 0 else "")
        sentences.append(f"{heading}: {listed}.")
    return "The key relationships, by kind of event. " + " ".join(sentences)


def summary_paragraph(analysis: Analysis) -> str:
    mentions = sum(len(a.mentions) for a in analysis.actors)
    categories = {r.category for r in analysis.relations if r.category}
    pipeline = analysis.pipeline
    return (f"In total newslens found {plural(len(analysis.actors), 'actor')} with {plural(mentions, 'mention')}, "
            f"{plural(len(analysis.quotes), 'quote')} and {plural(len(analysis.relations), 'relation')} "
            f"in {plural(len(categories), 'event class', 'event classes')}, using the {pipeline.backend} "
            f"pipeline {pipeline.model} {pipeline.version}. Every figure above is machine extracted: "
            f"check a claim against the annotated text before quoting it.")


def written_report(analysis: Analysis) -> list[str]:
    """The report's paragraphs, as plain text, in reading order."""
    paragraphs = [overview_paragraph(analysis), roles_paragraph(analysis), quotes_paragraph(analysis),
                  relations_paragraph(analysis), summary_paragraph(analysis)]
    return [p for p in paragraphs if p]


def report_html(analysis: Analysis) -> str:
    """The written report as escaped HTML paragraphs, safe to display whatever the article contains."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in written_report(analysis))
    return f'<div class="newslens-report" style="max-width: 48em; font-size: 15px; line-height: 1.6">{paragraphs}</div>'
