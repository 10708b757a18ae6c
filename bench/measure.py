"""Running a command and measuring it: wall time, CPU time and peak memory of its process tree."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and every process it waited for
    peak_kb: int  # largest resident set of any one process in the tree
    returncode: int
    stdout: str
    stderr: str


def run(cmd: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None, check: bool = True) -> Run:
    """Run `cmd` and measure it with wait4(): the rusage of this child alone, not of earlier ones.

    The disk is synced first, untimed: what an earlier command left to write back (thousands of
    pages, a deleted tree) is written then, not while this one runs."""
    full_env = {**os.environ, **(env or {})}
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Read the pipes in threads, without letting Popen reap the child: wait4 must.
    out: dict[str, str] = {}

    def drain(name: str, stream) -> None:
        out[name] = stream.read()

    threads = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    for t in threads:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    result = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, out["out"], out["err"])
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} (in {cwd}) exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


@dataclass(frozen=True)
class Summary:
    wall: float
    cpu: float
    peak_kb: int
    runs: int

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Summary:
        """Medians over the runs (peak memory: the largest)."""
        return cls(
            statistics.median(r.wall for r in runs),
            statistics.median(r.cpu for r in runs),
            max(r.peak_kb for r in runs),
            len(runs),
        )


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
