"""The generator's errors. Each carries the file it is about; the CLI prints one line each."""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(message: object) -> str:
    """A diagnostic on one line whatever a file name holds: control characters and bytes that
    are not UTF-8 (kept by Python as surrogates) shown escaped."""
    text = str(message).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], text)


class GeneratorError(Exception):
    """Base class: something the user has to fix, reported as `path[:line]: reason`."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        super().__init__(path, reason, line)
        self.path = path
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


class SeedError(GeneratorError):
    """A seed that cannot be published (empty, not text, undecodable, duplicate)."""


class ConfigError(GeneratorError):
    """A data or curation file that is wrong: the run stops before writing anything."""


class ConfigErrors(Exception):
    """Several configuration errors found in one pass, reported together."""

    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__(errors)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
