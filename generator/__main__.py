"""Command line: `python -m generator [--seeds DIR] [--content DIR] [--data DIR]`.

Exit status: 0 all seeds published, 1 some seed rejected (the rest still published),
2 usage or configuration error (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import Paths, Report, build
from .errors import ConfigError, ConfigErrors

EXIT_OK, EXIT_REJECTED, EXIT_CONFIG = 0, 1, 2


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
        f"{len(report.articles)} articles, {len(report.rejected)} rejected, "
        f"{len(report.warnings)} warnings; content: {changes}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = build(Paths(seeds=args.seeds, content=args.content, data=args.data, cache=args.cache))
    except ConfigErrors as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        print("interrupted: content/ left as it was before this run", file=sys.stderr)
        return 130
    for d in report.rejected:
        print(f"rejected: {d}", file=sys.stderr)
    for d in report.warnings:
        print(f"warning: {d}", file=sys.stderr)
    if not args.quiet:
        print(summary(report))
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
