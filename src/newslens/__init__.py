"""newslens: who said what to whom in a news article.

The flow runs one way: text -> spaCy Doc -> Analysis -> tables, figures, report.
"""
from newslens.version import __version__

from newslens.extract.analysis import analyze, analyze_path
from newslens.io.article import Article, read_article
from newslens.model import Actor, Analysis, Mention, PipelineInfo, Quote, Relation
from newslens.pipeline.load import load_pipeline



def __getattr__(name: str):
    """`newslens.corpus` after a bare `import newslens` (corpus mode loads only when it is asked for)."""
    if name == "corpus":
        import newslens.corpus

        return newslens.corpus
    raise AttributeError(f"module 'newslens' has no attribute {name!r}")


__all__ = [
    "Actor", "Analysis", "Article", "Mention", "PipelineInfo", "Quote", "Relation",
    "analyze", "analyze_path", "load_pipeline", "read_article", "__version__",
]
