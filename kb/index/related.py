"""Documents similar to a given one, for the "related documents" list of the document page.

The content fields are not vectored (term vectors would grow the index for one page), so the
query is built from the document's own text: the opening ``SAMPLE_CHARS`` characters are
analysed again, the most distinctive segmented words by tf-idf are kept and OR-ed, and BM25
ranks the other documents against them.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from whoosh import query as Q

from kb.index.analyzers import cached_analyze
from kb.index.engine import Engine, top
from kb.ingest.document import file_name

#: How much of the text is read to pick the words (the opening says what a document is about).
SAMPLE_CHARS = 3000
#: How many distinctive words make the query.
QUERY_TERMS = 20


def distinctive_words(reader, text: str, count: int = QUERY_TERMS) -> list[tuple[str, float]]:
    """The ``count`` segmented words of ``text`` with the highest tf-idf in the index."""
    analysis = cached_analyze(text[:SAMPLE_CHARS])
    total = max(1, reader.doc_count())
    scored = []
    for word, tf in Counter(analysis.words).items():
        if not any(ch.isalpha() for ch in word):
            continue  # numbers and dates say nothing about the subject
        df = reader.doc_frequency("words", word)
        if df <= 1:
            continue  # found only here (or a typo): matches nothing else
        scored.append((word, (1 + math.log(tf)) * math.log(total / df)))
    scored.sort(key=lambda item: -item[1])
    return [item for item in scored[:count] if item[1] > 0]


def related_documents(searcher, doc_id: str, text: str, limit: int = 5) -> list[dict]:
    """Up to ``limit`` other documents most similar to the document ``doc_id``."""
    # Private access: Searcher keeps its Whoosh searcher to itself and has no similarity query.
    whoosh_searcher = searcher._searcher
    words = distinctive_words(whoosh_searcher.reader(), text)
    if not words:
        return []
    own = whoosh_searcher.document_number(id=doc_id)
    # BM25F over the words' whole posting lists (kb.index.engine): Whoosh's matchers walk
    # them a posting at a time, a tenth of the server's time under load.
    engine = Engine(whoosh_searcher)
    scores, hit = engine.scores([Q.Term("words", w, boost=weight) for w, weight in words])
    hit &= engine.live()
    if own is not None:
        hit[own] = False
    out = []
    for docnum, _ in top(scores, np.flatnonzero(hit), limit):
        stored = whoosh_searcher.stored_fields(docnum)
        out.append({"id": stored["id"], "title": stored.get("title") or file_name(stored.get("path")),
                    "kind": stored.get("kind") or None, "date": stored.get("date") or None})
    return out
