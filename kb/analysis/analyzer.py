"""The Vietnamese analysis chain: normalize → segment → case/tone/number canonical → fold → stop.

:func:`analyze` runs the chain once and returns every stream the index needs; indexing and
querying both call it (``query=True`` adds loose document-number recognition), so a word is
always reduced the same way on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kb.analysis.fold import fold
from kb.analysis.segment import segment
from kb.analysis.stopwords import load_stopwords, stopwords_dir
from kb.analysis.tones import canonical_syllable

_PUNCT = re.compile(r"^[\W_]+$")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


@dataclass
class Analysis:
    """The token streams of one text. Positions count syllables; punctuation leaves a gap."""

    words: list[str] = field(default_factory=list)
    """Segmented words, lower case, syllables joined by "_", stopwords removed."""
    syllables: list[tuple[int, str]] = field(default_factory=list)
    """(position, syllable) in canonical spelling, stopwords kept (phrases need them)."""
    stopped: set[int] = field(default_factory=set)
    """Positions of syllables that belong to stopwords."""
    pairs: list[str] = field(default_factory=list)
    """Adjacent syllable pairs ("chính_trị"), not across punctuation or lines."""
    docnums: list[str] = field(default_factory=list)
    """Canonical document numbers ("5-ct/tw")."""
    asked: set[int] = field(default_factory=set)
    """Positions of question words in a query ("gì", "như thế nào"); also in ``stopped``."""

    def folded(self) -> list[tuple[int, str]]:
        """Syllables without diacritics, at the same positions."""
        return [(pos, fold(s)) for pos, s in self.syllables]


def canonical_token(token: str) -> str:
    """Lower case, NFC, canonical tone placement, numbers without leading zeros."""
    token = unicodedata.normalize("NFC", token.lower())
    if token.isdigit():
        return _LEADING_ZEROS.sub("", token)
    return canonical_syllable(token)


def analyze(text: str, query: bool = False, stopwords: str = "kb") -> Analysis:
    """Run the whole chain on ``text`` (already cleaned by normalize.clean_text)."""
    stop = load_stopwords(stopwords)
    result = Analysis()
    pos = 0
    previous: str | None = None
    for word, is_docnum in segment(text, query=query):
        if word == "\n" or (not is_docnum and _PUNCT.match(word)):
            pos += 1
            previous = None
            continue
        if is_docnum:
            result.docnums.append(word)
            result.words.append(word)
            result.syllables.append((pos, word))
            # The leading number shares the position, so "Chỉ thị 05" also finds 05-CT/TW.
            number = word.split("-")[0].split("/")[0]
            if number.isdigit():
                result.syllables.append((pos, number))
                if previous is not None:
                    result.pairs.append(previous + "_" + number)
            pos += 1
            previous = None
            continue
        syllables = [canonical_token(s) for s in word.split()]
        is_stop = " ".join(syllables) in stop
        if not is_stop:
            result.words.append("_".join(syllables))
        for syllable in syllables:
            if is_stop:
                result.stopped.add(pos)
            result.syllables.append((pos, syllable))
            if previous is not None:
                result.pairs.append(previous + "_" + syllable)
            previous = syllable
            pos += 1
    if query:
        _mark_question_framing(result)
    return result


def _mark_question_framing(result: Analysis) -> None:
    """Mark the syllables of question words as stopped and drop the pairs they are in.

    A sentence-final "không"/"chưa" asks (có được … không); elsewhere it negates and stays.
    """
    phrases = load_stopwords(str(stopwords_dir() / "question-vi.txt"))
    syllables = result.syllables
    last = syllables[-1][0] if syllables else -1
    marked: set[int] = set()
    i = 0
    while i < len(syllables):
        for size in (4, 3, 2, 1):
            run = syllables[i:i + size]
            if len(run) < size or run[-1][0] - run[0][0] != size - 1:
                continue
            text = " ".join(s for _, s in run)
            if text in phrases or (size == 1 and text in _FINAL_ONLY and run[0][0] == last):
                marked.update(p for p, _ in run)
                i += size - 1
                break
        i += 1
    if not marked or len(marked) == len({p for p, _ in syllables}):
        return  # a query of question words only ("ai", "bao giờ") is searched as typed
    result.stopped |= marked
    result.asked = marked
    by_position = dict(syllables)
    framing = {by_position[p] for p in marked}
    result.pairs = [pair for pair in result.pairs
                    if not any(part in framing for part in pair.split("_"))]
    result.words = [w for w in result.words if not set(w.split("_")) <= framing]


#: Words that ask only at the end of a question.
_FINAL_ONLY = {"không", "chưa"}
