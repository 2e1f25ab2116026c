"""Titles and quotations typed the ways users get them wrong: does the right text still come first?

The realistic set holds hand-written lookups with a wrong tone mark, without diacritics, in
capitals, and quotations in part or with a word wrong. This probe writes such queries by rule
for every text of the realistic index instead, so that a mechanism is judged on hundreds of
cases it was not written for:

- every title of three syllables or more: as typed (the control), one tone mark changed
  (hỏi/ngã swapped among them), without diacritics, in capitals, its first half;
- every quotation record (the HCM quote files): whole (the control), without diacritics, one
  word left out, one word changed for another word of the quotes, its middle half.

A query counts only where its control finds the text first; it is right when a text holding the
same title (or the quotation, folded) ranks first. Texts are split into folds by their path
(benchmarks/folds.py): failures are printed for the development folds only.

    PYTHONPATH=. python benchmarks/perturbation_probe.py [--show N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import HELD_OUT, fold_of  # noqa: E402

from kb.analysis.fold import fold  # noqa: E402

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", ""]
_WORD = re.compile(r"[^\W\d_]+")


def _rng(key: str) -> random.Random:
    return random.Random(int(hashlib.sha1(key.encode()).hexdigest()[:12], 16))


def retone(word: str, rng: random.Random) -> str | None:
    """``word`` with its tone mark changed to another (or removed); None when it has none."""
    decomposed = unicodedata.normalize("NFD", word)
    at = next((i for i, c in enumerate(decomposed) if c in TONES[:5]), None)
    if at is None:
        return None
    new = rng.choice([t for t in TONES if t != decomposed[at]])
    bare = decomposed[:at] + decomposed[at + 1:]
    # The tone goes after the vowel's other marks (ậ = a + ̂ + ̣ in NFD, ẫ = a + ̂ + ̃).
    end = at
    while end < len(bare) and unicodedata.combining(bare[end]):
        end += 1
    return unicodedata.normalize("NFC", bare[:end] + new + bare[end:])


def title_variants(title: str, key: str) -> dict[str, str]:
    """Spelling family → a query for ``title`` typed that way."""
    rng = _rng(key)
    words = title.split()
    out = {"no diacritics": fold(title), "capitals": title.upper()}
    marked = [i for i, w in enumerate(words) if len(_WORD.sub("", w)) == 0 and retone(w, rng)]
    if marked:
        i = rng.choice(marked)
        changed = retone(words[i], rng)
        out["one tone mark changed"] = " ".join(words[:i] + [changed] + words[i + 1:])
    return out


def quote_variants(text: str, key: str, vocabulary: list[str]) -> dict[str, str]:
    """Spelling family → a query for the quotation ``text`` pasted that way."""
    rng = _rng(key)
    words = text.split()
    out = {"no diacritics": fold(text)}
    if len(words) >= 6:
        i = rng.randrange(1, len(words) - 1)
        out["one word left out"] = " ".join(words[:i] + words[i + 1:])
        out["one word changed"] = " ".join(words[:i] + [rng.choice(vocabulary)] + words[i + 1:])
        quarter = len(words) // 4
        out["middle half"] = " ".join(words[quarter:len(words) - quarter])
    return out


def _folded_text(text: str) -> str:
    return " ".join(_WORD.findall(fold(text).lower()))


def main(argv: list[str] | None = None) -> int:
    """Print hit@1 per kind of mistake, dev and held-out, and some dev failures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=40, help="dev failures to print")
    args = parser.parse_args(argv)
    from relevance import _config, _realistic, _shared_name, ensure_index
    from kb.index.search import Searcher

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    failures = []
    with Searcher(_config(ensure_index(_realistic()))) as searcher:
        documents = list(searcher.all_documents())
        folded = {d["path"]: _folded_text(d.get("text") or "") for d in documents}
        by_title = defaultdict(set)
        for d in documents:
            by_title[_folded_text(d.get("title") or "")].add(d["path"])
        quotes = [d for d in documents if d["meta"].get("record") and d.get("text")]
        vocabulary = sorted({w for d in quotes for w in d["text"].split() if w.isalpha()})

        def first(query: str) -> str | None:
            hits = searcher.search(query, limit=1, snippets=False).results
            return hits[0].path if hits else None

        def probe(group: str, path: str, control: str, variants: dict, wanted: set) -> None:
            if first(control) not in wanted:
                return
            held_out = fold_of(_shared_name(path)) == HELD_OUT
            for family, query in variants.items():
                got = first(query)
                row = tally[f"{group}: {family}"]
                row[2 if held_out else 0] += got in wanted
                row[3 if held_out else 1] += 1
                if got not in wanted and not held_out:
                    failures.append((group, family, query, _shared_name(path),
                                     _shared_name(got or "-")))

        for d in documents:
            title = (d.get("title") or "").strip()
            if len(title.split()) >= 3:
                probe("title", d["path"], title, title_variants(title, d["path"]),
                      by_title[_folded_text(title)])
        for d in quotes:
            text = " ".join(d["text"].split())
            if len(text.split()) < 4:
                continue
            needle = _folded_text(text)
            wanted = {p for p, t in folded.items() if needle in t}
            probe("quote", d["path"], text, quote_variants(text, d["path"], vocabulary), wanted)
    print("| mistake | dev hit@1 | held-out hit@1 |\n|---|---|---|")
    for family, row in sorted(tally.items()):
        print(f"| {family} | {_share(row[0], row[1])} | {_share(row[2], row[3])} |")
    print(f"\n{len(failures)} dev failures; the first {args.show}:")
    for failure in failures[:args.show]:
        print("  [%s: %s] %r: want %s, first %s" % failure)
    return 0


def _share(hit: int, n: int) -> str:
    return f"{hit / n:.2f} ({hit}/{n})" if n else "-"


if __name__ == "__main__":
    sys.exit(main())
