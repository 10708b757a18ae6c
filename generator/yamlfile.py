"""Reading YAML data files with line numbers for every key, and validating their shape."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

KeyPath = tuple[object, ...]


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document with the line (1-based) of each key and list item."""

    path: str
    data: Any
    lines: Mapping[KeyPath, int]

    def line(self, *keys: object) -> int | None:
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return 1

    def error(self, reason: str, *keys: object) -> ConfigError:
        return ConfigError(self.path, reason, self.line(*keys))


def _record_lines(node: yaml.Node, prefix: KeyPath, out: dict[KeyPath, int], path: str) -> None:
    """Record each key's line; a key given twice is an error (YAML would keep the last silently)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is not None and (*prefix, key) in out:
                raise ConfigError(path, f"duplicate key {key!r} (first on line {out[(*prefix, key)]})", line)
            out[(*prefix, key)] = line
            _record_lines(value_node, (*prefix, key), out, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*prefix, i)] = item.start_mark.line + 1
            _record_lines(item, (*prefix, i), out, path)


class _Dates:
    """Leaves plain dates as text (`date: 2024-02-30` is then our error with a line); explicit
    `!!timestamp` values that are not dates or cannot exist are YAML errors."""

    timestamp_regexp = yaml.SafeLoader.timestamp_regexp

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        if not self.timestamp_regexp.match(node.value):  # PyYAML would fail with AttributeError
            raise yaml.constructor.ConstructorError(None, None, f"not a date: {node.value!r}", node.start_mark)
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible date {node.value!r} ({exc})", node.start_mark
            ) from None


class _Loader(_Dates, yaml.SafeLoader):
    """PyYAML's own safe loader, in Python: the reference, and the wording of every error."""


class _FastLoader(_Dates, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same over libyaml's parser, which PyYAML's wheels hold: eight times faster, and
    curations are many. It words errors differently (a text it rejects is read again by
    `_Loader` for the message), and of the texts `_Loader` rejects it accepts a few, such as
    `|#` (tests/test_properties.py)."""


# Texts holding one of these go to `_Loader` alone: libyaml reads tabs, a BOM inside the text,
# NEL and the line and paragraph separators otherwise than PyYAML does, and can keep other data.
_PYYAML_ONLY = re.compile("[\t\x85\u2028\u2029\ufeff]")


_IMPLICIT = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (_Loader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _loader.construct_yaml_timestamp)
    _loader.yaml_implicit_resolvers = _IMPLICIT


YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)  # what parsing a text can raise


def yaml_error(path: str, exc: BaseException, text: str | None = None) -> ConfigError:
    """One of YAML_ERRORS as a ConfigError naming the file and, where the parser knows it, the line."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML forbids: `text` gives its line
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or b"\0")
        line = text.count("\n", 0, exc.position) + 1 if text is not None else None
        return ConfigError(path, f"not text: character U+{char:04X} is not allowed in YAML", line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return ConfigError(path, f"invalid YAML: {exc.problem or exc.context}", mark.line + 1 if mark else None)
    if isinstance(exc, RecursionError):
        return ConfigError(path, "invalid YAML: nested too deeply")
    return ConfigError(path, f"invalid YAML: {exc}")


def _load(loader_class: type[_Loader | _FastLoader], text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node (its lines) and its data, parsed once; safe loaders: no Python objects."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """`_load` by libyaml where it reads as PyYAML does; one of YAML_ERRORS worded by PyYAML."""
    if not _PYYAML_ONLY.search(text):
        try:
            return _load(_FastLoader, text)
        except YAML_ERRORS:
            pass  # parsed again below, for PyYAML's message
    return _load(_Loader, text)


def parse_yaml(text: str, path: str) -> YamlDoc:
    """Parse YAML safely; a syntax error becomes a ConfigError with its line."""
    try:
        node, data = _parse(text)
    except YAML_ERRORS as exc:
        raise yaml_error(path, exc, text) from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _record_lines(node, (), lines, path)
    return YamlDoc(path, data, lines)


def read_yaml_text(path: Path, shown: str) -> str:
    """A YAML file's text (UTF-8, BOM optional); a file that cannot be read is a ConfigError."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown, f"cannot read: {exc}") from None


def load_yaml(path: Path, display: str | None = None) -> YamlDoc:
    shown = display or str(path)
    return parse_yaml(read_yaml_text(path, shown), shown)


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping", bool: "true/false"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def check_fields(
    doc: YamlDoc,
    value: object,
    fields: Mapping[str, type | tuple[type, ...]],
    where: KeyPath,
    required: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Check a mapping: known keys only, each of its type, required ones present."""
    if not isinstance(value, dict):
        raise doc.error(f"expected a mapping, got {type(value).__name__}", *where)
    for key, item in value.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise doc.error(f"unknown key {key!r} (known keys: {known})", *where, key)
        expected = fields[key]
        if isinstance(item, bool) and expected is not bool and bool not in _as_tuple(expected):
            raise doc.error(f"{key!r} must be {_type_name(expected)}, got {item!r}", *where, key)
        if not isinstance(item, expected):
            raise doc.error(f"{key!r} must be {_type_name(expected)}, got {type(item).__name__}", *where, key)
    for key in required:
        if key not in value:
            raise doc.error(f"missing required key {key!r}", *where)
    return value


def check_str_list(doc: YamlDoc, value: object, where: KeyPath) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise doc.error(f"{where[-1]!r} must be a list of non-empty texts", *where)
    return [str(x) for x in value]


def _as_tuple(t: type | tuple[type, ...]) -> tuple[type, ...]:
    return t if isinstance(t, tuple) else (t,)
