"""Which documents of the index a document cites, and which cite it.

Citations are extracted at ingestion (``meta["citations"]``); here they are resolved to documents
through an alias table built from every document's own metadata (kind, number, issuer, term,
title) plus the well-known names of ``kb/data/aliases.toml``. Building the table reads every
stored document, so it is done once per index generation and kept: a page view only looks up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.index.statecache import per_index_state
from kb.ingest.document import file_name
from kb.understand.citations import build_alias_table, resolve

#: Stored facts of a document shown in a citation list.
_CARD = ("title", "kind", "date")


@dataclass
class CitationGraph:
    """Resolved citations of one index generation."""

    cards: dict[str, dict] = field(default_factory=dict)
    """id → {"title", "name", "kind", "date"} of every document ("name": its file's name)."""
    cites: dict[str, list[tuple[str, dict]]] = field(default_factory=dict)
    """id → [(cited id or None, citation)] in reading order (self-citations left out)."""
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    """id → ids of the documents citing it, in index order."""


def build_graph(documents) -> CitationGraph:
    """The citation graph of stored documents (dicts with id, title, kind, meta...)."""
    graph = CitationGraph()
    metas = []
    for stored in documents:
        meta = stored.get("meta") or {}
        doc_id = stored["id"]
        graph.cards[doc_id] = {k: stored.get(k) or None for k in _CARD}
        graph.cards[doc_id]["name"] = file_name(stored.get("path"))
        own = {"kind": stored.get("kind") or meta.get("kind"), "number": meta.get("number"),
               "issuer": meta.get("issuer"), "term": meta.get("term"),
               "title": stored.get("title") or ""}
        metas.append((doc_id, own, meta.get("citations") or []))
    table = build_alias_table((doc_id, own) for doc_id, own, _ in metas)
    for doc_id, _, citations in metas:
        resolved = []
        for cit in citations:
            target = resolve(cit, table)
            if target == doc_id:
                continue  # the document's own number printed in its heading
            resolved.append((target, cit))
            if target is not None:
                citing = graph.cited_by.setdefault(target, [])
                if not citing or citing[-1] != doc_id:
                    citing.append(doc_id)
        graph.cites[doc_id] = resolved
    return graph


def citation_graph(searcher) -> CitationGraph:
    """The graph of the index ``searcher`` reads, built once per index state."""
    return per_index_state(searcher, "citations", lambda: build_graph(searcher.all_documents()))


def citations_of(searcher, doc_id: str) -> dict:
    """``{"cites": {"documents", "unresolved"}, "cited_by": [...]}`` of one document."""
    graph = citation_graph(searcher)
    documents, unresolved, seen, seen_mentions = [], [], set(), set()
    for target, cit in graph.cites.get(doc_id, []):
        if target is not None:
            if target not in seen:
                seen.add(target)
                documents.append({"id": target, "title": graph.cards[target]["title"],
                                  "mention": cit.get("mention")})
            continue
        mention = cit.get("mention")
        if mention and mention not in seen_mentions:
            seen_mentions.add(mention)
            unresolved.append({"mention": mention, "kind": cit.get("kind"),
                               "number": cit.get("number")})
    cited_by = [{"id": other, "title": graph.cards[other]["title"],
                 "name": graph.cards[other]["name"]}
                for other in graph.cited_by.get(doc_id, [])]
    return {"cites": {"documents": documents, "unresolved": unresolved}, "cited_by": cited_by}
