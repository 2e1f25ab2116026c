"""Facets: how the documents matching a query divide by kind, issuer, year, unit and sector.

Counts are read from the sortable columns (one array lookup per matched document) rather than
from stored fields, which would unpickle every matched document. Sectors are a multi-valued
keyword field without a column, so they are counted from their few posting lists instead.

The same module resolves the ``issuer:``, ``unit:`` and ``sector:`` filters: the value typed is
compared accent-insensitively with the distinct values of the field (a few hundred at most).
"""

from __future__ import annotations

import re
from collections import Counter

from whoosh import query as Q

from kb.analysis.fold import fold

#: Facet name → index field, in the order they are shown.
COLUMN_FACETS = {"kind": "kind", "issuer": "issuer", "year": "year", "unit": "unit"}
#: The query filter that narrows to one value of each facet.
FACET_FILTERS = {"kind": "kind", "issuer": "issuer", "year": "year", "unit": "unit",
                 "sectors": "sector"}
#: At most this many values per facet (the most frequent).
MAX_VALUES = 12


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value or "")


def compute_facets(reader, matched, max_values: int = MAX_VALUES) -> dict[str, list[dict]]:
    """{"kind": [{"value", "count"}, ...], ...} over the document numbers in ``matched``."""
    facets: dict[str, list[dict]] = {}
    if not matched:
        return facets
    for name, fieldname in COLUMN_FACETS.items():
        if not reader.has_column(fieldname):
            continue
        column = reader.column_reader(fieldname, translate=False)
        counts = Counter(_text(column[docnum]) for docnum in matched)
        counts.pop("", None)
        if counts:
            facets[name] = _ranked(counts, max_values, numeric=name == "year")
    sectors = Counter()
    for term in reader.lexicon("sectors"):
        n = len(matched.intersection(reader.postings("sectors", term).all_ids()))
        if n:
            sectors[_text(term)] = n
    if sectors:
        facets["sectors"] = _ranked(sectors, max_values, numeric=False)
    return facets


def _ranked(counts: Counter, max_values: int, numeric: bool) -> list[dict]:
    if numeric:  # years read best newest first
        items = sorted(counts.items(), reverse=True)[:max_values]
    else:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_values]
    return [{"value": value, "count": count} for value, count in items]


def _key(text: str) -> str:
    """Accent- and case-insensitive form of a field value or of a typed filter value."""
    return " ".join(re.split(r"[\s_\-]+", fold(text).strip()))


def value_filter(reader, fieldname: str, typed: str):
    """A query for the values of ``fieldname`` matching ``typed`` (folded): equal, else containing.

    "issuer:uy-ban-nhan-dan" or "issuer:Ủy ban nhân dân" picks "Ủy ban nhân dân"; a value no
    document has exactly picks every value containing it ("issuer:lê lợi" → both issuers of Lê
    Lợi ward). Returns NullQuery when nothing matches, so the search finds nothing.
    """
    wanted = _key(typed.strip('"'))
    if not wanted:
        return Q.NullQuery
    values = [_text(v) for v in reader.lexicon(fieldname)]
    keys = {v: _key(v) for v in values if v}
    exact = [v for v, k in keys.items() if k == wanted]
    chosen = exact or [v for v, k in keys.items() if f" {wanted} " in f" {k} "]
    if not chosen:
        return Q.NullQuery
    terms = [Q.Term(fieldname, v) for v in chosen]
    return terms[0] if len(terms) == 1 else Q.Or(terms)


def filter_value(value: str) -> str:
    """``value`` as it is written after ``issuer:`` in a query (quoted when it has spaces)."""
    return f'"{value}"' if re.search(r"\s", value) else value
