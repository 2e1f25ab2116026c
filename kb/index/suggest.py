"""Suggestions as one types: document numbers by prefix, then titles by any run of their words.

A number matches however its start is typed: "05-", "5-ct", "383-qd", "32/2024", "số 05 ct"
(accents, case, leading zeros and the kind of separator do not matter). A title matches when
the folded words typed appear in it in a row, the last one possibly unfinished ("chi thi 05",
"luong y"). The list of candidates is built once per index state and cached, so a keystroke
costs one pass over short strings, not over the stored documents.
"""

from __future__ import annotations

import re
import unicodedata

from kb.analysis.docnum import canonical_docnum
from kb.analysis.fold import fold
from kb.index.statecache import per_index_state

#: Typed input longer than this is not a prefix of anything worth suggesting.
MAX_PREFIX_CHARS = 200
#: Titles in labels are cut to about this many characters.
LABEL_TITLE_CHARS = 70

_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[\s/\-.]+")
# "số 05-CT/TW", "so 5 ct": the word for "number" before it is not part of the number.
_SO_PREFIX = re.compile(r"^(?:số|so)\b[\s.:]*", re.IGNORECASE)



def suggest(searcher, prefix: str, limit: int = 8) -> list[dict]:
    """Up to ``limit`` ``{"label", "query", "id"}`` for what the user has typed so far.

    Document numbers starting with ``prefix`` come first (exact number, then the most cited,
    then the shortest), then titles holding its words in a row (at the start of the title
    first, then the most cited document); titles are left out when some number matched.
    ``query`` is what to put in the search box; odd or empty input gives an empty list.
    """
    typed = _tidy(prefix)
    if not typed or limit <= 0:
        return []
    entries = _entries(searcher)
    found: list[dict] = []
    seen_ids: set[str] = set()
    seen_queries: set[str] = set()

    def add(entry: dict, query: str, label: str) -> None:
        if entry["id"] in seen_ids or query in seen_queries:
            return
        seen_ids.add(entry["id"])
        seen_queries.add(query)
        found.append({"label": label, "query": query, "id": entry["id"]})

    for entry in _number_matches(entries["numbers"], typed):
        add(entry, entry["number"], entry["number_label"])
        if len(found) >= limit:
            return found
    if found:
        # A number is being typed: titles holding "5" ("tháng 5 năm 2024") would only be noise.
        return found
    for entry in _title_matches(entries["titles"], typed):
        add(entry, entry["title_query"], entry["title_label"])
        if len(found) >= limit:
            break
    return found


def _tidy(prefix) -> str:
    """The typed text without control characters, or "" when it cannot be a prefix."""
    if not isinstance(prefix, str):
        return ""
    text = "".join(c for c in unicodedata.normalize("NFC", prefix)
                   if unicodedata.category(c)[0] != "C")
    text = " ".join(text.split())
    if len(text) > MAX_PREFIX_CHARS or not _WORD.search(text):
        return ""
    return text


# --- matching ------------------------------------------------------------------------------

def number_key(text: str) -> str:
    """A number (or its start) as compared: folded, no leading zero, one kind of separator.

    '05-CT/TW' → '5 ct tw', '383-qđ' → '383 qd', '32/2024/NĐ-CP' → '32 2024 nd cp'.
    """
    text = _SO_PREFIX.sub("", text.strip())
    key = canonical_docnum(text)
    # A trailing separator ("05-") is kept: it says the serial is complete (not 050, 051...).
    return _SEPARATORS.sub(" ", key).lstrip()


def _number_matches(numbers: list[dict], typed: str) -> list[dict]:
    key = number_key(typed)
    if not key or not key[0].isdigit():
        return []
    hits = [e for e in numbers if e["number_key"].startswith(key)]
    # The exact number first, then the most cited, then the shortest (the likeliest completion).
    hits.sort(key=lambda e: (e["number_key"] != key.rstrip(), -e["cited"], len(e["number_key"]),
                             e["number_key"]))
    return hits


def _title_matches(titles: list[dict], typed: str) -> list[dict]:
    words = _folded_words(typed)
    if not words:
        return []
    # A word followed by a space or a separator is finished; only the last one may be partial.
    partial = typed[-1].isalnum()
    ranked = []
    for entry in titles:
        at = _find_run(entry["title_words"], words, partial)
        if at is not None:
            ranked.append((at != 0, -entry["cited"], len(entry["title"]), entry["title"], entry))
    ranked.sort(key=lambda r: r[:4])
    return [r[-1] for r in ranked]


def _find_run(haystack: list[str], words: list[str], partial: bool) -> int | None:
    """Where ``words`` occur in a row in ``haystack`` (the last one as a prefix when partial)."""
    n = len(words)
    *full, last = words
    for i in range(len(haystack) - n + 1):
        if haystack[i:i + n - 1] != full:
            continue
        word = haystack[i + n - 1]
        if word == last or (partial and word.startswith(last)):
            return i
    return None


def _folded_words(text: str) -> list[str]:
    # Leading zeros are dropped so that "chi thi 5" finds "Chỉ thị 05-CT/TW".
    return [w.lstrip("0") or "0" if w.isdigit() else w for w in _WORD.findall(fold(text))]


# --- candidates, cached per index state --------------------------------------------------------

def _entries(searcher) -> dict:
    return per_index_state(searcher, "suggest", lambda: _build(searcher))


def _build(searcher) -> dict:
    stored_docs = list(searcher.all_documents())
    cited: dict[str, int] = {}
    for stored in stored_docs:
        own = number_key((stored.get("meta") or {}).get("number") or "")
        for cit in (stored.get("meta") or {}).get("citations") or []:
            number = cit.get("number")
            if number and number_key(number) != own:
                cited[number_key(number)] = cited.get(number_key(number), 0) + 1
    numbers, titles = [], []
    for stored in stored_docs:
        doc_id = stored.get("id")
        number = ((stored.get("meta") or {}).get("number") or "").strip()
        title = " ".join((stored.get("title") or "").split())
        if not doc_id:
            continue
        key = number_key(number) if number else ""
        entry = {"id": doc_id, "number": number, "number_key": key, "title": title,
                 "cited": cited.get(key, 0) if key else 0}
        if key and key[0].isdigit():
            rest = " ".join(title.replace(number, " ").split()) if title else ""
            entry["number_label"] = f"{number} · {_short(rest)}" if rest else number
            numbers.append(entry)
        if title:
            # "KẾ HOẠCH" alone says little; the number tells the documents apart.
            named = key and number_key(number) in number_key(title)
            entry["title_label"] = _short(title) if named or not key else f"{number} · {_short(title)}"
            # ... and chosen, it searches that number, not every "Kế hoạch".
            entry["title_query"] = title if named or not key else number
            entry["title_words"] = _folded_words(title)
            titles.append(entry)
    return {"numbers": numbers, "titles": titles}


def _short(title: str) -> str:
    """``title`` cut at a word boundary near LABEL_TITLE_CHARS, with an ellipsis when cut."""
    if len(title) <= LABEL_TITLE_CHARS:
        return title
    cut = title[:LABEL_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"
