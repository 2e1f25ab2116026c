"""Documents for a new batch of the realistic set: the unjudged ones, in a seeded random order.

A document qualifies when no qrels row of a query before ``--before`` judges it or a copy of it
(5-word shingles on the folded text, Jaccard > 0.8) and it has at least 150 shingles (stubs,
disambiguation pages and link lists give nothing to ask). The qualifying documents, sorted by path,
are shuffled by ``random.Random(seed)``; queries are then written from the first ones, by hand,
before kb is run on them (benchmarks/data/realistic/README.md). Batch 4: ``--before r417 --seed
20261204``. Party-docs pages and gov-docs are the candidates (the quote records and the HCM texts
were all judged by earlier batches); gov-docs count as unjudged only when no row names them.

    python benchmarks/realistic_pick.py --before r417 --seed 20261204 [--show 60]
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata

import relevance

GOV_SUFFIXES = (".docx", ".pdf", ".doc")


def _words(text: str) -> list[str]:
    """The folded words of ``text``: no tone marks, đ→d, ǎ→ă, lower case."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ǎ", "ă")
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")
    return re.findall(r"\w+", text.lower())


def _shingles(words: list[str], n: int = 5) -> set[str]:
    """The ``n``-word shingles of a word list."""
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def candidates(before: int) -> list[str]:
    """Unjudged documents (paths relative to ../shared), sorted, judged = rows of ids < before."""
    shared = relevance.SHARED
    lines = (relevance.REALISTIC / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]
    judged = {doc for qid, doc, _ in (line.split("\t") for line in lines)
              if int(qid[1:]) < before}
    docs = sorted(str(p.relative_to(shared))
                  for p in (shared / "data" / "party-docs" / "docs").glob("*.md"))
    docs += [f"data/gov-docs/{p.name}" for p in sorted((shared / "data" / "gov-docs").iterdir())
             if p.suffix in GOV_SUFFIXES]
    shingles = {d: _shingles(_words((shared / d).read_text(encoding="utf-8")))
                for d in docs if d.endswith(".md")}
    judged_shingles = [shingles[d] for d in judged if shingles.get(d)]
    pool = []
    for doc in docs:
        if doc in judged:
            continue
        own = shingles.get(doc)
        if own is not None:
            if len(own) < 150:
                continue
            if any(len(own & j) / len(own | j) > 0.8 for j in judged_shingles):
                continue
        pool.append(doc)
    return pool


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", required=True, help="first query id of the new batch (r417)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--show", type=int, default=60, help="how many of the order to print")
    args = ap.parse_args()
    pool = candidates(int(args.before.lstrip("r")))
    random.Random(args.seed).shuffle(pool)
    print(f"{len(pool)} unjudged documents; seeded order:")
    for rank, doc in enumerate(pool[:args.show]):
        first = (relevance.SHARED / doc).read_text(encoding="utf-8", errors="replace").strip()
        print(f"{rank:4d} {doc} | {first.splitlines()[0][:70] if first else ''}")


if __name__ == "__main__":
    main()
