"""Test helper: a real site built from the repository's seeds plus hostile ones.

Used by the determinism and link tests. The extra seeds add what the five shipped ones lack: an
undated article (the home page links to an anchor for it), markup in titles, text and a curated
author, a Vietnamese NFD file name, two seeds with the same title and date, mojibake and UTF-16.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from conftest import ROOT
from projectcopy import copy_renderer

SAME = "date 2024-03-12 Hợp tác giáo dục Việt Nam – Lào\n\nVOV.VN - Ngày 12/03/2024, hai bên ký thỏa thuận {}.\n"
EXTRA_SEEDS: dict[str, bytes] = {
    "x-undated.txt": "Giao lưu thanh niên Việt – Lào\n\nThanh niên hai nước gặp gỡ, giao lưu văn hóa.\n".encode(),
    "x-markup.txt": (
        "<script>alert(1)</script> Quan hệ **đặc biệt** & {{ x }}\n\n"
        "VOV.VN - Ngày 01/02/2024, [bấm](javascript:alert(1)) <img src=x onerror=alert(2)> &amp;.\n\n"
        "## Không phải tiêu đề\n\n~~~\n\n# Hết\n"
    ).encode(),
    # A curator's author with a quote: Material prints `page.meta.author` raw into a <meta> tag.
    "x-markup.yml": "author: 'Ngọc Ánh\"><script>alert(3)</script>'\n".encode(),
    unicodedata.normalize(
        "NFD", "x-bài viết NFD.txt"
    ): "Đường sắt Việt – Lào\n\nNgày 05/06/2023, khởi công.\n".encode(),
    "x-same-1.txt": SAME.format("một").encode(),
    "x-same-2.txt": SAME.format("hai").encode(),
    "x-mojibake.txt": "Du lịch Lào\n\nNgày 07/07/2022, du khách tăng.\n".encode().decode("latin-1").encode(),
    "x-utf16.txt": codecs.BOM_UTF16_LE + "Điện lực\n\nNgày 08/08/2021, nhà máy điện.\n".encode("utf-16-le"),
}


def make_project(work: Path, reverse: bool = False) -> Path:
    """A copy of the project in `work` with the extra seeds; files created in sorted or reverse order."""
    copy_renderer(work)
    seeds = {p.name: p.read_bytes() for p in (ROOT / "seeds").iterdir()} | EXTRA_SEEDS
    (work / "seeds").mkdir()
    for name in sorted(seeds, reverse=reverse):
        (work / "seeds" / name).write_bytes(seeds[name])
    return work


def run(command: list[str], cwd: Path, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, check=False)


def mkdocs_build(work: Path, env: Mapping[str, str] | None = None) -> Path:
    """`mkdocs build --strict` (its hook runs the generator first); the site folder."""
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    result = run([mkdocs, "build", "--strict"], cwd=work, env=env)
    assert result.returncode == 0, result.stderr
    return work / "site"
