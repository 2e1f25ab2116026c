"""Views over Hồ Chí Minh's sayings found at ingestion: merged across documents, by sector, searched.

Every document keeps the sayings it quotes in ``meta["sayings"]``, and the quotations that may be
his words unattributed in ``meta["quote_candidates"]``; those the index knows from a trusted
source are added to its sayings (kb.understand.echoes). Here they are merged (the
same saying quoted by several documents is one entry with all its sources), filtered by sector,
and searched within. The merged list is cached per index state, so a page view costs one
filtering pass, not one pass over every stored document.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from kb.analysis.fold import fold, has_diacritics
from kb.analysis.tones import canonical_tones
from kb.index.statecache import per_index_state
from kb.understand.echoes import KnownSayings, echoed_sayings
from kb.understand.sayings import load_sectors, merge_sayings, saying_key

#: Queries of up to this many syllables must all be found in a saying or its sentence...
FULL_MATCH_SYLLABLES = 3
#: ...longer ones need this share of their syllables (and rank by how many they have).
MIN_MATCH_SHARE = 0.6
_SYLLABLE = re.compile(r"\w+")



def collect_sayings(searcher, sector: str | None = None, query: str | None = None,
                    paths: bool = False) -> dict:
    """``{"total", "sayings": [{"text", "sectors", "work", "year", "sources": [{"id", "name", "title"}]}]}``.

    ``name`` is the source file's name; ``paths`` adds its ``path`` on the server (the CLI's).

    ``sector`` keeps the sayings of that sector (name matched without regard to diacritics);
    ``query`` keeps those whose text or quoting sentence holds its syllables, best match first.
    Otherwise the most quoted sayings come first.
    """
    entries = _matching(searcher, query)
    if sector and sector.strip():
        wanted = _sector_key(sector)
        entries = [e for e in entries if any(_sector_key(s) == wanted for s in e["sectors"])]
    # Copies: the entries are shared by every request until the index changes.
    sayings = [{"text": e["text"], "sectors": list(e["sectors"]), "work": e["work"], "year": e["year"],
                "sources": [{k: v for k, v in src.items() if paths or k != "path"}
                            for src in e["sources"]]} for e in entries]
    return {"total": len(sayings), "sayings": sayings}


def page_of(data: dict, page: int, per_page: int) -> dict:
    """One page of ``collect_sayings`` output: ``{"total", "page", "per_page", "pages", "sayings"}``.

    ``total`` still counts every matching saying; a page past the last one gives the last page.
    """
    per_page = max(1, per_page)
    pages = max(1, math.ceil(data["total"] / per_page))
    page = max(1, min(page, pages))
    start = (page - 1) * per_page
    return {"total": data["total"], "page": page, "per_page": per_page, "pages": pages,
            "sayings": data["sayings"][start:start + per_page]}


def sector_counts(searcher, query: str | None = None) -> dict[str, int]:
    """Sector → number of sayings (among those matching ``query``), most sayings first."""
    order = {name: i for i, name in enumerate(load_sectors())}
    counts: dict[str, int] = {}
    for entry in _matching(searcher, query):
        for name in entry["sectors"]:
            counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0])))


def known_sector(name: str) -> str | None:
    """The lexicon's spelling of sector ``name`` ("y te" → "y tế"), or None when unknown."""
    wanted = _sector_key(name)
    return next((s for s in load_sectors() if _sector_key(s) == wanted), None)


def cited_work(saying: dict) -> str:
    """The work and year of a saying as cited: "Tuyên ngôn độc lập, 1945", "1965", or ""."""
    work, year = saying.get("work") or "", str(saying.get("year") or "")
    return ", ".join(x for x in (work, year if year not in work else "") if x)


def copy_text(saying: dict) -> str:
    """The saying with its citation, as a reader would paste it into a speech or a report."""
    work = cited_work(saying)
    who = "Hồ Chí Minh" + (f", {work}" if work else "")
    sources = saying.get("sources") or []
    source = f"; nguồn: {sources[0]['title']}" if sources else ""
    return f"“{saying['text']}” ({who}{source})"


# --- merging, cached per index state -------------------------------------------------------

def merged_sayings(searcher) -> list[dict]:
    """Every distinct saying of the index, with sources and search keys (cached; do not mutate)."""
    return per_index_state(searcher, "sayings", lambda: _merge(searcher))


