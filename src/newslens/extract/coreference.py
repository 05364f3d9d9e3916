"""Coreference: the pronouns, definite titles and definite descriptions that stand for an actor the article has named.

'he', 'she', 'his', 'her' go to a person mentioned shortly before, by salience ('Qanbar served during Saddam's
reign. He ...' is Qanbar); 'the Russian president' goes to the person whose role has those words. Both add
mentions to the actors, which relations and quotes then read as the person's.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import takewhile

from spacy.attrs import DEP, IDX, LOWER, ORTH, POS, SENT_START
from spacy.tokens import Doc

from newslens.english.gazetteer import is_country
from newslens.english.inflection import verb_forms, word_lemmas
from newslens.english.lexicon import (
    COUNTRY_NOUNS, FEMININE_PRONOUNS, GENDERED_HONORIFICS, NATIONAL_BODY_HEADS, NATIONAL_BODY_REACH,
    NATIONAL_FORCE_HEADS, ORG_HEADS, POSSESSIVE_DETERMINERS, PRONOUNS_PERSON, RANK_CHANGING, RELATIVE_WORDS, ROLE_HEADS,
    SPEAKER_PRONOUNS, SPEECH_VERBS,
)
from newslens.model import Actor, Mention
from newslens.pipeline.entities import ends_noun_phrase
from newslens.pipeline.titles import is_excellency
from newslens.english.syntax import SUBJECT_DEPS
from newslens.english.tokens import doc_strings, doc_text
from newslens.extract.quotes import in_quotation, normalised_quotation_marks, quotation_spans

PRONOUN_WINDOW_SENTENCES = 3
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod:poss"})


def resolve_pronouns(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """he/she/his/her -> a person mentioned within a few sentences whom the article has not already called
    by a pronoun of the other gender ('She' after 'Warhol ... his' is not Warhol): the person mentioned last
    in the pronoun's own sentence, else, of the people mentioned in the nearest sentence before, the
    subject already known to be of the pronoun's gender ('Qanbar served during Saddam's reign. He ...' is
    Qanbar, called 'he' before; 'He married Ana, who died in 1993. In 1997, he married Eva'), else, for a 'he' or
    'she', the speaker that sentence reports (the subject of its speech verb: 'X said that it was wrong of Y to
    attack Z. He said ...' is X, as news goes on with the same speaker), else the one mentioned last there.
    A person called Mr. or Ms. is of that gender from the start, so that a first pronoun read wrongly does not
    fix it; nor does it for the others: the pronouns that can stand for one person only, the subject of their own
    sentence ('Ana Ruiz said that she ...'), vote for each person's gender first (unambiguous_genders). A pronoun outside quotation marks
    is the narrator's: it does not stand for a person named only in someone's quoted words ('"Ana Ruiz must
    resign," he added' is not Ruiz), though one inside them may.
    A line break ends a sentence here, whatever the parser made of it."""
    named = sorted((m.start, m.end, a.id) for a in actors if a.type == "PERSON" for m in a.mentions)
    quoted = quotation_spans(normalised_quotation_marks(doc_text(doc)))
    offsets = doc.to_array(IDX).tolist()
    texts = doc_strings(doc, ORTH)
    sentence_starts = sorted({offsets[i] for i, flag in enumerate(doc.to_array(SENT_START).tolist())
                              if flag == 1 and texts[i].strip()}  # not a blank line the parser made a sentence
                             | {0} | {m.end() for m in re.finditer(r"\n\s*", doc_text(doc))})
    subject_ids = {doc.vocab.strings.add(dep) for dep in SUBJECT_DEPS}
    subjects = sorted(offsets[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep in subject_ids)
    speaking = verb_forms(SPEECH_VERBS)
    speakers = sorted(child.idx for sentence in doc.sents if sentence.root.lower_ in speaking
                      for child in sentence.root.children if child.dep_ in SUBJECT_DEPS)  # 'X said that Y ...'

    def mentioned(start: int, end: int, actor_id: str) -> tuple[int, bool, str, bool, bool]:
        """(sentence, is subject, actor, is in a quotation, is the speaker the sentence reports) of a mention."""
        return (bisect_right(sentence_starts, start), bisect_left(subjects, start) < bisect_left(subjects, end),
                actor_id, in_quotation(start, quoted), bisect_left(speakers, start) < bisect_left(speakers, end))
    lower_of = doc_strings(doc, LOWER)
    pronouns = [(i, offsets[i], "female" if lower in FEMININE_PRONOUNS else "male", not in_quotation(offsets[i], quoted))
                for i, lower in enumerate(lower_of)
                if lower in PRONOUNS_PERSON and not is_excellency(doc[i])]

    def walk(gender_of: dict[str, str], voting: bool) -> list[tuple[int, str | None, list[tuple[int, bool, str, bool, bool]]]]:
        """For each pronoun in text order: (token, the person chosen, the candidates of its nearest sentence).
        While voting, nothing is chosen and only named mentions are seen."""
        seen: list[tuple[int, bool, str, bool, bool]] = []  # the person mentions before the pronoun, named or resolved
        upcoming = iter(named)
        following = next(upcoming, None)
        found = []
        for i, at, gender, narrated in pronouns:
            while following is not None and following[0] < at:
                seen.append(mentioned(*following))
                following = next(upcoming, None)
            own_sentence = bisect_right(sentence_starts, at)
            within_reach = takewhile(lambda m: own_sentence - m[0] <= PRONOUN_WINDOW_SENTENCES, reversed(seen))
            candidates = [m for m in within_reach if gender_of.get(m[2], gender) == gender and (
                voting or not (narrated and m[3]))]  # a vote counts everyone named nearby, quoted or not
            if not candidates:
                continue
            nearest = [m for m in candidates if m[0] == candidates[0][0]]
            if voting:
                found.append((i, None, nearest if own_sentence == nearest[0][0] else []))
                continue
            if candidates[0][0] == own_sentence:
                nearest = nearest[:1]  # in its own sentence, the person mentioned last: 'X said Y's plan began when he'
            chosen = next((m for m in nearest if m[1] and gender_of.get(m[2]) == gender), None)
            if chosen is None and lower_of[i] in SPEAKER_PRONOUNS and candidates[0][0] != own_sentence:
                chosen = next((m for m in nearest if m[4]), None)  # 'X said ... Y. He said': X speaks on
            chosen = (chosen or nearest[0])[2]
            gender_of.setdefault(chosen, gender)
            found.append((i, chosen, nearest))
            seen.append(mentioned(at, at + len(doc[i].text), chosen))
        return found
    gender_of = honorific_genders(actors)
    gender_of = {**unambiguous_genders(walk(gender_of, voting=True), {i: g for i, _, g, _ in pronouns}), **gender_of}
    added: dict[str, list[Mention]] = {}
    for i, chosen, _ in walk(gender_of, voting=False):
        text = doc[i].text
        added.setdefault(chosen, []).append(Mention(text, offsets[i], offsets[i] + len(text), "pronoun"))
    return [replace(a, mentions=tuple(sorted(a.mentions + tuple(added.get(a.id, [])),
                                             key=lambda m: (m.start, m.end)))) for a in actors]


def unambiguous_genders(votes: list[tuple[int, str | None, list[tuple[int, bool, str, bool, bool]]]],
                        gender_of_token: dict[int, str]) -> dict[str, str]:
    """Actor id -> the gender of the pronouns that can stand for nobody else: those with one person only in their
    own sentence, a subject there. The majority of these decides, so that the article's first pronoun, read in an
    ambiguous sentence ('X demands Y resign for criticizing him'), does not fix a gender for the rest."""
    counts: dict[str, dict[str, int]] = {}
    for i, _, nearest in votes:
        people = {m[2] for m in nearest}
        if len(people) == 1 and any(m[1] for m in nearest):  # and a subject there: not 'The woman's love for X. She
            tally = counts.setdefault(people.pop(), {"male": 0, "female": 0})
            tally[gender_of_token[i]] += 1
    return {aid: "male" if t["male"] > t["female"] else "female" for aid, t in counts.items() if t["male"] != t["female"]}


def honorific_genders(actors: list[Actor]) -> dict[str, str]:
    """Actor id -> 'male' or 'female' for the people the article calls Mr., Mrs., Ms. ... (and never both)."""
    found: dict[str, set[str]] = {}
    for a in actors:
        for m in a.mentions:
            first = m.text.split()[0].lower() if a.type == "PERSON" and m.text.split() else ""
            if first in GENDERED_HONORIFICS:
                found.setdefault(a.id, set()).add(GENDERED_HONORIFICS[first])
    return {aid: genders.pop() for aid, genders in found.items() if len(genders) == 1}


def definite_title(doc: Doc, lowers: list[str], head: int) -> tuple[int, int] | None:
    """Token range of 'the [Russian] president [of Chile]' around a role noun, or None: not a definite title,
    or one that a name or a relative clause makes someone else's ('the president, Ana Ruiz'; 'the member who
    wishes to leave'), or not the head of its phrase ('the major league', 'the justice ministry')."""
    if lowers[head] not in ROLE_HEADS or doc[head].pos_ not in ("NOUN", "PROPN") or doc[head].dep_ in MODIFIER_DEPS:
        return None  # not 'the major league', 'the justice ministry'
    if head + 1 < len(lowers) and doc[head + 1].pos_ in ("NOUN", "PROPN"):
        return None
    last = head  # the title runs on through what it is of ('the minister of foreign affairs of Iraq')
    while last + 2 < len(lowers) and lowers[last + 1] == "of":
        last += 1
        while last + 1 < len(lowers) and lowers[last + 1].isalpha() and lowers[last + 1] != "of" and (
                doc[last + 1].pos_ not in ("VERB", "AUX") and lowers[last + 1] not in RELATIVE_WORDS):
            last += 1
    after = [doc[k].text for k in range(last + 1, min(last + 3, len(lowers)))]
    if after[:1] and (after[0][:1].isupper() or after[0].lower() in RELATIVE_WORDS) or after[:1] == [","] and (
            after[1:] and after[1][:1].isupper()):
        return None
    article = next((k for k in range(head - 1, max(head - 5, -1), -1) if lowers[k] == "the"), None)
    if article is None or not all(w.isalpha() for w in lowers[article + 1:head]):
        return None
    return article, last


def resolve_titles(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """'the Russian president', 'the foreign minister' -> the person last mentioned before it whose role has
    every one of these words ('Russian President Vladimir Putin', 'Foreign Minister Ana Ruiz'): a definite
    title stands for the one the article has given it."""
    roles = {a.id: {w.lower().strip(".,") for w in a.role.split()} for a in actors if a.type == "PERSON" and a.role}
    if not roles or not doc.has_annotation("POS"):
        return actors  # without a tagger a role word cannot be told from a modifier ('the justice ministry')
    starts = sorted((m.start, a.id) for a in actors for m in a.mentions)
    covered = sorted((m.start, m.end) for a in actors for m in a.mentions)
    text, lowers = doc_text(doc), doc_strings(doc, LOWER)
    offsets = doc.to_array(IDX).tolist()
    added: dict[str, list[Mention]] = {}
    for head in range(len(lowers)):
        title = definite_title(doc, lowers, head) if lowers[head] in ROLE_HEADS else None
        if title is None:
            continue
        start, end = offsets[title[0]], offsets[title[1]] + len(doc[title[1]].text)
        inside = bisect_right(covered, (start, len(text))) - 1
        if inside >= 0 and (covered[inside][1] > start or not text[covered[inside][1]:start].strip(" ,")):
            continue  # part of a name's own mention ('the Kremlin spokesman Dmitry Peskov'), or its apposition
            # ('Jake Sullivan, the national security advisor'), which gives the role rather than names anyone
        words = set(lowers[title[0] + 1:title[1] + 1]) - {"the", "of", "and"}
        before = starts[:bisect_left(starts, (start, ""))]
        chosen = next((aid for _, aid in reversed(before) if aid in roles and words <= roles[aid]
                       and not (roles[aid] & RANK_CHANGING) - words), None)  # 'the president' is no vice president
        if chosen is not None:
            added.setdefault(chosen, []).append(Mention(text[start:end], start, end, "nominal"))
    return [replace(a, mentions=tuple(sorted(a.mentions + tuple(added.get(a.id, [])),
                                             key=lambda m: (m.start, m.end)))) for a in actors]


DESCRIPTION_WINDOW_SENTENCES = 3
NAMED_TYPES = frozenset({"GPE", "LOC", "ORG", "NORP"})


def merge_name_parts(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """'the South' after 'South Korea', 'the Fund' after 'the Lumen Fund for Children': an actor named by one
    capitalised word, always with 'the', that is a word of exactly one longer name the article gave before, is
    that actor (the tagger made the description a name of its own). Organisation heads are left to
    resolve_descriptions ('the House' may be another house than the White House)."""
    text = doc_text(doc)
    first = {a.id: min(m.start for m in a.mentions) for a in actors if a.mentions}
    token_at = {token.idx: token.i for token in doc}

    def modifies(end: int) -> bool:
        """Whether a noun follows the word ending at `end`: the word describes it."""
        after = token_at.get(end + len(text[end:]) - len(text[end:].lstrip()))
        return after is not None and doc[after].pos_ in ("NOUN", "PROPN")
    merged: dict[str, str] = {}
    for part in actors:
        word = part.name
        if part.type not in NAMED_TYPES or not word.isalpha() or not word[:1].isupper() or word.lower() in ORG_HEADS:
            continue
        named = [m for m in part.mentions if m.kind in ("name", "alias")]
        if not named or not all(text[max(m.start - 4, 0):m.start].lower() == "the " and not modifies(m.end)
                                for m in named):
            continue  # always 'the South', never 'the Democratic side'
        wholes = [a.id for a in actors if a.id != part.id and a.type in NAMED_TYPES and word in a.name.split()
                  and len(a.name.split()) > 1 and first.get(a.id, len(text)) < first[part.id]]
        if len(wholes) == 1:
            merged[part.id] = wholes[0]
    if not merged:
        return actors
    added: dict[str, list[Mention]] = {}
    for part in actors:
        if part.id in merged:
            added.setdefault(merged[part.id], []).extend(replace(m, kind="nominal") for m in part.mentions)
    return with_mentions([a for a in actors if a.id not in merged], added)


# A country's own bodies that speak and act for it ('its foreign ministry said'); its armed forces act as bodies of
# their own (see actors.national_body_mentions), and 'its people' are not its state.
OWNED_STATE_HEADS = NATIONAL_BODY_HEADS - NATIONAL_FORCE_HEADS - {"people"}


def owned_national_body(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token range of 'its [foreign] ministry', 'its government' from the 'its' at i: a few lower-case adjectives or
    nouns, then a state body's noun that heads the phrase; None otherwise ('its ministry building')."""
    for k in range(i + 1, min(i + 2 + NATIONAL_BODY_REACH, len(doc))):
        token = doc[k]
        if not (token.is_alpha and token.is_lower):
            return None
        if token.lower_ in OWNED_STATE_HEADS and ends_noun_phrase(doc, k):
            return i, k + 1
        if not (token.pos_ in ("NOUN", "ADJ") if token.pos_ else {"NOUN", "ADJ"} & set(word_lemmas(token.lower_))):
            return None
    return None


def is_subject(word) -> bool:
    """A subject, or a conjunct of one ('Peru' in 'Chile and Peru signed')."""
    return word.dep_ in SUBJECT_DEPS or word.dep_ == "conj" and word.head.dep_ in SUBJECT_DEPS


def resolve_national_bodies(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """'South Korea said it was watching. Its foreign ministry said ...': a state body owned by 'its' stands for
    the country named before it, as 'the South Korean foreign ministry' does; the country a subject names in this
    sentence or the one before, else the only country named there (none when two are and neither is a subject; without
    a parse, none when two are)."""
    if not doc.has_annotation("SENT_START"):
        return actors
    countries = sorted((m.start, m.end, a.id) for a in actors if a.type == "GPE" and is_country(a.name)
                       for m in a.mentions if m.kind != "pronoun")
    if not countries:
        return actors
    covered = sorted((m.start, m.end) for a in actors for m in a.mentions)
    text = doc_text(doc)
    added: dict[str, list[Mention]] = {}
    for i in (t.i for t in doc if t.lower_ == "its"):
        body = owned_national_body(doc, i)
        if body is None:
            continue
        start, end = doc[body[0]].idx, doc[body[1] - 1].idx + len(doc[body[1] - 1].text)
        near = max(bisect_left(covered, (start, 0)) - 1, 0)
        if any(s < end and start < e for s, e in covered[near:near + 3]):
            continue  # already part of a mention
        sentence = doc[i].sent
        window = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        before = [(s, e, aid) for s, e, aid in countries if window <= s < start]
        subjects = [(doc[named.start].sent.start, aid) for s, e, aid in before
                    if (named := doc.char_span(s, e, alignment_mode="expand")) is not None and is_subject(named.root)]
        latest = {aid for at, aid in subjects if at == subjects[-1][0]} if subjects else {aid for *_, aid in before}
        chosen = latest.pop() if len(latest) == 1 else None  # not 'Chile and Peru signed it. Its government ...'
        if chosen is not None:
            added.setdefault(chosen, []).append(Mention(text[start:end], start, end, "nominal"))
    return with_mentions(actors, added)


def with_mentions(actors: list[Actor], added: dict[str, list[Mention]]) -> list[Actor]:
    return [replace(a, mentions=tuple(sorted(a.mentions + tuple(added.get(a.id, [])),
                                             key=lambda m: (m.start, m.end)))) for a in actors]


def described_actor(head: str, before: list[tuple[int, str]], actors_by_id: dict[str, Actor],
                    owner: str | None) -> str | None:
    """The actor a description's head noun stands for, of the mentions `before` it (latest first):
    'the country' / 'the nation': the last country mentioned; 'his party', 'its ministry': the owner's
    affiliation when its name has that head; 'the church', 'the South': the one earlier actor whose name
    has the head as a word (none when two have it)."""
    if owner is not None:
        affiliation = actors_by_id[owner].affiliation
        if affiliation in actors_by_id and head in actors_by_id[affiliation].name.lower().split():
            return affiliation
        return None
    if head in COUNTRY_NOUNS:
        return next((aid for _, aid in before if actors_by_id[aid].type == "GPE"
                     and is_country(actors_by_id[aid].name)), None)
    named = {aid for _, aid in before if head in actors_by_id[aid].name.lower().split()
             and actors_by_id[aid].type in ("ORG", "GPE", "NORP")}
    return named.pop() if len(named) == 1 else None


def resolve_descriptions(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """'the country', 'the church', 'the South', 'his party' -> the named actor they stand for: a definite
    description whose head is a country noun, an organisation head or a capitalised word of one earlier
    actor's name, within a few sentences; a possessive determiner's owner is resolved first (pronouns)."""
    if not doc.has_annotation("POS"):
        return actors
    actors_by_id = {a.id: a for a in actors}
    starts = sorted((m.start, a.id) for a in actors for m in a.mentions)
    covered = sorted((m.start, m.end) for a in actors for m in a.mentions if m.kind != "pronoun")
    spans = sorted((m.start, m.end, a.id) for a in actors for m in a.mentions)
    pronoun_of = {m.start: a.id for a in actors for m in a.mentions if m.kind == "pronoun"}

    def speakers(token: int) -> set[str]:
        """Actors that are subjects of the verbs above a word: 'Washington revealed that the country had ...'
        does not call Washington 'the country'."""
        found, k = set(), token
        for _ in range(8):
            parent = doc[k].head.i
            if parent == k:
                break
            k = parent
            for child in doc[k].children:
                if child.dep_ in SUBJECT_DEPS:
                    at = bisect_right(spans, (doc[child.i].idx, len(text), "")) - 1
                    if at >= 0 and spans[at][0] <= doc[child.i].idx < spans[at][1]:
                        found.add(spans[at][2])
        return found
    text, lowers = doc_text(doc), doc_strings(doc, LOWER)
    offsets = doc.to_array(IDX).tolist()
    sentence_of = [0] * len(lowers)
    for n, flag in enumerate(doc.to_array(SENT_START).tolist()):
        sentence_of[n] = sentence_of[n - 1] + (flag == 1) if n else 0
    first_token = {}
    for n, sentence in enumerate(sentence_of):
        first_token.setdefault(sentence, n)
    added: dict[str, list[Mention]] = {}
    tags = doc_strings(doc, POS)
    for head in range(1, len(lowers)):
        word, determiner = lowers[head], lowers[head - 1]
        if determiner != "the" and determiner not in POSSESSIVE_DETERMINERS:
            continue
        if not (word in COUNTRY_NOUNS or word in ORG_HEADS or tags[head] == "PROPN") or (
                head + 1 < len(lowers) and tags[head + 1] in ("NOUN", "PROPN")):
            continue  # the description's head ends its phrase: not 'the country team'
        start, end = offsets[head - 1], offsets[head] + len(doc[head].text)
        inside = bisect_right(covered, (start, len(text))) - 1
        if inside >= 0 and covered[inside][1] > start or any(s < end <= e for s, e in covered[inside + 1:inside + 3]):
            continue  # already part of a mention
        owner = pronoun_of.get(start) if determiner in POSSESSIVE_DETERMINERS else None
        if determiner in POSSESSIVE_DETERMINERS and owner is None:
            continue
        window = offsets[first_token[max(0, sentence_of[head] - DESCRIPTION_WINDOW_SENTENCES)]]
        excluded = speakers(head) if word in COUNTRY_NOUNS else set()
        before = [m for m in reversed(starts[:bisect_left(starts, (start, ""))]) if m[0] >= window
                  and m[1] not in excluded]
        chosen = described_actor(word, before, actors_by_id, owner)
        if chosen is not None and chosen != owner:
            mention_start = start if determiner == "the" else offsets[head - 1]
            added.setdefault(chosen, []).append(Mention(text[mention_start:end], mention_start, end, "nominal"))
    return with_mentions(actors, added)
