"""Reading query-string parameters forgivingly: odd values are clamped, never an error."""

from __future__ import annotations

import re

#: Pages beyond this are never useful and would make Whoosh collect huge result lists.
MAX_PAGE = 1000
SORTS = ("relevance", "newest", "oldest")
#: The date inputs of the search form: query filters (from:/to:) kept out of the text box.
DATE_PARAMS = ("from", "to")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# NUL and other control characters cannot be typed on purpose; tabs and newlines become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw: str | None, max_chars: int) -> str:
    """The query text without control characters, cut to ``max_chars``."""
    return _CONTROL.sub(" ", raw or "")[:max_chars].strip()


def clamp_int(raw: str | None, default: int, low: int, high: int) -> int:
    """``raw`` as an int within [low, high]; ``default`` when it is not a number."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        try:
            value = int(float(str(raw).strip()))  # "2.0"
        except (TypeError, ValueError, OverflowError):
            return default
    return max(low, min(value, high))


def search_args(args, config) -> dict:
    """Keyword arguments for ``Searcher.search`` from a request's query string."""
    sort = args.get("sort", "relevance")
    return {
        "raw_query": clean_query(args.get("q"), config["max_query_chars"]),
        "limit": clamp_int(args.get("limit"), config["page_size"], 1, config["max_page_size"]),
        "page": clamp_int(args.get("page"), 1, 1, MAX_PAGE),
        "sort": sort if sort in SORTS else "relevance",
        "exact": args.get("exact", "") in ("1", "true", "on"),
    }


def form_dates(args) -> dict:
    """The search form's ``from``/``to`` dates that are ISO dates (others are ignored)."""
    return {name: args[name].strip() for name in DATE_PARAMS
            if _ISO_DATE.fullmatch((args.get(name) or "").strip())}


def with_dates(raw_query: str, dates: dict) -> str:
    """The query with the form's dates as filters, put first: the query is cut at
    max_query_chars, the dates must not be."""
    if not raw_query or not dates:
        return raw_query
    return " ".join([f"{k}:{v}" for k, v in dates.items()] + [raw_query])
