"""One wrong or missing tone mark, corrected from the index's own vocabulary.

"chỉ thi 05", "lương y như từ mẩu", "tham nhủng": each syllable is a real syllable (or, like
"nhủng", folds to one), so the typo check of :mod:`kb.index.spelling` lets it pass, and the
search looks for the wrong word. Here a syllable typed with marks that fit its neighbours
badly is weighed against the other spellings of the same folded syllable that the index holds:
the spelling found next to the neighbours (in the syllable-pairs view) in many more documents
is the one the user meant. A syllable alone (no neighbour) is replaced only when the index does
not hold it at all. Queries typed without any diacritics are left alone: the folded view
matches them already.

With the ``tone_context`` weight on (kb.index.query_builder.WEIGHTS), a number beside the
syllable counts as a neighbour ("năm 2025" is not "nam 2025"), a letter of a document number
("11-CT/TU") is no syllable to correct, and the typed spelling stays when one neighbour holds it
in more documents than the other spelling: "nhẫn nại" is kept although "và nhân" (of "và nhân
dân") is common, "viết kiểm điểm" although "nước Việt" is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kb.analysis.analyzer import canonical_token
from kb.analysis.docnum import find_docnums, find_loose_docnums, find_loose_term_docnums
from kb.analysis.fold import fold, has_diacritics
from kb.index.statecache import per_index_state

#: The intended spelling must sit beside the neighbours in this many more documents than the
#: typed one (and in at least MIN_DOCS of them).
RATIO = 20
MIN_DOCS = 3
#: With ``tone_long_rare``, a query of more syllables than this (a question, a pasted sentence)
#: has only rare spellings corrected (see _rare): there a wrong mark costs little (no word is
#: required) and a wrong correction is shown to the user.
LONG_QUERY_SYLLABLES = 8
_SYLLABLE = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")


def _variants(searcher) -> dict[str, list[str]]:
    """Folded syllable → the spellings of it in the ``syl`` view (once per index state)."""
    def build() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for raw in searcher.reader().lexicon("syl"):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if term.isalpha():
                found.setdefault(fold(term), []).append(term)
        return found

    return per_index_state(searcher, "tone-variants", build)


def _pair_df(reader, first: str, second: str) -> int:
    return reader.doc_frequency("pairs", f"{first}_{second}")


def _fit(reader, word: str, before: str | None, after: str | None) -> int:
    """How many documents hold ``word`` beside the query's neighbours (summed over both)."""
    return (_pair_df(reader, before, word) if before else 0) + \
        (_pair_df(reader, word, after) if after else 0)


