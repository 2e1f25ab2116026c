"""What the fields of a record are for: key, title, text, date, and for a quotation its author and work.

Roles are told apart by field names, in English or Vietnamese, with or without diacritics, in any
case or separator style ("tieu_de", "Tiêu đề", "noiDung", "en_machine_translation"), and by
values (a long string is text; a year under "year"/"năm" is a date), never by one file's keys.
A record with an author whose text is short and untitled (or is named a quote) is a quotation.
"""

from __future__ import annotations

import re
from typing import Any

from kb.analysis.fold import fold
from kb.ingest.base import ParsedDocument
from kb.ingest.text import finish_text
from kb.understand.dates import iso_date

#: Field names (lower case) holding a record's key, by DATA-CONVENTIONS.
KEY_NAMES = ("id", "_id")
#: A string this long, in this many words, is text whatever its field is called.
LONG_CHARS, LONG_WORDS = 80, 8
#: An untitled record with an author and no more text than this is a quotation.
QUOTE_MAX_CHARS = 1500
TITLE_MAX_CHARS = 300

# Folded words of field names, matched as whole words ("source path" is a path, not a work).
_IDENT = ("id", "ids", "uuid", "guid", "path", "url", "uri", "href", "link", "file", "filename",
          "hash", "sha1", "sha256", "md5", "checksum", "key", "slug", "code", "lang", "language",
          "type", "format", "mime", "ext", "email", "phone", "score", "rank", "count", "chars")
_FOREIGN = ("english", "french", "chinese", "russian", "translation", "translated", "ban dich",
            "tieng anh", "tieng phap", "tieng trung")
# Language codes are also Vietnamese syllables ("đề", "vì"): they count only beside words of
# the vocabularies ("text_vi", "en_machine_translation") or alone ("vi").
_CODES_VI = ("vi", "vn", "vie")
_CODES_OTHER = ("en", "eng", "fr", "zh", "cn", "ja", "jp", "ko", "ru", "de", "es")
_AUTHOR = ("author", "authors", "speaker", "by", "writer", "attributed", "tac gia", "tacgia",
           "nguoi noi", "nguoi viet", "but danh")
_WORK = ("work", "source", "book", "reference", "citation", "origin", "tac pham", "tacpham",
         "nguon", "xuat xu", "trich tu")
_DATE = ("date", "year", "time", "datetime", "timestamp", "published", "created", "issued",
         "updated", "modified", "ngay", "nam", "thoi gian")
_TITLE = ("title", "name", "heading", "headline", "subject", "tieu de", "tieude",
          "ten", "trich yeu", "dau de", "tua de", "nhan de")
_QUOTE = ("quote", "quotes", "quotation", "saying", "sayings", "cau noi", "trich dan",
          "danh ngon", "cham ngon", "loi day")
_TEXT = ("text", "content", "contents", "body", "passage", "paragraph", "paragraphs", "article",
         "description", "summary", "abstract", "answer", "question", "message", "comment",
         "excerpt", "context", "vietnamese", "noi dung", "noidung", "van ban",
         "tom tat", "mo ta", "cau hoi", "tra loi", "bai viet", "tieng viet")

_VOCABULARY_WORDS = frozenset(
    w for vocabulary in (_IDENT, _FOREIGN, _AUTHOR, _WORK, _DATE, _TITLE, _QUOTE, _TEXT)
    for phrase in vocabulary for w in phrase.split()) | {"machine", "auto", "original"}
_PHRASES_WITH_CODES = tuple(
    phrase for vocabulary in (_IDENT, _FOREIGN, _AUTHOR, _WORK, _DATE, _TITLE, _QUOTE, _TEXT)
    for phrase in vocabulary if " " in phrase and set(phrase.split()) & {*_CODES_VI, *_CODES_OTHER})
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_URL = re.compile(r"^[a-z][\w+.-]*://|^www\.", re.I)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")


def name_words(name: str) -> str:
    """The folded words of a field name, padded: "noiDung" → " noi dung ", "Tiêu đề" → " tieu de "."""
    return " " + " ".join(_WORD.findall(fold(_CAMEL.sub(" ", str(name))))) + " "


def _named(words: str, vocabulary: tuple[str, ...]) -> bool:
    return any(f" {w} " in words for w in vocabulary)


def _language(words: str) -> str | None:
    """"vi" or "other" when a field name carries a language code ("text_vi", "en"), else None."""
    parts = words.split()
    if any(f" {phrase} " in words for phrase in _PHRASES_WITH_CODES):  # "tiêu đề" is no code
        return None
    for code, codes in (("vi", _CODES_VI), ("other", _CODES_OTHER)):
        if parts and (parts[0] in codes or parts[-1] in codes) and all(
                p in codes or p in _VOCABULARY_WORDS for p in parts):
            return code
    return None


def flatten(record: dict, prefix: str = "") -> dict[str, Any]:
    """Scalar leaves and lists of scalars of ``record``, nested names joined with dots."""
    flat: dict[str, Any] = {}
    for name, value in record.items():
        full = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(flatten(value, full + "."))
        elif isinstance(value, list):
            if value and all(isinstance(v, (str, int, float, bool)) for v in value):
                flat[full] = value
        elif value is not None and value != "":
            flat[full] = value
    return flat


