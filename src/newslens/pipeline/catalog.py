"""Which pipelines newslens knows, and what a pipeline is recorded as, read without loading spaCy.

A resumed corpus run compares the pipeline of its stored results with the one asked for before anything
else; for the built-in and rules-only pipelines that is a read of the shipped model's meta.json, so a run
with nothing to do never imports spaCy.
"""
from __future__ import annotations

import json
from pathlib import Path

from newslens.version import __version__
from newslens.model import PipelineInfo

BUILTIN_MODEL_DIR = Path(__file__).parents[1] / "models" / "en_newslens"
BUILTIN_NAMES = {None, "", "builtin", "newslens"}
RULES_ONLY = "rules"


def known_pipeline(name: str | None = None) -> PipelineInfo | None:
    """What `pipeline_info(load_pipeline(name))` records, for the built-in and rules pipelines, read without
    loading them; None for any other pipeline (only loading it says what it is)."""
    if name in BUILTIN_NAMES and BUILTIN_MODEL_DIR.is_dir():
        meta = json.loads((BUILTIN_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
        backend = "newslens-builtin"
    elif name in BUILTIN_NAMES or name == RULES_ONLY:
        meta, backend = {"lang": "en", "name": "rules", "version": __version__}, "newslens-rules"
    else:
        return None
    return PipelineInfo(backend=backend, model=f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}",
                        version=str(meta.get("version", "0.0.0")))
