"""Errors in the fact store, reported as file:line: field: problem — fix."""

from __future__ import annotations

from dataclasses import dataclass

# Values are quoted in messages, but never at length: one line per problem.
LONGEST_QUOTED = 60


def shorten(text: str, limit: int = LONGEST_QUOTED) -> str:
    """text, or its start and end around '…' when it is longer than limit."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


@dataclass(frozen=True)
class FactError:
    """One problem in one place of one fact file."""

    file: str
    line: int
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.problem} — {self.fix}"


class FactStoreError(Exception):
    """Raised with every problem found, so a contributor can fix them in one pass."""

    def __init__(self, errors: list[FactError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.field))
        count = len(self.errors)
        heading = f"The fact store has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(f"  {e}" for e in self.errors)]))
