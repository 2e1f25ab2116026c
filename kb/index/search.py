"""Search the index: turn a parsed query into Whoosh queries, run them, shape the results.

Ranking is BM25F over several views of the same text: segmented words, syllables with their
diacritics, folded syllables and syllable pairs, plus the title. A query typed with diacritics
scores exact-diacritic matches above folded ones; a query typed without any is matched on the
folded view. Short queries require every content syllable; when that finds nothing the
requirement is relaxed. Long queries (questions, pasted sentences) are scored over all their
terms, exactly (no pruning), and the leading texts are scaled by the share of the query's
three-syllable runs they hold as typed.
"""

from __future__ import annotations

import logging
import math
import os
import re
from functools import lru_cache
from difflib import SequenceMatcher
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from whoosh import query as Q

from kb.analysis.docnum import canonical_docnum, find_docnums, find_loose_docnums, swapped_docnum
from kb.analysis.fold import fold, has_diacritics
from kb.config import Config
from kb.errors import DocumentNotFound, InvalidDocumentId
from kb.index import postings, store
from kb.index.analyzers import cached_analyze
from kb.index.budget import Budget
from kb.index.engine import Engine, top
from kb.index.facets import compute_facets, value_filter
from kb.index.scoring import BM25
from kb.index.query import Clause, ParsedQuery, parse_query
from kb.index.spelling import suggest_correction
from kb.index.tone_fix import correct_tones
from kb.index.snippets import highlight_for, section_at, snippet_at
from kb.ingest.describe import kind_key
from kb.ingest.document import file_name, is_document_id
from kb.understand.vocabulary import expand_query_terms

log = logging.getLogger(__name__)

#: Weights of the views of the text (fitted on the dev folds of benchmarks/relevance.py's sets).
WEIGHTS = {"syl": 1.0, "fold": 0.1, "fold_only": 1.0, "words": 0.3, "pairs": 1.0,
           "title": 0.5, "number": 12.0, "cites": 2.0, "phrase": 1.5, "window": 0.25,
           "title_phrase": 0.0, "kind": 1.0}
