"""The generator inside MkDocs: before each build, and on seed changes under `mkdocs serve`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from generator import preview
from generator.hooks import CONTENT_READY

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


def test_a_rejected_seed_is_logged_as_the_command_line_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_for(tmp_path)
    (tmp_path / "seeds" / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    with caplog.at_level("INFO", logger="mkdocs.plugins.digest"):
        preview.generate(config)
    assert "rejected: seeds/empty.txt: empty file" in caplog.messages


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


OTHER = "Hợp tác giáo dục\n\nNgày 10/03/2024, hai bên ký biên bản về giáo dục.\n"


def serve_build(root: Path, site: Path, *, use_directory_urls: bool = True) -> None:
    """One build as `mkdocs serve --dirty` makes it, with the project's hooks: the config loaded
    afresh (as serve's builder does on every rebuild), the site directory kept between builds."""
    (root / "content").mkdir(exist_ok=True)  # where the project's hand-written pages are
    if not (root / "data").exists():
        shutil.copytree(DATA, root / "data")
    (root / "mkdocs.yml").write_text(
        f"site_name: x\ndocs_dir: content\nuse_directory_urls: {str(use_directory_urls).lower()}\n"
        f"hooks:\n  - {ROOT / 'generator' / 'hooks.py'}\n",
        encoding="utf-8",
    )
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)


def built(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in (site / "bai-viet").rglob("*") if p.is_file()}


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(project, site folder) after a first serve-style build of two seeds, `a.txt` and `b.txt`."""
    monkeypatch.delenv(CONTENT_READY, raising=False)
    root, site = tmp_path / "project", tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(SEED, encoding="utf-8")
    (root / "seeds" / "b.txt").write_text(OTHER, encoding="utf-8")
    serve_build(root, site)
    return root, site


def test_serve_rebuild_drops_the_page_of_a_removed_seed(served: tuple[Path, Path]) -> None:
    root, site = served
    gone, kept = "bai-viet/2024-02-26-tieu-de/index.html", "bai-viet/2024-03-10-hop-tac-giao-duc/index.html"
    assert {gone, kept} <= built(site)

    (root / "seeds" / "a.txt").unlink()
    serve_build(root, site)
    assert not (root / "content" / "bai-viet" / "2024-02-26-tieu-de.md").exists()
    assert gone not in built(site)
    assert not (site / "bai-viet" / "2024-02-26-tieu-de").exists()  # its own directory, left empty
    assert kept in built(site)
    assert (site / "index.html").is_file()


def test_serve_rebuild_moves_a_renamed_seed_to_its_new_url(served: tuple[Path, Path]) -> None:
    root, site = served
    old = "bai-viet/2024-02-26-tieu-de/index.html"
    assert old in built(site)

    (root / "seeds" / "a.txt").unlink()
    (root / "seeds" / "c.txt").write_text(SEED.replace("Tiêu đề", "Tiêu đề mới"), encoding="utf-8")
    serve_build(root, site)
    assert old not in built(site)
    new = site / "bai-viet" / "2024-02-26-tieu-de-moi" / "index.html"
    assert "Tiêu đề mới" in new.read_text(encoding="utf-8")
    assert "bai-viet/2024-03-10-hop-tac-giao-duc/index.html" in built(site)


def test_removed_pages_map_to_mkdocs_output_and_nothing_outside_the_site_is_touched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    outside = tmp_path / "outside.html"
    outside.write_text("x", encoding="utf-8")
    made = {
        "bai-viet/a.html": "bai-viet/a.md",
        "bai-viet/b/index.html": "bai-viet/b/index.md",
        "tim-kiem/0.json": "tim-kiem/0.json",
        "rss.xml": "rss.xml",
        "nam/2024.html": "nam/2024.md",  # kept: not removed
    }
    for dest in made:
        (site / dest).parent.mkdir(parents=True, exist_ok=True)
        (site / dest).write_text("x", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "site_dir": str(site), "use_directory_urls": False})
    removed = ["bai-viet/a.md", "bai-viet/b/index.md", "tim-kiem/0.json", "rss.xml", "../outside.md", "chua-co.md"]
    gone = preview.remove_built(config, removed)
    assert gone == ["bai-viet/a.html", "bai-viet/b/index.html", "tim-kiem/0.json", "rss.xml"]
    remaining = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    assert remaining == {"bai-viet", "tim-kiem", "nam", "nam/2024.html"}  # b/ was the page's own
    assert outside.is_file()
