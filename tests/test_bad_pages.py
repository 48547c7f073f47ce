"""Bad pages, references and settings a contributor might write: each is reported as
path:line: what is wrong — what to do, all in one run, and nothing is published."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gtc_site.tools import build_site as build_site_module
from gtc_site.tools.build_site import build_site


@pytest.fixture(autouse=True)
def english_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page checks run before any language is built: one language is enough."""
    monkeypatch.setenv("GTC_ONLY_LANGUAGE", "en")


def write(project: Path, path: str, text: str) -> None:
    target = project / "docs" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def failed_build(project: Path, capfd: pytest.CaptureFixture[str]) -> list[str]:
    """The error lines of a build that must fail and leave no site behind."""
    assert build_site(project / "site", project / "mkdocs.yml") != 0
    assert not (project / "site").exists()
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]
    err = capfd.readouterr().err
    assert "Traceback" not in err
    return [line.strip() for line in err.splitlines() if line.strip().startswith(("docs/", "mkdocs.yml", "facts/"))]


PAGE = "---\ndescription: A page that is fine in every way but one.\n---\n\n# Title\n\nText.\n"


def test_every_page_problem_is_reported_at_once(project: Path, capfd) -> None:
    write(project, "en/lonely.md", PAGE)  # no zh twin
    write(project, "zh/only-chinese.md", PAGE)  # no en twin
    write(project, "en/unclosed.md", "---\ndescription: never closed\n\n# Title\n")
    write(project, "zh/unclosed.md", PAGE)
    write(project, "en/bad-yaml.md", "---\ndescription: one: two\n---\n\n# Title\n")
    write(project, "zh/bad-yaml.md", PAGE)
    write(project, "en/wrong-type.md", "---\ndescription: [a, list]\n---\n\n# Title\n")
    write(project, "zh/wrong-type.md", PAGE)
    write(project, "en/placement.md", PAGE + "\n## About [[term:nim]]\n\nSee [the [[term:nim]] chapter](index.md).\n")
    write(project, "zh/placement.md", PAGE)
    write(project, "en/glossary/hand-made.md", PAGE)
    assert failed_build(project, capfd) == [
        "docs/en/bad-yaml.md:2: the front matter is not valid YAML (mapping values are not allowed here) "
        '— put text with a colon in quotes: description: "…"',
        "docs/en/glossary/hand-made.md:1: a file at a path the build generates — delete it: this page is "
        "generated from facts/ at every build (make pages shows it in generated/)",
        "docs/en/lonely.md:1: this page has no Simplified Chinese twin — add docs/zh/lonely.md "
        "(every page is written in both languages, at the same path)",
        "docs/en/placement.md:9: a reference in a heading: About [[term:nim]] — name the record in plain text "
        "in the heading, and cite it in the text below",
        "docs/en/placement.md:11: a reference inside a link's text: the [[term:nim]] chapter — write "
        "[[kind:id|your words]] instead of a link around it, or move it out of the link",
        "docs/en/unclosed.md:1: the front matter is never closed — end it with a line of three dashes (---)",
        "docs/en/wrong-type.md:2: description: expected text but found ['a', 'list'] — write description as text",
        "docs/zh/only-chinese.md:1: this page has no English twin — add docs/en/only-chinese.md "
        "(every page is written in both languages, at the same path)",
    ]


def test_bad_references_on_several_pages_are_reported_in_one_run(project: Path, capfd) -> None:
    for lang in ("en", "zh"):
        write(project, f"{lang}/first.md", PAGE + "\nAn unclosed [[term:nim and a typo [[term:nimm]].\n")
        write(project, f"{lang}/second.md", PAGE + "\nNested [[term:[[term:nim]]]].\n")
    lines = failed_build(project, capfd)
    assert lines[0] == "docs/en/first.md:9: unknown term id 'nimm' in [[term:nimm]]: did you mean 'nim'?"
    assert lines[1].startswith("docs/en/first.md:9: '[[term:nim and a typo [[term:n' is an unclosed or nested")
    assert lines[2].startswith("docs/en/second.md:9: '[[term:[[term:nim]]]].' is an unclosed or nested reference")
    assert {line.split(":", 1)[0] for line in lines} == {
        "docs/en/first.md",
        "docs/en/second.md",
        "docs/zh/first.md",
        "docs/zh/second.md",
    }


def test_a_repeated_key_in_mkdocs_yml_is_an_error_not_a_silent_replacement(project: Path, capfd) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_name: Another name\n", encoding="utf-8")
    lines = failed_build(project, capfd)
    assert lines == [
        f"mkdocs.yml:{len(config.read_text().splitlines())}: site_name: the key 'site_name' is given twice "
        "(first on line 2) — keep one of them"
    ]


def test_a_yaml_error_in_mkdocs_yml_names_its_line(project: Path, capfd) -> None:
    config = project / "mkdocs.yml"
    config.write_text("site_name: [unclosed\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    lines = failed_build(project, capfd)
    # The flow list opened on line 1 is found unclosed where the next key begins.
    assert len(lines) == 1 and lines[0].startswith("mkdocs.yml:3: this is not valid YAML")


def test_stale_staging_is_removed_and_an_interrupted_build_leaves_nothing(
    project: Path, capfd, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    stale = project / ".site.building-crashed"
    stale.mkdir()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_site_module.subprocess, "run", interrupted)
    assert build_site(site, project / "mkdocs.yml") == 130
    assert not stale.exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"
    assert capfd.readouterr().err.strip() == f"Build interrupted: {site} was left as it was."


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("unshare") is None, reason="needs a non-root write check")
def test_an_unwritable_site_folder_is_one_clear_line(tmp_path: Path, capfd) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir()
    site = parent / "sub" / "site"
    # A file where the site's parent folder should be: mkdir fails as it would on a read-only disk.
    (parent / "sub").write_text("not a folder", encoding="utf-8")
    assert build_site(site) == 1
    err = capfd.readouterr().err
    assert "Traceback" not in err and err.startswith(f"Cannot build into {site}:")
    assert subprocess.run(["ls", str(parent)], capture_output=True, text=True).stdout.split() == ["sub"]