#: Queries with more content syllables than this are ranked without requiring all of them.
SHORT_QUERY_SYLLABLES = 6
#: How many leading candidates get proximity (phrase) scores added.
PROXIMITY_DEPTH = 50
#: Score of a phrase found in a document (before its boost and saturation).
PHRASE_WEIGHT = 16.0
#: Added to the score of a document whose own number a short query names (it ranks first).
OWN_NUMBER_TIER = 1000.0
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

    # -- searching -------------------------------------------------------------------------

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
        built = self._build(parsed, relaxed=False)
        hits = self._run(built, parsed, page, limit, sort, budget)
        if hits is not None and hits.total == 0 and built.required is not None \
                and not budget.cut():
            built = self._build(parsed, relaxed=True)
            hits = self._run(built, parsed, page, limit, sort, budget)
            response.relaxed = True
        response.partial = budget.exhausted
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

    def _run(self, built, parsed: ParsedQuery, page: int, limit: int, sort: str,
             budget: Budget | None = None):
        # Requirements, filters and exclusions are evaluated as arrays of document numbers and
        # ranking is term-at-a-time over whole posting lists (kb.index.engine): Whoosh's
        # matchers walk postings one at a time in Python, and whoosh-reloaded 2.7.5 miscounts
        # Require (8 of 28 hits) and trips an assertion in AndNot under block-quality skipping.
        searcher = self._searcher
        engine = Engine(searcher)
        q = built.query
        if q is None:
            q = Q.Every()
            sort = "newest" if sort == "relevance" else sort
        allow = [x for x in (built.required, self._filters(parsed)) if x is not None]
        allowed = engine.docs(Q.And(allow) if len(allow) > 1 else allow[0]) if allow else None
        masked = engine.docs(Q.Or([
            self._clause_match(c, folded_mode=not has_diacritics(c.text)) for c in parsed.excluded
        ])) if parsed.excluded else None
        if masked is not None and allowed is not None:
            allowed = np.setdiff1d(allowed, masked, assume_unique=True)
        if allowed is not None and not len(allowed):
            return _Hits(0, _DocSet(allowed), [])
        if isinstance(q, Q.Every):
            candidates = allowed if allowed is not None else engine.docs(q)
            scores = np.zeros(engine.doc_count)
        else:
            scores, hit = engine.scores(list(_leaves(q)), q.boost if isinstance(q, Q.Or) else 1.0,
                                        budget)
            if allowed is not None and built.required is not None:
                candidates = allowed  # every requirement holds: all of them count
            else:
                hit &= engine.live()
                if allowed is not None:
                    keep = np.zeros(engine.doc_count, dtype=bool)
                    keep[allowed] = True
                    hit &= keep
                if masked is not None:
                    hit[masked] = False
                candidates = np.flatnonzero(hit)
        if built.own_numbers and not isinstance(q, Q.Every):
            # A lookup by number ("CT05", "05/CT-TW", "chỉ thị 05") wants the document itself
            # first, whatever the phrase evidence of the texts that talk about it.
            own = engine.docs(Q.Or(built.own_numbers))
            scores[own] += OWN_NUMBER_TIER
        if built.kinds and not isinstance(q, Q.Every):
            # "Luật Việc làm", "Điều lệ Đảng": the document of that kind before the articles
            # about it, whose titles often say the same words.
            scores[engine.docs(Q.Or([Q.Term("kind_key", k) for k in built.kinds]))] *= \
                1.0 + self.weights["kind"]
        total, matched = len(candidates), _DocSet(candidates)
        if sort in ("newest", "oldest"):
            return _Hits(total, matched, _by_date(searcher, candidates, sort, page, limit))
        depth = max(page * limit, PROXIMITY_DEPTH)
        ranked = top(scores, candidates, depth)
        if not ranked or (page - 1) * limit >= total:
            return _Hits(total, matched, [])
        # Two phases: rank by terms, then add proximity (phrase) scores to the leading
        # candidates only: phrase matching on every matched document dominated short queries.
        if built.proximity:
            leading = np.array(sorted(d for d, _ in ranked), dtype=np.int64)
            bonus = dict.fromkeys(leading.tolist(), 0.0)
            for phrase in built.proximity:
                if budget is not None and budget.cut():
                    break  # out of time: the ranking by terms stands
                found = engine.phrase_counts(phrase.fieldname, phrase.words, leading)
                for docnum, f in zip(leading.tolist(), found.tolist()):
                    if f:
                        # A phrase found f times adds boost × PHRASE_WEIGHT × f / (f + 1):
                        # proximity lifts a document without letting repetition dominate.
                        bonus[docnum] += phrase.boost * PHRASE_WEIGHT * f / (f + 1.0)
            ranked = sorted(((d, s + bonus[d]) for d, s in ranked), key=lambda x: (-x[1], x[0]))
        if built.windows and self.weights["window"] > 0:
            ranked = self._by_windows(engine, built.windows, ranked)
        return _Hits(total, matched, ranked[(page - 1) * limit:page * limit])

    def _by_windows(self, engine: Engine, windows: list, ranked: list) -> list:
        """Scale the leading scores by the share of the query's three-syllable runs each text
        holds as typed: a pasted quotation, or a question worded like its answer, beats the same
        words scattered."""
        leading = np.array(sorted(d for d, _ in ranked), dtype=np.int64)
        found = np.zeros(len(leading))
        for fieldname, words in windows:
            found += engine.phrase_counts(fieldname, words, leading) > 0
        share = dict(zip(leading.tolist(), (found / len(windows)).tolist()))
        w = self.weights["window"]
        return sorted(((d, s * (1.0 + w * share[d])) for d, s in ranked),
                      key=lambda x: (-x[1], x[0]))

    def _filters(self, parsed: ParsedQuery):
        parts = []
        for name, value in parsed.filters.items():
            if name == "kind_key":
                parts.append(Q.Term("kind_key", kind_key(value)))
            elif name == "year":
                parts.append(Q.Term("year", value.strip()[:4]))
            elif name == "number":
                parts.append(Q.Term("number", canonical_docnum(value)))
            elif name == "term":
                parts.append(Q.Term("term", _term_value(value)))
            elif name in ("issuer", "unit", "sectors"):
                parts.append(value_filter(self._searcher.reader(), name, value))
            elif name in ("date_from", "date_to"):
                bound = _date_bound(value, upper=name == "date_to")
                if bound:
                    parts.append(Q.TermRange("date", bound if name == "date_from" else None,
                                             bound if name == "date_to" else None))
        return Q.And(parts) if parts else None

    # -- query building --------------------------------------------------------------------

    def _build(self, parsed: ParsedQuery, relaxed: bool) -> "_Built":
        folded_mode = not has_diacritics(parsed.positive_text())
        scoring, required, proximity, exact, folded = [], [], [], set(), set()
        windows: list[tuple[str, list[str]]] = []
        # Question words ("gì", "như thế nào") do not make a query long: "Bác Hồ dạy gì về y
        # đức" is as short as "Bác Hồ dạy về y đức".
        long_query = sum(len(a.syllables) - len(a.asked) for a in
                         (cached_analyze(c.text, query=True) for c in parsed.clauses)) \
            > SHORT_QUERY_SYLLABLES
        for clause in parsed.clauses:
            group = [clause] + clause.alternatives + _expansions(clause)
            group_scoring, group_required = [], []
            for c in group:
                analysis = cached_analyze(c.text, query=True)
                content = [s for p, s in analysis.syllables
                           if p not in analysis.stopped or not self.use_stopwords] \
                    or [s for _, s in analysis.syllables]
                if folded_mode:
                    folded.update(fold(s) for s in content)
                else:
                    exact.update(content)
                group_scoring.append(self._clause_scoring(c, analysis, content, folded_mode,
                                                          relaxed or long_query))
                proximity += self._clause_proximity(c, analysis, folded_mode)
                if long_query and c is clause:
                    windows += _windows(analysis, folded_mode)
                match = self._clause_match(c, folded_mode, analysis, content)
                if c.required_phrases:
                    match = Q.And([match] + [self._clause_match(Clause(x, phrase=True), folded_mode)
                                             for x in c.required_phrases])
                group_required.append(match)
            group_scoring = [q for q in group_scoring if q is not None]
            scoring.extend(group_scoring if len(group) == 1 else [Q.Or(group_scoring)])
            required.append(group_required[0] if len(group) == 1 else Q.Or(group_required))
        scoring_q = Q.Or([q for q in scoring if q is not None]) if scoring else None
        need = None
        phrase_clauses = any(c.phrase for c in parsed.clauses)
        if required and (not relaxed) and (not long_query or phrase_clauses):
            need = Q.And(required) if len(required) > 1 else required[0]
        own = [t for t in _leaves(scoring_q) if isinstance(t, Q.Term) and t.fieldname == "number"] \
            if scoring_q is not None and not long_query and not relaxed else []
        kinds = _opening_kind(parsed.clauses[0].text) if parsed.clauses and self.weights["kind"] \
            else []
        return _Built(scoring_q, need, (exact, folded), proximity, own, windows, kinds)

    def _clause_scoring(self, clause: Clause, analysis, content, folded_mode: bool,
                        with_fold: bool = True):
        w = self.weights
        terms = []
        for s in dict.fromkeys(content):
            if "/" in s or ("-" in s and s in analysis.docnums):
                # The document itself first (its own number), then the documents citing it.
                terms += [Q.Term("number", s, boost=w["number"]), Q.Term("syl", s, boost=w["syl"]),
                          Q.Term("cites", s, boost=w["cites"])]
                continue
            if folded_mode:
                terms += [Q.Term("fold", fold(s), boost=w["fold_only"]),
                          Q.Term("title_fold", fold(s), boost=w["title"])]
            else:
                terms += [Q.Term("syl", s, boost=w["syl"]), Q.Term("title", s, boost=w["title"])]
                # The folded fallback only matters when exact spellings are not required; the
                # folded postings are the longest lists, so leaving them out halves short queries.
                if with_fold and has_diacritics(s):
                    terms.append(Q.Term("fold", fold(s), boost=w["fold"]))
        terms += [Q.Term("number", key, boost=w["number"]) for key in _kind_serials(clause.text)]
        if not folded_mode:
            terms += [Q.Term("pairs", p, boost=w["pairs"]) for p in dict.fromkeys(analysis.pairs)]
            terms += [Q.Term("words", x, boost=w["words"]) for x in dict.fromkeys(analysis.words)
                      if "_" in x]
        terms = [t for t in terms if t.boost > 0]
        return Q.Or(terms) if terms else None

    def _clause_proximity(self, clause: Clause, analysis, folded_mode: bool) -> list:
        """Phrase queries that reward the words next to each other as typed (in the text, and
        in the title), one per run of words between question words."""
        w = self.weights
        syllables = [(p, s) for p, s in analysis.syllables if p not in analysis.asked]
        if len(syllables) < 2 or (len(syllables) > SHORT_QUERY_SYLLABLES and not clause.phrase):
            return []
        field_name = "fold" if folded_mode else "syl"
        found = []
        for run in _runs(syllables):
            words = [fold(s) for s in run] if folded_mode else run
            if len(words) < 2:
                continue
            found.append(Q.Phrase(field_name, words, boost=w["phrase"]))
            if not folded_mode:
                found.append(Q.Phrase("title", words, boost=w["title_phrase"]))
            if folded_mode and not clause.phrase:
                # No folded pairs field: adjacent folded syllables stand in for it.
                found += [Q.Phrase("fold", words[i:i + 2], boost=w["pairs"])
                          for i in range(len(words) - 1)]
        return [q for q in found if q.boost > 0]

    def _clause_match(self, clause: Clause, folded_mode: bool, analysis=None, content=None):
        """A query that a document must match to satisfy ``clause``."""
        if analysis is None:
            analysis = cached_analyze(clause.text, query=True)
            content = [s for p, s in analysis.syllables if p not in analysis.stopped] \
                or [s for _, s in analysis.syllables]
        syllables = [s for _, s in analysis.syllables]
        if clause.phrase and len(syllables) > 1:
            if folded_mode:
                return Q.Phrase("fold", [fold(s) for s in syllables])
            return Q.Phrase("syl", syllables)
        parts = []
        for s in dict.fromkeys(content):
            if s in analysis.docnums:
                parts.append(Q.Or([Q.Term("syl", s), Q.Term("number", s), Q.Term("cites", s)]))
            elif folded_mode:
                parts.append(Q.Term("fold", fold(s)))
            else:
                parts.append(Q.Term("syl", s))
        return Q.And(parts) if len(parts) > 1 else (parts[0] if parts else Q.NullQuery)

    # -- documents -------------------------------------------------------------------------

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


