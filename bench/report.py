"""bench/RESULTS.md: conditions, tables and targets, from the numbers of one `python -m bench` run.

Text below the KEEP marker is written by people (analysis, profiles) and kept on rewrites.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from bench.measure import Summary
from bench.preview import Preview
from bench.projects import hugo_binary
from bench.search import SearchCost

KEEP = "<!-- Written by hand below this line; `python -m bench` keeps it. -->"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class GeneratorRow:
    cold: Summary
    rerun: Summary
    edited: Summary


@dataclass(frozen=True)
class BuildRow:
    articles: int
    site: Summary  # `make site` from a fresh checkout
    again: Summary  # `make site` again: `content/` and `.cache/` kept, `site/` removed
    restored: Summary  # `make site` from a fresh checkout with `.cache/` restored (the Pages workflow)
    bare: Summary  # mkdocs build of the same pages, no generator hook
    blog: Summary
    hugo: Summary
    site_bytes: int
    blog_bytes: int
    hugo_bytes: int
    article_html: int  # median article page
    search: SearchCost
    blog_search: SearchCost


def _load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "?"
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


@dataclass
class Results:
    command: str
    runs: int
    started: str
    load_start: str
    commit: str
    load_end: str = ""
    finished: str = ""
    generator: dict[int, GeneratorRow] = field(default_factory=dict)
    builds: dict[int, BuildRow] = field(default_factory=dict)
    preview: tuple[int, Preview] | None = None

    @classmethod
    def start(cls, args: argparse.Namespace) -> Results:
        command = "python -m bench " + " ".join(sys.argv[1:]) if sys.argv[1:] else "python -m bench (make bench)"
        now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        return cls(command=command, runs=args.runs, started=now, load_start=_load(), commit=commit(ROOT, args.out))

    def finish(self) -> None:
        self.finished = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        self.load_end = _load()


# --- conditions ---------------------------------------------------------------------------------


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _memory() -> str:
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        return f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        return "?"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _hugo() -> str:
    try:
        out = subprocess.run([str(hugo_binary()), "version"], capture_output=True, text=True, check=False).stdout
        return out.split()[1].split("-")[0] if out else "?"
    except (OSError, IndexError):
        return "not installed"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False).stdout.strip()


def commit(root: Path, results: Path) -> str:
    """The checkout's commit, and whether files differ from it, other than `results`: a clone that
    ran the bench before holds the results file it wrote, which is not the code measured."""
    mine, top = results.resolve(), root.resolve()
    ignored = [f":(exclude){mine.relative_to(top)}"] if mine.is_relative_to(top) else []
    status = _git(root, "status", "--porcelain", "--", ".", *ignored)
    dirty = " (with uncommitted changes)" if status else ""
    return (_git(root, "rev-parse", "--short", "HEAD") or "?") + dirty


def conditions(r: Results) -> list[str]:
    return [
        f"- Command: `{r.command}`, {r.runs} run(s) per measurement; medians (peak memory: the largest).",
        f"- When: {r.started} to {r.finished or '(running)'}; load average (1/5/15 min) {r.load_start} at the "
        f"start, {r.load_end or '?'} at the end. On a shared machine other work inflates wall times: CPU "
        "seconds are shown beside them.",
        f"- Machine: {os.cpu_count()} CPUs ({_cpu()}), {_memory()} RAM, {platform.system()} {platform.release()}.",
        f"- Software: Python {platform.python_version()}, MkDocs {_version('mkdocs')}, Material "
        f"{_version('mkdocs-material')}, Markdown {_version('markdown')}, Hugo {_hugo()}; digest at {r.commit}.",
        "- Corpus: `bench/corpus.py`, N seeds recombined from `seeds/` (seed number 0), dates 2000–2026 in every "
        "form the parser reads, about 8 KB each.",
    ]


# --- tables -------------------------------------------------------------------------------------


def _s(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def _mb(n_bytes: float) -> str:
    return f"{n_bytes / 1e6:.1f} MB" if n_bytes >= 1e6 else f"{n_bytes / 1e3:.0f} KB"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def generator_table(r: Results) -> list[str]:
    lines = [
        "| seeds | cold: wall s (CPU s) | seeds/s | rerun, nothing changed: wall s (CPU s) | "
        "rerun after editing one seed: wall s (CPU s) | peak memory |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, g in sorted(r.generator.items()):
        peak = max(g.cold.peak_kb, g.rerun.peak_kb, g.edited.peak_kb) * 1024
        lines.append(
            f"| {n:,} | {_s(g.cold.wall)} ({_s(g.cold.cpu)}) | {n / g.cold.wall:,.0f} | "
            f"{_s(g.rerun.wall)} ({_s(g.rerun.cpu)}) | {_s(g.edited.wall)} ({_s(g.edited.cpu)}) | {_mb(peak)} |"
        )
    return lines


def build_table(r: Results) -> list[str]:
    lines = [
        "| articles | `make site`: wall s (CPU s) | ms/article | peak memory | `make site` again: wall s (CPU s) | "
        "`make site`, cache restored: wall s (CPU s) | "
        "bare `mkdocs build`: wall s (CPU s) | Material blog: wall s (CPU s) | Hugo: wall s (CPU s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, b in sorted(r.builds.items()):
        lines.append(
            f"| {n:,} | {_s(b.site.wall)} ({_s(b.site.cpu)}) | {1000 * b.site.wall / n:.1f} | "
            f"{_mb(b.site.peak_kb * 1024)} | {_s(b.again.wall)} ({_s(b.again.cpu)}) | "
            f"{_s(b.restored.wall)} ({_s(b.restored.cpu)}) | "
            f"{_s(b.bare.wall)} ({_s(b.bare.cpu)}) | "
            f"{_s(b.blog.wall)} ({_s(b.blog.cpu)}) | {_s(b.hugo.wall)} ({_s(b.hugo.cpu)}) |"
        )
    return lines


def ratio_table(r: Results) -> list[str]:
    lines = [
        "| articles | digest / bare MkDocs | digest again / bare MkDocs | digest, cache restored / bare MkDocs | "
        "digest / Material blog | digest / Hugo | Material blog / Hugo |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, b in sorted(r.builds.items()):
        pairs = [
            (b.site, b.bare),
            (b.again, b.bare),
            (b.restored, b.bare),
            (b.site, b.blog),
            (b.site, b.hugo),
            (b.blog, b.hugo),
        ]
        cells = [f"{_ratio(x.wall, y.wall)} ({_ratio(x.cpu, y.cpu)})" for x, y in pairs]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return lines


def size_table(r: Results) -> list[str]:
    lines = [
        "| articles | digest `site/` | blog `site/` | Hugo `public/` | article page HTML (median) | "
        "first search query: digest (gzipped) | blog's Material search (gzipped) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, b in sorted(r.builds.items()):
        lines.append(
            f"| {n:,} | {_mb(b.site_bytes)} | {_mb(b.blog_bytes)} | {_mb(b.hugo_bytes)} | {_mb(b.article_html)} | "
            f"{_mb(b.search.bytes)} ({_mb(b.search.gzip_bytes)}) | "
            f"{_mb(b.blog_search.bytes)} ({_mb(b.blog_search.gzip_bytes)}) |"
        )
    return lines


# --- targets ------------------------------------------------------------------------------------


def targets(r: Results) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met): met is None when this run did not measure it."""
    out: list[tuple[str, str, bool | None]] = []

    def add(name: str, value: str | None, met: bool | None) -> None:
        out.append((name, value or "not measured in this run", met if value else None))

    g10, g5 = r.generator.get(10_000), r.generator.get(5_000)
    add(
        "Generator cold ≥ 1,000 seeds/s at 10,000 seeds",
        f"{10_000 / g10.cold.wall:,.0f} seeds/s" if g10 else None,
        10_000 / g10.cold.wall >= 1000 if g10 else None,
    )
    add(
        "Generator rerun, nothing changed, ≤ 1 s at 5,000 seeds",
        f"{_s(g5.rerun.wall)} s" if g5 else None,
        g5.rerun.wall <= 1 if g5 else None,
    )
    add(
        "Generator rerun after one edit ≤ 1 s at 5,000 seeds",
        f"{_s(g5.edited.wall)} s" if g5 else None,
        g5.edited.wall <= 1 if g5 else None,
    )
    b500, b5k, b1k = r.builds.get(500), r.builds.get(5_000), r.builds.get(1_000)
    if b500 and b5k:
        small, large = b500.site.wall / 500, b5k.site.wall / 5000
        add(
            "ms/article at 5,000 ≤ 1.2 × ms/article at 500",
            f"{1000 * large:.1f} vs {1000 * small:.1f} ms ({large / small:.2f} ×)",
            large <= 1.2 * small,
        )
    else:
        add("ms/article at 5,000 ≤ 1.2 × ms/article at 500", None, None)
    add(
        "Full build at 1,000 ≤ 1.0 × Material blog",
        f"{b1k.site.wall / b1k.blog.wall:.2f} ×" if b1k else None,
        b1k.site.wall <= b1k.blog.wall if b1k else None,
    )
    add(
        "Full build at 1,000 ≤ 1.15 × bare `mkdocs build`",
        f"{b1k.site.wall / b1k.bare.wall:.2f} ×" if b1k else None,
        b1k.site.wall <= 1.15 * b1k.bare.wall if b1k else None,
    )
    p = r.preview
    add(
        "Preview: edit served on article and year page ≤ 3 s at 1,000",
        f"{p[1].median:.2f} s" if p and p[0] == 1000 else None,
        p[1].median <= 3 if p and p[0] == 1000 else None,
    )
    add(
        "First search query ≤ 300 KB at 5,000",
        f"{_mb(b5k.search.bytes)} ({b5k.search.engine})" if b5k else None,
        b5k.search.bytes <= 300_000 if b5k else None,
    )
    add(
        "Peak memory of `make site` ≤ 500 MB at 5,000",
        _mb(b5k.site.peak_kb * 1024) if b5k else None,
        b5k.site.peak_kb * 1024 <= 500e6 if b5k else None,
    )
    return out


