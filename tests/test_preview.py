"""The generator inside MkDocs: before each build, and on seed changes under `mkdocs serve`."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import DATA
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from generator import preview

SEED = "Tiêu đề\n\nNgày 26/02/2024, hai bên nhất trí hợp tác.\n"


def config_for(root: Path) -> MkDocsConfig:
    (root / "seeds").mkdir(exist_ok=True)
    if not (root / "data").exists():
        shutil.copytree(DATA, root / "data")
    (root / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(root / "content")})
    return config


def test_pre_build_generates_content(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    (tmp_path / "seeds" / "a.txt").write_text(SEED, encoding="utf-8")
    report = preview.generate(config)
    assert [a.slug for a in report.articles] == ["2024-02-26-tieu-de"]
    assert (tmp_path / "content" / "bai-viet" / "2024-02-26-tieu-de.md").is_file()


def test_configuration_error_aborts_the_build(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    (tmp_path / "seeds" / "a.yml").write_text("colour: red\n", encoding="utf-8")
    with pytest.raises(Abort, match=r"generator: .*a\.yml: curation file without a seed \(no a\.txt\)"):
        preview.generate(config)


def test_serve_watcher_regenerates_when_a_seed_changes(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    (tmp_path / "seeds" / "a.txt").write_text(SEED, encoding="utf-8")
    preview.generate(config)
    observer = preview.start_watching(config)
    try:
        (tmp_path / "seeds" / "a.txt").write_text(SEED.replace("Tiêu đề", "Tiêu đề mới"), encoding="utf-8")
        target = tmp_path / "content" / "bai-viet" / "2024-02-26-tieu-de-moi.md"
        deadline = time.monotonic() + 20
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert target.exists()
    finally:
        observer.stop()
        observer.join()
