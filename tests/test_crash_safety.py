"""Crash safety: a run killed at any moment leaves `content/` as the previous complete output or the
new complete output, never a mix; Ctrl-C says so in one line.

A project of a few hundred seeds (made from the shipped seeds' paragraphs) is generated twice: A,
then B (a third of the seeds edited, some removed, some added). Each stopped run starts from A's
output and the B seeds, and is stopped:

- at exact steps of the writer, through its test hook (`GENERATOR_TEST_SIGNAL`, see output.py):
  in a forked child that writes B's pages (no parsing, so many steps can be tried), at a spread
  of step numbers over the whole write and at every named step around the swap;
- in the real CLI, at named steps (SIGINT) and after staggered delays (SIGKILL and SIGINT).

After each stop `content/` is compared with A and B, file set and bytes. The next run starts from
whatever the stop left beside `content/` (the staging tree, kept between runs, in any state), so
recovery is exercised too; only the step-numbered stops start each from no staging tree, so that
step N is the same step every time.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEEDS, copy_hand_written, snapshot

from generator import output, parsing
from generator.__main__ import INTERRUPTED_AFTER, INTERRUPTED_BEFORE
from generator.build import Paths, build
from generator.output import LOCK_SUFFIX, STAGING_SUFFIX, TEST_SIGNAL, read_manifest

SEED_COUNT = 200
STEP_STRIDE = 10  # the forked writer is stopped at every 10th step
DELAYED_KILLS = 4
DELAYED_INTERRUPTS = 4
NAMED_STEPS = {"link": "A", "write": "A", "commit": "A", "swapped": "B", "committed": "B"}


def _paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [s for s in map(str.strip, path.read_text(encoding="utf-8").splitlines()) if len(s) > 80]
    # Sentences only: a long subheading put first under a title would draw a warning (doubts.py),
    # and a run that finished is checked for printing nothing.
    return [p for p in found if not p.startswith("date ") and parsing.ends_sentence(p)]


def _seed(i: int, paragraphs: list[str], version: int) -> str:
    rng = random.Random(i * 7 + version * 100_003)
    body = rng.sample(paragraphs, 3)
    header = f"date {2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d} Bài số {i}: {body[0][:60].rstrip()}"
    return "\n\n".join([header, *body]) + "\n"


def _write_seeds(folder: Path, version: int) -> None:
    """Version 0 (A): seeds 0..N-1. Version 1 (B): every third edited, 0..19 removed, N..N+19 added."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    paragraphs = _paragraphs()
    for i in range(SEED_COUNT) if version == 0 else range(20, SEED_COUNT + 20):
        edited = version == 1 and i % 3 == 0
        (folder / f"{i:04d}.txt").write_text(_seed(i, paragraphs, int(edited)), encoding="utf-8")


class Project:
    """The crash-test project: A's output kept aside; `reset()` puts it back as `content/`."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.paths = Paths(seeds=work / "seeds", content=work / "content", data=work / "data")
        self.content = self.paths.content
        shutil.copytree(DATA, self.paths.data)
        copy_hand_written(ROOT / "content", self.content)
        _write_seeds(self.paths.seeds, 0)
        build(self.paths)
        self.a = snapshot(self.content)
        shutil.copytree(self.content, work / "content-a")
        _write_seeds(self.paths.seeds, 1)
        build(self.paths)
        self.b = snapshot(self.content)
        generated = read_manifest(self.content)
        self.wanted = {rel: data for rel, data in self.b.items() if rel in generated}  # B's pages, for the writer
        assert self.a != self.b
        self.reset()

    @property
    def staging(self) -> Path:
        return self.work / f".content{STAGING_SUFFIX}"

    def reset(self, *, staging: bool = True) -> None:
        """`content/` back to A; what a stopped run left beside it is kept for the next run,
        except the staging tree when `staging` is false."""
        if not staging:
            shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(self.content)
        # Hard links: fast, and safe because the writer never changes a file in place (a file
        # changed in place would also differ from the in-memory snapshot of A).
        shutil.copytree(self.work / "content-a", self.content, copy_function=os.link)

    def state(self) -> str:
        now = snapshot(self.content)
        if now == self.a:
            return "A"
        if now == self.b:
            return "B"
        missing, extra = len(set(self.a) - set(now)), len(set(now) - set(self.a))
        raise AssertionError(f"content/ is a mix: {len(now)} files, {missing} of A missing, {extra} not in A")

    def leftovers(self) -> list[str]:
        """What a run left beside content/ besides the lock file and the staging tree (both stay on
        purpose: the lock holds no data, the staging tree is the next run's starting point)."""
        kept = {f".content{LOCK_SUFFIX}", self.staging.name}
        return sorted(p.name for p in self.work.iterdir() if p.name.startswith(".content") and p.name not in kept)

    def cli(self, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if k != TEST_SIGNAL} | dict(env or {})
        command = [sys.executable, "-m", "generator", "--quiet"]
        return subprocess.run(command, cwd=self.work, env=full_env, capture_output=True, text=True, check=False)

    def write_in_child(self, spec: str) -> int:
        """B's pages written by `write_content` in a forked child stopped by the hook; its exit status."""
        pid = os.fork()
        if pid == 0:  # the child: write, then leave without running the parent's cleanup
            status = 0
            try:
                os.environ[TEST_SIGNAL] = spec
                output.write_content(self.content, self.wanted)
            except BaseException:
                status = 3
            os._exit(status)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)


