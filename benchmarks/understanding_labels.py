"""The hand-labelled understanding sets (benchmarks/data/understanding/*.jsonl) and how a value
kb extracted is compared with a label.

One JSON object per line: ``{"path", "group", "fields": {...}, "notes"}``. ``path`` follows
the data conventions (relative to the shared/ root, ``corpus/...`` relative to the repository).
A field's value is a string, null (the document truly has none) or a list of strings (each one
is a right answer: a treaty signed by two ministers, "Hướng dẫn liên ngành" or "Hướng dẫn"); a
field left out is one the labeller could not tell, and is not scored. Web pages may also carry
``"sayings": [{"text", "sector"}]`` (in ``fields`` or beside it); a saying is found when kb's
text and the label share most of their words, counted against the longer of the two.

Comparison forgives spelling, never content: case, Unicode form, whitespace, punctuation,
tone-mark placement (hoà = hòa), "qui" = "quy", "V/v" = "Về việc", and a rank before a
signer's name (Thượng tướng Tô Lâm = Tô Lâm). Diacritics themselves count: "Bộ Tài chính"
is not "Bo Tai chinh". Numbers keep their punctuation ("05-CT/TW" is not "05/CT-TW").
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from kb.analysis.tones import canonical_tones

#: Fields of an official document, in the order they are reported.
OFFICIAL_FIELDS = ("kind", "number", "issuer", "issuer_parent", "place", "date", "title",
                   "signer", "signer_role")
#: Fields a web page, press article or page of sayings may carry.
WEB_FIELDS = ("kind", "date", "title", "sayings")
#: "author" marks a text that is wholly one person's writing (his Di chúc): not scored.
ALLOWED_FIELDS = frozenset(OFFICIAL_FIELDS) | frozenset(WEB_FIELDS) | {"author"}
#: Fewest labelled documents each group must have (groups not listed need one).
MINIMUM = {"official": 90, "corpus": 15}

OVERLAP = 0.8  # a saying is found when this share of the longer one's tokens is shared

_QUI = {"qui": "quy", "quí": "quý", "quì": "quỳ", "quỉ": "quỷ", "quĩ": "quỹ", "quị": "quỵ"}
_RANK = re.compile(
    r"^(?:(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý)|đồng\s+chí|(?:p?gs|ts|ths)\.?(?:\s*ts\.?)?)\s+",
    re.IGNORECASE,
)


def load(folder: Path) -> list[dict]:
    """Every record of every ``*.jsonl`` in ``folder``, each with its ``file`` and ``line``."""
    records = []
    for file in sorted(Path(folder).glob("*.jsonl")):
        with open(file, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    record = json.loads(line)
                    record["file"], record["line"] = file.name, n
                    records.append(record)
    return records


def resolve(path: str, root: Path, shared: Path) -> Path:
    """The file a labelled ``path`` names: ``corpus/...`` in the repository, the rest in shared/
    (a ``#key`` naming a record inside a file of records is dropped: the caller picks the record)."""
    file = path.split("#", 1)[0]
    return (root if file.split("/", 1)[0] == "corpus" else shared) / file


def sayings_of(record: dict) -> list[dict] | None:
    """The labelled sayings of a record, or None when it lists none."""
    sayings = record.get("sayings", record.get("fields", {}).get("sayings"))
    return sayings if isinstance(sayings, list) else None


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a real calendar date written yyyy-mm-dd."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def norm_text(value: str) -> str:
    """Spelling-free form of a title, body, place or role (see the module docstring)."""
    text = unicodedata.normalize("NFC", value).lower()
    text = re.sub(r"(?<!\w)v/v(?!\w)", "về việc", text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    words = [_QUI.get(w, w) for w in canonical_tones(" ".join(text.split())).split()]
    return " ".join(words)


def norm_signer(value: str) -> str:
    """A person's name without the rank or title printed before it."""
    return norm_text(_RANK.sub("", unicodedata.normalize("NFC", value).strip()))


def norm_number(value: str) -> str:
    """A document number: upper case, no spaces, punctuation kept."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value)).upper().rstrip(".")


_NORM = {"number": norm_number, "date": str.strip, "signer": norm_signer}


def matches(field: str, expected, got) -> bool:
    """Whether kb's value ``got`` is right for the label ``expected`` (None, str or list)."""
    if expected is None:
        return got in (None, "")
    if got in (None, ""):
        return False
    norm = _NORM.get(field, norm_text)
    options = expected if isinstance(expected, list) else [expected]
    return norm(str(got)) in {norm(option) for option in options}


def _tokens(text: str) -> Counter:
    return Counter(norm_text(text).split())


def overlap(a: str, b: str) -> float:
    """Share of the longer text's tokens that the other one has too.

    Punctuation, quotation marks, ellipses and line breaks do not count (tokens are words), so a
    saying found whole however the page punctuates it scores 1; a fragment of it (or a passage
    that runs far past it) scores its share only, and is not taken for the whole.
    """
    ta, tb = _tokens(a), _tokens(b)
    longer = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longer if longer else 0.0


def pair_sayings(labelled: list[dict], extracted: list[dict]) -> list[tuple[dict, dict]]:
    """Labelled and extracted sayings paired one to one, best overlap first, at ``OVERLAP``."""
    candidates = sorted(
        ((overlap(lab["text"], ext["text"]), i, j)
         for i, lab in enumerate(labelled) for j, ext in enumerate(extracted)),
        reverse=True,
    )
    used_l, used_e, pairs = set(), set(), []
    for score, i, j in candidates:
        if score < OVERLAP:
            break
        if i not in used_l and j not in used_e:
            used_l.add(i)
            used_e.add(j)
            pairs.append((labelled[i], extracted[j]))
    return pairs


def sector_right(labelled: dict, extracted: dict) -> bool:
    """Whether the extracted saying names the labelled sector (none when the label has none)."""
    want = labelled.get("sector")
    got = {norm_text(s) for s in extracted.get("sectors") or []}
    if want is None:
        return not got
    options = want if isinstance(want, list) else [want]
    return any(norm_text(o) in got for o in options)
