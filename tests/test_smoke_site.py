"""End to end: the repository's seeds through the generator and `mkdocs build --strict`."""

from __future__ import annotations

from pathlib import Path


def test_site_has_every_generated_page(built_site: Path) -> None:
    for page in ("index.html", "nam/index.html", "chu-de/index.html", "gioi-thieu/index.html", "nam/2025/index.html"):
        assert (built_site / page).is_file(), page
    articles = sorted(p.parent.name for p in (built_site / "bai-viet").glob("*/index.html"))
    assert len(articles) == 5
