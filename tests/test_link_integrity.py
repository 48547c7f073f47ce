"""Every internal link and anchor of the built site resolves, and every page can be reached."""

from __future__ import annotations

from pathlib import Path

from gtc_site.tools.check_links import check_links, main


def test_the_built_site_has_no_broken_link_anchor_or_orphan(site: Path) -> None:
    assert check_links(site) == []


def page(site: Path, path: str, body: str, canonical: str = "") -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    target.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")


def test_the_checker_reports_each_kind_of_problem(tmp_path: Path, capsys) -> None:
    page(
        tmp_path,
        "index.html",
        '<a href="a/">A</a> <a href="a/#top">top</a> <a href="a/#gone">gone</a> '
        '<a href="missing/">missing</a> <a href="https://example.org/x">ok</a> <a href="https://">no host</a>'
        '<img src="img/x.png">',
        canonical="https://site.test/docs/",
    )
    page(tmp_path, "a/index.html", '<h1 id="top">A</h1><a href="../">home</a>')
    page(tmp_path, "orphan/index.html", "nobody links here")
    page(tmp_path, "404.html", "not found pages need no link")
    assert check_links(tmp_path) == [
        "index.html: a/#gone — a/index.html has no anchor #gone",
        "index.html: missing/ leads to missing/index.html, which does not exist",
        "index.html: https:// has no host",
        "index.html: img/x.png leads to img/x.png, which does not exist",
        "orphan/index.html: no link leads to this page",
    ]
    assert main([str(tmp_path)]) == 1
    assert "5 link problem(s)" in capsys.readouterr().out