def as_date(value: Any) -> str | None:
    """A date-like value as ISO ``YYYY-MM-DD`` (or ``YYYY`` for a year); None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if 1000 <= value <= 2100 else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _YEAR.match(value):
        return value
    m = _ISO.match(value)
    if m:
        return iso_date(m[3], m[2], m[1])
    m = _DMY.match(value)
    return iso_date(m[1], m[2], m[3]) if m else None


def _is_long(value: Any) -> bool:
    return (isinstance(value, str) and len(value) >= LONG_CHARS
            and len(value.split()) >= LONG_WORDS and not _URL.match(value))


def _readable(value: Any) -> bool:
    return isinstance(value, str) and any(c.isalpha() for c in value) and not _URL.match(value.strip())


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "\n\n".join(str(v) for v in value if isinstance(v, str) and v.strip())
    return value if isinstance(value, str) else ""


def role(name: str, value: Any) -> str | None:
    """The role of one field: key, ident, foreign, author, work, date, title, quote, text or None."""
    if str(name).lower() in KEY_NAMES:
        return "key"
    words = name_words(name)
    if _named(words, _IDENT):
        return "ident"
    textual = isinstance(value, str) or (isinstance(value, list) and any(isinstance(v, str) for v in value))
    language = _language(words)
    if (_named(words, _FOREIGN) or language == "other") and textual:
        return "foreign"
    if _named(words, _AUTHOR) and _readable(value):
        return "author"
    if _named(words, _WORK) and _readable(value):
        return "work"
    if _named(words, _DATE) and as_date(value):
        return "date"
    if (_named(words, _TITLE) and isinstance(value, str) and _readable(value)
            and len(value) <= TITLE_MAX_CHARS):
        return "title"
    if _named(words, _QUOTE) and textual:
        return "quote"
    if ((_named(words, _TEXT) or language == "vi") and textual) or _is_long(value):
        return "text"
    return None


def known_name(name: str) -> bool:
    """Whether ``name`` is a field name kb knows a role for (a hint that a row is a header)."""
    words = name_words(name)
    return str(name).strip().lower() in KEY_NAMES or _language(words) is not None or any(
        _named(words, vocabulary)
        for vocabulary in (_IDENT, _FOREIGN, _AUTHOR, _WORK, _DATE, _TITLE, _QUOTE, _TEXT))


def carries_text(record: dict) -> bool:
    """Whether a record holds a title or a text, so that it can stand as a document of its own."""
    return any(role(n, v) in ("title", "text", "quote") for n, v in flatten(record).items())


def record_key(record: dict) -> str | None:
    """The record's own key: its id (or _id) field, when it has a non-empty one."""
    for name, value in record.items():
        if str(name).lower() in KEY_NAMES and isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def record_document(record: dict, key: str, fmt: str, limits: dict[str, Any],
                    extra: dict[str, Any]) -> ParsedDocument | None:
    """One record as a document; None when it holds nothing readable."""
    flat = flatten(record)
    roles = {name: role(name, value) for name, value in flat.items()}
    pick = lambda wanted: [n for n, r in roles.items() if r == wanted]  # noqa: E731
    first = lambda wanted: next((flat[n] for n in pick(wanted)), None)  # noqa: E731
    titles = pick("title")
    for name in titles[1:]:  # "Tên văn bản" and "Trích yếu": the first names it, a long one is text
        if _is_long(flat[name]):
            roles[name] = "text"
    title, author, work = first("title"), first("author"), first("work")
    dates = [as_date(flat[n]) for n in pick("date")]
    date = next((d for d in dates if len(d) == 10), None) or next(iter(dates), None)
    quotes = [_joined(flat[n]) for n in pick("quote")]
    texts = [_joined(flat[n]) for n in pick("text")] or [_joined(flat[n]) for n in pick("foreign")]
    body = "\n\n".join(t for t in texts if t.strip())
    quote = "\n\n".join(q for q in quotes if q.strip())
    extra = dict(extra)
    meta: dict[str, Any] = {"fields": {n: v for n, v in flat.items()
                                       if roles[n] not in ("text", "quote")}}
    if author and (quote or (body and not title and len(body) <= QUOTE_MAX_CHARS)):
        quote = quote or body
        year = date[:4] if date else None
        text = finish_text(quote, limits, extra)
        attribution = ", ".join(str(x) for x in (author, work, year) if x)
        meta.update(author=author, work=work,
                    quotation={"text": text, "author": author, "work": work, "year": year})
        return ParsedDocument(f"{text}\n\n— {attribution}", title=text, format=fmt, extra=extra,
                              key=key, date=date, meta=meta)
    if author:
        meta["author"] = author
    if work:
        meta["work"] = work
    if not body.strip():
        # No text field: the record's other readable values stand in for it.
        body = "\n".join(str(v) for n, v in flat.items()
                         if roles[n] not in ("key", "ident", "title") and _readable(v)) or (title or "")
    text = finish_text(body, limits, extra)
    if not text.strip():
        return None
    return ParsedDocument(text, title=finish_text(title, {}, {}) if title else None, format=fmt,
                          extra=extra, key=key, date=date, meta=meta)


def readable_values(value: Any) -> list[str]:
    """Every readable string inside a JSON value, in order, each once (no keys, no syntax)."""
    found: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list):
            for item in v:
                walk(item)
        elif _readable(v):
            found.append(v.strip())

    walk(value)
    return list(dict.fromkeys(found))


def title_of(obj: Any) -> str | None:
    """A top-level title-like string of a JSON object (``name``, ``title``...), if any."""
    if isinstance(obj, dict):
        return next((v for n, v in obj.items() if role(n, v) == "title"), None)
    return None