def _merge(searcher) -> list[dict]:
    per_doc: dict[str, list[dict]] = {}
    docs: dict[str, dict] = {}
    contexts: dict[str, list[str]] = {}
    cites_work: set[tuple[str, str]] = set()  # (saying, document) where the work is named
    known = KnownSayings()
    read = []  # (stored fields but the text, content key): one pass over the stored documents
    for stored in searcher.all_documents():
        meta = stored.get("meta") or {}
        source = stored.get("content_hash") or stored["id"]
        known.learn(meta, stored.get("text") or "", source)
        if meta.get("sayings") or meta.get("quote_candidates"):
            read.append(({k: v for k, v in stored.items() if k != "text"}, source))
    for stored, source in read:
        meta = stored.get("meta") or {}
        # The sayings it attributes, and the quotations of his words it does not that the
        # index knows from a trusted source (kb.understand.echoes).
        sayings = list(meta.get("sayings") or []) + echoed_sayings(meta.get("quote_candidates") or [],
                                                                   known, source)
        if not sayings:
            continue
        doc_id = stored["id"]
        per_doc[doc_id] = sayings
        path = stored.get("path") or ""
        docs[doc_id] = {"id": doc_id, "name": Path(path).name,
                        "path": str(Path(path).absolute()) if path else "",
                        "title": stored.get("title") or Path(path).name}
        for saying in sayings:
            key = saying_key(saying["text"])
            contexts.setdefault(key, []).append(saying.get("context") or "")
            if saying.get("work"):
                cites_work.add((key, doc_id))
    entries = []
    for merged in merge_sayings(per_doc):
        key = saying_key(merged["text"])
        haystack = " ".join([merged["text"], *contexts.get(key, [])])
        # A document that names the work is the better citation, so it comes first.
        sources = sorted(merged["sources"], key=lambda i: (key, i) not in cites_work)
        exact = {canonical_tones(s) for s in _syllables(haystack)}
        own = [fold(s) for s in _syllables(merged["text"], unique=False)]
        entries.append({"text": merged["text"], "sectors": merged["sectors"], "work": merged["work"],
                        "year": merged.get("year"),
                        "sources": [docs[i] for i in sources],
                        "_exact": exact, "_folded": {fold(s) for s in exact},
                        "_text_folded": own, "_text_pairs": set(zip(own, own[1:]))})
    entries.sort(key=lambda e: (-len(e["sources"]), saying_key(e["text"])))
    return entries


# --- searching within sayings --------------------------------------------------------------

def _matching(searcher, query: str | None) -> list[dict]:
    entries = merged_sayings(searcher)
    terms = _syllables(query or "")
    if not terms:
        return entries
    folded_terms = [fold(t) for t in terms]
    query_pairs = set(zip(folded_terms, folded_terms[1:]))
    # Short queries ("trồng người") need every syllable; longer ones most of them.
    needed = len(terms) if len(terms) <= FULL_MATCH_SYLLABLES else math.ceil(len(terms) * MIN_MATCH_SHARE)
    scored = []
    for rank, entry in enumerate(entries):
        matched = in_text = exact = 0
        for term, folded in zip(terms, folded_terms):
            if folded in entry["_folded"]:
                matched += 1
                in_text += folded in entry["_text_folded"]
                # Typed with its marks, a syllable found with the same marks ranks higher.
                exact += has_diacritics(term) and canonical_tones(term) in entry["_exact"]
        if matched >= needed:
            pairs = len(query_pairs & entry["_text_pairs"])
            # Ties: more syllables in the saying itself, as a phrase, with the typed marks,
            # then the shorter saying (the one that IS the phrase), then the usual order.
            scored.append(((-matched, -in_text, -pairs, -exact, len(entry["_text_folded"]), rank), entry))
    scored.sort(key=lambda t: t[0])
    return [entry for _, entry in scored]


def _syllables(text: str, unique: bool = True) -> list[str]:
    """Lower-case NFC syllables of ``text`` without punctuation (each once when ``unique``)."""
    found = [m[0].strip("_") for m in _SYLLABLE.finditer(unicodedata.normalize("NFC", text.lower()))]
    found = [s for s in found if s]
    return list(dict.fromkeys(found)) if unique else found


def _sector_key(name: str) -> str:
    return " ".join(fold(name).replace(",", " ").split())