def correct_tones(searcher, text: str) -> str | None:
    """``text`` with mis-marked syllables replaced by the spelling the index knows, or None.

    ``searcher`` is a :class:`kb.index.search.Searcher`.
    """
    if not has_diacritics(text):
        return None
    reader = searcher.reader()
    variants = _variants(searcher)
    weights = getattr(searcher, "weights", {})
    context = weights.get("tone_context", 0) > 0
    prior = float(weights.get("tone_prior", 0))
    lexical = weights.get("tone_words", 0) > 0
    question = len(_SYLLABLE.findall(text)) > LONG_QUERY_SYLLABLES
    long_query = question and weights.get("tone_long_rare", 0) > 0
    matches = list((_TOKEN if context else _SYLLABLE).finditer(text))
    words = [canonical_token(m.group()) for m in matches]
    replacements: list[tuple[int, int, str]] = []
    filters = [f.span() for f in re.finditer(r"\S*\w:\S*", text)]
    if context:
        filters += [(a, b) for a, b, _ in find_docnums(text) + find_loose_docnums(text)
                    + find_loose_term_docnums(text)]
    for i, (m, word) in enumerate(zip(matches, words)):
        if any(a <= m.start() < b for a, b in filters):
            continue  # a filter's value (kind:chithi, unit:…) or a number is no word to correct
        if not word.isalpha():
            continue
        options = [v for v in variants.get(fold(word), []) if v != word]
        if not options:
            continue
        if long_query and not _rare(reader, word, options):
            continue  # in a question, only a spelling the index hardly knows is a typo
        before = words[i - 1] if i and _adjacent(text, matches[i - 1], m) else None
        after = words[i + 1] if i + 1 < len(words) and _adjacent(text, m, matches[i + 1]) else None
        if before is None and after is None:
            if reader.doc_frequency("syl", word) > 0:
                continue
            best = max(options, key=lambda v: reader.doc_frequency("syl", v))
            if reader.doc_frequency("syl", best) < MIN_DOCS:
                continue
        else:
            typed = _fit(reader, word, before, after)
            best, fit = max(((v, _fit(reader, v, before, after)) for v in options),
                            key=lambda x: x[1])
            if fit < MIN_DOCS or fit < RATIO * typed:
                continue
            if prior and question and _prior_explains(reader, word, best, typed, fit, prior):
                continue
            if lexical and _word_count(word, before, after) > _word_count(best, before, after):
                continue  # "bao nhiêu" is a word of the language, "bao nhiều" is none
            if context and _held_better(reader, word, best, before, after):
                continue
        replacements.append((m.start(), m.end(), _cased(m.group(), best)))
    if not replacements:
        return None
    out = text
    for start, end, word in reversed(replacements):
        out = out[:start] + word + out[end:]
    return out


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The words of several syllables of underthesea's Vietnamese dictionary (Hồ Ngọc Đức's
    word list, 74k entries), lower case, syllables in the index's canonical spelling."""
    from underthesea.corpus import viet_dict_74K

    return frozenset(" ".join(canonical_token(s) for s in entry.lower().split())
                     for entry in viet_dict_74K.words if " " in entry.strip())


def warm_up() -> None:
    """Read the dictionary now (about half a second) rather than in the first query."""
    _dictionary()


def _word_count(word: str, before: str | None, after: str | None) -> int:
    """How many of the neighbours make a word of the dictionary with ``word`` (0, 1 or 2)."""
    words = _dictionary()
    return (f"{before} {word}" in words if before else 0) + \
        (f"{word} {after}" in words if after else 0)


def _prior_explains(reader, typed: str, other: str, typed_fit: int, other_fit: int,
                    ratio: float) -> bool:
    """Whether the other spelling's lead beside the neighbours is no more than its lead in the
    index at large: in a question, a word the index holds in several documents ("tôi" in answers
    written in the third person) is kept unless its neighbours favour the other spelling
    ``ratio`` times more than the two spellings' own document counts do ("của tôi" is not "của
    tội"). Short lookups (names, titles) are left to the neighbours alone."""
    typed_df = reader.doc_frequency("syl", typed)
    if typed_df < MIN_DOCS:
        return False
    other_df = max(reader.doc_frequency("syl", other), 1)
    return other_fit / other_df < ratio * (typed_fit + 0.5) / typed_df


def _rare(reader, word: str, options: list[str]) -> bool:
    """Whether the index holds ``word`` in fewer than MIN_DOCS documents, or another spelling
    of it in RATIO times as many ("cở" 8 against "cơ" 2,071; not "nhưng" 166 against "những"
    259)."""
    df = reader.doc_frequency("syl", word)
    return df < MIN_DOCS or df * RATIO < max(reader.doc_frequency("syl", v) for v in options)


def _held_better(reader, typed: str, other: str, before: str | None, after: str | None) -> bool:
    """Whether one neighbour stands beside ``typed`` in more documents than beside ``other``."""
    if before and _pair_df(reader, before, typed) > _pair_df(reader, before, other):
        return True
    return bool(after) and _pair_df(reader, typed, after) > _pair_df(reader, other, after)


def _adjacent(text: str, first: re.Match, second: re.Match) -> bool:
    """Whether only spaces stand between two syllables (no punctuation, no line break)."""
    return not text[first.end():second.start()].strip(" ")


def _cased(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
