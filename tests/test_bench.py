"""The benchmark runs end to end (at N=20, so it is fast) and writes its results table."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import measure, report
from bench.__main__ import digest_rounds
from bench.corpus import editable_seed, write_corpus
from bench.measure import Run
from generator.data import load_data
from generator.parsing import parse_seed
from generator.reading import read_seed

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.e2e
def test_bench_runs_at_20_articles(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    (tmp_path / "RESULTS.md").write_text(
        "old\n<!-- Written by hand below this line; `python -m bench` keeps it. -->\nmy notes\n"
    )
    cmd = [sys.executable, "-m", "bench", "--sizes", "20", "--generator-sizes", "20", "--runs", "1",
           "--preview-size", "20", "--out", str(out), "--work", str(tmp_path / "work")]  # fmt: skip
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")

    def row(heading: str) -> str:
        section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| 20 |")]
        assert len(rows) >= 1, f"no row for 20 in {heading}"
        return rows[0]

    generator = row("Generator")
    assert re.search(
        r"\| 20 \| [\d.]+ \([\d.]+\) \| [\d,]+ \| [\d.]+ \([\d.]+\) \| [\d.]+ \([\d.]+\) \| [\d.]+ MB \|", generator
    )
    builds = row("Full builds").split("|")[2:-1]
    assert len(builds) == 8 and all(re.search(r"\d", cell) for cell in builds)
    ratios = text.split("Ratios of wall time", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"\| 20 \|( [\d.]+ \([\d.]+\) \|){6}$", ratios, re.MULTILINE)  # again, restored / bare among them
    assert re.search(
        r"\| [\d.]+ (KB|MB) \([\d.]+ (KB|MB)\) \| [\d.]+ (KB|MB) \([\d.]+ (KB|MB)\) \|$", row("What gets built")
    )
    assert re.search(r"At 20 articles: .* median \*\*[\d.]+ s\*\*", text)
    assert "| Generator cold ≥ 1,000 seeds/s at 10,000 seeds | not measured in this run | – |" in text
    assert text.endswith("my notes\n")  # hand-written notes survive a rewrite
    assert (tmp_path / "work" / "n20" / "hugo" / "public" / "index.html").is_file()
    assert (tmp_path / "work" / "n20" / "blog" / "site" / "archive").is_dir()


def test_the_edited_seed_keeps_its_title(tmp_path: Path) -> None:
    """The generator stage edits a seed whose title is its own: editing its lede changes the
    summary, not the title and address (a derived title would follow the lede)."""
    data = load_data(ROOT / "data")
    seeds = sorted(write_corpus(tmp_path / "seeds", 40, seed=3))
    titled = [p for p in seeds if parse_seed(read_seed(p, str(p)).text, data.boilerplate).title]
    untitled = [i for i, p in enumerate(seeds) if p not in titled]
    assert untitled, "the corpus has no seed without a title: the test would prove nothing"
    chosen = editable_seed(seeds, data, untitled[0])
    assert chosen in titled and seeds.index(chosen) > untitled[0]


class _Recorder:
    """A workspace that records what the bench asks of it, in order."""

    def __init__(self, root: Path) -> None:
        self.project = root
        self.calls: list[str] = []

    def clean(self, *, keep_cache: bool = False) -> None:
        shutil.rmtree(self.project / "site", ignore_errors=True)
        self.calls.append("clean, cache kept" if keep_cache else "clean")

    def make_site(self) -> Run:
        site = self.project / "site"
        self.calls.append("make site over an old site/" if site.exists() else "make site")
        site.mkdir()
        return self._run()

    def bare(self) -> Run:
        self.calls.append("bare")
        return self._run()

    def _run(self) -> Run:
        return Run(wall=float(len(self.calls)), cpu=0.0, peak_kb=0, returncode=0, stdout="", stderr="")


def test_the_digest_and_bare_mkdocs_take_turns(tmp_path: Path) -> None:
    """Each round makes one run of each kind, so a ratio compares runs minutes apart."""
    ws = _Recorder(tmp_path)
    site, bare, again, restored = digest_rounds(ws, 2)
    one_round = ["clean", "make site", "bare", "make site", "clean, cache kept", "make site"]
    assert ws.calls == one_round * 2
    walls = [[r.wall for r in runs] for runs in (site, bare, again, restored)]
    assert walls == [[2.0, 8.0], [3.0, 9.0], [4.0, 10.0], [6.0, 12.0]]


def test_a_measured_command_starts_after_the_disk_is_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes left by an earlier command are not timed as this one's."""
    events: list[str] = []
    popen = subprocess.Popen
    monkeypatch.setattr(measure.os, "sync", lambda: events.append("sync"))

    def started(*args: Any, **kwargs: Any) -> subprocess.Popen[str]:
        events.append("command")
        return popen(*args, **kwargs)

    monkeypatch.setattr(measure.subprocess, "Popen", started)
    result = measure.run(["true"], tmp_path)
    assert result.returncode == 0
    assert events == ["sync", "command"]


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ((), ""),
        (("bench/RESULTS.md",), ""),  # the results file the bench writes is not the code measured
        (("bench/RESULTS.md", "generator/x.py"), " (with uncommitted changes)"),
        (("generator/x.py",), " (with uncommitted changes)"),
    ],
)
def test_the_commit_measured_is_dirty_only_for_other_files_than_the_results(
    tmp_path: Path, changed: tuple[str, ...], expected: str
) -> None:
    files = [tmp_path / "bench" / "RESULTS.md", tmp_path / "generator" / "x.py"]
    for f in files:
        f.parent.mkdir(exist_ok=True)
        f.write_text("first\n")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    for name in changed:
        (tmp_path / name).write_text("second\n")
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert report.commit(tmp_path, tmp_path / "bench" / "RESULTS.md") == head + expected
