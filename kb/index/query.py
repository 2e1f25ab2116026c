"""Read what a person typed into a structured query, never failing.

Supported: plain words, "exact phrases", -exclusions (-word, -"phrase"), OR between the runs
of words (or phrases) on either side, and field filters (kind:, year:, from:, to:,
number:, issuer:, unit:, sector:). Anything else — unbalanced quotes, lone
operators, punctuation, emoji — is read as plain words, so no input is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.analysis.docnum import respell_kind_serials
from kb.analysis.normalize import clean_text

#: Filters a query may carry, and the index field each one restricts.
FILTERS = {"kind": "kind_key", "loai": "kind_key", "year": "year", "nam": "year",
           "from": "date_from", "to": "date_to", "number": "number", "so": "number",
           "issuer": "issuer", "coquan": "issuer", "unit": "unit", "donvi": "unit",
           "sector": "sectors", "linhvuc": "sectors", "term": "term", "khoa": "term"}

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\w+:"[^"]*"|\S+)')
_FILTER = re.compile(r"^(\w+):(.+)$")
#: Longest group of words whose back-to-back repetitions are collapsed ("NQ TW4 khóa XII" × 60).
MAX_REPEATED_WORDS = 8


@dataclass
class Clause:
    """A run of words or a phrase; ``alternatives`` holds clauses joined to it by OR."""

    text: str
    phrase: bool = False
    alternatives: list["Clause"] = field(default_factory=list)
    #: Parts that must appear as phrases (the spelled-out words of an expanded abbreviation).
    required_phrases: list[str] = field(default_factory=list)


@dataclass
class ParsedQuery:
    """The parts of a query."""

    clauses: list[Clause] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when there is nothing to search for and nothing to filter on."""
        return not self.clauses and not self.filters

    def positive_text(self) -> str:
        """All the words the user looks for, phrases included, in order."""
        parts = []
        for clause in self.clauses:
            parts.append(clause.text)
            parts.extend(alt.text for alt in clause.alternatives)
        return " ".join(parts)


def _meaningful(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def collapse_repeats(words: list[str], longest: int = MAX_REPEATED_WORDS) -> list[str]:
    """``words`` with every group of up to ``longest`` words repeated back to back kept once.

    "ă ă ă …" → "ă", "chỉ thị chỉ thị …" → "chỉ thị" (case aside). The engine counts a term
    once however often it is typed, but segmentation, expansions and snippets pay for every
    copy: a thousand copies cost seconds and rank exactly like one.
    """
    out: list[str] = []
    keys: list[str] = []
    for word in words:
        out.append(word)
        keys.append(word.casefold())
        for n in range(1, min(longest, len(keys) // 2) + 1):
            if keys[-n:] == keys[-2 * n:-n]:
                del out[-n:], keys[-n:]
                break
    return out


def parse_query(raw: str, max_chars: int = 1000) -> ParsedQuery:
    """Parse ``raw`` into clauses, exclusions and filters.

    The text first gets the repairs documents get (NFC, ǎ typed for ă, invisible characters:
    :func:`kb.analysis.normalize.clean_text`), so that it is compared with them as they are.
    """
    raw = clean_text((raw or "")[:max_chars])
    if raw.count('"') % 2:
        raw = raw.replace('"', " ")  # unbalanced quotes: read as plain words
    for quote in "“”„«»":
        raw = raw.replace(quote, '"') if raw.count(quote) else raw
    if raw.count('"') % 2:
        raw = raw.replace('"', " ")
    result = ParsedQuery()
    words: list[str] = []
    pending_or = False

    def add(clause: Clause):
        nonlocal pending_or
        if not _meaningful(clause.text):
            return
        if not pending_or and any(c.text == clause.text and c.phrase == clause.phrase
                                  and not c.alternatives for c in result.clauses):
            return  # the same words again add nothing but their cost
        if pending_or and result.clauses:
            result.clauses[-1].alternatives.append(clause)
        else:
            result.clauses.append(clause)
        pending_or = False

    def flush_words():
        # OR joins the whole runs of words around it: "giáo dục OR y tế" is (giáo dục)|(y tế);
        # segmentation cannot be trusted to find the word boundary ("lương y" is two words).
        if words:
            add(Clause(respell_kind_serials(" ".join(collapse_repeats(words)))))
            words.clear()

    for m in _TOKEN.finditer(raw):
        negated, phrase, word = m.group(1), m.group(2), m.group(3)
        if phrase is not None:
            flush_words()
            if negated:
                if _meaningful(phrase):
                    _exclude(result, Clause(phrase.strip(), phrase=True))
            else:
                add(Clause(phrase.strip(), phrase=len(phrase.split()) > 1))
            continue
        if word in ("OR", "|", "HOẶC"):
            flush_words()
            pending_or = bool(result.clauses)
            continue
        if word.startswith("-") and len(word) > 1 and _meaningful(word[1:]):
            flush_words()
            _exclude(result, Clause(word[1:]))
            continue
        fm = _FILTER.match(word)
        if fm and fm.group(1).lower() in FILTERS and _meaningful(fm.group(2)):
            flush_words()
            result.filters[FILTERS[fm.group(1).lower()]] = fm.group(2).strip('"')
            continue
        if '"' in word:
            word = word.replace('"', " ").strip()
            if not word:
                continue
        words.append(word)
    flush_words()
    return result


def _exclude(result: ParsedQuery, clause: Clause) -> None:
    if not any(c.text == clause.text and c.phrase == clause.phrase for c in result.excluded):
        result.excluded.append(clause)