@dataclass
class _Hits:
    total: int
    matched: set
    hits: list[tuple[int, float]]

    def __iter__(self):
        return iter(self.hits)


@dataclass
class _Built:
    query: object
    required: object
    highlight: tuple[set, set]
    proximity: list = field(default_factory=list)
    own_numbers: list = field(default_factory=list)
    """Number terms of a short lookup: documents bearing one as their own number come first."""
    windows: list = field(default_factory=list)
    """(field, three syllables) of a long query, in order: how much of it a text holds as typed."""
    kinds: list = field(default_factory=list)
    """Kind keys the query opens with ("Luật Việc làm", "ĐIỀU LỆ ĐẢNG"): that kind is wanted."""


@lru_cache(maxsize=1)
def _kind_names() -> str:
    """A regex alternation of every kind's folded name, longest first ("bo luat" before "luat")."""
    from kb.understand.kinds import KINDS

    names = sorted({fold(k) for k in KINDS.values()}, key=len, reverse=True)
    return "|".join(map(re.escape, names))


@lru_cache(maxsize=1)
def _kind_opening_pattern():
    return re.compile(r"^\W*(" + _kind_names() + r")\s+\w")


@lru_cache(maxsize=1)
def _kind_serial_pattern():
    return re.compile(r"\b(" + _kind_names() + r")\s+(?:so\s+)?0*(\d{1,5})\b")


