"""How well kb recovers Vietnamese from legacy-encoded files (viparse-corpus METRIC.md).

For every file of ``legacy-encodings/corpus`` that has a ground-truth transcript, extract the
text with kb's parsers, which run :func:`kb.ingest.legacy.fix_legacy` on it (PDFs: pypdf, and
pdftotext for what pypdf cannot read; see kb.ingest.pdf_text; synthetic .docx: python-docx
runs, then fix_legacy here), and score it with ``char_accuracy`` and ``diacritic_accuracy``
exactly as METRIC.md defines them. Then count false conversions (``fix_legacy`` changing anything) over every Unicode text of
laws/texts, party-docs/docs, news, hcm and alqac2023/corpus.jsonl. Prints a Markdown table.

Usage: .venv/bin/python benchmarks/legacy_accuracy.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import difflib
import json
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.ingest.legacy import fix_legacy  # noqa: E402
from kb.ingest.office import parser_for  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
UNICODE_SOURCES = ("laws/texts", "party-docs/docs", "news", "hcm")


def _prepare(text: str) -> str:
    """METRIC.md preprocessing: NFC, whitespace runs -> one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _base(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def _has_diacritic(ch: str) -> bool:
    return ch in "đĐ" or len(unicodedata.normalize("NFD", ch)) > 1


def _blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size) of a character alignment of ``a`` and ``b``.

    METRIC.md aligns with difflib.SequenceMatcher. Run on whole 100-250k-character documents
    it takes hours, so it runs in two levels: first over space-separated words, then over the
    characters of each differing stretch. Both levels are difflib.SequenceMatcher.
    """
    wa, wb = a.split(" "), b.split(" ")
    starts_a, starts_b = _starts(wa), _starts(wb)
    blocks = []
    words = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for tag, i1, i2, j1, j2 in words.get_opcodes():
        ca, cb = starts_a[i1], starts_b[j1]
        if tag == "equal":
            # the matched words and the spaces between (and after, when one follows in both)
            size = starts_a[i2] - ca - (1 if i2 == len(wa) or j2 == len(wb) else 0)
            blocks.append((ca, cb, max(0, size)))
        elif tag == "replace":
            sa = a[ca:starts_a[i2]]
            sb = b[cb:starts_b[j2]]
            chars = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
            blocks.extend((ca + m.a, cb + m.b, m.size) for m in chars.get_matching_blocks()
                          if m.size)
    return blocks


def _starts(words: list[str]) -> list[int]:
    starts, pos = [], 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    starts.append(pos)
    return starts


def char_accuracy(pred: str, truth: str) -> float:
    """Matched characters of an alignment / ground-truth length (METRIC.md §1)."""
    pred, truth = _prepare(pred), _prepare(truth)
    if not truth:
        return 1.0 if not pred else 0.0
    return min(1.0, sum(size for _, _, size in _blocks(pred, truth)) / len(truth))


def diacritic_accuracy(pred: str, truth: str) -> float:
    """Diacritic-bearing truth characters recovered exactly / all of them (METRIC.md §2)."""
    pred, truth = _prepare(pred), _prepare(truth)
    wanted = [i for i, ch in enumerate(truth) if _has_diacritic(ch)]
    if not wanted:
        return 1.0
    base_pred = "".join(_base(c) for c in pred)
    base_truth = "".join(_base(c) for c in truth)
    aligned = {}
    for i, j, size in _blocks(base_pred, base_truth):
        for k in range(size):
            aligned[j + k] = i + k
    hits = sum(1 for i in wanted if i in aligned and pred[aligned[i]] == truth[i])
    return hits / len(wanted)


def extract(path: Path) -> tuple[str, str | None]:
    """Text of one corpus file after legacy conversion, and the detected encoding."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        # kb's PDF parser: pypdf (pdftotext where pypdf fails), then fix_legacy over the pages
        from kb.ingest.pdf import PdfParser

        doc = PdfParser().parse(path, {"parse_timeout": 60, "max_text_chars": 0})
        return doc.text, doc.extra.get("legacy_encoding")
    if suffix == ".docx":
        # Synthetic VNI files only; the DOCX parser is not ours, python-docx's runs are enough.
        import docx

        return fix_legacy("\n".join(p.text for p in docx.Document(str(path)).paragraphs))
    parser = parser_for(path)
    if parser is None:
        raise RuntimeError("no office parser accepts it")
    doc = parser.parse(path, {"parse_timeout": 60, "max_text_chars": 0})
    return doc.text, doc.extra.get("legacy_encoding")


