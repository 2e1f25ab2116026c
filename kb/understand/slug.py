"""A headline read back from a web address: ".../ky-uc-cua-nguoi-chi-huy-20210430055637062.htm".

Crawled copies of news pages often keep the article's address but drop its headline: the first
line of the text is a lead, a caption or a subheading. The address's last segment (its "slug")
is the headline without marks, case or punctuation. ``headline_from_slug`` gives the marks,
case and punctuation back by finding runs of the slug's words in the article's own text
("ky uc cua nguoi" → "Ký ức của người"): the article uses the headline's words, and a run of
several words settles which of "ca", "cá", "cả", "cà" was meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kb.analysis.tones import canonical_tones

_COMBINING = {chr(c) for c in range(0x300, 0x370)}
# A trailing timestamp or numeric id: "-20210430055637062", "-post123456", "-d12345"
_SLUG_ID = re.compile(r"(?:-(?:post|d|n|a|c)?\d{5,}|\d{10,})$")
_SLUG_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|vnp|tpo|ldo)$", re.IGNORECASE)
_MIN_WORDS = 3
# Punctuation inside a word, which slugs drop: "C.Ronaldo", "30/4-1/5", "Covid-19"
_JOINERS = frozenset(".-/:'’,")


def _fold_char(c: str) -> str:
    """One character folded: lower case, no mark, đ as d; "" for anything not a letter or digit."""
    c = c.lower()
    if c == "đ":
        return "d"
    base = "".join(x for x in unicodedata.normalize("NFD", c) if x not in _COMBINING)
    return base if base.isalnum() else ""


def slug_words(url: str) -> list[str]:
    """The words of an address's last path segment, without its id and suffix ([] when it has
    too few words to be a headline)."""
    path = urlsplit(url.strip()).path.rstrip("/")
    segment = unquote(path.rsplit("/", 1)[-1])
    segment = _SLUG_ID.sub("", _SLUG_SUFFIX.sub("", segment))
    words = [w for w in re.split(r"[-_+\s]+", segment.lower()) if w]
    if len(words) < _MIN_WORDS or not all(re.fullmatch(r"[a-z0-9]+", w) for w in words):
        return []
    return words


class _Skeleton:
    """The text folded to letters and digits only, each kept character's offset remembered."""

    def __init__(self, text: str):
        chars: list[str] = []
        offsets: list[int] = []
        starts, ends = set(), set()
        in_word = False
        for i, c in enumerate(text):
            f = _fold_char(c)
            if f:
                if not in_word:
                    starts.add(len(chars))
                    in_word = True
                chars.extend(f)
                offsets.extend([i] * len(f))
            elif in_word and not (c in _JOINERS and i + 1 < len(text) and text[i + 1].isalnum()):
                ends.add(len(chars))
                in_word = False
        if in_word:
            ends.add(len(chars))
        self.text, self.folded, self.offsets = text, "".join(chars), offsets
        self.starts, self.ends = starts, ends

    def find(self, key: str) -> tuple[int, int] | None:
        """The original span of the first occurrence of ``key`` that starts and ends at word
        edges and does not cross a line."""
        at = self.folded.find(key)
        while at >= 0:
            end = at + len(key)
            if at in self.starts and end in self.ends:
                start, stop = self.offsets[at], self.offsets[end - 1] + 1
                if "\n" not in self.text[start:stop]:
                    return start, stop
            at = self.folded.find(key, at + 1)
        return None


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, dict[str, int]]:
    """Words of two to four syllables of underthesea's Vietnamese word lists (Hồ Ngọc Đức's),
    by their folded spelling, each with its rank: 0 for the 11K list of the commonest words, 1,
    2 for the 22K and 39K lists, 3 for the full 74K ("cong dong" → {"cộng đồng": 2, "công
    đồng": 3})."""
    try:
        from underthesea.corpus import viet_dict_11K, viet_dict_22K, viet_dict_39K, viet_dict_74K
        lists = [viet_dict_11K.words, viet_dict_22K.words, viet_dict_39K.words,
                 viet_dict_74K.words]
    except Exception:  # noqa: BLE001 - the word list is a help, never a requirement
        return {}
    table: dict[str, dict[str, int]] = {}
    for rank in range(len(lists) - 1, -1, -1):
        for word in lists[rank]:
            syllables = word.split()
            if 2 <= len(syllables) <= 4:
                table.setdefault(folded_words(word), {})[canonical_tones(word)] = rank
    return table


