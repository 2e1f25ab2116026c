"""Turn a parsed query into the Whoosh queries kb ranks with.

Ranking is BM25F over several views of the same text: segmented words, syllables with their
diacritics, folded syllables and syllable pairs, plus the title. A query typed with diacritics
scores exact-diacritic matches above folded ones; a query typed without any is matched on the
folded view. Short queries require every content syllable (relaxed when that finds nothing);
long queries (questions, pasted sentences) are scored over all their terms and carry their
three-syllable runs, whose share in a text scales its score (kb.index.ranking).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from whoosh import query as Q

from kb.analysis.docnum import (find_docnums, find_loose_docnums, find_loose_term_docnums,
                                 swapped_docnum)
from kb.analysis.fold import fold, has_diacritics
from kb.index.analyzers import cached_analyze
from kb.index.query import Clause, ParsedQuery
from kb.ingest.describe import kind_key
from kb.understand.dates import iso_date
from kb.understand.vocabulary import expand_query_terms

#: Weights of the views of the text (fitted on the dev folds of benchmarks/relevance.py's sets).
WEIGHTS = {"syl": 1.0, "fold": 0.1, "fold_only": 1.0, "words": 0.3, "pairs": 1.0,
           "title": 0.5, "number": 12.0, "cites": 2.0, "phrase": 1.5, "window": 0.25,
           "title_phrase": 0.0, "kind": 1.0, "qtf": 1.0, "rerank": 1.0,
           "own_long": 1.0, "cites_long": 1.0, "date_optional": 1, "window_run": 0.25, "fold_pairs_long": 0.15,
           "title_cover": 0.5, "title_only": 0.5, "k1": 1.2, "b": 0.75, "term_number": 1,
           "tone_context": 1, "tone_prior": 4.0,
           "tone_words": 1, "tone_long_rare": 1}

#: Queries with more content syllables than this are ranked without requiring all of them.
SHORT_QUERY_SYLLABLES = 6
#: A lookup by number and subject ("kế hoạch 47 KH BCĐ sắp xếp sáp nhập tỉnh xã") is about as
#: long as a title; a longer text citing a number (a petition, a pasted paragraph) is not one.
LOOKUP_SYLLABLES = 16



@dataclass
class BuiltQuery:
    """A query ready to run: what scores, what is required, and what re-ranks the leaders."""

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
    excluded: object = None
    """What a document must not match ("-word" clauses), or None."""
    folded: bool = False
    """True when the query has no diacritics and is matched on the folded view."""
    long: bool = False
    """A long query (question, pasted sentence): a number it names lifts its document by a
    factor instead of putting it first."""
    asks: bool = False
    """The query has question words ("gì", "bao nhiêu", "như thế nào")."""
    syllables: int = 0
    """How many syllables the query has, question words left out."""


def query_tf(count: int, k3: float) -> float:
    """BM25's query-term weight (k3 + 1)·qtf / (k3 + qtf): a word a long question repeats
    ("… tạm trú … tạm trú …") says what it is about; ``k3`` = 0 counts every term once."""
    return count * (k3 + 1.0) / (count + k3) if k3 > 0 else 1.0


class QueryBuilder:
    """Builds the queries for one search with the given weights of the views."""

    def __init__(self, weights: dict, use_stopwords: bool = True):
        self.weights = weights
        self.use_stopwords = use_stopwords

    def build(self, parsed: ParsedQuery, relaxed: bool) -> BuiltQuery:
        """The queries of ``parsed``; ``relaxed`` drops the requirement of every word."""
        folded_mode = not has_diacritics(parsed.positive_text())
        scoring, required, proximity, exact, folded = [], [], [], set(), set()
        windows: list[tuple[str, list[str]]] = []
        # Question words ("gì", "như thế nào") do not make a query long: "Bác Hồ dạy gì về y
        # đức" is as short as "Bác Hồ dạy về y đức".
        analyses = [cached_analyze(c.text, query=True) for c in parsed.clauses]
        length = sum(len({p for p, _ in a.syllables} - a.asked) for a in analyses)
        long_query = sum(len(a.syllables) - len(a.asked) for a in analyses) \
            > SHORT_QUERY_SYLLABLES
        asks = any(a.asked for a in analyses)
        for clause in parsed.clauses:
            group = [clause] + clause.alternatives + _expansions(
                clause, term_numbers=self.weights.get("term_number", 0) > 0)
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
        own = [t for t in leaves(scoring_q) if isinstance(t, Q.Term) and t.fieldname == "number"] \
            if scoring_q is not None and not relaxed else []
        kinds = _opening_kind(parsed.clauses[0].text) if parsed.clauses and self.weights["kind"] \
            else []
        excluded = Q.Or([self._clause_match(c, folded_mode=not has_diacritics(c.text))
                         for c in parsed.excluded]) if parsed.excluded else None
        return BuiltQuery(scoring_q, need, (exact, folded), proximity, own, windows, kinds,
                          excluded, folded_mode, long_query, asks, length)

    def _clause_scoring(self, clause: Clause, analysis, content, folded_mode: bool,
                        with_fold: bool = True):
        w = self.weights
        terms = []
        # "05-CT/TW" is read as the number and, at the same place, its serial "5" (so that
        # "chỉ thị 5" finds it). The number's own terms carry that evidence; the serial alone
        # would score every "19/5" and "5 năm" of a text.
        numbered = {p for p, s in analysis.syllables if s in analysis.docnums}
        shadows = {s for p, s in analysis.syllables if p in numbered} - set(analysis.docnums) \
            - {s for p, s in analysis.syllables if p not in numbered}
        for s, n in Counter(content).items():
            if s in shadows:
                continue
            if "/" in s or ("-" in s and s in analysis.docnums):
                # The document itself first (its own number), then the documents citing it.
                terms += [Q.Term("number", s, boost=w["number"]), Q.Term("syl", s, boost=w["syl"]),
                          Q.Term("cites", s, boost=w["cites"])]
                continue
            q = query_tf(n, w["qtf"])
            if folded_mode:
                terms += [Q.Term("fold", fold(s), boost=w["fold_only"] * q),
                          Q.Term("title_fold", fold(s), boost=w["title"] * q)]
            else:
                terms += [Q.Term("syl", s, boost=w["syl"] * q),
                          Q.Term("title", s, boost=w["title"] * q)]
                # The folded fallback only matters when exact spellings are not required; the
                # folded postings are the longest lists, so leaving them out halves short queries.
                if with_fold and has_diacritics(s):
                    terms.append(Q.Term("fold", fold(s), boost=w["fold"] * q))
        terms += [Q.Term("number", key, boost=w["number"]) for key in _kind_serials(clause.text)]
        if not folded_mode:
            terms += [Q.Term("pairs", p, boost=w["pairs"] * query_tf(n, w["qtf"]))
                      for p, n in Counter(analysis.pairs).items()]
            terms += [Q.Term("words", x, boost=w["words"] * query_tf(n, w["qtf"]))
                      for x, n in Counter(analysis.words).items() if "_" in x]
        terms = [t for t in terms if t.boost > 0]
        return Q.Or(terms) if terms else None

    def _clause_proximity(self, clause: Clause, analysis, folded_mode: bool) -> list:
        """Phrase queries that reward the words next to each other as typed (in the text, and
        in the title), one per run of words between question words."""
        w = self.weights
        syllables = [(p, s) for p, s in analysis.syllables if p not in analysis.asked]
        if len(syllables) < 2:
            return []
        if len(syllables) > SHORT_QUERY_SYLLABLES and not clause.phrase:
            # A long query typed with diacritics has its order in the pairs field's terms; one
            # typed without has no folded pairs field, so its adjacent folded syllables stand
            # in for them here too (on the leading candidates), weighed by fold_pairs_long.
            scale = w.get("fold_pairs_long", 0.0)
            if not folded_mode or scale <= 0:
                return []
            pairs = []
            for run in _runs(syllables):
                words = [fold(s) for s in run]
                pairs += [words[i:i + 2] for i in range(len(words) - 1)
                          if words[i:i + 2] not in pairs]
            return [Q.Phrase("fold", pair, boost=w["pairs"] * scale) for pair in pairs]
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
            if is_date_token(s) and len(content) > 1 and self.weights["date_optional"]:
                # "tuyên ngôn độc lập 2/9/1945": a text dates itself in words or not at all;
                # the date ranks the texts that write it but is not required of them.
                continue
            if s in analysis.docnums:
                parts.append(Q.Or([Q.Term("syl", s), Q.Term("number", s), Q.Term("cites", s)]))
            elif folded_mode:
                parts.append(Q.Term("fold", fold(s)))
            else:
                parts.append(Q.Term("syl", s))
        return Q.And(parts) if len(parts) > 1 else (parts[0] if parts else Q.NullQuery)


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


def _expansions(clause: Clause, term_numbers: bool = True) -> list[Clause]:
    """Other phrasings of ``clause`` from the vocabulary of Party writing, as OR alternatives.

    "khóa XII" also finds "khóa 12", "NQ TW4" "Nghị quyết Trung ương 4", "BCT" "Bộ Chính trị".
    Each phrasing requires its syllables, and the words it brings in as a phrase ("Bộ Chính
    trị", "khóa 12"), so that "BCT" does not match every text with "bộ" and "chính trị".
    With ``term_numbers``, a state number typed with spaces ("NQ 67 2025 UBTVQH15") is also
    read as the number it names ("NQ 67/2025/ubtvqh15"), with that reading's own phrasings.
    """
    found = _phrasings(clause, clause.text)
    if term_numbers:
        for text in _term_numbers(clause.text):
            found.append(Clause(text, phrase=clause.phrase))
            found += _phrasings(clause, text)
    return found


def _term_numbers(text: str) -> list[str]:
    """``text`` with its spaced state numbers written as numbers ("67 2025 UBTVQH15" →
    "67/2025/ubtvqh15"), or nothing when it has none."""
    out = text
    for start, end, token in sorted(find_loose_term_docnums(text), reverse=True):
        out = out[:start] + token + out[end:]
    return [out] if out != text else []


def _phrasings(clause: Clause, base: str) -> list[Clause]:
    """The vocabulary's and the other numbering style's phrasings of ``base``, each requiring
    what it brings in beside ``base``'s words."""
    words = base.split()
    found = []
    for text in expand_query_terms(base)[1:] + _swapped_numbers(base):
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


_DATE = re.compile(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})")


def is_date_token(token: str) -> bool:
    """Whether a query token is a date written with slashes: "2/9/1945", "9/2025"."""
    m = _DATE.fullmatch(token)
    return bool(m) and iso_date(m.group(1) or "1", m.group(2), m.group(3)) is not None


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


def leaves(q):
    """The terms and phrases of a query tree."""
    if isinstance(q, (Q.Term, Q.Phrase)):
        yield q
    elif hasattr(q, "subqueries"):
        for sub in q.subqueries:
            yield from leaves(sub)
