"""The realistic query set (benchmarks/data/realistic): well-formed, and judged on documents that exist."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "realistic"
TYPES = {"quote", "quote-part", "quote-typo", "quote-nodiac", "question", "number", "title",
         "topic", "tone", "nodiac", "caps"}


@pytest.fixture(scope="module")
def queries() -> list[dict]:
    """The queries, in file order."""
    with open(SET / "queries.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def qrels() -> dict[str, dict[str, int]]:
    """query id -> corpus id -> grade."""
    lines = (SET / "qrels.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "query-id\tcorpus-id\tscore"
    judged: dict[str, dict[str, int]] = defaultdict(dict)
    for line in lines[1:]:
        query_id, corpus_id, score = line.split("\t")
        assert corpus_id not in judged[query_id], f"{query_id} judges {corpus_id} twice"
        judged[query_id][corpus_id] = int(score)
    return judged


def test_queries_are_well_formed(queries):
    ids = [q["_id"] for q in queries]
    assert len(ids) == len(set(ids)), "query ids repeat"
    assert len({q["text"] for q in queries}) == len(queries), "a query text repeats"
    assert len(queries) >= 200
    for q in queries:
        assert q["type"] in TYPES, q
        assert q["text"].strip() and q["note"].strip(), q
    per_type = Counter(q["type"] for q in queries)
    assert set(per_type) == TYPES
    assert min(per_type.values()) >= 10, per_type


def test_every_query_has_a_document_wanted_first(queries, qrels):
    ids = {q["_id"] for q in queries}
    assert set(qrels) <= ids, f"judgements for unknown queries: {sorted(set(qrels) - ids)}"
    for query_id in ids:
        grades = qrels.get(query_id, {})
        assert 2 in grades.values(), f"{query_id} has no grade-2 document"
        assert set(grades.values()) <= {1, 2}, query_id


@lru_cache(maxsize=None)
def _record_keys(path: Path) -> frozenset[str]:
    """Keys of the records in a .json/.jsonl file: their id (or _id), else their 1-based position."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        records = json.loads(text)
    return frozenset(str(r.get("id", r.get("_id", n))) if isinstance(r, dict) else str(n)
                     for n, r in enumerate(records, 1))


def test_every_judged_document_exists(shared_data, qrels):
    root = shared_data.parent
    missing = []
    for corpus_id in sorted({doc for grades in qrels.values() for doc in grades}):
        name, _, key = corpus_id.partition("#")
        path = root / name
        if not path.is_file() or (key and key not in _record_keys(path)):
            missing.append(corpus_id)
    assert not missing, f"judged documents not in {root}: {missing[:10]}"
