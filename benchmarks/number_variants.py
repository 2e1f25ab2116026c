"""Number lookups in every spelling: does the document itself come first?

Issue 8 asks that a kind and serial be found "any way people like" (CT05, CT-05, 05/CT-TW, NQ
TW4, QĐ 383, TB 1894). The realistic set has 42 such lookups written by hand; this probe writes
them by rule instead, for every document of the realistic index whose own number kb read, in
the spellings people type (abbreviation glued, hyphened or spaced; the kind in words, with or
without diacritics, in capitals; the number with its slash and hyphen swapped, or spaced out;
the year alone). A lookup is right when a document bearing that number ranks first.

The documents are split into folds by their path (benchmarks/folds.py): failures are printed
for the development folds only; the held-out fold is counted, never listed.

    PYTHONPATH=. python benchmarks/number_variants.py [--index DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import HELD_OUT, fold_of  # noqa: E402

from kb.analysis.fold import fold  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: The abbreviation people type for a kind (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn
#: 36-HD/VPTW); the kind's own name is the other spelling.
ABBREVIATIONS = {"Chỉ thị": "CT", "Nghị quyết": "NQ", "Quyết định": "QĐ", "Quy định": "QĐ",
                 "Kết luận": "KL", "Hướng dẫn": "HD", "Kế hoạch": "KH", "Thông báo": "TB",
                 "Thông tư": "TT", "Nghị định": "NĐ", "Công văn": "CV", "Báo cáo": "BC",
                 "Luật": "Luật", "Tờ trình": "TTr", "Quy chế": "QC"}


def variants(number: str, kind: str) -> dict[str, str]:
    """Spelling family → a query naming ``number`` of ``kind`` that way."""
    serial = re.match(r"0*(\d+)", number)
    if not serial:
        return {}
    n = serial.group(1)
    year = re.search(r"/((?:19|20)\d\d)/", number)
    out = {"as written": number, "lower case": number.lower(),
           "slash and hyphen swapped": number.translate(str.maketrans("/-", "-/")),
           "spaced": re.sub(r"[/-]", " ", number),
           "folded": fold(number)}
    if kind:
        out["kind and number"] = f"{kind} {number}"
        out["kind số number"] = f"{kind} số {number}"
        out["kind and serial"] = f"{kind} {n}"
        out["kind folded and serial"] = f"{fold(kind).lower()} {n}"
        out["kind in capitals and serial"] = f"{kind.upper()} {n}"
        if year:
            out["kind, serial and year"] = f"{kind} {n} {year.group(1)}"
            out["kind and serial/year"] = f"{kind} {n}/{year.group(1)}"
        abbreviation = ABBREVIATIONS.get(kind)
        if abbreviation and abbreviation != kind:
            out["abbreviation glued"] = f"{abbreviation}{n}"
            out["abbreviation hyphened"] = f"{abbreviation}-{n}"
            out["abbreviation spaced"] = f"{abbreviation} {n}"
            out["abbreviation folded"] = f"{fold(abbreviation).lower()}{n}"
            out["abbreviation, zero-padded serial"] = f"{abbreviation} {int(n):02d}"
    return out


def main(argv: list[str] | None = None) -> int:
    """Print hit@1 per spelling family, dev and held-out, and the dev failures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="a built realistic index (default: the lab's)")
    args = parser.parse_args(argv)
    from relevance import _config, _realistic, ensure_index  # the lab's cached index
    from kb.index.search import Searcher

    index = args.index or ensure_index(_realistic())
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # dev hit, dev n, ho hit, ho n
    failures = []
    with Searcher(_config(index)) as searcher:
        documents = [d for d in searcher.all_documents() if d["meta"].get("number")]
        holders = defaultdict(set)
        for d in documents:
            holders[d["meta"]["number"].lower()].add(d["path"])
        for d in documents:
            number, kind = d["meta"]["number"], d.get("kind") or ""
            held_out = fold_of(_name(d["path"])) == HELD_OUT
            for family, query in variants(number, kind).items():
                response = searcher.search(query, limit=10, snippets=False)
                first = response.results[0].path if response.results else None
                hit = first in holders[number.lower()]
                row = tally[family]
                row[2 if held_out else 0] += hit
                row[3 if held_out else 1] += 1
                if not hit and not held_out:
                    failures.append((family, query, _name(d["path"]), _name(first or "-")))
    print("| spelling | dev hit@1 | held-out hit@1 |\n|---|---|---|")
    total = [0, 0, 0, 0]
    for family, row in tally.items():
        total = [a + b for a, b in zip(total, row)]
        print(f"| {family} | {_share(row[0], row[1])} | {_share(row[2], row[3])} |")
    print(f"| **all** | {_share(total[0], total[1])} | {_share(total[2], total[3])} |")
    print(f"\n{len(documents)} numbered documents; dev failures:")
    for family, query, want, got in failures:
        print(f"  [{family}] {query!r}: want {want}, first {got}")
    return 0


def _name(path: str) -> str:
    from relevance import _shared_name
    return _shared_name(path)


def _share(hit: int, n: int) -> str:
    return f"{hit / n:.2f} ({hit}/{n})" if n else "-"


if __name__ == "__main__":
    sys.exit(main())
