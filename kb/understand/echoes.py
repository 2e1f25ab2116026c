"""Quotations of Hồ Chí Minh's words that a page does not attribute, recognised across documents.

Pages quote his best-known words without saying whose they are: the mausoleum's "Không có gì quý
hơn độc lập tự do", the "chân lý “Nước Việt Nam là một, dân tộc Việt Nam là một”", a phrase of the
Di chúc inside a paraphrase of it. Read alone such a page gives no reason to call them his; an
index that also holds where they come from does. A quotation is his *echo* when its words run,
in order, inside a saying the index knows from a source it can trust:

- a record of quotations that declares him the author (kb.understand.sayings.declared_saying);
- a text he signed (his testament, his declaration), less what it quotes from others;
- a saying attributed to him on at least two documents of different content, so that one
  page's mistake does not spread to every page quoting the same words.

At ingestion each document keeps its quotations that are not its sayings
(``quote_candidates``); the sayings view matches them once the whole index is known.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from kb.understand.footnotes import in_note
from kb.understand.quotes import quote_spans, quoted_text
from kb.understand.sayings import saying_key
from kb.understand.sector_lexicon import load_sectors, quote_sectors

#: Fewest syllables of an echo: shorter quotes ("Toàn thắng ắt về ta", "tự phê bình và phê
#: bình", "Tự do – bình đẳng – bác ái") are slogans and set phrases the writer's own sentence uses
#: as much as his words (chosen on the development folds of the sayings labels: 6 gained as many
#: sayings as it added mistakes).
MIN_SYLLABLES = 7
#: Share of the quotation's syllables that must run, in order, inside the known saying.
MIN_COVER = 0.8
#: Distinct documents (by content) that must attribute a saying to him before it is trusted.
MIN_SOURCES = 2
_GRAM = 3


def quote_candidates(text: str, sayings: Iterable[dict]) -> list[dict]:
    """The quotations of ``text`` long enough to be an echo and not already among ``sayings``
    (nor inside one of them): ``{"text", "lead"}``, ``lead`` the words introducing it."""
    text, spans = quoted_text(text)
    own = [saying_key(s["text"]) for s in sayings]
    out, seen = [], set()
    for start, end in spans:
        quote = re.sub(r"\s+", " ", text[start:end]).strip(" *_")
        key = saying_key(quote)
        if (len(key.split()) < MIN_SYLLABLES or key in seen or in_note(text, start)
                or any(key in k for k in own)):
            continue
        seen.add(key)
        lead = re.split(r"[.!?](?=\s)|\n\s*\n", text[max(0, start - 250):max(0, start - 1)])[-1]
        out.append({"text": quote, "lead": lead.strip()})
    return out


def own_sentences(text: str) -> list[str]:
    """The sentences of a text he wrote, without the passages it quotes from others."""
    spans = quote_spans(text)
    for start, end in reversed(spans):
        text = text[:max(0, start - 1)] + " \x00 " + text[end + 1:]
    pieces = re.split(r"(?<=[.!?;:…])\s+|\n", text)
    return [p.strip(" *_-") for p in pieces if "\x00" not in p and len(p.split()) >= MIN_SYLLABLES]


class KnownSayings:
    """His sayings an index can trust, searchable by the run of words a quotation shares."""

    def __init__(self) -> None:
        self._sources: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._trusted: set[tuple[str, ...]] = set()
        self._texts: dict[tuple[str, ...], str] = {}
        self._grams: dict[tuple[str, ...], set[tuple[str, ...]]] | None = None

    def add(self, text: str, source: str, trusted: bool = False) -> None:
        """Know ``text`` as his, from the document whose content is ``source``; ``trusted`` when
        the source is a declared quotation or his own text."""
        words = tuple(saying_key(text).split())
        if len(words) < MIN_SYLLABLES:
            return
        self._sources[words].add(source)
        self._texts.setdefault(words, text)
        if trusted:
            self._trusted.add(words)
        self._grams = None

    def learn(self, meta: Mapping, text: str, source: str) -> None:
        """Know the sayings of one document (its ``meta`` as kb.understand.enrich gives it, its
        ``text``, its content ``source``): those it attributes, declared ones trusted, and every
        sentence of it when it is his own text."""
        for saying in meta.get("sayings") or []:
            self.add(saying["text"], source, trusted=bool(saying.get("declared")))
        if meta.get("his_own_text"):
            for sentence in own_sentences(text):
                self.add(sentence, source, trusted=True)

    def _index(self) -> dict:
        if self._grams is None:
            self._grams = defaultdict(set)
            for words in self._sources:
                for i in range(len(words) - _GRAM + 1):
                    self._grams[words[i:i + _GRAM]].add(words)
        return self._grams

    def match(self, quote: str, source: str) -> str | None:
        """The known saying whose words hold ``quote``'s (quoted on the document ``source``), or
        None. The document's own attribution does not count towards the trust it needs."""
        words = tuple(saying_key(quote).split())
        if len(words) < MIN_SYLLABLES:
            return None
        grams = self._index()
        # A run of r shared words holds r - 2 shared three-word grams: fewer cannot match.
        needed = math.ceil(MIN_COVER * len(words)) - _GRAM + 1
        hits = Counter(known for i in range(len(words) - _GRAM + 1)
                       for known in grams.get(words[i:i + _GRAM], ()))
        for known in sorted((k for k, n in hits.items() if n >= needed), key=len):
            trusted = known in self._trusted or len(self._sources[known] - {source}) >= MIN_SOURCES
            if trusted and _longest_run(words, known) >= MIN_COVER * len(words):
                return self._texts[known]
        return None


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest run of words ``a`` and ``b`` share, in order."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def echoed_sayings(candidates: Iterable[dict], known: KnownSayings, source: str) -> list[dict]:
    """The candidates of one document (``quote_candidates``) that echo a known saying, as
    sayings: ``{"text", "context", "work": None, "sectors", "echo_of"}``."""
    sectors = load_sectors()
    out = []
    for cand in candidates:
        original = known.match(cand["text"], source)
        if original is not None:
            out.append({"text": cand["text"], "context": f"{cand['lead']} “{cand['text']}”".strip(),
                        "work": None, "echo_of": original,
                        "sectors": quote_sectors(cand["lead"], cand["text"], None, "", sectors)})
    return out
