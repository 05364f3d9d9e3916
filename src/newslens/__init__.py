"""newslens: who said what to whom in a news article.

The flow runs one way: text -> spaCy Doc -> Analysis -> tables, figures, report.
Its names load on first use (PEP 562), so `python -m newslens corpus` on a folder with nothing new to do
never imports spaCy.
"""
from importlib import import_module

from newslens.version import __version__

# name -> the module that defines it
EXPORTS = {
    "analyze": "newslens.extract.analysis", "analyze_path": "newslens.extract.analysis",
    "Article": "newslens.io.article", "read_article": "newslens.io.article",
    "Actor": "newslens.model", "Analysis": "newslens.model", "Mention": "newslens.model",
    "PipelineInfo": "newslens.model", "Quote": "newslens.model", "Relation": "newslens.model",
    "load_pipeline": "newslens.pipeline.load",
}


def __getattr__(name: str):
    """`newslens.analyze` and the other exports, and `newslens.corpus`, imported when first asked for."""
    if name in EXPORTS:
        value = getattr(import_module(EXPORTS[name]), name)
        globals()[name] = value
        return value
    if name == "corpus":
        return import_module("newslens.corpus")
    raise AttributeError(f"module 'newslens' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(EXPORTS) | {"corpus"})


__all__ = [
    "Actor", "Analysis", "Article", "Mention", "PipelineInfo", "Quote", "Relation",
    "analyze", "analyze_path", "load_pipeline", "read_article", "__version__",
]
