"""Search the index: one long-lived reader, and a search from typed query to shaped results.

A search parses the query (kb.index.query), corrects a wrong tone mark (kb.index.tone_fix),
builds the Whoosh queries (kb.index.query_builder), ranks (kb.index.ranking) and shapes the
page: snippets, sections, facets and "did you mean" (kb.index.snippets, facets, spelling).
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb.config import Config
from kb.errors import DocumentNotFound, InvalidDocumentId
from kb.index import postings, store
from kb.index.budget import Budget
from kb.index.facets import compute_facets
from kb.index.query import parse_query
from kb.index.query_builder import WEIGHTS, QueryBuilder
from kb.index.ranking import Ranker
from kb.index.scoring import BM25
from kb.index.spelling import suggest_correction
from kb.index.tone_fix import correct_tones
from kb.index.snippets import highlight_for, section_at, snippet_at
from kb.ingest.document import file_name, is_document_id

__all__ = ["WEIGHTS", "SearchResult", "SearchResponse", "Searcher"]

log = logging.getLogger(__name__)


#: Below this many results a correction of unknown syllables is offered ("did you mean").
FEW_RESULTS = 3


@dataclass
class SearchResult:
    """One hit, in the shape of the JSON contract."""

    id: str
    path: str
    """Where the file was on the server: for the operator (the CLI), never shown to readers."""
    title: str
    kind: str | None
    date: str | None
    score: float
    snippet: str
    section: dict | None = None
    """{"anchor", "heading"} of the section the snippet comes from, or None."""

    @property
    def name(self) -> str:
        """The file's own name, which readers see instead of the path."""
        return file_name(self.path)

    def to_dict(self, paths: bool = False) -> dict:
        """The JSON object of this result; ``paths`` adds the server path (the CLI's --json)."""
        found = asdict(self)
        found["name"] = self.name
        if not paths:
            del found["path"]
        return found



@dataclass
class SearchResponse:
    """A page of results and what the engine did with the query."""

    query: str
    total: int
    results: list[SearchResult] = field(default_factory=list)
    page: int = 1
    page_size: int = 10
    relaxed: bool = False
    """True when not every word could be found and partial matches are shown."""
    facets: dict = field(default_factory=dict)
    """Counts of the matching documents by kind, issuer, year, unit, sectors (when asked)."""
    suggestion: str | None = None
    """A corrected query ("did you mean") when some word is in no document."""
    corrected: str | None = None
    """The query as searched when a tone mark was corrected (``query`` is what was typed)."""
    partial: bool = False
    """True when the time budget ran out: what was ranked by then is shown (see kb.index.budget)."""

    def to_dict(self, paths: bool = False) -> dict:
        """The JSON contract: {"query", "total", "results": [...]} plus paging facts.

        ``paths`` adds each result's path on the server (``kb search --json``; not the API).
        """
        return {"query": self.query, "total": self.total,
                "results": [r.to_dict(paths) for r in self.results],
                "page": self.page, "page_size": self.page_size, "relaxed": self.relaxed,
                "facets": self.facets, "suggestion": self.suggestion, "corrected": self.corrected,
                "partial": self.partial}

    @property
    def pages(self) -> int:
        """Number of pages."""
        return max(1, math.ceil(self.total / self.page_size)) if self.page_size else 1



