"""How well kb understands real documents, against the hand labels of benchmarks/data/understanding.

Every labelled file is read by kb's own ingestion reader (``read_document``, then OCR of
scanned pages as ``kb ingest`` does; a labelled ``file#key`` is that record of a file of records,
as ``read_documents`` gives it) and its metadata compared with the labels field by field
(rules in benchmarks/understanding_labels.py). Figures are given for the held-out fold (fold 2
of benchmarks/folds.py) and beside it for the development folds (0, 1):

- official documents of the shared data and of corpus/: accuracy of kind, number, issuer,
  issuer_parent, place, date, title (kb's trích yếu), signer, signer_role, and all of them;
- web pages, press articles and pages of sayings: dated pages given the right date, undated
  pages given none, kind, title; sayings recall and precision (matched by token overlap) and
  sector accuracy of the sayings found.

``--show-errors`` lists every wrong field of the development folds (never of fold 2: it stays
unseen by whoever tunes the extraction). ``--all`` also prints the per-source breakdown of the
development folds (written to the results file in any case). ``--round N`` scores only the
documents of labelling round N (a record's "round", 1 when absent) and prints the tables without
writing the results file.

``--dev`` scores the development folds only (fold 2 is not even read) and ``--groups`` only some
label groups; both print without writing the results file.

Usage: .venv/bin/python benchmarks/understanding.py [--all] [--show-errors] [--round N] [--dev]
       [--groups web,sayings]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from common import DATA, ROOT, md_table, write_result
from folds import HELD_OUT, fold_of
from understanding_labels import (OFFICIAL_FIELDS, load, matches, pair_sayings, resolve,
                                  sayings_of, sector_right)

from kb.config import load_config
from kb.errors import IngestError
from kb.ingest import ocr
from kb.ingest.pipeline import iter_files, read_document, read_documents
from kb.understand.echoes import KnownSayings, echoed_sayings

LABELS = ROOT / "benchmarks" / "data" / "understanding"
OFFICIAL_GROUPS = ("official", "corpus")
PARTS = ("held-out", "dev")
# Hand-kept figures before and after each change, appended to the results file.
HISTORY = ROOT / "benchmarks" / "understanding_history.md"
# The held-out documents of the first labelling round (a record's "round", 1 when absent): later
# rounds added documents of other classes, so the first round's figure stays comparable.
FIRST_ROUND = "held-out, round 1"


@dataclass
class Tally:
    """Right and total counts per measure."""

    right: dict = field(default_factory=lambda: defaultdict(int))
    total: dict = field(default_factory=lambda: defaultdict(int))

    def add(self, measure: str, ok: bool, n: int = 1, right: int | None = None) -> None:
        """Count ``n`` cases of ``measure``, ``right`` of them right (all or none when omitted)."""
        self.total[measure] += n
        self.right[measure] += (n if ok else 0) if right is None else right

    def cell(self, measure: str) -> str:
        """"0.85 (17/20)", or "–" when nothing was counted."""
        n = self.total.get(measure, 0)
        return f"{self.right[measure] / n:.2f} ({self.right[measure]}/{n})" if n else "–"


_RECORDS: dict = {}  # the Documents of the last file of records read, by its path


def read(path, config, key: str | None = None):
    """The Document kb makes of ``path`` (of its record ``key``, for a file of records), scanned
    pages OCR'd when OCR is available."""
    if key is not None:
        if path not in _RECORDS:
            _RECORDS.clear()  # one file of records held at a time
            _RECORDS[path] = read_documents(path, config)[0]
        found = [d for d in _RECORDS[path] if d.path.endswith(f"#{key}")]
        if not found:
            raise IngestError(str(path), f"kb read no record {key}")
        return found[0]
    doc = read_document(path, config)
    pending = doc.meta["extra"].get("ocr_pending")
    if pending and config["ocr"] != "never" and ocr.available() is None:
        texts = ocr.ocr_pages(path, pending, float(config["ocr_timeout"]))
        doc = read_document(path, config, ocr_text=texts)
    return doc


#: The collection a sayings page is indexed with when its sayings are read: his words a page
#: does not attribute are recognised from what the rest of the index attributes to him
#: (kb.understand.echoes), as the sayings view does.
ECHO_FOLDERS = ["data/party-docs/docs", "data/hcm"]
_KNOWN: list[KnownSayings] = []


