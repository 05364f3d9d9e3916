"""Corpus tables: the stored results as Parquet (pyarrow) and CSV, with `doc_id` and the entity id on every row.

Two passes over DIR/articles, one article at a time: the first collects what linking needs (names, counts),
the second writes the rows in chunks of articles, so memory stays flat however many mentions there are.
Tables are written to a staging folder of the run's own (`newslens.io.publish`) and moved into DIR/tables
only when all are complete; when the
results they come from have not changed since the last run, nothing is rewritten.
"""
from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslens.version import __version__
from newslens.io import publish
from newslens.corpus.linking import ActorRef, Entity, link
from newslens.corpus.store import Store
from newslens.exceptions import CorpusError
from newslens.english.lexicon import FEMININE_PRONOUNS, PRONOUNS_PERSON
from newslens.io.spreadsheet import write_csv

CHUNK_ARTICLES = 256  # articles per row group and CSV part
MASCULINE_PRONOUNS = PRONOUNS_PERSON - FEMININE_PRONOUNS
DIRECT_KINDS = ("direct",)
FINGERPRINT = ".source.sha256"

STRING, INT, FLOAT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
SCHEMAS = {
    "articles": pa.schema([("doc_id", STRING), ("title", STRING), ("date", STRING), ("date_from", STRING),
                           ("source", STRING),
                           ("words", INT), ("sha256", STRING), ("origin", STRING), ("actors", INT),
                           ("quotes", INT), ("relations", INT)]),
    "actors": pa.schema([("doc_id", STRING), ("actor", STRING), ("entity", STRING), ("name", STRING),
                         ("type", STRING), ("role", STRING), ("affiliation", STRING),
                         ("affiliation_entity", STRING), ("mentions", INT), ("direct_quotes", INT),
                         ("reported_quotes", INT), ("reference", STRING)]),
    "mentions": pa.schema([("doc_id", STRING), ("actor", STRING), ("entity", STRING), ("text", STRING),
                           ("start", INT), ("end", INT), ("kind", STRING)]),
    "quotes": pa.schema([("doc_id", STRING), ("id", STRING), ("kind", STRING), ("speaker", STRING),
                         ("entity", STRING), ("speaker_name", STRING), ("speaker_type", STRING),
                         ("speaker_text", STRING), ("cue", STRING), ("text", STRING), ("start", INT),
                         ("end", INT), ("confidence", FLOAT), ("source_description", STRING),
                         ("source_affiliation", STRING)]),  # an unnamed source: what it is, whom it speaks for
    "relations": pa.schema([("doc_id", STRING), ("source", STRING), ("source_entity", STRING),
                            ("predicate", STRING), ("target", STRING), ("target_entity", STRING),
                            ("category", STRING), ("negated", BOOL), ("status", STRING), ("status_source", STRING),
                            ("cameo", STRING), ("cameo_root", STRING), ("goldstein", FLOAT), ("sentence", STRING),
                            ("start", INT), ("end", INT)]),
    "entities": pa.schema([("entity", STRING), ("name", STRING), ("type", STRING), ("aliases", STRING),
                           ("articles", INT), ("mentions", INT), ("quotes", INT), ("direct_quotes", INT),
                           ("reported_quotes", INT), ("reference", STRING), ("first_date", STRING),
                           ("last_date", STRING)]),
}
TABLE_NAMES = tuple(SCHEMAS)


@dataclass(frozen=True)
class ActorStats:
    """The counts of one article's actor that sum up to its entity's."""

    mentions: int
    direct_quotes: int
    reported_quotes: int
    masculine: int
    feminine: int


def reference(masculine: int, feminine: int) -> str:
    """How the text refers to a person: 'he', 'she', 'mixed' or 'not stated' (the text's pronouns, not a
    gender inference)."""
    if masculine and feminine:
        return "mixed"
    return "he" if masculine else "she" if feminine else "not stated"


def actor_stats(document: dict) -> dict[str, ActorStats]:
    speech = Counter((q["speaker"], q["kind"] in DIRECT_KINDS) for q in document["quotes"] if q["speaker"])
    stats = {}
    for actor in document["actors"]:
        pronouns = [m["text"].casefold() for m in actor["mentions"] if m.get("kind") == "pronoun"]
        stats[actor["id"]] = ActorStats(
            mentions=len(actor["mentions"]), direct_quotes=speech[(actor["id"], True)],
            reported_quotes=speech[(actor["id"], False)],
            masculine=sum(p in MASCULINE_PRONOUNS for p in pronouns),
            feminine=sum(p in FEMININE_PRONOUNS for p in pronouns))
    return stats