def _from_dictionary(words: list[str], i: int, sample: "_Sample",
                     treebank: "_Sample | None" = None) -> tuple[str, int, int] | None:
    """The longest dictionary word spelt by ``words[i:]`` when its spelling is not in doubt,
    with how many of its syllables the article uses: one spelling, or the one the article writes
    as a pair of syllables, else the one of the commoner word list, else the one the treebank
    writes, else the one whose syllables the article uses more."""
    table = _dictionary()
    for j in range(min(len(words), i + 4), i + 1, -1):
        forms: dict[str, tuple[str, int]] = {}
        for form, rank in table.get("".join(words[i:j]), {}).items():
            if form.lower() not in forms or not form[:1].islower():  # "Việt Nam" over "việt nam"
                forms[form.lower()] = (form, rank)

        def support(low: str) -> int:
            return sum(sample.uni[x] > 0 for x in low.split())

        if len(forms) == 1:
            form = next(iter(forms.values()))[0]
            return form, j, support(form.lower())

        def score(item: tuple[str, tuple[str, int]]) -> tuple:
            low, (_, rank) = item
            pairs = list(zip(low.split(), low.split()[1:]))
            written = sum(sample.bi[pair] > 0 for pair in pairs)
            usual = sum(treebank.bi[pair] > 0 for pair in pairs) if treebank is not None else 0
            return written, -rank, usual, support(low)

        scored = sorted(forms.items(), key=score, reverse=True)
        if len(scored) > 1 and score(scored[0]) > score(scored[1]):
            return scored[0][1][0], j, support(scored[0][0])
    return None


class _Sample:
    """Syllable and syllable-pair counts of a text (lower case, canonical tone marks)."""

    def __init__(self, sentences: list[list[str]]):
        self.uni: Counter = Counter()
        self.bi: Counter = Counter()
        self.spellings: dict[str, set[str]] = {}
        for sentence in sentences:
            syllables = [canonical_tones(x.lower()) for x in sentence]
            self.uni.update(syllables)
            self.bi.update(zip(syllables, syllables[1:]))
            for x in syllables:
                self.spellings.setdefault(folded_words(x), set()).add(x)

    def pair(self, left: str | None, right: str | None, right_fold: str | None = None) -> int:
        """How often ``left`` precedes ``right`` (or any spelling of ``right_fold``)."""
        if not left:
            return 0
        if right:
            return self.bi[left, right]
        return sum(self.bi[left, x] for x in self.spellings.get(right_fold or "", ()))


def _sentences(text: str) -> list[list[str]]:
    return [re.findall(r"[^\W\d_]+", part) for part in re.split(r"[.!?;:\n]+", text)]


@lru_cache(maxsize=1)
def _treebank() -> _Sample:
    """Counts from the Vietnamese treebank sample that ships with underthesea's tagger (the
    VLSP 2013 test output): what the usual spelling of an unmarked syllable is, and what
    usually follows what. Empty when the file is not there."""
    try:
        import underthesea
        folder = Path(underthesea.__file__).parent / "pipeline" / "pos_tag" / "models"
        samples = sorted(folder.glob("*/test_output.txt"))
        lines = samples[-1].read_text(encoding="utf-8").splitlines() if samples else []
    except (ImportError, OSError):
        lines = []
    sentences, current = [], []
    for line in lines:
        token = line.split("\t", 1)[0]
        if not token.strip():
            sentences.append(current)
            current = []
        else:
            current.extend(x for x in token.split() if x.isalpha())
    return _Sample(sentences + [current])


def _case_in(form: str, text: str) -> str:
    """``form`` capitalised when the article only ever writes it so inside a sentence (a name)."""
    seen = set()
    for m in re.finditer(r"\w+", text):
        if m.group().lower() == form:
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \"'“‘(")
            if before and not before.endswith(("\n", ".", "!", "?", ":")):
                seen.add(m.group()[:1].isupper())
    return form[:1].upper() + form[1:] if seen == {True} else form


def _spell(word: str, prev: str | None, next_fold: str | None, article: _Sample,
           treebank: _Sample) -> str | None:
    """The likeliest spelling of the unmarked syllable ``word`` between its neighbours: what the
    article writes beside them first, then what the treebank does, then the commonest."""
    candidates = article.spellings.get(word, set()) | treebank.spellings.get(word, set())
    if not candidates:
        return None

    def score(x: str) -> tuple:
        return (article.pair(prev, x) + article.pair(x, None, next_fold),
                treebank.pair(prev, x) + treebank.pair(x, None, next_fold),
                article.uni[x], treebank.uni[x])

    return max(sorted(candidates), key=score)


