"""Command line: `python -m generator [--seeds DIR] [--content DIR] [--data DIR]`.

Exit status: 0 all seeds published, 1 some seed rejected (the rest still published),
2 usage or configuration error (nothing written), 130 interrupted by Ctrl-C (one line says
whether `content/` is as before the run or fully updated; never a mix).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from . import output
from .build import Paths, Report, build
from .errors import ConfigError, ConfigErrors, one_line

EXIT_OK, EXIT_REJECTED, EXIT_CONFIG, EXIT_INTERRUPTED = 0, 1, 2, 130
INTERRUPTED_BEFORE = "interrupted: content/ left as it was before this run"
INTERRUPTED_AFTER = "interrupted: content/ was already fully updated by this run"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn the seeds of the Việt–Lào digest into Markdown pages for MkDocs.",
    )
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed texts (default: seeds)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="MkDocs docs_dir (default: content)")
    parser.add_argument("--data", type=Path, default=Path("data"), help="taxonomy, people, boilerplate (default: data)")
    parser.add_argument("--cache", type=Path, default=Path(".cache"), help="reuse results from here (default: .cache)")
    parser.add_argument("--no-cache", dest="cache", action="store_const", const=None, help="compute everything")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    return parser.parse_args(argv)


def summary(report: Report) -> str:
    r = report.result
    changes = f"{len(r.written)} written, {len(r.removed)} removed" if r.changed else "nothing changed"
    return (
        f"{report.article_count} articles, {len(report.rejected)} rejected, "
        f"{len(report.warnings)} warnings; content: {changes}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    commits = output.commits.total()
    try:
        args = parse_args(argv)
        report = build(Paths(seeds=args.seeds, content=args.content, data=args.data, cache=args.cache))
    except ConfigErrors as exc:
        for error in exc.errors:
            print(f"error: {one_line(error)}", file=sys.stderr)
        return EXIT_CONFIG
    except ConfigError as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        swapped = output.commits.total() > commits
        print(INTERRUPTED_AFTER if swapped else INTERRUPTED_BEFORE, file=sys.stderr)
        return EXIT_INTERRUPTED
    try:
        for d in report.rejected:
            print(f"rejected: {one_line(d)}", file=sys.stderr)
        for d in report.warnings:
            print(f"warning: {one_line(d)}", file=sys.stderr)
        if not args.quiet:
            print(summary(report))
    except KeyboardInterrupt:
        print(INTERRUPTED_AFTER, file=sys.stderr)
        return EXIT_INTERRUPTED
    return report.exit_code


if __name__ == "__main__":
    code = main()
    # The process ends here: spare its exit the garbage collection over every object the run
    # left (exit took 0.09 s, now 0.03 s, after an edit at 5,000 seeds); reference counting still frees them.
    gc.freeze()
    sys.exit(code)
