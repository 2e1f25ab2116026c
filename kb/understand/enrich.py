"""Everything kb.understand reads from one document, gathered at ingestion time.

The results are stored with the document (``meta``) and, where they are filtered or faceted on,
as index fields; the sayings, minutes and citation views are built from them without reading
the files again.
"""

from __future__ import annotations

from kb.analysis.docnum import canonical_docnum
from kb.understand.citations import bind_bare, extract_citations, well_known_number
from kb.understand.minutes import parse_minutes
from kb.understand.echoes import quote_candidates
from kb.understand.sayings import declared_saying, extract_sayings, saying_key, signed_by_him
from kb.understand.sections import split_sections

_CITATION_KEYS = ("kind", "number", "issuer", "term", "plenum", "serial", "date", "name", "mention")


def enrich(text: str, kind: str | None, quotation: dict | None = None) -> dict:
    """Sayings, citations, sections and (for minutes) the meeting record of ``text``.

    ``quotation`` is what a record of quotations declares ({"text", "author", "work", "year"}):
    by Hồ Chí Minh, it is a saying of the document whatever the text's quotation marks say.
    """
    citations = []
    for cit in bind_bare(extract_citations(text)):
        item = {k: cit.get(k) for k in _CITATION_KEYS if cit.get(k) is not None}
        if not item.get("number"):
            known = well_known_number(cit)
            if known:
                item["number"] = known
        citations.append(item)
    sections = [{k: s[k] for k in ("anchor", "heading", "level", "start", "head_end", "end")}
                for s in split_sections(text)]
    minutes = parse_minutes(text) if kind in (None, "Biên bản") else None
    sayings = extract_sayings(text)
    declared = declared_saying(quotation)
    if declared:
        declared["context"] = " ".join(text.split())  # the record with its attribution line
        sayings = [declared] + [s for s in sayings if saying_key(s["text"]) != saying_key(declared["text"])]
    return {
        "sayings": sayings,
        # For the sayings view, which recognises his words across documents (kb.understand.echoes).
        "quote_candidates": quote_candidates(text, sayings),
        "his_own_text": signed_by_him(text),
        "citations": citations,
        "sections": sections,
        "minutes": minutes,
    }


def cited_numbers(citations: list[dict]) -> list[str]:
    """Canonical numbers of the documents ``citations`` name (for the ``cites`` index field)."""
    return sorted({canonical_docnum(c["number"]) for c in citations if c.get("number")})
