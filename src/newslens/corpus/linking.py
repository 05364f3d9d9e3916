"""Cross-article linking: which actors of different articles are the same real-world entity.

Conservative on purpose: a wrong merge (two people made one) misleads a researcher more than a missed one.
Actors link when they share a *linking key*, and every key is specific on its own:
- a person's full name (at least two words once titles and honorifics are set aside); a bare surname
  is no key, so "Lopez" never links across articles by itself;
- any other actor's full name ("Reuters", "European Union"), whatever its type among organisations,
  places and groups (the article flow can call the same body an ORG in one article and a GPE in
  another), never a person's;
- for places, the country a name stands for: "U.S." and "United States", a capital and its country
  (the gazetteer's knowledge, the same the article flow uses for metonymy);
- an acronym and the one expansion in the corpus whose initials it spells ("WHO" and "World Health
  Organization"); an acronym two different expansions could spell links to neither.
Actors sharing a key are one entity (union-find over keys), and an entity's id derives from its
smallest key (or, for a keyless actor, from its article and actor id), so ids are stable and unique.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newslens.english.gazetteer import places
from newslens.english.lexicon import TITLE_WORDS

ACRONYM_KEY = re.compile(r"^(?:[A-Z]\.?){2,8}$")
POSSESSIVE_END = re.compile(r"['’]s?$")
KEY, ACTOR = 0, 1  # node kinds of the union-find: keys sort first, so an entity's root is its smallest key


@dataclass(frozen=True)
class ActorRef:
    """An actor of one article, as much of it as linking needs."""

    doc_id: str
    actor_id: str
    name: str
    type: str
    aliases: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Entity:
    """Actors of the corpus that are one real-world entity."""

    id: str
    name: str
    type: str
    members: tuple[ActorRef, ...]


def normalize(name: str) -> str:
    """A name reduced to what identifies it: case, dots, a leading 'the' and a possessive set aside."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    text = POSSESSIVE_END.sub("", text.strip()).replace(".", "")
    text = " ".join(text.split())
    return text.removeprefix("the ")


def initials(name: str) -> str:
    """The capitals that start the words of a multi-word name ('Federal Bureau of Investigation' -> 'FBI')."""
    words = name.split()
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def acronym_letters(form: str) -> str | None:
    """'NATO' -> 'NATO', 'U.N.' -> 'UN'; None for a form that is no acronym."""
    return form.replace(".", "") if ACRONYM_KEY.match(form) else None


def person_key(form: str) -> str | None:
    """A person's name without titles, if it is still a full name (two words or more)."""
    words = [w for w in normalize(form).split() if w not in TITLE_WORDS]
    return " ".join(words) if len(words) >= 2 else None


def place_key(form: str) -> str | None:
    """The country a place name stands for (itself, an alternative spelling, or its capital)."""
    place = places().get(form) or places().get(form.removeprefix("the ").strip())
    if place is None or place.kind not in ("country", "capital"):
        return None
    return place.country if place.kind == "capital" else place.name


def name_keys(actor: ActorRef) -> set[str]:
    """The keys an actor's own names give it (acronym expansion comes later, corpus-wide)."""
    keys: set[str] = set()
    for form in actor.forms:
        if actor.type == "PERSON":
            key = person_key(form)
            if key:
                keys.add(f"person:{key}")
            continue
        if actor.type == "GPE":
            country = place_key(form)
            if country:
                keys.add(f"country:{country}")
        if normalize(form):
            keys.add(f"name:{normalize(form)}")
    return keys


def acronym_keys(actors: list[ActorRef]) -> dict[str, str]:
    """Letters -> the key of the one expansion in the corpus those letters spell (people have none)."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        if actor.type == "PERSON":
            continue
        for form in actor.forms:
            letters = initials(form)
            if len(letters) >= 2:
                expansions[letters].add(f"name:{normalize(form)}")
    return {letters: next(iter(keys)) for letters, keys in expansions.items() if len(keys) == 1}


def most_used_name(members: Iterable[ActorRef]) -> str:
    """The name its articles use most; ties go to the longer, then the alphabetically first."""
    counts = Counter(m.name for m in members)
    return min(counts, key=lambda name: (-counts[name], -len(name), name))


def common_type(members: Iterable[ActorRef]) -> str:
    """The type most of its articles give it (ties: alphabetical)."""
    counts = Counter(m.type for m in members)
    return min(counts, key=lambda t: (-counts[t], t))


def entity_id(anchor: str) -> str:
    return "E" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:10]


def link(actors: Iterable[ActorRef]) -> list[Entity]:
    """Group the actors of all articles into entities; sorted by id."""
    actors = list(actors)
    expansions = acronym_keys(actors)
    import networkx as nx  # here: a rerun whose tables are up to date links nothing

    graph = nx.Graph()  # actors and the keys they share; an entity is one connected component
    for actor in actors:
        node = (ACTOR, actor.doc_id, actor.actor_id)
        graph.add_node(node)
        keys = name_keys(actor)
        for form in actor.forms:
            letters = acronym_letters(form)
            if letters and actor.type != "PERSON" and letters in expansions:
                keys.add(expansions[letters])
        graph.add_edges_from((node, (KEY, key)) for key in keys)
    root_of = {node: min(component) for component in nx.connected_components(graph) for node in component}
    groups: dict = defaultdict(list)  # by the component's smallest node, so ids never depend on input order
    for actor in actors:
        groups[root_of[(ACTOR, actor.doc_id, actor.actor_id)]].append(actor)
    entities = []
    for root, members in groups.items():
        anchor = root[1] if root[0] == KEY else f"{root[1]}/{root[2]}"
        members.sort(key=lambda m: (m.doc_id, m.actor_id))
        entities.append(Entity(id=entity_id(anchor), name=most_used_name(members), type=common_type(members),
                               members=tuple(members)))
    return sorted(entities, key=lambda e: e.id)
