"""Fixtures shared by the test modules: paths, the shared data folder, bad article files, the pipeline."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED = REPO_ROOT / "seeds" / "000_a7f3773a7dc7432f.txt"
SCHEMA = REPO_ROOT / "src" / "newslens" / "schema" / "extraction.schema.json"

# Files a researcher may hand newslens by mistake: name -> bytes (None: the path does not exist,
# "dir": the path is a directory). Each must end in a clear one-line error, never a traceback.
PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
             b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
             b"\x00IEND\xaeB`\x82")
BAD_ARTICLES = {
    "empty": b"",
    "whitespace": b" \n\t\r\n   \n\n",
    "png": PNG_BYTES,
    "nul": "Officials said\x00 the talks had failed.\n".encode("utf-8"),
    "latin1": "Le ministre a déclaré : « Nous refusons cet accord. »\n".encode("latin-1"),
    "enormous": None,  # built in the fixture: MAX_BYTES + 1 bytes of ordinary text
    "missing": None,
    "directory": None,
}


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.is_file(), f"the seed article is missing: {SEED}"
    return SEED


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the checkout (gold, corpora, scorer); tests that need it skip without it."""
    shared = REPO_ROOT.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"{shared} is absent (only developer machines and CI have it)")
    return shared


@pytest.fixture(scope="session")
def pipeline():
    """The built-in pipeline, loaded once per test session (load_pipeline caches it per name)."""
    from newslens import load_pipeline

    return load_pipeline()


@pytest.fixture(params=sorted(BAD_ARTICLES))
def bad_article(request, tmp_path) -> tuple[str, Path]:
    """(kind, path) of an input that is not a readable news article."""
    from newslens.io.article import MAX_BYTES

    kind = request.param
    path = tmp_path / f"bad_{kind}.txt"
    if kind == "enormous":
        line = b"The minister said the talks would continue next week.\n"
        path.write_bytes(line * (MAX_BYTES // len(line) + 1))
        assert path.stat().st_size > MAX_BYTES
    elif kind == "directory":
        path.mkdir()
    elif kind != "missing":
        path.write_bytes(BAD_ARTICLES[kind])
    return kind, path


def run_python(*args: str, hash_seed: str = "0") -> subprocess.CompletedProcess:
    """`python ARGS` in a fresh interpreter that imports the newslens these tests import."""
    import newslens

    src = str(Path(newslens.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=300)


def run_newslens(*args: str, hash_seed: str = "0") -> subprocess.CompletedProcess:
    """`python -m newslens ARGS`: what a researcher's shell runs."""
    return run_python("-m", "newslens", *args, hash_seed=hash_seed)
