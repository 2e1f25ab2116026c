""""Did you mean": corrections built from the syllables of the index, the Vietnamese way.

A syllable typed without diacritics is not a typo (the folded view matches it), nor is one
whose marks differ from the text's (its folded form is known). Only a syllable that the index
knows neither as typed nor folded is replaced, by the most frequent index syllable one edit
away (two for long syllables) that is shaped like a Vietnamese syllable, so a typo is never
"corrected" into an English word or a code. No unknown syllable: no suggestion.
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as Q

from kb.analysis.fold import fold, has_diacritics
from kb.index.engine import Engine
from kb.index.statecache import per_state

#: A folded Vietnamese syllable: optional onset, one to three vowels, optional coda.
_VIETNAMESE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                         r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?")
_WORD = re.compile(r"[^\W\d_]+")
#: A correction must occur in at least this many documents (rare terms are often OCR noise).
MIN_DOC_FREQUENCY = 2
#: The longest syllable _VIETNAMESE accepts ("nghieng" and the like: onset, vowels, coda).
MAX_SYLLABLE_CHARS = 8
#: At most this many unknown words of one query are corrected (each costs a vocabulary scan).
MAX_CORRECTIONS = 8


def _known(reader, word: str) -> bool:
    low = word.lower()
    if has_diacritics(low) and reader.doc_frequency("syl", low) > 0:
        return True
    return reader.doc_frequency("fold", fold(low)) > 0


def _together(engine: Engine, field_name: str, first: str, second: str) -> int:
    """How many documents have ``first`` right before ``second``."""
    if field_name == "syl":
        return engine.searcher.reader().doc_frequency("pairs", f"{first}_{second}")
    return len(engine.docs(Q.Phrase("fold", [first, second])))


def _vocabulary(reader, field_name: str) -> list[str]:
    """The Vietnamese-shaped terms of ``field_name``: what a correction may be."""
    terms = (raw.decode("utf-8") if isinstance(raw, bytes) else raw
             for raw in reader.lexicon(field_name))
    return [t for t in terms if len(t) <= MAX_SYLLABLE_CHARS and _VIETNAMESE.fullmatch(fold(t))]


def _closest(engine: Engine, word: str, before: str | None, after: str | None,
             state: tuple | None = None) -> str | None:
    """The index syllable nearest to ``word``: Vietnamese-shaped, best fitting its neighbours
    (documents with the pair), then most frequent; None when there is none."""
    reader = engine.searcher.reader()
    low = word.lower()
    field_name, text = ("syl", low) if has_diacritics(low) else ("fold", fold(low))
    norm = (lambda w: w.lower()) if field_name == "syl" else (lambda w: fold(w.lower()))
    # Candidates are syllables, so a word longer than the longest syllable plus the edits
    # allowed has none; measuring it against every term would cost time quadratic in its
    # length (a run of 1,000 'ă' took minutes with Whoosh's terms_within).
    if len(text) > MAX_SYLLABLE_CHARS + 2:
        return None
    vocabulary = per_state(state, f"spelling:{field_name}", lambda: _vocabulary(reader, field_name))
    for distance in (1, 2) if len(text) >= 5 else (1,):
        candidates = []
        # The same Damerau-Levenshtein (optimal string alignment) distance as Whoosh's
        # terms_within, computed in C over the cached vocabulary.
        for term, _, _ in process.extract(text, vocabulary, scorer=OSA.distance,
                                          score_cutoff=distance, limit=None):
            frequency = reader.doc_frequency(field_name, term)
            if frequency < MIN_DOC_FREQUENCY:
                continue
            context = sum(_together(engine, field_name, *pair) for pair in
                          ((norm(before), term) if before else None,
                           (term, norm(after)) if after else None) if pair)
            candidates.append((context, frequency, term))
        if candidates:
            return max(candidates)[2]
    return None


def _cased(like: str, term: str) -> str:
    return term[:1].upper() + term[1:] if like[:1].isupper() else term


def suggest_correction(searcher, raw_query: str, parsed, state: tuple | None = None,
                       budget=None) -> str | None:
    """``raw_query`` with its unknown syllables corrected, or None when nothing needs it.

    ``state`` (``Searcher.state``) keys the cached vocabulary; past ``budget`` (a
    :class:`kb.index.budget.Budget`) no correction is offered rather than a late one.
    """
    replacements = {}
    engine = Engine(searcher)
    texts = [c.text for c in parsed.clauses] + [a.text for c in parsed.clauses
                                               for a in c.alternatives]
    for text in texts:
        words = _WORD.findall(text)
        for i, word in enumerate(words):
            if word in replacements or len(word) < 2 or _known(searcher.reader(), word):
                continue
            if word.isupper() and not _VIETNAMESE.fullmatch(fold(word.lower())):
                return None  # an unknown abbreviation ("BTCTW") is no misspelt syllable
            if len(replacements) >= MAX_CORRECTIONS or (budget is not None and budget.cut()):
                return None  # so many unknown words: a pasted foreign text, not typos
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < len(words) else None
            better = _closest(engine, word, before, after, state)
            if better is None:
                return None  # an unknown word we cannot fix: a partial correction would mislead
            replacements[word] = _cased(word, better)
    if not replacements:
        return None
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, replacements)) + r")(?!\w)")
    return pattern.sub(lambda m: replacements[m.group(1)], raw_query)
