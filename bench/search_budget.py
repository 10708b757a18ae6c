"""Bytes a reader downloads to answer a first search query, on a synthetic site of N articles.

    .venv/bin/python bench/search_budget.py 5000        # builds in a temp folder, ~3 minutes

Synthetic seeds are made from the sentences of the real seeds in `seeds/`, shuffled, with
made-up names and numbers mixed in so the vocabulary grows with the corpus, at about the size
of a real article. The site is built as `make site` does (generator, then `mkdocs build`,
whose hook writes the Pagefind index), served on 127.0.0.1, and each query is typed into the
search box of a fresh browser page; every response that the search caused is counted (the
body bytes as served, no HTTP compression), until the result list has rendered.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.browserkit import LAUNCH_ARGS, build_site, chromium_path, serve  # noqa: E402

QUERIES = ("to lam", "quoc phong", "thuong mai", "dac biet", "Tô Lâm", "2024")
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


def measure(site: Path) -> None:
    bundle = site / "pagefind"
    on_disk = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    chunks = list((bundle / "index").glob("*"))
    largest = max(p.stat().st_size for p in chunks)
    print(f"pagefind/: {on_disk / 1e6:.1f} MB, {len(chunks)} index chunks, the largest {largest / 1e3:.0f} KB")
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        print(f"{'query':<14}{'requests':>9}{'KB':>9}  largest")
        for query in QUERIES:
            page = browser.new_page()
            page.goto(f"{base}/")
            fetched: list[tuple[int, str]] = []
            page.on("requestfinished", lambda r, f=fetched: f.append((len(r.response().body()), r.url)))
            page.fill("#vl-search-query", query)
            page.wait_for_selector(".md-search-result__item")
            page.wait_for_load_state("networkidle")
            total = sum(size for size, _ in fetched)
            size, url = max(fetched)
            print(f"{query:<14}{len(fetched):>9}{total / 1e3:>9.1f}  {size / 1e3:.1f} KB {url.rsplit('/', 1)[-1]}")
            page.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=5000)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp folder)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True)
        measure(build(args.articles, args.keep))
        return
    with tempfile.TemporaryDirectory(prefix="search-budget-") as tmp:
        measure(build(args.articles, Path(tmp)))


if __name__ == "__main__":
    main()