class Searcher:
    """A long-lived reader of one index that sees new commits (``refresh`` per request)."""

    def __init__(self, config: Config):
        self.config = config
        self.index_dir = Path(config["index"])
        self._opened = self._meta_stamp()
        self.ix = store.open_index(self.index_dir)
        self._searcher = self.ix.searcher(weighting=BM25())
        postings.CACHE.max_bytes = int(config["postings_cache_mb"] * 1024 * 1024)
        #: Weights of the views; an ablation sets one to 0 to measure what it adds.
        self.weights = dict(WEIGHTS)
        #: Whether query stopwords are left out of scoring (phrases always keep them).
        self.use_stopwords = True
        #: (docnums, features, tiers) the reranker saw in the last search (kb.index.rerank).
        self.last_features = None

    def refresh(self) -> None:
        """Pick up what other processes committed since the last call.

        A rebuild (``kb ingest --rebuild``, or a schema change) restarts Whoosh's generation
        numbers, so Whoosh's own refresh can miss it; kb-index.json is rewritten by every
        rebuild, so a change of it reopens the index.
        """
        if not store.schema_is_current(self.index_dir) or self._meta_stamp() != self._opened:
            self.close()
            self.ix = store.open_index(self.index_dir)  # raises SchemaMismatchError
            self._searcher = self.ix.searcher(weighting=BM25())
            self._opened = self._meta_stamp()
        else:
            self._searcher = self._searcher.refresh()

    def _meta_stamp(self) -> tuple | None:
        try:
            st = os.stat(self.index_dir / store.META_FILE)
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    @property
    def state(self) -> tuple | None:
        """What identifies the contents now: folder, reader generation, documents, rebuild stamp."""
        try:
            generation = self._searcher.reader().generation()
        except AttributeError:
            return None
        return (str(self.index_dir.resolve()), generation, self.doc_count, self._meta_stamp())

    def close(self) -> None:
        """Release the index files."""
        self._searcher.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def reader(self):
        """The Whoosh reader of the current index state."""
        return self._searcher.reader()

    @property
    def doc_count(self) -> int:
        """Number of documents in the index."""
        return self._searcher.doc_count()

    def search(self, raw_query: str, limit: int | None = None, page: int = 1,
               sort: str = "relevance", snippets: bool = True,
               facets: bool = False, exact: bool = False,
               budget: Budget | None = None) -> SearchResponse:
        """Search for ``raw_query``; never raises on odd input. ``facets`` adds counts.

        A syllable whose tone mark fits its neighbours far worse than another spelling the
        index holds is searched as that spelling (``corrected`` says so), unless ``exact``.
        Past ``budget`` (by default ``query_budget_ms`` from now) the steps left are skipped and
        the response is marked ``partial``.
        """
        budget = budget if budget is not None else Budget.from_config(self.config)
        limit = max(1, min(int(limit or self.config["page_size"]), self.config["max_page_size"]))
        page = max(1, int(page or 1))
        response = SearchResponse(query=raw_query or "", total=0, page=page, page_size=limit)
        fixed = None if exact else correct_tones(self, (raw_query or "")[:self.config["max_query_chars"]])
        if fixed:
            response.corrected = fixed
        parsed = parse_query(fixed or raw_query, self.config["max_query_chars"])
        if parsed.empty:
            return response
        builder = QueryBuilder(self.weights, self.use_stopwords)
        ranker = Ranker(self._searcher, self.weights)
        built = builder.build(parsed, relaxed=False)
        hits = ranker.run(built, parsed, page, limit, sort, budget)
        if hits is not None and hits.total == 0 and built.required is not None \
                and not budget.cut():
            built = builder.build(parsed, relaxed=True)
            hits = ranker.run(built, parsed, page, limit, sort, budget)
            response.relaxed = True
        response.partial = budget.exhausted
        self.last_features = ranker.last_features
        if hits is None:
            return response
        response.total = hits.total
        if facets and not budget.cut():
            response.facets = compute_facets(self._searcher.reader(), hits.matched)
        if (hits.total < FEW_RESULTS or response.relaxed) and not budget.cut():
            response.suggestion = suggest_correction(self._searcher, raw_query, parsed,
                                                     self.state, budget)
        highlight = highlight_for(parsed, *built.highlight)
        width = self.config["snippet_chars"]
        for docnum, score in hits:
            stored = self._searcher.stored_fields(docnum)
            snippet, span = snippet_at(stored.get("text", ""), highlight, width) \
                if snippets and not budget.cut() else ("", None)
            sections = (stored.get("meta") or {}).get("sections")
            response.results.append(SearchResult(
                id=stored["id"], path=stored["path"], title=stored.get("title") or "",
                kind=stored.get("kind") or None, date=stored.get("date") or None,
                score=round(float(score), 4), snippet=snippet,
                section=section_at(sections, span[0]) if span else None,
            ))
        response.partial = budget.exhausted
        return response

    def document(self, doc_id: str) -> dict:
        """Stored fields of the document with this id (an id is never read as a path)."""
        if not is_document_id(doc_id):
            raise InvalidDocumentId(doc_id or "")
        found = self._searcher.document(id=doc_id)
        if found is None:
            raise DocumentNotFound(doc_id)
        return dict(found)

    def document_at(self, path: str) -> dict:
        """Stored fields of the document ingested from the file at ``path`` (`kb show PATH`)."""
        try:
            resolved = str(Path(path).resolve())
        except (OSError, ValueError, RuntimeError) as exc:  # NUL bytes, symlink loops
            raise DocumentNotFound(path) from exc
        found = self._searcher.document(path=resolved)
        if found is None:
            raise DocumentNotFound(path)
        return dict(found)

    def all_documents(self):
        """Stored fields of every document."""
        return self._searcher.all_stored_fields()
