"""newslens: who said what to whom in a news article.

The flow runs one way: text -> spaCy Doc -> Analysis -> tables, figures, report.
"""
__version__ = "0.2.0"  # first: modules below record it in their output

from newslens.analysis import Analysis, analyze, analyze_path
from newslens.article import Article, read_article
from newslens.model import Actor, Mention, PipelineInfo, Quote, Relation
from newslens.nlp import load_pipeline

__all__ = [
    "Actor", "Analysis", "Article", "Mention", "PipelineInfo", "Quote", "Relation",
    "analyze", "analyze_path", "load_pipeline", "read_article", "__version__",
]
