"""Shared fixtures: the repository's data, throw-away seed folders, one real site build."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from projectcopy import copy_renderer

from generator.build import Paths, Report, build
from generator.data import Data, load_data
from generator.output import MANIFEST, read_manifest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
TODAY = dt.date(2026, 11, 23)  # fixed, so "future date" warnings do not depend on the clock


@pytest.fixture(scope="session")
def data() -> Data:
    return load_data(DATA)


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """An empty project: seeds/, content/ (with the hand-written pages), data/ copied."""
    (tmp_path / "seeds").mkdir()
    shutil.copytree(DATA, tmp_path / "data")
    content = tmp_path / "content"
    content.mkdir()
    copy_hand_written(ROOT / "content", content)
    return Paths(seeds=tmp_path / "seeds", content=content, data=tmp_path / "data")


Generate = Callable[..., Report]


@pytest.fixture
def generate(project: Paths) -> Generate:
    """Write seeds (name → text or bytes) into the project and run the generator on it."""

    def run(seeds: dict[str, str | bytes] | None = None, **kwargs: Any) -> Report:
        for name, body in (seeds or {}).items():
            path = project.seeds / name
            if isinstance(body, bytes):
                path.write_bytes(body)
            else:
                path.write_text(body, encoding="utf-8")
        return build(project, today=TODAY, **kwargs)

    return run


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator …` in a subprocess, as a user runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env, capture_output=True, text=True, check=False
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by path relative to it: its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_hand_written(src: Path, dst: Path) -> None:
    """Copy the hand-written files of a content/ folder (those the generator's manifest does not own)."""
    owned = read_manifest(src) | {MANIFEST}
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src).as_posix()
        if path.is_file() and rel not in owned:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dst / rel)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's seeds built into a real site with `mkdocs build --strict`, in a copy."""
    work = tmp_path_factory.mktemp("site-build")
    copy_renderer(work)
    shutil.copytree(SEEDS, work / "seeds")
    gen = run_cli(cwd=work)
    assert gen.returncode == 0, gen.stderr
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return work / "site"
