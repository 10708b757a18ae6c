"""Bytes a reader downloads to answer a first search query, on a synthetic site of N articles.

    .venv/bin/python bench/search_budget.py 5000        # builds in a temp folder, a few minutes

Synthetic seeds are made from the sentences of the real seeds in `seeds/`, shuffled, with
made-up names and numbers mixed in so the vocabulary grows with the corpus, at about the size
of a real article. The site is built as `make site` does (the generator, which writes the
search index into content/tim-kiem/, then `mkdocs build`), served on 127.0.0.1, and each query
is typed into the search box of a fresh browser context (a cold cache); every response that
the search caused is counted, until the result list has rendered and no request is in flight:
the body bytes as served (no HTTP compression), and what gzip -6 would make of each (what a
server that compresses JSON would send).

The index build is timed on its own too: the articles are gathered again in this process and
`searchindex.search_files` is run on them (the median of 3 runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the browser tests' helpers, imported as the tests import them

from browser.browserkit import LAUNCH_ARGS, Traffic, build_site, chromium_path, serve  # noqa: E402

from bench import search  # noqa: E402
from generator import searchindex  # noqa: E402
from generator.build import Paths, gather  # noqa: E402
from generator.data import load_data  # noqa: E402

QUERIES = search.QUERIES  # as bench/search.py counts them for RESULTS.md
ONSET = ("b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t")
RHYME = ("a", "ai", "am", "an", "ang", "anh", "ao", "au", "em", "ênh", "i", "inh", "o", "ong", "uy", "ương")


def sentences(seeds: Path) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    parts = re.split(r"(?<=[.;!?])\s+", " ".join(text.split()))
    return [s for s in parts if 8 <= len(s.split()) <= 60 and not s.startswith("date")]


def name(rng: random.Random) -> str:
    return " ".join((rng.choice(ONSET) + rng.choice(RHYME)).capitalize() for _ in range(rng.randint(2, 3)))


def synthetic_seed(i: int, pool: list[str], names: list[str], rng: random.Random) -> str:
    year = rng.randint(2015, 2026)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = " ".join(rng.choice(pool).split()[: rng.randint(8, 14)]).rstrip(",;:.")
    paragraphs = []
    for _ in range(rng.randint(8, 12)):
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
        extra = f"Ông {rng.choice(names)} cho biết năm {rng.randint(1990, 2026)} đạt {rng.randint(2, 999)} tỷ đồng."
        paragraphs.append(f"{body} {extra}")
    return f"date {date} {title} (số {i})\n\n" + "\n\n".join(paragraphs) + "\n"


def build(n: int, work: Path) -> Path:
    rng = random.Random(20261123)
    pool = sentences(ROOT / "seeds")
    names = [name(rng) for _ in range(max(50, n // 2))]
    seeds = {f"{i:05d}.txt": synthetic_seed(i, pool, names, rng) for i in range(n)}
    start = time.perf_counter()
    site = build_site(work, seeds)
    print(f"built {n} articles in {time.perf_counter() - start:.0f} s")
    return site


def time_index(work: Path) -> None:
    data = load_data(work / "data")
    articles, _, _ = gather(Paths(seeds=work / "seeds", data=work / "data"), data, dt.date.today())
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        files = searchindex.search_files(articles, data, has_about=True)
        runs.append(time.perf_counter() - start)
    size = sum(len(b) for b in files.values())
    print(f"index build: {statistics.median(runs):.2f} s (median of 3) for {len(articles)} articles")
    print(f"{searchindex.FOLDER}/: {len(files)} files, {size / 1e6:.1f} MB")
    for kind in (*searchindex.KINDS, "d"):
        sizes = [len(b) for p, b in files.items() if p.startswith(f"{searchindex.FOLDER}/{kind}/")]
        mean, largest = statistics.mean(sizes) / 1e3, max(sizes) / 1e3
        print(f"  {kind}: {len(sizes)} files, mean {mean:.1f} KB, largest {largest:.1f} KB")


def measure(site: Path) -> None:
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        print(f"{'query':<18}{'requests':>9}{'KB':>8}{'gzip KB':>9}  largest")
        for query in QUERIES:
            page = browser.new_context().new_page()  # a cold cache: each query is a first query
            page.goto(f"{base}/")
            page.wait_for_load_state("networkidle")  # the page's own requests (sitemap.xml, …) are not search's
            traffic = Traffic(page)
            page.fill("#vl-search-query", query)
            page.wait_for_function("q => document.getElementById('vl-search-results').dataset.query === q", arg=query)
            traffic.settle()
            fetched = [(len(body), len(gzip.compress(body, 6)), url) for url, body in traffic.finished]
            assert not traffic.failed, traffic.failed
            total, zipped = sum(f[0] for f in fetched), sum(f[1] for f in fetched)
            size, _, url = max(fetched)
            results = page.locator(".md-search-result__meta").inner_text()
            print(
                f"{query:<18}{len(fetched):>9}{total / 1e3:>8.1f}{zipped / 1e3:>9.1f}"
                f"  {size / 1e3:.1f} KB {url.split('/tim-kiem/', 1)[-1]} ({results})"
            )
            page.context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=5000)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp folder)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True)
        measure(build(args.articles, args.keep))
        time_index(args.keep)
        return
    with tempfile.TemporaryDirectory(prefix="search-budget-") as tmp:
        measure(build(args.articles, Path(tmp)))
        time_index(Path(tmp))


if __name__ == "__main__":
    main()
