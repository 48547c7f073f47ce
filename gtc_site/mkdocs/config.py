"""The plugin's settings in mkdocs.yml (`plugins: - gtc-site: …`); paths are relative to mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GtcSiteConfig(base.Config):
    # The fact store; tests and benchmarks point a build at another with GTC_FACTS_DIR.
    facts_dir = c.Type(str, default="facts")
    # The reviewed Taiwan phrase table of the Traditional edition, and its known wrong outputs.
    phrase_table = c.Type(str, default="facts/translation/zh-Hant.yml")
    never_list = c.Type(str, default="facts/translation/zh-Hant-never.yml")
