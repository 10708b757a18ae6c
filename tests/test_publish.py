"""The site URL setting → `CNAME` (the MkDocs hook writes it after every build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish import CNAME, custom_domain, site_url_problem, write_cname


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://example.github.io/viet-lao-digest/", None),  # project site on GitHub's domain
        ("https://example.github.io/", None),  # user site on GitHub's domain
        ("https://Example.GitHub.io/", None),  # hosts are case-insensitive
        ("https://tin-viet-lao.example.org/", "tin-viet-lao.example.org"),
        ("https://tin-viet-lao.example.org", "tin-viet-lao.example.org"),
        ("http://WWW.Example.ORG/", "www.example.org"),
        ("https://digest.example.org:443/", "digest.example.org"),
        ("https://example.org/viet-lao-digest/", None),  # project site under the owner's custom domain
        ("http://127.0.0.1:8000/viet-lao-digest/", None),  # `mkdocs serve`
        ("http://127.0.0.1:8000/", None),
        ("http://localhost:8000/", None),
        ("http://[::1]:8000/", None),
        ("", None),
        (None, None),
    ],
)
def test_custom_domain(site_url: str | None, expected: str | None) -> None:
    assert custom_domain(site_url) == expected


@pytest.mark.parametrize(
    ("site_url", "content"),
    [
        ("https://tin-viet-lao.example.org/", "tin-viet-lao.example.org\n"),
        ("https://example.github.io/viet-lao-digest/", None),
    ],
)
def test_write_cname(tmp_path: Path, site_url: str, content: str | None) -> None:
    domain = write_cname(tmp_path, site_url)
    cname = tmp_path / CNAME
    assert (cname.read_text(encoding="utf-8") if cname.exists() else None) == content
    assert domain == (content.strip() if content else None)


@pytest.mark.parametrize(
    ("site_url", "problem"),
    [
        ("https://example.github.io/viet-lao-digest/", False),
        ("https://tin-viet-lao.example.org/", False),
        ("", True),  # SITE_URL="": MkDocs would build without canonical links
        (None, True),
    ],
)
def test_site_url_problem(site_url: str | None, problem: bool) -> None:
    assert (site_url_problem(site_url) is not None) == problem
