"""Run a built query: candidates, term scores, the document's own number and kind, proximity.

Requirements, filters and exclusions are evaluated as arrays of document numbers and ranking is
term-at-a-time over whole posting lists (kb.index.engine). The leading candidates then get
phrase (proximity) scores and are scaled by the share of a long query's three-syllable runs
they hold as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from whoosh import query as Q

from kb.analysis.analyzer import canonical_token
from kb.analysis.docnum import canonical_docnum
from kb.analysis.fold import fold
from kb.index import rerank
from kb.index.budget import Budget
from kb.index.engine import Engine, top
from kb.index.facets import value_filter
from kb.index.query import ParsedQuery
from kb.index.query_builder import LOOKUP_SYLLABLES, BuiltQuery, leaves
from kb.ingest.describe import kind_key

#: How many leading candidates get proximity (phrase) scores added.
PROXIMITY_DEPTH = 50

#: How many leading candidates are rescaled by what their titles say (each reads its stored
#: fields).
TITLE_DEPTH = 20

#: Score of a phrase found in a document (before its boost and saturation).
PHRASE_WEIGHT = 16.0

#: Added to the score of a document whose own number a short query names (it ranks first).
OWN_NUMBER_TIER = 1000.0


@dataclass
class Hits:
    """How many documents matched, which ones, and the page of (docnum, score) asked for."""

    total: int
    matched: set
    hits: list[tuple[int, float]]

    def __iter__(self):
        return iter(self.hits)


class Ranker:
    """Ranks documents of one Whoosh searcher for a built query."""

    def __init__(self, searcher, weights: dict):
        self._searcher = searcher
        self.weights = weights
        #: (docnums, features, tiers) of the last reranking, for the fitting script.
        self.last_features = None

    def run(self, built: BuiltQuery, parsed: ParsedQuery, page: int, limit: int, sort: str,
            budget: Budget | None = None) -> Hits:
        """The page ``page`` of ``built``'s ranking (or of dates, for ``sort`` newest/oldest)."""
        # Requirements, filters and exclusions are evaluated as arrays of document numbers and
        # ranking is term-at-a-time over whole posting lists (kb.index.engine): Whoosh's
        # matchers walk postings one at a time in Python, and whoosh-reloaded 2.7.5 miscounts
        # Require (8 of 28 hits) and trips an assertion in AndNot under block-quality skipping.
        searcher = self._searcher
        engine = Engine(searcher, saturation(self.weights))
        q = built.query
        if q is None:
            q = Q.Every()
            sort = "newest" if sort == "relevance" else sort
        allow = [x for x in (built.required, self._filters(parsed)) if x is not None]
        allowed = engine.docs(Q.And(allow) if len(allow) > 1 else allow[0]) if allow else None
        masked = engine.docs(built.excluded) if built.excluded is not None else None
        if masked is not None and allowed is not None:
            allowed = np.setdiff1d(allowed, masked, assume_unique=True)
        if allowed is not None and not len(allowed):
            return Hits(0, _DocSet(allowed), [])
        if isinstance(q, Q.Every):
            candidates = allowed if allowed is not None else engine.docs(q)
            scores = np.zeros(engine.doc_count)
        else:
            scores, hit = engine.scores(list(leaves(q)), q.boost if isinstance(q, Q.Or) else 1.0,
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
        own = kind_docs = None
        if built.own_numbers and not isinstance(q, Q.Every):
            # A lookup by number ("CT05", "05/CT-TW", "chỉ thị 05") wants the document itself
            # first, whatever the phrase evidence of the texts that talk about it.
            own = engine.docs(Q.Or(built.own_numbers))
            if not built.long:
                scores[own] += OWN_NUMBER_TIER
            else:
                # "HD 37 ban tuyên giáo và dân vận": a number inside a longer query names the
                # document it is about; the words around it still rank the rest.
                scores[own] *= 1.0 + self.weights["own_long"]
                if not built.asks and built.syllables <= LOOKUP_SYLLABLES:
                    # A lookup by number and subject ("kế hoạch 47 KH BCĐ sắp xếp sáp nhập
                    # tỉnh xã") is about that document: the texts that write the number rank
                    # above those that only share the words around it. A question citing a
                    # number ("theo nghị định 100/2019/NĐ-CP mức phạt là bao nhiêu") asks of a
                    # provision, whose answer need not quote it, and a petition citing one
                    # asks of what it says.
                    mentions = engine.docs(Q.Or([Q.Term(f, t.text) for t in built.own_numbers
                                                 for f in ("syl", "cites")]))
                    scores[mentions] *= 1.0 + self.weights.get("cites_long", 0.0)
        if built.kinds and not isinstance(q, Q.Every):
            # "Luật Việc làm", "Điều lệ Đảng": the document of that kind before the articles
            # about it, whose titles often say the same words.
            kind_docs = engine.docs(Q.Or([Q.Term("kind_key", k) for k in built.kinds]))
            scores[kind_docs] *= 1.0 + self.weights["kind"]
        total, matched = len(candidates), _DocSet(candidates)
        if sort in ("newest", "oldest"):
            return Hits(total, matched, _by_date(searcher, candidates, sort, page, limit))
        depth = max(page * limit, PROXIMITY_DEPTH)
        ranked = top(scores, candidates, depth)
        if not ranked or (page - 1) * limit >= total:
            return Hits(total, matched, [])
        # Two phases: rank by terms, then add proximity (phrase) scores to the leading
        # candidates only: phrase matching on every matched document dominated short queries.
        bonus = dict.fromkeys((d for d, _ in ranked), 0.0)
        if built.proximity:
            leading = np.array(sorted(d for d, _ in ranked), dtype=np.int64)
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
        share = dict.fromkeys(bonus, 0.0)
        if built.windows and self.weights["window"] > 0:
            ranked, share = self._by_windows(engine, built.windows, ranked)
        if not isinstance(q, Q.Every) and (self.weights["title_cover"] > 0
                                           or self.weights["title_only"] != 1.0):
            ranked = self._by_title(engine, built, ranked)
        if self.weights.get("rerank", 0) > 0 and not (budget is not None and budget.cut()):
            ranked = self._reranked(engine, built, ranked, bonus, share, own, kind_docs)
        return Hits(total, matched, ranked[(page - 1) * limit:page * limit])

    def _reranked(self, engine: Engine, built: BuiltQuery, ranked: list, bonus: dict,
                  share: dict, own, kind_docs) -> list:
        """The leading candidates reordered by the learned model (kb.index.rerank), within
        their tiers; ``last_features`` keeps what it saw (benchmarks/fit_reranker.py reads it)."""
        head = ranked[:rerank.RERANK_DEPTH]
        docnums = np.array([d for d, _ in head], dtype=np.int64)
        # Only a short lookup puts its own number's document in a tier of its own (kb adds
        # OWN_NUMBER_TIER to it); in a long query the number only scales the score, and the
        # words around it still rank ("báo cáo kết quả thực hiện chỉ thị 05" wants the report).
        own_tier = set(own.tolist()) if own is not None and not built.long else set()
        tiers = rerank.tiers_of(head, own_tier,
                                set(kind_docs.tolist()) if kind_docs is not None else set())
        model = rerank.load_model()
        X = rerank.features(engine, built, docnums, np.array([s for _, s in head]), tiers,
                            np.array([bonus.get(d, 0.0) for d in docnums.tolist()]),
                            np.array([share.get(d, 0.0) for d in docnums.tolist()]),
                            model.needed if model is not None else None)
        self.last_features = (docnums, X, tiers)
        if model is None:
            return ranked
        return rerank.reorder(head, model(X, tiers), tiers) + ranked[rerank.RERANK_DEPTH:]

    def _by_windows(self, engine: Engine, windows: list, ranked: list) -> tuple[list, dict]:
        """Scale the leading scores by the share of the query's three-syllable runs each text
        holds as typed: a pasted quotation, or a question worded like its answer, beats the same
        words scattered. Returns the new order and each document's share."""
        leading = np.array(sorted(d for d, _ in ranked), dtype=np.int64)
        held = np.array([engine.phrase_counts(fieldname, words, leading) > 0
                         for fieldname, words in windows])
        found = held.sum(axis=0)
        # The longest streak of the query's runs a text holds one after another: the whole
        # quotation as typed against its three-syllable pieces found here and there.
        streak = _longest_streak(held) / len(windows)
        share = dict(zip(leading.tolist(), (found / len(windows)).tolist()))
        run = dict(zip(leading.tolist(), streak.tolist()))
        w, wr = self.weights["window"], self.weights["window_run"]
        return sorted(((d, s * (1.0 + w * share[d]) * (1.0 + wr * run[d])) for d, s in ranked),
                      key=lambda x: (-x[1], x[0])), share

    def _by_title(self, engine: Engine, built: BuiltQuery, ranked: list) -> list:
        """Rescale the leading scores by what each title says of the query.

        The share of a title's idf mass that the query holds lifts its page (× 1 + title_cover
        × share): a query that names a page's whole subject ("Uỷ ban Kiểm tra Trung ương")
        wants that page before those whose longer titles merely contain its words (a query
        naming a document number is ranked by the number, not by the wording of titles). A page
        whose text says nothing beyond its title (a crawl that kept only the headline, an
        empty article) holds nothing to read and is scaled by title_only, unless a lookup
        names its own number."""
        fieldname = "title_fold" if built.folded else "title"
        asked = {leaf.text for leaf in leaves(built.query)
                 if isinstance(leaf, Q.Term) and leaf.fieldname == fieldname}
        searcher = engine.searcher
        cover_weight, bare_weight = self.weights["title_cover"], self.weights["title_only"]
        idf_of: dict[str, float] = {}
        rescored = list(ranked[TITLE_DEPTH:])
        for d, s in ranked[:TITLE_DEPTH]:
            stored = searcher.stored_fields(d)
            title = stored.get("title") or ""
            factor = 1.0
            if asked and cover_weight > 0 and not built.own_numbers:
                tokens = _syllables(title, built.folded)
                for t in tokens - idf_of.keys():
                    idf_of[t] = searcher.idf(fieldname, t)
                mass = sum(idf_of[t] for t in tokens)
                if mass > 0:
                    factor += cover_weight * sum(idf_of[t] for t in tokens & asked) / mass
            tier = OWN_NUMBER_TIER if s >= OWN_NUMBER_TIER else 0.0  # own numbers stay first
            if not tier and _says_only(stored.get("text") or "", title):
                factor *= bare_weight
            rescored.append((d, tier + (s - tier) * factor))
        return sorted(rescored, key=lambda x: (-x[1], x[0]))

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


#: The views of the text whose BM25 saturation (k1) and length normalisation (b) are query-time
#: weights: "k1"/"b" for all of them, "k1_<view>"/"b_<view>" for one (the folded views follow
#: their exact ones).
SATURATED_VIEWS = {"syl": "syl", "fold": "syl", "words": "words", "pairs": "pairs",
                   "title": "title", "title_fold": "title"}


def saturation(weights: dict) -> dict[str, tuple[float, float]]:
    """{field: (k1, b)} of the text views from ``weights`` (kb.index.engine.Engine reads it)."""
    k1, b = weights.get("k1"), weights.get("b")
    if k1 is None or b is None:
        return {}
    return {f: (float(weights.get(f"k1_{v}", k1)), float(weights.get(f"b_{v}", b)))
            for f, v in SATURATED_VIEWS.items()}


def _syllables(text: str, folded: bool) -> set[str]:
    """The syllables of a short text as the index spells them (the analyzer's spelling without
    its word segmentation, which a title does not need here), folded when ``folded``."""
    found = {canonical_token(t) for t in _WORD.findall(text)}
    return {fold(t) for t in found} if folded else found


def _says_only(text: str, title: str) -> bool:
    """True when ``text`` holds no word its ``title`` does not (an empty text included)."""
    if len(text) > 2 * len(title) + 40:
        return False
    return _syllables(text, False) <= _syllables(title, False)


_WORD = re.compile(r"\w+")


def _longest_streak(held: np.ndarray) -> np.ndarray:
    """Per column of a (runs × documents) boolean array, the longest run of True rows."""
    best = np.zeros(held.shape[1])
    current = np.zeros(held.shape[1])
    for row in held:
        current = np.where(row, current + 1, 0)
        best = np.maximum(best, current)
    return best


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