def _opening_kind(text: str) -> list[str]:
    """["luat"] for "Luật Việc làm 2025", ["dieule"] for "ĐIỀU LỆ ĐẢNG …": the kind of document
    a query opens with, when a word follows it (a kind alone is a filter, not a title)."""
    m = _kind_opening_pattern().match(fold(text).lower())
    return [kind_key(m.group(1))] if m else []


def _kind_serials(text: str) -> list[str]:
    """"Chỉ thị 05", "chi thi so 5" → ["chithi:5"]: a kind followed by its serial number."""
    return [f"{kind_key(m.group(1))}:{m.group(2)}"
            for m in _kind_serial_pattern().finditer(fold(text))]


def _expansions(clause: Clause) -> list[Clause]:
    """Other phrasings of ``clause`` from the vocabulary of Party writing, as OR alternatives.

    "khóa XII" also finds "khóa 12", "NQ TW4" "Nghị quyết Trung ương 4", "BCT" "Bộ Chính trị".
    Each phrasing requires its syllables, and the words it brings in as a phrase ("Bộ Chính
    trị", "khóa 12"), so that "BCT" does not match every text with "bộ" and "chính trị".
    """
    words = clause.text.split()
    found = []
    for text in expand_query_terms(clause.text)[1:] + _swapped_numbers(clause.text):
        other = text.split()
        phrases = []
        for tag, j1, j2 in _changes(words, other):
            if tag in ("replace", "insert"):
                # A lone new word ("12" of "khóa 12") is tied to the word before it.
                start = j1 - 1 if j2 - j1 == 1 and j1 > 0 else j1
                phrases.append(" ".join(other[start:j2]))
        found.append(Clause(text, phrase=clause.phrase,
                            required_phrases=[p for p in phrases if len(p.split()) > 1]))
    return found


def _runs(syllables: list[tuple[int, str]]) -> list[list[str]]:
    """The syllables split where positions jump (punctuation, a question word left out)."""
    runs: list[list[str]] = []
    last = None
    for p, s in syllables:
        if last is None or p != last + 1:
            runs.append([])
        runs[-1].append(s)
        last = p
    return runs