def actor_refs(document: dict) -> Iterator[ActorRef]:
    for actor in document["actors"]:
        aliases = [m["text"] for m in actor["mentions"] if m.get("kind", "name") in ("name", "alias")]
        yield ActorRef(doc_id=document["doc_id"], actor_id=actor["id"], name=actor["name"], type=actor["type"],
                       aliases=tuple(dict.fromkeys(aliases)))


def article_row(document: dict) -> dict:
    meta = document.get("corpus", {})
    return {"doc_id": document["doc_id"], "title": meta.get("title"), "date": meta.get("date"),
            "date_from": meta.get("date_from"), "source": meta.get("source"), "words": meta.get("words", 0),
            "sha256": document["text_sha256"],
            "origin": meta.get("origin"), "actors": len(document["actors"]), "quotes": len(document["quotes"]),
            "relations": len(document["relations"])}


def document_rows(document: dict, entity_of: dict[tuple[str, str], str]) -> dict[str, list[dict]]:
    """The actors, mentions, quotes and relations rows of one stored article."""
    doc_id = document["doc_id"]
    actors = {a["id"]: a for a in document["actors"]}
    stats = actor_stats(document)

    def entity(actor_id: str | None) -> str | None:
        return entity_of.get((doc_id, actor_id)) if actor_id else None

    rows: dict[str, list[dict]] = {"actors": [], "mentions": [], "quotes": [], "relations": []}
    for actor in document["actors"]:
        s = stats[actor["id"]]
        rows["actors"].append({
            "doc_id": doc_id, "actor": actor["id"], "entity": entity(actor["id"]), "name": actor["name"],
            "type": actor["type"], "role": actor.get("role"), "affiliation": actor.get("affiliation"),
            "affiliation_entity": entity(actor.get("affiliation")), "mentions": s.mentions,
            "direct_quotes": s.direct_quotes, "reported_quotes": s.reported_quotes,
            "reference": reference(s.masculine, s.feminine) if actor["type"] == "PERSON" else None})
        rows["mentions"].extend({"doc_id": doc_id, "actor": actor["id"], "entity": entity(actor["id"]),
                                 "text": m["text"], "start": m["start"], "end": m["end"], "kind": m.get("kind")}
                                for m in actor["mentions"])
    rows["mentions"].sort(key=lambda r: (r["start"], r["end"], r["actor"]))
    for q in document["quotes"]:
        speaker = actors.get(q["speaker"]) if q["speaker"] else None
        rows["quotes"].append({
            "doc_id": doc_id, "id": q["id"], "kind": q["kind"], "speaker": q["speaker"], "entity": entity(q["speaker"]),
            "speaker_name": speaker["name"] if speaker else None, "speaker_type": speaker["type"] if speaker else None,
            "speaker_text": q.get("speaker_text"), "cue": q.get("cue"), "text": q["text"], "start": q["start"],
            "end": q["end"], "confidence": float(q.get("confidence", 1.0)),
            "source_description": q.get("source_description"), "source_affiliation": q.get("source_affiliation")})
    for r in document["relations"]:
        rows["relations"].append({
            "doc_id": doc_id, "source": r["source"], "source_entity": entity(r["source"]),
            "predicate": r["predicate"], "target": r["target"], "target_entity": entity(r["target"]),
            "category": r.get("category"), "negated": bool(r.get("negated", False)),
            "status": r.get("status", "asserted"), "status_source": r.get("status_source"), "cameo": r.get("cameo"),
            "cameo_root": r.get("cameo_root"), "goldstein": r.get("goldstein"), "sentence": r.get("sentence"),
            "start": r["start"], "end": r["end"]})
    return rows


def entity_rows(entities: list[Entity], stats: dict[tuple[str, str], ActorStats],
                dates: dict[str, str | None]) -> list[dict]:
    rows = []
    for e in entities:
        member_stats = [stats[(m.doc_id, m.actor_id)] for m in e.members]
        aliases = Counter(form for m in e.members for form in m.forms)
        known_dates = sorted(d for d in {dates[m.doc_id] for m in e.members} if d)
        direct = sum(s.direct_quotes for s in member_stats)
        reported = sum(s.reported_quotes for s in member_stats)
        rows.append({
            "entity": e.id, "name": e.name, "type": e.type,
            "aliases": "; ".join(sorted(aliases, key=lambda a: (-aliases[a], a))),
            "articles": len({m.doc_id for m in e.members}), "mentions": sum(s.mentions for s in member_stats),
            "quotes": direct + reported, "direct_quotes": direct, "reported_quotes": reported,
            "reference": (reference(sum(s.masculine for s in member_stats), sum(s.feminine for s in member_stats))
                          if e.type == "PERSON" else None),
            "first_date": known_dates[0] if known_dates else None,
            "last_date": known_dates[-1] if known_dates else None})
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"], r["entity"]))


