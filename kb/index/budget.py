"""A time budget for one query: past its deadline the engine returns what it has, marked partial.

The steps of a search that can be cut short (adding terms to the ranking, proximity bonuses,
facets, the "did you mean", snippets) ask :meth:`Budget.cut` before they start; the first
one refused marks the budget ``exhausted`` and the response ``partial``. Steps that decide which
documents match at all (requirements, filters, exclusions) are never cut: a partial answer may
rank less well, never show a document that does not match.
"""

from __future__ import annotations

import time

#: The clock budgets read; tests replace it to make a budget run out at a chosen step.
clock = time.monotonic


class Budget:
    """A deadline ``seconds`` from now (None or <= 0: no deadline)."""

    def __init__(self, seconds: float | None):
        self.deadline = clock() + seconds if seconds and seconds > 0 else None
        #: True once some step was left out because the deadline had passed.
        self.exhausted = False

    @classmethod
    def from_config(cls, config) -> "Budget":
        """The budget the ``query_budget_ms`` setting gives one query."""
        return cls(float(config["query_budget_ms"]) / 1000.0)

    @property
    def expired(self) -> bool:
        """True when the deadline has passed (does not mark the budget exhausted)."""
        return self.deadline is not None and clock() >= self.deadline

    def cut(self) -> bool:
        """True when the step about to run must be left out (and remember that one was)."""
        if not self.exhausted and self.expired:
            self.exhausted = True
        return self.exhausted


def unlimited() -> Budget:
    """A budget that never runs out (scripts and evaluation that want every result)."""
    return Budget(None)