def _windows(analysis, folded_mode: bool) -> list[tuple[str, list[str]]]:
    """Every run of three adjacent syllables of a clause (not across punctuation), distinct."""
    field_name = "fold" if folded_mode else "syl"
    syllables = [(p, fold(s) if folded_mode else s) for p, s in analysis.syllables]
    runs = []
    for i in range(len(syllables) - 2):
        (p0, a), (p1, b), (p2, c) = syllables[i:i + 3]
        if p1 == p0 + 1 and p2 == p1 + 1 and (a, b, c) not in runs:
            runs.append((a, b, c))
    return [(field_name, list(r)) for r in runs]


def _swapped_numbers(text: str) -> list[str]:
    """``text`` with each document number also in the other numbering style (05/CT-TW → 05-CT/TW)."""
    spans, taken = [], set()
    for start, end, token in find_docnums(text) + find_loose_docnums(text):
        if not taken & set(range(start, end)):
            spans.append((start, end, token))
            taken.update(range(start, end))
    out = text
    for start, end, token in sorted(spans, reverse=True):
        other = swapped_docnum(token)
        if other:
            out = out[:start] + other + out[end:]
    return [out] if out != text else []
#: Expansions differing from the typed words over more words than this get no required phrases.
MAX_DIFF_WORDS = 64


def _changes(words: list[str], other: list[str]) -> list[tuple[str, int, int]]:
    """(tag, start, end) in ``other`` of what differs from ``words`` (difflib's opcodes).

    The common start and end are set aside first: an expansion changes a few words, and
    SequenceMatcher's time grows with the square of what it is given when words repeat (a
    long query of repeated abbreviations took a second). What still differs over more than
    MAX_DIFF_WORDS words belongs to a long query, whose requirements are not used.
    """
    head = 0
    while head < min(len(words), len(other)) and words[head] == other[head]:
        head += 1
    tail = 0
    while tail < min(len(words), len(other)) - head and words[-1 - tail] == other[-1 - tail]:
        tail += 1
    a, b = words[head:len(words) - tail], other[head:len(other) - tail]
    if max(len(a), len(b)) > MAX_DIFF_WORDS:
        return []
    return [(tag, head + j1, head + j2) for tag, _, _, j1, j2
            in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()]


def _term_value(value: str) -> str:
    """A Party term as stored: "12", "XII", "khóa XII" → "XII"."""
    from kb.understand.vocabulary import to_roman

    value = value.strip().upper().split()[-1] if value.strip() else ""
    return to_roman(int(value)) if value.isdigit() and 0 < int(value) < 40 else value


def _by_date(searcher, docnums: np.ndarray, sort: str, page: int, limit: int):
    """One page of ``docnums`` ordered by date (newest or oldest first; undated last)."""
    column = searcher.reader().column_reader("date", translate=True) \
        if searcher.reader().has_column("date") else None
    dated = [(column[d] if column is not None else "", d) for d in docnums.tolist()]
    present = sorted((x for x in dated if x[0]), key=lambda x: (x[0], -x[1]),
                     reverse=sort == "newest")
    ordered = present + [x for x in dated if not x[0]]
    return [(d, 0.0) for _, d in ordered[(page - 1) * limit:page * limit]]


class _DocSet:
    """The matched documents: an array, seen as a set only if someone asks (facets do)."""

    def __init__(self, docnums: np.ndarray):
        self.array = docnums
        self._set = None

    def _load(self) -> set[int]:
        if self._set is None:
            self._set = set(self.array.tolist())
        return self._set

    def __iter__(self):
        return iter(self.array.tolist())

    def __len__(self):
        return len(self.array)

    def __contains__(self, docnum):
        return docnum in self._load()

    def intersection(self, other):
        return self._load().intersection(other)


def _leaves(q):
    if isinstance(q, (Q.Term, Q.Phrase)):
        yield q
    elif hasattr(q, "subqueries"):
        for sub in q.subqueries:
            yield from _leaves(sub)


def _date_bound(value: str, upper: bool) -> str | None:
    """'2016' → '2016-01-01' (or '2016-12-31' as an upper bound); '15/5/2016' → '2016-05-15'."""
    value = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})", value)
        if not m:
            return None
        d, mo, y = m.group(1), m.group(2), m.group(3)
    mo = int(mo) if mo else (12 if upper else 1)
    d = int(d) if d else (31 if upper else 1)
    return f"{int(y):04d}-{mo:02d}-{d:02d}"
