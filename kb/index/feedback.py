"""Pseudo-relevance feedback for long queries: the words the leading texts share (RM3).

A question rarely uses all the words of its answer ("thủ tục cấp lại hộ chiếu" against an
answer about "hồ sơ", "tờ khai", "ảnh"). The first ranking's leading ``k`` texts are read as if
they were relevant: each contributes its syllables and syllable pairs in proportion to its
share of the leading scores (RM1: P(t|R) = Σ_d P(t|d)·P(d|q)); the ``m`` terms of each view
most typical of them against the whole collection (P(t|R)·log(P(t|R)/P(t|C)), Carpineto's
KL selection) are then scored as extra query terms, their weights summing to ``λ`` times the
query's own weight in that view (RM3's interpolation).

The leading texts are tokenized here from their stored text into syllables (lower case,
canonical tones, as kb.analysis does) without word segmentation, which would cost more than
the search; pairs are not formed across punctuation or lines, as in the index.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from whoosh import query as Q

from kb.analysis.analyzer import canonical_token
from kb.analysis.fold import fold
from kb.analysis.stopwords import load_stopwords

#: A run of words between punctuation: pairs are formed inside one only.
_RUNS = re.compile(r"[^\W_]+(?:[ \t]+[^\W_]+)*")

#: The longest stored text read, in characters (a law's first articles say what it is about).
MAX_CHARS = 20_000


def text_terms(text: str, folded: bool) -> tuple[Counter, Counter]:
    """Syllables and syllable pairs ("hộ_chiếu") of ``text`` with their counts; ``folded``
    drops diacritics and pairs (the folded view has no pairs)."""
    syllables, pairs = Counter(), Counter()
    for run in _RUNS.findall(text[:MAX_CHARS]):
        tokens = [canonical_token(t) for t in run.split()]
        if folded:
            tokens = [fold(t) for t in tokens]
        syllables.update(tokens)
        if not folded:
            pairs.update(a + "_" + b for a, b in zip(tokens, tokens[1:]))
    return syllables, pairs


def _collection_share(searcher, fieldname: str, text: str, total: float) -> float:
    """P(t|C): the term's share of all the tokens of the field (at least one occurrence)."""
    return max(searcher.frequency(fieldname, text), 1.0) / total


def expansion_terms(searcher, leading: list[tuple[int, float]], views: dict[str, float],
                    terms: int, mass: float, folded: bool) -> list[Q.Term]:
    """The extra query terms from the ``leading`` (docnum, score) texts.

    ``views`` maps each view the feedback feeds ("syl" and "pairs", or "fold") to the sum of
    the query's own boosts there; ``terms`` is how many are chosen per view and ``mass`` (λ)
    their summed boost over that sum.
    """
    scores = np.array([max(s, 0.0) for _, s in leading])
    if not len(scores) or scores.sum() <= 0 or terms <= 0 or mass <= 0:
        return []
    prior = scores / scores.sum()
    relevance: dict[str, Counter] = {"syl": Counter(), "pairs": Counter()}
    for (docnum, _), p_doc in zip(leading, prior):
        text = searcher.stored_fields(docnum).get("text") or ""
        syllables, pairs = text_terms(text, folded)
        for view, counts in (("syl", syllables), ("pairs", pairs)):
            size = sum(counts.values())
            for t, n in counts.items():
                relevance[view][t] += p_doc * n / size
    stop = _stop_syllables()
    found = []
    for fieldname, own_mass in views.items():
        view = "pairs" if fieldname == "pairs" else "syl"
        model = relevance[view]
        if not model or own_mass <= 0 or fieldname not in searcher.schema:
            continue
        total = float(searcher.field_length(fieldname)) or 1.0
        # Only the likeliest terms can be the most typical: the rest are not looked up.
        likely = [t for t, _ in model.most_common(terms * 8)
                  if not all(part in stop for part in t.split("_"))]
        typical = []
        for t in likely:
            p = model[t]
            kl = p * math.log(p / _collection_share(searcher, fieldname, t, total))
            if kl > 0:
                typical.append((kl, t))
        typical.sort(reverse=True)
        chosen = typical[:terms]
        weight = sum(kl for kl, _ in chosen)
        found += [Q.Term(fieldname, t, boost=mass * own_mass * kl / weight) for kl, t in chosen]
    return found


def _stop_syllables() -> frozenset[str]:
    """Syllables that are stopwords on their own ("của", "và"), exact and folded."""
    words = [w for w in load_stopwords() if " " not in w]
    return frozenset(words) | frozenset(fold(w) for w in words)
