"""Detect text written in a pre-Unicode Vietnamese encoding and convert it to Unicode.

Old Word/Excel/PDF files set in ".VnTime" (TCVN3/ABC), "VNI-Times" (VNI), VISCII or
Windows-1258 come out of extractors as Latin-1 mojibake: ``"C¨n cø Ph¸p lÖnh"`` is TCVN3 for
"Căn cứ Pháp lệnh". :func:`fix_legacy` is the one entry point: it finds which lines are such
mojibake and rewrites them, and leaves everything else alone.

Detection is statistical and conservative: a line is rewritten only when its words turn into
valid Vietnamese syllables that they were not before. Only lines made entirely of
Latin-1/cp1252 characters can be legacy text (a mis-decoded byte is always one of those), so
text holding real Unicode Vietnamese letters (ư, ơ, ạ, ộ...) is never reinterpreted as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kb.ingest.legacy_tables import TCVN3, VISCII, VNI_PAIRS, VNI_SINGLES

#: Encodings fix_legacy knows, in the order ties are broken.
ENCODINGS = ("tcvn3", "vni", "viscii", "cp1258")

# cp1252 puts printable characters at 0x80-0x9F; map them back to their byte value so that
# text decoded as cp1252 and text decoded as latin-1 look the same to the tables.
_CP1252_BYTE = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass


def _byte(ch: str) -> int | None:
    """The byte a mis-decoded character came from, or None if it cannot be one."""
    code = ord(ch)
    if code < 256:
        return code
    return _CP1252_BYTE.get(ch)


# --- Vietnamese syllable check -------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSETS = ("ngh", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
           "ng", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "")
_OPEN_RHYMES = (
    "a ai ao au ay âu ây e eo ê êu i ia iu o oa oai oay oe oeo oi ôi ơ ơi u ua uây uê ui uôi "
    "uơ uy uya uyu ưa ưi ưu ươi ươu y yêu iêu oao uyê uê"
).split()
_CLOSED_NUCLEI = "a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê oo".split()
_CODAS = "c ch m n ng nh p t".split()
_RHYMES = frozenset(_OPEN_RHYMES + [n + c for n in _CLOSED_NUCLEI for c in _CODAS])
_WORD_SPLIT = re.compile(r"[\s,.;:!?()\[\]{}\"'/\\|<>=+*&%$#@^~`_\-–—“”‘’…•0-9]+")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True if ``word`` (any case, NFC or not) is a well-formed Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if not bare or any(not ("a" <= c <= "z" or c in "ăâêôơưđ") for c in bare):
        return False
    for onset in _ONSETS:
        if bare.startswith(onset):
            rhyme = bare[len(onset):]
            if onset == "gi" and rhyme == "":
                return True  # "gì"
            if rhyme in _RHYMES:
                # Stop-final syllables (-c, -ch, -p, -t) only take the acute or dot-below tone.
                if rhyme[-1] in "cpt" or rhyme.endswith("ch"):
                    return bool(tones) and tones[0] in "\u0301\u0323"
                return True
    return False


def _is_vietnamese_word(word: str) -> bool:
    """A syllable carrying at least one non-ASCII letter: evidence of Vietnamese text."""
    return any(ord(c) > 127 for c in word) and is_syllable(word)


# --- Converters -----------------------------------------------------------------------------


def _convert_bytes(text: str, table: dict[int, str]) -> str:
    out = []
    for ch in text:
        b = _byte(ch)
        out.append(table.get(b, ch) if b is not None else ch)
    return unicodedata.normalize("NFC", "".join(out))


def _convert_vni(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = VNI_PAIRS.get(text[i:i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        out.append(VNI_SINGLES.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _convert_cp1258(text: str) -> str:
    raw = bytes(b if (b := _byte(ch)) is not None else 0x3F for ch in text)
    return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


def convert(text: str, encoding: str) -> str:
    """Reinterpret mojibake ``text`` as ``encoding`` (one of :data:`ENCODINGS`); NFC result."""
    if encoding == "tcvn3":
        return _restore_case(_convert_bytes(text, TCVN3))
    if encoding == "viscii":
        return _convert_bytes(text, VISCII)
    if encoding == "vni":
        return _convert_vni(text)
    if encoding == "cp1258":
        return _convert_cp1258(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _upper_token(match: re.Match[str]) -> str:
    word = match.group(0)
    ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
    # TCVN3 has no toned capitals, so "CéNG" (typed in capitals) becomes "CộNG": a word whose
    # plain letters are all capitals is meant to be all capitals.
    if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
        return word.upper()
    return word


_TOKEN = re.compile(r"[^\W\d_]+")


def _restore_case(text: str) -> str:
    return _TOKEN.sub(_upper_token, text)


# --- Detection ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(text) if w and any(ord(c) > 127 for c in w)]


def _word_score(word: str) -> int:
    """+1 for a Vietnamese syllable, -1 for other words, -2 for words holding non-letters.

    The extra point tells "Q§" (TCVN3 for "QĐ", a symbol inside a word) from "QĐ" (an
    abbreviation: not a syllable, but made of Vietnamese letters).
    """
    if is_syllable(word):
        return 1
    return -1 if all(c.isascii() or c.lower() in _VIET_LETTERS for c in word) else -2


_VIET_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


def _score(text: str) -> int:
    """Sum of :func:`_word_score` over the words holding non-ASCII characters."""
    return sum(_word_score(word) for word in _words(text))


def _is_candidate(line: str) -> bool:
    """Could this line be mojibake? It must hold a high byte and only byte-like characters."""
    has_high = False
    for ch in line:
        b = _byte(ch)
        if b is None:
            return False
        if b >= 0x80 or (b < 0x20 and ch not in "\t\r\n"):
            has_high = True
    return has_high


def detect(text: str) -> str | None:
    """The legacy encoding ``text`` is written in, or None when there is no clear evidence."""
    lines = [ln for ln in text.splitlines() if _is_candidate(ln)]
    if not lines:
        return None
    sample = "\n".join(lines)
    before = _score(sample)
    n_words = len(_words(sample))
    best, best_gain = None, 0
    for encoding in ENCODINGS:
        gain = _score(convert(sample, encoding)) - before
        if gain > best_gain:
            best, best_gain = encoding, gain
    # A clear gain: at least 3 words, and a quarter of the words with high bytes, get fixed.
    if best is None or best_gain < max(3, n_words // 2):
        return None
    return best


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Convert the legacy-encoded lines of ``text`` to Unicode; return (text, encoding or None).

    Lines that are proper Unicode, or that do not read better once converted, are returned
    unchanged; the result is NFC wherever it was converted.
    """
    encoding = detect(text)
    if encoding is None:
        return text, None
    has_unicode_vietnamese = any(0x1EA0 <= ord(c) <= 0x1EF9 or c in "ăâđơưĂĐƠƯ"
                                 for c in text if ord(c) > 0xFF)
    out = []
    for line in text.splitlines(keepends=True):
        out.append(_fix_line(line, encoding, has_unicode_vietnamese))
    return "".join(out), encoding


def _fix_line(line: str, encoding: str, mixed_document: bool) -> str:
    if _is_candidate(line):
        converted = convert(line, encoding)
        before, after = _score(line), _score(converted)
        # On a tie (e.g. a lone "cã", valid in both readings) trust the document-level
        # decision, unless the document also holds real Unicode Vietnamese.
        if after > before or (after == before and not mixed_document and after >= 0):
            return converted
        return line
    # A line with Unicode letters in it: only rewrite single words that are gibberish as they
    # stand and a Vietnamese syllable once converted.
    return re.sub(r"\S+", lambda m: _fix_word(m.group(0), encoding), line)


def _fix_word(word: str, encoding: str) -> str:
    if not _is_candidate(word):
        return word
    converted = convert(word, encoding)
    if _score(converted) > 0 and _score(word) <= 0 and _score(converted) > _score(word):
        return converted
    return word
