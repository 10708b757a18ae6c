"""`python -m bench`: measure the digest against Material's blog plugin and Hugo; write RESULTS.md.

    python -m bench                      # the full run (make bench): about an hour on 2 cores
    python -m bench --sizes 20 --generator-sizes 20 --runs 1 --preview-size 20   # a smoke run

Every number in the report is measured by this command in this run; nothing is carried over.
The report is rewritten after each stage, so an interrupted run still leaves what it measured.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from bench import preview, report
from bench.corpus import edit_seed, editable_seed
from bench.measure import Run, Summary, tree_bytes
from bench.projects import Workspace
from bench.search import first_query_cost
from generator.data import load_data

HERE = Path(__file__).resolve().parent


def sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=sizes, default=[100, 500, 1000, 5000], help="articles for site builds")
    parser.add_argument(
        "--generator-sizes", type=sizes, default=[100, 1000, 5000, 10000], help="seeds for the generator"
    )
    parser.add_argument("--preview-size", type=int, default=1000, help="articles for the live-preview test (0: skip)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (medians are reported)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed number")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="report file")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one, removed)")
    return parser.parse_args(argv)


def generator_stage(ws: Workspace, runs: int, results: report.Results) -> None:
    """Cold runs (fresh checkout), reruns with nothing changed, reruns after editing one seed."""
    cold, rerun, edited = [], [], []
    for _ in range(runs):
        ws.clean()
        cold.append(_ok(ws.generate()))
        rerun.append(_ok(ws.generate()))
    data = load_data(ws.project / "data")
    seed = editable_seed(sorted((ws.project / "seeds").glob("*.txt")), data, ws.n // 2)
    for i in range(runs):
        edit_seed(seed, f"BENCHGEN{i}", data)
        edited.append(_ok(ws.generate()))
    results.generator[ws.n] = report.GeneratorRow(Summary.of(cold), Summary.of(rerun), Summary.of(edited))


class Digest(Protocol):
    """What `digest_rounds` needs of a workspace (a fake one in the tests)."""

    @property
    def project(self) -> Path: ...

    def clean(self, *, keep_cache: bool = False) -> None: ...
    def make_site(self) -> Run: ...
    def bare(self) -> Run: ...


def digest_rounds(ws: Digest, runs: int) -> tuple[list[Run], list[Run], list[Run], list[Run]]:
    """`make site` from a fresh checkout, bare MkDocs on the pages it made, `make site` again
    (pages and cache kept, `site/` removed), and from a fresh checkout with the cache restored:
    one of each per round, so that the ratios between them compare runs made minutes apart, not
    one kind's runs before the other's while the machine's speed drifts."""
    site: list[Run] = []
    bare: list[Run] = []
    again: list[Run] = []
    restored: list[Run] = []
    for _ in range(runs):
        ws.clean()
        site.append(ws.make_site())
        bare.append(ws.bare())
        shutil.rmtree(ws.project / "site")
        again.append(ws.make_site())
        ws.clean(keep_cache=True)
        restored.append(ws.make_site())
    return site, bare, again, restored


def build_stage(ws: Workspace, runs: int, results: report.Results) -> None:
    """The digest's builds and bare MkDocs (`digest_rounds`), then Material's blog and Hugo on the
    same articles."""
    site, bare, again, restored = digest_rounds(ws, runs)
    articles = ws.article_pages()
    html = sorted((ws.project / "site" / "bai-viet" / p.stem / "index.html").stat().st_size for p in articles)
    ws.write_blog()
    blog = [ws.blog() for _ in range(runs)]
    ws.write_hugo()
    hugo = [ws.hugo() for _ in range(runs)]
    results.builds[ws.n] = report.BuildRow(
        articles=len(articles),
        site=Summary.of(site),
        again=Summary.of(again),
        restored=Summary.of(restored),
        bare=Summary.of(bare),
        blog=Summary.of(blog),
        hugo=Summary.of(hugo),
        site_bytes=tree_bytes(ws.project / "site"),
        blog_bytes=tree_bytes(ws.root / "blog" / "site"),
        hugo_bytes=tree_bytes(ws.root / "hugo" / "public"),
        article_html=html[len(html) // 2],
        search=first_query_cost(ws.project / "site"),
        blog_search=first_query_cost(ws.root / "blog" / "site"),
    )


def _ok(run):
    if run.returncode not in (0, 1):  # 1: some seed rejected, the rest published
        raise RuntimeError(f"generator exited {run.returncode}:\n{run.stderr[-3000:]}")
    return run


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="viet-lao-bench-"))
    results = report.Results.start(args)
    everything = sorted({*args.sizes, *args.generator_sizes, *([args.preview_size] if args.preview_size else [])})
    try:
        for n in everything:
            started = time.perf_counter()
            ws = Workspace.create(work / f"n{n}", n, args.seed)
            if n in args.generator_sizes:
                generator_stage(ws, args.runs, results)
                report.write(args.out, results)
            if n in args.sizes:
                build_stage(ws, args.runs, results)
                report.write(args.out, results)
            if n == args.preview_size:
                if not (ws.project / "content" / "bai-viet").is_dir():
                    ws.make_site()
                results.preview = (n, preview.measure(ws, edits=max(args.runs, 1)))
                report.write(args.out, results)
            print(f"bench: {n} done in {time.perf_counter() - started:.0f} s", flush=True)
            if args.work is None:
                shutil.rmtree(ws.root, ignore_errors=True)
    finally:
        results.finish()
        report.write(args.out, results)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"bench: results in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
