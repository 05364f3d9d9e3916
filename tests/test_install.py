"""newslens works installed, not only from its source checkout: a wheel built from the sources (offline, with the
build backend already installed) goes into a fresh venv, and from a folder outside the checkout the
`newslens` command writes an article report and a corpus with its report. The notebooks then come from the
package data (importlib.resources), never from the repository."""
from __future__ import annotations

import importlib.util
import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO_ROOT

ARTICLE = ("Mayor Lena Ortiz said on Monday that the bridge would reopen in May.\n\n"
           "\u201cWe will not wait any longer,\u201d Ortiz told reporters in Riverton.\n")
SECOND = ("The Harbor Workers Union rejected the offer on Tuesday.\n\n"
          "\u201cThis is not a fair deal,\u201d said Tom Becker, the union's leader.\n")


def can_build_wheels() -> bool:
    """setuptools builds wheels itself from 70.1 on, and with the `wheel` package before."""
    import setuptools

    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def clean_env() -> dict[str, str]:
    """The environment without the test run's PYTHONPATH, which points at the source checkout."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONNOUSERSITE"] = "1"
    # The dependencies' Jupyter data (nbconvert's templates) lies in the test interpreter's prefix: where
    # installing them into the new venv would have put it.
    data = os.path.join(sys.prefix, "share", "jupyter")
    env["JUPYTER_PATH"] = os.pathsep.join(path for path in (data, os.environ.get("JUPYTER_PATH")) if path)
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a venv with newslens installed from a freshly built wheel; its dependencies come from the
    test interpreter's own site-packages (no download)."""
    if not can_build_wheels():
        message = "building a wheel needs `wheel` (requirements.lock) or setuptools >= 70.1"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("install")
    source = work / "source"  # a copy: building writes build/ and *.egg-info next to pyproject.toml
    source.mkdir()
    shutil.copy2(REPO_ROOT / "pyproject.toml", source)
    shutil.copy2(REPO_ROOT / "README.md", source)
    shutil.copytree(REPO_ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = work / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-cache-dir"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist),
                          str(source)], check=True, cwd=work)
    wheel = next(dist.glob("newslens-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslens/report/notebooks/article_report.ipynb" in names
    assert "newslens/report/notebooks/corpus_report.ipynb" in names
    assert "newslens/schema/extraction.schema.json" in names

    env_dir = work / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    purelib = subprocess.run([str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True, env=clean_env()).stdout.strip()
    if sys.prefix != sys.base_prefix:
        # The test interpreter is itself a venv: --system-site-packages reaches its base, not the venv's
        # packages. Its site-packages (not its .pth files, which hold the editable checkout) go on the path.
        parents = [path for path in site.getsitepackages() if Path(path).is_dir()]
        (Path(purelib) / "newslens_test_parent.pth").write_text("\n".join(parents) + "\n", encoding="utf-8")
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "--no-cache-dir",
                    "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, cwd=work, env=clean_env())
    return env_dir / "bin"


def test_the_installed_command_writes_reports_outside_the_checkout(installed, tmp_path):
    outside = tmp_path / "elsewhere"
    (outside / "articles").mkdir(parents=True)
    (outside / "articles" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (outside / "articles" / "union.txt").write_text(SECOND, encoding="utf-8")
    env = clean_env()

    where = subprocess.run([str(installed / "python"), "-c", "import newslens.report as r; print(r.NOTEBOOK)"],
                           capture_output=True, text=True, cwd=outside, env=env, check=True).stdout.strip()
    assert Path(where).is_file() and REPO_ROOT not in Path(where).resolve().parents, where

    report = subprocess.run([str(installed / "newslens"), "report", "articles/bridge.txt", "--out", "out"],
                            capture_output=True, text=True, cwd=outside, env=env, timeout=300)
    assert report.returncode == 0, report.stderr
    html = (outside / "out" / "bridge.html").read_text(encoding="utf-8")
    assert "Lena Ortiz" in html

    corpus = subprocess.run([str(installed / "newslens"), "corpus", "articles", "--out", "corpus_out", "--workers", "1",
                             "--quiet"], capture_output=True, text=True, cwd=outside, env=env, timeout=300)
    assert corpus.returncode == 0, corpus.stderr
    assert (outside / "corpus_out" / "corpus.html").is_file()
    assert "Tom Becker" in (outside / "corpus_out" / "corpus.html").read_text(encoding="utf-8")
