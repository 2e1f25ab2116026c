"""Fuzzing the parsers: random bytes and mutated fixtures never raise anything but IngestError.

Given random bytes, or a small valid fixture (PDF, DOCX, HTML, text) with bytes flipped, cut or
spliced, under any extension, when choose_parser and parse read it in this process, then it
either yields text or raises a kb.errors.IngestError subclass (the per-file error the user
sees). A longer run lives in benchmarks/fuzz_parsers.py.
"""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.config import load_config
from kb.errors import IngestError
from kb.ingest.registry import choose_parser

PARSERS = Path(__file__).parent / "data" / "parsers"
SEEDS = ["quyet-dinh.pdf", "ke-hoach.docx", "tin-tuc.html", "vn-utf8.txt", "encrypted-empty.pdf"]
SUFFIXES = [".pdf", ".docx", ".html", ".txt", ".doc", ".xlsx", ".rtf", ""]
CONFIG = load_config({"max_text_chars": 200_000}, environ={})


@st.composite
def mutated(draw) -> bytes:
    """A seed fixture with a few bytes overwritten, a slice cut out, or its tail dropped."""
    data = bytearray((PARSERS / draw(st.sampled_from(SEEDS))).read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "truncate", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 512))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


def read_as_user(data: bytes, suffix: str) -> str | None:
    """Parse ``data`` saved under ``suffix``: the text, or None for a clean IngestError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"tep-thu{suffix}"
        path.write_bytes(data)
        try:
            return choose_parser(path).parse(path, CONFIG).text
        except IngestError as exc:
            assert exc.path == str(path) and exc.user_reason
            return None


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=4096), mutated()), suffix=st.sampled_from(SUFFIXES))
def test_parsers_raise_only_ingest_errors(data, suffix):
    text = read_as_user(data, suffix)
    assert text is None or isinstance(text, str)


def test_an_unmutated_seed_still_reads_as_vietnamese():
    # The fuzz seeds are real documents: the harness itself reads them correctly.
    text = read_as_user((PARSERS / "ke-hoach.docx").read_bytes(), ".docx")
    assert "quản lý khoáng sản" in text
