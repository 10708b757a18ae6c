"""After Material for MkDocs: the same `content/` built by Zensical, which reads mkdocs.yml.

Zensical runs no MkDocs hooks, so the generator runs first, as a Zensical user runs it:
`python -m generator && zensical build`. Pages come from the generator's manifest, so new
kinds of pages (people, …) are covered as soon as the generator writes them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from conftest import run_cli
from projectcopy import copy_project
from sitecheck import (
    generated_sources,
    hand_written_pages,
    html_path,
    is_internal,
    parse,
    resolve,
    site_files,
)

ZENSICAL = Path(sys.executable).parent / "zensical"
SECTIONS = [("bai-viet", "articles"), ("nam", "years"), ("chu-de", "themes")]
NOT_FOUND_PAGE = "404.html"


@pytest.fixture(scope="module")
def zensical_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project: generator run, then `zensical build` on the real mkdocs.yml."""
    work = copy_project(tmp_path_factory.mktemp("zensical-build"))
    gen = run_cli(cwd=work)
    assert gen.returncode == 0, gen.stderr
    result = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--config-file", "mkdocs.yml"],
        cwd=work,
        env={k: v for k, v in os.environ.items() if k != "SITE_URL"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return work


def source_pages(content: Path) -> list[str]:
    return [*generated_sources(content), *hand_written_pages(content)]


@pytest.mark.e2e
@pytest.mark.parametrize(("section", "kind"), SECTIONS, ids=[kind for _, kind in SECTIONS])
def test_zensical_builds_every_page_of_a_section(zensical_project: Path, section: str, kind: str) -> None:
    sources = [p for p in generated_sources(zensical_project / "content") if p.startswith(f"{section}/")]
    assert sources, f"the generator wrote no {kind}"
    site = zensical_project / "site"
    assert [p for p in sources if not (site / html_path(p)).is_file()] == []


@pytest.mark.e2e
def test_zensical_builds_everything_the_generator_wrote(zensical_project: Path) -> None:
    """Every file of the manifest (and every hand-written page): people, feeds, … included."""
    content, site = zensical_project / "content", zensical_project / "site"
    expected = [html_path(p) for p in source_pages(content)]
    assert "index.html" in expected
    assert [p for p in expected if not (site / p).is_file()] == []


@pytest.mark.e2e
def test_zensical_links_resolve(zensical_project: Path) -> None:
    """Every link and asset of every page leads to a file of the site, and to an existing anchor."""
    site = zensical_project / "site"
    files = set(site_files(site))
    pages = {rel: parse((site / rel).read_text(encoding="utf-8")) for rel in files if rel.endswith(".html")}
    [canonical] = [r.url for r in pages["index.html"].refs if r.rel == "canonical"]
    root = urlsplit(canonical).path  # 404.html links from the site URL's path, as with MkDocs
    broken, checked = [], 0
    for rel, page in sorted(pages.items()):
        for ref in page.refs:
            if not is_internal(ref.url):
                continue
            checked += 1
            url, fragment = urldefrag(ref.url)
            target = resolve(rel, url, files, root)
            if target is None:
                broken.append(f"{rel}: {ref.url}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{rel}: {ref.url} (no such anchor)")
    assert broken == []
    assert checked > len(pages)


@pytest.mark.e2e
def test_zensical_pages_have_mkdocs_urls_and_anchors(zensical_project: Path, built_site: Path) -> None:
    """Switching renderer keeps every page's URL and heading anchors (`toc_slugify` in both)."""
    site = zensical_project / "site"
    differences = []
    for source in source_pages(zensical_project / "content"):
        rel = html_path(source)
        if not rel.endswith(".html"):
            continue
        ours = parse((site / rel).read_text(encoding="utf-8")).heading_ids
        theirs = parse((built_site / rel).read_text(encoding="utf-8")).heading_ids
        if ours != theirs:
            differences.append(f"{rel}: {sorted(ours ^ theirs)}")
    assert differences == []
