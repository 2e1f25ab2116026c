"""Word segmentation with underthesea, line by line, with document numbers kept whole.

underthesea's CRF is trained on cased text and segments "Bộ Chính trị" as one word but
"bộ chính trị" as two, so text is segmented with its case and lower-cased afterwards
(see the README's analysis table for the measurement). Lines are segmented one at a time:
on a 60,000-character law that is 3x faster than one call on the whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kb.analysis.docnum import find_docnums, find_loose_docnums

_NEWLINES = re.compile(r"\n+")


def _word_tokenize():
    # Imported late: loading underthesea's model costs about a second.
    from underthesea import word_tokenize

    return word_tokenize


@lru_cache(maxsize=50_000)
def segment_line(line: str) -> tuple[str, ...]:
    """underthesea's words of one line without document numbers (syllables joined by spaces)."""
    if not line.strip():
        return ()
    return tuple(_word_tokenize()(line))


def warm_up() -> None:
    """Load underthesea's model now (a second or more) rather than in the first query."""
    segment_line("Khởi động")


def segment(text: str, query: bool = False) -> list[tuple[str, bool]]:
    """Words of ``text`` in order, each as (word, is_document_number).

    A word keeps its case and its syllables are separated by spaces; a document number is
    already canonical ("5-ct/tw"). Lines are returned with a ``("\\n", False)`` separator so
    that later stages do not pair syllables across them. With ``query`` set, loosely typed
    numbers ("05 CT TW") are recognised too.
    """
    words: list[tuple[str, bool]] = []
    for line in _NEWLINES.split(text):
        if not line.strip():
            continue
        spans = find_docnums(line)
        if query:
            taken = [(s, e) for s, e, _ in spans]
            spans += [sp for sp in find_loose_docnums(line)
                      if not any(s < sp[1] and sp[0] < e for s, e in taken)]
            spans.sort()
        cursor = 0
        for start, end, token in spans:
            words.extend((w, False) for w in segment_line(line[cursor:start]))
            words.append((token, True))
            cursor = end
        words.extend((w, False) for w in segment_line(line[cursor:]))
        words.append(("\n", False))
    return words
