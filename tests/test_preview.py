"""The generator inside MkDocs: before each build, and on seed changes under `mkdocs serve`."""

from __future__ import annotations

import shutil
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


class RecordingServer:
    """Stands in for MkDocs' LiveReloadServer: records what it is asked to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_seeds_and_data_so_a_save_starts_a_rebuild(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    server = RecordingServer()
    preview.watch_sources(config, server)
    assert server.watched == [str(tmp_path / "seeds"), str(tmp_path / "data")]


def test_serve_skips_a_missing_data_folder(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    shutil.rmtree(tmp_path / "data")
    server = RecordingServer()
    preview.watch_sources(config, server)
    assert server.watched == [str(tmp_path / "seeds")]
