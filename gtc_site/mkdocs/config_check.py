"""mkdocs.yml read strictly: MkDocs' own loader lets a repeated key silently replace the
first (a second site_name wins), and words a syntax error without its line."""

from __future__ import annotations

from pathlib import Path

import yaml

from gtc_site.store.errors import FactError


class _DuplicateKeyLoader(yaml.SafeLoader):
    """Records every key given twice in one mapping; takes MkDocs' tags (!ENV, !relative) as plain values."""

    repeated: list[tuple[str, int, int]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        first: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            line = key_node.start_mark.line + 1
            if key in first:
                self.repeated.append((str(key), line, first[key]))
            else:
                first[key] = line
        return super().construct_mapping(node, deep)


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_DuplicateKeyLoader.add_multi_constructor("!", _any_tag)
_DuplicateKeyLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def config_problems(path: Path) -> list[FactError]:
    display = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return [FactError(display, 1, "", f"cannot be read ({err})", "save it as UTF-8 text")]
    loader = _DuplicateKeyLoader(text)
    loader.repeated = []
    try:
        loader.get_single_data()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = getattr(err, "problem", None) or str(err).split("\n", 1)[0]
        return [
            FactError(
                display,
                mark.line + 1 if mark else 1,
                "",
                f"this is not valid YAML ({reason})",
                "check indentation, colons and quotes on this line and the one above",
            )
        ]
    finally:
        loader.dispose()
    return [
        FactError(display, line, key, f"the key '{key}' is given twice (first on line {first})", "keep one of them")
        for key, line, first in loader.repeated
    ]
