"""benchmarks/data/understanding/web.jsonl: hand labels of web pages, press articles and HCM texts.

The labels are checked against the real documents in ../shared: every labelled path exists, every
saying (and every listed non-saying) really occurs in its document, dates are ISO, sectors are
kb's, and the set keeps the size the benchmark was built for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "understanding" / "web.jsonl"
SECTORS = ROOT / "kb" / "data" / "sectors.toml"
GROUPS = {"web", "sayings"}
KEYS = {"path", "group", "fields", "sayings", "not_sayings", "notes"}
OPTIONAL_KEYS = {"round"}  # the labelling round, 1 when absent
FIELDS = {"kind", "date", "title", "author"}


def load_labels() -> list[dict]:
    """The labelled documents, one per line."""
    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def normalise(text: str) -> str:
    """Text as compared: NFC, 'ǎ' as 'ă', no quotation marks or markdown emphasis, one space.

    Quotes are dropped because a saying is labelled without its surrounding marks while nested
    quotes stay in its text; '*' and '_' because crawled pages break words with emphasis marks.
    """
    text = unicodedata.normalize("NFC", text).replace("\u01ce", "ă")
    text = re.sub(r"[“”\"«»„‟]", " ", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"[*_]+", " ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ([.,;:!?…)\]])", r"\1", text)  # tokenised corpora space out punctuation
    return re.sub(r"([(\[]) ", r"\1", text).strip()


def _record(records: list[dict], key: str) -> dict:
    for record in records:
        if str(record.get("id", record.get("_id"))) == key:
            return record
    if key.isdigit() and 1 <= int(key) <= len(records):
        return records[int(key) - 1]
    raise KeyError(key)


def document_text(shared_root: Path, path: str) -> str:
    """The text of a labelled document: a file, or a record '<file>#<key>' (DATA-CONVENTIONS)."""
    file, _, key = path.partition("#")
    target = shared_root / file
    if not key:
        return target.read_text(encoding="utf-8")
    raw = target.read_text(encoding="utf-8")
    if target.suffix == ".jsonl":
        records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    else:
        records = json.loads(raw)
    record = _record(records, key)
    return "\n\n".join(str(v) for v in record.values() if isinstance(v, str))


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return load_labels()


@pytest.fixture(scope="module")
def texts(labels, shared_data) -> dict[str, str]:
    root = shared_data.parent
    return {row["path"]: normalise(document_text(root, row["path"])) for row in labels}


def test_every_labelled_path_exists(labels, shared_data):
    root = shared_data.parent
    for row in labels:
        file = row["path"].partition("#")[0]
        assert (root / file).is_file(), row["path"]


def test_records_are_named_by_key(labels, shared_data):
    record_rows = [row for row in labels if "#" in row["path"]]
    assert record_rows
    for row in record_rows:
        assert document_text(shared_data.parent, row["path"]).strip(), row["path"]


def test_each_saying_occurs_in_its_document(labels, texts):
    missing = [
        (row["path"], saying["text"][:60])
        for row in labels
        for saying in row["sayings"]
        if normalise(saying["text"]) not in texts[row["path"]]
    ]
    assert not missing


def test_each_non_saying_occurs_in_its_document(labels, texts):
    missing = [
        (row["path"], quote[:60])
        for row in labels
        for quote in row["not_sayings"]
        if normalise(quote) not in texts[row["path"]]
    ]
    assert not missing


def test_a_quote_is_never_both_saying_and_not(labels):
    for row in labels:
        said = {normalise(s["text"]).lower() for s in row["sayings"]}
        assert not said & {normalise(q).lower() for q in row["not_sayings"]}, row["path"]


def test_shape_dates_and_sectors(labels):
    sectors = set(tomllib.loads(SECTORS.read_text(encoding="utf-8")))
    paths = [row["path"] for row in labels]
    assert len(paths) == len(set(paths))
    for row in labels:
        assert KEYS <= set(row) <= KEYS | OPTIONAL_KEYS, row["path"]
        assert row["group"] in GROUPS, row["path"]
        assert set(row["fields"]) <= FIELDS, row["path"]
        date = row["fields"].get("date")
        if date is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), (row["path"], date)
            dt.date.fromisoformat(date)
        title = row["fields"].get("title")
        assert title is None or title.strip(), row["path"]
        for saying in row["sayings"]:
            assert saying["text"].strip(), row["path"]
            assert saying["sector"] is None or saying["sector"] in sectors, (row["path"], saying)


def test_minimum_counts(labels):
    assert len(labels) >= 75
    assert sum(1 for row in labels if row["sayings"]) >= 40
    assert sum(len(row["sayings"]) for row in labels) >= 150
    assert sum(1 for row in labels if row["fields"].get("date")) >= 40


def test_titles_are_not_salutations_or_furniture(labels):
    bad = re.compile(r"^(Hỡi|Kính thưa|Thưa|Tải ứng dụng|Thứ\s+\w+,|Chủ nhật,)", re.IGNORECASE)
    for row in labels:
        title = row["fields"].get("title")
        if title:
            assert not bad.match(title), (row["path"], title)
