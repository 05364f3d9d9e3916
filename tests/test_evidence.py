"""Evidence spans: one whole sentence of one paragraph, on texts written for these tests."""
from extraction_helpers import analyse

from newslens.extract.evidence import is_hard_wrapped


def evidence_of(text: str) -> list[str]:
    a = analyse(text, "builtin")
    assert all(a.article.text[r.start:r.end] == r.sentence for r in a.relations)
    return [r.sentence for r in a.relations]


def test_a_heading_line_is_not_part_of_the_evidence():
    assert evidence_of("Talks resume\nJapan held talks with India on Tuesday.") == [
        "Japan held talks with India on Tuesday."]


def test_the_next_paragraph_is_not_part_of_the_evidence():
    sentences = evidence_of("Japan held talks with India on Tuesday\nKenya and Uganda signed a deal.")
    assert "Japan held talks with India on Tuesday" in sentences
    assert all("\n" not in s for s in sentences)


def test_hard_wrapped_text_keeps_a_sentence_across_its_line_break():
    lines = ["The summit opened in Geneva on a cold morning and the delegates",
             "arrived late because of the snow, officials said on Monday, as",
             "Japan held talks with India about trade and the two sides",
             "agreed to meet again in the spring, according to a statement",
             "released by the organisers of the summit on Monday evening"]
    text = "\n".join(lines) + ".\n"
    assert is_hard_wrapped(text)
    a = analyse(text, "builtin")
    [relation] = [r for r in a.relations if a.actor_name(r.source) == "Japan"]
    assert relation.sentence.startswith("The summit opened") and "\n" in relation.sentence


def test_one_paragraph_per_line_is_not_hard_wrapped():
    text = "\n".join(f"Paragraph {n} says something complete about the talks in Geneva." for n in range(8))
    assert not is_hard_wrapped(text)


def test_seed_evidence_starts_where_its_sentence_does():
    from pathlib import Path

    from newslens.extract.analysis import analyze_path
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_a7f3773a7dc7432f.txt"
    a = analyze_path(seed)
    assert a.relations
    for relation in a.relations:
        assert relation.sentence[0].isupper() or relation.sentence[0] in "\"“", relation.sentence
        assert "\n" not in relation.sentence
        assert relation.sentence.rstrip("”\"").endswith((".", "!", "?")), relation.sentence
