"""Raw text of a PDF's pages: pypdf first, poppler's ``pdftotext`` where pypdf cannot read.

Some old Vietnamese PDFs (2006 decrees set in .VnTime, for instance) name a stream filter by
its inline-image abbreviation (``/Fl`` for ``/FlateDecode``). PDF allows that only in inline
images and pypdf 7 refuses it, so the page fails; the names are expanded and the page read
again. Whatever pypdf still cannot read is taken from ``pdftotext -layout`` (poppler-utils),
run once per document under the parse timeout. Legacy font encodings (TCVN3, VNI...) are then
converted over the whole document at once, so that every page shares one decision.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from kb.ingest.legacy import fix_legacy

log = logging.getLogger(__name__)

# PDF 32000-1 §8.9.7, table 94: abbreviations valid only for inline images.
_FILTER_NAMES = {"/AHx": "/ASCIIHexDecode", "/A85": "/ASCII85Decode", "/LZW": "/LZWDecode",
                 "/Fl": "/FlateDecode", "/RL": "/RunLengthDecode", "/CCF": "/CCITTFaxDecode",
                 "/DCT": "/DCTDecode"}


def expand_filter_names(obj, seen: set | None = None) -> int:
    """Rename abbreviated /Filter names reachable from ``obj`` (a page); return how many."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen = set() if seen is None else seen
    if isinstance(obj, IndirectObject):
        if (obj.idnum, obj.generation) in seen:
            return 0
        seen.add((obj.idnum, obj.generation))
        obj = obj.get_object()
    changed = 0
    if isinstance(obj, DictionaryObject):
        names = obj.get("/Filter")
        names = names.get_object() if names is not None else None
        if isinstance(names, NameObject) and names in _FILTER_NAMES:
            obj[NameObject("/Filter")] = NameObject(_FILTER_NAMES[names])
            changed += 1
        elif isinstance(names, ArrayObject):
            for i, name in enumerate(names):
                if name in _FILTER_NAMES:
                    names[i] = NameObject(_FILTER_NAMES[name])
                    changed += 1
        for key, value in list(obj.items()):
            if key not in ("/Parent", "/P"):  # back-links would walk the whole document
                changed += expand_filter_names(value, seen)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            changed += expand_filter_names(value, seen)
    return changed


def pypdf_pages(reader, count: int, path: Path) -> tuple[list[str], list[int]]:
    """Each page's text layer by pypdf, and the numbers of the pages it could not read."""
    texts, failed = [], []
    for number in range(1, count + 1):
        try:
            page = reader.pages[number - 1]
            try:
                text = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - retried once the filter names are fixed
                if not expand_filter_names(page):
                    raise
                text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - one bad page must not lose the rest
            log.debug("%s: page %d not extracted by pypdf: %s", path, number, exc)
            failed.append(number)
            text = ""
        texts.append(text)
    return texts, failed


def pdftotext_pages(path: Path, timeout: float) -> list[str] | None:
    """Each page's text by ``pdftotext -layout``; None when poppler is missing or fails."""
    if shutil.which("pdftotext") is None:
        log.debug("%s: pdftotext not installed (poppler-utils)", path)
        return None
    try:
        done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("%s: pdftotext failed: %s", path, exc)
        return None
    text = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0 and not text.strip():
        log.debug("%s: pdftotext exit %d: %s", path, done.returncode,
                  done.stderr.decode("utf-8", errors="replace")[:200])
        return None
    pages = text.split("\f")  # one form feed after every page
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def fill_failed(texts: list[str], failed: list[int], path: Path, timeout: float) -> list[int]:
    """Put pdftotext's text in place of the failed pages; return the pages it filled."""
    if not failed:
        return []
    other = pdftotext_pages(path, timeout)
    if other is None:
        return []
    filled = [n for n in failed if n <= len(other) and other[n - 1].strip()]
    for number in filled:
        texts[number - 1] = other[number - 1]
    return filled


def convert_legacy(texts: list[str]) -> tuple[list[str], str | None]:
    """fix_legacy over all pages at once (one document-level decision); pages kept apart."""
    joined = "\f".join(t.replace("\f", "\n") for t in texts)
    fixed, encoding = fix_legacy(joined)
    if encoding is None:
        return texts, None
    pages = fixed.split("\f")  # splitlines() in fix_legacy keeps the form feeds as line ends
    return (pages, encoding) if len(pages) == len(texts) else (texts, None)


def read_pages(path: Path, open_pdf, timeout: float) -> tuple[object, list[str], list[int], dict]:
    """(pypdf reader or None, page texts after legacy conversion, unread pages, extra entries).

    ``open_pdf(path)`` returns (reader, page count) or raises ParseError. A document pypdf
    cannot open as corrupt is given to pdftotext; a password or encryption error is not.
    """
    from kb.errors import ParseError

    try:
        reader, count = open_pdf(path)
    except ParseError as exc:
        if not exc.reason.startswith("corrupt"):
            raise
        texts = pdftotext_pages(path, timeout)
        if not texts or not any(t.strip() for t in texts):
            raise
        log.info("%s: pypdf could not open it (%s); read by pdftotext", path, exc.reason)
        reader, failed, info = None, [], {"extractor": "pdftotext"}
    else:
        texts, failed = pypdf_pages(reader, count, path)
        filled = fill_failed(texts, failed, path, timeout)
        failed = [n for n in failed if n not in filled]
        info = {"extractor": "pdftotext" if filled else "pypdf"}
        if filled:
            info["pdftotext_pages"] = filled
    texts, encoding = convert_legacy(texts)
    if encoding:
        info["legacy_encoding"] = encoding
    return reader, texts, failed, info
