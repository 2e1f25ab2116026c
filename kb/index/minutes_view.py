"""Views over Party cell minutes: the cells (units) on record and each cell's meetings by date.

Minutes are the documents of kind "Biên bản"; their meeting record (unit, date, type, agenda,
conclusions, attendance...) was parsed at ingestion and stored in ``meta["minutes"]``. Every
view goes through ``Searcher.search`` with the ``kind:bienban`` filter, so a question such as
"chuyên đề chỉ thị 05" is matched the way the search page matches it, and only then narrowed to
a cell and ordered newest first.
"""

from __future__ import annotations

import re

from kb.analysis.fold import fold
from kb.index.query import FILTERS
from kb.ingest.document import file_name

#: The query filter that keeps minutes only (kind_key of "Biên bản").
MINUTES_FILTER = "kind:bienban"
#: No cell's name is longer than this (folded); a longer ``unit`` names none.
MAX_UNIT_CHARS = 200
#: "Chuyên đề: …" / "Chủ đề: …" under the title of a thematic session names what it was about,
#: which the agenda ("Đồng chí Bí thư trình bày chuyên đề") does not.
_SUBJECT = re.compile(r"^[\W_]*(?:Chuyên đề|Chủ đề)\s*:\s*(?P<text>\S[^\n]*?)[\s*_]*$",
                      re.MULTILINE | re.IGNORECASE)


def unit_key(text: str | None) -> str:
    """Accent- and case-insensitive form of a cell name: "Khu dân cư số 3" → "khu dan cu so 3"."""
    return " ".join(re.split(r"[\s_\-]+", fold(text or "").strip()))


def unit_matches(unit: str | None, wanted: str | None) -> bool:
    """True when ``wanted`` names ``unit``: equal or a run of whole words of it, accents aside.

    "khu dân cư số 3" and "Khu dan cu so 3" name "Chi bộ Khu dân cư số 3"; "số 3" does not name
    "Chi bộ Khu dân cư số 30".
    """
    key, want = unit_key(unit), unit_key(wanted)
    return bool(want) and f" {want} " in f" {key} "


def attendance_label(attendance: dict | None) -> str:
    """"13/15 có mặt" (or "13 có mặt" without a total); "" when the minutes do not say."""
    attendance = attendance or {}
    present, total = attendance.get("present"), attendance.get("total")
    if present is None:
        return ""
    return f"{present}/{total} có mặt" if total is not None else f"{present} có mặt"


def _meeting(stored: dict, snippet: str | None, paths: bool = False) -> dict:
    """One meeting as the CLI and the API show it, from a document's stored fields.

    ``paths`` adds where the file is on the server (the CLI); readers see its name only.
    """
    minutes = (stored.get("meta") or {}).get("minutes") or {}
    meeting = {
        "id": stored.get("id"), "name": file_name(stored.get("path")),
        **({"path": stored.get("path")} if paths else {}), "title": stored.get("title") or "",
        "unit": minutes.get("unit") or stored.get("unit") or None,
        "date": minutes.get("date") or stored.get("date") or None,
        "time": minutes.get("time"), "meeting_type": minutes.get("meeting_type"),
        "place": minutes.get("place"), "subject": _subject(stored.get("text") or ""),
        "topics": list(minutes.get("agenda") or []),
        "conclusions": list(minutes.get("conclusions") or []),
        "resolutions": list(minutes.get("resolutions") or []),
        "attendance": minutes.get("attendance") or
        {"present": None, "total": None, "absent": None, "absent_reasons": []},
        "chair": minutes.get("chair"), "secretary": minutes.get("secretary"),
    }
    if snippet is not None:
        meeting["snippet"] = snippet
    return meeting


def _subject(text: str) -> str | None:
    """What a thematic session was about, from its opening lines; None when not stated."""
    found = _SUBJECT.search(text[:3000])
    return found["text"].strip() if found else None


def _newest_first(meetings: list[dict]) -> list[dict]:
    # Undated minutes go last rather than being mixed in among the dated ones.
    dated = sorted((m for m in meetings if m["date"]),
                   key=lambda m: (m["date"], m["time"] or ""), reverse=True)
    return dated + [m for m in meetings if not m["date"]]


def _search_all(searcher, raw: str, snippets: bool) -> tuple[list[tuple[str, str]], bool]:
    """(id, snippet) of every document matching ``raw``, page by page; and whether relaxed."""
    size = searcher.config["max_page_size"]
    found, relaxed, page = [], False, 1
    while True:
        response = searcher.search(raw, limit=size, page=page, sort="newest", snippets=snippets)
        relaxed = relaxed or response.relaxed
        found += [(r.id, r.snippet) for r in response.results]
        if not response.results or len(found) >= response.total:
            return found, relaxed
        page += 1


def _minutes(searcher, query: str | None = None, unit: str | None = None, paths: bool = False):
    """Meetings matching ``query`` (all minutes without one) in cells named by ``unit``."""
    if unit and len(unit_key(unit)) > MAX_UNIT_CHARS:
        return [], False  # names no cell; it would only crowd the query out (see below)
    # Filters first: a query is cut at max_query_chars, and a long question must not cut off
    # the filter that keeps to minutes (it listed every matching document as a meeting).
    raw = MINUTES_FILTER
    if unit and "unit" in FILTERS:
        # Narrow in the index when the query language knows unit:; the check below stays exact.
        raw += ' unit:"' + unit.replace('"', " ").strip() + '"'
    raw = " ".join(x for x in (raw, (query or "").strip()) if x)
    found, relaxed = _search_all(searcher, raw, snippets=bool(query))
    meetings = []
    for doc_id, snippet in found:
        meeting = _meeting(searcher.document(doc_id), snippet if query else None, paths)
        if unit is None or unit_matches(meeting["unit"], unit):
            meetings.append(meeting)
    return meetings, relaxed


def list_units(searcher) -> list[dict]:
    """The cells with minutes in the index: [{"unit", "meetings", "first", "last"}] by name.

    ``first`` and ``last`` are the dates (ISO) of the cell's oldest and newest meeting.
    """
    units: dict[str, dict] = {}
    for meeting in _minutes(searcher)[0]:
        if not meeting["unit"]:
            continue
        row = units.setdefault(meeting["unit"], {"unit": meeting["unit"], "meetings": 0,
                                                 "first": None, "last": None})
        row["meetings"] += 1
        if meeting["date"]:
            row["first"] = min(filter(None, (row["first"], meeting["date"])))
            row["last"] = max(filter(None, (row["last"], meeting["date"])))
    return sorted(units.values(), key=lambda row: unit_key(row["unit"]))


def unit_timeline(searcher, unit: str | None = None, query: str | None = None,
                  paths: bool = False) -> dict:
    """Meetings of the cells named by ``unit`` (all cells when None), newest first.

    With ``query`` only the minutes matching it are kept, each with a ``snippet``; "the last
    thematic session on X" is then the first row. Returns ``{"total", "unit", "query",
    "relaxed", "units", "meetings": [...]}``; ``units`` are the cells of the listed meetings and
    ``relaxed`` says that no minutes held every word, so partial matches are listed.
    ``paths`` adds each file's place on the server (the CLI's).
    """
    unit = (unit or "").strip() or None
    query = (query or "").strip() or None
    meetings, relaxed = _minutes(searcher, query, unit, paths)
    meetings = _newest_first(meetings)
    return {"total": len(meetings), "unit": unit, "query": query, "relaxed": relaxed,
            "units": sorted({m["unit"] for m in meetings if m["unit"]}, key=unit_key),
            "meetings": meetings}
