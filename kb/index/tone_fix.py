"""One wrong or missing tone mark, corrected from the index's own vocabulary.

"chỉ thi 05", "lương y như từ mẩu", "tham nhủng": each syllable is a real syllable (or, like
"nhủng", folds to one), so the typo check of :mod:`kb.index.spelling` lets it pass, and the
search looks for the wrong word. Here a syllable typed with marks that fit its neighbours
badly is weighed against the other spellings of the same folded syllable that the index holds:
the spelling found next to the neighbours (in the syllable-pairs view) in many more documents
is the one the user meant. A syllable alone (no neighbour) is replaced only when the index does
not hold it at all. Queries typed without any diacritics are left alone: the folded view
matches them already.
"""

from __future__ import annotations

import re

from kb.analysis.analyzer import canonical_token
from kb.analysis.fold import fold, has_diacritics
from kb.index.statecache import per_index_state

#: The intended spelling must sit beside the neighbours in this many more documents than the
#: typed one (and in at least MIN_DOCS of them).
RATIO = 20
MIN_DOCS = 3
_SYLLABLE = re.compile(r"[^\W\d_]+")


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
    matches = list(_SYLLABLE.finditer(text))
    words = [canonical_token(m.group()) for m in matches]
    replacements: list[tuple[int, int, str]] = []
    filters = [f.span() for f in re.finditer(r"\S*\w:\S*", text)]
    for i, (m, word) in enumerate(zip(matches, words)):
        if any(a <= m.start() < b for a, b in filters):
            continue  # a filter's value (kind:chithi, unit:…) is no word to correct
        options = [v for v in variants.get(fold(word), []) if v != word]
        if not options:
            continue
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
        replacements.append((m.start(), m.end(), _cased(m.group(), best)))
    if not replacements:
        return None
    out = text
    for start, end, word in reversed(replacements):
        out = out[:start] + word + out[end:]
    return out


def _adjacent(text: str, first: re.Match, second: re.Match) -> bool:
    """Whether only spaces stand between two syllables (no punctuation, no line break)."""
    return not text[first.end():second.start()].strip(" ")


def _cased(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
