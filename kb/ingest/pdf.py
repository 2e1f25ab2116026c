"""PDF files: the text layer, page by page (scanned pages are listed for OCR, not read here).

Each page's text layer is repaired (Cyrillic look-alikes, syllables split by spaces; see
kb.ingest.repair); a page still too broken to read is listed in ``extra["broken_pages"]`` so
that the OCR phase recognises it again from its image.

pypdf reports damaged files through ``warnings`` and its ``pypdf`` logger; pytest turns warnings
into errors and users do not need a line per broken xref, so warnings become DEBUG log records.
"""

from __future__ import annotations

import logging
import re
import warnings
from pathlib import Path
from typing import Any

from kb.errors import ParseError
from kb.ingest.base import ParsedDocument
from kb.ingest.pdf_text import read_pages
from kb.ingest.repair import repair_text, too_broken
from kb.ingest.text import finish_text

log = logging.getLogger(__name__)
# pypdf logs every repaired xref or missing EOF marker at WARNING through its module loggers
# ("pypdf._reader"...); a damaged but readable file is not worth a line on the user's screen.
# Only quieten it when nobody configured the pypdf logger on purpose.
if logging.getLogger("pypdf").level == logging.NOTSET:
    logging.getLogger("pypdf").setLevel(logging.ERROR)

# A document code broken at its hyphen ("1074/QĐ-\nBXD") is one token again; an ASCII
# word split at a line end ("infor-\nmation") loses the hyphen. Vietnamese syllables are
# never hyphenated across lines, so nothing else is joined.
_CODE_BREAK = re.compile(r"([A-ZĐ0-9])-\n(?=[A-ZĐ0-9])")
_WORD_BREAK = re.compile(r"\b([a-z]{2,})-\n([a-z]{2,})\b")
_MEANINGLESS_TITLE = re.compile(
    r"^(untitled|document|title|microsoft word.*|.*\.(docx?|pdf|rtf|odt))$|^[\W\d_]*$", re.I)
_PASSWORD_REASONS = ("encrypted PDF, password required", "tệp PDF được mã hoá, cần mật khẩu")


def fix_artefacts(text: str) -> str:
    """Re-join document codes and ASCII words that a line break split at a hyphen."""
    text = _CODE_BREAK.sub(r"\1-", text)
    return _WORD_BREAK.sub(r"\1\2", text)


def meta_title(reader) -> str | None:
    """The /Title of the document information, unless it is empty or a file name."""
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001 - a broken info dictionary is no reason to fail
        return None
    title = str(title or "").strip()
    if title.lower().startswith("microsoft word - "):
        title = title[len("microsoft word - "):].strip()
    if len(title) < 4 or _MEANINGLESS_TITLE.match(title):
        return None
    return title


def _open(path: Path):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(str(path), *_PASSWORD_REASONS)
        return reader, len(reader.pages)
    except ParseError:
        raise
    except DependencyError as exc:
        raise ParseError(str(path), f"encrypted PDF needs a missing library: {exc}",
                         "tệp PDF được mã hoá theo cách chưa đọc được (thiếu thư viện giải mã)"
                         ) from exc
    except NotImplementedError as exc:  # pypdf: an encryption handler other than Standard
        raise ParseError(str(path), f"unsupported PDF encryption: {exc}",
                         "tệp PDF được mã hoá theo cách chưa đọc được") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError) as exc:
        raise ParseError(str(path), f"corrupt or truncated PDF: {exc}",
                         "tệp PDF bị hỏng hoặc không đầy đủ") from exc


def join_pages(pages: list[str], limits: dict[str, Any], extra: dict[str, Any]) -> str:
    """The document text from its pages' texts: non-empty pages separated by a blank line."""
    return finish_text("\n\n".join(p for p in pages if p), limits, extra)


class PdfParser:
    """PDF files, recognised by the %PDF- signature in their first kilobyte."""

    name = "pdf"

    def score(self, path: Path, head: bytes) -> float:
        """1.0 when "%PDF-" occurs in the first 1 KB (some writers put junk before it)."""
        return 1.0 if b"%PDF-" in head[:1024] else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Text of each page, pages separated by a blank line; empty pages are listed."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # pypdf, pdftotext for what pypdf cannot read, then legacy fonts (kb.ingest.pdf_text)
            reader, texts, failed, info = read_pages(
                path, _open, float(limits.get("parse_timeout") or 120))
            count = len(texts)
            pages, empty, broken, repaired = [], [], [], []
            for number, text in enumerate(texts, 1):
                if not text.strip():
                    empty.append(number)
                else:
                    fixed = repair_text(text)
                    if fixed != text:
                        repaired.append(number)
                    if too_broken(fixed):
                        broken.append(number)
                    text = fixed
                pages.append(fix_artefacts(text.strip()))
            title = meta_title(reader) if reader is not None else None
        for warning in caught:
            log.debug("%s: pypdf: %s", path, warning.message)
        if count and len(failed) == count:
            raise ParseError(str(path), "corrupt PDF: no page could be read",
                             "tệp PDF bị hỏng: không đọc được trang nào")
        extra: dict[str, Any] = {"pages": count, "empty_pages": empty, **info}
        if failed:
            extra["failed_pages"] = failed
        if repaired:
            extra["repaired_pages"] = repaired
        if broken:
            extra["broken_pages"] = broken
        if empty or broken:
            # Kept only for the OCR phase, which puts recognised pages back in their place;
            # kb.ingest.pipeline.read_document drops it before the document is stored.
            extra["page_texts"] = pages
        return ParsedDocument(join_pages(pages, limits, extra), title, self.name, extra)