class TableWriter:
    """One table written chunk by chunk: a Parquet row group and a CSV part per chunk, joined at the end."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder, self.schema = name, folder, SCHEMAS[name]
        self.parquet = pq.ParquetWriter(folder / f"{name}.parquet", self.schema)
        self.parts: list[Path] = []

    def add(self, rows: list[dict]) -> None:
        table = pa.Table.from_pylist(rows, schema=self.schema)
        self.parquet.write_table(table)
        part = self.folder / f".{self.name}.{len(self.parts)}.csv"
        write_csv(table.to_pandas(), part)
        self.parts.append(part)

    def close(self) -> None:
        if not self.parts:
            self.add([])
        self.parquet.close()
        with (self.folder / f"{self.name}.csv").open("wb") as csv:
            for number, part in enumerate(self.parts):
                with part.open("rb") as lines:
                    if number:
                        lines.readline()  # each part repeats the header
                    shutil.copyfileobj(lines, csv)
                part.unlink()


def fingerprint(store: Store, doc_ids: list[str]) -> str:
    """What the tables are made from: the bytes of every stored result, and the code that tabulates them."""
    digest = hashlib.sha256(f"newslens {__version__}\n".encode())
    for doc_id in doc_ids:
        digest.update(f"{doc_id}\t{store.digest(doc_id)}\n".encode())
    return digest.hexdigest()


def table_files() -> list[Path]:
    return [Path(f"{name}.{ext}") for name in TABLE_NAMES for ext in ("parquet", "csv")]


def build_tables(store: Store, doc_ids: list[str]) -> bool:
    """Write DIR/tables/*.parquet|csv for these articles (sorted ids); False when they were up to date."""
    out = store.root / "tables"
    stamp = fingerprint(store, doc_ids)
    current = out / FINGERPRINT
    if current.is_file() and current.read_text() == stamp and all((out / f).is_file() for f in table_files()):
        return False
    with publish.staging(store.root) as staging:  # the run's own: concurrent runs never share it
        refs: list[ActorRef] = []
        stats: dict[tuple[str, str], ActorStats] = {}
        articles = TableWriter("articles", staging)
        dates: dict[str, str | None] = {}
        chunk: list[dict] = []
        for document in store.load_all(doc_ids):
            refs.extend(actor_refs(document))
            stats.update({(document["doc_id"], a): s for a, s in actor_stats(document).items()})
            chunk.append(article_row(document))
            dates[document["doc_id"]] = chunk[-1]["date"]
            if len(chunk) == CHUNK_ARTICLES:
                articles.add(chunk)
                chunk = []
        if chunk:
            articles.add(chunk)
        articles.close()
        entities = link(refs)
        entity_of = {(m.doc_id, m.actor_id): e.id for e in entities for m in e.members}
        writers = {name: TableWriter(name, staging) for name in ("actors", "mentions", "quotes", "relations")}
        pending: dict[str, list[dict]] = {name: [] for name in writers}
        for number, document in enumerate(store.load_all(doc_ids), start=1):
            for name, rows in document_rows(document, entity_of).items():
                pending[name].extend(rows)
            if number % CHUNK_ARTICLES == 0 or number == len(doc_ids):
                for name, writer in writers.items():
                    writer.add(pending[name])
                    pending[name] = []
        entity_table = TableWriter("entities", staging)
        entity_table.add(entity_rows(entities, stats, dates))
        for writer in [*writers.values(), entity_table]:
            writer.close()
        (staging / FINGERPRINT).write_text(stamp)
        publish.publish(staging, out, [*table_files(), Path(FINGERPRINT)])
    return True


def load_tables(corpus_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The corpus tables as DataFrames, by name (for the report and for users)."""
    folder = Path(corpus_dir) / "tables"
    missing = [name for name in TABLE_NAMES if not (folder / f"{name}.parquet").is_file()]
    if missing:
        raise CorpusError(f"{corpus_dir}: no corpus tables here (no tables/{missing[0]}.parquet): "
                          f"write them with `newslens corpus INPUT... --out {corpus_dir}`")
    return {name: pq.read_table(folder / f"{name}.parquet").to_pandas() for name in TABLE_NAMES}