def render(r: Results) -> str:
    lines = ["# Benchmark results", "", "Written by `make bench` (`python -m bench`); see bench/README.md.", ""]
    lines += ["## Conditions", "", *conditions(r), ""]
    lines += ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for name, value, met in targets(r):
        lines.append(f"| {name} | {value} | {'–' if met is None else 'yes' if met else '**no**'} |")
    lines += ["", "## Generator (`python -m generator`)", "", *generator_table(r), ""]
    lines += [
        "Cold: fresh checkout, no `.cache/`, no generated pages. Rerun: the same command again. Edit: the "
        "lede of one seed with a title of its own (`bench.corpus.editable_seed`) changed before each run. "
        "Wall time includes starting Python.",
        "",
    ]
    lines += ["## Full builds, side by side", "", *build_table(r), ""]
    lines += [
        "`make site` from a fresh checkout (no cache, no generated pages): the generator, then `mkdocs build "
        "--strict` (its hook skips regenerating: `VL_CONTENT_READY=1`). Again: `make site` once more with "
        "`content/` and `.cache/` kept and `site/` removed, as a deploy with no seed changed (the generator "
        "finds nothing to do; MkDocs builds every page). Cache restored: a fresh checkout with the `.cache/` "
        "of those builds, as the Pages workflow restores it (`.github/workflows/pages.yml`): seeds are "
        "taken from the cache, every page is made and written again. Bare: `mkdocs build` of the same "
        "generated pages with the same configuration minus the generator hook. The digest's three builds "
        "and bare MkDocs take turns (each round: fresh, bare, again, cache restored), so their ratios "
        "compare runs made minutes apart. Material blog: the same "
        "articles as posts (`categories` = themes, archive by year, lede as excerpt, 10 per page). "
        "Hugo: minimal templates.",
        "",
        "Ratios of wall time (of CPU time in parentheses):",
        "",
        *ratio_table(r),
        "",
        "## What gets built and downloaded",
        "",
        *size_table(r),
        "",
        "First search query: files the browser fetches before it can show results (bench/search.py).",
        "",
    ]
    if r.preview:
        n, p = r.preview
        lines += [
            "## Live preview (`make serve`)",
            "",
            f"At {n:,} articles: seconds from saving a seed to both its article and its year page serving the "
            f"edit: median **{p.median:.2f} s** (runs: {', '.join(f'{s:.2f}' for s in p.seconds)}).",
            "",
        ]
    return "\n".join(lines) + "\n"


def write(path: Path, r: Results) -> None:
    kept = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if KEEP in old:
            kept = old.split(KEEP, 1)[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(r) + "\n" + KEEP + (kept or "\n"), encoding="utf-8")
