"""Whoosh views over :func:`kb.analysis.analyzer.analyze`.

Whoosh runs one analyzer per field on the same value; the chain (and underthesea) must run once
per document, so the last few analyses are kept in a small module-level cache keyed by the text.
"""

from __future__ import annotations

from collections import OrderedDict

from whoosh.analysis import Token, Tokenizer

from kb.analysis.analyzer import Analysis, analyze

_CACHE: OrderedDict[tuple[str, bool], Analysis] = OrderedDict()
_CACHE_SIZE = 8


def cached_analyze(text: str, query: bool = False) -> Analysis:
    """analyze(), remembered for the last few texts (one document feeds several fields)."""
    key = (text, query)
    hit = _CACHE.get(key)
    if hit is None:
        hit = analyze(text, query=query)
        _CACHE[key] = hit
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return hit


class StreamTokenizer(Tokenizer):
    """Yields one stream of the analysis: words, syllables, folded syllables or pairs."""

    STREAMS = ("words", "syllables", "folded", "pairs")

    def __init__(self, stream: str):
        assert stream in self.STREAMS, stream
        self.stream = stream

    def __eq__(self, other):
        return isinstance(other, StreamTokenizer) and other.stream == self.stream

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        analysis = cached_analyze(value, query=(mode == "query"))
        if self.stream in ("syllables", "folded"):
            items = analysis.syllables if self.stream == "syllables" else analysis.folded()
        else:
            # words and pairs carry no positions of their own: number them in order
            items = enumerate(analysis.words if self.stream == "words" else analysis.pairs)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in items:
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token
