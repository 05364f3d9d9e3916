"""The helpers a report notebook calls, so that the notebook holds no logic: where its input is, what ran, and
its exports (DOCID.json and the figures)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import spacy
from matplotlib.figure import Figure

from newslens.model import Analysis
from newslens.render.figures import png_bytes, save_figure
from newslens.version import __version__


def locate(path: str | Path) -> Path:
    """An input path as given, or else relative to a parent folder: the notebook's defaults then
    work from the repository root (papermill CLI) and from notebooks/ (nbval, Jupyter) alike."""
    candidate = Path(path)
    if candidate.is_absolute() or candidate.exists():
        return candidate
    for parent in Path.cwd().resolve().parents:
        if (parent / candidate).exists():
            return parent / candidate
    return candidate  # let the reader report the missing file


def provenance(analysis: Analysis, article_path: str, model: str | None) -> pd.DataFrame:
    """What was analysed, by which software, with which parameters: the report's first table."""
    article, pipeline = analysis.article, analysis.pipeline
    rows = {
        "document": article.doc_id,
        "title": article.title or "(none)",
        "input file": str(article_path),
        "input sha256": article.sha256,
        "length": f"{len(article.text):,} characters, {len(article.text.split()):,} words",
        "software": f"newslens {__version__}, spaCy {spacy.__version__}",
        "pipeline": f"{pipeline.backend} {pipeline.model} {pipeline.version}",
        "components": ", ".join(pipeline.components) or "(none)",
        "parameters": f"article_path={str(article_path)!r}, model={model!r}",
        **{"warning" if len(analysis.warnings) == 1 else f"warning {n}": warning
           for n, warning in enumerate(analysis.warnings, 1)},
    }
    return pd.DataFrame({"value": rows}).rename_axis("provenance")


def keep_figure(fig: Figure, name: str, analysis: Analysis, export_dir: str | Path | None):
    """Save the figure as figures/DOCID_NAME.png and .svg under export_dir (if given); return the same PNG
    for display, so each figure is drawn to PNG once per report."""
    from IPython.display import Image

    png = png_bytes(fig)
    if export_dir:
        save_figure(fig, f"{analysis.article.doc_id}_{name}", Path(export_dir) / "figures", png=png)
    return Image(data=png, format="png", width=round(fig.get_figwidth() * fig.get_dpi()))


def export_json(analysis: Analysis, export_dir: str | Path | None) -> None:
    """Write DOCID.json, the extraction contract, under export_dir (if given)."""
    if export_dir:
        Path(export_dir).mkdir(parents=True, exist_ok=True)
        Path(export_dir, f"{analysis.article.doc_id}.json").write_text(analysis.to_json(), encoding="utf-8")
