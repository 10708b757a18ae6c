"""`make deploy` for real: `mkdocs gh-deploy` into local bare repositories, never the network.

The project (its files as `git add --all` sees them) is committed in a throw-away repository with
two remotes, `origin` and `pages` (both bare repositories in tmp_path); `make deploy REMOTE=pages`
must publish exactly site/ (plus `.nojekyll`) on `pages`' gh-pages branch and leave `origin` alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from projectcopy import copy_project
from sitecheck import generated_sources, hand_written_pages, html_path, parse, site_files

VENV = Path(sys.executable).parent.parent  # the venv `make test` created; `make -o` keeps it as is
COMMIT_DATE = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)  # of the project's last commit
REMOTE = "pages"
BRANCH = "gh-pages"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Whatever the machine's git configuration, the same identity and no user hooks or signing.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Deploy Test",
    "GIT_AUTHOR_EMAIL": "deploy-test@example.org",
    "GIT_COMMITTER_NAME": "Deploy Test",
    "GIT_COMMITTER_EMAIL": "deploy-test@example.org",
}
# Variables of an outer `make test` that must not reach the inner make, and settings the test sets.
CLEARED_ENV = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "SITE_URL", "SOURCE_DATE_EPOCH")


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV and not k.startswith("GIT_")}
    return {**base, **GIT_ENV, **extra}


def git(*args: str | Path, cwd: Path, **extra_env: str) -> str:
    result = subprocess.run(
        ["git", *map(str, args)], cwd=cwd, env=env(**extra_env), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"git {' '.join(map(str, args))}: {result.stderr}"
    return result.stdout


def make_project(tmp_path: Path) -> Path:
    """The project's files as in this working tree, committed in a new repository with two remotes."""
    project = copy_project(tmp_path / "project")
    git("init", "--quiet", "--initial-branch=main", cwd=project)
    git("add", "--all", cwd=project)
    date = COMMIT_DATE.isoformat()
    git("commit", "--quiet", "-m", "digest", cwd=project, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    for remote in ("origin", REMOTE):
        bare = tmp_path / f"{remote}.git"
        git("init", "--quiet", "--bare", bare, cwd=tmp_path)
        git("remote", "add", remote, bare, cwd=project)
    return project


def make(project: Path, target: str, site_url: str) -> subprocess.CompletedProcess[str]:
    venv = str(VENV)
    return subprocess.run(
        ["make", "--no-print-directory", "-o", f"{venv}/.site", target, f"VENV={venv}", f"REMOTE={REMOTE}"],
        cwd=project,
        env=env(SITE_URL=site_url),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def blob_id(data: bytes) -> str:
    """The id git gives a file's content."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def branch_files(bare: Path) -> dict[str, str]:
    """Every file on the gh-pages branch of a bare repository: path → blob id."""
    listing = git("ls-tree", "-r", "-z", BRANCH, cwd=bare)
    files = {}
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        files[path] = meta.split()[2]
    return files


def branch_file(bare: Path, path: str) -> str:
    return git("show", f"{BRANCH}:{path}", cwd=bare)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("site_url", "cname", "deploy_again"),
    [
        ("https://example.github.io/viet-lao-digest/", None, True),
        ("https://tin-viet-lao.example.org/", "tin-viet-lao.example.org", False),  # redeploying: same as above
    ],
)
def test_make_deploy_publishes_site_on_gh_pages(
    tmp_path: Path, site_url: str, cname: str | None, deploy_again: bool
) -> None:
    project = make_project(tmp_path)
    pages, origin = tmp_path / f"{REMOTE}.git", tmp_path / "origin.git"

    first = make(project, "deploy", site_url)
    assert first.returncode == 0, first.stdout + first.stderr

    # exactly the built site, byte for byte, plus .nojekyll
    site = project / "site"
    published = branch_files(pages)
    built = {rel: blob_id((site / rel).read_bytes()) for rel in site_files(site)}
    assert published == {**built, ".nojekyll": blob_id(b"")}
    content = project / "content"
    pages_wanted = [html_path(p) for p in [*generated_sources(content), *hand_written_pages(content)]]
    for required in ("index.html", ".nojekyll", "404.html", "sitemap.xml", *pages_wanted):
        assert required in published, required
    assert any(p.startswith("bai-viet/") for p in pages_wanted), "no article pages generated"

    # the one setting: CNAME, canonical links and the sitemap follow SITE_URL
    assert ("CNAME" in published) == (cname is not None)
    if cname:
        assert branch_file(pages, "CNAME").strip() == cname
    canonical = [r.url for r in parse(branch_file(pages, "index.html")).refs if r.rel == "canonical"]
    assert canonical == [site_url]
    sitemap = ET.fromstring(branch_file(pages, "sitemap.xml"))
    locations = [e.text or "" for e in sitemap.iterfind("s:url/s:loc", SITEMAP_NS)]
    assert locations and all(loc.startswith(site_url) for loc in locations)
    assert {loc.text for loc in sitemap.iterfind("s:url/s:lastmod", SITEMAP_NS)} == {COMMIT_DATE.date().isoformat()}

    # only the configured remote receives anything
    assert git("for-each-ref", cwd=origin) == ""
    assert git("for-each-ref", "--format=%(refname)", cwd=pages).split() == [f"refs/heads/{BRANCH}"]

    if not deploy_again:
        return
    # deploying again with nothing changed, from a clone that has not seen the first deploy (as
    # from another machine): one more commit on top of the first, the same files
    first_commit = git("rev-parse", BRANCH, cwd=pages).strip()
    git("update-ref", "-d", f"refs/remotes/{REMOTE}/{BRANCH}", cwd=project)
    git("update-ref", "-d", f"refs/heads/{BRANCH}", cwd=project)
    second = make(project, "deploy", site_url)
    assert second.returncode == 0, second.stdout + second.stderr
    assert git("rev-parse", f"{BRANCH}~1", cwd=pages).strip() == first_commit
    assert git("rev-parse", f"{BRANCH}^{{tree}}", cwd=pages) == git("rev-parse", f"{first_commit}^{{tree}}", cwd=pages)


@pytest.mark.e2e
@pytest.mark.parametrize("target", ["deploy", "site"])
def test_make_refuses_an_empty_site_url(tmp_path: Path, target: str) -> None:
    """`SITE_URL=""` (an undefined Actions variable, say) fails the strict build: nothing is pushed."""
    project = make_project(tmp_path)
    result = make(project, target, "")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "site URL is empty" in result.stdout + result.stderr
    assert git("for-each-ref", cwd=tmp_path / f"{REMOTE}.git") == ""
