"""Every search is bounded: a time budget, and hostile queries that cost what a short one costs.

Given the session index of the bundled corpus, when the budget of a query runs out (the budget's
clock is replaced, so the test does not depend on the machine's speed), then the results ranked
by then are returned, marked partial in the JSON and with a Vietnamese note on the page. When a
query repeats a syllable or a phrase hundreds of times, then it is read as the short query it
repeats and finds what that query finds.
"""

from __future__ import annotations

import itertools

import pytest

from kb.index import budget as budget_module
from kb.index.budget import Budget


@pytest.fixture
def out_of_time(monkeypatch):
    """A clock that stands still while a budget is set, then jumps an hour per reading."""
    ticks = itertools.count()
    monkeypatch.setattr(budget_module, "clock", lambda: 3600.0 * next(ticks))


def test_a_budget_without_deadline_never_runs_out():
    budget = Budget(None)
    assert not budget.expired and not budget.cut() and not budget.exhausted


def test_a_query_out_of_time_returns_what_it_ranked_marked_partial(searcher, out_of_time):
    full = searcher.search("chỉ thị 05", budget=Budget(None))
    late = searcher.search("chỉ thị 05", budget=Budget(2.0))
    assert late.partial and not full.partial
    # What must match still matches: the same documents, ranked by fewer terms, no extras.
    assert late.total == full.total > 0
    assert {r.id for r in late.results} <= {r.id for r in searcher.search(
        "chỉ thị 05", limit=100, budget=Budget(None)).results}
    assert late.to_dict()["partial"] is True and full.to_dict()["partial"] is False


def test_a_query_within_its_budget_is_not_partial(searcher):
    response = searcher.search("phụng công thủ pháp")
    assert not response.partial and response.total >= 1


@pytest.fixture
def budgeted_client(corpus_index):
    """The web app over the corpus index with the default budget (tests run without one)."""
    from kb.web import create_app

    app = create_app({"index": corpus_index["index"], "TESTING": True, "query_budget_ms": 2000})
    yield app.test_client()
    app.extensions["kb_searchers"].close_all()


def test_partial_results_are_said_in_json_and_on_the_page(budgeted_client, out_of_time):
    body = budgeted_client.get("/api/search?q=ch%E1%BB%89%20th%E1%BB%8B%2005").get_json()
    assert body["partial"] is True and body["total"] >= 1
    page = budgeted_client.get("/?q=chỉ thị 05").get_data(as_text=True)
    assert "dừng lại vì quá thời gian cho phép" in page


def test_a_budget_of_zero_is_no_limit(out_of_time):
    assert Budget(0).deadline is None and not Budget(0).cut()


@pytest.mark.parametrize("repeated, short", [
    ("ă " * 500, "ă"),
    ("ǎ" * 3 + " " + "ǎ " * 300, "ăăă ă"),  # ǎ (a with caron) from old sites is read as ă
    ("chỉ thị " * 300, "chỉ thị"),
    ("Chỉ thị 05 chỉ thị 05 " * 40, "Chỉ thị 05"),
    ("NQ TW4 khóa XII " * 60, "NQ TW4 khóa XII"),
])
def test_a_query_repeated_back_to_back_finds_what_it_repeats(searcher, repeated, short):
    long_one, short_one = searcher.search(repeated, limit=20), searcher.search(short, limit=20)
    assert [r.id for r in long_one.results] == [r.id for r in short_one.results]
    assert long_one.total == short_one.total


def test_a_word_longer_than_any_syllable_is_not_measured_against_the_index(searcher, monkeypatch):
    from kb.index import spelling

    def refuse(*_):
        raise AssertionError("a 1,000-letter word cannot be one edit from a syllable")

    monkeypatch.setattr(spelling, "_vocabulary", refuse)
    monkeypatch.setattr(spelling.process, "extract", refuse)
    response = searcher.search("ă" * 1000)
    assert response.total == 0 and response.suggestion is None