@pytest.fixture(autouse=True)
def ctrl_c_not_ignored() -> Iterator[None]:
    """The generator runs started here take Ctrl-C as a terminal gives it, whatever this process
    was started with: a shell starts a background job (`make test &`) with SIGINT ignored, a
    child inherits that, and Python started with SIGINT ignored never raises KeyboardInterrupt,
    so the test hook's SIGINT would go unnoticed."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.fixture(scope="module")
def crash_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("crash"))


def test_kill_at_every_tenth_step_leaves_previous_or_new_output(crash_project: Project) -> None:
    p = crash_project
    outcomes = {}
    for name in NAMED_STEPS:
        p.reset(staging=False)
        assert p.write_in_child(f"KILL@{name}") == -signal.SIGKILL
        outcomes[name] = p.state()
    assert outcomes == NAMED_STEPS
    # Every file of B is linked or written once (one step each), then commit, swapped, committed.
    total = len(p.b) + 3
    seen = {"A": 0, "B": 0}
    strided = range(1, total + 1, STEP_STRIDE)
    for step in strided:
        p.reset(staging=False)
        assert p.write_in_child(f"KILL@{step}") == -signal.SIGKILL, step
        seen[p.state()] += 1
    for step in range(total - 2, total + 1):  # the last three: commit, swapped, committed
        p.reset(staging=False)
        assert p.write_in_child(f"KILL@{step}") == -signal.SIGKILL, step
        seen[p.state()] += 1
    p.reset(staging=False)
    assert p.write_in_child(f"KILL@{total + 1}") == 0  # past the last step: the write completes
    assert p.state() == "B"
    print(f"hook kills: {sum(seen.values()) + len(NAMED_STEPS)} of {total} steps, outcomes {seen}; {len(p.b)} files")
    # A kill up to the commit step (total - 2) leaves A; at "swapped" or after, B.
    assert seen == {"A": sum(s <= total - 2 for s in strided) + 1, "B": sum(s > total - 2 for s in strided) + 2}
    # Stopped half way through bringing a kept staging tree up to date, then run again.
    for step in (1, STEP_STRIDE + 1):
        p.reset()
        assert p.write_in_child(f"KILL@{step}") == -signal.SIGKILL, step
        assert p.state() == "A"
    # After all those kills, the real CLI finishes the job; the staging tree holds A for the next run.
    p.reset()
    assert p.cli().returncode == 0
    assert p.state() == "B" and p.leftovers() == [] and snapshot(p.staging) == p.a


def test_sigkill_after_staggered_delays(crash_project: Project) -> None:
    p = crash_project
    p.reset()
    started = time.monotonic()
    assert p.cli().returncode == 0
    run_seconds = time.monotonic() - started
    seen = {"A": 0, "B": 0}
    for k in range(DELAYED_KILLS):
        p.reset()
        proc = subprocess.Popen([sys.executable, "-m", "generator", "--quiet"], cwd=p.work, stderr=subprocess.PIPE)
        time.sleep(run_seconds * 1.5 * k / (DELAYED_KILLS - 1))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        seen[p.state()] += 1
    print(f"delayed kills: {DELAYED_KILLS} over {run_seconds:.2f} s runs, outcomes {seen}")
    p.reset()
    assert p.cli().returncode == 0
    assert p.state() == "B" and p.leftovers() == [] and snapshot(p.staging) == p.a


@pytest.mark.parametrize(("step", "state"), [("3", "A"), ("commit", "B"), ("committed", "B")])
def test_ctrl_c_at_exact_steps_says_what_content_is(crash_project: Project, step: str, state: str) -> None:
    p = crash_project
    p.reset()
    result = p.cli({TEST_SIGNAL: f"INT@{step}"})
    message = INTERRUPTED_BEFORE if state == "A" else INTERRUPTED_AFTER
    assert (result.returncode, result.stderr) == (130, message + "\n")
    assert p.state() == state
    assert p.leftovers() == []  # at most the staging tree, which the next run brings up to date


_STARTED = "import sys, generator.__main__ as m; print('ready', flush=True); sys.exit(m.main())"


def test_ctrl_c_after_staggered_delays(crash_project: Project) -> None:
    """Real SIGINTs from outside, once the generator is imported (Ctrl-C while Python itself is
    still starting shows Python's own traceback: nothing has been read or written then)."""
    p = crash_project
    seen: dict[str, int] = {}
    for k in range(DELAYED_INTERRUPTS):
        p.reset()
        command = [sys.executable, "-c", _STARTED, "--quiet"]
        proc = subprocess.Popen(command, cwd=p.work, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(0.4 * k)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate()
        state = p.state()
        if proc.returncode == 0:
            assert err == b"" and state == "B"  # it had finished
        elif proc.returncode == -signal.SIGINT:
            # Python restores the default handler while it exits: a Ctrl-C after main() returned
            # ends the process silently (a shell shows 130). The run had finished and committed.
            assert err == b"" and state == "B"
        else:
            assert proc.returncode == 130
            assert err.decode() == (INTERRUPTED_BEFORE if state == "A" else INTERRUPTED_AFTER) + "\n"
        seen[f"exit {proc.returncode}, {state}"] = seen.get(f"exit {proc.returncode}, {state}", 0) + 1
    print(f"delayed Ctrl-C: {DELAYED_INTERRUPTS}, outcomes {seen}")


def test_rerun_with_nothing_changed_writes_nothing(crash_project: Project) -> None:
    p = crash_project
    p.reset()
    assert build(p.paths).result.changed
    before = {q: (q.stat().st_ino, q.stat().st_mtime_ns) for q in sorted(p.work.rglob("*"))}
    assert not build(p.paths).result.changed
    assert {q: (q.stat().st_ino, q.stat().st_mtime_ns) for q in sorted(p.work.rglob("*"))} == before
