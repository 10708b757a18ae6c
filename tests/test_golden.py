"""Golden files: every page generated from the repository's seeds, byte for byte.

After an intended change, regenerate them with `make golden` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, copy_hand_written

from generator.build import Paths, build
from generator.output import MANIFEST, read_manifest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    work = tmp_path_factory.mktemp("golden")
    copy_hand_written(ROOT / "content", work / "content")
    build(Paths(seeds=ROOT / "seeds", content=work / "content", data=ROOT / "data"), today=TODAY)
    files = {rel: (work / "content" / rel).read_bytes() for rel in sorted(read_manifest(work / "content"))}
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    return files


def golden_files() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())


def test_same_set_of_pages(generated: dict[str, bytes]) -> None:
    assert sorted(generated) == golden_files()
    assert MANIFEST not in generated


@pytest.mark.parametrize("rel", golden_files())
def test_page_matches_golden(rel: str, generated: dict[str, bytes]) -> None:
    assert generated[rel].decode("utf-8") == (GOLDEN / rel).read_text(encoding="utf-8"), (
        f"run `make golden` if {rel} changed on purpose"
    )
