"""What a search marks: the query's words, and its numbers only where they are what was searched.

A document number is marked whole, in any spelling of its family (05-CT/TW, 05/CT-TW,
5-CT/TW), and so is the kind and serial that name it ("Chỉ thị 05", "Chỉ thị số 05"); "Chỉ thị
05" typed in the query marks those and 05-CT/TW. A bare number is marked only beside the word
it came with in the query ("Điều 5", "khóa 12"), never its digits alone elsewhere ("tháng 5").
Other words are marked syllable by syllable, as the index matches them. The spec is built from
the parsed query and the syllable sets the search matched on, so the two never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kb.analysis.analyzer import canonical_token
from kb.analysis.docnum import DOCNUM_RE, canonical_docnum
from kb.analysis.fold import fold, has_diacritics
from kb.index.analyzers import cached_analyze
from kb.ingest.describe import kind_key
from kb.understand.citations import kind_of_number
from kb.understand.kinds import KINDS
from kb.understand.vocabulary import expand_query_terms

_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "d": "dđ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ", "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ",
}
#: Kind names by filter key, as syllables folded: "chithi" → ("chi", "thi").
_KIND_WORDS = {kind_key(name): tuple(fold(name.lower()).split()) for name in KINDS.values()}
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w/-])", r"(?![\w/-])"


@dataclass(frozen=True)
class Highlight:
    """What to mark; hashable, so the patterns built for it are kept."""

    exact: frozenset = frozenset()
    """Syllables marked with their diacritics as typed."""
    folded: frozenset = frozenset()
    """Syllables marked in any spelling (the query had no diacritics)."""
    numbers: frozenset = frozenset()
    """Document numbers by family, the parts of the canonical token: ("5", "ct", "tw")."""
    serials: frozenset = frozenset()
    """(kind key, serial) typed as words, "Chỉ thị 05": also marks 05-CT/TW, 05/CT-TTg."""
    named: frozenset = frozenset()
    """(kind key, serial) implied by a number typed, "Chỉ thị (số) 05" for 05-CT/TW."""
    qualified: frozenset = frozenset()
    """(word before, number, word after): a bare number marked only beside its word."""
    folded_mode: bool = False
    wanted: int = 0
    """How many different things the query asks to find (for the best passage)."""


def family(token: str) -> tuple[str, ...]:
    """The spelling family of a document number: '05-CT/TW' and '05/CT-TW' → ('5', 'ct', 'tw')."""
    return tuple(p for p in re.split(r"[/-]", canonical_docnum(token)) if p)


def _number_kind(token: str) -> str | None:
    """The kind key a document number's code implies: '05-CT/TW' → 'chithi'."""
    kind = kind_of_number(token)
    return kind_key(kind) if kind else None


def _number_key(token: str) -> str:
    """One key for a number and the kind and serial naming it: 05-CT/TW and "Chỉ thị 05"."""
    parts, kind = family(token), _number_kind(token)
    return f"{kind}:{parts[0]}" if kind else "/".join(parts)


def _query_texts(parsed) -> list[str]:
    """The texts the search analyses for ``parsed``: clauses, their alternatives and expansions."""
    texts = []
    for clause in parsed.clauses:
        texts += [clause.text] + [alt.text for alt in clause.alternatives]
        texts += expand_query_terms(clause.text)[1:]
    return texts


def _items(analysis) -> list[tuple[str, bool]]:
    """(syllable, is a document number) in order; a number's serial, sharing its place, left out."""
    docnum_at = {pos for pos, s in analysis.syllables if s in analysis.docnums}
    return [(s, s in analysis.docnums) for pos, s in analysis.syllables
            if pos not in docnum_at or s in analysis.docnums]


def _kind_at(folded: list[str], i: int) -> tuple[str, int] | None:
    """(kind key, syllables) of the longest kind name starting at folded syllable ``i``."""
    best = None
    for key, words in _KIND_WORDS.items():
        if tuple(folded[i:i + len(words)]) == words and (best is None or len(words) > best[1]):
            best = (key, len(words))
    return best


