"""Section-level retrieval on ALQAC 2023: does the best section of a hit name the right article?

The full laws of ../shared/data/laws/texts whose name matches an ALQAC law (corpus.jsonl
``law_id``) are ingested whole (one document per law, split into sections at ingestion); the
ALQAC questions are searched and each relevant "Law name@N" of qrels.tsv is checked:

- law hit@1 / hit@10: the right law is the top hit / among the top 10;
- article hit@1: the best section of the top hit (``SearchResult.section``, the section holding
  the snippet) lies in "Điều N" of the right law;
- article hit@10: the right law is among the top 10 and its best section lies in "Điều N".

Run: .venv/bin/python benchmarks/section_retrieval.py  (writes results/section_retrieval.md)
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

from common import DATA, ROOT, law_name, md_table, read_jsonl, write_result

from kb.config import load_config
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

INDEX = ROOT / "benchmarks" / "out" / "section-index"
_ARTICLE = re.compile(r"(?:^|-)dieu-(\d+[a-zđ]?)(?:-|$)")


def _norm(name: str) -> str:
    return unicodedata.normalize("NFC", name).lower().strip()


def alqac_laws() -> dict[str, str]:
    """Normalised ALQAC law name → law name as ALQAC spells it."""
    return {_norm(r["law_id"]): r["law_id"] for r in read_jsonl(DATA / "alqac2023" / "corpus.jsonl")}


def matching_laws(wanted: dict[str, str]) -> dict[Path, str]:
    """Law files whose printed name is an ALQAC law → that ALQAC name."""
    found = {}
    for path in sorted((DATA / "laws" / "texts").glob("*.txt")):
        name = _norm(law_name(path.read_text(encoding="utf-8"), path.stem))
        if name in wanted:
            found[path.resolve()] = wanted[name]
    return found


def article_of(section: dict | None) -> str | None:
    """'5' for a section anchored 'chuong-1-dieu-5' or inside it ('dieu-5-1'), else None."""
    m = _ARTICLE.search(section["anchor"]) if section else None
    return m.group(1) if m else None


def main() -> None:
    """Build the index, run the questions, write the table."""
    laws = matching_laws(alqac_laws())
    config = load_config({"index": str(INDEX), "progress": "never"}, environ={})
    started = time.perf_counter()
    report = ingest(list(laws), config, rebuild=True)
    assert report.ok, report.failed
    build = time.perf_counter() - started
    relevant: dict[str, list[tuple[str, str]]] = {}
    for line in (DATA / "alqac2023" / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, corpus_id, score = line.split("\t")
        if int(score) > 0:
            law, _, article = corpus_id.rpartition("@")
            relevant.setdefault(qid, []).append((law, article))
    present = set(laws.values())
    counts = dict.fromkeys(("questions", "law_present", "law1", "law10", "art1", "art10"), 0)
    times = []
    with Searcher(config) as searcher:
        for row in read_jsonl(DATA / "alqac2023" / "queries.jsonl"):
            wanted = relevant.get(row["_id"])
            if not wanted:
                continue
            counts["questions"] += 1
            if not any(law in present for law, _ in wanted):
                continue
            counts["law_present"] += 1
            t = time.perf_counter()
            results = searcher.search(row["text"], limit=10).results
            times.append(time.perf_counter() - t)
            hits = [(laws.get(Path(r.path)), article_of(r.section)) for r in results]
            right_law = {law for law, _ in wanted}
            right = set(wanted)
            counts["law1"] += bool(hits) and hits[0][0] in right_law
            counts["law10"] += any(law in right_law for law, _ in hits)
            counts["art1"] += bool(hits) and hits[0] in right
            counts["art10"] += any(hit in right for hit in hits)
    n = counts["law_present"] or 1
    rows = [["law (right law in the hits)", f"{counts['law1'] / n:.2f}", f"{counts['law10'] / n:.2f}"],
            ["article (best section is the right Điều)", f"{counts['art1'] / n:.2f}",
             f"{counts['art10'] / n:.2f}"]]
    times.sort()
    body = (
        f"{len(laws)} law files ({len(present)} of the {len(alqac_laws())} ALQAC laws) ingested whole "
        f"in {build:.1f} s; {counts['law_present']} of {counts['questions']} questions have their "
        f"law in the index (the others are left out of the rates). Search p50 "
        f"{times[len(times) // 2] * 1000:.0f} ms.\n\n"
        + md_table(["level", "hit@1", "hit@10"], rows)
        + f"\n\nCounts: law {counts['law1']}/{counts['law10']}, article {counts['art1']}/"
        f"{counts['art10']} of {counts['law_present']}.\n"
    )
    print(body)
    write_result("section_retrieval", "Section-level retrieval (ALQAC 2023, whole laws)", body)


if __name__ == "__main__":
    main()
