"""spaCy's component contract: a processed Doc holds only serialisable state. The pipeline writes annotations
(entities, tags, parse) and nothing else; what extraction reads once and keeps (the text, the words, titles) is
kept beside the Doc. So a Doc survives to_bytes and DocBin, and nlp.pipe may run in several processes."""
from __future__ import annotations

from spacy.tokens import Doc, DocBin

from newslens.extract.analysis import analysis_of_doc
from newslens.io.article import article_from_text, read_article
from newslens.pipeline.load import annotate

WRITTEN = [
    "Mayor Lena Ortiz met union leader Tom Becker in Riverton on Monday.\n\n"
    "\u201cWe will not wait any longer,\u201d Ortiz told reporters after the meeting.\n",
    "The Harbor Workers Union rejected the city's offer, its spokeswoman Ana Ruiz said on Tuesday.\n",
]


def entities(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start, ent.end, ent.label_) for ent in doc.ents]


def test_a_processed_seed_doc_round_trips_through_bytes(pipeline, seed_path):
    article = read_article(seed_path)
    doc = annotate(pipeline, article.text)
    extracted = analysis_of_doc(article, doc, pipeline).to_json()
    assert doc.user_data == {}, "the pipeline and extraction keep nothing in Doc.user_data"
    restored = Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    assert restored.text == doc.text and entities(restored) == entities(doc)
    assert [t.dep_ for t in restored] == [t.dep_ for t in doc] and [t.pos_ for t in restored] == [t.pos_ for t in doc]
    assert analysis_of_doc(article, restored, pipeline).to_json() == extracted


def test_docbin_with_user_data_keeps_the_docs(pipeline, seed_path):
    texts = [read_article(seed_path).text, *WRITTEN]
    docs = [annotate(pipeline, text) for text in texts]
    for doc, text in zip(docs, texts):
        analysis_of_doc(article_from_text(text, "written"), doc, pipeline)  # extraction writes nothing either
    store = DocBin(store_user_data=True)
    for doc in docs:
        store.add(doc)
    back = list(DocBin(store_user_data=True).from_bytes(store.to_bytes()).get_docs(pipeline.vocab))
    assert [d.text for d in back] == texts
    assert [entities(d) for d in back] == [entities(d) for d in docs]


def test_pipe_in_two_processes_extracts_what_one_process_does(pipeline, seed_path):
    texts = [read_article(seed_path).text, *WRITTEN]
    articles = [article_from_text(text, f"doc{n}") for n, text in enumerate(texts)]
    one = [analysis_of_doc(a, d, pipeline).to_json() for a, d in zip(articles, pipeline.pipe(texts))]
    two = [analysis_of_doc(a, d, pipeline).to_json() for a, d in zip(articles, pipeline.pipe(texts, n_process=2))]
    assert two == one
    assert any('"Lena Ortiz"' in result for result in one)
