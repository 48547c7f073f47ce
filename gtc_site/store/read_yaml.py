"""Read one YAML file strictly, keeping the line of every value for error messages.

PyYAML follows YAML 1.1, which turns `yes` into true, `3:1` into 181 and 2024-03-18
into a date, and silently lets a repeated key overwrite the first one. For a fact store
edited by hand each of those hides a mistake, so this reader resolves plain values as
YAML 1.2 does (true/false, decimal numbers with exponents, everything else text) and
reports repeated keys, aliases, odd keys and invisible characters instead.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from gtc_site.store.errors import FactError

# Field paths are tuples of keys and list indexes: ("name", "zh") or (3, "related", 0).
FieldPath = tuple[str | int, ...]
# (path, line, problem, fix) found while reading; load_facts names the record and field.
Problem = tuple[FieldPath, int, str, str]

KEY_PROBLEM = "a key is a list or mapping"
ALIAS_TAG = "tag:gtc2024-explained,2024:alias"
# Deeper than any record needs; it also stops PyYAML's recursive composer early.
MAX_DEPTH = 20
# Characters no fact should contain: control characters, and line separators that
# PyYAML counts as line breaks while editors do not (they would shift every line number).
INVISIBLE_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class _StrictComposer(yaml.composer.Composer):
    """PyYAML's composer without aliases and with a nesting limit."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            # Stand-in for the aliased value: no shared or recursive structures, and _walk
            # reports it at its own place.
            event = self.get_event()
            return yaml.ScalarNode(ALIAS_TAG, "", event.start_mark, event.end_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, f"values are nested more than {MAX_DEPTH} deep", mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _StrictResolver(yaml.resolver.Resolver):
    """YAML 1.2 plain scalars: true/false, decimal numbers, everything else text."""


_StrictResolver.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag.rsplit(":", 1)[-1] not in ("bool", "int", "float", "timestamp")
    ]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Underscores group digits (1_550_000_000), as YAML 1.1 and Python allow.
_StrictResolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9][0-9_]*$"), list("-+0123456789"))
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


class _StrictConstructor(yaml.constructor.SafeConstructor):
    pass


_StrictConstructor.add_constructor(ALIAS_TAG, lambda _loader, _node: None)


class _StrictLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _StrictComposer, _StrictConstructor, _StrictResolver
):
    """PyYAML's own parser: slow, and the source of the error messages contributors see."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        _StrictResolver.__init__(self)


# libyaml parses several times faster; its events go through the same composer, resolver
# and constructor. When it finds the text invalid, _StrictLoader reads it again so that
# the message is PyYAML's (the one tests and documentation show).
if yaml.__with_libyaml__:
    import yaml.cyaml

    class _FastStrictLoader(_StrictComposer, yaml.cyaml.CParser, _StrictConstructor, _StrictResolver):
        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            _StrictComposer.__init__(self)
            _StrictConstructor.__init__(self)
            _StrictResolver.__init__(self)

else:
    _FastStrictLoader = _StrictLoader


def format_path(path: FieldPath) -> str:
    """('terms', 3, 'name', 'zh') -> 'terms[3].name.zh'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class YamlDocument:
    """The data of one YAML file, the line where each of its values starts, and what was odd."""

    def __init__(self, file: str, data: Any, lines: dict[FieldPath, int], problems: list[Problem]):
        self.file = file
        self.data = data
        self._lines = lines
        self.problems = problems

    def line_of(self, path: FieldPath) -> int:
        """Line of the value at path, or of its nearest parent that exists."""
        while path not in self._lines and path:
            path = path[:-1]
        return self._lines.get(path, 1)


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], problems: list[Problem]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if node.tag == ALIAS_TAG:
        problems.append(
            (
                path,
                node.start_mark.line + 1,
                "an alias (*name) repeats another value",
                "write the value out in full: fact files do not use anchors and aliases",
            )
        )
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append((path, line, KEY_PROBLEM, "write a plain field name before the colon"))
                continue
            key = key_node.value
            if key in seen:
                problems.append(
                    (
                        (*path, key),
                        line,
                        f"the key '{key}' is repeated (first on line {seen[key]})",
                        "keep one of the two; YAML would silently drop the first",
                    )
                )
            seen[key] = line
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, problems)


def _character_problem(text: str) -> FactError | None:
    match = INVISIBLE_CHARACTER.search(text)
    if match is None:
        return None
    return FactError(
        "",
        text.count("\n", 0, match.start()) + 1,
        "",
        f"the text contains an invisible character (U+{ord(match.group()):04X} "
        f"{unicodedata.name(match.group(), 'control character')})",
        "delete it: retype the text around it if you cannot see it",
    )


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[FactError]]:
    """Parse path; return the document, or None and the reasons it could not be read.

    Problems that do not stop the reading (repeated keys, aliases) are in the document's problems.
    """
    if not path.is_file():
        return None, [FactError(display_name, 0, "", "this is not a file", f"make {display_name} a YAML file")]
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
    invisible = _character_problem(text.replace("\r\n", "\n"))
    if invisible is not None:
        return None, [FactError(display_name, invisible.line, "", invisible.problem, invisible.fix)]
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            return None, [
                FactError(
                    display_name, number, "", "a tab is used for indentation", "indent with spaces only (two per level)"
                )
            ]
    try:
        return compose_document(_FastStrictLoader, text, display_name), []
    except yaml.MarkedYAMLError:
        pass
    try:
        return compose_document(_StrictLoader, text, display_name), []
    except yaml.MarkedYAMLError as err:
        # An unclosed quote is best shown where it opens, not at the end of the file.
        unclosed_quote = err.context == "while scanning a quoted scalar" and err.context_mark is not None
        mark = err.context_mark if unclosed_quote else (err.problem_mark or err.context_mark)
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


def compose_document(loader_class: type, text: str, display_name: str) -> YamlDocument:
    """The document of text, its lines and its problems; raises yaml.MarkedYAMLError."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(display_name, None, {}, [])
        lines: dict[FieldPath, int] = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems)
        # Only a list or mapping used as a key cannot be built into Python data.
        unbuildable = any(problem == KEY_PROBLEM for _, _, problem, _ in problems)
        data = None if unbuildable else loader.construct_document(node)
    finally:
        loader.dispose()
    return YamlDocument(display_name, data, lines, problems)