class _Reading:
    """What the query texts ask to mark, gathered text by text."""

    def __init__(self):
        self.numbers, self.serials, self.named, self.qualified = set(), set(), set(), set()
        self.keys = set()  # one per thing asked for: "chithi:5", "điều|5" ...
        self.roles, self.plain = set(), set()  # syllables read as (part of) a number; as words

    def read(self, analysis) -> None:
        """Sort the syllables of one analysed query text into numbers, serials and words."""
        docnum_at = {pos for pos, s in analysis.syllables if s in analysis.docnums}
        # The serial the analyzer adds at a number's position is that number's, not a word.
        self.roles.update(s for pos, s in analysis.syllables if pos in docnum_at)
        items = _items(analysis)
        seq = [s for s, _ in items]
        folded_seq = [fold(s) for s in seq]
        i = 0
        while i < len(items):
            s, is_number = items[i]
            kind = _kind_at(folded_seq, i)
            if kind:  # "Chỉ thị 05", "chi thi so 5", "Chỉ thị số 05-CT/TW"
                j = i + kind[1]
                j += 1 if folded_seq[j:j + 1] == ["so"] else 0
                if j < len(items) and (items[j][1] or seq[j].isdigit()):
                    self.roles.update(seq[i:j])
                    if items[j][1]:
                        i = j  # the number itself is read next
                        continue
                    self.serials.add((kind[0], seq[j]))
                    self.keys.add(f"{kind[0]}:{seq[j]}")
                    self.roles.add(seq[j])
                    i = j + 1
                    continue
            if is_number:
                self.numbers.add(family(s))
                self.keys.add(_number_key(s))
                if _number_kind(s):
                    self.named.add((_number_kind(s), family(s)[0]))
            elif s.isdigit():
                before = seq[i - 1] if i > 0 and not seq[i - 1].isdigit() else ""
                after = seq[i + 1] if not before and i + 1 < len(seq) and not seq[i + 1].isdigit() else ""
                self.qualified.add((before, s, after))
                self.roles.add(s)
            else:
                self.plain.add(s)
            i += 1


def highlight_for(parsed, exact: set[str], folded: set[str]) -> Highlight:
    """The spec of what to mark for ``parsed``, from the syllables the search matched on.

    ``exact`` and ``folded`` are the syllables the search matched; those that belong to a
    number or a kind and serial of the query are taken out, as they are marked only whole.
    """
    reading = _Reading()
    for text in _query_texts(parsed):
        reading.read(cached_analyze(text, query=True))
    dropped = reading.roles - reading.plain
    dropped_folds = {fold(d) for d in dropped} - {fold(p) for p in reading.plain}
    exact = frozenset(e for e in exact if e not in dropped)
    folded = frozenset(f for f in folded if f not in dropped_folds)
    return Highlight(
        exact=exact, folded=folded, numbers=frozenset(reading.numbers),
        serials=frozenset(reading.serials), named=frozenset(reading.named - reading.serials),
        qualified=frozenset(reading.qualified), folded_mode=not has_diacritics(parsed.positive_text()),
        wanted=len(folded | {fold(e) for e in exact}) + len(reading.qualified) + len(reading.keys),
    )


def _variant_pattern(folded_token: str) -> str:
    """A regex matching ``folded_token`` written with any diacritics ("dat" → đất, dát…)."""
    parts = []
    for ch in folded_token:
        variants = _VARIANTS.get(ch)
        parts.append(f"[{variants}{variants.upper()}]" if variants else re.escape(ch))
    return "".join(parts)


def _words_pattern(words) -> str:
    return r"\s+".join(_variant_pattern(fold(w)) for w in words)


def _matches(word: str, exact, folded) -> bool:
    token = canonical_token(word)
    return token in exact or fold(token) in folded


