"""newslens.evaluation must score exactly like ../shared/eval/score.py, the project's yardstick."""
import json
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path

import pytest

from newslens.extract.analysis import analyze_path
from newslens.exceptions import NewslensError
from newslens.evaluation import (
    Accuracy, Counts, evaluate_directory, gold_pairs, map_actor, gold_aliases, normalize,
    score_document, scores_frame, total,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GUM_GOLD = SHARED / "gold" / "gum"


def gold_doc(actors, quotes=None, relations=None, optional=(), **extra):
    return {"doc_id": "doc", "actors": list(actors), "optional_actors": list(optional),
            "quotes": quotes, "relations": relations, **extra}


def gold_actor(actor_id, *aliases):
    return {"id": actor_id, "name": aliases[0], "type": "PERSON", "aliases": list(aliases)}


def pred_actor(actor_id, name, actor_type="PERSON", mentions=()):
    return {"id": actor_id, "name": name, "type": actor_type, "mentions": [{"text": m} for m in mentions]}


def as_score_py(score) -> dict:
    """The shape of score.py --json for one document."""
    return {
        "actors": list(astuple(score.actors)), "quotes": list(astuple(score.quotes)),
        "attribution": list(astuple(score.attribution)),
        "attributed_end_to_end": list(astuple(score.attributed_end_to_end)),
        "relations": list(astuple(score.relations)),
        "names": list(astuple(score.names)), "events": list(astuple(score.events)),
    }


def test_normalize_drops_leading_the_and_possessive():
    assert normalize("The  White House\u2019s") == ["white", "house"]
    assert normalize("U.S.-led coalition") == ["u.s.", "led", "coalition"]


def test_longest_contained_alias_wins():
    aliases = gold_aliases(gold_doc([gold_actor("kim", "Kim"), gold_actor("kju", "Kim Jong Un")]))
    assert map_actor(pred_actor("p1", "North Korean leader Kim Jong Un"), aliases) == "kju"


def test_alias_must_match_whole_words():
    aliases = gold_aliases(gold_doc([gold_actor("un", "UN")]))
    assert map_actor(pred_actor("p1", "Unicef"), aliases) is None


def test_split_cluster_is_a_false_positive():
    gold = gold_doc([gold_actor("biden", "Joe Biden", "Biden")])
    pred = {"actors": [pred_actor("p1", "Joe Biden"), pred_actor("p2", "Biden")]}
    assert score_document(gold, pred).actors == Counts(hits=1, predicted=2, gold=1)


def test_optional_actor_and_unscored_type_are_not_penalised():
    gold = gold_doc([gold_actor("a", "Alice")], optional=[gold_actor("team", "Team Estonia")])
    pred = {"actors": [pred_actor("p1", "Team Estonia", "ORG"), pred_actor("p2", "Friday", "DATE")]}
    assert score_document(gold, pred).actors == Counts(hits=0, predicted=0, gold=1)


def test_quotes_match_one_to_one_by_largest_overlap():
    gold = gold_doc([gold_actor("a", "Alice")], quotes=[
        {"span": [0, 10], "speaker": "a"}, {"span": [10, 20], "speaker": None}])
    pred = {"actors": [pred_actor("p1", "Alice")], "quotes": [
        {"start": 0, "end": 12, "speaker": "p1"}, {"start": 1, "end": 11, "speaker": None}]}
    score = score_document(gold, pred)
    assert score.quotes == Counts(hits=1, predicted=2, gold=2)
    assert score.attribution == Accuracy(correct=1, total=1)
    assert score.attributed_end_to_end == Counts(hits=1, predicted=1, gold=1)


def test_half_overlap_of_each_span_is_required():
    gold = gold_doc([], quotes=[{"span": [0, 100], "speaker": None}])
    pred = {"quotes": [{"start": 0, "end": 40, "speaker": None}]}
    assert score_document(gold, pred).quotes == Counts(hits=0, predicted=1, gold=1)


def test_unannotated_quotes_and_relations_score_nothing():
    gold = gold_doc([gold_actor("a", "Alice")])
    pred = {"actors": [], "quotes": [{"start": 0, "end": 5, "speaker": None}],
            "relations": [{"source": "x", "target": "y"}]}
    score = score_document(gold, pred)
    assert score.quotes == Counts() and score.relations == Counts()


def test_undirected_relations_compare_unordered_pairs():
    gold = gold_doc([gold_actor("a", "Alice"), gold_actor("b", "Bob")],
                    relations=[{"source": "a", "target": "b"}], relations_directed=False)
    pred = {"actors": [pred_actor("p1", "Alice"), pred_actor("p2", "Bob")],
            "relations": [{"source": "p2", "target": "p1"}, {"source": "p1", "target": "p2"}]}
    assert score_document(gold, pred).relations == Counts(hits=1, predicted=1, gold=1)


def test_exact_name_needs_the_gold_name_not_a_longer_string():
    gold = gold_doc([gold_actor("ruiz", "Ana Ruiz", "Ruiz"), gold_actor("kim", "Paul Kim")])
    pred = {"actors": [pred_actor("p1", "Ana Ruiz of the Green Party"), pred_actor("p2", "Paul Kim")]}
    score = score_document(gold, pred)
    assert score.actors == Counts(hits=2, predicted=2, gold=2)
    assert score.names == Counts(hits=1, predicted=2, gold=2)


def test_affiliation_is_a_pair_and_negated_relation_is_not():
    gold = gold_doc([gold_actor("a", "Alice"), gold_actor("b", "Bob"), gold_actor("acme", "Acme")], relations=[
        {"source": "a", "target": "acme", "category": "affiliation"},
        {"source": "a", "target": "b", "category": "communicate"}])
    pred = {"actors": [{**pred_actor("p1", "Alice"), "affiliation": "p3"}, pred_actor("p2", "Bob"),
                       pred_actor("p3", "Acme", "ORG")],
            "relations": [{"source": "p1", "target": "p2", "negated": True}]}
    score = score_document(gold, pred)
    assert score.relations == Counts(hits=1, predicted=1, gold=2)
    assert score.events == Counts(hits=0, predicted=0, gold=1)


def test_events_leave_out_predicted_gold_affiliations():
    gold = gold_doc([gold_actor("a", "Alice"), gold_actor("b", "Bob"), gold_actor("acme", "Acme")], relations=[
        {"source": "a", "target": "acme", "category": "affiliation"},
        {"source": "a", "target": "b", "category": "act"}])
    pred = {"actors": [pred_actor("p1", "Alice"), pred_actor("p2", "Bob"), pred_actor("p3", "Acme", "ORG")],
            "relations": [{"source": "p1", "target": "p3"}, {"source": "p1", "target": "p2"},
                          {"source": "p2", "target": "p1"}]}
    score = score_document(gold, pred)
    assert score.relations == Counts(hits=2, predicted=3, gold=2)
    assert score.events == Counts(hits=1, predicted=2, gold=1)


def test_frame_leaves_unannotated_layers_empty():
    gold = gold_doc([gold_actor("a", "Alice")])
    frame = scores_frame([score_document(gold, {"actors": [pred_actor("p1", "Alice")]})])
    assert list(frame.index) == ["doc", "TOTAL"]
    assert frame["actor_f1"].tolist() == [1.0, 1.0]
    assert frame[["quote_f1", "speaker_acc", "relation_f1"]].isna().all().all()


def test_missing_gold_directory_is_an_error(tmp_path):
    with pytest.raises(NewslensError, match="gold directory not found"):
        gold_pairs(tmp_path / "absent")


def test_total_sums_counts():
    gold = gold_doc([gold_actor("a", "Alice")])
    one = score_document(gold, {"actors": [pred_actor("p1", "Alice")]})
    assert total([one, one]).actors == Counts(hits=2, predicted=2, gold=2)


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory):
    if not GUM_GOLD.is_dir():
        pytest.skip("../shared is absent: no gold to compare with")
    folder = tmp_path_factory.mktemp("predictions")
    files = []
    for text_path, gold_path in gold_pairs(GUM_GOLD)[:3]:
        pred_path = folder / f"{text_path.stem}.json"
        pred_path.write_text(analyze_path(text_path).to_json(), encoding="utf8")
        files.append((gold_path, pred_path))
    return files