_QUOTES = "\"“”‘’«»"


def _balanced(piece: str) -> str:
    """A piece of the article without a quotation mark whose partner lies outside it."""
    marks = sum(piece.count(q) for q in _QUOTES)
    return piece.translate({ord(q): None for q in _QUOTES}).replace("  ", " ") if marks % 2 else piece


def _uses(sample: "_Sample", run: str) -> int:
    """How often the article writes the two syllables of ``run`` side by side."""
    pair = tuple(canonical_tones(x.lower()) for x in re.findall(r"[^\W\d_]+", run))
    return sample.bi[pair] if len(pair) == 2 else 0


def _text_run(words: list[str], i: int, skeleton: "_Skeleton", text: str) -> tuple[str, int] | None:
    """The longest run of two or more slug words from ``words[i]`` the article writes, as it
    writes it, with where the run ends; None when there is none."""
    for j in range(len(words), i + 1, -1):
        span = skeleton.find("".join(words[i:j]))
        if span:
            return _balanced(re.sub(r"\s+", " ", text[span[0]:span[1]])), j
    return None


def headline_from_slug(words: list[str], text: str) -> str:
    """The headline the slug ``words`` spell, marks and punctuation taken from ``text``.

    Greedy, left to right: the longest run of two or more slug words found in the text (at word
    edges) is taken as the text writes it; else a dictionary word they spell; else one syllable
    spelt as the article, or the treebank, most often writes it beside its neighbours; else the
    word as the slug writes it.
    """
    skeleton = _Skeleton(text)
    article, treebank = _Sample(_sentences(text)), _treebank()
    pieces: list[str] = []
    i = 0
    while i < len(words):
        run = _text_run(words, i, skeleton, text)
        if run is not None:
            # Two runs of the article overlap ("khi còn" / "con người"): the longer one, or of
            # two pairs the one the article writes more often, wins; this word is spelt alone.
            later = _text_run(words, i + 1, skeleton, text)
            if later is not None and later[1] > run[1] and (
                    later[1] - (i + 1) > run[1] - i
                    or (later[1] - (i + 1) == run[1] - i == 2
                        and _uses(article, later[0]) > _uses(article, run[0]))):
                run = None
        known = _from_dictionary(words, i, article, treebank)
        if known and run is None and i + 1 < known[1]:
            # Two dictionary words overlap ("dan do xo": "dẫn độ", "đổ xô"): the one whose
            # syllables the article uses more wins, and this word is then spelt alone.
            overlap = _from_dictionary(words, i + 1, article, treebank)
            if overlap and overlap[1] > known[1] and overlap[2] > known[2]:
                known = None
        if known and (run is None or known[1] > run[1]):
            run = known[:2]
        if run is None and not words[i].isalpha():
            span = skeleton.find(words[i])
            run = (text[span[0]:span[1]] if span else words[i]), i + 1
        if run is None:
            prev = canonical_tones(pieces[-1].split()[-1].lower()) if pieces else None
            nxt = words[i + 1] if i + 1 < len(words) else None
            form = _spell(words[i], prev, nxt, article, treebank)
            run = (_case_in(form, text) if form else words[i]), i + 1
        pieces.append(run[0])
        i = run[1]
    headline = " ".join(pieces)
    return headline[:1].upper() + headline[1:]


def name_in_text(name: str, text: str) -> str | None:
    """A file name's words as ``text`` writes them ("tuyen_ngon_doc_lap_1945__tnt305_32dc…" →
    "Tuyên ngôn Độc lập"), when the text holds them all as one run; None otherwise. What
    follows a "__" and trailing numbers (a year, an id) are no part of the name."""
    words = slug_words(name.split("__", 1)[0])
    while words and not words[-1].isalpha():
        words.pop()
    if len(words) < _MIN_WORDS:
        return None
    span = _Skeleton(text[:50000]).find("".join(words))
    if span is None:
        return None
    found = re.sub(r"\s+", " ", text[span[0]:span[1]])
    return found[:1].upper() + found[1:]


def folded_words(line: str) -> str:
    """A line folded the way a slug writes it: letters and digits only, no spaces."""
    return "".join(_fold_char(c) for c in line)
