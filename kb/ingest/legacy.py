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


# PDF text layers of .VnTime documents name the glyphs at 0xAD ("ư") and 0xB7 ("ã") after
# the shapes the font draws there, and pypdf returns MINUS SIGN and BULLET OPERATOR for them.
_PDF_ALIASES = {"\u2212": 0xAD, "\u2219": 0xB7}
_CP1252_BYTE.update(_PDF_ALIASES)


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
    "a e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi ưu "
    "iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu"
).split()
_CLOSED_NUCLEI = "a ă â e ê i o ô ơ u ư iê yê uô ươ oa oă oe uâ uê uy uyê oo".split()
_CODAS = "c ch m n ng nh p t".split()
# Codas a nucleus never takes: "ơ" closes only on m, n, p, t ("ớng" is no syllable, "tướng" is),
# "ă", "â", "ư" never on the palatal "ch", "nh".
_NO_CODA = {"ơ": {"c", "ch", "ng", "nh"}, "ă": {"ch", "nh"}, "â": {"ch", "nh"}, "ư": {"ch", "nh"}}
_RHYMES = frozenset(_OPEN_RHYMES + [n + c for n in _CLOSED_NUCLEI for c in _CODAS
                                    if c not in _NO_CODA.get(n, ())])
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


def _convert_bytes(text: str, table: dict[int, str], guard_symbols: bool = False) -> str:
    out = []
    for i, ch in enumerate(text):
        b = _byte(ch)
        if b is None or b not in table or (ch in _PDF_ALIASES and not _next_to_letter(text, i)):
            out.append(ch)  # a lone "−" before a digit is a minus sign, not "ư"
        elif guard_symbols and 0x80 <= b < 0xC0 and not _next_to_letter(text, i):
            # VISCII puts letters where cp1252/latin-1 put punctuation and symbols (– — “ ©).
            # Alone between spaces or digits such a character is far more likely punctuation.
            out.append(ch)
        else:
            out.append(table[b])
    return unicodedata.normalize("NFC", "".join(out))


def _next_to_letter(text: str, i: int) -> bool:
    return ((i > 0 and (text[i - 1].isalpha() or ord(text[i - 1]) > 127))
            or (i + 1 < len(text) and (text[i + 1].isalpha() or ord(text[i + 1]) > 127)))


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
        return _convert_bytes(text, VISCII, guard_symbols=True)
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
    lines = []
    for line in text.splitlines(keepends=True):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        upper = sum(1 for c in ascii_letters if c.isupper())
        if len(ascii_letters) >= 6 and upper >= 0.9 * len(ascii_letters):
            lines.append(line.upper())  # a heading in capitals: "X·" is "XÃ" there too
        else:
            lines.append(_TOKEN.sub(_upper_token, line))
    return "".join(lines)


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


def _line_gains(lines: list[str]) -> dict[str, tuple[int, dict[str, int]]]:
    """For each distinct candidate line: (score as it stands, {encoding: score converted})."""
    out = {}
    for line in set(lines):
        out[line] = (_score(line), {enc: _score(convert(line, enc)) for enc in ENCODINGS})
    return out


def _analyse(text: str) -> tuple[list[str], dict[str, tuple[int, dict[str, int]]]]:
    """(encodings in use, most evidence first; per-line scores). No encodings: leave alone."""
    lines = [ln for ln in text.splitlines() if _is_candidate(ln)]
    if not lines:
        return [], {}
    scores = _line_gains(lines)
    evidence = dict.fromkeys(ENCODINGS, 0)
    n_words = 0
    for line in lines:
        before, after = scores[line]
        n_words += len(_words(line))
        if not _words(line):
            continue  # punctuation only ("” |"): VISCII would read letters into it
        best = max(ENCODINGS, key=lambda enc: after[enc])  # ties: first in ENCODINGS
        if after[best] > before:
            evidence[best] += after[best] - before
    total = sum(evidence.values())
    # A clear gain: each fixed word gains up to 3 points, so half a point per word with high
    # bytes means a good share of the words became Vietnamese. Unicode text gains ~nothing.
    if total < max(3, n_words // 2):
        return [], scores
    # Several encodings can be in use (a TCVN3 report with VNI chapters pasted in), but an
    # encoding must carry a real share of the gain, not win a few lines by chance.
    used = [enc for enc in sorted(ENCODINGS, key=lambda e: -evidence[e])
            if evidence[enc] >= max(3, total // 20)]
    return used, scores


def detect(text: str) -> str | None:
    """The main legacy encoding ``text`` is written in, or None when there is no clear evidence."""
    used, _ = _analyse(text)
    return used[0] if used else None


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Convert the legacy-encoded lines of ``text`` to Unicode; return (text, encoding or None).

    The encoding returned is the one carrying most of the text; lines in another encoding with
    enough evidence (mixed TCVN3/VNI documents exist) are converted from that one. Lines that
    are proper Unicode, or that do not read better once converted, are returned unchanged; the
    result is NFC wherever it was converted.
    """
    used, scores = _analyse(text)
    if not used:
        return text, None
    mixed = any(0x1EA0 <= ord(c) <= 0x1EF9 or c in "ăâđơưĂĐƠƯ" for c in text if ord(c) > 0xFF)
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body in scores:
            out.append(_fix_line(body, used, scores[body], mixed) + line[len(body):])
        else:
            out.append(re.sub(r"\S+", lambda m: _fix_word(m.group(0), used[0]), line))
    return "".join(out), used[0]


def _fix_line(line: str, used: list[str], scores: tuple[int, dict[str, int]],
              mixed_document: bool) -> str:
    before, after = scores
    if not _words(line):
        return line
    best = max(used, key=lambda enc: after[enc])
    if after[best] > before:
        return convert(line, best)
    # On a tie (e.g. a lone "cã", valid in both readings) trust the document-level decision,
    # unless the document also holds real Unicode Vietnamese.
    if after[used[0]] == before and not mixed_document and before >= 0:
        return convert(line, used[0])
    return line


def _fix_word(word: str, encoding: str) -> str:
    """In a line with real Unicode letters, convert a word only if it is gibberish as it stands."""
    if not _is_candidate(word):
        return word
    converted = convert(word, encoding)
    letters = any(c.isalpha() for c in word)
    if letters and _words(word) and _score(converted) > 0 and _score(word) < 0:
        return converted
    return word