def test_agrees_with_shared_scorer_on_real_predictions(dev_predictions):
    args = [str(path) for pair in dev_predictions for path in pair]
    completed = subprocess.run([sys.executable, str(SCORER), *args, "--json"],
                               capture_output=True, text=True, check=True)
    expected = json.loads(completed.stdout)
    scores = []
    for gold_path, pred_path in dev_predictions:
        gold = json.loads(gold_path.read_text(encoding="utf8"))
        score = score_document(gold, json.loads(pred_path.read_text(encoding="utf8")))
        assert as_score_py(score) == expected[gold["doc_id"]]
        scores.append(score)
    assert as_score_py(total(scores)) == expected["TOTAL"]


def test_evaluate_directory_scores_articles_with_gold_only(dev_predictions, tmp_path):
    for gold_path, _ in dev_predictions[:2]:
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        (tmp_path / text_path.name).symlink_to(text_path)
        (tmp_path / gold_path.name).symlink_to(gold_path)
    (tmp_path / "no_gold.txt").write_text("Officials said nothing.\n", encoding="utf8")
    frame = evaluate_directory(tmp_path)
    assert len(frame) == 3 and frame.index[-1] == "TOTAL"
    assert frame["actor_f1"].between(0, 1).all()


def test_the_report_tables_show_counts_as_counts_and_unscored_layers_as_a_dash():
    import math

    import pandas as pd

    from newslens.evaluation import NOT_SCORED, TOTAL, article_table, f1_chart, overall_table

    scores = pd.DataFrame({"actor_f1": [0.5, 0.0, 0.25], "quote_f1": [math.nan, 1.0, 1.0],
                           "event_f1": [math.nan, math.nan, math.nan], "gold_actors": [150.0, 151.0, 301.0]},
                          index=pd.Index(["a", "b", TOTAL], name="doc_id"))
    table = article_table(scores)
    assert list(table.columns) == ["actors F1", "quotes F1", "gold actors"]  # events: nothing scored anywhere
    assert table.loc["a"].tolist() == ["0.50", NOT_SCORED, "150"] and table.loc[TOTAL, "gold actors"] == "301"
    assert overall_table(scores)["score"].tolist() == ["0.25", "1.00", "301"]
    fig = f1_chart(scores)
    drawn = [t.get_text() for t in fig.axes[0].texts]
    assert drawn.count(NOT_SCORED) == 1 and drawn.count("0") == 1  # a's quotes unscored, b's actors 0