def _truth_for(path: Path, truths: Path) -> Path:
    # synthetic-vni-<name>.docx re-encodes the transcript of <name> (lines with ẳ/ẵ dropped)
    return truths / (path.stem.removeprefix("synthetic-vni-") + ".txt")


def score_corpus(data: Path) -> tuple[list[dict], list[str]]:
    """Score every transcribed corpus file; returns (rows, failures)."""
    corpus = data / "legacy-encodings" / "corpus"
    truths = data / "legacy-encodings" / "ground-truth"
    rows, failures = [], []
    for path in sorted(corpus.rglob("*")):
        truth_file = _truth_for(path, truths)
        if not path.is_file() or not truth_file.exists():
            continue
        truth = truth_file.read_text(encoding="utf-8")
        started = time.perf_counter()
        try:
            text, encoding = extract(path)
        except Exception as exc:  # a failure counts, it is not dropped (METRIC.md)
            failures.append(f"{path.name}: {exc}")
            text, encoding = "", None
        rows.append({
            "file": path.name,
            "format": ("synthetic " if "synthetic" in path.parts else "") + path.suffix.lower(), "encoding": encoding,
            "expected": "vni" if "synthetic" in path.parts else path.parent.name, "seconds": time.perf_counter() - started,
            "char": char_accuracy(text, truth), "diacritic": diacritic_accuracy(text, truth),
            "truth_diacritics": sum(1 for c in _prepare(truth) if _has_diacritic(c)),
        })
    return rows, failures


def unicode_texts(data: Path, limit: int | None = None):
    """Yield (name, text) of real Unicode Vietnamese texts; every ``limit``-th file if given."""
    files = sorted(p for src in UNICODE_SOURCES for p in (data / src).rglob("*")
                   if p.is_file() and p.suffix in (".txt", ".md", ".json", ".jsonl"))
    step = max(1, len(files) // limit) if limit else 1
    for path in files[::step]:
        yield str(path.relative_to(data)), path.read_text(encoding="utf-8", errors="replace")
    alqac = data / "alqac2023" / "corpus.jsonl"
    if alqac.exists():
        lines = alqac.read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // limit) if limit else 1
        for line in lines[::step]:
            record = json.loads(line)
            yield f"alqac2023:{record['_id']}", record["text"]


def false_conversions(data: Path, limit: int | None = None) -> tuple[int, int, list[str]]:
    """(texts checked, texts changed, names of changed texts) over real Unicode text."""
    checked, changed = 0, []
    for name, text in unicode_texts(data, limit):
        checked += 1
        fixed, encoding = fix_legacy(text)
        if fixed != text or encoding is not None:
            changed.append(name)
    return checked, len(changed), changed


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    rows, failures = score_corpus(data)
    print("| format | files | char_accuracy | diacritic_accuracy | diacritic (pooled) | s/file |")
    print("|---|---|---|---|---|---|")
    groups = defaultdict(list)
    for row in rows:
        groups[row["format"]].append(row)
    real = [r for r in rows if not r["format"].startswith("synthetic")]
    for name, group in sorted(groups.items()) + [("**overall (real files)**", real)]:
        pooled = (sum(r["diacritic"] * r["truth_diacritics"] for r in group)
                  / max(1, sum(r["truth_diacritics"] for r in group)))
        print(f"| {name} | {len(group)} | {_mean([r['char'] for r in group]):.3f} "
              f"| {_mean([r['diacritic'] for r in group]):.3f} | {pooled:.3f} "
              f"| {_mean([r['seconds'] for r in group]):.2f} |")
    print(f"\nFailures: {len(failures)}")
    for failure in failures:
        print(f"- {failure}")
    wrong = [r for r in rows if (r["encoding"] or "none") != r["expected"]]
    print(f"Encoding misdetected: {len(wrong)} of {len(rows)}")
    for row in wrong:
        print(f"- {row['file']}: detected {row['encoding']}, expected {row['expected']}")
    print("\n| file | enc | char | diacritic |\n|---|---|---|---|")
    for row in rows:
        print(f"| {row['file']} | {row['encoding']} | {row['char']:.3f} | {row['diacritic']:.3f} |")
    started = time.perf_counter()
    checked, n_changed, changed = false_conversions(data)
    print(f"\nFalse conversions over real Unicode text: {n_changed} of {checked} texts "
          f"({time.perf_counter() - started:.0f} s)")
    for name in changed[:20]:
        print(f"- {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
