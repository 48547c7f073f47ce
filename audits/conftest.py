"""The audits use the test suite's fixtures: one strict build, served like GitHub Pages."""

from tests.conftest import browser, served_site  # noqa: F401
