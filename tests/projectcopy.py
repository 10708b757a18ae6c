"""A throw-away copy of the project, for tests that run `make` or a renderer on it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_files(root: Path = ROOT) -> list[str]:
    """The files `git add --all` would take: no venv, build output or generated pages (.gitignore)."""
    result = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(rel for rel in result.stdout.split("\0") if rel and (root / rel).is_file())


def copy_project(dst: Path, root: Path = ROOT, skip: tuple[str, ...] = ()) -> Path:
    """Copy the project as it is in the working tree (new folders such as overrides/ included),
    leaving out paths starting with one of `skip`."""
    for rel in project_files(root):
        if rel.startswith(skip):
            continue
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / rel, dst / rel)
    return dst


def copy_renderer(dst: Path, root: Path = ROOT) -> Path:
    """What a site build needs besides seeds: mkdocs.yml, generator, data, theme overrides and
    the hand-written pages of content/ (generated ones are git-ignored, so not copied)."""
    return copy_project(dst, root, skip=("seeds/", "tests/", "bench/", ".github/"))