def known_sayings(config) -> KnownSayings:
    """His sayings known from ECHO_FOLDERS (read once, about 20 s)."""
    if not _KNOWN:
        known = KnownSayings()
        for folder in ECHO_FOLDERS:
            for path in iter_files(DATA.parent / folder):
                try:
                    docs = read_documents(path, config)[0]
                except IngestError:
                    continue
                for doc in docs:
                    known.learn(doc.meta, doc.text, doc.content_hash)
        _KNOWN.append(known)
    return _KNOWN[0]


def sayings_shown(doc, config) -> list[dict]:
    """The sayings kb shows for ``doc``: those it attributes, and its echoes of known ones."""
    meta = doc.meta
    return list(meta.get("sayings") or []) + echoed_sayings(meta.get("quote_candidates") or [],
                                                            known_sayings(config), doc.content_hash)


def extracted(doc, group: str) -> dict:
    """kb's value for each labelled field (None when it found none)."""
    meta = doc.meta
    title = (meta.get("document_title") or doc.title) if group in OFFICIAL_GROUPS else doc.title
    return {"kind": doc.kind, "number": doc.number, "issuer": meta.get("issuer"),
            "issuer_parent": meta.get("issuer_parent"), "place": meta.get("place"),
            "date": doc.date, "title": title, "signer": meta.get("signer"),
            "signer_role": meta.get("signer_role")}


def source_of(path: str) -> str:
    """The collection a labelled path belongs to ("gov-docs", "laws", "corpus", ...)."""
    parts = path.split("/")
    return parts[1] if parts[0] == "data" and len(parts) > 2 else parts[0]


def score(records: list[dict], config) -> tuple[dict, dict, list, list]:
    """Tallies by (group, part) and by (group, source) for dev, dev errors, unreadable files."""
    by_part: dict = defaultdict(Tally)
    by_source: dict = defaultdict(Tally)
    errors, unreadable = [], []
    for record in records:
        path, group = record["path"], record["group"]
        part = "held-out" if fold_of(path) == HELD_OUT else "dev"
        labels = {k: v for k, v in record.get("fields", {}).items() if k != "sayings"}
        try:
            key = path.split("#", 1)[1] if "#" in path else None
            doc = read(resolve(path, ROOT, DATA.parent), config, key)
            got = extracted(doc, group)
        except IngestError as exc:
            unreadable.append((path, exc.reason))
            doc, got = None, dict.fromkeys(OFFICIAL_FIELDS)
        tallies = [by_part[group, part]] + ([by_source[group, source_of(path)]] if part == "dev" else [])
        if part == "held-out" and record.get("round", 1) == 1:
            tallies.append(by_part[group, FIRST_ROUND])
        for name, expected in labels.items():
            if name not in got:
                continue
            measure = name
            if group not in OFFICIAL_GROUPS and name == "date":
                measure = "date (dated pages)" if expected else "no date (undated pages)"
            ok = doc is not None and matches(name, expected, got[name])
            for tally in tallies:
                tally.add(measure, ok)
                if group in OFFICIAL_GROUPS:
                    tally.add("all fields", ok)
            if not ok and part == "dev":
                errors.append((path, name, expected, got[name]))
        labelled = sayings_of(record)
        if labelled is not None:
            found = sayings_shown(doc, config) if doc is not None else []
            pairs = pair_sayings(labelled, found)
            for tally in tallies:
                tally.add("sayings recall", True, n=len(labelled), right=len(pairs))
                tally.add("sayings precision", True, n=len(found), right=len(pairs))
                tally.add("sector (sayings found)", True, n=len(pairs),
                          right=sum(sector_right(lab, ext) for lab, ext in pairs))
            if part == "dev":
                errors += [(path, "saying sector", f"{lab.get('sector')} | {lab['text']}",
                            ext.get("sectors") or ext.get("sector"))
                           for lab, ext in pairs if not sector_right(lab, ext)]
                missed = [s["text"] for s in labelled if all(s is not lab for lab, _ in pairs)]
                extra = [s["text"] for s in found if all(s is not ext for _, ext in pairs)]
                errors += [(path, "saying missed", text, None) for text in missed]
                errors += [(path, "saying not labelled", None, text) for text in extra]
    return by_part, by_source, errors, unreadable


