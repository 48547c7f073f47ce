"""Read one YAML file strictly, keeping the line of every value for error messages.

PyYAML silently lets a repeated key overwrite the first one, turns 2024-03-18 into a
date object and accepts a byte-order mark; for a fact store edited by hand each of
those hides a mistake, so this reader refuses them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scripts.fact_errors import FactError

# Field paths are tuples of keys and list indexes: ("name", "zh") or (3, "related", 0).
FieldPath = tuple[str | int, ...]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings (the schema checks their form)."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_path(path: FieldPath) -> str:
    """('terms', 3, 'name', 'zh') -> 'terms[3].name.zh'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class YamlDocument:
    """The data of one YAML file and the line where each of its values starts."""

    def __init__(self, file: str, data: Any, lines: dict[FieldPath, int], repeated_keys: list[tuple[FieldPath, int]]):
        self.file = file
        self.data = data
        self._lines = lines
        # (path of the repeated key, line of its first use): PyYAML would keep only the last.
        self.repeated_keys = repeated_keys

    def line_of(self, path: FieldPath) -> int:
        """Line of the value at path, or of its nearest parent that exists."""
        while path not in self._lines and path:
            path = path[:-1]
        return self._lines.get(path, 1)


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], repeated: list[tuple[FieldPath, int]]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                repeated.append(((*path, key), seen[key]))
            seen[key] = line
            _walk(value_node, (*path, key), lines, repeated)
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, repeated)


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[FactError]]:
    """Parse path; return the document, or None and the reasons it could not be read.

    Repeated keys do not stop the reading: they are listed in the document's repeated_keys.
    """
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            FactError(display_name, 1, "", "the file starts with a byte-order mark", "save it as UTF-8 without BOM")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            FactError(
                display_name, line, "", f"byte 0x{raw[err.start]:02x} is not valid UTF-8", "save the file as UTF-8"
            )
        ]
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            return None, [
                FactError(
                    display_name, number, "", "a tab is used for indentation", "indent with spaces only (two per level)"
                )
            ]
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(display_name, None, {}, []), []
        lines: dict[FieldPath, int] = {}
        repeated: list[tuple[FieldPath, int]] = []
        _walk(node, (), lines, repeated)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [err.context, err.problem]))
        return None, [
            FactError(
                display_name,
                line,
                "",
                f"this is not valid YAML ({problem})",
                "check indentation, colons and quotes on this line and the one above",
            )
        ]
    finally:
        loader.dispose()
    return YamlDocument(display_name, data, lines, repeated), []