@lru_cache(maxsize=64)
def _patterns(spec: Highlight) -> list[tuple[str, tuple, re.Pattern]]:
    """(what, its details, compiled pattern) for each kind of mark ``spec`` asks for."""
    found = []
    targets = spec.folded | {fold(e) for e in spec.exact}
    if targets:
        alternatives = sorted((_variant_pattern(t) for t in targets), key=len, reverse=True)
        found.append(("word", (), _EDGE_BEFORE + "(?:" + "|".join(alternatives) + ")" + _EDGE_AFTER))
    if spec.numbers or spec.serials:
        found.append(("docnum", (), DOCNUM_RE.pattern))
    kinds = {k for k, _ in spec.serials | spec.named}
    if kinds:
        names = "|".join(_words_pattern(_KIND_WORDS[k]) for k in sorted(kinds))
        found.append(("kind", (), rf"{_EDGE_BEFORE}(?P<kind>{names})\s+(?:s[ốo]\s+)?"
                                  rf"(?P<num>{DOCNUM_RE.pattern}|\d{{1,5}}{_EDGE_AFTER})"))
    # Numbers beside a word, before it or alone: one pass each, however many the query has.
    for side in ("before", "after", "alone"):
        wanted = {(q[0] if side == "before" else q[2] if side == "after" else "", q[1])
                  for q in spec.qualified
                  if (q[0] if side == "before" else q[2] if side == "after" else not (q[0] or q[2]))}
        if not wanted:
            continue
        words = "|".join(sorted({_words_pattern([w]) for w, _ in wanted if w}, key=len, reverse=True))
        number = r"(?P<num>\d+)"
        core = {"before": rf"(?P<word>{words})\s+{number}", "after": rf"{number}\s+(?P<word>{words})",
                "alone": number}[side]
        found.append(("qualified", frozenset(wanted), _EDGE_BEFORE + core + _EDGE_AFTER))
    return [(what, details, re.compile(p, re.IGNORECASE)) for what, details, p in found]


def _docnum_key(token: str, spec: Highlight) -> str | None:
    """The key of a document number in the text, or None when it is not one searched for."""
    parts = family(token)
    if parts in spec.numbers or (_number_kind(token), parts[0]) in spec.serials:
        return _number_key(token)
    return None


def _check(what: str, details: tuple, m: re.Match, spec: Highlight) -> str | tuple | None:
    """The key (or keys) of match ``m`` when it is really what was searched for, else None."""
    if what == "word":
        word = m.group()
        return fold(canonical_token(word)) if _matches(word, spec.exact, spec.folded) else None
    if what == "docnum":
        return _docnum_key(m.group(), spec)
    if what == "kind":
        kind, number = kind_key(m.group("kind")), m.group("num")
        if number.isdigit():
            key = (kind, str(int(number)))
            return f"{kind}:{key[1]}" if key in spec.serials | spec.named else None
        return _docnum_key(number, spec)
    number = str(int(m.group("num")))
    word = m.groupdict().get("word")
    if word is None:
        return f"|{number}" if ("", number) in details else None
    # The word beside the number, with its diacritics unless the query had none.
    found = fold(canonical_token(word)) if spec.folded_mode else canonical_token(word)
    for wanted, wanted_number in details:
        typed = fold(canonical_token(wanted)) if spec.folded_mode else canonical_token(wanted)
        if wanted_number == number and typed == found:
            # The word counts as found too: "Điều 5" holds both "điều" and "điều 5" of the query.
            return f"{wanted}|{number}", fold(canonical_token(wanted))
    return None


def find_marks(text: str, spec: Highlight) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, keys) of every stretch of ``text`` to mark, in order, never overlapping.

    ``keys`` name what of the query the stretch is ("điều", "chithi:5"); a passage holding
    more different keys answers more of the query.

    Each kind of mark is one pass of a regex over the text at C speed; the candidates are then
    checked (diacritics count when the query had them; a number must be the one searched).
    A longer mark wins over the words inside it ("Chỉ thị số 05-CT/TW" over "thị").
    """
    passes = []
    for what, details, pattern in _patterns(spec):
        found, seen = [], {}  # the same word recurs hundreds of times in a law: check it once
        for m in pattern.finditer(text):
            surface = m.group()
            keys = seen.get(surface, False)
            if keys is False:
                key = _check(what, details, m, spec)
                keys = seen[surface] = None if key is None else key if isinstance(key, tuple) else (key,)
            if keys is not None:
                found.append((m.start(), m.end(), keys))
        passes.append(found)
    if len(passes) == 1:
        return passes[0]  # one pass never overlaps itself
    found = sorted((x for one in passes for x in one), key=lambda x: (x[0], x[0] - x[1]))
    marks, reach = [], -1
    for start, end, keys in found:
        if start >= reach:
            marks.append((start, end, keys))
            reach = end
    return marks