def tables(records: list[dict], by_part: dict, by_source: dict, breakdown: bool) -> str:
    """The Markdown report."""
    order = {g: i for i, g in enumerate(OFFICIAL_GROUPS)}
    groups = sorted({r["group"] for r in records}, key=lambda g: (order.get(g, len(order)), g))
    out = []
    for group in groups:
        counts = {p: sum(1 for r in records if r["group"] == group
                         and (fold_of(r["path"]) == HELD_OUT) == (p == "held-out")) for p in PARTS}
        measures = [m for m in (*OFFICIAL_FIELDS, "all fields", "date (dated pages)",
                                "no date (undated pages)", "sayings recall", "sayings precision",
                                "sector (sayings found)")
                    if any(by_part[group, p].total.get(m) for p in PARTS)]
        out.append(f"### Group `{group}`: {counts['held-out']} held-out documents, "
                   f"{counts['dev']} development documents\n")
        first = sum(1 for r in records if r["group"] == group and r.get("round", 1) == 1
                    and fold_of(r["path"]) == HELD_OUT)
        if first < counts["held-out"]:
            out.append(f"Held-out documents of the first labelling round: {first}.\n")
            out.append(md_table(["field", "held-out (fold 2)", "held-out, round 1", "dev (folds 0, 1)"],
                                [[m] + [by_part[group, p].cell(m) for p in
                                        ("held-out", FIRST_ROUND, "dev")] for m in measures]))
        else:
            out.append(md_table(["field", "held-out (fold 2)", "dev (folds 0, 1)"],
                                [[m] + [by_part[group, p].cell(m) for p in PARTS]
                                 for m in measures]))
        if breakdown:
            sources = sorted(s for g, s in by_source if g == group)
            if len(sources) > 1:
                out.append(f"\nDevelopment folds of `{group}` by source:\n")
                out.append(md_table(["field"] + sources,
                                    [[m] + [by_source[group, s].cell(m) for s in sources]
                                     for m in measures]))
        out.append("")
    return "\n".join(out)


def main() -> None:
    """Score kb against every label file and print (and write) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="also print the per-source breakdown")
    parser.add_argument("--show-errors", action="store_true",
                        help="list the wrong fields of the development folds (never fold 2)")
    parser.add_argument("--dev", action="store_true",
                        help="score only the development folds (fold 2 is not read); print, do not "
                             "write the results file")
    parser.add_argument("--groups", metavar="G,G",
                        help="score only these label groups (official, corpus, web, sayings)")
    parser.add_argument("--round", type=int, metavar="N",
                        help="score only labelling round N; print, do not write the results file")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    config = load_config({"progress": "never"}, environ={})
    records = load(LABELS)
    if args.round is not None:
        records = [r for r in records if r.get("round", 1) == args.round]
    if args.dev:
        records = [r for r in records if fold_of(r["path"]) != HELD_OUT]
    if args.groups:
        records = [r for r in records if r["group"] in args.groups.split(",")]
    by_part, by_source, errors, unreadable = score(records, config)
    print(tables(records, by_part, by_source, args.all))
    for path, reason in unreadable:
        print(f"unreadable: {path}: {reason}", file=sys.stderr)
    if args.show_errors:
        print("\nWrong fields (development folds only):")
        for path, name, expected, got in errors:
            print(f"- {path} [{name}]\n    expected: {expected!r}\n    got:      {got!r}")
    if args.round is not None or args.dev or args.groups:
        return
    body = ("`.venv/bin/python benchmarks/understanding.py` against the hand labels of "
            "benchmarks/data/understanding (how they were made and compared: its README.md). "
            "Accuracy with (right/labelled); fold 2 is held out.\n\n"
            + tables(records, by_part, by_source, True)
            + (f"\nFiles kb could not read: {len(unreadable)}\n" if unreadable else "")
            + (f"\n{HISTORY.read_text(encoding='utf-8')}" if HISTORY.is_file() else ""))
    print(f"\nwrote {write_result('understanding', 'Document understanding against hand labels', body)}")


if __name__ == "__main__":
    main()
