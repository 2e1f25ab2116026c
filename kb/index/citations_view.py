"""Which documents of the index a document cites, and which cite it.

Citations are extracted at ingestion (``meta["citations"]``); here they are resolved to documents
through an alias table built from every document's own metadata (kind, number, issuer, term,
title) plus the well-known names of ``kb/data/aliases.toml``. Building the table reads every
stored document, so it is done once per index generation and kept: a page view only looks up.

A document ingested twice (two copies of one file, or the same number, issuer and date) is one
document here: its copies answer to one id, so citations of it are not ambiguous and it is
listed once. Lists show each document by kind, number, issuer and date, newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.analysis.fold import fold
from kb.index.statecache import per_index_state
from kb.understand.citations import build_alias_table, number_key, resolve

#: What a citation list shows of a document (the JSON of ``cites`` and ``cited_by``).
CARD_KEYS = ("id", "title", "kind", "number", "issuer", "date")


@dataclass
class CitationGraph:
    """Resolved citations of one index generation."""

    cards: dict[str, dict] = field(default_factory=dict)
    """id → {"id", "title", "kind", "number", "issuer", "date"} of every document kept."""
    same: dict[str, str] = field(default_factory=dict)
    """id of every document → id of the copy that stands for it (itself when unique)."""
    cites: dict[str, list[tuple[str, dict]]] = field(default_factory=dict)
    """id → [(cited id or None, citation)] in reading order (self-citations left out)."""
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    """id → ids of the documents citing it, in index order."""


def _card(stored: dict) -> dict:
    """The facts a citation list shows of a stored document."""
    meta = stored.get("meta") or {}
    # A press article has no issuer: its publication stands in ("Báo Hải Phòng").
    issuer = stored.get("issuer") or meta.get("issuer") or meta.get("source") or None
    issuer = _with_committee(issuer, stored.get("issuer_parent") or meta.get("issuer_parent"))
    return {"id": stored["id"], "title": stored.get("title") or None,
            "kind": stored.get("kind") or meta.get("kind") or None,
            "number": meta.get("number") or None,
            "issuer": (issuer.strip(" -—–|·") or None) if issuer else None,
            "date": stored.get("date") or None}


# A board of a Party committee printed bare in the header ("VĂN PHÒNG" under "BAN CHẤP HÀNH
# TRUNG ƯƠNG"): a list names it with the committee, as the Party does ("Văn phòng Trung ương").
_BOARD = re.compile(r"^(?:Văn phòng|Ban [^\s]+(?: [^\s]+)?|Ủy ban Kiểm tra|Uỷ ban Kiểm tra)$")
_COMMITTEE = re.compile(r"^(?:Ban Chấp hành )?(Trung ương)$|^((?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) [uủ]ỷ?y?\b.*)$")


def _with_committee(issuer: str | None, parent: str | None) -> str | None:
    """``issuer`` named with the Party committee above it when the header printed it bare."""
    if not issuer or not parent or not _BOARD.match(issuer.strip()):
        return issuer
    m = _COMMITTEE.match(parent.strip())
    return f"{issuer.strip()} {m.group(1) or m.group(2)}" if m else issuer


def _copy_keys(stored: dict, card: dict) -> list[tuple]:
    """Keys two copies of one document share: the file's content hash; number, issuer, date.

    All three of number, issuer and date are needed: cells of the Party number their papers
    alike ("01-NQ/ĐU"), and a yearly plan keeps its number from one year to the next.
    """
    keys = [("hash", stored["content_hash"])] if stored.get("content_hash") else []
    if card["number"] and card["issuer"] and card["date"]:
        keys.append(("number", number_key(card["number"]), fold(card["issuer"].lower()), card["date"]))
    return keys


def _copies(stored_docs: list[dict], cards: dict[str, dict]) -> dict[str, str]:
    """id → the id standing for all copies of its document (the smallest: stable over runs)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple, str] = {}
    for stored in stored_docs:
        doc_id = stored["id"]
        parent.setdefault(doc_id, doc_id)
        for key in _copy_keys(stored, cards[doc_id]):
            if key not in first:
                first[key] = doc_id
                continue
            a, b = root(doc_id), root(first[key])
            if a != b:  # one copy may match by hash, another by number: groups join
                parent[max(a, b)] = min(a, b)
    return {doc_id: root(doc_id) for doc_id in parent}


def build_graph(documents) -> CitationGraph:
    """The citation graph of stored documents (dicts with id, title, kind, meta...)."""
    graph = CitationGraph()
    stored_docs = list(documents)
    for stored in stored_docs:
        graph.cards[stored["id"]] = _card(stored)
    graph.same = _copies(stored_docs, graph.cards)
    metas = []
    for stored in stored_docs:
        meta = stored.get("meta") or {}
        own = {"kind": stored.get("kind") or meta.get("kind"), "number": meta.get("number"),
               "issuer": meta.get("issuer"), "term": meta.get("term"),
               "title": stored.get("title") or ""}
        metas.append((stored["id"], own, meta.get("citations") or []))
    # Only the copy standing for a document answers to its names: copies are not ambiguity.
    table = build_alias_table((doc_id, own) for doc_id, own, _ in metas if graph.same[doc_id] == doc_id)
    for doc_id, _, citations in metas:
        if graph.same[doc_id] != doc_id:
            continue
        resolved = []
        for cit in citations:
            target = resolve(cit, table)
            if target == doc_id:
                continue  # the document's own number printed in its heading
            resolved.append((target, cit))
            if target is not None:
                citing = graph.cited_by.setdefault(target, [])
                if doc_id not in citing:
                    citing.append(doc_id)
        graph.cites[doc_id] = resolved
    return graph


def citation_graph(searcher) -> CitationGraph:
    """The graph of the index ``searcher`` reads, built once per index state."""
    return per_index_state(searcher, "citations", lambda: build_graph(searcher.all_documents()))


def newest_first(cards: list[dict]) -> list[dict]:
    """``cards`` by date, newest first; undated last; then by title, for a stable order."""
    dated = sorted((c for c in cards if c.get("date")), key=lambda c: _title_key(c))
    dated.sort(key=lambda c: c["date"], reverse=True)
    return dated + sorted((c for c in cards if not c.get("date")), key=_title_key)


def _title_key(card: dict) -> tuple:
    return fold((card.get("title") or "").lower()), card["id"]


def citations_of(searcher, doc_id: str) -> dict:
    """``{"cites": {"documents", "unresolved"}, "cited_by": [...]}`` of one document.

    Documents are cards (``CARD_KEYS``; cited ones add the ``mention`` that names them),
    newest first; a copy of a document ingested twice shows the citations of the document.
    """
    graph = citation_graph(searcher)
    own = graph.same.get(doc_id, doc_id)
    documents, unresolved, seen, seen_mentions = [], [], set(), set()
    for target, cit in graph.cites.get(own, []):
        if target is not None:
            if target not in seen:
                seen.add(target)
                documents.append({**graph.cards[target], "mention": cit.get("mention")})
            continue
        mention = cit.get("mention")
        key = re.sub(r"\s+", " ", mention or "").strip()
        if key and key not in seen_mentions:
            seen_mentions.add(key)
            unresolved.append({"mention": mention, "kind": cit.get("kind"),
                               "number": cit.get("number")})
    cited_by = [dict(graph.cards[other]) for other in graph.cited_by.get(own, [])]
    return {"cites": {"documents": newest_first(documents), "unresolved": unresolved},
            "cited_by": newest_first(cited_by)}
